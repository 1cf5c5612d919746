"""The one JSON sanitiser: any result value as plain, strict JSON types.

Every ``to_dict()`` of a helixnet result, the command line's JSON output and
``helixnet reproduce``'s ``summary.json`` pass their values through
:func:`jsonable`, so that one rule decides how a value becomes JSON:

* mappings become dicts with string keys, lists/tuples/arrays become lists,
  a DataFrame its records, a Series its ``{index: value}`` dict, and an
  object with ``to_dict()`` (a helixnet result) that dict;
* numpy scalars become Python ones; NaN, infinities, ``None``, ``pd.NA`` and
  ``pd.NaT`` become ``None`` (JSON null), so ``json.dumps(..., allow_nan=False)``
  always succeeds;
* floats are kept as they are unless `significant` (significant digits) or
  `decimals` (decimal places, with ``-0.0`` written as ``0.0``) asks for
  rounding, which fixes files byte for byte across platforms;
* strings, booleans and integers are kept; anything else becomes its ``str``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

__all__ = ["jsonable", "records"]


def jsonable(obj: Any, *, significant: int | None = None, decimals: int | None = None) -> Any:
    """`obj` as plain JSON types (see the module docstring for the rules).

    Parameters
    ----------
    obj : object
        A scalar, container, DataFrame/Series, array or helixnet result.
    significant : int, optional
        Round every float to this many significant digits.
    decimals : int, optional
        Round every float to this many decimal places (and write -0.0 as 0.0).

    Examples
    --------
    >>> import numpy as np
    >>> jsonable({"a": np.float64("nan"), 1: (np.int64(2), np.bool_(True))})
    {'a': None, '1': [2, True]}
    >>> jsonable(1 / 3, significant=4), jsonable(-1e-13, decimals=12)
    (0.3333, 0.0)
    """
    return _convert(obj, significant, decimals)


def records(frame: Any, index: bool = False, **rounding: int | None) -> list:
    """A DataFrame as a list of JSON-safe row dicts (the index first as columns when `index`)."""
    if index:
        frame = frame.reset_index()
    return [_convert(r, rounding.get("significant"), rounding.get("decimals"))
            for r in frame.to_dict(orient="records")]


def _convert(obj, significant, decimals):
    if isinstance(obj, str):
        return obj
    if isinstance(obj, Mapping):
        return {_key(k): _convert(v, significant, decimals) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_convert(v, significant, decimals) for v in obj]
    if obj is None:
        return None
    if isinstance(obj, bool):
        return obj
    if isinstance(obj, int):
        return int(obj)
    if isinstance(obj, float):
        return _float(obj, significant, decimals)
    import numpy as np

    if isinstance(obj, np.bool_):
        return bool(obj)
    if isinstance(obj, np.integer):
        return int(obj)
    if isinstance(obj, np.floating):
        return _float(float(obj), significant, decimals)
    if isinstance(obj, np.ndarray):
        return _convert(obj.tolist(), significant, decimals)
    import pandas as pd

    if obj is pd.NA or obj is pd.NaT:
        return None
    if isinstance(obj, pd.DataFrame):
        return _convert(obj.to_dict(orient="records"), significant, decimals)
    if isinstance(obj, pd.Series):
        return _convert(obj.to_dict(), significant, decimals)
    if isinstance(obj, np.generic):
        return _convert(obj.item(), significant, decimals)
    if hasattr(obj, "to_dict"):
        return _convert(obj.to_dict(), significant, decimals)
    return str(obj)


def _float(x: float, significant, decimals):
    if not math.isfinite(x):
        return None
    x = float(x)
    if significant is not None:
        x = float(f"{x:.{significant}g}")
    if decimals is not None:
        x = round(x, decimals) + 0.0
    return x


def _key(k) -> str:
    if isinstance(k, str):
        return k
    import numpy as np

    if isinstance(k, np.generic):
        k = k.item()
    return str(k)
