"""``helixnet shapley``: Shapley values of players (regions, sectors) in the Triple Helix indicator.

Wraps :func:`helixnet.shapley`. JSON output (schema ``SHAPLEY`` in
:mod:`helixnet.cli._schemas`): the result's ``to_dict()``::

    {"dimensions": [...], "player": "region", "unit": "bit", "value": "pooled",
     "method": "exact", "n_permutations": 0, "seed": null, "total": T, "size_ratio": ..,
     "values": [{"player": "north", "n": .., "share": .., "shapley": .., "stderr": ..}, ...]}

The values add up to ``total`` (T of all records). ``n`` is each player's
number of records (or weight), ``share`` its fraction of all records,
``size_ratio`` the largest over the smallest ``n``. ``seed`` is the seed of the
permutation method (default 0: repeated runs are identical; null for the exact
method). CSV output: the ``values`` rows (``player, n, share, shapley, stderr``).
"""

from helixnet.cli._common import (
    UsageError,
    add_records_arguments,
    add_unit_argument,
    count_int,
    seed_int,
    show_progress,
    warnings_as_notes,
)
from helixnet.cli._output import add_output_arguments

HELP = "Shapley values of players (regions, sectors) in T: exact, or Monte Carlo with standard errors"
EXAMPLE = "helixnet shapley firms.csv --dims geography,technology,size --player region --format csv"


def add_arguments(parser):
    add_records_arguments(parser)
    parser.add_argument("--player", metavar="COL", help="the column whose values are the players")
    add_unit_argument(parser)
    parser.add_argument("--method", choices=["auto", "exact", "permutation"], default="auto")
    parser.add_argument("--value", choices=["pooled", "weighted"], default="pooled",
                        help="coalition value: T of the pooled records, or (n_S/N) T_S (default pooled)")
    parser.add_argument("--permutations", type=count_int, metavar="N",
                        help="random orders for the permutation method (default 1000)")
    parser.add_argument("--seed", type=seed_int, metavar="S",
                        help="seed of the permutation method (default 0)")
    add_output_arguments(parser)


def run(args):
    from helixnet.cli._output import Output
    from helixnet.cli.decompose import read_for
    from helixnet.information._decomposition import shapley
    from helixnet.information._measures import sign_reading

    if not args.player:
        raise UsageError("the option --player is required")
    sampled = args.permutations is not None or args.seed is not None
    if args.method == "exact" and sampled:
        raise UsageError("--permutations and --seed apply to the permutation method, not --method exact")
    records, dims, _ = read_for(args, [args.player])
    if args.method == "auto" and sampled:  # checked before the exact values are computed
        try:
            n_players = records[args.player].nunique()
        except TypeError:  # unhashable values (list or struct cells): shapley() refuses them below
            n_players = None
        if n_players is not None and n_players <= 20:
            raise UsageError(f"--permutations and --seed apply to the permutation method; with {n_players} "
                             "players the values are exact (give --method permutation to sample)")
    with warnings_as_notes(args):
        res = shapley(records, dims, args.player, weight=args.weight, unit=args.unit, method=args.method,
                      n_permutations=1000 if args.permutations is None else args.permutations,
                      seed=0 if args.seed is None else args.seed, progress=show_progress(args),
                      value=args.value)
    if res.method == "exact" and sampled:  # --method auto chose the exact values (at most 20 players)
        raise UsageError(f"--permutations and --seed apply to the permutation method; with {len(res.n)} players "
                         "the values are exact (give --method permutation to sample)")
    payload = res.to_dict()
    table = res.to_frame()
    lines = [f"Shapley values of {args.player} in T({','.join(dims)}) = {res.total:.6f} "
             f"{res.unit} ({res.method}, value {res.value}"
             + (f", {res.n_permutations} permutations, seed {res.seed}" if res.method == "permutation" else "")
             + f"; {sign_reading(len(dims))})",
             f"{'player':<24} {'n':>10} {'share':>7} {'shapley':>12} {'stderr':>10}"]
    lines += [f"{str(r.player):<24} {r.n:10g} {r.share:7.3f} {r.shapley:12.6f} {r.stderr:10.2g}"
              for r in table.itertuples()]
    return Output(payload=payload, table=table, text="\n".join(lines))
