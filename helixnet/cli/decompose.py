"""``helixnet decompose``: within/between-group decomposition of the Triple Helix indicator.

Wraps :func:`helixnet.decompose`. JSON output (schema ``DECOMPOSE`` in
:mod:`helixnet.cli._schemas`): the result's ``to_dict()`` — ``unit``, ``n``,
``dimensions`` (and ``dims``, its 0.1 name, deprecated: removed in the next
release), ``total``, ``within``, ``between``, ``terms`` (additive terms:
``term, level, value, share``), ``levels`` (``level, depth, n_groups, within,
between, between_share``) and ``groups`` (``level, depth, group, parent, n,
weight, T, contribution, between``); NaN is written as null. CSV output: the
table chosen by ``--table`` (default ``groups``; ``parent`` joined by "/").
"""

from helixnet.cli._common import UsageError, add_records_arguments, add_unit_argument, columns_list, note
from helixnet.cli._output import add_output_arguments

HELP = "within/between-group decomposition of T (regions, nested levels)"
EXAMPLE = "helixnet decompose firms.csv --dims geography,technology,size --group region,municipality"


def add_arguments(parser):
    add_records_arguments(parser)
    parser.add_argument("--group", metavar="G1[,G2]", help="group column(s), coarse to fine")
    add_unit_argument(parser)
    parser.add_argument("--table", choices=["groups", "levels", "terms"],
                        help="with --format csv: the table written (default groups)")
    add_output_arguments(parser)


def read_for(args, extra):
    """Records with the dimension and `extra` columns; --dropna applied to them."""
    from helixnet.information._engines import read_data

    if not args.dims:
        raise UsageError("the option --dims is required")
    dims = columns_list(args.dims)
    cols = list(dict.fromkeys(dims + extra + ([args.weight] if args.weight else [])))
    # every column as text: the weight too, so that the one weight parser (not the CSV
    # reader's type inference, which reads 0x10 as 16 and true as a bool) decides
    records = read_data(args.input, columns=cols, text_columns=cols)
    if args.dropna:
        keep = records[dims + extra].notna().all(axis=1)
        dropped = int((~keep).sum())
        if dropped:
            note(args, f"dropped {dropped} records with a missing value")
        records = records[keep]
    else:
        dropped = 0
    return records, dims, dropped


def run(args):
    from helixnet.cli._output import Output
    from helixnet.information._decomposition import decompose

    if not args.group:
        raise UsageError("the option --group is required")
    if args.table is not None and args.format != "csv":
        raise UsageError("--table goes with --format csv")
    args.table = args.table or "groups"
    groups = columns_list(args.group)
    records, dims, dropped = read_for(args, groups)
    res = decompose(records, dims, groups if len(groups) > 1 else groups[0], weight=args.weight, unit=args.unit)
    payload = {}
    for key, value in res.to_dict().items():
        payload[key] = value
        if key == "dimensions":
            payload["dims"] = value  # the 0.1 name, kept for one release (deprecated)
    table = {"groups": res.groups, "levels": res.levels, "terms": res.to_frame()}[args.table].copy()
    if "parent" in table:
        table["parent"] = ["/".join(map(str, p)) for p in table["parent"]]
    from helixnet.information._measures import sign_reading

    lines = [f"T({','.join(dims)}) = {res.total:.6f} {res.unit}   n = {payload['n']}   ({sign_reading(len(dims))})",
             f"{'term':<8} {'level':<20} {'value':>12} {'share':>8}"]
    for r in res.to_frame().itertuples():
        lines.append(f"{r.term:<8} {str(r.level):<20} {r.value:12.6f} {r.share:8.3f}")
    lines.append("")
    lines.append(f"{'level':<16} {'group':<20} {'n':>10} {'T':>12} {'contribution':>13}")
    for r in res.groups.itertuples():
        lines.append(f"{str(r.level):<16} {str(r.group):<20} {r.n:10g} {r.T:12.6f} {r.contribution:13.6f}")
    return Output(payload=payload, table=table.reset_index(drop=True), text="\n".join(lines))
