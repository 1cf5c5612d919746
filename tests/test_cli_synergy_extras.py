"""``helixnet synergy --krippendorff`` and ``--game``: thin wrappers over the library.

Expected values: XOR (I = 1 bit, T = -1, R = 0, analytic) and the hand-worked game of
tests/test_game.py (nucleolus (45, 20, 35), Shapley (48 1/3, 18 1/3, 33 1/3)).
"""

import json

import pytest
from cli_runner import run_inproc as run

import helixnet as hx
from helixnet.cli._schemas import SCHEMAS

jsonschema = pytest.importorskip("jsonschema")

HAND = "U=30,I=10,G=20,UI=10,UG=20,UIG=10"


@pytest.fixture
def xor_csv(tmp_path):
    path = tmp_path / "xor.csv"
    path.write_text("a,b,c\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n")
    return path


def test_krippendorff_json_of_xor_has_one_bit_and_validates(xor_csv):
    code, out, _ = run("synergy", xor_csv, "--dims", "a,b,c", "--engine", "pandas", "--krippendorff", "--format", "json")
    assert code == 0
    payload = json.loads(out)
    jsonschema.validate(payload, SCHEMAS["synergy"])
    k = payload["krippendorff"]
    assert k["interaction_information"] == pytest.approx(1.0, abs=1e-12)
    assert k["mutual_information"] == pytest.approx(-1.0, abs=1e-12)
    assert k["R"] == pytest.approx(0.0, abs=1e-12) and k["Q"] == pytest.approx(1.0, abs=1e-12)
    assert k["ipf"]["converged"] is True and k["ipf"]["tol"] == 1e-10


def test_krippendorff_csv_fills_the_row_of_all_dimensions_only(xor_csv):
    code, out, _ = run("synergy", xor_csv, "--dims", "a,b,c", "--engine", "pandas", "--krippendorff", "--format", "csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split(",")[-1] == "interaction_information"
    full = next(r for r in lines[1:] if r.startswith('"a,b,c"'))
    assert float(full.split(",")[-1]) == pytest.approx(1.0, abs=1e-12)
    assert all(r.split(",")[-1] == "" for r in lines[1:] if r is not full)
    assert len(lines) == 1 + 7  # header and one row per subset of a, b, c


def test_krippendorff_text_states_the_sign_convention(xor_csv):
    code, out, _ = run("synergy", xor_csv, "--dims", "a,b,c", "--engine", "pandas", "--krippendorff")
    assert code == 0
    assert "I(a,b,c -> all 2-way margins) = 1.000000 bit" in out
    assert "R = I - Q = I + T" in out and "T = R - I" in out


def test_game_json_matches_the_library_and_validates():
    code, out, _ = run("synergy", "--venn", HAND, "--none", "0", "--game", "--format", "json")
    assert code == 0
    payload = json.loads(out)
    jsonschema.validate(payload, SCHEMAS["synergy"])
    g = payload["game"]
    assert g == hx.game({"U": 30, "I": 10, "G": 20, "UI": 10, "UG": 20, "UIG": 10}).to_dict()
    assert [round(g["nucleolus"][p], 6) for p in "UIG"] == [45.0, 20.0, 35.0]
    assert g["characteristic_function"]["UG"] == 70.0


def test_game_does_not_depend_on_the_none_count_but_T_does():
    a = json.loads(run("synergy", "--venn", HAND, "--none", "0", "--game", "--format", "json")[1])
    b = json.loads(run("synergy", "--venn", HAND, "--none", "500", "--game", "--format", "json")[1])
    assert a["game"] == b["game"]
    assert a["mutual_information"]["U,I,G"] != b["mutual_information"]["U,I,G"]


def test_game_text_shows_the_characteristic_function_and_the_core():
    code, out, _ = run("synergy", "--venn", HAND, "--none", "0", "--game")
    assert code == 0
    assert "v(UG)=70.0000" in out and "core: 5 vertices" in out
    assert "nucleolus" in out and "Shapley" in out


@pytest.mark.parametrize(
    "args",
    [
        ["synergy", "x.csv", "--dims", "a,b,c", "--game"],  # --game without --venn
        ["synergy", "--venn", HAND, "--none", "0", "--game", "--format", "csv"],
        ["synergy", "--venn", "U=1,I=2,F=3", "--none", "0", "--game"],  # four dimensions
    ],
)
def test_game_misuse_is_a_usage_error(args):
    code, _, err = run(*args)
    assert code == 2 and err.strip().count("\n") == 0
