"""Benchmark: exact Shapley values of 20 players (issue 3 target: within 10 s).

Data: 10^5 records, three dimensions of 5 categories (the third coupled to
the first two, so T is non-zero), 20 players; seeded.

Baselines, measured in the same run:

* floor: the batched T evaluation alone (``_core.marginal_entropies`` and
  the co-information) of all 2^20 coalition tables, timed block by block on
  precomputed tables of the block size the algorithm uses — the cost that
  remains when building the tables and combining the Shapley weights were
  free;
* naive: one public-API call per coalition, ``hx.synergy(records of S,
  dims).T``, timed on a sample of random coalitions and extrapolated to
  2^20 coalitions.

Run: /work/venv/bin/python benchmarks/bench_shapley.py
"""

import math
import time

import numpy as np
import pandas as pd

import helixnet as hx
from helixnet.information import _decomposition as dec

N_RECORDS = 100_000
N_PLAYERS = 20
N_NAIVE = 100
SEED = 2024


def make_records(rng):
    a = rng.integers(0, 5, N_RECORDS)
    b = rng.integers(0, 5, N_RECORDS)
    c = (a + b + rng.integers(0, 3, N_RECORDS)) % 5
    player = rng.integers(0, N_PLAYERS, N_RECORDS)
    return pd.DataFrame({"a": a, "b": b, "c": c, "player": player})


def main():
    rng = np.random.default_rng(SEED)
    df = make_records(rng)
    dims = ["a", "b", "c"]

    # exact Shapley, end to end
    t0 = time.perf_counter()
    phi = hx.shapley(df, dims, "player", method="exact")
    t_exact = time.perf_counter() - t0
    assert phi.attrs["method"] == "exact"
    efficiency_gap = abs(phi.sum() - phi.attrs["total"])

    # floor: batched T of all 2^20 tables only (same block size as the algorithm)
    P, _ = dec._player_tables(df, dims, "player", None)
    cells = math.prod(P.shape[1:])
    b_lo = min(N_PLAYERS, int(math.log2(max(dec._BLOCK_CELLS // cells, 1))))
    low = dec._subset_sums(P[:b_lo])
    blocks = [low + P[b_lo + j] for j in range(N_PLAYERS - b_lo)] or [low]
    n_blocks = 1 << (N_PLAYERS - b_lo)
    t0 = time.perf_counter()
    for i in range(n_blocks):
        dec._T(blocks[i % len(blocks)], len(dims))
    t_floor = time.perf_counter() - t0

    # naive: one hx.synergy call per coalition, extrapolated
    masks = rng.integers(1, 1 << N_PLAYERS, N_NAIVE)
    codes = df["player"].to_numpy()
    t0 = time.perf_counter()
    for m in masks:
        members = [p for p in range(N_PLAYERS) if m >> p & 1]
        _ = hx.synergy(df[np.isin(codes, members)], dims=dims).T
    t_naive = (time.perf_counter() - t0) / N_NAIVE * (1 << N_PLAYERS)

    print(f"exact Shapley, {N_PLAYERS} players, {N_RECORDS:,} records, table 5x5x5")
    print(f"  time                          {t_exact:8.2f} s   (target 10 s)")
    print(f"  |sum(phi) - T(all)|           {efficiency_gap:.2e} bit")
    print(f"  floor: batched T of 2^{N_PLAYERS} tables {t_floor:8.2f} s   "
          f"ratio exact/floor = {t_exact / t_floor:.2f}")
    print(f"  naive: hx.synergy per coalition {t_naive:8.0f} s "
          f"(extrapolated from {N_NAIVE} coalitions)   "
          f"speed-up naive/exact = {t_naive / t_exact:.0f}x")
    pd.set_option("display.width", 120)
    print(phi.round(5).to_frame().T.to_string())


if __name__ == "__main__":
    main()
