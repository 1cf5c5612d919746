"""Shared test set-up.

* matplotlib draws with the non-interactive Agg backend (set before any test imports pyplot,
  so figure tests run headless and never open windows; the analysis scripts run as
  subprocesses inherit it).
* Hypothesis profiles: ``ci`` (the default) runs 200 examples for a property test that does
  not fix its own number; ``thorough`` runs 1,000 (``HYPOTHESIS_PROFILE=thorough pytest``).
  Both check the same properties; tests that set ``max_examples`` themselves keep it.
* ``reproduce_run``: one ``helixnet reproduce`` run for the whole session, shared by every
  test that reads its output. Under pytest-xdist the workers share it too: the first to need
  it runs it under a file lock in the common temporary folder, the others wait for it and
  read it (the pattern of pytest-xdist's documentation).
* pytest-xdist scopes (``pytest -n auto --dist loadscope``, the README's command): a test
  module is one unit of work, so its module-scoped fixtures are computed once, and the modules
  that read the shared reproduce run (:data:`SHARED_SCOPES`) are one unit, run first on one
  worker, so that no worker sits waiting for the other's run; the longest units go first
  (:data:`FIRST_UNITS`). (The ``xdist_group`` mark with
  ``--dist loadgroup`` would say the same, but pytest-xdist 3.8 ignores the mark under pytest
  9.2: pytest-xdist issue #1386.)
"""

import os

os.environ["MPLBACKEND"] = "Agg"

import matplotlib  # noqa: E402
import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

matplotlib.use("Agg", force=True)

settings.register_profile("ci", max_examples=200, deadline=None, print_blob=True)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: Resolution of the shared reproduce run: the file contents checked do not depend on it.
REPRODUCE_DPI = "40"


#: Test modules that form one pytest-xdist unit of work (one worker, in this order), scheduled
#: first: the readers of the shared reproduce run, the longest unit of the suite.
SHARED_SCOPES = {
    "tests/test_analyses.py": "reproduce",
    "tests/test_reproduce.py": "reproduce",
    "tests/test_docs_guides.py": "reproduce",
}


#: Units handed out before the others (longest first, so that none of them is left to run alone at
#: the end): the shared reproduce run's readers (~50 s) and the browser check of the docs (~8 s).
#: The rest follow in pytest-xdist's order (most tests first).
FIRST_UNITS = ("reproduce", "tests/test_docs_browser.py")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadscope`` (or ``loadgroup``) with the units of :data:`SHARED_SCOPES`, and
    :data:`FIRST_UNITS` first."""
    if config.getvalue("dist") not in ("loadscope", "loadgroup"):
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedScopes(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return SHARED_SCOPES.get(nodeid.split("::", 1)[0]) or super()._split_scope(nodeid)

        def _assign_work_unit(self, node):
            for unit in reversed(FIRST_UNITS):
                if unit in self.workqueue:
                    self.workqueue.move_to_end(unit, last=False)
            super()._assign_work_unit(node)

    return SharedScopes(config, log)


@pytest.fixture(scope="session")
def reproduce_dpi():
    """The resolution of the shared ``reproduce_run`` (a second run at it is byte-identical)."""
    return int(REPRODUCE_DPI)


@pytest.fixture(scope="session")
def reproduce_run(tmp_path_factory):
    """Folder of one complete ``helixnet reproduce --dpi 40`` run (read only: copy before changing)."""
    from helixnet.cli import main as cli

    try:
        import fcntl
    except ImportError:  # no POSIX file locks (Windows): each worker runs its own copy
        fcntl = None
    root = tmp_path_factory.getbasetemp()
    if fcntl is not None and os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the temporary folder common to all workers of this session
    out = root / "reproduce-shared" / "first"
    with open(root / "reproduce-shared.lock", "w") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not out.is_dir():  # reproduce renames its folder into place only once it is complete
            out.parent.mkdir(exist_ok=True)
            assert cli(["reproduce", "--out", str(out), "--quiet", "--dpi", REPRODUCE_DPI]) == 0
    return out
