"""Open the built documentation in headless Chromium and check it like a reader would.

    python tools/check_docs_browser.py [--html docs/_build/html] [--screenshots docs/_build/screenshots]

Serves the built site on a local port and

1. crawls every internal link of every page (``<a href>``, ``<img src>``, ``<link href>``,
   ``<script src>``) with a plain HTTP request; a link that does not answer 200, or a
   ``#fragment`` that names no element of its target page, is a failure;
2. loads the home page, a gallery page, an API page and the search page with a query in
   Chromium (Debian's ``chromium`` and ``chromium-driver``, driven by selenium; nothing is
   downloaded) and fails on any console error, any image that does not load
   (``naturalWidth == 0``) and a search that finds nothing;
3. saves a full-page screenshot of each as ``<screenshots>/<name>.png``.

Exit status 0 when everything passes, 1 with one line per failure otherwise, 2 when the
site or the browser is missing.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import re
import shutil
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: (screenshot name, page path, what must be on the page) loaded in the browser
PAGES = [
    ("home", "index.html", "helixnet"),
    ("gallery", "gallery/synergy.html", "Triple Helix synergy"),
    ("api", "api/generated/helixnet.synergy.html", "helixnet.synergy"),
    ("search", "search.html?q=synergy", "synergy"),
]

CHROMIUM = ("chromium", "chromium-browser")
CHROMEDRIVER = ("chromedriver",)


def find_browser() -> tuple[str | None, str | None]:
    """Paths of the Chromium binary and its driver (``None`` when missing)."""
    browser = next((shutil.which(b) for b in CHROMIUM if shutil.which(b)), None)
    driver = next((shutil.which(d) for d in CHROMEDRIVER if shutil.which(d)), None)
    if driver is None and Path("/usr/lib/chromium/chromedriver").is_file():
        driver = "/usr/lib/chromium/chromedriver"
    return browser, driver


# --------------------------------------------------------------------------- serving


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def serve(directory: Path):
    """A local HTTP server of `directory` on a free port, in a daemon thread."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()  # prompt shutdown
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# --------------------------------------------------------------------------- link crawl


# Sphinx writes every attribute quoted and escapes quotes in text, so the attributes the crawl
# needs can be read with two regular expressions (8x faster than html.parser over the whole site,
# which gave the same links and ids on every page when this replaced it)
_VALUE = r"""\s*=\s*(?:"([^"]*)"|'([^']*)')"""
_IDS = re.compile(r"<[a-zA-Z][^>]*?\s(?:id|name)" + _VALUE)
_LINKS = re.compile(r"<(?:(?:a|link)\b[^>]*?\shref|(?:img|script|source)\b[^>]*?\ssrc)" + _VALUE, re.IGNORECASE)


class _Links:
    """The links (``href`` of a and link, ``src`` of img, script and source) and ids of a page."""

    def __init__(self, text: str):
        self.links = [html.unescape(a or b) for a, b in _LINKS.findall(text) if a or b]
        self.ids = {html.unescape(a or b) for a, b in _IDS.findall(text) if a or b}


def _fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:  # noqa: S310 - our local server
            return resp.status, resp.read(), resp.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        return exc.code, b"", ""


def crawl(base: str) -> tuple[list[str], int, int]:
    """Check every internal link reachable from the home page.

    Returns (failures, pages crawled, links checked).
    """
    failures: list[str] = []
    pages: dict[str, _Links] = {}
    status: dict[str, int] = {}
    queue = [urllib.parse.urljoin(base, "index.html")]
    seen_links: list[tuple[str, str]] = []  # (page, absolute link)
    while queue:
        url = queue.pop()
        if url in status:
            continue
        code, body, ctype = _fetch(url)
        status[url] = code
        if code != 200 or ctype != "text/html":
            continue
        parser = _Links(body.decode("utf-8", "replace"))
        pages[url] = parser
        for link in parser.links:
            absolute = urllib.parse.urljoin(url, link)
            if not absolute.startswith(base):
                continue  # external: not followed (the build is offline)
            seen_links.append((url, absolute))
            target = urllib.parse.urldefrag(absolute).url
            if target not in status:
                queue.append(target)
    for page, link in seen_links:
        target, fragment = urllib.parse.urldefrag(link)
        target = target.split("?", 1)[0]
        code = status.get(target)
        if code is None:
            code = status[target] = _fetch(target)[0]
        where = page[len(base):] or "index.html"
        if code != 200:
            failures.append(f"link {link[len(base):]} on {where}: HTTP {code}")
        elif fragment and target in pages and urllib.parse.unquote(fragment) not in pages[target].ids:
            failures.append(f"link {link[len(base):]} on {where}: no element with id {fragment!r}")
    return sorted(set(failures)), len(pages), len(seen_links)


# --------------------------------------------------------------------------- browser


_WAIT_IMAGES = """
const done = arguments[arguments.length - 1];
const imgs = Array.from(document.images);
imgs.forEach(i => { i.loading = 'eager'; });
Promise.all(imgs.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })))
  .then(() => done(imgs.filter(i => i.naturalWidth === 0).map(i => i.currentSrc || i.src)));
"""


def open_browser(browser: str, driver: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--hide-scrollbars", "--no-first-run",
                "--disable-extensions", "--disable-background-networking"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def check_page(drv, base: str, name: str, path: str, expect: str, shots: Path) -> list[str]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    failures = []
    drv.get(urllib.parse.urljoin(base, path))
    WebDriverWait(drv, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
    if name == "search":
        # the search script fills in the results, then a summary line ("Search finished, ...")
        WebDriverWait(drv, 60).until(lambda d: d.execute_script(
            "const s = document.querySelector('#search-results .search-summary');"
            "return s !== null && s.textContent.trim().length > 0;"))
        hits = drv.find_elements(By.CSS_SELECTOR, "#search-results ul.search li")
        if not hits:
            failures.append(f"{name} ({path}): the search found nothing")
    drv.set_script_timeout(60)
    broken = drv.execute_async_script(_WAIT_IMAGES)
    failures += [f"{name} ({path}): image does not load: {src}" for src in broken]
    if expect.lower() not in drv.find_element(By.TAG_NAME, "body").text.lower():
        failures.append(f"{name} ({path}): {expect!r} is not on the page")
    n_images = drv.execute_script("return document.images.length")
    if name == "gallery" and n_images == 0:
        failures.append(f"{name} ({path}): the gallery page shows no figure")
    for entry in drv.get_log("browser"):
        if entry.get("level") == "SEVERE":
            failures.append(f"{name} ({path}): console error: {entry.get('message')}")
    shot = drv.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    import base64

    (shots / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))
    return failures


def check(html: Path, shots: Path) -> list[str]:
    """Crawl and browse the site built in `html`; screenshots into `shots`; the failures."""
    browser, driver = find_browser()
    shots.mkdir(parents=True, exist_ok=True)
    server, base = serve(html)
    try:
        failures, n_pages, n_links = crawl(base)
        print(f"crawled {n_pages} pages, {n_links} internal links")
        drv = open_browser(browser, driver)
        try:
            for name, path, expect in PAGES:
                page_failures = check_page(drv, base, name, path, expect, shots)
                failures += page_failures
                print(f"{name}: {path} -> {shots / (name + '.png')}" + (" FAILED" if page_failures else ""))
        finally:
            drv.quit()
    finally:
        server.shutdown()
    return failures


def run(html: Path, shots: Path) -> int:
    if not (html / "index.html").is_file():
        print(f"check_docs_browser: no built site at {html} (run sphinx-build first)", file=sys.stderr)
        return 2
    if None in find_browser():
        print("check_docs_browser: chromium and chromium-driver are needed "
              "(apt-get install chromium chromium-driver)", file=sys.stderr)
        return 2
    failures = check(html, shots)
    for f in failures:
        print("FAIL", f)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--html", type=Path, default=ROOT / "docs" / "_build" / "html")
    parser.add_argument("--screenshots", type=Path, default=ROOT / "docs" / "_build" / "screenshots")
    args = parser.parse_args(argv)
    return run(args.html, args.screenshots)


if __name__ == "__main__":
    sys.exit(main())
