"""End-to-end tests of the ``helixnet`` command line.

Expected numbers come from analytic cases (XOR records: T = -1 bit; three
identical fair presence bits: T = +1 bit; Leydesdorff 2003's sign convention)
or from calling the public library on the same data (the CLI must be a thin
wrapper). JSON outputs are validated against the schemas of
helixnet/cli/_schemas.py.
"""

import csv
import hashlib
import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from cli_runner import run_cli, run_inproc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helixnet.cli._schemas import SCHEMAS

jsonschema = pytest.importorskip("jsonschema")

COMMANDS = ["synergy", "decompose", "shapley", "centrality", "brokerage", "subordination", "graph"]


def validate(command, text):
    payload = json.loads(text)
    jsonschema.validate(payload, SCHEMAS[command])
    return payload


def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


@pytest.fixture
def xor_csv(tmp_path):
    path = tmp_path / "xor.csv"
    path.write_text("a,b,c\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n")
    return path


@pytest.fixture
def graph_files(tmp_path):
    edges = tmp_path / "edges.csv"
    nodes = tmp_path / "nodes.csv"
    edges.write_text("source,target,weight\nuni,ministry,2\nministry,firm,1\nfirm,uni,0.5\nministry,bank,1\n")
    nodes.write_text("node,sector,label\nuni,U,University\nministry,G,Ministry\nfirm,I,Firm\nbank,I,Bank\n")
    return edges, nodes


# ---------------------------------------------------------------------------
# help, start-up


def test_help_lists_every_command_and_each_shows_an_example():
    code, out, _ = run_cli("--help")
    assert code == 0
    for c in COMMANDS:
        assert c in out
    for c in COMMANDS:
        code, out, _ = run_inproc(c, "--help")
        assert code == 0 and "example:" in out and "helixnet " + c in out


def test_building_the_parser_imports_no_heavy_library():
    code = (
        "import sys; from helixnet.cli import build_parser; build_parser(); "
        "heavy = {'numpy', 'pandas', 'networkx', 'duckdb', 'dask', 'pyarrow', 'scipy', 'igraph'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# ---------------------------------------------------------------------------
# synergy


@pytest.mark.parametrize("engine", ["pandas", "duckdb", "dask"])
def test_synergy_of_xor_records_is_minus_one_bit(xor_csv, engine):
    """Analytic: XOR records have T_abc = -1 bit and every pairwise T = 0.

    The pandas engine runs through a real process (the entry point's output); the others in
    this process (a fresh interpreter costs about a second with dask: the engine, not the
    process, is what differs)."""
    run = run_cli if engine == "pandas" else run_inproc
    code, out, err = run("synergy", xor_csv, "--dims", "a,b,c", "--engine", engine, "--format", "json")
    assert code == 0, err
    payload = validate("synergy", out)
    assert payload["mutual_information"]["a,b,c"] == pytest.approx(-1.0, abs=1e-12)
    assert payload["mutual_information"]["a,b"] == pytest.approx(0.0, abs=1e-12)
    assert payload["dimensions"] == ["a", "b", "c"] and payload["n"] == 4 and payload["unit"] == "bit"
    assert list(payload["entropy"]) == ["a", "b", "c", "a,b", "a,c", "b,c", "a,b,c"]


def test_synergy_venn_identical_fair_bits_is_plus_one_bit():
    """Analytic: 10 cases with U, I and G and 10 with none -> three identical fair bits, T = +1 bit;
    in mbit, 1000."""
    code, out, _ = run_inproc("synergy", "--venn", "UIG=10", "--none", "10", "--format", "json")
    assert code == 0
    assert validate("synergy", out)["mutual_information"]["U,I,G"] == pytest.approx(1.0, abs=1e-12)
    code, out, _ = run_inproc("synergy", "--venn", "UIG=10", "--none", "10", "--unit", "mbit", "--format", "json")
    assert json.loads(out)["mutual_information"]["U,I,G"] == pytest.approx(1000.0, abs=1e-9)


def test_synergy_cli_agrees_with_the_library_on_weighted_records(tmp_path):
    """The CLI (DuckDB counting a CSV) and hx.synergy on the DataFrame give the same numbers."""
    import numpy as np

    import helixnet as hx

    rng = np.random.default_rng(3)
    df = pd.DataFrame({"geo": rng.choice(list("pqrs"), 400), "tech": rng.choice(list("xyz"), 400),
                       "size": rng.integers(0, 3, 400), "w": rng.integers(1, 4, 400)})  # fmt: skip
    path = tmp_path / "r.csv"
    df.to_csv(path, index=False)
    expected = hx.synergy(df, dims=["geo", "tech", "size"], weight="w").to_dict()
    for engine in ("pandas", "duckdb"):
        code, out, _ = run_inproc("synergy", path, "--dims", "geo,tech,size", "--weight", "w", "--engine", engine,
                                  "--format", "json")  # fmt: skip
        got = validate("synergy", out)
        assert got["n"] == pytest.approx(expected["n"])
        for key in ("entropy", "mutual_information"):
            assert got[key] == pytest.approx(expected[key], abs=1e-12)


def test_synergy_bootstrap_json_and_csv(xor_csv, tmp_path):
    code, out, _ = run_inproc("synergy", xor_csv, "--dims", "a,b,c", "--bootstrap", "50", "--seed", "1",
                              "--format", "json")  # fmt: skip
    assert code == 0
    payload = validate("synergy", out)
    assert payload["intervals"]["n_boot"] == 50 and payload["intervals"]["seed"] == 1
    code2, out2, _ = run_inproc("synergy", xor_csv, "--dims", "a,b,c", "--bootstrap", "50", "--seed", "1",
                                "--format", "json")  # fmt: skip
    assert out2 == out  # seeded: identical output
    code, out, _ = run_inproc("synergy", xor_csv, "--dims", "a,b,c", "--format", "csv")
    header = out.splitlines()[0]
    assert header == "subset,k,entropy,mutual_information,redundancy,ci_low,ci_high,interaction_information"


def test_synergy_four_dimensions_json_and_csv_carry_r_beside_t():
    """Leydesdorff & Ivanova (2014): R = (-1)^(N+1) T. Four-bit parity (x4 = parity of the
    others, as U,I,G,F Venn counts: one case in each even cell) has T = +1 bit (hand-worked,
    tests/test_information.py), so R = -1: synergy. JSON carries both, named."""
    cells = ["UI", "UG", "UF", "IG", "IF", "GF", "UIGF"]  # the even-weight non-empty cells
    code, out, _ = run_inproc("synergy", "--venn", ",".join(f"{c}=1" for c in cells), "--none", "1",
                              "--format", "json")  # fmt: skip
    payload = validate("synergy", out)
    assert payload["redundancy"]["U,I,G,F"] == pytest.approx(-1.0)
    assert payload["mutual_information"]["U,I,G,F"] == pytest.approx(1.0)


def test_synergy_constant_dimension_is_reported_not_called_no_synergy():
    """Hand-worked: U in every case is constant, so T_UIG = 0 by construction."""
    code, out, err = run_inproc("synergy", "--venn", "UIG=10,U=3,UI=2", "--none", "0", "--format", "json")
    assert code == 0 and "by construction" in err
    assert validate("synergy", out)["constant_dimensions"] == ["U"]
    code, out, _ = run_inproc("synergy", "--venn", "UIG=10,U=3,UI=2", "--none", "0")
    assert "no synergy" not in out and "0 by construction" in out


def test_synergy_dropna_reports_the_dropped_count(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("a,b\nx,1\n,2\ny,\ny,2\n")
    code, _, err = run_inproc("synergy", path, "--dims", "a,b")
    assert code == 1 and "missing" in err and "--dropna" in err
    code, out, err = run_inproc("synergy", path, "--dims", "a,b", "--dropna", "--format", "json")
    assert code == 0 and "dropped 2 records" in err
    assert validate("synergy", out)["dropped"] == 2


@pytest.mark.parametrize(
    "args",
    [
        ["synergy", "--venn", "U=1,I=2"],  # no --none
        ["synergy"],  # neither INPUT nor --venn
        ["synergy", "x.csv"],  # no --dims
        ["synergy", "--venn", "U=1", "--none", "0", "--dims", "a,b"],
        ["synergy", "--venn", "U=x", "--none", "0"],
        ["synergy", "x.csv", "--dims", "a,b", "--bootstrap", "10"],  # no --seed
        ["synergy", "x.csv", "--dims", "a,b", "--engine", "spark"],  # argparse choice
        ["synergy", "x.csv", "--dims", "a,b", "--scheduler", "tcp://h:1"],  # without --engine dask
        ["nosuchcommand"],
    ],
)
def test_bad_usage_exits_2(args):
    code, _, err = run_inproc(*args)
    assert code == 2
    assert "Traceback" not in err


def test_bad_data_exits_1_with_one_line_and_no_traceback(tmp_path, xor_csv):
    """The first case through a real process (the entry point's status and stderr), the others
    in this process, where any exception escaping main() would fail the test."""
    cases = [
        ["synergy", tmp_path / "missing.csv", "--dims", "a,b"],
        ["synergy", xor_csv, "--dims", "a,zz"],
        ["synergy", xor_csv, "--dims", "a"],
        ["synergy", "--venn", "U=1,X=2", "--none", "0"],
    ]
    errors = []
    for i, args in enumerate(cases):
        code, out, err = (run_cli if i == 0 else run_inproc)(*args)
        assert code == 1, (args, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err and out == ""
        errors.append(err)
    assert "available columns: a, b, c" in errors[1]


def test_debug_shows_the_traceback(xor_csv):
    code, _, err = run_cli("synergy", xor_csv, "--dims", "a,zz", "--debug")
    assert code == 1 and "Traceback" in err and "InvalidRecordsError" in err


# ---------------------------------------------------------------------------
# --out, inputs


def test_out_writes_atomically_and_leaves_nothing_on_error(tmp_path, xor_csv):
    target = tmp_path / "res.json"
    code, out, _ = run_inproc("synergy", xor_csv, "--dims", "a,b,c", "--format", "json", "--out", target)
    assert code == 0 and out == ""
    validate("synergy", target.read_text())
    before = target.read_bytes()
    code, _, _ = run_inproc("synergy", xor_csv, "--dims", "a,nope", "--format", "json", "--out", target)
    assert code == 1 and target.read_bytes() == before  # an error never touches an existing output
    fresh = tmp_path / "fresh.json"
    run_inproc("synergy", xor_csv, "--dims", "a,nope", "--out", fresh)
    assert not fresh.exists()
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".helixnet-")]  # no temporary left


def test_out_into_a_missing_folder_is_exit_1(tmp_path, xor_csv):
    code, _, err = run_inproc("synergy", xor_csv, "--dims", "a,b,c", "--out", tmp_path / "no" / "dir" / "x.txt")
    assert code == 1 and len(err.strip().splitlines()) == 1


def test_inputs_are_never_modified(tmp_path, xor_csv, graph_files):
    edges, nodes = graph_files
    before = {p: sha(p) for p in (xor_csv, edges, nodes)}
    run_inproc("synergy", xor_csv, "--dims", "a,b,c", "--out", tmp_path / "o1")
    run_inproc("decompose", xor_csv, "--dims", "a,b", "--group", "c", "--out", tmp_path / "o2")
    run_inproc("centrality", edges, "--nodes", nodes, "--out", tmp_path / "o3")
    run_inproc("graph", edges, "--nodes", nodes, "--out", tmp_path / "o4.graphml")
    assert {p: sha(p) for p in before} == before


# ---------------------------------------------------------------------------
# malformed CSVs never produce a traceback

# Python 3.10's csv writer cannot write a NUL character (3.11's can), so there the generated
# text leaves it out
_text = st.text(max_size=3)
if sys.version_info < (3, 11):
    _text = _text.filter(lambda s: "\x00" not in s)
cell = st.one_of(
    st.sampled_from(["", "1", "-1", "0", "2.5", "abc", "NaN", "nan", "inf", '"', '""', "a,b", " ", "1e400", "x\ny"]),
    _text,
)
row = st.lists(cell, min_size=0, max_size=5)


def _write_rows(path, header, rows, raw_tail):
    with open(path, "w", newline="", encoding="utf-8", errors="surrogatepass") as fh:
        if header is not None:
            csv.writer(fh, lineterminator="\n").writerow(header)
        csv.writer(fh, lineterminator="\n").writerows(rows)
        fh.write(raw_tail)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    header=st.one_of(st.none(), st.lists(st.sampled_from(["a", "b", "w", "c", ""]), min_size=0, max_size=4)),
    rows=st.lists(row, max_size=6),
    raw_tail=st.sampled_from(["", '"unclosed', "\n\n", "a,b,w,x,y\n", ",,,\n"]),
    engine=st.sampled_from(["pandas", "duckdb"]),
    weighted=st.booleans(),
    dropna=st.booleans(),
)
def test_malformed_csv_gives_exit_0_or_1_and_one_stderr_line(tmp_path_factory, header, rows, raw_tail, engine,
                                                              weighted, dropna):  # fmt: skip
    path = tmp_path_factory.mktemp("bad") / "in.csv"
    try:
        _write_rows(path, header, rows, raw_tail)
    except UnicodeEncodeError:
        return
    args = ["synergy", path, "--dims", "a,b", "--engine", engine, "--format", "json"]
    args += ["--weight", "w"] if weighted else []
    args += ["--dropna"] if dropna else []
    before = sha(path)
    code, out, err = run_inproc(*args)  # any uncaught exception fails the test
    assert sha(path) == before
    if code == 0:
        validate("synergy", out)
    else:
        assert code == 1
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("helixnet synergy: error:")


@pytest.mark.parametrize(
    "content",
    ["", "a,b\n", "a,b\n1,2,3\n", "a,b,w\n1,2,-3\n", 'a,b\n"1,2\n', "a,b\n1\n", "\xff\xfe"],
    ids=["empty", "header-only", "long-row", "negative-weight", "unclosed-quote", "short-row", "not-utf8"],
)
def test_malformed_csv_through_a_real_process(tmp_path, content):
    path = tmp_path / "bad.csv"
    path.write_bytes(content.encode("latin-1"))
    code, out, err = run_cli("synergy", path, "--dims", "a,b", "--weight", "w" if "w" in content else "b")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_unreadable_parquet_and_unknown_format_exit_1(tmp_path):
    bad = tmp_path / "x.parquet"
    bad.write_bytes(b"PAR1 nonsense")
    other = tmp_path / "x.json"
    other.write_text("{}")
    for path in (bad, other):
        code, _, err = run_inproc("synergy", path, "--dims", "a,b")
        assert code == 1 and len(err.strip().splitlines()) == 1


# ---------------------------------------------------------------------------
# the other commands: thin wrappers, schemas


def _regional_records(tmp_path):
    import numpy as np

    rng = np.random.default_rng(11)
    df = pd.DataFrame({"geo": rng.choice(list("pq"), 300), "tech": rng.choice(list("xyz"), 300),
                       "size": rng.choice(list("sl"), 300), "region": rng.choice(["north", "south", "east"], 300)})
    path = tmp_path / "regions.parquet"
    df.to_parquet(path)
    return df, path  # fmt: skip


def test_decompose_cli_agrees_with_the_library(tmp_path):
    import helixnet as hx

    df, path = _regional_records(tmp_path)
    code, out, err = run_inproc("decompose", path, "--dims", "geo,tech,size", "--group", "region", "--format", "json")
    assert code == 0, err
    got = validate("decompose", out)
    res = hx.decompose(df, ["geo", "tech", "size"], "region")
    assert got["total"] == pytest.approx(res.total) and got["between"] == pytest.approx(res.between)
    assert got["total"] == pytest.approx(hx.synergy(df, dims=["geo", "tech", "size"]).T)  # T of all records


def test_shapley_cli_values_add_up_to_T(tmp_path):
    """Efficiency (Shapley 1953): the values add up to T of all records, computed by hx.synergy."""
    import helixnet as hx

    df, path = _regional_records(tmp_path)
    code, out, err = run_inproc("shapley", path, "--dims", "geo,tech,size", "--player", "region", "--format", "json")
    assert code == 0, err
    got = validate("shapley", out)
    T = hx.synergy(df, dims=["geo", "tech", "size"]).T
    assert sum(v["shapley"] for v in got["values"]) == pytest.approx(T, abs=1e-9)
    assert got["method"] == "exact" and [v["player"] for v in got["values"]] == ["east", "north", "south"]
    # each player's n is its own count of records (pandas value_counts), beside its value
    counts = df["region"].value_counts()
    assert {v["player"]: v["n"] for v in got["values"]} == {k: float(c) for k, c in counts.items()}
    code, out, err = run_inproc("shapley", path, "--dims", "geo,tech,size", "--player", "region",
                                "--value", "weighted", "--format", "json")  # fmt: skip
    got = validate("shapley", out)
    assert got["value"] == "weighted"
    assert sum(v["shapley"] for v in got["values"]) == pytest.approx(T, abs=1e-9)  # efficiency again


def test_centrality_and_brokerage_cli_agree_with_the_library(graph_files):
    from helixnet.networks._builders import from_edges
    from helixnet.networks._centrality import centrality

    edges, nodes = graph_files
    G = from_edges(pd.read_csv(edges), pd.read_csv(nodes))
    code, out, err = run_inproc("centrality", edges, "--nodes", nodes, "--format", "json")
    assert code == 0, err
    got = validate("centrality", out)
    lib = centrality(G)
    for rec in got["nodes"]:
        assert rec["pagerank"] == pytest.approx(lib.loc[rec["node"], "pagerank"])
    code, out, err = run_inproc("brokerage", edges, "--nodes", nodes, "--format", "json")
    assert code == 0, err
    got = validate("brokerage", out)
    # hand count: ministry brokers uni -> ministry -> firm and uni -> ministry -> bank (U, G, I: liaison)
    ministry = next(r for r in got["nodes"] if r["node"] == "ministry")
    assert ministry["liaison"] == 2 and ministry["total"] == 2


def test_graph_round_trip_edges_graphml_gexf(tmp_path, graph_files):
    edges, nodes = graph_files
    gml, gexf = tmp_path / "g.graphml", tmp_path / "g.gexf"
    assert run_inproc("graph", edges, "--nodes", nodes, "--out", gml)[0] == 0
    assert run_inproc("graph", gml, "--out", gexf)[0] == 0
    code, out, err = run_inproc("graph", gexf, "--format", "json")
    assert code == 0, err
    got = validate("graph", out)
    pairs = {(e["source"], e["target"]): e["weight"] for e in got["edges"]}
    assert pairs == {("uni", "ministry"): 2, ("ministry", "firm"): 1, ("firm", "uni"): 0.5, ("ministry", "bank"): 1}
    assert {n["node"]: n["sector"] for n in got["nodes"]} == {"uni": "U", "ministry": "G", "firm": "I", "bank": "I"}


def test_graph_errors_exit_1(tmp_path, graph_files):
    edges, nodes = graph_files
    bad = tmp_path / "bad.graphml"
    bad.write_text("<graphml><unclosed>")
    code, _, err = run_inproc("centrality", bad)
    assert code == 1 and len(err.strip().splitlines()) == 1
    wrong = tmp_path / "nodes.csv"
    wrong.write_text("node,sector\nuni,U\nministry,X\nfirm,I\nbank,I\n")
    code, _, err = run_inproc("centrality", edges, "--nodes", wrong)
    assert code == 1 and "X" in err
    assert run_inproc("centrality", edges)[0] == 2  # an edge list needs --nodes


def test_subordination_cli_json_validates_and_equals_the_library(graph_files):
    """The CLI is a thin wrapper: its JSON equals subordination_report(...).to_dict() for the
    same graph, null replicates and seed; the same seed gives byte-identical output."""
    import json as _json

    from helixnet.networks._builders import from_edges
    from helixnet.networks._subordination import subordination_report

    edges, nodes = graph_files
    args = ("subordination", edges, "--nodes", nodes, "--null", "9", "--seed", "3", "--format", "json")
    code, out, err = run_inproc(*args)
    assert code == 0, err
    payload = validate("subordination", out)
    G = from_edges(pd.read_csv(edges), pd.read_csv(nodes))
    lib = _json.loads(_json.dumps(subordination_report(G, n_resamples=9, seed=3).to_dict()))
    assert payload["verdict"] == lib["verdict"]
    assert payload["configurations"] == lib["configurations"]
    assert run_inproc(*args)[1] == out
    code, csv_out, err = run_inproc("subordination", edges, "--nodes", nodes, "--null", "9", "--format", "csv")
    assert code == 0, err
    from helixnet.networks._configuration import EVIDENCE_COLUMNS

    assert csv_out.splitlines()[0] == ",".join(EVIDENCE_COLUMNS)


def test_subordination_sensitivity_cli_equals_the_library(graph_files):
    """--sensitivity is sensitivity(G, ...) on the same graph, draws and seed."""
    import json as _json

    from helixnet.kazakhstan._sensitivity import sensitivity
    from helixnet.networks._builders import from_edges

    edges, nodes = graph_files
    code, out, err = run_inproc("subordination", edges, "--nodes", nodes, "--sensitivity", "--null", "9",
                                "--seed", "2", "--format", "json")
    assert code == 0, err
    payload = validate("subordination_sensitivity", out)
    G = from_edges(pd.read_csv(edges), pd.read_csv(nodes))
    lib = _json.loads(_json.dumps(sensitivity(G, n_resamples=9, seed=2).to_dict()))
    assert payload["table"] == lib["table"]
    assert payload["table"][0]["variant"] == "as coded"


def test_synergy_reads_xlsx_records(tmp_path):
    """XOR records in an Excel workbook: T = -1 bit (analytic), the same as from CSV."""
    pytest.importorskip("openpyxl")
    rows = [(a, b, a ^ b) for a in (0, 1) for b in (0, 1)] * 3
    path = tmp_path / "xor.xlsx"
    pd.DataFrame(rows, columns=["u", "i", "g"]).to_excel(path, index=False)
    code, out, err = run_inproc("synergy", path, "--dims", "u,i,g", "--format", "json")
    assert code == 0, err
    payload = validate("synergy", out)
    assert payload["mutual_information"]["u,i,g"] == pytest.approx(-1.0, abs=1e-12)
    assert payload["n"] == 12


def test_unreadable_xlsx_is_one_line_exit_one(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip file")
    code, out, err = run_inproc("synergy", path, "--dims", "a,b")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


# ---------------------------------------------------------------------------
# review fixes


def test_single_bootstrap_replicate_gives_valid_json_with_null_std_error(xor_csv):
    """Source: one replicate has no sample standard deviation (ddof=1); strict JSON has no
    NaN (this used to crash with a traceback in json.dumps)."""
    code, out, err = run_inproc("synergy", xor_csv, "--dims", "a,b,c", "--bootstrap", 1, "--seed", 1,
                                "--format", "json")  # fmt: skip
    assert code == 0, err
    payload = validate("synergy", out)
    assert payload["intervals"]["mutual_information"]["a,b,c"]["std_error"] is None


def test_single_permutation_shapley_gives_valid_json_with_null_stderr(xor_csv):
    """Source: the Monte Carlo standard error of one permutation is undefined (ddof=1)."""
    code, out, err = run_inproc("shapley", xor_csv, "--dims", "a,b", "--player", "c", "--method",
                                "permutation", "--permutations", 1, "--seed", 1, "--format", "json")  # fmt: skip
    assert code == 0, err
    payload = validate("shapley", out)
    assert all(v["stderr"] is None for v in payload["values"])


@pytest.mark.parametrize("command", ["synergy", "shapley"])
def test_negative_seed_is_bad_usage_exit_2(xor_csv, command):
    """Source: numpy seeds are non-negative integers (a negative one used to give a traceback)."""
    extra = ["--bootstrap", 5] if command == "synergy" else ["--player", "c", "--method", "permutation"]
    code, _, err = run_inproc(command, xor_csv, "--dims", "a,b", *extra, "--seed", -3)
    assert code == 2 and "Traceback" not in err


def test_four_dimensional_verdict_follows_the_mutual_redundancy_sign():
    """Source: 4-bit even parity has co-information T = +1 bit (dit.multivariate.coinformation,
    see test_information), so Leydesdorff & Ivanova's (2014) R = -T = -1 < 0: a reduction of
    uncertainty. The text used to say 'no synergy' from the sign of T alone."""
    parity = "UI=1,UG=1,UF=1,IG=1,IF=1,GF=1,UIGF=1"
    code, out, err = run_inproc("synergy", "--venn", parity, "--none", 1)
    assert code == 0, err
    last = out.strip().splitlines()[-1]
    assert last.startswith("T(U,I,G,F) = 1.000000 bit, R(U,I,G,F) = -T = -1.000000 bit")
    assert last.endswith(": synergy (reduction of uncertainty)")


def test_decompose_and_shapley_text_name_the_sign_reading_of_four_dimensions(tmp_path):
    """Leydesdorff & Ivanova (2014): in four dimensions synergy is a positive T (R = -T);
    with three, a negative T. The text output says which reading applies."""
    import pandas as pd

    rows = [(a, b, c, (a + b + c) % 2, g) for a in (0, 1) for b in (0, 1) for c in (0, 1) for g in "xy"]
    path = tmp_path / "four.csv"
    pd.DataFrame(rows, columns=["a", "b", "c", "d", "g"]).to_csv(path, index=False)
    code, out, err = run_inproc("decompose", path, "--dims", "a,b,c,d", "--group", "g")
    assert code == 0, err
    assert "T of 4 dimensions: positive = synergy (R = -T)" in out.splitlines()[0]
    code, out, err = run_inproc("shapley", path, "--dims", "a,b,c", "--player", "g")
    assert code == 0, err
    assert "T of 3 dimensions: negative = synergy" in out.splitlines()[0]


def test_shapley_sampling_options_are_never_silently_ignored(tmp_path):
    """Issue 11 §2: with at most 20 players the values are exact, so --permutations and --seed
    would change nothing; they are a usage error (exit 2), and accepted with the permutation method."""
    rng = np.random.default_rng(3)
    df = pd.DataFrame({"geo": rng.integers(0, 3, 200), "tech": rng.integers(0, 2, 200),
                       "size": rng.integers(0, 2, 200), "region": rng.integers(0, 4, 200)})
    path = tmp_path / "firms.csv"
    df.to_csv(path, index=False)
    base = ["shapley", path, "--dims", "geo,tech,size", "--player", "region"]
    for extra in (["--permutations", "50"], ["--seed", "3"], ["--method", "exact", "--seed", "3"]):
        code, out, err = run_inproc(*base, *extra)
        assert code == 2 and "permutation method" in err and out == "", extra
    code, out, _ = run_inproc(*base, "--method", "permutation", "--permutations", "50", "--seed", "3")
    assert code == 0 and "50 permutations, seed 3" in out


@pytest.mark.parametrize(
    "argv, words",
    [
        (["centrality", "EDGES", "--seed", "3"], "--seed goes with --sources"),
        (["subordination", "EDGES", "--merge", "a,b"], "--merge goes with --sensitivity"),
        (["subordination", "EDGES", "--level", "1.5"], "invalid level"),
        (["openalex", "--snapshot", "SNAP", "--bootstrap", "0", "--seed", "2"], "--seed goes with --bootstrap"),
        (["openalex", "--snapshot", "SNAP", "--countries", "KZ"], "--countries chooses the panels of --figure"),
        (["openalex", "--snapshot", "SNAP", "--ci", "95"], "invalid level"),
    ],
)
def test_options_that_would_change_nothing_are_usage_errors(tmp_path, argv, words):
    """Issue 11 §2 siblings: an option whose companion is missing would be silently ignored;
    it is a usage error (exit 2, one line) before anything is read."""
    from helixnet.bibliometrics._openalex import SAMPLE_SNAPSHOT

    edges = tmp_path / "edges.csv"
    edges.write_text("source,target\na,b\n")
    argv = [str(edges) if a == "EDGES" else SAMPLE_SNAPSHOT if a == "SNAP" else a for a in argv]
    code, out, err = run_inproc(*argv)
    assert code == 2 and words in err and out == ""
    assert len(err.strip().splitlines()) == 1


def test_sensitivity_honours_reading_and_refuses_backend(graph_files):
    """Review finding: --sensitivity ignored --reading and --backend. With --reading only that
    reading's rows are computed; --backend with --sensitivity is a usage error."""
    edges, nodes = graph_files
    code, out, err = run_inproc("subordination", edges, "--nodes", nodes, "--sensitivity", "--reading", "flows",
                                "--null", "5", "--format", "json")
    assert code == 0, err
    readings = {row["reading"] for row in json.loads(out)["table"]}
    assert readings == {"flows"}
    code, out, err = run_inproc("subordination", edges, "--nodes", nodes, "--sensitivity", "--backend", "igraph")
    assert code == 2 and "--sensitivity computes no centrality" in err
