"""sphinx-gallery hooks for ``analyses/*.py``, relying only on the scripts' command line.

Every gallery script is run as a user runs it, ``python analyses/<name>.py --out DIR``
(``reset_argv``), with ``DIR`` a fresh folder under ``docs/_build/gallery-outputs/<name>``, so
the repository is never written to and the numbers are those of the command line. The
scripts save their figures as PNG files and close them; :func:`png_scraper` puts every PNG
that appeared in ``DIR`` during a code block into the gallery page. A script that leaves a
matplotlib figure open is captured by sphinx-gallery's own matplotlib scraper instead (this
scraper then stays silent, so no figure is shown twice).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx_gallery.scrapers import figure_rst

_SEEN: dict[str, set] = {}


def output_dir(src_file) -> Path:
    """The folder a gallery script writes into: ``docs/_build/gallery-outputs/<stem>``."""
    return Path(__file__).resolve().parents[1] / "_build" / "gallery-outputs" / Path(src_file).stem


def reset_argv(gallery_conf, script_vars):
    """``sys.argv[1:]`` of a gallery script: ``--out`` a fresh output folder."""
    out = output_dir(script_vars["src_file"])
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    _SEEN[str(out)] = set()
    return ["--out", str(out)]


def png_scraper(block, block_vars, gallery_conf):
    """rST showing the PNG files the current code block wrote into the script's output folder."""
    import matplotlib.pyplot as plt

    out = output_dir(block_vars["src_file"])
    if not out.is_dir():
        return ""
    seen = _SEEN.setdefault(str(out), set())
    new = sorted(p for p in out.rglob("*.png") if str(p) not in seen)
    seen.update(str(p) for p in new)
    if not new or plt.get_fignums():  # open figures: the matplotlib scraper shows them
        return ""
    paths = []
    for png, target in zip(new, block_vars["image_path_iterator"]):
        shutil.copyfile(png, target)
        paths.append(target)
    return figure_rst(paths, gallery_conf["src_dir"])
