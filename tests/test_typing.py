"""Every public function is annotated (issue 15): parameters and return, so the hints cannot regress.

The annotations themselves are checked by mypy in ``.ci/run`` (names that do not
resolve, wrong types); this test guards that none goes missing.
"""

import importlib
import inspect

import pytest

# the namespaces whose ``__all__`` is the public API, and the console script's entry point
PUBLIC_MODULES = [
    "helixnet",
    "helixnet.information",
    "helixnet.networks",
    "helixnet.bibliometrics",
    "helixnet.plot",
    "helixnet.kazakhstan",
    "helixnet.datasets",
    "helixnet.cli",
]


def _public_functions():
    seen = {}
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                seen.setdefault(f"{obj.__module__}.{obj.__qualname__}", obj)
    return seen


PUBLIC_FUNCTIONS = _public_functions()


def test_the_public_api_has_the_functions_the_issue_counts():
    """Issue 15 counts 92 public functions; the layers export more (helpers such as read_graphml)."""
    assert len(PUBLIC_FUNCTIONS) >= 92
    assert "helixnet.cli.main" in PUBLIC_FUNCTIONS


def _missing_annotations(func):
    """Names of the parameters of `func` without an annotation, plus "return" if that has none."""
    # inspect.signature follows functools.wraps, so decorated functions show their own signature
    signature = inspect.signature(func)
    missing = [name for name, p in signature.parameters.items() if p.annotation is inspect.Parameter.empty]
    if signature.return_annotation is inspect.Signature.empty:
        missing.append("return")
    return missing


@pytest.mark.parametrize("qualname", sorted(PUBLIC_FUNCTIONS))
def test_public_function_annotates_every_parameter_and_its_return(qualname):
    missing = _missing_annotations(PUBLIC_FUNCTIONS[qualname])
    assert not missing, f"{qualname}: no annotation for {', '.join(missing)}"


def test_the_check_reports_an_unannotated_parameter_and_return():
    """The check can fail: a hand-made function with one bare parameter and no return hint."""

    def partly(a: int, b, *args, c: str = "", **kw: object):
        return a

    assert _missing_annotations(partly) == ["b", "args", "return"]
