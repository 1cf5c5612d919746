"""
Table 3: sources of R&D funding by sector
=========================================

Shares of each sector's R&D funding, 2013 (dataset ``table3_rd_funding_sources``), as an
annotated heatmap (innovation grants are a part of the republican budget).

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``table3_funding_by_sector.png`` (300 dpi), ``table3_funding_by_sector.pdf`` and the data
behind the figure as CSV into the output folder::

    python analyses/table3_funding_by_sector.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("table3_funding_by_sector", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("table3_funding_by_sector", __doc__)
