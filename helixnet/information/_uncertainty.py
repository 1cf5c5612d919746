"""Uncertainty of the Triple Helix indicator: bootstrap, permutation and G tests.

The literature reports bare point values of T. This module adds

* :func:`bootstrap`: confidence intervals (basic by default, centred on the
  bias-corrected estimate; BCa or percentile) for the mutual information of
  every subset of two or more dimensions, by multinomial resampling of the
  count table, with the estimated bias;
* :func:`permutation_test`: a test of the independence of the dimensions,
  using T as the statistic;
* :func:`g_test`: for two dimensions, the likelihood-ratio test of
  independence, whose statistic is :math:`G = 2 N \\ln 2 \\, T_{xy}` (T in bits).

All of them need integer counts (cases), not probabilities.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple, cast

import numpy as np

from helixnet._deprecation import renamed_parameters
from helixnet._jsonable import jsonable
from helixnet._progress import progress_bar as _progress
from helixnet._resampling import DEFAULT_SEED, monte_carlo_p, tail_counts
from helixnet._result import Result, seed_value
from helixnet._validation import check_count, rng_from_seed
from helixnet._warntally import user_stacklevel
from helixnet.exceptions import HelixnetValueError, InvalidTableError
from helixnet.information import _core
from helixnet.information._measures import (
    as_table,
    corrected_entropies,
    mutual_information,
    require_counts,
    synergy,
    warn_constant_dimensions,
)

if TYPE_CHECKING:
    from helixnet._typing import Alternative, Bias, Seed, TableLike, Unit

__all__ = [
    "bootstrap",
    "BootstrapResult",
    "BOOTSTRAP_METHODS",
    "permutation_test",
    "PermutationResult",
    "g_test",
    "GTestResult",
]

# cells per batch of replicate tables (keeps a batch in cache-sized memory)
_BATCH_CELLS = 1 << 19


def _count_table(data, dims, weight, why):
    table, dims, cats = as_table(data, dims, weight)
    require_counts(table, why)
    return np.asarray(table), dims


def _check_ci(ci):
    if not (isinstance(ci, (float, int)) and not isinstance(ci, bool) and 0 < ci < 1):
        raise HelixnetValueError(f"ci must be between 0 and 1, got {ci!r}")


def _check_positive_int(value, name):
    return check_count(value, name)


def _labels(dims, subsets):
    return [",".join(str(dims[a]) for a in s) for s in subsets]


# --------------------------------------------------------------------------
# bootstrap
# --------------------------------------------------------------------------

#: Interval methods of :func:`bootstrap` (the first is the default).
BOOTSTRAP_METHODS = ("basic", "bca", "percentile")
#: Most replicate values (n_boot x subsets) kept in memory; beyond it the
#: replicates are streamed (computed again, batch by batch, from the same seed).
MAX_STORED_VALUES = 1 << 24
#: Cases per non-empty cell of the joint table below which :func:`bootstrap` warns.
SPARSE_CASES_PER_CELL = 10.0
#: Bias (replicate mean minus estimate) above this fraction of the standard
#: error makes :func:`bootstrap` warn.
BIAS_WARNING_SE = 0.5
# bins of the histogram that locates order statistics when streaming
_HIST_BINS = 1 << 16


class BootstrapResult(Result):
    """Bootstrap distribution of the mutual information of every subset.

    Attributes
    ----------
    estimate : SynergyResult
        The point estimates, from the observed table.
    subsets : list of str
        Labels of the subsets of two or more dimensions (names joined by
        ","), in the column order of `replicates`.
    replicates : numpy.ndarray or None, shape (n_boot, len(subsets))
        Mutual information of every subset in every replicate, in `unit`;
        None when there were too many to keep (more than
        ``MAX_STORED_VALUES`` values): the summaries were then computed
        by streaming.
    ci : float
        Confidence level of the intervals.
    n_boot, seed, unit, bias, method
        As passed to :func:`bootstrap`.
    acceleration : numpy.ndarray
        BCa acceleration :math:`a` of each subset (jackknife).
    bias_correction : numpy.ndarray
        BCa median-bias correction :math:`z_0` of each subset.
    cases_per_cell : float
        N divided by the number of non-empty cells of the joint table.
    """

    def __init__(self, estimate, subsets, sizes, replicates, ci, n_boot, seed, unit, bias, method,
                 summary, acceleration, z0, cases_per_cell):
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
        self._summary = summary  # dict of arrays: mean, std_error, ci_low, ci_high
        self.acceleration = acceleration
        self.bias_correction = z0
        self.cases_per_cell = cases_per_cell

    @property
    def n_resamples(self) -> int:
        """Number of bootstrap replicates (the name shared by every resampling result; same as ``n_boot``)."""
        return self.n_boot

    def __repr__(self):
        lo, hi = self.interval()
        return (
            f"BootstrapResult(dims={list(self.estimate.dims)}, n_boot={self.n_boot}, method={self.method!r}, "
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

    def interval(self, *dims) -> tuple[float, float]:
        """Interval (at level :attr:`ci`, by :attr:`method`) for the T of `dims` (default: all)."""
        col = self._column(dims)
        return float(self._summary["ci_low"][col]), float(self._summary["ci_high"][col])

    def _estimates(self):
        return np.array([self.estimate.mutual_information(*s) for s in self._native()])

    def to_frame(self):
        """One row per subset of two or more dimensions.

        Columns: ``subset``, ``k``, ``estimate`` (observed table), ``mean``
        and ``std_error`` (of the replicates), ``bias`` (``mean -
        estimate``, the bootstrap estimate of the plug-in bias),
        ``bias_corrected`` (``estimate - bias``), ``ci_low``, ``ci_high``
        (interval at level :attr:`ci` by :attr:`method`), all in
        :attr:`unit`.
        """
        import pandas as pd

        est = self._estimates()
        mean = self._summary["mean"]
        return pd.DataFrame(
            {
                "subset": self.subsets,
                "k": self._sizes,
                "estimate": est,
                "mean": mean,
                "std_error": self._summary["std_error"],
                "bias": mean - est,
                "bias_corrected": 2 * est - mean,
                "ci_low": self._summary["ci_low"],
                "ci_high": self._summary["ci_high"],
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
        return jsonable({
            "dimensions": [str(d) for d in self.estimate.dims],
            "n": self.estimate.n,
            "unit": self.unit,
            "n_boot": self.n_boot,
            "ci": self.ci,
            "seed": seed_value(self.seed),
            "bias": self.bias,
            "method": self.method,
            "cases_per_cell": float(self.cases_per_cell),
            # std_error is undefined (NaN) for a single replicate: null in JSON
            "mutual_information": {
                row["subset"]: {k: float(row[k]) for k in
                                ("estimate", "mean", "std_error", "bias", "bias_corrected", "ci_low", "ci_high")}
                for row in frame.to_dict(orient="records")
            },
        })


def _child(root, i):
    """The i-th child generator of `root` (what ``Generator.spawn`` would return), built directly
    so that a batch's replicates can be drawn again without keeping every child."""
    ss = np.random.SeedSequence(root.entropy, spawn_key=tuple(root.spawn_key) + (i,),
                                pool_size=root.pool_size)
    return np.random.Generator(np.random.PCG64(ss))


class _Replicates:
    """Draws the bootstrap replicates of every subset, batch by batch, reproducibly.

    Batch i is a multinomial draw from the i-th child of the seed, so any batch
    can be drawn again, in any order, on any thread, with identical values.
    """

    def __init__(self, table, subs, n_boot, rng, bias, factor):
        self.k = table.ndim
        self.shape = table.shape
        self.subs = subs
        self.bias = bias
        self.factor = factor
        flat = table.reshape(-1)
        self.cells = flat.size
        self.nz = np.flatnonzero(flat)
        self.N = int(flat.sum())
        self.p = flat[self.nz] / self.N
        self.n_boot = n_boot
        self.batch = max(1, min(n_boot, _BATCH_CELLS // flat.size))
        self.starts = list(range(0, n_boot, self.batch))
        self.root = rng.bit_generator.seed_seq
        self.offset = self.root.n_children_spawned
        # mark the children as used, so that a Generator passed again (a simulation loop) draws
        # new replicates, as numpy's convention is; an integer seed starts afresh each call
        self.root.spawn(len(self.starts))

    def __len__(self):
        return len(self.starts)

    def draw(self, i):
        """(b, non-empty cells) multinomial counts of the replicate tables of batch i."""
        b = min(self.batch, self.n_boot - self.starts[i])
        return _child(self.root, self.offset + i).multinomial(self.N, self.p, size=b)

    def values(self, i):
        """(b, subsets) replicate values of batch i."""
        draws = self.draw(i)
        tables = np.zeros((draws.shape[0], self.cells))
        tables[:, self.nz] = draws
        H = corrected_entropies(tables.reshape((draws.shape[0],) + self.shape), self.k, self.bias)
        return np.stack([_core.coinformation(H, s) * self.factor for s in self.subs], axis=1)

    def each(self, progress, what):
        """Yield ``(start, values)`` for every batch, in order, in bounded memory."""
        import os

        workers = min(os.cpu_count() or 1, len(self), 8)
        bar = _progress(range(len(self)), len(self), progress, what)
        it = iter(bar)
        if workers < 2:
            for i in it:
                yield self.starts[i], self.values(i)
            return
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(workers) as pool:
            for lo in range(0, len(self), 4 * workers):
                ids = range(lo, min(lo + 4 * workers, len(self)))
                for i, vals in zip(ids, pool.map(self.values, ids)):
                    next(it, None)
                    yield self.starts[i], vals


def _jackknife(table, subs, bias, factor):
    """Leave-one-case-out values of every subset: (values per non-empty cell, cell counts).

    Removing one case from cell c gives the same table for every case of c, so
    the N jackknife values are the non-empty cells' values with multiplicities.
    """
    k = table.ndim
    flat = table.reshape(-1).astype(float)
    nz = np.flatnonzero(flat)
    out = np.empty((nz.size, len(subs)))
    step = max(1, _BATCH_CELLS // flat.size)
    for lo in range(0, nz.size, step):
        idx = nz[lo: lo + step]
        tables = np.tile(flat, (idx.size, 1))
        tables[np.arange(idx.size), idx] -= 1
        H = corrected_entropies(tables.reshape((idx.size,) + table.shape), k, bias)
        for j, s in enumerate(subs):
            out[lo: lo + idx.size, j] = _core.coinformation(H, s) * factor
    return out, flat[nz]


def _acceleration(jack, weights):
    """BCa acceleration from jackknife values (rows) with case multiplicities `weights`.

    .. math:: a = \\frac{\\sum_i (\\bar\\theta - \\theta_{(i)})^3}
        {6 \\, [\\sum_i (\\bar\\theta - \\theta_{(i)})^2]^{3/2}}
    """
    w = weights[:, None]
    mean = (w * jack).sum(axis=0) / weights.sum()
    d = mean - jack
    num = (w * d**3).sum(axis=0)
    den = 6.0 * (w * d**2).sum(axis=0) ** 1.5
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / den, 0.0)


def _levels(method, ci, z0, a):
    """Probability levels (lower, upper) of the replicate quantiles for each subset."""
    from scipy.special import ndtr, ndtri  # the standard normal's cdf and its inverse

    alpha = (1 - ci) / 2
    lo = np.full(len(z0), alpha)
    hi = np.full(len(z0), 1 - alpha)
    if method != "bca":
        return lo, hi
    out = []
    for q in (alpha, 1 - alpha):
        zq = ndtri(q)
        out.append(ndtr(z0 + (z0 + zq) / (1 - a * (z0 + zq))))
    return out[0], out[1]


def _quantile_positions(levels, n):
    """numpy's default ("linear") quantile: position h = (n-1) q, between ranks floor(h) and floor(h)+1."""
    h = (n - 1) * np.asarray(levels, dtype=float)
    lo = np.floor(h).astype(np.int64)
    return lo, np.minimum(lo + 1, n - 1), h - lo


def _summaries_in_memory(reps, est, method, ci, a):
    n = reps.shape[0]
    below = (reps < est - _tie(est)).sum(axis=0) + 0.5 * (np.abs(reps - est) <= _tie(est)).sum(axis=0)
    z0 = _z0(below, n)
    lo_q, hi_q = _levels(method, ci, z0, a)
    m = reps.shape[1]
    # every level of every subset in one call (one partition of each column); the value of
    # subset j at its own level is the diagonal: equal to np.quantile(reps[:, j], level)
    q = np.quantile(reps, np.concatenate([lo_q, hi_q]), axis=0)
    lo, hi = q[np.arange(m), np.arange(m)], q[m + np.arange(m), np.arange(m)]
    if method == "basic":
        lo, hi = 2 * est - hi, 2 * est - lo
    std = reps.std(axis=0, ddof=1) if n > 1 else np.full(reps.shape[1], np.nan)
    return {"mean": reps.mean(axis=0), "std_error": std, "ci_low": lo, "ci_high": hi}, z0


def _tie(est):
    """Replicates within this distance of the estimate count as ties (half below, half above)."""
    return 1e-12 * np.maximum(1.0, np.abs(est))


def _z0(below, n):
    """BCa bias correction z0 = Phi^-1(share of replicates below the estimate), the share kept
    within [1/(2n), 1 - 1/(2n)] so that z0 stays finite."""
    from scipy.special import ndtri

    share = np.clip(np.asarray(below, dtype=float) / n, 0.5 / n, 1 - 0.5 / n)
    return ndtri(share)


def _summaries_streamed(draw, est, method, ci, a, progress):
    """The same summaries as :func:`_summaries_in_memory`, in three passes over batches
    drawn again from the seed: (1) range, mean, variance and the count below the
    estimate; (2) a histogram locating the order statistics the quantiles need;
    (3) the values in those bins, sorted, for the exact order statistics."""
    m = len(est)
    n = draw.n_boot
    lo_v = np.full(m, np.inf)
    hi_v = np.full(m, -np.inf)
    count = 0
    mean = np.zeros(m)
    m2 = np.zeros(m)
    below = np.zeros(m)
    for _, v in draw.each(progress, "bootstrap (1/3)"):
        b = v.shape[0]
        lo_v, hi_v = np.minimum(lo_v, v.min(axis=0)), np.maximum(hi_v, v.max(axis=0))
        bm = v.mean(axis=0)
        bm2 = ((v - bm) ** 2).sum(axis=0)
        delta = bm - mean
        tot = count + b
        mean = mean + delta * b / tot
        m2 = m2 + bm2 + delta**2 * count * b / tot  # Chan et al.'s pairwise update
        count = tot
        below += (v < est - _tie(est)).sum(axis=0) + 0.5 * (np.abs(v - est) <= _tie(est)).sum(axis=0)
    z0 = _z0(below, n)
    lo_q, hi_q = _levels(method, ci, z0, a)
    ranks = []  # per subset: the order statistics needed
    for q in (lo_q, hi_q):
        r0, r1, frac = _quantile_positions(q, n)
        ranks.append((r0, r1, frac))
    width = np.where(hi_v > lo_v, hi_v - lo_v, 1.0)

    def bins(v):
        return np.clip(((v - lo_v) / width * _HIST_BINS).astype(np.int64), 0, _HIST_BINS - 1)

    hist = np.zeros((m, _HIST_BINS), dtype=np.int64)
    for _, v in draw.each(progress, "bootstrap (2/3)"):
        bv = bins(v)
        for j in range(m):
            hist[j] += np.bincount(bv[:, j], minlength=_HIST_BINS)
    cum = np.cumsum(hist, axis=1)
    wanted = [sorted({int(r[0][j]) for r in ranks} | {int(r[1][j]) for r in ranks}) for j in range(m)]
    where = [{r: int(np.searchsorted(cum[j], r, side="right")) for r in wanted[j]} for j in range(m)]
    keep_bins = [sorted(set(where[j].values())) for j in range(m)]
    found = [{b: [] for b in keep_bins[j]} for j in range(m)]
    for _, v in draw.each(progress, "bootstrap (3/3)"):
        bv = bins(v)
        for j in range(m):
            for b in keep_bins[j]:
                sel = v[bv[:, j] == b, j]
                if sel.size:
                    found[j][b].append(sel)
    order = []
    for j in range(m):
        stat = {}
        for r, b in where[j].items():
            values = np.sort(np.concatenate(found[j][b]))
            start = int(cum[j][b - 1]) if b > 0 else 0
            stat[r] = values[r - start]
        order.append(stat)
    q = []
    for r0, r1, frac in ranks:
        q.append(np.array([order[j][int(r0[j])] + frac[j] * (order[j][int(r1[j])] - order[j][int(r0[j])])
                           for j in range(m)]))
    lo, hi = q
    if method == "basic":
        lo, hi = 2 * est - hi, 2 * est - lo
    std = np.sqrt(m2 / (n - 1)) if n > 1 else np.full(m, np.nan)
    return {"mean": mean, "std_error": std, "ci_low": lo, "ci_high": hi}, z0


@renamed_parameters(n_boot="n_resamples")
def bootstrap(
    data: TableLike,
    dims: Sequence[Hashable] | None = None,
    weight: Hashable | None = None,
    n_resamples: int = 1000,
    ci: float = 0.95,
    seed: Seed = DEFAULT_SEED,
    unit: Unit = "bit",
    bias: Bias | None = None,
    method: Literal["basic", "bca", "percentile"] = "basic",
    progress: bool = False,
) -> BootstrapResult:
    """Bootstrap confidence intervals for the mutual information of every subset.

    Each replicate table is a multinomial draw of the observed number of
    cases :math:`N` with the observed cell proportions,

    .. math:: n^{*} \\sim \\mathrm{Multinomial}(N, \\hat p), \\qquad
        \\hat p_{ij\\ldots} = n_{ij\\ldots} / N,

    which is the nonparametric bootstrap of the N cases. Every T of the
    replicate is computed. The default interval (``method="basic"``) is the
    replicate quantiles reflected about the estimate,

    .. math:: [\\,2\\hat T - q_{1-\\alpha},\\; 2\\hat T - q_{\\alpha}\\,],
        \\qquad \\alpha = (1 - ci)/2,

    which is centred on the bootstrap bias-corrected estimate
    :math:`\\hat T - \\widehat{\\mathrm{bias}} = 2\\hat T - \\bar T^{*}`
    rather than on the biased plug-in :math:`\\hat T`. ``method="bca"`` is
    Efron's bias-corrected and accelerated interval, the replicate quantiles
    at levels

    .. math:: \\alpha_{1,2} = \\Phi\\Big(z_0 + \\frac{z_0 + z_{\\alpha}}
        {1 - a (z_0 + z_{\\alpha})}\\Big)

    for :math:`z_{\\alpha}` and :math:`z_{1-\\alpha}`, where
    :math:`z_0 = \\Phi^{-1}(\\#\\{T^* < \\hat T\\} / B)` corrects the median
    bias of the replicates and the acceleration :math:`a` comes from the
    jackknife of the N cases (see Notes).

    Parameters
    ----------
    data : array_like, pandas.DataFrame or pandas.Series
        As in :func:`helixnet.synergy`, holding integer counts.
    dims, weight
        As in :func:`helixnet.synergy`; weights must be whole numbers.
    n_resamples : int
        Number of bootstrap replicates (``n_boot`` until 0.2: a deprecated
        alias, removed in 0.3). Memory does not grow with it beyond
        ``MAX_STORED_VALUES`` replicate values (see Notes).
    ci : float
        Confidence level, between 0 and 1.
    seed : int, numpy.random.Generator or None
        Seed of the resampling; the same seed gives identical replicates.
        The default 0 makes repeated runs identical; None draws fresh
        entropy.
    unit : {"bit", "mbit", "nat"}
        Unit of every value.
    bias : {None, "miller-madow"}
        Entropy bias correction applied to the estimate and every replicate.
    method : {"basic", "bca", "percentile"}
        "basic" (default): the percentiles reflected about the estimate,
        :math:`[2\\hat T - q_{hi}, 2\\hat T - q_{lo}]`; "bca": bias-corrected
        and accelerated percentiles; "percentile": the :math:`(1-ci)/2` and
        :math:`(1+ci)/2` percentiles of the replicates.
    progress : bool
        Show a progress bar (only when stderr is a terminal).

    Returns
    -------
    BootstrapResult
        ``.estimate`` (SynergyResult), ``.replicates`` (n_resamples × subsets,
        or None when streamed), ``.subsets``, ``.interval(*dims)``,
        ``.to_frame()`` (columns subset, k, estimate, mean, std_error,
        bias, bias_corrected, ci_low, ci_high) and ``.to_dict()``.

    Raises
    ------
    InvalidTableError
        Non-integer counts (probabilities or fractional weights), and every
        table error of :func:`helixnet.synergy`.
    HelixnetValueError
        `n_resamples` not a positive integer, `ci` outside (0, 1), unknown
        method, unit or bias correction.

    Warns
    -----
    HelixnetWarning
        When the table is sparse, fewer than ``SPARSE_CASES_PER_CELL``
        (10) cases per non-empty cell of the joint table, or when the
        bootstrap bias of T over all dimensions exceeds
        ``BIAS_WARNING_SE`` (0.5) standard errors: the plug-in T is then
        biased and no interval is reliable (see Notes).

    See Also
    --------
    permutation_test : a test of independence.
    helixnet.synergy : the point estimates.

    Notes
    -----
    *Which interval.* The plug-in T is biased when N is small relative to
    the number of cells (see the Notes of :func:`helixnet.synergy`), and
    resampling adds that bias once more: the replicates are centred on the
    estimate plus about its own bias, so the percentile interval, centred
    on the replicates, is off by twice the bias and can miss the point
    estimate altogether (seen with 1,000 cells and N = 24,300 in
    ``benchmarks/bench_information.py``). The basic interval reflects the
    replicates about the estimate and so removes the bias once (it is
    centred on the bias-corrected estimate, which ``to_frame()`` reports
    beside the bias itself); BCa corrects the median bias through
    :math:`z_0` and skewness through :math:`a` (Efron 1987; DiCiccio &
    Efron 1996), but its levels are bounded by the share of replicates
    below the estimate: when nearly all replicates lie on one side (a bias
    of several standard errors) both levels approach 0 or 1 and the
    interval collapses onto an extreme replicate. The default follows the
    coverage simulation in ``benchmarks/bench_coverage.py`` (nominal 95 %,
    1,000 samples of a known law, 1,000 replicates each): in a dense 2x2x2
    table (N = 400, 50 cases per cell) the coverage was 0.949 (basic),
    0.958 (BCa) and 0.954 (percentile); in a sparse 5x5x4 table (N = 500,
    about 5 cases per cell, bias about 0.045 bit) it was 0.868 (basic),
    0.598 (BCa) and 0.178 (percentile). The basic interval is therefore the
    default: no method reached the nominal level in the sparse case, but it
    came closest by far. It contains the bias-corrected estimate, and it
    excludes the plug-in estimate exactly when the bias is large against
    the standard error, which :func:`bootstrap` then warns about. When the
    bias is larger than about a standard error no interval is fully
    trustworthy (``bias="miller-madow"`` did not raise the sparse coverage
    in a 300-sample check: 0.83); more cases or fewer categories help.

    *Jackknife.* Removing one case from cell c gives the same table for every
    case in c, so the N leave-one-out values are the values of one table per
    non-empty cell, weighted by the cell counts: cheap for any N.

    *Memory.* Replicates are drawn in batches with
    :meth:`numpy.random.Generator.multinomial` over the non-empty cells, and
    each batch has its own child generator of the seed (the i-th child of
    :meth:`numpy.random.SeedSequence.spawn`), so batches run on threads and
    the replicates depend only on the seed and the table. Up to
    ``MAX_STORED_VALUES`` (2**24) replicate values are kept
    (``.replicates``); beyond that the replicates are streamed: drawn three
    times from the same children (range, mean, variance and the count below
    the estimate; a histogram locating the order statistics; those order
    statistics exactly), so the intervals equal the in-memory ones and
    memory stays at one batch per thread, at three times the compute.

    References
    ----------
    Efron, B. (1987). Better bootstrap confidence intervals. *Journal of the
    American Statistical Association* 82(397), 171-185.
    doi:10.1080/01621459.1987.10478410

    DiCiccio, T. J., & Efron, B. (1996). Bootstrap confidence intervals.
    *Statistical Science* 11(3), 189-228. doi:10.1214/ss/1032280214

    Efron, B., & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*.
    Chapman & Hall. doi:10.1201/9780429246593

    Examples
    --------
    >>> import helixnet as hx
    >>> t = [[[40, 10], [10, 40]], [[10, 40], [40, 10]]]   # noisy XOR
    >>> res = hx.bootstrap(t, n_resamples=200, seed=1)
    >>> round(res.estimate.T, 3), res.method
    (-0.278, 'basic')
    >>> lo, hi = res.interval()
    >>> bool(lo < res.estimate.T < hi < 0)
    True
    >>> list(res.to_frame().columns)
    ['subset', 'k', 'estimate', 'mean', 'std_error', 'bias', 'bias_corrected', 'ci_low', 'ci_high']
    """
    table, dims = _count_table(data, dims, weight, "the bootstrap")
    n_resamples = _check_positive_int(n_resamples, "n_resamples")
    _check_ci(ci)
    if method not in BOOTSTRAP_METHODS:
        raise HelixnetValueError(f"method must be one of {', '.join(map(repr, BOOTSTRAP_METHODS))}, got {method!r}")
    estimate = synergy(table, dims=dims, unit=unit, bias=bias)
    factor = _core.unit_factor(unit)
    rng = rng_from_seed(seed)

    k = table.ndim
    subs = _joint_subsets(k)
    est = np.array([float(_core.coinformation(estimate._H, s) * factor) for s in subs])
    draw = _Replicates(table, subs, n_resamples, rng, bias, factor)
    if method == "bca":
        jack, w = _jackknife(table, subs, bias, factor)
        a = _acceleration(jack, w)
    else:
        a = np.zeros(len(subs))
    reps = None
    if n_resamples * len(subs) <= MAX_STORED_VALUES:
        reps = np.empty((n_resamples, len(subs)))
        for start, v in draw.each(progress, "bootstrap"):
            reps[start: start + v.shape[0]] = v
        summary, z0 = _summaries_in_memory(reps, est, method, ci, a)
    else:
        summary, z0 = _summaries_streamed(draw, est, method, ci, a, progress)
    cases_per_cell = draw.N / max(draw.nz.size, 1)
    _warn_if_unreliable(cases_per_cell, summary, est)
    pinned = -float(_z0(0, n_resamples))  # |z0| when no replicate lies on one side of the estimate
    if method == "bca" and n_resamples > 1 and abs(z0[-1]) >= pinned - 1e-12:
        import warnings

        from helixnet.exceptions import HelixnetWarning

        warnings.warn(
            "every replicate of T over all dimensions lies on one side of the estimate: the BCa "
            "levels are pinned to the extreme replicates and the interval is not meaningful; "
            "use method='basic'", HelixnetWarning, stacklevel=user_stacklevel(),
        )
    return BootstrapResult(
        estimate, _labels(dims, subs), [len(s) for s in subs], reps, ci, n_resamples, seed, unit, bias,
        method, summary, a, z0, cases_per_cell,
    )


class TableInterval(NamedTuple):
    """T over all dimensions of one table of :func:`bootstrap_tables`, with its interval."""

    estimate: float
    ci_low: float
    ci_high: float
    warn: Callable[[], None]  # emits the warnings bootstrap() would emit for this table


def bootstrap_tables(
    tables: Sequence[np.ndarray], n_resamples: int, seed: Seed = DEFAULT_SEED, ci: float = 0.95,
    unit: Unit = "bit", method: Literal["basic", "percentile"] = "basic",
) -> list[TableInterval]:
    """What :func:`bootstrap` gives for T over all dimensions, for many count tables at once.

    Item r of the result equals, bit for bit, the estimate and ``.interval()`` of
    ``bootstrap(tables[r], n_resamples=n_resamples, seed=seed, ci=ci, unit=unit, method=method)``
    called for r = 0, 1, ... in turn: each table's replicates are drawn from its own child
    generators of `seed`, spawned in list order as those calls would spawn them, and only the
    entropies of the replicates are computed together, for many tables of one shape at a time.
    One call of :func:`bootstrap` on a small table is mostly fixed overhead; a trends table of
    hundreds of country-years pays it once here. ``n_resamples=0`` gives the estimates only (NaN
    intervals). Each item's ``warn()`` emits the warnings :func:`bootstrap` would emit for that
    table, where the caller wants them.

    Each table holds non-negative whole counts. A table with no cases, or every table when its
    replicates would not fit in one batch, goes through :func:`bootstrap` itself (same values,
    same errors).
    """
    import warnings

    if method not in ("basic", "percentile"):
        raise HelixnetValueError(f"method must be 'basic' or 'percentile', got {method!r}")
    n_resamples = check_count(n_resamples, "n_resamples", minimum=0)
    if n_resamples:
        _check_ci(ci)
    factor = _core.unit_factor(unit)
    tables = [np.asarray(t) for t in tables]
    out: list[TableInterval | None] = [None] * len(tables)
    draws: dict[int, _Replicates] = {}
    by_shape: dict[tuple, list[int]] = {}
    for r, t in enumerate(tables):  # in list order: a Generator seed spawns as bootstrap() would
        if _batchable(t, n_resamples):
            t = tables[r] = t.astype(float)
            subs = _joint_subsets(t.ndim)
            require_counts(t, "the bootstrap")
            if n_resamples:
                draws[r] = _Replicates(t, subs, n_resamples, rng_from_seed(seed), None, factor)
            by_shape.setdefault(t.shape, []).append(r)
        elif not n_resamples:
            out[r] = _no_interval(mutual_information(t, unit=unit))
        else:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                res = bootstrap(t, n_resamples=n_resamples, seed=seed, ci=ci, unit=unit, method=method)
            out[r] = TableInterval(res.estimate.T, *res.interval(), _replay(caught))
    for shape, members in by_shape.items():
        k = len(shape)
        cells = int(np.prod(shape))
        subs = _joint_subsets(k)
        per_chunk = max(1, _BATCH_CELLS // max(1, n_resamples * cells))  # a chunk's replicates: one batch
        for lo in range(0, len(members), per_chunk):
            rows = members[lo: lo + per_chunk]
            H = corrected_entropies(np.stack([tables[r] for r in rows]), k, None)
            est = np.stack([_core.coinformation(H, sub) * factor for sub in subs], axis=1)
            constant = [[a for a in range(k) if not H[(a,)][j] > 0] for j in range(len(rows))]
            if not n_resamples:
                for j, r in enumerate(rows):
                    out[r] = _no_interval(est[j, -1], constant[j])
                continue
            replicates = np.zeros((len(rows) * n_resamples, cells))
            for j, r in enumerate(rows):
                replicates[j * n_resamples: (j + 1) * n_resamples, draws[r].nz] = draws[r].draw(0)
            Hr = corrected_entropies(replicates.reshape((-1,) + shape), k, None)
            values = np.stack([_core.coinformation(Hr, sub) * factor for sub in subs], axis=1)
            for j, r in enumerate(rows):
                reps = values[j * n_resamples: (j + 1) * n_resamples]
                summary, _ = _summaries_in_memory(reps, est[j], method, ci, np.zeros(len(subs)))
                d = draws[r]
                out[r] = TableInterval(
                    float(est[j, -1]), float(summary["ci_low"][-1]), float(summary["ci_high"][-1]),
                    _warner(d.N / max(d.nz.size, 1), summary, est[j], constant[j]),
                )
    return cast("list[TableInterval]", out)


def _joint_subsets(k):
    """The subsets of two or more of k dimensions (those with a T), in :func:`_core.subsets` order."""
    return [s for s in _core.subsets(k) if len(s) >= 2]


def _batchable(t, n_resamples):
    """Whether `t` is a valid table whose replicates fit in one batch (else bootstrap() takes it)."""
    if t.dtype.kind not in "iufb" or t.ndim < 2 or t.size == 0:
        return False
    if t.dtype.kind == "f" and not np.isfinite(t).all():
        return False
    if t.dtype.kind in "iu" and int(t.max()) * t.size > 2**53:  # a total that may not be exact or fit
        return False
    fits = n_resamples * t.size <= _BATCH_CELLS and n_resamples * len(_joint_subsets(t.ndim)) <= MAX_STORED_VALUES
    return fits and bool((t >= 0).all()) and t.sum() > 0


def _no_interval(estimate, constant=()):
    return TableInterval(float(estimate), np.nan, np.nan, _warner(None, None, None, constant))


def _warner(cases_per_cell, summary, est, constant):
    def warn():
        warn_constant_dimensions([f"x{a + 1}" for a in constant])
        if summary is not None:
            _warn_if_unreliable(cases_per_cell, summary, est)
    return warn


def _replay(caught):
    def warn():
        import warnings

        for w in caught:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return warn


def _warn_if_unreliable(cases_per_cell, summary, est):
    """Warn about sparse tables and a bias of T (all dimensions) above BIAS_WARNING_SE standard errors."""
    import warnings

    from helixnet.exceptions import HelixnetWarning

    if cases_per_cell < SPARSE_CASES_PER_CELL:
        warnings.warn(
            f"sparse table: {cases_per_cell:.1f} cases per non-empty cell (fewer than "
            f"{SPARSE_CASES_PER_CELL:g}); the plug-in T is biased and its intervals are unreliable",
            HelixnetWarning, stacklevel=user_stacklevel(),
        )
    bias = summary["mean"][-1] - est[-1]
    se = summary["std_error"][-1]
    if np.isfinite(se) and se > 0 and abs(bias) > BIAS_WARNING_SE * se:
        warnings.warn(
            f"the bootstrap bias of T over all dimensions ({bias:.3g}) is {abs(bias) / se:.2f} standard "
            f"errors (more than {BIAS_WARNING_SE:g}); see the bias and bias_corrected columns",
            HelixnetWarning, stacklevel=user_stacklevel(),
        )


# --------------------------------------------------------------------------
# permutation test
# --------------------------------------------------------------------------


class _PermutationFields(NamedTuple):
    statistic: float
    p_value: float
    null_distribution: np.ndarray
    alternative: str
    n_perm: int
    unit: str


class PermutationResult(Result, _PermutationFields):
    """Result of :func:`permutation_test`.

    A named tuple (``stat, p, null, alternative, n_perm, unit = res``
    unpacks it) with the result protocol: :meth:`to_frame`,
    :meth:`to_dict`, ``_repr_html_``.

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

    __slots__ = ()
    _repr_fields = ("statistic", "p_value", "alternative", "n_perm", "unit")

    def to_frame(self):
        """One row: ``statistic``, ``p_value``, ``alternative``, ``n_perm``, ``unit``, and the
        ``null_mean`` and ``null_std`` of the null distribution."""
        import pandas as pd

        return pd.DataFrame([self._summary()])

    def _summary(self) -> dict:
        null = np.asarray(self.null_distribution, dtype=float)
        return {"statistic": self.statistic, "p_value": self.p_value, "alternative": self.alternative,
                "n_perm": self.n_perm, "unit": self.unit,
                "null_mean": float(null.mean()) if null.size else float("nan"),
                "null_std": float(null.std(ddof=1)) if null.size > 1 else float("nan")}

    def to_dict(self) -> dict:
        """The :meth:`to_frame` row as a dict, plus ``null_distribution`` (list of T)."""
        return jsonable({**self._summary(), "null_distribution": self.null_distribution})

    @property
    def n_resamples(self) -> int:
        """Number of permuted tables (the name shared by every resampling result; same as ``n_perm``)."""
        return self.n_perm


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


@renamed_parameters(n_perm="n_resamples")
def permutation_test(
    data: TableLike,
    dims: Sequence[Hashable] | None = None,
    weight: Hashable | None = None,
    n_resamples: int = 999,
    alternative: Alternative = "two-sided",
    seed: Seed = DEFAULT_SEED,
    unit: Unit = "bit",
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

    .. math:: p_{\\text{greater}} = \\frac{1 + \\#\\{T^{*} \\ge T\\}}{1 + n}, \\quad
        p_{\\text{less}} = \\frac{1 + \\#\\{T^{*} \\le T\\}}{1 + n}, \\quad
        p_{\\text{two-sided}} = \\min(1, 2\\min(p_{\\text{less}}, p_{\\text{greater}}))

    with :math:`n` = `n_resamples`. The two-sided p doubles the smaller tail
    (as ``scipy.stats.permutation_test`` does; Davison & Hinkley 1997,
    ch. 4), which needs no symmetric null distribution.

    Parameters
    ----------
    data : array_like, pandas.DataFrame or pandas.Series
        As in :func:`helixnet.synergy`, holding integer counts.
    dims, weight
        As in :func:`helixnet.synergy`; weights must be whole numbers.
    n_resamples : int
        Number of permuted tables (``n_perm`` until 0.2: a deprecated alias,
        removed in 0.3).
    alternative : {"two-sided", "greater", "less"}
        "greater": T larger than under independence (redundancy; the natural
        choice for two dimensions, where T >= 0); "less": T smaller
        (synergy); "two-sided": twice the smaller one-sided p-value, capped
        at 1 (the one definition of helixnet, also used by
        :func:`helixnet.significance` and :func:`helixnet.synergy_triads`).
    seed : int, numpy.random.Generator or None
        Seed; the same seed gives the same null distribution. The default 0
        makes repeated runs identical; None draws fresh entropy.
    unit : {"bit", "mbit", "nat"}
        Unit of the statistic and the null distribution.
    progress : bool
        Show a progress bar (only when stderr is a terminal).

    Returns
    -------
    PermutationResult
        Named tuple (statistic, p_value, null_distribution, alternative,
        n_perm, unit); ``.n_resamples`` is the same count as ``.n_perm``.

    Raises
    ------
    InvalidTableError
        Non-integer counts, and every table error of :func:`helixnet.synergy`.
    HelixnetValueError
        `n_resamples` not a positive integer; unknown `alternative` or unit.

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

    Davison, A. C. & Hinkley, D. V. (1997). *Bootstrap Methods and their
    Application*, ch. 4. Cambridge University Press.
    doi:10.1017/CBO9780511802843

    Phipson, B., & Smyth, G. K. (2010). Permutation p-values should never be
    zero. *Statistical Applications in Genetics and Molecular Biology* 9(1).
    doi:10.2202/1544-6115.1585

    Examples
    --------
    Fifty cases on the diagonal of a 2x2 table: perfectly associated, so
    no permutation reaches T = 1 bit and p is the smallest possible,
    1/(1 + 99):

    >>> import helixnet as hx
    >>> res = hx.permutation_test([[25, 0], [0, 25]], n_resamples=99,
    ...                           alternative="greater", seed=0)
    >>> res.statistic, res.p_value
    (1.0, 0.01)
    """
    table, dims = _count_table(data, dims, weight, "the permutation test")
    n_resamples = _check_positive_int(n_resamples, "n_resamples")
    if alternative not in ("two-sided", "greater", "less"):
        raise HelixnetValueError(
            f"alternative must be 'two-sided', 'greater' or 'less', got {alternative!r}"
        )
    factor = _core.unit_factor(unit)
    rng = rng_from_seed(seed)
    table = table.astype(np.int64)
    k = table.ndim
    observed = float(_core.coinformation(_core.marginal_entropies(table)) * factor)
    perms = _permuted_tables(table, n_resamples, rng, progress)
    null = np.asarray(_core.coinformation(_core.marginal_entropies(perms, k)) * factor, dtype=float)
    p = monte_carlo_p(*tail_counts(observed, null), n_resamples, alternative)
    return PermutationResult(observed, float(p), null, alternative, n_resamples, unit)


# --------------------------------------------------------------------------
# G-test
# --------------------------------------------------------------------------


class _GTestFields(NamedTuple):
    statistic: float
    p_value: float
    dof: int
    mutual_information: float


class GTestResult(Result, _GTestFields):
    """Result of :func:`g_test`: statistic G, p_value, dof, and T in bits.

    A named tuple (``g, p, dof, t = res`` unpacks it) with the result
    protocol; :meth:`to_frame` is one row with those four columns and
    :meth:`to_dict` the same keys.
    """

    __slots__ = ()
    _repr_fields = ("statistic", "p_value", "dof", "mutual_information")

    def to_frame(self):
        """One row: ``statistic``, ``p_value``, ``dof``, ``mutual_information`` (bits)."""
        import pandas as pd

        return pd.DataFrame([self._asdict()])

    def to_dict(self) -> dict:
        """``statistic``, ``p_value``, ``dof`` and ``mutual_information`` (bits)."""
        return jsonable(self._asdict())


def g_test(
    data: TableLike, dims: Sequence[Hashable] | None = None, weight: Hashable | None = None
) -> GTestResult:
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
    >>> from helixnet.information._uncertainty import g_test
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
