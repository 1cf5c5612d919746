"""helixnet.datasets and the shipped Data Package: API, schema, checksums, install.

Expected values come from the files themselves read independently of helixnet
(the csv and hashlib modules), from the Frictionless validator, and from a
wheel built and installed in a fresh virtual environment outside the repository.
"""

import csv
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from cli_runner import run_inproc

from helixnet import datasets
from helixnet.exceptions import UnknownDatasetError

REPO = Path(__file__).resolve().parents[1]
PANDAS_DTYPES = {"integer": "Int64", "number": "float64", "string": "string",
                 "boolean": "boolean"}


@pytest.fixture(scope="module")
def package():
    with open(datasets.data_path() / "datapackage.json", encoding="utf-8") as fh:
        return json.load(fh)


def csv_records(path):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh) if r]
    return rows[0], rows[1:]


def test_every_csv_file_is_a_resource_and_every_resource_a_file(package):
    on_disk = {p.name for p in datasets.data_path().glob("*.csv")}
    described = {r["path"] for r in package["resources"]}
    assert on_disk == described


def test_resource_names_are_file_stems(package):
    for res in package["resources"]:
        assert res["path"] == f"{res['name']}.csv"


def test_checksums_match_the_files(package):
    """SHA-256 of every file, computed with hashlib, equals the descriptor's hash."""
    for res in package["resources"]:
        digest = hashlib.sha256((datasets.data_path() / res["path"]).read_bytes()).hexdigest()
        assert res["hash"] == f"sha256:{digest}", res["name"]
        assert res["bytes"] == (datasets.data_path() / res["path"]).stat().st_size


def test_every_field_has_type_description_and_every_resource_a_source(package):
    for res in package["resources"]:
        assert res["title"] and res["description"] and res["sources"], res["name"]
        for field in res["schema"]["fields"]:
            assert field["type"] in PANDAS_DTYPES, (res["name"], field["name"])
            assert field.get("description"), (res["name"], field["name"])


def test_data_package_validates_with_frictionless():
    """frictionless checks types, constraints, primary and foreign keys, bytes and hash."""
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(datasets.data_path() / "datapackage.json"))
    errors = [(t.name, e.type, e.message) for t in report.tasks for e in t.errors]
    assert report.valid, errors[:10]


def test_descriptor_is_what_the_generator_writes():
    """data/datapackage.json is up to date with tools/build_datapackage.py's metadata."""
    tool = REPO / "tools" / "build_datapackage.py"
    if not tool.is_file():
        pytest.skip("tools/ is not part of this checkout")
    result = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr


def test_list_datasets_counts_the_csv_records(package):
    inv = datasets.list_datasets()
    assert list(inv.columns) == ["name", "title", "source", "rows"]
    assert inv["name"].tolist() == sorted(r["name"] for r in package["resources"])
    for row in inv.itertuples():
        _, records = csv_records(datasets.data_path() / f"{row.name}.csv")
        assert row.rows == len(records), row.name
        assert row.source.startswith("Dnishev et al. 2015"), row.name


@pytest.mark.parametrize("name", [r for r in datasets.list_datasets()["name"]])
def test_every_dataset_loads_with_the_schema_columns_and_dtypes(name):
    desc = datasets.describe(name)
    df = datasets.load(name)
    fields = desc["schema"]["fields"]
    assert list(df.columns) == [f["name"] for f in fields]
    for f in fields:
        assert str(df[f["name"]].dtype) == PANDAS_DTYPES[f["type"]], f["name"]
    header, records = csv_records(datasets.data_path() / desc["path"])
    assert len(df) == len(records)
    empty_cells = sum(1 for r in records for v in r if v == "")
    assert int(df.isna().sum().sum()) == empty_cells


def test_booleans_are_read_from_true_false_text():
    actors = datasets.load("actors")
    assert actors["authors_proposal"].sum() == 1  # the proposed Technological Development Fund
    assert not actors["authors_proposal"].isna().any()


def test_unknown_dataset_raises_an_error_listing_the_valid_names():
    for func in (datasets.load, datasets.describe):
        with pytest.raises(UnknownDatasetError) as info:
            func("table5")
        message = str(info.value)
        assert "table5" in message
        assert "table4_rd_personnel" in message and "sector_mapping" in message
    assert issubclass(UnknownDatasetError, ValueError)


def test_describe_returns_a_copy():
    d = datasets.describe("actors")
    d["title"] = "changed"
    assert datasets.describe("actors")["title"] != "changed"


def test_cli_datasets_lists_every_dataset_as_json():
    """In this process (the datasets come from the package, not the working folder)."""
    code, out, err = run_inproc("datasets", "--format", "json")
    assert code == 0, err
    payload = json.loads(out)
    assert {p["name"] for p in payload} == set(datasets.list_datasets()["name"])


# --- the wheel, installed outside the repository -------------------------------------------

def _can_build_offline():
    try:
        import setuptools
    except ImportError:
        return False
    major, minor = (int(x) for x in setuptools.__version__.split(".")[:2])
    if (major, minor) < (64, 0):
        return False
    if (major, minor) < (70, 1):  # bdist_wheel lives in the 'wheel' package before 70.1
        try:
            import wheel  # noqa: F401
        except ImportError:
            return False
    return True


def _pypi_reachable():
    try:
        socket.create_connection(("pypi.org", 443), timeout=3).close()
        return True
    except OSError:
        return False


def test_wheel_installed_outside_the_repo_loads_every_dataset(tmp_path):
    """Build a wheel from a copy of the repository, install it (no dependencies) into a fresh
    venv that sees this environment's packages, and load every dataset from a cwd outside the
    repository: helixnet and its data must come from the venv, not the source tree."""
    offline = _can_build_offline()
    if not offline and not _pypi_reachable():
        pytest.skip("cannot build: no setuptools>=64 (+ wheel) here for an offline build and "
                    "no network for an isolated build")
    src = tmp_path / "src"
    shutil.copytree(REPO, src, ignore=shutil.ignore_patterns(
        ".git", "build", "dist", "*.egg-info", "__pycache__", ".venv*", ".hypothesis",
        ".pytest_cache", "results"))
    wheels = tmp_path / "wheels"
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels),
           str(src)]
    if offline:
        cmd.insert(4, "--no-build-isolation")
    built = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path)
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel_file,) = wheels.glob("helixnet-*.whl")

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    child = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    child_site = subprocess.run(
        [str(child), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip()
    # dependencies (pandas...) from this environment; appended after the venv's own
    # site-packages, and without running this environment's .pth files (so an editable
    # helixnet here stays invisible)
    parent_paths = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(child_site, "_parent_env.pth").write_text("\n".join(sorted(parent_paths)) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(child), "install",
                    "--no-deps", "--no-index", "--ignore-installed", "--quiet", str(wheel_file)],
                   check=True)  # --ignore-installed: a helixnet in the parent env must not satisfy it

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    script = (
        "import json, helixnet, helixnet.datasets as d\n"
        "inv = d.list_datasets()\n"
        "out = {'module': helixnet.__file__, 'data': str(d.data_path()),\n"
        "       'rows': {n: len(d.load(n)) for n in inv['name']}}\n"
        "print(json.dumps(out))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    ran = subprocess.run([str(child), "-c", script], capture_output=True, text=True,
                         cwd=outside, env=env)
    assert ran.returncode == 0, ran.stderr[-3000:]
    out = json.loads(ran.stdout)
    assert Path(out["module"]).resolve().is_relative_to(venv.resolve())
    assert Path(out["data"]).resolve().is_relative_to(venv.resolve())
    expected = {name: len(csv_records(datasets.data_path() / f"{name}.csv")[1])
                for name in datasets.list_datasets()["name"]}
    assert out["rows"] == expected
    shipped = {p.name for p in Path(out["data"]).iterdir()}
    assert {"datapackage.json", "README.md"} <= shipped
