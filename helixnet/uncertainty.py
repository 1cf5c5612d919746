"""Uncertainty of the Triple Helix indicator: bootstrap, permutation and G tests.

The literature reports bare point values of T. This module adds

* :func:`bootstrap`: percentile confidence intervals for the mutual
  information of every subset of two or more dimensions, by multinomial
  resampling of the count table;
* :func:`permutation_test`: a test of the independence of the dimensions,
  using T as the statistic;
* :func:`g_test`: for two dimensions, the likelihood-ratio test of
  independence, whose statistic is :math:`G = 2 N \\ln 2 \\, T_{xy}` (T in bits).

All of them need integer counts (cases), not probabilities.
"""

from __future__ import annotations

import sys
from typing import NamedTuple

import numpy as np

from helixnet import _core
from helixnet._validation import check_count, check_seed
from helixnet.exceptions import HelixnetValueError, InvalidTableError
from helixnet.information import (
    _as_table,
    _entropies,
    _require_counts,
    synergy,
)

__all__ = [
    "bootstrap",
    "BootstrapResult",
    "permutation_test",
    "PermutationResult",
    "g_test",
    "GTestResult",
]

# cells per batch of replicate tables (keeps a batch in cache-sized memory)
_BATCH_CELLS = 1 << 19


def _run_batches(run, n_batches, progress, what):
    """Call ``run(i)`` for every batch, on threads when the machine has cores to spare.

    numpy releases the GIL in the multinomial draws and the entropy arithmetic,
    so batches run in parallel; each writes its own rows of the result.
    """
    import os

    workers = min(os.cpu_count() or 1, n_batches, 8)
    if workers < 2:
        for i in _progress(range(n_batches), n_batches, progress, what):
            run(i)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(workers) as pool:
        for _ in _progress(pool.map(run, range(n_batches)), n_batches, progress, what):
            pass


def _rng(seed):
    """A Generator from `seed` (None, a non-negative int or a Generator)."""
    seed = check_seed(seed)
    return seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)


def _progress(iterable, total, enabled, desc):
    """Wrap `iterable` in a tqdm bar when asked and stderr is a terminal."""
    if enabled and sys.stderr.isatty():
        from tqdm.auto import tqdm

        return tqdm(iterable, total=total, desc=desc, file=sys.stderr)
    return iterable


def _count_table(data, dims, weight, why):
    table, dims, cats = _as_table(data, dims, weight)
    _require_counts(table, why)
    return np.asarray(table), dims


def _check_positive_int(value, name):
    return check_count(value, name)


def _labels(dims, subsets):
    return [",".join(str(dims[a]) for a in s) for s in subsets]


# --------------------------------------------------------------------------
# bootstrap
# --------------------------------------------------------------------------


class BootstrapResult:
    """Bootstrap distribution of the mutual information of every subset.

    Attributes
    ----------
    estimate : SynergyResult
        The point estimates, from the observed table.
    subsets : list of str
        Labels of the subsets of two or more dimensions (names joined by
        ","), in the column order of `replicates`.
    replicates : numpy.ndarray, shape (n_boot, len(subsets))
        Mutual information of every subset in every replicate, in `unit`.
    ci : float
        Confidence level of the intervals.
    n_boot, seed, unit, bias, method
        As passed to :func:`bootstrap`.
    """

    def __init__(self, estimate, subsets, sizes, replicates, ci, n_boot, seed, unit, bias, method):
        self.method = method
        self.estimate = estimate
        self.subsets = subsets
        self._sizes = sizes
        self.replicates = replicates
        self.ci = ci
        self.n_boot = n_boot
        self.seed = seed
        self.unit = unit
        self.bias = bias

    def __repr__(self):
        lo, hi = self.interval()
        return (
            f"BootstrapResult(dims={list(self.estimate.dims)}, n_boot={self.n_boot}, "
            f"T={self.estimate.T:.6g} [{lo:.6g}, {hi:.6g}] {self.unit})"
        )

    def _column(self, dims):
        label = ",".join(str(d) for d in (dims or self.estimate.dims))
        if label not in self.subsets:
            # accept the dimensions in any order
            want = set(str(d) for d in dims)
            match = [s for s in self.subsets if set(s.split(",")) == want and len(want) == len(dims)]
            if not match:
                raise HelixnetValueError(f"no subset {list(dims)}; subsets are {self.subsets}")
            label = match[0]
        return self.subsets.index(label)

    def _bounds(self, reps, est):
        q = 100 * (1 - self.ci) / 2
        lo, hi = np.percentile(reps, [q, 100 - q], axis=0)
        if self.method == "basic":
            lo, hi = 2 * est - hi, 2 * est - lo
        return lo, hi

    def interval(self, *dims) -> tuple[float, float]:
        """Interval (at level :attr:`ci`, by :attr:`method`) for the T of `dims` (default: all)."""
        col = self._column(dims)
        names = self._native()[col]
        lo, hi = self._bounds(self.replicates[:, col], self.estimate.mutual_information(*names))
        return float(lo), float(hi)

    def to_frame(self):
        """One row per subset of two or more dimensions.

        Columns: ``subset``, ``k``, ``estimate`` (observed table), ``mean``
        and ``std_error`` (of the replicates), ``ci_low``, ``ci_high``
        (percentile interval at level :attr:`ci`), all in :attr:`unit`.
        """
        import pandas as pd

        est = np.array([self.estimate.mutual_information(*s) for s in self._native()])
        lo, hi = self._bounds(self.replicates, est)
        return pd.DataFrame(
            {
                "subset": self.subsets,
                "k": self._sizes,
                "estimate": est,
                "mean": self.replicates.mean(axis=0),
                "std_error": self.replicates.std(axis=0, ddof=1) if self.n_boot > 1 else np.nan,
                "ci_low": lo,
                "ci_high": hi,
            }
        )

    def _native(self):
        # subset labels mapped back to the original dimension objects
        names = {str(d): d for d in self.estimate.dims}
        return [[names[x] for x in s.split(",")] for s in self.subsets]

    def to_dict(self) -> dict:
        """JSON-serialisable summary: settings plus :meth:`to_frame` rows keyed by subset.

        ``std_error`` is None (JSON null) when ``n_boot`` is 1.
        """
        frame = self.to_frame()
        seed = self.seed if self.seed is None or isinstance(self.seed, (int, np.integer)) else None
        return {
            "dimensions": [str(d) for d in self.estimate.dims],
            "n": self.estimate.to_dict()["n"],
            "unit": self.unit,
            "n_boot": self.n_boot,
            "ci": self.ci,
            "seed": None if seed is None else int(seed),
            "bias": self.bias,
            "method": self.method,
            "mutual_information": {
                row.subset: {
                    "estimate": float(row.estimate),
                    "mean": float(row.mean),
                    # undefined (NaN) for a single replicate: null in JSON
                    "std_error": float(row.std_error) if np.isfinite(row.std_error) else None,
                    "ci_low": float(row.ci_low),
                    "ci_high": float(row.ci_high),
                }
                for row in frame.itertuples(index=False)
            },
        }


def bootstrap(
    data,
    dims=None,
    weight=None,
    n_boot: int = 1000,
    ci: float = 0.95,
    seed=None,
    unit: str = "bit",
    bias=None,
    method: str = "percentile",
    progress: bool = False,
) -> BootstrapResult:
    """Bootstrap percentile intervals for the mutual information of every subset.

    Each replicate table is a multinomial draw of the observed number of
    cases :math:`N` with the observed cell proportions,

    .. math:: n^{*} \\sim \\mathrm{Multinomial}(N, \\hat p), \\qquad
        \\hat p_{ij\\ldots} = n_{ij\\ldots} / N,

    which is the nonparametric bootstrap of the N cases. Every T of the
    replicate is computed, and the interval is the :math:`(1-ci)/2` and
    :math:`(1+ci)/2` percentiles of the replicates.

    Parameters
    ----------
    data : array_like, pandas.DataFrame or pandas.Series
        As in :func:`helixnet.synergy`, holding integer counts.
    dims, weight
        As in :func:`helixnet.synergy`; weights must be whole numbers.
    n_boot : int
        Number of replicates.
    ci : float
        Confidence level, between 0 and 1.
    seed : int, numpy.random.Generator or None
        Seed of the resampling; the same seed gives identical replicates.
    unit : {"bit", "mbit", "nat"}
        Unit of every value.
    bias : {None, "miller-madow"}
        Entropy bias correction applied to the estimate and every replicate.
    method : {"percentile", "basic"}
        "percentile": the percentiles of the replicates; "basic": the
        percentiles reflected about the estimate,
        :math:`[2\\hat T - q_{hi}, 2\\hat T - q_{lo}]`, which corrects for the
        shift of the replicates away from the estimate (see Notes).
    progress : bool
        Show a progress bar (only when stderr is a terminal).

    Returns
    -------
    BootstrapResult
        ``.estimate`` (SynergyResult), ``.replicates`` (n_boot × subsets),
        ``.subsets``, ``.interval(*dims)``, ``.to_frame()`` (columns subset,
        k, estimate, mean, std_error, ci_low, ci_high) and ``.to_dict()``.

    Raises
    ------
    InvalidTableError
        Non-integer counts (probabilities or fractional weights), and every
        table error of :func:`helixnet.synergy`.
    HelixnetValueError
        `n_boot` not a positive integer, `ci` outside (0, 1), unknown unit
        or bias correction.

    See Also
    --------
    permutation_test : a test of independence.
    helixnet.synergy : the point estimates.

    Notes
    -----
    Replicates are drawn in batches with :meth:`numpy.random.Generator.multinomial`
    over the non-empty cells (empty cells stay empty), and the marginal
    entropies of a whole batch are computed at once. Each batch has its own
    child generator (:meth:`numpy.random.Generator.spawn` of the seed), so
    batches run on threads and the replicates depend only on the seed and
    the table, not on the number of cores.

    The plug-in T is biased when N is small relative to the number of cells
    (see the Notes of :func:`helixnet.synergy`), and resampling adds that
    bias once more: the replicates are centred below the estimate by about
    the estimate's own bias. With many sparse cells the percentile interval
    can then miss the point estimate altogether (seen with 1,000 cells and
    N = 25,000 in ``benchmarks/bench_information.py``); compare ``mean``
    with ``estimate`` in :meth:`BootstrapResult.to_frame`, and prefer
    ``method="basic"`` or ``bias="miller-madow"`` in that case.

    References
    ----------
    Efron, B., & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*.
    Chapman & Hall. doi:10.1201/9780429246593

    Examples
    --------
    >>> import helixnet as hx
    >>> t = [[[40, 10], [10, 40]], [[10, 40], [40, 10]]]   # noisy XOR
    >>> res = hx.bootstrap(t, n_boot=200, seed=1)
    >>> round(res.estimate.T, 3)
    -0.278
    >>> lo, hi = res.interval()
    >>> bool(lo < res.estimate.T < hi < 0)
    True
    >>> list(res.to_frame().columns)
    ['subset', 'k', 'estimate', 'mean', 'std_error', 'ci_low', 'ci_high']
    """
    table, dims = _count_table(data, dims, weight, "the bootstrap")
    n_boot = _check_positive_int(n_boot, "n_boot")
    if not (isinstance(ci, (float, int)) and 0 < ci < 1):
        raise HelixnetValueError(f"ci must be between 0 and 1, got {ci!r}")
    if method not in ("percentile", "basic"):
        raise HelixnetValueError(f"method must be 'percentile' or 'basic', got {method!r}")
    estimate = synergy(table, dims=dims, unit=unit, bias=bias)
    factor = _core.unit_factor(unit)
    rng = _rng(seed)

    k = table.ndim
    subs = [s for s in _core.subsets(k) if len(s) >= 2]
    flat = table.reshape(-1)
    nz = np.flatnonzero(flat)
    N = int(flat.sum())
    p = flat[nz] / N
    batch = max(1, min(n_boot, _BATCH_CELLS // flat.size))
    reps = np.empty((n_boot, len(subs)))
    starts = list(range(0, n_boot, batch))
    # one child generator per batch: the replicates depend on the seed and the
    # table only, not on how many threads draw them
    children = rng.spawn(len(starts))

    def run(i):
        start = starts[i]
        b = min(batch, n_boot - start)
        draws = children[i].multinomial(N, p, size=b)
        tables = np.zeros((b, flat.size))
        tables[:, nz] = draws
        H = _entropies(tables.reshape((b,) + table.shape), k, bias)
        for j, s in enumerate(subs):
            reps[start : start + b, j] = _core.coinformation(H, s) * factor

    _run_batches(run, len(starts), progress, "bootstrap")
    return BootstrapResult(
        estimate, _labels(dims, subs), [len(s) for s in subs], reps, ci, n_boot, seed, unit, bias,
        method,
    )


# --------------------------------------------------------------------------
# permutation test
# --------------------------------------------------------------------------


class PermutationResult(NamedTuple):
    """Result of :func:`permutation_test`.

    Attributes
    ----------
    statistic : float
        T among all dimensions of the observed table, in `unit`.
    p_value : float
        ``(1 + #extreme) / (1 + n_perm)``.
    null_distribution : numpy.ndarray
        T of each permuted table.
    alternative : str
        "two-sided", "greater" or "less".
    n_perm : int
        Number of permutations.
    unit : str
        Unit of `statistic` and `null_distribution`.
    """

    statistic: float
    p_value: float
    null_distribution: np.ndarray
    alternative: str
    n_perm: int
    unit: str


def _permuted_tables(table, n_perm, rng, progress):
    """Tables with the observed one-dimensional margins, dimensions permuted apart.

    Permuting each dimension's column of the records independently gives a
    table whose one-dimensional margins equal the observed ones and whose
    dimensions are independent; its distribution is drawn directly,
    dimension by dimension: the cross of the first j dimensions with
    dimension j+1 is a random two-way table with those margins
    (scipy.stats.random_table, Patefield's algorithm).
    """
    from scipy.stats import random_table

    k = table.ndim
    margins = [table.sum(axis=tuple(a for a in range(k) if a != ax)).astype(np.int64) for ax in range(k)]
    first = random_table(margins[0], margins[1]).rvs(size=n_perm, random_state=rng)
    if k == 2:
        return first.astype(np.int64, copy=False)
    out = np.empty((n_perm,) + table.shape, dtype=np.int64)
    for i in _progress(range(n_perm), n_perm, progress, "permutations"):
        t = first[i]
        for ax in range(2, k):
            rows = t.reshape(-1)
            keep = rows > 0
            cross = np.zeros((rows.size, margins[ax].size), dtype=np.int64)
            cross[keep] = random_table(rows[keep], margins[ax]).rvs(random_state=rng)
            t = cross
        out[i] = t.reshape(table.shape)
    return out


def permutation_test(
    data,
    dims=None,
    weight=None,
    n_perm: int = 999,
    alternative: str = "two-sided",
    seed=None,
    unit: str = "bit",
    progress: bool = False,
) -> PermutationResult:
    """Permutation test of the independence of the dimensions, with T as statistic.

    The null hypothesis is that all dimensions are mutually independent. The
    null distribution of

    .. math:: T = -\\sum_{\\emptyset \\ne S} (-1)^{|S|} H(S)

    is obtained by permuting each dimension's column of the records
    independently of the others, which keeps every one-dimensional margin
    and destroys every association. The p-value counts the permuted tables
    at least as extreme as the observed one, with the +1 correction:

    .. math:: p = \\frac{1 + \\#\\{T^{*} \\text{ as or more extreme}\\}}{1 + n_{perm}}

    Parameters
    ----------
    data : array_like, pandas.DataFrame or pandas.Series
        As in :func:`helixnet.synergy`, holding integer counts.
    dims, weight
        As in :func:`helixnet.synergy`; weights must be whole numbers.
    n_perm : int
        Number of permutations.
    alternative : {"two-sided", "greater", "less"}
        "greater": T larger than under independence (redundancy; the natural
        choice for two dimensions, where T >= 0); "less": T smaller
        (synergy); "two-sided": twice the smaller one-sided p-value, capped at 1.
    seed : int, numpy.random.Generator or None
        Seed; the same seed gives the same null distribution.
    unit : {"bit", "mbit", "nat"}
        Unit of the statistic and the null distribution.
    progress : bool
        Show a progress bar (only when stderr is a terminal).

    Returns
    -------
    PermutationResult
        Named tuple (statistic, p_value, null_distribution, alternative,
        n_perm, unit).

    Raises
    ------
    InvalidTableError
        Non-integer counts, and every table error of :func:`helixnet.synergy`.
    HelixnetValueError
        `n_perm` not a positive integer; unknown `alternative` or unit.

    See Also
    --------
    g_test : the asymptotic test for two dimensions.
    bootstrap : intervals for every T.

    Notes
    -----
    A table is treated as records (one per case), so the permuted tables
    are drawn directly from their distribution rather than by shuffling
    N rows: dimension by dimension, the cross of the first j dimensions
    with dimension j+1 is a random two-way table with the observed margins
    (the multivariate hypergeometric law of a permutation), drawn with
    :class:`scipy.stats.random_table` (Patefield 1981). The cost does not
    grow with N. Independence implies T = 0, but a T near 0 does not imply
    independence; a small p-value with three or more dimensions may come
    from pairwise associations alone. With three dimensions the null
    distribution of the plug-in T lies mostly below zero (the small-sample
    bias toward synergy), so a table exactly equal to the product of its
    margins (T = 0) sits in the upper tail. Values within a relative 1e-12 of the
    observed T count as ties (as extreme).

    References
    ----------
    Patefield, W. M. (1981). Algorithm AS 159: An efficient method of
    generating random R x C tables with given row and column totals.
    *Applied Statistics* 30(1), 91-97. doi:10.2307/2346669

    Phipson, B., & Smyth, G. K. (2010). Permutation p-values should never be
    zero. *Statistical Applications in Genetics and Molecular Biology* 9(1).
    doi:10.2202/1544-6115.1585

    Examples
    --------
    Fifty cases on the diagonal of a 2x2 table: perfectly associated, so
    no permutation reaches T = 1 bit and p is the smallest possible,
    1/(1 + 99):

    >>> import helixnet as hx
    >>> res = hx.permutation_test([[25, 0], [0, 25]], n_perm=99,
    ...                           alternative="greater", seed=0)
    >>> res.statistic, res.p_value
    (1.0, 0.01)
    """
    table, dims = _count_table(data, dims, weight, "the permutation test")
    n_perm = _check_positive_int(n_perm, "n_perm")
    if alternative not in ("two-sided", "greater", "less"):
        raise HelixnetValueError(
            f"alternative must be 'two-sided', 'greater' or 'less', got {alternative!r}"
        )
    factor = _core.unit_factor(unit)
    rng = _rng(seed)
    table = table.astype(np.int64)
    k = table.ndim
    observed = float(_core.coinformation(_core.marginal_entropies(table)) * factor)
    perms = _permuted_tables(table, n_perm, rng, progress)
    null = np.asarray(_core.coinformation(_core.marginal_entropies(perms, k)) * factor, dtype=float)
    tol = 1e-12 * max(1.0, abs(observed))
    p_greater = (1 + np.count_nonzero(null >= observed - tol)) / (1 + n_perm)
    p_less = (1 + np.count_nonzero(null <= observed + tol)) / (1 + n_perm)
    p = {"greater": p_greater, "less": p_less}.get(alternative, min(1.0, 2 * min(p_greater, p_less)))
    return PermutationResult(observed, float(p), null, alternative, n_perm, unit)


# --------------------------------------------------------------------------
# G-test
# --------------------------------------------------------------------------


class GTestResult(NamedTuple):
    """Result of :func:`g_test`: statistic G, p_value, dof, and T in bits."""

    statistic: float
    p_value: float
    dof: int
    mutual_information: float


def g_test(data, dims=None, weight=None) -> GTestResult:
    """Likelihood-ratio (G) test of independence of two dimensions, from T.

    .. math:: G = 2 \\sum_{ij} n_{ij} \\ln \\frac{n_{ij} N}{n_{i\\cdot} n_{\\cdot j}}
        = 2 N \\ln 2 \\; T_{xy}, \\qquad G \\sim \\chi^2_{(r-1)(c-1)}

    with :math:`T_{xy}` in bits and r, c the numbers of non-empty rows and
    columns.

    Parameters
    ----------
    data : array_like, pandas.DataFrame or pandas.Series
        A two-dimensional table of integer counts, or records with two `dims`.
    dims, weight
        As in :func:`helixnet.synergy`.

    Returns
    -------
    GTestResult
        Named tuple (statistic, p_value, dof, mutual_information); the
        mutual information is in bits.

    Raises
    ------
    InvalidTableError
        Not exactly two dimensions; non-integer counts; a table with a
        single non-empty row or column (no degrees of freedom); every table
        error of :func:`helixnet.synergy`.

    See Also
    --------
    permutation_test : an exact-in-distribution alternative for small N.

    Notes
    -----
    Equals ``scipy.stats.chi2_contingency(table, correction=False,
    lambda_="log-likelihood")`` on tables without empty rows or columns. The
    chi-squared approximation needs enough cases per cell; for sparse tables
    prefer :func:`permutation_test`.

    References
    ----------
    Sokal, R. R., & Rohlf, F. J. (1995). *Biometry* (3rd ed.), Ch. 17.
    W. H. Freeman.

    Kullback, S. (1959). *Information Theory and Statistics*. Wiley.

    Examples
    --------
    For ``[[3, 1], [1, 3]]`` T = 0.188722 bits (see
    :func:`helixnet.mutual_information`), so G = 2 · 8 · ln 2 · 0.188722:

    >>> import helixnet as hx
    >>> from helixnet.uncertainty import g_test
    >>> res = g_test([[3, 1], [1, 3]])
    >>> round(res.statistic, 6), res.dof
    (2.092993, 1)
    """
    table, dims = _count_table(data, dims, weight, "the G-test")
    if table.ndim != 2:
        raise InvalidTableError(f"the G-test needs exactly two dimensions, got {table.ndim}")
    from scipy.stats import chi2

    rows = int(np.count_nonzero(table.sum(axis=1)))
    cols = int(np.count_nonzero(table.sum(axis=0)))
    dof = (rows - 1) * (cols - 1)
    if dof == 0:
        raise InvalidTableError(
            f"the G-test needs at least two non-empty rows and columns, got {rows} x {cols}"
        )
    n = float(table.sum())
    t_bits = float(_core.coinformation(_core.marginal_entropies(table)) * _core.unit_factor("bit"))
    g = 2.0 * n * np.log(2.0) * t_bits
    return GTestResult(float(g), float(chi2.sf(g, dof)), dof, t_bits)
