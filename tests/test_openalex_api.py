"""API mode of helixnet.openalex against a local server replaying OpenAlex /works pages.

The replayed pages follow the API's documented format (developers.openalex.org, "Page
through results"): ``{"meta": {"count", "per_page", "next_cursor", ...}, "results": [...]}``,
cursor paging from ``cursor=*`` until ``next_cursor`` is null and ``results`` is empty.
Injected faults: 429 with Retry-After, 500, a truncated body, a dropped connection and an
interrupted run. The reference result is an uninterrupted run against the same server.
Nothing here reaches the internet.
"""

import base64
import gzip
import importlib
import json
import socket
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helixnet.exceptions import HelixnetValueError

pytest.importorskip("duckdb")
pytest.importorskip("pytest_httpserver")
from werkzeug import Response  # noqa: E402  (a dependency of pytest-httpserver)

oa = importlib.import_module("helixnet.bibliometrics._openalex")
ROOT = Path(__file__).resolve().parents[1]


def sample_works(n=600):
    works = []
    for f in oa.snapshot_files(oa.SAMPLE_SNAPSHOT):
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            works.extend(json.loads(line) for line in fh)
    return works[:n]


def cursor_of(offset):
    return base64.urlsafe_b64encode(json.dumps([offset]).encode()).decode()


def offset_of(cursor):
    return 0 if cursor == "*" else json.loads(base64.urlsafe_b64decode(cursor.encode()))[0]


class Replay:
    """A /works endpoint: pages of `works`, with faults queued per page offset."""

    def __init__(self, works, faults=None, duplicate=None):
        self.works = works
        self.faults = {k: list(v) for k, v in (faults or {}).items()}
        self.duplicate = duplicate  # (offset of the page, work index) repeated on that page
        self.log = []

    def __call__(self, request):
        cursor = request.args.get("cursor")
        per_page = int(request.args.get("per-page", 25))
        offset = offset_of(cursor)
        self.log.append((offset, dict(request.args)))
        queue = self.faults.get(offset)
        fault = queue.pop(0) if queue else None
        if fault == "429":
            return Response("Too Many Requests", status=429, headers={"Retry-After": "7"})
        if fault == "500":
            return Response("Internal Server Error", status=500)
        if fault == "400":
            return Response('{"error": "Invalid query parameters error."}', status=400)
        if fault == "drop":
            sock = request.environ["werkzeug.socket"]
            sock.shutdown(socket.SHUT_RDWR)
            sock.close()
            return Response("")
        results = self.works[offset: offset + per_page]
        if self.duplicate and self.duplicate[0] == offset:
            results = results + [self.works[self.duplicate[1]]]
        nxt = cursor_of(offset + per_page) if results else None
        body = json.dumps({"meta": {"count": len(self.works), "db_response_time_ms": 12, "page": None,
                                    "per_page": per_page, "next_cursor": nxt, "groups_count": None},
                           "results": results, "group_by": []})
        if fault == "truncate":
            body = body[: len(body) // 2]
        return Response(body, content_type="application/json")


@pytest.fixture
def serve(httpserver):
    def start(replay):
        httpserver.clear_all_handlers()  # one replay at a time (the clean run registers its own first)
        httpserver.expect_request("/works").respond_with_handler(replay)
        return httpserver.url_for("/").rstrip("/")

    return start


def run(base, cache, sleeps=None, **kw):
    # no intervals unless a test asks for them: a row's interval is drawn from that row's counts
    # with one seed, so equal counts give equal intervals (which the injected-faults test checks)
    kw.setdefault("n_resamples", 0)
    return oa.openalex(cache_dir=cache, base_url=base, mailto="test@example.org", progress=False,
                       sleep=(sleeps.append if sleeps is not None else (lambda s: None)), **kw)


@pytest.fixture(scope="module")
def works():
    return sample_works()


INTERVALS = ["ci_low", "ci_high", "R_ci_low", "R_ci_high"]


@pytest.fixture(scope="module")
def clean(works, make_httpserver, tmp_path_factory):
    """The uninterrupted run, with intervals: a deterministic function of the replayed works, so
    computed once for the module (the server is the session's; each test's `serve` clears it)."""
    make_httpserver.clear()
    make_httpserver.expect_request("/works").respond_with_handler(Replay(works))
    res = run(make_httpserver.url_for("/").rstrip("/"), tmp_path_factory.mktemp("clean"), n_resamples=20)
    make_httpserver.clear()
    return res


def assert_same_table_but_intervals(res, clean):
    """Every column of the clean run's table but the intervals (`res` drew none)."""
    assert res.table[INTERVALS].isna().all().all() and clean.table[INTERVALS].notna().any().all()
    pd.testing.assert_frame_equal(res.table.drop(columns=INTERVALS), clean.table.drop(columns=INTERVALS))


def test_requests_ask_only_for_the_needed_fields_with_filters_and_the_polite_pool(works, serve, tmp_path):
    replay = Replay(works)
    base = serve(replay)
    run(base, tmp_path / "c", country="kz", years=(2000, 2024), topic="T10001", n_resamples=0)
    offset, args = replay.log[0]
    assert offset == 0 and args["cursor"] == "*"
    assert args["select"] == "id,publication_year,authorships"
    assert args["filter"] == ("authorships.institutions.country_code:KZ,publication_year:2000-2024,"
                              "topics.id:T10001")
    assert args["mailto"] == "test@example.org" and args["per-page"] == "200"
    # 600 works at 200 a page: 3 pages, then an empty page with a null cursor
    assert [o for o, _ in replay.log] == [0, 200, 400, 600]


def test_injected_faults_are_retried_and_the_result_equals_the_uninterrupted_run(works, serve, tmp_path, clean):
    replay = Replay(works, faults={0: ["429"], 200: ["500", "truncate"], 400: ["drop"], 600: ["500"]})
    sleeps = []
    res = run(serve(replay), tmp_path / "faulty", sleeps=sleeps, n_resamples=20)
    pd.testing.assert_frame_equal(res.table, clean.table)  # intervals included
    assert res.n_works == clean.n_works == 600
    # Retry-After: 7 honoured for the 429; exponential backoff (1, 2 s) after the other faults
    assert sleeps == [7.0, 1.0, 2.0, 1.0, 1.0]


def test_an_interrupted_run_resumes_from_the_page_cache_without_refetching(works, serve, tmp_path, clean):
    replay = Replay(works, faults={400: ["500"]})
    base = serve(replay)

    def ctrl_c(seconds):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        oa.openalex(cache_dir=tmp_path / "c", base_url=base, progress=False, sleep=ctrl_c, n_resamples=20)
    assert [o for o, _ in replay.log] == [0, 200, 400]
    res = run(base, tmp_path / "c")
    # the two cached pages are not asked for again
    assert [o for o, _ in replay.log] == [0, 200, 400, 400, 600]
    assert_same_table_but_intervals(res, clean)
    assert res.n_works == 600


def test_a_run_that_gives_up_keeps_its_pages_and_the_next_run_completes(works, serve, tmp_path, clean):
    replay = Replay(works, faults={200: ["drop", "drop", "drop"]})
    base = serve(replay)
    with pytest.raises(HelixnetValueError, match="did not answer after 3 attempts.*resume"):
        run(base, tmp_path / "c", retries=2)
    res = run(base, tmp_path / "c")
    assert_same_table_but_intervals(res, clean)
    assert [o for o, _ in replay.log].count(0) == 1


def test_a_work_repeated_on_a_later_page_is_counted_once(works, serve, tmp_path, clean):
    replay = Replay(works, duplicate=(200, 5))
    res = run(serve(replay), tmp_path / "c")
    assert res.settings["duplicates_dropped"] == 1
    assert_same_table_but_intervals(res, clean)


def test_max_works_cuts_the_last_page_and_a_later_run_completes_it(works, serve, tmp_path, clean):
    replay = Replay(works)
    base = serve(replay)
    res = run(base, tmp_path / "c", max_works=250)
    assert res.n_works == 250 and res.settings["complete"] is False
    full = run(base, tmp_path / "c")
    assert_same_table_but_intervals(full, clean)
    assert full.n_works == 600


def test_a_refused_request_is_not_retried(works, serve, tmp_path):
    replay = Replay(works, faults={0: ["400"]})
    sleeps = []
    with pytest.raises(HelixnetValueError, match="HTTP 400"):
        run(serve(replay), tmp_path / "c", sleeps=sleeps)
    assert sleeps == [] and len(replay.log) == 1


def test_retry_after_reads_seconds_and_http_dates():
    assert oa._retry_after("12", 1.0) == 12.0
    assert oa._retry_after(None, 3.0) == 3.0
    assert oa._retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 5.0) == 0.0  # a date in the past: no wait
    assert oa._retry_after("soon", 4.0) == 4.0


def test_cli_api_mode_against_the_local_server(works, serve, tmp_path, clean):
    base = serve(Replay(works))
    out = tmp_path / "t.csv"
    proc = subprocess.run(
        [sys.executable, "-m", "helixnet.cli", "openalex", "--base-url", base, "--cache", str(tmp_path / "c"),
         "--bootstrap", "0", "--format", "csv", "--out", str(out), "--quiet"],
        capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    # --bootstrap 0: only T and the counts are compared (intervals: the injected-faults test)
    table = pd.read_csv(out, keep_default_na=False, na_values=[""])
    assert len(table) == len(clean.table)
    assert table["n_records"].tolist() == clean.table["n_records"].tolist()
    assert table["T"].tolist() == pytest.approx(clean.table["T"].tolist(), abs=1e-9)


def test_max_works_below_a_larger_cache_gives_what_a_fresh_run_gives(works, serve, tmp_path):
    """Review finding: a cache holding 600 works returned all of them for max_works=250 (and 6 for
    max_works=2). Reference: a fresh run with the same max_works in an empty cache."""
    base = serve(Replay(works))
    run(base, tmp_path / "c", n_resamples=0)  # the cache now holds all 600
    for n in (2, 250, 400):
        cached = run(base, tmp_path / "c", max_works=n, n_resamples=0)
        fresh = run(base, tmp_path / f"fresh{n}", max_works=n, n_resamples=0)
        assert cached.n_works == fresh.n_works == n
        assert cached.settings["complete"] is False
        pd.testing.assert_frame_equal(cached.table, fresh.table)
    got = oa.fetch_works(tmp_path / "c", base_url=base, max_works=2, sleep=lambda s: None)
    lines = [line for f in got["files"] for line in Path(f).read_text().splitlines() if line.strip()]
    assert [json.loads(line)["id"] for line in lines] == [w["id"] for w in works[:2]]
    # the whole cache is still there: no max_works gives the 600 again
    assert run(base, tmp_path / "c", n_resamples=0).n_works == 600


@pytest.mark.parametrize("url", ["ftp://x", "x", "api.openalex.org", "http://", "file:///etc"])
def test_a_base_url_that_is_not_http_fails_at_once_without_retries(tmp_path, url):
    sleeps = []
    with pytest.raises(HelixnetValueError, match="not an http:// or https:// URL"):
        oa.fetch_works(tmp_path / "c", base_url=url, sleep=sleeps.append)
    assert sleeps == []


def test_the_client_does_not_retry_a_url_it_cannot_send():
    sleeps = []
    client = oa._Client(retries=8, sleep=sleeps.append, user_agent="t")
    with pytest.raises(HelixnetValueError, match="cannot ask the OpenAlex API"):
        client.get_json("ftp://x/works")
    with pytest.raises(HelixnetValueError, match="cannot ask the OpenAlex API"):
        client.get_json("no-scheme/works")
    assert sleeps == []
