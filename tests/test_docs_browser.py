"""The built documentation opened in headless Chromium (tools/check_docs_browser.py).

Skipped when Debian's ``chromium``/``chromium-driver`` or selenium are missing; .ci/run
installs them. The expectations are the issue's: no console error, every image loads, no
internal link answers 404, a search finds something; screenshots in docs/_build/screenshots.
"""

import importlib.util

import pytest
from docs_site import ROOT, built_site


def _checker():
    spec = importlib.util.spec_from_file_location("check_docs_browser", ROOT / "tools" / "check_docs_browser.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_site_loads_in_chromium_without_errors_broken_images_or_dead_links():
    checker = _checker()
    if None in checker.find_browser():
        pytest.skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    pytest.importorskip("selenium")
    html = built_site()
    shots = html.parent / "screenshots"
    failures = checker.check(html, shots)
    assert failures == []
    for name, _, _ in checker.PAGES:
        assert (shots / f"{name}.png").stat().st_size > 10_000, name
