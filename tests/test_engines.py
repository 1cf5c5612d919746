"""Tests of helixnet.engines: the pandas, DuckDB and Dask engines count the same table.

Expected counts come from an independent count of the raw rows with
``collections.Counter`` over Python's ``csv`` module (or a hand count), never
from an engine's own output; the engines are then required to agree exactly
with each other on counts, categories and their order.
"""

import collections
import csv
import hashlib
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helixnet.exceptions import HelixnetError, InputFileError, InvalidRecordsError
from helixnet.information._engines import count_table, read_data

ENGINES = ("pandas", "duckdb", "dask")


@pytest.fixture(scope="module")
def client():
    """One in-process Dask LocalCluster for the whole module (the engine's cluster path)."""
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None,
                                      scheduler_kwargs={"dashboard": False})
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def _count(source, dims, engine, client, **kw):
    return count_table(source, dims, engine=engine, scheduler=client if engine == "dask" else None, **kw)


def _write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def _counter_table(rows, k):
    """Hand count: Counter over the first k fields of each row (the independent reference)."""
    return collections.Counter(tuple(r[:k]) for r in rows)


def _as_counter(t):
    """The non-zero cells of a CountTable as a Counter keyed by label tuples."""
    out = collections.Counter()
    for idx in zip(*np.nonzero(t.counts)):
        out[tuple(lab[i] for lab, i in zip(t.labels, idx))] = t.counts[idx].item()
    return out


# ---------------------------------------------------------------------------
# agreement


category = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r\n"), min_size=1, max_size=4
).filter(lambda s: s.strip(" \t") != "" or True)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(category, st.sampled_from(["0", "1", "2", "10", "01", "x"]), category),
                     min_size=1, max_size=30))  # fmt: skip
def test_engines_count_csv_like_a_hand_count_with_csv_module(tmp_path_factory, client, rows):
    """CSV text categories (quotes, commas, blanks, 'NA', numeric text): every engine equals
    a Counter over the csv module's rows, and the engines agree on category order."""
    path = tmp_path_factory.mktemp("csv") / "r.csv"
    _write_csv(path, ["a", "b", "c"], rows)
    expected = _counter_table(rows, 3)
    tables = [_count(path, ["a", "b", "c"], e, client) for e in ENGINES]
    for t in tables:
        assert _as_counter(t) == expected
        assert t.n == len(rows)
    for t in tables[1:]:
        assert t.labels == tables[0].labels
        assert np.array_equal(t.counts, tables[0].counts)
        assert t.counts.dtype == np.int64


def test_engines_agree_on_parquet_dataframe_and_weights(tmp_path, client):
    """Integer columns from Parquet and a DataFrame, with integer weights (sums exact in
    float64): cell values equal the hand sums of the weights by pandas' groupby-free loop."""
    rng = np.random.default_rng(7)
    n = 5000
    df = pd.DataFrame({"a": rng.integers(0, 4, n), "b": rng.integers(0, 13, n), "c": rng.integers(0, 3, n),
                       "w": rng.integers(0, 5, n)})  # fmt: skip
    path = tmp_path / "r.parquet"
    df.to_parquet(path)
    hand = collections.Counter()
    for a, b, c, w in df.itertuples(index=False):
        hand[(a, b, c)] += float(w)
    tables = [_count(src, ["a", "b", "c"], e, client, weight="w") for src in (df, path) for e in ENGINES]
    for t in tables:
        assert {k: v for k, v in _as_counter(t).items()} == {k: v for k, v in hand.items() if v}
        assert t.labels == (tuple(range(4)), tuple(range(13)), tuple(range(3)))
        assert t.counts.dtype == np.float64
        assert t.n == n


def test_engines_agree_on_fractional_weights_from_csv(tmp_path, client):
    """Decimal text weights are parsed the same way (correctly rounded) by every engine."""
    rows = [["u", "x", "0.1"], ["u", "x", "0.2"], ["g", "y", " 1e-3 "], ["g", "x", ".5"], ["u", "y", "+2"]]
    path = tmp_path / "w.csv"
    _write_csv(path, ["a", "b", "w"], rows)
    tables = [_count(path, ["a", "b"], e, client, weight="w") for e in ENGINES]
    # hand: cell (u, x) = 0.1 + 0.2, (g, y) = 0.001, (g, x) = 0.5, (u, y) = 2
    for t in tables:
        assert t.labels == (("g", "u"), ("x", "y"))
        assert t.counts.tolist() == [[0.5, 0.001], [0.1 + 0.2, 2.0]]


def test_natural_category_order_numbers_by_value_then_text():
    """The documented order: numbers (numeric text by value, ties by text) before other text."""
    df = pd.DataFrame({"a": ["10", "9", "b", "01", "1", "A", "-2"], "b": ["z"] * 7})
    t = count_table(df, ["a", "b"])
    assert t.labels[0] == ("-2", "01", "1", "9", "10", "A", "b")


def test_missing_values_error_or_dropped_and_counted(tmp_path, client):
    """Empty cells are missing: an error naming the column by default; dropna drops them and
    reports how many (hand count: rows 2 and 4 have a missing dimension)."""
    path = tmp_path / "m.csv"
    path.write_text("a,b,c\nx,1,p\n,1,p\ny,2,q\ny,,q\nNA,2,q\n")
    for e in ENGINES:
        with pytest.raises(InvalidRecordsError, match=r"column 'a' has 1 missing.*column 'b' has 1 missing"):
            _count(path, ["a", "b", "c"], e, client)
        t = _count(path, ["a", "b", "c"], e, client, dropna=True)
        assert (t.n, t.dropped) == (3, 2)
        assert t.labels[0] == ("NA", "x", "y")  # the text NA is a category, not missing


def test_nan_in_parquet_float_column_is_missing(tmp_path, client):
    df = pd.DataFrame({"a": [1.0, np.nan, 2.0, 2.0], "b": ["x", "y", "x", None]})
    path = tmp_path / "nan.parquet"
    df.to_parquet(path)
    for e in ENGINES:
        t = _count(path, ["a", "b"], e, client, dropna=True)
        assert (t.n, t.dropped) == (2, 2)
        assert t.labels == ((1, 2), ("x",))  # integral float labels are reported as ints


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "content, pattern",
    [
        ("a,b,w\nx,y,1\nx,y,abc\n", r"weight column 'w'.*'abc'"),
        ("a,b,w\nx,y,1\nx,y,-1\n", r"weight column 'w'.*'-1'"),
        ("a,b,w\nx,y,1\nx,y,\n", r"weight column 'w'.*1 value does not"),
        ("a,b,w\nx,y,inf\n", r"weight column 'w'.*'inf'"),
    ],
)
def test_bad_weights_name_the_column_and_value(tmp_path, client, engine, content, pattern):
    path = tmp_path / "w.csv"
    path.write_text(content)
    with pytest.raises(InvalidRecordsError, match=pattern):
        _count(path, ["a", "b"], engine, client, weight="w")


@pytest.mark.parametrize("engine", ENGINES)
def test_negative_weight_in_dataframe_rejected(engine, client):
    df = pd.DataFrame({"a": [1, 2], "b": [1, 1], "w": [1.0, -0.5]})
    with pytest.raises(InvalidRecordsError, match=r"weight column 'w'.*-0.5"):
        _count(df, ["a", "b"], engine, client, weight="w")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "content",
    ["a,b,c\nx,y,z\nx,y\n", "a,b,c\nx,y,z\nx,y,z,w\n", 'a,b,c\nx,"y,z\n'],
    ids=["short-row", "long-row", "unclosed-quote"],
)
def test_ragged_and_broken_rows_are_input_file_errors(tmp_path, client, engine, content):
    path = tmp_path / "r.csv"
    path.write_text(content)
    with pytest.raises(InputFileError):
        _count(path, ["a", "b"], engine, client)


@pytest.mark.parametrize("engine", ENGINES)
def test_missing_column_lists_available_ones(tmp_path, client, engine):
    path = tmp_path / "r.csv"
    path.write_text("a,b,c\n1,2,3\n")
    with pytest.raises(InvalidRecordsError, match=r"no column named 'x'; available columns: a, b, c"):
        _count(path, ["a", "x"], engine, client)


def test_file_level_errors(tmp_path):
    empty = tmp_path / "e.csv"
    empty.write_text("")
    header_only = tmp_path / "h.csv"
    header_only.write_text("a,b\n")
    junk = tmp_path / "j.parquet"
    junk.write_bytes(b"not a parquet file at all")
    for engine in ("pandas", "duckdb"):
        with pytest.raises(InputFileError, match="empty file"):
            count_table(empty, ["a", "b"], engine=engine)
        with pytest.raises(InvalidRecordsError, match="no records"):
            count_table(header_only, ["a", "b"], engine=engine)
    with pytest.raises(InputFileError, match="Parquet"):
        count_table(junk, ["a", "b"])
    with pytest.raises(InputFileError, match="no such file"):
        count_table(tmp_path / "missing.csv", ["a", "b"])
    (tmp_path / "x.json").write_text("{}")
    with pytest.raises(InputFileError, match="unknown file format"):
        count_table(tmp_path / "x.json", ["a", "b"])
    with pytest.raises(InvalidRecordsError, match="at least two dimensions"):
        count_table(header_only, ["a"])
    with pytest.raises(InvalidRecordsError, match="given twice"):
        count_table(header_only, ["a", "a"])


def test_invalid_utf8_is_an_input_file_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"a,b\n\xff\xfe,1\n")
    for engine in ("pandas", "duckdb"):
        with pytest.raises(InputFileError):
            count_table(path, ["a", "b"], engine=engine)


def test_tsv_and_gzip_read_like_csv(tmp_path):
    import gzip

    (tmp_path / "r.tsv").write_text("a\tb\nx,1\t2\nx,1\t2\ny\t3\n")
    with gzip.open(tmp_path / "r.csv.gz", "wt") as fh:
        fh.write('a,b\n"x,1",2\n"x,1",2\ny,3\n')
    for name in ("r.tsv", "r.csv.gz"):
        for engine in ("pandas", "duckdb"):
            t = count_table(tmp_path / name, ["a", "b"], engine=engine)
            assert t.labels == (("x,1", "y"), ("2", "3"))  # hand count: (x,1; 2) twice, (y; 3) once
            assert t.counts.tolist() == [[2, 0], [0, 1]]


def test_counting_never_modifies_the_input(tmp_path, client):
    path = tmp_path / "r.csv"
    path.write_text("a,b,w\nx,1,2\ny,2,3\n")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for e in ENGINES:
        _count(path, ["a", "b"], e, client, weight="w")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_table_size_guard_names_the_dimensions(monkeypatch):
    import helixnet.information._engines as eng

    monkeypatch.setattr(eng, "MAX_CELLS", 10)
    df = pd.DataFrame({"a": range(4), "b": range(4)})
    with pytest.raises(InvalidRecordsError, match=r"a \(4\) x b \(4\).*16 cells"):
        count_table(df, ["a", "b"])


def test_unknown_engine_is_a_helixnet_error():
    df = pd.DataFrame({"a": [1], "b": [2]})
    with pytest.raises(HelixnetError, match="unknown engine"):
        count_table(df, ["a", "b"], engine="spark")


def test_read_data_converts_parser_errors(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("a,b\n1,2,3\n")
    with pytest.raises(InputFileError, match="cannot read"):
        read_data(path)


def test_counts_feed_synergy_xor_is_minus_one_bit(tmp_path, client):
    """Analytic source: the XOR records have T = -1 bit (Leydesdorff 2003's sign convention)."""
    from helixnet.information._measures import synergy

    path = tmp_path / "xor.csv"
    _write_csv(path, ["a", "b", "c"], [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]])
    for e in ENGINES:
        t = _count(path, ["a", "b", "c"], e, client)
        assert math.isclose(synergy(t.counts, dims=list(t.dims)).T, -1.0, abs_tol=1e-12)


@pytest.mark.parametrize("engine", ["pandas", "duckdb"])
def test_duplicated_column_names_in_a_dataframe_are_an_error_for_every_engine(engine):
    """Source: the input itself: two columns called 'c' hold different values (the pandas
    engine raised a bare ValueError, DuckDB silently counted one of them)."""
    df = pd.DataFrame([[0, 0, 0, 1], [1, 1, 1, 0]], columns=["a", "b", "c", "c"])
    with pytest.raises(InvalidRecordsError, match="'c' appears more than once"):
        count_table(df, ["a", "b", "c"], engine=engine)
