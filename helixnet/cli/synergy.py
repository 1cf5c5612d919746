"""``helixnet synergy``: the Triple Helix indicator of a file of records or of Venn counts.

Records are counted into the contingency table of ``--dims`` by an engine of
:mod:`helixnet.engines` (DuckDB by default: out of core), then
:func:`helixnet.synergy` computes every entropy and mutual information.

JSON output (schema ``SYNERGY`` in :mod:`helixnet.cli._schemas`)::

    {"dimensions": ["a", "b", "c"], "n": 1000, "unit": "bit",
     "entropy": {"a": .., "b": .., "c": .., "a,b": .., "a,c": .., "b,c": .., "a,b,c": ..},
     "mutual_information": {"a,b": .., "a,c": .., "b,c": .., "a,b,c": ..},
     "redundancy": {"a,b": .., "a,c": .., "b,c": .., "a,b,c": ..},
     "constant_dimensions": [],
     "dropped": 0,
     "intervals": {"n_boot": B, "ci": 0.95, "seed": S,          # only with --bootstrap
                   "method": "basic", "cases_per_cell": ..,
                   "mutual_information": {"a,b": {"estimate": .., "mean": .., "std_error": ..,
                                                  "bias": .., "bias_corrected": ..,
                                                  "ci_low": .., "ci_high": ..}, ...}},
     "krippendorff": {...},   # only with --krippendorff: KrippendorffResult.to_dict()
     "game": {...}}           # only with --game: GameResult.to_dict()

Labels are the dimension names joined by "," in the order given. ``n`` is the
number of records (the sum of weights with ``--weight``); ``dropped`` the
records dropped by ``--dropna`` (0 for Venn counts). ``mutual_information`` is
T (co-information, dit's sign); ``redundancy`` is Leydesdorff & Ivanova's
(2014) mutual redundancy R = (-1)^(k+1) T of a k-subset, negative = synergy in
every dimension (R = T for three dimensions, R = -T for two and four).
``constant_dimensions`` names dimensions with a single category: every T that
includes one is 0 by construction. CSV output: one row per subset with columns
``subset, k, entropy, mutual_information, redundancy, ci_low, ci_high,
interaction_information`` (the interval columns, which are for T, are empty
without ``--bootstrap``; ``interaction_information``, Krippendorff's I of all
the dimensions, is filled on the row of all dimensions with
``--krippendorff``). ``--game`` (Mêgnigbêto's Triple Helix game of ``--venn``
counts) has text and JSON output only. The
intervals are those of :func:`helixnet.bootstrap` (``--interval``: ``basic``,
the default, is centred on the bias-corrected estimate; ``bca``;
``percentile``); ``bias`` is the bootstrap estimate of the plug-in T's bias.
"""

import math

from helixnet.cli._common import (
    ENGINE_CHOICES,
    UsageError,
    add_records_arguments,
    add_unit_argument,
    columns_list,
    count_int,
    fraction,
    note,
    seed_int,
    show_progress,
    warnings_as_notes,
)
from helixnet.cli._output import add_output_arguments

HELP = "Triple Helix indicator: entropies and mutual information of every subset of dimensions"
DESCRIPTION = (
    "Count the records of INPUT into the table of --dims and report every entropy H and every "
    "mutual information T (negative T among three dimensions = synergy). Or give Venn counts "
    "of presence/absence dimensions with --venn (and the all-absent count with --none)."
)
EXAMPLE = (
    "helixnet synergy firms.parquet --dims geography,technology,size --format json\n"
    "  helixnet synergy --venn U=120,I=80,G=40,UI=30,UG=12,IG=9,UIG=5 --none 0"
)

_VENN_KEYS = "U=..,I=..,G=..,UI=..,UG=..,IG=..,UIG=.."


def add_arguments(parser):
    add_records_arguments(parser, input_required=False)
    parser.add_argument("--engine", choices=ENGINE_CHOICES, help="counting engine (default duckdb for files)")
    parser.add_argument("--scheduler", metavar="ADDR", help="Dask scheduler address (with --engine dask)")
    add_unit_argument(parser)
    parser.add_argument("--bias", choices=["miller-madow"], help="entropy bias correction")
    parser.add_argument("--bootstrap", "--resamples", type=count_int, metavar="B",
                        help="bootstrap replicates for confidence intervals (--resamples: the same option, "
                             "the name every resampling subcommand shares)")
    parser.add_argument("--seed", type=seed_int, metavar="S", help="seed of the bootstrap (required with --bootstrap)")
    parser.add_argument("--ci", type=fraction, metavar="LEVEL",
                        help="with --bootstrap: confidence level of the intervals (default 0.95)")
    parser.add_argument("--interval", choices=["basic", "bca", "percentile"], default="basic",
                        help="bootstrap interval (default basic: centred on the bias-corrected estimate)")
    parser.add_argument("--venn", metavar=_VENN_KEYS, help="Venn counts instead of INPUT")
    parser.add_argument("--none", metavar="N", help="with --venn: cases with none of the dimensions")
    parser.add_argument("--krippendorff", action="store_true",
                        help="also Krippendorff's interaction information I (IPF max-entropy fit), with R = I + T")
    parser.add_argument("--game", action="store_true",
                        help="with --venn U,I,G counts: Megnigbeto's Triple Helix game (core, Shapley value, nucleolus)")
    add_output_arguments(parser)


def parse_count(text: str, what: str):
    """A count as typed: an exact int when whole (``5e18``, ``120``), else a float.

    Read through :class:`decimal.Decimal`, so ``12345678901234567891`` or
    ``5e18`` become exactly that integer (a float would round them); whether it
    is too large for a count is checked as the library checks counts.
    """
    from decimal import Decimal, InvalidOperation

    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        raise UsageError(f"{what} is not a number: {text.strip()!r}") from None
    if not number.is_finite():
        raise UsageError(f"{what} must be a finite number, got {text.strip()!r}")
    from helixnet.exceptions import InvalidTableError
    from helixnet.information._measures import MAX_COUNT

    if number > MAX_COUNT:  # refused before building a possibly huge integer (1e300)
        raise InvalidTableError(f"{what} is {text.strip()}, more than the largest exact count {MAX_COUNT} (2**63 - 1)")
    if number == number.to_integral_value():
        return int(number)
    return float(number)


def parse_venn(text: str) -> dict:
    """``"U=3,I=4"`` -> ``{"U": 3, "I": 4}`` (exact ints when whole)."""
    out = {}
    for item in text.split(","):
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(f"--venn expects {_VENN_KEYS}, got {item.strip()!r}")
        number = parse_count(value, f"--venn count for {key!r}")
        if key in out:
            raise UsageError(f"--venn key {key!r} given twice")
        out[key] = number
    return out


def _table(args):
    """(table, dims, dropped) from the arguments."""
    if args.venn is not None:
        if args.input is not None or args.dims or args.weight or args.engine or args.dropna:
            raise UsageError("--venn takes no INPUT, --dims, --weight, --engine or --dropna")
        if args.none is None:
            raise UsageError("--venn needs --none N: the cases with none of the dimensions (it changes T)")
        from helixnet.information._measures import venn_table

        none = parse_count(args.none, "--none")
        counts = parse_venn(args.venn)
        table = venn_table(counts, none=none)
        dims = ("U", "I", "G", "F")[: table.ndim]
        return table, dims, 0
    if args.none is not None:
        raise UsageError("--none goes with --venn")
    if args.input is None:
        raise UsageError("give INPUT (a records file) or --venn counts")
    if not args.dims:
        raise UsageError("the option --dims is required with INPUT")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler goes with --engine dask")
    from helixnet.information._engines import count_table

    ct = count_table(
        args.input, columns_list(args.dims), weight=args.weight, engine=args.engine,
        scheduler=args.scheduler, dropna=args.dropna, progress=show_progress(args),
    )  # fmt: skip
    if ct.dropped:
        note(args, f"dropped {ct.dropped} records with a missing dimension")
    return ct.counts, ct.dims, ct.dropped


def _intervals(args, table, dims):
    """Bootstrap intervals of every T (:func:`helixnet.information.bootstrap`, ``--interval`` method)."""
    from helixnet.information._uncertainty import bootstrap

    with warnings_as_notes(args):
        result = bootstrap(table, dims=list(dims), n_resamples=args.bootstrap, ci=args.ci, seed=args.seed,
                           unit=args.unit, bias=args.bias, method=args.interval,
                           progress=show_progress(args))  # fmt: skip
    full = result.to_dict()
    return {k: full[k] for k in ("n_boot", "ci", "seed", "method", "cases_per_cell", "mutual_information")}


def _csv_table(payload, ci):
    """One row per subset: subset, k, entropy, mutual_information, redundancy, ci_low, ci_high,
    interaction_information (pandas)."""
    import pandas as pd

    full = ",".join(payload["dimensions"])
    kripp = payload.get("krippendorff", {}).get("interaction_information", math.nan)
    rows = []
    for label, h in payload["entropy"].items():
        t = payload["mutual_information"].get(label, math.nan)
        r = payload["redundancy"].get(label, math.nan)
        low, high = (ci[label]["ci_low"], ci[label]["ci_high"]) if label in ci else (math.nan, math.nan)
        rows.append((label, label.count(",") + 1, h, t, r, low, high, kripp if label == full else math.nan))
    columns = ["subset", "k", "entropy", "mutual_information", "redundancy", "ci_low", "ci_high",
               "interaction_information"]
    return pd.DataFrame(rows, columns=columns).set_index("subset")


def _krippendorff_text(k) -> list:
    """Text lines of Krippendorff's interaction information (a KrippendorffResult)."""
    dims = ",".join(k.dims)
    status = "converged" if k.converged else "NOT converged"
    lines = [
        (f"Krippendorff's interaction information (IPF: tol {k.tol:g}, {k.iterations} sweeps, {status}, "
         f"largest margin deviation {k.max_deviation:.2g}):"),
        (f"  I({dims} -> all {len(k.dims) - 1}-way margins) = {k.I:.6f} {k.unit}  (>= 0: information only the "
         f"{len(k.dims)}-way table holds)"),
    ]
    if k.R is not None:
        lines.append(f"  Q = -T = {k.Q:.6f} {k.unit}  (McGill's sign);  R = I - Q = I + T = {k.R:.6f} {k.unit}  "
                     "(redundancy of loops among the 2-way relations);  T = R - I")  # fmt: skip
    return lines


def _game_text(g) -> list:
    """Text lines of the Triple Helix game (a GameResult)."""
    lines = [
        (f"Triple Helix game (Megnigbeto): values in % of the {g.n} documents with U, I or G "
         "(the none count plays no part)"),
        "  characteristic function v: " + "  ".join(f"v({c})={x:.4f}" for c, x in g.characteristic.items()),
        f"  {'player':<8} {'v(i)':>10} {'core low':>10} {'core high':>10} {'Shapley':>10} {'nucleolus':>10}",
    ]
    for p in g.players:
        lo, hi = g.core_bounds[p]
        lines.append(f"  {p:<8} {g.characteristic[p]:10.4f} {lo:10.4f} {hi:10.4f} {g.shapley[p]:10.4f} "
                     f"{g.nucleolus[p]:10.4f}")  # fmt: skip
    if g.core_empty:
        lines.append("  the core is empty")
    else:
        verts = ", ".join("(" + ", ".join(f"{a:.4f}" for a in v) + ")" for v in g.core_vertices)
        lines.append(f"  core: {len(g.core_vertices)} vertices (x_U, x_I, x_G): {verts}")
    return lines


def _verdict(dims, res):
    """The last line: T and R of all dimensions and how to read their sign.

    Negative mutual redundancy R = (-1)^(N+1) T is a reduction of uncertainty
    in any N >= 3 (Leydesdorff & Ivanova 2014): R = T in three dimensions and
    R = -T in four, so in even dimensions a negative T is *not* synergy.
    """
    k = len(dims)
    label = ",".join(map(str, dims))
    if res.constant_dimensions:
        verdict = "0 by construction (a constant dimension)"
    elif k < 3:
        verdict = "mutual information between two dimensions (no synergy reading)"
    else:
        verdict = "synergy (reduction of uncertainty)" if res.redundancy < 0 else "no synergy"
    line = f"T({label}) = {res.T:.6f} {res.unit}"
    if k % 2 == 0:
        line += f", R({label}) = -T = {res.redundancy:.6f} {res.unit} (the sign flips in even dimensions)"
    return f"{line}: {verdict}"


def run(args):
    from helixnet.cli._output import Output
    from helixnet.information._measures import synergy

    if args.ci is not None and args.bootstrap is None:
        raise UsageError("--ci goes with --bootstrap")
    args.ci = 0.95 if args.ci is None else args.ci
    if args.bootstrap is not None:
        if args.seed is None:
            raise UsageError("--bootstrap needs --seed S (results must be reproducible)")
    elif args.seed is not None:
        raise UsageError("--seed goes with --bootstrap")
    if args.game and args.venn is None:
        raise UsageError("--game needs --venn counts of U, I and G")
    if args.game and args.format == "csv":
        raise UsageError("--game has text and JSON output only; use --format text or json")
    table, dims, dropped = _table(args)
    if args.game and tuple(dims) != ("U", "I", "G"):
        raise UsageError("--game is the three-player game of U, I and G; the --venn counts have another dimension")
    with warnings_as_notes(args):
        res = synergy(table, dims=list(dims), unit=args.unit, bias=args.bias)
    payload = res.to_dict()
    payload["dropped"] = dropped
    ci = {}
    if args.bootstrap is not None:
        payload["intervals"] = _intervals(args, table, dims)
        ci = payload["intervals"]["mutual_information"]
    head = f"dimensions: {', '.join(payload['dimensions'])}   n = {payload['n']}   unit: {res.unit}"
    head += (f"   bias: {res.bias}" if res.bias else "") + (f"   dropped: {dropped}" if dropped else "")
    lines = [head, f"{'subset':<30} {'H':>12} {'T':>12} {'R':>12}"
             + (f" {f'{args.ci:.0%} {args.interval} interval of T':>33} {'bias of T':>11}" if ci else "")]
    for label, h in payload["entropy"].items():
        t = payload["mutual_information"].get(label)
        r = payload["redundancy"].get(label)
        row = f"{label:<30} {h:12.6f} {'' if t is None else f'{t:12.6f}':>12} {'' if r is None else f'{r:12.6f}':>12}"
        if label in ci:
            row += f"  {'':6}[{ci[label]['ci_low']:11.6f}, {ci[label]['ci_high']:11.6f}] {ci[label]['bias']:11.6f}"
        lines.append(row)
    lines.append("T: co-information (dit's sign); R = (-1)^(k+1) T: mutual redundancy "
                 "(Leydesdorff & Ivanova 2014), R < 0 = synergy in any number of dimensions")
    lines.append(_verdict(payload["dimensions"], res))
    if res.constant_dimensions:
        lines.append(f"note: {', '.join(map(str, res.constant_dimensions))} constant: every T that "
                     "includes it is 0 by construction (not a finding about synergy)")
    if args.krippendorff:
        from helixnet.information._krippendorff import krippendorff_interaction

        kripp = krippendorff_interaction(table, dims=list(dims), unit=args.unit)
        payload["krippendorff"] = kripp.to_dict()
        lines += _krippendorff_text(kripp)
        if args.bias:
            lines.append("  (I, T, Q and R here are plug-in values: --bias does not apply to them)")
    if args.game:
        from helixnet.information._game import game

        g = game(table)
        payload["game"] = g.to_dict()
        lines += _game_text(g)
    table_out = _csv_table(payload, ci) if args.format == "csv" else None
    return Output(payload=payload, table=table_out, text="\n".join(lines))
