"""The batched bootstrap of many tables (information._uncertainty.bootstrap_tables).

Its promise is exactness against an independent path: item r equals what ``hx.bootstrap`` gives
for table r called on its own, in turn, bit for bit (the oracle below is ``hx.bootstrap`` itself,
one call per table, as trends_table and synergy_table called it before they were batched).
"""

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import helixnet as hx
from helixnet import bibliometrics as bib
from helixnet.bibliometrics import _openalex as oa
from helixnet.exceptions import HelixnetWarning, InvalidTableError
from helixnet.information._uncertainty import _BATCH_CELLS, bootstrap_tables


def _tables():
    rng = np.random.default_rng(2026)
    out = [rng.integers(0, 40, size=s) for s in [(2, 2, 2), (2, 2, 2, 2), (3, 2), (2, 2, 2)] * 5]
    out.append(np.array([[[5, 0], [3, 0]], [[2, 0], [7, 0]]]))  # third dimension constant: a warning
    out.append(np.array([[[1, 0], [0, 1]], [[0, 1], [1, 0]]]))  # 4 cases: sparse, a warning
    out.append(np.array([[0, 0], [0, 9]]))  # both dimensions constant
    return out


def _one_by_one(tables, n, seed, **kw):
    got = []
    for t in tables:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            res = hx.bootstrap(t, n_resamples=n, seed=seed, **kw)
        got.append((res.estimate.T, *res.interval(), [(w.category, str(w.message)) for w in caught]))
    return got


def _batched(tables, n, seed, **kw):
    got = []
    for item in bootstrap_tables(tables, n, seed=seed, **kw):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            item.warn()
        got.append((item.estimate, item.ci_low, item.ci_high, [(w.category, str(w.message)) for w in caught]))
    return got


@pytest.mark.parametrize("n", [1, 2, 50, 400])
@pytest.mark.parametrize("kw", [{}, {"method": "percentile", "unit": "mbit", "ci": 0.9}])
def test_each_table_equals_its_own_bootstrap_call_bit_for_bit(n, kw):
    tables = _tables()
    assert _batched(tables, n, 3, **kw) == _one_by_one(tables, n, 3, **kw)


def test_a_generator_seed_spawns_in_list_order_as_successive_calls_would():
    tables = _tables()
    got = _batched(tables, 30, np.random.default_rng(11))
    assert got == _one_by_one(tables, 30, np.random.default_rng(11))
    # and the rows differ from an integer seed's, where every call starts afresh
    assert got != _batched(tables, 30, 11)


def test_tables_too_large_for_one_batch_go_through_bootstrap_itself():
    table = np.arange(1, 17).reshape(2, 2, 2, 2)
    n = _BATCH_CELLS // table.size + 1  # the replicates need two batches
    assert _batched([table], n, 0) == _one_by_one([table], n, 0)


def test_no_resamples_gives_the_estimates_and_nan_intervals():
    tables = _tables()
    for item, t in zip(bootstrap_tables(tables, 0), tables):
        assert item.estimate == hx.mutual_information(t)
        assert np.isnan(item.ci_low) and np.isnan(item.ci_high)


def test_bad_tables_raise_what_bootstrap_raises():
    huge = np.array([[2**62, 2**62], [2**62, 2**62]], dtype=np.int64)  # the total overflows 64 bits
    for bad in ([[1.5, 2], [3, 4]], [[0, 0], [0, 0]], [[1, -1], [2, 3]], huge):
        with pytest.raises(InvalidTableError) as expected:
            hx.bootstrap(bad, n_resamples=5)
        with pytest.raises(InvalidTableError) as got:
            bootstrap_tables([np.ones((2, 2)), np.asarray(bad)], 5)
        assert str(got.value) == str(expected.value)


def test_warnings_are_only_emitted_by_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error", HelixnetWarning)
        items = bootstrap_tables(_tables(), 20)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        items[-3].warn()  # the table whose third dimension is constant, with 17 cases in 4 cells
    assert [str(w.message)[:30] for w in caught] == ["dimension(s) ['x3'] take a sin", "sparse table: 4.2 cases per no"]


def test_openalex_rows_equal_hx_bootstrap_of_their_own_tables():
    """trends_table's docstring: a row's interval equals hx.bootstrap(table, n_resamples, seed)'s."""
    with pytest.warns(HelixnetWarning, match="country-year tables are sparse"):
        table = oa.openalex(oa.SAMPLE_SNAPSHOT, n_resamples=25, seed=4, country="KZ").table
    assert len(table) > 3
    for _, row in table.iterrows():
        cells = {c: int(row[c]) for c in oa.CELLS if c != "none"}
        t4 = hx.venn_table(cells, none=int(row["none"]), dims="UIGF")
        t3 = t4.sum(axis=3)  # F merged
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", HelixnetWarning)
            b3 = hx.bootstrap(t3, n_resamples=25, seed=4)
            b4 = hx.bootstrap(t4, n_resamples=25, seed=4)
        assert row["T"] == b3.estimate.T and (row["ci_low"], row["ci_high"]) == b3.interval()
        assert row["R_UIGF"] == -b4.estimate.T
        assert (row["R_ci_low"], row["R_ci_high"]) == (-b4.interval()[1], -b4.interval()[0])


def test_synergy_table_rows_equal_hx_bootstrap_of_their_own_tables():
    wos = Path(__file__).resolve().parent / "fixtures" / "bibliometrics"
    recs = bib.classify(bib.read_records([wos / "savedrecs_1.txt", wos / "savedrecs_2.txt"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", HelixnetWarning)
        table = bib.synergy_table(recs, by="year", n_resamples=40, seed=2)
    assert len(table) > 1
    for _, row in table.iterrows():
        t = hx.venn_table({c: int(row[c]) for c in ("U", "I", "G", "UI", "UG", "IG", "UIG")},
                          none=int(row["none"]), dims="UIG")
        if t.sum() == 0:
            assert np.isnan(row["T"])
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", HelixnetWarning)
            b = hx.bootstrap(t, n_resamples=40, seed=2)
        assert row["T"] == b.estimate.T and (row["ci_low"], row["ci_high"]) == b.interval()


def test_trends_table_warns_once_for_the_rows_bootstrap_would_warn_about():
    counts = pd.DataFrame({"country": ["KZ"] * 3 + ["UZ"], "year": [2020] * 4,
                           "U": [True, True, False, True], "I": [False, True, False, False],
                           "G": [False, False, True, False], "F": [False, True, False, False],
                           "untyped": [False] * 4, "n_countries": [1, 2, 1, 1], "n": [6, 2, 2, 40]})
    with pytest.warns(HelixnetWarning, match="2 of 2 country-year tables"):
        oa.trends_table(counts, n_resamples=10)
