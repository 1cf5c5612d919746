"""Tests of helixnet.bibliometrics: readers, sector classification, Venn counts, synergy.

Expected values come from the hand labels of the fixture documents
(tests/fixtures/bibliometrics/make_fixtures.py: every address was given its sector by hand)
counted with plain Python in this file, from the labelled address list
tests/fixtures/labelled_addresses.csv, and from analytic cases.
"""

import csv
import io
import itertools
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from cli_runner import run_inproc

import helixnet as hx
from helixnet.bibliometrics import _pipeline as bib

FIX = Path(__file__).resolve().parent / "fixtures" / "bibliometrics"
sys.path.insert(0, str(FIX))
import make_fixtures as spec  # noqa: E402  (the hand-labelled documents)

sys.path.pop(0)

ALL_FORMATS = {
    "wos": [FIX / "savedrecs_1.txt", FIX / "savedrecs_2.txt"],
    "wos_tab": [FIX / "savedrecs_tab.txt"],
    "scopus": [FIX / "scopus.csv"],
}


def hand_cells(docs, skip=frozenset()):
    """Venn cells counted from the hand labels, with plain Python."""
    cells = Counter()
    for _, _, _, addrs in docs:
        s = {lab for _, a, lab in addrs if lab in "UIG" and a not in skip}
        key = "".join(d for d in "UIG" if d in s) or "none"
        cells[key] += 1
    return cells


def test_fixture_files_are_what_the_generator_writes(tmp_path):
    """The committed fixtures equal a fresh run of make_fixtures.py (no hand edits drift)."""
    for name in ["savedrecs_1.txt", "savedrecs_2.txt", "savedrecs_tab.txt", "scopus.csv", "openalex.jsonl"]:
        assert (FIX / name).exists(), name
    src = FIX / "make_fixtures.py"
    shutil.copy(src, tmp_path / "make_fixtures.py")
    subprocess.run([sys.executable, str(tmp_path / "make_fixtures.py")], check=True)
    for name in ["savedrecs_1.txt", "savedrecs_2.txt", "savedrecs_tab.txt", "scopus.csv", "openalex.jsonl"]:
        assert (tmp_path / name).read_bytes() == (FIX / name).read_bytes(), name


@pytest.mark.parametrize("fmt", sorted(ALL_FORMATS))
def test_format_is_detected_from_contents(fmt):
    for path in ALL_FORMATS[fmt]:
        text = path.read_bytes().decode("utf-16" if path.read_bytes()[:2] == b"\xff\xfe" else "utf-8-sig")
        assert bib.detect_format(text) == fmt


def test_openalex_format_is_detected():
    text = (FIX / "openalex.jsonl").read_text(encoding="utf-8")
    assert bib.detect_format(text) == "openalex"


def test_wos_plain_text_with_bom_crlf_and_duplicates_across_files():
    """Two WoS files share documents 0011 and 0012: 20 distinct records, 2 dropped."""
    recs = bib.read_records(ALL_FORMATS["wos"])
    assert recs.n_records == len(spec.DOCS) == 20
    assert recs.duplicates_dropped == 2
    # continuation lines: each C1 line is one address; authors in brackets are not addresses
    n_addresses = sum(len(addrs) for _, _, _, addrs in spec.DOCS)
    assert len(recs.addresses) == n_addresses
    assert not recs.addresses["address"].str.contains(r"\[").any()
    first = recs.addresses.iloc[0]
    assert first["address"] == spec.DOCS[0][3][0][1]
    assert recs.documents["year"].tolist() == [d[1] for d in spec.DOCS]


@pytest.mark.parametrize("fmt", sorted(ALL_FORMATS))
def test_every_format_gives_the_hand_labelled_venn_counts(fmt):
    """Readers + classifier reproduce the Venn cells counted from the hand labels.

    Addresses the rules leave unclassified by design (none since the firm-name list
    classifies Microsoft Res, see make_fixtures.py) would be left out of the hand count.
    """
    recs = bib.classify(bib.read_records(ALL_FORMATS[fmt]))
    got = bib.document_venn_counts(recs).iloc[0]
    want = hand_cells(spec.DOCS, skip=spec.UNCLASSIFIED_BY_DESIGN)
    for cell in ["U", "I", "G", "UI", "UG", "IG", "UIG", "none"]:
        assert got[cell] == want[cell], cell
    assert got["n_records"] == 20


def test_openalex_uses_ror_types_and_classifies_raw_affiliations_by_rules():
    recs = bib.classify(bib.read_records(FIX / "openalex.jsonl"))
    a = recs.addresses
    typed = a[a["ror_type"].notna()]
    assert (typed["rule"] == "ror:" + typed["ror_type"]).all()
    # the record without institutions is read from its raw affiliation string
    raw = a[a["doc_id"] == "https://openalex.org/W20021"].iloc[0]
    assert raw["sector"] == "U" and raw["rule"] == "university"
    # ROR types carry the hand labels (healthcare -> O), so no address is lost to the rules
    want = hand_cells(spec.DOCS)
    want["U"] += 1  # W20021: a single university address
    got = bib.document_venn_counts(recs).iloc[0]
    for cell in ["U", "I", "G", "UI", "UG", "IG", "UIG", "none"]:
        assert got[cell] == want[cell], cell


def test_university_takes_precedence_over_national():
    """Issue 8: an address with "Univ" is U even when it says "Natl"."""
    r = bib.classify_address("Al Farabi Kazakh Natl Univ, Dept Phys, Almaty 050040, Kazakhstan")
    assert (r["sector"], r["rule"]) == ("U", "university")
    r = bib.classify_address("Natl Ctr Biotechnol, Astana 010000, Kazakhstan")
    assert (r["sector"], r["rule"]) == ("G", "national")


def test_hospital_is_other_by_default_but_university_hospital_is_science():
    assert bib.classify_address("City Clin Hosp 7, Almaty 050000, Kazakhstan")["sector"] == "O"
    assert bib.classify_address("Univ Hosp Zurich, CH-8091 Zurich, Switzerland")["sector"] == "U"


def test_country_rules_precede_general_rules():
    # KAIST says "Inst" (research_institute -> G) but the Korean rule makes it a university
    r = bib.classify_address("Korea Adv Inst Sci & Technol, Daejeon 34141, South Korea")
    assert (r["sector"], r["rule"]) == ("U", "kr_kaist_postech")
    # the same words outside Korea do not fire the Korean rule
    assert bib.classify_address("KAIST, Paris 75005, France")["rule"] != "kr_kaist_postech"


def test_state_and_zip_are_not_read_as_company_forms():
    """"CO 80305" in a US address is Colorado, not a company: city and state are cut off."""
    r = bib.classify_address("Natl Ctr Atmospher Res, Boulder, CO 80307 USA")
    assert r["sector"] == "G" and r["country"] == "US"


def test_irish_county_is_not_a_company():
    r = bib.classify_address("Maynooth Res Ctr, Co Kildare, Maynooth, Ireland")
    assert r["sector"] == "G"


def test_rules_are_editable():
    rules = bib.load_rules()
    assert bib.classify_address("Acme Widgets, Redmond, WA 98052 USA")["sector"] is None
    extra = pd.DataFrame([{"rule_id": "company_labs", "precedence": 1, "sector": "I",
                           "pattern": r"\bAcme Widgets\b", "country": "", "description": "a user's rule"}])
    rules = pd.concat([rules, extra], ignore_index=True)
    r = bib.classify_address("Acme Widgets, Redmond, WA 98052 USA", rules=rules)
    assert (r["sector"], r["rule"]) == ("I", "company_labs")


def test_invalid_rule_is_a_helixnet_error():
    rules = bib.load_rules()
    rules.loc[0, "pattern"] = "(unclosed"
    with pytest.raises(hx.HelixnetError, match="invalid pattern"):
        bib.classify_address("Univ X, Almaty, Kazakhstan", rules=rules)
    rules = bib.load_rules()
    rules.loc[0, "sector"] = "X"
    with pytest.raises(ValueError, match="sector 'X'"):
        bib.classify_address("Univ X, Almaty, Kazakhstan", rules=rules)


def test_audit_lists_unclassified_addresses_by_frequency(tmp_path):
    """Hand count: "Acme Widgets" (no rule) in two documents, "Zorg Works" in one."""
    path = tmp_path / "savedrecs.txt"
    path.write_text("FN x\nVR 1.0\n" + _wos_record("WOS:1", address="Acme Widgets, Redmond, WA 98052 USA")
                    + _wos_record("WOS:2", address="Acme Widgets, Redmond, WA 98052 USA")
                    + _wos_record("WOS:3", address="Zorg Works, Tartu, Estonia")
                    + _wos_record("WOS:4") + "EF\n")
    table = bib.audit(bib.classify(bib.read_records(path)))
    assert list(table.columns) == ["organisation", "country", "n_addresses", "n_documents"]
    assert table["organisation"].tolist() == ["Acme Widgets", "Zorg Works"]
    assert table["n_addresses"].tolist() == [2, 1]
    assert table["country"].tolist() == ["US", "EE"]


def test_every_classification_names_its_rule():
    recs = bib.classify(bib.read_records(ALL_FORMATS["scopus"]))
    a = recs.addresses
    assert (a["sector"].isna() == a["rule"].isna()).all()
    assert set(a["rule"].dropna()) <= set(bib.load_rules()["rule_id"])


def _sectors(addresses, countries=None):
    """classify_address(address, country=country)["sector"] of every address.

    classify_address loads and compiles the rules on every call (~3 ms an address: 6 s for the
    2,018 real addresses); address_classifier compiles them once and decides as classify_address
    does after its split_address (the country passed, else the one found). Every tenth address
    is also classified by classify_address itself, which must agree.
    """
    countries = [None] * len(addresses) if countries is None else list(countries)
    decide = bib.address_classifier()
    out = []
    for address, country in zip(addresses, countries):
        org, found = bib.split_address(address)
        out.append(decide(org, address, country or found)[0])
    for address, country, sector in list(zip(addresses, countries, out))[::10]:
        assert bib.classify_address(address, country=country)["sector"] == sector, address
    return out


def test_labelled_addresses_precision_and_recall():
    """Precision and recall per sector on the labelled list (>= 200 hand-labelled addresses).

    The list (tests/fixtures/labelled_addresses.csv) was labelled by hand from what each
    organisation is, independently of the rules. The thresholds are what the rules reach
    today; the measured values are reported in the closing note of issue 8.
    """
    labelled = pd.read_csv(Path(__file__).resolve().parent / "fixtures" / "labelled_addresses.csv")
    assert len(labelled) >= 200
    labelled["pred"] = _sectors(labelled["address"])
    for s in "UIGO":
        tp = ((labelled["pred"] == s) & (labelled["sector"] == s)).sum()
        predicted = (labelled["pred"] == s).sum()
        actual = (labelled["sector"] == s).sum()
        assert actual > 0
        precision, recall = tp / max(predicted, 1), tp / actual
        assert precision >= 0.85, (s, precision)
        assert recall >= 0.80, (s, recall)


def _sector_figures(frame):
    """Per-sector precision, recall and support of ``pred`` against the hand label ``sector``."""
    out = {}
    for s in "UIGO":
        tp = int(((frame["pred"] == s) & (frame["sector"] == s)).sum())
        predicted, actual = int((frame["pred"] == s).sum()), int((frame["sector"] == s).sum())
        out[s] = (tp / predicted if predicted else float("nan"), tp / actual if actual else float("nan"), actual)
    return out


def test_real_addresses_from_public_exports_per_sector_figures(capsys):
    """Precision and recall per sector on 2,018 hand-labelled real addresses (issue 14).

    tests/fixtures/labelled_addresses_real.csv: distinct addresses and organisation names copied
    from Web of Science (plain, tab-delimited, and an "Analyze Results" affiliation table),
    Scopus, OpenAlex, MEDLINE/PubMed exports and a Microsoft Academic Graph affiliation table (the
    names OpenAlex took over for its institutions) in 22 public GitHub repositories (repo, path,
    commit and, for the third round, the record on every row; six world regions), labelled by
    hand following tests/fixtures/bibliometrics/LABELLING_GUIDE.md (the reference is the hand
    label, never the rules). A row's ``country`` (the MAG table's ISO code) is passed to the rules
    as OpenAlex passes an institution's country code. Splits (the guide, section 3): the rules
    were revised on "dev", "fresh2" and "dev4"; "heldout" was not used for rules but was read
    while transcribing; "fresh", "fresh3", "fresh4" (set aside before the third revision) and
    "fresh5" (labelled after it) were never used for rules.

    The issue's targets (precision >= 0.95 and recall >= 0.90 for each of U, I, G and O) are met
    for U only, on the whole set and asserted for it; I (recall: firms named without a legal
    form), G (precision) and O (precision and recall) fall short, on the whole set and on every
    held-out split (see the table printed with -s, and the guide, section 5). The other
    assertions are floors: the figures of the original 1,106 rows (splits dev, heldout, fresh,
    fresh2, fresh3) may not fall below those measured when the second revision was committed,
    and the whole set's below those measured at the third (rounded down), so that a regression
    fails.
    """
    labelled = pd.read_csv(Path(__file__).resolve().parent / "fixtures" / "labelled_addresses_real.csv",
                           keep_default_na=False)
    assert len(labelled) == len(set(labelled["address"])) >= 1000
    assert set(labelled["format"]) >= {"wos", "scopus", "openalex", "medline"}
    assert labelled["region"].nunique() >= 3 and labelled["repo"].nunique() >= 5
    assert labelled["commit"].str.fullmatch(r"[0-9a-f]{40}").all()
    assert set(labelled["sector"]) == set("UIGO")
    labelled["pred"] = _sectors(labelled["address"], [c or None for c in labelled["country"]])
    original = labelled[labelled["split"].isin(["dev", "heldout", "fresh", "fresh2", "fresh3"])]
    figures = {name: _sector_figures(part) for name, part in
               [("all", labelled), ("first1106", original), *labelled.groupby("split"),
                *[(f"fmt:{f}", part) for f, part in labelled.groupby("format")]]}
    sizes = {"all": len(labelled), "first1106": len(original),
             **{f"fmt:{f}": n for f, n in labelled["format"].value_counts().items()},
             **labelled["split"].value_counts().to_dict()}
    with capsys.disabled():
        print("\n  split/format       n  " + "  ".join(f"{s}: precision recall (support)" for s in "UIGO"))
        for name, fig in figures.items():
            print(f"{name:>15} {sizes[name]:6d}  " + "  ".join(
                f"{s}: {p:9.3f} {r:6.3f} ({k:4d})" for s, (p, r, k) in fig.items()))
    # the issue's targets, where the whole set meets them
    p, r, _ = figures["all"]["U"]
    assert p >= 0.95 and r >= 0.90, ("U", p, r)
    # floors on the original 1,106 rows: the whole-set figures measured at the second revision
    floors = {"U": (0.98, 0.96), "I": (0.92, 0.84), "G": (0.91, 0.91), "O": (0.94, 0.79)}
    for s, (p_min, r_min) in floors.items():
        p, r, _ = figures["first1106"][s]
        assert p >= p_min and r >= r_min, ("first1106", s, p, r)
    # floors on the whole set: the figures measured at the third revision (rounded down)
    floors = {"U": (0.98, 0.95), "I": (0.94, 0.64), "G": (0.89, 0.88), "O": (0.90, 0.75)}
    for s, (p_min, r_min) in floors.items():
        p, r, _ = figures["all"][s]
        assert p >= p_min and r >= r_min, ("all", s, p, r)


def test_focus_country_and_international_dimension():
    """Hand count: documents with a KZ address; F = any address abroad."""
    recs = bib.classify(bib.read_records(ALL_FORMATS["wos"]))
    ds = bib.document_sectors(recs, country="KZ")
    hand = [d for d in spec.DOCS if any(a.endswith("Kazakhstan") for _, a, _ in d[3])]
    assert len(ds) == len(hand)
    hand_f = sum(any(not a.endswith("Kazakhstan") for _, a, _ in d[3]) for d in hand)
    assert ds["F"].sum() == hand_f
    v = bib.document_venn_counts(recs, country="KZ", international=True).iloc[0]
    cells = ["".join(c) for r in range(1, 5) for c in itertools.combinations("UIGF", r)]
    assert sum(v[c] for c in cells) + v["none"] == len(hand)


def test_venn_counts_by_year_add_up_to_the_total():
    recs = bib.classify(bib.read_records(ALL_FORMATS["wos"]))
    per_year = bib.document_venn_counts(recs, by="year")
    total = bib.document_venn_counts(recs).iloc[0]
    assert per_year["year"].tolist() == [2012, 2013, 2014, 2015]
    for c in ["n_records", "U", "I", "G", "UI", "UG", "IG", "UIG", "none"]:
        assert per_year[c].sum() == total[c]


def test_synergy_table_equals_t_of_the_venn_table():
    """T per year equals hx.mutual_information of the 2x2x2 table built from the hand counts."""
    recs = bib.classify(bib.read_records(ALL_FORMATS["wos"]))
    table = bib.synergy_table(recs, by=None, n_resamples=0)
    want = hand_cells(spec.DOCS, skip=spec.UNCLASSIFIED_BY_DESIGN)
    t = np.zeros((2, 2, 2))
    for cell, n in want.items():
        idx = tuple(int(d in cell) for d in "UIG") if cell != "none" else (0, 0, 0)
        t[idx] += n
    assert table["T"].iloc[0] == pytest.approx(hx.mutual_information(t), abs=1e-12)
    assert np.isnan(table["ci_low"].iloc[0])


def test_synergy_table_bootstrap_interval_is_seeded_and_brackets_t():
    recs = bib.classify(bib.read_records(ALL_FORMATS["wos"]))
    a = bib.synergy_table(recs, by=None, n_resamples=200, seed=3)
    b = bib.synergy_table(recs, by=None, n_resamples=200, seed=3)
    pd.testing.assert_frame_equal(a, b)
    assert a["ci_low"].iloc[0] <= a["ci_high"].iloc[0]
    assert list(a.columns)[-7:] == ["k", "T", "ci_low", "ci_high", "R", "R_ci_low", "R_ci_high"]


def test_synergy_table_names_r_and_flips_its_sign_in_four_dimensions():
    """Leydesdorff & Ivanova (2014), JASIST 65(2) 386-399, doi:10.1002/asi.22973:
    R = (-1)^(k+1) T, so R = T for UIG and R = -T (interval reflected) for UIGF."""
    recs = bib.classify(bib.read_records(ALL_FORMATS["wos"]))
    three = bib.synergy_table(recs, by=None, n_resamples=50, seed=1)
    four = bib.synergy_table(recs, by=None, international=True, n_resamples=50, seed=1)
    assert three["k"].iloc[0] == 3 and four["k"].iloc[0] == 4
    assert three["R"].iloc[0] == three["T"].iloc[0]
    assert four["R"].iloc[0] == -four["T"].iloc[0]
    assert (four["R_ci_low"].iloc[0], four["R_ci_high"].iloc[0]) == (-four["ci_high"].iloc[0],
                                                                     -four["ci_low"].iloc[0])


def test_coauthorship_network_is_an_actor_graph():
    recs = bib.classify(bib.read_records(ALL_FORMATS["wos"]))
    G = bib.coauthorship_network(recs)
    # hand count: document 0008 joins Nazarbayev Univ, Samsung Elect Co Ltd and KAIST
    assert G["Nazarbayev Univ"]["KAIST"]["weight"] == 1
    assert G.nodes["Nazarbayev Univ"]["sector"] == "U"
    assert G.nodes["KAIST"]["sector"] == "U"
    # Inst Econ appears twice in document 0018 but co-authorship with itself is no edge
    assert not G.has_edge("Inst Econ", "Inst Econ")
    hx.centrality(G)  # usable by the network measures (sector on every node)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"PT J\nAU X\nUT WOS:1\n", "no ER line"),
        (b"FN Clarivate\nAU X\nER\n", "outside a record"),
        (b'{"id": "W1"}\nnot json\n', "not valid JSON"),
        (b"hello,world\n1,2\n", "unrecognised export format"),
    ],
)
def test_malformed_files_raise_input_file_errors(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(hx.InputFileError, match=message):
        bib.read_records(path)


def test_missing_file_is_an_input_file_error(tmp_path):
    with pytest.raises(hx.InputFileError, match="no such file"):
        bib.read_records(tmp_path / "nope.txt")


def _cli(*argv):
    """``helixnet bibliometrics ARGV`` run in this process (the entry point's exit status and
    stderr through a real process: test_cli_bad_file_exits_one_with_one_line)."""
    code, out, err = run_inproc("bibliometrics", *argv)
    return SimpleNamespace(returncode=code, stdout=out, stderr=err)


def test_cli_agrees_with_the_library(tmp_path):
    out = tmp_path / "r.json"
    files = [str(p) for p in ALL_FORMATS["wos"]]
    proc = _cli(*files, "--by", "year", "--format", "json", "--out", out)
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(out.read_text())
    recs = bib.classify(bib.read_records(files))
    lib = bib.synergy_table(recs, by=None).iloc[0]
    assert payload["n_records"] == 20 and payload["duplicates_dropped"] == 2
    assert payload["venn"] == {c: int(lib[c]) for c in ["U", "I", "G", "UI", "UG", "IG", "UIG", "none"]}
    assert payload["mutual_information"]["U,I,G"] == pytest.approx(lib["T"], abs=1e-12)
    assert [r["year"] for r in payload["rows"]] == [2012, 2013, 2014, 2015]


def test_cli_bad_file_exits_one_with_one_line(tmp_path):
    """Through a real process (the entry point's exit status, stderr without a traceback)."""
    bad = tmp_path / "bad.txt"
    bad.write_text("nothing to see\n")
    proc = subprocess.run([sys.executable, "-m", "helixnet.cli", "bibliometrics", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_scopus_without_affiliations_column_uses_authors_with_affiliations(tmp_path):
    """Hand-written Scopus rows: the author names are cut off, repeated affiliations count once."""
    path = tmp_path / "scopus.csv"
    path.write_text(
        'Authors,Title,Year,Authors with affiliations,EID\n'
        '"Abenov A., Lee K.",Solar cells,2014,"Abenov, A., Nazarbayev University, Astana, Kazakhstan; '
        'Lee, K., Samsung Electronics Co Ltd, Suwon, South Korea; '
        'Sadykov, B., Nazarbayev University, Astana, Kazakhstan",2-s2.0-1\n',
        encoding="utf-8")
    recs = bib.classify(bib.read_records(path))
    a = recs.addresses
    assert a["organisation"].tolist() == ["Nazarbayev University", "Samsung Electronics Co Ltd"]
    assert a["sector"].tolist() == ["U", "I"]
    assert a["country"].tolist() == ["KZ", "KR"]


# ----------------------------------------------------------------------------------------
# export quirks found in review (expected values: hand counts of the hand-written files)

QUIRKS_WOS = (
    "FN Clarivate Analytics Web of Science\nVR 1.0\n"
    "PT J\nC1 [Smith, J] Inst Phys [IOP], London WC1, England.\n"
    "   Univ X, Almaty 050040, Kazakhstan; Samsung Elect Co Ltd, Suwon 16677, South Korea.\n"
    "EA JAN 2024\nEY 2024\nUT WOS:Q1\nER\n\n"
    "PT J\nC1 [A; B] Univ Y, Boulder, CO 80309 USA; Minist Energy, Astana, Kazakhstan.\n"
    "PY 2015\nUT WOS:Q2\nER\n\n"
    "PT J\nC1 [C] Univ Z, Astana, Kazakhstan.\nUT WOS:Q3\nER\n\nEF\n"
)


def test_wos_c1_brackets_in_names_and_unbracketed_addresses_hand_split(tmp_path):
    """Hand split: a "[" inside a name does not cut the address; addresses without an
    author group after a ";" are separate addresses (5 addresses in Q1+Q2)."""
    path = tmp_path / "savedrecs.txt"
    path.write_text(QUIRKS_WOS, encoding="utf-8")
    a = bib.read_records(path).addresses
    assert a.loc[a["doc_id"] != "WOS:Q3", "address"].tolist() == [
        "Inst Phys [IOP], London WC1, England",
        "Univ X, Almaty 050040, Kazakhstan",
        "Samsung Elect Co Ltd, Suwon 16677, South Korea",
        "Univ Y, Boulder, CO 80309 USA",
        "Minist Energy, Astana, Kazakhstan",
    ]


def test_wos_early_access_record_takes_its_year_from_ey(tmp_path):
    """Hand-read: WOS:Q1 has no PY but EY 2024 (WoS early access); WOS:Q3 has neither."""
    path = tmp_path / "savedrecs.txt"
    path.write_text(QUIRKS_WOS, encoding="utf-8")
    years = bib.read_records(path).documents.set_index("doc_id")["year"]
    assert years["WOS:Q1"] == 2024 and years["WOS:Q2"] == 2015 and pd.isna(years["WOS:Q3"])


def test_by_year_and_by_country_rows_add_up_with_a_missing_group(tmp_path):
    """Hand count: 3 documents; WOS:Q3 has no year, so the per-year rows are 2015, 2024 and
    <NA>, adding up to the total; every document has a country here (KZ in all three)."""
    path = tmp_path / "savedrecs.txt"
    path.write_text(QUIRKS_WOS, encoding="utf-8")
    recs = bib.classify(bib.read_records(path))
    per_year = bib.document_venn_counts(recs, by="year")
    assert per_year["year"].tolist()[:2] == [2015, 2024] and pd.isna(per_year["year"].iloc[2])
    assert per_year["n_records"].tolist() == [1, 1, 1]
    total = bib.document_venn_counts(recs).iloc[0]
    for c in ["n_records", "U", "I", "G", "UI", "UG", "IG", "UIG", "none"]:
        assert per_year[c].sum() == total[c]
    # hand count per country: KZ in all 3, GB and KR in Q1, US in Q2
    per_country = bib.document_venn_counts(recs, by="country").set_index("country")["n_records"]
    assert per_country.to_dict() == {"GB": 1, "KR": 1, "KZ": 3, "US": 1}


def test_cli_writes_null_for_the_missing_year_row(tmp_path):
    """The <NA> year row is JSON null (json module), and the rows add up to n_records."""
    path = tmp_path / "savedrecs.txt"
    path.write_text(QUIRKS_WOS, encoding="utf-8")
    out = tmp_path / "r.json"
    proc = _cli(path, "--by", "year", "--format", "json", "--out", out)
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(out.read_text())
    assert [r["year"] for r in payload["rows"]] == [2015, 2024, None]
    assert sum(r["n_records"] for r in payload["rows"]) == payload["n_records"] == 3


def test_scopus_us_state_part_is_not_read_as_the_organisation(tmp_path):
    """Scopus writes "Org, City, ST, United States": the city "College Station" must not make
    the USDA a university (hand label: USDA is G; Schlumberger has no rule and stays
    unclassified). Parsed with Python's csv module for the expected organisations."""
    path = tmp_path / "scopus.csv"
    text = ('Authors,Title,Year,EID,Affiliations\r\n"A","Two\r\nlines",2014,2-s2.0-1,'
            '"USDA ARS, College Station, TX, United States; Schlumberger, College Station, TX, '
            'United States"\r\n')
    path.write_bytes(("\ufeff" + text).encode("utf-8"))
    row = next(csv.DictReader(io.StringIO(text)))
    want = [a.split(",")[0].strip() for a in row["Affiliations"].split(";")]
    a = bib.classify(bib.read_records(path)).addresses
    assert a["organisation"].tolist() == want
    assert a["sector"].tolist() == ["G", "I"]
    assert a["country"].tolist() == ["US", "US"]


def test_openalex_null_institution_entries_and_raw_affiliations(tmp_path):
    """Hand-written work: a null institution entry is skipped (no crash), an institution with
    null type/country falls back to the rules, a raw affiliation string is cut like WoS."""
    work = {"id": "https://openalex.org/W1", "publication_year": None, "authorships": [
        {"institutions": [None, {"display_name": "Minist Energy", "id": "I1", "type": None,
                                 "country_code": None}]},
        {"institutions": [], "raw_affiliation_strings": ["Univ X, College Station, TX, United States"]}]}
    path = tmp_path / "works.jsonl"
    path.write_text(json.dumps(work) + "\n", encoding="utf-8")
    a = bib.classify(bib.read_records(path)).addresses
    assert a["organisation"].tolist() == ["Minist Energy", "Univ X"]
    assert a["sector"].tolist() == ["G", "U"]
    assert a["rule"].tolist() == ["ministry", "university"]


def test_us_federal_departments_are_government_as_labelled():
    """Labelled list row "US Dept Energy ..." is G; the same WoS form for other departments."""
    labelled = pd.read_csv(Path(__file__).resolve().parent / "fixtures" / "labelled_addresses.csv")
    row = labelled[labelled["address"].str.startswith("US Dept Energy")].iloc[0]
    assert bib.classify_address(row["address"])["sector"] == row["sector"] == "G"
    assert bib.classify_address("US Army, Res Lab, Adelphi, MD 20783 USA")["rule"] == "ministry"


def test_danish_company_form_is_read_only_in_denmark():
    """'AS' is a company form in Denmark (Vestas Wind Syst AS is a firm) but abbreviates the
    Academy of Sciences in Czech addresses (Inst Phys AS CR is a public research institute)."""
    r = bib.classify_address("Vestas Wind Syst AS, DK-8200 Aarhus N, Denmark")
    assert (r["sector"], r["rule"]) == ("I", "dk_company_forms")
    assert bib.classify_address("Inst Phys AS CR, Prague 18221, Czech Republic")["sector"] == "G"


def test_documents_without_any_address_are_left_out_and_counted():
    """Issue 13 §3, hand count: a (U+I), b (O only -> none), c and d (no address at all).
    Default: c, d excluded (n_records 2, none 1, n_no_address 2); no_address="none": they join
    the none cell (n_records 4, none 3). T follows the Venn table of those hand counts."""
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "year": [2014] * 4})
    addrs = pd.DataFrame({"doc_id": ["a", "a", "b"],
                          "address": ["Univ X, Almaty, Kazakhstan", "Ltd Y, Almaty, Kazakhstan",
                                      "Hosp Z, Astana, Kazakhstan"],
                          "organisation": ["Univ X", "Ltd Y", "Hosp Z"], "country": ["KZ"] * 3,
                          "institution": [None] * 3, "ror_type": [None] * 3})
    recs = bib.classify(bib.Records(docs, addrs))
    out = bib.document_venn_counts(recs).iloc[0]
    assert (out["n_records"], out["UI"], out["none"], out["n_no_address"]) == (2, 1, 1, 2)
    inc = bib.document_venn_counts(recs, no_address="none").iloc[0]
    assert (inc["n_records"], inc["UI"], inc["none"], inc["n_no_address"]) == (4, 1, 3, 2)
    t = bib.synergy_table(recs, by=None, no_address="none")["T"].iloc[0]
    assert t == pytest.approx(hx.mutual_information(hx.venn_table({"UI": 1}, none=3)), abs=1e-15)
    with pytest.raises(hx.HelixnetValueError, match="no_address"):
        bib.document_venn_counts(recs, no_address="drop")


def test_cli_reports_and_optionally_counts_documents_without_address(tmp_path):
    """Hand-written WoS export: one document with a university address, one with no C1
    field at all. Default: 1 record, n_no_address 1, none 0; --include-no-address: 2
    records, the address-less one in none."""
    text = ("FN Clarivate Analytics Web of Science\nVR 1.0\n"
            "PT J\nAU A, B\nTI One\nC1 [A, B] Al Farabi Kazakh Natl Univ, Almaty 050040, Kazakhstan.\n"
            "PY 2014\nUT WOS:00000000000001\nER\n\n"
            "PT J\nAU C, D\nTI Two\nPY 2014\nUT WOS:00000000000002\nER\n\nEF\n")
    path = tmp_path / "savedrecs.txt"
    path.write_text(text)
    out = []
    for extra in ([], ["--include-no-address"]):
        proc = _cli(path, "--format", "json", *extra)
        assert proc.returncode == 0, proc.stderr
        out.append(json.loads(proc.stdout))
    assert (out[0]["n_records"], out[0]["n_no_address"], out[0]["venn"]["none"]) == (1, 1, 0)
    assert (out[1]["n_records"], out[1]["n_no_address"], out[1]["venn"]["none"]) == (2, 1, 1)
    assert out[0]["no_address"] == "exclude" and out[1]["no_address"] == "none"


# ----------------------------------------------------------------------------------------
# formats of issue 14: the same hand-labelled documents in every container OpenAlex users save


def _openalex_works():
    return [json.loads(line) for line in (FIX / "openalex.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _venn(paths):
    return bib.synergy_table(bib.classify(bib.read_records(paths)), by=None).iloc[0].to_dict()


def test_openalex_json_array_api_pages_and_gzip_partitions_read_as_json_lines(tmp_path):
    """Same works, four containers: the Venn counts must equal those of the JSON-lines fixture."""
    import gzip

    works = _openalex_works()
    expected = _venn(FIX / "openalex.jsonl")
    array = tmp_path / "works.json"
    array.write_text(json.dumps(works, indent=2))
    half = len(works) // 2
    page1, page2 = tmp_path / "page1.json", tmp_path / "page2.json"
    page1.write_text(json.dumps({"meta": {"count": len(works), "next_cursor": "abc"}, "results": works[:half]},
                                indent=2))
    page2.write_text(json.dumps({"meta": {"count": len(works), "next_cursor": None}, "results": works[half:]}))
    pages = tmp_path / "pages_concatenated.json"
    pages.write_text(page1.read_text() + "\n" + page2.read_text() + "\n")
    part = tmp_path / "part_000.gz"
    with gzip.open(part, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(w) for w in works) + "\n")
    for paths in ([array], [page1, page2], [pages], [part]):
        got = _venn(paths)
        assert got["n_records"] == len(works), paths
        cells = [k for k in expected if k not in ("T", "ci_low", "ci_high") and not k.startswith("R")]
        assert {k: got[k] for k in cells} == {k: expected[k] for k in cells}, paths
        assert got["T"] == pytest.approx(expected["T"], abs=1e-12)
        assert got["R"] == pytest.approx(expected["R"], abs=1e-12)


def test_medline_addresses_and_pmids_hand_read(tmp_path):
    """Two MEDLINE records written by hand: AD lines (one with an e-mail and a continuation line)."""
    text = (
        "PMID- 25000001\nOWN - NLM\nDP  - 2014 Mar 12\nTI  - Uranium leaching kinetics\n"
        "FAU - Abenov, Askar\nAD  - Department of Physics, Al-Farabi Kazakh National University, Almaty\n"
        "      050040, Kazakhstan. abenov@example.kz\n"
        "FAU - Lee, Kim\nAD  - Samsung Electronics Co Ltd, Suwon, Korea.\n"
        "\n"
        "PMID- 25000002\nDP  - 2015\nTI  - Hospital infections\n"
        "AD  - Ministry of Health, Astana, Kazakhstan. Electronic address: x@y.kz.\n"
    )
    path = tmp_path / "pubmed-export.txt"
    path.write_text(text)
    assert bib.detect_format(text) == "medline"
    recs = bib.classify(bib.read_records(path))
    assert recs.documents["doc_id"].tolist() == ["PMID:25000001", "PMID:25000002"]
    assert recs.documents["year"].tolist() == [2014, 2015]
    assert recs.addresses["country"].tolist() == ["KZ", "KR", "KZ"]
    assert recs.addresses["sector"].tolist() == ["U", "I", "G"]
    assert "@" not in "".join(recs.addresses["organisation"])


def test_wos_tab_run_together_addresses_are_split_at_the_country(tmp_path):
    """The C1 cell of issue 14 ("...Dublin, IrelandPavement Management Serv Ltd...") is two addresses."""
    header = "PT\tAU\tTI\tC1\tPY\tUT\n"
    row = ("J\tX, A\tPavements\t[X, A] Trinity Coll Dublin, Dublin, IrelandPavement Management Serv Ltd, "
           "Athenry, Ireland; [Y, B] Stanford Univ, Stanford, CA 94305 USA\t2019\tWOS:000000000000077\n")
    path = tmp_path / "savedrecs.txt"
    path.write_text(header + row, encoding="utf-8")
    recs = bib.classify(bib.read_records(path))
    assert recs.addresses["address"].tolist() == [
        "Trinity Coll Dublin, Dublin, Ireland", "Pavement Management Serv Ltd, Athenry, Ireland",
        "Stanford Univ, Stanford, CA 94305 USA"]
    assert recs.addresses["sector"].tolist() == ["U", "I", "U"]


def test_scopus_extra_column_shift_is_repaired_and_reported(tmp_path):
    """A row with one unquoted comma in Authors: 7 fields under a 6-field header."""
    path = tmp_path / "scopus.csv"
    path.write_text(
        "Authors,Title,Year,Source title,Affiliations,EID\n"
        '"Abenov, A",Good row,2012,J,"Nazarbayev Univ, Astana, Kazakhstan",2-s2.0-1\n'
        'Lee, K,Shifted row,2013,J,"Samsung Elect Co Ltd, Suwon, South Korea",2-s2.0-2\n'
    )
    recs = bib.classify(bib.read_records(path))
    assert recs.documents["title"].tolist() == ["Good row", "Shifted row"]
    assert recs.documents.loc[1, "title"] == "Shifted row"
    assert recs.documents["year"].tolist() == [2012, 2013]
    assert recs.addresses["sector"].tolist() == ["U", "I"]
    assert len(recs.repairs) == 1 and recs.repairs[0]["line"] == 3
    assert "column 'Authors'" in recs.repairs[0]["repair"]


def _wos_record(ut, year=2014, address="Nazarbayev Univ, Astana 010000, Kazakhstan"):
    ut_line = f"UT {ut}\n" if ut else ""
    return f"PT J\nAU X\nC1 [X, A] {address}.\nPY {year}\n{ut_line}ER\n\n"


def test_one_record_without_ut_stops_the_run_with_its_line_or_is_skipped(tmp_path):
    """34 records, the 20th without UT: an error naming line 96, or 33 records and one skipped."""
    text = "FN Clarivate Analytics Web of Science\nVR 1.0\n" + "".join(
        _wos_record(None if i == 19 else f"WOS:{i:015d}") for i in range(34)) + "EF\n"
    path = tmp_path / "savedrecs.txt"
    path.write_text(text)
    # the 20th record starts after 2 header lines and 19 records of 7 lines: line 2 + 19*7 + 1
    line = 2 + 19 * 7 + 1
    assert text.split("\n")[line - 1] == "PT J" and "UT" not in text.split("ER\n")[19]
    with pytest.raises(hx.InputFileError, match=rf"savedrecs.txt: line {line}: record without UT"):
        bib.read_records(path)
    recs = bib.read_records(path, skip_bad_records=True)
    assert recs.n_records == 33
    assert recs.skipped == [{"file": str(path), "line": line, "reason": "record without UT (accession number)"}]


def test_scopus_rows_without_eid_and_openalex_works_without_id_are_never_merged(tmp_path):
    scopus = tmp_path / "scopus.csv"
    scopus.write_text("Title,Year,Affiliations,EID\nA,2012,\"Univ X, Almaty, Kazakhstan\",\n"
                      "B,2013,\"Univ Y, Almaty, Kazakhstan\",\nC,2013,\"Univ Z, Almaty, Kazakhstan\",2-s2.0-9\n")
    oa = tmp_path / "works.jsonl"
    oa.write_text('{"id": null, "authorships": []}\n{"id": null, "authorships": []}\n'
                  '{"id": "https://openalex.org/W1", "authorships": []}\n')
    for path, line in ((scopus, 2), (oa, 1)):
        with pytest.raises(hx.InputFileError, match=f"line {line}: "):
            bib.read_records(path)
        recs = bib.read_records(path, skip_bad_records=True)
        assert recs.n_records == 1 and recs.duplicates_dropped == 0 and [s["line"] for s in recs.skipped] == [line, line + 1]


@pytest.mark.parametrize(
    "work, message",
    [
        ({"id": "W1", "authorships": "Univ X, Almaty"}, "'authorships' is a str"),
        ({"id": "W1", "authorships": ["Univ X"]}, "an authorship is a str"),
    ],
)
def test_openalex_malformed_authorships_are_one_line_errors(tmp_path, work, message):
    path = tmp_path / "w.jsonl"
    path.write_text(json.dumps(work) + "\n")
    with pytest.raises(hx.InputFileError, match=f"line 1: work W1: {message}"):
        bib.read_records(path)


def test_openalex_null_raw_affiliation_is_ignored(tmp_path):
    path = tmp_path / "w.jsonl"
    path.write_text(json.dumps({"id": "W1", "authorships": [
        {"institutions": [], "raw_affiliation_strings": [None, "Nazarbayev Univ, Astana, Kazakhstan"]},
        {"institutions": [], "raw_affiliation_strings": None}]}) + "\n")
    recs = bib.classify(bib.read_records(path))
    assert recs.addresses["sector"].tolist() == ["U"]


def test_scopus_cut_inside_a_quoted_field_names_file_and_line(tmp_path):
    path = tmp_path / "scopus.csv"
    path.write_text('Title,Year,Affiliations,EID\nA,2012,"Univ X, Almaty, Kazakhstan",2-s2.0-1\n'
                    'B,2013,"Univ Y, Alm')
    with pytest.raises(hx.InputFileError, match=r"scopus.csv: line 3: the file ends inside a quoted field"):
        bib.read_records(path)


def test_latin1_file_is_read_after_utf8_fails(tmp_path):
    path = tmp_path / "savedrecs.txt"
    text = "FN x\nVR 1.0\n" + _wos_record("WOS:1", address="Univ Zurich, Zürich, Switzerland") + "EF\n"
    path.write_bytes(text.encode("latin-1"))
    recs = bib.read_records(path)
    assert recs.addresses["address"].tolist() == ["Univ Zurich, Zürich, Switzerland"]


def test_cli_skip_bad_records_reports_each_on_stderr_and_in_json(tmp_path):
    path = tmp_path / "savedrecs.txt"
    path.write_text("FN x\nVR 1.0\n" + _wos_record("WOS:1") + _wos_record(None) + _wos_record("WOS:3", year="20x5")
                    + _wos_record("WOS:4") + "EF\n")
    proc = _cli(path, "--format", "json")
    assert proc.returncode == 1 and "line 10: record without UT" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    proc = _cli(path, "--format", "json", "--skip-bad-records")
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    assert payload["n_records"] == 2
    assert [(s["line"], s["reason"]) for s in payload["skipped"]] == [
        (10, "record without UT (accession number)"), (16, "record WOS:3: year '20x5' is not a number")]
    assert proc.stderr.count("skipped") == 2 and f"{path}: line 16" in proc.stderr


def test_cli_address_shares_respect_country_and_audit_lists_every_decision(tmp_path):
    """Hand count: doc 1 has a KZ university and a KR company, doc 2 a German ministry and a hospital."""
    path = tmp_path / "savedrecs.txt"
    path.write_text("FN x\nVR 1.0\n"
                    "PT J\nC1 [A] Nazarbayev Univ, Astana 010000, Kazakhstan.\n   [B] Samsung Elect Co Ltd, Suwon, "
                    "South Korea.\nPY 2014\nUT WOS:1\nER\n\n"
                    "PT J\nC1 [C] Fed Minist Educ & Res, Berlin, Germany.\n   [D] Charite Hosp, Berlin, "
                    "Germany.\nUT WOS:2\nER\nEF\n")
    audit = tmp_path / "audit.csv"
    payload = json.loads(_cli(path, "--format", "json", "--audit", audit).stdout)
    assert payload["addresses"] == {"U": 1, "I": 1, "G": 1, "O": 1, "unclassified": 0}
    assert payload["address_shares"]["U"] == 0.25
    kz = json.loads(_cli(path, "--format", "json", "--country", "Kazakhstan").stdout)
    assert kz["country"] == "KZ" and kz["addresses"] == {"U": 1, "I": 1, "G": 0, "O": 0, "unclassified": 0}
    rows = list(csv.DictReader(audit.open()))
    assert [(r["country"], r["sector"], r["rule"]) for r in rows] == [
        ("KZ", "U", "university"), ("KR", "I", "company_names"), ("DE", "G", "ministry"),
        ("DE", "O", "hospital")]
    # the missing year: an empty cell in CSV, integers elsewhere, T of noise printed as 0
    text = _cli(path, "--by", "year", "--format", "csv").stdout
    lines = text.strip().splitlines()
    assert lines[1].startswith("2014,1,") and lines[2].startswith(",1,")
    assert "None" not in text and "nan" not in text.lower() and "2014.0" not in text


def test_cli_help_explains_formats_none_cell_and_country():
    out = _cli("--help").stdout
    for words in ("MEDLINE", "part_*.gz", "'none'", "ISO code", "Kazakhstan", "--skip-bad-records", "--audit",
                  "--ror"):
        assert words in out, words


def test_wos_tab_with_the_newer_long_column_names(tmp_path):
    """Header of WoS 'Tab delimited file' exports since 2021 (as in slandsch/FrontiersData_cereal_legume)."""
    header = ["Publication Type", "Authors", "Article Title", "Addresses", "Publication Year", "Early Access Date",
              "UT (Unique WOS ID)"]
    rows = [["J", '"Bonke, V; Musshoff, O"', "Mixed cropping",
             '"[Bonke, Vanessa] Georg August Univ Gottingen, Dept Agrarokon, D-37073 Gottingen, Germany; '
             '[Musshoff, Oliver] Commonwealth Sci & Ind Res Org, Floreat, WA, Australia"', "2021", "",
             "WOS:000715282400002"],
            ["J", "X", "Early", "Univ Tartu, Tartu, Estonia", "", "AUG 2024", "WOS:000000000000009"]]
    path = tmp_path / "savedrecs.txt"
    path.write_text("\n".join("\t".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    assert bib.detect_format(path.read_text()) == "wos_tab"
    recs = bib.read_records(path)
    assert recs.documents["year"].tolist() == [2021, 2024]
    assert recs.addresses["country"].tolist() == ["DE", "AU", "EE"]
    assert recs.documents["title"].tolist() == ["Mixed cropping", "Early"]


@pytest.mark.parametrize(
    "address, sector",
    [
        # the misclassifications listed in issue 14 (hand-checked there), with their right sector
        ("Tokyo Inst Technol, Dept Chem, Tokyo 1528550, Japan", "U"),
        ("MIT, Dept Phys, Cambridge, MA 02139 USA", "U"),
        ("Karlsruhe Inst Technol, Inst Nanotechnol, D-76021 Karlsruhe, Germany", "U"),
        ("Weizmann Inst Sci, Dept Chem Phys, IL-76100 Rehovot, Israel", "U"),
        ("Indian Inst Technol Madras, Dept Chem, Chennai 600036, Tamil Nadu, India", "U"),
        ("Inst Canc Res, Div Mol Pathol, London SW3 6JB, England", "U"),
        ("Forschungszentrum Julich GmbH, IEK 5, D-52425 Julich, Germany", "G"),
        ("Japan Sci & Technol Corp, CREST, Kawaguchi, Saitama 3320012, Japan", "G"),
        ("Bell Labs, Murray Hill, NJ 07974 USA", "I"),
        ("Trina Solar, State Key Lab PV Sci & Technol, Changzhou 213031, Peoples R China", "I"),
        ("Penn State Harrisburg, Sch Sci Engn & Technol, Middletown, PA 17057 USA", "U"),
        ("SE Reg Radiat Oncol Ctr, Dept Radiat Oncol, Cork, Ireland", "O"),
        ("Univ Potsdam, AG Theorie, D-14476 Potsdam, Germany", "U"),
        ("Amer Coll Radiol, Reston, VA 20191 USA", "O"),
        ("Kings Coll Hosp, Dept Oncol, London SE5 9RS, England", "O"),
        # "plainly classifiable" addresses the issue found unclassified
        ("NYU, Dept Phys, New York, NY 10003 USA", "U"),
        ("UC3M, Dept Econ, Getafe 28903, Spain", "U"),
        ("DLR, Inst Solar Res, D-51147 Cologne, Germany", "G"),
        ("Oxford Photovoltaics, Oxford OX4 4GA, England", "I"),
        ("Genentech, San Francisco, CA 94080 USA", "I"),
        ("AstraZeneca, Cambridge CB2 0AA, England", "I"),
        ("IMEC, Kapeldreef 75, B-3001 Leuven, Belgium", "G"),
        ("ORNL, Oak Ridge, TN 37831 USA", "G"),
        ("IIT, Dept Elect Engn, Kharagpur 721302, W Bengal, India", "U"),
        ("Jamia Millia Islamia, Dept Phys, New Delhi 110025, India", "U"),
        # full-form and non-English names (issue 14 "What to build")
        ("Institut für Physik, Technische Universität München, Garching, Germany", "U"),
        ("Laboratoire X, Université de Lille, Lille, France", "U"),
        ("Departamento de Física, Universidad de Chile, Santiago, Chile", "U"),
        ("Dipartimento di Energia, Politecnico di Milano, Milano, Italy", "U"),
        ("Hochschule Mittweida, Mittweida, Germany", "U"),
        ("Institute of Physics, Czech Academy of Sciences, Prague, Czech Republic", "G"),
        ("Consejo Superior de Investigaciones Científicas (CSIC), Madrid, Spain", "G"),
        ("Istituto di Struttura della Materia, CNR, Roma, Italy", "G"),
        ("Bundesministerium fur Bildung und Forschung, Berlin, Germany", "G"),
        ("German Red Cross, Berlin, Germany", "O"),
    ],
)
def test_issue_14_listed_addresses_get_their_hand_checked_sector(address, sector):
    r = bib.classify_address(address)
    assert r["sector"] == sector, r


# ----------------------------------------------------------------------------------------
# countries


@pytest.mark.parametrize(
    "written, iso",
    [
        # spellings as the databases write them (hand table; WoS abbreviations, Scopus/OpenAlex/MEDLINE forms)
        ("Peoples R China", "CN"), ("P.R. China", "CN"), ("People's Republic of China", "CN"), ("China", "CN"),
        ("South Korea", "KR"), ("Republic of Korea", "KR"), ("Korea", "KR"), ("Korea, Republic of", "KR"),
        ("North Korea", "KP"), ("Russia", "RU"), ("Russian Federation", "RU"), ("USSR", "RU"),
        ("Tunisia", "TN"), ("Iraq", "IQ"), ("Cuba", "CU"), ("Cyprus", "CY"), ("Palestine", "PS"),
        ("Costa Rica", "CR"), ("Yugoslavia", "RS"), ("Bosnia & Herceg", "BA"), ("Deutschland", "DE"),
        ("U Arab Emirates", "AE"), ("Turkiye", "TR"), ("Turkey", "TR"), ("Viet Nam", "VN"),
        ("England", "GB"), ("Scotland", "GB"), ("Wales", "GB"), ("North Ireland", "GB"), ("UK", "GB"),
        ("USA", "US"), ("United States", "US"), ("Czechoslovakia", "CZ"), ("Fed Rep Ger", "DE"),
        ("Cote Ivoire", "CI"), ("Dem Rep Congo", "CD"), ("Rep Congo", "CG"), ("Papua N Guinea", "PG"),
        ("Trinid & Tobago", "TT"), ("Swaziland", "SZ"), ("Burma", "MM"), ("The Netherlands", "NL"),
        ("Brasil", "BR"), ("Espana", "ES"), ("Italia", "IT"), ("Schweiz", "CH"), ("Macedonia", "MK"),
    ],
)
def test_country_spellings_of_the_databases(written, iso):
    assert bib.country_code(written) == iso
    assert bib.classify_address(f"Univ X, Somewhere, {written}")["country"] == iso


@pytest.mark.parametrize(
    "address, iso",
    [
        ("STANFORD UNIV, DEPT PHYS, STANFORD, CA 94305", "US"),       # older WoS: state and ZIP, no USA
        ("Harvard Univ, Cambridge, MA 02138-2901", "US"),
        ("Princeton Univ, Princeton, New Jersey", "US"),              # not Jersey
        ("Univ New Mexico, Albuquerque, New Mexico", "US"),           # not Mexico
        ("Univ X, Beijing 100871, Peoples R China", "CN"),
        ("Dept Y, Univ Z, Edinburgh EH9 3JZ, Midlothian, Scotland", "GB"),
    ],
)
def test_us_states_zip_codes_and_compound_country_parts(address, iso):
    assert bib.classify_address(address)["country"] == iso


def test_every_iso_3166_country_name_is_known():
    """Independent list: pycountry's ISO 3166-1 names (skipped where pycountry is not installed)."""
    pycountry = pytest.importorskip("pycountry")
    for c in pycountry.countries:
        assert bib.country_code(c.name) == c.alpha_2, c.name
        assert bib.country_code(c.alpha_2) == c.alpha_2


# ----------------------------------------------------------------------------------------
# ROR data dump


def _ror_dump(tmp_path, v2=True):
    orgs_v2 = [
        {"id": "https://ror.org/00aaaa", "types": ["company"], "names": [
            {"value": "Acme Widgets Research", "types": ["ror_display"]}, {"value": "AWR", "types": ["acronym"]}],
         "locations": [{"geonames_details": {"country_code": "US"}}]},
        {"id": "https://ror.org/00bbbb", "types": ["government"], "names": [
            {"value": "Zorg Institute", "types": ["ror_display"]}],
         "locations": [{"geonames_details": {"country_code": "EE"}}]},
    ]
    orgs_v1 = [{"id": "x", "name": "Acme Widgets Research", "types": ["Company"], "aliases": [], "labels": [],
                "acronyms": ["AWR"], "country": {"country_code": "US"}}]
    path = tmp_path / "ror.json"
    path.write_text(json.dumps(orgs_v2 if v2 else orgs_v1))
    return path


@pytest.mark.parametrize("v2", [True, False])
def test_ror_dump_classifies_by_organisation_type(tmp_path, v2):
    """Two hand-written ROR records (schema v2 and v1): the matched type decides, rule ror_dump:<type>."""
    wos = tmp_path / "savedrecs.txt"
    wos.write_text("FN x\nVR 1.0\n" + _wos_record("WOS:1", address="Acme Widgets Research, Redmond, WA 98052 USA")
                   + _wos_record("WOS:2", address="AWR, Redmond, WA 98052 USA") + "EF\n")
    recs = bib.classify(bib.read_records(wos), ror=_ror_dump(tmp_path, v2))
    assert recs.addresses["rule"].tolist()[0] == "ror_dump:company"
    assert recs.addresses["sector"].tolist()[0] == "I"
    assert pd.isna(recs.addresses["sector"].iloc[1])  # acronyms are not matched


def test_cli_ror_option_and_bad_ror_file(tmp_path):
    wos = tmp_path / "savedrecs.txt"
    wos.write_text("FN x\nVR 1.0\n" + _wos_record("WOS:1", address="Zorg Institute, Tartu, Estonia") + "EF\n")
    payload = json.loads(_cli(wos, "--format", "json", "--ror", _ror_dump(tmp_path)).stdout)
    assert payload["addresses"]["G"] == 1
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    proc = _cli(wos, "--ror", bad)
    assert proc.returncode == 1 and "not a ROR data dump" in proc.stderr and len(proc.stderr.splitlines()) == 1


def test_scopus_field_beyond_the_csv_limit_is_refused_naming_the_limit(tmp_path):
    """Issue 11 section 4: a very large field is read or refused with the limit named."""
    path = tmp_path / "scopus.csv"
    big = "x" * (csv.field_size_limit() + 10)
    path.write_text(f'Title,Year,Abstract,EID\nA,2012,"{big}",2-s2.0-1\n')
    with pytest.raises(hx.InputFileError, match=rf"line 2: .*limit of {csv.field_size_limit()} characters"):
        bib.read_records(path)


def test_progress_bar_goes_to_stderr_and_changes_nothing(tmp_path, capsys):
    files = [str(p) for p in ALL_FORMATS["wos"]]
    quiet = bib.read_records(files)
    loud = bib.read_records(files, progress=True)
    err = capsys.readouterr().err
    assert "reading" in err
    pd.testing.assert_frame_equal(quiet.addresses, loud.addresses)
    assert quiet.n_records == loud.n_records


def test_parallel_reading_of_several_files_equals_serial(tmp_path):
    """n_jobs=2 over several files (forced below the size threshold) gives the same records."""
    files = [str(p) for p in ALL_FORMATS["wos"]] + [str(FIX / "scopus.csv")]
    serial = bib.read_records(files, n_jobs=1)
    parallel = bib._merge(bib._read_parallel(files, "auto", False, 2, None, [0] * len(files)), files)
    pd.testing.assert_frame_equal(serial.documents, parallel.documents)
    pd.testing.assert_frame_equal(serial.addresses, parallel.addresses)


def _wos_text(n, bad_at=None, er=("ER\n",)):
    """A WoS plain-text export of `n` records (record `bad_at` without UT), ER lines cycling through `er`."""
    out = ["\ufeffFN Clarivate Analytics Web of Science\nVR 1.0\n"]
    orgs = ["Al Farabi Kazakh Natl Univ, Almaty 050040, Kazakhstan", "Samsung Elect Co Ltd, Suwon, South Korea",
            "Minist Energy, Astana, Kazakhstan", "Univ Zürich, Zurich, Switzerland"]
    for i in range(n):
        ut = "" if i == bad_at else f"UT WOS:{i:015d}\n"
        c1 = "\n   ".join(f"[A{k}, B] {orgs[(i + k) % len(orgs)]}." for k in range(1 + i % 3))
        out.append(f"PT J\nAU A0, B\nTI Title {i}\n   continued\nAB An abstract\n   on two lines\nC1 {c1}\n"
                   f"PY {2000 + i % 15}\n{ut}{er[i % len(er)]}\n")
    out.append("EF\n")
    return "".join(out)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_byte_ranges_of_one_wos_file_give_the_serial_records(tmp_path, monkeypatch, newline):
    """A large WoS file cut into byte ranges for 2-3 processes reads exactly as the whole file
    read serially (reference: the serial reader): same documents, addresses, in the same order."""
    path = tmp_path / "savedrecs.txt"
    text = _wos_text(300, er=("ER\n", "ER  \n", "ER\t\n"))
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    for n in (2, 3):
        spans = bib._fmt.wos_spans(path, n)
        assert len(spans) == n and spans[0][0] == 0 and spans[-1][1] == path.stat().st_size
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
        raw = path.read_bytes()
        for start, _ in spans[1:]:  # every cut is just after an ER line
            assert raw[:start].rstrip(b" \t\r\n").endswith(b"\nER")
    monkeypatch.setattr(bib, "_SPLIT_MIN", 0)
    serial = bib.read_records(path, n_jobs=1)
    for jobs in (2, 3):
        results = bib._read_parallel([str(path)], "auto", False, jobs, None, [path.stat().st_size])
        assert len(results) == jobs
        split = bib._merge(results, [str(path)])
        pd.testing.assert_frame_equal(serial.documents, split.documents)
        pd.testing.assert_frame_equal(serial.addresses, split.addresses)
        assert split.duplicates_dropped == serial.duplicates_dropped == 0
    assert serial.n_records == 300


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_byte_ranges_report_bad_records_at_the_lines_of_the_whole_file(tmp_path, monkeypatch, newline):
    """A bad record in the second byte range is reported at its line in the file (the line of
    its PT, found in the text) and stops the run as in a serial read; with skip_bad_records
    both readings list the same skipped line."""
    path = tmp_path / "savedrecs.txt"
    path.write_bytes(_wos_text(300, bad_at=250).replace("\n", newline).encode("utf-8"))
    monkeypatch.setattr(bib, "_SPLIT_MIN", 0)
    assert path.stat().st_size // 2 < path.read_bytes().index(b"TI Title 250")  # in the second range
    lines = path.read_text(encoding="utf-8").split("\n")  # universal newlines
    line = next(i + 1 for i, ln in enumerate(lines) if ln == "TI Title 250") - 2
    assert lines[line - 1] == "PT J"
    with pytest.raises(hx.InputFileError, match=rf"line {line}: record without UT"):
        bib.read_records(path, n_jobs=1)
    size = [path.stat().st_size]
    with pytest.raises(hx.InputFileError, match=rf"line {line}: record without UT"):
        bib._read_parallel([str(path)], "auto", False, 2, None, size)
    serial = bib.read_records(path, n_jobs=1, skip_bad_records=True)
    results = bib._read_parallel([str(path)], "auto", True, 2, None, size)
    assert len(results) == (1 if newline == "\r" else 2)  # old Mac line ends: no cut is sought
    split = bib._merge(results, [str(path)])
    assert split.skipped == serial.skipped == [{"file": str(path), "line": line,
                                                "reason": "record without UT (accession number)"}]
    pd.testing.assert_frame_equal(serial.addresses, split.addresses)


def test_byte_ranges_of_a_latin1_file_are_all_read_as_latin1(tmp_path, monkeypatch):
    """A file whose second half is not UTF-8 is Latin-1 as a whole (as the serial reader decides),
    so the UTF-8 first half is decoded as Latin-1 too: the records equal the serial reading."""
    path = tmp_path / "savedrecs.txt"
    text = _wos_text(200).lstrip("\ufeff")
    half = len(text) // 2
    cut = text.index("PT J", half)
    path.write_bytes(text[:cut].encode("utf-8") + text[cut:].encode("latin-1"))
    monkeypatch.setattr(bib, "_SPLIT_MIN", 0)
    serial = bib.read_records(path, n_jobs=1)
    split = bib._merge(bib._read_parallel([str(path)], "auto", False, 2, None, [path.stat().st_size]),
                       [str(path)])
    pd.testing.assert_frame_equal(serial.addresses, split.addresses)
    assert "Univ ZÃ¼rich" in set(serial.addresses["organisation"])  # the UTF-8 half read as Latin-1


def test_files_that_cannot_be_cut_are_read_whole(tmp_path):
    """gzip, UTF-16, other formats and files without ER lines are not cut (wos_spans gives None)."""
    import gzip

    text = _wos_text(50)
    gz = tmp_path / "a.txt.gz"
    gz.write_bytes(gzip.compress(text.encode("utf-8")))
    u16 = tmp_path / "b.txt"
    u16.write_text(text, encoding="utf-16")
    noer = tmp_path / "c.txt"
    noer.write_text(text.replace("\nER\n", "\n"), encoding="utf-8")
    for p in (gz, u16, noer, FIX / "scopus.csv"):
        assert bib._fmt.wos_spans(p, 2) is None


def test_cli_text_shows_the_interval_of_the_total_row():
    """Review finding: with --bootstrap and no --by the text printed T without its interval.
    The text's interval is the JSON's (same seed)."""
    common = [FIX / "savedrecs_1.txt", "--bootstrap", "50", "--seed", "1"]
    text, as_json = _cli(*common), _cli(*common, "--format", "json")
    assert text.returncode == as_json.returncode == 0, text.stderr
    text, payload = text.stdout, json.loads(as_json.stdout)
    iv = payload["interval"]
    assert f"interval of T [{iv['ci_low']:.6f}, {iv['ci_high']:.6f}]" in text
