"""Figures of actor networks: layouts, the network itself, centrality, brokerage, mediation, the verdict."""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from helixnet._validation import SECTORS
from helixnet.exceptions import HelixnetValueError
from helixnet.plot._base import (
    EDGE_STYLES,
    METRIC_LABELS,
    SECTOR_LABELS,
    SECTOR_PALETTE,
    fmt,
    new_axes,
    pretty,
    require_columns,
    sector_handles,
    wrap,
)

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from matplotlib.axes import Axes

    from helixnet.networks import ConfigurationResult, MediationResult

__all__ = [
    "sector_layout",
    "shell_layout",
    "actor_network",
    "centrality_by_sector",
    "brokerage_profile",
    "mediation",
    "configuration_evidence",
    "sensitivity",
]

# --------------------------------------------------------------------------- networks


def sector_layout(G: nx.Graph, attr: str = "sector", radius: float = 0.55) -> dict[Hashable, tuple[float, float]]:
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


def shell_layout(G: nx.Graph, attr: str = "sector") -> dict[Hashable, tuple[float, float]]:
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
    G: nx.Graph,
    *,
    layout: Literal["auto", "sector", "shell", "spring"] | Mapping[Hashable, Sequence[float]] = "auto",
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
    ax: Axes | None = None,
) -> Axes:
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
    from helixnet._validation import check_actor_graph

    check_actor_graph(G, attr=attr, weight=weight)
    pos, radial = _positions(G, layout, attr=attr, seed=seed)
    ax = new_axes(ax, figsize=(7.5, 6.5))
    weights = [float(d.get(weight, 1.0)) for *_, d in G.edges(data=True)]
    wmin, wmax = min(weights, default=1.0), max(weights, default=1.0)
    _draw_edges(ax, G, pos, weight=weight, status=status, node_size=node_size,
                width=_edge_width(wmin, wmax, max_width))
    groups = {s: sorted((n for n, d in G.nodes(data=True) if d[attr] == s), key=str) for s in SECTORS}
    groups = {s: nodes for s, nodes in groups.items() if nodes}
    _draw_nodes(ax, pos, groups, node_size=node_size)
    labels = {n: wrap(G.nodes[n].get(label, n), label_width) for nodes in groups.values() for n in nodes}
    if radial:
        _label_radially(ax, pos, labels)
    else:
        _label_beside_clusters(ax, pos, groups, labels, _centres(G, pos, attr), node_size=node_size)
    _frame(ax, pos, radial)
    if title:
        ax.set_title(title)
    if legend:
        _legend(ax, G, list(groups), status=status, wmin=wmin, wmax=wmax)
    return ax


def _positions(G, layout, *, attr, seed):
    """Node positions for `layout` (name or dict) and whether labels go radially (the shell layout)."""
    import networkx as nx

    if isinstance(layout, str) and layout == "auto":
        layout = "sector" if len(G) <= 16 else "shell"
    radial = isinstance(layout, str) and layout == "shell"
    pos: Any  # node -> (x, y), from one of several layouts
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
    return pos, radial


def _edge_width(wmin, wmax, max_width):
    """Line width of a tie: linear in weight from 0.7 to `max_width` points; equal weights get 1.6."""

    def width(w):
        if wmax <= wmin:
            return 1.6
        return 0.7 + (max_width - 0.7) * (w - wmin) / (wmax - wmin)

    return width


def _draw_edges(ax, G, pos, *, weight, status, node_size, width):
    """Ties, one call per status (existing solid, planned dashed, absent dotted and pale)."""
    import networkx as nx

    directed = G.is_directed()
    for st, linestyle in EDGE_STYLES.items():
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


def _draw_nodes(ax, pos, groups, *, node_size):
    """One scatter per sector (gid ``nodes-<sector>``), in the sector's colour."""
    for s, nodes in groups.items():
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


def _label_radially(ax, pos, labels):
    """Labels outside the circle, along the radius, never upside down (the shell layout)."""
    for n, text in labels.items():
        x, y = pos[n]
        angle = math.degrees(math.atan2(y, x))
        left = x < -1e-9
        ax.text(x * 1.07, y * 1.07, text, rotation=angle + 180 if left else angle,
                rotation_mode="anchor", ha="right" if left else "left", va="center",
                fontsize=6.5, zorder=4, linespacing=0.95)


def _label_beside_clusters(ax, pos, groups, labels, centres, *, node_size):
    """Each label beside its node, on the side away from the centre of the node's sector."""
    gap = math.sqrt(node_size) / 2 + 2  # marker radius + 2 points
    for s, nodes in groups.items():
        cx, cy = centres[s]
        for n in nodes:
            x, y = pos[n]
            dx, dy = x - cx, y - cy
            norm = math.hypot(dx, dy)
            offset: tuple[float, float]
            if norm < 1e-9 or dy < -0.5 * norm:  # alone, or at the bottom of its cluster: below
                offset, ha, va = (0, -gap), "center", "top"
            elif dy > 0.5 * norm and abs(dx) < 0.5 * norm:  # at the top: above
                offset, ha, va = (0, gap), "center", "bottom"
            else:  # on a side: beside, away from the cluster
                offset, ha, va = ((gap if dx > 0 else -gap), 0), ("left" if dx > 0 else "right"), "center"
            ax.annotate(
                labels[n],
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


def _centres(G, pos, attr):
    """Mean position of each sector's nodes."""
    centre = {}
    for s in SECTORS:
        members = [pos[n] for n, d in G.nodes(data=True) if d[attr] == s]
        if members:
            centre[s] = (sum(p[0] for p in members) / len(members), sum(p[1] for p in members) / len(members))
    return centre


def _frame(ax, pos, radial):
    """Limits around the nodes (room for labels), equal aspect, no axis."""
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


def _legend(ax, G, sectors, *, status, wmin, wmax):
    """The sectors present, the tie statuses present, and the weight range."""
    from matplotlib.lines import Line2D

    handles = sector_handles(sectors)
    seen = {str(d.get(status, "existing")) for *_, d in G.edges(data=True)}
    handles += [
        Line2D([], [], color="#BBBBBB" if st == "absent" else "#555555", linestyle=ls, label=f"{st} tie")
        for st, ls in EDGE_STYLES.items()
        if st in seen
    ]
    title = f"width: weight {wmin:.3g}–{wmax:.3g}" if wmax > wmin else None
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small",
              title=title, title_fontsize="x-small")


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


def centrality_by_sector(
    data: pd.DataFrame, *, sector: str = "sector", measures: Sequence[str] | None = None, ax: Axes | None = None
) -> Axes:
    """Each sector's share of each centrality measure, as grouped bars.

    Parameters
    ----------
    data : pandas.DataFrame
        Either long (columns `sector`, ``measure``, ``share``) or wide (one
        row per sector, in column `sector` or the index, one column per
        measure holding the sector's share); or a table returned by
        :func:`helixnet.networks.sector_centrality` (its ``share_*``
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

    from helixnet.networks._centrality import CENTRALITY_COLUMNS, MEASURES

    df = data.copy()
    if set(CENTRALITY_COLUMNS) <= set(df.columns):  # node table of helixnet.centrality: its shares
        from helixnet.networks._centrality import sector_centrality

        df = sector_centrality(df)
    if all(f"share_{m}" in df.columns for m in MEASURES):  # helixnet.networks.sector_centrality
        df = df[[f"share_{m}" for m in MEASURES]].rename(columns=lambda c: c[len("share_"):])
        df = df[df.notna().any(axis=1)].rename_axis(sector)
    if sector not in df.columns and df.index.name == sector:
        df = df.reset_index()
    if {"measure", "share"} <= set(df.columns):
        require_columns(df, [sector], "centrality_by_sector")
        df = df.pivot_table(index=sector, columns="measure", values="share", aggfunc="sum", sort=False)
    else:
        require_columns(df, [sector], "centrality_by_sector")
        df = df.set_index(sector)
    df.index = df.index.astype(str)
    cols = list(measures) if measures is not None else [c for c in df.columns if df[c].dtype.kind in "fiu"]
    df = df.loc[_sector_index(df.index), cols].astype(float)
    ax = new_axes(ax, figsize=(max(6.4, 0.9 * len(cols) + 2), 3.8))
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
    ax.set_xticks(x, [_MEASURE_LABELS.get(str(c), pretty(c)) for c in cols], fontsize="small", rotation=35,
                  ha="right", rotation_mode="anchor")
    ax.set_ylim(0, 1.0)
    ax.set_ylabel("Sector's share of the measure")
    ax.set_xlabel("Centrality measure")
    ax.set_title("Centrality by sector")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
    return ax


_ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]


def brokerage_profile(
    data: pd.DataFrame,
    *,
    sector: str = "sector",
    roles: Sequence[str] = _ROLES,
    normalize: bool = False,
    ax: Axes | None = None,
) -> Axes:
    """Gould–Fernandez brokerage roles summed by sector, as stacked bars.

    Parameters
    ----------
    data : pandas.DataFrame
        Node-level (a `sector` column and one column per role), aggregated
        by sector (sectors in the index or a `sector` column), or long as
        returned by :func:`helixnet.networks.sector_brokerage` (columns
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
    if {"role", "observed"} <= set(df.columns):  # long format of helixnet.networks.sector_brokerage
        group = sector if sector in df.columns else "group"
        require_columns(df, [group, "role", "observed"], "brokerage_profile")
        df = df.pivot_table(index=group, columns="role", values="observed", aggfunc="sum", sort=False)
        df = df.reindex(columns=list(roles), fill_value=0).rename_axis(None, axis=1)
        df.index = df.index.astype(str)
        df = df.rename_axis(sector).reset_index()
    if sector not in df.columns and "group" in df.columns:  # helixnet.brokerage's node table
        df = df.rename(columns={"group": sector})
    if sector not in df.columns:
        if df.index.name == sector or set(map(str, df.index)) <= set(SECTORS):
            df = df.reset_index(names=sector) if df.index.name != sector else df.reset_index()
    require_columns(df, [sector, *roles], "brokerage_profile")
    agg = df.groupby(df[sector].astype(str))[list(roles)].sum().astype(float)
    agg = agg.reindex([s for s in SECTORS if s in agg.index] + sorted(set(agg.index) - set(SECTORS)))
    values = agg.to_numpy()
    if normalize:
        total = values.sum()
        values = values / total if total > 0 else values
    ax = new_axes(ax, figsize=(6.4, 3.8))
    x = np.arange(len(agg.index))
    bottom = np.zeros(len(agg.index))
    role_colors = ["#56B4E9", "#D55E00", "#F0E442", "#000000", "#999999"]
    for j, role in enumerate(roles):
        ax.bar(x, values[:, j], bottom=bottom, color=role_colors[j % 5], label=role.capitalize(), width=0.65)
        bottom += values[:, j]
    for xi, top in zip(x, bottom):
        ax.annotate(fmt(top, "", 2 if normalize else 0), (xi, top), textcoords="offset points",
                    xytext=(0, 2), ha="center", fontsize="x-small")
    ax.set_xticks(x, [SECTOR_LABELS.get(s, s).replace(": ", "\n") for s in agg.index])
    for tick, s in zip(ax.get_xticklabels(), agg.index):
        tick.set_color(SECTOR_PALETTE.get(s, "black"))
    ax.set_ylabel("Share of brokerage" if normalize else "Brokerage count (open two-paths)")
    ax.set_xlabel("Sector of the broker")
    ax.set_title("Brokerage roles by sector")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small", title="Role")
    return ax


def mediation(data: MediationResult | Mapping[str, Any], *, ax: Axes | None = None) -> Axes:
    """Direct U–I tie strength against the indirect strength via government.

    Parameters
    ----------
    data : helixnet.networks.MediationResult or mapping
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
    ax = new_axes(ax, figsize=(4.4, 3.6))
    values = [float(data["direct_strength"]), float(data["indirect_strength"])]
    bars = ax.bar([0, 1], values, color=[SECTOR_PALETTE["U"], SECTOR_PALETTE["G"]], width=0.6)
    for bar, v in zip(bars, values):
        ax.annotate(fmt(v, "", 3), (bar.get_x() + bar.get_width() / 2, v), textcoords="offset points",
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


_VERDICT_COLORS = {"statist": "#009E73", "balanced": "#0072B2", "laissez-faire": "#E69F00", "none": "#BBBBBB",
                   "undetermined": "#BBBBBB"}
_RESULT_COLORS = {"supports": "#009E73", "contradicts": "#0072B2", "not distinguishable from chance": "#DDDDDD",
                  "undefined": "#FFFFFF"}


def configuration_evidence(
    evidence: ConfigurationResult | pd.DataFrame, *, verdict: str | None = None, ax: Axes | None = None
) -> Axes:
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
        :attr:`helixnet.networks.ConfigurationResult.evidence`; several
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
    helixnet.networks.configuration, sensitivity

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
    table: Any = evidence  # duck-typed: a result object or a table
    import numpy as np
    from matplotlib.lines import Line2D

    if hasattr(table, "evidence") and hasattr(table, "verdict"):  # a ConfigurationResult
        verdict = table.verdict if verdict is None else verdict
        table = table.evidence
    cols = ["metric", "reading", "observed", "size_expectation", "null_mean_rewire", "null_mean_permute", "result"]
    require_columns(table, cols, "configuration_evidence")
    df = table.reset_index(drop=True)
    ax = new_axes(ax, figsize=(6.4, 0.42 * len(df) + 1.6))
    y = np.arange(len(df))
    several = df["reading"].nunique() > 1
    for yi, r in zip(y.tolist(), df.itertuples()):
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
    labels = [METRIC_LABELS.get(str(m), pretty(m)) + (f" ({rd})" if several else "")
              for m, rd in zip(df["metric"], df["reading"])]
    ax.set_yticks(y, [wrap(t, 34) for t in labels], fontsize="x-small")
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


def sensitivity(table: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """The verdict and each indicator's test result over coding variants (a grid).

    One row per variant and reading (labelled with its verdict), one column
    per indicator; a cell is coloured by the indicator's result (supports
    the statist configuration, contradicts it, not distinguishable from
    chance, undefined) and shows the observed value.

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`helixnet.networks.SensitivityResult.table`: columns
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
    helixnet.sensitivity, configuration_evidence

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

    require_columns(table, ["variant", "reading", "verdict"], "sensitivity")
    metrics = [c[: -len("_result")] for c in table.columns if c.endswith("_result") and c[: -len("_result")] in table]
    if not metrics:
        from helixnet.exceptions import InvalidTableError

        raise InvalidTableError("sensitivity() needs at least one '<indicator>' and '<indicator>_result' column pair")
    results = list(_RESULT_COLORS)
    codes = np.array([[results.index(str(x)) if str(x) in results else results.index("undefined")
                       for x in table[f"{m}_result"]] for m in metrics]).T
    ax = new_axes(ax, figsize=(1.5 * len(metrics) + 4.5, 0.38 * len(table) + 1.8))
    ax.imshow(codes, cmap=ListedColormap([_RESULT_COLORS[r] for r in results]), vmin=-0.5,
              vmax=len(results) - 0.5, aspect="auto")
    for i in range(codes.shape[0]):
        for j, m in enumerate(metrics):
            v = float(table[m].iloc[i])
            ax.text(j, i, "–" if math.isnan(v) else f"{v:.2f}", ha="center", va="center", fontsize="x-small",
                    color="white" if results[codes[i, j]] in ("supports", "contradicts") else "black")
    ax.set_xticks(range(len(metrics)), [wrap(METRIC_LABELS.get(m, pretty(m)), 16) for m in metrics],
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
