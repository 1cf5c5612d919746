"""The documentation site cannot drift from the package.

Expected sets come from the package itself, read here independently of the docs generators
(docs/_ext): the public names from ``helixnet.__all__`` and each layer's ``__all__``, the
subcommands and options from ``helixnet.cli.build_parser()``, the JSON contracts from
``helixnet.cli._schemas.SCHEMAS``, the gallery from ``analyses/*.py``. The built site is checked
through its Sphinx inventory (``objects.inv``) and HTML.
"""

import argparse
import importlib
import importlib.util
import inspect
import json
import re
from html.parser import HTMLParser

import pytest
from docs_site import DOCS, ROOT, built_site

LAYERS = ("information", "networks", "bibliometrics", "plot", "kazakhstan", "datasets", "exceptions")


def public_names() -> dict:
    """Every public path of helixnet -> its object (top level and every layer's ``__all__``)."""
    import helixnet

    names = {f"helixnet.{n}": getattr(helixnet, n) for n in helixnet.__all__ if not n.startswith("__")}
    for layer in LAYERS:
        module = importlib.import_module(f"helixnet.{layer}")
        for n in module.__all__:
            obj = getattr(module, n)
            if not inspect.ismodule(obj):
                names[f"helixnet.{layer}.{n}"] = obj
    return names


def _resolve(path: str):
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _subcommands() -> dict:
    from helixnet.cli import build_parser

    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def _long_options(parser) -> list[str]:
    return [o for a in parser._actions for o in a.option_strings if o.startswith("--") and o != "--help"]


class _Text(HTMLParser):
    """Visible text of an HTML page, and the text of each <section id=...> (nested sections included)."""

    def __init__(self):
        super().__init__()
        self.parts, self.sections, self._open = [], {}, []
        self.images = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self._open.append((attrs.get("id"), len(self.parts)))
        if tag == "img":
            self.images.append(attrs.get("src", ""))

    def handle_endtag(self, tag):
        if tag == "section" and self._open:
            sid, start = self._open.pop()
            if sid:
                self.sections[sid] = " ".join(self.parts[start:])

    def handle_data(self, data):
        self.parts.append(data)

    @property
    def text(self):
        return " ".join(self.parts)


def _page(path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# --------------------------------------------------------------------------- API reference


@pytest.fixture(scope="module")
def site():
    return built_site()


def _inventory(site) -> list[tuple[str, str, str]]:
    """(name, domain:role, uri) of every object in the site's ``objects.inv`` (format v2)."""
    import zlib

    raw = (site / "objects.inv").read_bytes()
    header_end = 0
    for _ in range(4):  # four comment lines, then the zlib stream
        header_end = raw.index(b"\n", header_end) + 1
    rows = []
    for line in zlib.decompress(raw[header_end:]).decode("utf-8").splitlines():
        m = re.match(r"(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+(\S+)\s+(.*)", line)
        if m:
            name, role, _, uri, _ = m.groups()
            rows.append((name, role, uri.replace("$", name)))
    return rows


def test_every_public_name_has_an_api_page(site):
    documented = {}  # (id(object), name) -> page, for the objects on a generated API page
    for name, role, uri in _inventory(site):
        if role in ("py:function", "py:class", "py:exception", "py:data") and uri.startswith("api/generated/"):
            documented.setdefault((id(_resolve(name)), name.rsplit(".", 1)[1]), uri.split("#")[0])
    missing = []
    for path, obj in public_names().items():
        page = documented.get((id(obj), path.rsplit(".", 1)[1]))
        if page is None or not (site / page).is_file():
            missing.append(path)
    assert missing == []


def test_api_pages_are_grouped_by_layer(site):
    # every object defined in a layer's private modules is listed on that layer's page
    for layer in ("information", "networks", "bibliometrics", "plot", "kazakhstan"):
        module = importlib.import_module(f"helixnet.{layer}")
        text = _page(site / "api" / f"{layer}.html").text
        for n in module.__all__:
            obj = getattr(module, n)
            if callable(obj) and getattr(obj, "__module__", "").startswith(f"helixnet.{layer}."):
                assert n in text, (layer, n)


# --------------------------------------------------------------------------- CLI


def test_cli_reference_page_has_every_subcommand_with_its_options(site):
    page = _page(site / "cli_reference.html")
    for name, parser in _subcommands().items():
        section = page.sections.get(f"helixnet-{name}")
        assert section is not None, name
        for option in _long_options(parser):
            assert option in section, (name, option)
        # the example, compared without whitespace (the highlighter splits tokens into spans)
        assert "".join(parser.epilog.split("example:", 1)[1].split()) in "".join(section.split()), name


def test_cli_guide_has_a_section_for_every_subcommand_naming_each_option():
    # docs/cli.md is hand-written; it must follow the parser: a "## name" heading (or
    # "## a, b, c") per subcommand whose text names every long option of the command
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    preamble, *sections = re.split(r"^## ", text, flags=re.M)
    by_command = {}
    for section in sections:
        heading = section.split("\n", 1)[0]
        for name in heading.split(","):
            by_command[name.strip()] = section
    common = ["--format", "--out", "--quiet", "--debug"]
    undocumented = []
    for name, parser in _subcommands().items():
        assert name in by_command, f"docs/cli.md has no '## {name}' section"
        for option in _long_options(parser):
            if option not in by_command[name] and not (option in common and option in preamble):
                undocumented.append(f"{name} {option}")
    assert undocumented == []


def test_cli_guide_json_examples_follow_the_schemas():
    # each ```json block of docs/cli.md under "## command" is either a whole output or one
    # top-level "key": value of it; it must validate against SCHEMAS[command]
    jsonschema = pytest.importorskip("jsonschema")
    from helixnet.cli._schemas import SCHEMAS

    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    checked = 0
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        command = section.split("\n", 1)[0].strip()
        for block in re.findall(r"```json\n(.*?)```", section, flags=re.S):
            schema = SCHEMAS[command]
            try:
                instance = json.loads(block)
            except json.JSONDecodeError:
                fragment = json.loads("{" + block + "}")
                ((key, instance),) = fragment.items()
                schema = {**schema["properties"][key], "$defs": schema.get("$defs", {})}
            jsonschema.validate(instance, schema)
            checked += 1
    assert checked >= 3


def test_schemas_page_shows_every_command_schema_and_key(site):
    from docutils.nodes import make_id

    from helixnet.cli._schemas import SCHEMAS

    page = _page(site / "schemas.html")
    for command, schema in SCHEMAS.items():
        section = page.sections.get(make_id(schema["title"]))  # one section per schema, by its title
        assert section is not None, command
        for key in schema.get("properties", {}):
            assert f"{key}" in section, (command, key)
        # the whole schema is shown as JSON: its "$schema" line and every required key, quoted
        flat = "".join(section.split())
        assert '"$schema":"https://json-schema.org/draft/2020-12/schema"' in flat, command
        for key in schema.get("required", ()):
            assert f'"{key}"' in flat, (command, key)


# --------------------------------------------------------------------------- gallery


SCRIPTS = sorted((ROOT / "analyses").glob("*.py"))


def test_every_analysis_script_has_a_gallery_page_with_a_figure(site):
    for script in SCRIPTS:
        page = site / "gallery" / f"{script.stem}.html"
        assert page.is_file(), script.name
        images = [src for src in _page(page).images if "sphx_glr_" + script.stem in src]
        assert images, script.name
        for src in images:
            assert (page.parent / src).resolve().is_file(), src


@pytest.mark.parametrize("stem", ["synergy", "table4_rd_personnel"])
def test_gallery_figure_is_the_one_the_script_writes(site, stem, tmp_path):
    # the script run directly (as tests/test_analyses.py does) writes <stem>.png; the gallery
    # must show that very image, byte for byte (same numbers, same drawing)
    spec = importlib.util.spec_from_file_location(f"gallery_{stem}", ROOT / "analyses" / f"{stem}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    page = site / "gallery" / f"{stem}.html"
    shown = [(page.parent / src).resolve() for src in _page(page).images if "sphx_glr_" + stem in src]
    assert any(p.read_bytes() == (tmp_path / f"{stem}.png").read_bytes() for p in shown)


# --------------------------------------------------------------------------- site


@pytest.mark.parametrize("page", ["getting_started", "theory/index", "guides/index", "gallery/index",
                                  "api/index", "cli", "cli_reference", "schemas", "data", "validation",
                                  "citing", "changelog", "contributing", "architecture", "references"])
def test_home_page_links_every_section(site, page):
    assert f'href="{page}.html"' in (site / "index.html").read_text(encoding="utf-8")
