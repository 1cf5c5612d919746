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
  (``helixnet/bibliometrics/rules/address_rules.csv``), every decision explainable by the
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

import hashlib
import json
import os
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from helixnet._deprecation import renamed_function, renamed_parameters
from helixnet._jsonable import jsonable
from helixnet._resampling import DEFAULT_SEED
from helixnet._result import Result
from helixnet.bibliometrics import _formats as _fmt
from helixnet.bibliometrics._formats import country_code
from helixnet.exceptions import HelixnetTypeError, HelixnetValueError, InputFileError

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from helixnet._typing import PathLike, Seed, Unit

#: Formats :func:`read_records` reads (``"auto"`` detects one of the others).
RecordFormat = Literal["auto", "wos", "wos_tab", "scopus", "openalex", "medline"]

__all__ = [
    "RecordCounts",
    "Records",
    "address_classifier",
    "address_sectors",
    "audit",
    "classify",
    "classify_address",
    "coauthorship_network",
    "country_code",
    "detect_format",
    "document_sectors",
    "load_ror_dump",
    "load_ror_types",
    "load_rules",
    "openalex",
    "read_counts",
    "read_records",
    "split_address",
    "synergy_table",
    "document_venn_counts",
]

FORMATS = _fmt.FORMATS
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


class _ReadOutcome(Result):
    """What :class:`Records` and :class:`RecordCounts` share: the reading's bookkeeping
    (``duplicates_dropped``, ``files``, ``skipped``, ``repairs``) and two tables, named by
    ``_TABLES``; the first is :meth:`to_frame`."""

    _TABLES: tuple[str, str]
    _REPR_COUNT: str
    duplicates_dropped: int
    files: list
    skipped: list
    repairs: list

    @property
    def n_records(self) -> int:
        raise NotImplementedError

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(n_records={self.n_records}, "
                f"{self._REPR_COUNT}={len(getattr(self, self._REPR_COUNT))}, "
                f"duplicates_dropped={self.duplicates_dropped}, files={len(self.files)}, "
                f"skipped={len(self.skipped)}, repairs={len(self.repairs)})")

    def to_frame(self):
        """The first of the two tables (``documents`` or ``profiles``)."""
        return getattr(self, self._TABLES[0])

    def to_dict(self) -> dict:
        """``n_records``, ``duplicates_dropped``, ``files``, ``skipped``, ``repairs`` and the records
        of the two tables (missing values as None)."""
        return jsonable({"n_records": self.n_records, "duplicates_dropped": self.duplicates_dropped,
                         "files": self.files, "skipped": self.skipped, "repairs": self.repairs,
                         **{name: getattr(self, name) for name in self._TABLES}})


@dataclass(repr=False)
class Records(_ReadOutcome):
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
    skipped : list of dict
        Records left out by ``skip_bad_records=True``: ``file``, ``line``
        (where the record starts) and ``reason``.
    repairs : list of dict
        Records read after a repair (the Scopus extra-column shift): ``file``,
        ``line`` and ``repair`` (what was done).
    """

    documents: pd.DataFrame
    addresses: pd.DataFrame
    duplicates_dropped: int = 0
    files: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    repairs: list = field(default_factory=list)

    @property
    def n_records(self) -> int:
        """Number of distinct documents."""
        return len(self.documents)

    _TABLES = ("documents", "addresses")
    _REPR_COUNT = "addresses"


def detect_format(text: str) -> str:
    """Name the export format of `text` (a file's first characters) from its contents.

    Returns one of ``"wos"`` (Web of Science plain text: tagged lines
    ``FN``/``PT``/``AU``... ending records with ``ER``), ``"wos_tab"`` (Web of
    Science tab-delimited: a header row of field tags including ``UT``),
    ``"scopus"`` (Scopus CSV: a header with ``EID``), ``"openalex"`` (works
    as JSON lines, a JSON array, or API response pages
    ``{"meta": ..., "results": [...]}``) or ``"medline"`` (MEDLINE/PubMed
    text: records opening with ``PMID-``).

    Examples
    --------
    >>> detect_format("FN Clarivate Analytics Web of Science\\nVR 1.0\\nPT J\\n")
    'wos'
    >>> detect_format('{"id": "https://openalex.org/W1", "authorships": []}\\n')
    'openalex'
    >>> detect_format('{"meta": {"count": 1}, "results": [{"id": "W1"}]}')
    'openalex'
    >>> detect_format("PMID- 25123456\\nOWN - NLM\\n")
    'medline'
    """
    return _fmt.detect_format(text)


def _read_one(path: str, format: str, skip_bad: bool, progress=None, span=None, encodings=(False, True)) -> dict:
    """Parse one file (or the byte range `span` of it): documents, addresses, skipped records, repairs.

    `encodings` lists the decodings tried (False: UTF-8, True: Latin-1), the next one when
    a byte is not valid in the former.
    """
    return _decoded(_read_decoded, path, encodings, format, skip_bad, progress, span)


def _decoded(reader, path, encodings, format, skip_bad, progress, span, **kwargs):
    """``reader(path, format, skip_bad, latin1, progress, span, **kwargs)`` with the first of
    `encodings` (False: UTF-8, True: Latin-1) that decodes the file."""
    file = Path(path)
    if not file.exists():
        raise InputFileError(f"{path}: no such file")
    if file.is_dir():
        raise InputFileError(f"{path}: is a folder, not a file")
    for latin1 in encodings:
        try:
            return reader(path, format, skip_bad, latin1, progress, span, **kwargs)
        except _fmt._Latin1:
            continue
        except UnicodeDecodeError:
            if latin1:
                raise
    raise InputFileError(f"{path}: cannot decode the file")  # pragma: no cover (latin-1 decodes anything)


def _open_records(path, format, skip_bad, latin1, progress, span, skipped, repairs):
    """(format, generator of the good records) of one file or of the byte range `span` of it.

    The format is detected from the first 64 KB (when `format` is ``"auto"``). The
    generator yields each good record (a dict, ``year`` an int or None); a bad one stops
    the reading with an error naming the file and line, or, with `skip_bad`, is appended
    to `skipped`; a repaired Scopus row is appended to `repairs`. Not UTF-8: the
    generator raises ``_fmt._Latin1`` (the caller reads again as Latin-1).
    """
    outer, text = _fmt.open_text(path, latin1, span=span)
    name = str(path)
    try:
        try:
            head = text.read(65536)
        except UnicodeDecodeError:
            raise _fmt._Latin1() from None
        except (OSError, EOFError) as exc:
            raise InputFileError(f"{name}: cannot read the file ({exc})") from None
        if not head.strip():
            raise InputFileError(f"{name}: the file is empty")
        fmt = _fmt.detect_format(head) if format == "auto" else format
    finally:
        outer.close()
    return fmt, _good_records(path, fmt, skip_bad, latin1, progress, span, skipped, repairs)


def _good_records(path, fmt, skip_bad, latin1, progress, span, skipped, repairs):
    name = str(path)
    # the lines before a byte range are counted only when a line number is reported
    offset = [0 if span is None or span[0] == 0 else None]

    def line_of(line):
        if offset[0] is None:
            offset[0] = _fmt.lines_before(path, span[0])
        return line + offset[0]

    kwargs = {"warn": lambda line, what: repairs.append({"file": name, "line": line, "repair": what})} \
        if fmt == "scopus" else {}
    outer, text = _fmt.open_text(path, latin1, span=span)
    try:
        for rec in _fmt.PARSERS[fmt](text, outer, progress, **kwargs):
            if not isinstance(rec, _fmt.Bad):
                rec = _checked_year(rec)
            if isinstance(rec, _fmt.Bad):
                if not skip_bad:
                    raise InputFileError(
                        f"{name}: line {line_of(rec.line)}: {rec.reason} (skip_bad_records=True, "
                        "or --skip-bad-records on the command line, reads the other records)")
                skipped.append({"file": name, "line": line_of(rec.line), "reason": rec.reason})
                continue
            yield rec
    except (OSError, EOFError, zlib.error) as exc:
        raise InputFileError(f"{name}: cannot read the file ({exc})") from None
    finally:
        outer.close()


def _read_decoded(path, format, skip_bad, latin1, progress, span=None):
    """One file as compact columns: its documents as lists, its address rows as integer codes.

    Each distinct address is split once and stored once (``uniq``); a row is two integers
    (the document's index and the address's code), so neither the parse nor a process
    reading a file in parallel holds a Python object per address row. :func:`_merge` builds
    the frames from them with ``take`` (C speed).
    """
    from array import array

    name = str(path)
    doc_ids, years, titles, skipped, repairs = [], [], [], [], []
    row_doc, row_code = array("i"), array("i")
    uniq = {c: [] for c in _ADDRESS_COLUMNS[1:]}  # address, organisation, country, institution, ror_type
    plain, typed = {}, {}  # address -> code; (address, country, institution, ror_type) -> code
    fmt, records = _open_records(path, format, skip_bad, latin1, progress, span, skipped, repairs)
    seen = set()
    for rec in records:
        doc_id = rec["doc_id"]
        if doc_id in seen:
            doc_ids.append(doc_id)
            years.append(None)
            titles.append(None)  # title None: a repeat
            continue
        seen.add(doc_id)
        k = len(doc_ids)
        doc_ids.append(doc_id)
        years.append(rec["year"])
        titles.append(rec["title"])
        for address, inst, country, rtype in rec["addresses"]:
            row_doc.append(k)
            row_code.append(_address_code(address, inst, country, rtype, plain, typed, uniq))
    return {"file": name, "format": fmt, "latin1": latin1, "doc_ids": doc_ids, "years": years, "titles": titles,
            "row_doc": row_doc, "row_code": row_code, "uniq": uniq, "skipped": skipped, "repairs": repairs}


def _address_code(address, inst, country, rtype, plain, typed, uniq):
    """Code of an address in `uniq` (split and stored the first time it is met)."""
    if inst is None:
        code = plain.get(address)
        if code is None:
            org, found = _fmt.split_address(address)
            code = plain[address] = _new_code(uniq, address, org, found, None, None)
        return code
    # an OpenAlex institution: its display name is the organisation
    key = (address, country, inst, rtype)
    code = typed.get(key)
    if code is None:
        found = country or _fmt.split_address(address)[1]
        code = typed[key] = _new_code(uniq, address, address, found, inst, rtype)
    return code


def _new_code(uniq, *values):
    """Append a distinct address (its column values) to `uniq`; return its code."""
    for column, v in zip(uniq.values(), values):
        column.append(v)
    return len(uniq["address"]) - 1


def _checked_year(rec):
    y = rec["year"]
    if y in (None, ""):
        rec["year"] = None
        return rec
    m = re.match(r"\s*(\d{4})", str(y))
    if not m:
        return _fmt.Bad(rec["line"], f"record {rec['doc_id']}: year {y!r} is not a number")
    rec["year"] = int(m.group(1))
    return rec


def read_records(
    paths: PathLike | Sequence[PathLike],
    format: RecordFormat = "auto",
    skip_bad_records: bool = False,
    n_jobs: int | None = None,
    progress: bool = False,
) -> Records:
    """Read bibliographic export files into :class:`Records`.

    Files are parsed as streams (read in blocks of about 1 MB), so the
    memory a file takes is that of its documents and addresses, not of its
    text; several files are parsed in parallel processes, and a large Web of
    Science plain-text file (32 MB or more, with fewer files than processes)
    is cut at record boundaries into byte ranges parsed in parallel, giving
    the same records, in the same order, with the same line numbers.

    Parameters
    ----------
    paths : str, path or list of them
        Web of Science plain-text or tab-delimited exports, Scopus CSV
        exports, OpenAlex works (JSON lines, a JSON array of works, API
        response pages ``{"meta": ..., "results": [...]}`` one after another,
        or gzip-compressed snapshot partitions ``part_*.gz``) and
        MEDLINE/PubMed text files. A byte-order mark, CRLF line ends, UTF-16
        (as WoS tab-delimited files often are), Latin-1 and gzip are handled.
    format : {"auto", "wos", "wos_tab", "scopus", "openalex", "medline"}
        ``"auto"`` detects each file's format from its contents
        (:func:`detect_format`).
    skip_bad_records : bool
        False (default): the first record that cannot be used (no
        identifier, a year that is not a number, a truncated record, invalid
        JSON) stops the reading with an error naming its file and line.
        True: every good record is read, and each skipped one is listed in
        ``Records.skipped`` (file, line, reason).
    n_jobs : int, optional
        Processes (default: as many as CPUs, at most one per file or byte
        range; files under 8 MB in all are read in this process).
    progress : bool
        Show a progress bar (tqdm, on stderr) over the bytes read.

    Returns
    -------
    Records
        A document met again (same UT, EID, OpenAlex id or PMID, in the same
        or a later file) is kept once; ``duplicates_dropped`` counts the
        others. Records without an identifier are never merged: they are bad
        records. Identifiers are compared as written, so the same paper
        exported from Web of Science (UT) and from Scopus (EID) counts twice:
        combine exports of one database, or deduplicate by DOI beforehand.

    Raises
    ------
    helixnet.InputFileError
        For a missing, empty or unrecognised file, and (without
        `skip_bad_records`) for the first bad record; the message names the
        file and the line.

    See Also
    --------
    read_counts : the same reading, counting the records instead of keeping
        them (memory that does not grow with the files).

    Examples
    --------
    >>> import tempfile, os
    >>> wos = ("FN Clarivate Analytics Web of Science\\nVR 1.0\\nPT J\\n"
    ...        "C1 [Abenov, A] Al Farabi Kazakh Natl Univ, Almaty 050040, Kazakhstan.\\n"
    ...        "   [Lee, K] Samsung Elect Co Ltd, Suwon 16677, South Korea.\\n"
    ...        "PY 2014\\nUT WOS:000000000000001\\nER\\n\\nPT J\\nPY 2015\\nER\\nEF\\n")
    >>> path = os.path.join(tempfile.mkdtemp(), "savedrecs.txt")
    >>> _ = open(path, "w").write(wos)
    >>> recs = classify(read_records(path, skip_bad_records=True))
    >>> recs.addresses[["country", "sector", "rule"]].values.tolist()
    [['KZ', 'U', 'university'], ['KR', 'I', 'company_names']]
    >>> recs.skipped[0]["line"], recs.skipped[0]["reason"]
    (10, 'record without UT (accession number)')
    """
    files, sizes = _checked_paths(paths, format)
    jobs = n_jobs if n_jobs is not None else os.cpu_count() or 1
    bar = _progress_bar(sum(sizes)) if progress else None
    try:
        if jobs > 1 and (len(files) > 1 or sizes[0] >= _SPLIT_MIN) and sum(sizes) >= _PARALLEL_MIN:
            results = _read_parallel(files, format, skip_bad_records, jobs, bar, sizes)
        else:
            update = bar.update if bar is not None else None
            results = [_read_one(p, format, skip_bad_records, update) for p in files]
    finally:
        if bar is not None:
            bar.close()
    records = _merge(results, files)
    del results
    _release_memory()
    return records


def _checked_paths(paths, format) -> tuple[list[str], list[int]]:
    """The paths as a list of str, and their sizes (0 where unknown); the format checked."""
    files = [str(paths)] if isinstance(paths, (str, os.PathLike)) else [str(p) for p in paths]
    if not files:
        raise HelixnetValueError("no files given")
    if format != "auto" and format not in FORMATS:
        raise HelixnetValueError(f"unknown format {format!r}; choose auto or one of {', '.join(FORMATS)}")
    sizes = []
    for p in files:
        try:
            sizes.append(os.path.getsize(p))
        except OSError:
            sizes.append(0)
    return files, sizes


def _progress_bar(total):
    import sys

    from tqdm.auto import tqdm

    return tqdm(total=total, unit="B", unit_scale=True, desc="reading", file=sys.stderr, leave=False)


_SPLIT_MIN = 32 << 20  # fewer files than processes: WoS files this large are cut into byte ranges
_PARALLEL_MIN = 8 << 20  # files under this size in all are read in this process


def _tasks(paths, format, jobs, sizes):
    """(path, span, size) per unit of parallel work: each file whole or, with fewer files
    than processes, large WoS plain-text files cut at record boundaries (:func:`_fmt.wos_spans`)."""
    tasks = []
    for p, size in zip(paths, sizes):
        spans = None
        if len(paths) < jobs and size >= _SPLIT_MIN and format in ("auto", "wos"):
            try:
                spans = _fmt.wos_spans(p, max(2, jobs // len(paths)), format)
            except OSError:
                spans = None  # reported by the reader of the whole file
        if spans:
            tasks.extend((p, sp, sp[1] - sp[0]) for sp in spans)
        else:
            tasks.append((p, None, size))
    return tasks


def _read_parallel(paths, format, skip_bad, jobs, bar, sizes, one=None, task_kwargs=None, setup=None):
    """Files read in `jobs` processes (large single files in byte ranges), results in file order.

    `one` reads a file or byte range (default :func:`_read_one`: compact columns, never
    frames; :func:`_count_one`: counts); ``task_kwargs(i)`` gives more keyword arguments
    for task i; `setup` ``(function, args)`` is run once in each process. The ranges of a
    file are decoded alike: when one of them is not UTF-8, the file is Latin-1, as read
    whole (the others are read again so).
    """
    from concurrent.futures import ProcessPoolExecutor

    one = _read_one if one is None else one
    kw = task_kwargs or (lambda i: {})
    tasks = _tasks(paths, format, jobs, sizes)
    if len(tasks) == 1:  # one file that is not cut: no process to start
        return [one(paths[0], format, skip_bad, bar.update if bar is not None else None, **kw(0))]
    init, initargs = setup if setup is not None else (None, ())
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), initializer=init, initargs=initargs) as pool:
        futures = [pool.submit(one, p, format, skip_bad, None, span, **kw(i)) for i, (p, span, _) in enumerate(tasks)]
        results = []
        for fut, (_, _, size) in zip(futures, tasks):
            results.append(fut.result())
            if bar is not None:
                bar.update(size)
        latin1 = {res["file"] for res in results if res["latin1"]}
        for i, (p, span, _) in enumerate(tasks):
            if span is not None and p in latin1 and not results[i]["latin1"]:
                results[i] = one(p, format, skip_bad, None, span, encodings=(True,), **kw(i))
    return results


def _release_memory():
    """Give the memory freed by the large temporary columns of reading and classifying back to the system.

    pyarrow's allocators (mimalloc, jemalloc) and the C library's malloc keep freed memory
    for reuse (glibc: below the top of a fragmented heap); returning it after each step keeps
    the peak resident memory of the next steps low. glibc's ``malloc_trim`` is called as
    Dask's distributed workers do (``distributed.worker_memory``); elsewhere it is skipped.
    """
    import sys

    pa = sys.modules.get("pyarrow")
    if pa is not None:
        pa.default_memory_pool().release_unused()
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # pragma: no cover (not glibc)
            pass


def _merge(results, paths) -> Records:
    """Records of the files' compact columns (:func:`_read_decoded`), duplicates dropped."""
    import numpy as np
    import pandas as pd

    seen, dropped = set(), 0
    doc_frames, addr_frames = [], []
    skipped, repairs = [], []
    for res in results:
        skipped.extend(res["skipped"])
        repairs.extend(res["repairs"])
        is_new = []
        for d, t in zip(res["doc_ids"], res["titles"]):
            # title None: met again in the same file; in seen: met in an earlier file
            new = t is not None and d not in seen
            is_new.append(new)
            if new:
                seen.add(d)
        fresh = np.array(is_new, dtype=bool)
        dropped += int((~fresh).sum())
        ids = pd.array(res["doc_ids"], dtype="string")
        docs = pd.DataFrame({"doc_id": ids,
                             "year": pd.array(res["years"], dtype="Int64"),
                             "title": pd.array(res["titles"], dtype="string")})[fresh]
        n = len(docs)
        doc_frames.append(docs.assign(source_format=pd.array([res["format"]] * n, dtype="string"),
                                      file=pd.array([res["file"]] * n, dtype="string")))
        row_doc = np.frombuffer(res["row_doc"], dtype=np.int32) if len(res["row_doc"]) else np.zeros(0, np.int32)
        row_code = np.frombuffer(res["row_code"], dtype=np.int32) if len(res["row_code"]) else np.zeros(0, np.int32)
        keep = fresh[row_doc]  # the addresses of a document met in an earlier file are dropped with it
        if not keep.all():
            row_doc, row_code = row_doc[keep], row_code[keep]
        columns = {"doc_id": ids.take(row_doc)}
        for c, values in res["uniq"].items():
            columns[c] = pd.array(values, dtype="string").take(row_code)
        addr_frames.append(pd.DataFrame(columns))
        for key in ("doc_ids", "years", "titles", "row_doc", "row_code", "uniq"):
            res[key] = None
    documents = pd.concat(doc_frames, ignore_index=True)[_DOCUMENT_COLUMNS]
    addresses = pd.concat(addr_frames, ignore_index=True) if len(addr_frames) > 1 else addr_frames[0]
    return Records(documents.reset_index(drop=True), addresses.reset_index(drop=True), dropped, list(paths),
                   skipped, repairs)


# ----------------------------------------------------------------------------------------
# counting while reading


@dataclass(repr=False)
class RecordCounts(_ReadOutcome):
    """What the Triple Helix counts need of the documents of export files, without the documents.

    Returned by :func:`read_counts`, which reads the files as a stream and keeps,
    instead of every document and address, the number of documents per
    *profile* (year, set of countries, sectors present, whether any address
    is written) and the number of addresses per sector for each set of
    countries. :func:`document_venn_counts`, :func:`synergy_table` and
    :func:`address_sectors` accept it in place of classified
    :class:`Records` and give the same tables; functions that need each
    document (:func:`document_sectors`, :func:`coauthorship_network`,
    :func:`audit`) do not.

    Attributes
    ----------
    profiles : pandas.DataFrame
        One row per distinct profile: ``year`` (nullable integer),
        ``countries`` (the document's distinct ISO codes, sorted and
        ";"-joined; empty when none is known), boolean ``U``, ``I``, ``G``,
        ``O`` (an address of that sector), ``has_address`` (an address that is
        not empty) and ``n_documents``.
    address_counts : pandas.DataFrame
        One row per distinct ``countries`` (as above) with the number of
        addresses of those documents in each sector: ``U``, ``I``, ``G``,
        ``O`` and ``unclassified``.
    duplicates_dropped, files, skipped, repairs
        As in :class:`Records`.
    """

    profiles: pd.DataFrame
    address_counts: pd.DataFrame
    duplicates_dropped: int = 0
    files: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    repairs: list = field(default_factory=list)

    @property
    def n_records(self) -> int:
        """Number of distinct documents."""
        return int(self.profiles["n_documents"].sum())

    _TABLES = ("profiles", "address_counts")
    _REPR_COUNT = "profiles"


_AUDIT_COLUMNS = ["doc_id", "address", "country", "sector", "rule"]
_SECTOR_BIT = {"U": 1, "I": 2, "G": 4, "O": 8}
_SECTOR_SLOT = {"U": 0, "I": 1, "G": 2, "O": 3}  # unclassified: 4
_BATCH = 2000  # records classified together
_CACHE_MAX = 50_000  # distinct addresses remembered by a counting process (then forgotten and met anew)
_COUNTING = {}  # the classification rules of a counting process (_count_setup)


def _count_setup(rules, ror_types, ror):
    """Set the rules a counting process classifies by (run once in each process)."""
    _COUNTING.update(rules=rules, ror_types=ror_types, ror=ror)


# a document's profile packed in one integer: has an address (bit 0), its sectors (bits 1-4: U, I,
# G, O), its year + 1 (bits 5-18; 0: none) and the code of its set of countries (bits 19 and up)
_YEAR_SHIFT, _COUNTRIES_SHIFT = 5, 19


class _Tally:
    """What the records of one file (or byte range) add to the counts: 20 bytes a record.

    A record is kept as the 64-bit hash of its id (duplicates are found across files
    when the tallies are merged), its profile packed in a 64-bit integer (see
    ``_COUNTRIES_SHIFT``; the sets of countries are coded once each) and the code of
    its addresses' sector counts (each distinct vector stored once). Addresses are
    classified in batches, each distinct address once (remembered up to ``_CACHE_MAX``
    of them); with an audit file each address's decision is written as its batch is
    done, and the bytes of each record's rows are noted, so that the rows of a duplicate
    can be left out when the tallies are merged.
    """

    def __init__(self, audit_path=None):
        from array import array

        self.hashes, self.profile, self.vector = array("Q"), array("q"), array("i")
        self.countries, self.vectors = {}, {}
        self.batch = []
        self._forget()
        self.audit = open(audit_path, "wb") if audit_path else None  # noqa: SIM115 (closed by close())
        self.sizes = array("I")  # bytes of each record's audit rows (with an audit file)

    def _forget(self):
        self.plain, self.typed = {}, {}
        self.uniq = {c: [] for c in _ADDRESS_COLUMNS[1:]}
        self.decided = []  # per address code: (bits, country, audit row, sector slot)

    def add(self, rec):
        plain = self.plain
        codes = []
        for a, i, c, t in rec["addresses"]:
            code = plain.get(a) if i is None else None  # a written address met before: its code
            codes.append(_address_code(a, i, c, t, plain, self.typed, self.uniq) if code is None else code)
        self.batch.append((rec["doc_id"], rec["year"], codes))
        if len(self.batch) >= _BATCH:
            self.flush()

    def _classify_new(self):
        import pandas as pd

        start = len(self.decided)
        if start == len(self.uniq["address"]):
            return
        frame = pd.DataFrame({c: pd.array(v[start:], dtype="string") for c, v in self.uniq.items()})
        frame.insert(0, "doc_id", pd.array([None] * len(frame), dtype="string"))
        done = _classify(Records(pd.DataFrame(), frame), _COUNTING.get("rules"), _COUNTING.get("ror_types"),
                         _COUNTING.get("ror")).addresses
        sectors = done["sector"].to_numpy(dtype=object, na_value=None)
        rules = done["rule"].to_numpy(dtype=object, na_value=None)
        uniq = self.uniq
        for k, (sector, rule) in enumerate(zip(sectors, rules), start):
            address, country = uniq["address"][k], uniq["country"][k]
            # bit 0: a written (not empty) address; bits 1-4: its sector
            bits = int(bool(address.strip())) | _SECTOR_BIT.get(sector, 0) << 1
            self.decided.append((bits, country, (address, country, sector, rule), _SECTOR_SLOT.get(sector, 4)))

    def flush(self):
        if not self.batch:
            return
        self._classify_new()
        decided, countries_of, vectors = self.decided, self.countries, self.vectors
        audit = self.audit
        if audit is not None:
            import csv
            import io

            buf = io.StringIO()
            writerow = csv.writer(buf, lineterminator="\n").writerow
            ends = []
        hashes, profile, vector = self.hashes, self.profile, self.vector
        blake2b = hashlib.blake2b
        for doc_id, year, codes in self.batch:
            bits, countries, n = 0, set(), [0, 0, 0, 0, 0]
            for c in codes:
                b, country, row, slot = decided[c]
                bits |= b
                if country is not None:
                    countries.add(country)
                n[slot] += 1
                if audit is not None:
                    writerow((doc_id, *row))
            key = ";".join(sorted(countries))
            cid = countries_of.get(key)
            if cid is None:
                cid = countries_of[key] = len(countries_of)
            profile.append(cid << _COUNTRIES_SHIFT | (0 if year is None else year + 1) << _YEAR_SHIFT | bits)
            vec = tuple(n)
            v = vectors.get(vec)
            if v is None:
                v = vectors[vec] = len(vectors)
            vector.append(v)
            hashes.append(int.from_bytes(blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                                         "little"))
            if audit is not None:
                ends.append(buf.tell())
        if audit is not None:
            text = buf.getvalue()
            data = text.encode("utf-8", "surrogatepass")
            if len(data) == len(text):  # ASCII: character positions are byte positions
                self.sizes.extend(b - a for a, b in zip([0, *ends[:-1]], ends))
            else:
                a = 0
                for b in ends:
                    self.sizes.append(len(text[a:b].encode("utf-8", "surrogatepass")))
                    a = b
            audit.write(data)
        self.batch = []
        if len(self.decided) > _CACHE_MAX:
            self._forget()

    def close(self):
        if self.audit is not None:
            self.audit.close()


def _count_decoded(path, format, skip_bad, latin1, progress, span=None, audit=None):
    """The :class:`_Tally` of one file or byte range, as plain values (for another process)."""
    skipped, repairs = [], []
    fmt, records = _open_records(path, format, skip_bad, latin1, progress, span, skipped, repairs)
    tally = _Tally(audit)
    try:
        for rec in records:
            tally.add(rec)
        tally.flush()
    finally:
        tally.close()
    return {"file": str(path), "format": fmt, "latin1": latin1, "hashes": tally.hashes,
            "profile": tally.profile, "vector": tally.vector, "countries": list(tally.countries),
            "vectors": list(tally.vectors), "sizes": tally.sizes, "audit": audit,
            "skipped": skipped, "repairs": repairs}


def _count_one(path, format, skip_bad, progress=None, span=None, encodings=(False, True), audit=None) -> dict:
    """Count one file (or the byte range `span` of it): see :func:`_count_decoded`."""
    return _decoded(_count_decoded, path, encodings, format, skip_bad, progress, span, audit=audit)


def read_counts(
    paths: PathLike | Sequence[PathLike],
    format: RecordFormat = "auto",
    skip_bad_records: bool = False,
    rules: pd.DataFrame | None = None,
    ror_types: pd.DataFrame | None = None,
    ror: dict[tuple[str, str | None], str] | PathLike | None = None,
    audit: PathLike | None = None,
    n_jobs: int | None = None,
    progress: bool = False,
) -> RecordCounts:
    """Read and classify bibliographic export files as a stream, keeping only the counts.

    The same reading as :func:`read_records` (formats, duplicates,
    `skip_bad_records`, parallel processes and byte ranges) and the same
    classification as :func:`classify`, but the records are counted as
    they are read, in batches, and then forgotten: memory does not grow with
    the size of the files, only with the number of distinct document
    profiles and, for duplicate detection, by 20 bytes a record while the
    files are read (a 64-bit hash of its id, its profile and the code of its
    address counts; 4 more with `audit`) and 8 bytes a record (the hash)
    while their counts are added up. The result gives the tables of
    :func:`document_venn_counts`, :func:`synergy_table` and :func:`address_sectors`
    exactly as the records would.

    Parameters
    ----------
    paths, format, skip_bad_records, n_jobs, progress
        As in :func:`read_records`.
    rules, ror_types, ror
        As in :func:`classify`.
    audit : str or path, optional
        Write every address decision (``doc_id``, ``address``, ``country``,
        ``sector``, ``rule``; the addresses of :class:`Records` after
        :func:`classify`, in the same order) to this CSV file. The rows are
        written as they are decided, to temporary files beside it that are
        joined and renamed into place when the reading succeeds: the file is
        complete or not written.

    Returns
    -------
    RecordCounts

    Raises
    ------
    helixnet.InputFileError
        As :func:`read_records`.

    Notes
    -----
    Duplicates (the same id met again, in the same or a later file) are
    recognised by a 64-bit BLAKE2b hash of the id: two different ids among
    n records share a hash with probability about :math:`n^2 / 2^{65}`
    (3e-8 for a million records), in which case the later one would be
    counted as a duplicate.

    Examples
    --------
    >>> import tempfile, os
    >>> wos = ("FN Clarivate Analytics Web of Science\\nVR 1.0\\nPT J\\n"
    ...        "C1 [Abenov, A] Al Farabi Kazakh Natl Univ, Almaty 050040, Kazakhstan.\\n"
    ...        "   [Lee, K] Samsung Elect Co Ltd, Suwon 16677, South Korea.\\n"
    ...        "PY 2014\\nUT WOS:000000000000001\\nER\\nEF\\n")
    >>> path = os.path.join(tempfile.mkdtemp(), "savedrecs.txt")
    >>> _ = open(path, "w").write(wos)
    >>> counts = read_counts([path, path])  # the same file twice: its record counts once
    >>> counts.n_records, counts.duplicates_dropped
    (1, 1)
    >>> document_venn_counts(counts)[["n_records", "UI"]].values.tolist()
    [[1, 1]]
    """
    import shutil
    import tempfile

    files, sizes = _checked_paths(paths, format)
    rules = load_rules() if rules is None else rules
    ror_types = load_ror_types() if ror_types is None else ror_types
    if ror is not None and not isinstance(ror, dict):
        ror = load_ror_dump(ror)
    jobs = n_jobs if n_jobs is not None else os.cpu_count() or 1
    pieces = None
    if audit is not None:
        audit = os.fspath(audit)
        pieces = tempfile.mkdtemp(prefix=".helixnet-", dir=os.path.dirname(os.path.abspath(audit)))
    bar = _progress_bar(sum(sizes)) if progress else None
    previous = dict(_COUNTING)
    try:
        _count_setup(rules, ror_types, ror)

        def piece(i):
            return {"audit": None if pieces is None else os.path.join(pieces, f"{i}.csv")}

        if jobs > 1 and (len(files) > 1 or sizes[0] >= _SPLIT_MIN) and sum(sizes) >= _PARALLEL_MIN:
            results = _read_parallel(files, format, skip_bad_records, jobs, bar, sizes, one=_count_one,
                                     task_kwargs=piece, setup=(_count_setup, (rules, ror_types, ror)))
        else:
            update = bar.update if bar is not None else None
            results = [_count_one(p, format, skip_bad_records, update, **piece(i)) for i, p in enumerate(files)]
        if bar is not None:
            bar.close()
            bar = None
        counts = _merge_counts(results, files, audit, pieces)
    finally:
        _COUNTING.clear()
        _COUNTING.update(previous)
        if bar is not None:
            bar.close()
        if pieces is not None:
            shutil.rmtree(pieces, ignore_errors=True)
    _release_memory()
    return counts


def _merge_counts(results, paths, audit, pieces) -> RecordCounts:
    """The :class:`RecordCounts` of the tallies of :func:`_count_decoded`, in file order.

    A document counts where its id is first met (in file order, then record order), as
    in :func:`_merge`. The tallies are added one after another, each freed once added;
    what persists between them is the sorted array of the hashes of the ids met (8 bytes
    a document) and the counts. With `audit`, the pieces are joined as they are added,
    without the rows of the documents met before.
    """
    import csv
    import io

    import numpy as np
    import pandas as pd

    def ints(buf, dtype):
        return np.frombuffer(buf, dtype=dtype) if len(buf) else np.zeros(0, dtype=dtype)

    seen = np.zeros(0, dtype=np.uint64)
    dropped = 0
    countries = {}  # set of countries -> code, over all the tallies
    n_of = {}  # profile (with that code) -> documents
    per_countries = {}  # set of countries -> addresses per sector
    skipped, repairs = [], []
    low = (1 << _COUNTRIES_SHIFT) - 1
    joined = None
    if audit is not None:
        joined = open(os.path.join(pieces, "joined.csv"), "wb")  # noqa: SIM115 (closed below)
        head = io.StringIO()
        csv.writer(head, lineterminator="\n").writerow(_AUDIT_COLUMNS)
        joined.write(head.getvalue().encode("utf-8"))
    try:
        for r in results:
            skipped.extend(r["skipped"])
            repairs.extend(r["repairs"])
            hashes = ints(r["hashes"], np.uint64)
            keep = np.zeros(len(hashes), dtype=bool)
            keep[np.unique(hashes, return_index=True)[1]] = True  # first in this tally
            if len(seen) and len(hashes):
                at = np.minimum(np.searchsorted(seen, hashes), len(seen) - 1)
                keep &= seen[at] != hashes  # ... and not met in an earlier one
            dropped += int((~keep).sum())
            # two sorted runs: the stable sort (timsort) merges them in linear time
            seen = np.sort(np.concatenate([seen, np.sort(hashes[keep])]), kind="stable")
            c_map = np.array([countries.setdefault(k, len(countries)) for k in r["countries"]] or [0],
                             dtype=np.int64)
            p = ints(r["profile"], np.int64)[keep]
            p = c_map[p >> _COUNTRIES_SHIFT] << _COUNTRIES_SHIFT | p & low
            keys, n_docs = np.unique(p, return_counts=True)
            for key, n in zip(keys.tolist(), n_docs.tolist()):
                n_of[key] = n_of.get(key, 0) + n
            c_names = list(countries)
            vectors = r["vectors"]
            width = max(len(vectors), 1)
            pairs, n_pairs = np.unique((p >> _COUNTRIES_SHIFT) * width + ints(r["vector"], np.int32)[keep],
                                       return_counts=True)
            for pair, n in zip(pairs.tolist(), n_pairs.tolist()):
                acc = per_countries.setdefault(c_names[pair // width], [0, 0, 0, 0, 0])
                for slot, x in enumerate(vectors[pair % width]):
                    acc[slot] += n * x
            if joined is not None:
                _join_piece(r, keep, joined)
            for k in ("hashes", "profile", "vector", "sizes"):
                r[k] = None
        if joined is not None:
            joined.close()
            os.replace(joined.name, audit)
    finally:
        if joined is not None:
            joined.close()
    c_names = list(countries)
    keys = np.array(sorted(n_of), dtype=np.int64)
    year = (keys >> _YEAR_SHIFT & (1 << (_COUNTRIES_SHIFT - _YEAR_SHIFT)) - 1) - 1
    frame = pd.DataFrame({
        "year": pd.array(np.where(year < 0, 0, year), dtype="Int64"),
        "countries": pd.array([c_names[c] for c in (keys >> _COUNTRIES_SHIFT).tolist()], dtype="string"),
        **{s: (keys >> 1 & bit).astype(bool) for s, bit in _SECTOR_BIT.items()},
        "has_address": (keys & 1).astype(bool),
        "n_documents": np.array([n_of[k] for k in keys.tolist()], dtype=np.int64),
    })
    frame.loc[year < 0, "year"] = pd.NA
    order = np.lexsort((keys & low, frame["countries"].to_numpy(dtype=object), year, year < 0))
    frame = frame.iloc[order].reset_index(drop=True)
    names = sorted(per_countries)
    addr = pd.DataFrame({"countries": pd.array(names, dtype="string"),
                         **{s: np.array([per_countries[c][k] for c in names], dtype=np.int64)
                            for k, s in enumerate(["U", "I", "G", "O", "unclassified"])}})
    return RecordCounts(frame, addr, dropped, list(paths), skipped, repairs)


def _join_piece(r, keep, out):
    """Append to `out` the audit rows of the documents of tally `r` that `keep` keeps."""
    import numpy as np

    sizes = np.frombuffer(r["sizes"], dtype=np.uint32).astype(np.int64) if len(r["sizes"]) else np.zeros(0, np.int64)
    ends = np.cumsum(sizes)
    starts = ends - sizes
    with open(r["audit"], "rb") as piece:
        if keep.all():
            _copy_bytes(piece, out, int(ends[-1]) if len(ends) else 0)
            return
        # runs of kept documents: from the start of the first to the end of the last
        edges = np.flatnonzero(np.diff(np.r_[0, keep.astype(np.int8), 0]))
        for lo, hi in zip(edges[::2].tolist(), edges[1::2].tolist()):
            piece.seek(int(starts[lo]))
            _copy_bytes(piece, out, int(ends[hi - 1] - starts[lo]))


def _copy_bytes(src, dst, n: int):
    while n > 0:
        chunk = src.read(min(n, 1 << 20))
        if not chunk:
            raise OSError(f"{src.name}: shorter than expected")
        dst.write(chunk)
        n -= len(chunk)


# ----------------------------------------------------------------------------------------
# classification


def load_rules() -> pd.DataFrame:
    """The address classification rules, as an editable DataFrame.

    Columns: ``rule_id``, ``precedence`` (lower is tried first), ``sector``
    (U, I, G or O), ``pattern`` (a case-insensitive Python regular expression
    matched against each comma-separated part of the organisation),
    ``country`` (ISO code: the rule applies to that country only; rules are
    tried by precedence, a country rule before a general one of equal
    precedence; empty: all countries) and ``description``.
    A pattern ``@name.txt`` stands for the name list ``rules/name.txt`` (one
    regular expression a line): ``company_names.txt`` (firms without a legal
    form) and ``public_research_names.txt``; the returned frame holds the
    expanded pattern.
    Pass a modified copy to :func:`classify` as ``rules=``.
    """
    import pandas as pd

    rules = pd.read_csv(_RULES_DIR / "address_rules.csv", dtype=str, keep_default_na=False)
    rules["precedence"] = rules["precedence"].astype(int)
    rules["pattern"] = [_name_list(p[1:]) if p.startswith("@") else p for p in rules["pattern"]]
    return rules


def _name_list(filename: str) -> str:
    """A pattern matching any line of a name list in rules/ (one regex a line, # comments)."""
    with open(_RULES_DIR / filename, encoding="utf-8") as fh:
        names = [ln.split("#", 1)[0].strip() for ln in fh]
    return r"\b(" + "|".join(f"(?:{n})" for n in names if n) + r")\b"


def load_ror_types() -> pd.DataFrame:
    """The mapping of ROR organisation types to sectors (editable DataFrame).

    Columns ``ror_type``, ``sector`` and ``reason``: education → U,
    company → I, government → G, the rest → O by default (facility and
    funder → G; see the reasons).
    """
    import pandas as pd

    return pd.read_csv(_RULES_DIR / "ror_types.csv", dtype=str, keep_default_na=False)


def compiled_rules(rules=None):
    """:func:`_compile_rules` of `rules`; the shipped rules (None) are compiled once per process."""
    return _default_rules() if rules is None else _compile_rules(rules)


@cache
def _default_rules():
    return tuple(_compile_rules(load_rules()))


def _compile_rules(rules):
    """(rule_id, sector, regex, country) in the order they are tried: by precedence, and at equal
    precedence a country rule before the general ones (then by rule_id)."""
    compiled = []
    order = rules.assign(_general=[not c for c in rules["country"]])
    for row in order.sort_values(["precedence", "_general", "rule_id"], kind="stable").itertuples():
        if row.sector not in ("U", "I", "G", "O"):
            raise HelixnetValueError(f"rule {row.rule_id!r} has sector {row.sector!r}; expected U, I, G or O")
        try:
            rx = re.compile(row.pattern, re.IGNORECASE)
        except re.error as exc:
            raise HelixnetValueError(f"rule {row.rule_id!r}: invalid pattern ({exc})") from None
        compiled.append((row.rule_id, row.sector, rx, row.country or None))
    return compiled


def _applicable(compiled, country):
    """The rules that apply to an address in ``country``, in the order they are tried."""
    return [r for r in compiled if r[3] is None or r[3] == country]


def _classify_one(organisation: str, country, compiled):
    parts = [p.strip() for p in organisation.split(",")] or [organisation]
    for rule_id, sector, rx, _ in _applicable(compiled, country):
        for part in parts:
            if rx.search(part):
                return sector, rule_id, part
    return None, None, None


# places whose names contain an institution word: never read as an organisation
_PLACES = re.compile(r"^(University (Park|Place|City|Heights)|College (Station|Park|Place)|State College|Institute)$",
                     re.IGNORECASE)


def _classify_text(org: str, address: str, country, compiled):
    """(sector, rule, matched part) of an address: the rules on its organisation parts, and on
    the remaining parts before the country (rule ``<id>+place``: an address such as "Dept X,
    Universidade Y, Brazil" has no city, so its organisation sits where a city would). The
    remaining parts decide when no rule fires on the organisation, or when a university rule
    tried earlier (lower precedence) than the organisation's fires on them."""
    hit = _classify_one(org, country, compiled)
    if not address:
        return hit
    used = {p.strip() for p in org.split(",")}
    rest = [p.strip() for p in _fmt._EMAIL.sub("", address).rstrip(".").split(",")]
    if country is not None:
        # the last part is the country; without one (MEDLINE often ends "..., The Ohio State
        # University.") the last part is read as any other
        rest = rest[:-1]
    rest = [p for p in rest if p and p not in used and not re.search(r"\d", p) and not _PLACES.match(p)]
    if not rest:
        return hit
    sector, rule, part = _classify_one(", ".join(rest), country, compiled)
    if sector is None:
        return hit
    if hit[0] is not None:
        # a university rule tried earlier wins on the remaining parts too: "Research Center, Dept
        # Economics, Hong Kong Shue Yan University, Hong Kong" (MEDLINE and Scopus write the
        # university last, where a city would be) is U, as "Univ X, Research Center" is. Only U:
        # other words in a city's name ("L'Hospitalet de Llobregat") must not decide.
        if sector != "U":
            return hit
        rank = {r[0]: i for i, r in enumerate(_applicable(compiled, country))}
        if rank[rule] >= rank[hit[1]]:
            return hit
    return sector, f"{rule}+place", part


def classify_address(address: str, country: str | None = None, rules: pd.DataFrame | None = None) -> dict[str, Any]:
    """Sector of one written address, with the rule that decided it.

    The address is cut into organisation, city and country as Web of Science
    and Scopus write them (``Org, Subunit, City, Country``); the rules are
    matched against the organisation's comma-separated parts. The rules for
    the address's country and the general ones are tried by precedence (a
    country rule first at equal precedence); the first rule that matches any
    part decides.

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

    MEDLINE and Scopus write the university last, where a city would be; a
    university rule (tried before the institute rule) still decides:

    >>> classify_address("Research Center, Dept Economics, Shue Yan University, Hong Kong")["rule"]
    'university+place'
    """
    org, found = _fmt.split_address(address)
    country = country or found
    compiled = compiled_rules(rules)
    sector, rule, matched = _classify_text(org, address, country, compiled)
    return {"sector": sector, "rule": rule, "matched": matched, "organisation": org, "country": country}


def split_address(address: str) -> tuple[str, str | None]:
    """(organisation, country) of a written address ``Org, Subunit, City, Country``.

    The country is an ISO 3166 code (or None when no part names one); the
    organisation is what :func:`classify` matches its rules against.

    Examples
    --------
    >>> split_address("Al Farabi Kazakh Natl Univ, Dept Phys, Almaty 050040, Kazakhstan")
    ('Al Farabi Kazakh Natl Univ, Dept Phys', 'KZ')
    """
    return _fmt.split_address(address)


def address_classifier(
    rules: pd.DataFrame | None = None,
) -> Callable[[str, str, str | None], tuple[str | None, str | None]]:
    """A function ``(organisation, address, country) -> (sector, rule)`` deciding as :func:`classify`.

    It is the decision :func:`classify` makes for an address without a ROR
    type (and without an offline ROR dump): the rules on the organisation's
    parts, then on the address's remaining parts (rule ``<id>+place``).
    Other readers of the same records (the OpenAlex snapshot engines) use it
    so that both paths place every address alike.

    Examples
    --------
    >>> decide = address_classifier()
    >>> decide("Nazarbayev Univ", "Nazarbayev Univ, Astana, Kazakhstan", "KZ")
    ('U', 'university')
    """
    compiled = compiled_rules(rules)

    def decide(organisation: str, address: str, country: str | None) -> tuple[str | None, str | None]:
        sector, rule, _ = _classify_text(organisation, address, country, compiled)
        return sector, rule

    return decide


def load_ror_dump(path: PathLike) -> dict[tuple[str, str | None], str]:
    """Organisation names of an offline ROR data dump, mapped to their ROR type.

    Reads the public ROR data-dump JSON (https://ror.readme.io/docs/data-dump;
    schema v1 with ``name``, ``aliases``, ``acronyms``, ``labels`` and
    capitalised ``types``, or schema v2 with ``names[].value`` and lower-case
    ``types``; a zip file holding the JSON is read too). Acronyms are left
    out (too ambiguous in addresses), and so is a name that two
    organisations of different types share.

    Returns
    -------
    dict
        ``(normalised name, ISO country or None) -> ror type`` (the first
        type listed), for :func:`classify` ``ror=``.

    Raises
    ------
    helixnet.InputFileError
        For a missing file or one that is not a ROR dump.
    """
    import zipfile

    path = Path(path)
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                member = next(n for n in zf.namelist() if n.endswith(".json"))
                orgs = json.loads(zf.read(member).decode("utf-8"))
        else:
            with open(path, encoding="utf-8") as fh:
                orgs = json.load(fh)
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file") from None
    except (OSError, StopIteration, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputFileError(f"{path}: not a ROR data dump ({type(exc).__name__}: {exc})") from None
    if not isinstance(orgs, list) or (orgs and not isinstance(orgs[0], dict)):
        raise InputFileError(f"{path}: not a ROR data dump (expected a JSON array of organisations)")
    table, clash = {}, set()
    for i, org in enumerate(orgs):
        types = org.get("types") or []
        if not types or not isinstance(types, list):
            continue
        rtype = str(types[0]).lower()
        if "names" in org:  # schema v2
            names = [n.get("value", "") for n in org["names"] if "acronym" not in (n.get("types") or [])]
            locs = org.get("locations") or [{}]
            country = ((locs[0] or {}).get("geonames_details") or {}).get("country_code")
        elif "name" in org:  # schema v1
            names = [org["name"], *(org.get("aliases") or []),
                     *[lab.get("label", "") for lab in (org.get("labels") or [])]]
            country = (org.get("country") or {}).get("country_code")
        else:
            raise InputFileError(f"{path}: organisation {i} has neither 'names' (v2) nor 'name' (v1)")
        for name in names:
            key = (_norm_name(name), country)
            if not key[0]:
                continue
            if key in table and table[key] != rtype:
                clash.add(key)
            table.setdefault(key, rtype)
    for key in clash:
        del table[key]
    return table


def _norm_name(text: str) -> str:
    return " ".join(re.sub(r"[^\w&]+", " ", text.casefold()).split())


def _ror_lookup(org: str, country, ror: dict):
    for part in org.split(","):
        key = _norm_name(part)
        hit = ror.get((key, country)) or (ror.get((key, None)) if country is None else None)
        if hit:
            return hit, part.strip()
    return None, None


def classify(
    records: Records,
    rules: pd.DataFrame | None = None,
    ror_types: pd.DataFrame | None = None,
    ror: dict[tuple[str, str | None], str] | PathLike | None = None,
) -> Records:
    """Assign a sector to every address of `records`.

    Decisions, in order: an OpenAlex institution by its ROR ``type``
    (rule ``ror:<type>``, mapped by :func:`load_ror_types`); with `ror`, an
    address one of whose comma-separated parts is exactly (ignoring case
    and punctuation) the name of a ROR organisation of its country, by that
    organisation's type (rule ``ror_dump:<type>``); every other address by
    the rules of :func:`load_rules` (see :func:`classify_address`). An
    address no rule classifies gets sector ``<NA>``; :func:`audit` lists
    them.

    Parameters
    ----------
    records : Records
    rules : pandas.DataFrame, optional
        Edited rules (default :func:`load_rules`).
    ror_types : pandas.DataFrame, optional
        Edited ROR type mapping (default :func:`load_ror_types`).
    ror : dict or path, optional
        An offline ROR data dump (path) or its :func:`load_ror_dump` table.

    Returns
    -------
    Records
        A new object whose ``addresses`` has two more columns, ``sector`` and
        ``rule``, and whose ``institution`` is filled with the part of the
        address that fired the rule (or its first part).
    """
    if isinstance(records, RecordCounts):
        raise HelixnetTypeError("the counts of read_counts are classified as they are read; "
                                "classify takes the Records of read_records")
    out = _classify(records, rules, ror_types, ror)
    _release_memory()  # the temporaries of classification are gone: return their memory
    return out


def _classify(records, rules, ror_types, ror):
    import pandas as pd

    compiled = compiled_rules(rules)
    rtypes = load_ror_types() if ror_types is None else ror_types
    ror_map = dict(zip(rtypes["ror_type"], rtypes["sector"]))
    if ror is not None and not isinstance(ror, dict):
        ror = load_ror_dump(ror)
    import numpy as np

    addresses = records.addresses.copy(deep=False)  # new columns only: the input is never modified
    n = len(addresses)
    # every row gets an integer code into small tables of decisions (sector, rule, institution
    # for rows without one); the columns are built from them with take: no Python object per row
    # decision 0: none (nothing decided)
    t_sector: list[str | None] = [None]
    t_rule: list[str | None] = [None]
    t_inst: list[str | None] = [None]
    decision = np.zeros(n, dtype=np.int64)
    inst_decision = decision
    typed = addresses["ror_type"].notna().to_numpy()
    if typed.any():
        rt_codes, rt_uniq = pd.factorize(addresses["ror_type"][typed])
        base = len(t_sector)
        for t in rt_uniq:
            t_sector.append(ror_map.get(t, ror_map.get("other", "O")))
            t_rule.append(f"ror:{t}")
            t_inst.append(None)  # an OpenAlex institution keeps its own name (or none)
        decision[typed] = base + rt_codes
    # classify each distinct (organisation, country) once and spread the decisions by code
    rest = np.flatnonzero(~typed)
    if len(rest):
        every = len(rest) == n  # no ROR types (WoS, Scopus, MEDLINE): no copy of the columns
        org_rest = addresses["organisation"] if every else addresses["organisation"].iloc[rest]
        ctry_rest = addresses["country"] if every else addresses["country"].iloc[rest]
        o_codes, _ = pd.factorize(org_rest)
        c_codes, c_uniq = pd.factorize(ctry_rest)
        _, first, codes = np.unique(o_codes.astype(np.int64) * (len(c_uniq) + 1) + (c_codes + 1),
                                    return_index=True, return_inverse=True)
        codes = codes.ravel()
        org_col, ctry_col = addresses["organisation"], addresses["country"]
        base, unresolved = len(t_sector), []
        for k, i in enumerate(rest[first]):
            org = org_col.iloc[i]
            country = None if pd.isna(ctry_col.iloc[i]) else ctry_col.iloc[i]
            ror_hit, part = _ror_lookup(org, country, ror) if ror else (None, None)
            if ror_hit:
                hit = (ror_map.get(ror_hit, ror_map.get("other", "O")), f"ror_dump:{ror_hit}", part)
            else:
                hit = _classify_one(org, country, compiled)
                if hit[0] is None:
                    unresolved.append(k)
            t_sector.append(hit[0])
            t_rule.append(hit[1])
            t_inst.append(hit[2] or org.split(",")[0].strip())
        decision[rest] = base + codes
        inst_decision = decision.astype(np.intp)  # the institution stays that of the organisation
        if unresolved:
            # organisations no rule classifies: try the other parts of each distinct address
            rows = rest[np.isin(codes, unresolved)]
            texts = addresses["address"].iloc[rows]
            tcodes, _ = pd.factorize(texts)
            _, tfirst = np.unique(tcodes, return_index=True)
            base2 = len(t_sector)
            for i in rows[tfirst]:
                org = org_col.iloc[i]
                country = None if pd.isna(ctry_col.iloc[i]) else ctry_col.iloc[i]
                sec, rule, _part = _classify_text(org, addresses["address"].iloc[i], country, compiled)
                t_sector.append(sec)
                t_rule.append(rule)
                t_inst.append(None)
            decision[rows] = base2 + tcodes
    inst = pd.array(t_inst, dtype="string").take(inst_decision)
    old = addresses["institution"].astype("string").array
    # institutions read with the record (OpenAlex) are kept
    addresses["institution"] = inst if old.isna().all() else old.fillna(inst)
    take = decision.astype(np.intp)
    addresses["sector"] = pd.array(t_sector, dtype="string").take(take)
    addresses["rule"] = pd.array(t_rule, dtype="string").take(take)
    return Records(records.documents, addresses, records.duplicates_dropped, records.files,
                   records.skipped, records.repairs)


def _classified(records: Records) -> Records:
    if isinstance(records, RecordCounts):
        raise HelixnetTypeError("this needs every document (read_records), not the counts of read_counts")
    return records if "sector" in records.addresses.columns else classify(records)


def address_sectors(records: Records | RecordCounts, country: str | None = None) -> pd.DataFrame:
    """Addresses per sector: counts and shares.

    Parameters
    ----------
    records : Records or RecordCounts
        Classified records, or the counts of :func:`read_counts` (the same table).
    country : str, optional
        Focus country (ISO code): only the addresses of documents with an
        address in it count, as in :func:`document_venn_counts`.

    Returns
    -------
    pandas.DataFrame
        One row per ``sector`` (``U``, ``I``, ``G``, ``O``, ``unclassified``)
        with ``n_addresses`` and ``share`` (of all the addresses counted; NaN
        when there are none).

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "year": [2014, 2014]})
    >>> addrs = pd.DataFrame({"doc_id": ["a", "a", "b", "b"],
    ...     "address": ["Univ X", "Ltd Y", "Hosp Z", "Foo"], "organisation": ["Univ X", "Ltd Y", "Hosp Z", "Foo"],
    ...     "country": ["KZ", "KZ", "RU", "RU"], "institution": [None] * 4, "ror_type": [None] * 4})
    >>> address_sectors(Records(docs, addrs)).values.tolist()
    [['U', 1, 0.25], ['I', 1, 0.25], ['G', 0, 0.0], ['O', 1, 0.25], ['unclassified', 1, 0.25]]
    >>> address_sectors(Records(docs, addrs), country="KZ")["n_addresses"].tolist()
    [1, 1, 0, 0, 0]
    """
    import numpy as np
    import pandas as pd

    if isinstance(records, RecordCounts):
        return _address_sectors_of_counts(records, country)
    a = _classified(records).addresses
    if country is not None:
        # documents with an address in the country, on integer codes (not a set of id strings)
        codes, uniq = pd.factorize(a["doc_id"])
        in_country = (a["country"] == _fmt.country_code(country)).fillna(False).to_numpy(bool)
        keep = np.zeros(len(uniq) + 1, dtype=bool)  # the last slot: a missing id
        keep[codes[in_country]] = True
        a = a[keep[codes]]
    counts = a["sector"].fillna("unclassified").value_counts()
    names = ["U", "I", "G", "O", "unclassified"]
    n = [int(counts.get(k, 0)) for k in names]
    total = sum(n)
    return pd.DataFrame({"sector": names, "n_addresses": n,
                         "share": [x / total if total else float("nan") for x in n]})


def _address_sectors_of_counts(counts: RecordCounts, country: str | None) -> pd.DataFrame:
    """:func:`address_sectors` of the address counts of :func:`read_counts`."""
    import pandas as pd

    a = counts.address_counts
    if country is not None:
        focus = _fmt.country_code(country)
        a = a[[focus in (text.split(";") if text else []) for text in a["countries"]]]
    names = ["U", "I", "G", "O", "unclassified"]
    n = [int(a[k].sum()) for k in names]
    total = sum(n)
    return pd.DataFrame({"sector": names, "n_addresses": n,
                         "share": [x / total if total else float("nan") for x in n]})


def audit(records: Records) -> pd.DataFrame:
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


def document_sectors(records: Records, country: str | None = None) -> pd.DataFrame:
    """Each document's sector set: the union over its addresses.

    Parameters
    ----------
    records : Records
    country : str, optional
        Focus country: ISO code or name ("KZ", "Kazakhstan"). When given, only documents with at least
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
    out = _document_sectors(records, country)
    _release_memory()
    return out


def _document_sectors(records, country):

    recs = _classified(records)
    a = recs.addresses
    docs = recs.documents[["doc_id", "year"]].copy()
    import numpy as np
    import pandas as pd

    # integer codes instead of one Python object per address (memory stays that of the codes)
    doc_codes, doc_ids = pd.factorize(a["doc_id"])
    at = _positions(docs["doc_id"], doc_ids)  # -1: a document without addresses
    flags = np.zeros(len(doc_ids) + 1, dtype=np.int64)  # the last slot stands for "no address"
    for bit, s in enumerate(("U", "I", "G", "O")):
        hit = (a["sector"] == s).fillna(False).to_numpy(bool)
        np.bitwise_or.at(flags, doc_codes[hit], 1 << bit)
    for bit, s in enumerate(("U", "I", "G", "O")):
        docs[s] = (flags[at] >> bit & 1).astype(bool)
    # each document's distinct countries, sorted by name
    c_codes, c_names = pd.factorize(a["country"])
    order = np.argsort(np.asarray(c_names, dtype=object)) if len(c_names) else np.array([], dtype=int)
    rank = np.empty(len(c_names), dtype=np.int64)
    rank[order] = np.arange(len(c_names))
    ok = c_codes >= 0
    m = len(c_names) + 1
    pairs = np.unique(doc_codes[ok].astype(np.int64) * m + rank[c_codes[ok]])
    pair_doc, pair_rank = pairs // m, pairs % m
    n_countries = np.append(np.bincount(pair_doc, minlength=len(doc_ids)), 0)
    sorted_names = np.asarray(c_names, dtype=object)[order] if len(c_names) else np.array([], dtype=object)
    joined = np.full(len(doc_ids) + 1, "", dtype=object)
    if len(pairs):
        starts = np.flatnonzero(np.r_[True, pair_doc[1:] != pair_doc[:-1]])
        seen = {}  # one string per distinct set of countries, shared by its documents
        for lo, hi in zip(starts.tolist(), np.r_[starts[1:], len(pairs)].tolist()):
            key = pair_rank[lo:hi].tobytes()
            text = seen.get(key)
            if text is None:
                text = seen[key] = ";".join(sorted_names[pair_rank[lo:hi]])
            joined[pair_doc[lo]] = text
    keep = np.ones(len(docs), dtype=bool)
    if country is not None:
        country = _fmt.country_code(country)
        in_focus = np.zeros(len(doc_ids) + 1, dtype=bool)
        if country in set(c_names):
            in_focus[pair_doc[pair_rank == rank[list(c_names).index(country)]]] = True
        keep = in_focus[at]
    # with a focus country every kept document has it, so "an address abroad" is a second country
    docs["F"] = n_countries[at] >= 2
    docs["countries"] = pd.array(list(joined[at]), dtype="string")
    return docs[keep].reset_index(drop=True)


def _positions(values, uniques):
    """Position of each of `values` (strings) among the distinct `uniques` (-1: absent or missing).

    As ``pandas.Index(uniques).get_indexer(values)``, computed by pyarrow's ``index_in``
    where pyarrow is installed: no Python string per value.
    """
    import numpy as np
    import pandas as pd

    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # pragma: no cover (pandas strings without pyarrow)
        return pd.Index(uniques).get_indexer(values)
    v = pa.array(pd.Series(values).astype("string"))
    u = pa.array(pd.Series(uniques).astype("string"))
    return pc.index_in(v, value_set=u).fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def _has_address(doc_ids, records):
    """Boolean array: which of `doc_ids` have at least one non-empty address (any sector).

    Computed on integer codes (factorised addresses and ids), not on a set of Python
    strings nor on a stripped copy of the address column: arrays of the size of the
    columns, at C speed.
    """
    import numpy as np
    import pandas as pd

    a = records.addresses
    # strip each distinct address once, not a copy of the whole column
    codes, uniq = pd.factorize(a["address"].astype("string"))
    text = pd.Series(uniq, dtype="string").str.strip()
    filled = np.append((text.notna() & (text != "")).to_numpy(bool), False)  # code -1 (missing): empty
    with_text = filled[codes]
    d_codes, d_uniq = pd.factorize(a["doc_id"].astype("string"))
    has = np.zeros(len(d_uniq) + 1, dtype=bool)  # the last slot: a missing id
    has[d_codes[with_text]] = True  # code -1 (a missing id) lands in the last slot
    ids = pd.Series(doc_ids).astype("string")
    at = _positions(ids, d_uniq)
    at[ids.isna().to_numpy(bool)] = len(d_uniq)  # a missing id: as the addresses with a missing id
    at[at < 0] = len(d_uniq) + 1  # not among the addresses' ids: no address
    return np.append(has, False)[at]


def _cells(dims):
    return ["".join(c) for r in range(1, len(dims) + 1) for c in combinations(dims, r)]


def document_venn_counts(
    records: Records | RecordCounts,
    by: Literal["year", "country"] | None = None,
    country: str | None = None,
    international: bool = False,
    no_address: Literal["exclude", "none"] = "exclude",
) -> pd.DataFrame:
    """Documents per Venn cell of their sector set.

    Called ``venn_counts`` until 0.2 (a deprecated alias, removed in 0.3):
    :func:`helixnet.networks.venn_counts` classifies the relationships of a
    graph, this function the documents of bibliographic records.

    A document falls in exactly one cell: the set of U, I, G (and, with
    ``international=True``, F) it has; ``none`` counts documents with none of
    them, e.g. with only O or unclassified addresses (it is the all-absent
    cell of :func:`helixnet.venn_table`, which changes T by an order of
    magnitude, so it is always reported). Documents with no address at all
    are left out by default and counted in ``n_no_address`` (see
    `no_address`).

    Parameters
    ----------
    records : Records or RecordCounts
        Classified records, or the counts of :func:`read_counts` (the same table).
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
    >>> document_venn_counts(Records(docs, addrs))[["n_records", "UI", "none", "n_no_address"]].values.tolist()
    [[2, 1, 1, 0]]
    """
    import pandas as pd

    if by not in (None, "year", "country"):
        raise HelixnetValueError(f"by must be None, 'year' or 'country', not {by!r}")
    if no_address not in ("exclude", "none"):
        raise HelixnetValueError(f"no_address must be 'exclude' or 'none', not {no_address!r}")
    if isinstance(records, RecordCounts):
        return _venn_of_counts(records, by, country, international, no_address)
    dims = ("U", "I", "G", "F") if international else ("U", "I", "G")
    cells = _cells(dims)
    ds = document_sectors(records, country=country)
    ds = ds.assign(_no_address=~_has_address(ds["doc_id"], records))
    code = sum(ds[d].astype(int).to_numpy() << i for i, d in enumerate(dims))
    names = {m: "".join(d for i, d in enumerate(dims) if m >> i & 1) or "none" for m in range(2 ** len(dims))}
    ds = ds.assign(cell=pd.Series(code, index=ds.index, dtype="int64").map(names))
    if by == "country":
        ds = ds.assign(country=ds["countries"].str.split(";")).explode("country")
        ds["country"] = ds["country"].replace("", None)
    groups: list[tuple[Any, pd.DataFrame]] = (
        [(None, ds)] if by is None else sorted(ds.groupby(by, sort=True), key=lambda kv: kv[0])
    )
    if by is not None and ds[by].isna().any():
        # documents without a year (or any country) form a last row, so the rows add up
        groups.append((None, ds[ds[by].isna()]))
    rows = []
    for g, part in groups:
        missing = part["_no_address"]
        if no_address == "exclude":
            part = part[~missing]
        counts = part["cell"].value_counts()
        row: dict[str, Any] = {} if by is None else {by: g}
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


def _venn_of_counts(counts: RecordCounts, by, country, international, no_address) -> pd.DataFrame:
    """:func:`document_venn_counts` of the document profiles of :func:`read_counts` (same rows, same columns)."""
    import pandas as pd

    dims = ("U", "I", "G", "F") if international else ("U", "I", "G")
    cells = _cells(dims)
    names = {m: "".join(d for i, d in enumerate(dims) if m >> i & 1) or "none" for m in range(2 ** len(dims))}
    focus = None if country is None else _fmt.country_code(country)
    groups = {}  # group -> [n_records, n_no_address, {cell: n}]
    p = counts.profiles
    for year, text, u, i, g, written, n in zip(
            p["year"].astype(object).where(p["year"].notna(), None), p["countries"], p["U"], p["I"], p["G"],
            p["has_address"], p["n_documents"]):
        countries = text.split(";") if text else []
        if focus is not None and focus not in countries:
            continue
        # with a focus country every kept document has it, so "an address abroad" is a second country
        code = int(u) | int(i) << 1 | int(g) << 2 | (int(len(countries) >= 2) << 3 if international else 0)
        keys = [None] if by is None else [year] if by == "year" else (countries or [None])
        for key in keys:
            acc = groups.setdefault(key, [0, 0, {}])
            if not written:
                acc[1] += int(n)
                if no_address == "exclude":
                    continue
            acc[0] += int(n)
            acc[2][names[code]] = acc[2].get(names[code], 0) + int(n)
    order = [None] if by is None else sorted(k for k in groups if k is not None) + (
        [None] if None in groups else [])
    rows = []
    for key in order:
        n_records, n_missing, per_cell = groups.get(key, [0, 0, {}])
        row = {} if by is None else {by: key}
        row["n_records"] = n_records
        for c in cells + ["none"]:
            row[c] = per_cell.get(c, 0)
        row["n_no_address"] = n_missing
        rows.append(row)
    columns = ([] if by is None else [by]) + ["n_records"] + cells + ["none", "n_no_address"]
    out = pd.DataFrame(rows, columns=columns)
    if by == "year":
        out["year"] = out["year"].astype("Int64")
    elif by == "country":
        out["country"] = out["country"].astype("string")
    return out


#: Deprecated alias of :func:`document_venn_counts` (removed in 0.3).
venn_counts = renamed_function(document_venn_counts, "venn_counts", "helixnet.bibliometrics")


@renamed_parameters(n_boot="n_resamples")
def synergy_table(
    records: Records | RecordCounts,
    by: Literal["year", "country"] | None = "year",
    country: str | None = None,
    international: bool = False,
    n_resamples: int = 0,
    seed: Seed = DEFAULT_SEED,
    ci: float = 0.95,
    unit: Unit = "bit",
    no_address: Literal["exclude", "none"] = "exclude",
) -> pd.DataFrame:
    """T_UIG (or T_UIGF) from the Venn counts, per year or country.

    Parameters
    ----------
    records : Records or RecordCounts
        Classified records, or the counts of :func:`read_counts` (the same table).
    by, country, international, no_address
        As in :func:`document_venn_counts`.
    n_resamples : int
        Bootstrap replicates for the interval of T (0: no interval, the
        columns are NaN; ``n_boot`` until 0.2: a deprecated alias, removed in
        0.3).
    seed : int or None
        Seed of the bootstrap (default 0: the same intervals on every run;
        None draws fresh entropy).
    ci : float
        Confidence level of the interval (:func:`helixnet.bootstrap`'s
        default method, basic: centred on the bias-corrected estimate).
    unit : {"bit", "mbit", "nat"}

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`document_venn_counts` plus ``k`` (number of dimensions:
        3, or 4 with `international`), ``T`` (co-information, dit's sign),
        ``ci_low`` and ``ci_high`` (its interval), ``R`` (mutual redundancy
        :math:`(-1)^{k+1} T`), ``R_ci_low`` and ``R_ci_high`` (the same
        interval read for R); fixed whatever `n_resamples` and `international`
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
    from helixnet._warntally import WarningTally
    from helixnet.information._measures import venn_table
    from helixnet.information._uncertainty import bootstrap_tables

    n_resamples, seed = check_count(n_resamples, "n_resamples", minimum=0), check_seed(seed)
    tally = WarningTally()
    counts = document_venn_counts(records, by=by, country=country, international=international, no_address=no_address)
    dims = ("U", "I", "G", "F") if international else ("U", "I", "G")
    cells = _cells(dims)
    tables = [venn_table({c: int(row[c]) for c in cells}, none=int(row["none"]), dims="".join(dims))
              for _, row in counts.iterrows()]
    # every table's bootstrap, as hx.bootstrap(table, n_resamples, seed) gives it, in one batched pass
    # (a table without documents has no T)
    kept = [j for j, t in enumerate(tables) if t.sum() > 0]
    boots = dict(zip(kept, bootstrap_tables([tables[j] for j in kept], n_resamples, seed=seed, ci=ci, unit=unit)))
    t_list: list[float] = []
    lo_list: list[float] = []
    hi_list: list[float] = []
    for j in range(len(tables)):
        if j not in boots:
            t_list.append(np.nan)
            lo_list.append(np.nan)
            hi_list.append(np.nan)
            continue
        b = boots[j]
        t_list.append(b.estimate)
        if n_resamples:
            with tally.row():  # one summary warning for the table, not one per row
                b.warn()
            lo_list.append(b.ci_low)
            hi_list.append(b.ci_high)
        else:
            lo_list.append(np.nan)
            hi_list.append(np.nan)
    tally.report(f"tables (one per {by})" if by else "tables")
    # mutual redundancy R = (-1)^(k+1) T (Leydesdorff & Ivanova 2014): its interval is T's,
    # reflected when the sign flips
    sign = 1.0 if len(dims) % 2 == 1 else -1.0
    T, lo, hi = np.asarray(t_list, dtype=float), np.asarray(lo_list, dtype=float), np.asarray(hi_list, dtype=float)
    r_lo, r_hi = (lo, hi) if sign > 0 else (-hi, -lo)
    return counts.assign(k=len(dims), T=T, ci_low=lo, ci_high=hi, R=sign * T + 0.0, R_ci_low=r_lo + 0.0,
                         R_ci_high=r_hi + 0.0)


def coauthorship_network(records: Records, min_weight: int = 1) -> nx.Graph:
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


def openalex(*args, **kwargs):
    """Triple Helix indicators per country and year from OpenAlex (the live API or a snapshot).

    The same function as :func:`helixnet.bibliometrics.openalex` (parameters,
    result and errors are documented there), offered here beside the
    readers of exported files.
    """
    from helixnet.bibliometrics._openalex import openalex as _openalex

    return _openalex(*args, **kwargs)
