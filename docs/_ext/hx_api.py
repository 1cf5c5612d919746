"""The API reference, generated from the package itself at every build (so it cannot drift).

The public names are ``helixnet.__all__`` and the ``__all__`` of each layer
(``helixnet.information``, ``helixnet.networks``, ...). A name exported at the
top level is documented as ``helixnet.<name>`` (how users call it: ``hx.synergy``);
a name exported only by its layer as ``helixnet.<layer>.<name>``. Each name is
put in the layer its defining module belongs to. Until the layer packages
exist (the restructure of issue 15), today's flat modules are mapped to their
layers by ``_LEGACY``.

On ``builder-inited`` this writes ``docs/api/<layer>.rst`` (a summary table per
layer) and ``docs/api/generated/<qualified name>.rst`` (one page per public
name). A ``missing-reference`` handler resolves every other public path of a
documented object (``helixnet.information.synergy`` -> ``helixnet.synergy``)
and an unqualified name that belongs to exactly one public object.
"""

from __future__ import annotations

import importlib
import inspect
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

#: (layer, title, one-line description), in the order of the API reference
LAYERS = [
    ("information", "Information measures",
     "The Triple Helix indicator: entropies, mutual information and redundancy in N dimensions, "
     "uncertainty, decompositions, Krippendorff's interaction information, the game-theoretic "
     "indicators and the counting engines."),
    ("networks", "Actor networks",
     "Graph builders and the network measures of sector-labelled actor graphs: centrality, "
     "brokerage, hierarchy, mediation, the configuration verdict, null models and sensitivity."),
    ("bibliometrics", "Bibliometrics",
     "Bibliographic records (Web of Science, Scopus, OpenAlex, MEDLINE), address classification "
     "into sectors, co-authorship Triple Helix tables and OpenAlex at scale."),
    ("plot", "Plotting", "Publication figures for every result type."),
    ("kazakhstan", "Kazakhstan case study",
     "The case study of Dnishev, Alzhanova & Alibekova (2015): its graph, report and the "
     "reproduction of every table and figure."),
    ("datasets", "Datasets", "The bundled data, with provenance."),
    ("exceptions", "Exceptions and warnings", "The errors and warnings helixnet raises."),
]
LAYER_NAMES = [layer for layer, _, _ in LAYERS]

# today's flat modules -> layer (used only while helixnet.<layer> packages are missing)
_LEGACY = {
    "information": "information", "_core": "information", "uncertainty": "information",
    "decomposition": "information", "engines": "information", "_dask": "information",
    "krippendorff": "information", "game": "information", "triads": "information",
    "_triads_count": "information", "_triads_io": "information",
    "graphs": "networks", "_graphio": "networks", "_paths": "networks", "centrality": "networks",
    "brokerage": "networks", "hierarchy": "networks", "mediation": "networks",
    "configuration": "networks", "nullmodels": "networks", "sensitivity": "networks",
    "subordination": "networks",
    "bibliometrics": "bibliometrics", "_bibformats": "bibliometrics", "openalex": "bibliometrics",
    "_openalex_synth": "bibliometrics",
    "plot": "plot", "plot_game": "plot", "plot_triads": "plot", "plot_openalex": "plot",
    "_analyses": "kazakhstan", "reproduce": "kazakhstan", "_openalex_trends": "kazakhstan",
    "datasets": "datasets", "exceptions": "exceptions",
}
# names that are defined in a generic module but belong to the case study
_LEGACY_NAMES = {"kazakhstan_graph": "kazakhstan", "kazakhstan_report": "kazakhstan",
                 "KazakhstanReport": "kazakhstan"}


@dataclass
class Entry:
    """One public name: its documented path, object, kind and every public path it has."""

    qualname: str
    name: str
    obj: object
    kind: str  # "function", "class", "exception" or "data"
    layer: str
    aliases: set = field(default_factory=set)

    @property
    def module(self) -> str:
        return self.qualname.rsplit(".", 1)[0]


def _kind(obj) -> str:
    if inspect.isclass(obj):
        return "exception" if issubclass(obj, BaseException) else "class"
    if callable(obj):
        return "function"
    return "data"


def _defining_layer(name: str, obj, default: str) -> str:
    """The layer of the module that defines `obj` (data objects: `default`)."""
    if name in _LEGACY_NAMES and not _has_layer_packages():
        return _LEGACY_NAMES[name]
    module = getattr(obj, "__module__", None) if _kind(obj) != "data" else None
    if module and module.startswith("helixnet."):
        part = module.split(".")[1]
        if part in LAYER_NAMES:
            return part
        if part in _LEGACY:
            return _LEGACY[part]
    return default


def _has_layer_packages() -> bool:
    import helixnet

    root = Path(helixnet.__file__).parent
    return all((root / layer / "__init__.py").is_file() for layer in ("information", "networks"))


def _layer_modules() -> dict:
    """layer -> list of modules whose ``__all__`` are that layer's public names."""
    import helixnet

    out = {layer: [] for layer in LAYER_NAMES}
    if _has_layer_packages():
        for layer in LAYER_NAMES:
            out[layer].append(importlib.import_module(f"helixnet.{layer}"))
        return out
    for modname in sorted(getattr(helixnet, "_SUBMODULES", ())):  # today's public modules
        if modname in _LEGACY:
            out[_LEGACY[modname]].append(importlib.import_module(f"helixnet.{modname}"))
    return out


def public_api() -> dict:
    """layer -> list of :class:`Entry`, every public name of helixnet exactly once."""
    import helixnet

    entries: dict[int, Entry] = {}
    order: list[Entry] = []

    def add(qualname, name, obj, layer):
        key = id(obj) if _kind(obj) != "data" else (id(obj), name)
        if key in entries:
            entries[key].aliases.add(qualname)
            return
        e = Entry(qualname, name, obj, _kind(obj), layer, {qualname})
        entries[key] = e
        order.append(e)

    for name in helixnet.__all__:
        if name.startswith("__"):
            continue
        obj = getattr(helixnet, name)
        add(f"helixnet.{name}", name, obj, _defining_layer(name, obj, "information"))
    for layer, modules in _layer_modules().items():
        for module in modules:
            for name in getattr(module, "__all__", ()):
                obj = getattr(module, name)
                if inspect.ismodule(obj):
                    continue
                add(f"{module.__name__}.{name}", name, obj,
                    layer if module.__name__ == f"helixnet.{layer}" else _defining_layer(name, obj, layer))
    grouped = {layer: [] for layer in LAYER_NAMES}
    for e in order:
        grouped[e.layer].append(e)
    for layer in grouped:
        grouped[layer].sort(key=lambda e: (e.module != "helixnet", e.module, e.kind == "data", e.name.lower()))
    return grouped


# --------------------------------------------------------------------------- page writing


def _data_doc(entry: Entry) -> str:
    """The ``#:`` comment documenting a constant, looked up in the module that assigns it."""
    from sphinx.pycode import ModuleAnalyzer

    for modname, module in sorted(sys.modules.items()):
        if not modname.startswith("helixnet") or module is None:
            continue
        if entry.name not in vars(module) or vars(module)[entry.name] is not entry.obj:
            continue
        try:
            docs = ModuleAnalyzer.for_module(modname).find_attr_docs()
        except Exception:  # noqa: BLE001 - a module without source (none today) has no comments
            continue
        if ("", entry.name) in docs:
            return "\n".join(docs[("", entry.name)]).strip()
    return ""


def _page(entry: Entry) -> str:
    title = entry.qualname
    lines = [title, "=" * len(title), "", f".. currentmodule:: {entry.module}", ""]
    if entry.kind == "function":
        lines.append(f".. autofunction:: {entry.name}")
    elif entry.kind in ("class", "exception"):
        lines += [f".. autoclass:: {entry.name}", "   :members:"]
        if entry.kind == "exception":
            lines.append("   :show-inheritance:")
    else:
        doc = _data_doc(entry)
        value = repr(entry.obj)
        if len(value) > 300:
            value = value[:297] + "..."
        lines += [f".. py:data:: {entry.name}", f"   :value: {value}", ""]
        if doc:
            lines += [f"   {line}" if line else "" for line in doc.splitlines()]
    others = sorted(entry.aliases - {entry.qualname})
    if others:
        lines += ["", "Also available as " + ", ".join(f"``{a}``" for a in others) + "."]
    return "\n".join(lines) + "\n"


def _layer_page(layer, title, blurb, entries) -> str:
    lines = [title, "=" * len(title), ""]
    try:
        module = importlib.import_module(f"helixnet.{layer}")
    except ImportError:
        module = None
    if module is not None and getattr(module, "__path__", None) is not None or layer in ("datasets", "exceptions"):
        lines += [f".. automodule:: helixnet.{layer}", "   :no-members:", ""]
    else:
        lines += [blurb, ""]
    kinds = [("function", "Functions"), ("class", "Result and data classes"),
             ("exception", "Exceptions"), ("data", "Constants")]
    for kind, heading in kinds:
        group = [e for e in entries if e.kind == kind]
        if not group:
            continue
        lines += [heading, "-" * len(heading), ""]
        if kind == "data":  # autosummary would show the docstring of the value's type
            lines += [".. toctree::", "   :hidden:", ""]
            lines += [f"   generated/{e.qualname}" for e in group]
            lines += ["", ".. list-table::", "   :widths: 30 70", ""]
            for e in group:
                summary = _data_doc(e).split("\n\n")[0].replace("\n", " ") or " "
                lines += [f"   * - :data:`~{e.qualname}`", f"     - {summary}"]
            lines.append("")
            continue
        for module in sorted({e.module for e in group}, key=lambda m: (m != "helixnet", m)):
            lines += [f".. currentmodule:: {module}", "", ".. autosummary::",
                      "   :toctree: generated/", "   :nosignatures:", ""]
            lines += [f"   {e.name}" for e in group if e.module == module]
            lines.append("")
    return "\n".join(lines)


def write_pages(srcdir: Path) -> list[str]:
    """Write the API pages under ``srcdir/api``; return the qualified names documented."""
    api = Path(srcdir) / "api"
    generated = api / "generated"
    if generated.exists():
        shutil.rmtree(generated)
    generated.mkdir(parents=True)
    grouped = public_api()
    names = []
    index = ["API reference", "=============", "",
             "Every public name of helixnet, grouped by layer. ``import helixnet as hx`` exposes the "
             "names a user needs (``hx.synergy``, ``hx.centrality``, ...); the rest live in their "
             "layer (``helixnet.networks``, ...). These pages are generated from the package's "
             "``__all__`` lists at every build.", "",
             ".. toctree::", "   :maxdepth: 1", ""]
    for layer, title, blurb in LAYERS:
        entries = grouped[layer]
        if not entries:
            continue
        _write(api / f"{layer}.rst", _layer_page(layer, title, blurb, entries))
        index.append(f"   {layer}")
        for e in entries:
            _write(generated / f"{e.qualname}.rst", _page(e))
            names.append(e.qualname)
    _write(api / "index.rst", "\n".join(index) + "\n")
    return names


def _write(path: Path, text: str) -> None:
    # unchanged files keep their mtime, so Sphinx does not re-read them
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


# --------------------------------------------------------------------------- Sphinx hooks

_TARGETS: dict[str, str] = {}  # every public path and unique short name -> documented path
_SHORT: dict[str, list] = {}  # short name -> the entries of that name
_BY_QUALNAME: dict[str, Entry] = {}


def _builder_inited(app):
    write_pages(Path(app.srcdir))
    _TARGETS.clear()
    _SHORT.clear()
    _BY_QUALNAME.clear()
    for entries in public_api().values():
        for e in entries:
            _BY_QUALNAME[e.qualname] = e
            for alias in e.aliases:
                _TARGETS[alias] = e.qualname
            _SHORT.setdefault(e.name, []).append(e)
    for name, entries in _SHORT.items():
        if len(entries) == 1:
            _TARGETS.setdefault(name, entries[0].qualname)


def _has_attribute(cls, name: str) -> bool:
    """`name` is an attribute of `cls`: a class member (a property) or an entry of the
    Attributes section of its numpydoc docstring (instance attributes set in ``__init__``)."""
    from numpydoc.docscrape import NumpyDocString

    if hasattr(cls, name):
        return True
    try:
        documented = NumpyDocString(inspect.getdoc(cls) or "")["Attributes"]
    except Exception:  # noqa: BLE001 - a docstring numpydoc cannot parse has no Attributes section
        return False
    return any(name in [n.strip() for n in p.name.split(",")] for p in documented)


def _resolve_target(env, node) -> str | None:
    """The documented path a py reference to another public spelling stands for."""
    target = node.get("reftarget", "")
    reftype = node.get("reftype")
    if target in _TARGETS and _TARGETS[target] != target:
        return _TARGETS[target]
    refdoc = node.get("refdoc", "")
    page_entry = _BY_QUALNAME.get(refdoc.rsplit("/", 1)[-1]) if refdoc.startswith("api/generated/") else None
    if "." not in target and target in _SHORT and page_entry is not None:
        # a short name shared by several objects: the one defined next to the referring object
        home = getattr(page_entry.obj, "__module__", None)
        near = [e for e in _SHORT[target] if getattr(e.obj, "__module__", None) == home]
        if len(near) == 1:
            return near[0].qualname
    if reftype == "attr":
        # an attribute of a result class (``unit``, ``Class.field``, ``helixnet.x.Class.field``)
        # links to the class's page, where its Attributes section describes it
        owner, _, attr = target.rpartition(".")
        candidates = []
        if owner:
            key = _TARGETS.get(owner, owner)
            if key in _BY_QUALNAME:
                candidates.append(_BY_QUALNAME[key])
        else:
            cls_name = node.get("py:class")
            if cls_name:
                key = _TARGETS.get(f"{node.get('py:module')}.{cls_name}", _TARGETS.get(cls_name))
                if key in _BY_QUALNAME:
                    candidates.append(_BY_QUALNAME[key])
        for entry in candidates:
            if inspect.isclass(entry.obj) and _has_attribute(entry.obj, attr):
                return entry.qualname
    return None


def _missing_reference(app, env, node, contnode):
    if node.get("refdomain") != "py":
        return None
    resolved = _resolve_target(env, node)
    if resolved is None or resolved == node.get("reftarget"):
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(env, node["refdoc"], app.builder, "obj", resolved, node, contnode)


def setup(app):
    app.connect("builder-inited", _builder_inited)
    app.connect("missing-reference", _missing_reference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
