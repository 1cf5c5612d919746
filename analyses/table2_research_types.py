"""
Table 2: basic research, applied research and development by sector
===================================================================

Shares of each sector's domestic R&D spending, 2013 (dataset ``table2_research_types``), as
stacked bars.

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``table2_research_types.png`` (300 dpi), ``table2_research_types.pdf`` and the data
behind the figure as CSV into the output folder::

    python analyses/table2_research_types.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("table2_research_types", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("table2_research_types", __doc__)
