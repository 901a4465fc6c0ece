"""Load a campaign file: safe YAML, then the schema, then the semantic checks.

Every problem is collected and reported at once as ``FILE:LINE:COL: path: message``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from game.campaign.errors import CampaignError, CampaignInvalid, PathPart
from game.campaign.locate import validation_problems
from game.campaign.models import Campaign
from game.campaign.semantics import check_campaign
from game.campaign.yaml_safe import Limits, Mark, YamlDocument, YamlRefused, read_yaml

LIMITS = Limits()
"""The loader's caps: generous enough for a 200-state, 2,000-event campaign."""


@dataclass(frozen=True)
class LoadedCampaign:
    """A validated campaign with where it came from and the fingerprint replays record."""

    campaign: Campaign
    source: str
    fingerprint: str
    """SHA-256 of the file's bytes, in hex."""


def fingerprint(raw: bytes) -> str:
    """The campaign fingerprint a replay records: SHA-256 of the exact bytes."""
    return hashlib.sha256(raw).hexdigest()


def load_campaign(path: str | Path) -> LoadedCampaign:
    """Read and validate a campaign file; raise :class:`CampaignInvalid` with every problem."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except IsADirectoryError:
        raise _file_problem(source, "is a folder, not a campaign file") from None
    except FileNotFoundError:
        raise _file_problem(source, "no such file") from None
    except OSError as error:
        raise _file_problem(source, f"cannot read the file: {error.strerror}") from None
    return parse_campaign(raw, source)


def _file_problem(source: str, message: str) -> CampaignInvalid:
    return CampaignInvalid([CampaignError(source, 1, 1, (), message)])


def parse_campaign(raw: bytes, source: str = "<campaign>") -> LoadedCampaign:
    """Validate a campaign from its bytes; ``source`` names it in error messages."""
    try:
        document = read_yaml(raw, limits=LIMITS)
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
    pointer = _Pointer(document, raw, source)
    try:
        campaign = Campaign.model_validate(document.data)
    except ValidationError as exc:
        problems = validation_problems(exc, Campaign, document.data)
        raise CampaignInvalid(
            [
                pointer.error(path, message, anchor, column)
                for path, message, anchor, column in problems
            ]
        ) from None
    findings = check_campaign(campaign)
    if findings:
        raise CampaignInvalid(
            [pointer.error(f.path, f.message, "value", f.expression_column) for f in findings]
        )
    return LoadedCampaign(campaign, source, fingerprint(raw))


class _Pointer:
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
            column = self._column_in_file(path, mark, expression_column)
            if column is None:
                column = mark.column
                message += f" (column {expression_column} of the expression)"
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
        text = str(self._value_at(path))
        if line[start : start + len(text)] != text:
            return None  # a block or folded scalar: the plain mark is the honest answer
        return start + expression_column

    def _value_at(self, path: tuple[PathPart, ...]) -> object:
        node: object = self.document.data
        for part in path:
            node = node[part]  # type: ignore[index]
        return node
