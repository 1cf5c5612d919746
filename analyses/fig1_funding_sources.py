"""
Fig. 1: sources of R&D and technological-innovation funding
===========================================================

The two charts of Dnishev et al. (2015), Fig. 1 (Kazakhstan, 2013), redrawn as sorted bars from
the bundled dataset ``fig1_funding_sources``; sub-items printed as parts of another source are
hatched and not added to the chart's sum.

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``fig1_funding_sources.png`` (300 dpi), ``fig1_funding_sources.pdf`` and the data
behind the figure as CSV into the output folder::

    python analyses/fig1_funding_sources.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("fig1_funding_sources", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("fig1_funding_sources", __doc__)
