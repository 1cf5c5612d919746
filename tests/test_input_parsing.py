"""Input parsing: one weight parser, no ignored options, one-line errors (issue 11, sections 2, 4, 5).

Expected values are independent of helixnet: the offending value written into the
file is the one the message must name; exact counts by hand (a 3 MB field in a
three-record file still gives n = 3); exit statuses of the CLI contract (1 bad
data, 2 bad usage); and the number of lines on stderr.
"""

import io
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from cli_runner import run_cli, run_inproc

import helixnet as hx
from helixnet.exceptions import HelixnetError, InputFileError, InvalidGraphError, InvalidRecordsError
from helixnet.information import _engines as engines
from helixnet.networks import _nullmodels as nullmodels
from helixnet.networks._configuration import archetype_graph

ENGINES = ["pandas", "duckdb", "dask"]
ROOT = Path(__file__).parents[1]


def one_line(err):
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


# ---------------------------------------------------------------------------
# one weight parser

BAD_WEIGHTS = ["true", "0x10", "1+2j", "1_000", "inf", "nan", "abc", "-1"]


@pytest.mark.parametrize("bad", BAD_WEIGHTS)
def test_every_command_refuses_the_same_bad_weights(tmp_path, bad):
    """The row written with `bad` must be refused by every reader of weights, naming it."""
    rec = tmp_path / "r.csv"
    rec.write_text(f"a,b,c,w\nx,y,z,1\nx,q,z,{bad}\ny,y,z,2\n")
    runs = [("synergy", rec, "--dims", "a,b,c", "--weight", "w", "--engine", e) for e in ENGINES]
    runs += [("decompose", rec, "--dims", "b,c", "--weight", "w", "--group", "a"),
             ("shapley", rec, "--dims", "b,c", "--weight", "w", "--player", "a")]  # fmt: skip
    for argv in runs:
        code, _, err = run_inproc(*argv)
        assert code == 1, (argv, err)
        assert repr(bad) in one_line(err) or bad in err, (argv, err)
    edges, nodes = tmp_path / "e.csv", tmp_path / "n.csv"
    edges.write_text(f"source,target,weight\nu,i,{bad}\ni,g,1\n")
    nodes.write_text("node,sector\nu,U\ni,I\ng,G\n")
    for command in ("centrality", "brokerage", "graph"):
        code, _, err = run_inproc(command, edges, "--nodes", nodes)
        assert code == 1 and bad in one_line(err), (command, err)


@pytest.mark.parametrize("text, value", [("2", 2.0), (" .5 ", 0.5), ("1e1", 10.0), ("-0", 0.0), ("+3", 3.0)])
def test_text_weights_count_as_the_numbers_they_write(text, value):
    """Hand count: one record of weight `value` and one of weight 1."""
    from helixnet._validation import parse_weights

    w, bad = parse_weights(pd.Series([text, "1"], dtype=object))
    assert w.tolist() == [value, 1.0] and not bad.any()


@pytest.mark.parametrize("column", [
    [True, False, True],
    [1 + 0j, 2 + 0j, 1 + 0j],
    ["1", "0x10", "2"],
    [1, "true", 2],
])  # fmt: skip
@pytest.mark.parametrize("api", ["synergy", "contingency", "count_table", "decompose"])
def test_the_api_refuses_bool_complex_and_hex_weights(column, api):
    df = pd.DataFrame({"a": list("xxy"), "b": list("yqy"), "c": list("zzw"), "w": column})
    with pytest.raises(InvalidRecordsError, match="'w'"):
        if api == "synergy":
            hx.synergy(df, dims=["a", "b", "c"], weight="w")
        elif api == "contingency":
            hx.contingency(df, ["a", "b", "c"], weight="w")
        elif api == "count_table":
            engines.count_table(df, ["a", "b", "c"], weight="w")
        else:
            hx.decompose(df, ["a", "b"], "c", weight="w")


@pytest.mark.parametrize("w", [True, np.bool_(True), "0x10", 1 + 2j, "1_000", float("nan")])
def test_graph_builders_refuse_the_same_weights(w):
    nodes = pd.DataFrame({"node": ["u", "i"], "sector": ["U", "I"]})
    edges = pd.DataFrame({"source": ["u"], "target": ["i"], "weight": [w]})
    with pytest.raises(InvalidGraphError, match="weight"):
        hx.networks.from_edges(edges, nodes)


def test_duckdb_refuses_a_real_nan_weight_in_parquet(tmp_path):
    """NaN written by pyarrow (not a null): DuckDB folds isnan() from Parquet statistics."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "w.parquet"
    pq.write_table(pa.table({"b": ["x", "y", "x"], "c": ["p", "q", "q"], "w": [1.0, float("nan"), 2.0]}), path)
    for engine in ENGINES:
        with pytest.raises(InvalidRecordsError, match="1 value does not"):
            engines.count_table(path, ["b", "c"], weight="w", engine=engine)


# ---------------------------------------------------------------------------
# list / struct columns as dimensions


@pytest.fixture
def nested_parquet(tmp_path):
    path = tmp_path / "nested.parquet"
    pd.DataFrame({"l": [[1, 2], [3], [1, 2]], "s": [{"x": 1}, {"x": 2}, {"x": 1}],
                  "b": list("xyx"), "c": list("pqq")}).to_parquet(path)  # fmt: skip
    return path


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("col", ["l", "s"])
def test_a_list_or_struct_dimension_is_one_line_for_every_engine(nested_parquet, engine, col):
    code, _, err = run_inproc("synergy", nested_parquet, "--dims", f"{col},b", "--engine", engine)
    assert code == 1 and f"'{col}'" in one_line(err)


@pytest.mark.parametrize("argv", [
    ["decompose", "--dims", "l,b", "--group", "c"],
    ["decompose", "--dims", "b,c", "--group", "s"],
    ["shapley", "--dims", "b,c", "--player", "l"],
])  # fmt: skip
def test_a_list_or_struct_column_in_decompose_and_shapley_is_one_line(nested_parquet, argv):
    code, _, err = run_inproc(argv[0], nested_parquet, *argv[1:])
    assert code == 1 and "list" in one_line(err)


def test_a_dataframe_with_list_values_is_refused_by_the_api():
    df = pd.DataFrame({"a": [[1], [2]], "b": ["x", "y"]})
    for call in (lambda: hx.synergy(df, dims=["a", "b"]), lambda: engines.count_table(df, ["a", "b"])):
        with pytest.raises(InvalidRecordsError, match="'a'"):
            call()


# ---------------------------------------------------------------------------
# options never silently ignored


@pytest.fixture
def graph_files(tmp_path):
    edges, nodes = tmp_path / "e.csv", tmp_path / "n.csv"
    edges.write_text("from,to,strength\nu,i,2\ni,g,1\n")
    nodes.write_text("node,sector\nu,U\ni,I\ng,G\n")
    return edges, nodes


def test_source_and_target_options_name_existing_columns(graph_files):
    edges, nodes = graph_files
    code, _, _ = run_inproc("centrality", edges, "--nodes", nodes, "--source", "from", "--target", "to")
    assert code == 0
    code, _, err = run_inproc("centrality", edges, "--nodes", nodes, "--source", "frm", "--target", "to")
    assert code == 1 and "'frm'" in one_line(err) and "--source" in err


def test_a_misspelt_edge_weight_is_an_error_not_an_unweighted_graph(graph_files, tmp_path):
    edges, nodes = graph_files
    e2 = tmp_path / "e2.csv"
    e2.write_text("source,target,weight\nu,i,2\ni,g,1\n")
    code, _, err = run_inproc("centrality", e2, "--nodes", nodes, "--edge-weight", "wieght")
    assert code == 1 and "'wieght'" in one_line(err)
    assert run_inproc("centrality", e2, "--nodes", nodes, "--edge-weight", "weight")[0] == 0
    assert run_inproc("centrality", e2, "--nodes", nodes, "--edge-weight", "none")[0] == 0


def test_edge_list_options_with_a_graphml_input_are_usage_errors(graph_files, tmp_path):
    edges, nodes = graph_files
    gml = tmp_path / "g.graphml"
    assert run_inproc("graph", edges, "--nodes", nodes, "--source", "from", "--target", "to", "--out", gml)[0] == 0
    for extra in (["--source", "x"], ["--nodes", str(nodes)], ["--undirected"]):
        code, _, err = run_inproc("centrality", gml, *extra)
        assert code == 2 and extra[0] in one_line(err)


def test_options_that_need_bootstrap_are_refused_without_it(tmp_path):
    rec = tmp_path / "r.csv"
    rec.write_text("a,b\nx,y\ny,x\n")
    code, _, err = run_inproc("synergy", rec, "--dims", "a,b", "--ci", "0.9")
    assert code == 2 and "--ci" in one_line(err)


def test_excel_with_duplicate_headers_is_refused_like_csv(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["a", "a", "b"], ["x", "y", "z"], ["y", "y", "z"]):
        ws.append(row)
    wb.save(tmp_path / "dup.xlsx")
    (tmp_path / "dup.csv").write_text("a,a,b\nx,y,z\ny,y,z\n")
    for name in ("dup.xlsx", "dup.csv"):
        with pytest.raises(InputFileError, match="duplicate column names in the header: a"):
            engines.count_table(tmp_path / name, ["a", "b"], engine="pandas")


# ---------------------------------------------------------------------------
# one line, never a traceback


@pytest.mark.parametrize("argv", [
    ["synergy", "x.csv", "--dims", "a,b", "--bootstrap", "-1", "--seed", "1"],
    ["synergy", "x.csv", "--dims", "a,b", "--bootstrap", "10", "--seed", "-1"],
    ["synergy", "x.csv", "--dims", "a,b", "--bootstrap", "10", "--seed", "1", "--ci", "1.5"],
    ["shapley", "x.csv", "--dims", "a,b", "--player", "c", "--permutations", "-5"],
    ["shapley", "x.csv", "--dims", "a,b", "--player", "c", "--seed", "-5"],
    ["subordination", "x.csv", "--null", "-5"],
    ["subordination", "x.csv", "--null", "0"],
    ["subordination", "x.csv", "--seed", "-1"],
    ["bibliometrics", "x.txt", "--bootstrap", "-5"],
    ["bibliometrics", "x.txt", "--bootstrap", "5", "--seed", "-5"],
    ["reproduce", "--dpi", "0"],
    ["synergy", "--dimz", "a"],
    ["synergy", "x.csv", "--engine", "spark"],
    ["nosuchcommand"],
])  # fmt: skip
def test_out_of_range_options_and_argparse_errors_are_one_line_with_exit_2(argv):
    """Checked before any file is read (x.csv does not exist: exit 1 would mean it was read)."""
    code, out, err = run_inproc(*argv)
    assert code == 2, err
    line = one_line(err)
    assert "--help" in line and "usage error" in line and out == ""


def test_dask_with_a_scheduler_that_is_not_an_address_is_one_line(tmp_path):
    pytest.importorskip("distributed")
    rec = tmp_path / "r.csv"
    rec.write_text("a,b\nx,y\ny,x\n")
    code, _, err = run_cli("synergy", rec, "--dims", "a,b", "--engine", "dask", "--scheduler", "notanaddress")
    assert code == 1 and "notanaddress" in one_line(err)


def test_dask_prints_no_worker_traceback_or_log(tmp_path):
    pytest.importorskip("distributed")
    rec = tmp_path / "ragged.csv"
    rec.write_text("a,b,c\nx,y,z\nx,y\n")
    code, _, err = run_cli("synergy", rec, "--dims", "a,b,c", "--engine", "dask")
    assert code == 1 and "Expected 3 columns" in one_line(err)
    good = tmp_path / "good.csv"
    good.write_text("a,b\nx,y\ny,x\n")
    code, out, err = run_cli("synergy", good, "--dims", "a,b", "--engine", "dask")
    assert code == 0 and err == "", err


@pytest.mark.parametrize("engine", ["pandas", "duckdb"])
def test_a_csv_with_a_3_mb_field_is_read(tmp_path, engine):
    """3 MB: above pyarrow's 1 MiB block and DuckDB's default 2 MB line; hand count n = 3."""
    path = tmp_path / "big.csv"
    path.write_text('a,b\np,q\n"' + "x" * 3_000_000 + '",q\np,r\n')
    t = engines.count_table(path, ["a", "b"], engine=engine)
    assert t.n == 3 and t.labels[1] == ("q", "r")


def test_a_field_beyond_the_limit_is_refused_naming_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_text('a,b\np,q\n"' + "x" * 3_000_000 + '",q\np,r\n')
    monkeypatch.setattr(engines, "MAX_FIELD_BYTES", 2**20)
    with pytest.raises(InputFileError, match=r"longer than 1 MiB \(1048576 bytes\)"):
        engines.count_table(path, ["a", "b"], engine="duckdb")
    pytest.importorskip("distributed")
    with pytest.raises(InputFileError, match=r"longer than 1 MiB"):
        engines.count_table(path, ["a", "b"], engine="dask")


# ---------------------------------------------------------------------------
# API counts and seeds: helixnet errors


@pytest.mark.parametrize("call", [
    lambda t, G: hx.bootstrap(t, n_resamples="5", seed=1),
    lambda t, G: hx.bootstrap(t, n_resamples=5, seed=1.5),
    lambda t, G: hx.permutation_test(t, n_resamples=None, seed=1),
    lambda t, G: nullmodels.significance(G, n_resamples=2.0),
    lambda t, G: nullmodels.significance(G, n_resamples=5, seed="1"),
    lambda t, G: nullmodels.permute_sectors(G, seed=-1),
    lambda t, G: nullmodels.rewire(G, seed="x"),
    lambda t, G: hx.subordination_report(G, n_resamples="5"),
    lambda t, G: hx.subordination_report(G, n_resamples=5, seed=1.5),
])  # fmt: skip
def test_wrong_typed_counts_and_seeds_raise_helixnet_errors(call):
    t = np.array([[[3, 1], [1, 2]], [[1, 2], [2, 4]]])
    G = archetype_graph("statist", seed=0)
    with pytest.raises(HelixnetError):
        call(t, G)


# ---------------------------------------------------------------------------
# progress while counting


class _SlowConnection:
    """A DuckDB stand-in whose query takes 0.6 s and reports 0, 50, 100 % progress."""

    def __init__(self):
        import time

        self.time = time
        self.polls = 0

    def execute(self, sql):
        self.time.sleep(0.6)
        return "cursor"

    def query_progress(self):
        self.polls += 1
        return min(100.0, 50.0 * (self.polls - 1))

    def interrupt(self):  # pragma: no cover
        pass


def test_counting_shows_a_progress_bar_on_stderr_when_asked(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    con = _SlowConnection()
    assert engines._execute_with_progress(con, "SELECT 1", progress=True) == "cursor"
    assert "counting records" in err.getvalue() and con.polls >= 2


def test_counting_without_a_terminal_or_with_quiet_shows_nothing(tmp_path, capsys):
    rec = tmp_path / "r.csv"
    rec.write_text("a,b\nx,y\ny,x\n")
    engines.count_table(rec, ["a", "b"], engine="duckdb", progress=True)  # stderr is not a terminal here
    assert capsys.readouterr().err == ""
    code, _, err = run_inproc("synergy", rec, "--dims", "a,b", "--quiet")
    assert code == 0 and err == ""


def test_every_command_has_quiet():
    for command in ("reproduce", "datasets", "synergy", "decompose", "shapley", "centrality", "brokerage",
                    "subordination", "graph", "bibliometrics"):  # fmt: skip
        code, out, _ = run_inproc(command, "--help")
        assert code == 0 and "--quiet" in out, command


def test_an_unknown_option_is_reported_by_its_command():
    code, _, err = run_inproc("synergy", "x.csv", "--dimz", "a")
    assert code == 2 and one_line(err).startswith("helixnet synergy: usage error: unrecognized arguments: --dimz")
    assert "'helixnet synergy --help'" in err


def test_decompose_table_without_csv_is_a_usage_error(tmp_path):
    rec = tmp_path / "r.csv"
    rec.write_text("a,b,g\nx,y,1\ny,x,2\n")
    code, _, err = run_inproc("decompose", rec, "--dims", "a,b", "--group", "g", "--table", "levels")
    assert code == 2 and "--table" in one_line(err)
    code, out, _ = run_inproc("decompose", rec, "--dims", "a,b", "--group", "g", "--table", "levels", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("level,depth")


@pytest.mark.parametrize("measure", ["centrality", "hierarchy", "mediation", "brokerage"])
def test_a_weight_attribute_no_edge_has_is_an_error_in_the_api(measure):
    """A misspelt weight name would silently make every tie weigh 1 (the graph has 'weight' only)."""
    import networkx as nx

    G = nx.DiGraph()
    G.add_nodes_from([("u", {"sector": "U"}), ("i", {"sector": "I"}), ("g", {"sector": "G"})])
    G.add_edge("u", "i", weight=2.0)
    G.add_edge("g", "u", weight=1.0)
    func = getattr(hx, measure)
    with pytest.raises(InvalidGraphError, match="'wieght'"):
        func(G, weight="wieght")
    func(G, weight="weight")  # the attribute that exists
    H = nx.DiGraph(G.edges())  # unweighted: the default name may be absent
    nx.set_node_attributes(H, {"u": "U", "i": "I", "g": "G"}, "sector")
    func(H)
