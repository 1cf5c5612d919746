"""Decompositions of the Triple Helix indicator over groups and players.

Two ways of asking *where* the synergy of a set of records comes from:

* :func:`decompose` splits the mutual information ``T`` of all records into
  the weighted sum of the groups' own values (*within*) and a remainder
  (*between*, Leydesdorff's in-between-group term), at one or several nested
  levels (nation, region, municipality);
* :func:`shapley` shares ``T`` among players (regions, sectors) with the
  Shapley value of the game whose coalition value is the ``T`` of the
  coalition's records (optionally weighted by the coalition's share of them).

Both work on records (a DataFrame with one row per case) and report values in
bits by default (``unit="mbit"`` or ``"nat"`` per call). For three (any odd
number of) dimensions negative ``T`` means synergy (reduction of
uncertainty); for four (any even number) the sign is reversed: synergy is a
negative mutual redundancy :math:`R = (-1)^{N+1} T`, i.e. a positive ``T``
(Leydesdorff & Ivanova 2014, doi:10.1002/asi.22973).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from helixnet._jsonable import jsonable
from helixnet._jsonable import records as _records
from helixnet._progress import progress_bar as _progress
from helixnet._result import Result, seed_value
from helixnet._validation import check_count, check_scalar_columns, parse_weights
from helixnet._warntally import user_stacklevel
from helixnet.exceptions import (
    HelixnetTypeError,
    HelixnetValueError,
    InvalidRecordsError,
)
from helixnet.information import _core
from helixnet.information._measures import contingency, row_label

if TYPE_CHECKING:
    from helixnet._typing import Seed, Unit

__all__ = ["decompose", "shapley", "DecompositionResult", "ShapleyResult", "SHAPLEY_VALUES"]

# Largest number of table cells (float64) held in one batch of tables.
_BLOCK_CELLS = 1 << 22
# Largest number of players for the exact Shapley algorithm (2**n values held).
_MAX_EXACT = 24
_GROUPS_COLUMNS = [
    "level", "depth", "group", "parent", "n", "weight", "T", "contribution", "between",
]
_LEVELS_COLUMNS = ["level", "depth", "n_groups", "within", "between", "between_share"]


@dataclass
class _GroupRow:
    """One row of :attr:`DecompositionResult.groups` (fields in :data:`_GROUPS_COLUMNS` order).

    ``between`` is filled in when the next level's groups are known (NaN at the last level).
    """

    level: str
    depth: int
    group: object
    parent: tuple
    n: float
    weight: float
    T: float
    contribution: float
    between: float = math.nan

    @property
    def path(self) -> tuple:
        """The group's full path: its parents' values, then its own."""
        return self.parent + (self.group,)

    def values(self) -> list:
        return [getattr(self, c) for c in _GROUPS_COLUMNS]


@dataclass
class _LevelRow:
    """One row of :attr:`DecompositionResult.levels` (fields in :data:`_LEVELS_COLUMNS` order)."""

    level: str
    depth: int
    n_groups: int
    within: float
    between: float
    between_share: float

    def values(self) -> list:
        return [getattr(self, c) for c in _LEVELS_COLUMNS]
_TERMS_COLUMNS = ["term", "level", "value", "share"]


# ---------------------------------------------------------------------------
# counting and the batched indicator
# ---------------------------------------------------------------------------


def _check_records(records, columns, role):
    """Raise unless `records` is a DataFrame holding every column in `columns`
    (the group or player columns), none of them with missing values."""
    if not isinstance(records, pd.DataFrame):
        raise HelixnetTypeError(
            f"records must be a pandas DataFrame (one row per case), got {type(records).__name__}"
        )
    for col in columns:
        if col not in records.columns:
            available = ", ".join(map(repr, records.columns))
            raise InvalidRecordsError(
                f"unknown {role} column {col!r}; available columns: {available}"
            )
        if list(records.columns).count(col) > 1:
            raise InvalidRecordsError(
                f"{role} column {col!r} appears more than once in the records; rename the duplicates"
            )
        if records[col].isna().any():
            row = row_label(records.index[records[col].isna().to_numpy()][0])
            raise InvalidRecordsError(f"{role} column {col!r} has a missing value in row {row!r}")
    check_scalar_columns(records, columns)


def _as_list(cols, role):
    if isinstance(cols, (str, int)) or not hasattr(cols, "__iter__"):
        return [cols]
    cols = list(cols)
    if not cols:
        raise HelixnetValueError(f"{role} must name at least one column")
    return cols


def _check_dims(dims):
    dims = _as_list(dims, "dims")
    if len(dims) < 2:
        raise HelixnetValueError(
            f"the mutual information needs at least two dimensions, got {dims}"
        )
    return dims


def _T(tables, k):
    """Co-information (nats) of a batch of tables of shape (*batch, *table).

    Tables with zero total (no records) get 0, the value of the empty
    coalition.
    """
    tables = np.asarray(tables, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        H = _core.marginal_entropies(tables, k)
    t = np.asarray(_core.coinformation(H, tuple(range(k))), dtype=float)
    b = tables.ndim - k
    total = tables.reshape(tables.shape[:b] + (-1,)).sum(axis=-1)
    return np.where(total > 0, t, 0.0)


def _group_T(records, dims, codes, n_codes, weight, w, k):
    """T (nats) and total weight of each group ``codes == 0 .. n_codes-1``.

    Groups of zero total weight get T = 0 and n = 0. The others are
    processed in chunks so that a chunk's tables (only the chunk's observed
    categories) stay within the block budget.
    """
    n = np.bincount(codes, weights=w, minlength=n_codes).astype(float)
    T = np.zeros(n_codes)
    live = np.flatnonzero(n > 0)
    key = "__helixnet_group__"
    while key in records.columns:
        key += "_"
    frame = records.assign(**{key: codes})
    if w is not None:
        frame = frame[w > 0]
    full_cells = math.prod(records[d].nunique() for d in dims)
    per_chunk = max(1, _BLOCK_CELLS // max(full_cells, 1))
    for start in range(0, len(live), per_chunk):
        chunk = live[start: start + per_chunk]
        sub = frame[frame[key].between(chunk[0], chunk[-1])]
        counts, labels = contingency(sub, [key, *dims], weight)
        idx = np.asarray(labels[0], dtype=np.int64)
        T[idx] = _T(np.asarray(counts, dtype=float), k)
    return T, n


# ---------------------------------------------------------------------------
# within / between decomposition
# ---------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class DecompositionResult(Result):
    """Within/between decomposition of the Triple Helix indicator.

    Attributes
    ----------
    total : float
        ``T`` of all records.
    within : float
        :math:`\\sum_g (n_g/N) T_g` over the groups of the finest level.
    between : float
        ``total - within``: the sum of every level's between term (the
        single :math:`\\Delta T` when there is one level).
    levels : pandas.DataFrame
        One row per level, coarse to fine: ``level`` (column name),
        ``depth`` (1 = coarsest), ``n_groups``, ``within`` (the weighted
        sum :math:`W_\\ell` of the level's group values), ``between``
        (:math:`B_\\ell = W_{\\ell-1} - W_\\ell`), ``between_share``
        (:math:`B_\\ell / T`).
    groups : pandas.DataFrame
        One row per group of every level: ``level``, ``depth``, ``group``
        (label at this level), ``parent`` (tuple of the labels of the
        enclosing groups, ``()`` at depth 1), ``n`` (number or total weight
        of records), ``weight`` (``n / N``), ``T``, ``contribution``
        (``weight * T``; they add up to the level's ``within``),
        ``between`` (the group's own split into the next level,
        :math:`T_g - \\sum_c (n_c/n_g) T_c`; NaN at the finest level).
    unit : str
    n : float
        Number (or total weight) of records ``N``.
    dims : tuple of str
    """

    total: float
    within: float
    between: float
    levels: pd.DataFrame = field(repr=False)
    groups: pd.DataFrame = field(repr=False)
    unit: str = "bit"
    n: float = 0.0
    dims: tuple = ()

    _repr_fields = ("total", "within", "between", "unit", "n", "dims")

    def to_frame(self) -> pd.DataFrame:
        """The additive terms as a tidy table.

        Columns ``term`` ("between" or "within"), ``level``, ``value``,
        ``share`` (``value / total``): one "between" row per level, coarse
        to fine, then the "within" row of the finest level. ``value`` adds
        up to :attr:`total` and ``share`` to 1.
        """
        rows = [
            ("between", lv, b, s)
            for lv, b, s in zip(self.levels["level"], self.levels["between"],
                                self.levels["between_share"])
        ]
        finest = self.levels["level"].iloc[-1]
        rows.append(("within", finest, self.within, _share(self.within, self.total)))
        return pd.DataFrame(rows, columns=_TERMS_COLUMNS)

    def to_dict(self) -> dict:
        """JSON-serialisable dictionary of every number (NaN becomes None).

        Keys: ``unit``, ``n``, ``dimensions``, ``total``, ``within``,
        ``between``, and the records of ``terms`` (:meth:`to_frame`),
        ``levels`` and ``groups`` (``parent`` as a list).
        """
        return jsonable({
            "unit": self.unit,
            "n": self.n,
            "dimensions": list(self.dims),
            "total": self.total,
            "within": self.within,
            "between": self.between,
            "terms": _records(self.to_frame()),
            "levels": _records(self.levels),
            "groups": _records(self.groups),
        })


def _share(x, total):
    return x / total if total != 0 else float("nan")


def decompose(
    records: pd.DataFrame,
    dims: Sequence[Hashable],
    group: Hashable | Sequence[Hashable],
    weight: Hashable | None = None,
    unit: Unit = "bit",
) -> DecompositionResult:
    r"""Decompose the Triple Helix indicator into within- and between-group terms.

    For groups :math:`g` of :math:`n_g` out of :math:`N` records,

    .. math::

        T = \sum_g \frac{n_g}{N} T_g + \Delta T,

    where :math:`T` is the mutual information (co-information) among `dims`
    of all records, :math:`T_g` the same measure on group :math:`g`'s
    records alone (so a geography nested in the group keeps only the
    group's own categories), and :math:`\Delta T` the in-between-group
    term. With nested levels :math:`1..L` (coarse to fine), let
    :math:`W_0 = T` and :math:`W_\ell = \sum_{c} (n_c/N) T_c` over the
    groups :math:`c` of level :math:`\ell`; then exactly

    .. math::

        T = \underbrace{\sum_{\ell=1}^{L} (W_{\ell-1} - W_\ell)}_{\text{between terms } B_\ell}
            + \underbrace{W_L}_{\text{within}},
        \qquad
        B_\ell = \sum_{p \in \text{level } \ell-1} \frac{n_p}{N}
                 \Big(T_p - \sum_{c \subset p} \frac{n_c}{n_p} T_c\Big).

    :math:`B_1` is the between-region term, :math:`B_2` the
    between-municipality-within-region term, :math:`W_L` the
    within-municipality term; each one's share of synergy is
    :math:`B_\ell / T`.

    Parameters
    ----------
    records : pandas.DataFrame
        One row per case.
    dims : list of str
        The dimension columns (two or more), e.g. geography, technology,
        size.
    group : str or list of str
        The group column, or a list of group columns from coarse to fine
        (``["region", "municipality"]``). A finer label is read inside its
        enclosing groups: the same municipality name in two regions is two
        groups.
    weight : str, optional
        Column of non-negative case weights (default: every row counts 1).
    unit : {"bit", "mbit", "nat"}
        Unit of every returned value.

    Returns
    -------
    DecompositionResult
        ``.total``, ``.within``, ``.between``, ``.levels``, ``.groups``,
        ``.to_frame()``, ``.to_dict()``.

    Raises
    ------
    InvalidRecordsError
        A dimension, group or weight column is missing (the message lists
        the available columns), a group column has a missing value, a weight
        is negative or not finite, or there are no records.
    HelixnetValueError
        Unknown unit, no group column.
    HelixnetTypeError
        `records` is not a DataFrame.

    See Also
    --------
    shapley : share T among players with the Shapley value.
    helixnet.synergy : every entropy and mutual information of one table.

    Notes
    -----
    Only groups with records of positive total weight appear: a group
    without records (e.g. an unused category of a Categorical column) has
    weight 0 and contributes nothing to any term, so it is left out of
    ``.groups``. A group with a single record (or a single cell) has
    :math:`T_g = 0`.

    The decomposition is Theil's (1972) decomposition of entropy statistics,
    :math:`H = \sum_g (n_g/N) H_g + \Delta H`, applied by Leydesdorff and
    co-authors to the mutual information [1]_ [2]_ [3]_ [4]_; they report
    the in-between-group term as a share of the synergy (e.g. 11.7 % of the
    Norwegian synergy at the regional level, another 2.7 % at the national
    level [4]_), which is ``between_share`` here. The identity holds for any
    grouping, but the terms need not have one sign, so shares can fall
    outside [0, 1]; they are NaN when :math:`T = 0`.

    References
    ----------
    .. [1] Leydesdorff, L., Dolfsma, W., & Van der Panne, G. (2006). Measuring
       the knowledge base of an economy in terms of triple-helix relations
       among 'technology, organization, and territory'. Research Policy,
       35(2), 181-199. https://doi.org/10.1016/j.respol.2005.09.001
    .. [2] Lengyel, B., & Leydesdorff, L. (2011). Regional innovation systems
       in Hungary: The failing synergy at the national level. Regional
       Studies, 45(5), 677-693. https://doi.org/10.1080/00343401003614274
    .. [3] Leydesdorff, L., & Strand, Ø. (2013). The Swedish system of
       innovation: Regional synergies in a knowledge-based economy. JASIST,
       64(9), 1890-1902. https://doi.org/10.1002/asi.22895
    .. [4] Strand, Ø., & Leydesdorff, L. (2013). Where is synergy indicated in
       the Norwegian innovation system? Triple-Helix relations among
       technology, organization, and geography. Technological Forecasting and
       Social Change, 80(3), 471-484.
       https://doi.org/10.1016/j.techfore.2012.08.010
    .. [5] Theil, H. (1972). Statistical Decomposition Analysis. Amsterdam:
       North-Holland.

    Examples
    --------
    XOR: ``z = x xor y`` has one bit of synergy (:math:`T = -1`). Grouped
    by ``z``, each group has a constant ``z`` and so :math:`T_g = 0`: all
    the synergy is between the groups.

    >>> import pandas as pd
    >>> import helixnet as hx
    >>> df = pd.DataFrame({"x": [0, 1, 0, 1], "y": [0, 1, 1, 0], "z": [0, 0, 1, 1]})
    >>> res = hx.decompose(df, ["x", "y", "z"], group="z")
    >>> res.total, res.within, res.between
    (-1.0, 0.0, -1.0)
    >>> res.groups[["group", "n", "weight", "T", "contribution"]]
       group    n  weight    T  contribution
    0      0  2.0     0.5  0.0           0.0
    1      1  2.0     0.5  0.0           0.0
    """
    factor = _core.unit_factor(unit)
    dims = _check_dims(dims)
    levels = _as_list(group, "group")
    _check_records(records, levels, "group")
    k = len(dims)

    # validates dims and weight (unknown columns, NaN, bad weights, no rows)
    counts, _ = contingency(records, dims, weight)
    counts = np.asarray(counts, dtype=float)
    N = float(counts.sum())
    w = None if weight is None else parse_weights(records[weight])[0]  # validated by contingency
    total = float(_T(counts, k) * factor)

    # codes of the group paths at each level (groups of positive weight only)
    group_rows, level_rows = [], []
    W_prev = total
    prev_T = {(): total}
    prev_n = {(): N}
    for depth in range(1, len(levels) + 1):
        cols = levels[:depth]
        codes, uniques = pd.MultiIndex.from_frame(records[cols]).factorize(sort=True)
        T_g, n_g = _group_T(records, dims, codes, len(uniques), weight, w, k)
        T_g = T_g * factor
        n_g = n_g.astype(float)
        keep = n_g > 0
        paths = [tuple(row_label(v) for v in u) for u in uniques]
        contributions = np.where(keep, n_g / N * T_g, 0.0)
        W = float(contributions.sum())
        # each parent's own between term: T_p - sum_c (n_c/n_p) T_c
        child_sum = {}
        for path, t, n, kp in zip(paths, T_g, n_g, keep):
            if kp:
                child_sum[path[:-1]] = child_sum.get(path[:-1], 0.0) + n * t
        if depth > 1:
            for row in group_rows:
                if row.depth == depth - 1:
                    row.between = prev_T[row.path] - child_sum.get(row.path, 0.0) / prev_n[row.path]
        cur_T, cur_n = {}, {}
        for path, t, n, kp in zip(paths, T_g, n_g, keep):
            if kp:
                group_rows.append(
                    _GroupRow(level=cols[-1], depth=depth, group=path[-1], parent=path[:-1], n=n,
                              weight=n / N, T=t, contribution=n / N * t, between=np.nan)
                )
                cur_T[path], cur_n[path] = t, n
        level_rows.append(
            _LevelRow(level=cols[-1], depth=depth, n_groups=len(cur_T), within=W, between=W_prev - W,
                      between_share=_share(W_prev - W, total))
        )
        W_prev, prev_T, prev_n = W, cur_T, cur_n

    groups = pd.DataFrame([r.values() for r in group_rows], columns=_GROUPS_COLUMNS)
    groups["group"] = groups["group"].astype(object)
    groups["parent"] = groups["parent"].astype(object)
    levels_df = pd.DataFrame([r.values() for r in level_rows], columns=_LEVELS_COLUMNS)
    within = W_prev
    return DecompositionResult(
        total=total,
        within=within,
        between=total - within,
        levels=levels_df,
        groups=groups,
        unit=unit,
        n=N,
        dims=tuple(dims),
    )


# ---------------------------------------------------------------------------
# Shapley values
# ---------------------------------------------------------------------------


def _player_tables(records, dims, player, weight):
    """Per-player count tables, shape (n_players, *table), and the players."""
    _check_records(records, [player], "player")
    col = records[player]
    if isinstance(col.dtype, pd.CategoricalDtype):
        players = pd.Index(col.cat.categories)
        codes = col.cat.codes.to_numpy()
    else:
        codes, players = pd.factorize(col, sort=True)
        players = pd.Index(players)
    key = "__helixnet_player__"
    while key in records.columns:
        key += "_"
    counts, labels = contingency(records.assign(**{key: codes}), [key, *dims], weight)
    counts = np.asarray(counts, dtype=float)
    present = np.asarray(labels[0], dtype=np.int64)
    P = np.zeros((len(players),) + counts.shape[1:])
    P[present] = counts
    return P, players


def _subset_sums(P):
    """Tables of every subset of the rows of P (subset i = bits of i)."""
    m = P.shape[0]
    S = np.zeros((1 << m,) + P.shape[1:])
    for j in range(m):
        S[1 << j: 2 << j] = S[: 1 << j] + P[j]
    return S


def _value(tables, k, N, weighted):
    """v(S) in nats of a batch of coalition tables: T_S, or (n_S / N) T_S when `weighted`."""
    t = _T(tables, k)
    if not weighted:
        return t
    tables = np.asarray(tables, dtype=float)
    b = tables.ndim - k
    n_s = tables.reshape(tables.shape[:b] + (-1,)).sum(axis=-1)
    return n_s / N * t


def _coalition_values(P, k, progress=False, weighted=False):
    """v(S) in nats for every coalition S (bit i = player i), shape (2**n,)."""
    n = P.shape[0]
    N = float(P.sum())
    cells = math.prod(P.shape[1:])
    b_lo = min(n, max(0, int(math.log2(max(_BLOCK_CELLS // max(cells, 1), 1)))))
    low = _subset_sums(P[:b_lo])
    n_blocks = 1 << (n - b_lo)
    v = np.empty(1 << n)
    size = 1 << b_lo
    for h in _progress(range(n_blocks), n_blocks, progress, "coalitions"):
        bits = [b_lo + j for j in range(n - b_lo) if h >> j & 1]
        block = low + P[bits].sum(axis=0) if bits else low
        v[h * size: (h + 1) * size] = _value(block, k, N, weighted)
    return v


def _exact_shapley(v, n):
    """Shapley values from the values of all 2**n coalitions, vectorised.

    phi_i = sum over S without i of |S|!(n-|S|-1)!/n! (v(S+i) - v(S)).
    """
    masks = np.arange(1 << n, dtype=np.int64)
    size = np.zeros(1 << n, dtype=np.int64)
    for j in range(n):
        size += (masks >> j) & 1
    # |S|!(n-|S|-1)!/n! = 1 / (n * C(n-1, |S|))
    w = np.array([1.0 / (n * math.comb(n - 1, s)) for s in range(n)])
    phi = np.empty(n)
    for i in range(n):
        bit = 1 << i
        V = v.reshape(-1, 2, bit)
        s = size.reshape(-1, 2, bit)[:, 0, :]
        phi[i] = np.sum(w[s] * (V[:, 1, :] - V[:, 0, :]))
    return phi


def _permutation_shapley(P, k, n_permutations, rng, progress=False, weighted=False):
    """Monte Carlo Shapley values: mean and standard error of marginal
    contributions over random orders of the players."""
    n = P.shape[0]
    N = float(P.sum())
    flat = P.reshape(n, -1)
    cells = flat.shape[1]
    batch = max(1, _BLOCK_CELLS // max(n * cells, 1))
    total = np.zeros(n)
    total_sq = np.zeros(n)
    starts = range(0, n_permutations, batch)
    # running sums keep memory at one batch whatever n_permutations is
    for start in _progress(starts, len(starts), progress, "permutations"):
        m = min(batch, n_permutations - start)
        perms = rng.permuted(np.tile(np.arange(n), (m, 1)), axis=1)
        tables = np.cumsum(flat[perms], axis=1)  # (m, n, cells): growing coalitions
        values = _value(tables.reshape((m, n) + P.shape[1:]), k, N, weighted)
        marginal = np.diff(values, axis=1, prepend=0.0)
        contrib = np.empty((m, n))
        contrib[np.arange(m)[:, None], perms] = marginal
        total += contrib.sum(axis=0)
        total_sq += (contrib**2).sum(axis=0)
    phi = total / n_permutations
    if n_permutations > 1:
        var = np.maximum(total_sq - n_permutations * phi**2, 0.0) / (n_permutations - 1)
        se = np.sqrt(var / n_permutations)
    else:
        se = np.full(n, np.nan)
    return phi, se


#: Value functions of :func:`shapley`.
SHAPLEY_VALUES = ("pooled", "weighted")
#: Ratio of the largest to the smallest player (records) above which :func:`shapley` warns.
SIZE_RATIO_WARNING = 100.0
_SHAPLEY_COLUMNS = ["player", "n", "share", "shapley", "stderr"]


class ShapleyResult(Result):
    """Shapley values of the players in the Triple Helix indicator.

    Produced by :func:`shapley`.

    Attributes
    ----------
    shapley : pandas.Series
        Value of each player (index named after the player column), in
        :attr:`unit`; they add up to :attr:`total`.
    stderr : pandas.Series
        Monte Carlo standard error of each value (0.0 for the exact method;
        NaN for a single permutation).
    n : pandas.Series
        Records (or total weight) of each player.
    total : float
        T of all records, :math:`v(N)`.
    value : str
        The value function, "pooled" or "weighted".
    method : str
        "exact" or "permutation".
    n_permutations : int
        Random orders sampled (0 for the exact method).
    seed : int or None
        Seed of the permutation method (None for the exact method or a
        Generator).
    size_ratio : float
        Largest over smallest player size (players with records only).
    unit, dims, player
        As passed to :func:`shapley`.
    """

    def __init__(self, shapley, stderr, n, total, unit, value, method, n_permutations, seed, dims, player):
        self.shapley = shapley
        self.stderr = stderr
        self.n = n
        self.total = total
        self.unit = unit
        self.value = value
        self.method = method
        self.n_permutations = n_permutations
        self.seed = seed
        self.dims = tuple(dims)
        self.player = player
        live = n[n > 0]
        self.size_ratio = float(live.max() / live.min()) if len(live) else float("nan")

    def __repr__(self):
        return (f"ShapleyResult(player={self.player!r}, players={len(self.shapley)}, value={self.value!r}, "
                f"method={self.method!r}, total={self.total:.6g} {self.unit})")

    # Series-like access, so that code written for the former Series return keeps working
    def __getitem__(self, key):
        return self.shapley[key]

    def __len__(self):
        return len(self.shapley)

    @property
    def index(self):
        """The players (index of :attr:`shapley`)."""
        return self.shapley.index

    def to_numpy(self):
        """The values as an array, in player order."""
        return self.shapley.to_numpy()

    def sum(self):
        """Sum of the values (equals :attr:`total`, the efficiency property)."""
        return float(self.shapley.sum())

    def to_frame(self) -> pd.DataFrame:
        """One row per player: ``player``, ``n`` (records or weight), ``share``
        (``n / N``), ``shapley`` and ``stderr`` (in :attr:`unit`)."""
        n = self.n.to_numpy(dtype=float)
        N = n.sum()
        return pd.DataFrame({
            "player": [row_label(p) for p in self.shapley.index],
            "n": n,
            "share": n / N if N > 0 else np.full(len(n), np.nan),
            "shapley": self.shapley.to_numpy(dtype=float),
            "stderr": self.stderr.to_numpy(dtype=float),
        }, columns=_SHAPLEY_COLUMNS)

    def to_dict(self) -> dict:
        """JSON-serialisable dictionary: the settings and the :meth:`to_frame`
        rows under ``values`` (NaN becomes None)."""
        return jsonable({
            "dimensions": [str(d) for d in self.dims],
            "player": str(self.player),
            "unit": self.unit,
            "value": self.value,
            "method": self.method,
            "n_permutations": int(self.n_permutations),
            "seed": seed_value(self.seed),
            "total": self.total,
            "size_ratio": self.size_ratio,
            "values": _records(self.to_frame()),
        })

    def to_series(self) -> pd.Series:
        """The values as a plain Series indexed by player (a copy, without settings in ``attrs``):
        what :func:`shapley` returned before it returned a :class:`ShapleyResult`."""
        out = self.shapley.copy()
        out.attrs = {}
        return out

    @property
    def values(self) -> np.ndarray:
        """The values as an array, in player order (``Series.values``)."""
        return self.shapley.to_numpy()

    @property
    def attrs(self) -> dict:
        """The settings as the former Series' ``.attrs`` (kept for existing code)."""
        return {
            "stderr": {row_label(p): float(s) for p, s in self.stderr.items()},
            "method": self.method,
            "n_permutations": self.n_permutations,
            "total": self.total,
            "unit": self.unit,
            "value": self.value,
        }


def shapley(
    records: pd.DataFrame,
    dims: Sequence[Hashable],
    player: Hashable,
    weight: Hashable | None = None,
    unit: Unit = "bit",
    method: Literal["auto", "exact", "permutation"] = "auto",
    n_permutations: int = 1000,
    seed: Seed = 0,
    progress: bool = False,
    value: Literal["pooled", "weighted"] = "pooled",
) -> ShapleyResult:
    r"""Shapley values of players (regions, sectors) in the Triple Helix indicator.

    The game: a coalition :math:`S` of players is worth a value computed
    from the records whose `player` is in :math:`S`, with
    :math:`v(\emptyset) = 0`:

    * ``value="pooled"`` (default): the mutual information (co-information)
      among `dims` of the coalition's pooled records,
      :math:`v(S) = T_S`;
    * ``value="weighted"``: the same, weighted by the coalition's share of
      the records, :math:`v(S) = (n_S / N)\, T_S`, so that a player with
      few records cannot move any coalition's value much (the weighting of
      the within-group term of :func:`decompose`).

    Player :math:`i`'s Shapley value is

    .. math::

        \phi_i = \sum_{S \subseteq N \setminus \{i\}}
                 \frac{|S|!\,(n-|S|-1)!}{n!}\,\big(v(S \cup \{i\}) - v(S)\big),

    so that :math:`\sum_i \phi_i = v(N) = T` of all records (efficiency)
    for both value functions, since :math:`n_N / N = 1`.

    Parameters
    ----------
    records : pandas.DataFrame
        One row per case.
    dims : list of str
        The dimension columns (two or more).
    player : str
        The column whose values are the players. With a pandas Categorical
        column, its categories are the players (an unused category is a
        player with no records, worth 0); otherwise the observed values,
        sorted.
    weight : str, optional
        Column of non-negative case weights.
    unit : {"bit", "mbit", "nat"}
    method : {"auto", "exact", "permutation"}
        "exact" evaluates all :math:`2^n` coalitions (at most 24 players);
        "permutation" averages marginal contributions over
        `n_permutations` random orders of the players; "auto" is exact up
        to 20 players and permutation sampling beyond.
    n_permutations : int
        Number of random orders for the permutation method.
    seed : int, numpy.random.Generator or None
        Seed of the permutation method; the default 0 makes repeated runs
        identical (None draws fresh entropy).
    progress : bool
        Show a tqdm progress bar (only when stderr is a terminal).
    value : {"pooled", "weighted"}
        The value function (see above).

    Returns
    -------
    ShapleyResult
        ``.shapley`` (Series of values by player), ``.stderr``, ``.n``
        (records per player), ``.total``, ``.method``, ``.value``,
        ``.to_frame()`` (columns player, n, share, shapley, stderr) and
        ``.to_dict()``. Indexing by player (``res["north"]``), ``.index``,
        ``.sum()`` and ``.to_numpy()`` act on the values.

    Raises
    ------
    InvalidRecordsError
        Unknown dimension, player or weight column (the message lists the
        available columns), a missing player value, invalid weights, no
        records.
    HelixnetValueError
        Unknown unit, method or value function, exact method with more than
        24 players, ``n_permutations < 1``, a negative seed.
    HelixnetTypeError
        `records` is not a DataFrame.

    Warns
    -----
    HelixnetWarning
        When the largest player has more than ``SIZE_RATIO_WARNING``
        (100) times the records of the smallest one: with the pooled value
        a tiny player's own T (noisy, and biased toward synergy in small
        samples) enters every coalition's marginal contribution unweighted
        and can dominate the values.

    See Also
    --------
    decompose : within/between-group decomposition.

    Notes
    -----
    *Which definition.* The Triple Helix literature found with the search
    tool uses Shapley values with U, I and G as the players of a
    three-person game built from Venn counts (Mêgnigbêto 2018 [4]_; see
    the game-theoretic indicators of issue 13); no paper by Leydesdorff,
    Ivanova, Meyer or co-authors defining Shapley values of *regions* or
    other groups of records could be found or verified. Neither value
    function here is therefore taken from that literature; "pooled" is the
    default because it was this function's behaviour before the option
    existed (so results do not change silently). With players of very
    different sizes prefer ``value="weighted"`` or :func:`decompose`.

    The exact method builds the count table of each player once (shape
    ``(n, *table)``), the tables of all :math:`2^n` coalitions in blocks
    by a subset-sum recurrence, evaluates :math:`v` of each block in one
    batched call, and combines the values with the Shapley weights in
    :math:`n` vectorised passes. Time and memory grow as :math:`2^n` times
    the number of table cells.

    In the permutation method [2]_ each random order's marginal
    contributions add up to :math:`v(N)`, so the estimates satisfy
    efficiency exactly; the standard errors are those of the mean over
    orders, accumulated batch by batch (memory does not grow with
    `n_permutations`).

    A coalition whose records have zero total weight is worth 0, as the
    empty coalition: a player without records (or with zero-weight
    records only) is a null player and gets 0.

    References
    ----------
    .. [1] Shapley, L. S. (1953). A value for n-person games. In H. W. Kuhn &
       A. W. Tucker (Eds.), Contributions to the Theory of Games II
       (pp. 307-317). Princeton University Press.
       https://doi.org/10.1515/9781400881970-018
    .. [2] Castro, J., Gómez, D., & Tejada, J. (2009). Polynomial calculation
       of the Shapley value based on sampling. Computers & Operations
       Research, 36(5), 1726-1730. https://doi.org/10.1016/j.cor.2008.04.004
    .. [3] Leydesdorff, L. (2003). The mutual information of
       university-industry-government relations: An indicator of the Triple
       Helix dynamics. Scientometrics, 58(2), 445-467.
       https://doi.org/10.1023/A:1026253130577 (the indicator T).
    .. [4] Mêgnigbêto, E. (2018). Modelling the Triple Helix of
       university-industry-government relationships with game theory: Core,
       Shapley value and nucleolus as indicators of synergy within an
       innovation system. Journal of Informetrics, 12(4), 1118-1132.
       https://doi.org/10.1016/j.joi.2018.09.005

    Examples
    --------
    Two regions, each with perfectly correlated ``x`` and ``y`` (1 bit of
    mutual information each) but with opposite couplings: pooled, ``x`` and
    ``y`` are independent (:math:`v(N) = 0`). Alone each region is worth
    1 bit, and the two are symmetric, so each gets
    :math:`\tfrac12(1 + (0 - 1)) = 0`.

    >>> import pandas as pd
    >>> import helixnet as hx
    >>> df = pd.DataFrame({"x": [0, 1, 0, 1], "y": [0, 1, 1, 0],
    ...                    "region": ["a", "a", "b", "b"]})
    >>> res = hx.shapley(df, ["x", "y"], player="region")
    >>> res.to_frame()
      player    n  share  shapley  stderr
    0      a  2.0    0.5      0.0     0.0
    1      b  2.0    0.5      0.0     0.0
    >>> res.total, res.method
    (0.0, 'exact')

    With the weighted value each region alone is worth
    :math:`\tfrac12 \cdot 1` bit, so each gets
    :math:`\tfrac12(\tfrac12 + (0 - \tfrac12)) = 0` as well:

    >>> hx.shapley(df, ["x", "y"], player="region", value="weighted").shapley.tolist()
    [0.0, 0.0]
    """
    factor = _core.unit_factor(unit)
    if method not in ("auto", "exact", "permutation"):
        raise HelixnetValueError(
            f"unknown method {method!r}; choose 'auto', 'exact' or 'permutation'"
        )
    if value not in SHAPLEY_VALUES:
        raise HelixnetValueError(f"unknown value function {value!r}; choose 'pooled' or 'weighted'")
    dims = _check_dims(dims)
    if isinstance(player, (list, tuple)):
        raise HelixnetTypeError("player must be one column name")
    P, players = _player_tables(records, dims, player, weight)
    n = len(players)
    k = len(dims)
    weighted = value == "weighted"
    if method == "auto":
        method = "exact" if n <= 20 else "permutation"
    if method == "exact" and n > _MAX_EXACT:
        raise HelixnetValueError(
            f"exact Shapley values need 2**n coalitions; {n} players is more than "
            f"{_MAX_EXACT}: use method='permutation'"
        )
    sizes = P.reshape(n, -1).sum(axis=1)
    total = float(_T(P.sum(axis=0), k) * factor)
    if method == "exact":
        v = _coalition_values(P, k, progress, weighted)
        phi = _exact_shapley(v, n) * factor
        se = np.zeros(n)
        n_perm = 0
        used_seed = None
    else:
        n_perm = check_count(n_permutations, "n_permutations")
        from helixnet._validation import rng_from_seed

        rng = rng_from_seed(seed)
        used_seed = seed if isinstance(seed, (int, np.integer)) and not isinstance(seed, bool) else None
        phi, se = _permutation_shapley(P, k, n_perm, rng, progress, weighted)
        phi, se = phi * factor, se * factor
    index = pd.Index(players, name=player)
    result = ShapleyResult(
        pd.Series(phi, index=index, name="shapley"), pd.Series(se, index=index, name="stderr"),
        pd.Series(sizes, index=index, name="n"), total, unit, value, method, n_perm, used_seed,
        dims, player,
    )
    if result.size_ratio > SIZE_RATIO_WARNING:
        import warnings

        from helixnet.exceptions import HelixnetWarning

        small = result.n[result.n > 0].idxmin()
        large = result.n.idxmax()
        warnings.warn(
            f"player sizes differ by a factor of {result.size_ratio:.0f} (> {SIZE_RATIO_WARNING:.0f}): "
            f"{small!r} has {result.n[small]:g} records, {large!r} {result.n[large]:g}; "
            + ("a tiny player's own T enters the pooled value unweighted and can dominate; "
               "consider value='weighted' or decompose()" if not weighted
               else "values of the smallest players rest on few records"),
            HelixnetWarning,
            stacklevel=user_stacklevel(),
        )
    return result
