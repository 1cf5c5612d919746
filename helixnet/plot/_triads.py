"""Drawing of the synergy map of :func:`helixnet.synergy_map`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.axes import Axes

__all__ = ["plot_synergy_map"]


def plot_synergy_map(
    G: nx.Graph, ax: Axes | None = None, seed: int = 0, top_labels: int | None = None, cmap: str = "viridis"
) -> Axes:
    """Draw a synergy map: variables as nodes, shared synergy as edge width.

    Node size grows with the node attribute ``synergy`` (the aggregate of the
    synergetic triads the variable takes part in), edge width and colour with
    the edge ``weight``. Positions come from an unweighted spring layout
    (networkx's Fruchterman-Reingold, seeded), so that the nodes of a strong
    triad do not collapse onto each other.

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`helixnet.synergy_map`.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on (a new figure without pyplot otherwise).
    seed : int
        Seed of the layout.
    top_labels : int, optional
        Label only the `top_labels` nodes with the most synergy (all by default).
    cmap : str
        Colormap of the edges.

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    helixnet.synergy_map : the graph.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("x", "y", weight=1.0, triads=1)
    >>> for v in G: G.nodes[v].update(synergy=1.0, triads=1)
    >>> ax = plot_synergy_map(G)
    >>> sorted(t.get_text() for t in ax.texts)
    ['x', 'y']
    """
    import networkx as nx
    import numpy as np

    if ax is None:
        from matplotlib.figure import Figure

        ax = Figure(figsize=(6, 5)).add_subplot()
    ax.set_axis_off()
    if len(G) == 0:
        ax.text(0.5, 0.5, "no synergetic triads", ha="center", va="center", transform=ax.transAxes)
        return ax
    # unweighted spring layout with a long natural length: strong edges would pull
    # the nodes of a triad on top of each other; edge width shows the weight instead
    pos = nx.spring_layout(G, seed=seed, weight=None, k=2.0 / np.sqrt(len(G)))
    syn = np.array([G.nodes[v].get("synergy", 0.0) for v in G], dtype=float)
    size = 100 + 900 * (syn / syn.max() if syn.max() > 0 else syn)
    weights = np.array([d.get("weight", 0.0) for _, _, d in G.edges(data=True)], dtype=float)
    top = weights.max() if len(weights) and weights.max() > 0 else 1.0
    if len(weights):
        nx.draw_networkx_edges(G, pos, ax=ax, width=0.5 + 4 * weights / top, edge_color=weights,
                               edge_cmap=__import__("matplotlib").colormaps[cmap], alpha=0.8)  # fmt: skip
    nx.draw_networkx_nodes(G, pos, ax=ax, node_size=size, node_color="#f2f2f2", edgecolors="#333333")
    keep = list(G) if top_labels is None else [v for _, v in sorted(zip(-syn, list(G)))[:top_labels]]
    nx.draw_networkx_labels(G, pos, labels={v: str(v) for v in keep}, ax=ax, font_size=8)
    ax.margins(0.2)  # room for the labels of the outer nodes
    return ax
