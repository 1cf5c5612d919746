"""The one protocol of helixnet's result types.

Every result a public function returns (``SynergyResult``, ``BootstrapResult``,
``PermutationResult``, ..., the hierarchy measures, the case study's
reports) derives from :class:`Result` and so offers:

* ``to_frame()`` -- its main table as a :class:`pandas.DataFrame` (each
  type documents the columns; results holding several tables name the
  others in their attributes or a ``tables()`` method);
* ``to_dict()`` -- a dict of plain JSON types, through the one sanitiser
  :func:`helixnet._jsonable.jsonable` (NaN becomes ``None``, so
  ``json.dumps(result.to_dict(), allow_nan=False)`` always works). Keys use
  one vocabulary: ``dimensions`` (the dimension names), ``n`` (cases or
  total weight), ``unit``, ``seed`` and the names of the attributes;
* ``__repr__`` -- one line: the type and its key numbers;
* ``_repr_html_`` -- for notebooks: the repr and ``to_frame()`` as an HTML
  table, every text escaped.

A subclass implements ``to_frame`` and ``to_dict`` (returning
``jsonable({...})``) and lists the attributes its repr shows in
``_repr_fields``; it may override ``__repr__`` with a richer line.
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Result", "MeasureDict", "seed_value", "short_repr"]

#: Most rows of ``to_frame()`` shown by ``_repr_html_`` (the first and last half).
HTML_MAX_ROWS = 60


class Result:
    """Base of every helixnet result type (see the module docstring)."""

    __slots__ = ()
    #: Attributes shown by the default ``__repr__``, in order.
    _repr_fields: tuple = ()

    def to_frame(self) -> pd.DataFrame:
        """The result's main table."""
        raise NotImplementedError(f"{type(self).__name__}.to_frame")

    def to_dict(self) -> dict:
        """Every number and setting as a dict of plain JSON types (NaN becomes None)."""
        raise NotImplementedError(f"{type(self).__name__}.to_dict")

    def __repr__(self) -> str:
        parts = ", ".join(f"{name}={short_repr(getattr(self, name))}" for name in self._repr_fields)
        return f"{type(self).__name__}({parts})"

    def _repr_html_(self) -> str:
        import pandas as pd

        frame = self.to_frame()
        plain_index = isinstance(frame.index, pd.RangeIndex) and frame.index.name is None
        table = frame.to_html(escape=True, max_rows=HTML_MAX_ROWS, border=0, index=not plain_index)
        return (f'<div class="helixnet-result"><p><code>{html.escape(repr(self))}</code></p>\n'
                f"{table}\n</div>")


class MeasureDict(Result, dict):
    """A dict ``{measure: value}`` with the result protocol (for functions that return named numbers).

    Everything a dict does works (indexing, ``dict(m)``, iteration, equality
    with a dict); :meth:`to_frame` gives one row per measure (columns
    ``metric``, ``value``), :meth:`to_dict` a plain dict with NaN as None.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(" + ", ".join(f"{k}={short_repr(v)}" for k, v in self.items()) + ")"

    def to_frame(self) -> pd.DataFrame:
        """One row per measure: ``metric``, ``value``."""
        import pandas as pd

        return pd.DataFrame({"metric": list(self), "value": [float(v) for v in self.values()]})

    def to_dict(self) -> dict:
        """A plain dict of the measures (NaN becomes None)."""
        from helixnet._jsonable import jsonable

        return jsonable(dict(self))


def seed_value(seed: Any) -> int | None:
    """A seed as JSON records it: an integer, or None (no seed, or a Generator's state)."""
    import numpy as np

    if isinstance(seed, (bool, np.bool_)):
        return None
    if isinstance(seed, (int, np.integer)):
        return int(seed)
    return None


def short_repr(value: Any) -> str:
    """A value as a repr shows it: numbers to 6 significant digits, tables by their shape."""
    import numpy as np

    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (float, np.floating)):
        x = float(value)
        return repr(float(f"{x:.6g}")) if math.isfinite(x) else str(x)
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, tuple):
        return repr([v.item() if isinstance(v, np.generic) else v for v in value])
    shape = getattr(value, "shape", None)
    if shape is not None and not isinstance(value, str):
        return f"<{type(value).__name__} {'x'.join(map(str, shape))}>"
    if isinstance(value, (dict, list)) and len(value) > 8:
        return f"<{type(value).__name__} of {len(value)}>"
    return repr(value)
