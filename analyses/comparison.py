"""
Kazakhstan and the OECD countries: funding layers side by side
==============================================================

The funding layer rebuilt with the government share of R&D funding of Japan, the USA, Germany
and Korea (``helixnet.kazakhstan.oecd_comparison_graphs``): government centrality and the
configuration indicators of each.

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``comparison.png`` (300 dpi), ``comparison.pdf`` and the data
behind the figure as CSV into the output folder::

    python analyses/comparison.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("comparison", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("comparison", __doc__)
