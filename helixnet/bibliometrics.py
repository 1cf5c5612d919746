"""Co-authorship Triple Helix from Web of Science, Scopus and OpenAlex records.

The standard empirical use of the Triple Helix indicator counts documents by
the sectors of their institutional addresses (Leydesdorff 2003; Park, Hong &
Leydesdorff 2005; Leydesdorff & Sun 2009): a document co-authored by a
university and a firm falls in the ``UI`` cell, one with a university, a firm
and a ministry in ``UIG``, one with none of them in ``none``. This module

* reads bibliographic exports (Web of Science plain text and tab-delimited,
  Scopus CSV, OpenAlex works as JSON lines), detecting the format from the
  file's contents and dropping duplicate records across files;
* classifies each address into a sector (U science, I business,
  G government, O other) by transparent, editable rules: the ROR type of an
  OpenAlex institution, else ordered patterns on the address text
  (``helixnet/rules/address_rules.csv``), every decision explainable by the
  rule that fired;
* counts documents per Venn cell and computes T_UIG (and the four-dimensional
  version with international co-authorship as ``F``) per year or country,
  with bootstrap intervals;
* builds the institution co-authorship network for centrality and
  subordination analysis.

References
----------
Leydesdorff, L. (2003). The mutual information of university-industry-
government relations: An indicator of the Triple Helix dynamics.
Scientometrics 58(2), 445-467. doi:10.1023/A:1026253130577

Park, H. W., Hong, H. D. & Leydesdorff, L. (2005). A comparison of the
knowledge-based innovation systems in the economies of South Korea and the
Netherlands using Triple Helix indicators. Scientometrics 65(1), 3-27.
doi:10.1007/s11192-005-0257-4

Leydesdorff, L. & Sun, Y. (2009). National and international dimensions of
the Triple Helix in Japan: University-industry-government versus
international coauthorship relations. JASIST 60(4), 778-788.
doi:10.1002/asi.20997
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from helixnet.exceptions import HelixnetValueError, InputFileError

__all__ = [
    "Records",
    "read_records",
    "detect_format",
    "load_rules",
    "load_ror_types",
    "classify_address",
    "classify",
    "audit",
    "document_sectors",
    "venn_counts",
    "synergy_table",
    "coauthorship_network",
]

FORMATS = ("wos", "wos_tab", "scopus", "openalex")
_RULES_DIR = Path(__file__).resolve().parent / "rules"
_ADDRESS_COLUMNS = [
    "doc_id",
    "address",
    "organisation",
    "country",
    "institution",
    "ror_type",
]
_DOCUMENT_COLUMNS = ["doc_id", "year", "title", "source_format", "file"]


# ----------------------------------------------------------------------------------------
# records


@dataclass
class Records:
    """Documents and their addresses, read from one or more export files.

    Attributes
    ----------
    documents : pandas.DataFrame
        One row per distinct document: ``doc_id`` (UT, EID or OpenAlex id),
        ``year`` (nullable integer), ``title``, ``source_format`` (one of
        ``wos``, ``wos_tab``, ``scopus``, ``openalex``) and ``file``.
    addresses : pandas.DataFrame
        One row per address of a document: ``doc_id``, ``address`` (as
        written), ``organisation`` (the address without city and country),
        ``country`` (ISO 3166 alpha-2 code or ``<NA>``), ``institution`` (a
        name for the network) and ``ror_type`` (OpenAlex only). After
        :func:`classify` also ``sector`` and ``rule``.
    duplicates_dropped : int
        Records met again (same id) in the files and counted once.
    files : list of str
    """

    documents: object
    addresses: object
    duplicates_dropped: int = 0
    files: list = field(default_factory=list)

    @property
    def n_records(self) -> int:
        """Number of distinct documents."""
        return len(self.documents)


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
    text = text.lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect_format(text: str) -> str:
    """Name the export format of `text` from its contents.

    Returns one of ``"wos"`` (Web of Science plain text: tagged lines
    ``FN``/``PT``/``AU``... ending records with ``ER``), ``"wos_tab"`` (Web of
    Science tab-delimited: a header row of field tags including ``UT``),
    ``"scopus"`` (Scopus CSV: a header with ``EID``) or ``"openalex"`` (JSON
    lines of works).

    Examples
    --------
    >>> detect_format("FN Clarivate Analytics Web of Science\\nVR 1.0\\nPT J\\n")
    'wos'
    >>> detect_format('{"id": "https://openalex.org/W1", "authorships": []}\\n')
    'openalex'
    """
    head = text.lstrip("\ufeff \n\t")
    first = head.split("\n", 1)[0]
    if head.startswith("{"):
        return "openalex"
    if re.match(r"^(FN|VR|PT) ", first):
        return "wos"
    cells = first.split("\t")
    if len(cells) > 3 and "UT" in cells and "PT" in cells:
        return "wos_tab"
    if "EID" in first and ("," in first):
        return "scopus"
    raise InputFileError(
        "unrecognised export format: expected Web of Science plain text (FN/PT lines), "
        "Web of Science tab-delimited (a PT ... UT header), Scopus CSV (an EID column) "
        f"or OpenAlex JSON lines; the file starts with {first[:60]!r}"
    )


def _country_table() -> dict:
    return {name.lower(): iso for name, iso in _read_rules_csv("countries.csv", ("name", "iso2"))}


@lru_cache(maxsize=None)
def _read_rules_csv(name: str, columns: tuple) -> tuple:
    with open(_RULES_DIR / name, encoding="utf-8", newline="") as fh:
        return tuple(tuple(row[c] for c in columns) for row in csv.DictReader(fh))


def _split_address(address: str, countries: dict):
    """(organisation, country) of a written address."""
    parts = [p.strip() for p in address.strip().rstrip(".").split(",") if p.strip()]
    if not parts:
        return "", None
    last = parts[-1]
    country = countries.get(last.lower())
    if country is None:
        # "CA 94305 USA", "Almaty 050040 Kazakhstan"
        words = last.split()
        for n in (3, 2, 1):
            if len(words) >= n and " ".join(words[-n:]).lower() in countries:
                country = countries[" ".join(words[-n:]).lower()]
                break
    if len(parts) >= 4 and re.fullmatch(r"[A-Z]{2,3}", parts[-2]):
        # Scopus writes "Org, College Station, TX, United States": drop state and city
        parts = parts[:-1]
    org_parts = parts[:-2] if len(parts) >= 3 else parts[:-1] if len(parts) == 2 else parts
    return ", ".join(org_parts), country


def _wos_addresses(entries: list[str]) -> list[str]:
    out = []
    for entry in entries:
        entry = entry.strip()
        if not entry:
            continue
        # drop the "[Author, A; Author, B]" group that opens an address (a "[" later in
        # an address is part of its name), then split the addresses at ";"
        entry = re.sub(r"(^|;)\s*\[[^\]]*\]", r"\1", entry)
        out.extend(a.strip() for a in entry.split(";"))
    return [a.rstrip(".").strip() for a in out if a.rstrip(".").strip()]


def _parse_wos(text: str, name: str) -> list[dict]:
    records, current, tag = [], None, None
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if line.startswith("   ") and current is not None and tag is not None:
            current.setdefault(tag, []).append(line.strip())
            continue
        tag, value = line[:2], line[3:].strip()
        if tag in ("FN", "VR", "EF"):
            tag = None
            continue
        if tag == "ER":
            if current is None:
                raise InputFileError(f"{name}: line {lineno}: ER without a record")
            records.append(current)
            current, tag = None, None
            continue
        if tag == "PT":
            current = {}
        if current is None:
            raise InputFileError(f"{name}: line {lineno}: field {tag!r} outside a record (no PT)")
        current.setdefault(tag, []).append(value)
    if current:
        raise InputFileError(f"{name}: the last record has no ER line (truncated file?)")
    out = []
    for rec in records:
        if "UT" not in rec:
            raise InputFileError(f"{name}: a record has no UT (accession number)")
        out.append(
            {
                "doc_id": rec["UT"][0],
                # early-access records carry EY (early-access year) and no PY
                "year": (rec.get("PY") or rec.get("EY") or [None])[0],
                "title": " ".join(rec.get("TI", [])),
                "addresses": [{"address": a} for a in _wos_addresses(rec.get("C1", []))],
            }
        )
    return out


def _parse_wos_tab(text: str, name: str) -> list[dict]:
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    col = {h.strip(): i for i, h in enumerate(header)}
    out = []
    for lineno, row in enumerate(reader, start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) < col["UT"] + 1:
            raise InputFileError(f"{name}: line {lineno}: {len(row)} fields, header has {len(header)}")

        def get(tag):
            i = col.get(tag)
            return row[i].strip() if i is not None and i < len(row) else ""

        out.append(
            {
                "doc_id": get("UT"),
                "year": get("PY") or get("EY") or None,
                "title": get("TI"),
                "addresses": [{"address": a} for a in _wos_addresses([get("C1")])],
            }
        )
    return out


def _parse_scopus(text: str, name: str) -> list[dict]:
    reader = csv.DictReader(io.StringIO(text))
    fields = reader.fieldnames or []
    if "EID" not in fields:
        raise InputFileError(f"{name}: Scopus export without an EID column; columns: {', '.join(fields)}")
    out = []
    for lineno, row in enumerate(reader, start=2):
        if None in row:
            raise InputFileError(f"{name}: line {lineno}: more fields than the header has")
        affiliations = [a.strip() for a in (row.get("Affiliations") or "").split(";") if a.strip()]
        if not affiliations:
            # "Surname, I., Org, City, Country; Surname2, J., Org2, ..." : drop the name parts
            for entry in (row.get("Authors with affiliations") or "").split(";"):
                parts = [p.strip() for p in entry.split(",")]
                if len(parts) > 2:
                    affiliations.append(", ".join(parts[2:]))
        out.append(
            {
                "doc_id": row["EID"].strip(),
                "year": (row.get("Year") or "").strip() or None,
                "title": (row.get("Title") or "").strip(),
                "addresses": [{"address": a} for a in dict.fromkeys(affiliations)],
            }
        )
    return out


def _parse_openalex(text: str, name: str) -> list[dict]:
    out = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            work = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputFileError(f"{name}: line {lineno}: not valid JSON ({exc.msg})") from None
        if not isinstance(work, dict) or "id" not in work:
            raise InputFileError(f"{name}: line {lineno}: a work without an 'id'")
        addresses = []
        for authorship in work.get("authorships") or []:
            institutions = authorship.get("institutions") or []
            for inst in institutions:
                if not isinstance(inst, dict):
                    continue
                addresses.append(
                    {
                        "address": inst.get("display_name") or "",
                        "institution": inst.get("display_name") or inst.get("id"),
                        "country": inst.get("country_code"),
                        "ror_type": inst.get("type"),
                    }
                )
            if not institutions:
                for raw in authorship.get("raw_affiliation_strings") or []:
                    addresses.append({"address": raw})
        out.append(
            {
                "doc_id": work["id"],
                "year": work.get("publication_year"),
                "title": work.get("display_name") or work.get("title") or "",
                "addresses": addresses,
            }
        )
    return out


_PARSERS = {
    "wos": _parse_wos,
    "wos_tab": _parse_wos_tab,
    "scopus": _parse_scopus,
    "openalex": _parse_openalex,
}


def read_records(paths, format: str = "auto") -> Records:
    """Read bibliographic export files into :class:`Records`.

    Parameters
    ----------
    paths : str, path or list of them
        Web of Science plain-text or tab-delimited exports, Scopus CSV
        exports or OpenAlex works as JSON lines; a byte-order mark, CRLF line
        ends and UTF-16 (as WoS tab-delimited files often are) are handled.
    format : {"auto", "wos", "wos_tab", "scopus", "openalex"}
        ``"auto"`` detects each file's format from its contents
        (:func:`detect_format`).

    Returns
    -------
    Records
        A document met again in a later file (same UT, EID or OpenAlex id)
        is kept once; ``duplicates_dropped`` counts the others. Identifiers
        are compared as written, so the same paper exported from Web of
        Science (UT) and from Scopus (EID) or OpenAlex (W id) counts twice:
        combine exports of one database, or deduplicate by DOI beforehand.

    Raises
    ------
    helixnet.InputFileError
        For a missing, empty or malformed file; the message names the file
        and the line.

    Examples
    --------
    >>> import tempfile, os
    >>> wos = ("FN Clarivate Analytics Web of Science\\nVR 1.0\\nPT J\\n"
    ...        "C1 [Abenov, A] Al Farabi Kazakh Natl Univ, Almaty 050040, Kazakhstan.\\n"
    ...        "   [Lee, K] Samsung Elect Co Ltd, Suwon 16677, South Korea.\\n"
    ...        "PY 2014\\nUT WOS:000000000000001\\nER\\n\\nEF\\n")
    >>> path = os.path.join(tempfile.mkdtemp(), "savedrecs.txt")
    >>> _ = open(path, "w").write(wos)
    >>> recs = classify(read_records(path))
    >>> recs.addresses[["country", "sector", "rule"]].values.tolist()
    [['KZ', 'U', 'university'], ['KR', 'I', 'company']]
    """
    import pandas as pd

    if isinstance(paths, (str, Path)):
        paths = [paths]
    if format != "auto" and format not in FORMATS:
        raise HelixnetValueError(f"unknown format {format!r}; choose auto or one of {', '.join(FORMATS)}")
    countries = _country_table()
    docs, addrs, seen, dropped = [], [], set(), 0
    for path in paths:
        path = Path(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise InputFileError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise InputFileError(f"{path}: is a folder, not a file") from None
        text = _decode(raw, str(path))
        if not text.strip():
            raise InputFileError(f"{path}: the file is empty")
        fmt = detect_format(text) if format == "auto" else format
        try:
            parsed = _PARSERS[fmt](text, str(path))
        except (csv.Error, StopIteration, KeyError) as exc:
            raise InputFileError(f"{path}: not a readable {fmt} export ({exc})") from None
        for rec in parsed:
            if rec["doc_id"] in seen:
                dropped += 1
                continue
            seen.add(rec["doc_id"])
            docs.append(
                {
                    "doc_id": rec["doc_id"],
                    "year": _year(rec["year"], path, rec["doc_id"]),
                    "title": rec["title"],
                    "source_format": fmt,
                    "file": str(path),
                }
            )
            for a in rec["addresses"]:
                org, country = _split_address(a["address"], countries)
                if fmt == "openalex" and "institution" in a:
                    # an institution's display name is the organisation; a raw
                    # affiliation string is cut like a WoS address
                    org = a["address"]
                    country = a.get("country") or country
                addrs.append(
                    {
                        "doc_id": rec["doc_id"],
                        "address": a["address"],
                        "organisation": org,
                        "country": country,
                        "institution": a.get("institution"),
                        "ror_type": a.get("ror_type"),
                    }
                )
    documents = pd.DataFrame(docs, columns=_DOCUMENT_COLUMNS)
    documents["year"] = documents["year"].astype("Int64")
    addresses = pd.DataFrame(addrs, columns=_ADDRESS_COLUMNS)
    for col in ("doc_id", "address", "organisation", "country", "institution", "ror_type"):
        addresses[col] = addresses[col].astype("string")
    return Records(documents, addresses, dropped, [str(p) for p in paths])


def _year(value, path, doc_id):
    if value in (None, ""):
        return None
    try:
        return int(str(value).strip()[:4])
    except ValueError:
        raise InputFileError(f"{path}: record {doc_id}: year {value!r} is not a number") from None


# ----------------------------------------------------------------------------------------
# classification


def load_rules():
    """The address classification rules, as an editable DataFrame.

    Columns: ``rule_id``, ``precedence`` (lower is tried first), ``sector``
    (U, I, G or O), ``pattern`` (a case-insensitive Python regular expression
    matched against each comma-separated part of the organisation),
    ``country`` (ISO code: the rule applies to that country only and is tried
    before every general rule; empty: all countries) and ``description``.
    Pass a modified copy to :func:`classify` as ``rules=``.
    """
    import pandas as pd

    rules = pd.read_csv(_RULES_DIR / "address_rules.csv", dtype=str, keep_default_na=False)
    rules["precedence"] = rules["precedence"].astype(int)
    return rules


def load_ror_types():
    """The mapping of ROR organisation types to sectors (editable DataFrame).

    Columns ``ror_type``, ``sector`` and ``reason``: education → U,
    company → I, government → G, the rest → O by default (facility and
    funder → G; see the reasons).
    """
    import pandas as pd

    return pd.read_csv(_RULES_DIR / "ror_types.csv", dtype=str, keep_default_na=False)


def _compile_rules(rules):
    compiled = []
    for row in rules.sort_values(["precedence", "rule_id"], kind="stable").itertuples():
        if row.sector not in ("U", "I", "G", "O"):
            raise HelixnetValueError(f"rule {row.rule_id!r} has sector {row.sector!r}; expected U, I, G or O")
        try:
            rx = re.compile(row.pattern, re.IGNORECASE)
        except re.error as exc:
            raise HelixnetValueError(f"rule {row.rule_id!r}: invalid pattern ({exc})") from None
        compiled.append((row.rule_id, row.sector, rx, row.country or None))
    return compiled


def _classify_one(organisation: str, country, compiled):
    parts = [p.strip() for p in organisation.split(",")] or [organisation]
    ordered = [r for r in compiled if r[3] is not None and r[3] == country] + [
        r for r in compiled if r[3] is None
    ]
    for rule_id, sector, rx, _ in ordered:
        for part in parts:
            if rx.search(part):
                return sector, rule_id, part
    return None, None, None


def classify_address(address: str, country: str | None = None, rules=None) -> dict:
    """Sector of one written address, with the rule that decided it.

    The address is cut into organisation, city and country as Web of Science
    and Scopus write them (``Org, Subunit, City, Country``); the rules are
    matched against the organisation's comma-separated parts. Rules for the
    address's country come first, then the general ones by precedence; the
    first rule that matches any part decides.

    Returns
    -------
    dict
        ``sector`` (U, I, G, O or None when no rule fires), ``rule``
        (its ``rule_id``), ``matched`` (the part it matched), ``organisation``
        and ``country``.

    Examples
    --------
    An address naming a university is U even when it also says "Natl"
    (the university rule precedes the national one):

    >>> classify_address("Al Farabi Kazakh Natl Univ, Dept Phys, Almaty 050040, Kazakhstan")["sector"]
    'U'
    >>> r = classify_address("Natl Ctr Biotechnol, Astana 010000, Kazakhstan")
    >>> r["sector"], r["rule"]
    ('G', 'national')
    >>> classify_address("Kazatomprom, Astana, Kazakhstan")["rule"]
    'kz_national_companies'
    """
    countries = _country_table()
    org, found = _split_address(address, countries)
    country = country or found
    compiled = _compile_rules(load_rules() if rules is None else rules)
    sector, rule, matched = _classify_one(org, country, compiled)
    return {"sector": sector, "rule": rule, "matched": matched, "organisation": org, "country": country}


def classify(records: Records, rules=None, ror_types=None) -> Records:
    """Assign a sector to every address of `records`.

    OpenAlex institutions are classified by their ROR ``type`` through
    :func:`load_ror_types` (rule ``ror:<type>``); every other address by the
    rules of :func:`load_rules` (see :func:`classify_address`). An address no
    rule classifies gets sector ``<NA>``; :func:`audit` lists them.

    Returns
    -------
    Records
        A new object whose ``addresses`` has two more columns, ``sector`` and
        ``rule``, and whose ``institution`` is filled with the part of the
        address that fired the rule (or its first part).
    """
    import pandas as pd

    compiled = _compile_rules(load_rules() if rules is None else rules)
    ror = load_ror_types() if ror_types is None else ror_types
    ror_map = dict(zip(ror["ror_type"], ror["sector"]))
    addresses = records.addresses.copy()
    sectors, rule_ids, institutions = [], [], []
    cache = {}
    for org, country, rtype, inst in zip(
        addresses["organisation"], addresses["country"], addresses["ror_type"], addresses["institution"]
    ):
        country = None if pd.isna(country) else country
        if not pd.isna(rtype):
            sectors.append(ror_map.get(rtype, ror_map.get("other", "O")))
            rule_ids.append(f"ror:{rtype}")
            institutions.append(inst)
            continue
        key = (org, country)
        if key not in cache:
            cache[key] = _classify_one(org, country, compiled)
        sector, rule, matched = cache[key]
        sectors.append(sector)
        rule_ids.append(rule)
        institutions.append(inst if not pd.isna(inst) else (matched or org.split(",")[0].strip()))
    addresses["institution"] = pd.array(institutions, dtype="string")
    addresses["sector"] = pd.array(sectors, dtype="string")
    addresses["rule"] = pd.array(rule_ids, dtype="string")
    return Records(records.documents, addresses, records.duplicates_dropped, records.files)


def _classified(records: Records) -> Records:
    return records if "sector" in records.addresses.columns else classify(records)


def audit(records: Records):
    """Addresses no rule classified, most frequent first.

    Returns
    -------
    pandas.DataFrame
        Columns ``organisation``, ``country``, ``n_addresses`` and
        ``n_documents``, sorted by ``n_addresses`` (descending) then
        organisation: the list to read when adding rules.
    """
    import pandas as pd

    a = _classified(records).addresses
    u = a[a["sector"].isna()]
    if u.empty:
        return pd.DataFrame(
            {"organisation": pd.Series(dtype="string"), "country": pd.Series(dtype="string"),
             "n_addresses": pd.Series(dtype="int64"), "n_documents": pd.Series(dtype="int64")}
        )
    g = u.groupby(["organisation", "country"], dropna=False, sort=False)
    out = g.agg(n_addresses=("doc_id", "size"), n_documents=("doc_id", "nunique")).reset_index()
    out = out.sort_values(["n_addresses", "organisation"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


# ----------------------------------------------------------------------------------------
# counting


def document_sectors(records: Records, country: str | None = None):
    """Each document's sector set: the union over its addresses.

    Parameters
    ----------
    records : Records
    country : str, optional
        ISO code of a focus country. When given, only documents with at least
        one address in that country are kept, and ``F`` (international
        co-authorship) marks documents that also have an address abroad;
        without it, ``F`` marks documents with addresses in two or more
        countries.

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``year``, boolean ``U``, ``I``, ``G``, ``O``, ``F`` and
        ``countries`` (sorted, ";"-joined ISO codes).
    """
    import pandas as pd

    recs = _classified(records)
    a = recs.addresses
    docs = recs.documents[["doc_id", "year"]].copy()
    for s in ("U", "I", "G", "O"):
        hit = set(a.loc[a["sector"] == s, "doc_id"])
        docs[s] = docs["doc_id"].isin(hit)
    by_doc = {}
    for doc, c in zip(a["doc_id"], a["country"]):
        if isinstance(c, str):
            by_doc.setdefault(doc, set()).add(c)
    clist = pd.Series([sorted(by_doc.get(d, ())) for d in docs["doc_id"]], index=docs.index, dtype=object)
    if country is not None:
        country = country.upper()
        keep = clist.apply(lambda cs: country in cs)
        docs, clist = docs[keep], clist[keep]
        docs["F"] = clist.apply(lambda cs: any(c != country for c in cs))
    else:
        docs["F"] = clist.apply(lambda cs: len(cs) >= 2)
    docs["countries"] = clist.apply(";".join).astype("string")
    return docs.reset_index(drop=True)


def _documents_with_address(records) -> set:
    """doc_ids with at least one non-empty address (of any sector, classified or not)."""
    a = records.addresses
    text = a["address"].astype("string").str.strip()
    return set(a.loc[text.notna() & (text != ""), "doc_id"])


def _cells(dims):
    return ["".join(c) for r in range(1, len(dims) + 1) for c in combinations(dims, r)]


def venn_counts(records: Records, by: str | None = None, country: str | None = None,
                international: bool = False, no_address: str = "exclude"):
    """Documents per Venn cell of their sector set.

    A document falls in exactly one cell: the set of U, I, G (and, with
    ``international=True``, F) it has; ``none`` counts documents with none of
    them, e.g. with only O or unclassified addresses (it is the all-absent
    cell of :func:`helixnet.venn_table`, which changes T by an order of
    magnitude, so it is always reported). Documents with no address at all
    are left out by default and counted in ``n_no_address`` (see
    `no_address`).

    Parameters
    ----------
    records : Records
    by : {None, "year", "country"}
        Count per year, or per country (a document counts once in each
        country it has an address in). Documents without a year (without
        any country) form a last row whose group is ``<NA>``.
    country : str, optional
        Focus country (see :func:`document_sectors`).
    international : bool
        Add F as a fourth dimension (Leydesdorff & Sun 2009).
    no_address : {"exclude", "none"}
        Documents without any address: "exclude" (default) leaves them out
        of ``n_records`` and every cell; "none" counts them in ``none``.
        Either way ``n_no_address`` reports how many there are.

    Returns
    -------
    pandas.DataFrame
        Columns: the grouping column (when `by` is given), ``n_records``, the
        cells ``U, I, G, UI, UG, IG, UIG`` (15 cells with F), ``none`` and
        ``n_no_address``.

    Notes
    -----
    A document without an address says nothing about the sectors of its
    authors: it is missing data, not evidence of a document outside U, I
    and G, and putting it in ``none`` changes T (7 of 32, 41 of 500 and 13
    of 220 documents in real exports had none). It is therefore excluded by
    default, as a case with a missing value is, and counted so the
    exclusion can be seen; documents whose addresses are all O or
    unclassified stay in ``none``. No published statement of how
    Leydesdorff's routines (Leydesdorff, Park & Lengyel 2014,
    doi:10.1007/s11192-013-1079-4) treat address-less records could be
    verified; the choice follows the usual treatment of missing values.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "year": [2014, 2014]})
    >>> addrs = pd.DataFrame({"doc_id": ["a", "a", "b"],
    ...     "address": ["Univ X, Almaty, Kazakhstan", "Ltd Y, Almaty, Kazakhstan", "Hosp Z, Astana, Kazakhstan"],
    ...     "organisation": ["Univ X", "Ltd Y", "Hosp Z"], "country": ["KZ"] * 3,
    ...     "institution": [None] * 3, "ror_type": [None] * 3})
    >>> venn_counts(Records(docs, addrs))[["n_records", "UI", "none", "n_no_address"]].values.tolist()
    [[2, 1, 1, 0]]
    """
    import pandas as pd

    if by not in (None, "year", "country"):
        raise HelixnetValueError(f"by must be None, 'year' or 'country', not {by!r}")
    if no_address not in ("exclude", "none"):
        raise HelixnetValueError(f"no_address must be 'exclude' or 'none', not {no_address!r}")
    dims = ("U", "I", "G", "F") if international else ("U", "I", "G")
    cells = _cells(dims)
    ds = document_sectors(records, country=country)
    ds = ds.assign(_no_address=~ds["doc_id"].isin(_documents_with_address(records)))
    key = ds[list(dims)].apply(lambda r: "".join(d for d, v in zip(dims, r) if v), axis=1) if len(ds) else pd.Series(dtype=str)
    ds = ds.assign(cell=key.replace("", "none") if len(ds) else key)
    if by == "country":
        ds = ds.assign(country=ds["countries"].str.split(";")).explode("country")
        ds["country"] = ds["country"].replace("", None)
    groups = [(None, ds)] if by is None else sorted(ds.groupby(by, sort=True), key=lambda kv: kv[0])
    if by is not None and ds[by].isna().any():
        # documents without a year (or any country) form a last row, so the rows add up
        groups.append((None, ds[ds[by].isna()]))
    rows = []
    for g, part in groups:
        missing = part["_no_address"]
        if no_address == "exclude":
            part = part[~missing]
        counts = part["cell"].value_counts()
        row = {} if by is None else {by: g}
        row["n_records"] = len(part)
        for c in cells + ["none"]:
            row[c] = int(counts.get(c, 0))
        row["n_no_address"] = int(missing.sum())
        rows.append(row)
    columns = ([] if by is None else [by]) + ["n_records"] + cells + ["none", "n_no_address"]
    out = pd.DataFrame(rows, columns=columns)
    if by == "year":
        out["year"] = out["year"].astype("Int64")
    elif by == "country":
        out["country"] = out["country"].astype("string")
    return out


def synergy_table(records: Records, by: str | None = "year", country: str | None = None,
                  international: bool = False, n_boot: int = 0, seed=None, ci: float = 0.95,
                  unit: str = "bit", no_address: str = "exclude"):
    """T_UIG (or T_UIGF) from the Venn counts, per year or country.

    Parameters
    ----------
    records : Records
    by, country, international, no_address
        As in :func:`venn_counts`.
    n_boot : int
        Bootstrap replicates for the interval of T (0: no interval, the
        columns are NaN).
    seed : int, optional
        Seed of the bootstrap.
    ci : float
        Confidence level of the percentile interval.
    unit : {"bit", "mbit", "nat"}

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`venn_counts` plus ``k`` (number of dimensions:
        3, or 4 with `international`), ``T`` (co-information, dit's sign),
        ``ci_low`` and ``ci_high`` (its interval), ``R`` (mutual redundancy
        :math:`(-1)^{k+1} T`), ``R_ci_low`` and ``R_ci_high`` (the same
        interval read for R); fixed whatever `n_boot` and `international`
        are. T is NaN where the group has no documents.

    Notes
    -----
    Negative R is synergy in any number of dimensions; negative T only in
    three. With `international` (four dimensions, U, I, G, F) R = -T, so
    a *positive* T_UIGF is synergy (Leydesdorff & Ivanova 2014,
    *JASIST* 65(2), 386-399, doi:10.1002/asi.22973). Read ``R`` to compare
    three- and four-dimensional values.
    """
    import numpy as np

    from helixnet._validation import check_count, check_seed
    from helixnet.information import mutual_information, venn_table
    from helixnet.uncertainty import bootstrap

    n_boot, seed = check_count(n_boot, "n_boot", minimum=0), check_seed(seed)
    counts = venn_counts(records, by=by, country=country, international=international, no_address=no_address)
    dims = ("U", "I", "G", "F") if international else ("U", "I", "G")
    cells = _cells(dims)
    T, lo, hi = [], [], []
    for _, row in counts.iterrows():
        table = venn_table({c: int(row[c]) for c in cells}, none=int(row["none"]), dims="".join(dims))
        if table.sum() == 0:
            T.append(np.nan), lo.append(np.nan), hi.append(np.nan)
            continue
        T.append(mutual_information(table, unit=unit))
        if n_boot:
            b = bootstrap(table, n_boot=n_boot, seed=seed, ci=ci, unit=unit)
            low, high = _interval_of_all(b, len(dims))
            lo.append(low), hi.append(high)
        else:
            lo.append(np.nan), hi.append(np.nan)
    # mutual redundancy R = (-1)^(k+1) T (Leydesdorff & Ivanova 2014): its interval is T's,
    # reflected when the sign flips
    sign = 1.0 if len(dims) % 2 == 1 else -1.0
    T, lo, hi = np.asarray(T, dtype=float), np.asarray(lo, dtype=float), np.asarray(hi, dtype=float)
    r_lo, r_hi = (lo, hi) if sign > 0 else (-hi, -lo)
    return counts.assign(k=len(dims), T=T, ci_low=lo, ci_high=hi, R=sign * T + 0.0, R_ci_low=r_lo + 0.0,
                         R_ci_high=r_hi + 0.0)


def _interval_of_all(boot, k):
    """(low, high) of the bootstrap interval of T over all `k` dimensions."""
    frame = boot.to_frame()
    row = frame.loc[frame["k"] == k].iloc[0]
    return float(row["ci_low"]), float(row["ci_high"])


def coauthorship_network(records: Records, min_weight: int = 1):
    """The institution co-authorship network.

    Nodes are institutions (the part of the address that fired the
    classification rule, or the OpenAlex display name) with ``sector`` (U, I,
    G, O; unclassified institutions get O and ``classified=False``),
    ``label``, ``kind="institution"``, ``country`` and ``n_documents``;
    an undirected edge joins two institutions for every document they share
    (full counting: ``weight`` = number of co-authored documents).

    Returns
    -------
    networkx.Graph
        Ready for :func:`helixnet.centrality` and the subordination analysis.
    """
    import networkx as nx

    a = _classified(records).addresses.dropna(subset=["institution"])
    G = nx.Graph()
    first = a.drop_duplicates("institution")
    ndocs = a.groupby("institution")["doc_id"].nunique()
    for row in first.itertuples():
        classified = isinstance(row.sector, str)
        G.add_node(
            row.institution,
            sector=row.sector if classified else "O",
            classified=classified,
            label=row.institution,
            kind="institution",
            country=row.country if isinstance(row.country, str) else "",
            n_documents=int(ndocs[row.institution]),
        )
    for _, insts in a.groupby("doc_id", sort=True)["institution"]:
        for u, v in combinations(sorted(set(insts)), 2):
            w = G.get_edge_data(u, v, {"weight": 0})["weight"] + 1
            G.add_edge(u, v, weight=w, relation="coauthorship")
    if min_weight > 1:
        G.remove_edges_from([(u, v) for u, v, w in G.edges(data="weight") if w < min_weight])
    return G
