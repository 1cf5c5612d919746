"""Argument helpers shared by the command modules (light: no numpy/pandas at import).

Reading records and graphs from files goes through :mod:`helixnet.engines`
(records) and :func:`read_graph` here (graphs), which turn every parser error
of pandas, pyarrow, DuckDB or networkx into a :class:`helixnet.InputFileError`
so the command line prints one line and exits with status 1.
"""

from __future__ import annotations

import contextlib
import os
import sys

ENGINE_CHOICES = ("pandas", "duckdb", "dask")
UNIT_CHOICES = ("bit", "mbit", "nat")


class UsageError(Exception):
    """Bad usage the parser cannot see (conflicting options); exit status 2."""


def columns_list(text: str) -> list[str]:
    """Split a comma-separated list of column names (blanks around names ignored)."""
    names = [c.strip() for c in text.split(",")]
    if any(not c for c in names):
        raise UsageError(f"empty column name in {text!r}")
    return names


def add_records_arguments(parser, input_required: bool = True) -> None:
    """INPUT, --dims, --weight and --dropna: a table of records."""
    parser.add_argument(
        "input", metavar="INPUT", nargs=None if input_required else "?",
        help="records file: .csv, .tsv, .parquet or .xlsx (one row per case)",
    )  # fmt: skip
    parser.add_argument("--dims", metavar="A,B,C", help="dimension columns, comma-separated (two or more)")
    parser.add_argument("--weight", metavar="COL", help="column of non-negative case weights")
    parser.add_argument(
        "--dropna", action="store_true",
        help="drop records with a missing dimension (and report how many) instead of failing",
    )  # fmt: skip


def int_in_range(lo: int, hi: int | None = None, what: str = "integer"):
    """An argparse type: an integer in ``[lo, hi]`` (out of range or not an integer: exit status 2)."""
    import argparse

    bounds = f">= {lo}" if hi is None else f"from {lo} to {hi}"

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"invalid {what} {text!r}: give an integer {bounds}") from None
        if value < lo or (hi is not None and value > hi):
            raise argparse.ArgumentTypeError(f"invalid {what} {text!r}: give an integer {bounds}")
        return value

    parse.__name__ = what  # argparse names the type in some messages
    return parse


#: argparse type of --seed: a non-negative integer (numpy's seeds)
seed_int = int_in_range(0, what="seed")
#: argparse type of replicate counts (--null, --bootstrap, --permutations, each also spelled --resamples): a positive integer
count_int = int_in_range(1, what="count")


def fraction(text: str) -> float:
    """argparse type of a confidence level: a number strictly between 0 and 1."""
    import argparse
    import math

    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"invalid level {text!r}: give a number between 0 and 1")
    return value


def add_unit_argument(parser) -> None:
    parser.add_argument("--unit", choices=UNIT_CHOICES, default="bit", help="unit of entropies and T")


def show_progress(args) -> bool:
    """Progress bars: on unless --quiet or stderr is not a terminal."""
    return not getattr(args, "quiet", False) and sys.stderr.isatty()


def require(args, *names: str) -> None:
    for name in names:
        if getattr(args, name.lstrip("-").replace("-", "_"), None) in (None, ""):
            raise UsageError(f"the option {name} is required")


def note(args, text: str) -> None:
    """One informational line on stderr (suppressed by --quiet)."""
    if not getattr(args, "quiet", False):
        print(f"helixnet {args.command}: {text}", file=sys.stderr)


def float_fmt(x) -> str:
    if x is None:
        return "nan"
    return f"{x:.6f}"


# ---------------------------------------------------------------------------
# graphs


def check_edge_attribute(G, name, option: str) -> None:
    """Raise unless some edge of `G` carries the attribute `name` (given by `option`).

    A misspelt ``--edge-weight`` would otherwise make every tie weigh 1.
    """
    from helixnet.exceptions import InvalidGraphError

    if G.number_of_edges() and not any(name in d for _, _, d in G.edges(data=True)):
        found = sorted({k for _, _, d in G.edges(data=True) for k in d})
        raise InvalidGraphError(
            f"no edge has the attribute {name!r} ({option}); edge attributes: {', '.join(found) or 'none'}"
        )

GRAPH_FORMATS = ("edges", "graphml", "gexf")


def graph_format(path: str, given: str | None = None) -> str:
    """The graph format of `path`: given explicitly, or from the extension."""
    if given:
        return given
    low = path.lower()
    if low.endswith(".graphml"):
        return "graphml"
    if low.endswith(".gexf"):
        return "gexf"
    return "edges"


def add_graph_input_arguments(parser) -> None:
    parser.add_argument(
        "input", metavar="INPUT",
        help="graph: an edge list (.csv/.tsv/.parquet/.xlsx), .graphml or .gexf",
    )  # fmt: skip
    parser.add_argument(
        "--nodes", metavar="FILE",
        help="node table for an edge list: a 'node' column and a 'sector' column (U/I/G/O)",
    )  # fmt: skip
    parser.add_argument("--source", metavar="COL", help="edge list: source column (default: source)")
    parser.add_argument("--target", metavar="COL", help="edge list: target column (default: target)")
    parser.add_argument("--undirected", action="store_true", help="edge list: the ties are undirected")
    parser.add_argument("--input-format", choices=GRAPH_FORMATS, help="override the format guessed from INPUT")


def read_graph(args):
    """The networkx graph named by the parsed graph-input arguments.

    Options that do not apply to the input (``--source``, ``--target``,
    ``--nodes``, ``--undirected`` with GraphML/GEXF) are usage errors, and
    column options naming a column the file lacks are errors: never ignored.
    """
    from helixnet.exceptions import HelixnetError, InputFileError, InvalidRecordsError

    path = args.input
    fmt = graph_format(path, getattr(args, "input_format", None))
    source, target = getattr(args, "source", None), getattr(args, "target", None)
    if fmt == "edges":
        from helixnet.information._engines import read_data
        from helixnet.networks._builders import from_edges

        if not getattr(args, "nodes", None):
            raise UsageError("an edge list needs --nodes FILE (columns node, sector[, label])")
        source, target = source or "source", target or "target"
        # weights as text: the one weight parser decides (type inference reads 0x10 as 16)
        edges = read_data(path, text_columns=[source, target, "relation", "weight"])
        for option, col, role in (("--source", source, "source"), ("--target", target, "target")):
            if col not in edges.columns:
                raise InvalidRecordsError(
                    f"{path}: no column named {col!r} ({option}); available columns: "
                    f"{', '.join(map(str, edges.columns))}"
                )
            if col != role and role in edges.columns:
                raise InvalidRecordsError(
                    f"{path}: {option} {col} names the {role} column, but the file has a column {role!r} too; "
                    "rename one of them"
                )
        edges = edges.rename(columns={source: "source", target: "target"})
        nodes = read_data(args.nodes, text_columns=["node", "sector", "label", "kind"])
        return from_edges(edges, nodes, directed=not getattr(args, "undirected", False))
    given = [o for o, v in (("--source", source), ("--target", target), ("--nodes", getattr(args, "nodes", None)),
                            ("--undirected", getattr(args, "undirected", False))) if v]
    if given:
        verb = "applies" if len(given) == 1 else "apply"
        raise UsageError(f"{', '.join(given)} {verb} only to an edge list, not to a {fmt.upper()} file")
    if not os.path.exists(path):
        raise InputFileError(f"{path}: no such file")
    from helixnet.networks import _builders as builders

    reader = builders.read_graphml if fmt == "graphml" else builders.read_gexf
    try:
        return reader(path)
    except HelixnetError:
        raise
    except Exception as exc:  # XML parse errors, networkx format errors, OSError
        lines = str(exc).strip().splitlines() or [type(exc).__name__]
        raise InputFileError(f"{path}: not a readable {fmt.upper()} file: {lines[0]}") from exc


@contextlib.contextmanager
def warnings_as_notes(args):
    """Turn the library's HelixnetWarnings inside the block into one-line notes on stderr."""
    import warnings

    from helixnet.exceptions import HelixnetWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", HelixnetWarning)
        yield
    for w in caught:
        if issubclass(w.category, HelixnetWarning):
            note(args, str(w.message))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
