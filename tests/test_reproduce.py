"""``helixnet reproduce``: deterministic, atomic, complete.

One run is shared by the whole session (``reproduce_run`` in conftest.py); a second run of
some analyses is compared with it byte for byte (CSV, JSON, PNG), and the gallery scripts'
runs of the others are compared with it in test_analyses.py. The folder handling is checked
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

from helixnet.cli import main as cli
from helixnet.kazakhstan import _analyses
from helixnet.networks._configuration import EVIDENCE_COLUMNS, VERDICTS

DPI = "40"  # resolution does not matter to these checks; it keeps the suite fast

#: Analyses of the second run, a whole `helixnet reproduce --force` over a stale folder: one table
#: and one analysis with random steps (a bootstrap and a permutation null). Every analysis, its
#: figures included, has its own second run in its gallery script (tests/test_analyses.py), whose
#: files, JSON and text are compared byte for byte with the shared run.
SECOND_RUN = ("table2_research_types", "synergy")

@pytest.fixture(scope="module")
def two_runs(reproduce_run, tmp_path_factory):
    """The shared run, and a second run (of :data:`SECOND_RUN`) with --force into a copy of
    it holding a stale file.

    The stale file is one an older run wrote (listed in its summary.json), as when an
    analysis is renamed between versions.
    """
    first = reproduce_run
    second = tmp_path_factory.mktemp("reproduce-again") / "second"
    shutil.copytree(first, second)
    (second / "stale.txt").write_text("from an older run")
    summary = json.loads((second / "summary.json").read_text())
    summary["files"].append("stale.txt")
    (second / "summary.json").write_text(json.dumps(summary))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_analyses, "ANALYSES", [_analyses.get(name) for name in SECOND_RUN])
        assert cli(["reproduce", "--out", str(second), "--quiet", "--force", "--dpi", DPI]) == 0
    return first, second


def files(folder, pattern):
    return sorted(p.name for p in Path(folder).glob(pattern))


def second_run_files(second, suffix):
    summary = json.loads((second / "summary.json").read_text())
    names = sorted(f for entry in summary["analyses"].values() for f in entry["files"] if f.endswith(suffix))
    assert names, suffix
    return names


def test_two_runs_give_byte_identical_csv_and_json(two_runs):
    first, second = two_runs
    for name in second_run_files(second, ".csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    analyses = [json.loads((run / "summary.json").read_text())["analyses"] for run in (first, second)]
    assert set(analyses[1]) == set(SECOND_RUN)
    for name in SECOND_RUN:
        assert analyses[0][name] == analyses[1][name], name
        assert analyses[1][name]["text"] in (second / "report.md").read_text(), name


def test_two_runs_give_byte_identical_png(two_runs):
    first, second = two_runs
    for name in second_run_files(second, ".png"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_force_replaces_the_folder_and_leaves_no_temporary_siblings(two_runs):
    first, second = two_runs
    assert not (second / "stale.txt").exists()
    assert files(second, "*") == sorted(json.loads((second / "summary.json").read_text())["files"])
    assert sorted(p.name for p in second.parent.iterdir()) == ["second"]


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


def test_summary_json_schema(reproduce_run):
    first = reproduce_run
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


def test_summary_holds_the_configuration_verdict_with_its_evidence(reproduce_run):
    first = reproduce_run
    sub = json.loads((first / "summary.json").read_text())["analyses"]["subordination"]["results"]
    assert set(sub["verdict"]) == {"flows", "relationships"} and set(sub["verdict"].values()) <= set(VERDICTS)
    for conf in sub["configuration"].values():
        assert set(EVIDENCE_COLUMNS) <= set(conf["evidence"][0])
    assert {"direct_strength", "indirect_strength", "path_share", "reachability_loss"} <= set(sub["mediation"])


def test_report_has_the_robustness_section_and_names_every_non_significant_indicator(reproduce_run):
    first = reproduce_run
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


def test_centrality_shares_by_sector_add_up_to_one(reproduce_run):
    # a share is a sector's part of a sum over all nodes, so the four shares sum to 1 by definition
    first = reproduce_run
    sub = json.loads((first / "summary.json").read_text())["analyses"]["subordination"]["results"]
    for measure, shares in sub["centrality_share_by_sector"].items():
        values = [v for v in shares.values() if v is not None]
        if values:
            assert math.fsum(values) == pytest.approx(1.0, abs=1e-8), measure
        assert set(shares) == {"U", "I", "G", "O"}


def test_synergy_sector_null_is_t_uig_over_seeded_label_permutations(reproduce_run):
    # recomputed here with the library's building blocks (permute_sectors, venn_counts) and the
    # co-information written out by hand (Leydesdorff 2003), replicate i drawn from the i-th child
    # of SeedSequence(seed) as networks.significance documents; the self-tie stays on its node
    import networkx as nx
    import numpy as np

    from helixnet.kazakhstan import _graphs as kzgraphs
    from helixnet.networks._builders import venn_counts
    from helixnet.networks._nullmodels import permute_sectors

    first = reproduce_run
    syn = json.loads((first / "summary.json").read_text())["analyses"]["synergy"]["results"]
    null = syn["T_UIG_sector_null"]
    G = kzgraphs.kazakhstan_graph()
    assert nx.number_of_selfloops(G) == 1  # enterprises' internal knowledge

    def t_uig(H):
        vc = venn_counts(H, weight=None)
        return 1000 * _t_from_cells({**vc.cells, "": vc.none})

    assert t_uig(G) == pytest.approx(syn["T_UIG"], rel=1e-8)
    values = np.array([t_uig(permute_sectors(G, seed=np.random.default_rng(child)))
                       for child in np.random.SeedSequence(_analyses.SEED).spawn(null["n"])])
    assert null["mean"] == pytest.approx(values.mean(), rel=1e-8)
    assert null["sd"] == pytest.approx(values.std(ddof=1), rel=1e-8)
    # two-sided Monte Carlo p: twice the smaller tail, each counting the observed value as a draw
    # (Davison & Hinkley 1997, ch. 4; the definition networks.significance documents)
    lower = (1 + np.sum(values <= syn["T_UIG"])) / (null["n"] + 1)
    upper = (1 + np.sum(values >= syn["T_UIG"])) / (null["n"] + 1)
    assert null["p_value"] == pytest.approx(min(1.0, 2 * min(lower, upper)))


def _t_from_cells(c):
    """T (bits) of a U/I/G Venn table from its cells (keys "", "U", ..., "UIG")."""
    from itertools import product

    cells = {(u, i, g): c.get("U" * u + "I" * i + "G" * g, 0) for u, i, g in product((0, 1), repeat=3)}
    n = sum(cells.values())

    def H(axes):
        marg = {}
        for k, v in cells.items():
            kk = tuple(k[a] for a in axes)
            marg[kk] = marg.get(kk, 0) + v
        return -sum(v / n * math.log2(v / n) for v in marg.values() if v > 0)

    return H([0]) + H([1]) + H([2]) - H([0, 1]) - H([0, 2]) - H([1, 2]) + H([0, 1, 2])


def test_summary_synergy_has_t_values_with_intervals_around_them(reproduce_run):
    first = reproduce_run
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


def test_table4_result_matches_the_paper(reproduce_run):
    # Dnishev et al. (2015), Table 4: 23 712 R&D personnel, 11 828 in higher education
    first = reproduce_run
    t4 = json.loads((first / "summary.json").read_text())["analyses"]["table4_rd_personnel"]
    assert t4["results"]["total_rd_personnel"] == 23712
    assert t4["results"]["largest_sector"] == "higher_education"
    assert "23,712" in t4["text"]


def test_report_embeds_every_figure_and_paragraph(reproduce_run):
    first = reproduce_run
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
