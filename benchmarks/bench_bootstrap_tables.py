"""Benchmark: the intervals of a trends table, table by table against batched.

``trends_table`` (OpenAlex) and ``synergy_table`` (bibliometrics) bootstrap one small table per
row (2x2x2 for T_UIG and 2x2x2x2 for R_UIGF). Three ways, in one process, on the same tables:

* **floor**: numpy alone drawing the multinomial replicates of every table (what any
  implementation must do; no entropies);
* **one by one**: ``hx.bootstrap(table, n_resamples, seed)`` per table, what both functions did
  until 0.2 (mostly fixed overhead per call for tables this small);
* **batched**: ``information._uncertainty.bootstrap_tables``, which draws each table's
  replicates as ``hx.bootstrap`` does and computes the entropies of many tables' replicates in
  one pass. Its values must equal the one-by-one values bit for bit (checked here too).

The tables are the country-year tables of the bundled OpenAlex sample snapshot (617 rows, two
tables each), repeated ``--copies`` times.

Usage: /work/venv/bin/python benchmarks/bench_bootstrap_tables.py [--resamples 200] [--copies 1]

Measured 2026-12-07 on 2 cores shared with other jobs (load average 1.3; best of 3; the ratios
are what to read). The values of the two ways are identical (asserted):

=========  ======  ========  ============  ==========  ===========  =============
resamples  tables  floor s   one by one s  batched s   one/batched  batched/floor
=========  ======  ========  ============  ==========  ===========  =============
3          1234    0.006     0.896         0.189       4.7          32.5
200        1234    0.047     1.371         0.720       1.9          15.5
1000       1234    0.194     3.184         2.615       1.2          13.5
=========  ======  ========  ============  ==========  ===========  =============

"One by one" is already the faster hx.bootstrap of this session (one quantile call per result and
scipy.special's normal functions: 0.79 ms per call on a 2x2x2x2 table at 3 resamples, 1.87 ms
before); ``hx.openalex`` on the bundled sample with 3 resamples went from 2.9 s to 0.84 s.
"""

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import helixnet as hx  # noqa: E402
from helixnet.bibliometrics import _openalex as oa  # noqa: E402
from helixnet.information._uncertainty import bootstrap_tables  # noqa: E402


def sample_tables():
    table = oa.openalex(oa.SAMPLE_SNAPSHOT, n_resamples=0).table
    out = []
    for _, row in table.iterrows():
        t4 = hx.venn_table({c: int(row[c]) for c in oa.CELLS if c != "none"}, none=int(row["none"]), dims="UIGF")
        out += [t4.sum(axis=3), t4]
    return out


def best(f, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = f()
        times.append(time.perf_counter() - t0)
    return min(times), value


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resamples", type=int, nargs="+", default=[3, 200, 1000])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    tables = sample_tables() * args.copies

    def floor(n):
        rng = np.random.default_rng(0)
        for t in tables:
            flat = t.reshape(-1)
            rng.multinomial(int(flat.sum()), flat / flat.sum(), size=n)

    def one_by_one(n):
        return [(b.estimate.T, *b.interval()) for b in (hx.bootstrap(t, n_resamples=n, seed=0) for t in tables)]

    def batched(n):
        return [(b.estimate, b.ci_low, b.ci_high) for b in bootstrap_tables(tables, n, seed=0)]

    print(f"{'resamples':>9} {'tables':>6} {'floor s':>8} {'one by one s':>12} {'batched s':>9} "
          f"{'one/batched':>11} {'batched/floor':>13}")
    for n in args.resamples:
        t_floor, _ = best(lambda: floor(n), args.repeat)
        t_one, v_one = best(lambda: one_by_one(n), args.repeat)
        t_batch, v_batch = best(lambda: batched(n), args.repeat)
        assert v_one == v_batch, "batched values differ from hx.bootstrap's"
        print(f"{n:>9} {len(tables):>6} {t_floor:>8.3f} {t_one:>12.3f} {t_batch:>9.3f} "
              f"{t_one / t_batch:>11.1f} {t_batch / t_floor:>13.1f}")


if __name__ == "__main__":
    main()
