"""Tests of helixnet.information: the Triple Helix indicator and its inputs.

Sources of expected values: analytic distributions (XOR, copies, parity,
independence), hand computations written out in the test, and dit 2.3's
``dit.multivariate.coinformation`` as an independent implementation.
"""

import importlib.util
import json
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import helixnet as hx
from helixnet.exceptions import (
    HelixnetTypeError,
    HelixnetValueError,
    InvalidRecordsError,
    InvalidTableError,
)
from helixnet.information._measures import contingency, redundancy, synergy, venn_table

# the independent oracle; dit >= 2.3 needs Python >= 3.11 (older dit needs cddlib's C headers).
# Imported by the tests that use it (half a second), not when the suite is collected.
needs_dit = pytest.mark.skipif(importlib.util.find_spec("dit") is None,
                               reason="dit (the independent oracle) is installed with Python >= 3.11")

XOR = np.array([[[1, 0], [0, 1]], [[0, 1], [1, 0]]])  # z = x xor y


def parity(n):
    """Table of n bits where the last is the parity of the first n-1 (uniform)."""
    t = np.zeros((2,) * n)
    for cell in np.ndindex(*t.shape):
        t[cell] = sum(cell) % 2 == 0
    return t


def dit_coinformation(table):
    """Co-information in bits computed by dit from a dense table."""
    import dit

    table = np.asarray(table, dtype=float)
    idx = np.argwhere(table > 0)
    pmf = table[table > 0] / table.sum()
    d = dit.Distribution([tuple(int(v) for v in i) for i in idx], pmf.tolist())
    return dit.multivariate.coinformation(d)


# --------------------------------------------------------------------------- analytic


def test_xor_has_minus_one_bit_of_synergy():
    """Analytic: pairwise independent, jointly determined -> T = 3 - 6 + 2 = -1 bit."""
    assert hx.mutual_information(XOR) == pytest.approx(-1.0, abs=1e-12)


def test_three_identical_fair_bits_have_plus_one_bit():
    """Analytic: every H(S) = 1 bit, so T = 3 - 3 + 1 = +1."""
    t = np.zeros((2, 2, 2))
    t[0, 0, 0] = t[1, 1, 1] = 1
    assert hx.mutual_information(t) == pytest.approx(1.0, abs=1e-12)


def test_four_variable_parity_has_plus_one_bit_as_in_dit():
    """Analytic: H(S)=|S| bits for |S|<=3 and H=3 for all four:
    T = 4 - 12 + 12 - 3 = +1. dit agrees on the sign (checked below)."""
    t = parity(4)
    assert hx.mutual_information(t) == pytest.approx(1.0, abs=1e-12)


@needs_dit
def test_dit_agrees_on_the_sign_of_four_variable_parity():
    assert dit_coinformation(parity(4)) == pytest.approx(1.0, abs=1e-12)


@needs_dit
def test_three_variable_parity_is_xor_and_matches_dit_sign():
    assert dit_coinformation(parity(3)) == pytest.approx(-1.0, abs=1e-12)
    assert hx.mutual_information(parity(3)) == pytest.approx(-1.0, abs=1e-12)


@pytest.mark.parametrize("shape", [(2, 3), (3, 2, 4), (2, 2, 3, 2)])
def test_independent_dimensions_have_zero_mutual_information(shape):
    """Analytic: a product of marginals has T = 0 at every order."""
    rng = np.random.default_rng(1)
    margins = [rng.random(s) + 0.1 for s in shape]
    t = margins[0]
    for m in margins[1:]:
        t = np.multiply.outer(t, m)
    assert hx.mutual_information(t) == pytest.approx(0.0, abs=1e-12)


def test_hand_worked_two_by_two_example():
    """Hand computation: [[3,1],[1,3]] -> H_x=H_y=1, H_xy = 3/4 log2(8/3) + 1/4 log2 8."""
    hxy = 0.75 * math.log2(8 / 3) + 0.25 * 3
    assert hx.mutual_information([[3, 1], [1, 3]]) == pytest.approx(2 - hxy, abs=1e-12)
    assert hx.entropy([[3, 1], [1, 3]]) == pytest.approx(hxy, abs=1e-12)


def test_hand_worked_three_dimensional_example():
    """Hand computation with math.log2 over the table's eight cells."""
    t = np.array([[[4, 1], [2, 3]], [[0, 5], [2, 1]]], dtype=float)
    n = t.sum()

    def H(axes):
        m = t.sum(axis=tuple(a for a in range(3) if a not in axes)).ravel()
        return -sum(v / n * math.log2(v / n) for v in m if v > 0)

    expected = H((0,)) + H((1,)) + H((2,)) - H((0, 1)) - H((0, 2)) - H((1, 2)) + H((0, 1, 2))
    res = synergy(t)
    assert res.T == pytest.approx(expected, abs=1e-12)
    assert res.entropy("x1", "x3") == pytest.approx(H((0, 2)), abs=1e-12)
    assert res.mutual_information("x2", "x3") == pytest.approx(
        H((1,)) + H((2,)) - H((1, 2)), abs=1e-12
    )


# --------------------------------------------------------------------------- dit


small_tables = st.integers(2, 4).flatmap(
    lambda k: st.lists(st.integers(1, 3), min_size=k, max_size=k).flatmap(
        lambda shape: arrays(np.int64, tuple(shape), elements=st.integers(0, 6))
    )
).filter(lambda a: a.sum() > 0)


@needs_dit
@settings(suppress_health_check=[HealthCheck.filter_too_much])  # examples: the profile (conftest.py)
@given(small_tables)
def test_agrees_with_dit_coinformation_on_random_tables(table):
    """Independent implementation: dit.multivariate.coinformation (200 tables; 1,000 with
    HYPOTHESIS_PROFILE=thorough)."""
    assert hx.mutual_information(table) == pytest.approx(dit_coinformation(table), abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(small_tables, st.randoms(use_true_random=False))
def test_invariant_under_permutation_of_dimensions_and_labels(table, rnd):
    """Co-information is symmetric in its arguments and blind to category names."""
    t0 = hx.mutual_information(table)
    axes = list(range(table.ndim))
    rnd.shuffle(axes)
    moved = np.transpose(table, axes)
    for ax in range(moved.ndim):
        perm = list(range(moved.shape[ax]))
        rnd.shuffle(perm)
        moved = np.take(moved, perm, axis=ax)
    assert hx.mutual_information(moved) == pytest.approx(t0, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(small_tables, st.integers(2, 1000))
def test_scale_invariance_of_counts(table, factor):
    """Counts and the same counts times c (or as probabilities) give the same T."""
    t0 = hx.mutual_information(table)
    assert hx.mutual_information(table * factor) == pytest.approx(t0, abs=1e-9)
    assert hx.mutual_information(table / table.sum()) == pytest.approx(t0, abs=1e-9)


# --------------------------------------------------------------------------- inputs


def _records_from_table(table, names):
    """One row per case, expanded from a count table (plain numpy)."""
    cells = np.argwhere(table > 0)
    reps = table[table > 0]
    rows = np.repeat(cells, reps, axis=0)
    return pd.DataFrame({n: [f"c{v}" for v in rows[:, i]] for i, n in enumerate(names)})


def test_array_crosstab_records_and_series_give_identical_numbers():
    table = np.array([[[3, 0, 2], [1, 4, 1]], [[0, 2, 5], [6, 1, 1]]])
    names = ["tech", "geo", "size"]
    df = _records_from_table(table, names)
    from_array = synergy(table, dims=names).to_dict()
    from_records = synergy(df, dims=names).to_dict()
    series = df.groupby(names).size()
    from_series = synergy(series).to_dict()
    for other in (from_records, from_series):
        assert other["entropy"] == pytest.approx(from_array["entropy"], abs=1e-12)
        assert other["mutual_information"] == pytest.approx(
            from_array["mutual_information"], abs=1e-12
        )
        assert other["n"] == from_array["n"] == int(table.sum())
    ct = pd.crosstab(df["tech"], df["geo"])
    assert synergy(ct).T == pytest.approx(synergy(table.sum(axis=2)).T, abs=1e-12)
    assert synergy(ct).dims == ("tech", "geo")


def test_weighted_records_equal_repeated_records():
    """A weight of w counts like w copies of the row."""
    df = pd.DataFrame({"a": ["x", "x", "y", "y"], "b": [1, 2, 1, 2], "c": [0, 0, 1, 1]})
    w = [3, 1, 2, 5]
    weighted = df.assign(w=w)
    repeated = df.loc[df.index.repeat(w)]
    assert synergy(weighted, ["a", "b", "c"], weight="w").T == pytest.approx(
        synergy(repeated, ["a", "b", "c"]).T, abs=1e-12
    )


def test_integer_fast_path_equals_string_path_and_handles_odd_integers():
    """Small ints (own codes), negative and huge ints (factorized) and strings agree."""
    rng = np.random.default_rng(3)
    n = 5000
    base = pd.DataFrame(
        {"a": rng.integers(0, 7, n), "b": rng.integers(0, 4, n), "c": rng.integers(0, 3, n)}
    )
    t_str = synergy(base.astype(str), ["a", "b", "c"]).T
    odd = base.assign(a=base["a"] - 3, b=base["b"] * 10**12, c=base["c"].astype(np.int8) - 1)
    assert synergy(base, ["a", "b", "c"]).T == pytest.approx(t_str, abs=1e-12)
    assert synergy(odd, ["a", "b", "c"]).T == pytest.approx(t_str, abs=1e-12)
    # data sorted by a column: categories appear chunk by chunk
    big = pd.DataFrame({"a": np.repeat(np.arange(300), 1000), "b": np.tile(np.arange(1000), 300) % 17})
    big["c"] = (big["a"] + big["b"]) % 5
    assert synergy(big, ["a", "b", "c"]).T == pytest.approx(
        synergy(big.astype(str), ["a", "b", "c"]).T, abs=1e-12
    )


def test_contingency_counts_and_labels():
    """Hand count of four records."""
    df = pd.DataFrame({"s": ["U", "I", "U", "U"], "k": [2, 0, 2, 0]})
    table, cats = contingency(df, ["s", "k"])
    assert cats[0].tolist() == ["I", "U"] and cats[1].tolist() == [0, 2]
    np.testing.assert_array_equal(table, [[1, 0], [1, 2]])


def test_multiindex_series_dims_select_and_order_levels():
    s = pd.Series([1, 2, 3, 4], index=pd.MultiIndex.from_product([["a", "b"], [0, 1]], names=["p", "q"]))
    assert synergy(s, dims=["q", "p"]).dims == ("q", "p")
    assert synergy(s, dims=["q", "p"]).T == pytest.approx(hx.mutual_information([[1, 2], [3, 4]]))


# --------------------------------------------------------------------------- Venn


def test_venn_table_places_exclusive_counts_and_none():
    t = venn_table({"U": 1, "I": 2, "G": 3, "UI": 4, "UG": 5, "IG": 6, "UIG": 7}, none=8)
    assert t.shape == (2, 2, 2)
    assert t[1, 0, 0] == 1 and t[0, 1, 0] == 2 and t[0, 0, 1] == 3
    assert t[1, 1, 0] == 4 and t[1, 0, 1] == 5 and t[0, 1, 1] == 6 and t[1, 1, 1] == 7
    assert t[0, 0, 0] == 8


def test_venn_key_letters_in_any_order_and_four_dimensions():
    assert (venn_table({"IU": 3, "GIU": 1}, none=0) == venn_table({"UI": 3, "UIG": 1}, none=0)).all()
    t = venn_table({"UIGF": 2, "F": 1, "U": 1}, none=1)
    assert t.shape == (2, 2, 2, 2) and t[1, 1, 1, 1] == 2 and t[0, 0, 0, 1] == 1


def test_venn_none_cell_changes_t():
    """Hand computation: {UIG: 10, U: 10}. Without none: I and G identical fair
    bits and U constant -> T_UIG = 0; with none=10 the value differs."""
    c = {"UIG": 10, "U": 10}
    assert hx.mutual_information(venn_table(c, none=0)) == pytest.approx(0.0, abs=1e-12)
    assert hx.mutual_information(venn_table(c, none=10)) != pytest.approx(0.0, abs=1e-3)


@pytest.mark.parametrize("key", ["UX", "Q", "", "UU"])
def test_unknown_or_malformed_venn_key_is_named(key):
    with pytest.raises(InvalidTableError, match=repr(key)):
        venn_table({"U": 1, key: 2}, none=0)


def test_venn_duplicate_combination_and_negative_count():
    with pytest.raises(InvalidTableError, match="same cell"):
        venn_table({"UI": 1, "IU": 2}, none=0)
    with pytest.raises(InvalidTableError, match="'UI'"):
        venn_table({"UI": -1, "G": 2}, none=0)


# --------------------------------------------------------------------------- result


def test_units_mbit_and_nat():
    """mbit = 1000 bit; nat = bit * ln 2 (definition of the units)."""
    t = np.array([[[4, 1], [2, 3]], [[0, 5], [2, 1]]])
    bit = hx.mutual_information(t)
    assert hx.mutual_information(t, unit="mbit") == pytest.approx(1000 * bit)
    assert hx.mutual_information(t, unit="nat") == pytest.approx(bit * math.log(2))
    with pytest.raises(HelixnetValueError, match="unit"):
        hx.mutual_information(t, unit="dit")


def test_to_frame_and_to_dict_schema():
    res = synergy(XOR, dims=["U", "I", "G"])
    df = res.to_frame()
    assert list(df.columns) == ["subset", "k", "entropy", "mutual_information", "redundancy"]
    assert df["subset"].tolist() == ["U", "I", "G", "U,I", "U,G", "I,G", "U,I,G"]
    assert df.loc[df["k"] == 1, "mutual_information"].isna().all()
    d = json.loads(json.dumps(res.to_dict()))
    assert set(d) == {"dimensions", "n", "unit", "entropy", "mutual_information", "redundancy",
                      "constant_dimensions"}
    assert d["dimensions"] == ["U", "I", "G"] and d["n"] == 4 and d["unit"] == "bit"
    assert set(d["entropy"]) == {"U", "I", "G", "U,I", "U,G", "I,G", "U,I,G"}
    assert set(d["mutual_information"]) == {"U,I", "U,G", "I,G", "U,I,G"}
    assert d["mutual_information"]["U,I,G"] == pytest.approx(-1.0)


def test_redundancy_sign_convention_of_leydesdorff_and_ivanova():
    """Leydesdorff & Ivanova (2014): R = T in three dimensions; the sign flips in even ones."""
    assert redundancy(XOR) == pytest.approx(-1.0)
    assert redundancy(parity(4)) == pytest.approx(-1.0)  # T = +1
    assert redundancy([[1, 0], [0, 1]]) == pytest.approx(-1.0)  # T = +1
    assert synergy(parity(4)).redundancy == pytest.approx(-1.0)


def test_miller_madow_matches_hand_computation():
    """Hand computation: [[3,1],[1,3]], n=8. Each margin has m=2 cells, the joint m=4.
    H_MM = H + (m-1)/(2n) nats, so T_MM = T + (1 + 1 - 3)/16 nats."""
    t = [[3, 1], [1, 3]]
    plain = hx.mutual_information(t, unit="nat")
    res = synergy(t, unit="nat", bias="miller-madow")
    assert res.T == pytest.approx(plain - 1 / 16, abs=1e-12)
    assert res.entropy("x1") == pytest.approx(math.log(2) + 1 / 16, abs=1e-12)
    with pytest.raises(InvalidTableError, match="integer counts"):
        synergy(np.array(t) / 8, bias="miller-madow")
    with pytest.raises(HelixnetValueError, match="bias"):
        synergy(t, bias="jackknife")


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "table, match",
    [
        ([[1, -1], [2, 3]], "negative"),
        ([[1, np.nan], [2, 3]], "non-finite"),
        ([[1, np.inf], [2, 3]], "non-finite"),
        (np.zeros((2, 2)), "all zeros"),
        (np.zeros((0, 2)), "empty"),
        ([1, 2, 3], "at least 2 dimensions"),
    ],
)
def test_bad_tables_raise_invalid_table_error(table, match):
    with pytest.raises(InvalidTableError, match=match):
        hx.mutual_information(table)
    with pytest.raises(ValueError):  # also a ValueError
        synergy(table)


def test_non_numeric_table_is_a_type_error():
    with pytest.raises(HelixnetTypeError):
        hx.mutual_information([["a", "b"], ["c", "d"]])


def test_record_errors_name_columns_and_rows():
    df = pd.DataFrame({"a": ["x", None, "y"], "b": [1, 2, 3], "w": [1.0, -2.0, 1.0]})
    with pytest.raises(InvalidRecordsError, match=r"\['zz'\].*available.*'a', 'b', 'w'"):
        synergy(df, dims=["a", "zz"])
    with pytest.raises(InvalidRecordsError, match="'a'.*row 1"):
        synergy(df, dims=["a", "b"])
    ok = df.assign(a=["x", "z", "y"])
    with pytest.raises(InvalidRecordsError, match="'w'.*row 1"):
        synergy(ok, dims=["a", "b"], weight="w")
    with pytest.raises(InvalidRecordsError, match="'w'.*'heavy'.*row 2"):
        synergy(ok.assign(w=["1", "2", "heavy"]), dims=["a", "b"], weight="w")
    with pytest.raises(InvalidRecordsError, match="no rows"):
        synergy(ok.iloc[:0], dims=["a", "b"])
    with pytest.raises(InvalidTableError, match="at least 2"):
        synergy(ok, dims=["a"])


def test_result_accessors_reject_unknown_and_single_dimensions():
    res = synergy(XOR, dims=["U", "I", "G"])
    with pytest.raises(HelixnetValueError, match="'F'"):
        res.entropy("F")
    with pytest.raises(HelixnetValueError, match="at least two"):
        res.mutual_information("U")


def test_all_zero_venn_table_is_built_but_rejected_by_the_measure():
    t = venn_table({}, none=0)
    assert t.shape == (2, 2, 2) and t.sum() == 0
    with pytest.raises(InvalidTableError, match="all zeros"):
        hx.mutual_information(t)


def test_threaded_counting_of_many_records_equals_a_direct_count(monkeypatch):
    """Above ~10^6 records the counting runs in row blocks on threads; the table must equal
    numpy's unbuffered np.add.at count (an independent counting path), including when only
    the last block sees a column's largest value, and weighted tables must be reproducible."""
    import numpy as np
    import pandas as pd

    from helixnet.information import _measures
    from helixnet.information._measures import contingency

    # the threshold lowered from 2^20 to 2^12 rows: the same split (n // (threshold / 2) blocks,
    # here 4, on 2 threads) on 8,199 records instead of 2 million (the blocks' sums, not their
    # size, are what is checked)
    monkeypatch.setattr(_measures, "_PARALLEL_ROWS", 1 << 12)
    rng = np.random.default_rng(11)
    n = 2 * _measures._PARALLEL_ROWS + 7
    df = pd.DataFrame({"a": rng.integers(0, 6, n), "b": rng.integers(0, 4, n), "c": rng.integers(0, 3, n),
                       "w": rng.random(n)})
    df.loc[n - 1, "a"] = 9  # a new category seen by the last block only
    ref = np.zeros((10, 4, 3), dtype=np.int64)
    np.add.at(ref, (df["a"].to_numpy(), df["b"].to_numpy(), df["c"].to_numpy()), 1)
    ref = ref[ref.sum(axis=(1, 2)) > 0]  # contingency keeps observed categories only
    got = contingency(df, ["a", "b", "c"])
    assert np.array_equal(got.table, ref)
    assert list(got.categories[0]) == [0, 1, 2, 3, 4, 5, 9]
    w1 = contingency(df, ["a", "b", "c"], weight="w").table
    w2 = contingency(df, ["a", "b", "c"], weight="w").table
    assert np.array_equal(w1, w2)
    assert w1.sum() == pytest.approx(df["w"].sum(), rel=1e-12)


# ---------------------------------------------------------------------------
# review fixes: odd pandas inputs


def test_nullable_int64_crosstab_equals_the_numpy_crosstab_hand_computed():
    """Source: hand computation of [[3, 1], [1, 3]] (T = 0.188722 bits, n = 8); an Int64
    crosstab used to be rejected as 'dtype object', and <NA> must be a non-finite cell."""
    ct = pd.DataFrame({"x": [3, 1], "y": [1, 3]}).astype("Int64")
    res = synergy(ct)
    assert res.n == 8 and isinstance(res.n, int)
    assert res.T == pytest.approx(2 - (-2 * 3 / 8 * math.log2(3 / 8) - 2 * 1 / 8 * math.log2(1 / 8)))
    with pytest.raises(InvalidTableError, match="non-finite"):
        synergy(ct.where(ct > 1))


def test_duplicated_dimension_column_names_are_a_records_error_naming_it():
    """Source: the input itself: two columns called 'c' make the dimension ambiguous
    (used to raise AttributeError from pandas)."""
    df = pd.DataFrame([[0, 0, 0, 1], [1, 1, 1, 0]], columns=["a", "b", "c", "c"])
    with pytest.raises(InvalidRecordsError, match="'c' appears more than once"):
        synergy(df, ["a", "b", "c"])


def test_venn_dims_that_are_not_letters_are_an_invalid_table_error():
    """Source: the documented contract (2 to 4 single letters); dims=5 used to raise TypeError."""
    with pytest.raises(InvalidTableError, match="single letters"):
        venn_table({"U": 1}, none=0, dims=5)


# --------------------------------------------------------------------------- explicit none (issue 13 §3)


def test_venn_table_without_none_is_refused_with_the_reason():
    """The all-absent count changes T; omitting it is an error, not a silent 0."""
    with pytest.raises(hx.HelixnetTypeError, match="none=N"):
        venn_table({"U": 1, "UI": 2})
    with pytest.raises(TypeError):  # keyword-only: a positional none is refused
        venn_table({"U": 1}, 0)


def test_venn_counts_of_a_graph_feed_venn_table_and_synergy_directly():
    """Issue 11 §3: hx.venn_table(hx.networks.venn_counts(G)) and hx.synergy(venn_counts(G)).
    Expected table: hand count of the four events (UIG, UI, G, O -> none)."""
    vc = hx.networks.venn_counts({"a": "UIG", "b": "UI", "c": "G", "d": "O"})
    want = np.zeros((2, 2, 2))
    want[1, 1, 1] = want[1, 1, 0] = want[0, 0, 1] = want[0, 0, 0] = 1
    np.testing.assert_array_equal(venn_table(vc), want)
    res = hx.synergy(vc)
    assert res.dims == ("U", "I", "G")
    assert res.T == pytest.approx(hx.mutual_information(want), abs=1e-15)
    assert hx.mutual_information(vc) == pytest.approx(res.T, abs=1e-15)
    with pytest.raises(hx.HelixnetValueError, match="contradicts"):
        venn_table(vc, none=5)


# --------------------------------------------------------------------------- even-dimension sign (issue 13 §2)


def test_redundancy_column_flips_the_sign_of_t_in_even_dimensions_only():
    """Leydesdorff & Ivanova (2014), JASIST 65(2) 386-399, doi:10.1002/asi.22973: R = (-1)^(N+1) T.
    4-bit parity (x4 = x1 xor x2 xor x3) has T_1234 = +1 bit (dit's sign; hand-worked in
    test_redundancy_sign_convention_of_leydesdorff_and_ivanova), so R = -1: synergy."""
    res = synergy(parity(4))
    df = res.to_frame().set_index("subset")
    assert df.loc["x1,x2,x3,x4", "mutual_information"] == pytest.approx(1.0)
    assert df.loc["x1,x2,x3,x4", "redundancy"] == pytest.approx(-1.0)
    assert df.loc["x1,x2,x3", "redundancy"] == pytest.approx(df.loc["x1,x2,x3", "mutual_information"])
    d = res.to_dict()
    assert d["redundancy"]["x1,x2,x3,x4"] == pytest.approx(-1.0)
    assert d["redundancy"]["x1,x2"] == pytest.approx(-d["mutual_information"]["x1,x2"])


def test_constant_dimension_warns_and_is_named_in_the_result():
    """Hand-worked: U present in every case is a constant, so T_UIG = 0 by construction."""
    t = venn_table({"UIG": 10, "U": 3, "UI": 2}, none=0)
    with pytest.warns(hx.exceptions.HelixnetWarning, match="by construction"):
        res = synergy(t, dims=["U", "I", "G"])
    assert res.T == pytest.approx(0.0, abs=1e-15)
    assert res.constant_dimensions == ("U",)
    assert res.to_dict()["constant_dimensions"] == ["U"]
    assert synergy(XOR, dims=["U", "I", "G"]).constant_dimensions == ()
