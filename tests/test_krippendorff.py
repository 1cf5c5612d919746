"""Krippendorff's interaction information I(ABC -> AB:AC:BC), fitted by IPF.

Expected values come from analytic tables (XOR, three copies of one coin,
tables built without a three-way term) and from two independent
maximum-entropy fits: the primal problem (maximise entropy subject to the
margins, scipy SLSQP) and its dual (maximum likelihood of the log-linear
model with every (N-1)-way term, scipy BFGS).
"""

import itertools

import numpy as np
import pytest
from scipy.optimize import minimize

import helixnet as hx
from helixnet.exceptions import HelixnetValueError, InvalidTableError
from helixnet.information._krippendorff import krippendorff_interaction


def _xor():
    t = np.zeros((2, 2, 2))
    for a, b in itertools.product((0, 1), repeat=2):
        t[a, b, a ^ b] = 1
    return t


def _kl_bits(p, q):
    m = p > 0
    return float(np.sum(p[m] * np.log2(p[m] / q[m])))


def _maxent_primal(p):
    """Maximise H(q) subject to q having the three two-way margins of p (3-d, SLSQP).

    The margin constraints are linearly dependent (they share the total and the
    one-way margins); they are reduced to an independent set by SVD first.
    """
    shape = p.shape
    eye = np.eye(p.size).reshape((p.size,) + shape)
    A = np.concatenate([eye.sum(axis=1 + a).reshape(p.size, -1).T for a in range(3)])
    _u, sv, vt = np.linalg.svd(A, full_matrices=False)
    r = int(np.sum(sv > 1e-10 * sv[0]))
    C = vt[:r]
    d = C @ p.ravel()
    cons = [{"type": "eq", "fun": lambda x: C @ x - d, "jac": lambda x: C}]

    def neg_entropy(x):
        x = np.clip(x, 1e-300, None)
        return float(np.sum(x * np.log(x)))

    def grad(x):
        return np.log(np.clip(x, 1e-300, None)) + 1.0

    x0 = np.full(p.size, 1.0 / p.size)
    res = minimize(neg_entropy, x0, jac=grad, method="SLSQP", constraints=cons, bounds=[(0, 1)] * p.size,
                   options={"ftol": 1e-15, "maxiter": 1000})  # fmt: skip
    assert res.success, res.message
    return res.x.reshape(shape)


def _maxent_loglinear(p):
    """Maximum-likelihood log-linear model with every (N-1)-way term (the dual of max-ent)."""
    k = p.ndim
    cells = list(itertools.product(*[range(s) for s in p.shape]))
    columns = []
    for keep in itertools.combinations(range(k), k - 1):
        for level in itertools.product(*[range(p.shape[a]) for a in keep]):
            columns.append([float(all(c[a] == v for a, v in zip(keep, level))) for c in cells])
    X = np.array(columns).T
    w = np.array([p[c] for c in cells])

    def nll(theta):
        eta = X @ theta
        m = eta.max()
        logz = m + np.log(np.exp(eta - m).sum())
        return -(w @ eta - logz)

    def grad(theta):
        eta = X @ theta
        q = np.exp(eta - eta.max())
        q /= q.sum()
        return -(X.T @ (w - q))

    res = minimize(nll, np.zeros(X.shape[1]), jac=grad, method="BFGS", options={"gtol": 1e-12, "maxiter": 10000})
    eta = X @ res.x
    q = np.exp(eta - eta.max())
    return (q / q.sum()).reshape(p.shape)


def test_xor_has_one_bit_of_interaction_information_and_no_loop_redundancy():
    """Analytic: pairs of XOR bits are independent and uniform, so q is uniform (3 bits)
    while p has 4 equal cells (2 bits): I = 1; T = 3*1 - 3*2 + 2 = -1; Q = -T = 1; R = I + T = 0."""
    r = krippendorff_interaction(_xor())
    assert r.I == pytest.approx(1.0, abs=1e-12)
    assert r.T == pytest.approx(-1.0, abs=1e-12)
    assert r.Q == pytest.approx(1.0, abs=1e-12)
    assert r.R == pytest.approx(0.0, abs=1e-12)
    np.testing.assert_allclose(r.fitted, np.full((2, 2, 2), 1 / 8), atol=1e-15)
    assert r.converged


def test_three_copies_of_one_coin_have_no_three_way_information_only_loop_redundancy():
    """Analytic: the two-way margins of A=B=C are diagonal and force q = p, so I = 0;
    T = 1 + 1 + 1 - 1 - 1 - 1 + 1 = +1 bit, all of it redundancy: R = I + T = 1, Q = -1."""
    t = np.zeros((2, 2, 2))
    t[0, 0, 0] = t[1, 1, 1] = 5
    r = krippendorff_interaction(t)
    assert r.I == pytest.approx(0.0, abs=1e-9)
    assert r.T == pytest.approx(1.0, abs=1e-12)
    assert r.R == pytest.approx(1.0, abs=1e-9)
    assert r.Q == pytest.approx(-1.0, abs=1e-12)


def test_a_table_without_a_three_way_term_has_zero_interaction_information():
    """Analytic: p proportional to exp(a_AB + a_AC + a_BC) is its own max-ent fit, so I = 0."""
    rng = np.random.default_rng(7)
    ab, ac, bc = rng.normal(size=(3, 4)), rng.normal(size=(3, 2)), rng.normal(size=(4, 2))
    p = np.exp(ab[:, :, None] + ac[:, None, :] + bc[None, :, :])
    r = krippendorff_interaction(p / p.sum())
    assert r.I == pytest.approx(0.0, abs=1e-9)
    np.testing.assert_allclose(r.fitted, p / p.sum(), atol=1e-9)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ipf_agrees_with_a_brute_force_maximum_entropy_fit(seed):
    """Independent: the primal max-ent problem solved by SLSQP, and the dual log-linear fit."""
    rng = np.random.default_rng(seed)
    counts = rng.integers(1, 40, size=(3, 3, 4)).astype(float)  # 36 cells > 33 margin constraints (SLSQP)
    p = counts / counts.sum()
    r = krippendorff_interaction(counts)
    q_primal = _maxent_primal(p)
    q_dual = _maxent_loglinear(p)
    np.testing.assert_allclose(r.fitted, q_primal, atol=2e-6)
    np.testing.assert_allclose(r.fitted, q_dual, atol=1e-8)
    assert r.I == pytest.approx(_kl_bits(p, q_dual), abs=1e-8)
    assert r.I >= 0


def test_four_dimensions_use_all_three_way_margins():
    """Independent: the log-linear model with the four three-way terms, fitted by BFGS."""
    rng = np.random.default_rng(11)
    counts = rng.integers(1, 30, size=(2, 2, 2, 2)).astype(float)
    p = counts / counts.sum()
    r = krippendorff_interaction(counts)
    q = _maxent_loglinear(p)
    np.testing.assert_allclose(r.fitted, q, atol=1e-8)
    assert r.I == pytest.approx(_kl_bits(p, q), abs=1e-8)
    assert r.Q is None and r.R is None  # the Q = I - R identity is only stated for three dimensions
    assert r.T == pytest.approx(hx.mutual_information(counts), abs=1e-12)


def test_two_dimensions_give_the_mutual_information():
    """Analytic: with one-way margins only, q is the independence table and I = H_A + H_B - H_AB."""
    counts = np.array([[10, 3], [2, 7]])
    r = krippendorff_interaction(counts)
    assert r.I == pytest.approx(hx.mutual_information(counts), abs=1e-10)


def test_T_is_helixnets_mutual_information_and_R_is_I_plus_T():
    counts = np.array([[[12, 3], [4, 9]], [[2, 8], [7, 1]]])
    r = krippendorff_interaction(counts, unit="mbit")
    assert r.T == pytest.approx(hx.mutual_information(counts, unit="mbit"), abs=1e-9)
    assert r.R == pytest.approx(r.I + r.T, abs=1e-12)
    assert r.Q == -r.T


def test_records_and_tables_give_the_same_result():
    import pandas as pd

    rows = [(a, b, a ^ b) for a, b in itertools.product((0, 1), repeat=2)] * 3
    df = pd.DataFrame(rows, columns=["u", "i", "g"])
    r = krippendorff_interaction(df, dims=["u", "i", "g"])
    assert r.dims == ("u", "i", "g")
    assert r.I == pytest.approx(1.0, abs=1e-12)
    assert r.n == 12


def test_units_scale_every_value():
    r_bit = krippendorff_interaction(_xor())
    r_nat = krippendorff_interaction(_xor(), unit="nat")
    assert r_nat.I == pytest.approx(r_bit.I * np.log(2), abs=1e-12)
    assert r_nat.R == pytest.approx(0.0, abs=1e-12)


def test_non_convergence_warns_and_is_reported():
    """A sparse table whose max-ent fit lies on the boundary needs many sweeps; one is not enough."""
    t = np.array([[[5, 1], [0, 3]], [[0, 4], [2, 0]]], dtype=float)
    with pytest.warns(RuntimeWarning, match="did not converge") as caught:
        r = krippendorff_interaction(t, max_iter=1)
    # a HelixnetWarning too, so the command line prints it as one line
    assert any(issubclass(w.category, hx.HelixnetWarning) for w in caught)
    assert not r.converged and r.iterations == 1 and r.max_deviation > r.tol


def test_result_protocol_has_a_fixed_schema():
    r = krippendorff_interaction(_xor())
    d = r.to_dict()
    assert set(d) == {"dimensions", "n", "unit", "interaction_information", "mutual_information", "Q", "R", "ipf"}
    assert set(d["ipf"]) == {"tol", "max_iter", "iterations", "converged", "max_deviation"}
    f = r.to_frame()
    assert list(f.columns) == ["quantity", "value", "unit"]
    assert list(f["quantity"]) == ["I", "T", "Q", "R"]
    assert "I=" in repr(r)
    import json

    json.dumps(d)


@pytest.mark.parametrize("kwargs", [{"tol": 0}, {"tol": -1.0}, {"tol": float("nan")}, {"max_iter": 0},
                                    {"max_iter": 2.5}, {"unit": "dits"}])  # fmt: skip
def test_bad_settings_raise_clear_errors(kwargs):
    with pytest.raises(HelixnetValueError):
        krippendorff_interaction(_xor(), **kwargs)


def test_bad_tables_raise_invalid_table_error():
    with pytest.raises(InvalidTableError):
        krippendorff_interaction(np.zeros((2, 2, 2)))
    with pytest.raises(InvalidTableError):
        krippendorff_interaction(np.array([1.0, 2.0]))
