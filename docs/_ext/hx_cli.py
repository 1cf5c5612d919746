"""The CLI reference and the JSON schemas, generated from the code at every build.

``.. helixnet-cli::`` renders ``helixnet.cli.build_parser()``: one section per
subcommand with its usage line, description, options (flags, metavar, choices,
default, help) and example. ``.. helixnet-schemas::`` renders
``helixnet.cli._schemas.SCHEMAS``: one section per command with a table of the
top-level keys and the whole schema. Nothing is written by hand, so neither can
drift from the parser or the schemas the tests validate against.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

_COMMON = {"-h", "--help", "--debug", "--quiet"}


def _indent(text: str, n: int = 3) -> list[str]:
    return [(" " * n + line) if line.strip() else "" for line in text.splitlines()]


def _escape(text: str) -> str:
    """Inline text with rst markup characters neutralised (help strings are plain text)."""
    import re

    for ch in ("\\", "*", "`", "|", "_"):
        text = text.replace(ch, "\\" + ch)
    # options as literals, so "--force" is not typeset as an en dash
    text = re.sub(r"(?<![\w`-])(--?[a-z0-9][a-z0-9-]*)", r"``\1``", text)
    return " ".join(text.split())


def subcommands(parser: argparse.ArgumentParser) -> dict:
    """name -> subparser, in the order of ``helixnet --help``."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _option_rows(p: argparse.ArgumentParser) -> list[tuple[str, str]]:
    rows = []
    for a in p._actions:
        if isinstance(a, argparse._HelpAction):
            continue
        if a.option_strings:
            flags = ", ".join(a.option_strings)
            if a.nargs != 0:
                metavar = a.metavar or (a.dest.upper() if not a.choices else "{" + ",".join(map(str, a.choices)) + "}")
                if isinstance(metavar, tuple):
                    metavar = " ".join(metavar)
                flags += " " + metavar
        else:
            flags = a.metavar or a.dest
            if isinstance(flags, tuple):
                flags = " ".join(flags)
        text = a.help or ""
        if text == argparse.SUPPRESS:
            continue
        # argparse's %(default)s and friends, expanded as --help shows them
        text = text % {**vars(a), "prog": p.prog} if "%" in text else text
        extra = []
        if a.choices and a.option_strings and a.metavar:
            extra.append("one of " + ", ".join(f"``{c}``" for c in a.choices))
        if a.required:
            extra.append("required")
        if (a.default not in (None, False, argparse.SUPPRESS) and a.nargs != 0
                and "default" not in text):
            extra.append(f"default ``{a.default}``")
        rows.append((flags, _escape(text) + ("" if not extra else " (" + "; ".join(extra) + ")")))
    return rows


def cli_rst(parser: argparse.ArgumentParser) -> list[str]:
    lines = []
    lines += ["Usage:", "", ".. code-block:: text", ""] + _indent(parser.format_help()) + [""]
    for name, p in subcommands(parser).items():
        title = f"helixnet {name}"
        lines += [f".. _cli-{name}:", "", title, "-" * len(title), ""]
        lines += [".. code-block:: text", ""] + _indent(p.format_usage().strip()) + [""]
        if p.description:
            lines += [_escape(p.description), ""]
        lines += [".. list-table::", "   :header-rows: 1", "   :widths: 35 65", "",
                  "   * - Option", "     - Meaning"]
        for flags, text in _option_rows(p):
            lines += [f"   * - ``{flags}``", f"     - {text}"]
        lines.append("")
        if p.epilog:
            example = p.epilog.split("example:", 1)[-1].strip()
            lines += ["Example:", "", ".. code-block:: bash", ""] + _indent(example) + [""]
    return lines


def _type_of(schema: dict) -> str:
    if "const" in schema:
        return "``" + json.dumps(schema["const"]) + "``"
    if "enum" in schema:
        return "one of " + ", ".join("``" + json.dumps(v) + "``" for v in schema["enum"])
    t = schema.get("type")
    if isinstance(t, list):
        return " or ".join(t)
    if t == "array" and isinstance(schema.get("items"), dict) and schema["items"].get("type"):
        it = schema["items"]["type"]
        return f"array of {' or '.join(it) if isinstance(it, list) else it}"
    if t:
        return t
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return " or ".join(_type_of(s) for s in schema[key])
    return "any"


def schemas_rst(schemas: dict) -> list[str]:
    lines = []
    for command, schema in schemas.items():
        # the heading is the schema's own title: the command and the options giving this output
        title = schema.get("title", f"helixnet {command}")  # e.g. "helixnet subordination --sensitivity"
        lines += [f".. _schema-{command}:", "", title, "-" * len(title), ""]
        if schema.get("type") == "object" and "properties" in schema:
            required = set(schema.get("required", ()))
            lines += [".. list-table::", "   :header-rows: 1", "   :widths: 35 45 20", "",
                      "   * - Key", "     - Type", "     - Always present"]
            for key, sub in schema["properties"].items():
                lines += [f"   * - ``{key}``", f"     - {_type_of(sub)}",
                          f"     - {'yes' if key in required else 'no'}"]
            lines.append("")
        elif schema.get("type"):
            lines += [f"Top level: {_type_of(schema)}.", ""]
        lines += [".. code-block:: json", ""] + _indent(json.dumps(schema, indent=2)) + [""]
    return lines


class _GeneratedDirective(SphinxDirective):
    has_content = False

    def lines(self) -> list[str]:  # pragma: no cover - overridden
        raise NotImplementedError

    def run(self):
        import helixnet.cli

        # the page is rebuilt whenever the parser or the schemas change
        for source in sorted(Path(helixnet.cli.__file__).parent.glob("*.py")):
            self.env.note_dependency(str(source))
        node = nodes.section()
        node.document = self.state.document
        nested_parse_with_titles(self.state, StringList(self.lines(), source=self.get_source_info()[0]), node)
        return node.children


class CliDirective(_GeneratedDirective):
    def lines(self):
        from helixnet.cli import build_parser

        return cli_rst(build_parser())


class SchemasDirective(_GeneratedDirective):
    def lines(self):
        from helixnet.cli._schemas import SCHEMAS

        return schemas_rst(SCHEMAS)


def setup(app):
    app.add_directive("helixnet-cli", CliDirective)
    app.add_directive("helixnet-schemas", SchemasDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
