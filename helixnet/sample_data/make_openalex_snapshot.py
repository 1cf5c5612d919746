"""Write the bundled sample OpenAlex snapshot (synthetic; deterministic).

    python helixnet/sample_data/make_openalex_snapshot.py

writes ``helixnet/sample_data/openalex_snapshot/works/updated_date=*/part_*.gz``:
5,000 synthetic works, 2000-2024, in the layout and format of the OpenAlex
snapshot (gzip JSON lines), holding only the fields helixnet reads. The works
are invented by :func:`helixnet.bibliometrics._openalex_synth.write_snapshot` (seed 2015):
no number in them describes a real country. Running the script again writes
byte-identical files (``tests/test_openalex.py`` checks that).
"""

import shutil
from pathlib import Path

from helixnet.bibliometrics._openalex_synth import write_snapshot

N_WORKS = 5000
SEED = 2015
HERE = Path(__file__).resolve().parent


def main(root=HERE / "openalex_snapshot"):
    """(Re)write the sample snapshot under `root`; return its files."""
    root = Path(root)
    if (root / "works").exists():
        shutil.rmtree(root / "works")
    return write_snapshot(root, N_WORKS, seed=SEED, n_parts=3, filler=False, first_year=2000)


if __name__ == "__main__":
    for f in main():
        print(f)
