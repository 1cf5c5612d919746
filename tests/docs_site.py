"""The built documentation site, for the docs tests.

``HELIXNET_DOCS_HTML`` names an already built site (``.ci/run`` builds it first, with
warnings as errors). Without it the site is built here, once per test session even under
pytest-xdist (a lock file and a session stamp), into ``docs/_build/html`` — or the tests are
skipped when Sphinx (the ``docs`` extra) is not installed.
"""

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def built_site() -> Path:
    given = os.environ.get("HELIXNET_DOCS_HTML")
    if given:
        html = Path(given)
        if not (html / "index.html").is_file():
            pytest.fail(f"HELIXNET_DOCS_HTML={given} holds no built site")
        return html
    try:
        import sphinx  # noqa: F401
        import sphinx_gallery  # noqa: F401
    except ImportError:
        pytest.skip("the docs extra is not installed (pip install '.[docs]')")
    build = DOCS / "_build"
    html = build / "html"
    build.mkdir(exist_ok=True)
    session = os.environ.get("PYTEST_XDIST_TESTRUNUID") or str(os.getpid())
    stamp = html / ".pytest-session"
    with open(build / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (stamp.is_file() and stamp.read_text() == session):
            proc = subprocess.run(
                [sys.executable, "-m", "sphinx", "-W", "-n", "--keep-going", "-q", "-b", "html",
                 str(DOCS), str(html)],
                capture_output=True, text=True, timeout=1800,
            )
            if proc.returncode != 0:
                pytest.fail("the docs build failed:\n" + proc.stderr[-5000:])
            stamp.write_text(session)
    return html
