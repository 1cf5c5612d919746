"""Counting while reading (helixnet.bibliometrics.read_counts, the CLI's path) against the records.

The reference for every expected table is the per-record path, an independent
implementation: ``classify(read_records(...))`` holds every document and address, and
:func:`document_venn_counts` builds each document's sector set from them (``document_sectors``,
pandas group-by); :func:`read_counts` never holds a document and counts profiles
instead. For the command line the reference is the CLI run on the records, as it was
before it streamed (the records classified, then counted; the audit written with
``DataFrame.to_csv``): both runs must give byte-identical JSON, CSV and audit files.
Hand counts are used where a case is small enough to count.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pandas as pd
import pytest
from cli_runner import run_inproc

import helixnet as hx
from helixnet.bibliometrics import _pipeline as bib

FIX = Path(__file__).resolve().parent / "fixtures" / "bibliometrics"
FIXTURES = [FIX / "savedrecs_1.txt", FIX / "savedrecs_2.txt", FIX / "savedrecs_tab.txt", FIX / "scopus.csv",
            FIX / "openalex.jsonl"]

ORGS = [
    "Al Farabi Kazakh Natl Univ, Dept Phys, Almaty 050040, Kazakhstan",
    "Samsung Elect Co Ltd, Suwon 16677, South Korea",
    "Minist Energy, Astana 010000, Kazakhstan",
    "Univ Zürich, Inst Phys, Zürich, Switzerland",
    "Stanford Univ, Dept Mat Sci, Stanford, CA 94305 USA",
    "Massachusetts Gen Hosp, Boston, MA 02114 USA",
    "Natl Renewable Energy Lab, Golden, CO 80401 USA",
    "Unknown Place 7",  # no country, no rule
    "Siemens AG, Munich, Germany",
]


def _wos_export(ids, seed, bad=(), latin1_safe=True):
    """A WoS plain-text export of the records `ids` (record k in `bad` lacks its UT, or has a bad year)."""
    rng = random.Random(seed)
    out = ["FN Clarivate Analytics Web of Science\nVR 1.0\n"]
    for k, i in enumerate(ids):
        n = rng.randint(0, 4)  # some records without any address
        c1 = ("C1 " + "\n   ".join(f"[A{j}, B] {rng.choice(ORGS)}." for j in range(n)) + "\n") if n else ""
        py = "" if rng.random() < 0.1 else f"PY {rng.randint(2010, 2014)}\n"
        ut = f"UT WOS:{i:015d}\n"
        if k in bad:
            ut, py = ("", py) if k % 2 == 0 else (ut, "PY 20x4\n")
        out.append(f"PT J\nAU A0, B\nTI Title {i}\n   continued\n{c1}{py}{ut}ER\n\n")
    out.append("EF\n")
    return "".join(out)


def _openalex_export(ids, seed):
    rng = random.Random(seed)
    lines = []
    for i in ids:
        auths = [{"institutions": [{"display_name": name, "id": f"I{k}", "country_code": cc, "type": t}]}
                 for k, (name, cc, t) in enumerate(rng.sample(
                     [("Nazarbayev University", "KZ", "education"), ("Samsung", "KR", "company"),
                      ("Ministry of Energy", "KZ", "government"), ("", "DE", "facility"),
                      ("Charite", "DE", "healthcare")], rng.randint(0, 3)))]
        lines.append(json.dumps({"id": f"https://openalex.org/W{i}", "publication_year": rng.randint(2010, 2013),
                                 "display_name": f"W{i}", "authorships": auths}))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """Generated exports: overlapping WoS files (duplicates within and across files), bad
    records, a Latin-1 file, and OpenAlex works met twice."""
    d = tmp_path_factory.mktemp("exports")
    a = d / "a.txt"
    a.write_text(_wos_export(list(range(300)) + [5, 6], 1), encoding="utf-8")  # 2 repeats within the file
    b = d / "b.txt"
    b.write_text(_wos_export(range(200, 500), 2, bad={107, 140, 141, 250}), encoding="utf-8")  # 100 met in a
    c = d / "c.txt"
    c.write_text(_wos_export(range(480, 600), 3), encoding="latin-1")  # 20 met in b
    o = d / "works.jsonl"
    o.write_text(_openalex_export(list(range(50)) + list(range(40, 60)), 4), encoding="utf-8")
    return [a, b, c, o]


@pytest.fixture(scope="module")
def reference(exports):
    """The generated exports read record by record in this process, with their tables (the
    reference of the counting tests on them; computed once, read only)."""
    records = bib.classify(bib.read_records(exports, skip_bad_records=True))
    return records, _tables(records)


OPTIONS = [{"by": by, "country": country, "international": intl, "no_address": na}
           for by in (None, "year", "country") for country in (None, "KZ", "US")
           for intl in (False, True) for na in ("exclude", "none")]


def _tables(records):
    """The per-record tables (the reference): Venn counts under every option, address sectors per country."""
    return ([bib.document_venn_counts(records, **kw) for kw in OPTIONS],
            [bib.address_sectors(records, country) for country in ADDRESS_COUNTRIES])


ADDRESS_COUNTRIES = (None, "KZ", "US", "CH")


def _assert_same_tables(records, counts, tables=None):
    """The tables of ``counts`` equal those of ``records`` (``tables``: ``_tables(records)`` computed before)."""
    venn, addresses = _tables(records) if tables is None else tables
    for kw, expected in zip(OPTIONS, venn):
        pd.testing.assert_frame_equal(bib.document_venn_counts(counts, **kw), expected, check_exact=True, obj=str(kw))
    for country, expected in zip(ADDRESS_COUNTRIES, addresses):
        pd.testing.assert_frame_equal(bib.address_sectors(counts, country), expected)
    assert counts.n_records == records.n_records
    assert counts.duplicates_dropped == records.duplicates_dropped
    assert counts.skipped == records.skipped and counts.repairs == records.repairs


def test_counts_of_the_fixture_exports_equal_the_per_record_tables(tmp_path):
    """Every format of the fixtures (WoS plain and tab, Scopus, OpenAlex), with 2 duplicates."""
    records = bib.classify(bib.read_records(FIXTURES))
    audit = tmp_path / "audit.csv"
    counts = bib.read_counts(FIXTURES, audit=audit)
    _assert_same_tables(records, counts)
    expected = records.addresses[["doc_id", "address", "country", "sector", "rule"]].to_csv(
        index=False, lineterminator="\n")
    assert audit.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["audit.csv"]  # no temporary file left


@pytest.mark.parametrize("parallel", [False, True])
def test_counts_of_generated_exports_with_duplicates_and_bad_records(exports, reference, tmp_path, monkeypatch,
                                                                     parallel):
    """Duplicates within and across files, skipped records, Latin-1 and OpenAlex; in one
    process, and in two processes with the WoS files cut into byte ranges."""
    records, tables = reference
    if parallel:
        monkeypatch.setattr(bib, "_PARALLEL_MIN", 0)
        monkeypatch.setattr(bib, "_SPLIT_MIN", 0)
        # the records read in two processes are those read in one, so the reference tables are theirs
        two = bib.classify(bib.read_records(exports, skip_bad_records=True, n_jobs=2))
        pd.testing.assert_frame_equal(two.documents, records.documents)
        pd.testing.assert_frame_equal(two.addresses, records.addresses)
        records = two
    jobs = 2 if parallel else 1
    # hand count of the generator: 2 repeats in a.txt, 100 ids of b.txt in a.txt, 20 of c.txt in b.txt,
    # 10 works met twice; 4 bad records in b.txt
    assert records.duplicates_dropped == 2 + 100 + 20 + 10 and len(records.skipped) == 4
    audit = tmp_path / "audit.csv"
    counts = bib.read_counts(exports, skip_bad_records=True, audit=audit, n_jobs=jobs)
    _assert_same_tables(records, counts, tables)
    expected = records.addresses[["doc_id", "address", "country", "sector", "rule"]].to_csv(
        index=False, lineterminator="\n")
    assert audit.read_text(encoding="utf-8") == expected


def test_forgetting_the_address_cache_changes_nothing(exports, reference, monkeypatch):
    """Batches of 7 records and a cache of 5 addresses: each address is classified again and again."""
    monkeypatch.setattr(bib, "_BATCH", 7)
    monkeypatch.setattr(bib, "_CACHE_MAX", 5)
    records, tables = reference  # read_records does not batch: the two settings are the counting's
    _assert_same_tables(records, bib.read_counts(exports, skip_bad_records=True), tables)


def _ror_dump(path):
    """A two-organisation ROR data dump (schema v2): the hospital of ORGS made a university."""
    orgs = [{"names": [{"value": "Massachusetts Gen Hosp", "types": ["label"]}], "types": ["education"],
             "locations": [{"geonames_details": {"country_code": "US"}}]},
            {"names": [{"value": "Siemens AG", "types": ["ror_display"]}], "types": ["company"],
             "locations": [{"geonames_details": {"country_code": "DE"}}]}]
    path.write_text(json.dumps(orgs), encoding="utf-8")
    return path


def test_counts_with_an_offline_ror_dump_equal_the_per_record_tables(exports, tmp_path):
    dump = _ror_dump(tmp_path / "ror.json")
    records = bib.classify(bib.read_records(exports, skip_bad_records=True), ror=dump)
    counts = bib.read_counts(exports, skip_bad_records=True, ror=dump)
    _assert_same_tables(records, counts)
    # the dump decided: the hospital's addresses are U now (more U than without it)
    plain = bib.read_counts(exports, skip_bad_records=True)
    assert bib.address_sectors(counts)["n_addresses"][0] > bib.address_sectors(plain)["n_addresses"][0]


def test_a_duplicate_counts_where_it_is_first_met(tmp_path):
    """Hand count: WOS:1 is dated 2014 in the first file and 2015 in the second; it counts once, in 2014."""
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    rec = "PT J\nC1 [A] Nazarbayev Univ, Astana, Kazakhstan.\nPY {}\nUT WOS:1\nER\n"
    one.write_text("FN x\nVR 1.0\n" + rec.format(2014) + "EF\n")
    two.write_text("FN x\nVR 1.0\n" + rec.format(2015) + "PT J\nPY 2015\nUT WOS:2\nER\nEF\n")
    counts = bib.read_counts([one, two])
    assert counts.duplicates_dropped == 1
    per_year = bib.document_venn_counts(counts, by="year")
    assert per_year[["year", "n_records", "U", "n_no_address"]].values.tolist() == [[2014, 1, 1, 0], [2015, 0, 0, 1]]


def test_a_bad_record_stops_the_counting_and_writes_no_audit(exports, tmp_path):
    audit = tmp_path / "audit.csv"
    with pytest.raises(hx.InputFileError, match=r"b\.txt: line \d+: record WOS:0+307: year .20x4. is not a number"):
        bib.read_counts(exports, audit=audit)
    assert list(tmp_path.iterdir()) == []


def test_functions_that_need_each_document_refuse_counts():
    counts = bib.read_counts(FIXTURES[:1])
    for f in (bib.document_sectors, bib.coauthorship_network, bib.audit, bib.classify):
        with pytest.raises(hx.HelixnetTypeError, match="read_records"):
            f(counts)


# ----------------------------------------------------------------------------------------
# the command line: streaming against the CLI on the records


_READ = {}  # the reference runs' classified records, by reading: read once for the module (the CLI only reads them)


def _in_memory(monkeypatch):
    """Make the CLI read the records as it did before it streamed (the reference run)."""

    def read_counts(paths, format="auto", skip_bad_records=False, ror=None, audit=None, progress=False):
        key = (tuple(map(str, paths)), format, skip_bad_records, None if ror is None else str(ror))
        if key not in _READ:
            _READ[key] = bib.classify(bib.read_records(paths, format=format, skip_bad_records=skip_bad_records),
                                      ror=ror)
        recs = _READ[key]
        if audit is not None:
            with open(audit, "w", encoding="utf-8", newline="") as fh:
                fh.write(recs.addresses[["doc_id", "address", "country", "sector", "rule"]].to_csv(
                    index=False, lineterminator="\n"))
        return recs

    monkeypatch.setattr(bib, "read_counts", read_counts)


CLI_OPTIONS = [
    [],
    ["--by", "year"],
    ["--by", "country"],
    ["--country", "KZ", "--by", "year"],
    ["--country", "United States", "--by", "country", "--international"],
    ["--include-no-address", "--by", "year"],
    ["--bootstrap", "20", "--seed", "3", "--by", "year"],
]


def _runs(files, tmp_path, monkeypatch, options, tag):
    """(stdout, stderr, out file, audit file) of the CLI, streaming then on the records."""
    outputs = []
    for mode in ("stream", "memory"):
        with monkeypatch.context() as m:
            if mode == "memory":
                _in_memory(m)
            for fmt in ("json", "csv"):
                out, audit = tmp_path / f"{tag}-{mode}.{fmt}", tmp_path / f"{tag}-{mode}-audit.csv"
                code, stdout, stderr = run_inproc("bibliometrics", *files, "--skip-bad-records", *options,
                                                  "--format", fmt, "--out", out, "--audit", audit)
                assert code == 0, stderr
                outputs.append((mode, fmt, stdout, stderr, out.read_bytes(), audit.read_bytes()))
    stream = [o[1:] for o in outputs if o[0] == "stream"]
    memory = [o[1:] for o in outputs if o[0] == "memory"]
    return stream, memory


@pytest.mark.parametrize("options", CLI_OPTIONS, ids=lambda o: " ".join(o) or "default")
def test_cli_streaming_output_is_byte_identical_on_the_fixture_exports(tmp_path, monkeypatch, options):
    stream, memory = _runs(FIXTURES, tmp_path, monkeypatch, options, "fix")
    assert stream == memory
    assert json.loads(stream[0][3])["n_records"] > 0


@pytest.mark.parametrize("options", CLI_OPTIONS[1:5], ids=lambda o: " ".join(o))
def test_cli_streaming_output_is_byte_identical_on_generated_exports(exports, tmp_path, monkeypatch, options):
    """Parallel reading (two processes, byte ranges) with duplicates across files and skipped records."""
    monkeypatch.setattr(bib, "_PARALLEL_MIN", 0)
    monkeypatch.setattr(bib, "_SPLIT_MIN", 0)
    stream, memory = _runs(exports, tmp_path, monkeypatch, options, "gen")
    assert stream == memory
    payload = json.loads(stream[0][3])
    assert len(payload["skipped"]) == 4 and payload["duplicates_dropped"] == 132
    assert "skipped" in stream[0][2]  # each skipped record reported on stderr


def test_cli_streaming_output_is_byte_identical_with_a_ror_dump(exports, tmp_path, monkeypatch):
    dump = _ror_dump(tmp_path / "ror.json")
    stream, memory = _runs(exports, tmp_path, monkeypatch, ["--ror", dump, "--by", "year"], "ror")
    assert stream == memory


def test_cli_failure_leaves_neither_audit_nor_output_nor_temporary_files(exports, tmp_path):
    out, audit = tmp_path / "r.json", tmp_path / "audit.csv"
    code, _, stderr = run_inproc("bibliometrics", *exports, "--format", "json", "--out", out, "--audit", audit)
    assert code == 1 and "is not a number" in stderr
    assert list(tmp_path.iterdir()) == []
