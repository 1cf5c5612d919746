"""``helixnet reproduce``: deterministic, atomic, complete.

Two runs are compared byte for byte (CSV, JSON, PNG); the folder handling is checked
against the issue's rules (refuse a non-empty folder, --force replaces it only once the new
results are complete); summary.json is checked for its schema and for identities that hold
by definition (sector shares of a centrality add up to 1) or by the paper (Table 4's total).
"""

import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helixnet.kazakhstan import _analyses
from helixnet.cli import main as cli
from helixnet.networks._configuration import EVIDENCE_COLUMNS, VERDICTS

DPI = "40"  # resolution does not matter to these checks; it keeps the suite fast


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """Run 1 into a new folder; run 2 with --force into a copy of it holding a stale file.

    The stale file is one an older run wrote (listed in its summary.json), as when an
    analysis is renamed between versions.
    """
    base = tmp_path_factory.mktemp("reproduce")
    first = base / "first"
    assert cli(["reproduce", "--out", str(first), "--quiet", "--dpi", DPI]) == 0
    second = base / "second"
    shutil.copytree(first, second)
    (second / "stale.txt").write_text("from an older run")
    summary = json.loads((second / "summary.json").read_text())
    summary["files"].append("stale.txt")
    (second / "summary.json").write_text(json.dumps(summary))
    assert cli(["reproduce", "--out", str(second), "--quiet", "--force", "--dpi", DPI]) == 0
    return first, second


def files(folder, pattern):
    return sorted(p.name for p in Path(folder).glob(pattern))


def test_two_runs_give_byte_identical_csv_and_json(two_runs):
    first, second = two_runs
    for pattern in ("*.csv", "*.json", "*.md"):
        names = files(first, pattern)
        assert names == files(second, pattern)
        for name in names:
            assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_two_runs_give_byte_identical_png(two_runs):
    first, second = two_runs
    for name in files(first, "*.png"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_force_replaces_the_folder_and_leaves_no_temporary_siblings(two_runs):
    first, second = two_runs
    assert not (second / "stale.txt").exists()
    assert sorted(p.name for p in second.parent.iterdir()) == ["first", "second"]


def test_refuses_a_non_empty_folder_without_force(tmp_path, capsys):
    out = tmp_path / "results"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    assert cli(["reproduce", "--out", str(out), "--quiet"]) == 1
    assert "--force" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_refuses_a_file_as_output(tmp_path):
    target = tmp_path / "results"
    target.write_text("not a folder")
    assert cli(["reproduce", "--out", str(target), "--quiet"]) == 1
    assert target.read_text() == "not a folder"


def test_a_failing_analysis_leaves_the_old_folder_untouched(tmp_path, monkeypatch):
    out = tmp_path / "results"
    out.mkdir()
    (out / "old.txt").write_text("previous results")
    old_summary = {"generator": "helixnet reproduce", "files": ["old.txt", "summary.json"]}
    (out / "summary.json").write_text(json.dumps(old_summary))

    def broken():
        raise RuntimeError("analysis crashed half-way")

    first = _analyses.get("table2_research_types")
    monkeypatch.setattr(_analyses, "ANALYSES", [first, _analyses.Analysis("broken", "Broken", broken)])
    with pytest.raises(RuntimeError, match="half-way"):
        cli(["reproduce", "--out", str(out), "--quiet", "--force", "--dpi", DPI])
    assert sorted(p.name for p in out.iterdir()) == ["old.txt", "summary.json"]
    assert (out / "old.txt").read_text() == "previous results"
    assert [p.name for p in tmp_path.iterdir()] == ["results"]  # the temporary folder is gone


def test_missing_requirements_are_reported_not_hidden(tmp_path, monkeypatch):
    def never():
        raise AssertionError("must not run")

    table2 = _analyses.get("table2_research_types")
    needs = _analyses.Analysis("needs_data", "Needs data", never, datasets=("no_such_dataset",))
    monkeypatch.setattr(_analyses, "ANALYSES", [table2, needs])
    out = tmp_path / "results"
    assert cli(["reproduce", "--out", str(out), "--quiet", "--dpi", DPI]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["skipped"] == {"needs_data": "dataset no_such_dataset"}
    assert "needs_data: needs dataset no_such_dataset" in (out / "report.md").read_text()


def test_summary_json_schema(two_runs):
    first, _ = two_runs
    summary = json.loads((first / "summary.json").read_text())
    assert set(summary) == {"analyses", "files", "generator", "helixnet_version", "seed", "skipped", "source"}
    assert summary["generator"] == "helixnet reproduce"  # the marker --force looks for
    assert summary["skipped"] == {}
    assert set(summary["analyses"]) == {a.name for a in _analyses.ANALYSES if a.case_study}
    assert "openalex_trends" not in summary["analyses"]  # a gallery example on synthetic data, not the study
    for name, entry in summary["analyses"].items():
        assert set(entry) == {"title", "results", "text", "files"}, name
        assert entry["text"].strip(), name
        for f in entry["files"]:
            assert (first / f).is_file(), f
    assert summary["files"] == sorted(p.name for p in first.iterdir())


def test_summary_holds_the_configuration_verdict_with_its_evidence(two_runs):
    first, _ = two_runs
    sub = json.loads((first / "summary.json").read_text())["analyses"]["subordination"]["results"]
    assert set(sub["verdict"]) == {"flows", "relationships"} and set(sub["verdict"].values()) <= set(VERDICTS)
    for conf in sub["configuration"].values():
        assert set(EVIDENCE_COLUMNS) <= set(conf["evidence"][0])
    assert {"direct_strength", "indirect_strength", "path_share", "reachability_loss"} <= set(sub["mediation"])


def test_report_has_the_robustness_section_and_names_every_non_significant_indicator(two_runs):
    first, _ = two_runs
    report = (first / "report.md").read_text()
    assert "## Robustness: the verdict over coding variants" in report and "(robustness.png)" in report
    sub = json.loads((first / "summary.json").read_text())["analyses"]["subordination"]
    for reading, conf in sub["results"]["configuration"].items():
        paragraph = sub["text"].split(f"Verdict ({reading})")[1]
        named = paragraph.split("Not distinguishable from chance:")[1].split(".")[0] if any(
            row["result"] == "not distinguishable from chance" for row in conf["evidence"]) else ""
        for row in conf["evidence"]:
            if row["result"] == "not distinguishable from chance":
                assert row["metric"] in named, (reading, row["metric"])
    assert "Coded from the paper's statements" in sub["text"] and "Measured:" in sub["text"]


def test_centrality_shares_by_sector_add_up_to_one(two_runs):
    # a share is a sector's part of a sum over all nodes, so the four shares sum to 1 by definition
    first, _ = two_runs
    sub = json.loads((first / "summary.json").read_text())["analyses"]["subordination"]["results"]
    for measure, shares in sub["centrality_share_by_sector"].items():
        values = [v for v in shares.values() if v is not None]
        if values:
            assert math.fsum(values) == pytest.approx(1.0, abs=1e-8), measure
        assert set(shares) == {"U", "I", "G", "O"}


def test_summary_synergy_has_t_values_with_intervals_around_them(two_runs):
    first, _ = two_runs
    syn = json.loads((first / "summary.json").read_text())["analyses"]["synergy"]["results"]
    low, high = syn["T_UIG_interval"]
    assert low <= high
    assert set(syn["venn_counts"]) == {"U", "I", "G", "UI", "UG", "IG", "UIG"}
    # T recomputed by hand from the Venn counts with the co-information formula (Leydesdorff 2003)
    from itertools import product

    c = dict(syn["venn_counts"])
    cells = {}
    for u, i, g in product((0, 1), repeat=3):
        key = "U" * u + "I" * i + "G" * g
        cells[(u, i, g)] = syn["none"] if key == "" else c[key]
    n = sum(cells.values())

    def H(axes):
        marg = {}
        for k, v in cells.items():
            kk = tuple(k[a] for a in axes)
            marg[kk] = marg.get(kk, 0) + v
        return -sum(v / n * math.log2(v / n) for v in marg.values() if v > 0)

    t = H([0]) + H([1]) + H([2]) - H([0, 1]) - H([0, 2]) - H([1, 2]) + H([0, 1, 2])
    assert syn["T_UIG"] == pytest.approx(1000 * t, rel=1e-8)


def test_table4_result_matches_the_paper(two_runs):
    # Dnishev et al. (2015), Table 4: 23 712 R&D personnel, 11 828 in higher education
    first, _ = two_runs
    t4 = json.loads((first / "summary.json").read_text())["analyses"]["table4_rd_personnel"]
    assert t4["results"]["total_rd_personnel"] == 23712
    assert t4["results"]["largest_sector"] == "higher_education"
    assert "23,712" in t4["text"]


def test_report_embeds_every_figure_and_paragraph(two_runs):
    first, _ = two_runs
    report = (first / "report.md").read_text()
    summary = json.loads((first / "summary.json").read_text())
    for name, entry in summary["analyses"].items():
        assert f"]({name}.png)" in report, name
        assert entry["text"] in report, name
    assert "T_UIG" in report


def test_cli_module_imports_no_heavy_library_at_start_up():
    code = (
        "import sys; import helixnet.cli.reproduce; "
        "print(sorted(m for m in ('numpy', 'pandas', 'matplotlib', 'networkx', 'seaborn') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stdout + proc.stderr


def test_default_output_folder_is_documented_in_help(capsys):
    with pytest.raises(SystemExit):
        cli(["reproduce", "--help"])
    assert "helixnet-results" in capsys.readouterr().out
