"""Geodesic counting with tied float path lengths, against exact rational arithmetic.

Edge lengths are ``1/weight``; with integer weights such as 6, 30 and 5 the
routes ``1/6 + 1/30`` and ``1/5`` are equal, but their floating-point sums
differ in the last place. Issue 11 found networkx-backend betweenness up to
8 % off igraph for that reason. The reference here is an independent Brandes
written with :class:`fractions.Fraction` distances (exact equality, no
tolerance), run on many seeded random integer-weighted graphs; every routine
of the package that counts geodesics must agree with it on both backends:
node betweenness, sector group betweenness, government mediation and the
matrix path counts behind :func:`helixnet.configuration`'s indicators.
"""

from __future__ import annotations

import functools
import heapq
import math
from fractions import Fraction

import networkx as nx
import numpy as np
import pytest

from helixnet.networks._centrality import centrality, sector_centrality
from helixnet.networks._matrix import REL_TOL, tied
from helixnet.networks._mediation import mediation

# weights whose reciprocals add up to each other's: 1/6 + 1/30 = 1/5, 1/4 + 1/12 = 1/3, ...
WEIGHTS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30]
SEEDS = range(60)


def _random_graph(seed, directed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(7, 13))
    G = nx.gnp_random_graph(n, 0.35, seed=seed, directed=directed)
    for u, v in G.edges:
        G.edges[u, v]["weight"] = int(rng.choice(WEIGHTS))
    nx.set_node_attributes(G, {v: "UIGO"[int(rng.integers(0, 4))] for v in G}, "sector")
    return G


def _exact_sssp(G, s, blocked=frozenset()):
    """Exact Dijkstra: Fraction distances, path counts, predecessors, settle order."""
    dist, sigma, preds, order = {s: Fraction(0)}, {s: 1}, {s: []}, []
    heap, done, tick = [(Fraction(0), 0, s)], set(), 1
    while heap:
        d, _, v = heapq.heappop(heap)
        if v in done:
            continue
        done.add(v)
        order.append(v)
        for x in G.successors(v) if G.is_directed() else G.neighbors(v):
            if x in done or x in blocked or x == v:
                continue
            nd = d + Fraction(1, G.edges[v, x]["weight"])
            if x not in dist or nd < dist[x]:
                dist[x], sigma[x], preds[x] = nd, sigma[v], [v]
                heapq.heappush(heap, (nd, tick, x))
                tick += 1
            elif nd == dist[x]:
                sigma[x] += sigma[v]
                preds[x].append(v)
    return dist, sigma, preds, order


def _exact_betweenness(G):
    """Raw Brandes betweenness in Fractions (undirected: each unordered pair once)."""
    bc = dict.fromkeys(G, Fraction(0))
    for s in G:
        _, sigma, preds, order = _exact_sssp(G, s)
        delta = dict.fromkeys(order, Fraction(0))
        for w in reversed(order):
            for v in preds[w]:
                delta[v] += Fraction(sigma[v], sigma[w]) * (1 + delta[w])
            if w != s:
                bc[w] += delta[w]
    return {v: b if G.is_directed() else b / 2 for v, b in bc.items()}


@functools.cache
def _exact_betweenness_of(seed, directed):
    """_exact_betweenness of _random_graph(seed, directed), computed once per graph for the
    module (the reference of several tests; read only)."""
    return _exact_betweenness(_random_graph(seed, directed))


def _has_float_tie(seed, directed):
    """True when some geodesic count differs between exact and exact-comparison float sums."""
    G = _random_graph(seed, directed)
    nx_bc = nx.betweenness_centrality(G, weight=lambda u, v, d: 1.0 / d["weight"], normalized=False)
    ex = _exact_betweenness_of(seed, directed)
    return any(not math.isclose(nx_bc[v], float(ex[v]), rel_tol=1e-9, abs_tol=1e-9) for v in G)


def test_the_reference_graphs_contain_float_ties_that_exact_comparison_misses():
    """The test set would catch the defect: networkx's own betweenness is wrong on some graphs."""
    wrong = sum(_has_float_tie(seed, directed) for seed in SEEDS for directed in (False, True))
    assert wrong >= 10


@pytest.mark.parametrize("backend", ["networkx", "igraph"])
@pytest.mark.parametrize("directed", [False, True])
def test_betweenness_matches_exact_rational_brandes(backend, directed):
    for seed in SEEDS:
        G = _random_graph(seed, directed)
        exact = _exact_betweenness_of(seed, directed)
        got = centrality(G, backend=backend, normalized=False)["betweenness"]
        for v in G:
            assert got[v] == pytest.approx(float(exact[v]), rel=1e-9, abs=1e-9), (seed, v)


def _exact_group_betweenness(G, group):
    """Everett-Borgatti group betweenness over ordered pairs outside `group`, normalised."""
    outside = [v for v in G if v not in group]
    k = len(outside)
    total = Fraction(0)
    for s in outside:
        dist, sigma, _, _ = _exact_sssp(G, s)
        dist_b, sigma_b, _, _ = _exact_sssp(G, s, blocked=frozenset(group))
        for t in outside:
            if t != s and t in dist:
                avoiding = sigma_b[t] if dist_b.get(t) == dist[t] else 0
                total += Fraction(sigma[t] - avoiding, sigma[t])
    return total / (k * (k - 1))


@pytest.mark.parametrize("directed", [False, True])
def test_sector_group_betweenness_matches_exact_rationals(directed):
    for seed in SEEDS[:25]:
        G = _random_graph(seed, directed)
        got = sector_centrality(G)["group_betweenness"]
        for sector in "UIGO":
            members = [v for v in G if G.nodes[v]["sector"] == sector]
            if len(G) - len(members) < 2 or not members:
                continue
            assert got[sector] == pytest.approx(float(_exact_group_betweenness(G, members)), abs=1e-12), (seed, sector)


@pytest.mark.parametrize("directed", [False, True])
def test_mediation_geodesic_counts_match_exact_rationals(directed):
    for seed in SEEDS:
        G = _random_graph(seed, directed)
        S = [v for v in G if G.nodes[v]["sector"] == "U"]
        T = [v for v in G if G.nodes[v]["sector"] == "I"]
        B = frozenset(v for v in G if G.nodes[v]["sector"] == "G")
        geo = via = 0
        for sources, targets in [(S, T), (T, S)] if directed else [(S, T)]:
            for s in sources:
                dist, sigma, _, _ = _exact_sssp(G, s)
                dist_b, sigma_b, _, _ = _exact_sssp(G, s, blocked=B)
                for t in targets:
                    if t in dist:
                        geo += sigma[t]
                        via += sigma[t] - (sigma_b[t] if dist_b.get(t) == dist[t] else 0)
        r = mediation(G)
        assert (r.geodesics, r.geodesics_via_broker) == (geo, via), seed


@pytest.mark.parametrize("directed", [True, False])
def test_configuration_geodesic_counts_match_exact_rationals(directed):
    """configuration's matrix path counting (the shortest-path DAG of every source, used by
    its U-I mediation and brokerage indicators) counts the same geodesics as exact Fractions."""
    from helixnet.networks._configuration import _Frame

    for seed in SEEDS[:30]:
        G = _random_graph(seed, directed)
        nodes = list(G.nodes)
        D, _, sigma, pos = _Frame.from_graph(G).geodesics(range(len(nodes)))
        for i, s in enumerate(nodes):
            _, exact, _, _ = _exact_sssp(G, s)
            for j, t in enumerate(nodes):
                if t != s:
                    assert sigma[pos[i], j] == exact.get(t, 0), (seed, s, t)


def test_tie_rule_is_relative_and_symmetric():
    """1/6 + 1/30 and 1/5 differ by rounding only (tied); 1 and 1 + 1e-6 do not."""
    a, b = 1 / 6 + 1 / 30, 1 / 5
    assert a != b and tied(a, b) and tied(b, a)
    assert not tied(1.0, 1.0 + 1e-6)
    assert tied(1e6 * a, 1e6 * b)  # scale-free
    assert REL_TOL == 1e-10  # igraph's IGRAPH_SHORTEST_PATH_EPSILON
