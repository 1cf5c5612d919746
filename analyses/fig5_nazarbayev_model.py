"""
Fig. 5: the hybrid Triple Helix model of Nazarbayev University
==============================================================

The actors and links of the paper's third model (model ``fig5_nazarbayev_university``),
existing and planned ties distinguished.

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``fig5_nazarbayev_model.png`` (300 dpi), ``fig5_nazarbayev_model.pdf`` and the data
behind the figure as CSV into the output folder::

    python analyses/fig5_nazarbayev_model.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("fig5_nazarbayev_model", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("fig5_nazarbayev_model", __doc__)
