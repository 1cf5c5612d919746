"""``helixnet triads``: synergy of every triad (or quadruple) of columns of a file.

Wraps :func:`helixnet.synergy_triads` (and :func:`helixnet.synergy_map` with
``--map``). JSON output (schema ``TRIADS`` in :mod:`helixnet.cli._schemas`)::

    {"columns": [...], "order": 3, "unit": "bit", "n": 1000, "tuples": 161700,
     "n_perm": 0, "alternative": "less", "correction": null, "seed": null,
     "triads": [{"a": .., "b": .., "c": .., "T": .., "R": .., "n": ..,
                 "T_ab": .., "T_ac": .., "T_bc": .., "p_value": null, "p_adjusted": null}, ...]}

``triads`` holds the ``--top`` most synergetic rows (all by default), most
synergetic first; with ``--order 4`` each row also has ``d`` and six pair
columns. ``tuples`` is the number of tuples computed. CSV output: the same
rows.
"""

from typing import Any, cast

from helixnet.cli._common import (
    UsageError,
    add_unit_argument,
    columns_list,
    note,
    seed_int,
    show_progress,
)
from helixnet.cli._output import add_output_arguments

HELP = "synergy T of every triad (or quadruple) of columns, most synergetic first, with a synergy map"
DESCRIPTION = (
    "Compute the mutual information T of every triad of --columns of INPUT (default: all columns but "
    "--weight), most synergetic (most negative) first; --order 4 gives quadruples with R = -T. "
    "Optional permutation p-values with a max-statistic or FDR correction, and a synergy map file."
)
EXAMPLE = (
    "helixnet triads survey.parquet --top 20 --format csv\n"
    "  helixnet triads survey.csv --columns q1,q2,q3,q4,q5 --permutations 199 --seed 1 "
    "--correction fdr_bh --map synergy.graphml"
)


def add_arguments(parser):
    parser.add_argument("input", metavar="INPUT", help="records file: .csv, .tsv or .parquet (one row per case)")
    parser.add_argument("--columns", metavar="A,B,C", help="the variables, comma-separated (default: all but --weight)")
    parser.add_argument("--weight", metavar="COL", help="column of non-negative case weights")
    parser.add_argument("--order", type=int, choices=[3, 4], default=3, help="triads (3) or quadruples (4)")
    parser.add_argument("--top", type=int, metavar="K", help="report only the K most synergetic tuples")
    add_unit_argument(parser)
    parser.add_argument("--permutations", "--resamples", type=int, metavar="N",
                        help="permutations for p-values (none by default; --resamples: the same option, "
                             "the name every resampling subcommand shares)")
    parser.add_argument("--seed", type=seed_int, metavar="S", help="seed of the permutations (required with them)")
    parser.add_argument("--alternative", choices=["less", "greater", "two-sided"],
                        help="of the permutation p-values; 'less' (default): synergy (R below the null)")  # fmt: skip
    parser.add_argument("--correction", choices=["max", "fdr_bh"],
                        help="multiple-comparison adjustment across all tuples (p_adjusted)")  # fmt: skip
    parser.add_argument("--engine", choices=["duckdb", "pandas"],
                        help="reader: duckdb (default when installed) reduces the file to its distinct patterns")  # fmt: skip
    parser.add_argument("--map", metavar="FILE",
                        help="also write the synergy map: .graphml, .gexf, .net (Pajek) or any other "
                             "extension for VOSviewer (map file + FILE_network)")  # fmt: skip
    add_output_arguments(parser)


def run(args):
    from helixnet.cli._output import Output, json_records
    from helixnet.information._triads import map_writers, synergy_map, synergy_triads

    if args.top is not None and args.top < 1:
        raise UsageError("--top needs a positive number")
    if args.permutations is not None:
        if args.permutations < 1:
            raise UsageError("--permutations needs a positive number")
        if args.seed is None:
            raise UsageError("--permutations needs --seed S (results must be reproducible)")
    elif args.seed is not None or args.correction is not None or args.alternative is not None:
        raise UsageError("--seed, --alternative and --correction go with --permutations")
    if args.map == "-":
        raise UsageError("--map needs a file name (the map is written beside the output, not to stdout)")
    alternative: Any = args.alternative or "less"  # one of argparse's choices
    columns = columns_list(args.columns) if args.columns else None
    res = synergy_triads(args.input, columns=columns, weight=args.weight, unit=args.unit, order=args.order,
                         n_resamples=args.permutations, alternative=alternative, correction=args.correction,
                         seed=args.seed, progress=show_progress(args), engine=args.engine)  # fmt: skip
    shown = res if args.top is None else res.head(args.top)
    # the map files are written with the output, all or nothing (check_outputs knows their names)
    files = map_writers(synergy_map(res, top=args.top), args.map) if args.map else {}
    names = list(dict.fromkeys(v for c in "abcd" if c in res for v in res[c]))
    payload = {
        "columns": [str(c) for c in (columns or names)],
        "order": args.order,
        "unit": args.unit,
        "n": float(res["n"].iloc[0]) if len(res) else 0.0,
        "tuples": len(res),
        "n_perm": args.permutations or 0,
        "alternative": alternative,
        "correction": args.correction,
        "seed": args.seed,
        "triads": json_records(shown),
    }
    letters = [c for c in "abcd" if c in res]
    head = f"{len(res)} tuples of order {args.order}   n = {payload['n']:g}   unit: {args.unit}"
    if args.permutations:
        head += f"   {args.permutations} permutations ({alternative}; correction: {args.correction or 'none'})"
    lines = [head, "  ".join(f"{c:<16}" for c in letters) + f" {'T':>12} {'R':>12} {'p':>8} {'p_adj':>8}"]
    for r in shown.itertuples(index=False):
        row = cast(Any, r)._asdict()
        lines.append("  ".join(f"{row[c]!s:<16}" for c in letters)
                     + f" {row['T']:12.6f} {row['R']:12.6f} {row['p_value']:8.4g} {row['p_adjusted']:8.4g}")  # fmt: skip
    if files:
        note(args, f"synergy map written to {', '.join(files)}")
    return Output(payload=payload, table=shown, text="\n".join(lines), files=files)
