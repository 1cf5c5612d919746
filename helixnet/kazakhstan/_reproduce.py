"""Reproduce the Kazakhstan case study in one call: every figure, table and number.

:func:`reproduce` runs every registered analysis (the paper's Tables 1–4
and Figs. 1–5 redrawn from the bundled data, the international comparison,
the actor-network layers, the subordination analysis, the Triple Helix
synergy, the robustness of the configuration verdict over coding variants and the OECD
comparison graphs) and writes into one folder:

* ``<analysis>.png`` (300 dpi) and ``<analysis>.pdf`` for every figure;
* ``<analysis>.csv`` (and ``<analysis>_<part>.csv``) with the data behind it;
* ``summary.json``: the key results of every analysis (T values, centrality
  shares by sector, mediation, the configuration verdicts with their tests, the
  variant x indicator table of the robustness analysis);
* ``report.md``: the figures embedded, the numbers, and one paragraph per
  analysis saying what it shows, written from the results.

Runs are deterministic: every random step is seeded, floats in CSV and JSON
are written with a fixed number of significant digits, keys are sorted and
nothing records the time, so two runs give byte-identical CSV and JSON (and
PNG; PDF too with the same matplotlib).

The folder is written atomically: everything goes into a temporary sibling
folder that replaces the target by a rename only once complete, so an
interrupted run never leaves a half-written result.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helixnet._progress import progress_bar
from helixnet.exceptions import HelixnetValueError

if TYPE_CHECKING:
    import pandas as pd

    from helixnet._typing import PathLike
    from helixnet.kazakhstan._analyses import AnalysisResult

__all__ = ["reproduce", "list_analyses", "run_analysis", "script_main", "DEFAULT_OUT", "DPI_RANGE", "MARKER"]

#: Folder written by ``helixnet reproduce`` when ``--out`` is not given.
DEFAULT_OUT = "helixnet-results"
#: Accepted PNG resolutions (dots per inch) of :func:`reproduce`.
DPI_RANGE = (10, 1200)
#: Value of ``summary.json``'s ``"generator"`` key: marks a folder as a result of :func:`reproduce`,
#: the only kind of folder ``force=True`` replaces.
MARKER = "helixnet reproduce"


def list_analyses() -> pd.DataFrame:
    """The analyses :func:`reproduce` runs, in order.

    Returns
    -------
    pandas.DataFrame
        Columns ``name`` (file stem of the outputs), ``title`` and
        ``missing`` (requirements not available; empty when it runs).

    Examples
    --------
    >>> from helixnet.kazakhstan._reproduce import list_analyses
    >>> "table2_research_types" in set(list_analyses()["name"])
    True
    """
    import pandas as pd

    from helixnet.kazakhstan._analyses import ANALYSES

    rows = [{"name": a.name, "title": a.title, "missing": "; ".join(a.missing())} for a in ANALYSES]
    return pd.DataFrame(rows, columns=["name", "title", "missing"])


def run_analysis(name: str, out_dir: PathLike, dpi: int = 300) -> AnalysisResult:
    """Run one analysis and write its figure and tables into `out_dir`.

    This is what each ``analyses/<name>.py`` gallery script calls.

    Parameters
    ----------
    name : str
        A name from :func:`list_analyses`.
    out_dir : str or path-like
        Output folder (created if needed; existing files of the same names
        are overwritten).
    dpi : int
        Resolution of the PNG.

    Returns
    -------
    AnalysisResult
        With ``name``, ``title``, ``tables``, ``summary``, ``text`` and
        ``files`` (names of the files written).

    Raises
    ------
    helixnet.HelixnetValueError
        If `name` is unknown or the analysis needs a module or dataset that
        is not available.
    """
    from helixnet.kazakhstan import _analyses

    return _analyses.run(name, out_dir, dpi=dpi)


def script_main(name: str, doc: str, argv: Sequence[str] | None = None) -> AnalysisResult:
    """Command line of an ``analyses/<name>.py`` gallery script.

    ``python analyses/<name>.py [OUT_DIR] [--out OUT_DIR]`` (default ``./results``) runs
    :func:`run_analysis` and prints what the analysis shows.
    """
    import argparse

    # the script's title line; runners that execute the code without its docstring
    # (sphinx-gallery) pass an empty one
    title = (doc or "").strip().splitlines()
    parser = argparse.ArgumentParser(description=title[0] if title else None)
    parser.add_argument("out_dir", nargs="?", default="results", help="output folder (default: ./results)")
    parser.add_argument("--out", help="output folder (same as the positional argument)")
    args = parser.parse_args(argv)
    result = run_analysis(name, args.out or args.out_dir)
    print(result.text)
    return result




def _report_markdown(results, skipped) -> str:
    from helixnet._version import __version__

    lines = [
        "# Triple Helix analysis of Kazakhstan's innovation system",
        "",
        "Reproduction of Dnishev, Alzhanova & Alibekova (2015), *Innovative development of Kazakhstan on",
        "the basis of triple helix and cluster approach*, Economy of Region 2015(2),",
        "with the network and synergy analyses of helixnet "
        f"{__version__}. Every number below is computed from the data bundled with helixnet; "
        "the key results are in `summary.json` and the data behind each figure in the CSV files.",
        "",
        "What is coded and what is measured: the actor graph is coded from the paper's statements (actors,",
        "their sectors, one tie per statement with its direction, and the ties that restate the paper's",
        "conclusion, marked `encodes_conclusion` in `data/links.csv`). The configuration verdict is measured:",
        "each indicator is tested against two null models and counts only when it beats both; the robustness",
        "section recomputes it over other defensible codings.",
        "",
        "## Contents",
        "",
    ]
    lines += [f"- [{r.title}](#{r.name})" for r in results]
    lines.append("")
    for r in results:
        lines += [f'<a id="{r.name}"></a>', "", f"## {r.title}", ""]
        if r.figure is not None:
            lines += [f"![{r.title}]({r.name}.png)", ""]
        lines += [r.text, ""]
        data_files = [f for f in r.files if f.endswith(".csv")]
        if data_files:
            lines += ["Data: " + ", ".join(f"[`{f}`]({f})" for f in data_files), ""]
    if skipped:
        lines += ["## Not run", ""]
        lines += [f"- {name}: needs {why}" for name, why in skipped]
        lines.append("")
    return "\n".join(lines)


def _earlier_result(out: Path) -> str | None:
    """Why `out` is not a folder of an earlier :func:`reproduce` run (None when it is one).

    It is one when its ``summary.json`` carries the marker (``"generator":
    "helixnet reproduce"``; results of helixnet 0.x before the marker: a
    ``helixnet_version`` and the study as ``source``) and the folder holds
    nothing but the files that summary lists.
    """
    import json

    try:
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "it has no readable summary.json of a helixnet result"
    if not isinstance(summary, dict):
        return "its summary.json is not a helixnet result"
    legacy = "helixnet_version" in summary and str(summary.get("source", "")).startswith("Dnishev")
    if summary.get("generator") != MARKER and not legacy:
        return "its summary.json is not a helixnet result"
    listed = set(summary.get("files") or ()) | {"summary.json", "report.md"}
    foreign = sorted(p.name for p in out.iterdir() if p.name not in listed)
    if foreign:
        return f"it holds files helixnet did not write ({', '.join(foreign[:3])}{', ...' if len(foreign) > 3 else ''})"
    return None


def _prepare_target(out: Path, force: bool) -> None:
    """Raise unless `out` may receive the results (see :func:`reproduce`)."""
    here = Path.cwd().resolve()
    home = Path.home().resolve()
    if out == here or out in here.parents:
        raise HelixnetValueError(
            f"output folder {str(out)!r} is the current folder or one of its parents; give a new folder"
        )
    if out == home or out in home.parents:
        raise HelixnetValueError(f"output folder {str(out)!r} is the home folder or above it; give a new folder")
    if out.exists() and not out.is_dir():
        raise HelixnetValueError(f"output path {str(out)!r} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        if not force:
            raise HelixnetValueError(
                f"output folder {str(out)!r} is not empty; use --force (force=True from Python) to replace "
                "an earlier helixnet result"
            )
        why = _earlier_result(out)
        if why is not None:
            raise HelixnetValueError(
                f"output folder {str(out)!r} is not replaced although --force is given: {why}; "
                "--force only replaces an earlier helixnet result"
            )


def _folder_mode() -> int:
    """``0o777`` minus the umask: the mode ``mkdir`` gives (``mkdtemp`` gives 0o700)."""
    from helixnet._files import new_folder_mode

    return new_folder_mode()


def _swap_into_place(tmp: Path, out: Path) -> None:
    """Replace `out` by the complete folder `tmp` with renames only."""
    if out.is_dir():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        os.rmdir(old)
        os.rename(out, old)
        try:
            os.rename(tmp, out)
        except BaseException:
            os.rename(old, out)
            raise
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(tmp, out)


def reproduce(
    out_dir: PathLike = DEFAULT_OUT, *, force: bool = False, quiet: bool = True, dpi: int = 300
) -> dict[str, Any]:
    """Run every analysis of the Kazakhstan study and write the results into `out_dir`.

    Parameters
    ----------
    out_dir : str or path-like
        Output folder (symbolic links are followed). It must not exist or be
        empty unless `force`; it is never the current folder, one of its
        parents, the home folder or one of its parents.
    force : bool
        Replace a non-empty `out_dir`, but only if it holds an earlier result
        of this function and nothing else: its ``summary.json`` carries
        ``"generator": "helixnet reproduce"`` and every file in it is listed
        there. The old folder is replaced only once the new one is complete.
    quiet : bool
        No progress bar (there is none anyway when stderr is not a terminal).
    dpi : int
        Resolution of the PNG figures, from ``DPI_RANGE[0]`` to ``DPI_RANGE[1]``
        (10 to 1200).

    Returns
    -------
    dict
        The content of ``summary.json``: ``analyses`` (each analysis's key
        numbers, title and files), ``skipped``, ``files`` and
        ``helixnet_version``.

    Raises
    ------
    helixnet.HelixnetValueError
        If `out_dir` is a file; a non-empty folder and `force` is False; a
        non-empty folder that is not an earlier result; the current or home
        folder or one above them; or `dpi` is out of range.
    helixnet.HelixnetTypeError
        If `dpi` is not an integer.
    OSError
        If writing fails (no permission, a full disk); nothing is left behind.

    See Also
    --------
    list_analyses, run_analysis

    Notes
    -----
    The work happens in a hidden temporary folder next to `out_dir`
    (``.<name>.tmp-*``), removed if anything fails; the existing `out_dir`
    is untouched until the final rename.

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> from helixnet.kazakhstan._reproduce import reproduce
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "results"
    >>> summary = reproduce(out, dpi=30)            # doctest: +SKIP
    >>> sorted(p.name for p in out.iterdir())[:2]   # doctest: +SKIP
    ['comparison.csv', 'comparison.pdf']
    """
    from helixnet._validation import check_count
    from helixnet._version import __version__
    from helixnet.kazakhstan import _analyses

    dpi = check_count(dpi, "dpi", minimum=DPI_RANGE[0])
    if dpi > DPI_RANGE[1]:
        raise HelixnetValueError(f"dpi must be an integer from {DPI_RANGE[0]} to {DPI_RANGE[1]}, got {dpi}")
    out = Path(os.path.realpath(out_dir))
    _prepare_target(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        os.chmod(tmp, _folder_mode())
        results, skipped = [], []
        analyses = _analyses.case_study()
        for analysis in progress_bar(analyses, len(analyses), not quiet, "helixnet reproduce"):
            missing = analysis.missing()
            if missing:
                skipped.append((analysis.name, ", ".join(missing)))
                continue
            result = analysis.func()
            _analyses.write_result(result, tmp, dpi=dpi)
            results.append(result)
        summary = {
            "generator": MARKER,
            "helixnet_version": __version__,
            "source": "Dnishev, Alzhanova & Alibekova (2015), Economy of Region 2015(2)",
            "seed": _analyses.SEED,
            "analyses": {
                r.name: {"title": r.title, "results": r.summary, "text": r.text, "files": r.files}
                for r in results
            },
            "skipped": {name: why for name, why in skipped},
        }
        files = sorted(f for r in results for f in r.files) + ["report.md", "summary.json"]
        summary["files"] = sorted(files)
        (tmp / "summary.json").write_text(_analyses.to_json(summary), encoding="utf-8", newline="\n")
        (tmp / "report.md").write_text(_report_markdown(results, skipped), encoding="utf-8", newline="\n")
        _prepare_target(out, force)  # re-check: someone may have written there meanwhile
        _swap_into_place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return summary
