"""
Robustness: the configuration verdict over coding variants of the Kazakhstan graph
==================================================================================

``helixnet.networks.sensitivity`` on the composed Kazakhstan graph: the verdict and every
indicator, each tested against degree-preserving rewiring and sector-label permutation, recomputed
with the planned ties dropped, the pilot clusters merged, the ties that encode the paper's
conclusion dropped, unit weights and the alternative sectors of ambiguous actors, under both
readings of ties (directed flows, relationships).

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``robustness.png`` (300 dpi), ``robustness.pdf`` and the
variant x indicator table as CSV into the output folder::

    python analyses/robustness.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("robustness", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("robustness", __doc__)
