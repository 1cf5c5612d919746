"""The documentation's code runs: every ```python block of the guides and pages, end to end.

Each page's ```python blocks are run in order, in one namespace, in an empty temporary folder,
as a reader would paste them (``bash`` and ``text`` blocks are shown, not run). The expected
behaviour is that of the page itself: a block that raises fails the test. The data page's
generated tables must equal a fresh rendering of ``data/datapackage.json``
(``tools/build_docs_data.py``), so the page cannot drift from the data.
"""

from __future__ import annotations

import importlib.util
import re
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted([DOCS / "getting_started.md", DOCS / "data.md", *(DOCS / "guides").glob("*.md")])
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def python_blocks(page: Path) -> list[str]:
    return BLOCK.findall(page.read_text(encoding="utf-8"))


def test_the_block_extractor_finds_blocks_and_skips_shell_ones():
    """Hand-written page: one python block, one bash block, one text block."""
    page = "x\n```python\na = 1\n```\n```bash\nexit 1\n```\n```text\nno\n```\n"
    assert BLOCK.findall(page) == ["a = 1\n"]


def test_every_guide_has_runnable_blocks():
    guides = sorted((DOCS / "guides").glob("*.md"))
    assert {p.stem for p in guides} >= {"index", "coauthorship", "firms", "networks", "kazakhstan"}
    for page in guides:
        if page.stem != "index":
            assert len(python_blocks(page)) >= 4, page.name


@pytest.mark.parametrize("page", [p for p in PAGES if python_blocks(p)], ids=lambda p: p.stem)
def test_page_code_runs_end_to_end(page, tmp_path, monkeypatch, request):
    import matplotlib

    if page.stem == "kazakhstan":
        # the page's `helixnet reproduce` is the session's one shared run (issue 15: one reproduce
        # run shared by the tests that need it); every later block reads what that run wrote
        _serve_reproduce_from(request.getfixturevalue("reproduce_run"), monkeypatch)

    matplotlib.use("Agg")
    monkeypatch.chdir(tmp_path)
    namespace = {"__name__": f"docs_{page.stem}"}
    with warnings.catch_warnings():
        # the pages teach the current API: a deprecated spelling in them is an error
        warnings.filterwarnings("error", message=r".*helixnet 0\.[23]", category=DeprecationWarning)
        for i, block in enumerate(python_blocks(page), 1):
            code = compile(block, f"{page.relative_to(ROOT)} (python block {i})", "exec")
            exec(code, namespace)  # noqa: S102 - the documentation's own code
    import matplotlib.pyplot as plt

    plt.close("all")


def _build_docs_data():
    spec = importlib.util.spec_from_file_location("build_docs_data", ROOT / "tools" / "build_docs_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_data_page_tables_equal_a_fresh_rendering_of_the_datapackage():
    page = (DOCS / "data.md").read_text(encoding="utf-8")
    assert _build_docs_data().render(page) == page, "run: python tools/build_docs_data.py"


def test_data_page_lists_every_resource_and_inconsistency():
    """Independent of the generator: names read straight from the JSON and the CSV."""
    import csv
    import json

    page = (DOCS / "data.md").read_text(encoding="utf-8")
    pkg = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in pkg["resources"]:
        assert f"| `{resource['name']}` |" in page
    with (ROOT / "data" / "paper_inconsistencies.csv").open(encoding="utf-8", newline="") as f:
        ids = [row["issue_id"] for row in csv.DictReader(f)]
    assert len(ids) == 17
    for issue in ids:
        assert f"| `{issue}` |" in page


def test_a_stale_data_page_is_detected(tmp_path):
    """The check fails when a generated table no longer matches the data."""
    module = _build_docs_data()
    page = (DOCS / "data.md").read_text(encoding="utf-8")
    stale = page.replace("| `links` | 44 |", "| `links` | 43 |")
    assert stale != page
    assert module.render(stale) != stale


def _serve_reproduce_from(shared, monkeypatch):
    """`subprocess.run([... "helixnet.cli", "reproduce", "--out", DIR ...])` copies the shared run to DIR."""
    import shutil
    import subprocess

    real_run = subprocess.run

    def run(args, *a, **kw):
        argv = [str(x) for x in args] if isinstance(args, (list, tuple)) else []
        if "helixnet.cli" in argv and "reproduce" in argv and "--out" in argv:
            shutil.copytree(shared, argv[argv.index("--out") + 1])
            return subprocess.CompletedProcess(args, 0)
        return real_run(args, *a, **kw)

    monkeypatch.setattr(subprocess, "run", run)
