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

import heapq

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
