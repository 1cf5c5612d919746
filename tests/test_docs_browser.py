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


def test_the_crawl_reports_dead_links_and_missing_fragments(tmp_path):
    """A hand-made site (no browser needed): what the crawl must and must not report."""
    checker = _checker()
    (tmp_path / "index.html").write_text(
        '<html><body><a href="a.html#x">ok</a> <a href="a.html#gone">no id</a>\n'
        '<a href="b.html">missing page</a> <img src="img/missing.png">\n'
        "<a href='a.html#single'>single quotes</a> <a href=\"a.html?q=1&amp;r=2#x\">escaped</a>\n"
        '<a href="https://example.org/">external: not followed</a>\n'
        "<pre>&lt;a href=&quot;c.html&quot;&gt; is text, not a link</pre></body></html>\n")
    (tmp_path / "a.html").write_text(
        "<html><body><h1 id=\"x\">x</h1><p id='single'>s</p><a href=\"index.html\">home</a></body></html>\n")
    server, base = checker.serve(tmp_path)
    try:
        failures, pages, links = checker.crawl(base)
    finally:
        server.shutdown()
    assert pages == 3 and links == 8  # a.html?q=1&r=2 is fetched as a page of its own
    assert failures == sorted([
        "link a.html#gone on index.html: no element with id 'gone'",
        "link b.html on index.html: HTTP 404",
        "link img/missing.png on index.html: HTTP 404",
    ])
