"""Formatting and atomic writing of command results.

A command's ``run`` returns an :class:`Output`: the JSON-serialisable payload,
the table behind it (a DataFrame, for ``--format csv``) and a text rendering.
Nothing is written until the whole output exists, and a file is written to a
temporary name in the target folder and renamed into place, so a failure never
leaves a partial file.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass
from typing import Any

FORMATS = ("text", "json", "csv")


@dataclass
class Output:
    """What a command produced.

    payload : JSON-serialisable object (``--format json``)
    table : pandas.DataFrame or None (``--format csv``; falls back to the payload
        flattened when None)
    text : str or None (``--format text``; falls back to pretty JSON)
    """

    payload: Any
    table: Any = None
    text: str | None = None


def json_value(v):
    """A value as strict JSON takes it: numpy scalars as Python ones, NaN/inf/NA as None."""
    import math

    if v is None or type(v).__name__ == "NAType":
        return None
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        v = v.item()
    return None if isinstance(v, float) and not math.isfinite(v) else v


def json_records(frame, index: str | None = None) -> list:
    """A DataFrame as JSON records (values through :func:`json_value`).

    With `index`, each record starts with the row label under that key.
    """
    rows = []
    for label, row in zip(frame.index, frame.to_dict(orient="records")):
        rec = {} if index is None else {index: json_value(label)}
        rec.update({str(k): json_value(v) for k, v in row.items()})
        rows.append(rec)
    return rows


def add_output_arguments(parser, default_format: str = "text") -> None:
    """Add ``--format`` and ``--out`` to a subcommand's parser."""
    parser.add_argument("--format", choices=FORMATS, default=default_format, help="output format")
    parser.add_argument("--out", metavar="FILE", help="write to FILE (atomically) instead of stdout")


def render(output: Output, fmt: str) -> str:
    """The text of `output` in format `fmt`."""
    if fmt == "json":
        return json.dumps(output.payload, indent=2, sort_keys=False, allow_nan=False) + "\n"
    if fmt == "csv":
        table = output.table
        if table is None:
            import pandas as pd

            table = pd.json_normalize(output.payload)
        return table.to_csv(index=table.index.name is not None, lineterminator="\n")
    if output.text is not None:
        return output.text if output.text.endswith("\n") else output.text + "\n"
    return json.dumps(output.payload, indent=2, allow_nan=False) + "\n"


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write `text` to `path` through a temporary file and an atomic rename."""
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".helixnet-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def emit(args, output: Output) -> None:
    """Print or write `output` as the parsed `args` ask (``--format``, ``--out``)."""
    text = render(output, getattr(args, "format", "text"))
    out = getattr(args, "out", None)
    if out:
        atomic_write_text(out, text)
    else:
        sys.stdout.write(text)
