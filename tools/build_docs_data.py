"""Generate the tables of docs/data.md from data/datapackage.json and data/paper_inconsistencies.csv.

The page holds the generated text between ``<!-- BEGIN GENERATED: name -->`` and
``<!-- END GENERATED: name -->`` markers; everything else on the page is written by hand.
``python tools/build_docs_data.py`` rewrites the generated parts in place;
``python tools/build_docs_data.py --check`` exits 1 when the page is stale
(``tests/test_docs_guides.py`` runs the same check, so the page cannot drift from the data).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "data.md"
DATA = ROOT / "data"


def _cell(text) -> str:
    """One Markdown table cell: no newlines, pipes escaped."""
    return " ".join(str(text if text is not None else "").split()).replace("|", "\\|")


def _rows(path: Path) -> int:
    with path.open(newline="", encoding="utf-8") as f:
        return sum(1 for _ in csv.DictReader(f))


def datasets_table() -> str:
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    lines = ["| dataset | rows | what it holds | source in the paper | SHA-256 (first 12) |",
             "|---|---|---|---|---|"]
    for r in pkg["resources"]:
        source = "; ".join(s["title"] for s in r.get("sources", []))
        lines.append("| `{}` | {} | {} | {} | `{}` |".format(
            r["name"], _rows(DATA / r["path"]), _cell(r.get("title")), _cell(source),
            r["hash"].split(":", 1)[1][:12]))
    return "\n".join(lines)


def datasets_details() -> str:
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    out = []
    for r in pkg["resources"]:
        out.append(f"### `{r['name']}`\n")
        out.append(_cell(r.get("description")) + "\n")
        out.append("| column | type | unit | description |")
        out.append("|---|---|---|---|")
        for f in r["schema"]["fields"]:
            out.append("| `{}` | {} | {} | {} |".format(
                f["name"], f.get("type", ""), _cell(f.get("unit", "")), _cell(f.get("description", ""))))
        out.append("")
    return "\n".join(out).rstrip()


def inconsistencies_table() -> str:
    with (DATA / "paper_inconsistencies.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    lines = ["| issue | kind | where | printed | expected | description |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        where = "{} / {} / {}".format(r["resource"], r["row"], r["column"])
        lines.append("| `{}` | {} | {} | {} | {} | {} |".format(
            r["issue_id"], _cell(r["kind"]), _cell(where), _cell(r["printed_value"]),
            _cell(r["expected_value"]), _cell(r["description"])))
    return "\n".join(lines)


GENERATORS = {
    "datasets": datasets_table,
    "dataset-details": datasets_details,
    "inconsistencies": inconsistencies_table,
}


def render(page: str) -> str:
    """The page with every generated block replaced by a fresh rendering."""
    for name, make in GENERATORS.items():
        pattern = re.compile(
            rf"(<!-- BEGIN GENERATED: {re.escape(name)} -->\n).*?(<!-- END GENERATED: {re.escape(name)} -->)",
            re.S)
        if not pattern.search(page):
            raise SystemExit(f"{PAGE}: no generated block named {name!r}")
        body = make()
        page = pattern.sub(lambda m, body=body: m.group(1) + body + "\n" + m.group(2), page)
    return page


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    page = PAGE.read_text(encoding="utf-8")
    fresh = render(page)
    if "--check" in argv:
        if fresh != page:
            print(f"{PAGE} is stale: run python tools/build_docs_data.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
