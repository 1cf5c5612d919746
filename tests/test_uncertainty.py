"""Tests of helixnet.uncertainty: bootstrap, permutation test and G-test.

Sources of expected values: scipy.stats.chi2_contingency (an independent
G-test), scipy.stats.hypergeom (the exact permutation law of a 2x2 table),
analytic distributions (a noisy XOR whose true T is computed by hand), and
the definition of the +1-corrected permutation p-value.
"""

import json
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import helixnet as hx
from helixnet.exceptions import HelixnetValueError, InvalidTableError
from helixnet.information._measures import synergy
from helixnet.information._uncertainty import _permuted_tables, bootstrap, g_test, permutation_test

NOISY_XOR = np.array([[[40, 10], [10, 40]], [[10, 40], [40, 10]]])


def noisy_xor_true_T():
    """Hand computation: margins uniform (H=1), pairs uniform (H=2), joint has four
    cells of 0.2 and four of 0.05."""
    h = -(4 * 0.2 * math.log2(0.2) + 4 * 0.05 * math.log2(0.05))
    return 3 - 6 + h


# --------------------------------------------------------------------------- bootstrap


def test_bootstrap_same_seed_same_replicates_other_seed_differs():
    a = bootstrap(NOISY_XOR, n_resamples=300, seed=7)
    b = bootstrap(NOISY_XOR, n_resamples=300, seed=7)
    c = bootstrap(NOISY_XOR, n_resamples=300, seed=8)
    np.testing.assert_array_equal(a.replicates, b.replicates)
    assert not np.array_equal(a.replicates, c.replicates)
    assert a.replicates.shape == (300, 4)
    assert a.subsets == ["x1,x2", "x1,x3", "x2,x3", "x1,x2,x3"]


def test_bootstrap_point_estimate_is_the_hand_computed_t():
    res = bootstrap(NOISY_XOR, n_resamples=50, seed=0)
    assert res.estimate.T == pytest.approx(noisy_xor_true_T(), abs=1e-12)


def test_bootstrap_default_interval_covers_true_t_about_as_often_as_stated():
    """Coverage sanity: 200 samples of N=400 from the noisy-XOR law, whose true
    T is computed by hand; a 90% interval should cover it roughly 90% of the time."""
    p = NOISY_XOR.ravel() / NOISY_XOR.sum()
    truth = noisy_xor_true_T()
    rng = np.random.default_rng(2024)
    hits = 0
    trials = 200
    for _ in range(trials):
        sample = rng.multinomial(400, p).reshape(2, 2, 2)
        lo, hi = bootstrap(sample, n_resamples=300, ci=0.9, seed=rng).interval()
        hits += lo <= truth <= hi
    assert 0.8 <= hits / trials <= 0.97


def test_bootstrap_frame_and_dict_schema():
    res = bootstrap(NOISY_XOR, dims=["U", "I", "G"], n_resamples=100, seed=3)
    frame = res.to_frame()
    assert list(frame.columns) == [
        "subset", "k", "estimate", "mean", "std_error", "bias", "bias_corrected", "ci_low", "ci_high"
    ]
    assert frame["subset"].tolist() == ["U,I", "U,G", "I,G", "U,I,G"]
    assert (frame["ci_low"] <= frame["ci_high"]).all()
    d = json.loads(json.dumps(res.to_dict()))
    assert d["n_boot"] == 100 and d["seed"] == 3 and d["dimensions"] == ["U", "I", "G"]
    assert set(d["mutual_information"]["U,I,G"]) == {
        "estimate", "mean", "std_error", "bias", "bias_corrected", "ci_low", "ci_high"
    }
    assert res.interval("G", "U") == res.interval("U", "G")


def test_basic_interval_reflects_percentiles_about_the_estimate():
    """Definition of the basic bootstrap interval: [2T - q_hi, 2T - q_lo]."""
    pct = bootstrap(NOISY_XOR, n_resamples=200, seed=4, method="percentile")
    basic = bootstrap(NOISY_XOR, n_resamples=200, seed=4, method="basic")
    q_lo, q_hi = np.percentile(pct.replicates[:, -1], [2.5, 97.5])
    t = pct.estimate.T
    assert basic.interval() == pytest.approx((2 * t - q_hi, 2 * t - q_lo))
    assert basic.to_frame()["ci_low"].iloc[-1] == pytest.approx(2 * t - q_hi)
    with pytest.raises(HelixnetValueError, match="method"):
        bootstrap(NOISY_XOR, method="studentized")


def test_bootstrap_records_equal_table():
    """Records expanded from a table resample the same cases as the table."""
    cells = np.argwhere(NOISY_XOR > 0)
    rows = np.repeat(cells, NOISY_XOR[NOISY_XOR > 0], axis=0)
    df = pd.DataFrame(rows, columns=["a", "b", "c"])
    r1 = bootstrap(df, dims=["a", "b", "c"], n_resamples=50, seed=1)
    r2 = bootstrap(NOISY_XOR, dims=["a", "b", "c"], n_resamples=50, seed=1)
    np.testing.assert_allclose(r1.replicates, r2.replicates, atol=1e-12)


def test_bootstrap_units_and_miller_madow_estimate():
    bit = bootstrap(NOISY_XOR, n_resamples=20, seed=1)
    mbit = bootstrap(NOISY_XOR, n_resamples=20, seed=1, unit="mbit")
    np.testing.assert_allclose(mbit.replicates, 1000 * bit.replicates)
    mm = bootstrap(NOISY_XOR, n_resamples=20, seed=1, bias="miller-madow")
    assert mm.estimate.T == pytest.approx(synergy(NOISY_XOR, bias="miller-madow").T)


def test_bootstrap_needs_integer_counts_and_valid_settings():
    with pytest.raises(InvalidTableError, match="integer counts"):
        bootstrap(NOISY_XOR / NOISY_XOR.sum())
    df = pd.DataFrame({"a": [0, 1, 0], "b": [1, 0, 0], "w": [0.5, 1.0, 2.0]})
    with pytest.raises(InvalidTableError, match="integer counts"):
        bootstrap(df, dims=["a", "b"], weight="w")
    with pytest.raises(HelixnetValueError, match="n_resamples"):
        bootstrap(NOISY_XOR, n_resamples=0)
    with pytest.raises(HelixnetValueError, match="ci"):
        bootstrap(NOISY_XOR, ci=1.5)
    with pytest.raises(InvalidTableError, match="negative"):
        bootstrap([[1, -1], [1, 1]])


def test_progress_bar_is_silent_when_stderr_is_not_a_terminal(capsys):
    bootstrap(NOISY_XOR, n_resamples=20, seed=1, progress=True)
    assert capsys.readouterr().err == ""


# --------------------------------------------------------------------------- permutation


def test_permutation_p_value_has_plus_one_correction():
    """A perfectly associated 2x2 table: (practically) no permuted table reaches
    T = 1 bit, so p = (1 + 0) / (1 + n_perm)."""
    res = permutation_test([[25, 0], [0, 25]], n_resamples=199, alternative="greater", seed=0)
    assert res.statistic == pytest.approx(1.0)
    assert res.p_value == pytest.approx(1 / 200)
    assert res.null_distribution.shape == (199,)


def test_permutation_null_of_2x2_table_matches_exact_hypergeometric_mean():
    """Permuting columns makes cell (0,0) hypergeometric(N, row 0, col 0)
    (scipy.stats.hypergeom); the mean null T must match the exact expectation."""
    table = np.array([[12, 5], [7, 16]])
    N, r0, c0 = table.sum(), table[0].sum(), table[:, 0].sum()
    from scipy import stats  # the oracle, imported where it is used (not at collection)

    law = stats.hypergeom(N, r0, c0)
    support = np.arange(max(0, r0 + c0 - N), min(r0, c0) + 1)
    exact = sum(
        law.pmf(a) * hx.mutual_information([[a, r0 - a], [c0 - a, N - r0 - c0 + a]])
        for a in support
    )
    res = permutation_test(table, n_resamples=4000, seed=5)
    se = res.null_distribution.std() / math.sqrt(4000)
    assert abs(res.null_distribution.mean() - exact) < 4 * se


def test_permuted_tables_keep_every_one_dimensional_margin():
    rng = np.random.default_rng(0)
    table = rng.integers(0, 6, (3, 4, 2, 3))
    perms = _permuted_tables(table, 50, np.random.default_rng(1), False)
    for ax in range(4):
        other = tuple(a + 1 for a in range(4) if a != ax)
        want = table.sum(axis=tuple(a for a in range(4) if a != ax))
        np.testing.assert_array_equal(perms.sum(axis=other), np.broadcast_to(want, (50, want.size)))


def test_permutation_detects_xor_synergy_and_is_seeded():
    """Analytic XOR with 30 cases per cell: T = -1 bit, far below any permutation."""
    xor = np.array([[[1, 0], [0, 1]], [[0, 1], [1, 0]]]) * 30
    res = permutation_test(xor, n_resamples=99, alternative="less", seed=1)
    assert res.statistic == pytest.approx(-1.0)
    assert res.p_value == pytest.approx(1 / 100)
    again = permutation_test(xor, n_resamples=99, alternative="less", seed=1)
    np.testing.assert_array_equal(res.null_distribution, again.null_distribution)


def test_permutation_p_values_of_independent_samples_are_rarely_small():
    """Under the null (samples from a product of margins) p < 0.1 should occur in
    about 10% of samples; allow up to 25% of 60 samples."""
    law = np.multiply.outer(np.multiply.outer([0.3, 0.7], [0.2, 0.3, 0.5]), [0.5, 0.5])
    rng = np.random.default_rng(11)
    small = 0
    for _ in range(60):
        sample = rng.multinomial(120, law.ravel()).reshape(law.shape)
        small += permutation_test(sample, n_resamples=99, seed=rng).p_value < 0.1
    assert small / 60 <= 0.25


def test_exactly_independent_table_is_atypical_in_three_dimensions():
    """A table exactly equal to the product of its margins has T = 0, but permuted
    tables of 3 dimensions scatter below 0 (plug-in bias toward synergy), so T = 0
    lies in the upper tail of the null."""
    table = np.multiply.outer(np.multiply.outer([10, 20], [5, 5, 10]), [3, 3])
    res = permutation_test(table, n_resamples=199, alternative="greater", seed=2)
    assert res.statistic == pytest.approx(0.0, abs=1e-12)
    assert np.mean(res.null_distribution) < 0
    assert res.p_value < 0.2


def test_permutation_rejects_bad_settings():
    with pytest.raises(HelixnetValueError, match="alternative"):
        permutation_test([[1, 2], [3, 4]], alternative="both")
    with pytest.raises(HelixnetValueError, match="n_resamples"):
        permutation_test([[1, 2], [3, 4]], n_resamples=-5)
    with pytest.raises(InvalidTableError, match="integer counts"):
        permutation_test([[0.1, 0.2], [0.3, 0.4]])


# --------------------------------------------------------------------------- G-test


@settings(max_examples=60, deadline=None)
@given(
    st.tuples(st.integers(2, 5), st.integers(2, 5)).flatmap(
        lambda shape: arrays(np.int64, shape, elements=st.integers(1, 40))
    )
)
def test_g_test_equals_scipy_log_likelihood_chi2_contingency(table):
    """Independent implementation: scipy.stats.chi2_contingency(lambda_="log-likelihood")."""
    from scipy import stats  # the oracle, imported where it is used (not at collection)

    g, p, dof, _ = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")
    res = g_test(table)
    assert res.statistic == pytest.approx(g, rel=1e-9, abs=1e-9)
    assert res.p_value == pytest.approx(p, rel=1e-7, abs=1e-12)
    assert res.dof == dof
    assert res.statistic == pytest.approx(
        2 * table.sum() * math.log(2) * hx.mutual_information(table), rel=1e-12
    )


def test_g_test_errors():
    with pytest.raises(InvalidTableError, match="exactly two"):
        g_test(np.ones((2, 2, 2), dtype=int))
    with pytest.raises(InvalidTableError, match="integer counts"):
        g_test([[0.5, 1], [1, 1]])
    with pytest.raises(InvalidTableError, match="non-empty rows"):
        g_test([[3, 4], [0, 0]])


# ---------------------------------------------------------------------------
# review fixes


def test_bad_seeds_are_a_helixnet_value_error():
    """Source: numpy's SeedSequence accepts only non-negative integers; a negative or
    text seed used to surface as numpy's own ValueError/TypeError."""
    for seed in (-1, "a", 1.5):
        with pytest.raises(HelixnetValueError, match="seed"):
            bootstrap([[5, 1], [1, 5]], n_resamples=3, seed=seed)
        with pytest.raises(HelixnetValueError, match="seed"):
            permutation_test([[5, 1], [1, 5]], n_resamples=3, seed=seed)


def test_single_replicate_to_dict_is_strict_json_with_null_std_error():
    """Source: the sample standard deviation of one value is undefined (ddof=1), and strict
    JSON (json.dumps(allow_nan=False), as the CLI writes it) has no NaN."""
    d = bootstrap([[5, 1], [1, 5]], n_resamples=1, seed=0).to_dict()
    assert d["mutual_information"]["x1,x2"]["std_error"] is None
    json.dumps(d, allow_nan=False)


# --------------------------------------------------------------------------- intervals (issue 13 §4)


def test_bca_interval_matches_an_independent_case_by_case_computation():
    """BCa by the textbook recipe (Efron & Tibshirani 1993, ch. 14) written out independently:
    the jackknife leaves out each of the N cases of the expanded records one at a time (no
    cell shortcut), z0 from the share of replicates below the estimate, levels from scipy's
    normal law, quantiles with numpy's default rule, on the same replicates."""
    table = np.array([[[9, 3], [2, 8]], [[4, 7], [6, 1]]])
    res = bootstrap(table, n_resamples=400, seed=11, method="bca")
    cells = np.argwhere(table > 0)
    rows = np.repeat(cells, table[table > 0], axis=0)
    theta = []
    for i in range(len(rows)):
        kept = np.delete(rows, i, axis=0)
        t = np.zeros(table.shape)
        np.add.at(t, tuple(kept.T), 1)
        theta.append(hx.mutual_information(t))
    theta = np.array(theta)
    d = theta.mean() - theta
    a = (d**3).sum() / (6 * (d**2).sum() ** 1.5)
    reps = res.replicates[:, -1]
    t_hat = res.estimate.T
    from scipy import stats  # the oracle, imported where it is used (not at collection)

    z0 = stats.norm.ppf((reps < t_hat).mean() + 0.5 * (reps == t_hat).mean())
    levels = [stats.norm.cdf(z0 + (z0 + z) / (1 - a * (z0 + z))) for z in stats.norm.ppf([0.025, 0.975])]
    want = np.quantile(reps, levels)
    assert res.acceleration[-1] == pytest.approx(a, rel=1e-9, abs=1e-15)
    assert res.interval() == pytest.approx(tuple(want), rel=1e-12)


def test_streamed_bootstrap_equals_the_in_memory_one(monkeypatch):
    """Issue 11 §5: beyond MAX_STORED_VALUES the replicates are streamed (three passes over
    batches drawn again from the seed); the summaries must equal the in-memory ones."""
    import helixnet.information._uncertainty as unc

    table = np.array([[[30, 5, 2], [4, 25, 3]], [[6, 2, 28], [3, 27, 5]]])
    # batches of 2**12 // 12 = 341 replicates instead of 2**19 // 12 (both runs draw the same
    # batches): 3,000 replicates are 9 batches, more than the 50,000 replicates in two batches
    # the default size gives, so the passes still go over several batches (and threads)
    monkeypatch.setattr(unc, "_BATCH_CELLS", 1 << 12)
    n_boot = 3_000
    for method in ("basic", "bca"):
        kept = bootstrap(table, n_resamples=n_boot, seed=5, method=method)
        with monkeypatch.context() as m:
            m.setattr(unc, "MAX_STORED_VALUES", 100)
            streamed = bootstrap(table, n_resamples=n_boot, seed=5, method=method)
        assert streamed.replicates is None and kept.replicates is not None
        a, b = kept.to_frame(), streamed.to_frame()
        for col in ("ci_low", "ci_high"):
            np.testing.assert_allclose(b[col], a[col], rtol=0, atol=1e-12)
        np.testing.assert_allclose(b["mean"], a["mean"], rtol=1e-12)
        np.testing.assert_allclose(b["std_error"], a["std_error"], rtol=1e-9)


def test_bootstrap_reports_bias_and_warns_on_sparse_tables():
    """bias = replicate mean - estimate and bias_corrected = 2 estimate - mean (definitions);
    a 4x4x4 table of 60 cases has fewer than SPARSE_CASES_PER_CELL (10) cases per non-empty
    cell, so it warns and names the threshold."""
    from helixnet.information._uncertainty import SPARSE_CASES_PER_CELL

    res = bootstrap(NOISY_XOR, n_resamples=200, seed=2)
    f = res.to_frame()
    np.testing.assert_allclose(f["bias"], f["mean"] - f["estimate"], atol=1e-15)
    np.testing.assert_allclose(f["bias_corrected"], 2 * f["estimate"] - f["mean"], atol=1e-15)
    sparse = np.random.default_rng(3).multinomial(60, np.full(64, 1 / 64)).reshape(4, 4, 4)
    assert sparse.sum() / np.count_nonzero(sparse) < SPARSE_CASES_PER_CELL
    with pytest.warns(hx.exceptions.HelixnetWarning, match="fewer than 10"):
        bootstrap(sparse, n_resamples=50, seed=1)


@pytest.mark.parametrize("case", ["dense", "sparse"])
def test_default_interval_coverage_by_simulation(case):
    """Draw 120 samples from a known law, so the true T is exact (hx.mutual_information of
    the probabilities), and count how often the default nominal 95 % interval covers it.
    Dense: noisy XOR, N = 400 (50 cases per cell): must be 88-100 % (binomial 99 % band
    around 95 % for 120 trials, widened). Sparse: 5x5x4 Dirichlet(1) law, N = 500 (about 5
    per cell): the default falls short of 95 % (0.868 in 1,000 samples of
    benchmarks/bench_coverage.py), so the test asserts what holds, at least 75 %, far above
    the percentile interval of the same replicates (0.178 there), asserted below 50 %."""
    import warnings

    if case == "dense":
        p, n = NOISY_XOR / NOISY_XOR.sum(), 400
    else:
        p, n = np.random.default_rng(2024).dirichlet(np.ones(100)).reshape(5, 5, 4), 500
    truth = hx.mutual_information(p)
    rng = np.random.default_rng(99)
    hits = pct_hits = 0
    trials = 120
    for _ in range(trials):
        sample = rng.multinomial(n, p.ravel()).reshape(p.shape)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", hx.exceptions.HelixnetWarning)
            res = bootstrap(sample, n_resamples=300, seed=int(rng.integers(2**31)))
        lo, hi = res.interval()
        hits += lo <= truth <= hi
        q_lo, q_hi = np.percentile(res.replicates[:, -1], [2.5, 97.5])
        pct_hits += q_lo <= truth <= q_hi
    if case == "dense":
        assert 0.88 <= hits / trials <= 1.0
    else:
        assert 0.75 <= hits / trials <= 0.97
        assert pct_hits / trials < 0.5


def test_a_generator_passed_twice_draws_new_replicates_and_an_int_seed_repeats():
    """Review finding: a Generator passed as seed was not advanced, so a simulation loop reused
    the same replicates. numpy's convention: a Generator moves on; an integer seed repeats."""
    import numpy as np

    import helixnet as hx

    table = np.array([[[40, 10], [12, 38]], [[9, 41], [39, 11]]])
    g = np.random.default_rng(5)
    first = hx.bootstrap(table, n_resamples=200, seed=g).interval()
    second = hx.bootstrap(table, n_resamples=200, seed=g).interval()
    assert first != second
    assert hx.bootstrap(table, n_resamples=200, seed=5).interval() == hx.bootstrap(table, n_resamples=200, seed=5).interval()
    # a fresh Generator from the same seed repeats the first call (the draws depend on the seed only)
    assert hx.bootstrap(table, n_resamples=200, seed=np.random.default_rng(5)).interval() == first
