"""``helixnet reproduce``: every figure, table and number of the Kazakhstan study."""

from helixnet.cli._common import int_in_range

HELP = "reproduce the Kazakhstan case study: figures, CSV tables, summary.json, report.md"
DESCRIPTION = (
    "Run every analysis of the Kazakhstan case study (Dnishev et al. 2015) and write the\n"
    "figures (PNG 300 dpi, PDF), the data behind them (CSV), summary.json (key results)\n"
    "and report.md (figures, numbers and what they show) into one folder.\n"
    "Deterministic: two runs give byte-identical CSV and JSON. A non-empty folder is\n"
    "replaced only with --force, only if it holds an earlier helixnet result and nothing\n"
    "else, and only once the new results are complete."
)
EXAMPLE = "helixnet reproduce --out helixnet-results && open helixnet-results/report.md"
DPI_RANGE = (10, 1200)  # helixnet.kazakhstan.DPI_RANGE (not imported: keeps --help light)


def add_arguments(parser):
    parser.add_argument(
        "--out",
        metavar="DIR",
        default="helixnet-results",
        help="output folder (default: ./helixnet-results); must be empty or new unless --force",
    )
    parser.add_argument("--force", action="store_true",
                        help="replace an earlier helixnet result in DIR (never any other folder)")
    parser.add_argument("--dpi", type=int_in_range(DPI_RANGE[0], DPI_RANGE[1], what="dpi"), default=300,
                        help=f"PNG resolution, {DPI_RANGE[0]} to {DPI_RANGE[1]} (default: 300)")


def run(args):
    import sys

    from helixnet.kazakhstan._reproduce import reproduce

    summary = reproduce(args.out, force=args.force, quiet=args.quiet, dpi=args.dpi)
    n = len(summary["analyses"])
    if not args.quiet:
        for name, why in summary["skipped"].items():
            print(f"helixnet reproduce: skipped {name}: needs {why}", file=sys.stderr)
        print(f"wrote {n} analyses, {len(summary['files'])} files to {args.out} (see report.md)")
    return 0
