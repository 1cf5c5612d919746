"""Benchmark: the Triple Helix indicator's records path, table path and bootstrap.

Issue 3 targets, each against a baseline measured in the same run:

(a) records path: ``hx.synergy(records, dims).T`` for 10^7 records of three
    integer columns, against the floor ``np.bincount`` on precomputed
    combined codes followed by the entropies (``_core``) — target <= 1.5x;
(b) table path: ``hx.mutual_information`` against
    ``dit.multivariate.coinformation`` on a 50x20x10 table — target >= 100x
    faster (dit's time includes building its Distribution from the table);
(c) 10,000 bootstrap replicates of a 1,000-cell (10x10x10) table — target
    within 1 s; ratio against a bare ``rng.multinomial`` of the same
    10,000 x 1,000 draws.

Times are the best of several repeats (the machine is shared). Seeded.

Run: /work/venv/bin/python benchmarks/bench_information.py
"""

import time

import numpy as np
import pandas as pd

import helixnet as hx
from helixnet.information import _core

SEED = 2024


def best(f, repeat=5):
    times = []
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t0)
    return min(times), out


def records_path(rng):
    n = 10**7
    sizes = (50, 20, 10)
    df = pd.DataFrame({c: rng.integers(0, s, n) for c, s in zip("abc", sizes)})
    df["c"] = (df["a"] + df["b"] + df["c"]) % sizes[2]  # coupled, so T != 0
    cols = [df[c].to_numpy() for c in "abc"]
    codes = np.ravel_multi_index(cols, sizes)  # precomputed: not timed

    def floor():
        table = np.bincount(codes, minlength=int(np.prod(sizes))).reshape(sizes)
        return _core.coinformation(_core.marginal_entropies(table)) * _core.unit_factor("bit")

    def ours():
        return hx.synergy(df, dims=["a", "b", "c"]).T

    t_floor, v_floor = best(floor)
    t_ours, v_ours = best(ours)
    assert abs(v_floor - v_ours) < 1e-12, (v_floor, v_ours)
    print(
        f"(a) records path, 10^7 rows x 3 int columns: helixnet {t_ours * 1e3:.1f} ms, "
        f"floor (bincount of precomputed codes + entropies) {t_floor * 1e3:.1f} ms, "
        f"ratio {t_ours / t_floor:.2f}x (target <= 1.5x)"
    )


def table_path(rng):
    import dit

    table = rng.integers(0, 30, (50, 20, 10))

    def with_dit():
        idx = np.argwhere(table > 0)
        pmf = table[table > 0] / table.sum()
        d = dit.Distribution([tuple(int(v) for v in i) for i in idx], pmf.tolist())
        return dit.multivariate.coinformation(d)

    t_ours, v_ours = best(lambda: hx.mutual_information(table), repeat=20)
    t_dit, v_dit = best(with_dit, repeat=2)
    assert abs(v_ours - v_dit) < 1e-9, (v_ours, v_dit)
    print(
        f"(b) table path, 50x20x10: helixnet {t_ours * 1e3:.2f} ms, dit {t_dit * 1e3:.0f} ms, "
        f"speed-up {t_dit / t_ours:.0f}x (target >= 100x)"
    )


def bootstrap_path(rng):
    table = rng.integers(1, 50, (10, 10, 10))
    n_boot = 10_000
    p = (table / table.sum()).ravel()
    n = int(table.sum())

    def bare():
        return np.random.default_rng(SEED).multinomial(n, p, size=n_boot)

    t_bare, _ = best(bare, repeat=3)
    t_ours, res = best(lambda: hx.bootstrap(table, n_boot=n_boot, seed=SEED), repeat=3)
    lo, hi = res.interval()
    print(
        f"(c) bootstrap, 10,000 replicates of a 1,000-cell table (N={n}): helixnet "
        f"{t_ours:.2f} s (target <= 1 s), bare rng.multinomial of the same draws "
        f"{t_bare:.2f} s, ratio {t_ours / t_bare:.2f}x; T = {res.estimate.T:.5f} "
        f"[{lo:.5f}, {hi:.5f}] bits"
    )


if __name__ == "__main__":
    rng = np.random.default_rng(SEED)
    records_path(rng)
    table_path(rng)
    bootstrap_path(rng)
