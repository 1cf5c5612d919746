"""Benchmark: helixnet.centrality on igraph against networkx (the baseline).

Builds seeded random weighted actor graphs (directed and undirected), times
``centrality(G, backend=...)`` for both backends in this process (best of
`repeat` runs), checks that the tables agree within 1e-6 relative, and prints
the speed-up ratio networkx_time / igraph_time with both timings beside it.

Run:  /work/venv/bin/python benchmarks/bench_centrality.py [n_nodes] [mean_out_degree]
"""

import sys
import time

import networkx as nx
import numpy as np

from helixnet.centrality import MEASURES, centrality


def actor_graph(n, k, directed, seed):
    rng = np.random.default_rng(seed)
    G = nx.gnm_random_graph(n, n * k, seed=seed, directed=directed)
    for u, v in G.edges:
        G.edges[u, v]["weight"] = float(rng.uniform(0.1, 5.0))
    nx.set_node_attributes(G, dict(zip(G.nodes, rng.choice(list("UIGO"), size=n))), "sector")
    return G


def best_of(func, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = func()
        times.append(time.perf_counter() - t0)
    return min(times), out


def main(n=1000, k=5, repeat=2):
    print(f"centrality() on G(n={n}, m={n * k}) weighted random graphs, best of {repeat}")
    print(f"{'graph':<11}{'networkx s':>12}{'igraph s':>10}{'ratio':>8}  max rel diff")
    for directed in (True, False):
        G = actor_graph(n, k, directed, seed=1)
        t_nx, a = best_of(lambda: centrality(G, backend="networkx"), repeat)
        t_ig, b = best_of(lambda: centrality(G, backend="igraph"), repeat)
        x, y = a[list(MEASURES)].to_numpy(), b[list(MEASURES)].to_numpy()
        diff = np.max(np.abs(x - y) / np.maximum(np.abs(x), 1e-12))
        label = "directed" if directed else "undirected"
        print(f"{label:<11}{t_nx:>12.2f}{t_ig:>10.2f}{t_nx / t_ig:>7.1f}x  {diff:.1e}")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*args)
