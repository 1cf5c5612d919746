"""
Fig. 2: structure of technological-innovation costs
===================================================

Only the shares the paper's text states (machinery and equipment, R&D, training), from the
dataset ``fig2_innovation_costs``, with the remainder drawn explicitly as "not stated".

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``fig2_cost_structure.png`` (300 dpi), ``fig2_cost_structure.pdf`` and the data
behind the figure as CSV into the output folder::

    python analyses/fig2_cost_structure.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("fig2_cost_structure", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("fig2_cost_structure", __doc__)
