"""Type aliases shared by the layers' signatures (for type checkers only).

Import them under ``if TYPE_CHECKING:``; with ``from __future__ import
annotations`` the signatures that name them cost nothing at run time, so
``import helixnet`` stays light (no numpy, pandas or matplotlib).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Literal, TypeAlias

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from numpy.typing import ArrayLike

#: Unit of an information measure: bits, millibits or nats.
Unit: TypeAlias = Literal["bit", "mbit", "nat"]
#: A random seed: None (fresh entropy), a non-negative integer or a numpy Generator.
Seed: TypeAlias = "int | np.random.Generator | None"
#: A file name as the standard library accepts it.
PathLike: TypeAlias = "str | os.PathLike[str]"
#: A table of counts or records: an N-d array, a crosstab or records DataFrame, a MultiIndex Series.
TableLike: TypeAlias = "ArrayLike | pd.DataFrame | pd.Series"
#: Entropy bias correction (None: the plug-in estimate).
Bias: TypeAlias = Literal["miller-madow"]
#: Direction of a test's alternative hypothesis.
Alternative: TypeAlias = Literal["two-sided", "greater", "less"]
#: How an actor graph's ties are read: directed flows or undirected relationships.
Reading: TypeAlias = Literal["flows", "relationships"]
#: Graph library a network measure is computed with.
Backend: TypeAlias = Literal["networkx", "igraph"]
