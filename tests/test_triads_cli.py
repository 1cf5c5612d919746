"""``helixnet triads``: output formats, JSON schema, engines, errors (issue 18).

Expected numbers are analytic: z = x XOR y of fair bits has T = -1 bit and u,
independent of them, gives T = 0.
"""

import json

import networkx as nx
import pandas as pd
import pytest
from cli_runner import run_inproc as run

from helixnet.cli._schemas import SCHEMAS

jsonschema = pytest.importorskip("jsonschema")

XOR = "x,y,u,z,w\n0,0,0,0,1\n0,1,0,1,1\n1,0,0,1,2\n1,1,0,0,1\n0,0,1,0,1\n0,1,1,1,1\n1,0,1,1,2\n1,1,1,0,1\n"


@pytest.fixture
def xor_csv(tmp_path):
    path = tmp_path / "xor.csv"
    path.write_text(XOR)
    return path


@pytest.mark.parametrize("engine", ["duckdb", "pandas"])
def test_json_output_follows_the_schema_and_ranks_xor_first(xor_csv, engine):
    pytest.importorskip(engine)
    code, out, err = run("triads", xor_csv, "--columns", "x,y,u,z", "--engine", engine, "--format", "json")
    assert code == 0, err
    payload = json.loads(out)
    jsonschema.validate(payload, SCHEMAS["triads"])
    top = payload["triads"][0]
    assert (top["a"], top["b"], top["c"]) == ("x", "y", "z")
    assert top["T"] == pytest.approx(-1.0) and top["p_value"] is None
    assert payload["tuples"] == 4 and payload["n"] == 8


def test_quadruples_and_permutations_validate(xor_csv):
    code, out, err = run("triads", xor_csv, "--order", "4", "--weight", "w", "--permutations", "9",
                         "--seed", "2", "--correction", "fdr_bh", "--format", "json")  # fmt: skip
    assert code == 0, err
    payload = json.loads(out)
    jsonschema.validate(payload, SCHEMAS["triads"])
    assert payload["tuples"] == 1 and "d" in payload["triads"][0]  # x, y, u, z: one quadruple
    assert all(0 < r["p_value"] <= 1 for r in payload["triads"])


def test_csv_top_and_map_file(xor_csv, tmp_path):
    out_csv = tmp_path / "t.csv"
    code, _, err = run("triads", xor_csv, "--columns", "x,y,u,z", "--top", "1", "--format", "csv",
                       "--out", out_csv, "--map", tmp_path / "map.graphml")  # fmt: skip
    assert code == 0, err
    table = pd.read_csv(out_csv)
    assert len(table) == 1 and list(table.columns[:4]) == ["a", "b", "c", "T"]
    G = nx.read_graphml(tmp_path / "map.graphml")
    assert sorted(G.nodes) == ["x", "y", "z"]


def test_text_output_is_deterministic(xor_csv):
    a = run("triads", xor_csv, "--permutations", "5", "--seed", "1")
    b = run("triads", xor_csv, "--permutations", "5", "--seed", "1")
    assert a == b and a[0] == 0


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["--permutations", "5"], 2, "--seed"),
        (["--seed", "1"], 2, "--permutations"),
        (["--alternative", "greater"], 2, "--permutations"),
        (["--correction", "fdr_bh"], 2, "--permutations"),
        (["--map", "-"], 2, "--map"),
        (["--columns", "x,y,w", "--weight", "w"], 1, "both a variable and the weight"),
        (["--columns", "x,y,w", "--weight", "w", "--engine", "pandas"], 1, "both a variable and the weight"),
        (["--top", "0"], 2, "--top"),
        (["--columns", "x,nope,z"], 1, "nope"),
        (["--columns", "x,y"], 1, "at least 3"),
    ],
)
def test_bad_usage_and_bad_data_exit_with_one_line(xor_csv, tmp_path, args, code, message):
    out = tmp_path / "never.json"
    got, _, err = run("triads", xor_csv, *args, "--out", out)
    assert got == code
    assert message in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_missing_file_is_bad_data(tmp_path):
    code, _, err = run("triads", tmp_path / "none.csv")
    assert code == 1 and "no such file" in err


def test_a_vosviewer_map_never_overwrites_the_input(xor_csv, tmp_path):
    """--map v.csv also writes v_network.csv: when that is the input, refuse and write nothing."""
    data = tmp_path / "v_network.csv"
    data.write_text(XOR)
    code, _, err = run("triads", data, "--map", tmp_path / "v.csv")
    assert code == 1 and "is the input file" in err and len(err.strip().splitlines()) == 1
    assert data.read_text() == XOR and not (tmp_path / "v.csv").exists()


def test_a_vosviewer_network_file_cannot_also_be_the_output(xor_csv, tmp_path):
    code, _, err = run("triads", xor_csv, "--map", tmp_path / "m.txt", "--out", tmp_path / "m_network.txt")
    assert code == 2 and "same file" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xor.csv"]


def test_map_and_output_are_written_all_or_nothing(xor_csv, tmp_path):
    (tmp_path / "folder").mkdir()
    code, _, err = run("triads", xor_csv, "--map", tmp_path / "m.txt", "--out", tmp_path / "folder")
    assert code != 0
    assert not (tmp_path / "m.txt").exists() and not (tmp_path / "m_network.txt").exists()
    code, _, err = run("triads", xor_csv, "--columns", "x,y,u,z", "--map", tmp_path / "m.txt", "--out", tmp_path / "t.txt")
    assert code == 0, err
    network = (tmp_path / "m_network.txt").read_text().splitlines()
    assert len(network) == 3 and (tmp_path / "t.txt").exists()  # the XOR triangle
