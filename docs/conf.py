"""Sphinx configuration of the helixnet documentation.

Build (no network needed)::

    pip install ".[docs]"
    sphinx-build -W -n --keep-going -b html docs docs/_build/html

The API reference (docs/api/), the CLI reference and the JSON schemas are generated from the
package at every build (docs/_ext/); the gallery runs every ``analyses/*.py`` script.
"""

import os
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(ROOT))  # the source tree's helixnet (identical to an installed one)
sys.path.insert(0, str(DOCS / "_ext"))

os.environ.setdefault("MPLBACKEND", "Agg")

import helixnet  # noqa: E402

project = "helixnet"
author = "the helixnet authors"
copyright = "the helixnet authors"  # noqa: A001
release = helixnet.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "sphinx.ext.doctest",
    "numpydoc",
    "myst_parser",
    "sphinx_gallery.gen_gallery",
    "sphinx_copybutton",
    "sphinx-mathjax-offline",  # MathJax served from _static (the site works offline)
    "hx_api",
    "hx_cli",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints", "gallery/*.ipynb", "gallery/*.py"]
templates_path = ["_templates"]

# ---- warnings as errors (-W -n): every cross-reference must resolve -----------------------
nitpicky = True
# third-party and standard-library types named in signatures and docstrings; there is no
# intersphinx (the build is offline), so these are rendered as plain text
nitpick_ignore = [
    ("py:class", "igraph.Graph"),
    ("py:class", "random.Random"),
    ("py:class", "scipy.stats.random_table"),
    ("py:func", "networkx.algorithms.centrality.global_reaching_centrality"),
    ("py:func", "networkx.algorithms.hierarchy.flow_hierarchy"),
    ("py:func", "networkx.directed_edge_swap"),
    ("py:func", "networkx.double_edge_swap"),
    ("py:func", "numpy.bincount"),
    ("py:func", "pandas.factorize"),
    ("py:meth", "numpy.random.Generator.multinomial"),
    ("py:meth", "numpy.random.SeedSequence.spawn"),
]

# ---- autodoc / autosummary / numpydoc -----------------------------------------------------
autosummary_generate = False  # the pages are written by hx_api from the package's __all__
autodoc_typehints = "none"  # numpydoc docstrings carry the types
autodoc_member_order = "bysource"
autodoc_default_options = {"exclude-members": "__init__, __new__"}
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False
numpydoc_validation_checks = set()

# ---- MyST ---------------------------------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3

# ---- doctest: `sphinx-build -b doctest docs docs/_build/doctest` (run by .ci/run) executes the
# pages' ``doctest``/``testcode`` blocks. Bare ``>>>`` blocks are left out: those are the
# docstrings' Examples, which pytest --doctest-modules already runs with the flags set in
# setup.cfg (NUMBER, NORMALIZE_WHITESPACE).
doctest_test_doctest_blocks = ""
doctest_global_setup = "import helixnet as hx"

# ---- gallery: every analyses/*.py, run as `python analyses/<name>.py --out DIR` -------------
sphinx_gallery_conf = {
    "examples_dirs": str(ROOT / "analyses"),
    "gallery_dirs": "gallery",
    "filename_pattern": r".*\.py$",  # execute every script, not only plot_*.py
    "ignore_pattern": r"__init__\.py$",
    "within_subsection_order": "FileNameSortKey",
    "reset_argv": "hx_gallery.reset_argv",
    "image_scrapers": ("hx_gallery.png_scraper", "matplotlib"),
    "download_all_examples": False,
    "remove_config_comments": True,
    "abort_on_example_error": True,
    "only_warn_on_example_error": False,
    "show_memory": False,
    "plot_gallery": "True",
    "capture_repr": (),
    "min_reported_time": 10**9,
    "write_computation_times": False,
}

# ---- HTML ---------------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = f"helixnet {release}"
html_static_path = ["_static"]
html_css_files = ["helixnet.css"]
html_favicon = "_static/favicon.svg"
html_show_sourcelink = False
html_theme_options = {
    "navbar_align": "left",
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "secondary_sidebar_items": ["page-toc"],
    "footer_start": ["copyright"],
    "footer_end": ["sphinx-version"],
}
html_context = {"default_mode": "light"}
html_sidebars = {"**": ["sidebar-nav-bs"], "index": []}
