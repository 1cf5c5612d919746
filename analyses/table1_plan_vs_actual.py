"""
Table 1: results of the national innovation system, plan vs actual
==================================================================

Innovation activity of enterprises, innovative production in GDP and the WEF competitiveness
rank (dataset ``table1_nis_results``): actual values and planned targets by year.

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``table1_plan_vs_actual.png`` (300 dpi), ``table1_plan_vs_actual.pdf`` and the data
behind the figure as CSV into the output folder::

    python analyses/table1_plan_vs_actual.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("table1_plan_vs_actual", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("table1_plan_vs_actual", __doc__)
