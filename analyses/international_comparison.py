"""
Government share of R&D funding and experimental-development share
==================================================================

Kazakhstan against the countries the paper cites (dataset ``international_comparison``).

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``international_comparison.png`` (300 dpi), ``international_comparison.pdf`` and the data
behind the figure as CSV into the output folder::

    python analyses/international_comparison.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("international_comparison", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("international_comparison", __doc__)
