"""Coverage of the bootstrap intervals of T by simulation (issue 13 §4).

For a known distribution p (so the true T is computed exactly from p), draw
`trials` samples of N cases, compute the nominal 95 % interval of T over all
dimensions with each method of ``hx.bootstrap``, and count how often it covers
the true T. Two cases:

* dense: the noisy XOR law (2x2x2; cells 0.2 and 0.05), N = 400, 50 cases per
  cell;
* sparse: a 5x5x4 table (100 cells) with probabilities drawn once from a
  Dirichlet(1) law (seeded), N = 500, about 5 cases per non-empty cell.

Also reports, for the benchmark table of ``bench_information.py`` (10x10x10,
N about 24,500), whether each method's interval contains the estimate.

Seeded; the counts are reproducible. A binomial 95 % band for the coverage of
`trials` intervals is printed beside each figure.

Run: /work/venv/bin/python benchmarks/bench_coverage.py [--trials 1000] [--n-boot 1000]
"""

import argparse
import time
import warnings

import numpy as np

import helixnet as hx
from helixnet.exceptions import HelixnetWarning

SEED = 2024
METHODS = ("percentile", "basic", "bca")


def cases():
    xor = np.array([[[0.2, 0.05], [0.05, 0.2]], [[0.05, 0.2], [0.2, 0.05]]])
    sparse = np.random.default_rng(SEED).dirichlet(np.ones(100)).reshape(5, 5, 4)
    return {"dense (noisy XOR 2x2x2, N=400)": (xor, 400), "sparse (5x5x4 Dirichlet, N=500)": (sparse, 500)}


def coverage(p, n, trials, n_boot, seed):
    truth = hx.mutual_information(p)
    rng = np.random.default_rng(seed)
    hits = dict.fromkeys(METHODS, 0)
    bias = []
    for _ in range(trials):
        sample = rng.multinomial(n, p.ravel()).reshape(p.shape)
        child = int(rng.integers(2**31))
        for m in METHODS:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", HelixnetWarning)
                res = hx.bootstrap(sample, n_boot=n_boot, seed=child, method=m)
            lo, hi = res.interval()
            hits[m] += lo <= truth <= hi
        bias.append(res.to_frame()["bias"].iloc[-1])
    return truth, {m: h / trials for m, h in hits.items()}, float(np.mean(bias))




def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trials", type=int, default=1000)
    ap.add_argument("--n-boot", type=int, default=1000)
    args = ap.parse_args()
    half = 1.96 * np.sqrt(0.95 * 0.05 / args.trials)
    print(f"nominal 95 % intervals, {args.trials} samples each, {args.n_boot} replicates; "
          f"binomial band for exact 95 % coverage: [{0.95 - half:.3f}, {0.95 + half:.3f}]")
    for name, (p, n) in cases().items():
        t0 = time.perf_counter()
        truth, cov, bias = coverage(p, n, args.trials, args.n_boot, SEED)
        print(f"{name}: true T = {truth:.5f} bit, mean bootstrap bias {bias:+.5f} bit; coverage "
              + ", ".join(f"{m} {c:.3f}" for m, c in cov.items())
              + f"  ({time.perf_counter() - t0:.0f} s)")
    table = np.random.default_rng(SEED).integers(1, 50, (10, 10, 10))
    for m in METHODS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", HelixnetWarning)
            res = hx.bootstrap(table, n_boot=10_000, seed=SEED, method=m)
        lo, hi = res.interval()
        t = res.estimate.T
        print(f"1,000-cell table (N={int(table.sum())}), {m}: T = {t:.5f} [{lo:.5f}, {hi:.5f}], "
              f"bias {res.to_frame()['bias'].iloc[-1]:+.5f}, contains the estimate: {lo <= t <= hi}")


if __name__ == "__main__":
    main()
