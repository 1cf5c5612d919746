"""Streaming readers of bibliographic exports (private to :mod:`helixnet.bibliometrics`).

Every reader is a generator over one file that yields, record by record,
either a dict (``line``, ``doc_id``, ``year``, ``title``, ``addresses``: a
list of ``(address, institution, country, ror_type)``) or a :class:`Bad`
naming the line and the reason a record cannot be used. Files are read in
blocks, so memory does not grow with the size of a file; only what a record
contributes to the result is kept.

Formats: Web of Science plain text (``wos``) and tab-delimited (``wos_tab``),
Scopus CSV (``scopus``), OpenAlex works (``openalex``: JSON lines, JSON
arrays, API response pages ``{"meta": ..., "results": [...]}`` one after
another, and gzip-compressed snapshot partitions ``part_*.gz``) and
MEDLINE/PubMed (``medline``).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

from helixnet.exceptions import InputFileError

FORMATS = ("wos", "wos_tab", "scopus", "openalex", "medline")
RULES_DIR = Path(__file__).resolve().parent / "rules"
BLOCK = 1 << 20


@dataclass(frozen=True)
class Bad:
    """A record that cannot be used: its first line and why."""

    line: int
    reason: str


class _Latin1(Exception):
    """The file is not UTF-8: read it again as Latin-1."""


# ----------------------------------------------------------------------------------------
# opening and decoding


def _raw(path: Path):
    fh = open(path, "rb")  # noqa: SIM115 (closed by the caller)
    magic = fh.read(2)
    fh.seek(0)
    if magic == b"\x1f\x8b":
        return fh, gzip.GzipFile(fileobj=fh, mode="rb")
    return fh, fh


def _encoding(head: bytes, fallback: bool) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return "latin-1" if fallback else "utf-8-sig"


class _Span(io.RawIOBase):
    """The bytes [start, end) of an open binary file, as a file of their own."""

    def __init__(self, fh, start: int, end: int):
        super().__init__()
        fh.seek(start)
        self.fh, self.left = fh, end - start

    def readable(self):
        return True

    def readinto(self, buf):
        n = min(len(buf), self.left)
        if n <= 0:
            return 0
        got = self.fh.readinto(memoryview(buf)[:n])
        self.left -= got
        return got


def open_text(path: Path, latin1: bool = False, progress=None, span=None):
    """A text stream of `path` (gzip, BOM, UTF-16 and CRLF handled) and its raw file.

    Universal newlines: ``\\r\\n`` and ``\\r`` become ``\\n``. `span` ``(start, end)``:
    only those bytes of a plain (not compressed) file, as cut by :func:`wos_spans`.
    """
    if span is not None:
        outer = open(path, "rb")  # noqa: SIM115 (closed by the caller)
        text = io.TextIOWrapper(io.BufferedReader(_Span(outer, *span), 1 << 16),
                                encoding="latin-1" if latin1 else "utf-8-sig" if span[0] == 0 else "utf-8", errors="strict", newline=None)
        return outer, text
    outer, inner = _raw(path)
    head = inner.peek(4)[:4] if hasattr(inner, "peek") else b""
    enc = _encoding(head, latin1)
    text = io.TextIOWrapper(inner, encoding=enc, errors="strict", newline=None)
    return outer, text


def blocks(text, outer, progress=None):
    """Text blocks of about 1 MB, each ending at a line end (UTF-8 errors become :class:`_Latin1`)."""
    last = 0
    while True:
        try:
            block = text.read(BLOCK)
            if block and not block.endswith("\n"):
                block += text.readline()
        except UnicodeDecodeError:
            raise _Latin1() from None
        if progress is not None:
            pos = outer.tell()
            progress(pos - last)
            last = pos
        if not block:
            return
        yield block


def lines(text, outer, progress=None):
    """Lines of the stream (for the csv readers), with the same decoding rules."""
    for block in blocks(text, outer, progress):
        yield from block.splitlines(keepends=True)


# ----------------------------------------------------------------------------------------
# detection

# the column names of Web of Science's newer tab-delimited exports ("Excel"/"Tab delimited
# file" since 2021) and the field tags of the older ones
_WOS_LONG = {
    "Publication Type": "PT",
    "UT (Unique WOS ID)": "UT",
    "UT (Unique ID)": "UT",
    "Addresses": "C1",
    "Publication Year": "PY",
    "Article Title": "TI",
    "Early Access Date": "EA",
}


def detect_format(head: str) -> str:
    """Format name from the first characters of a file (see bibliometrics.detect_format)."""
    head = head.lstrip("\ufeff \n\t")
    first = head.split("\n", 1)[0]
    if head.startswith(("{", "[")):
        return "openalex"
    if re.match(r"^(FN|VR|PT) ", first):
        return "wos"
    if re.match(r"^PMID- ?\d", first):
        return "medline"
    cells = [_WOS_LONG.get(c.strip().strip('"'), c.strip().strip('"')) for c in first.split("\t")]
    if len(cells) > 3 and "UT" in cells and "PT" in cells:
        return "wos_tab"
    if "EID" in first and "," in first:
        return "scopus"
    raise InputFileError(
        "unrecognised export format: expected Web of Science plain text (FN/PT lines), "
        "Web of Science tab-delimited (a PT ... UT header), Scopus CSV (an EID column), "
        "OpenAlex works (JSON lines, a JSON array or API pages, optionally gzip) "
        f"or MEDLINE/PubMed (PMID- lines); the file starts with {first[:60]!r}"
    )


# ----------------------------------------------------------------------------------------
# countries and addresses


@cache
def country_table() -> dict:
    """Lower-case spelling -> ISO 3166-1 alpha-2 (helixnet/bibliometrics/rules/countries.csv)."""
    with open(RULES_DIR / "countries.csv", encoding="utf-8", newline="") as fh:
        return {row["name"].lower(): row["iso2"] for row in csv.DictReader(fh)}


@cache
def us_states() -> dict:
    """Two-letter codes and lower-case names of the US states and DC (rules/us_states.csv)."""
    with open(RULES_DIR / "us_states.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return {**{r["code"]: "US" for r in rows}, **{r["name"].lower(): "US" for r in rows}}


def country_code(text: str) -> str:
    """ISO 3166-1 alpha-2 code of a country given by code or by any known name."""
    from helixnet.exceptions import HelixnetValueError

    t = str(text).strip()
    codes = set(country_table().values())
    if t.upper() in codes and len(t) == 2:
        return t.upper()
    hit = country_table().get(t.lower())
    if hit is None:
        raise HelixnetValueError(f"unknown country {text!r}: give an ISO 3166 code (KZ) or a name (Kazakhstan)")
    return hit


_POSTAL = re.compile(r"^(?:[A-Z]{1,2}-)?[\d][\d -]*$|^[A-Z]{1,2}-?\d[\d -]*$")
_US_ZIP = re.compile(r"^([A-Z]{2})\s+\d{5}(?:-\d{4})?$")
_EMAIL = re.compile(r"\s*(?:Electronic address:\s*)?\S+@\S+")


def country_of(part: str):
    """ISO code of the last comma-part of an address, or None.

    Tries the part as written, then its last three, two and one words
    ("CA 94305 USA", "Almaty 050040 Kazakhstan", "Beijing 100871 Peoples R
    China"), then a US state with a ZIP code ("CA 94305": older WoS records
    omit "USA").
    """
    table = country_table()
    p = part.strip().strip(".").strip()
    hit = table.get(p.lower())
    if hit:
        return hit
    words = p.replace("(", " ").replace(")", " ").split()
    states = us_states()
    for n in (4, 3, 2, 1):
        if len(words) >= n:
            tail = " ".join(words[-n:]).lower()
            # "Princeton, New Jersey" is in the US, not in Jersey (nor "New Mexico" in Mexico)
            hit = table.get(tail) if " ".join(words[-n - 1:]).lower() not in states else "US"
            if hit:
                return hit
    m = _US_ZIP.match(p)
    if m and m.group(1) in states:
        return "US"
    if p.lower() in states:
        return "US"
    return None


def split_address(address: str):
    """(organisation, country) of a written address ``Org, Subunit, City, Country``."""
    address = _EMAIL.sub("", address)
    parts = [p.strip() for p in address.strip().rstrip(".").split(",") if p.strip()]
    if not parts:
        return "", None
    country = country_of(parts[-1])
    if len(parts) >= 2 and country_table().get(f"{parts[-2]}, {parts[-1]}".lower().rstrip(".")):
        # "Korea, Republic of", "Congo, Democratic Republic of the": the ISO names with a comma
        country = country_table()[f"{parts[-2]}, {parts[-1]}".lower().rstrip(".")]
        parts = parts[:-1]
    elif country is None and len(parts) >= 2:
        # "..., Cambridge, MA 02138, USA" is caught above; "..., Stanford, CA 94305" too;
        # a trailing postal code after the country ("Germany 52428") is rare but read
        country = country_of(parts[-2]) if _POSTAL.match(parts[-1]) else None
    if country is None:
        return ", ".join(parts[:-1] if len(parts) >= 3 else parts), None
    if len(parts) >= 4 and re.fullmatch(r"[A-Z]{2,3}(?: \d{5}(?:-\d{4})?)?", parts[-2]):
        # Scopus and OpenAlex write "Org, College Station, TX, United States"
        parts = parts[:-1]
    org_parts = parts[:-2] if len(parts) >= 3 else parts[:-1] if len(parts) == 2 else parts
    return ", ".join(org_parts), country


@cache
def _runtogether():
    names = sorted({n for n in _country_names() if n[:1].isupper()}, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(,\s*(?:[^,;\[\]]*\s)?(?:{alt}))(?=\[|[A-Z][a-z]|[A-Z]{{2,}}\b)")


@cache
def _country_names() -> tuple:
    with open(RULES_DIR / "countries.csv", encoding="utf-8", newline="") as fh:
        return tuple(row["name"] for row in csv.DictReader(fh))


def wos_addresses(entries, split_runtogether: bool = False) -> list[str]:
    """Addresses of WoS C1 entries: author groups dropped, split at ";".

    With `split_runtogether` (tab-delimited exports), a country name glued
    to the next address ("Dublin, IrelandPavement Management Serv Ltd")
    is a boundary too.
    """
    out = []
    for entry in entries:
        entry = entry.strip()
        if not entry:
            continue
        if split_runtogether:
            entry = _runtogether().sub(r"\1; ", entry)
        # drop the "[Author, A; Author, B]" group that opens an address (a "[" later in
        # an address is part of its name), then split the addresses at ";"
        entry = re.sub(r"(^|;)\s*\[[^\]]*\]", r"\1", entry)
        out.extend(a.strip() for a in entry.split(";"))
    return [a.rstrip(".").strip() for a in out if a.rstrip(".").strip()]


# ----------------------------------------------------------------------------------------
# Web of Science plain text

_OTHER_TAG = re.compile(r"^(?!FN |VR |EF\b|\s*$)(\S\S)", re.MULTILINE)
_WOS_TAGS = ("UT", "PY", "EY", "TI", "C1")


def _field(s: str, i: int, end: int) -> str:
    """Value of the tag line whose preceding newline is at `i`, with its continuation lines."""
    j = s.find("\n", i + 4, end)
    if j < 0:
        return s[i + 4:end]
    while s.startswith("\n   ", j):
        k = s.find("\n", j + 1, end)
        if k < 0:
            return s[i + 4:end]
        j = k
    return s[i + 4:j]


def _c1_addresses(value: str) -> list:
    """Addresses of a plain-text C1 field (one ``[Authors] Address.`` a line)."""
    out = []
    for entry in value.split("\n"):
        entry = entry.strip()
        if entry.startswith("["):
            end = entry.find("]")
            rest = entry[end + 1:].strip() if end > 0 else entry
            if ";" not in rest and "[" not in rest:
                rest = rest.rstrip(".").strip()
                if rest:
                    out.append(rest)
                continue
        out.extend(wos_addresses([entry]))
    return out


def _wos_region(s: str, a: int, b: int, line_at, check_pt: bool, at):
    """The record (or the Bad) in s[a:b], a region between two ER lines that starts with a newline.

    `at` maps a tag to the sorted positions of the newlines that open its lines in `s`
    (:func:`_tag_lines`): fields are found by bisection there, and their text sliced
    out of `s`, instead of visiting every line or searching the text (a WoS record is
    mostly abstract and cited references, which are never looked at).
    """
    pts = at["PT"]
    k = bisect_left(pts, a)
    p = pts[k] if k < len(pts) and pts[k] < b else -1
    head_end = b if p < 0 else p
    other = _OTHER_TAG.search(s, a + 1, head_end)
    if other is not None:
        return Bad(line_at(other.start()), f"field {other.group(1)!r} outside a record (no PT line before it)")
    if p < 0:
        return None
    line = line_at(p + 1)
    if check_pt and k + 1 < len(pts) and pts[k + 1] < b:
        return Bad(line, "the record starting here has no ER line before the next PT")
    i = _last(at["UT"], p, b)
    ut = _field(s, i, b).strip() if i >= 0 else ""
    if not ut:
        return Bad(line, "record without UT (accession number)")
    i = _last(at["PY"], p, b)
    if i < 0:
        # early-access records carry EY (early-access year) and no PY
        i = _last(at["EY"], p, b)
    year = _field(s, i, b).strip() or None if i >= 0 else None
    i = _first(at["TI"], p, b)
    ti = _field(s, i, b) if i >= 0 else ""
    i = _first(at["C1"], p, b)
    c1 = _field(s, i, b) if i >= 0 else None
    return {
        "line": line,
        "doc_id": ut,
        "year": year,
        "title": " ".join(x.strip() for x in ti.split("\n")) if "\n" in ti else ti.strip(),
        "addresses": [(x, None, None, None) for x in _c1_addresses(c1)] if c1 else [],
    }


def _first(positions, a: int, b: int) -> int:
    """The first of the sorted `positions` in [a, b), or -1 (as ``str.find`` over s[a:b])."""
    k = bisect_left(positions, a)
    return positions[k] if k < len(positions) and positions[k] < b else -1


def _last(positions, a: int, b: int) -> int:
    """The last of the sorted `positions` in [a, b), or -1 (as ``str.rfind`` over s[a:b])."""
    k = bisect_left(positions, b) - 1
    return positions[k] if k >= 0 and positions[k] >= a else -1


_CODES = {"latin-1": "u1", "utf-16-le": "<u2", "utf-32-le": "<u4"}


def _code_points(s: str):
    """`s` as a numpy array of its code points (index i is character i), 3 zeros appended."""
    import numpy as np

    for enc, dtype in _CODES.items():
        try:
            buf = s.encode(enc)
        except UnicodeEncodeError:
            continue
        width = np.dtype(dtype).itemsize
        if len(buf) == width * len(s):  # utf-16 without surrogate pairs keeps the indexes
            return np.frombuffer(buf + b"\0" * (3 * width), dtype=dtype)
    raise AssertionError("utf-32 encodes every string")  # pragma: no cover


def _tag_lines(s: str):
    """Newline positions of `s` and, per tag, the newlines opening a line ``<tag> ``.

    One vectorised pass over the code points of `s` (numpy) finds every line start and
    its first three characters: the lines of all the tags a record needs, with the
    ER lines (``ER`` alone or followed by spaces or tabs) and the position of the
    newline ending each of them.

    Returns
    -------
    nl : numpy.ndarray
        Positions of every newline of `s` (line of index i: ``searchsorted(nl, i)``).
    at : dict
        Tag -> sorted list of positions of the newline before each ``<tag> `` line.
    ers : list of (int, int)
        (newline before, newline after) of each ER line.
    """
    import numpy as np

    cp = _code_points(s)
    nl = np.flatnonzero(cp[:len(s)] == 10)
    c0, c1, c2 = cp[nl + 1], cp[nl + 2], cp[nl + 3]
    tagged = c2 == 32
    at = {}
    for tag in ("PT", "UT", "PY", "EY", "TI", "C1"):
        at[tag] = nl[tagged & (c0 == ord(tag[0])) & (c1 == ord(tag[1]))].tolist()
    er = (c0 == 69) & (c1 == 82)
    exact = np.flatnonzero(er & (c2 == 10))
    ers = list(zip(nl[exact].tolist(), (nl[exact] + 3).tolist()))
    spaced = np.flatnonzero(er & ((c2 == 32) | (c2 == 9)))
    if len(spaced):
        # "ER" followed by spaces or tabs only, up to the next newline, is an ER line too
        for k in spaced.tolist():
            if k + 1 < len(nl) and not s[nl[k] + 3:nl[k + 1]].strip(" \t"):
                ers.append((int(nl[k]), int(nl[k + 1])))
        ers.sort()
    return nl, at, ers


def lines_before(path, start: int) -> int:
    """Number of lines (universal newlines: ``\\n``, ``\\r\\n`` or ``\\r``) in the first `start` bytes."""
    n, last = 0, b""
    with open(path, "rb") as fh:
        left = start
        while left > 0:
            chunk = fh.read(min(left, 1 << 22))
            if not chunk:
                break
            left -= len(chunk)
            n += chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")
            if last == b"\r" and chunk[:1] == b"\n":
                n -= 1  # a CRLF cut by the chunk boundary
            last = chunk[-1:]
    return n


_ER_LINE = re.compile(rb"\nER[ \t]*\r?\n")


def wos_spans(path, n: int, format: str = "auto"):
    """Byte ranges cutting a large WoS plain-text file into `n` parts at record boundaries.

    Each cut is just after an ER line (``ER``, optionally followed by spaces or tabs),
    found near ``size * k / n``, so each part holds whole records and parsing the parts
    one after another gives the records of the whole file. Returns
    ``[(0, c1), (c1, c2), ..., (c_{n-1}, size)]``, or None when the file is not cut:
    compressed, UTF-16, not WoS plain text, or without an ER line near a cut.
    """
    size = Path(path).stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(65536)
        if head.startswith((b"\x1f\x8b", b"\xff\xfe", b"\xfe\xff")):
            return None
        if format == "auto":
            try:
                format = detect_format(head.decode("utf-8-sig", errors="replace"))
            except InputFileError:
                return None
        if format != "wos":
            return None
        cuts = [0]
        for k in range(1, n):
            fh.seek(max(size * k // n, cuts[-1]) - 1)  # from the newline an ER line may follow
            window = fh.read(1 << 22)
            m = _ER_LINE.search(window)
            if m is None:
                return None
            cut = fh.tell() - len(window) + m.end()
            if cut >= size:
                break
            cuts.append(cut)
    if len(cuts) < 2:
        return None
    return list(zip(cuts, [*cuts[1:], size]))


def parse_wos(text, outer, progress=None):
    import numpy as np

    carry, line0 = "", 1
    src = blocks(text, outer, progress)
    while True:
        block = next(src, None)
        final = block is None
        # s starts with a newline (standing for the end of the line before), so that every tag
        # line, the first included, opens with a newline; line of index i: base + newlines in s[:i]
        s = "\n" + carry + ("" if block is None else block)
        if final and not s.endswith("\n"):
            s += "\n"
        nl, at, ers = _tag_lines(s)
        base = line0 - 1

        def line_at(i, nl=nl, base=base):
            return base + int(np.searchsorted(nl, i))

        # one PT line per region: then no region needs its own search for a second PT
        check_pt = bool(ers) and bisect_left(at["PT"], ers[-1][0]) != len(ers)
        pos = 0
        for e, after in ers:
            rec = _wos_region(s, pos, e, line_at, check_pt, at)
            yield rec if rec is not None else Bad(line_at(e + 1), "ER without a record")
            pos = after  # s[pos] is the newline that ends the ER line
        if final:
            p = _first(at["PT"], pos, len(s))
            if p >= 0:
                yield Bad(line_at(p + 1), "the record starting here has no ER line (truncated file?)")
            else:
                other = _OTHER_TAG.search(s, pos + 1)
                if other is not None:
                    yield Bad(line_at(other.start()), f"field {other.group(1)!r} outside a record (no PT line)")
            return
        line0 = line_at(pos + 1)
        carry = s[pos + 1:]


# ----------------------------------------------------------------------------------------
# Web of Science tab-delimited


def _year_in(text: str):
    m = re.search(r"\b(\d{4})\b", text)
    return m.group(1) if m else None


def parse_wos_tab(text, outer, progress=None):
    reader = csv.reader(lines(text, outer, progress), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None:
        return
    col = {}
    for i, h in enumerate(header):
        h = h.strip().strip('"').lstrip("\ufeff")
        col.setdefault(_WOS_LONG.get(h, h), i)

    def get(row, tag):
        i = col.get(tag)
        return row[i].strip() if i is not None and i < len(row) else ""

    for row in reader:
        line = reader.line_num
        if not any(c.strip() for c in row):
            continue
        ut = get(row, "UT")
        if not ut:
            yield Bad(line, f"record without UT ({len(row)} fields, the header has {len(header)})")
            continue
        yield {
            "line": line,
            "doc_id": ut,
            "year": get(row, "PY") or _year_in(get(row, "EY") or get(row, "EA")),
            "title": get(row, "TI").strip('"'),
            "addresses": [(a, None, None, None) for a in wos_addresses([get(row, "C1").strip('"')], True)],
        }


# ----------------------------------------------------------------------------------------
# Scopus CSV

_YEAR = re.compile(r"^\d{4}$")
_EID = re.compile(r"^2-s2\.0-\d+$")


def _scopus_shift(header, row, col):
    """Columns of a row with k extra fields: which read k places to the right.

    Anchors are the columns whose values have a shape (Year, EID, Link,
    DOI). The extra fields are taken to belong to the first column after the
    last anchor still in place (the first column when none is): that column
    is read as its k + 1 fields joined by commas, the later ones k places to
    the right. Returns (index map, description) or (None, reason).
    """
    k = len(row) - len(header)
    checks = {
        "Year": lambda v: bool(_YEAR.match(v.strip())),
        "EID": lambda v: bool(_EID.match(v.strip())),
        "Link": lambda v: v.strip().startswith("http"),
        "DOI": lambda v: v.strip().startswith("10."),
    }
    anchors = sorted((col[n], n) for n in checks if n in col)
    last_in_place, first_shifted = -1, None
    for i, n in anchors:
        if i < len(row) and checks[n](row[i]) and first_shifted is None:
            last_in_place = i
        elif i + k < len(row) and checks[n](row[i + k]):
            first_shifted = i if first_shifted is None else first_shifted
        elif n in ("Year", "EID"):
            return None, f"{k} more field(s) than the header and no {n} value in place or {k} column(s) right"
    if first_shifted is None:
        return None, f"{k} more field(s) than the header has (no column found shifted)"
    start = last_in_place + 1
    index = {n: (i + k if i > start else i) for n, i in col.items()}
    index[header[start]] = slice(start, start + k + 1)
    return index, (f"{k} extra field(s) in column {header[start]!r} (an unquoted comma: the well-known "
                   f"Scopus column shift); it was read as {k + 1} fields joined by commas, and the "
                   f"columns after it {k} place(s) to the right")


def parse_scopus(text, outer, progress=None, warn=None):
    reader = csv.reader(lines(text, outer, progress), strict=True)
    header = next(reader, None)
    if header is None:
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    col = {h: i for i, h in enumerate(header)}
    if "EID" not in col:
        raise InputFileError(f"Scopus export without an EID column; columns: {', '.join(header)}")
    prev = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            msg = str(exc)
            if "end of data" in msg:
                msg = "the file ends inside a quoted field (truncated file?)"
            elif "field larger than field limit" in msg:
                msg = f"a field is larger than the CSV reader's limit of {csv.field_size_limit()} characters"
            yield Bad(prev + 1, msg)
            if "truncated" in msg:
                return
            prev = reader.line_num
            continue
        line, prev = prev + 1, reader.line_num
        if not any(c.strip() for c in row):
            continue
        index = col
        if len(row) > len(header):
            index, what = _scopus_shift(header, row, col)
            if index is None:
                yield Bad(line, what)
                continue
            if warn is not None:
                warn(line, "repaired: " + what)

        def get(name, row=row, index=index):
            i = index.get(name)
            if isinstance(i, slice):
                return ",".join(row[i]).strip()
            return row[i].strip() if i is not None and i < len(row) else ""

        eid = get("EID")
        if not eid:
            yield Bad(line, "record without EID")
            continue
        affiliations = [a.strip() for a in get("Affiliations").split(";") if a.strip()]
        if not affiliations:
            # "Surname, I., Org, City, Country; Surname2, J., Org2, ..." : drop the name parts
            for entry in get("Authors with affiliations").split(";"):
                parts = [p.strip() for p in entry.split(",")]
                if len(parts) > 2:
                    affiliations.append(", ".join(parts[2:]))
        yield {
            "line": line,
            "doc_id": eid,
            "year": get("Year") or None,
            "title": get("Title"),
            "addresses": [(a, None, None, None) for a in dict.fromkeys(affiliations)],
        }


# ----------------------------------------------------------------------------------------
# OpenAlex

_WS = re.compile(r"[ \t\n\r,]*")


def _json_values(text, outer, progress=None):
    """(line, value) of JSON values one after another; a top-level array gives its elements.

    Handles JSON lines, one pretty-printed object, concatenated API pages and
    arrays of works without reading the whole file at once.
    """
    dec = json.JSONDecoder()
    src = blocks(text, outer, progress)
    buf, pos, line, eof, depth = "", 0, 1, False, 0

    def more():
        nonlocal buf, pos, eof
        block = next(src, None)
        if block is None:
            eof = True
            return False
        buf = buf[pos:] + block
        pos = 0
        return True

    while True:
        m = _WS.match(buf, pos)  # `*`: always matches, possibly empty
        end = m.end() if m else pos
        line += buf.count("\n", pos, end)
        pos = end
        if pos >= len(buf):
            if eof or not more():
                if depth:
                    yield line, Bad(line, "the JSON array is not closed (truncated file?)")
                return
            continue
        ch = buf[pos]
        if ch == "[" and depth == 0:
            depth, pos = 1, pos + 1
            continue
        if ch == "]" and depth == 1:
            depth, pos = 0, pos + 1
            continue
        while True:
            try:
                value, end = dec.raw_decode(buf, pos)
                break
            except json.JSONDecodeError as exc:
                if eof or not more():
                    yield line, Bad(line, f"not valid JSON ({exc.msg})")
                    return
        yield line, value
        line += buf.count("\n", pos, end)
        pos = end


def _openalex_work(work, line):
    if not isinstance(work, dict):
        return Bad(line, f"a work must be a JSON object, not {type(work).__name__}")
    wid = work.get("id")
    if not isinstance(wid, str) or not wid.strip():
        return Bad(line, "a work without an 'id'")
    auths = work.get("authorships")
    if auths is None:
        auths = []
    if not isinstance(auths, list):
        return Bad(line, f"work {wid}: 'authorships' is a {type(auths).__name__}, expected a list")
    addresses = []
    for a in auths:
        if not isinstance(a, dict):
            return Bad(line, f"work {wid}: an authorship is a {type(a).__name__}, expected an object")
        institutions = [i for i in (a.get("institutions") or []) if isinstance(i, dict)]
        for inst in institutions:
            name = inst.get("display_name") or ""
            addresses.append((name, name or inst.get("id"), inst.get("country_code"), inst.get("type")))
        if not institutions:
            raws = a.get("raw_affiliation_strings") or a.get("raw_affiliation_string") or []
            if isinstance(raws, str):
                raws = [raws]
            for raw in raws:
                if isinstance(raw, str) and raw.strip():
                    addresses.append((raw.strip(), None, None, None))
    year = work.get("publication_year")
    return {
        "line": line,
        "doc_id": wid.strip(),
        "year": None if year is None else str(year),
        "title": work.get("display_name") or work.get("title") or "",
        "addresses": addresses,
    }


def parse_openalex(text, outer, progress=None):
    for line, value in _json_values(text, outer, progress):
        if isinstance(value, Bad):
            yield value
            return
        if isinstance(value, dict) and "results" in value and "id" not in value:
            results = value["results"]
            if not isinstance(results, list):
                yield Bad(line, "an API page whose 'results' is not a list")
                continue
            for work in results:
                yield _openalex_work(work, line)
        elif isinstance(value, list):
            for work in value:
                yield _openalex_work(work, line)
        else:
            yield _openalex_work(value, line)


# ----------------------------------------------------------------------------------------
# MEDLINE / PubMed

_PMID = re.compile(r"^PMID- ?", re.MULTILINE)
_MEDLINE_FIELDS = re.compile(r"^(PMID|DP  |TI  |AD  )- ?(.*(?:\n {6}.*)*)", re.MULTILINE)


def _medline_record(seg: str, line: int):
    fields = {}
    ads = []
    for tag, value in _MEDLINE_FIELDS.findall(seg):
        value = " ".join(v.strip() for v in value.split("\n"))
        if tag == "AD  ":
            ads.append(value)
        else:
            fields.setdefault(tag, value)
    pmid = fields.get("PMID", "").strip()
    if not pmid.isdigit():
        return Bad(line, f"record with PMID {pmid!r}: not a number")
    addresses = []
    for ad in ads:
        ad = _EMAIL.sub("", ad).strip().rstrip(".")
        parts = [p.strip() for p in ad.split(";")]
        # "Dept A, Univ B, City, Country; Inst C, City, Country": several affiliations
        if len(parts) > 1 and all("," in p for p in parts):
            addresses.extend(parts)
        else:
            addresses.append(ad)
    year = re.match(r"\d{4}", fields.get("DP  ", "").strip())
    return {
        "line": line,
        "doc_id": f"PMID:{pmid}",
        "year": year.group(0) if year else None,
        "title": fields.get("TI  ", ""),
        "addresses": [(a, None, None, None) for a in dict.fromkeys(a for a in addresses if a)],
    }


def parse_medline(text, outer, progress=None):
    carry, line0 = "", 1
    for block in blocks(text, outer, progress):
        buf = carry + block
        starts = [m.start() for m in _PMID.finditer(buf)]
        if not starts:
            carry = buf
            continue
        if line0 == 1 and buf[:starts[0]].strip():
            yield Bad(1, "text before the first PMID line")
        line0 += buf.count("\n", 0, starts[0])
        for a, b in pairwise(starts):
            yield _medline_record(buf[a:b], line0)
            line0 += buf.count("\n", a, b)
        carry = buf[starts[-1]:]
    if carry.strip():
        if _PMID.match(carry):
            yield _medline_record(carry, line0)
        else:
            yield Bad(line0, "no PMID line in the file")


PARSERS = {
    "wos": parse_wos,
    "wos_tab": parse_wos_tab,
    "scopus": parse_scopus,
    "openalex": parse_openalex,
    "medline": parse_medline,
}
