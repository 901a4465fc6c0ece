"""Files that must survive a crash: atomic writes, and reading with a size cap.

A write goes to a temporary file in the same folder, is flushed to disk, then renamed over
the target, so a crash leaves the old file or the new one, never half of either; the
temporary files that killed writes leave behind are removed the next time the folder is
written.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

# A temporary file is named after its target, the writing process and a random part, so
# a later write can tell one left by a killed process from one being written right now.
_TEMP_SUFFIX = ".tmp"
_TEMP = re.compile(r"^\..+\.(\d+)\.[A-Za-z0-9_]+\.tmp$")
_STALE_AFTER_SECONDS = 3600
_writing: set[str] = set()
"""The temporary files this process is writing at this moment (by name)."""


def _left_by_a_killed_write(entry: os.DirEntry[str], pid: int) -> bool:
    """Whether a temporary file's writer is gone (this process is not writing it now)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":  # no cheap probe of another process: go by the file's age
        try:
            return time.time() - entry.stat().st_mtime > _STALE_AFTER_SECONDS
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists, but belongs to someone else
        return False
    return False


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files that killed writes left in ``folder``; returns them.

    A temporary file is stale when the process that wrote it is gone, or when it is this
    process's own and no write of it is under way.
    """
    removed: list[Path] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match is None or entry.name in _writing:
            continue
        if _left_by_a_killed_write(entry, int(match.group(1))):
            try:
                os.unlink(entry.path)
            except OSError:
                continue
            removed.append(Path(entry.path))
    return removed


def write_atomic(path: Path, text: str) -> Path:
    """Replace ``path`` with ``text`` so that a crash leaves the old file or the new one.

    Temporary files that earlier, killed writes left in the folder are removed first.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path.parent)
    fd, temp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=_TEMP_SUFFIX, dir=path.parent
    )
    name = os.path.basename(temp)
    _writing.add(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    finally:
        _writing.discard(name)
    return path
