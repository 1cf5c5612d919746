"""Formatting and atomic writing of command results.

A command's ``run`` returns an :class:`Output`: the JSON-serialisable payload,
the table behind it (a DataFrame, for ``--format csv``) and a text rendering.
Nothing is written until the whole output exists, and a file is written to a
temporary name in the target folder and renamed into place, so a failure never
leaves a partial file (see :func:`write_outputs`: permission bits, non-regular
targets, several files at once). ``--out -`` is standard output, and an output
that is one of the command's inputs is refused (:func:`check_outputs`).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from typing import Any

from helixnet._files import new_file_mode

FORMATS = ("text", "json", "csv")


@dataclass
class Output:
    """What a command produced.

    payload : JSON-serialisable object (``--format json``)
    table : pandas.DataFrame or None (``--format csv``; falls back to the payload
        flattened when None)
    text : str or None (``--format text``; falls back to pretty JSON)
    files : dict of path -> str or writer function; more files written with
        the output, all or nothing (e.g. ``graph --nodes-out``)
    """

    payload: Any
    table: Any = None
    text: str | None = None
    files: dict = field(default_factory=dict)


def json_value(v):
    """A value as strict JSON takes it: numpy scalars as Python ones, NaN/inf/NA as None
    (:func:`helixnet._jsonable.jsonable`, the one sanitiser)."""
    from helixnet._jsonable import jsonable

    return jsonable(v)


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
    parser.add_argument("--out", metavar="FILE",
                        help="write to FILE (atomically; '-' for standard output) instead of stdout")


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




def _is_stdout(path) -> bool:
    return path is None or os.fspath(path) == "-"


def _write_content(content, path: str) -> None:
    """Write `content` (text, or a function that writes a file at a path) to the file `path`."""
    if callable(content):
        content(path)
    else:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)


def write_outputs(targets) -> None:
    """Write every ``(path, content)`` of `targets`, all or nothing.

    `content` is a str, or a function writing a file at the path it is
    given (e.g. a GraphML writer). A path ``"-"`` (or None) is standard
    output. Regular files (new or existing) are first written in full to
    hidden temporary files beside their targets, then renamed into place;
    an existing file keeps its permission bits, a new one gets
    ``0o666 & ~umask``; a symbolic link to a file is followed (the file it
    points to is replaced, the link kept). If a rename fails, the files already replaced are
    restored. A target that exists and is not a regular file (``/dev/stdout``,
    a FIFO, a terminal) is written directly, never replaced by a rename.
    Any failure or interrupt (Ctrl-C, SIGTERM through the CLI) removes every
    temporary file.
    """
    import stat

    staged, direct, temps, backups, done = [], [], [], [], []
    try:
        for path, content in targets:
            if _is_stdout(path):
                direct.append((None, content))
                continue
            path = os.fspath(path)
            try:
                st = os.stat(path)
            except FileNotFoundError:
                st = None
            if st is not None and not stat.S_ISREG(st.st_mode):
                if stat.S_ISDIR(st.st_mode):
                    raise IsADirectoryError(f"{path}: is a directory")
                direct.append((path, content))
                continue
            if st is not None:
                path = os.path.realpath(path)  # a symbolic link is followed, and kept
            folder = os.path.dirname(os.path.abspath(path))
            fd, tmp = tempfile.mkstemp(prefix=".helixnet-", suffix=".tmp", dir=folder)
            os.close(fd)
            temps.append(tmp)
            _write_content(content, tmp)
            os.chmod(tmp, stat.S_IMODE(st.st_mode) if st is not None else new_file_mode())
            staged.append((tmp, path, st is not None))
        # every regular file is complete: rename into place, keeping a hard link to each old file
        for tmp, path, existed in staged:
            backup = None
            if existed:
                backup = tmp + ".old"
                try:
                    os.link(path, backup)
                    backups.append(backup)
                except OSError:  # no hard links here: the old file cannot be restored
                    backup = None
            os.replace(tmp, path)
            temps.remove(tmp)
            done.append((path, backup, existed))
        for path, content in direct:
            if path is None:
                if callable(content):
                    _copy_through_temp(content, sys.stdout)
                else:
                    sys.stdout.write(content)
                    sys.stdout.flush()
            else:
                with open(path, "w", encoding="utf-8", newline="") as fh:
                    _copy_through_temp(content, fh) if callable(content) else fh.write(content)
    except BaseException:
        for path, backup, existed in reversed(done):  # undo the renames already made
            try:
                if backup is not None:
                    os.replace(backup, path)
                    backups.remove(backup)
                elif not existed:
                    os.unlink(path)
            except OSError:
                pass
        raise
    finally:
        for leftover in temps + backups:
            try:
                os.unlink(leftover)
            except FileNotFoundError:
                pass


def _copy_through_temp(writer, stream) -> None:
    """Run a path-taking `writer` on a temporary file and copy the text to `stream`."""

    with tempfile.TemporaryDirectory(prefix=".helixnet-") as folder:
        tmp = os.path.join(folder, "out")
        writer(tmp)
        with open(tmp, encoding="utf-8") as fh:
            stream.write(fh.read())
        stream.flush()


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write `text` to `path` as :func:`write_outputs` does (atomically for a regular file)."""
    write_outputs([(path, text)])


def input_paths(args) -> list[str]:
    """The input files named by parsed arguments (``input``, ``nodes``, ``files``, ``ror``)."""
    paths = []
    for name in ("input", "nodes", "files", "ror"):
        value = getattr(args, name, None)
        if isinstance(value, (list, tuple)):
            paths += [v for v in value if v]
        elif value:
            paths.append(value)
    return paths


def output_paths(args) -> list[str]:
    """The output files named by parsed arguments (``out``, ``nodes_out``, ``audit``, ``map``, ``figure``;
    ``-`` excluded)."""
    names = ("out", "nodes_out", "audit", "map", "figure")
    paths = [v for v in (getattr(args, name, None) for name in names) if v and v != "-"]
    if getattr(args, "map", None) and args.map != "-":  # a VOSviewer map has a network file too
        from helixnet.information._triads import synergy_map_files

        paths += synergy_map_files(args.map)[1:]
    return paths


def check_outputs(args) -> None:
    """Refuse outputs that are one of the inputs, or the same file twice.

    Files are compared by the file system's identity (``st_dev``,
    ``st_ino``), so symbolic links, ``..`` and hard links are all seen
    through. Raises :class:`helixnet.exceptions.InputFileError` (exit 1) when an
    output is an input, :class:`helixnet.cli._common.UsageError` (exit 2) when
    two outputs are the same file.
    """
    from helixnet.cli._common import UsageError
    from helixnet.exceptions import InputFileError

    def ident(path):
        try:
            st = os.stat(path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    ins = {ident(p): p for p in input_paths(args)}
    ins.pop(None, None)
    seen = {}
    for out in output_paths(args):
        key = ident(out)
        if key is None:  # a new file: compare where it would be
            key = ("new", os.path.realpath(out))
        if key in ins:
            raise InputFileError(f"output {out} is the input file {ins[key]}; choose another name (nothing written)")
        if key in seen:
            raise UsageError(f"output {out} and {seen[key]} are the same file")
        seen[key] = out


def emit(args, output: Output) -> None:
    """Print or write `output` as the parsed `args` ask (``--format``, ``--out``).

    The files of ``output.files`` are written in the same all-or-nothing step.
    """
    text = render(output, getattr(args, "format", "text"))
    write_outputs([*output.files.items(), (getattr(args, "out", None), text)])
