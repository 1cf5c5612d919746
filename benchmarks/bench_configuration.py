"""Run time of the configuration verdict and the stability of its p-values across seeds.

Prints (1) the time of configuration() on the Kazakhstan graph at the default number of null
draws against a baseline in the same run (the observed indicators alone, subordination_metrics),
as a ratio; (2) for each indicator and reading, the range of the one-sided p-values of both null
models over five seeds at the default number of draws, and whether the result changes.

    python benchmarks/bench_configuration.py
"""

import time

import pandas as pd

from helixnet.kazakhstan._graphs import kazakhstan_graph
from helixnet.networks._configuration import DEFAULT_N_NULL, configuration, subordination_metrics


def main(seeds=range(5)):
    G = kazakhstan_graph()
    t0 = time.perf_counter()
    for _ in range(20):
        subordination_metrics(G, reading="flows")
    base = (time.perf_counter() - t0) / 20
    rows = []
    timing = []
    for reading in ("flows", "relationships"):
        for seed in seeds:
            t0 = time.perf_counter()
            r = configuration(G, reading, n_null=DEFAULT_N_NULL, seed=seed)
            timing.append(time.perf_counter() - t0)
            for e in r.evidence.itertuples():
                rows.append({"reading": reading, "seed": seed, "metric": e.metric, "p_rewire": e.p_rewire,
                             "p_permute": e.p_permute, "result": e.result, "verdict": r.verdict})
    t = sum(timing) / len(timing)
    print(f"configuration(n_null={DEFAULT_N_NULL}): {t:.2f} s per call; observed indicators alone {base * 1e3:.1f} ms; "
          f"ratio {t / base:.0f}")
    df = pd.DataFrame(rows)
    out = df.groupby(["reading", "metric"], sort=False).agg(
        p_rewire_min=("p_rewire", "min"), p_rewire_max=("p_rewire", "max"),
        p_permute_min=("p_permute", "min"), p_permute_max=("p_permute", "max"),
        results=("result", lambda s: "; ".join(sorted(set(s)))), verdicts=("verdict", lambda s: "; ".join(sorted(set(s)))))
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(out)


if __name__ == "__main__":
    main()
