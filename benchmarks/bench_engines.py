"""Benchmark: counting a generated Parquet file with each engine, and the CLI start-to-finish.

1. A Parquet file of ``--rows`` records (three small-int dimensions) is written
   in row groups of ``--row-group`` rows (bounded memory) into a temporary
   folder, deleted at the end. Each engine counts it in a fresh subprocess,
   which reports its wall time and its own peak RSS
   (``resource.getrusage(RUSAGE_SELF).ru_maxrss``). Ratios are against DuckDB.
2. ``helixnet synergy FILE --dims a,b,c --format json`` on ``--cli-rows``
   records, as a whole fresh process, against a bare script in a fresh process
   (import duckdb + numpy, GROUP BY, dense table, the 7 entropies and T).
   Target: ratio <= 1.5. Each process is timed ``--repeat`` times; the best is
   reported.

Usage: /work/venv/bin/python benchmarks/bench_engines.py [--rows 100000000] [--cli-rows 10000000]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ENGINE_CHILD = r"""
import resource, sys, time
t0 = time.perf_counter()
from helixnet.information._engines import count_table
ct = count_table(sys.argv[1], ["a", "b", "c"], engine=sys.argv[2])
t = time.perf_counter() - t0
print(t, ct.n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, int(ct.counts.sum()))
"""

BARE_CHILD = r"""
import sys
import duckdb, numpy as np
con = duckdb.connect()
rows = con.execute(f"SELECT a, b, c, COUNT(*) FROM read_parquet('{sys.argv[1]}') GROUP BY ALL").fetchall()
arr = np.array(rows, dtype=np.int64)
cats = [np.unique(arr[:, i]) for i in range(3)]
codes = [np.searchsorted(c, arr[:, i]) for i, c in enumerate(cats)]
table = np.zeros([len(c) for c in cats])
table[tuple(codes)] = arr[:, 3]
p = table / table.sum()
def H(axes):
    m = p.sum(axis=tuple(a for a in range(3) if a not in axes))
    m = m[m > 0]
    return -(m * np.log2(m)).sum()
T = H((0,)) + H((1,)) + H((2,)) - H((0, 1)) - H((0, 2)) - H((1, 2)) + H((0, 1, 2))
print(T)
"""


def write_parquet(path, rows, row_group, seed=0):
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(seed)
    schema = pa.schema([("a", pa.int16()), ("b", pa.int16()), ("c", pa.int16())])
    with pq.ParquetWriter(path, schema) as writer:
        done = 0
        while done < rows:
            m = min(row_group, rows - done)
            a = rng.integers(0, 10, m, dtype=np.int16)
            b = ((a * 3 + rng.integers(0, 20, m)) % 20).astype(np.int16)  # b depends on a: T != 0
            c = rng.integers(0, 5, m, dtype=np.int16)
            writer.write_table(pa.table({"a": a, "b": b, "c": c}, schema=schema))
            done += m


def timed(cmd, repeat):
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True)
        dt = time.perf_counter() - t0
        if p.returncode:
            raise SystemExit(f"failed: {' '.join(cmd)}\n{p.stderr}")
        if dt < best:
            best, out = dt, p.stdout
    return best, out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=10**8)
    ap.add_argument("--cli-rows", type=int, default=10**7)
    ap.add_argument("--row-group", type=int, default=2_000_000)
    ap.add_argument("--engines", default="duckdb,pandas,dask")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-engines", action="store_true")
    ap.add_argument("--skip-cli", action="store_true")
    args = ap.parse_args()
    py = sys.executable
    tmp = tempfile.mkdtemp(prefix="helixnet-bench-")
    try:
        print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
        if not args.skip_engines:
            path = os.path.join(tmp, "records.parquet")
            t0 = time.perf_counter()
            write_parquet(path, args.rows, args.row_group)
            print(f"\n[1] {args.rows:,} rows written in {time.perf_counter() - t0:.1f} s "
                  f"({os.path.getsize(path) / 2**20:.0f} MiB Parquet)")
            results = {}
            for engine in args.engines.split(","):
                wall, out = timed([py, "-c", ENGINE_CHILD, path, engine], 1)
                t, n, rss_kib, total = out.split()
                assert int(n) == args.rows == int(total), (engine, n, total)
                results[engine] = (float(t), int(rss_kib) / 1024)
            base = results.get("duckdb", next(iter(results.values())))[0]
            print(f"{'engine':<8} {'T count (s)':>12} {'ratio vs duckdb':>16} {'peak RSS (MiB)':>15}")
            for engine, (t, rss) in results.items():
                print(f"{engine:<8} {t:12.2f} {t / base:16.2f} {rss:15.0f}")
        if not args.skip_cli:
            path = os.path.join(tmp, "cli.parquet")
            write_parquet(path, args.cli_rows, args.row_group, seed=1)
            t_bare, out_bare = timed([py, "-c", BARE_CHILD, path], args.repeat)
            t_cli, out_cli = timed([py, "-m", "helixnet.cli", "synergy", path, "--dims", "a,b,c", "--format", "json"],
                                   args.repeat)  # fmt: skip
            import json

            T_cli = json.loads(out_cli)["mutual_information"]["a,b,c"]
            T_bare = float(out_bare)
            assert abs(T_cli - T_bare) < 1e-9, (T_cli, T_bare)
            print(f"\n[2] {args.cli_rows:,} rows, whole fresh process, best of {args.repeat}")
            print(f"bare duckdb + numpy : {t_bare:.3f} s  (T = {T_bare:.6f} bit)")
            print(f"helixnet synergy CLI: {t_cli:.3f} s  (T = {T_cli:.6f} bit)")
            print(f"ratio CLI / bare    : {t_cli / t_bare:.2f}  (target <= 1.5)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
