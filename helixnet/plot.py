"""Publication figures for Triple Helix analyses.

Every function draws on a matplotlib ``Axes`` (``ax=None`` makes a new
figure) and returns the axes it drew on, so figures compose into panels and
tests can inspect titles, labels, bars and nodes. Nothing here calls
``plt.show()`` or changes matplotlib's global settings: the publication
defaults (font sizes, 300 dpi, colour cycle, embedded TrueType fonts) apply
only inside ``with helixnet.plot.style():``.

One colour-blind-safe palette (Okabe & Ito 2008) codes the four sectors in
one order everywhere: U (science: universities, research institutes), I
(business), G (government), O (other).

Examples
--------
>>> import pandas as pd
>>> import matplotlib.pyplot as plt
>>> from helixnet import plot
>>> table2 = pd.DataFrame({
...     "sector": ["total", "public"],
...     "basic_research": [0.30, 0.20],
...     "applied_research": [0.54, 0.72],
...     "development": [0.16, 0.08]})
>>> with plot.style():
...     ax = plot.research_types(table2)
>>> ax.get_xlabel()
'Share of domestic R&D spending'
>>> [t.get_text() for t in ax.get_yticklabels()]
['Total', 'Public sector']
>>> plt.close("all")
"""

from __future__ import annotations

import math
import textwrap
from contextlib import contextmanager
from collections.abc import Mapping, Sequence

from helixnet._validation import SECTORS
from helixnet.exceptions import HelixnetTypeError, HelixnetValueError, InvalidTableError

__all__ = [
    "SECTOR_ORDER",
    "SECTOR_PALETTE",
    "SECTOR_LABELS",
    "CATEGORY_PALETTE",
    "TABLE_SECTOR_LABELS",
    "style",
    "save",
    "funding_sources",
    "cost_structure",
    "innovation_activity",
    "research_types",
    "funding_by_sector",
    "personnel",
    "plan_vs_actual",
    "international_comparison",
    "sector_layout",
    "shell_layout",
    "actor_network",
    "centrality_by_sector",
    "brokerage_profile",
    "mediation",
    "configuration_evidence",
    "sensitivity",
    "venn3",
    "synergy_interval",
    "decomposition_bars",
    "shapley_bars",
    "synergy_over_time",
]

#: Order of the sectors in every table, legend and axis.
SECTOR_ORDER = SECTORS

#: Okabe–Ito colours of the sectors (colour-blind safe): U blue, I orange,
#: G bluish green, O reddish purple.
SECTOR_PALETTE = {"U": "#0072B2", "I": "#E69F00", "G": "#009E73", "O": "#CC79A7"}

#: Legend names of the sectors.
SECTOR_LABELS = {
    "U": "U: science",
    "I": "I: business",
    "G": "G: government",
    "O": "O: other",
}

#: Okabe–Ito colours for categories that are not sectors (research types,
#: personnel groups, funding sources), in order; none repeats a sector colour
#: in the same role, so sector and category charts are never confused.
CATEGORY_PALETTE = ["#56B4E9", "#D55E00", "#F0E442", "#999999", "#000000", "#009E73"]

#: Display names of the sector rows of the paper's Tables 2–4.
TABLE_SECTOR_LABELS = {
    "total": "Total",
    "public": "Public sector",
    "higher_education": "Higher education",
    "entrepreneurial": "Entrepreneurial",
    "non_commercial": "Non-commercial",
}

_NOT_STATED_COLOR = "#DDDDDD"
_EDGE_STYLES = {"existing": "solid", "planned": "dashed", "absent": "dotted"}


# --------------------------------------------------------------------------- style


@contextmanager
def style(context: str = "paper", font_scale: float = 1.15, rc: Mapping | None = None):
    """Publication defaults for the figures drawn inside the ``with`` block.

    Seaborn's ``ticks`` style and the given plotting context, the Okabe–Ito
    colour cycle, 300 dpi when saving, a tight bounding box and TrueType
    fonts embedded in PDF. Global settings are restored on exit.

    Parameters
    ----------
    context : {"paper", "notebook", "talk", "poster"}
        Seaborn plotting context (font and line sizes).
    font_scale : float
        Multiplier of the context's font sizes.
    rc : mapping, optional
        Extra matplotlib rcParams, applied last.

    Returns
    -------
    contextmanager

    See Also
    --------
    save : write a figure as PNG and PDF without time stamps.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> from helixnet import plot
    >>> before = mpl.rcParams["savefig.dpi"]
    >>> with plot.style():
    ...     mpl.rcParams["savefig.dpi"]
    300.0
    >>> mpl.rcParams["savefig.dpi"] == before
    True
    """
    import matplotlib as mpl
    import seaborn as sns
    from cycler import cycler

    params = {}
    params.update(sns.axes_style("ticks"))
    params.update(sns.plotting_context(context, font_scale=font_scale))
    params.update(
        {
            "axes.prop_cycle": cycler(color=CATEGORY_PALETTE),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "legend.frameon": False,
            "savefig.dpi": 300,
            "savefig.bbox": "tight",
            "savefig.pad_inches": 0.05,
            "pdf.fonttype": 42,
            "ps.fonttype": 42,
            "svg.hashsalt": "helixnet",
            "figure.constrained_layout.use": False,
        }
    )
    if rc:
        params.update(rc)
    with mpl.rc_context(params):
        yield


def save(fig, stem, formats: Sequence[str] = ("png", "pdf"), dpi: int = 300) -> list:
    """Save `fig` as ``stem.png`` and ``stem.pdf`` without time stamps.

    The files carry no creation date or software version, so the same figure
    gives the same bytes on every run (PNG always; PDF with the same
    matplotlib version).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    stem : str or path-like
        Output path without extension.
    formats : sequence of str
        File types to write.
    dpi : int
        Resolution of raster formats.

    Returns
    -------
    list of pathlib.Path
        The files written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> fig, ax = plt.subplots()
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in plot.save(fig, folder / "empty", dpi=50)]
    ['empty.png', 'empty.pdf']
    >>> plt.close(fig)
    """
    from pathlib import Path

    stem = Path(stem)
    written = []
    for fmt in formats:
        if fmt == "png":
            metadata = {"Software": None}
        elif fmt == "pdf":
            metadata = {"Creator": None, "Producer": None, "CreationDate": None}
        elif fmt == "svg":
            metadata = {"Date": None, "Creator": None}
        else:
            metadata = None
        path = stem.with_name(f"{stem.name}.{fmt}")
        fig.savefig(path, format=fmt, dpi=dpi, metadata=metadata, bbox_inches="tight")
        written.append(path)
    return written


# --------------------------------------------------------------------------- helpers


def _new_axes(ax, figsize=(6.4, 4.0)):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize)
    return ax


def _new_axes_row(ax, n, figsize):
    """`n` axes in a row, or the `n` axes given."""
    import numpy as np

    if ax is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(1, n, figsize=figsize)
        return np.atleast_1d(axes)
    axes = np.atleast_1d(np.asarray(ax, dtype=object)).ravel()
    if axes.size != n:
        raise HelixnetValueError(f"ax must hold {n} axes for this figure, got {axes.size}")
    return axes


def _require_columns(df, columns, what):
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise HelixnetTypeError(f"{what} needs a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InvalidTableError(
            f"{what}: missing column(s) {', '.join(map(repr, missing))}; "
            f"available: {', '.join(map(str, df.columns))}"
        )


def _wrap(text, width=22):
    return "\n".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)


def _pretty(name):
    return str(name).replace("_", " ").capitalize()


def _fmt(value, unit="", digits=2):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return f"{text}{unit}"


def _sector_rows(df, column="sector"):
    """Rows of a Tables 2–4 style frame in the paper's order, with labels."""
    order = list(TABLE_SECTOR_LABELS)
    rank = {s: i for i, s in enumerate(order)}
    df = df.copy()
    df["_rank"] = [rank.get(str(s), len(order)) for s in df[column]]
    df = df.sort_values(["_rank"], kind="stable").drop(columns="_rank")
    labels = [TABLE_SECTOR_LABELS.get(str(s), _pretty(s)) for s in df[column]]
    return df, labels


def _annotate_barh(ax, bars, values, fmt, inside_min=0.06, color="black"):
    """Write each value at the end of (or inside) its horizontal bar."""
    xmax = max((b.get_x() + b.get_width() for b in bars), default=1.0) or 1.0
    for bar, value in zip(bars, values):
        w = bar.get_width()
        y = bar.get_y() + bar.get_height() / 2
        ax.text(
            bar.get_x() + w + 0.01 * xmax,
            y,
            fmt(value),
            va="center",
            ha="left",
            fontsize="small",
            color=color,
        )


def _stacked_barh(ax, labels, parts, part_labels, colors, value_fmt, min_label=0.06):
    """Horizontal 100 %-style stacked bars with the segment values written in."""
    import numpy as np

    y = np.arange(len(labels))
    left = np.zeros(len(labels))
    for values, name, color in zip(parts, part_labels, colors):
        values = np.nan_to_num(np.asarray(values, dtype=float))
        bars = ax.barh(y, values, left=left, color=color, label=name, edgecolor="white", height=0.7)
        for bar, v in zip(bars, values):
            if v >= min_label:
                ax.text(
                    bar.get_x() + bar.get_width() / 2,
                    bar.get_y() + bar.get_height() / 2,
                    value_fmt(v),
                    ha="center",
                    va="center",
                    fontsize="x-small",
                    color=_text_color(color),
                )
        left += values
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    return left


def _text_color(hex_color):
    """Black or white, whichever reads better on `hex_color`."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(hex_color)
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "black" if luminance > 0.45 else "white"


def _legend_below(ax, ncol=None, **kwargs):
    handles, labels = ax.get_legend_handles_labels()
    if not handles:
        return None
    return ax.legend(
        handles,
        labels,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.14),
        ncol=ncol or min(len(labels), 4),
        fontsize="small",
        **kwargs,
    )


# --------------------------------------------------------------------------- the paper's figures


def funding_sources(
    data,
    *,
    chart: str = "chart",
    label: str = "source",
    value: str = "share_percent",
    parent: str | None = "parent",
    key: str | None = None,
    titles: Mapping[str, str] | None = None,
    ax=None,
):
    """Fig. 1 of Dnishev et al. (2015): funding sources of R&D and of innovation.

    One horizontal bar chart per chart of the figure (R&D funding; funding of
    technological innovation), bars sorted by share, each labelled with its
    printed value. A source printed as a part of another ("including") is
    drawn hatched and indented under its parent, so shares that overlap are not
    read as adding up. The sum of the top-level shares is written under each
    chart: the paper's pies do not all add up to 100 %.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per (chart, source) with columns `chart`, `label`, `value`
        (percent) and, optionally, `parent` (the source this one is part of,
        empty for top-level sources).
    chart, label, value, parent : str
        Column names. `parent` may be None.
    key : str, optional
        Column of identifiers that `parent` refers to (default: `label`).
    titles : mapping, optional
        Title of each chart, keyed by the values of the `chart` column.
    ax : sequence of matplotlib Axes, optional
        One axes per chart; by default a new figure with one row of axes.

    Returns
    -------
    numpy.ndarray of matplotlib.axes.Axes
        One axes per chart, in order of first appearance.

    Raises
    ------
    helixnet.InvalidTableError
        If a column is missing.

    See Also
    --------
    cost_structure, innovation_activity

    References
    ----------
    Dnishev F. M., Alzhanova F. G., Alibekova G. Zh. (2015). Innovative
    development of Kazakhstan on the basis of triple helix and cluster
    approach. Economy of Region 2015(2).

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> df = pd.DataFrame({"chart": ["rd", "rd", "rd"],
    ...                    "source": ["budget", "grants", "own"],
    ...                    "share_percent": [60.0, 0.3, 33.3],
    ...                    "parent": ["", "budget", ""]})
    >>> (ax,) = plot.funding_sources(df)
    >>> len(ax.patches)
    3
    >>> plt.close("all")
    """
    import numpy as np
    import pandas as pd

    _require_columns(data, [chart, label, value], "funding_sources")
    key = key or label
    _require_columns(data, [key], "funding_sources")
    has_parent = parent is not None and parent in data.columns
    charts = list(dict.fromkeys(data[chart].astype(str)))
    axes = _new_axes_row(ax, len(charts), figsize=(5.2 * len(charts), 3.6))
    titles = dict(titles or {})
    for axis, name in zip(axes, charts):
        part = data[data[chart].astype(str) == name]
        records = [
            {
                "key": str(r[key]),
                "label": str(r[label]),
                "value": float(r[value]),
                "parent": (str(r[parent]) if has_parent and not pd.isna(r[parent]) else ""),
            }
            for r in part.to_dict("records")
        ]
        by_value = lambda recs: sorted(recs, key=lambda r: -r["value"])  # noqa: E731 (stable)
        top = by_value([r for r in records if r["parent"] == ""])
        rows = []  # (label, value, is_child)
        for rec in top:
            rows.append((rec["label"], rec["value"], False))
            for kid in by_value([r for r in records if r["parent"] == rec["key"]]):
                rows.append((kid["label"], kid["value"], True))
        top_keys = {r["key"] for r in top}
        for kid in records:  # sub-items whose parent is not in this chart
            if kid["parent"] and kid["parent"] not in top_keys:
                rows.append((kid["label"], kid["value"], True))
        y = np.arange(len(rows))
        colors = [CATEGORY_PALETTE[3] if child else CATEGORY_PALETTE[0] for *_, child in rows]
        bars = axis.barh(y, [r[1] for r in rows], color=colors, height=0.7)
        for bar, (_, _, child) in zip(bars, rows):
            if child:
                bar.set_hatch("///")
                bar.set_edgecolor("white")
        ylabels = [("   of which: " if child else "") + _wrap(_pretty(n), 28) for n, _, child in rows]
        axis.set_yticks(y, ylabels, fontsize="small")
        axis.invert_yaxis()
        _annotate_barh(axis, bars, [r[1] for r in rows], lambda v: _fmt(v, " %", 2))
        top_sum = sum(v for _, v, child in rows if not child)
        axis.set_xlim(0, max([r[1] for r in rows] + [1.0]) * 1.22)
        axis.set_xlabel(f"Share of funding, %  (top-level shares sum to {_fmt(top_sum, ' %', 2)})")
        axis.set_title(titles.get(name, _pretty(name)))
    return axes


def cost_structure(
    data,
    *,
    label: str = "item",
    value: str = "share_percent",
    total: float = 100.0,
    ax=None,
):
    """Fig. 2: structure of technological-innovation costs, with what is not stated.

    The paper states only some shares (machinery and equipment 67.3 %, R&D
    12.9 %, training 2 %); the figure itself did not survive. The stated
    values are drawn as bars and the remainder ``total - sum(stated)`` as a
    grey, hatched "not stated" bar, so nothing unknown is invented or hidden.

    Parameters
    ----------
    data : pandas.DataFrame
        Stated items: columns `label` and `value` (percent). Missing values
        (NaN) are treated as not stated and left out of the sum.
    label, value : str
        Column names.
    total : float
        What the shares add up to (100 for percent).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    helixnet.InvalidTableError
        If a column is missing or the stated shares exceed `total`.

    See Also
    --------
    funding_sources, innovation_activity

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> df = pd.DataFrame({"item": ["machinery", "r_and_d", "training"],
    ...                    "share_percent": [67.3, 12.9, 2.0]})
    >>> ax = plot.cost_structure(df)
    >>> [t.get_text() for t in ax.get_yticklabels()][-1]
    'Not stated'
    >>> round(float(ax.patches[-1].get_width()), 1)   # 100 - 67.3 - 12.9 - 2
    17.8
    >>> plt.close("all")
    """
    import numpy as np

    _require_columns(data, [label, value], "cost_structure")
    stated = data[[label, value]].copy()
    stated[value] = stated[value].astype(float)
    stated = stated[stated[value].notna()].sort_values(value, ascending=False, kind="stable")
    s = float(stated[value].sum())
    if s > total + 1e-9:
        raise InvalidTableError(
            f"cost_structure: the stated shares sum to {s:g}, more than total={total:g}"
        )
    names = [_wrap(_pretty(n), 28) for n in stated[label]] + ["Not stated"]
    values = list(stated[value]) + [total - s]
    ax = _new_axes(ax, figsize=(6.4, 0.5 * len(values) + 1.4))
    y = np.arange(len(values))
    colors = [CATEGORY_PALETTE[0]] * (len(values) - 1) + [_NOT_STATED_COLOR]
    bars = ax.barh(y, values, color=colors, height=0.7)
    bars[-1].set_hatch("xx")
    bars[-1].set_edgecolor("#888888")
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    _annotate_barh(ax, bars, values, lambda v: _fmt(v, " %", 1))
    ax.set_xlim(0, total * 1.12)
    ax.set_xlabel("Share of technological-innovation costs, %")
    ax.set_title("Structure of technological-innovation costs")
    ax.text(
        1.0,
        -0.2,
        f"Only the values the text states are shown; the remaining {_fmt(total - s, ' %', 1)} "
        "is not stated.",
        transform=ax.transAxes,
        ha="right",
        va="top",
        fontsize="x-small",
        color="#555555",
    )
    return ax


def innovation_activity(
    data, *, label: str = "activity", value: str = "share_percent", ax=None
):
    """Fig. 3: the main types of innovation activity of enterprises.

    Horizontal bars sorted by share, each labelled with its printed
    percentage.

    Parameters
    ----------
    data : pandas.DataFrame
        Columns `label` and `value` (percent).
    label, value : str
        Column names.
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
    cost_structure

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> df = pd.DataFrame({"activity": ["research", "design"], "share_percent": [8, 3]})
    >>> ax = plot.innovation_activity(df)
    >>> len(ax.patches), ax.get_title()
    (2, 'Main types of innovation activity of enterprises')
    >>> plt.close("all")
    """
    import numpy as np

    _require_columns(data, [label, value], "innovation_activity")
    df = data[[label, value]].copy()
    df[value] = df[value].astype(float)
    df = df.sort_values(value, ascending=False, kind="stable")
    ax = _new_axes(ax, figsize=(6.4, 0.6 * len(df) + 1.2))
    y = np.arange(len(df))
    bars = ax.barh(y, df[value], color=CATEGORY_PALETTE[0], height=0.7)
    ax.set_yticks(y, [_wrap(_pretty(n), 34) for n in df[label]], fontsize="small")
    ax.invert_yaxis()
    _annotate_barh(ax, bars, list(df[value]), lambda v: _fmt(v, " %", 1))
    ax.set_xlim(0, float(df[value].max()) * 1.18)
    ax.set_xlabel(f"Share of innovation activity, %  (sum {_fmt(float(df[value].sum()), ' %', 1)})")
    ax.set_title("Main types of innovation activity of enterprises")
    return ax


def research_types(data, *, ax=None):
    """Table 2: basic research, applied research and development by sector.

    Stacked horizontal bars, one per sector row of the paper's Table 2, each
    segment labelled with its printed share.

    Parameters
    ----------
    data : pandas.DataFrame
        Columns ``sector``, ``basic_research``, ``applied_research``,
        ``development`` (fractions of the sector's domestic R&D spending).
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
    funding_by_sector, personnel

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> df = pd.DataFrame({"sector": ["entrepreneurial"], "basic_research": [0.18],
    ...                    "applied_research": [0.46], "development": [0.36]})
    >>> ax = plot.research_types(df)
    >>> len(ax.patches)   # one segment per research type
    3
    >>> plt.close("all")
    """
    parts = ["basic_research", "applied_research", "development"]
    _require_columns(data, ["sector", *parts], "research_types")
    df, labels = _sector_rows(data)
    ax = _new_axes(ax, figsize=(6.4, 0.5 * len(df) + 1.6))
    _stacked_barh(
        ax,
        labels,
        [df[p].astype(float) for p in parts],
        ["Basic research", "Applied research", "Experimental development"],
        CATEGORY_PALETTE[:3],
        lambda v: f"{v:.2f}",
    )
    ax.set_xlim(0, 1.0)
    ax.set_xlabel("Share of domestic R&D spending")
    ax.set_title("Types of research by sector, 2013")
    _legend_below(ax, ncol=3)
    return ax


def funding_by_sector(data, *, ax=None):
    """Table 3: sources of R&D funding by sector, as an annotated heatmap.

    A heatmap rather than stacked bars because innovation grants are a part
    of the republican budget (the paper's header reads "Republican budget /
    including Innovation grants"): stacking would count them twice. Their
    column is labelled "of which: innovation grants".

    Parameters
    ----------
    data : pandas.DataFrame
        Columns ``sector``, ``own_funds``, ``republican_budget``,
        ``innovation_grants``, ``local_budgets``, ``foreign_investment``
        (fractions of the sector's R&D funding).
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
    research_types, personnel

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> df = pd.DataFrame({"sector": ["total"], "own_funds": [0.29],
    ...     "republican_budget": [0.63], "innovation_grants": [0.06],
    ...     "local_budgets": [0.01], "foreign_investment": [0.01]})
    >>> ax = plot.funding_by_sector(df)
    >>> [t.get_text() for t in ax.texts][:2]
    ['0.29', '0.63']
    >>> plt.close("all")
    """
    import seaborn as sns

    cols = ["own_funds", "republican_budget", "innovation_grants", "local_budgets", "foreign_investment"]
    _require_columns(data, ["sector", *cols], "funding_by_sector")
    df, labels = _sector_rows(data)
    matrix = df[cols].astype(float)
    matrix.index = labels
    matrix.columns = [
        "Own funds",
        "Republican\nbudget",
        "of which:\ninnovation\ngrants",
        "Local\nbudgets",
        "Foreign\ninvestment",
    ]
    ax = _new_axes(ax, figsize=(6.8, 0.55 * len(df) + 1.8))
    sns.heatmap(
        matrix,
        ax=ax,
        annot=True,
        fmt=".2f",
        cmap="Blues",
        vmin=0,
        vmax=1,
        linewidths=0.5,
        linecolor="white",
        cbar_kws={"label": "Share of the sector's R&D funding"},
        annot_kws={"fontsize": "small"},
    )
    ax.set_xlabel("Source of funding")
    ax.set_ylabel("")
    ax.tick_params(axis="x", rotation=0, labelsize="small")
    ax.tick_params(axis="y", rotation=0)
    ax.set_title("Sources of R&D funding by sector, 2013")
    return ax


def personnel(data, *, ax=None):
    """Table 4: R&D personnel by sector (researchers, technicians, other).

    Stacked horizontal bars of head counts for the four sector rows (the
    Total row is the sum, so it is written in the title instead of drawn);
    each bar ends with its total and the number of organisations.

    Parameters
    ----------
    data : pandas.DataFrame
        Columns ``sector``, ``companies``, ``rd_personnel``, ``researchers``,
        ``technicians``, ``other`` (counts).
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
    research_types, funding_by_sector

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> df = pd.DataFrame({"sector": ["public", "non_commercial"], "companies": [78, 41],
    ...     "rd_personnel": [5516, 1332], "researchers": [3855, 977],
    ...     "technicians": [1042, 171], "other": [619, 184]})
    >>> ax = plot.personnel(df)
    >>> len(ax.patches)   # 2 sectors x 3 groups
    6
    >>> plt.close("all")
    """
    parts = ["researchers", "technicians", "other"]
    _require_columns(data, ["sector", "companies", "rd_personnel", *parts], "personnel")
    total_row = data[data["sector"].astype(str) == "total"]
    df, labels = _sector_rows(data[data["sector"].astype(str) != "total"])
    ax = _new_axes(ax, figsize=(6.4, 0.55 * len(df) + 1.6))
    ends = _stacked_barh(
        ax,
        labels,
        [df[p].astype(float) for p in parts],
        ["Researchers", "Technicians", "Other staff"],
        CATEGORY_PALETTE[:3],
        lambda v: f"{v:,.0f}",
        min_label=float(df[parts].astype(float).to_numpy().sum()) * 0.03,
    )
    for i, (end, n, orgs) in enumerate(zip(ends, df["rd_personnel"], df["companies"])):
        ax.text(end * 1.01 + 50, i, f"{int(n):,} ({int(orgs)} org.)", va="center", fontsize="x-small")
    ax.set_xlim(0, float(max(ends)) * 1.32)
    ax.set_xlabel("R&D personnel, head count")
    title = "R&D personnel by sector, 2013"
    if len(total_row):
        title += f" (total {int(total_row['rd_personnel'].iloc[0]):,})"
    ax.set_title(title)
    _legend_below(ax, ncol=3)
    return ax


def plan_vs_actual(
    data,
    *,
    indicator: str = "indicator",
    year: str = "year",
    kind: str = "kind",
    value: str = "value",
    unit: str | None = "unit",
    titles: Mapping[str, str] | None = None,
    ax=None,
):
    """Table 1's result indicators: the plans against what was achieved.

    One small panel per indicator (innovation activity of enterprises,
    innovative production in GDP, the WEF competitiveness rank): markers per
    year, filled for actual values and hollow for planned targets. A rank
    axis is inverted so that "better" is always up.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per (indicator, year, kind) with columns `indicator`,
        `year`, `kind` ("plan" or "actual"), `value` and, optionally, `unit`.
    indicator, year, kind, value, unit : str
        Column names (`unit` may be None).
    titles : mapping, optional
        Panel title per indicator value.
    ax : sequence of matplotlib Axes, optional
        One axes per indicator.

    Returns
    -------
    numpy.ndarray of matplotlib.axes.Axes

    Raises
    ------
    helixnet.InvalidTableError
        If a column is missing or `kind` holds something other than "plan"
        and "actual".

    See Also
    --------
    international_comparison

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> df = pd.DataFrame({"indicator": ["activity"] * 3, "year": [2009, 2013, 2014],
    ...                    "kind": ["actual", "actual", "plan"], "value": [4.0, 8.0, 10.0],
    ...                    "unit": ["percent"] * 3})
    >>> (ax,) = plot.plan_vs_actual(df)
    >>> ax.get_legend() is not None
    True
    >>> plt.close("all")
    """
    _require_columns(data, [indicator, year, kind, value], "plan_vs_actual")
    kinds = set(data[kind].astype(str))
    if not kinds <= {"plan", "actual"}:
        raise InvalidTableError(
            f"plan_vs_actual: column {kind!r} holds {sorted(kinds - {'plan', 'actual'})}; "
            "expected 'plan' or 'actual'"
        )
    names = list(dict.fromkeys(data[indicator].astype(str)))
    axes = _new_axes_row(ax, len(names), figsize=(3.4 * len(names), 3.3))
    for axis, name in zip(axes, names):
        part = data[data[indicator].astype(str) == name].copy()
        part[value] = part[value].astype(float)
        part[year] = part[year].astype(int)
        u = str(part[unit].iloc[0]) if unit and unit in part.columns else ""
        for k, marker, fill in (("actual", "o", CATEGORY_PALETTE[0]), ("plan", "D", "none")):
            sub = part[part[kind].astype(str) == k].sort_values(year)
            if sub.empty:
                continue
            axis.plot(
                sub[year],
                sub[value],
                marker=marker,
                linestyle="-" if k == "actual" else "--",
                color=CATEGORY_PALETTE[0] if k == "actual" else CATEGORY_PALETTE[1],
                markerfacecolor=fill if k == "actual" else "white",
                markersize=7,
                label="Actual" if k == "actual" else "Plan",
            )
            for x, v in zip(sub[year], sub[value]):
                axis.annotate(
                    _fmt(v, "", 2),
                    (x, v),
                    textcoords="offset points",
                    xytext=(0, 7),
                    ha="center",
                    fontsize="x-small",
                )
        years = sorted(set(part[year]))
        axis.set_xticks(years, [str(y) for y in years], rotation=90, fontsize="small")
        axis.margins(x=0.12, y=0.2)
        is_rank = u == "rank"
        if is_rank:
            axis.invert_yaxis()
        axis.set_ylabel({"percent": "%", "rank": "Rank (1 = best)"}.get(u, u))
        axis.set_xlabel("Year")
        axis.set_title(_wrap((titles or {}).get(name, _pretty(name)), 30), fontsize="medium")
        axis.legend(fontsize="x-small")
    return axes


def international_comparison(
    data,
    *,
    indicator: str = "indicator",
    country: str = "country",
    value: str = "value_percent",
    highlight: str = "Kazakhstan",
    titles: Mapping[str, str] | None = None,
    ax=None,
):
    """Government share of R&D funding and experimental-development share, by country.

    One bar chart per indicator, countries sorted by value, the highlighted
    country (Kazakhstan) in the government colour and the others grey, every
    bar labelled with its value.

    Parameters
    ----------
    data : pandas.DataFrame
        Columns `indicator`, `country`, `value` (percent).
    indicator, country, value : str
        Column names.
    highlight : str
        Country drawn in colour.
    titles : mapping, optional
        Title per indicator value.
    ax : sequence of matplotlib Axes, optional
        One axes per indicator.

    Returns
    -------
    numpy.ndarray of matplotlib.axes.Axes

    Raises
    ------
    helixnet.InvalidTableError
        If a column is missing.

    See Also
    --------
    plan_vs_actual

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> df = pd.DataFrame({"indicator": ["gov"] * 2, "country": ["Kazakhstan", "Japan"],
    ...                    "value_percent": [60.0, 15.6]})
    >>> (ax,) = plot.international_comparison(df)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['Kazakhstan', 'Japan']
    >>> plt.close("all")
    """
    import numpy as np

    _require_columns(data, [indicator, country, value], "international_comparison")
    default_titles = {
        "government_share_rd_funding": "Government share of R&D funding",
        "experimental_development_share_rd": "Experimental development share of R&D",
    }
    default_titles.update(titles or {})
    names = list(dict.fromkeys(data[indicator].astype(str)))
    axes = _new_axes_row(ax, len(names), figsize=(4.4 * len(names), 3.4))
    for axis, name in zip(axes, names):
        part = data[data[indicator].astype(str) == name].copy()
        part[value] = part[value].astype(float)
        part = part[part[value].notna()].sort_values(value, ascending=False, kind="stable")
        x = np.arange(len(part))
        colors = [
            SECTOR_PALETTE["G"] if str(c) == highlight else "#9E9E9E" for c in part[country]
        ]
        bars = axis.bar(x, part[value], color=colors, width=0.7)
        for bar, v in zip(bars, part[value]):
            axis.annotate(
                _fmt(v, "", 1),
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                textcoords="offset points",
                xytext=(0, 2),
                ha="center",
                fontsize="x-small",
            )
        axis.set_xticks(x, [str(c) for c in part[country]], rotation=30, ha="right")
        axis.set_ylim(0, max(100.0, float(part[value].max()) * 1.1) if len(part) else 100.0)
        axis.set_ylabel("%")
        axis.set_title(_wrap(default_titles.get(name, _pretty(name)), 36), fontsize="medium")
    return axes


# --------------------------------------------------------------------------- networks


def sector_layout(G, attr: str = "sector", radius: float = 0.55):
    """Deterministic positions: one cluster per sector at the corners of a helix triangle.

    G at the top, U bottom left, I bottom right, O below in the middle; within
    a sector, nodes sit on a circle in sorted order of their names, so the
    same graph always gets the same picture. :func:`actor_network` writes
    each label on the outer side of its node.

    Parameters
    ----------
    G : networkx.Graph
        Nodes carry `attr` in U, I, G, O.
    attr : str
        Node attribute holding the sector.
    radius : float
        Radius of a six-actor sector's circle (it grows as the number of
        actors to the power 0.6); the triangle widens when circles get large.

    Returns
    -------
    dict
        node -> (x, y).

    Raises
    ------
    helixnet.InvalidGraphError
        If a node lacks a valid sector.

    See Also
    --------
    actor_network

    Examples
    --------
    >>> import networkx as nx
    >>> from helixnet import plot
    >>> G = nx.DiGraph()
    >>> G.add_node("ministry", sector="G")
    >>> plot.sector_layout(G)["ministry"]
    (0.0, 1.0)
    """
    from helixnet._validation import check_actor_graph

    check_actor_graph(G, attr=attr, weight=None)
    groups = {s: sorted((n for n, d in G.nodes(data=True) if d[attr] == s), key=str) for s in SECTORS}
    radii = {s: (0.0 if len(v) <= 1 else max(0.22, radius * (len(v) / 6) ** 0.6)) for s, v in groups.items()}
    scale = max(1.0, max(radii.values(), default=0.0) / 0.5)
    centres = {"G": (0.0, 1.0), "U": (-1.15, -0.45), "I": (1.15, -0.45), "O": (0.0, -1.35)}
    pos = {}
    for s, nodes in groups.items():
        cx, cy = (c * scale for c in centres[s])
        n = len(nodes)
        if n == 1:
            pos[nodes[0]] = (round(cx, 12), round(cy, 12))
            continue
        for i, node in enumerate(nodes):
            angle = math.pi / 2 + 2 * math.pi * i / n
            pos[node] = (round(cx + radii[s] * math.cos(angle), 12), round(cy + radii[s] * math.sin(angle), 12))
    return pos


def shell_layout(G, attr: str = "sector"):
    """Deterministic positions on one circle, each sector an arc of it.

    Clockwise from the top: G, I, O, U (the helix triangle's order, so U
    and I face each other across G), one empty slot between sectors, nodes
    in sorted order of their names within a sector. Suits graphs with many
    actors, whose labels then point outwards.

    Parameters
    ----------
    G : networkx.Graph
        Nodes carry `attr` in U, I, G, O.
    attr : str
        Node attribute holding the sector.

    Returns
    -------
    dict
        node -> (x, y) on the unit circle.

    Raises
    ------
    helixnet.InvalidGraphError
        If a node lacks a valid sector.

    See Also
    --------
    sector_layout, actor_network

    Examples
    --------
    >>> import networkx as nx
    >>> from helixnet import plot
    >>> G = nx.Graph()
    >>> G.add_nodes_from([("m", {"sector": "G"}), ("u", {"sector": "U"})])
    >>> {n: tuple(round(c, 6) for c in xy) for n, xy in plot.shell_layout(G).items()}
    {'m': (0.0, 1.0), 'u': (-0.0, -1.0)}
    """
    from helixnet._validation import check_actor_graph

    check_actor_graph(G, attr=attr, weight=None)
    order = ("G", "I", "O", "U")
    slots = []
    for s in order:
        nodes = sorted((n for n, d in G.nodes(data=True) if d[attr] == s), key=str)
        if nodes:
            slots += nodes + [None]
    n = len(slots) or 1
    pos = {}
    for i, node in enumerate(slots):
        if node is None:
            continue
        angle = math.pi / 2 - 2 * math.pi * i / n
        pos[node] = (round(math.cos(angle), 12), round(math.sin(angle), 12))
    return pos


def actor_network(
    G,
    *,
    layout="auto",
    seed: int = 0,
    attr: str = "sector",
    weight: str = "weight",
    status: str = "status",
    label: str = "label",
    title: str | None = None,
    node_size: float = 420,
    max_width: float = 4.5,
    label_width: int = 16,
    legend: bool = True,
    ax=None,
):
    """Draw an actor graph: nodes coloured by sector, edge widths by weight.

    Existing ties are solid, planned ties dashed, ties the source says are
    absent dotted and pale. The layout is deterministic: ``"sector"`` places
    each sector's actors together at a corner of a triangle (see
    :func:`sector_layout`), ``"shell"`` puts all actors on one circle, each
    sector an arc, with labels pointing outwards (see :func:`shell_layout`),
    ``"auto"`` picks "sector" up to 16 actors and "shell" beyond, and
    ``"spring"`` is a Fruchterman–Reingold layout seeded with `seed` and
    started from the sector layout. Labels are the nodes' `label` attribute,
    wrapped.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Nodes carry `attr` in U, I, G, O (and optionally `label`); edges
        optionally carry `weight` and `status`.
    layout : {"auto", "sector", "shell", "spring"} or dict
        Layout name, or precomputed positions node -> (x, y).
    seed : int
        Seed of the spring layout.
    attr, weight, status, label : str
        Attribute names.
    title : str, optional
    node_size : float
        Marker area in points squared.
    max_width : float
        Width of the heaviest edge, in points (the lightest is 0.7 points;
        widths are linear in weight in between).
    label_width : int
        Characters per line of a node label.
    legend : bool
        Draw the sector and tie-status legend.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Node markers are one ``PathCollection`` per sector, with gid
        ``"nodes-<sector>"``.

    Raises
    ------
    helixnet.InvalidGraphError
        If a node lacks a valid sector or an edge weight is negative.
    helixnet.HelixnetValueError
        If `layout` is unknown.

    See Also
    --------
    sector_layout, shell_layout, centrality_by_sector

    Examples
    --------
    >>> import networkx as nx
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> G = nx.DiGraph()
    >>> G.add_node("mes", sector="G", label="Ministry")
    >>> G.add_node("nu", sector="U", label="Nazarbayev University")
    >>> G.add_node("kaz", sector="I", label="KAZATOMPROM")
    >>> G.add_edge("mes", "nu", weight=2.0, status="existing")
    >>> G.add_edge("kaz", "nu", weight=1.0, status="planned")
    >>> ax = plot.actor_network(G, title="Toy")
    >>> sum(len(c.get_offsets()) for c in ax.collections if (c.get_gid() or "").startswith("nodes-"))
    3
    >>> plt.close("all")
    """
    import networkx as nx
    from matplotlib.lines import Line2D

    from helixnet._validation import check_actor_graph

    check_actor_graph(G, attr=attr, weight=weight)
    if isinstance(layout, str) and layout == "auto":
        layout = "sector" if len(G) <= 16 else "shell"
    radial = isinstance(layout, str) and layout == "shell"
    if isinstance(layout, Mapping):
        pos = dict(layout)
    elif layout == "shell":
        pos = shell_layout(G, attr=attr)
    elif layout == "sector":
        pos = sector_layout(G, attr=attr)
    elif layout == "spring":
        start = sector_layout(G, attr=attr)
        pos = nx.spring_layout(G, pos=start, seed=seed, weight=None, k=1.2 / math.sqrt(max(len(G), 1)))
    else:
        raise HelixnetValueError(
            f"unknown layout {layout!r}; use 'auto', 'sector', 'shell', 'spring' or a dict"
        )
    missing = [n for n in G if n not in pos]
    if missing:
        raise HelixnetValueError(f"layout has no position for node(s) {missing[:5]!r}")

    ax = _new_axes(ax, figsize=(7.5, 6.5))
    weights = [float(d.get(weight, 1.0)) for *_, d in G.edges(data=True)]
    wmin, wmax = min(weights, default=1.0), max(weights, default=1.0)

    def width(w):  # linear in weight; equal weights get one medium width
        if wmax <= wmin:
            return 1.6
        return 0.7 + (max_width - 0.7) * (w - wmin) / (wmax - wmin)

    directed = G.is_directed()
    for st, linestyle in _EDGE_STYLES.items():
        edges = [(u, v) for u, v, d in G.edges(data=True) if str(d.get(status, "existing")) == st]
        if not edges:
            continue
        widths = [width(float(G.edges[e].get(weight, 1.0))) for e in edges]
        nx.draw_networkx_edges(
            G,
            pos,
            edgelist=edges,
            width=widths,
            style=linestyle,
            edge_color="#BBBBBB" if st == "absent" else "#555555",
            alpha=0.9,
            arrows=directed,
            arrowsize=10,
            node_size=node_size,
            connectionstyle="arc3,rad=0.08" if directed else "arc3",
            ax=ax,
        )
    centre = {}
    for s in SECTORS:
        members = [pos[n] for n, d in G.nodes(data=True) if d[attr] == s]
        if members:
            centre[s] = (sum(p[0] for p in members) / len(members), sum(p[1] for p in members) / len(members))
    for s in SECTORS:
        nodes = sorted((n for n, d in G.nodes(data=True) if d[attr] == s), key=str)
        if not nodes:
            continue
        coll = ax.scatter(
            [pos[n][0] for n in nodes],
            [pos[n][1] for n in nodes],
            s=node_size,
            c=SECTOR_PALETTE[s],
            edgecolors="white",
            linewidths=1.2,
            zorder=3,
            label=SECTOR_LABELS[s],
        )
        coll.set_gid(f"nodes-{s}")
        for n in nodes:
            x, y = pos[n]
            text = _wrap(G.nodes[n].get(label, n), label_width)
            if radial:  # outside the circle, along the radius, never upside down
                angle = math.degrees(math.atan2(y, x))
                left = x < -1e-9
                ax.text(x * 1.07, y * 1.07, text, rotation=angle + 180 if left else angle,
                        rotation_mode="anchor", ha="right" if left else "left", va="center",
                        fontsize=6.5, zorder=4, linespacing=0.95)
                continue
            cx, cy = centre[s]
            dx, dy = x - cx, y - cy
            norm = math.hypot(dx, dy)
            gap = math.sqrt(node_size) / 2 + 2  # marker radius + 2 points
            if norm < 1e-9 or dy < -0.5 * norm:  # alone, or at the bottom of its cluster: below
                offset, ha, va = (0, -gap), "center", "top"
            elif dy > 0.5 * norm and abs(dx) < 0.5 * norm:  # at the top: above
                offset, ha, va = (0, gap), "center", "bottom"
            else:  # on a side: beside, away from the cluster
                offset, ha, va = ((gap if dx > 0 else -gap), 0), ("left" if dx > 0 else "right"), "center"
            ax.annotate(
                text,
                (x, y),
                xytext=offset,
                textcoords="offset points",
                ha=ha,
                va=va,
                multialignment=ha if ha != "center" else "center",
                fontsize=6.5,
                zorder=4,
                linespacing=0.95,
                bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.75},
            )
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    if radial:
        ax.set_xlim(-1.75, 1.75)
        ax.set_ylim(-1.75, 1.75)
    else:
        ax.set_xlim(min(xs) - 0.6, max(xs) + 0.6)
        ax.set_ylim(min(ys) - 0.4, max(ys) + 0.3)
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    if legend:
        handles = [
            Line2D([], [], marker="o", linestyle="", markersize=8, color=SECTOR_PALETTE[s], label=SECTOR_LABELS[s])
            for s in SECTORS
            if any(d[attr] == s for _, d in G.nodes(data=True))
        ]
        seen = {str(d.get(status, "existing")) for *_, d in G.edges(data=True)}
        handles += [
            Line2D([], [], color="#BBBBBB" if st == "absent" else "#555555", linestyle=ls, label=f"{st} tie")
            for st, ls in _EDGE_STYLES.items()
            if st in seen
        ]
        title = f"width: weight {wmin:.3g}–{wmax:.3g}" if wmax > wmin else None
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small",
                  title=title, title_fontsize="x-small")
    return ax


# --------------------------------------------------------------------------- subordination


def _sector_index(index):
    order = [s for s in SECTORS if s in set(map(str, index))]
    return order + sorted(set(map(str, index)) - set(order))


_MEASURE_LABELS = {
    "in_degree": "In-degree",
    "out_degree": "Out-degree",
    "in_strength": "In-strength",
    "out_strength": "Out-strength",
    "betweenness": "Betweenness",
    "closeness": "Closeness",
    "eigenvector": "Eigenvector",
    "pagerank": "PageRank",
    "hub": "Hub (HITS)",
    "authority": "Authority (HITS)",
}


def centrality_by_sector(data, *, sector: str = "sector", measures: Sequence[str] | None = None, ax=None):
    """Each sector's share of each centrality measure, as grouped bars.

    Parameters
    ----------
    data : pandas.DataFrame
        Either long (columns `sector`, ``measure``, ``share``) or wide (one
        row per sector, in column `sector` or the index, one column per
        measure holding the sector's share); or a table returned by
        :func:`helixnet.centrality.sector_centrality` (its ``share_*``
        columns are drawn) or by :func:`helixnet.centrality` (summed into
        sector shares first).
    sector : str
        Name of the sector column.
    measures : sequence of str, optional
        Measures to draw (default: all).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Bars are grouped by measure, coloured by sector.

    Raises
    ------
    helixnet.InvalidTableError
        If the sector column is missing.

    See Also
    --------
    brokerage_profile, mediation

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> shares = pd.DataFrame({"sector": ["U", "I", "G"], "betweenness": [0.1, 0.1, 0.8],
    ...                        "pagerank": [0.3, 0.3, 0.4]})
    >>> ax = plot.centrality_by_sector(shares)
    >>> len(ax.patches)   # 2 measures x 3 sectors
    6
    >>> plt.close("all")
    """
    import numpy as np

    from helixnet.centrality import CENTRALITY_COLUMNS, MEASURES

    df = data.copy()
    if set(CENTRALITY_COLUMNS) <= set(df.columns):  # node table of helixnet.centrality: its shares
        from helixnet.centrality import sector_centrality

        df = sector_centrality(df)
    if all(f"share_{m}" in df.columns for m in MEASURES):  # helixnet.centrality.sector_centrality
        df = df[[f"share_{m}" for m in MEASURES]].rename(columns=lambda c: c[len("share_"):])
        df = df[df.notna().any(axis=1)].rename_axis(sector)
    if sector not in df.columns and df.index.name == sector:
        df = df.reset_index()
    if {"measure", "share"} <= set(df.columns):
        _require_columns(df, [sector], "centrality_by_sector")
        df = df.pivot_table(index=sector, columns="measure", values="share", aggfunc="sum", sort=False)
    else:
        _require_columns(df, [sector], "centrality_by_sector")
        df = df.set_index(sector)
    df.index = df.index.astype(str)
    cols = list(measures) if measures is not None else [c for c in df.columns if df[c].dtype.kind in "fiu"]
    df = df.loc[_sector_index(df.index), cols].astype(float)
    ax = _new_axes(ax, figsize=(max(6.4, 0.9 * len(cols) + 2), 3.8))
    n = len(df.index)
    width = 0.8 / max(n, 1)
    x = np.arange(len(cols))
    for i, s in enumerate(df.index):
        ax.bar(
            x - 0.4 + width * (i + 0.5),
            df.loc[s].to_numpy(),
            width=width,
            color=SECTOR_PALETTE.get(s, "#999999"),
            label=SECTOR_LABELS.get(s, s),
        )
    ax.set_xticks(x, [_MEASURE_LABELS.get(str(c), _pretty(c)) for c in cols], fontsize="small", rotation=35,
                  ha="right", rotation_mode="anchor")
    ax.set_ylim(0, 1.0)
    ax.set_ylabel("Sector's share of the measure")
    ax.set_xlabel("Centrality measure")
    ax.set_title("Centrality by sector")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
    return ax


_ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]


def brokerage_profile(data, *, sector: str = "sector", roles: Sequence[str] = _ROLES, normalize: bool = False, ax=None):
    """Gould–Fernandez brokerage roles summed by sector, as stacked bars.

    Parameters
    ----------
    data : pandas.DataFrame
        Node-level (a `sector` column and one column per role), aggregated
        by sector (sectors in the index or a `sector` column), or long as
        returned by :func:`helixnet.brokerage.sector_brokerage` (columns
        ``group``, ``role``, ``observed``).
    sector : str
        Name of the sector column.
    roles : sequence of str
        Role columns, stacked in this order.
    normalize : bool
        Draw each sector's share of all brokerage instead of raw counts.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    helixnet.InvalidTableError
        If a role column or the sector column is missing.

    See Also
    --------
    centrality_by_sector

    References
    ----------
    Gould R. V., Fernandez R. M. (1989). Structures of mediation: a formal
    approach to brokerage in transaction networks. Sociological Methodology
    19:89–126. doi:10.2307/270949

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> roles = pd.DataFrame({"sector": ["G", "U"], "coordinator": [0, 0], "itinerant": [4, 0],
    ...     "representative": [1, 0], "gatekeeper": [1, 1], "liaison": [3, 0]})
    >>> ax = plot.brokerage_profile(roles)
    >>> len(ax.patches)   # 2 sectors x 5 roles
    10
    >>> plt.close("all")
    """
    import numpy as np

    df = data.copy()
    if {"role", "observed"} <= set(df.columns):  # long format of helixnet.brokerage.sector_brokerage
        group = sector if sector in df.columns else "group"
        _require_columns(df, [group, "role", "observed"], "brokerage_profile")
        df = df.pivot_table(index=group, columns="role", values="observed", aggfunc="sum", sort=False)
        df = df.reindex(columns=list(roles), fill_value=0).rename_axis(None, axis=1)
        df.index = df.index.astype(str)
        df = df.rename_axis(sector).reset_index()
    if sector not in df.columns and "group" in df.columns:  # helixnet.brokerage's node table
        df = df.rename(columns={"group": sector})
    if sector not in df.columns:
        if df.index.name == sector or set(map(str, df.index)) <= set(SECTORS):
            df = df.reset_index(names=sector) if df.index.name != sector else df.reset_index()
    _require_columns(df, [sector, *roles], "brokerage_profile")
    agg = df.groupby(df[sector].astype(str))[list(roles)].sum().astype(float)
    agg = agg.reindex([s for s in SECTORS if s in agg.index] + sorted(set(agg.index) - set(SECTORS)))
    values = agg.to_numpy()
    if normalize:
        total = values.sum()
        values = values / total if total > 0 else values
    ax = _new_axes(ax, figsize=(6.4, 3.8))
    x = np.arange(len(agg.index))
    bottom = np.zeros(len(agg.index))
    role_colors = ["#56B4E9", "#D55E00", "#F0E442", "#000000", "#999999"]
    for j, role in enumerate(roles):
        ax.bar(x, values[:, j], bottom=bottom, color=role_colors[j % 5], label=role.capitalize(), width=0.65)
        bottom += values[:, j]
    for xi, top in zip(x, bottom):
        ax.annotate(_fmt(top, "", 2 if normalize else 0), (xi, top), textcoords="offset points",
                    xytext=(0, 2), ha="center", fontsize="x-small")
    ax.set_xticks(x, [SECTOR_LABELS.get(s, s).replace(": ", "\n") for s in agg.index])
    for tick, s in zip(ax.get_xticklabels(), agg.index):
        tick.set_color(SECTOR_PALETTE.get(s, "black"))
    ax.set_ylabel("Share of brokerage" if normalize else "Brokerage count (open two-paths)")
    ax.set_xlabel("Sector of the broker")
    ax.set_title("Brokerage roles by sector")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small", title="Role")
    return ax


def mediation(data, *, ax=None):
    """Direct U–I tie strength against the indirect strength via government.

    Parameters
    ----------
    data : helixnet.mediation.MediationResult or mapping
        A result of :func:`helixnet.mediation` or a mapping with at least
        ``"direct_strength"`` (summed weight of U–I ties) and
        ``"indirect_strength"`` (summed bottleneck strength of U→G→I
        routes), optionally ``"path_share"`` (share of U–I shortest paths
        through G) and ``"reachability_loss"`` (share of U–I reachability
        lost without G), written under the bars.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    helixnet.HelixnetValueError
        If a required key is missing.

    See Also
    --------
    centrality_by_sector, helixnet.mediation

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> ax = plot.mediation({"direct_strength": 0.1, "indirect_strength": 0.9, "path_share": 1.0})
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['Direct U–I', 'Via G (U→G→I)']
    >>> plt.close("all")
    """
    if hasattr(data, "to_dict") and not isinstance(data, Mapping):
        data = data.to_dict()
    for key in ("direct_strength", "indirect_strength"):
        if key not in data:
            raise HelixnetValueError(f"mediation: missing key {key!r}; got {sorted(map(str, data))}")
    ax = _new_axes(ax, figsize=(4.4, 3.6))
    values = [float(data["direct_strength"]), float(data["indirect_strength"])]
    bars = ax.bar([0, 1], values, color=[SECTOR_PALETTE["U"], SECTOR_PALETTE["G"]], width=0.6)
    for bar, v in zip(bars, values):
        ax.annotate(_fmt(v, "", 3), (bar.get_x() + bar.get_width() / 2, v), textcoords="offset points",
                    xytext=(0, 2), ha="center", fontsize="small")
    ax.set_xticks([0, 1], ["Direct U–I", "Via G (U→G→I)"])
    ax.set_ylabel("Tie strength")
    ax.set_ylim(0, max(values + [1e-9]) * 1.2)
    ax.set_title("U–I ties: direct or via government")
    notes = []
    if data.get("path_share") is not None and not math.isnan(float(data["path_share"])):
        notes.append(f"U–I shortest paths through G: {float(data['path_share']):.0%}")
    if data.get("reachability_loss") is not None and not math.isnan(float(data["reachability_loss"])):
        notes.append(f"U–I reachability lost without G: {float(data['reachability_loss']):.0%}")
    if notes:
        ax.text(0.5, -0.14, "\n".join(notes), transform=ax.transAxes, ha="center", va="top",
                fontsize="x-small")
    return ax


_METRIC_LABELS = {
    "g_brokerage": "G share of brokerage between other sectors",
    "ui_mediation": "U–I shortest paths via G",
    "g_feedback": "Strength flowing to G (feedback)",
    "ui_direct": "Direct U–I share of interfaces",
    "inter_sector_share": "Inter-sector tie share",
}
_VERDICT_COLORS = {"statist": "#009E73", "balanced": "#0072B2", "laissez-faire": "#E69F00", "none": "#BBBBBB",
                   "undetermined": "#BBBBBB"}
_RESULT_COLORS = {"supports": "#009E73", "contradicts": "#0072B2", "not distinguishable from chance": "#DDDDDD",
                  "undefined": "#FFFFFF"}


def configuration_evidence(evidence, *, verdict: str | None = None, ax=None):
    """The indicators of a configuration against what chance and G's size give.

    One row per indicator (and reading): the observed value (large dot,
    coloured by the test's result: supports the statist configuration,
    contradicts it, not distinguishable from chance), the means of the
    rewiring and sector-permutation null models (open markers) and what G's
    size alone gives (grey bar). Undefined indicators are written as such.

    Parameters
    ----------
    evidence : ConfigurationResult or pandas.DataFrame
        The result of :func:`helixnet.configuration` (its verdict is written
        in the title), or a table with columns ``metric``, ``reading``,
        ``observed``, ``size_expectation``, ``null_mean_rewire``,
        ``null_mean_permute``, ``result`` (as
        :attr:`helixnet.configuration.ConfigurationResult.evidence`; several
        readings may be stacked).
    verdict : str, optional
        Written in the title (default: the result's own verdict).
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
    helixnet.configuration.configuration, sensitivity

    References
    ----------
    Etzkowitz H., Leydesdorff L. (2000). The dynamics of innovation: from
    National Systems and "Mode 2" to a Triple Helix of university-industry-
    government relations. Research Policy 29(2):109–123.
    doi:10.1016/S0048-7333(99)00055-4

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> ev = pd.DataFrame({"metric": ["g_brokerage", "g_feedback"], "reading": ["flows", "flows"],
    ...                    "observed": [0.8, float("nan")], "size_expectation": [0.3, 0.5],
    ...                    "null_mean_rewire": [0.5, float("nan")], "null_mean_permute": [0.3, float("nan")],
    ...                    "result": ["supports", "undefined"]})
    >>> ax = plot.configuration_evidence(ev, verdict="statist")
    >>> ax.get_title()
    'Configuration: statist'
    >>> plt.close("all")
    """
    import numpy as np
    from matplotlib.lines import Line2D

    if hasattr(evidence, "evidence") and hasattr(evidence, "verdict"):  # a ConfigurationResult
        verdict = evidence.verdict if verdict is None else verdict
        evidence = evidence.evidence
    cols = ["metric", "reading", "observed", "size_expectation", "null_mean_rewire", "null_mean_permute", "result"]
    _require_columns(evidence, cols, "configuration_evidence")
    df = evidence.reset_index(drop=True)
    ax = _new_axes(ax, figsize=(6.4, 0.42 * len(df) + 1.6))
    y = np.arange(len(df))
    several = df["reading"].nunique() > 1
    for yi, r in zip(y, df.itertuples()):
        obs = float(r.observed)
        if math.isnan(obs):
            ax.text(0.5, yi, "undefined", ha="center", va="center", fontsize="x-small", color="#777777")
            continue
        ax.barh(yi, float(r.size_expectation), color="#EEEEEE", height=0.6, zorder=1)
        ax.plot(float(r.null_mean_rewire), yi, marker="s", mfc="white", mec="black", ms=6, zorder=3, linestyle="")
        ax.plot(float(r.null_mean_permute), yi, marker="^", mfc="white", mec="black", ms=6, zorder=3, linestyle="")
        ax.plot(obs, yi, marker="o", color=_RESULT_COLORS.get(str(r.result), "#DDDDDD"), mec="black", ms=9, zorder=4,
                linestyle="")
        ax.text(1.03, yi, f"{obs:.2f}", va="center", fontsize="x-small")
    labels = [_METRIC_LABELS.get(str(m), _pretty(m)) + (f" ({rd})" if several else "")
              for m, rd in zip(df["metric"], df["reading"])]
    ax.set_yticks(y, [_wrap(t, 34) for t in labels], fontsize="x-small")
    ax.invert_yaxis()
    ax.set_xlim(0, 1.12)
    ax.set_xlabel("Indicator value (observed at right)")
    ax.set_title(f"Configuration: {verdict}" if verdict else "Configuration indicators")
    handles = [Line2D([], [], marker="o", linestyle="", color=c, mec="black", label=k)
               for k, c in _RESULT_COLORS.items() if k != "undefined" and k in set(df["result"])]
    handles += [Line2D([], [], marker="s", linestyle="", mfc="white", mec="black", label="rewiring null mean"),
                Line2D([], [], marker="^", linestyle="", mfc="white", mec="black", label="permutation null mean"),
                Line2D([], [], linewidth=6, color="#EEEEEE", label="by G's size alone")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.08, 1.0), fontsize="x-small")
    return ax


def sensitivity(table, *, ax=None):
    """The verdict and each indicator's test result over coding variants (a grid).

    One row per variant and reading (labelled with its verdict), one column
    per indicator; a cell is coloured by the indicator's result (supports
    the statist configuration, contradicts it, not distinguishable from
    chance, undefined) and shows the observed value.

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`helixnet.sensitivity.SensitivityResult.table`: columns
        ``variant``, ``reading``, ``verdict`` and, per indicator, ``<name>``
        and ``<name>_result``.
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
    helixnet.sensitivity.sensitivity, configuration_evidence

    Examples
    --------
    >>> import pandas as pd
    >>> import matplotlib.pyplot as plt
    >>> from helixnet import plot
    >>> t = pd.DataFrame({"variant": ["as coded"], "reading": ["flows"], "verdict": ["undetermined"],
    ...                   "g_brokerage": [0.25], "g_brokerage_result": ["not distinguishable from chance"]})
    >>> ax = plot.sensitivity(t)
    >>> ax.get_yticklabels()[0].get_text()
    'as coded (flows): undetermined'
    >>> plt.close("all")
    """
    import numpy as np
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    _require_columns(table, ["variant", "reading", "verdict"], "sensitivity")
    metrics = [c[: -len("_result")] for c in table.columns if c.endswith("_result") and c[: -len("_result")] in table]
    if not metrics:
        from helixnet.exceptions import InvalidTableError

        raise InvalidTableError("sensitivity() needs at least one '<indicator>' and '<indicator>_result' column pair")
    results = list(_RESULT_COLORS)
    codes = np.array([[results.index(str(x)) if str(x) in results else results.index("undefined")
                       for x in table[f"{m}_result"]] for m in metrics]).T
    ax = _new_axes(ax, figsize=(1.5 * len(metrics) + 4.5, 0.38 * len(table) + 1.8))
    ax.imshow(codes, cmap=ListedColormap([_RESULT_COLORS[r] for r in results]), vmin=-0.5,
              vmax=len(results) - 0.5, aspect="auto")
    for i in range(codes.shape[0]):
        for j, m in enumerate(metrics):
            v = float(table[m].iloc[i])
            ax.text(j, i, "–" if math.isnan(v) else f"{v:.2f}", ha="center", va="center", fontsize="x-small",
                    color="white" if results[codes[i, j]] in ("supports", "contradicts") else "black")
    ax.set_xticks(range(len(metrics)), [_wrap(_METRIC_LABELS.get(m, _pretty(m)), 16) for m in metrics],
                  fontsize="x-small")
    ax.set_yticks(range(len(table)), [f"{v} ({r}): {d}" for v, r, d in
                                      zip(table["variant"], table["reading"], table["verdict"])], fontsize="x-small")
    ax.tick_params(axis="x", top=True, bottom=False, labeltop=True, labelbottom=False)
    ax.set_title("Verdict and indicators over coding variants (cell: observed value)")
    ax.legend(handles=[Patch(facecolor=_RESULT_COLORS[r], edgecolor="#999999",
                             label={"supports": "supports statist", "contradicts": "contradicts statist"}.get(r, r))
                       for r in results], loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=2,
              fontsize="x-small")
    return ax


# --------------------------------------------------------------------------- synergy


_VENN_KEYS = ("U", "I", "G", "UI", "UG", "IG", "UIG")


def venn3(
    counts: Mapping,
    *,
    t_values: Mapping | None = None,
    none: float = 0,
    unit: str = "mbit",
    labels: Sequence[str] = ("U", "I", "G"),
    title: str | None = None,
    ax=None,
):
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
        or the result of :func:`helixnet.graphs.venn_counts` (its cells and
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
    from matplotlib.patches import Circle

    if hasattr(counts, "cells") and hasattr(counts, "none"):  # helixnet.graphs.venn_counts
        counts, none = counts.cells, counts.none
    elif hasattr(counts, "table") and hasattr(counts, "mutual_information"):  # a SynergyResult
        counts, none = _venn_cells_of(counts)
    unknown = set(map(str, counts)) - set(_VENN_KEYS)
    if unknown:
        raise InvalidTableError(f"venn3: unknown region key(s) {sorted(unknown)}; expected {list(_VENN_KEYS)}")
    c = {k: float(counts.get(k, 0)) for k in _VENN_KEYS}
    bad = {k: v for k, v in c.items() if not v >= 0}
    if bad:
        raise InvalidTableError(f"venn3: negative or NaN count(s) {bad}")
    if t_values is None:
        from helixnet.information import synergy, venn_table

        res = synergy(venn_table(c, none=none), dims=("U", "I", "G"), unit=unit)
        t_values = {
            "UI": res.mutual_information("U", "I"),
            "UG": res.mutual_information("U", "G"),
            "IG": res.mutual_information("I", "G"),
            "UIG": res.T,
        }
    ax = _new_axes(ax, figsize=(6.6, 4.4))
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
    data,
    *,
    label: str = "label",
    estimate: str = "T",
    low: str = "low",
    high: str = "high",
    unit: str = "mbit",
    k: str = "k",
    n_dims: int = 3,
    ax=None,
):
    """Point estimates of T (or R) with their bootstrap confidence intervals.

    The axis label names the quantity and its sign reading: the mutual
    redundancy :math:`R = (-1)^{k+1} T` is negative for synergy in every
    number of dimensions k, T only for odd k (Leydesdorff & Ivanova 2014).
    Estimates read as synergy are drawn in the government colour.

    Parameters
    ----------
    data : pandas.DataFrame or helixnet.uncertainty.BootstrapResult
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
    import numpy as np

    if hasattr(data, "to_frame") and hasattr(data, "unit") and not hasattr(data, "columns"):
        unit = data.unit  # a BootstrapResult: its own unit
        data = data.to_frame()
    if {"subset", "estimate", "ci_low", "ci_high"} <= set(data.columns) and label not in data:
        # helixnet.bootstrap's table: T of each subset with its interval
        label, estimate, low, high = "subset", "estimate", "ci_low", "ci_high"
    _require_columns(data, [label, estimate, low, high], "synergy_interval")
    df = data.reset_index(drop=True)
    ax = _new_axes(ax, figsize=(6.0, 0.5 * len(df) + 1.4))
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


def decomposition_bars(data, *, group: str = "group", contribution: str = "contribution",
                       between: float | None = None, unit: str = "mbit", n_dims: int = 3, ax=None):
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
    import numpy as np
    import pandas as pd

    if hasattr(data, "groups") and hasattr(data, "between") and hasattr(data, "unit"):  # DecompositionResult
        unit, between = data.unit, data.between if between is None else between
        data = data.groups
    if (group, contribution) == ("group", "contribution") and {"term", "level", "value"} <= set(data.columns):
        # DecompositionResult.to_frame(): one bar per additive term
        data = pd.DataFrame({"group": [f"{t} ({lv})" for t, lv in zip(data["term"], data["level"])],
                             "contribution": data["value"]})
    _require_columns(data, [group, contribution], "decomposition_bars")
    names = [str(g) for g in data[group]]
    values = list(data[contribution].astype(float))
    if between is not None:
        names.append("between groups (ΔT)")
        values.append(float(between))
    ax = _new_axes(ax, figsize=(6.4, 0.45 * len(values) + 1.4))
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


def shapley_bars(values, *, unit: str = "mbit", ax=None):
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
    ax = _new_axes(ax, figsize=(6.0, 0.4 * len(s) + 1.4))
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


def synergy_over_time(data, *, x: str = "year", y: str = "T", low: str | None = None,
                      high: str | None = None, hue: str | None = None, unit: str = "mbit",
                      k: str = "k", n_dims: int = 3, ax=None):
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
    _require_columns(data, cols, "synergy_over_time")
    ax = _new_axes(ax, figsize=(6.4, 3.6))
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
    ax.set_xlabel(_pretty(x))
    ax.set_title("Triple Helix synergy over time")
    if hue:
        ax.legend(title=_pretty(hue), fontsize="small")
    return ax
