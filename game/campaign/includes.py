"""Campaigns in several files: an index that lists ``includes``, or a folder holding one.

The index (``campaign.yaml`` in a folder, or any campaign file) keeps the campaign's
settings and may list other files, relative to its own folder:

    includes: [states.yaml, eras/1947_containment.yaml, eras/1962_detente.yaml]

Each included file is a mapping of the parts a campaign lists (``states``, ``alliances``,
``eras``, ``history``, ``sources``, ``flags``, ``effect_groups``); its entries follow the
index's own, file by file, in the order listed. The merged campaign is checked as one,
and every problem is placed in the file it is in. An included file includes nothing
itself (the index lists them all, so the campaign's reading order is in one place), stays
inside the index's folder, and all the files together keep to the loader's byte cap.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from game.campaign.errors import CampaignError, CampaignInvalid, PathPart, format_path
from game.campaign.library import INDEX_NAME
from game.campaign.yaml_safe import YamlDocument

INCLUDABLE = ("states", "alliances", "eras", "history", "sources", "flags", "effect_groups")
"""The campaign parts an included file may hold: the lists (and the one mapping) that grow
with a campaign."""
MAX_INCLUDES = 200
"""The most files one index may include."""

Reader = Callable[[bytes, str, int], YamlDocument]
"""Reads one file's bytes (with its name, for errors, and the bytes left under the cap)."""


@dataclass
class Segment:
    """Where one file's entries of a part sit in the merged campaign."""

    start: int
    """The merged index of the file's first entry."""
    place: Place


@dataclass
class Place:
    """One file of the campaign: its name, its bytes and its document."""

    source: str
    raw: bytes
    document: YamlDocument
    name: str = ""
    """For an included file, its name as the index lists it (what the fingerprint holds,
    so the campaign's fingerprint does not depend on where it was opened from)."""


@dataclass
class Merged:
    """The data of every file merged, and which file each entry came from."""

    data: dict[str, Any]
    index: Place
    parts: dict[str, list[Segment]] = field(default_factory=dict)
    groups: dict[str, Place] = field(default_factory=dict)
    """For each effect group, the file that defines it."""
    files: list[Place] = field(default_factory=list)
    """The included files, in the order listed."""
    listed: list[str] = field(default_factory=list)
    """Every file the index lists that is inside its folder, read or not (a watcher
    reloads when a missing one appears)."""

    def place(self, path: tuple[PathPart, ...]) -> tuple[Place, tuple[PathPart, ...]]:
        """The file a merged field path lies in, and the path inside that file."""
        if len(path) >= 2 and path[0] == "effect_groups" and isinstance(path[1], str):
            return self.groups.get(path[1], self.index), path
        if len(path) >= 2 and isinstance(path[1], int):
            for segment in reversed(self.parts.get(str(path[0]), [])):
                if path[1] >= segment.start:
                    local = (path[0], path[1] - segment.start, *path[2:])
                    return segment.place, local
        return self.index, path

    def fingerprint(self) -> str:
        """SHA-256 over every file: each included file's name and bytes after the
        index's (a campaign of one file keeps the fingerprint of its bytes alone)."""
        digest = hashlib.sha256(self.index.raw)
        for place in self.files:
            digest.update(b"\0" + place.name.encode() + b"\0" + place.raw)
        return digest.hexdigest()


def index_of(folder: Path) -> Path:
    """The index of a campaign folder (raises :class:`CampaignInvalid` when it has none)."""
    index = folder / INDEX_NAME
    if not index.is_file():
        raise CampaignInvalid(
            [
                CampaignError(
                    str(folder),
                    1,
                    1,
                    (),
                    f"is a folder without a {INDEX_NAME}, not a campaign (a campaign folder "
                    f"holds its main file as {INDEX_NAME})",
                )
            ]
        )
    return index


def merge(index: Place, folder: Path | None, read: Reader, budget: int) -> Merged:
    """The index with every file it includes merged in; raises :class:`CampaignInvalid`
    with every problem found (in the index's list, or in the included files)."""
    data = dict(index.document.data)
    listed = data.get("includes")
    merged = Merged(data, index)
    if listed is None:
        return merged
    problems: list[CampaignError] = []

    def problem(place: Place, path: tuple[PathPart, ...], message: str) -> None:
        problems.append(_error(place, path, message))

    if not isinstance(listed, list) or not all(isinstance(n, str) for n in listed):
        problem(index, ("includes",), "a list of file names, relative to this file's folder")
        raise CampaignInvalid(problems)
    if folder is None:
        problem(index, ("includes",), "a campaign with includes must be read from its file")
        raise CampaignInvalid(problems)
    if len(listed) > MAX_INCLUDES:
        problem(index, ("includes",), f"{len(listed)} files; the limit is {MAX_INCLUDES}")
        raise CampaignInvalid(problems)
    for key in INCLUDABLE:
        own = data.get(key)
        if isinstance(own, list):
            merged.parts[key] = [Segment(0, index)]
    for name in _dict_keys(data.get("effect_groups")):
        merged.groups[name] = index
    seen: dict[Path, int] = {}
    root = folder.resolve()
    left = budget
    named = [index.source]
    for n, name in enumerate(listed):
        path = ("includes", n)
        target, why = _safe_path(name, folder, root)
        if target is None:
            problem(index, path, why)
            continue
        named.append(str(folder / name))  # watched, even while it is missing
        why = _not_a_file(target, name, folder)
        if why:
            problem(index, path, why)
            continue
        if target == Path(index.source).resolve():
            problem(index, path, f"'{name}' is the index itself")
            continue
        if target in seen:
            problem(index, path, f"'{name}' is listed twice (first as includes[{seen[target]}])")
            continue
        seen[target] = n
        source = str(folder / name)
        try:
            raw = _read_at_most(target, left)
        except OSError as error:
            problem(index, path, f"cannot read '{name}': {(error.strerror or str(error)).lower()}")
            continue
        if len(raw) > left:
            problem(
                index,
                path,
                f"'{name}' takes the campaign's files over the limit of {budget + len(index.raw)}"
                " bytes in all",
            )
            raise CampaignInvalid(problems, named)
        left -= len(raw)
        try:
            document = read(raw, source, left)
        except CampaignInvalid as invalid:
            problems.extend(invalid.errors)
            continue
        place = Place(source, raw, document, name=str(PurePosixPath(name)))
        merged.files.append(place)
        problems.extend(_merge_file(merged, place))
    if problems:
        raise CampaignInvalid(problems, named)
    return merged


def _merge_file(merged: Merged, place: Place) -> list[CampaignError]:
    """Add one included file's parts to the merged data; the problems it has as a part."""
    problems: list[CampaignError] = []

    def problem(path: tuple[PathPart, ...], message: str, key: bool = False) -> None:
        problems.append(_error(place, path, message, key))

    data = place.document.data
    for key, value in data.items():
        if key == "includes":
            problem(
                (key,),
                "an included file cannot include others: list every file in the index's 'includes'",
                key=True,
            )
        elif key not in INCLUDABLE:
            parts = ", ".join(INCLUDABLE)
            problem(
                (key,),
                f"'{key}' belongs in the index; an included file holds only {parts}",
                key=True,
            )
        elif key == "effect_groups":
            if not isinstance(value, dict):
                problem((key,), "effect groups: a mapping of names to lists of effects")
                continue
            groups = merged.data.setdefault(key, {})
            if not isinstance(groups, dict):
                continue  # the index's own value is wrong, and the schema says so
            merged.data[key] = groups = dict(groups)
            for name, effects in value.items():
                if name in groups:
                    first = merged.groups[name].source
                    problem(
                        (key, name),
                        f"the effect group '{name}' is defined in {first} too",
                        key=True,
                    )
                    continue
                groups[name] = effects
                merged.groups[name] = place
        else:
            if not isinstance(value, list):
                problem((key,), f"'{key}': a list, as in the index")
                continue
            own = merged.data.get(key, [])
            if not isinstance(own, list):
                continue  # the index's own value is wrong, and the schema says so
            merged.parts.setdefault(key, []).append(Segment(len(own), place))
            merged.data[key] = [*own, *value]
    return problems


def _error(
    place: Place, path: tuple[PathPart, ...], message: str, key: bool = False
) -> CampaignError:
    """A problem at ``path`` of one file (at its key, with ``key``)."""
    document = place.document
    mark = document.key_mark(path) if key else document.value_mark(path)
    return CampaignError(place.source, mark.line, mark.column, path, message)


def _dict_keys(value: Any) -> list[str]:
    return [str(key) for key in value] if isinstance(value, dict) else []


def _read_at_most(path: Path, cap: int) -> bytes:
    """At most ``cap + 1`` bytes of a file: a huge file is never read whole."""
    with path.open("rb") as file:
        return file.read(cap + 1)


def _safe_path(name: str, folder: Path, root: Path) -> tuple[Path | None, str]:
    """The included path a name means, or None and why it is refused: a relative path of
    forward slashes, a YAML file, inside the index's folder (links followed). Whether it
    is a file is :func:`_not_a_file`'s question."""
    try:
        return _checked_path(name, folder, root)
    except (OSError, RuntimeError, ValueError) as error:  # a link loop, a name too long
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return None, f"'{name[:80]}': cannot be opened: {reason.lower()}"


def _checked_path(name: str, folder: Path, root: Path) -> tuple[Path | None, str]:
    pure = PurePosixPath(name)
    if "\0" in name or any(ord(c) < 32 for c in name):
        return None, "a file name with a control character in it"
    if len(name) > 1000:
        return None, f"a file name of {len(name)} characters; the limit is 1000"
    if not name or "\\" in name or pure.is_absolute() or ":" in name:
        return None, f"'{name}': a path relative to the index's folder, with '/' between folders"
    if ".." in pure.parts:
        return None, f"'{name}' leaves the index's folder: included files stay inside it"
    if pure.suffix not in (".yaml", ".yml"):
        return None, f"'{name}' is not a YAML file (.yaml or .yml)"
    target = (folder / name).resolve()
    if not target.is_relative_to(root):
        return None, f"'{name}' leads outside the index's folder (a link): it stays inside it"
    return target, ""


def _not_a_file(target: Path, name: str, folder: Path) -> str:
    """Why an included path inside the folder cannot be read as a file ("" when it can)."""
    try:
        if target.is_file():
            return ""
        return (
            f"'{name}' is not a file" if target.exists() else f"no such file: '{name}' in {folder}"
        )
    except OSError as error:  # a name the file system refuses
        return f"'{name[:80]}': cannot be opened: {(error.strerror or str(error)).lower()}"


class MergedPointer:
    """Places a finding of the merged campaign in the file it came from."""

    def __init__(self, merged: Merged, pointer: Callable[[Place], Any]) -> None:
        self._merged = merged
        self._pointers: dict[str, Any] = {}
        self._make = pointer

    def first_at(
        self, message: str, path: tuple[PathPart, ...], first: tuple[PathPart, ...] | None
    ) -> str:
        """``message`` with where the first of a repeat is (``states[0]``, and its file
        when that is not the file ``path`` is in)."""
        if first is None:
            return message
        place, local = self._merged.place(first)
        where = format_path(local)
        if place is not self._merged.place(path)[0]:
            where += f" of {place.source}"
        return f"{message} (first at {where})"

    def error(
        self, path: tuple[PathPart, ...], message: str, anchor: str, column: int | None
    ) -> CampaignError:
        """As ``Pointer.error``, in the file the path lies in (the path stays the merged
        one, so the message names the campaign's field)."""
        place, local = self._merged.place(path)
        pointer = self._pointers.get(place.source)
        if pointer is None:
            pointer = self._pointers[place.source] = self._make(place)
        # The path as the file reads (``states[0]`` of states.yaml), not the merged one.
        found: CampaignError = pointer.error(local, message, anchor, column)
        return found
