"""
Fig. 3: main types of innovation activity of enterprises
========================================================

The shares of Fig. 3 (dataset ``fig3_innovation_activity_types``) as sorted bars.

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``fig3_innovation_activity.png`` (300 dpi), ``fig3_innovation_activity.pdf`` and the data
behind the figure as CSV into the output folder::

    python analyses/fig3_innovation_activity.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("fig3_innovation_activity", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("fig3_innovation_activity", __doc__)
