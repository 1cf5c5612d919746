"""A co-information within rounding noise of zero reads as exactly 0, never as synergy.

Source of the expected values: a table that is the outer product of its
marginals has independent dimensions, so every co-information among them is 0
exactly (analytic). Computed in floating point, the inclusion-exclusion sum of
seven entropies leaves +-1e-16 .. 1e-15 (issue 11 found -6e-16 described as
"synergy").
"""

from __future__ import annotations

import contextlib
import io
import itertools

import numpy as np
import pytest

import helixnet as hx
from helixnet.cli import main
from helixnet.information import _core

# an independent 2x2x2 table whose raw inclusion-exclusion sum is -8.9e-16
# (outer product of [5, 1], [11, 48], [39, 54]); index 0 = absent
NOISY = np.einsum("i,j,k->ijk", [5, 1], [11, 48], [39, 54])


def _raw_t(table):
    """The inclusion-exclusion sum without the noise rule (what the package printed before)."""
    H = _core.marginal_entropies(table)
    return sum(-((-1) ** r) * H[s] for r in range(1, 4) for s in itertools.combinations(range(3), r))


def _independent_tables(count=300, seed=0):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        a, b, c = (rng.integers(1, 60, size=rng.integers(2, 5)) for _ in range(3))
        yield np.einsum("i,j,k->ijk", a, b, c)


def test_the_fixture_really_has_negative_rounding_noise():
    assert -1e-14 < _raw_t(NOISY) < 0


def test_independent_tables_have_exactly_zero_t_and_mutual_information():
    noisy = 0
    for table in _independent_tables():
        noisy += _raw_t(table) != 0
        res = hx.synergy(table)
        assert res.T == 0.0 and str(res.T) == "0.0"  # no "-0.0" either
        assert all(v == 0.0 for v in res.to_dict()["mutual_information"].values())
        assert hx.mutual_information(table.sum(axis=2)) == 0.0
    assert noisy > 50  # the rule is exercised, not vacuous


@pytest.mark.parametrize("epsilon", [1e-2, 1e-4])
def test_small_real_synergy_is_kept(epsilon):
    """A faint XOR component (T of order -epsilon^2 bits, down to -1e-8) stays negative:
    the tolerance is relative (1e-12 of the entropies), far below any real effect."""
    xor = np.zeros((2, 2, 2))
    for u, i in itertools.product((0, 1), repeat=2):
        xor[u, i, u ^ i] = 1
    table = (1 - epsilon) * np.full((2, 2, 2), 1 / 8) + epsilon * xor / 4
    assert hx.synergy(table).T < 0
    assert hx.synergy(table).T == pytest.approx(_raw_t(table) / np.log(2), rel=1e-9)


def test_bootstrap_and_permutation_share_the_rule():
    """Resampling routines go through the same co-information: the observed T of independent
    records is 0 there too."""
    import pandas as pd

    rows = [(u, i, g) for u in range(2) for i in range(2) for g in range(2)]
    records = pd.DataFrame(rows * 3, columns=["u", "i", "g"])
    records["w"] = [int(NOISY[r]) for r in rows] * 3
    assert hx.permutation_test(records, dims=["u", "i", "g"], weight="w", n_resamples=5, seed=1).statistic == 0.0
    assert hx.synergy(records, dims=["u", "i", "g"], weight="w").T == 0.0


def test_cli_text_calls_noise_no_synergy():
    venn = "U=429,I=9360,G=2970,UI=1872,UG=594,IG=12960,UIG=2592"  # cells of NOISY, none = 2145
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["synergy", "--venn", venn, "--none", "2145"]) == 0
    last = out.getvalue().strip().splitlines()[-1]
    assert last == "T(U,I,G) = 0.000000 bit: no synergy"


def test_four_dimensional_redundancy_of_independent_data_is_plain_zero():
    """R = -T in four dimensions: a zero T must give R = 0.0, not -0.0 (printed "-0.000000")."""
    table = np.einsum("i,j,k,l->ijkl", [5, 1], [11, 48], [39, 54], [3, 7])
    res = hx.synergy(table)
    assert res.T == 0.0 and str(res.redundancy) == "0.0" and str(hx.redundancy(table)) == "0.0"
