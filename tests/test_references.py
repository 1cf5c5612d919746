"""One bibliography: every reference cited in a docstring, the README or a docs page is in docs/references.md.

Sources of truth: the docstrings themselves (read with ``ast``, so code strings do not count), the
README and the docs pages; the bibliography is ``docs/references.md``, one entry per ``(ref-key)=``
target. A DOI must appear in some entry; an author–year citation (the first surname and the year
of a References entry, and inline "Surname (2003)" / "Surname & Other 2014" / "Surname et al.
2024" citations) must match an entry that holds both the surname and the year.
"""

from __future__ import annotations

import ast
import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIB = ROOT / "docs" / "references.md"

DOI = re.compile(r"10\.\d{4,9}/[^\s,;`<>\]\"']+")
YEAR = r"(?:19[4-9]\d|20[0-2]\d)[ab]?"
# "Surname (2003)", "Surname 2003", "Surname & Other (2014", "Surname, Other & Third 2014",
# "Surname et al. 2024" -- the first surname and the year
INLINE = re.compile(
    rf"\b([A-Z][\w'\-]+)(?:,? (?:et al\.|(?:(?:&|and) |, )[A-Z][\w'\-]+(?:,? (?:&|and) [A-Z][\w'\-]+)?))?"
    rf",? \(?({YEAR})\b")
# words that look like "Name 2015" in the docstrings but are not author citations
NOT_AUTHORS = {
    "Kazakhstan", "Region", "Table", "Tables", "Fig", "Figure", "December", "November", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October", "Montenegro",
    "PY", "EY", "DP", "Measured", "Serbia", "Indicators", "Statistics", "Session", "Science",
    "Agency", "Python", "In", "Since", "From", "Until", "Year", "Years",
}


def fold(text: str) -> str:
    """Lower case without accents: Mêgnigbêto == Megnigbeto, Erdős == Erdos."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def bibliography() -> dict[str, str]:
    text = BIB.read_text(encoding="utf-8")
    parts = re.split(r"^\((ref-[a-z0-9-]+)\)=\n", text, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def clean_doi(doi: str) -> str:
    while True:
        stripped = doi.rstrip(".*_:")
        if stripped.endswith(")") and stripped.count(")") > stripped.count("("):
            stripped = stripped[:-1]
        if stripped == doi:
            return doi
        doi = stripped


def docstrings():
    for path in sorted((ROOT / "helixnet").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node, clean=True)
                if doc:
                    yield f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 1)}", doc


def references_sections(doc: str) -> list[str]:
    """Entries of a numpydoc References section (``.. [n]`` items or blank-line separated)."""
    m = re.search(r"^References\n-{5,}\n(.*?)(?=^\w[\w ]*\n-{5,}\n|\Z)", doc, re.S | re.M)
    if not m:
        return []
    body = m.group(1)
    items = re.split(r"\n(?=\.\. \[\d+\])|\n\s*\n", body)
    return [" ".join(i.split()) for i in items if i.strip()]


def first_author_year(entry: str):
    entry = re.sub(r"^\.\. \[\d+\]\s*", "", entry)
    m = re.match(rf"([A-Z][\w'\-]+(?: [a-z]+ [A-Z][\w'\-]+)?)[,.]? .*?\(?({YEAR})\)?", entry)
    if m:
        return m.group(1).split()[-1] if " van " in m.group(1) else m.group(1), m.group(2)[:4]
    return None


def citations():
    """(where, kind, key) for every DOI and author-year citation of docstrings, README and docs."""
    out = []
    texts = list(docstrings())
    texts.append(("README.md", (ROOT / "README.md").read_text(encoding="utf-8")))
    for page in sorted((ROOT / "docs").rglob("*.md")):
        if page != BIB:
            texts.append((str(page.relative_to(ROOT)), page.read_text(encoding="utf-8")))
    for where, text in texts:
        for doi in DOI.findall(text):
            out.append((where, "doi", clean_doi(doi)))
        if where.endswith(".md"):
            continue  # pages cite through {ref} targets, checked below
        for entry in references_sections(text):
            fy = first_author_year(entry)
            if fy and not DOI.search(entry):
                out.append((where, "author-year", fy))
        for surname, year in INLINE.findall(text):
            surname = re.sub(r"'s$", "", surname)
            if surname not in NOT_AUTHORS:
                out.append((where, "author-year", (surname, year[:4])))
    return out


def in_bibliography(kind, key, bib) -> bool:
    if kind == "doi":
        return any(fold(key) in fold(entry) for entry in bib.values())
    surname, year = key
    return any(fold(surname) in fold(entry) and year in entry for entry in bib.values())


def test_bibliography_parses_and_every_entry_states_its_audit_status():
    bib = bibliography()
    assert len(bib) >= 50
    for key, entry in bib.items():
        assert re.search(r"\*\*(checked|exists|not checked|book checked|chapter title not checked)",
                         entry, re.I), key
        assert "Cited for" in entry or "case study" in entry, key


def test_the_collector_finds_dois_reference_entries_and_inline_citations():
    """A hand-written docstring with one of each kind."""
    doc = ("Measure (Leydesdorff & Ivanova 2014).\n\nReferences\n----------\n"
           "Shannon, C. E. (1948). A theory. doi:10.1002/j.1538-7305.1948.tb01338.x\n\n"
           "Theil, H. (1972). *Statistical Decomposition Analysis*.\n")
    assert [first_author_year(e) for e in references_sections(doc)] == [("Shannon", "1948"), ("Theil", "1972")]
    assert INLINE.findall(doc)[0] == ("Leydesdorff", "2014")
    assert clean_doi("10.1016/S0048-7333(99)00055-4).") == "10.1016/S0048-7333(99)00055-4"
    assert clean_doi("10.1002/asi.22973):") == "10.1002/asi.22973"
    assert len(citations()) > 100


def test_a_missing_reference_is_reported():
    bib = bibliography()
    assert not in_bibliography("doi", "10.9999/not-a-real-doi", bib)
    assert not in_bibliography("author-year", ("Nobody", "1999"), bib)
    assert in_bibliography("author-year", ("Megnigbeto", "2018"), bib)  # accents folded


def test_every_cited_reference_is_in_the_bibliography():
    bib = bibliography()
    missing = sorted({(w, k, str(key)) for w, k, key in citations() if not in_bibliography(k, key, bib)})
    assert not missing, "\n".join(f"{w}: {k} {key}" for w, k, key in missing)


def test_every_ref_target_used_in_the_docs_exists():
    bib = bibliography()
    used = set()
    for page in (ROOT / "docs").rglob("*.md"):
        used |= set(re.findall(r"<(ref-[a-z0-9-]+)>`", page.read_text(encoding="utf-8")))
    assert used and used <= set(bib), sorted(used - set(bib))


def test_the_citation_that_failed_the_audit_is_not_back():
    """venn_table cited the th4 routine paper for Venn-count input; that routine reads case data."""
    import helixnet as hx

    notes = hx.venn_table.__doc__.split("References")[0]
    assert "Leydesdorff, Park & Lengyel" not in notes
    assert "10.1007/s11192-013-1079-4" not in hx.venn_table.__doc__
    assert "10.1023/A:1026253130577" in hx.venn_table.__doc__


@pytest.mark.parametrize("where", ["README.md"])
def test_readme_dois_are_in_the_bibliography(where):
    bib = bibliography()
    for doi in DOI.findall((ROOT / where).read_text(encoding="utf-8")):
        assert in_bibliography("doi", clean_doi(doi), bib), doi
