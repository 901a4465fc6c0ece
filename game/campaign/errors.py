"""Campaign errors: every problem found in a file, each with its place and field path."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

PathPart = str | int


def format_path(path: Sequence[PathPart]) -> str:
    """Render a field path the way the YAML reads: ``eras[0].events[2].title``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


@dataclass(frozen=True, slots=True)
class CampaignError:
    """One problem in a campaign file."""

    file: str
    line: int
    column: int
    path: tuple[PathPart, ...]
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        if not self.path:
            return f"{where}: {self.message}"
        return f"{where}: {format_path(self.path)}: {self.message}"


class CampaignInvalid(Exception):
    """A campaign file could not be loaded; ``errors`` lists every problem, in file order."""

    def __init__(self, errors: Sequence[CampaignError], files: Sequence[str] = ()) -> None:
        self.errors = sorted(errors, key=lambda e: (e.file, e.line, e.column, e.message))
        self.files = tuple(files)
        """Every file the campaign is, or names, read or not (its index and the files it
        includes, a missing one too): what a watcher watches until it loads."""
        super().__init__("\n".join(str(error) for error in self.errors))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.errors, self.files))
