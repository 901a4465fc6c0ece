"""The competition file: one world for a whole class, fixed and fingerprinted.

A competition file is small JSON the teacher writes with ``entente competition new`` and
gives to the class. It fixes the campaign (id, version and the SHA-256 of its file), the
rounds (state, seed and doctrine of each), the rules (turn limit, allowed orders, score
weights), a title and a deadline, and ends with its own fingerprint: the SHA-256 of
everything else, so a file edited after it was made is refused, and a replay says which
settings it was played under.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from game.campaign.loader import LoadedCampaign
from game.campaign.types import ID_PATTERN
from game.engine import Entry, ReplayError, Rules, person_name, read_rules, write_atomic
from game.paths import open_to_read

FORMAT = "entente-competition"
FORMAT_VERSION = 1
MAX_BYTES = 256 * 1024
"""The largest competition file read (a real one is well under 4 kB)."""
MAX_ID_LENGTH = 40
"""Ids follow the campaign format's rule: letters, digits and ``_``, at most 40."""
MAX_ROUNDS = 50
MAX_TITLE = 120
_ID = re.compile(ID_PATTERN)
_DEADLINE = re.compile(r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2})?$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class CompetitionError(ValueError):
    """A competition file or setting that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Round:
    """One round of a competition: the state every student plays, the seed and doctrine."""

    id: str
    state: str
    seed: str
    doctrine: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form."""
        return {"id": self.id, "state": self.state, "seed": self.seed, "doctrine": self.doctrine}


@dataclass(frozen=True)
class Competition:
    """A competition's settings, as its file holds them."""

    id: str
    title: str
    campaign_id: str
    campaign_version: str
    campaign_fingerprint: str
    rounds: tuple[Round, ...]
    rules: Rules = field(default_factory=Rules)
    deadline: str | None = None
    campaign_file: str | None = None
    """Where the teacher's campaign file was, relative to the competition file when it
    could be: a hint for finding a campaign that does not ship with the game (its
    fingerprint is checked all the same)."""

    def body(self) -> dict[str, Any]:
        """Everything the fingerprint covers."""
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "id": self.id,
            "title": self.title,
            "deadline": self.deadline,
            "campaign": {
                "id": self.campaign_id,
                "version": self.campaign_version,
                "fingerprint": self.campaign_fingerprint,
                "file": self.campaign_file,
            },
            "rounds": [r.to_dict() for r in self.rounds],
            "rules": self.rules.to_dict(),
        }

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the canonical JSON of :meth:`body`."""
        return fingerprint_of(self.body())

    def to_json(self) -> str:
        """The file's text: the body and its fingerprint, stable and indented."""
        return json.dumps({**self.body(), "fingerprint": self.fingerprint}, indent=1) + "\n"

    def round(self, ident: str | None) -> Round:
        """The round ``ident`` (default: the first); :class:`CompetitionError` if none."""
        if ident is None:
            return self.rounds[0]
        for r in self.rounds:
            if r.id == ident:
                return r
        known = ", ".join(r.id for r in self.rounds)
        raise CompetitionError(f"no round '{ident}' in competition '{self.id}' (rounds: {known})")

    def entry(self, round_: Round, name: str, team: str | None, attempt: int = 1) -> Entry:
        """The entry a student's game of ``round_`` carries in its replay."""
        return Entry(self.id, self.fingerprint, round_.id, name, team, attempt, self.rules)


def fingerprint_of(body: dict[str, Any]) -> str:
    """SHA-256 of ``body`` as canonical JSON (sorted keys, no spaces)."""
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def checked_name(value: str, what: str) -> str:
    """A student's or team's name, tidied, or :class:`CompetitionError` saying why not."""
    try:
        return person_name(value, what)
    except ReplayError as error:
        raise CompetitionError(str(error)) from None


def make_competition(
    loaded: LoadedCampaign,
    states: list[str],
    seeds: list[str],
    doctrine: str | None = None,
    rules: Rules | None = None,
    title: str | None = None,
    deadline: str | None = None,
    ident: str | None = None,
    campaign_file: str | None = None,
) -> Competition:
    """A competition of ``loaded``: one round per state and seed (states outer), numbered
    from 1. The id defaults to the campaign's id and a digest of the settings."""
    campaign = loaded.campaign
    if not states or not seeds:
        raise CompetitionError("a competition needs at least one state and one seed")
    pairs = [(s, seed) for s in states for seed in seeds]
    if len(pairs) > MAX_ROUNDS:
        raise CompetitionError(f"{len(pairs)} rounds; a competition has at most {MAX_ROUNDS}")
    rounds = tuple(Round(str(n), s, seed, doctrine) for n, (s, seed) in enumerate(pairs, 1))
    title = " ".join((title or campaign.title).split())
    if not title or len(title) > MAX_TITLE:
        raise CompetitionError(f"a title is 1 to {MAX_TITLE} characters")
    if deadline is not None:
        deadline = checked_deadline(deadline)
    draft = Competition(
        ident or "draft",
        title,
        campaign.id,
        campaign.version,
        loaded.fingerprint,
        rounds,
        rules or Rules(),
        deadline,
        campaign_file,
    )
    if ident is None:
        ident = f"{campaign.id}_{draft.fingerprint[:8]}"[:MAX_ID_LENGTH]
    return replace(draft, id=checked_id(ident, "--id"))


def checked_id(value: str, where: str) -> str:
    """A competition's or round's id: letters, digits and ``_``, at most 40."""
    if not (_ID.match(value) and len(value) <= MAX_ID_LENGTH):
        raise CompetitionError(
            f"{where}: '{value[:40]}' is not an id (letters, digits and '_', "
            f"at most {MAX_ID_LENGTH})"
        )
    return value


def checked_deadline(value: str) -> str:
    """A deadline as ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM`` (a real date)."""
    from datetime import datetime

    text = value.strip().replace("T", " ")
    try:
        if not _DEADLINE.match(text):
            raise ValueError
        datetime.fromisoformat(text)
    except ValueError:
        raise CompetitionError(
            f"deadline '{value[:30]}' is not a date: write YYYY-MM-DD or YYYY-MM-DD HH:MM"
        ) from None
    return text


def write_competition(competition: Competition, path: str | Path) -> Path:
    """Write the competition file atomically."""
    return write_atomic(Path(path), competition.to_json())


def read_competition(path: str | Path) -> Competition:
    """Read and check a competition file; :class:`CompetitionError` names the file and
    the problem (damaged, altered after it was made, a field out of shape)."""
    try:
        return parse_competition(_read(Path(path)))
    except CompetitionError as error:
        raise CompetitionError(f"{path}: {error}") from None


def competition_from_text(text: str) -> Competition:
    """A competition back from its file's text (as the results database keeps it)."""
    return parse_competition(json.loads(text))


def _read(path: Path) -> Any:
    try:
        with open_to_read(path) as file:  # a pipe is refused, never waited on
            raw = file.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise CompetitionError("is a folder, not a competition file") from None
    except FileNotFoundError:
        raise CompetitionError("no such file") from None
    except OSError as error:
        raise CompetitionError(f"cannot read the file: {(error.strerror or '').lower()}") from None
    if len(raw) > MAX_BYTES:
        raise CompetitionError(f"too large to be a competition file (over {MAX_BYTES} bytes)")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CompetitionError("damaged: it is not text") from None
    except json.JSONDecodeError as error:
        raise CompetitionError(
            f"damaged: not valid JSON at line {error.lineno}, column {error.colno}"
        ) from None
    except (ValueError, RecursionError):
        raise CompetitionError("damaged: not a usable competition file") from None


def _text(data: Any, key: str, where: str, optional: bool = False) -> Any:
    value = data.get(key) if isinstance(data, dict) else None
    if value is None and optional:
        return None
    if type(value) is not str:
        raise CompetitionError(f"{where}: expected text")
    return value


def parse_competition(data: Any) -> Competition:
    """A competition from its file's parsed JSON, every field and the fingerprint checked."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CompetitionError("not an Entente competition file (no 'format: entente-competition')")
    if data.get("format_version") != FORMAT_VERSION:
        raise CompetitionError(
            f"competition format {data.get('format_version')!r} is not supported "
            f"(this game reads format {FORMAT_VERSION})"
        )
    campaign = data.get("campaign")
    raw_rounds = data.get("rounds")
    if not isinstance(raw_rounds, list) or not 1 <= len(raw_rounds) <= MAX_ROUNDS:
        raise CompetitionError(f"rounds: a list of 1 to {MAX_ROUNDS} rounds")
    rounds = []
    for n, r in enumerate(raw_rounds):
        where = f"rounds[{n}]"
        doctrine = _text(r, "doctrine", f"{where}.doctrine", optional=True)
        rounds.append(
            Round(
                checked_id(_text(r, "id", f"{where}.id"), f"{where}.id"),
                checked_id(_text(r, "state", f"{where}.state"), f"{where}.state"),
                _text(r, "seed", f"{where}.seed"),
                doctrine,
            )
        )
    if len({r.id for r in rounds}) != len(rounds):
        raise CompetitionError("rounds: two rounds have the same id")
    rules = data.get("rules")
    if not isinstance(rules, dict):
        raise CompetitionError("rules: expected an object")
    try:
        parsed_rules = read_rules(rules, "rules")
    except ReplayError as error:
        raise CompetitionError(str(error)) from None
    fingerprint = _text(campaign, "fingerprint", "campaign.fingerprint")
    if not _HEX64.match(fingerprint):
        raise CompetitionError("campaign.fingerprint: expected a SHA-256 in hex")
    deadline = _text(data, "deadline", "deadline", optional=True)
    competition = Competition(
        checked_id(_text(data, "id", "id"), "id"),
        _text(data, "title", "title")[:MAX_TITLE],
        checked_id(_text(campaign, "id", "campaign.id"), "campaign.id"),
        _text(campaign, "version", "campaign.version"),
        fingerprint,
        tuple(rounds),
        parsed_rules,
        None if deadline is None else checked_deadline(deadline),
        _text(campaign, "file", "campaign.file", optional=True),
    )
    if data.get("fingerprint") != competition.fingerprint:
        raise CompetitionError(
            "the file was changed after it was made (its fingerprint does not match its "
            "settings): ask the teacher for the original"
        )
    return competition
