"""
T_UIG by country and year from an OpenAlex snapshot (bundled synthetic sample)
===============================================================================

Every country and year of the small sample snapshot shipped with helixnet
(``helixnet.bibliometrics.SAMPLE_SNAPSHOT``: 5,000 invented works in the real layout
``works/updated_date=*/part_*.gz``) in one pass: the Venn cells of each work's sectors
(from ROR institution types; address rules for untyped institutions), T_UIG and R_UIGF
with seeded bootstrap intervals, and small multiples of T_UIG over time for four
countries. Point ``helixnet openalex --snapshot`` at a real snapshot for real numbers.

Writes ``openalex_trends.png`` (300 dpi), ``openalex_trends.pdf``, the rows of the four
countries (``openalex_trends.csv``) and the whole table (``openalex_trends_all.csv``)::

    python analyses/openalex_trends.py OUT_DIR        # or --out OUT_DIR; default ./results
"""

from helixnet.kazakhstan._reproduce import run_analysis, script_main


def main(out_dir, dpi=300):
    """Run the analysis and write its files into `out_dir` (PNG at `dpi`); return the result."""
    return run_analysis("openalex_trends", out_dir, dpi=dpi)


if __name__ == "__main__":
    script_main("openalex_trends", __doc__)
