"""Shared test set-up.

* matplotlib draws with the non-interactive Agg backend (set before any test imports pyplot,
  so figure tests run headless and never open windows; the analysis scripts run as
  subprocesses inherit it).
* Hypothesis profiles: ``ci`` (the default) runs 200 examples for a property test that does
  not fix its own number; ``thorough`` runs 1,000 (``HYPOTHESIS_PROFILE=thorough pytest``).
  Both check the same properties; tests that set ``max_examples`` themselves keep it.
* ``reproduce_run``: one ``helixnet reproduce`` run for the whole session, shared by every
  test that reads its output. Tests that use it are grouped (``xdist_group("reproduce")``)
  so that under ``pytest -n auto --dist loadgroup`` one worker runs it once.
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


def pytest_configure(config):
    config.addinivalue_line("markers", "xdist_group(name): run these tests on one pytest-xdist worker")


@pytest.fixture(scope="session")
def reproduce_run(tmp_path_factory):
    """Folder of one complete ``helixnet reproduce --dpi 40`` run (read only: copy before changing)."""
    from helixnet.cli import main as cli

    out = tmp_path_factory.mktemp("reproduce") / "first"
    assert cli(["reproduce", "--out", str(out), "--quiet", "--dpi", REPRODUCE_DPI]) == 0
    return out
