"""The public namespace: ``import helixnet as hx`` exposes what the issues promise."""

import importlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import helixnet as hx

# the names users' scripts rely on (issues 3, 4 and 5 list them)
PROMISED = [
    "mutual_information", "venn_table", "synergy", "decompose", "shapley", "bootstrap",
    "permutation_test", "centrality", "brokerage", "hierarchy", "configuration",
    "kazakhstan_graph", "from_edges", "synergy_triads", "synergy_map",
]


@pytest.mark.parametrize("name", sorted(hx._LAZY))
def test_every_lazy_name_resolves_to_the_object_its_module_defines(name):
    module = importlib.import_module(hx._LAZY[name])
    assert getattr(hx, name) is getattr(module, name)


@pytest.mark.parametrize("name", PROMISED)
def test_promised_api_names_are_callable(name):
    assert callable(getattr(hx, name))


def test_no_module_shares_its_name_with_a_function():
    """Layout of 0.2: ``import helixnet.<path> as m`` always gives a module (the 0.1 module-class swap is gone)."""
    import types
    from pathlib import Path

    root = Path(hx.__file__).parent
    for path in root.rglob("*.py"):
        dotted = ".".join(path.relative_to(root.parent).with_suffix("").parts)
        if dotted.endswith("__init__") or "sample_data" in dotted or dotted.endswith("__main__"):
            continue
        module = importlib.import_module(dotted)
        assert isinstance(module, types.ModuleType), dotted
        parent, _, leaf = dotted.rpartition(".")
        assert not callable(getattr(importlib.import_module(parent), leaf, None)) or isinstance(
            getattr(importlib.import_module(parent), leaf), types.ModuleType), dotted
    assert type(hx) is types.ModuleType
    for name in ["centrality", "brokerage", "hierarchy", "mediation", "configuration", "shapley", "game"]:
        assert callable(getattr(hx, name)) and not isinstance(getattr(hx, name), types.ModuleType), name


def test_layers_are_reachable_as_attributes():
    for name in ["datasets", "information", "networks", "bibliometrics", "plot", "kazakhstan", "exceptions"]:
        assert getattr(hx, name).__name__ == f"helixnet.{name}"


@pytest.mark.parametrize("old, name, new", [
    ("graphs", "kazakhstan_graph", "helixnet.kazakhstan"),
    ("graphs", "venn_counts", "helixnet.networks"),
    ("uncertainty", "bootstrap", "helixnet.information"),
    ("engines", "count_table", "helixnet.information"),
    ("reproduce", "list_analyses", "helixnet.kazakhstan"),
])
def test_modules_of_0_1_forward_with_a_deprecation_warning(old, name, new):
    with pytest.warns(DeprecationWarning, match=f"helixnet.{old}.{name} moved to {new}.{name}"):
        obj = getattr(getattr(hx, old), name)
    assert obj is getattr(importlib.import_module(new), name)


def test_paper_figures_in_plot_forward_to_kazakhstan_with_a_deprecation_warning():
    with pytest.warns(DeprecationWarning, match="helixnet.plot.research_types moved to helixnet.kazakhstan"):
        assert hx.plot.research_types is hx.kazakhstan.research_types


def test_no_module_imports_a_private_name_from_another_module():
    """Shared helpers live once, under a public name in a private module of their layer (issue 15)."""
    import ast
    import types
    from pathlib import Path

    root = Path(hx.__file__).parent
    offences = []
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("helixnet"):
                for alias in node.names:
                    if not alias.name.startswith("_") or alias.name.startswith("__"):
                        continue
                    obj = getattr(importlib.import_module(node.module), alias.name, None)
                    if obj is None:
                        obj = importlib.import_module(f"{node.module}.{alias.name}")
                    if not isinstance(obj, types.ModuleType):  # a private function/class, not a private module
                        offences.append(f"{path.relative_to(root)}: from {node.module} import {alias.name}")
    assert offences == []


def test_layers_import_only_downwards():
    """information and networks never import bibliometrics, plot or kazakhstan; only kazakhstan imports kazakhstan."""
    import ast
    from pathlib import Path

    root = Path(hx.__file__).parent
    forbidden = {
        "information": ("helixnet.networks", "helixnet.bibliometrics", "helixnet.plot", "helixnet.kazakhstan", "helixnet.cli"),
        "networks": ("helixnet.information", "helixnet.bibliometrics", "helixnet.plot", "helixnet.kazakhstan", "helixnet.cli"),
        "bibliometrics": ("helixnet.networks", "helixnet.kazakhstan", "helixnet.cli"),
        "plot": ("helixnet.kazakhstan", "helixnet.cli"),
    }
    offences = []
    for layer, bad in forbidden.items():
        for path in (root / layer).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            # the deprecation forwarders of 0.1 names (module __getattr__) may point anywhere
            shims = {id(n) for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == "__getattr__"
                     for n in ast.walk(f)}
            for node in ast.walk(tree):
                if id(node) in shims:
                    continue
                names = []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                elif isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                offences += [f"{path.relative_to(root)} imports {n}" for n in names if n.startswith(bad)]
    assert offences == []


def test_unknown_attribute_raises_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        hx.nope  # noqa: B018


def test_importing_helixnet_loads_no_heavy_library():
    """``import helixnet`` (and so the CLI's start-up) must not import numpy, pandas or networkx."""
    code = "import sys, helixnet; print(sorted(m for m in ('numpy', 'pandas', 'networkx', 'scipy', 'matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_package_folder_is_listed_in_setup_cfg():
    """A subpackage missing from setup.cfg's explicit list would be left out of the wheel."""
    import configparser
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    cfg = configparser.ConfigParser()
    cfg.read(root / "setup.cfg")
    listed = set(cfg["options"]["packages"].split())
    found = {
        ".".join(p.parent.relative_to(root).parts)
        for p in (root / "helixnet").rglob("__init__.py")
    }
    assert found <= listed, found - listed


def test_every_reader_of_the_shared_reproduce_run_is_in_one_xdist_unit():
    """tests/conftest.py SHARED_SCOPES: the modules that use the ``reproduce_run`` fixture run as
    one pytest-xdist unit (first, on one worker), so no worker waits on another's run."""
    import re

    from conftest import SHARED_SCOPES

    tests = Path(__file__).resolve().parent
    readers = {f"tests/{p.name}" for p in tests.glob("test_*.py")
               if re.search(r"def \w+\([^)]*\breproduce_run\b|getfixturevalue\(\"reproduce_run\"\)",
                            p.read_text(encoding="utf-8"))}
    assert readers, "no test reads the shared run: the search itself is broken"
    assert set(SHARED_SCOPES) == readers
    assert len(set(SHARED_SCOPES.values())) == 1
