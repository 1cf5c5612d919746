"""Benchmark: vectorised Gould–Fernandez brokerage vs a direct triple loop.

The baseline is the definition as a Python loop over ordered triples
(a, b, c) with a -> b -> c and no a -> c, run in the same process on the same
seeded random digraph. Also times hierarchy() (without the weighted global
reaching centrality, which is networkx's all-pairs Dijkstra).

Run: /work/venv/bin/python benchmarks/bench_brokerage.py
"""

import time

import networkx as nx
import numpy as np

from helixnet.networks._brokerage import ROLES, brokerage
from helixnet.networks._hierarchy import hierarchy


def triple_loop(G, attr="sector"):
    grp = nx.get_node_attributes(G, attr)
    succ = {v: set(G.successors(v)) - {v} for v in G}
    out = {v: dict.fromkeys(ROLES, 0) for v in G}
    for b in G:
        for a in G.predecessors(b):
            if a == b:
                continue
            for c in succ[b]:
                if c == a or c in succ[a]:
                    continue
                ga, gb, gc = grp[a], grp[b], grp[c]
                if ga == gb == gc:
                    out[b]["coordinator"] += 1
                elif ga == gc:
                    out[b]["itinerant"] += 1
                elif ga == gb:
                    out[b]["representative"] += 1
                elif gb == gc:
                    out[b]["gatekeeper"] += 1
                else:
                    out[b]["liaison"] += 1
    return out


def best_of(f, repeat=3):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    rng = np.random.default_rng(0)
    brokerage(_graph(10, 0.3, rng))  # warm-up: imports
    cases = [(f"gnp n={n} p={p}", _graph(n, p, rng)) for n, p in [(2000, 0.005), (5000, 0.004), (500, 0.2)]]
    cases.append(("scale-free n=3000 (hubs)", _scale_free(3000, rng)))
    for label, G in cases:
        fast = best_of(lambda: brokerage(G))
        slow = best_of(lambda: triple_loop(G), repeat=1)
        print(
            f"{label:26s} m={G.number_of_edges():6d}  triple loop {slow:8.3f} s  "
            f"brokerage {fast:7.3f} s  speed-up {slow / fast:6.1f}x"
        )
        t = time.perf_counter()
        h = hierarchy(G, weight=None)  # unweighted: no networkx all-pairs Dijkstra
        print(
            f"{'':26s} hierarchy(weight=None) {time.perf_counter() - t:.3f} s "
            f"(krackhardt={h['krackhardt']:.3f}, lub={h['lub']:.3f})"
        )


def _scale_free(n, rng):
    G = nx.DiGraph(nx.scale_free_graph(n, seed=int(rng.integers(1 << 31))))
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    nx.set_node_attributes(G, {v: "UIGO"[int(rng.integers(4))] for v in G}, "sector")
    return G


def _graph(n, p, rng):
    G = nx.gnp_random_graph(n, p, seed=int(rng.integers(1 << 31)), directed=True)
    nx.set_node_attributes(G, {v: "UIGO"[int(rng.integers(4))] for v in G}, "sector")
    return G


if __name__ == "__main__":
    main()
