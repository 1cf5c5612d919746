"""``helixnet shapley``: Shapley values of players (regions, sectors) in the Triple Helix indicator.

Wraps :func:`helixnet.shapley`. JSON output (schema ``SHAPLEY`` in
:mod:`helixnet.cli._schemas`)::

    {"dimensions": [...], "player": "region", "unit": "bit", "method": "exact",
     "n_permutations": 0, "total": T,
     "values": [{"player": "north", "shapley": .., "stderr": ..}, ...]}

The values add up to ``total`` (T of all records). CSV output: the ``values``
rows (``player, shapley, stderr``).
"""

from helixnet.cli._common import (
    UsageError,
    add_records_arguments,
    add_unit_argument,
    count_int,
    seed_int,
    show_progress,
)
from helixnet.cli._output import add_output_arguments

HELP = "Shapley values of players (regions, sectors) in T: exact, or Monte Carlo with standard errors"
EXAMPLE = "helixnet shapley firms.csv --dims geography,technology,size --player region --format csv"


def add_arguments(parser):
    add_records_arguments(parser)
    parser.add_argument("--player", metavar="COL", help="the column whose values are the players")
    add_unit_argument(parser)
    parser.add_argument("--method", choices=["auto", "exact", "permutation"], default="auto")
    parser.add_argument("--permutations", type=count_int, default=1000, metavar="N",
                        help="random orders for the permutation method")
    parser.add_argument("--seed", type=seed_int, metavar="S", help="seed of the permutation method")
    add_output_arguments(parser)


def run(args):
    import pandas as pd

    from helixnet.cli._output import Output
    from helixnet.cli.decompose import read_for
    from helixnet.decomposition import shapley

    if not args.player:
        raise UsageError("the option --player is required")
    records, dims, _ = read_for(args, [args.player])
    values = shapley(records, dims, args.player, weight=args.weight, unit=args.unit, method=args.method,
                     n_permutations=args.permutations, seed=args.seed, progress=show_progress(args))
    stderr = values.attrs.get("stderr", {})
    table = pd.DataFrame({
        "player": [p.item() if hasattr(p, "item") else p for p in values.index],
        "shapley": values.to_numpy(dtype=float),
        "stderr": [float(stderr.get(p, float("nan"))) for p in values.index],
    })
    total = values.attrs.get("total")
    payload = {
        "dimensions": dims,
        "player": args.player,
        "unit": values.attrs.get("unit", args.unit),
        "method": values.attrs.get("method"),
        "n_permutations": int(values.attrs.get("n_permutations", 0)),
        "total": None if total is None else float(total),
        # a single permutation has no standard error (NaN): null in JSON
        "values": [{k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}
                   for row in table.to_dict(orient="records")],
    }
    lines = [f"Shapley values of {args.player} in T({','.join(dims)}) = {payload['total']:.6f} "
             f"{payload['unit']} ({payload['method']})", f"{'player':<24} {'shapley':>12} {'stderr':>10}"]
    lines += [f"{str(r.player):<24} {r.shapley:12.6f} {r.stderr:10.2g}" for r in table.itertuples()]
    return Output(payload=payload, table=table, text="\n".join(lines))
