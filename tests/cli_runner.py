"""Running the command line from tests (shared by the CLI test modules).

``run_inproc`` calls :func:`helixnet.cli.main` in this process (fast; stdout
and stderr captured); ``run_cli`` runs ``python -m helixnet.cli`` in a fresh
interpreter that imports helixnet from this checkout. Both return
``(exit status, stdout, stderr)``.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

from helixnet.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run_inproc(*args):
    """The CLI in this process: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def run_cli(*args, cwd=None, timeout=180):
    """The CLI in a fresh interpreter: (exit status, stdout, stderr)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    p = subprocess.run([sys.executable, "-m", "helixnet.cli", *map(str, args)], capture_output=True, text=True,
                       cwd=cwd, env=env, timeout=timeout)  # fmt: skip
    return p.returncode, p.stdout, p.stderr
