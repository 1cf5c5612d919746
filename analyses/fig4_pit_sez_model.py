"""
Fig. 4: the Triple Helix model of the Park of Innovative Technologies SEZ
=========================================================================

The actors and links of the paper's first model (datasets ``actors`` and ``links``, model
``fig4_pit_sez``), drawn by sector; the knowledge ties the paper says do not exist are dotted.

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``fig4_pit_sez_model.png`` (300 dpi), ``fig4_pit_sez_model.pdf`` and the data
behind the figure as CSV into the output folder::

    python analyses/fig4_pit_sez_model.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("fig4_pit_sez_model", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("fig4_pit_sez_model", __doc__)
