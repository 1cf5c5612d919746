"""Benchmark: ``helixnet openalex --snapshot`` against DuckDB only counting the rows of the same files.

1. A synthetic snapshot of ``--works`` works is written in the real layout
   (``works/updated_date=*/part_*.gz``, gzip JSON lines, about 250,000 works a
   file) by :func:`helixnet.bibliometrics._openalex_synth.write_snapshot`, with realistic
   distributions and filler fields (see that module), into a temporary folder
   (or ``--keep DIR``, reused when it exists).
2. Each measurement is a fresh process, timed start to finish; its peak RSS
   comes from ``os.wait4`` (the child's own ``ru_maxrss``):

   * **floor**: ``SELECT count(*) FROM read_json(files, columns={'id': 'VARCHAR'})``
     in DuckDB (import, decompress, parse, count);
   * **helixnet**: ``helixnet openalex --snapshot DIR --bootstrap 0 --format csv --out FILE``
     (the whole command: import, the sector query, the table, the CSV);
   * **helixnet + bootstrap**: the same with ``--bootstrap 200`` (the intervals cost
     per country-year row, not per work);
   * **dask**: ``--engine dask`` on a local cluster; its CSV must equal DuckDB's.

   Targets: helixnet within 1.5x of the floor; peak RSS under 2 GB at 10^7 works.
   Each process runs ``--repeat`` times; the best time and the largest RSS are reported.

Usage: /work/venv/bin/python benchmarks/bench_openalex.py [--works 200000] [--keep DIR] [--repeat 2]

Measured 2026-11-30 on 2 cores shared with other jobs (load average 8-11, so the absolute
times are noisy; the ratios are what to read):

==========================  ==========  ===========  ========  ==================
works (files)               floor s     helixnet s   ratio     peak RSS MB (floor)
==========================  ==========  ===========  ========  ==================
10^5 (1 file)               3.93        5.40         1.37      486 (208)
10^6 (4 files)              42.3        73.0         1.73      603 (267)
10^7 (4 files read 10x)     505         543          1.07      606 (332)
==========================  ==========  ===========  ========  ==================

``--engine dask`` (LocalCluster) wrote a CSV byte-identical to DuckDB's at 10^5 and 10^6.

Re-run on a quieter machine (load average about 1.5), 10^6 works, ``--repeat 1 --skip-dask``: floor
18.96 s (268 MB); helixnet ``--bootstrap 0`` 15.84 s = 0.84x (604 MB); ``--bootstrap 200`` 32.33 s =
1.71x (the 810 country-year rows' intervals, a cost per row rather than per work).
(The --bootstrap 200 figure predates the batched intervals of 0.2; bench_bootstrap_tables.py measures that step.)
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FLOOR = r"""
import sys, duckdb
files = sys.argv[1:]
con = duckdb.connect(config={"preserve_insertion_order": False})
con.execute("SET enable_progress_bar = false")
n = con.execute("SELECT count(*) FROM read_json(?, format='newline_delimited', columns={'id': 'VARCHAR'})",
                [files]).fetchone()[0]
print(n)
"""


def run_measured(cmd, env):
    """(seconds, peak RSS in MB, stdout) of one fresh process; the RSS is the child's own (os.wait4)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}\n{err.read()}")
        return seconds, usage.ru_maxrss / 1024, out.read()


def best(cmd, env, repeat):
    runs = [run_measured(cmd, env) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs), runs[0][2]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--works", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", metavar="DIR", help="write (or reuse) the snapshot here instead of a temp folder")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--skip-bootstrap", action="store_true")
    ap.add_argument("--replicate", type=int, default=1, metavar="K",
                    help="read every generated file K times (symbolic links in K partitions): K times the "
                         "works without K times the generation; repeated works are counted K times")
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT))
    from helixnet.bibliometrics._openalex import snapshot_files
    from helixnet.bibliometrics._openalex_synth import write_snapshot

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    tmp = None
    if args.keep:
        snap = Path(args.keep)
    else:
        tmp = tempfile.mkdtemp(prefix="bench-openalex-")
        snap = Path(tmp) / "snapshot"
    try:
        if not (snap / "works").exists():
            t0 = time.perf_counter()
            write_snapshot(snap, args.works, seed=args.seed)
            print(f"generated {args.works:,} works in {time.perf_counter() - t0:.1f} s")
        if args.replicate > 1:
            src = snapshot_files(snap)
            rep = Path(tempfile.mkdtemp(prefix="bench-openalex-rep-")) / "snapshot"
            for k in range(args.replicate):
                for f in src:
                    part = rep / "works" / f"{Path(f).parent.name}-copy{k}" / Path(f).name
                    part.parent.mkdir(parents=True, exist_ok=True)
                    part.symlink_to(f)
            snap = rep
        files = snapshot_files(snap)
        size = sum(os.path.getsize(f) for f in files)
        print(f"snapshot: {len(files)} files, {size / 2**20:.1f} MiB gzip, {os.cpu_count()} cores")

        t_floor, rss_floor, out = best([sys.executable, "-c", FLOOR, *files], env, args.repeat)
        n = int(out.strip())
        out_dir = Path(tempfile.mkdtemp(prefix="bench-openalex-out-"))
        cli = [sys.executable, "-m", "helixnet.cli", "openalex", "--snapshot", str(snap), "--quiet",
               "--format", "csv"]
        t_hx, rss_hx, _ = best(cli + ["--bootstrap", "0", "--out", str(out_dir / "duck.csv")], env, args.repeat)
        rows = [("floor: duckdb count(*)", t_floor, rss_floor), ("helixnet openalex --bootstrap 0", t_hx, rss_hx)]
        if not args.skip_bootstrap:
            t_b, rss_b, _ = best(cli + ["--bootstrap", "200", "--out", str(out_dir / "boot.csv")], env, 1)
            rows.append(("helixnet openalex --bootstrap 200", t_b, rss_b))
        same = None
        if not args.skip_dask:
            t_d, rss_d, _ = best(cli + ["--bootstrap", "0", "--engine", "dask", "--out", str(out_dir / "dask.csv")],
                                 env, 1)
            rows.append(("helixnet openalex --engine dask (LocalCluster)", t_d, rss_d))
            same = (out_dir / "duck.csv").read_bytes() == (out_dir / "dask.csv").read_bytes()
        import pandas as pd

        table = pd.read_csv(out_dir / "duck.csv", keep_default_na=False, na_values=[""])
        print(f"works: {n:,}; country-year rows: {len(table):,}; countries: {table['country'].nunique()}")
        print(f"{'measurement':<48} {'seconds':>9} {'works/s':>11} {'x floor':>8} {'peak RSS MB':>12}")
        for name, t, rss in rows:
            print(f"{name:<48} {t:9.2f} {n / t:11,.0f} {t / t_floor:8.2f} {rss:12.0f}")
        ratio = t_hx / t_floor
        print(f"target helixnet <= 1.5x floor: {'met' if ratio <= 1.5 else 'NOT met'} ({ratio:.2f}x)")
        if same is not None:
            print(f"dask CSV identical to duckdb CSV: {same}")
        shutil.rmtree(out_dir)
    finally:
        if args.replicate > 1:
            shutil.rmtree(snap.parent, ignore_errors=True)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
