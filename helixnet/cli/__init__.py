"""The ``helixnet`` command line: a thin layer over the public API.

Every subcommand is a module ``helixnet/cli/<name>.py`` (names not starting
with ``_``) that defines

* ``HELP``: one line for the command list;
* ``EXAMPLE``: a shell example shown at the end of ``helixnet <name> --help``;
* ``add_arguments(parser)``: its options (argparse);
* ``run(args)``: calls the library and returns what to print (see
  :func:`helixnet.cli._output.emit`), or an ``int`` exit status.

Modules are discovered at start-up without being executed beyond their top
level, so they import numpy, pandas and the rest only inside ``run``: that
keeps ``helixnet --help`` fast.

Exit status: 0 success, 1 bad data (a helixnet error, or an output file that
cannot be written: one line on stderr, no traceback unless ``--debug``), 2 bad
usage (argparse errors and out-of-range option values, one line plus a hint to
``--help``; :class:`helixnet.cli._common.UsageError` for conflicting options),
130 interrupted (Ctrl-C), 143 terminated (SIGTERM); both remove every
temporary file first.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from helixnet._version import __version__

__all__ = ["main", "build_parser"]

# order of the command list in --help; discovered modules not named here follow
_ORDER = [
    "reproduce",
    "datasets",
    "synergy",
    "decompose",
    "shapley",
    "centrality",
    "brokerage",
    "subordination",
    "graph",
    "bibliometrics",
]


def _command_names() -> list[str]:
    found = {m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")}
    return [n for n in _ORDER if n in found] + sorted(found - set(_ORDER))


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line plus a hint to ``--help`` (exit status 2)."""

    #: name -> the subcommand's parser (set by :func:`build_parser`)
    _hx_commands: dict[str, argparse.ArgumentParser]

    def error(self, message):  # argparse's hook; it must not return
        self.exit(2, f"{self.prog}: usage error: {' '.join(message.split())} (see '{self.prog} --help')\n")


class _Terminated(KeyboardInterrupt):
    """SIGTERM turned into an exception, so it unwinds (and cleans up) exactly like Ctrl-C."""


#: Signals received during this run. A signal that lands while a C extension initialises (or
#: inside code that wraps exceptions) can come out as another exception (CPython reports
#: ``SystemError: initialization of ... raised unreported exception``); what was received
#: decides the exit status and the one stderr line, whatever exception carried it out.
_SIGNALLED: list[int] = []


def _on_sigterm(signum, frame):
    _SIGNALLED.append(signum)
    raise _Terminated()


def _on_sigint(signum, frame):
    _SIGNALLED.append(signum)
    raise KeyboardInterrupt


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every discovered subcommand."""
    parser = _Parser(
        prog="helixnet",
        description="Triple Helix synergy and network analysis.",
        epilog="Run 'helixnet COMMAND --help' for a command's options and an example.",
    )
    parser.add_argument("--version", action="version", version=f"helixnet {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parser._hx_commands = {}  # name -> the command's parser (its errors name the command)
    for name in _command_names():
        module = importlib.import_module(f"helixnet.cli.{name}")
        p = sub.add_parser(
            name,
            help=module.HELP,
            description=getattr(module, "DESCRIPTION", module.HELP),
            epilog="example:\n  " + module.EXAMPLE,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.add_argument("--debug", action="store_true", help="show a traceback on errors")
        p.add_argument("--quiet", action="store_true", help="no progress bars")
        module.add_arguments(p)
        p.set_defaults(_module=module)
        parser._hx_commands[name] = p
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``helixnet`` console script; returns the exit status."""
    import signal
    import threading

    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and isinstance(parser, _Parser):  # unknown options: the command's parser reports them
        parser._hx_commands.get(args.command, parser).error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command is None:
        parser.print_help()
        return 2

    # SIGTERM (timeout, kill, container stops) unwinds like SIGINT: temporary files go
    previous: dict[signal.Signals, object] = {}
    del _SIGNALLED[:]
    if threading.current_thread() is threading.main_thread():
        previous[signal.SIGTERM] = signal.signal(signal.SIGTERM, _on_sigterm)
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            previous[signal.SIGINT] = signal.signal(signal.SIGINT, _on_sigint)
    status: int | None = None
    try:
        status = _run(args)
    except BaseException:
        if not _SIGNALLED:
            raise
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]
    if _SIGNALLED:  # whatever carried the signal out (or was printed meanwhile), the status is the signal's
        received = _SIGNALLED[0]
        if status != 128 + received:
            word = "terminated" if received == signal.SIGTERM else "interrupted"
            print(f"helixnet {args.command}: {word}", file=sys.stderr)
        return 128 + received
    assert status is not None
    return status


def _run(args) -> int:
    from helixnet.cli._common import UsageError, warnings_as_notes
    from helixnet.exceptions import HelixnetError

    try:
        from helixnet.cli._output import check_outputs

        check_outputs(args)
        with warnings_as_notes(args):  # the library's HelixnetWarnings: one line each on stderr
            result = args._module.run(args)
        if isinstance(result, int):
            return result
        from helixnet.cli._output import emit

        emit(args, result)
    except UsageError as exc:
        if args.debug or _SIGNALLED:
            raise
        print(f"helixnet {args.command}: usage error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except HelixnetError as exc:
        if args.debug or _SIGNALLED:
            raise
        print(f"helixnet {args.command}: error: {_one_line(exc)}", file=sys.stderr)
        return 1
    except OSError as exc:  # writing --out (a missing folder, a full disk, no permission)
        if args.debug or _SIGNALLED:
            raise
        print(f"helixnet {args.command}: error: {_one_line(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as exc:
        if isinstance(exc, _Terminated):
            raise
        print(f"helixnet {args.command}: interrupted", file=sys.stderr)
        return 130
    return 0


def _one_line(exc: BaseException) -> str:
    """The message of `exc` on one line (the stderr contract: one line per error)."""
    return " ".join(str(exc).split()) or type(exc).__name__


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
