"""
Triple Helix synergy of the Kazakhstan relationships
====================================================

Every relationship of the Kazakhstan graph classified by the sectors it joins
(``helixnet.networks.venn_counts``), the mutual information T in mbit with seeded bootstrap
intervals, and the Venn diagram of the counts.

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``synergy.png`` (300 dpi), ``synergy.pdf`` and the data
behind the figure as CSV into the output folder::

    python analyses/synergy.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("synergy", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("synergy", __doc__)
