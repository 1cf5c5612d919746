"""Numerical core of the information measures (private).

Entropies of every marginal of a (possibly batched) count table, and the
co-information built from them by inclusion-exclusion. The public API in
:mod:`helixnet.information` validates inputs and calls these functions; other
modules (bootstrap, Shapley) call them on batches of tables at once.

Conventions
-----------
* A table has ``k`` dimensions; leading axes beyond them are a batch.
* Subsets of dimensions are tuples of axis numbers in increasing order,
  ``(0,)``, ``(0, 1)``, ..., listed by :func:`subsets` by size, then
  lexicographically.
* Entropies are in nats internally; :func:`unit_factor` converts.
"""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import combinations

import numpy as np

#: Relative rounding tolerance of a co-information, the one place it is set:
#: :func:`coinformation` returns exactly 0 when |T| <= NOISE_TOL times
#: the sum of the absolute entropies it combines. Each entropy is a pairwise sum
#: with a relative rounding error of a few units of 2^-52 (2.2e-16); the margin
#: of ~10^4 covers tables with millions of cells, while any T worth reporting
#: is many orders of magnitude larger (1e-12 of a few bits).
NOISE_TOL = 1e-12

UNITS = {"bit": 1.0 / np.log(2.0), "mbit": 1000.0 / np.log(2.0), "nat": 1.0}


def unit_factor(unit: str) -> float:
    """Factor from nats to `unit` ("bit", "mbit" or "nat")."""
    from helixnet.exceptions import HelixnetValueError

    try:
        return UNITS[unit]
    except (KeyError, TypeError):
        raise HelixnetValueError(
            f"unknown unit {unit!r}; choose one of {', '.join(UNITS)}"
        ) from None


def subsets(k: int) -> list[tuple[int, ...]]:
    """Non-empty subsets of ``range(k)``, by size then lexicographically."""
    return [s for r in range(1, k + 1) for s in combinations(range(k), r)]


def marginal_entropies(counts: np.ndarray, k: int | None = None) -> dict:
    """Shannon entropy (nats) of every marginal of the last `k` axes.

    Parameters
    ----------
    counts : ndarray, shape (*batch, n_1, ..., n_k)
        Non-negative counts or probabilities; each table in the batch is
        normalised by its own total (which must be positive).
    k : int, optional
        Number of table dimensions (default: all axes, i.e. no batch).

    Returns
    -------
    dict
        ``{subset: ndarray of shape batch}`` for every subset of
        :func:`subsets`.

    Notes
    -----
    Marginals are summed from the smallest already-computed superset, so a
    k-dimensional table is traversed once at full size.
    """
    counts = np.asarray(counts, dtype=float)
    k = counts.ndim if k is None else k
    b = counts.ndim - k
    total = counts.reshape(counts.shape[:b] + (-1,)).sum(axis=-1)
    total = total.reshape(total.shape + (1,))
    marg = {tuple(range(k)): counts}
    out = {}
    with np.errstate(divide="ignore", invalid="ignore"):
        for s, parent, drop in _marginal_plan(k):
            if parent is not None:
                marg[s] = marg[parent].sum(axis=tuple(b + a for a in drop))
            m = marg[s]
            p = m.reshape(m.shape[:b] + (-1,)) / total
            logp = np.log(p, where=p > 0, out=np.zeros(p.shape))
            out[s] = -(p * logp).sum(axis=-1) + 0.0  # + 0.0: no "-0.0" entropy for a constant
    return out


@cache
def _marginal_plan(k: int) -> tuple:
    """The order in which :func:`marginal_entropies` sums the marginals of a k-table.

    ``(subset, parent, drop)`` by decreasing size: each marginal is summed from the
    smallest superset already computed (`parent`, None for the full table) over the
    positions `drop` of the parent's axes, so a k-dimensional table is traversed once at
    full size.
    """
    done = [tuple(range(k))]
    plan: list[tuple] = []
    for s in sorted(subsets(k), key=len, reverse=True):
        if s in done:
            plan.append((s, None, ()))
            continue
        parent = min((p for p in done if set(s) < set(p)), key=len)
        plan.append((s, parent, tuple(parent.index(a) for a in parent if a not in s)))
        done.append(s)
    return tuple(plan)


def coinformation(entropies: dict, dims: tuple[int, ...] | None = None):
    """Co-information of the dimensions `dims` from their marginal entropies.

    .. math:: T(S) = -\\sum_{\\emptyset \\ne A \\subseteq S} (-1)^{|A|} H(A)

    which for two dimensions is the mutual information
    :math:`H_x + H_y - H_{xy}` and for three is Leydesdorff's
    :math:`T_{xyz} = H_x + H_y + H_z - H_{xy} - H_{xz} - H_{yz} + H_{xyz}`.

    A value within rounding noise of zero, :math:`|T(S)| \\le` :data:`NOISE_TOL`
    :math:`\\times \\sum_A |H(A)|`, is returned as exactly 0: the
    inclusion-exclusion sum of :math:`2^{|S|} - 1` entropies of a table
    whose dimensions are independent gives :math:`\\pm 10^{-16}` rather
    than 0, and a sign that is rounding must not read as synergy.
    """
    if dims is None:
        dims = max(entropies, key=len)
    total = 0.0
    scale = 0.0
    for sign, a in _inclusion_exclusion(tuple(dims)):
        total = total + sign * entropies[a]
        scale = scale + np.abs(entropies[a])
    # (x * False) is -0.0 for negative x; + 0.0 makes it 0.0
    return total * (np.abs(total) > NOISE_TOL * scale) + 0.0


@lru_cache(maxsize=1024)
def _inclusion_exclusion(dims: tuple) -> tuple:
    """``(sign, subset)`` terms of the co-information of `dims`, in the order they are summed."""
    return tuple((-((-1) ** r), a) for r in range(1, len(dims) + 1) for a in combinations(dims, r))


def all_coinformations(entropies: dict) -> dict:
    """Co-information of every subset of two or more dimensions."""
    return {s: coinformation(entropies, s) for s in entropies if len(s) >= 2}
