"""Weighted shortest-path counting shared by the network measures (private).

The routines that count geodesics node by node (betweenness on the networkx
backend, group betweenness, government mediation) run the Dijkstra search of
this module; :mod:`helixnet.configuration` counts them in matrix form on
dense graphs with the same tie rule (:data:`REL_TOL`); igraph applies the same
rule itself. So all of them decide ties the same way (tested against exact
rational arithmetic in ``tests/test_paths.py``).

Ties
----
Edge lengths are ``1/weight``, so path lengths are sums of floating-point
reciprocals: with weights 6, 30 and 5 the two routes ``1/6 + 1/30`` and
``1/5`` are equal in exact arithmetic but differ by one unit in the last
place in floating point. A search that compares sums exactly (networkx's
``betweenness_centrality``) counts only one of them and can be several per
cent off. Here two lengths :math:`a, b` are tied when

.. math:: |a - b| \\le \\varepsilon \\, (|a| + |b|), \\qquad \\varepsilon = 10^{-10},

the rule and tolerance of igraph's ``igraph_cmp_epsilon`` with
``IGRAPH_SHORTEST_PATH_EPSILON`` (igraph 0.10), so both backends count the
same geodesics. The rule assumes every edge length is much longer than the
tolerance times a path length (weights spanning fewer than about ten orders
of magnitude).
"""

from __future__ import annotations

import functools
import heapq
import math

import numpy as np

from helixnet._validation import SECTORS, check_actor_graph
from helixnet.exceptions import InvalidGraphError

#: Relative tolerance under which two path lengths are tied (igraph's value).
REL_TOL = 1e-10


def tied(a: float, b: float) -> bool:
    """True when path lengths `a` and `b` agree within :data:`REL_TOL`."""
    return abs(a - b) <= REL_TOL * (abs(a) + abs(b))


def shortest_path_dag(adj, source, blocked=()):
    """Dijkstra from `source` that records every tied shortest path.

    Parameters
    ----------
    adj : sequence of lists
        ``adj[v]`` lists ``(neighbour, length)`` pairs, lengths > 0.
    source : int
        Start node.
    blocked : container
        Nodes the search never enters (the source excepted).

    Returns
    -------
    order : list
        Reached nodes in non-decreasing distance (the source first).
    dist : dict
        Node -> shortest distance.
    sigma : dict
        Node -> number of shortest paths (an exact Python int).
    preds : dict
        Node -> list of predecessors on shortest paths.
    """
    dist = {source: 0.0}
    sigma = {source: 1}
    preds = {source: []}
    order = []
    done = set()
    heap = [(0.0, source)]
    while heap:
        d, v = heapq.heappop(heap)
        if v in done:
            continue
        done.add(v)
        order.append(v)
        for x, length in adj[v]:
            if x in done or x in blocked:
                continue
            nd = d + length
            old = dist.get(x)
            if old is not None and tied(nd, old):
                sigma[x] += sigma[v]
                preds[x].append(v)
            elif old is None or nd < old:
                dist[x] = nd
                sigma[x] = sigma[v]
                preds[x] = [v]
                heapq.heappush(heap, (nd, x))
    return order, dist, sigma, preds


def dijkstra_counts(adj, source, blocked=()):
    """Shortest distances and path counts from `source`, never entering `blocked`."""
    _, dist, sigma, _ = shortest_path_dag(adj, source, blocked)
    return dist, sigma


def brandes(adj, n, sources=None):
    """Brandes' accumulation of pair dependencies over `sources` (default: all nodes).

    .. math:: b(v) = \\sum_{s \\in S} \\sum_{t \\ne s, v} \\frac{\\sigma_{st}(v)}{\\sigma_{st}}

    over ordered pairs; for an undirected graph (each edge listed both ways in
    `adj`) every unordered pair is counted twice. Returns a list of floats.
    """
    bc = [0.0] * n
    for s in range(n) if sources is None else sources:
        order, _, sigma, preds = shortest_path_dag(adj, s)
        delta = dict.fromkeys(order, 0.0)
        for w in reversed(order):
            coeff = (1.0 + delta[w]) / sigma[w]
            for v in preds[w]:
                delta[v] += sigma[v] * coeff
            if w != s:
                bc[w] += delta[w]
    return bc


def adjacency_lists(n, src, dst, weights, directed):
    """``adj[v]`` = list of ``(neighbour, 1/weight)``; both directions when undirected."""
    adj = [[] for _ in range(n)]
    for a, b, x in zip(src, dst, weights):
        adj[a].append((b, 1.0 / x))
        if not directed:
            adj[b].append((a, 1.0 / x))
    return adj


def check_grouped_graph(G, attr="sector", weight="weight"):
    """Raise a helixnet error unless `G` is a graph whose nodes all carry a group `attr`.

    Unlike :func:`helixnet._validation.check_actor_graph` with its default
    sectors, the group may be any hashable value (a sector code, a region, an
    organisation type), but not a float NaN, which is unequal to itself.
    """
    check_actor_graph(G, attr=attr, weight=weight, sectors=None)
    for node, value in G.nodes(data=attr):
        try:
            hash(value)
        except TypeError:
            raise InvalidGraphError(
                f"node {node!r} has unhashable {attr}={value!r}; groups must be hashable"
            ) from None
        if isinstance(value, float) and math.isnan(value):
            raise InvalidGraphError(f"node {node!r} has {attr}=nan; groups must equal themselves")
    return G


def grouped_graph(func):
    """Decorator: validate ``G``, ``attr`` and ``weight`` with :func:`check_grouped_graph`."""

    @functools.wraps(func)
    def wrapper(G, attr="sector", weight="weight"):
        check_grouped_graph(G, attr=attr, weight=weight)
        return func(G, attr=attr, weight=weight)

    return wrapper


def tie_matrix(G, weight="weight"):
    """Node list and CSR matrix of tie values: ``W[i, j]`` is the weight of i->j.

    Undirected graphs give a symmetric matrix (each edge is a tie both ways),
    parallel edges of multigraphs are summed, and zero entries (edges of
    weight 0) are dropped, as in an R sociomatrix. Self-loops are kept on the
    diagonal; callers decide whether they count.
    """
    import networkx as nx
    import scipy.sparse as sp

    nodes = list(G.nodes)
    if not nodes:
        return nodes, sp.csr_array((0, 0), dtype=float)
    W = nx.to_scipy_sparse_array(G, nodelist=nodes, weight=weight, dtype=np.dtype(float), format="csr")
    W.eliminate_zeros()
    return nodes, W


def binary(W):
    """0/1 int64 CSR adjacency of the ties in `W` with the diagonal removed."""
    import scipy.sparse as sp

    A = sp.csr_array((W != 0).astype("int64"))
    A.setdiag(0)
    A.eliminate_zeros()
    return A


def group_codes(G, nodes, attr):
    """Integer group code per node, and the group labels in output order.

    Groups are sector codes in :data:`~helixnet._validation.SECTORS` order
    when every label is a sector, otherwise in order of first appearance
    (sna's ``unique(cl)``).
    """
    import numpy as np

    labels = [G.nodes[v][attr] for v in nodes]
    seen = list(dict.fromkeys(labels))
    if all(isinstance(g, str) and g in SECTORS for g in seen):
        seen = [s for s in SECTORS if s in seen]
    index = {g: i for i, g in enumerate(seen)}
    return np.array([index[g] for g in labels], dtype=np.int64), seen


class Prepared:
    """A graph reduced to integer nodes and three edge arrays (private)."""

    def __init__(self, G, weight, attr="sector"):
        self.nodes = list(G.nodes)
        self.sectors = [G.nodes[v][attr] for v in self.nodes]
        self.n = len(self.nodes)
        self.directed = G.is_directed()
        index = {v: i for i, v in enumerate(self.nodes)}
        merged: dict[tuple[int, int], float] = {}
        for u, v, data in G.edges(data=True):
            if u == v:
                continue
            w = 1.0 if weight is None else float(data.get(weight, 1.0))
            if w == 0:
                continue
            a, b = index[u], index[v]
            if not self.directed and a > b:
                a, b = b, a
            merged[(a, b)] = merged.get((a, b), 0.0) + w
        pairs = sorted(merged)
        self.src = np.array([p[0] for p in pairs], dtype=np.int64)
        self.dst = np.array([p[1] for p in pairs], dtype=np.int64)
        self.w = np.array([merged[p] for p in pairs], dtype=float)
        self.m = len(pairs)

    def adjacency(self):
        """Weighted adjacency (scipy CSR), symmetric for undirected graphs."""
        import scipy.sparse as sp

        src, dst, w = self.src, self.dst, self.w
        if not self.directed:
            src, dst, w = np.r_[src, dst], np.r_[dst, src], np.r_[w, w]
        return sp.csr_array((w, (src, dst)), shape=(self.n, self.n))

    def networkx(self):
        import networkx as nx

        H = nx.DiGraph() if self.directed else nx.Graph()
        H.add_nodes_from(range(self.n))
        H.add_edges_from(
            (int(a), int(b), {"w": float(w), "dist": 1.0 / float(w)})
            for a, b, w in zip(self.src, self.dst, self.w)
        )
        return H

    def igraph(self):
        import igraph as ig

        g = ig.Graph(n=self.n, edges=list(zip(self.src.tolist(), self.dst.tolist())), directed=self.directed)
        g.es["w"] = self.w.tolist()
        g.es["dist"] = (1.0 / self.w).tolist()
        return g
