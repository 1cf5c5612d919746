"""The paper's figures: Dnishev, Alzhanova & Alibekova (2015), Figs. 1-3 and Tables 1-4.

Each function redraws one of the paper's charts or tables from the bundled
dataset of the same name (see :mod:`helixnet.datasets`), with the shared style
and palettes of :mod:`helixnet.plot`.

Examples
--------
>>> import pandas as pd
>>> import matplotlib.pyplot as plt
>>> from helixnet import kazakhstan, plot
>>> table2 = pd.DataFrame({
...     "sector": ["total", "public"],
...     "basic_research": [0.30, 0.20],
...     "applied_research": [0.54, 0.72],
...     "development": [0.16, 0.08]})
>>> with plot.style():
...     ax = kazakhstan.research_types(table2)
>>> ax.get_xlabel()
'Share of domestic R&D spending'
>>> [t.get_text() for t in ax.get_yticklabels()]
['Total', 'Public sector']
>>> plt.close("all")
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from helixnet.exceptions import InvalidTableError
from helixnet.plot._base import (
    CATEGORY_PALETTE,
    NOT_STATED_COLOR,
    SECTOR_PALETTE,
    TABLE_SECTOR_LABELS,
    annotate_barh,
    fmt,
    legend_below,
    new_axes,
    new_axes_row,
    pretty,
    require_columns,
    sector_rows,
    stacked_barh,
    wrap,
)

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "funding_sources",
    "cost_structure",
    "innovation_activity",
    "research_types",
    "funding_by_sector",
    "personnel",
    "plan_vs_actual",
    "international_comparison",
    "TABLE_SECTOR_LABELS",
]

# --------------------------------------------------------------------------- the paper's figures


def funding_sources(
    data: pd.DataFrame,
    *,
    chart: str = "chart",
    label: str = "source",
    value: str = "share_percent",
    parent: str | None = "parent",
    key: str | None = None,
    titles: Mapping[str, str] | None = None,
    ax: Sequence[Axes] | np.ndarray | None = None,
) -> np.ndarray:
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
    >>> from helixnet import kazakhstan, plot
    >>> df = pd.DataFrame({"chart": ["rd", "rd", "rd"],
    ...                    "source": ["budget", "grants", "own"],
    ...                    "share_percent": [60.0, 0.3, 33.3],
    ...                    "parent": ["", "budget", ""]})
    >>> (ax,) = kazakhstan.funding_sources(df)
    >>> len(ax.patches)
    3
    >>> plt.close("all")
    """
    import numpy as np
    import pandas as pd

    require_columns(data, [chart, label, value], "funding_sources")
    key = key or label
    require_columns(data, [key], "funding_sources")
    has_parent = parent is not None and parent in data.columns
    charts = list(dict.fromkeys(data[chart].astype(str)))
    axes = new_axes_row(ax, len(charts), figsize=(5.2 * len(charts), 3.6))
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
        by_value = lambda recs: sorted(recs, key=lambda item: -item["value"])  # noqa: E731 (stable)
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
        ylabels = [("   of which: " if child else "") + wrap(pretty(n), 28) for n, _, child in rows]
        axis.set_yticks(y, ylabels, fontsize="small")
        axis.invert_yaxis()
        annotate_barh(axis, bars, [r[1] for r in rows], lambda v: fmt(v, " %", 2))
        top_sum = sum(v for _, v, child in rows if not child)
        axis.set_xlim(0, max([r[1] for r in rows] + [1.0]) * 1.22)
        axis.set_xlabel(f"Share of funding, %  (top-level shares sum to {fmt(top_sum, ' %', 2)})")
        axis.set_title(titles.get(name, pretty(name)))
    return axes


def cost_structure(
    data: pd.DataFrame,
    *,
    label: str = "item",
    value: str = "share_percent",
    total: float = 100.0,
    ax: Axes | None = None,
) -> Axes:
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
    >>> from helixnet import kazakhstan, plot
    >>> df = pd.DataFrame({"item": ["machinery", "r_and_d", "training"],
    ...                    "share_percent": [67.3, 12.9, 2.0]})
    >>> ax = kazakhstan.cost_structure(df)
    >>> [t.get_text() for t in ax.get_yticklabels()][-1]
    'Not stated'
    >>> round(float(ax.patches[-1].get_width()), 1)   # 100 - 67.3 - 12.9 - 2
    17.8
    >>> plt.close("all")
    """
    import numpy as np

    require_columns(data, [label, value], "cost_structure")
    stated = data[[label, value]].copy()
    stated[value] = stated[value].astype(float)
    stated = stated[stated[value].notna()].sort_values(value, ascending=False, kind="stable")
    s = float(stated[value].sum())
    if s > total + 1e-9:
        raise InvalidTableError(
            f"cost_structure: the stated shares sum to {s:g}, more than total={total:g}"
        )
    names = [wrap(pretty(n), 28) for n in stated[label]] + ["Not stated"]
    values = list(stated[value]) + [total - s]
    ax = new_axes(ax, figsize=(6.4, 0.5 * len(values) + 1.4))
    y = np.arange(len(values))
    colors = [CATEGORY_PALETTE[0]] * (len(values) - 1) + [NOT_STATED_COLOR]
    bars = ax.barh(y, values, color=colors, height=0.7)
    bars[-1].set_hatch("xx")
    bars[-1].set_edgecolor("#888888")
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    annotate_barh(ax, bars, values, lambda v: fmt(v, " %", 1))
    ax.set_xlim(0, total * 1.12)
    ax.set_xlabel("Share of technological-innovation costs, %")
    ax.set_title("Structure of technological-innovation costs")
    ax.text(
        1.0,
        -0.2,
        f"Only the values the text states are shown; the remaining {fmt(total - s, ' %', 1)} "
        "is not stated.",
        transform=ax.transAxes,
        ha="right",
        va="top",
        fontsize="x-small",
        color="#555555",
    )
    return ax


def innovation_activity(
    data: pd.DataFrame, *, label: str = "activity", value: str = "share_percent", ax: Axes | None = None
) -> Axes:
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
    >>> from helixnet import kazakhstan, plot
    >>> df = pd.DataFrame({"activity": ["research", "design"], "share_percent": [8, 3]})
    >>> ax = kazakhstan.innovation_activity(df)
    >>> len(ax.patches), ax.get_title()
    (2, 'Main types of innovation activity of enterprises')
    >>> plt.close("all")
    """
    import numpy as np

    require_columns(data, [label, value], "innovation_activity")
    df = data[[label, value]].copy()
    df[value] = df[value].astype(float)
    df = df.sort_values(value, ascending=False, kind="stable")
    ax = new_axes(ax, figsize=(6.4, 0.6 * len(df) + 1.2))
    y = np.arange(len(df))
    bars = ax.barh(y, df[value], color=CATEGORY_PALETTE[0], height=0.7)
    ax.set_yticks(y, [wrap(pretty(n), 34) for n in df[label]], fontsize="small")
    ax.invert_yaxis()
    annotate_barh(ax, bars, list(df[value]), lambda v: fmt(v, " %", 1))
    ax.set_xlim(0, float(df[value].max()) * 1.18)
    ax.set_xlabel(f"Share of innovation activity, %  (sum {fmt(float(df[value].sum()), ' %', 1)})")
    ax.set_title("Main types of innovation activity of enterprises")
    return ax


def research_types(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
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
    >>> from helixnet import kazakhstan, plot
    >>> df = pd.DataFrame({"sector": ["entrepreneurial"], "basic_research": [0.18],
    ...                    "applied_research": [0.46], "development": [0.36]})
    >>> ax = kazakhstan.research_types(df)
    >>> len(ax.patches)   # one segment per research type
    3
    >>> plt.close("all")
    """
    parts = ["basic_research", "applied_research", "development"]
    require_columns(data, ["sector", *parts], "research_types")
    df, labels = sector_rows(data)
    ax = new_axes(ax, figsize=(6.4, 0.5 * len(df) + 1.6))
    stacked_barh(
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
    legend_below(ax, ncol=3)
    return ax


def funding_by_sector(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
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
    >>> from helixnet import kazakhstan, plot
    >>> df = pd.DataFrame({"sector": ["total"], "own_funds": [0.29],
    ...     "republican_budget": [0.63], "innovation_grants": [0.06],
    ...     "local_budgets": [0.01], "foreign_investment": [0.01]})
    >>> ax = kazakhstan.funding_by_sector(df)
    >>> [t.get_text() for t in ax.texts][:2]
    ['0.29', '0.63']
    >>> plt.close("all")
    """
    import seaborn as sns

    cols = ["own_funds", "republican_budget", "innovation_grants", "local_budgets", "foreign_investment"]
    require_columns(data, ["sector", *cols], "funding_by_sector")
    df, labels = sector_rows(data)
    matrix = df[cols].astype(float)
    matrix.index = labels
    matrix.columns = [
        "Own funds",
        "Republican\nbudget",
        "of which:\ninnovation\ngrants",
        "Local\nbudgets",
        "Foreign\ninvestment",
    ]
    ax = new_axes(ax, figsize=(6.8, 0.55 * len(df) + 1.8))
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


def personnel(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
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
    >>> from helixnet import kazakhstan, plot
    >>> df = pd.DataFrame({"sector": ["public", "non_commercial"], "companies": [78, 41],
    ...     "rd_personnel": [5516, 1332], "researchers": [3855, 977],
    ...     "technicians": [1042, 171], "other": [619, 184]})
    >>> ax = kazakhstan.personnel(df)
    >>> len(ax.patches)   # 2 sectors x 3 groups
    6
    >>> plt.close("all")
    """
    parts = ["researchers", "technicians", "other"]
    require_columns(data, ["sector", "companies", "rd_personnel", *parts], "personnel")
    total_row = data[data["sector"].astype(str) == "total"]
    df, labels = sector_rows(data[data["sector"].astype(str) != "total"])
    ax = new_axes(ax, figsize=(6.4, 0.55 * len(df) + 1.6))
    ends = stacked_barh(
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
    legend_below(ax, ncol=3)
    return ax


def plan_vs_actual(
    data: pd.DataFrame,
    *,
    indicator: str = "indicator",
    year: str = "year",
    kind: str = "kind",
    value: str = "value",
    unit: str | None = "unit",
    titles: Mapping[str, str] | None = None,
    ax: Sequence[Axes] | np.ndarray | None = None,
) -> np.ndarray:
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
    >>> from helixnet import kazakhstan, plot
    >>> df = pd.DataFrame({"indicator": ["activity"] * 3, "year": [2009, 2013, 2014],
    ...                    "kind": ["actual", "actual", "plan"], "value": [4.0, 8.0, 10.0],
    ...                    "unit": ["percent"] * 3})
    >>> (ax,) = kazakhstan.plan_vs_actual(df)
    >>> ax.get_legend() is not None
    True
    >>> plt.close("all")
    """
    require_columns(data, [indicator, year, kind, value], "plan_vs_actual")
    kinds = set(data[kind].astype(str))
    if not kinds <= {"plan", "actual"}:
        raise InvalidTableError(
            f"plan_vs_actual: column {kind!r} holds {sorted(kinds - {'plan', 'actual'})}; "
            "expected 'plan' or 'actual'"
        )
    names = list(dict.fromkeys(data[indicator].astype(str)))
    axes = new_axes_row(ax, len(names), figsize=(3.4 * len(names), 3.3))
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
                    fmt(v, "", 2),
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
        axis.set_title(wrap((titles or {}).get(name, pretty(name)), 30), fontsize="medium")
        axis.legend(fontsize="x-small")
    return axes


def international_comparison(
    data: pd.DataFrame,
    *,
    indicator: str = "indicator",
    country: str = "country",
    value: str = "value_percent",
    highlight: str = "Kazakhstan",
    titles: Mapping[str, str] | None = None,
    ax: Sequence[Axes] | np.ndarray | None = None,
) -> np.ndarray:
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
    >>> from helixnet import kazakhstan, plot
    >>> df = pd.DataFrame({"indicator": ["gov"] * 2, "country": ["Kazakhstan", "Japan"],
    ...                    "value_percent": [60.0, 15.6]})
    >>> (ax,) = kazakhstan.international_comparison(df)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['Kazakhstan', 'Japan']
    >>> plt.close("all")
    """
    import numpy as np

    require_columns(data, [indicator, country, value], "international_comparison")
    default_titles = {
        "government_share_rd_funding": "Government share of R&D funding",
        "experimental_development_share_rd": "Experimental development share of R&D",
    }
    default_titles.update(titles or {})
    names = list(dict.fromkeys(data[indicator].astype(str)))
    axes = new_axes_row(ax, len(names), figsize=(4.4 * len(names), 3.4))
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
                fmt(v, "", 1),
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                textcoords="offset points",
                xytext=(0, 2),
                ha="center",
                fontsize="x-small",
            )
        axis.set_xticks(x, [str(c) for c in part[country]], rotation=30, ha="right")
        axis.set_ylim(0, max(100.0, float(part[value].max()) * 1.1) if len(part) else 100.0)
        axis.set_ylabel("%")
        axis.set_title(wrap(default_titles.get(name, pretty(name)), 36), fontsize="medium")
    return axes
