"""helixnet.openalex: snapshot engines against the per-record path, analytic cases, the CLI.

Expected values come from (a) helixnet.bibliometrics.synergy_table, the per-record path,
on the same works (an independent implementation of reading, classifying and counting:
pandas over parsed records instead of one DuckDB query), (b) analytic cases (the XOR
table has T = -1 bit; a constant fourth dimension has co-information 0), and (c) hand
counts of small handcrafted works.
"""

import gzip
import importlib
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from cli_runner import run_inproc

from helixnet.bibliometrics import _pipeline as bib
from helixnet.exceptions import HelixnetValueError, InputFileError

pytest.importorskip("duckdb")

# the module (``from helixnet import openalex`` is the function hx.openalex)
oa = importlib.import_module("helixnet.bibliometrics._openalex")

ROOT = Path(__file__).resolve().parents[1]
THREE = ["U", "I", "G", "UI", "UG", "IG", "UIG"]


def inst(name, cc, typ):
    return {"id": f"https://openalex.org/I{abs(hash(name)) % 10**6}", "display_name": name,
            "country_code": cc, "type": typ}


def work(wid, year, *authorships):
    return {"id": f"https://openalex.org/W{wid}", "publication_year": year,
            "authorships": [{"institutions": list(a), "raw_affiliation_strings": []} if isinstance(a, tuple)
                            else {"institutions": [], "raw_affiliation_strings": [a]} for a in authorships]}


def write_part(root, works, date="2024-01-01", part=0):
    folder = Path(root) / "works" / f"updated_date={date}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"part_{part:03d}.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for w in works:
            fh.write(json.dumps(w) + "\n")
    return path


UNI = inst("Al-Farabi Kazakh National University", "KZ", "education")
FIRM = inst("KEGOC", "KZ", "company")
MIN = inst("Ministry of Education and Science", "KZ", "government")
HOSP = inst("City Hospital", "KZ", "healthcare")
ABROAD = inst("University of Tartu", "EE", "education")

# XOR: one work in each of UI, UG, IG and none
XOR_WORKS = [work(1, 2014, (UNI,), (FIRM,)), work(2, 2014, (UNI,), (MIN,)), work(3, 2014, (FIRM,), (MIN,)),
             work(4, 2014, (HOSP,))]


@pytest.fixture(scope="module")
def edge_snapshot(tmp_path_factory):
    """A synthetic snapshot (real layout) plus handcrafted edge cases in a second partition."""
    from helixnet.bibliometrics._openalex_synth import write_snapshot

    root = tmp_path_factory.mktemp("snap")
    write_snapshot(root, 1500, seed=7, n_parts=2, filler=True, first_year=2010)
    edge = [
        # untyped institution: address rules on the display name (Kazatomprom: I by the KZ rule)
        work(90001, 2015, (inst("Kazatomprom", "KZ", None),), (UNI,)),
        # an authorship with only a raw affiliation string (country from the text)
        work(90002, 2015, "Minist Hlth, Astana 010000, Kazakhstan", (UNI,)),
        # null entries, no year, an unknown ROR type
        {"id": "https://openalex.org/W90003", "publication_year": None,
         "authorships": [{"institutions": [None, inst("X Lab", "KZ", "laboratory")],
                          "raw_affiliation_strings": []}]},
        # no country anywhere
        work(90004, 2016, "Independent researcher"),
        # no authorships at all
        {"id": "https://openalex.org/W90005", "publication_year": 2016, "authorships": []},
        # international U-I
        work(90006, 2016, (UNI,), (inst("Siemens AG", "DE", "company"),)),
    ]
    write_part(root, edge, date="2024-06-01", part=9)
    return root


@pytest.fixture(scope="module")
def records(edge_snapshot, tmp_path_factory):
    """The same works as plain JSON lines, read by the per-record path."""
    tmp = tmp_path_factory.mktemp("jsonl")
    paths = []
    for i, f in enumerate(oa.snapshot_files(edge_snapshot)):
        p = tmp / f"part{i}.jsonl"
        p.write_bytes(gzip.open(f).read())
        paths.append(p)
    return bib.classify(bib.read_records(paths))


@pytest.fixture(scope="module")
def result(edge_snapshot):
    return oa.openalex(edge_snapshot, engine="duckdb", n_resamples=30, seed=5)


def test_snapshot_rows_equal_the_per_record_synergy_table_of_every_country(result, records):
    """Source: helixnet.bibliometrics.synergy_table(by="year", country=C), the per-record path."""
    t = result.table
    countries = sorted(t["country"].dropna().unique())
    assert len(countries) > 10
    for c in countries:
        mine = t[t["country"] == c].reset_index(drop=True)
        ref = bib.synergy_table(records, by="year", country=c, n_resamples=30, seed=5)
        assert list(mine["year"]) == list(ref["year"]), c
        assert list(mine["n_records"]) == list(ref["n_records"]), c
        for cell in THREE:
            merged = mine[cell] + mine[cell + "F"]
            assert list(merged) == list(ref[cell]), (c, cell)
        assert list(mine["none"] + mine["F"]) == list(ref["none"]), c
        for col in ("T", "ci_low", "ci_high"):
            assert mine[col].tolist() == pytest.approx(ref[col].tolist(), abs=1e-12), (c, col)


def test_snapshot_four_dimensional_cells_and_r_equal_the_per_record_path_with_f(result, records):
    """R_UIGF = (-1)^(4+1) T_UIGF = -T_UIGF of synergy_table(international=True)."""
    t = result.table
    for c in ["US", "CN", "KZ", "DE"]:
        mine = t[t["country"] == c].reset_index(drop=True)
        ref = bib.synergy_table(records, by="year", country=c, international=True, n_resamples=30, seed=5)
        for cell in oa.CELLS:
            assert list(mine[cell]) == list(ref[cell]), (c, cell)
        assert mine["R_UIGF"].tolist() == pytest.approx((-ref["T"]).tolist(), abs=1e-12)
        assert mine["R_ci_low"].tolist() == pytest.approx((-ref["ci_high"]).tolist(), abs=1e-12)
        assert mine["R_ci_high"].tolist() == pytest.approx((-ref["ci_low"]).tolist(), abs=1e-12)


def test_works_without_a_country_and_untyped_counts_match_the_records(result, records):
    """Hand definition: n_untyped counts works with an address that has no ROR type."""
    ds = bib.document_sectors(records)
    a = records.addresses
    untyped = set(a.loc[a["ror_type"].isna(), "doc_id"])
    t = result.table
    none_rows = t[t["country"].isna()]
    ref = ds[ds["countries"] == ""].groupby("year", dropna=False).size()
    assert int(none_rows["n_records"].sum()) == int(ref.sum()) >= 2
    for c in ["KZ", "US"]:
        docs = ds[ds["countries"].str.split(";").apply(lambda cs, c=c: c in cs)]
        want = docs[docs["doc_id"].isin(untyped)].groupby("year").size()
        got = t[(t["country"] == c) & (t["n_untyped"] > 0)].set_index("year")["n_untyped"]
        assert got.to_dict() == {int(k): int(v) for k, v in want.items()}
    assert result.n_works == len(records.documents)
    assert result.n_untyped == len(untyped & set(records.documents["doc_id"]))


def test_engines_duckdb_dask_and_records_give_identical_counts(edge_snapshot):
    from distributed import Client, LocalCluster

    duck = oa.count_works(edge_snapshot, engine="duckdb")
    recs = oa.count_works(edge_snapshot, engine="records")
    with LocalCluster(n_workers=1, processes=False, threads_per_worker=2, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        dask = oa.count_works(edge_snapshot, engine="dask", scheduler=client)
    pd.testing.assert_frame_equal(duck, recs)
    pd.testing.assert_frame_equal(duck, dask)


def test_xor_works_give_minus_one_bit_and_a_constant_f_gives_r_zero(tmp_path):
    """XOR of U, I, G over four works: T = -1 bit (analytic). All works in one country: F is
    constant, so T_UIGF = T_UIG - T_UIG|F = 0 and R_UIGF = 0."""
    write_part(tmp_path, XOR_WORKS)
    row = oa.openalex(tmp_path, n_resamples=0).table.iloc[0]
    assert (row["country"], row["year"], row["n_records"]) == ("KZ", 2014, 4)
    assert (row["UI"], row["UG"], row["IG"], row["none"]) == (1, 1, 1, 1)
    assert row["T"] == pytest.approx(-1.0, abs=1e-12)
    assert row["R_UIGF"] == pytest.approx(0.0, abs=1e-12)
    assert math.isnan(row["ci_low"])


def test_a_ror_type_map_override_moves_hospitals_into_government(tmp_path):
    """Hand count: with healthcare -> G the hospital-only work leaves 'none' for 'G'."""
    write_part(tmp_path, XOR_WORKS)
    m = tmp_path / "types.csv"
    m.write_text("ror_type,sector\neducation,U\ncompany,I\ngovernment,G\nhealthcare,G\nother,O\n")
    row = oa.openalex(tmp_path, n_resamples=0, ror_types=str(m)).table.iloc[0]
    assert (row["G"], row["none"]) == (1, 0)
    with pytest.raises(HelixnetValueError, match="sector 'X'"):
        oa.ror_sector_map({"education": "X"})


def test_untyped_institutions_fall_back_to_the_address_rules(tmp_path):
    """Kazatomprom without a ROR type: I by the KZ national-company rule (address_rules.csv)."""
    write_part(tmp_path, [work(1, 2020, (inst("Kazatomprom", "KZ", None),), (UNI,))])
    row = oa.openalex(tmp_path, n_resamples=0).table.iloc[0]
    assert (row["UI"], row["n_untyped"]) == (1, 1)


def test_snapshot_and_year_filters_keep_rows(edge_snapshot):
    res = oa.openalex(edge_snapshot, n_resamples=0, country="kz", years=(2015, 2016))
    assert set(res.table["country"]) == {"KZ"}
    assert set(res.table["year"]) <= {2015, 2016}


def test_kept_rows_equal_the_same_rows_of_the_whole_table(edge_snapshot, result):
    """--country/--years keep rows before their intervals are drawn (only those rows are
    bootstrapped); each row's table and seed are its own, so the kept rows, intervals
    included, equal the same rows of the unfiltered table."""
    whole = result.table  # the module's unfiltered run: duckdb, n_resamples=30, seed=5
    kept = oa.openalex(edge_snapshot, engine="duckdb", n_resamples=30, seed=5, country="kz", years=(2015, 2016)).table
    expected = whole[(whole["country"] == "KZ") & whole["year"].isin([2015, 2016])].reset_index(drop=True)
    assert len(kept) > 0
    pd.testing.assert_frame_equal(kept, expected)


def test_bootstrap_intervals_are_seeded_and_reproducible(edge_snapshot, result):
    """A fresh run with the seed of the module's run (`result`, drawn earlier in this process)
    gives that run's table again, intervals included."""
    again = oa.openalex(edge_snapshot, engine="duckdb", n_resamples=30, seed=5).table
    assert again["ci_low"].notna().sum() > 100
    pd.testing.assert_frame_equal(again, result.table)


def test_bad_inputs_raise_clear_errors(tmp_path):
    with pytest.raises(InputFileError, match="no such snapshot folder"):
        oa.openalex(tmp_path / "nope")
    with pytest.raises(InputFileError, match="no works files"):
        oa.openalex(tmp_path)
    folder = tmp_path / "works" / "updated_date=2024-01-01"
    folder.mkdir(parents=True)
    with gzip.open(folder / "part_000.gz", "wt") as fh:
        fh.write('{"id": "W1", "publication_year": 2020, "authorships": [}\n')
    with pytest.raises(InputFileError, match="cannot read the works files"):
        oa.openalex(tmp_path, n_resamples=0)
    with pytest.raises(HelixnetValueError, match="unknown engine"):
        oa.openalex(tmp_path, engine="spark")


def test_result_writes_csv_parquet_and_json_with_the_fixed_columns(result, tmp_path):
    for ext in ("csv", "parquet", "json"):
        result.write(tmp_path / f"t.{ext}")
    csv = pd.read_csv(tmp_path / "t.csv")
    assert list(csv.columns) == oa.TABLE_COLUMNS
    pq = pd.read_parquet(tmp_path / "t.parquet")
    pd.testing.assert_frame_equal(pq, result.table)
    js = json.loads((tmp_path / "t.json").read_text())
    assert js["n_works"] == result.n_works and len(js["rows"]) == len(result.table)
    assert list(js["rows"][0]) == oa.TABLE_COLUMNS
    with pytest.raises(HelixnetValueError, match="csv, .parquet or .json"):
        result.write(tmp_path / "t.xlsx")


def test_plot_draws_one_panel_per_country_with_an_interval_band(result):
    axes = result.plot(["US", "CN"])
    assert [ax.get_title() for ax in axes] == ["US", "CN"]
    assert len(axes[0].collections) >= 1  # the fill_between band
    with pytest.raises(HelixnetValueError, match="no rows for ZZ"):
        result.plot(["ZZ"])


def test_bundled_sample_snapshot_is_what_its_script_writes(tmp_path):
    """The committed sample is byte-identical to a fresh run of its generator, and openalex
    counts each of the generator's 5,000 works once."""
    from helixnet.sample_data.make_openalex_snapshot import N_WORKS, main

    fresh = main(tmp_path)
    shipped = oa.snapshot_files(oa.SAMPLE_SNAPSHOT)
    assert [Path(f).relative_to(tmp_path).as_posix() for f in fresh] == [
        Path(f).relative_to(oa.SAMPLE_SNAPSHOT).as_posix() for f in shipped]
    for a, b in zip(fresh, shipped):
        assert Path(a).read_bytes() == Path(b).read_bytes()
    assert oa.openalex(oa.SAMPLE_SNAPSHOT, n_resamples=0).n_works == N_WORKS == 5000


# ------------------------------------------------------------------------------- CLI


def cli(*args, cwd=None):
    """The CLI in a fresh interpreter (the runs that compute, and the exit statuses of a process);
    the usage errors below, refused before anything is read, run in this process (run_inproc)."""
    return subprocess.run([sys.executable, "-m", "helixnet.cli", "openalex", *args], capture_output=True,
                          text=True, cwd=cwd, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=300)


def test_cli_json_matches_the_library_and_its_schema(tmp_path, edge_snapshot):
    """Years 2015-2016 of the edge snapshot: the JSON's format and its agreement with the library
    do not depend on the table's size, and these ~45 rows hold the handcrafted works (rows
    without a country among them), each row with its intervals."""
    jsonschema = pytest.importorskip("jsonschema")
    from helixnet.cli._schemas import SCHEMAS

    out = tmp_path / "t.json"
    proc = cli("--snapshot", str(edge_snapshot), "--years", "2015-2016", "--bootstrap", "30", "--seed", "5",
               "--format", "json", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(out.read_text())
    jsonschema.validate(payload, SCHEMAS["openalex"])
    lib = oa.openalex(edge_snapshot, years=(2015, 2016), n_resamples=30, seed=5)
    assert payload["n_works"] == lib.n_works > 100
    assert len(payload["rows"]) == len(lib.table) > 30
    assert any(r["country"] is None for r in payload["rows"])
    for col in ("T", "ci_low", "ci_high", "R_UIGF", "R_ci_low", "R_ci_high"):
        got = [math.nan if r[col] is None else r[col] for r in payload["rows"]]
        assert got == pytest.approx(lib.table[col].tolist(), abs=1e-12, nan_ok=True), col


def test_cli_writes_parquet_and_a_figure(tmp_path, edge_snapshot):
    # the edge snapshot (324 rows, US and CN among them) rather than the 5,000-work sample: the
    # test is about the files written, not the snapshot's size
    proc = cli("--snapshot", str(edge_snapshot), "--bootstrap", "0", "--out", str(tmp_path / "t.parquet"),
               "--figure", str(tmp_path / "f.png"), "--countries", "US,CN", "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert len(pd.read_parquet(tmp_path / "t.parquet")) > 100
    assert (tmp_path / "f.png").stat().st_size > 1000


def test_cli_bad_usage_exits_2_and_bad_data_exits_1_writing_nothing(tmp_path):
    out = tmp_path / "t.csv"
    proc = cli("--snapshot", oa.SAMPLE_SNAPSHOT, "--topic", "T1", "--out", str(out))
    assert proc.returncode == 2 and "API options" in proc.stderr
    proc = cli("--snapshot", str(tmp_path / "missing"), "--out", str(out))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "no such snapshot folder" in proc.stderr
    assert not out.exists()


# ------------------------------------------------------------------------------- review findings


def test_snapshot_counts_works_of_the_kept_rows_and_records_the_filters(tmp_path):
    """Review finding: n_works counted every work read before --country/--years. By hand: KZ 2014
    holds the 4 XOR works, KZ 2015 one KZ+EE work (untyped via the address rules), EE 2015 that
    same work, and EE 2016 one Estonian work: 6 works read."""
    untyped_kz = inst("KEGOC", "KZ", None)
    write_part(tmp_path, [*XOR_WORKS, work(5, 2015, (untyped_kz,), (ABROAD,)), work(6, 2016, (ABROAD,))])
    whole = oa.openalex(tmp_path, n_resamples=0)
    assert (whole.n_works, whole.n_untyped) == (6, 1)
    kz = oa.openalex(tmp_path, n_resamples=0, country="kz")
    assert (kz.n_works, kz.n_untyped) == (5, 1)  # works 1-5
    assert kz.settings["n_works_read"] == 6 and kz.settings["country"] == "KZ"
    ee15 = oa.openalex(tmp_path, n_resamples=0, country="EE", years=(2015, 2015))
    assert (ee15.n_works, ee15.n_untyped) == (1, 1)  # work 5 only
    assert ee15.settings["years"] == [2015, 2015]
    y = oa.openalex(tmp_path, n_resamples=0, years=2015)
    assert (y.n_works, y.n_untyped, y.settings["years"]) == (1, 1, 2015)  # work 5, in two rows


def test_bad_country_and_years_are_refused_not_an_empty_table(tmp_path):
    write_part(tmp_path, XOR_WORKS)
    for years in [(2010, 2000), (-5, 2000), 20100, (99, None)]:
        with pytest.raises(HelixnetValueError, match="year"):
            oa.openalex(tmp_path, n_resamples=0, years=years)
    for country in ["AUS", "K", ["KZ", "1A"]]:
        with pytest.raises(HelixnetValueError, match="alpha-2"):
            oa.openalex(tmp_path, n_resamples=0, country=country)


def test_records_engine_errors_name_the_source_part_and_no_missing_cli_option(tmp_path):
    """Review finding: the message named a deleted temporary file and suggested --skip-bad-records,
    which openalex lacks; a part that is not gzip gave 'Not a gzipped file' without a path."""
    part = write_part(tmp_path / "a", [work(1, 2020, (UNI,))])
    with gzip.open(part, "at", encoding="utf-8") as fh:
        fh.write('{"id": "W2", "publication_year": 2020, "authorships": [}\n')
    with pytest.raises(InputFileError) as err:
        oa.openalex(tmp_path / "a", engine="records", n_resamples=0)
    msg = str(err.value)
    assert str(part) in msg and "helixnet-openalex-" not in msg and "skip" not in msg.lower()
    bad = write_part(tmp_path / "b", [work(1, 2020, (UNI,))])
    bad.write_bytes(b'{"id": "W1"}\n')  # plain text under a .gz name
    with pytest.raises(InputFileError, match=re.escape(str(bad))):
        oa.openalex(tmp_path / "b", engine="records", n_resamples=0)


def test_cli_checks_outputs_before_reading_anything(tmp_path):
    """Review finding: --figure's extension and --out's folder were checked after the computation.
    A missing snapshot (exit 1 once read) shows the order: the usage error (exit 2) comes first."""
    missing = str(tmp_path / "missing")
    code, _, err = run_inproc("openalex", "--snapshot", missing, "--figure", tmp_path / "f.txt")
    assert code == 2 and "--figure" in err and ".png" in err
    for option in ("--out", "--figure"):
        target = str(tmp_path / "nofolder" / ("t.png" if option == "--figure" else "t.parquet"))
        code, _, err = run_inproc("openalex", "--snapshot", missing, option, target)
        assert code == 2 and "no such folder" in err, err
    assert not (tmp_path / "nofolder").exists()


@pytest.mark.parametrize("args, message", [
    (["--base-url", "ftp://x"], "http:// or https://"),
    (["--base-url", "api.openalex.org"], "http:// or https://"),
    (["--years", "2010-2000"], "first year is after the last"),
    (["--years", "-5"], "4-digit"),
    (["--years", "99-2000"], "4-digit"),
    (["--country", "AUS"], "alpha-2"),
])
def test_cli_bad_base_url_years_and_country_are_usage_errors(tmp_path, args, message):
    code, _, err = run_inproc("openalex", *args, "--cache", tmp_path / "c")
    assert code == 2 and message in err, err
    assert not (tmp_path / "c").exists()  # nothing was asked of any server


@pytest.mark.parametrize("args", [["--mailto", "a@b.org"], ["--api-key", "k"], ["--cache", "c"],
                                  ["--base-url", "https://api.openalex.org"]])
def test_cli_api_options_with_snapshot_are_usage_errors(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)  # "--cache c" is relative
    code, _, err = run_inproc("openalex", "--snapshot", oa.SAMPLE_SNAPSHOT, *args, "--bootstrap", "0")
    assert code == 2 and "API options" in err, err
