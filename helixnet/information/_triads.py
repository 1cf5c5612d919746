"""Synergy among all triads (or quadruples) of the columns of a data matrix.

Leydesdorff's generalisation of the Triple Helix indicator no longer fixes
the three helices in advance: every triad of variables of a cases x variables
matrix gets its mutual information in three dimensions,

.. math::

    T_{abc} = H_a + H_b + H_c - H_{ab} - H_{ac} - H_{bc} + H_{abc}

(bits; negative = synergy, a reduction of uncertainty), the triads are ranked,
and the variables that take part in the most synergetic configurations are
drawn as a *synergy map* (Leydesdorff 2021, ch. 7; his routine
"synergy.triads"). Quadruples get the four-dimensional co-information and the
mutual redundancy :math:`R = (-1)^{N+1} T`, whose negative sign means a
reduction of uncertainty in any dimension (Leydesdorff & Ivanova 2014).

The tables of all triads come from co-occurrence counts computed as matrix
products (see ``helixnet.information._triads_count``), never by a loop over triads.

References
----------
Leydesdorff, L. (2021). *The Evolutionary Dynamics of Discursive Knowledge:
Communication-Theoretical Perspectives on an Empirical Philosophy of
Science* (Qualitative and Quantitative Analysis of Scientific and Scholarly
Communication). Springer, open access. doi:10.1007/978-3-030-59951-5; the
chapter is doi:10.1007/978-3-030-59951-5_7 (its title could not be
verified; the publisher's contents give "Synergy in Triple-Helix Relations"
as the title of chapter 2).

Leydesdorff, L., & Ivanova, I. A. (2014). Mutual redundancies in interhuman
communication systems: Steps toward a calculus of processing meaning.
*JASIST* 65(2), 386-399. doi:10.1002/asi.22973

Westfall, P. H., & Young, S. S. (1993). *Resampling-Based Multiple Testing*.
Wiley.

Benjamini, Y., & Hochberg, Y. (1995). Controlling the false discovery rate.
*Journal of the Royal Statistical Society B* 57(1), 289-300.
doi:10.1111/j.2517-6161.1995.tb02031.x
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from importlib.util import find_spec
from itertools import combinations
from typing import TYPE_CHECKING, Literal

import numpy as np

from helixnet._deprecation import renamed_parameters
from helixnet._progress import progress_bar
from helixnet._resampling import DEFAULT_SEED, monte_carlo_p
from helixnet._validation import rng_from_seed
from helixnet.exceptions import (
    HelixnetTypeError,
    HelixnetValueError,
    InvalidRecordsError,
)
from helixnet.information import _core
from helixnet.information._measures import factorize_column, record_weights
from helixnet.information._triads_count import Coded, block_measures, quadruple_blocks, triad_blocks

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from numpy.typing import ArrayLike

    from helixnet._typing import Alternative, PathLike, Seed, Unit

__all__ = ["ALTERNATIVES", "CORRECTIONS", "synergy_map", "synergy_triads", "write_synergy_map"]

#: Accepted values of ``correction``.
CORRECTIONS = (None, "max", "fdr_bh")

#: Accepted values of ``alternative`` (as in :func:`helixnet.permutation_test`).
ALTERNATIVES = ("less", "greater", "two-sided")

#: Largest joint table of one triad or quadruple (cells; kmax ** order).
MAX_TABLE_CELLS = 1 << 16

_LETTERS = "abcd"

#: |T| below this (nats) is rounding noise of an exact zero and reported as 0.
_ZERO = 1e-12


# --------------------------------------------------------------------------
# input
# --------------------------------------------------------------------------


def _frame(data):
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, (str, bytes)) or not hasattr(data, "__len__"):
        raise HelixnetTypeError(
            f"data must be a pandas DataFrame or a 2-d array of records, got {type(data).__name__}"
        )
    arr = np.asarray(data)
    if arr.ndim != 2:
        raise HelixnetTypeError(f"data must be 2-d (cases x variables), got {arr.ndim} dimension(s)")
    return pd.DataFrame(arr, columns=[f"x{i + 1}" for i in range(arr.shape[1])])


def _small_int_codes(col):
    """Codes of a bool/integer column with a small range, sorted like pandas.factorize(sort=True).

    Returns ``(codes, number of categories)``, or ``(None, 0)`` for other columns.
    """
    if not isinstance(col.dtype, np.dtype) or col.dtype.kind not in "iub":
        return None, 0
    x = col.to_numpy()
    if x.dtype.kind == "b":
        x = x.view(np.uint8)
    lo, hi = int(x.min()), int(x.max())
    if hi - lo > 1 << 16:
        return None, 0
    shifted = x if lo == 0 else (x - lo).astype(np.intp)
    present = np.bincount(shifted, minlength=hi - lo + 1) > 0
    if present.all():  # categories 0..k-1 already (0/1 columns): the values are the codes
        return shifted, hi - lo + 1
    lookup = np.cumsum(present) - 1
    return lookup[shifted], int(present.sum())


def _check_names(columns, weight):
    """`columns` as a list (or None); refused when one string, repeated, or naming the `weight` column."""
    if columns is None:
        return None
    if isinstance(columns, str):
        raise HelixnetTypeError("columns must be a list of column names, not one string")
    columns = list(columns)
    if len(set(columns)) != len(columns):
        raise HelixnetValueError(f"columns must be distinct, got {columns}")
    if weight is not None and weight in columns:
        raise HelixnetValueError(f"column {weight!r} cannot be both a variable and the weight")
    return columns


def _encode(data, columns, weight, order):
    """(Coded, column names) from records; validates columns, values and weights."""
    df = _frame(data)
    if weight is not None and weight not in df.columns:
        raise InvalidRecordsError(f"unknown weight column {weight!r}; available columns: {list(df.columns)}")
    columns = _check_names(columns, weight)
    if columns is None:
        columns = [c for c in df.columns if c != weight]
    columns = list(columns)
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InvalidRecordsError(f"unknown column(s) {missing}; available columns: {list(df.columns)}")
    if len(columns) < order:
        raise HelixnetValueError(f"order {order} needs at least {order} columns, got {len(columns)}")
    if len(df) == 0:
        raise InvalidRecordsError("the records table has no rows")
    # column-major: every later pass reads one variable's codes at a time; a table of
    # at most MAX_TABLE_CELLS cells has at most 40 (order 3) or 16 (order 4) categories
    # per axis, so the codes fit in one byte
    limit = min(256, int(MAX_TABLE_CELLS ** (1.0 / order) + 1e-9))
    codes = np.empty((len(df), len(columns)), dtype=np.uint8, order="F")
    levels = []
    for j, name in enumerate(columns):
        c, k = _small_int_codes(df[name])
        if c is None:
            c, labels = factorize_column(df[name], name, df.index)
            k = len(labels)
        if k > limit:
            raise HelixnetValueError(
                f"column {name!r} has {k} categories: a table of order {order} would have "
                f"{k**order} cells (limit {MAX_TABLE_CELLS}, i.e. {limit} categories); recode it "
                "or use helixnet.synergy for single triads"
            )
        codes[:, j] = c
        levels.append(k)
    w = None
    if weight is not None:
        w = record_weights(df, weight)
        if not w.sum() > 0:
            raise InvalidRecordsError(f"weight column {weight!r} sums to zero")
    return codes, levels, w, columns


# --------------------------------------------------------------------------
# all triads
# --------------------------------------------------------------------------


def _all_measures(codes, levels, w, order):
    """(idx (m, order), T nats (m,), pair MI nats (m, C(order, 2))) in canonical order."""
    coded = Coded(codes, levels, w)
    blocks = triad_blocks(coded) if order == 3 else quadruple_blocks(coded)
    idx, T, pairs = [], [], []
    for ix, tables in blocks:
        t, pm = block_measures(tables, order)
        idx.append(ix)
        T.append(t)
        pairs.append(pm)
    return np.concatenate(idx), np.concatenate(T), np.concatenate(pairs)


def _check_choice(value, choices, name):
    if value not in choices:
        raise HelixnetValueError(f"unknown {name} {value!r}; choose one of {choices}")


def _expand_weights(codes, w):
    """Records repeated by their integer weights (permuting needs whole cases)."""
    if w is None:
        return codes
    if not np.all(w == np.round(w)):
        i = int(np.argmax(w != np.round(w)))
        raise HelixnetValueError(
            f"permutation p-values need whole-number weights (case counts); row {i} has weight {w[i]!r}"
        )
    return np.repeat(codes, w.astype(np.int64), axis=0)


def _canonical_records(rec):
    """The records sorted by their codes (first column first): the order the permutations shuffle.

    The codes are ranks of the sorted values, so this order depends only on the
    multiset of records, not on the row order of the input nor on the engine
    that read it (DuckDB's patterns and pandas' records give the same array).
    """
    if len(rec) < 2:
        return rec
    return np.asfortranarray(rec[np.lexsort(rec.T[::-1])])


def _bh(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (step-up; monotone; capped at 1)."""
    m = len(p)
    order = np.argsort(p, kind="stable")
    ranked = p[order] * m / np.arange(1, m + 1)
    adj = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(adj, 1.0)
    return out


def _permutation_pvalues(codes, levels, w, order, stat, n_perm, alternative, correction, seed, progress):
    """Raw and adjusted permutation p-values of every tuple's statistic (R, nats)."""
    rng = rng_from_seed(seed, required="permutation p-values")
    rec = _canonical_records(_expand_weights(codes, w))
    sign = 1.0 if order % 2 == 1 else -1.0
    tol = 1e-12 * np.maximum(1.0, np.abs(stat))
    le = np.zeros(len(stat), dtype=np.int64)
    ge = np.zeros(len(stat), dtype=np.int64)
    extreme = np.empty(n_perm)
    steps = progress_bar(range(n_perm), n_perm, progress, "permutations")
    perm = np.empty_like(rec)
    for r in steps:
        for j in range(rec.shape[1]):
            perm[:, j] = rec[rng.permutation(len(rec)), j]
        _, T, _ = _all_measures(perm, levels, None, order)
        null = sign * T
        le += null <= stat + tol
        ge += null >= stat - tol
        extreme[r] = null.min() if alternative == "less" else null.max()
    p = monte_carlo_p(le, ge, n_perm, alternative)
    if correction is None:
        adj = np.full(len(stat), np.nan)
    elif correction == "fdr_bh":
        adj = _bh(p)
    else:  # single-step max-statistic (Westfall & Young): the extreme over all tuples
        ext = np.sort(extreme)
        if alternative == "less":
            count = np.searchsorted(ext, stat + tol, side="right")
        else:
            count = n_perm - np.searchsorted(ext, stat - tol, side="left")
        adj = (1 + count) / (1 + n_perm)
    return p, adj


@renamed_parameters(n_perm="n_resamples")
def synergy_triads(
    data: pd.DataFrame | ArrayLike | PathLike,
    columns: Sequence[str] | None = None,
    weight: str | None = None,
    unit: Unit = "bit",
    order: Literal[3, 4] = 3,
    n_resamples: int | None = None,
    alternative: Alternative = "less",
    correction: Literal["max", "fdr_bh"] | None = None,
    seed: Seed = DEFAULT_SEED,
    progress: bool = False,
    engine: Literal["duckdb", "pandas"] | None = None,
) -> pd.DataFrame:
    """Mutual information among every triad (or quadruple) of columns, most synergetic first.

    For every triad :math:`\\{a, b, c\\}` of the columns (every quadruple
    with ``order=4``) of a table of records:

    .. math::

        T_{abc} = H_a + H_b + H_c - H_{ab} - H_{ac} - H_{bc} + H_{abc},
        \\qquad R = (-1)^{N+1}\\, T

    with :math:`H` the Shannon entropy of the (weighted) joint distribution of
    the columns named, :math:`N` the order (3 or 4), and the mutual
    information of each pair, :math:`T_{ab} = H_a + H_b - H_{ab}`. In three
    dimensions :math:`R = T`; in four :math:`R = -T`, so that a negative
    :math:`R` is a reduction of uncertainty (synergy) in both.

    Parameters
    ----------
    data : pandas.DataFrame, 2-d array_like, or str / path-like
        One row per case; every variable categorical (binary 0/1 columns,
        text, integers). An array's columns are named ``x1``, ``x2``, ...
        A path names a CSV/TSV/Parquet file (read by `engine`).
    columns : list of str, optional
        The variables (default: every column but `weight`).
    weight : str, optional
        A column of non-negative case weights.
    unit : {"bit", "mbit", "nat"}
        Unit of ``T``, ``R`` and the pair mutual informations.
    order : {3, 4}
        Triads or quadruples.
    n_resamples : int, optional
        Number of permutations for p-values (none by default; ``n_perm``
        until 0.2: a deprecated alias, removed in 0.3). Each permutation
        shuffles every column independently (keeping its distribution,
        destroying every association) and recomputes R of every tuple.
    alternative : {"less", "greater", "two-sided"}
        "less" (default): R smaller than under independence (synergy);
        "greater": larger; "two-sided": twice the smaller one-sided p, capped at 1
        (the one definition of helixnet, as in :func:`helixnet.permutation_test`).
    correction : {None, "max", "fdr_bh"}
        Multiple-comparison adjustment across all tuples, in ``p_adjusted``:
        "max" is the single-step max-statistic (Westfall & Young 1993) — the
        p-value of each R against the permutation distribution of the most
        extreme R over all tuples, controlling the family-wise error rate;
        "fdr_bh" is the Benjamini-Hochberg step-up adjustment of
        ``p_value`` (false discovery rate).
    seed : int or numpy.random.Generator
        Seed of the permutations; the same seed gives the same p-values. The
        default 0 (the one seed default of helixnet, since 0.2; None before)
        makes repeated runs identical; None is refused with `n_resamples`
        (p-values that cannot be reproduced).
    progress : bool
        Progress bar over the permutations (only when stderr is a terminal).
    engine : {"duckdb", "pandas"}, optional
        For a file: "duckdb" (the default when installed) reduces the file
        out of core to its distinct patterns of values with their counts (one
        ``GROUP BY``), which give the same joint counts; "pandas" reads the
        records. CSV columns are read as text (``01`` and ``1`` differ).
        Permutations shuffle the records sorted by their values, so the
        p-values depend on neither the engine nor the row order of the data.

    Returns
    -------
    pandas.DataFrame
        One row per tuple, sorted by ``R`` ascending (most synergetic first;
        ties in the order of the columns). Columns: ``a, b, c`` (and ``d`` for
        quadruples), ``T``, ``R``, ``n`` (float: the number of cases, or the sum
        of weights), the pair mutual informations ``T_ab, T_ac, T_bc`` (six for
        quadruples, ``T_ab .. T_cd``), ``p_value`` and ``p_adjusted`` (NaN
        without `n_resamples` / `correction`).

    Raises
    ------
    InvalidRecordsError
        Unknown columns, a missing value in a variable, bad weights.
    HelixnetValueError
        Fewer columns than `order`; a column with so many categories that one
        table would exceed ``MAX_TABLE_CELLS``; unknown unit, order,
        alternative or correction; `n_resamples` without a seed; non-integer
        weights with `n_resamples`; "max" with a two-sided alternative.

    See Also
    --------
    helixnet.synergy : every entropy and T of one chosen set of dimensions.
    synergy_map : the graph of the variables of the most synergetic triads.

    Notes
    -----
    The joint tables of all tuples are computed from co-occurrence counts by
    matrix products, streamed block by block (see
    ``helixnet.information._triads_count``): the cost is about
    :math:`n M^2 / 3` multiply-adds per category of the first variable for
    ``M`` indicator columns, not one pass over the records per triad.
    Memory: the indicator matrix (n x M), one Gram matrix per category of
    the first variable and one block of at most ``BLOCK_CELLS`` table cells;
    quadruples also keep the Gram matrices of every category of every
    variable (about :math:`M^3 / 3` numbers). The result has one row per
    tuple. The values equal those of :func:`helixnet.synergy` on each triad to
    rounding (about 1e-15 bit); values within 1e-12 nat of zero are
    reported as exactly 0.

    The plug-in T of many small tables is biased toward synergy; the
    permutation null carries that bias and the p-values account for it.
    Permutations need whole cases: integer weights are expanded into
    repeated records. The "max" correction compares raw statistics, so it
    favours tuples of variables with many categories (whose null spread is
    larger); "fdr_bh" works on each tuple's own p-value, whose smallest
    possible value is :math:`1/(1 + n_{perm})`, so with m tuples the k-th
    smallest BH-adjusted p cannot fall below :math:`m / ((1 + n_{perm}) k)`:
    give many more permutations than tuples.

    References
    ----------
    Leydesdorff, L. (2021). *The Evolutionary Dynamics of Discursive
    Knowledge*, ch. 7. Springer. doi:10.1007/978-3-030-59951-5_7

    Leydesdorff, L., & Ivanova, I. A. (2014). *JASIST* 65(2), 386-399.
    doi:10.1002/asi.22973

    Westfall, P. H., & Young, S. S. (1993). *Resampling-Based Multiple
    Testing*. Wiley.

    Benjamini, Y., & Hochberg, Y. (1995). *JRSS B* 57(1), 289-300.
    doi:10.1111/j.2517-6161.1995.tb02031.x

    Examples
    --------
    Four fair bits where ``z`` is the exclusive-or of ``x`` and ``y`` and
    ``u`` is independent noise: only the triad (x, y, z) is synergetic, by
    exactly one bit (any two of them determine the third, yet every pair is
    independent); every triad with ``u`` has T = 0.

    >>> import pandas as pd
    >>> import helixnet as hx
    >>> df = pd.DataFrame({"x": [0, 0, 1, 1] * 2, "y": [0, 1, 0, 1] * 2,
    ...                    "u": [0] * 4 + [1] * 4})
    >>> df["z"] = df.x ^ df.y
    >>> res = hx.synergy_triads(df)
    >>> res[["a", "b", "c", "T", "T_ab"]]
       a  b  c    T  T_ab
    0  x  y  z -1.0   0.0
    1  x  y  u  0.0   0.0
    2  x  u  z  0.0   0.0
    3  y  u  z  0.0   0.0

    Parity of three fair bits: every triad is independent (T = 0) but the
    four variables determine each other; in four dimensions the
    co-information is T = +1 bit and the mutual redundancy R = -T = -1 bit,
    the reduction of uncertainty (Leydesdorff & Ivanova 2014):

    >>> bits = pd.DataFrame([(x, y, z) for x in (0, 1) for y in (0, 1) for z in (0, 1)],
    ...                     columns=["x", "y", "z"])
    >>> bits["w"] = bits.x ^ bits.y ^ bits.z
    >>> hx.synergy_triads(bits, order=4)[["a", "b", "c", "d", "T", "R"]]
       a  b  c  d    T    R
    0  x  y  z  w  1.0 -1.0
    """
    import pandas as pd

    if order not in (3, 4) or isinstance(order, bool):
        raise HelixnetValueError(f"order must be 3 (triads) or 4 (quadruples), got {order!r}")
    fac = _core.unit_factor(unit)
    _check_choice(alternative, ALTERNATIVES, "alternative")
    _check_choice(correction, CORRECTIONS, "correction")
    if n_resamples is not None:
        if isinstance(n_resamples, bool) or not isinstance(n_resamples, (int, np.integer)) or n_resamples < 1:
            raise HelixnetValueError(f"n_resamples must be a positive integer, got {n_resamples!r}")
        rng_from_seed(seed, required="permutation p-values")
        if correction == "max" and alternative == "two-sided":
            raise HelixnetValueError("correction 'max' needs a one-sided alternative ('less' or 'greater')")
    elif correction is not None:
        raise HelixnetValueError(f"correction {correction!r} needs permutation p-values: give n_resamples")
    columns = _check_names(columns, weight)  # before a file is reduced to patterns (whose weight column is new)
    if isinstance(data, (str, os.PathLike)):
        from helixnet.information._triads_io import read_patterns

        if engine is None:
            engine = "duckdb" if find_spec("duckdb") else "pandas"
        data, columns, weight = read_patterns(data, columns, weight, engine)
    elif engine is not None:
        raise HelixnetValueError("engine applies to a file path, not to a DataFrame or an array")
    codes, levels, w, names = _encode(data, columns, weight, order)
    idx, T, pairs = _all_measures(codes, levels, w, order)
    # rounding leaves about 1e-15 nats where the exact value is 0 (independent tuples)
    T[np.abs(T) < _ZERO] = 0.0
    pairs[np.abs(pairs) < _ZERO] = 0.0
    sign = 1.0 if order % 2 == 1 else -1.0
    R = sign * T
    if n_resamples is not None:
        p, adj = _permutation_pvalues(codes, levels, w, order, R, int(n_resamples), alternative,
                                      correction, seed, progress)  # fmt: skip
    else:
        p = adj = np.full(len(T), np.nan)
    n = float(w.sum()) if w is not None else float(len(codes))
    labels = np.asarray(names, dtype=object)
    out = {_LETTERS[i]: labels[idx[:, i]] for i in range(order)}
    out["T"] = T * fac + 0.0
    out["R"] = R * fac + 0.0
    out["n"] = np.full(len(T), n)
    for j, (x, y) in enumerate(combinations(range(order), 2)):
        out[f"T_{_LETTERS[x]}{_LETTERS[y]}"] = pairs[:, j] * fac + 0.0
    out["p_value"] = p
    out["p_adjusted"] = adj
    frame = pd.DataFrame(out)
    # most synergetic first; ties keep the canonical (column) order
    rank = np.argsort(np.round(R, 13), kind="stable")
    return frame.iloc[rank].reset_index(drop=True)


# --------------------------------------------------------------------------
# the synergy map
# --------------------------------------------------------------------------

#: Accepted values of ``aggregate`` in :func:`synergy_map`.
AGGREGATES = ("sum", "count", "min")


def synergy_map(
    triads: pd.DataFrame,
    top: int | None = None,
    threshold: float = 0.0,
    aggregate: Literal["sum", "count", "min"] = "sum",
    significant: float | None = None,
) -> nx.Graph:
    """Graph of the variables that share synergetic triads.

    Every synergetic triad (``R < threshold``, by default every ``R < 0``;
    optionally only the `top` most negative, and only those with
    ``p_adjusted <= significant``) contributes its synergy to the three edges
    it contains. The weight of edge :math:`\\{x, y\\}` is

    .. math:: w_{xy} = \\sum_{t \\ni x, y,\\; R_t < \\theta} -R_t

    (``aggregate="sum"``, the default: bits of synergy the pair takes part
    in), or the number of such triads (``"count"``), or the strongest single
    synergy :math:`\\max_t (-R_t)` (``"min"``: the most negative R). Node
    attribute ``synergy`` is the same aggregate over the triads the variable
    belongs to, ``triads`` their number. Quadruples contribute to their six
    edges likewise.

    Parameters
    ----------
    triads : pandas.DataFrame
        The result of :func:`synergy_triads` (triads or quadruples).
    top : int, optional
        Keep only the `top` most synergetic tuples (after the threshold).
    threshold : float
        Keep tuples with ``R < threshold`` (in the unit of the table).
    aggregate : {"sum", "count", "min"}
        How the edge and node weights combine the tuples.
    significant : float, optional
        Keep only tuples with ``p_adjusted <= significant`` (needs the
        permutation columns).

    Returns
    -------
    networkx.Graph
        Nodes: the variables of the kept tuples (attributes ``synergy``,
        ``triads``). Edges: ``weight`` (>= 0, larger = more synergy) and
        ``triads`` (the number of kept tuples containing the pair). Graph
        attributes: ``aggregate``, ``threshold`` and ``tuples`` (the number
        of tuples kept). Weights are in the unit of `triads`.

    Raises
    ------
    HelixnetTypeError
        `triads` is not a result of :func:`synergy_triads`.
    HelixnetValueError
        Unknown `aggregate`, bad `top`, or `significant` without p-values.

    See Also
    --------
    synergy_triads : the table this graph summarises.
    write_synergy_map : GraphML, GEXF, Pajek and VOSviewer files.
    helixnet.plot.plot_synergy_map : the drawing.

    Notes
    -----
    Leydesdorff (2021, ch. 7) proposes drawing "a synergy map ... showing
    (cluster of) available but not-yet-realized options" from the most
    synergetic triads; the chapter's abstract is all that could be read here,
    so the rule above (summing the synergy of the triads a pair shares) is
    helixnet's own, documented choice, not a reproduction of the routine
    synergy.triads (a Windows program whose output could not be inspected).
    Summing is additive over triads, so a pair that occurs in many weakly
    synergetic triads can outweigh one strong triad; use ``"min"`` to rank
    pairs by their single strongest triad instead.

    References
    ----------
    Leydesdorff, L. (2021). *The Evolutionary Dynamics of Discursive
    Knowledge*, ch. 7. Springer. doi:10.1007/978-3-030-59951-5_7

    Examples
    --------
    The XOR triad of :func:`synergy_triads` is the only synergetic one, so
    its three variables form a triangle whose edges carry its one bit:

    >>> import pandas as pd
    >>> import helixnet as hx
    >>> df = pd.DataFrame({"x": [0, 0, 1, 1] * 2, "y": [0, 1, 0, 1] * 2,
    ...                    "u": [0] * 4 + [1] * 4})
    >>> df["z"] = df.x ^ df.y
    >>> G = hx.synergy_map(hx.synergy_triads(df))
    >>> sorted((x, y, round(w, 12)) for x, y, w in G.edges(data="weight"))
    [('x', 'y', 1.0), ('x', 'z', 1.0), ('y', 'z', 1.0)]
    """
    import networkx as nx
    import pandas as pd

    if not isinstance(triads, pd.DataFrame) or not {"a", "b", "c", "R"} <= set(triads.columns):
        raise HelixnetTypeError("triads must be the DataFrame returned by helixnet.synergy_triads")
    _check_choice(aggregate, AGGREGATES, "aggregate")
    names = [c for c in _LETTERS if c in triads.columns]
    kept = triads[triads["R"] < threshold]
    if significant is not None:
        if "p_adjusted" not in kept or triads["p_adjusted"].isna().all():
            raise HelixnetValueError("significant= needs adjusted p-values: run synergy_triads with n_resamples and correction")
        kept = kept[kept["p_adjusted"] <= significant]
    kept = kept.sort_values("R", kind="stable")
    if top is not None:
        if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1:
            raise HelixnetValueError(f"top must be a positive integer, got {top!r}")
        kept = kept.head(int(top))
    syn = -kept["R"].to_numpy(dtype=float)
    members = kept[names].to_numpy()

    def combine(values):
        if aggregate == "sum":
            return float(np.sum(values))
        if aggregate == "count":
            return float(len(values))
        return float(np.max(values))

    edges: dict = {}
    nodes: dict = {}
    for row, s in zip(members, syn):
        for v in row:
            nodes.setdefault(v, []).append(s)
        for x, y in combinations(row, 2):
            key = (x, y) if str(x) <= str(y) else (y, x)
            edges.setdefault(key, []).append(s)
    G = nx.Graph(aggregate=aggregate, threshold=float(threshold), tuples=len(kept))
    for v in sorted(nodes, key=str):
        G.add_node(v, synergy=combine(nodes[v]), triads=len(nodes[v]))
    for (x, y) in sorted(edges, key=lambda e: (str(e[0]), str(e[1]))):
        G.add_edge(x, y, weight=combine(edges[x, y]), triads=len(edges[x, y]))
    return G


#: Formats of :func:`write_synergy_map`.
MAP_FORMATS = ("graphml", "gexf", "pajek", "vosviewer")


def write_synergy_map(
    G: nx.Graph,
    path: PathLike,
    format: Literal["graphml", "gexf", "pajek", "vosviewer"] | None = None,
    seed: int = 0,
) -> list[str]:
    """Write a synergy map to GraphML, GEXF, Pajek ``.net`` or VOSviewer files.

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`synergy_map`.
    path : str or path-like
        The file; for "vosviewer" the *map* file, the network file is written
        beside it with ``_network`` before the extension
        (``map.txt`` -> ``map_network.txt``).
    format : {"graphml", "gexf", "pajek", "vosviewer"}, optional
        Default: from the extension (``.graphml``, ``.gexf``, ``.net``; any
        other extension is VOSviewer).
    seed : int
        Seed of the spring layout that gives VOSviewer its x, y.

    Returns
    -------
    list of str
        The files written.

    Raises
    ------
    HelixnetValueError
        An unknown format.

    Notes
    -----
    GraphML and GEXF come from networkx and keep every attribute. Pajek
    ``.net`` (networkx's writer) keeps the edge ``weight`` as the line value.
    The VOSviewer files follow the VOSviewer Manual (van Eck & Waltman,
    version 1.6.x, section "Map and network files"): the map file is
    tab-separated with the header ``id, label, x, y, weight<Synergy>,
    weight<Triads>``; the network file has no header and one line per edge:
    the two ids and the link strength (the edge weight). Each file is written
    to a temporary name and renamed, so a failure leaves no partial file.

    References
    ----------
    van Eck, N. J., & Waltman, L. VOSviewer Manual (version 1.6.x). Centre for
    Science and Technology Studies, Leiden University.

    Examples
    --------
    >>> import networkx as nx, tempfile, os
    >>> G = nx.Graph()
    >>> G.add_node("x", synergy=1.0, triads=1); G.add_node("y", synergy=1.0, triads=1)
    >>> G.add_edge("x", "y", weight=1.0, triads=1)
    >>> folder = tempfile.mkdtemp()
    >>> [os.path.basename(f) for f in write_synergy_map(G, os.path.join(folder, "m.txt"))]
    ['m.txt', 'm_network.txt']
    """
    writers = map_writers(G, path, format, seed)
    from helixnet._files import replace_atomically

    for target, writer in writers.items():
        replace_atomically(target, writer)
    return list(writers)


def synergy_map_files(path, format: str | None = None) -> list:
    """The files :func:`write_synergy_map` writes for `path`.

    One file, except for VOSviewer: the map file `path` and the network file
    beside it, with ``_network`` before the extension (``.txt`` if none).

    Examples
    --------
    >>> synergy_map_files("out/m.txt"), synergy_map_files("m.graphml")
    (['out/m.txt', 'out/m_network.txt'], ['m.graphml'])
    """
    path = os.fspath(path)
    if _map_format(path, format) != "vosviewer":
        return [path]
    stem, ext = os.path.splitext(path)
    return [path, f"{stem}_network{ext or '.txt'}"]


def _map_format(path: str, format):
    if format is None:
        low = path.lower()
        format = ("graphml" if low.endswith(".graphml") else "gexf" if low.endswith(".gexf")
                  else "pajek" if low.endswith(".net") else "vosviewer")  # fmt: skip
    _check_choice(format, MAP_FORMATS, "format")
    return format


def map_writers(G, path, format=None, seed: int = 0) -> dict:
    """{file: function writing it at a path it is given} for the synergy map `G` (see write_synergy_map)."""
    path = os.fspath(path)
    format = _map_format(path, format)
    files = synergy_map_files(path, format)
    if format == "vosviewer":
        texts = _vosviewer_text(G, seed)
        return {f: _text_writer(t) for f, t in zip(files, texts)}
    import networkx as nx

    writers: dict[str, Callable[..., None]] = {
        "graphml": nx.write_graphml, "gexf": nx.write_gexf, "pajek": nx.write_pajek}
    writer = writers[format]
    if format == "pajek":
        # Pajek lines carry node names and the edge value only
        H = nx.Graph()
        H.add_nodes_from(str(v) for v in G)
        H.add_weighted_edges_from((str(x), str(y), d["weight"]) for x, y, d in G.edges(data=True))
    else:
        H = nx.relabel_nodes(G, {v: str(v) for v in G}, copy=True)

    def write(target):
        with open(target, "wb") as fh:
            writer(H, fh)

    return {path: write}


def _text_writer(text: str):
    def write(target):
        with open(target, "wb") as fh:
            fh.write(text.encode("utf-8"))

    return write


def _vosviewer_text(G, seed):
    import networkx as nx

    nodes = list(G)
    ids = {v: i + 1 for i, v in enumerate(nodes)}
    pos = nx.spring_layout(G, seed=seed, weight="weight") if len(G) else {}
    lines = ["id\tlabel\tx\ty\tweight<Synergy>\tweight<Triads>"]
    for v in nodes:
        x, y = pos[v]
        label = str(v).replace("\t", " ").replace("\n", " ")
        d = G.nodes[v]
        lines.append(f"{ids[v]}\t{label}\t{x:.6f}\t{y:.6f}\t{d.get('synergy', 0.0):.10g}\t{d.get('triads', 0)}")
    net = [f"{ids[x]}\t{ids[y]}\t{d['weight']:.10g}" for x, y, d in G.edges(data=True)]
    return "\n".join(lines) + "\n", "\n".join(net) + ("\n" if net else "")
