"""Load a campaign file: safe YAML, then the schema, then the semantic checks.

Every problem is collected and reported at once as ``FILE:LINE:COL: path: message``.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from game.campaign.errors import CampaignError, CampaignInvalid, PathPart
from game.campaign.includes import Merged, MergedPointer, Place, index_of, merge
from game.campaign.locate import validation_problems
from game.campaign.models import Campaign
from game.campaign.semantics import check_campaign
from game.campaign.yaml_safe import Limits, Mark, YamlDocument, YamlRefused, read_yaml
from game.paths import open_to_read

M = TypeVar("M", bound=BaseModel)

LIMITS = Limits()
"""The loader's caps: generous enough for a 200-state, 2,000-event campaign."""


@dataclass(frozen=True)
class LoadedCampaign:
    """A validated campaign with where it came from and the fingerprint replays record."""

    campaign: Campaign
    source: str
    fingerprint: str
    """SHA-256 of the file's bytes, in hex."""
    files: tuple[str, ...] = ()
    """Every file the campaign was read from, the main file first (a watcher reloads when
    any of them changes); empty means just ``source``."""

    def sources(self) -> tuple[str, ...]:
        """The files the campaign was read from, the main file first."""
        return self.files or (self.source,)


def fingerprint(raw: bytes) -> str:
    """The campaign fingerprint a replay records: SHA-256 of the exact bytes."""
    return hashlib.sha256(raw).hexdigest()


def load_campaign(path: str | Path) -> LoadedCampaign:
    """Read and validate a campaign file (or a campaign folder's index, with the files it
    includes); raise :class:`CampaignInvalid` with every problem.

    Never reads more than the byte cap (plus one byte): a huge file is refused from its
    size alone, and a device such as ``/dev/zero`` cannot exhaust memory.
    """
    path = campaign_index(path)
    return parse_campaign(read_capped(path, LIMITS.max_bytes), str(path), path.parent)


def campaign_index(path: str | Path) -> Path:
    """The file a campaign argument names: the file itself, or a folder's index."""
    path = Path(path)
    return index_of(path) if path.is_dir() else path


def read_capped(path: str | Path, cap: int) -> bytes:
    """A file's bytes, refused (as :class:`CampaignInvalid`, naming the file) when it is
    over ``cap`` bytes, a folder, missing or unreadable."""
    source = str(path)
    try:
        with open_to_read(path) as file:  # a pipe is refused, never waited on
            info = os.fstat(file.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > cap:
                size = info.st_size
                raise _file_problem(source, f"file is {size} bytes; the limit is {cap} bytes")
            raw = file.read(cap + 1)
    except IsADirectoryError:
        raise _file_problem(source, "is a folder, not a campaign file") from None
    except FileNotFoundError:
        raise _file_problem(source, "no such file") from None
    except OSError as error:
        reason = error.strerror or str(error)
        reason = reason[:1].lower() + reason[1:]
        raise _file_problem(source, f"cannot read the file: {reason}") from None
    if len(raw) > cap:
        raise _file_problem(source, f"file is larger than the limit of {cap} bytes")
    return raw


def _file_problem(source: str, message: str) -> CampaignInvalid:
    return CampaignInvalid([CampaignError(source, 1, 1, (), message)])


def parse_campaign(
    raw: bytes, source: str = "<campaign>", folder: Path | None = None
) -> LoadedCampaign:
    """Validate a campaign from its bytes; ``source`` names it in error messages, and
    ``folder`` is where the files it includes are (None: it may include none)."""
    merged = merged_campaign(raw, source, folder)
    files = (source, *(p.source for p in merged.files)) if merged.files else ()
    pointer = MergedPointer(merged, _pointer)
    try:
        campaign = validate_model(merged.data, Campaign, pointer)
    except CampaignInvalid as invalid:
        raise CampaignInvalid(invalid.errors, files) from None
    findings = check_campaign(campaign)
    if findings:
        raise CampaignInvalid(
            [
                pointer.error(
                    f.path,
                    pointer.first_at(f.message, f.path, f.first),
                    "value",
                    f.expression_column,
                )
                for f in findings
            ],
            files,
        )
    return LoadedCampaign(campaign, source, merged.fingerprint(), files)


def merged_campaign(raw: bytes, source: str, folder: Path | None) -> Merged:
    """A campaign's index read and every file it includes merged in (see
    :mod:`game.campaign.includes`)."""
    index = Place(source, raw, read_document(raw, source))
    # The files share the caps of one file: the bytes (counted by merge), and the values.
    values = [len(index.document.value_marks)]

    def read_part(part: bytes, name: str, left: int) -> YamlDocument:
        limits = replace(
            LIMITS,
            max_bytes=max(left + len(part), 1),
            max_nodes=max(LIMITS.max_nodes - values[0], 1),
        )
        document = read_document(part, name, limits)
        values[0] += len(document.value_marks)
        return document

    return merge(index, folder, read_part, LIMITS.max_bytes - len(raw))


def campaign_pointer(loaded: LoadedCampaign) -> MergedPointer:
    """A pointer that places findings about a loaded campaign in its files (read again)."""
    index = Path(loaded.source)
    raw = read_capped(index, LIMITS.max_bytes)
    return MergedPointer(merged_campaign(raw, loaded.source, index.parent), _pointer)


def _pointer(place: Place) -> Pointer:
    return Pointer(place.document, place.raw, place.source)


def parse_model(raw: bytes, source: str, model: type[M]) -> tuple[M, Pointer]:
    """Safe YAML validated against ``model`` (a campaign, or another file of the game's
    written in the same way); every problem raised at once with its place, and a
    :class:`Pointer` that places later findings."""
    document = read_document(raw, source)
    pointer = Pointer(document, raw, source)
    return validate_model(document.data, model, pointer), pointer


def read_document(raw: bytes, source: str, limits: Limits = LIMITS) -> YamlDocument:
    """A file's safe YAML, or :class:`CampaignInvalid` with every syntax problem."""
    try:
        return read_yaml(raw, limits=limits)
    except YamlRefused as refused:
        raise CampaignInvalid(
            [
                CampaignError(
                    source,
                    p.mark.line if p.mark else 1,
                    p.mark.column if p.mark else 1,
                    (),
                    p.message,
                )
                for p in refused.problems
            ]
        ) from None


class Places(Protocol):
    """Turns a field path into a place in a file (:class:`Pointer`, or a merged one)."""

    def error(
        self, path: tuple[PathPart, ...], message: str, anchor: str, expression_column: int | None
    ) -> CampaignError: ...


def validate_model(data: object, model: type[M], pointer: Places) -> M:
    """``data`` validated against ``model``; every problem raised at once, placed."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = validation_problems(exc, model, data)
        raise CampaignInvalid(
            [
                pointer.error(path, message, anchor, column)
                for path, message, anchor, column in problems
            ]
        ) from None


class Pointer:
    """Turns a field path (and an optional column inside an expression) into a place."""

    def __init__(self, document: YamlDocument, raw: bytes, source: str) -> None:
        self.document = document
        self.source = source
        self._raw = raw
        self._lines: list[str] | None = None

    def error(
        self, path: tuple[PathPart, ...], message: str, anchor: str, expression_column: int | None
    ) -> CampaignError:
        if anchor == "parent":
            mark = self.document.value_mark(path[:-1])
        elif anchor == "key":
            mark = self.document.key_mark(path)
        else:
            mark = self.document.value_mark(path)
        column = mark.column
        if expression_column is not None:
            in_file = self._column_in_file(path, mark, expression_column)
            if in_file is None:
                message += f" (column {expression_column} of the expression)"
            else:
                column = in_file
        return CampaignError(self.source, mark.line, column, path, message)

    def _column_in_file(
        self, path: tuple[PathPart, ...], mark: Mark, expression_column: int
    ) -> int | None:
        """Where a column of an expression falls in the file, if it sits on one line."""
        if self._lines is None:
            self._lines = self._raw.decode("utf-8-sig", errors="replace").splitlines()
        if mark.line > len(self._lines):
            return None
        line = self._lines[mark.line - 1]
        start = mark.column - 1
        if line[start : start + 1] in ("'", '"'):
            start += 1
        text = self._value_at(path)
        if not isinstance(text, str) or line[start : start + len(text)] != text:
            return None  # a block or folded scalar: the plain mark is the honest answer
        return start + expression_column

    def _value_at(self, path: tuple[PathPart, ...]) -> object:
        """The value at ``path`` in the file's data (None where the path leads nowhere)."""
        node: object = self.document.data
        for part in path:
            in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
            if not (in_list or (isinstance(node, dict) and part in node)):
                return None
            node = node[part]  # type: ignore[index]
        return node
