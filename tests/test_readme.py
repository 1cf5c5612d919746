"""The README stays true: its Python tour runs, and its commands name real subcommands."""

import re
from pathlib import Path

from helixnet.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_python_tour_runs():
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert blocks, "README has no python block"
    for code in blocks:
        exec(compile(code, "README.md", "exec"), {})


def test_readme_shell_commands_parse():
    """Every `helixnet ...` line of the README parses with the real argument parser."""
    parser = build_parser()
    lines = [line.strip() for block in re.findall(r"```bash\n(.*?)```", README, flags=re.S)
             for line in block.splitlines()]
    commands = [line.split("helixnet ", 1)[1] for line in lines if line.startswith("helixnet ")]
    assert len(commands) >= 5
    for command in commands:
        parser.parse_args(command.split())


def test_quick_start_runs_reproduce_and_pytest():
    assert ".venv/bin/helixnet reproduce" in README
    assert ".venv/bin/python -m pytest" in README


def test_getting_started_gives_the_readmes_two_commands():
    """docs/getting_started.md repeats the README's quick start: the same two commands, verbatim."""
    page = (Path(__file__).resolve().parents[1] / "docs" / "getting_started.md").read_text(encoding="utf-8")
    commands = [c for c in re.findall(r"```bash\n(.*?)```", README, re.S) if c.startswith("python3 -m venv")]
    assert len(commands) == 2, commands
    for command in commands:
        assert command in page, command
