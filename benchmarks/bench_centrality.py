"""Benchmark: helixnet.centrality at scale, against baselines measured in the same run.

Four parts, each printing absolute seconds and a ratio against its baseline:

1. ``n_small`` nodes: networkx backend against igraph backend (both exact),
   with the largest relative difference between their tables.
2. 10^4 nodes, 3x10^4 weighted edges, exact, ``backend="igraph"``: against
   the bare igraph calls that do the path work (``Graph.betweenness`` and
   ``Graph.harmonic_centrality``), i.e. the overhead helixnet adds.
3. Sampled estimates (``k`` sources) on the same 10^4-node graph: time, and
   their error against the exact values of part 2 (median relative error
   over nodes with a non-zero value, Spearman rank correlation, and the share
   of the exact top-1 % nodes found in the estimated top-1 %).
4. 10^5 nodes, 3x10^5 weighted edges, ``backend="igraph"`` with ``k``
   sources: the scale target of issue 11 (at most 60 s on the 2-core
   development machine), against bare igraph/scipy calls over the same
   sources; the exact time is extrapolated from the per-source cost.

Also prints the calibration of the networkx backend's "this may take hours"
warning. The machine load average is printed first: absolute times on a
shared machine are noisy, ratios less so.

Run:  /work/venv/bin/python benchmarks/bench_centrality.py [n_small] [n_large] [k_large]
"""

import os
import sys
import time
import warnings

import networkx as nx
import numpy as np
import scipy.sparse as sp
import scipy.sparse.csgraph as csg
from scipy.stats import spearmanr

from helixnet.networks._centrality import _NETWORKX_SECONDS_PER_SOURCE_EDGE, MEASURES, centrality


def actor_graph(n, m, directed, seed):
    """G(n, m) with integer weights 1..9 and random sectors (seeded)."""
    rng = np.random.default_rng(seed)
    G = nx.gnm_random_graph(n, m, seed=seed, directed=directed)
    weights = rng.integers(1, 10, size=G.number_of_edges()).astype(float)
    nx.set_edge_attributes(G, dict(zip(G.edges, weights)), "weight")
    nx.set_node_attributes(G, dict(zip(G.nodes, rng.choice(list("UIGO"), size=n))), "sector")
    return G


def timed(func):
    t0 = time.perf_counter()
    out = func()
    return time.perf_counter() - t0, out


def bare_igraph(G):
    """The igraph graph helixnet's backend builds (lengths 1/weight), built outside the timing."""
    import igraph as ig

    nodes = list(G.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in G.edges]
    g = ig.Graph(n=len(nodes), edges=edges, directed=G.is_directed())
    g.es["dist"] = [1.0 / d["weight"] for _, _, d in G.edges(data=True)]
    return g


def errors(exact, estimate):
    """(median relative error on non-zero exact values, Spearman rho, top-1 % recall)."""
    nz = exact > 0
    rel = float(np.median(np.abs(estimate[nz] - exact[nz]) / exact[nz])) if nz.any() else float("nan")
    rho = float(spearmanr(exact, estimate).statistic)
    top = max(1, len(exact) // 100)
    recall = len(set(np.argsort(-exact)[:top]) & set(np.argsort(-estimate)[:top])) / top
    return rel, rho, recall


def part_backends(n):
    print(f"\n1. networkx vs igraph backend, exact, G(n={n}, m={3 * n}) directed and undirected")
    print(f"{'graph':<11}{'networkx s':>12}{'igraph s':>10}{'ratio':>8}  max rel diff")
    for directed in (True, False):
        G = actor_graph(n, 3 * n, directed, seed=1)
        t_nx, a = timed(lambda: centrality(G, backend="networkx"))
        t_ig, b = timed(lambda: centrality(G, backend="igraph"))
        x, y = a[list(MEASURES)].to_numpy(), b[list(MEASURES)].to_numpy()
        diff = np.max(np.abs(x - y) / np.maximum(np.abs(x), 1e-12))
        print(f"{'directed' if directed else 'undirected':<11}{t_nx:>12.2f}{t_ig:>10.2f}{t_nx / t_ig:>7.1f}x  {diff:.1e}")
        per = t_nx / (2 * n * ((3 if directed else 6) * n + n))
        print(f"   networkx backend: {per:.1e} s per source x adjacency entry (warning constant "
              f"{_NETWORKX_SECONDS_PER_SOURCE_EDGE:.0e}); exact at 10^5 nodes, 3x10^5 edges ~ "
              f"{per * 2 * 1e5 * ((3 if directed else 6) * 1e5 + 1e5) / 3600:.0f} h")


def part_exact_10k():
    n = 10_000
    print(f"\n2. igraph backend, exact, G(n={n}, m={3 * n}) directed, against bare igraph calls")
    G = actor_graph(n, 3 * n, True, seed=2)
    g = bare_igraph(G)
    t_base, _ = timed(lambda: (g.betweenness(weights="dist"), g.harmonic_centrality(mode="in", weights="dist")))
    t_hx, exact = timed(lambda: centrality(G, backend="igraph"))
    print(f"   bare igraph betweenness + harmonic: {t_base:7.1f} s")
    print(f"   helixnet centrality (all columns):  {t_hx:7.1f} s   ratio {t_hx / t_base:.2f}x")
    return G, exact, t_hx


def part_sampled_10k(G, exact, t_exact, ks=(100, 500, 2000)):
    print("\n3. sampled estimates on the same graph (igraph backend, seed 0) against exact")
    print(f"{'k':>6}{'time s':>9}{'vs exact':>10}  {'betweenness: med rel err, rho, top-1% recall':<46}closeness: same")
    for k in ks:
        t, est = timed(lambda: centrality(G, backend="igraph", k=k, seed=0))
        cols = []
        for m in ("betweenness", "closeness"):
            rel, rho, recall = errors(exact[m].to_numpy(), est[m].to_numpy())
            cols.append(f"{rel:7.1%} {rho:6.3f} {recall:6.0%}")
        print(f"{k:>6}{t:>9.1f}{t / t_exact:>9.2f}x  {cols[0]:<46}{cols[1]}")


def part_large(n=100_000, k=100):
    print(f"\n4. igraph backend, k={k} sampled sources, G(n={n}, m={3 * n}) directed (target: <= 60 s)")
    t_build, G = timed(lambda: actor_graph(n, 3 * n, True, seed=3))
    g = bare_igraph(G)
    S = np.sort(np.random.default_rng(0).choice(n, size=k, replace=False))
    ig_nodes = list(G.nodes)
    A = sp.csr_array(
        ([1.0 / d["weight"] for _, _, d in G.edges(data=True)],
         ([u for u, _ in G.edges], [v for _, v in G.edges])), shape=(n, n))  # fmt: skip
    t_base, _ = timed(lambda: (g.betweenness(weights="dist", sources=S.tolist()), csg.dijkstra(A, indices=S)))
    t_hx, _ = timed(lambda: centrality(G, backend="igraph", k=k, seed=0))
    assert ig_nodes == list(range(n))
    print(f"   (graph built in {t_build:.1f} s, not timed below)")
    print(f"   bare igraph betweenness + scipy dijkstra from {k} sources: {t_base:7.1f} s")
    print(f"   helixnet centrality(k={k}) (all columns):              {t_hx:7.1f} s   ratio {t_hx / t_base:.2f}x")
    print(f"   exact (all {n} sources) extrapolated from the path work: ~{t_base * n / k / 3600:.1f} h")


def main(n_small=1000, n_large=100_000, k_large=100):
    try:
        print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    except OSError:
        pass
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        part_backends(n_small)
    G, exact, t_exact = part_exact_10k()
    part_sampled_10k(G, exact, t_exact)
    part_large(n_large, k_large)


if __name__ == "__main__":
    main(*[int(a) for a in sys.argv[1:]])
