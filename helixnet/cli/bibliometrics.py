"""``helixnet bibliometrics``: T_UIG of co-authorship from WoS, Scopus, OpenAlex or MEDLINE files.

JSON output (stable)::

    {"n_records": int, "n_no_address": int, "no_address": "exclude" | "none",
     "duplicates_dropped": int, "unclassified_addresses": int,
     "addresses": {"U": int, "I": int, "G": int, "O": int, "unclassified": int},
     "address_shares": {"U": float | null, ..., "unclassified": float | null},
     "skipped": [{"file": str, "line": int, "reason": str}, ...],
     "repairs": [{"file": str, "line": int, "repair": str}, ...],
     "country": str | null, "international": bool, "unit": "bit",
     "venn": {"U": int, "I": int, "G": int, "UI": int, "UG": int, "IG": int, "UIG": int,
              [the F cells with --international,] "none": int},
     "mutual_information": {"U,I": float, ..., "U,I,G": float},
     "redundancy": {"U,I": float, ..., "U,I,G": float},   # R = (-1)^(k+1) T: R < 0 = synergy
     "interval": {"ci_low": float, "ci_high": float, "n_boot": int, "seed": int} | null,
     "by": "year" | "country" | null,
     "rows": [{"year"|"country": ..., "n_records": int, <cells>, "none": int, "n_no_address": int,
               "k": int, "T": float | null, "ci_low": float | null, "ci_high": float | null,
               "R": float | null, "R_ci_low": float | null, "R_ci_high": float | null}, ...]}

T is the co-information (dit's sign), R = (-1)^(k+1) T Leydesdorff & Ivanova's
(2014) mutual redundancy: negative R is synergy in three and four dimensions
alike, whereas with ``--international`` (four dimensions) a positive T is synergy.

``n_no_address`` counts documents without any address: left out of
``n_records`` and every cell (``no_address: "exclude"``), or counted in
``none`` with ``--include-no-address``. ``rows`` is empty without ``--by``; T
of a group whose documents all fall in one cell is 0. Address counts and
shares, like the Venn cells, cover the documents counted (with ``--country``,
those with an address in that country). T, R and the mutual informations are
rounded to 12 decimals, so floating-point noise (-3e-16) prints as 0.
"""

import os
from typing import Literal

from helixnet.cli._common import int_in_range, seed_int
from helixnet.cli._output import add_output_arguments

HELP = "Triple Helix synergy of co-authorship from Web of Science, Scopus, OpenAlex or MEDLINE exports"
DESCRIPTION = """\
Triple Helix synergy (T_UIG, bits; negative = synergy) of co-authorship from bibliographic exports.

Formats, detected from each file's contents:
  Web of Science plain text (savedrecs.txt: FN/PT ... ER records) and tab-delimited (a PT ... UT header,
  UTF-16 or UTF-8); Scopus CSV (an EID column; the extra-column shift of an unquoted comma is repaired
  with a warning); OpenAlex works as JSON lines, a JSON array, API response pages
  ({"meta": ..., "results": [...]}, one or many files) or snapshot partitions (part_*.gz); MEDLINE/PubMed
  text (PMID- records, AD affiliations). Duplicate records (same id) across files count once.

Each address is classified U (university), I (industry), G (government) or O (other: hospitals,
non-profits) by ordered rules (helixnet/bibliometrics/rules/address_rules.csv; --audit lists each decision and its
rule). A document falls in the Venn cell of its sectors; 'none' counts documents with no U, I or G
address (only O or unclassified ones): it is part of the table and changes T.

Records are counted as they are read (several files, or parts of a large one, in parallel
processes): memory does not grow with the size of the exports.

--country keeps the documents with an address in that country (ISO code such as KZ, or a name such
as Kazakhstan); F (--international) then marks documents with an address abroad.
"""
EXAMPLE = "helixnet bibliometrics savedrecs.txt scopus.csv --by year --country KZ --format json"


def add_arguments(parser):
    parser.add_argument("files", nargs="+", metavar="FILE", help="export files (format detected from contents)")
    parser.add_argument("--input-format", choices=["auto", "wos", "wos_tab", "scopus", "openalex", "medline"],
                        default="auto", help="format of the files (default: detected from each file's contents)")
    parser.add_argument("--by", choices=["year", "country"], help="one row per year or country")
    parser.add_argument("--country", metavar="CODE|NAME",
                        help="keep documents with an address in this country (ISO code or name)")
    parser.add_argument("--international", action="store_true",
                        help="add international co-authorship (F) as a fourth dimension")
    parser.add_argument("--include-no-address", action="store_true",
                        help="count documents without any address in 'none' (default: leave them out)")
    parser.add_argument("--skip-bad-records", action="store_true",
                        help="read every good record; list each skipped one (file, line, reason) on stderr "
                             "and in the JSON ('skipped'). Without it the first bad record stops the run")
    parser.add_argument("--ror", metavar="FILE",
                        help="offline ROR data dump (JSON or zip): classify addresses naming a ROR "
                             "organisation by its type")
    parser.add_argument("--audit", metavar="FILE",
                        help="write every address decision (doc_id, address, country, sector, rule) as CSV")
    parser.add_argument("--bootstrap", "--resamples", type=int_in_range(0, what="count"), default=0, metavar="B",
                        help="bootstrap replicates for T's interval (default 0: none; --resamples: the same "
                             "option, the name every resampling subcommand shares)")
    parser.add_argument("--seed", type=seed_int, help="with --bootstrap: seed of the bootstrap (default 0)")
    parser.add_argument("--unit", choices=["bit", "mbit", "nat"], default="bit")
    add_output_arguments(parser)


def _clean(v, digits=12):
    """JSON value with floats rounded to `digits` decimals (and -0.0 as 0.0)."""
    from helixnet._jsonable import jsonable

    return jsonable(v, decimals=digits)


def run(args):
    from helixnet.bibliometrics import _pipeline as bib
    from helixnet.cli._common import UsageError, show_progress
    from helixnet.cli._output import emit
    from helixnet.exceptions import HelixnetValueError

    if args.seed is not None and not args.bootstrap:
        raise UsageError("--seed goes with --bootstrap")
    args.seed = 0 if args.seed is None else args.seed
    country = None
    if args.country is not None:
        try:
            country = bib.country_code(args.country)
        except HelixnetValueError as exc:
            raise UsageError(str(exc)) from None
    _lean_allocators()
    audit = _audit_temp(args.audit) if args.audit else None
    try:
        # read as a stream: the counts are kept, not the records (memory flat in the size of the files)
        records = bib.read_counts(args.files, format=args.input_format, skip_bad_records=args.skip_bad_records,
                                  ror=args.ror, audit=audit, progress=show_progress(args))
        output = _output(args, records, country, audit)
        if audit is None:
            return output
        emit(args, output)  # the audit file is written with the output, all or nothing
        return 0
    finally:
        if audit is not None and os.path.exists(audit):
            os.unlink(audit)


def _audit_temp(path):
    """A hidden temporary file beside `path` (the audit is renamed from it into place)."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path)) if path != "-" else None
    fd, tmp = tempfile.mkstemp(prefix=".helixnet-", suffix=".tmp", dir=folder)
    os.close(fd)
    return tmp


def _output(args, records, country, audit):
    """The :class:`Output` of the run: payload, table and text from the counts."""
    import math
    import shutil
    import sys

    from helixnet.bibliometrics import _pipeline as bib
    from helixnet.cli._common import note
    from helixnet.cli._output import Output
    from helixnet.information._measures import synergy, venn_table

    for s in records.skipped:
        print(f"helixnet bibliometrics: skipped {s['file']}: line {s['line']}: {s['reason']}", file=sys.stderr)
    for r in records.repairs:
        note(args, f"{r['file']}: line {r['line']}: {r['repair']}")
    dims = ("U", "I", "G", "F") if args.international else ("U", "I", "G")
    no_address: Literal["exclude", "none"] = "none" if args.include_no_address else "exclude"
    total = bib.synergy_table(records, by=None, country=country, international=args.international,
                              n_resamples=args.bootstrap, seed=args.seed, unit=args.unit, no_address=no_address)
    row = total.iloc[0]
    cells = [c for c in total.columns if c not in ("n_records", "k", "T", "ci_low", "ci_high")
             and not c.startswith(("n_", "R"))]
    venn = {c: int(row[c]) for c in cells}
    table = venn_table({c: v for c, v in venn.items() if c != "none"}, none=venn["none"], dims="".join(dims))
    full = synergy(table, dims=dims, unit=args.unit).to_dict()
    mi = {k: _clean(v) for k, v in full["mutual_information"].items()}
    red = {k: _clean(v) for k, v in full["redundancy"].items()}
    sectors = bib.address_sectors(records, country=country)
    per = None
    rows = []
    if args.by:
        per = bib.synergy_table(records, by=args.by, country=country, international=args.international,
                                n_resamples=args.bootstrap, seed=args.seed, unit=args.unit, no_address=no_address)
        rows = [{k: _clean(v) for k, v in r.items()} for r in per.to_dict(orient="records")]
    payload = {
        "n_records": int(row["n_records"]),
        "n_no_address": int(row["n_no_address"]),
        "no_address": no_address,
        "duplicates_dropped": records.duplicates_dropped,
        "unclassified_addresses": int(sectors.loc[sectors["sector"] == "unclassified", "n_addresses"].iloc[0]),
        "addresses": dict(zip(sectors["sector"], (int(n) for n in sectors["n_addresses"]))),
        "address_shares": {k: _clean(v, 6) for k, v in zip(sectors["sector"], sectors["share"])},
        "skipped": records.skipped,
        "repairs": records.repairs,
        "country": country,
        "international": args.international,
        "unit": args.unit,
        "venn": venn,
        "mutual_information": mi,
        "redundancy": red,
        "interval": None if not args.bootstrap else {
            "ci_low": _clean(row["ci_low"]), "ci_high": _clean(row["ci_high"]),
            "n_boot": args.bootstrap, "seed": args.seed},
        "by": args.by,
        "rows": rows,
    }
    files = {}
    if audit is not None:  # written with the output, all or nothing
        files[args.audit] = lambda path: shutil.move(audit, path)
    frame = _printable(per if per is not None else total)
    label = ",".join(dims)
    shares = ", ".join(f"{k}={n}" + ("" if math.isnan(s) else f" ({100 * s:.1f}%)")
                       for k, n, s in zip(sectors["sector"], sectors["n_addresses"], sectors["share"]))
    lines = [(f"records: {payload['n_records']} ({payload['duplicates_dropped']} duplicates dropped, "
              f"{payload['n_no_address']} without any address "
              f"{'counted in none' if no_address == 'none' else 'left out'}, "
              f"{len(records.skipped)} bad records skipped)"),
             f"addresses: {shares}",
             "venn: " + ", ".join(f"{k}={v}" for k, v in venn.items()),
             (f"T({label}) = {mi[label]:.6f} {args.unit}, R({label}) = {red[label]:.6f} {args.unit} "
              "(R = (-1)^(k+1) T; R < 0 = synergy in any number of dimensions)")]
    if payload["interval"] is not None:
        iv = payload["interval"]
        lines.append(f"  {args.bootstrap} bootstrap replicates (seed {args.seed}): 95% interval of T "
                     f"[{iv['ci_low']:.6f}, {iv['ci_high']:.6f}] {args.unit}")
    if rows:
        lines.append(frame.to_string(index=False, na_rep=""))
    return Output(payload=payload, table=frame, text="\n".join(lines), files=files)


def _lean_allocators():
    """Allocators that give freed memory back: Arrow buffers from malloc, large blocks mmapped.

    pyarrow's mimalloc/jemalloc pools keep freed memory for reuse, and glibc's malloc raises
    its mmap threshold as large blocks are freed, after which arrays of several MB come
    from a heap that fragments and cannot shrink; so the large temporary columns of
    reading, classifying and counting add up in the peak resident memory. Arrow buffers
    from the system allocator and a fixed 4 MB mmap threshold (glibc ``mallopt``) return
    them at once: on a 493 MB export of 110,000 records the peak fell from about 315 MB to
    about 285 MB for about 0.2 s more (benchmarks/bench_bibliometrics.py). This run is a
    process of its own, so the choice touches no one else; elsewhere it is skipped.
    """
    import sys

    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL("libc.so.6").mallopt(-3, 4 << 20)  # M_MMAP_THRESHOLD (malloc.h)
        except (OSError, AttributeError):  # pragma: no cover (not glibc)
            pass
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover (pandas strings without pyarrow)
        return
    pa.set_memory_pool(pa.system_memory_pool())


def _printable(frame):
    """The table for text and CSV: T rounded to noise, integers as integers, missing as empty."""
    out = frame.copy()
    for c in ("T", "ci_low", "ci_high", "R", "R_ci_low", "R_ci_high"):
        if c in out.columns:
            out[c] = out[c].round(12) + 0.0
    return out
