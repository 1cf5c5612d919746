"""Writing files the way a careful tool does (private; shared by the library and the CLI).

A new file gets ``0o666`` minus the umask and a new folder ``0o777`` minus the
umask, as ``open`` and ``mkdir`` give (``tempfile`` gives 0o600/0o700); an
existing file keeps its permission bits when it is replaced; a replacement is
written to a hidden temporary sibling and renamed into place, so a reader
never sees half a file and an error leaves the old one.
"""

from __future__ import annotations

import os
import stat
import tempfile


def umask() -> int:
    """The process's umask (read without changing it for longer than the call)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """Permission bits of a new file: ``0o666`` minus the umask (what ``open`` gives)."""
    return 0o666 & ~umask()


def new_folder_mode() -> int:
    """Permission bits of a new folder: ``0o777`` minus the umask (what ``mkdir`` gives)."""
    return 0o777 & ~umask()


def replace_atomically(path, write, suffix: str = ".tmp") -> None:
    """Call ``write(tmp_path)`` on a hidden sibling of `path`, then rename it to `path`.

    The file keeps the permission bits of the regular file it replaces, or
    gets :func:`new_file_mode`; on any error (or Ctrl-C) the temporary file is
    removed and `path` is untouched. `suffix` lets writers that choose a
    format by extension (pandas' ``to_parquet``) see the right one.
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".helixnet-", suffix=suffix, dir=folder)
    os.close(fd)
    try:
        write(tmp)
        try:
            st = os.stat(path)
            mode = stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else new_file_mode()
        except FileNotFoundError:
            mode = new_file_mode()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
