"""
Synergy map of a generated innovation survey
============================================

Leydesdorff's synergy map (2021, ch. 7) on a seeded, generated data set: 2,000 firms
answer twelve yes/no questions (R&D, patents, university partner, public funding, ...).
Two configurations are planted — exporting happens when exactly one of in-house R&D and a
university partner is present (an exclusive-or, pure synergy), and a patent comes with
public funding or venture capital but rarely both — plus ordinary pairwise correlations
and noise. ``helixnet.synergy_triads`` computes T of all 220 triads with permutation
p-values adjusted by the max-statistic across triads (family-wise error; with 199
permutations the smallest raw p is 1/200, so a Benjamini-Hochberg adjustment over 220
triads could not fall below 220/200/k for the k-th triad); ``helixnet.synergy_map`` joins
the variables of the significantly synergetic triads, and ``helixnet.plot.plot_synergy_map``
draws them.

This is a standalone gallery script (not one of the Kazakhstan case-study analyses in
``helixnet reproduce``). Writes ``synergy_map.png`` (300 dpi), ``synergy_map.pdf`` and the
triads table ``synergy_map.csv`` into the output folder::

    python analyses/synergy_map.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

import helixnet as hx
from helixnet.information._triads import write_synergy_map
from helixnet.plot._triads import plot_synergy_map

#: Marks a gallery script that is not a registered case-study analysis.
STANDALONE = True

SEED = 20210107
N_PERM = 199
ALPHA = 0.05


@dataclass
class Result:
    """What the script produced: files written, key numbers, a paragraph."""

    files: list = field(default_factory=list)
    summary: dict = field(default_factory=dict)
    text: str = ""


def survey(seed=SEED, n=2000):
    """Twelve yes/no answers of n generated firms (seeded)."""
    rng = np.random.default_rng(seed)

    def bern(p):
        return (rng.random(n) < p).astype(int)

    df = pd.DataFrame({
        "rnd": bern(0.4), "university": bern(0.35), "public_funding": bern(0.3),
        "venture_capital": bern(0.25), "large": bern(0.3), "cluster": bern(0.5),
    })  # fmt: skip
    noise = bern(0.08)
    df["exports"] = (df.rnd ^ df.university) ^ noise
    df["patent"] = (df.public_funding ^ df.venture_capital) & bern(0.9)
    df["training"] = np.where(bern(0.7) == 1, df.large, bern(0.3))  # pairwise only
    df["ict"] = np.where(bern(0.6) == 1, df.cluster, bern(0.5))  # pairwise only
    df["new_product"] = np.where(bern(0.5) == 1, df.rnd, bern(0.4))  # pairwise only
    df["online_sales"] = bern(0.2)
    return df


def main(out_dir, dpi=300):
    """Compute, draw and write the synergy map into `out_dir` (PNG at `dpi`); return the result."""
    from matplotlib.figure import Figure

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    df = survey()
    triads = hx.synergy_triads(df, n_resamples=N_PERM, seed=SEED, correction="max")
    G = hx.synergy_map(triads, significant=ALPHA)
    fig = Figure(figsize=(11, 5), layout="constrained")
    ax_map, ax_bar = fig.subplots(1, 2, width_ratios=[3, 2])
    plot_synergy_map(G, ax=ax_map, seed=SEED)
    ax_map.set_title(f"Synergy map: triads with adjusted p <= {ALPHA}\n(edge width = bits of synergy shared)")
    top = triads.head(10).iloc[::-1]
    labels = [f"{r.a}, {r.b}, {r.c}" for r in top.itertuples()]
    ax_bar.barh(labels, top["T"], color=["#b2182b" if p <= ALPHA else "#999999" for p in top["p_adjusted"]])
    ax_bar.set_xlabel("T (bits; negative = synergy)")
    ax_bar.set_title("The ten most synergetic triads")
    ax_bar.tick_params(axis="y", labelsize=7)
    files = []
    for ext in ("png", "pdf"):
        name = f"synergy_map.{ext}"
        fig.savefig(out / name, dpi=dpi, metadata={"CreationDate": None} if ext == "pdf" else None)
        files.append(name)
    triads.to_csv(out / "synergy_map.csv", index=False, float_format="%.10g", lineterminator="\n")
    files.append("synergy_map.csv")
    write_synergy_map(G, out / "synergy_map.graphml")
    files.append("synergy_map.graphml")
    significant = triads[triads["p_adjusted"] <= ALPHA]
    best = triads.iloc[0]
    summary = {
        "triads": len(triads),
        "significant": len(significant),
        "most_synergetic": [best.a, best.b, best.c],
        "T_most_synergetic": round(float(best["T"]), 6),
        "map_nodes": G.number_of_nodes(),
        "map_edges": G.number_of_edges(),
    }
    text = (
        f"Of {len(triads)} triads, {len(significant)} have synergy beyond the permutation null "
        f"(max-statistic adjusted p <= {ALPHA}, {N_PERM} permutations). The most synergetic is "
        f"({best.a}, {best.b}, {best.c}) with T = {best['T']:.3f} bits. The map joins "
        f"{G.number_of_nodes()} variables by {G.number_of_edges()} edges; "
        + ", ".join(sorted(str(v) for v in G)) + "."
    )
    return Result(files=files, summary=summary, text=text)


if __name__ == "__main__":
    import argparse

    title = (__doc__ or "").strip().splitlines()  # empty when sphinx-gallery runs the code
    parser = argparse.ArgumentParser(description=title[0] if title else None)
    parser.add_argument("out_dir", nargs="?", default="results", help="output folder (default: ./results)")
    parser.add_argument("--out", help="output folder (same as the positional argument)")
    args = parser.parse_args()
    print(main(args.out or args.out_dir).text)
