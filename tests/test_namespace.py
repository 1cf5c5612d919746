"""The public namespace: ``import helixnet as hx`` exposes what the issues promise."""

import importlib
import subprocess
import sys

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


def test_functions_named_like_their_module_stay_functions_after_the_module_is_imported():
    """Importing helixnet.centrality must not replace hx.centrality (the function) by the module."""
    for mod in ["centrality", "brokerage", "hierarchy", "mediation", "configuration", "shapley", "game"]:
        if mod in hx._LAZY:
            importlib.import_module(hx._LAZY[mod])
            assert callable(getattr(hx, mod)), mod
    assert hx.centrality.__module__ == "helixnet.centrality"


def test_submodules_are_reachable_as_attributes():
    for name in ["datasets", "graphs", "information", "bibliometrics", "plot", "engines"]:
        assert getattr(hx, name).__name__ == f"helixnet.{name}"


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
