"""Figures of information measures: Venn diagrams, T with intervals, decompositions, Shapley values, T over time."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from helixnet.exceptions import HelixnetTypeError, InvalidTableError

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from helixnet._typing import Unit
    from helixnet.information import BootstrapResult, DecompositionResult, ShapleyResult, SynergyResult
    from helixnet.networks import VennCounts
from helixnet.plot._base import (
    CATEGORY_PALETTE,
    SECTOR_PALETTE,
    new_axes,
    pretty,
    require_columns,
)

__all__ = [
    "venn3",
    "synergy_interval",
    "decomposition_bars",
    "shapley_bars",
    "synergy_over_time",
]

# --------------------------------------------------------------------------- synergy


_VENN_KEYS = ("U", "I", "G", "UI", "UG", "IG", "UIG")


def venn3(
    counts: Mapping[str, float] | VennCounts | SynergyResult,
    *,
    t_values: Mapping[str, float] | None = None,
    none: float = 0,
    unit: Unit = "mbit",
    labels: Sequence[str] = ("U", "I", "G"),
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Three-set Venn diagram of sector overlaps, annotated with every T.

    The seven regions hold the counts of relationships joining exactly those
    sectors (Leydesdorff's co-authorship Venn: U, I, G, UI, UG, IG, UIG); the
    box beside lists the mutual informations T_UI, T_UG, T_IG and T_UIG
    (negative T_UIG = synergy). Circles are drawn with equal size: areas are
    not proportional to counts.

    Parameters
    ----------
    counts : mapping, VennCounts or SynergyResult
        Keys ``"U", "I", "G", "UI", "UG", "IG", "UIG"`` (missing keys count 0);
        or the result of :func:`helixnet.networks.venn_counts` (its cells and
        ``none``), or a :class:`helixnet.SynergyResult` of a 2x2x2
        presence/absence table with axes U, I, G (its cells).
    t_values : mapping, optional
        ``{"UI": ..., "UG": ..., "IG": ..., "UIG": ...}`` in `unit`; computed
        from `counts` and `none` with :func:`helixnet.synergy` when omitted.
    none : float
        Count of cases with none of the three attributes (only used to
        compute T; written under the diagram).
    unit : {"bit", "mbit", "nat"}
        Unit of the T values.
    labels : sequence of 3 str
        Names of the three sets.
    title : str, optional
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Three ``Circle`` patches with gids ``"venn-U"``, ``"venn-I"``,
        ``"venn-G"``.

    Raises
    ------
    helixnet.InvalidTableError
        If `counts` has an unknown key or a negative count.

    See Also
    --------
    synergy_interval, helixnet.venn_table

    References
    ----------
    Leydesdorff L. (2003). The mutual information of university-industry-
    government relations: an indicator of the Triple Helix dynamics.
    Scientometrics 58(2):445–467. doi:10.1023/A:1026253130577

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> ax = plot.venn3({"U": 5, "I": 3, "G": 2, "UI": 1, "UG": 4, "IG": 2, "UIG": 1},
    ...                 t_values={"UI": 1.0, "UG": 2.0, "IG": 3.0, "UIG": -4.0})
    >>> sorted(p.get_gid() for p in ax.patches if p.get_gid())
    ['venn-G', 'venn-I', 'venn-U']
    >>> plt.close("all")
    """
    cells_in: Any = counts  # duck-typed: a result object or a table
    from matplotlib.patches import Circle

    if hasattr(cells_in, "cells") and hasattr(cells_in, "none"):  # helixnet.networks.venn_counts
        cells_in, none = cells_in.cells, cells_in.none
    elif hasattr(cells_in, "table") and hasattr(cells_in, "mutual_information"):  # a SynergyResult
        cells_in, none = _venn_cells_of(cells_in)
    unknown = set(map(str, cells_in)) - set(_VENN_KEYS)
    if unknown:
        raise InvalidTableError(f"venn3: unknown region key(s) {sorted(unknown)}; expected {list(_VENN_KEYS)}")
    c = {k: float(cells_in.get(k, 0)) for k in _VENN_KEYS}
    bad = {k: v for k, v in c.items() if not v >= 0}
    if bad:
        raise InvalidTableError(f"venn3: negative or NaN count(s) {bad}")
    if t_values is None:
        from helixnet.information._measures import synergy, venn_table

        res = synergy(venn_table(c, none=none), dims=("U", "I", "G"), unit=unit)
        t_values = {
            "UI": res.mutual_information("U", "I"),
            "UG": res.mutual_information("U", "G"),
            "IG": res.mutual_information("I", "G"),
            "UIG": res.T,
        }
    ax = new_axes(ax, figsize=(6.6, 4.4))
    r = 1.0
    centres = {"U": (-0.55, 0.32), "I": (0.55, 0.32), "G": (0.0, -0.63)}
    for key, name in zip(("U", "I", "G"), labels):
        cx, cy = centres[key]
        circle = Circle((cx, cy), r, facecolor=SECTOR_PALETTE[key], alpha=0.28,
                        edgecolor=SECTOR_PALETTE[key], linewidth=2)
        circle.set_gid(f"venn-{key}")
        ax.add_patch(circle)
        dx, dy = (cx, cy)
        norm = math.hypot(dx, dy) or 1.0
        ax.text(cx + dx / norm * 1.2, cy + dy / norm * 1.2, name, ha="center", va="center",
                fontsize="large", fontweight="bold", color=SECTOR_PALETTE[key])
    spots = {
        "U": (-1.0, 0.55), "I": (1.0, 0.55), "G": (0.0, -1.15),
        "UI": (0.0, 0.78), "UG": (-0.62, -0.32), "IG": (0.62, -0.32), "UIG": (0.0, 0.0),
    }
    for k, (x, y) in spots.items():
        ax.text(x, y, f"{c[k]:g}", ha="center", va="center", fontsize="small")
    ax.set_xlim(-1.8, 1.8)
    ax.set_ylim(-1.9, 1.6)
    ax.set_aspect("equal")
    ax.set_axis_off()
    u = {"bit": "bits", "mbit": "mbit", "nat": "nats"}.get(unit, unit)
    lines = [f"T$_{{{k}}}$ = {float(t_values[k]):+.2f} {u}" for k in ("UI", "UG", "IG", "UIG") if k in t_values]
    lines.append("negative T$_{UIG}$ = synergy")
    lines.append(f"outside all three: {none:g}")
    ax.text(1.02, 0.5, "\n".join(lines), transform=ax.transAxes, ha="left", va="center", fontsize="small",
            bbox={"boxstyle": "round", "fc": "#F5F5F5", "ec": "#CCCCCC"})
    ax.set_title(title or "Sector overlaps of relationships")
    return ax


def _sign_of_r(ks, quantity):
    """Per value, the factor that turns it into the mutual redundancy R = (-1)^(k+1) T.

    `quantity` "R" means the values already are R (factor 1); `ks` are the
    numbers of dimensions of each value (3 when unknown).
    """
    import numpy as np

    ks = np.asarray(ks, dtype=int)
    return np.ones(len(ks)) if quantity == "R" else np.where(ks % 2 == 1, 1.0, -1.0)


def _synergy_axis_label(quantity, ks, u):
    """Axis label that names the quantity and how to read its sign.

    Leydesdorff & Ivanova (2014, JASIST 65(2), 386-399, doi:10.1002/asi.22973):
    the mutual redundancy R = (-1)^(k+1) T is negative for synergy in every
    number of dimensions k; T itself is negative for synergy only when k is
    odd (R = T for three dimensions, R = -T for four).
    """
    ks = sorted({int(k) for k in ks})
    if quantity == "R":
        return f"R ({u}), mutual redundancy; negative = synergy"
    if all(k % 2 == 1 for k in ks):
        return f"T ({u}); negative = synergy"
    if len(ks) == 1 and ks[0] >= 4:
        return f"T ({u}), {ks[0]}-D; positive = synergy (R = −T)"
    return f"T ({u}); synergy (k ≥ 3) where R = (−1)^(k+1)·T < 0"


def _dims_of(df, k, n, default=3):
    """Number of dimensions of each of `n` rows: column `k` if present, else `default`."""
    import numpy as np

    if k is not None and k in df:
        return df[k].astype(int).to_numpy()
    return np.full(n, int(default))


def _venn_cells_of(res):
    """(Venn counts, none) of a SynergyResult's 2x2x2 presence/absence table (axes U, I, G; 1 = present)."""
    import numpy as np

    table = np.asarray(res.table)
    if table.shape != (2, 2, 2):
        raise InvalidTableError(f"venn3 needs a 2x2x2 presence/absence table, got shape {table.shape}")
    cells = {key: float(table[tuple(int(d in key) for d in "UIG")]) for key in _VENN_KEYS}
    return cells, float(table[0, 0, 0])


def synergy_interval(
    data: pd.DataFrame | BootstrapResult,
    *,
    label: str = "label",
    estimate: str = "T",
    low: str = "low",
    high: str = "high",
    unit: str = "mbit",
    k: str = "k",
    n_dims: int = 3,
    ax: Axes | None = None,
) -> Axes:
    """Point estimates of T (or R) with their bootstrap confidence intervals.

    The axis label names the quantity and its sign reading: the mutual
    redundancy :math:`R = (-1)^{k+1} T` is negative for synergy in every
    number of dimensions k, T only for odd k (Leydesdorff & Ivanova 2014).
    Estimates read as synergy are drawn in the government colour.

    Parameters
    ----------
    data : pandas.DataFrame or helixnet.information.BootstrapResult
        One row per estimate with columns `label`, `estimate`, `low`, `high`;
        or a result of :func:`helixnet.bootstrap` (drawn in its own unit) or
        its ``to_frame()`` (columns ``subset, estimate, ci_low, ci_high``),
        drawn subset by subset.
    label, estimate, low, high : str
        Column names. An `estimate` column named ``"R"`` or
        ``"redundancy"`` is read as R, any other as T.
    unit : str
        Unit of the values, for the axis label.
    k : str
        Column with each estimate's number of dimensions, used when present.
    n_dims : int
        Number of dimensions of every estimate when there is no `k` column.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    helixnet.InvalidTableError
        If a column is missing.

    See Also
    --------
    venn3, synergy_over_time

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> df = pd.DataFrame({"label": ["T_UIG"], "T": [-12.0], "low": [-20.0], "high": [-3.0]})
    >>> ax = plot.synergy_interval(df)
    >>> ax.get_xlabel()
    'T (mbit); negative = synergy'

    In four dimensions a positive T is synergy, and the label says so:

    >>> ax = plot.synergy_interval(df.assign(T=[12.0], low=[3.0], high=[20.0]), n_dims=4)
    >>> ax.get_xlabel()
    'T (mbit), 4-D; positive = synergy (R = −T)'
    >>> plt.close("all")
    """
    frame: Any = data  # duck-typed: a result object or a table
    import numpy as np

    if hasattr(frame, "to_frame") and hasattr(frame, "unit") and not hasattr(frame, "columns"):
        unit = frame.unit  # a BootstrapResult: its own unit
        frame = frame.to_frame()
    if {"subset", "estimate", "ci_low", "ci_high"} <= set(frame.columns) and label not in frame:
        # helixnet.bootstrap's table: T of each subset with its interval
        label, estimate, low, high = "subset", "estimate", "ci_low", "ci_high"
    require_columns(frame, [label, estimate, low, high], "synergy_interval")
    df = frame.reset_index(drop=True)
    ax = new_axes(ax, figsize=(6.0, 0.5 * len(df) + 1.4))
    y = np.arange(len(df))
    est = df[estimate].astype(float).to_numpy()
    lo = df[low].astype(float).to_numpy()
    hi = df[high].astype(float).to_numpy()
    quantity = "R" if estimate in ("R", "redundancy") else "T"
    ks = _dims_of(df, k, len(df), n_dims)
    # synergy (coloured) needs three or more dimensions and R < 0
    colors = [SECTOR_PALETTE["G"] if r < 0 and kk >= 3 else CATEGORY_PALETTE[1]
              for r, kk in zip(est * _sign_of_r(ks, quantity), ks)]
    ax.hlines(y, lo, hi, colors=colors, linewidth=2.5)
    ax.scatter(est, y, c=colors, s=45, zorder=3)
    for yi, e, l_, h_ in zip(y, est, lo, hi):
        ax.annotate(f"{e:+.2f} [{l_:+.2f}, {h_:+.2f}]", (h_, yi), textcoords="offset points",
                    xytext=(6, 0), va="center", fontsize="x-small")
    ax.axvline(0, color="#555555", linewidth=0.8, linestyle="--")
    ax.set_yticks(y, [str(v) for v in df[label]])
    ax.invert_yaxis()
    span = max(np.nanmax(np.abs(np.r_[lo, hi, 0.0])), 1e-9)
    ax.set_xlim(min(np.nanmin(lo), 0) - 0.1 * span, max(np.nanmax(hi), 0) + 0.9 * span)
    ax.set_ylim(len(df) - 0.4, -0.6)
    u = {"bit": "bits", "nat": "nats"}.get(unit, unit)
    ax.set_xlabel(_synergy_axis_label(quantity, ks, u))
    ax.set_title(("Mutual redundancy" if quantity == "R" else "Mutual information") + " with bootstrap interval")
    return ax


def decomposition_bars(
    data: pd.DataFrame | DecompositionResult,
    *,
    group: str = "group",
    contribution: str = "contribution",
    between: float | None = None,
    unit: str = "mbit",
    n_dims: int = 3,
    ax: Axes | None = None,
) -> Axes:
    """Within-group contributions and the between-group term of T, as bars.

    Parameters
    ----------
    data : pandas.DataFrame or helixnet.DecompositionResult
        One row per group with columns `group` and `contribution`
        (``weight x T_g``); or a result of :func:`helixnet.decompose` (its
        groups, with its between-group term and unit), or its
        ``to_frame()`` (one bar per additive term).
    group, contribution : str
        Column names.
    between : float, optional
        The between-group term ΔT, drawn as a last, hatched bar.
    unit : str
        Unit for the axis label.
    n_dims : int
        Number of dimensions of T, for the sign reading in the axis label
        (negative = synergy for odd numbers, positive for even ones).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    helixnet.InvalidTableError
        If a column is missing.

    See Also
    --------
    shapley_bars, helixnet.decompose

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> df = pd.DataFrame({"group": ["north", "south"], "contribution": [-3.0, 1.0]})
    >>> ax = plot.decomposition_bars(df, between=-2.0)
    >>> len(ax.patches)
    3
    >>> plt.close("all")
    """
    frame: Any = data  # duck-typed: a result object or a table
    import numpy as np
    import pandas as pd

    if hasattr(frame, "groups") and hasattr(frame, "between") and hasattr(frame, "unit"):  # DecompositionResult
        unit, between = frame.unit, frame.between if between is None else between
        frame = frame.groups
    if (group, contribution) == ("group", "contribution") and {"term", "level", "value"} <= set(frame.columns):
        # DecompositionResult.to_frame(): one bar per additive term
        frame = pd.DataFrame({"group": [f"{t} ({lv})" for t, lv in zip(frame["term"], frame["level"])],
                             "contribution": frame["value"]})
    require_columns(frame, [group, contribution], "decomposition_bars")
    names = [str(g) for g in frame[group]]
    values = list(frame[contribution].astype(float))
    if between is not None:
        names.append("between groups (ΔT)")
        values.append(float(between))
    ax = new_axes(ax, figsize=(6.4, 0.45 * len(values) + 1.4))
    y = np.arange(len(values))
    colors = [SECTOR_PALETTE["G"] if v < 0 else CATEGORY_PALETTE[1] for v in values]
    bars = ax.barh(y, values, color=colors, height=0.7)
    if between is not None:
        bars[-1].set_hatch("//")
        bars[-1].set_edgecolor("white")
    ax.axvline(0, color="#555555", linewidth=0.8)
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    u = {"bit": "bits", "nat": "nats"}.get(unit, unit)
    ax.set_xlabel("Contribution to " + _synergy_axis_label("T", [n_dims], u))
    ax.set_title(f"Decomposition of T: total {sum(values):+.3g} {u}")
    return ax


def shapley_bars(
    values: ShapleyResult | pd.DataFrame | pd.Series, *, unit: str = "mbit", ax: Axes | None = None
) -> Axes:
    """Shapley values of the players (regions, sectors), sorted, as bars.

    Parameters
    ----------
    values : ShapleyResult, pandas.DataFrame or pandas.Series
        The result of :func:`helixnet.shapley` (its unit is used and each
        player's number of records is shown beside its name) or its
        ``to_frame()`` (columns ``player``, ``n``, ``shapley``), or a Series
        of values per player (index = player).
    unit : str
        Unit for the axis label when `values` is a Series.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    helixnet.HelixnetTypeError
        If `values` is not a pandas Series.

    See Also
    --------
    decomposition_bars, helixnet.shapley

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> ax = plot.shapley_bars(pd.Series({"a": -2.0, "b": 0.5}))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['a', 'b']
    >>> plt.close("all")
    """
    import numpy as np
    import pandas as pd

    sizes = None
    if not isinstance(values, pd.DataFrame) and hasattr(values, "shapley") and hasattr(values, "n"):
        unit, sizes = values.unit, values.n
        values = values.shapley
    elif isinstance(values, pd.DataFrame) and "shapley" in values:  # ShapleyResult.to_frame()
        frame = values.set_index("player") if "player" in values else values
        sizes = frame["n"] if "n" in frame else None
        values = frame["shapley"]
    elif isinstance(values, pd.DataFrame) and values.shape[1] == 1:  # a Series' to_frame()
        values = values.iloc[:, 0]
    if not isinstance(values, pd.Series):
        raise HelixnetTypeError(f"shapley_bars needs a ShapleyResult or a pandas Series, got {type(values).__name__}")
    s = values.astype(float).sort_values(kind="stable")
    ax = new_axes(ax, figsize=(6.0, 0.4 * len(s) + 1.4))
    y = np.arange(len(s))
    colors = [SECTOR_PALETTE["G"] if v < 0 else CATEGORY_PALETTE[1] for v in s]
    ax.barh(y, s.to_numpy(), color=colors, height=0.7)
    ax.axvline(0, color="#555555", linewidth=0.8)
    ax.set_yticks(y, [str(i) if sizes is None else f"{i} (n = {sizes[i]:g})" for i in s.index])
    ax.invert_yaxis()
    u = {"bit": "bits", "nat": "nats"}.get(unit, unit)
    ax.set_xlabel(f"Shapley value ({u}); the values sum to T = {s.sum():+.3g}")
    ax.set_title("Shapley values of T")
    return ax


def synergy_over_time(
    data: pd.DataFrame,
    *,
    x: str = "year",
    y: str = "T",
    low: str | None = None,
    high: str | None = None,
    hue: str | None = None,
    unit: str = "mbit",
    k: str = "k",
    n_dims: int = 3,
    ax: Axes | None = None,
) -> Axes:
    """T (or R) over time for one or several series, with an optional interval band.

    The axis label names the quantity and its sign reading, as in
    :func:`synergy_interval`: R (a `y` column named ``"R"`` or
    ``"redundancy"``) is negative for synergy in any number of dimensions,
    T only for odd numbers (in four dimensions a positive T is synergy).

    Parameters
    ----------
    data : pandas.DataFrame
        Columns `x`, `y`, and optionally `low`/`high` (interval) and `hue`
        (series name), e.g. :func:`helixnet.bibliometrics.synergy_table`
        (whose ``ci_low``/``ci_high`` are drawn when `low`/`high` are not
        given).
    x, y, low, high, hue : str
        Column names.
    unit : str
        Unit for the axis label.
    k : str
        Column with the number of dimensions of each value, used when present
        (e.g. in :func:`helixnet.bibliometrics.synergy_table`).
    n_dims : int
        Number of dimensions when there is no `k` column.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        One line per series.

    Raises
    ------
    helixnet.InvalidTableError
        If a column is missing.

    See Also
    --------
    synergy_interval

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> df = pd.DataFrame({"year": [2000, 2001, 2002], "T": [-1.0, -2.0, -1.5]})
    >>> ax = plot.synergy_over_time(df)
    >>> len(ax.get_lines()) >= 1
    True
    >>> plt.close("all")
    """
    if low is None and high is None and {"ci_low", "ci_high"} <= set(data.columns):
        low, high = "ci_low", "ci_high"  # helixnet.bibliometrics.synergy_table's interval
    cols = [x, y] + [c for c in (low, high, hue) if c]
    require_columns(data, cols, "synergy_over_time")
    ax = new_axes(ax, figsize=(6.4, 3.6))
    groups = [(None, data)] if hue is None else list(data.groupby(hue, sort=True))
    for i, (name, part) in enumerate(groups):
        part = part.sort_values(x)
        color = CATEGORY_PALETTE[i % len(CATEGORY_PALETTE)] if hue else SECTOR_PALETTE["G"]
        ax.plot(part[x], part[y].astype(float), marker="o", color=color,
                label=str(name if not isinstance(name, tuple) else name[0]) if hue else "T")
        if low and high:
            ax.fill_between(part[x], part[low].astype(float), part[high].astype(float), color=color, alpha=0.2,
                            linewidth=0)
    ax.axhline(0, color="#555555", linewidth=0.8, linestyle="--")
    u = {"bit": "bits", "nat": "nats"}.get(unit, unit)
    ks = _dims_of(data, k, len(data), n_dims)
    ax.set_ylabel(_synergy_axis_label("R" if y in ("R", "redundancy") else "T", ks, u))
    ax.set_xlabel(pretty(x))
    ax.set_title("Triple Helix synergy over time")
    if hue:
        ax.legend(title=pretty(hue), fontsize="small")
    return ax
