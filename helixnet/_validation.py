"""Preconditions on actor graphs, shared by every network measure (private).

Measures state what they need with the :func:`actor_graph` decorator, so their
bodies stay pure math::

    @actor_graph
    def centrality(G, ...):
        ...

The decorated function's first argument must be a networkx graph whose nodes
all carry a ``sector`` in :data:`SECTORS` and whose edge weights (when
present) are finite, non-negative numbers.
"""

from __future__ import annotations

import functools
import inspect
import math
import re
from collections.abc import Callable
from numbers import Integral, Real
from typing import Any, TypeVar, cast, overload

import numpy as np

from helixnet.exceptions import HelixnetTypeError, HelixnetValueError, InvalidGraphError

_F = TypeVar("_F", bound=Callable[..., Any])

#: Sector codes and their order in every table and figure: U science, I business,
#: G government, O other.
SECTORS = ("U", "I", "G", "O")


def check_actor_graph(G, attr: str | None = "sector", weight: str | None = "weight", sectors=SECTORS):
    """Raise a helixnet error unless `G` is a usable actor graph.

    Checks that `G` is a networkx graph, that every node has attribute `attr`
    with a value in `sectors` (any value when `sectors` is None; no node check
    when `attr` is None), and that every edge's `weight` (if present) is a
    finite, non-negative real number. Messages name the node or edge.
    """
    import networkx as nx

    if not isinstance(G, nx.Graph):
        raise HelixnetTypeError(f"expected a networkx graph, got {type(G).__name__}")
    for node, data in G.nodes(data=True) if attr is not None else ():
        if attr not in data:
            raise InvalidGraphError(f"node {node!r} has no {attr!r} attribute")
        if sectors is not None and data[attr] not in sectors:
            raise InvalidGraphError(
                f"node {node!r} has {attr}={data[attr]!r}; expected one of {', '.join(sectors)}"
            )
    if weight is not None and weight != "weight" and G.number_of_edges():
        # a weight attribute no edge carries is a misspelling, not an unweighted graph
        # (the default name "weight" may be absent: unweighted graphs are fine)
        if not any(weight in data for _, _, data in G.edges(data=True)):
            found = sorted({k for _, _, d in G.edges(data=True) for k in d})
            raise InvalidGraphError(
                f"no edge has the weight attribute {weight!r}; edge attributes: {', '.join(map(str, found)) or 'none'}"
            )
    if weight is not None:
        for u, v, data in G.edges(data=True):
            w = data.get(weight, 1)
            if isinstance(w, (bool, np.bool_)) or not isinstance(w, Real):
                raise InvalidGraphError(f"edge {u!r}->{v!r} has non-numeric {weight}={w!r}")
            if not math.isfinite(w) or w < 0:
                raise InvalidGraphError(f"edge {u!r}->{v!r} has invalid {weight}={w!r}; weights must be finite and >= 0")
    return G


@overload
def actor_graph(func: _F, *, attr: str | None = ..., weight: str | None = ...) -> _F: ...
@overload
def actor_graph(func: None = None, *, attr: str | None = ..., weight: str | None = ...) -> Callable[[_F], _F]: ...
def actor_graph(
    func: _F | None = None, *, attr: str | None = "sector", weight: str | None = "weight"
) -> _F | Callable[[_F], _F]:
    """Decorator: validate the first argument with :func:`check_actor_graph`.

    When the decorated function has ``attr`` / ``weight`` parameters, the
    values checked are the ones the call binds to them, whether passed by
    keyword, by position or left at the function's default (the signature is
    bound as networkx's ``argmap`` does); otherwise the decorator's own
    `attr` / `weight` are checked.
    """

    def decorate(f: _F) -> _F:
        signature = inspect.signature(f)
        names = [n for n in ("attr", "weight") if n in signature.parameters]
        fixed = {"attr": attr, "weight": weight}

        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            checked = {**fixed, **{n: bound.arguments[n] for n in names}}
            G = next(iter(bound.arguments.values()))
            check_actor_graph(G, **checked)
            return f(*bound.args, **bound.kwargs)

        return cast("_F", wrapper)

    return decorate(func) if func is not None else decorate


# ---------------------------------------------------------------------------
# weights: one parser for every command and the API

#: A plain decimal number as text (``2``, ``-0``, ``.5``, ``1e3``, blanks around allowed). The
#: same pattern serves Python and RE2 (DuckDB); hexadecimal, ``1_000``, ``inf``, ``nan``,
#: ``true`` and complex numbers do not match.
NUMBER_PATTERN = r"[ \t]*[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?[ \t]*"
_NUMBER_RE = re.compile(NUMBER_PATTERN)


def weight_value(v) -> float | None:
    """A weight as a float, or None when `v` is not a valid weight.

    Valid: a real number (not a bool, not complex) or a text matching
    :data:`NUMBER_PATTERN`, finite and ``>= 0``. numpy scalars count as
    their Python values.

    Examples
    --------
    >>> [weight_value(v) for v in (2, " .5 ", "1e3", True, "0x10", 1 + 0j, "inf", -1)]
    [2.0, 0.5, 1000.0, None, None, None, None, None]
    """
    if isinstance(v, (bool, np.bool_)):
        return None
    if isinstance(v, str):
        if not _NUMBER_RE.fullmatch(v):
            return None
        x = float(v)
    elif isinstance(v, Real):
        x = float(v)
    else:
        return None
    return x if math.isfinite(x) and x >= 0 else None


def parse_weights(values):
    """Weights of a column as float64 (invalid ones set to 0) and the mask of invalid ones.

    The one weight parser of helixnet (engines, contingency tables, the
    decompositions, graph builders): numeric columns are taken as they are;
    bool and complex columns are invalid throughout; text and mixed (object)
    columns are parsed value by value with :func:`weight_value`.
    """
    import pandas as pd
    from pandas.api.types import is_bool_dtype, is_complex_dtype, is_numeric_dtype, is_string_dtype

    s = values if isinstance(values, pd.Series) else pd.Series(values)
    if is_bool_dtype(s.dtype) or is_complex_dtype(s.dtype):
        v = np.full(len(s), np.nan)
    elif is_numeric_dtype(s.dtype):
        v = s.astype("float64").to_numpy(dtype=float, na_value=np.nan)
    elif is_string_dtype(s.dtype) and not (s.dtype == object and not s.map(_is_text_or_missing).all()):
        txt = s.astype("str")
        ok = txt.str.fullmatch(NUMBER_PATTERN).fillna(False).to_numpy(dtype=bool)
        v = np.full(len(s), np.nan)
        if ok.any():
            v[ok] = txt[ok].str.strip(" \t").astype("float64").to_numpy()
    else:
        v = np.array([np.nan if (x := weight_value(e)) is None else x for e in s], dtype=float)
    with np.errstate(invalid="ignore"):
        valid = np.isfinite(v) & (v >= 0)
    return np.where(valid, v, 0.0), ~valid


def _is_text_or_missing(v) -> bool:
    return isinstance(v, str) or v is None


# ---------------------------------------------------------------------------
# counts and seeds of the API functions


def check_count(value, name: str, minimum: int = 1) -> int:
    """`value` as an int ``>= minimum``, else a helixnet error naming the argument.

    Accepts Python and numpy integers (not bools, floats or text); anything
    else, or a value below `minimum`, raises :class:`HelixnetValueError` (the
    contract of the API's count arguments since 0.1: catch ``ValueError``).

    Examples
    --------
    >>> check_count(99, "n_null")
    99
    >>> check_count("5", "n_null")
    Traceback (most recent call last):
    ...
    helixnet.exceptions.HelixnetValueError: n_null must be an integer >= 1, got '5' (str)
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, Integral):
        raise HelixnetValueError(f"{name} must be an integer >= {minimum}, got {value!r} ({type(value).__name__})")
    if value < minimum:
        raise HelixnetValueError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return int(value)


def check_seed(seed, name: str = "seed", generator: bool = True):
    """`seed` if it is None, a non-negative integer or (with `generator`) a numpy Generator.

    Anything else raises :class:`HelixnetValueError` (as the API's seeds always did).

    Examples
    --------
    >>> check_seed(0), check_seed(None)
    (0, None)
    >>> check_seed(-1)
    Traceback (most recent call last):
    ...
    helixnet.exceptions.HelixnetValueError: seed must be None, a non-negative integer or a numpy Generator, got -1
    """
    if seed is None or (generator and isinstance(seed, np.random.Generator)):
        return seed
    kinds = "None, a non-negative integer or a numpy Generator" if generator else "None or a non-negative integer"
    why = f"{name} must be {kinds}, got {seed!r}"
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, Integral) or seed < 0:
        raise HelixnetValueError(why)
    return int(seed)


def rng_from_seed(seed, required: str | None = None):
    """The numpy Generator of `seed` (None, a non-negative integer or a Generator, checked by :func:`check_seed`).

    The one place every random step of helixnet turns a seed into a Generator.
    With `required` (what needs the seed, e.g. ``"permutation p-values"``),
    ``None`` is refused with a message naming it.

    Examples
    --------
    >>> bool(rng_from_seed(0).integers(10) == rng_from_seed(0).integers(10))
    True
    >>> rng_from_seed(None, required="permutation p-values")
    Traceback (most recent call last):
    ...
    helixnet.exceptions.HelixnetValueError: permutation p-values need a seed: a non-negative integer or a numpy Generator
    """
    if seed is None and required:
        raise HelixnetValueError(f"{required} need a seed: a non-negative integer or a numpy Generator")
    seed = check_seed(seed)
    return seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)


# ---------------------------------------------------------------------------
# dimension columns

# pandas.api.types.infer_dtype kinds whose values are all scalars (hashable categories)
_SCALAR_KINDS = {
    "string", "bytes", "floating", "integer", "mixed-integer-float", "decimal", "complex",
    "categorical", "boolean", "datetime64", "datetime", "date", "timedelta64", "timedelta",
    "time", "period", "interval", "empty",
}  # fmt: skip


def check_scalar_columns(frame, columns, where: str = "the records") -> None:
    """Raise unless every value of the `columns` of `frame` can be a category.

    A dimension (or group, or player) takes one category per record: text, a
    number, a date. A list, array, dict or other unhashable value (a Parquet
    list or struct column) raises :class:`InvalidRecordsError` naming the
    column, the row and the value. Only object columns are scanned, and only
    when pandas cannot tell them apart from scalars.
    """
    import pandas as pd

    from helixnet.exceptions import InvalidRecordsError

    for col in columns:
        s = frame[col]
        if s.dtype != object or pd.api.types.infer_dtype(s, skipna=True) in _SCALAR_KINDS:
            continue
        for label, v in s.items():
            try:
                hash(v)
            except TypeError:
                raise InvalidRecordsError(
                    f"{where}: column {col!r} holds {type(v).__name__} values (row {label!r}: "
                    f"{str(v)[:60]}); a dimension needs one category (text or a number) per record, "
                    "not a list or a nested record"
                ) from None
