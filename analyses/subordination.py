"""
Vertical subordination: centrality, brokerage, mediation and the configuration verdict
======================================================================================

``helixnet.networks.subordination_report`` on the composed Kazakhstan graph: each sector's
share of the centralities, Gould-Fernandez brokerage roles, U-I mediation by government and the
Etzkowitz-Leydesdorff configuration with its evidence, tested against seeded null models.

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``subordination.png`` (300 dpi), ``subordination.pdf`` and the data
behind the figure as CSV into the output folder::

    python analyses/subordination.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("subordination", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("subordination", __doc__)
