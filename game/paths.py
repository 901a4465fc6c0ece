"""Where the game keeps its files: the user data folder, and names made safe for it.

The folder is ``$ENTENTE_DATA_DIR`` when set (the tests set it), else the platform's user
data folder for ``entente`` (platformdirs). The terminal game's saves, a student's
competition hand-in folders and the teacher's results database all live under it.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

import platformdirs

DATA_DIR_VARIABLE = "ENTENTE_DATA_DIR"
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def data_dir() -> Path:
    """The game's data folder: ``$ENTENTE_DATA_DIR``, or the platform's user data folder."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path("entente", appauthor=False)


def safe_part(text: str) -> str:
    """``text`` made safe for a file name (seeds and names may hold any character)."""
    return _UNSAFE.sub("_", text).strip("._") or "_"


def output_problem(named: str) -> str | None:
    """What is wrong with ``named`` as a file for a command to write, or None: a name
    that ends with a folder separator, a folder, something that is not a regular file (a
    device, a pipe, a socket: replacing it would destroy it), or a folder that does not
    exist (a command never creates folders the user did not ask for). A link is followed:
    the file it points to is the one written."""
    if not named:
        return "no file name given"
    if named.endswith(("/", os.sep)):
        return "names a folder (it ends with a separator): give a file name"
    try:
        real = Path(os.path.realpath(named))
        if real.is_dir():
            return "is a folder: give a file name"
        if real.exists() and not real.is_file():
            return "is not a regular file (a device, a pipe or a socket): it is left as it is"
        if not real.parent.is_dir():
            return f"the folder {real.parent} does not exist"
    except OSError as error:  # a folder on the way that cannot be searched
        return f"cannot be reached: {(error.strerror or str(error)).lower()}"
    return None


def output_file(named: str) -> Path:
    """A command-line argument that names a file to write (``--save``, ``--out``), checked
    as the command line is read: a folder, a device or a missing folder is refused there
    (status 2, naming the argument) rather than after the work is done. A link is
    followed: the file it points to is written."""
    problem = output_problem(named)
    if problem is not None:
        raise argparse.ArgumentTypeError(f"{named}: {problem}")
    return Path(os.path.realpath(named))


def open_to_read(path: str | Path) -> BinaryIO:
    """``path`` opened to read bytes, refusing what is not a regular file at once: a named
    pipe would otherwise wait for a writer for ever (it is opened without waiting, then
    looked at). A folder raises IsADirectoryError, a pipe, device or socket an OSError
    saying so."""
    nonblocking = getattr(os, "O_NONBLOCK", 0)  # POSIX; Windows has no named pipes here
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | nonblocking)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "not a regular file (a pipe, a device or a socket)")
        if nonblocking:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
