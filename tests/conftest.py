"""Shared test set-up: draw with matplotlib's non-interactive Agg backend.

Set before any test imports pyplot, so figure tests run headless and fast and
never open windows; the analysis scripts run as subprocesses inherit it.
"""

import os

os.environ["MPLBACKEND"] = "Agg"

import matplotlib  # noqa: E402

matplotlib.use("Agg", force=True)
