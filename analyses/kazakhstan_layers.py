"""
The knowledge, funding and institutional layers of the Kazakhstan actor graph
=============================================================================

The three graphs built by ``helixnet.graphs`` from the bundled data, drawn side by side with a
deterministic sector layout.

Data are loaded by name through ``helixnet.datasets``; every random step is seeded
(``helixnet.kazakhstan._analyses.SEED``). Writes ``kazakhstan_layers.png`` (300 dpi), ``kazakhstan_layers.pdf`` and the data
behind the figure as CSV into the output folder::

    python analyses/kazakhstan_layers.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("kazakhstan_layers", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("kazakhstan_layers", __doc__)
