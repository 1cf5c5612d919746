"""Benchmark: ``helixnet bibliometrics`` on large generated Web of Science exports.

A generator writes WoS plain-text exports shaped like real ones (about 5 KB a
record: title, authors, an abstract, 3-6 C1 addresses with author groups,
cited references, the usual tags). The benchmark then measures, in the same
run and in fresh processes:

* the floor: reading the file's lines and doing nothing else;
* ``helixnet bibliometrics FILE`` end to end (reading, classification,
  Venn counts, T), single file and the same records split over several files;

and prints records/s and peak resident memory (of the largest process, and of the
CLI with its worker processes added up) beside the floor, and their ratios (the
machine is shared: compare ratios; ``--compare`` runs another source tree, such as
a worktree of the baseline commit, interleaved in the same run).

The exports are generated at two or three sizes (``--records``, default about
100, 250 and 500 MB), so that a peak memory independent of the size of the
input shows as a flat column, and the growth per MB of input is printed.

Usage::

    PYTHONPATH=. python benchmarks/bench_bibliometrics.py [--records 22000 55000 110000] [--files 4]
        [--keep DIR] [--compare /path/to/baseline/worktree] [--audit] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ORGS = [
    "Al Farabi Kazakh Natl Univ, Dept Phys, Almaty 050040, Kazakhstan",
    "Nazarbayev Univ, Sch Engn, Astana 010000, Kazakhstan",
    "Samsung Elect Co Ltd, Suwon 16677, South Korea",
    "Minist Energy, Astana 010000, Kazakhstan",
    "Univ Cambridge, Dept Chem, Cambridge CB2 1EW, England",
    "Max Planck Inst Chem Phys Solids, D-01187 Dresden, Germany",
    "Stanford Univ, Dept Mat Sci & Engn, Stanford, CA 94305 USA",
    "Chinese Acad Sci, Inst Phys, Beijing 100190, Peoples R China",
    "Toyota Cent Res & Dev Labs Inc, Nagakute, Aichi 4801192, Japan",
    "Natl Renewable Energy Lab, Golden, CO 80401 USA",
    "Massachusetts Gen Hosp, Boston, MA 02114 USA",
    "Siemens AG, Corp Technol, Munich, Germany",
    "CNRS, Lab Chim Phys, F-91405 Orsay, France",
    "Indian Inst Technol, Dept Elect Engn, Mumbai 400076, Maharashtra, India",
    "Univ Sao Paulo, Inst Fis, BR-05508090 Sao Paulo, Brazil",
]
WORDS = ("synergy", "network", "university", "industry", "government", "innovation", "knowledge", "transfer",
         "patent", "region", "policy", "firm", "collaboration", "science", "technology", "quantum", "alloy",
         "membrane", "protein", "catalyst")


def record(i: int, rng: random.Random) -> str:
    n_auth = rng.randint(2, 8)
    authors = [f"Author{rng.randint(1, 99999)}, {chr(65 + rng.randint(0, 25))}" for _ in range(n_auth)]
    au = "AU " + "\n   ".join(authors)
    c1 = "C1 " + "\n   ".join(f"[{authors[k % n_auth]}] {rng.choice(ORGS)}." for k in range(rng.randint(3, 6)))
    ab = "AB " + " ".join(rng.choice(WORDS) for _ in range(220))
    refs = "CR " + "\n   ".join(f"Author{rng.randint(1, 9999)} X, {rng.randint(1980, 2020)}, J APPL PHYS, "
                                f"V{rng.randint(1, 120)}, P{rng.randint(1, 9999)}, DOI 10.1000/{rng.randint(1, 10**8)}"
                                for _ in range(30))
    return (f"PT J\n{au}\nTI " + " ".join(rng.choice(WORDS) for _ in range(12)) + "\nSO JOURNAL OF TESTS\n"
            f"LA English\nDT Article\n{ab}\n{c1}\nRP {authors[0]} (corresponding author)\nEM x@y.org\n{refs}\n"
            f"NR 30\nTC {rng.randint(0, 99)}\nPY {rng.randint(2000, 2020)}\nVL 1\nBP 1\nEP 9\n"
            f"UT WOS:{i:015d}\nER\n\n")


def generate(path: Path, start: int, n: int, seed: int) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("FN Clarivate Analytics Web of Science\nVR 1.0\n")
        fh.writelines(record(i, rng) for i in range(start, start + n))
        fh.write("EF\n")


FLOOR = ("import sys\n"
         "n = 0\n"
         "for p in sys.argv[1:]:\n"
         "    with open(p, encoding='utf-8') as fh:\n"
         "        for line in fh:\n"
         "            n += 1\n"
         "print(n)\n")


def run(cmd: list[str], source: str | None = None) -> tuple[float, float, float]:
    """(seconds, peak RSS in MB of the process, peak summed RSS of it and its children in MB).

    The first is ru_maxrss of the child (os.wait4: its own high-water mark, or that of a
    worker process if larger); the second samples every 10 ms the resident memory of the
    child and all its descendants added up (psutil; NaN without it), which is what a
    parallel read costs the machine.
    """
    source = source or os.getcwd()
    env = {**os.environ, "PYTHONPATH": source}
    t0 = time.perf_counter()
    # run from the source tree: "python -m" puts the working folder first on sys.path
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=env, cwd=source)
    try:
        import psutil

        ps, tree = psutil.Process(proc.pid), 0.0
    except ImportError:
        ps, tree = None, float("nan")
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)  # reaps the child once it is done
        if pid:
            break
        if ps is not None:
            try:
                rss = ps.memory_info().rss + sum(c.memory_info().rss for c in ps.children(recursive=True))
                tree = max(tree, rss / 2**20)
            except psutil.Error:
                pass
        time.sleep(0.01)
    proc.returncode = os.waitstatus_to_exitcode(status)
    dt = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed")
    return dt, usage.ru_maxrss / 1024, tree


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, nargs="+", default=[22_000, 55_000, 110_000],
                    help="export sizes in records (about 4.7 KB each; default: about 100, 250 and 500 MB)")
    ap.add_argument("--files", type=int, default=4,
                    help="also split the records of each size over this many files (1: single files only)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", help="folder for the generated files (default: a temporary one, removed)")
    ap.add_argument("--compare", metavar="SOURCE",
                    help="also run the CLI of another source tree (e.g. a worktree of the baseline commit)")
    ap.add_argument("--audit", action="store_true", help="run the CLI with --audit (every address decision written)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each command (the fastest is reported)")
    args = ap.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="helixnet-bench-")).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    py = sys.executable
    sources = [("this", None)] + ([("compare", str(Path(args.compare).resolve()))] if args.compare else [])
    made, rows = [], []
    for n_records in args.records:
        single = folder / f"savedrecs_{n_records}.txt"
        if not single.exists():
            generate(single, 0, n_records, args.seed)
        made.append(single)
        inputs = [("1 file", [single], n_records)]
        if args.files > 1:
            per = n_records // args.files
            parts = []
            for k in range(args.files):
                p = folder / f"savedrecs_{n_records}_part{k}.txt"
                if not p.exists():
                    generate(p, k * per, per, args.seed + 1 + k)
                parts.append(p)
            made.extend(parts)
            inputs.append((f"{args.files} files", parts, per * args.files))
        size = single.stat().st_size / 2**20
        print(f"{n_records} records: {size:.0f} MB in one file", flush=True)
        for label, files, n in inputs:
            best = {}
            for _ in range(args.repeat):
                # interleaved, so that every tree meets the same load on a shared machine
                runs = [("floor", run([py, "-c", FLOOR, *map(str, files)]))]
                for name, src in sources:
                    extra = ["--audit", str(folder / f"audit_{name}.csv")] if args.audit else []
                    runs.append((name, run([py, "-m", "helixnet.cli", "bibliometrics", "--quiet", "--format", "json",
                                            *extra, *map(str, files)], src)))
                for name, r in runs:
                    if name not in best or r[0] < best[name][0]:
                        best[name] = r
            tf, mf, _ = best["floor"]
            for name, _ in sources:
                rows.append((size, label, name, n, tf, mf, *best[name]))
    print(f"{'MB':>5} {'input':<9} {'code':<8} {'records':>8} {'floor rec/s':>12} {'cli rec/s':>10} "
          f"{'cli/floor time':>15} {'floor peak MB':>14} {'cli peak MB':>12} {'all processes MB':>17}")
    for size, label, name, n, tf, mf, tc, mc, tree in rows:
        print(f"{size:>5.0f} {label:<9} {name:<8} {n:>8} {n / tf:>12.0f} {n / tc:>10.0f} {tc / tf:>15.2f} "
              f"{mf:>14.0f} {mc:>12.0f} {tree:>17.0f}")
    print("peak RSS: the largest single process (os.wait4 ru_maxrss); all processes: the largest sum of "
          "the resident memory of the CLI and its worker processes, sampled every 10 ms")
    for name, _ in sources:
        one = [r for r in rows if r[1] == "1 file" and r[2] == name]
        if len(one) >= 2:
            (s0, *_, m0, _), (s1, *_, m1, _) = one[0], one[-1]
            print(f"{name}: peak RSS {m0:.0f} MB at {s0:.0f} MB of input, {m1:.0f} MB at {s1:.0f} MB "
                  f"({(m1 - m0) / (s1 - s0) * 1024:+.0f} KB per MB of input)")
    if not args.keep:
        for p in made + [folder / f"audit_{name}.csv" for name, _ in sources]:
            p.unlink(missing_ok=True)
        folder.rmdir()


if __name__ == "__main__":
    main()
