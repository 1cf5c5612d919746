"""``helixnet openalex``: T_UIG and R_UIGF per country and year from OpenAlex (snapshot or API).

JSON output (schema ``OPENALEX`` in :mod:`helixnet.cli._schemas`)::

    {"source": "snapshot" | "api", "n_works": int, "n_untyped": int,
     "settings": {"engine": str, "n_boot": int, "seed": int, "ci": float, "unit": str, "files": int, ...},
     "rows": [{"country": str | null, "year": int | null, "n_records": int,
               "U": int, ..., "UIGF": int, "none": int, "n_untyped": int,
               "T": float, "ci_low": float | null, "ci_high": float | null,
               "R_UIGF": float, "R_ci_low": float | null, "R_ci_high": float | null}, ...]}

CSV output: the rows. ``--out FILE.parquet`` writes the rows as Parquet.
"""

from helixnet.cli._common import UsageError, add_unit_argument, fraction, note, seed_int, show_progress
from helixnet.cli._output import add_output_arguments

HELP = "Triple Helix indicators per country and year from the OpenAlex snapshot or API"
DESCRIPTION = (
    "Count OpenAlex works by the sectors of their institutions (ROR types; address rules for "
    "untyped ones) and report, for every country and publication year, the Venn cells, T_UIG "
    "(negative = synergy) and R_UIGF with bootstrap intervals. --snapshot DIR reads the snapshot's "
    "works/updated_date=*/part_*.gz files; without it the works are fetched from the API into a "
    "resumable page cache (--cache)."
)
EXAMPLE = (
    "helixnet openalex --snapshot openalex-snapshot/data --out trends.parquet\n"
    "  helixnet openalex --country KZ --years 2000-2024 --mailto you@example.org --cache oa-cache "
    "--format csv --out kz.csv"
)


def _years(text: str):
    """YYYY, YYYY-YYYY, YYYY- or -YYYY: 4-digit years, the first not after the last."""
    import argparse
    import re

    m = re.fullmatch(r"\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*", text)
    if not m or not (m.group(1) or m.group(3)) or (m.group(3) and not m.group(2)):
        raise argparse.ArgumentTypeError(f"invalid years {text!r}: give YYYY or YYYY-YYYY (4-digit years)")
    lo, dash, hi = (int(m.group(1)) if m.group(1) else None), m.group(2), (int(m.group(3)) if m.group(3) else None)
    if not dash:
        return lo
    if lo is not None and hi is not None and lo > hi:
        raise argparse.ArgumentTypeError(f"invalid years {text!r}: the first year is after the last")
    return (lo, hi)


def _list(text: str) -> list:
    return [t.strip() for t in text.split(",") if t.strip()]


def _countries(text: str) -> list:
    """ISO 3166-1 alpha-2 codes, comma-separated."""
    import argparse
    import re

    codes = _list(text)
    bad = [c for c in codes if not re.fullmatch(r"[A-Za-z]{2}", c)]
    if bad or not codes:
        raise argparse.ArgumentTypeError(
            f"invalid country {', '.join(bad) or text!r}: give ISO 3166-1 alpha-2 codes (two letters, e.g. KZ)")
    return [c.upper() for c in codes]


def add_arguments(parser):
    src = parser.add_argument_group("source")
    src.add_argument("--snapshot", metavar="DIR", help="OpenAlex snapshot folder (holding works/updated_date=*)")
    src.add_argument("--cache", metavar="DIR",
                     help="API mode: page cache folder; a run resumes from it (default ./openalex-cache)")
    flt = parser.add_argument_group("filters (API mode; with --snapshot, --country and --years keep rows)")
    flt.add_argument("--country", type=_countries, metavar="ISO2[,ISO2]", help="works with an institution there")
    flt.add_argument("--institution", type=_list, metavar="ID[,ID]", help="OpenAlex institution ids")
    flt.add_argument("--years", type=_years, metavar="YYYY[-YYYY]", help="publication year or range")
    flt.add_argument("--concept", type=_list, metavar="ID[,ID]", help="OpenAlex concept ids")
    flt.add_argument("--topic", type=_list, metavar="ID[,ID]", help="OpenAlex topic ids")
    flt.add_argument("--filter", metavar="EXPR", help="more filters in the API's syntax")
    api = parser.add_argument_group("API")
    api.add_argument("--mailto", metavar="EMAIL", help="e-mail for OpenAlex's polite pool")
    api.add_argument("--api-key", metavar="KEY", help="OpenAlex API key, if you have one")
    api.add_argument("--max-works", type=int, metavar="N", help="stop after N works")
    api.add_argument("--base-url", metavar="URL", help="API root (default https://api.openalex.org)")
    parser.add_argument("--engine", choices=["duckdb", "dask", "records"],
                        help="counting engine (default duckdb; records: the pandas per-record path)")
    parser.add_argument("--scheduler", metavar="ADDR", help="Dask scheduler address (with --engine dask)")
    parser.add_argument("--ror-types", metavar="CSV", help="ROR type -> sector map (columns ror_type, sector)")
    parser.add_argument("--bootstrap", "--resamples", type=int, default=200, metavar="B",
                        help="bootstrap replicates per row (default 200; 0: no intervals; --resamples: the "
                             "same option, the name every resampling subcommand shares)")
    parser.add_argument("--seed", type=seed_int, metavar="S", help="seed of the bootstrap (default 0)")
    parser.add_argument("--ci", type=fraction, default=0.95, metavar="LEVEL", help="level of the intervals")
    add_unit_argument(parser)
    parser.add_argument("--figure", metavar="FILE", help="also draw T over time (PNG/PDF/SVG by extension)")
    parser.add_argument("--countries", type=_countries, metavar="ISO2[,ISO2]",
                        help="countries of the figure (default: the six with most works)")
    add_output_arguments(parser)


def run(args):
    import os

    from helixnet.bibliometrics._openalex import API_URL, openalex
    from helixnet.cli._output import Output

    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if args.bootstrap < 0:
        raise UsageError("--bootstrap must be 0 or more")
    if args.seed is not None and args.bootstrap == 0:
        raise UsageError("--seed goes with --bootstrap (--bootstrap 0 draws nothing)")
    if args.countries and not args.figure:
        raise UsageError("--countries chooses the panels of --figure; give --figure FILE")
    if args.max_works is not None and args.max_works < 1:
        raise UsageError("--max-works must be a positive integer")
    api_options = ("institution", "concept", "topic", "filter", "max_works", "mailto", "api_key", "base_url",
                   "cache")
    if args.snapshot and any(getattr(args, a) is not None for a in api_options):
        raise UsageError("--institution, --concept, --topic, --filter, --max-works, --mailto, --api-key, "
                         "--base-url and --cache are API options; "
                         "with --snapshot only --country and --years (which keep rows) apply")
    base_url = API_URL if args.base_url is None else args.base_url
    if not args.snapshot:
        from urllib.parse import urlsplit

        parts = urlsplit(base_url)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise UsageError(f"--base-url {base_url}: give an http:// or https:// URL")
    out = args.out or ""
    if out.lower().endswith(".parquet") and args.format != "text":
        raise UsageError("--out FILE.parquet writes Parquet; leave out --format")
    # cheap checks of the outputs before the (long) computation
    if args.figure and os.path.splitext(args.figure)[1].lower() not in (".png", ".pdf", ".svg"):
        raise UsageError(f"--figure {args.figure}: give a .png, .pdf or .svg file")
    for option, path in (("--out", out), ("--figure", args.figure)):
        if path and path != "-":
            folder = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(folder):
                raise UsageError(f"{option} {path}: no such folder {folder}")
    country = args.country[0] if args.country and len(args.country) == 1 else args.country
    res = openalex(
        args.snapshot, cache_dir=args.cache, country=country, institution=args.institution,
        years=args.years, concept=args.concept, topic=args.topic, filter=args.filter, mailto=args.mailto,
        api_key=args.api_key, max_works=args.max_works, base_url=base_url, engine=args.engine,
        scheduler=args.scheduler, ror_types=args.ror_types, n_resamples=args.bootstrap, seed=0 if args.seed is None else args.seed, ci=args.ci,
        unit=args.unit, progress=show_progress(args),
    )  # fmt: skip
    note(args, f"{res.n_works} works ({res.n_untyped} with addresses classified by the address rules), "
               f"{len(res.table)} country-year rows")
    # the table, the Parquet file and the figure are written together, all or nothing
    files = {args.figure: _figure_writer(res, args)} if args.figure else {}
    if out.lower().endswith(".parquet"):
        from helixnet.cli._output import write_outputs

        write_outputs([*files.items(), (out, lambda path: res.table.to_parquet(path, index=False))])
        return 0
    table = res.table
    text = table.to_string(index=False, max_rows=60, float_format=lambda x: f"{x:.6f}")
    return Output(payload=res.to_dict(), table=table, text=text, files=files)


def _figure_writer(res, args):
    """A function writing the figure of T over time to a given path (by --figure's extension)."""
    import os
    import tempfile

    from helixnet.plot._base import save

    ext = os.path.splitext(args.figure)[1].lower().lstrip(".")  # checked by run()
    fig = res.plot(args.countries, unit=args.unit)[0].figure

    def write(path):
        with tempfile.TemporaryDirectory(dir=os.path.dirname(os.path.abspath(path))) as tmp:
            written = save(fig, os.path.join(tmp, "figure"), formats=(ext,))
            os.replace(written[0], path)

    return write
