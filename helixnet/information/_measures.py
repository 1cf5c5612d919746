"""Leydesdorff's Triple Helix indicator: mutual information among N dimensions.

The indicator is the co-information of the dimensions of a joint distribution
(Leydesdorff 2003; Leydesdorff, Park & Lengyel 2014), in bits by default:

.. math::

    T_{12\\ldots N} = -\\sum_{\\emptyset \\ne S \\subseteq \\{1..N\\}} (-1)^{|S|} H(S)

so that :math:`T_{xy} = H_x + H_y - H_{xy}` and
:math:`T_{xyz} = H_x + H_y + H_z - H_{xy} - H_{xz} - H_{yz} + H_{xyz}`.
A negative :math:`T_{xyz}` is *synergy*, a reduction of uncertainty. The sign
agrees with ``dit.multivariate.coinformation`` in every dimension.

Tables come in three forms, which give identical numbers for the same data:

* an N-d array of counts or probabilities (numpy; a pandas crosstab, or a
  Series with a MultiIndex, one level per dimension);
* records: a DataFrame with one row per case, categorical columns named by
  ``dims`` and an optional ``weight`` column (see :func:`contingency`);
* Venn counts of presence/absence dimensions (see :func:`venn_table`).

References
----------
Leydesdorff, L. (2003). The mutual information of university-industry-government
relations: An indicator of the Triple Helix dynamics. *Scientometrics* 58(2),
445-467. doi:10.1023/A:1026253130577

Leydesdorff, L., Park, H. W., & Lengyel, B. (2014). A routine for measuring
synergy in university-industry-government relations: mutual information as a
Triple-Helix and Quadruple-Helix indicator. *Scientometrics* 99, 27-35.
doi:10.1007/s11192-013-1079-4
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import numpy as np

from helixnet._jsonable import jsonable
from helixnet._result import Result
from helixnet._warntally import user_stacklevel
from helixnet.exceptions import (
    HelixnetTypeError,
    HelixnetValueError,
    InvalidRecordsError,
    InvalidTableError,
)
from helixnet.information import _core

if TYPE_CHECKING:
    import pandas as pd

    from helixnet._typing import Bias, TableLike, Unit


class _VennLike(Protocol):
    """What :func:`venn_table` reads from a Venn-count result (``networks.VennCounts``)."""

    cells: Mapping[str, float]
    none: float
    dims: str


__all__ = [
    "mutual_information",
    "entropy",
    "redundancy",
    "venn_table",
    "synergy",
    "SynergyResult",
    "contingency",
    "Contingency",
    "BIAS_CORRECTIONS",
    "sign_reading",
]

#: Accepted values of the ``bias`` argument.
BIAS_CORRECTIONS = (None, "miller-madow")

#: Largest dense joint table (cells) built from records.
MAX_CELLS = 2**27

# Venn dimension letters used when ``dims`` is not given.
_VENN_DEFAULTS = ("UIG", "UIGF")


# --------------------------------------------------------------------------
# validation helpers (private; also used by helixnet.uncertainty)
# --------------------------------------------------------------------------


def _first_index(mask: np.ndarray) -> tuple:
    """Index tuple of the first True cell of `mask`."""
    return tuple(int(i) for i in np.unravel_index(int(np.argmax(mask)), mask.shape))


#: Largest exact total of integer counts: counts are 64-bit integers, and a
#: total beyond 2**63 - 1 would wrap around to a negative number.
MAX_COUNT = 2**63 - 1


def _check_count_total(cells, names=None) -> None:
    """Raise InvalidTableError unless integer counts and their total fit in 64 bits.

    `cells` is an integer ndarray, or a sequence of numbers (Python ints of
    any size, numpy integers, floats) with `names` labelling them for the
    message. Floats are not checked here (their total is a float anyway).
    The total is computed exactly (in Python integers) whenever it could
    come near the limit, so an overflow is reported, never wrapped.
    """
    if isinstance(cells, np.ndarray):
        if cells.dtype.kind not in "iu" or cells.size == 0:
            return
        top = int(cells.max())
        if top * cells.size <= MAX_COUNT:
            return  # no overflow possible
        values, names = cells.ravel().tolist(), None
    else:
        values = list(cells)
    total = 0
    for i, v in enumerate(values):
        if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, np.integer)):
            continue
        v = int(v)
        if v > MAX_COUNT:
            what = f"the count for {names[i]!r}" if names is not None else "a count"
            raise InvalidTableError(
                f"{what} is {v}, more than the largest exact count {MAX_COUNT} (2**63 - 1)"
            )
        total += v
    if total > MAX_COUNT:
        raise InvalidTableError(
            f"the counts add up to {total}, more than the largest exact total {MAX_COUNT} (2**63 - 1); "
            "divide them by a common factor or pass proportions"
        )


def _check_table(arr, *, min_dims: int = 2, counts: bool = False) -> np.ndarray:
    """Return `arr` as a validated ndarray (int or float dtype).

    Raises InvalidTableError for fewer than `min_dims` axes, empty, NaN/inf,
    negative or all-zero tables, and (if `counts`) non-integer cells.
    """
    if isinstance(arr, (str, bytes)):
        raise HelixnetTypeError(f"expected a table of counts, got a string {arr!r}")
    try:
        a = np.asarray(arr)
    except (TypeError, ValueError) as exc:  # ragged lists and the like
        raise HelixnetTypeError(f"cannot read a table from {type(arr).__name__}: {exc}") from None
    if a.dtype.kind == "b":
        a = a.astype(np.int64)
    if a.dtype.kind not in "iuf":
        raise HelixnetTypeError(
            f"a table must hold numbers (counts or probabilities), got dtype {a.dtype}"
        )
    if a.ndim < min_dims:
        raise InvalidTableError(
            f"a table needs at least {min_dims} dimensions, got {a.ndim} "
            f"(shape {a.shape})"
        )
    if a.size == 0:
        raise InvalidTableError(f"the table is empty (shape {a.shape})")
    if a.dtype.kind == "f":
        bad = ~np.isfinite(a)
        if bad.any():
            idx = _first_index(bad)
            raise InvalidTableError(f"the table has a non-finite cell {a[idx]} at index {idx}")
    neg = a < 0
    if neg.any():
        idx = _first_index(neg)
        raise InvalidTableError(f"the table has a negative cell {a[idx]} at index {idx}")
    if not a.any():
        raise InvalidTableError("the table is all zeros (no cases)")
    _check_count_total(a)
    if counts:
        require_counts(a)
    return a


def require_counts(a: np.ndarray, why: str = "this computation") -> None:
    """Raise InvalidTableError unless every cell of `a` is a whole number."""
    if a.dtype.kind == "f":
        frac = a != np.floor(a)
        if frac.any():
            idx = _first_index(frac)
            raise InvalidTableError(
                f"{why} needs integer counts, but the cell at index {idx} is {a[idx]} "
                "(probabilities or weighted totals cannot be used)"
            )


def _check_dims_names(dims, ndim: int) -> tuple:
    if dims is None:
        return tuple(f"x{i + 1}" for i in range(ndim))
    if isinstance(dims, str):
        dims = (dims,)
    dims = tuple(dims)
    if len(dims) != ndim:
        raise HelixnetValueError(f"got {len(dims)} dimension names {list(dims)} for a {ndim}-d table")
    _check_unique_labels(dims)
    return dims


def _check_unique_labels(dims) -> None:
    labels = [str(d) for d in dims]
    if len(set(labels)) != len(labels):
        raise HelixnetValueError(f"dimension names must be distinct, got {list(dims)}")
    for lab in labels:
        if "," in lab:
            raise HelixnetValueError(
                f"dimension name {lab!r} contains ',', which separates names in subset labels"
            )


# --------------------------------------------------------------------------
# records -> contingency table
# --------------------------------------------------------------------------


class _ContingencyFields(NamedTuple):
    table: np.ndarray
    categories: tuple


class Contingency(Result, _ContingencyFields):
    """A joint count table and the category labels of its axes.

    A named tuple (``table, categories = contingency(...)`` unpacks it) with
    the result protocol: :meth:`to_frame`, :meth:`to_dict`, ``_repr_html_``.

    Attributes
    ----------
    table : numpy.ndarray
        Counts (int64) or weighted totals (float64), one axis per dimension.
    categories : tuple of numpy.ndarray
        ``categories[i][j]`` is the category of index ``j`` on axis ``i``.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return (f"Contingency(shape={list(self.table.shape)}, "
                f"total={self.table.sum().item():.6g})")

    def to_frame(self):
        """Every cell of the table, one row each in C order: ``axis_0``, ``axis_1``, ... (the
        categories) and ``count``."""
        import pandas as pd

        idx = np.indices(self.table.shape).reshape(self.table.ndim, -1)
        cols = {f"axis_{a}": np.asarray(cats, dtype=object)[i]
                for a, (cats, i) in enumerate(zip(self.categories, idx))}
        cols["count"] = self.table.reshape(-1)
        return pd.DataFrame(cols)

    def to_dict(self) -> dict:
        """``categories`` (a list per axis) and ``table`` (nested lists)."""
        return jsonable({"categories": [list(c) for c in self.categories], "table": self.table})


def _raw_ints(col):
    """The values of a numpy integer/bool column, or None if it has another dtype."""
    if not isinstance(col.dtype, np.dtype) or col.dtype.kind not in "iub":
        return None
    values = col.to_numpy()
    return values.view(np.uint8) if values.dtype.kind == "b" else values


def row_label(x):
    """A row label as Python shows it to people: numpy scalars as plain ints, floats, strings."""
    return x.item() if isinstance(x, np.generic) else x


def factorize_column(col, name, index) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes (intp, 0..size-1) and labels of one dimension column."""
    import pandas as pd

    try:
        codes, labels = pd.factorize(col, sort=True)
    except TypeError:  # mixed, unorderable categories
        codes, labels = pd.factorize(col, sort=False)
    if len(codes) and codes.min() < 0:
        row = row_label(index[int(np.argmax(codes < 0))])
        raise InvalidRecordsError(f"column {name!r} has a missing value (NaN/None) in row {row!r}")
    return codes, np.asarray(labels)


class _Refactorize(Exception):
    """Internal: a raw integer column must be factorized instead (axis number)."""


def _count(cols, sizes, raw, w, raw_limit):
    """Joint counts of integer columns, chunk by chunk.

    ``cols[i]`` are codes in ``[0, sizes[i])`` when ``raw[i]`` is False, or
    raw non-negative integers (their own codes) when True, whose sizes grow
    as larger values appear. Each chunk's combined row-major code is built
    in a cache-sized buffer and counted with :func:`numpy.bincount`, so no
    array of the full length is written.
    """
    n = len(cols[0])
    k = len(cols)
    sizes = [1 if r else s for r, s in zip(raw, sizes)]
    acc = None
    chunk = 1 << 17
    buf = np.empty(min(chunk, n), dtype=np.intp)
    i = 0
    while i < n:
        j = min(i + chunk, n)
        part = [c[i:j] for c in cols]
        new = list(sizes)
        for ax in range(k):
            if raw[ax]:
                x = part[ax]
                # one reduction checks both bounds: as unsigned, a negative
                # value is huge and exceeds the limit
                top = int(x.view(x.dtype.str.replace("i", "u")).max())
                if top >= raw_limit or top > np.iinfo(x.dtype).max:
                    raise _Refactorize(ax)
                new[ax] = max(sizes[ax], top + 1)
        if acc is None or new != sizes:
            ncells = int(np.prod(new, dtype=object))
            if ncells > MAX_CELLS:
                raise HelixnetValueError(
                    f"the joint table would have {ncells} cells (sizes {new}); "
                    f"the limit is {MAX_CELLS}"
                )
            grown = np.zeros(new, dtype=np.int64 if w is None else float)
            if acc is not None:
                grown[tuple(slice(0, s) for s in sizes)] = acc.reshape(sizes)
            acc = grown.reshape(-1)
            sizes = new
            if acc.size * 4 > chunk:  # keep the per-chunk bincount cheap
                chunk = acc.size * 4
                buf = np.empty(min(chunk, n), dtype=np.intp)
                continue  # redo this chunk at the larger size
        code = buf[: j - i]
        # Horner: ((c0 * s1 + c1) * s2 + c2) ...
        np.multiply(part[0], 1, out=code, casting="unsafe")
        for ax in range(1, k):
            code *= sizes[ax]
            np.add(code, part[ax], out=code, casting="unsafe")
        acc += np.bincount(code, weights=None if w is None else w[i:j], minlength=acc.size)
        i = j
    if acc is None:  # no rows (callers refuse empty records first)
        return np.zeros(sizes)
    return acc.reshape(sizes)


#: Rows from which counting is split across threads (numpy releases the GIL in
#: the arithmetic and reductions of each chunk).
_PARALLEL_ROWS = 1 << 20


def _count_parallel(cols, sizes, raw, w, raw_limit):
    """:func:`_count` over contiguous row blocks in threads, tables added up.

    Counts are integers, so the table equals the serial one exactly; weighted
    sums are added block by block in a fixed order (they may differ from a
    serial sum in the last bits, never between runs or machines). A raw integer
    column's size is the largest a block saw; smaller blocks' tables are
    zero-padded.
    """
    import os

    n = len(cols[0])
    # the blocks depend on n only, so weighted sums are added in the same order on
    # every machine (byte-identical tables); the number of threads does not matter
    n_blocks = min(8, n // (_PARALLEL_ROWS // 2))
    workers = min(os.cpu_count() or 1, n_blocks)
    if n < _PARALLEL_ROWS or workers < 2:
        return _count(cols, sizes, raw, w, raw_limit)
    from concurrent.futures import ThreadPoolExecutor

    bounds = np.linspace(0, n, n_blocks + 1).astype(int)
    blocks = [(bounds[i], bounds[i + 1]) for i in range(n_blocks)]
    with ThreadPoolExecutor(workers) as pool:
        parts = list(pool.map(
            lambda b: _count([c[b[0]:b[1]] for c in cols], sizes, raw,
                             None if w is None else w[b[0]:b[1]], raw_limit),
            blocks,
        ))
    shape = tuple(max(p.shape[ax] for p in parts) for ax in range(len(cols)))
    total = np.zeros(shape, dtype=parts[0].dtype)
    for p in parts:
        total[tuple(slice(0, m) for m in p.shape)] += p
    return total


def record_weights(records, weight) -> np.ndarray:
    from helixnet._validation import parse_weights

    col = records[weight]
    w, bad = parse_weights(col)
    if bad.any():
        i = int(np.argmax(bad))
        raise InvalidRecordsError(
            f"weight column {weight!r} has an invalid value {col.iloc[i]!r} in row "
            f"{row_label(records.index[i])!r}; weights must be finite, non-negative numbers"
        )
    return w


def _is_numeric(col) -> bool:
    import pandas as pd

    return pd.api.types.is_numeric_dtype(col.dtype) or pd.api.types.is_bool_dtype(col.dtype)


def _check_columns(records, dims, weight) -> tuple:
    import pandas as pd

    from helixnet._validation import check_scalar_columns

    if not isinstance(records, pd.DataFrame):
        raise HelixnetTypeError(f"records must be a pandas DataFrame, got {type(records).__name__}")
    if dims is None:
        raise HelixnetValueError("records need `dims`: the names of the dimension columns")
    if isinstance(dims, str):
        dims = (dims,)
    dims = tuple(dims)
    if not dims:
        raise HelixnetValueError("`dims` is empty; name at least one dimension column")
    wanted = list(dims) + ([] if weight is None else [weight])
    missing = [c for c in wanted if c not in records.columns]
    if missing:
        raise InvalidRecordsError(
            f"unknown column(s) {missing}; available columns: {list(records.columns)}"
        )
    if len(set(dims)) != len(dims):
        raise HelixnetValueError(f"dimension columns must be distinct, got {list(dims)}")
    repeated = [c for c in wanted if list(records.columns).count(c) > 1]
    if repeated:
        raise InvalidRecordsError(
            f"column {repeated[0]!r} appears more than once in the records; rename the duplicates"
        )
    if weight is not None and weight in dims:
        raise HelixnetValueError(f"column {weight!r} cannot be both a dimension and the weight")
    if len(records) == 0:
        raise InvalidRecordsError("the records table has no rows")
    check_scalar_columns(records, dims)
    return dims


def contingency(records: pd.DataFrame, dims: Sequence[Hashable], weight: Hashable | None = None) -> Contingency:
    """Joint count table of the `dims` columns of a table of records.

    Each row of `records` is one case; the cell of the returned table counts
    the cases (or sums their `weight`) with each combination of categories:

    .. math:: n_{ij\\ldots} = \\sum_{r} w_r \\, [x_{r1} = i, x_{r2} = j, \\ldots]

    Parameters
    ----------
    records : pandas.DataFrame
        One row per case.
    dims : sequence of str
        Names of the categorical dimension columns, in the order of the axes.
    weight : str, optional
        Name of a column of finite, non-negative case weights (default: every
        row counts once).

    Returns
    -------
    Contingency
        Named tuple ``(table, categories)``: the table (int64 counts without
        weights, float64 weighted totals with them) with one axis per
        dimension, and for each axis an array of its category labels (sorted
        when the labels can be ordered).

    Raises
    ------
    InvalidRecordsError
        Unknown columns (the message lists the available ones), a missing value
        in a dimension column, a negative, non-finite or non-numeric weight (the
        message names the first such row), no rows, or zero total weight.
    HelixnetTypeError
        If `records` is not a DataFrame.
    HelixnetValueError
        If the joint table would exceed :data:`MAX_CELLS` cells.

    See Also
    --------
    synergy : the mutual information of the table.

    Notes
    -----
    Only categories that carry a positive count (or weight) become table
    entries; empty categories change no entropy. Columns of small
    non-negative integers are used as their own codes; other columns are
    encoded with :func:`pandas.factorize`. The cell index of every row is one
    combined integer code, counted by :func:`numpy.bincount`, so no Python
    object is created per row.

    Examples
    --------
    >>> import pandas as pd
    >>> from helixnet.information._measures import contingency
    >>> df = pd.DataFrame({"sector": ["U", "I", "U", "G"], "size": [0, 1, 1, 1]})
    >>> table, cats = contingency(df, ["sector", "size"])
    >>> table
    array([[0, 1],
           [0, 1],
           [1, 1]])
    >>> [c.tolist() for c in cats]
    [['G', 'I', 'U'], [0, 1]]
    """
    dims = _check_columns(records, dims, weight)
    index = records.index
    w = None if weight is None else record_weights(records, weight)
    cols: list[np.ndarray] = []
    labels: list[Any] = []
    raw: list[bool] = []
    for d in dims:
        values = _raw_ints(records[d])
        if values is None:
            c, lab = factorize_column(records[d], d, index)
        else:
            c, lab = values, None
        cols.append(c)
        labels.append(lab)
        raw.append(values is not None)
    raw_limit = max(1 << 16, 2 * len(records))
    while True:
        sizes = [0 if lab is None else len(lab) for lab in labels]
        try:
            table = _count_parallel(cols, sizes, raw, w, raw_limit)
            break
        except _Refactorize as exc:  # negative or sparse large integers
            ax = exc.args[0]
            cols[ax], labels[ax] = factorize_column(records[dims[ax]], dims[ax], index)
            raw[ax] = False
    for ax, d in enumerate(dims):
        if raw[ax]:
            dt = records[d].dtype
            labels[ax] = np.arange(table.shape[ax], dtype=np.uint8 if dt.kind == "b" else dt)
            if dt.kind == "b":
                labels[ax] = labels[ax].astype(bool)
    if weight is not None and not table.any():
        raise InvalidRecordsError(f"the total weight in column {weight!r} is zero")
    # keep only categories with positive count
    cats = []
    for ax, lab in enumerate(labels):
        other = tuple(a for a in range(table.ndim) if a != ax)
        keep = table.sum(axis=other) > 0 if other else table > 0
        if not keep.all():
            table = np.compress(keep, table, axis=ax)
            lab = lab[keep]
        cats.append(lab)
    return Contingency(table, tuple(cats))


# --------------------------------------------------------------------------
# any input -> (table, dims, categories)
# --------------------------------------------------------------------------


def _series_table(s, dims):
    """N-d table from a Series indexed by a MultiIndex (one level per dimension)."""
    import pandas as pd

    names = list(s.index.names)
    if dims is None:
        dims = tuple(n if n is not None else f"x{i + 1}" for i, n in enumerate(names))
        levels = list(range(len(names)))
    else:
        dims = (dims,) if isinstance(dims, str) else tuple(dims)
        missing = [d for d in dims if d not in names]
        if missing:
            raise InvalidRecordsError(f"unknown index level(s) {missing}; available levels: {names}")
        levels = [names.index(d) for d in dims]
    _check_unique_labels(dims)
    values = _check_table(s.to_numpy(), min_dims=1)
    frame = pd.DataFrame(
        {f"_l{i}": s.index.get_level_values(lv) for i, lv in enumerate(levels)}
    )
    frame["_w"] = values.astype(float)
    table, cats = contingency(frame, [f"_l{i}" for i in range(len(levels))], weight="_w")
    if values.dtype.kind in "iu":
        table = table.astype(np.int64)
    return table, dims, cats


def as_table(data, dims=None, weight=None, *, min_dims=2):
    """Normalise any accepted input to ``(table, dims, categories)``."""
    import sys

    if _is_venn(data):  # helixnet.networks.VennCounts: its own none and dims
        if weight is not None:
            raise HelixnetValueError("`weight` names a column of records, not of Venn counts")
        table = _check_table(venn_table(data), min_dims=min_dims)
        names = tuple(data.dims) if dims is None else _check_dims_names(dims, table.ndim)
        return table, names, tuple(np.arange(2) for _ in names)
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(data, pd.DataFrame):
        if dims is not None:  # records
            table, cats = contingency(data, dims, weight)
            dims = (dims,) if isinstance(dims, str) else tuple(dims)
            _check_unique_labels(dims)
            return _check_table(table, min_dims=min_dims), dims, cats
        if weight is not None:
            raise HelixnetValueError("`weight` names a column of records; also give `dims`")
        if isinstance(data.index, pd.MultiIndex) or isinstance(data.columns, pd.MultiIndex):
            levels = list(range(data.columns.nlevels))
            return as_table(data.stack(level=levels), None, None, min_dims=min_dims)
        non_numeric = [c for c in data.columns if not _is_numeric(data[c])]
        if non_numeric:
            raise HelixnetTypeError(
                f"a DataFrame without `dims` is read as a crosstab, but column(s) "
                f"{non_numeric} are not numeric; pass dims=[...] to read records"
            )
        names = (data.index.name, data.columns.name)
        dims = tuple(n if n is not None else f"x{i + 1}" for i, n in enumerate(names))
        _check_unique_labels(dims)
        values = data.to_numpy()
        if values.dtype == object:  # nullable (Int64, Float64, boolean) columns: <NA> is NaN
            integral = all(pd.api.types.is_integer_dtype(t) or pd.api.types.is_bool_dtype(t)
                           for t in data.dtypes)
            if integral and not data.isna().to_numpy().any():
                values = data.to_numpy(dtype=np.int64)
            else:
                values = data.to_numpy(dtype=float, na_value=np.nan)
        table = _check_table(values, min_dims=min_dims)
        return table, dims, (np.asarray(data.index), np.asarray(data.columns))
    if pd is not None and isinstance(data, pd.Series):
        if weight is not None:
            raise HelixnetValueError("`weight` applies to records (a DataFrame), not a Series")
        if not isinstance(data.index, pd.MultiIndex):
            table = _check_table(data.to_numpy(), min_dims=min_dims)  # raises: 1-d
            return table, _check_dims_names(dims, 1), (np.asarray(data.index),)
        table, dims, cats = _series_table(data, dims)
        return _check_table(table, min_dims=min_dims), dims, cats
    if weight is not None:
        raise HelixnetValueError("`weight` names a column of records; tables are already weighted")
    table = _check_table(data, min_dims=min_dims)
    dims = _check_dims_names(dims, table.ndim)
    return table, dims, tuple(np.arange(n) for n in table.shape)


def _nonempty_cells(counts: np.ndarray, k: int) -> dict:
    """Number of non-empty cells of every marginal of the last `k` axes."""
    b = counts.ndim - k
    out = {}
    for s in _core.subsets(k):
        drop = tuple(b + a for a in range(k) if a not in s)
        m = counts.sum(axis=drop) if drop else counts
        out[s] = np.count_nonzero(m.reshape(m.shape[:b] + (-1,)), axis=-1)
    return out


def corrected_entropies(counts: np.ndarray, k: int | None = None, bias=None) -> dict:
    """Marginal entropies (nats), optionally Miller-Madow corrected.

    `counts` may carry leading batch axes; `k` is the number of table axes.
    """
    k = counts.ndim if k is None else k
    if bias not in BIAS_CORRECTIONS:
        raise HelixnetValueError(
            f"unknown bias correction {bias!r}; choose one of {BIAS_CORRECTIONS}"
        )
    H = _core.marginal_entropies(counts, k)
    if bias == "miller-madow":
        require_counts(np.asarray(counts), "the Miller-Madow correction")
        b = counts.ndim - k
        n = counts.reshape(counts.shape[:b] + (-1,)).sum(axis=-1)
        m = _nonempty_cells(counts, k)
        H = {s: H[s] + (m[s] - 1) / (2.0 * n) for s in H}
    return H


# --------------------------------------------------------------------------
# public measures
# --------------------------------------------------------------------------


def mutual_information(table: TableLike, unit: Unit = "bit") -> float:
    """Mutual information (co-information) among all axes of a table.

    .. math::

        T = -\\sum_{\\emptyset \\ne S \\subseteq \\{1..N\\}} (-1)^{|S|} H(S),
        \\qquad H(S) = -\\sum p_S \\log p_S

    For two axes this is Shannon's :math:`T_{xy} = H_x + H_y - H_{xy} \\ge 0`;
    for three it is Leydesdorff's Triple Helix indicator :math:`T_{xyz}`,
    negative when the configuration reduces uncertainty (synergy).

    Parameters
    ----------
    table : array_like, pandas.DataFrame or pandas.Series
        Counts or probabilities with N >= 2 axes (a crosstab DataFrame, or a
        Series with one MultiIndex level per dimension). Each table is
        normalised by its own total.
    unit : {"bit", "mbit", "nat"}
        Unit of the result (logarithm base 2, millibits, natural log).

    Returns
    -------
    float
        T among all axes, in `unit`.

    Raises
    ------
    InvalidTableError
        Fewer than two axes; an empty or all-zero table; a negative, NaN or
        infinite cell.
    HelixnetTypeError
        A non-numeric table.
    HelixnetValueError
        An unknown unit.

    See Also
    --------
    synergy : every entropy and mutual information of every subset.
    redundancy : Leydesdorff & Ivanova's sign convention.

    Notes
    -----
    Same sign as ``dit.multivariate.coinformation`` for every N.

    References
    ----------
    Leydesdorff, L. (2003). *Scientometrics* 58(2), 445-467.
    doi:10.1023/A:1026253130577

    Examples
    --------
    Hand computation for the 2x2 table ``[[3, 1], [1, 3]]`` of eight cases:
    both margins are (1/2, 1/2), so :math:`H_x = H_y = 1` bit, and the joint
    :math:`H_{xy} = -2 \\cdot \\tfrac38 \\log_2 \\tfrac38 - 2 \\cdot
    \\tfrac18 \\log_2 \\tfrac18 = 1.811278` bits, so
    :math:`T = 1 + 1 - 1.811278 = 0.188722`:

    >>> import helixnet as hx
    >>> round(hx.mutual_information([[3, 1], [1, 3]]), 6)
    0.188722

    Exclusive-or: z = x XOR y for two fair independent bits. Any two of the
    three variables are independent, but together they determine each other,
    so :math:`T_{xyz} = 1+1+1-2-2-2+2 = -1` bit of synergy:

    >>> xor = [[[1, 0], [0, 1]], [[0, 1], [1, 0]]]
    >>> hx.mutual_information(xor)
    -1.0
    >>> hx.mutual_information(xor, unit="mbit")
    -1000.0
    """
    a = _check_table(table if _is_plain(table) else as_table(table)[0])
    fac = _core.unit_factor(unit)
    H = _core.marginal_entropies(a)
    return float(_core.coinformation(H) * fac)


def _is_plain(x) -> bool:
    import sys

    pd = sys.modules.get("pandas")
    return not _is_venn(x) and (pd is None or not isinstance(x, (pd.DataFrame, pd.Series)))


def _is_venn(x) -> bool:
    """True for the Venn counts of :func:`helixnet.networks.venn_counts` (duck-typed)."""
    return all(hasattr(x, a) for a in ("cells", "none", "dims")) and not hasattr(x, "items")


def entropy(table: TableLike, unit: Unit = "bit") -> float:
    """Joint Shannon entropy of a table of counts or probabilities.

    .. math:: H = -\\sum_{i} p_i \\log p_i, \\qquad p_i = n_i / \\sum_j n_j

    with :math:`0 \\log 0 = 0`.

    Parameters
    ----------
    table : array_like, pandas.DataFrame or pandas.Series
        Counts or probabilities, any number of axes (>= 1).
    unit : {"bit", "mbit", "nat"}
        Unit of the result.

    Returns
    -------
    float
        The entropy of the joint distribution of all axes.

    Raises
    ------
    InvalidTableError
        An empty or all-zero table; a negative, NaN or infinite cell.
    HelixnetTypeError
        A non-numeric table.

    See Also
    --------
    synergy : entropies of every marginal.

    Notes
    -----
    This is the joint entropy; for marginal entropies use
    :meth:`SynergyResult.entropy`.

    References
    ----------
    Shannon, C. E. (1948). A mathematical theory of communication. *Bell
    System Technical Journal* 27, 379-423. doi:10.1002/j.1538-7305.1948.tb01338.x

    Examples
    --------
    Four equally likely outcomes carry two bits:

    >>> import helixnet as hx
    >>> hx.entropy([5, 5, 5, 5])
    2.0
    >>> round(hx.entropy([[1, 1], [1, 1]], unit="nat"), 6)  # ln 4
    1.386294
    """
    if _is_plain(table):
        a = _check_table(table, min_dims=1)
    else:
        a = as_table(table, min_dims=1)[0]
    fac = _core.unit_factor(unit)
    flat = a.reshape(-1)
    return float(_core.marginal_entropies(flat, 1)[(0,)] * fac)


def redundancy(table: TableLike, unit: Unit = "bit") -> float:
    """Leydesdorff & Ivanova's mutual redundancy among all axes of a table.

    .. math:: R_{1\\ldots N} = (-1)^{N+1} \\, T_{1\\ldots N}

    where :math:`T` is the co-information of :func:`mutual_information`.
    In three (any odd number of) dimensions R = T; in even dimensions the sign
    is reversed, so that a negative R always means a reduction of uncertainty
    (in two dimensions :math:`R_{xy} = -T_{xy} \\le 0`).

    Parameters
    ----------
    table : array_like, pandas.DataFrame or pandas.Series
        Counts or probabilities with N >= 2 axes.
    unit : {"bit", "mbit", "nat"}
        Unit of the result.

    Returns
    -------
    float
        R among all axes, in `unit`.

    Raises
    ------
    InvalidTableError
        As :func:`mutual_information`.

    See Also
    --------
    mutual_information : T, with dit's sign in every dimension.

    Notes
    -----
    The convention follows the paper's abstract: "in the three-dimensional
    case ... mutual redundancy is equal to mutual information (Rxyz = Txyz);
    but when the dimensionality is even, the sign is different". The
    resulting sign factor is :math:`(-1)^{N+1}`.

    References
    ----------
    Leydesdorff, L., & Ivanova, I. A. (2014). Mutual redundancies in
    interhuman communication systems: Steps toward a calculus of processing
    meaning. *JASIST* 65(2), 386-399. doi:10.1002/asi.22973

    Examples
    --------
    Two identical fair bits share one bit of information, i.e. one bit of
    reduced uncertainty: T = +1, R = -1.

    >>> import helixnet as hx
    >>> hx.mutual_information([[1, 0], [0, 1]]), redundancy([[1, 0], [0, 1]])
    (1.0, -1.0)
    """
    t = mutual_information(table, unit=unit)
    n = np.ndim(table) if _is_plain(table) else as_table(table)[0].ndim
    return _redundancy_sign(n) * t + 0.0  # + 0.0: a zero T is R = 0, not -0.0


def _redundancy_sign(n: int) -> float:
    return 1.0 if n % 2 == 1 else -1.0


def sign_reading(n: int) -> str:
    """How to read the sign of a T among `n` dimensions, in words.

    Leydesdorff & Ivanova (2014, *JASIST* 65(2), 386-399,
    doi:10.1002/asi.22973): synergy is a negative mutual redundancy
    :math:`R = (-1)^{n+1} T`, so a negative T for odd n and a positive T for
    even n >= 4; between two dimensions T is shared information, not synergy.

    >>> sign_reading(3), sign_reading(4)
    ('T of 3 dimensions: negative = synergy', 'T of 4 dimensions: positive = synergy (R = -T)')
    """
    if n < 3:
        return f"T of {n} dimensions: mutual information (>= 0), no synergy reading"
    if n % 2 == 1:
        return f"T of {n} dimensions: negative = synergy"
    return f"T of {n} dimensions: positive = synergy (R = -T)"


_REQUIRED = object()


def _venn_parts(counts: Any, none: Any, dims: Any) -> tuple[Any, Any, Any]:
    """(cells mapping, none, dims) from a mapping or a :class:`helixnet.networks.VennCounts`."""
    if _is_venn(counts):
        if none is not _REQUIRED and none != counts.none:
            raise HelixnetValueError(
                f"none={none!r} contradicts the Venn counts' own none={counts.none!r}; "
                "leave `none` out to use the counts' value"
            )
        if dims is not None and "".join(dims) != "".join(counts.dims):
            raise HelixnetValueError(
                f"dims={dims!r} contradicts the Venn counts' own dims={counts.dims!r}"
            )
        return counts.cells, counts.none, counts.dims
    if none is _REQUIRED:
        raise HelixnetTypeError(
            "venn_table needs none=N, the number of cases with none of the dimensions: "
            "it changes T (by an order of magnitude when most cases are empty); pass none=0 "
            "only if no such case can exist"
        )
    return counts, none, dims


def venn_table(
    counts: Mapping[str, float] | _VennLike,
    *,
    none: float = _REQUIRED,  # type: ignore[assignment]  # a sentinel: required for a mapping
    dims: str | Sequence[str] | None = None,
) -> np.ndarray:
    """Presence/absence table (2x2x2 or 2x2x2x2) from Venn-diagram counts.

    Each key names the dimensions a case *has* and the value counts the cases
    with exactly those dimensions (an exclusive region of the Venn diagram):

    .. math:: n_{ijk} = \\text{count of key } \\{U^i I^j G^k\\},
        \\qquad n_{000} = \\text{none}

    Parameters
    ----------
    counts : mapping of str to number, or VennCounts
        The output of :func:`helixnet.networks.venn_counts` is accepted as is
        (its ``cells``, ``none`` and ``dims`` are used). Otherwise keys such as ``"U"``, ``"I"``, ``"G"``, ``"UI"``, ``"UG"``, ``"IG"``,
        ``"UIG"`` (three dimensions) or the 15 non-empty combinations of
        ``"U"``, ``"I"``, ``"G"``, ``"F"`` (four dimensions). The letters of a
        key may come in any order (``"IU"`` is ``"UI"``); a combination given
        twice is an error. Missing keys count zero.
    none : number, keyword-only, required for a mapping
        Cases with none of the dimensions (the all-absent cell). It is a
        required piece of information, not a neutral default: in a
        document set where most cases have no address of any kind it
        changes T by an order of magnitude. Pass the count you mean
        (``none=0`` when such cases cannot exist). Taken from a
        ``VennCounts`` when omitted.
    dims : str or sequence of str, optional
        The dimension letters, in axis order. Default ``"UIG"``, or
        ``"UIGF"`` when some key contains ``"F"``.

    Returns
    -------
    numpy.ndarray
        Shape ``(2,) * len(dims)``; index 0 = absent, 1 = present. int64 when
        every count is a whole number, float64 otherwise.

    Raises
    ------
    HelixnetTypeError
        `none` not given for a mapping of counts.
    HelixnetValueError
        `none` or `dims` given for a ``VennCounts`` and different from its own.
    InvalidTableError
        A key with a letter not in `dims` (the message names the key), a
        repeated letter or combination, a negative or non-finite count, or
        fewer than two or more than four dimensions. (An all-zero table is
        returned as is; the measures reject it.)

    See Also
    --------
    mutual_information, synergy

    Notes
    -----
    Co-authorship studies count the documents in these seven (or fifteen)
    exclusive cells, by the combination of university, industry and
    government addresses, in a bibliographic database (Leydesdorff 2003;
    Park, Hong & Leydesdorff 2005); the all-absent cell is often not
    observed, because documents without any address are not retrieved.

    References
    ----------
    Leydesdorff, L. (2003). The mutual information of
    university-industry-government relations: An indicator of the Triple
    Helix dynamics. *Scientometrics* 58(2), 445-467.
    doi:10.1023/A:1026253130577

    Park, H. W., Hong, H. D., & Leydesdorff, L. (2005). A comparison of the
    knowledge-based innovation systems in the economies of South Korea and
    the Netherlands using Triple Helix indicators. *Scientometrics* 65(1),
    3-27. doi:10.1007/s11192-005-0257-4

    Examples
    --------
    Ten cases with all three sectors and ten with none: the three
    presence bits are identical fair coins, so T = +1 bit. Without the
    ten empty cases (and with one more case that has U only) U is present
    in every case, a constant, and a constant shares no information: T = 0.

    >>> import helixnet as hx
    >>> t = hx.venn_table({"UIG": 10}, none=10)
    >>> t[1, 1, 1], t[0, 0, 0], t.sum()
    (np.int64(10), np.int64(10), np.int64(20))
    >>> hx.mutual_information(t)
    1.0
    >>> hx.mutual_information(hx.venn_table({"UIG": 10, "U": 1}, none=0))
    0.0

    The Venn counts of an actor graph feed it directly:

    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_nodes_from([("u", {"sector": "U"}), ("f", {"sector": "I"})])
    >>> G.add_edge("u", "f")
    >>> hx.venn_table(hx.networks.venn_counts(G))[1, 1, 0]
    np.int64(1)
    """
    return _venn_array(*_venn_parts(counts, none, dims))


def _venn_array(counts: Any, none: Any, dims: Any) -> np.ndarray:
    """The table of :func:`venn_table` from a mapping of cells, the empty cell and the dims."""
    if not hasattr(counts, "items"):
        raise HelixnetTypeError(f"Venn counts must be a mapping of keys to counts, got {type(counts).__name__}")
    keys = [str(k) for k in counts]
    if dims is None:
        letters = set("".join(keys))
        dims = "UIGF" if "F" in letters else "UIG"
        unknown = [k for k in keys if set(k) - set(dims)]
        if unknown:
            raise InvalidTableError(
                f"unknown Venn key {unknown[0]!r}: letters must be among {', '.join(dims)} "
                "(pass dims=... for other dimension letters)"
            )
    dims = tuple(dims) if isinstance(dims, (str, list, tuple)) else (dims,)
    if not 2 <= len(dims) <= 4 or len(set(dims)) != len(dims) or any(
        not isinstance(d, str) or len(d) != 1 for d in dims
    ):
        raise InvalidTableError(f"Venn dims must be 2 to 4 distinct single letters, got {dims}")
    shape = (2,) * len(dims)
    values = {}
    for key, val in counts.items():
        k = str(key)
        if not k or set(k) - set(dims):
            raise InvalidTableError(
                f"unknown Venn key {key!r}: letters must be among {', '.join(dims)}"
            )
        if len(set(k)) != len(k):
            raise InvalidTableError(f"Venn key {key!r} repeats a letter")
        cell = tuple(int(d in k) for d in dims)
        if cell in values:
            raise InvalidTableError(f"Venn key {key!r} names the same cell as another key")
        values[cell] = val
    values[(0,) * len(dims)] = none
    _check_count_total(list(values.values()), ["".join(d for d, c in zip(dims, cell) if c) or "none" for cell in values])
    vals = np.asarray(list(values.values()))
    if vals.dtype.kind not in "biuf":
        raise HelixnetTypeError(f"Venn counts must be numbers, got {list(values.values())}")
    whole = vals.dtype.kind in "biu" or bool(np.all(np.isfinite(vals) & (vals == np.floor(vals))))
    table = np.zeros(shape, dtype=np.int64 if whole else float)
    for cell, val in values.items():
        if not np.isfinite(val) or val < 0:
            name = "none" if not any(cell) else "".join(d for d, c in zip(dims, cell) if c)
            raise InvalidTableError(f"Venn count for {name!r} is {val}; counts must be finite and >= 0")
        table[cell] = val
    return table


# --------------------------------------------------------------------------
# the full result
# --------------------------------------------------------------------------


class SynergyResult(Result):
    """Every entropy and mutual information of every subset of dimensions.

    Produced by :func:`synergy`; th4.exe's whole output vector (H and T of
    all 1-, 2-, 3- and 4-subsets) for any number of dimensions.

    Attributes
    ----------
    dims : tuple
        Dimension names, in axis order.
    n : int or float
        Total of the table: the number of cases for counts (the summed weight
        for weighted records; 1.0 for probabilities).
    unit : str
        Unit of every value returned ("bit", "mbit" or "nat").
    bias : str or None
        The entropy bias correction applied (None or "miller-madow").
    table : numpy.ndarray
        The joint table the values were computed from.
    categories : tuple of numpy.ndarray
        Category labels of each axis of `table`.
    T : float
        Mutual information among all dimensions.
    redundancy : float
        Leydesdorff & Ivanova's mutual redundancy among all dimensions,
        :math:`(-1)^{N+1} T`: negative R is synergy in every number of
        dimensions (R = T in three dimensions, R = -T in four).
    constant_dimensions : tuple
        Dimensions with a single non-empty category (zero entropy). A
        constant shares no information, so every T that includes one is 0
        *by construction*, not because no synergy was found; :func:`synergy`
        warns (:class:`helixnet.exceptions.HelixnetWarning`).
    """

    def __init__(self, entropies, dims, n, unit, bias, table, categories):
        self._H = entropies  # {axis subset: nats}
        self.dims = tuple(dims)
        self.n = n
        self.unit = unit
        self.bias = bias
        self.table = table
        self.categories = tuple(categories)
        self._factor = _core.unit_factor(unit)
        self.constant_dimensions = tuple(
            d for a, d in enumerate(self.dims) if not np.any(entropies[(a,)] > 0)
        )

    def __repr__(self):
        return (
            f"SynergyResult(dims={list(self.dims)}, n={self.n}, "
            f"T={self.T:.6g} {self.unit})"
        )

    def _axes(self, names, at_least: int) -> tuple:
        if not names:
            return tuple(range(len(self.dims)))
        axes = []
        for d in names:
            if d not in self.dims:
                raise HelixnetValueError(f"unknown dimension {d!r}; dimensions are {list(self.dims)}")
            axes.append(self.dims.index(d))
        if len(set(axes)) != len(axes):
            raise HelixnetValueError(f"a dimension is repeated in {list(names)}")
        if len(axes) < at_least:
            raise HelixnetValueError(
                f"mutual information needs at least two dimensions, got {list(names)}"
            )
        return tuple(sorted(axes))

    def entropy(self, *dims) -> float:
        """Entropy of the joint distribution of `dims` (all when none given)."""
        return float(self._H[self._axes(dims, 1)] * self._factor)

    def mutual_information(self, *dims) -> float:
        """Co-information among `dims` (two or more; all when none given)."""
        return float(_core.coinformation(self._H, self._axes(dims, 2)) * self._factor)

    @property
    def T(self) -> float:
        """Mutual information among all dimensions."""
        return self.mutual_information()

    @property
    def redundancy(self) -> float:
        """Mutual redundancy :math:`(-1)^{N+1} T` (Leydesdorff & Ivanova 2014)."""
        return _redundancy_sign(len(self.dims)) * self.T + 0.0  # no "-0.0"

    def row_label(self, s) -> str:
        return ",".join(str(self.dims[a]) for a in s)

    def to_frame(self):
        """Tidy table: one row per subset of dimensions.

        Columns: ``subset`` (names joined by ","), ``k`` (subset size),
        ``entropy``, ``mutual_information`` (T, the co-information with
        dit's sign) and ``redundancy`` (:math:`R = (-1)^{k+1} T`, negative
        = synergy for every k), the last two NaN for single dimensions; all
        in :attr:`unit`. Rows by size, then in axis order.
        """
        import pandas as pd

        subsets = _core.subsets(len(self.dims))
        f = self._factor
        t = [float(_core.coinformation(self._H, s) * f) if len(s) >= 2 else np.nan for s in subsets]
        return pd.DataFrame(
            {
                "subset": [self.row_label(s) for s in subsets],
                "k": [len(s) for s in subsets],
                "entropy": [float(self._H[s] * f) for s in subsets],
                "mutual_information": t,
                "redundancy": [_redundancy_sign(len(s)) * v + 0.0 for s, v in zip(subsets, t)],
            }
        )

    def to_dict(self) -> dict:
        """JSON-serialisable summary.

        Keys: ``dimensions`` (names), ``n``, ``unit``, ``entropy`` (label →
        value for every subset), ``mutual_information`` (label → T for every
        subset of two or more), ``redundancy`` (label → :math:`R =
        (-1)^{k+1} T` for the same subsets: negative R is synergy in any
        dimension) and ``constant_dimensions`` (names of the dimensions with
        zero entropy; every T that includes one is 0 by construction).
        Labels join dimension names with ",".
        """
        subsets = _core.subsets(len(self.dims))
        f = self._factor
        n = self.n.item() if isinstance(self.n, np.generic) else self.n
        t = {
            self.row_label(s): float(_core.coinformation(self._H, s) * f)
            for s in subsets
            if len(s) >= 2
        }
        return jsonable({
            "dimensions": [str(d) for d in self.dims],
            "n": n,
            "unit": self.unit,
            "entropy": {self.row_label(s): float(self._H[s] * f) for s in subsets},
            "mutual_information": t,
            "redundancy": {
                lab: _redundancy_sign(lab.count(",") + 1) * v + 0.0 for lab, v in t.items()
            },
            "constant_dimensions": [str(d) for d in self.constant_dimensions],
        })


def warn_constant_dimensions(constant: Sequence[Hashable]) -> None:
    """The warning of :func:`synergy` when some dimensions take a single value (nothing if none)."""
    if not constant:
        return
    import warnings

    from helixnet.exceptions import HelixnetWarning

    warnings.warn(
        f"dimension(s) {list(constant)} take a single value in every case, so "
        "every T that includes them is 0 by construction (not a finding about synergy); "
        "see SynergyResult.constant_dimensions",
        HelixnetWarning,
        stacklevel=user_stacklevel(),
    )


def synergy(
    data: TableLike,
    dims: Sequence[Hashable] | None = None,
    weight: Hashable | None = None,
    unit: Unit = "bit",
    bias: Bias | None = None,
) -> SynergyResult:
    """Entropies and mutual information of every subset of dimensions.

    .. math::

        T(S) = -\\sum_{\\emptyset \\ne A \\subseteq S} (-1)^{|A|} H(A)
        \\quad \\text{for every } S \\subseteq \\{1..N\\},\\ |S| \\ge 2

    With ``bias="miller-madow"`` every marginal entropy is first corrected,
    :math:`H_{MM}(A) = H(A) + (m_A - 1) / (2n)` nats, where :math:`m_A` is the
    number of non-empty cells of the marginal of :math:`A` and :math:`n` the
    number of cases, and the corrected entropies enter the same sum.

    Parameters
    ----------
    data : array_like, pandas.DataFrame or pandas.Series
        One of: an N-d array of counts or probabilities; a crosstab DataFrame
        (read as a 2-d table when `dims` is None); a Series with one
        MultiIndex level per dimension; or a DataFrame of records, one row
        per case, when `dims` is given.
    dims : sequence, optional
        For records: the dimension columns (required). For a MultiIndex
        Series: the levels to use, in order (others are summed over). For an
        array: names for its axes (default ``"x1"``, ``"x2"``, ...).
    weight : str, optional
        Records only: a column of non-negative case weights.
    unit : {"bit", "mbit", "nat"}
        Unit of every value in the result.
    bias : {None, "miller-madow"}
        Entropy bias correction; "miller-madow" needs integer counts.

    Returns
    -------
    SynergyResult
        ``.T``, ``.entropy(*dims)``, ``.mutual_information(*dims)``,
        ``.redundancy``, ``.n``, ``.unit``, ``.dims``, ``.to_frame()``,
        ``.to_dict()``.

    Raises
    ------
    InvalidTableError
        Fewer than two dimensions; an empty or all-zero table; negative, NaN
        or infinite cells; non-integer counts with ``bias="miller-madow"``.
    InvalidRecordsError
        Unknown columns, missing values in a dimension, bad weights.
    HelixnetValueError
        Unknown unit or bias correction.

    See Also
    --------
    mutual_information : T alone.
    contingency : the table built from records.
    helixnet.information.bootstrap : confidence intervals for every T.

    Notes
    -----
    The plug-in (maximum-likelihood) entropy is biased downward by about
    :math:`(m-1)/(2n)` nats, and the bias grows with the number of cells
    :math:`m`. Because the joint marginal has the most cells and enters T
    with sign :math:`(-1)^{N+1}`, for three dimensions the uncorrected
    :math:`T_{xyz}` is biased toward negative values (spurious synergy) when
    n is small relative to the number of cells (Gehlen et al. 2024). The
    Miller-Madow correction removes the first-order term; it does not make
    small samples reliable — see :func:`helixnet.information.bootstrap`.

    Every T is exactly 0 when it lies within rounding noise of zero:
    :math:`|T| \\le 10^{-12} \\sum_A |H(A)|` over the entropies it combines
    (``helixnet.information._core.NOISE_TOL``). Independent dimensions give T = 0 in
    exact arithmetic but :math:`\\pm 10^{-16}` in floating point, and that
    sign is not synergy.

    References
    ----------
    Leydesdorff, L. (2003). *Scientometrics* 58(2), 445-467.
    doi:10.1023/A:1026253130577

    Miller, G. A. (1955). Note on the bias of information estimates. In H.
    Quastler (Ed.), *Information Theory in Psychology* (pp. 95-100).

    Gehlen, M. et al. (2024). *Entropy* 26(10), 837. doi:10.3390/e26100837

    Examples
    --------
    Four records of organisations, by technology, region and size:

    >>> import pandas as pd
    >>> import helixnet as hx
    >>> df = pd.DataFrame({
    ...     "tech": ["a", "a", "b", "b"],
    ...     "geo": ["n", "s", "n", "s"],
    ...     "size": ["big", "small", "small", "big"],
    ... })
    >>> res = hx.synergy(df, dims=["tech", "geo", "size"])
    >>> res.T, res.n
    (-1.0, 4)

    The four records are the exclusive-or pattern: each pair of columns is
    independent (T = 0) but any two columns determine the third:

    >>> res.mutual_information("tech", "geo"), res.entropy("tech", "geo")
    (0.0, 2.0)
    >>> res.to_frame().round(3)
              subset  k  entropy  mutual_information  redundancy
    0           tech  1      1.0                 NaN         NaN
    1            geo  1      1.0                 NaN         NaN
    2           size  1      1.0                 NaN         NaN
    3       tech,geo  2      2.0                 0.0         0.0
    4      tech,size  2      2.0                 0.0         0.0
    5       geo,size  2      2.0                 0.0         0.0
    6  tech,geo,size  3      2.0                -1.0        -1.0
    """
    table, dims, cats = as_table(data, dims, weight)
    _core.unit_factor(unit)  # validate early
    H = corrected_entropies(table, bias=bias)
    total = table.sum()
    n = int(total) if table.dtype.kind in "iu" else float(total)
    res = SynergyResult(H, dims, n, unit, bias, table, cats)
    warn_constant_dimensions(res.constant_dimensions)
    return res
