"""
Table 4: R&D personnel by sector
================================

Researchers, technicians and other R&D staff by sector, 2013 (dataset ``table4_rd_personnel``).

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``table4_rd_personnel.png`` (300 dpi), ``table4_rd_personnel.pdf`` and the data
behind the figure as CSV into the output folder::

    python analyses/table4_rd_personnel.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("table4_rd_personnel", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("table4_rd_personnel", __doc__)
