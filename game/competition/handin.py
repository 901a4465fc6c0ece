"""A student's side of a competition: the hand-in folder, the replay, attempts.

``entente play --competition FILE --name NAME`` plays the competition's fixed game and keeps
its replay in the student's hand-in folder, written after every turn: quitting and coming
back continues it. At the end the debrief is written beside it, as Markdown. Starting over
(``--restart``) begins the next attempt, and the replay says which attempt it is: a count kept
both in the replay and in a ledger in the game's data folder, so deleting the replay does not
reset it. (A student who deletes the data folder as well can hide a restart; the count is a
record for the teacher, not a lock.)
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from game.campaign.loader import LoadedCampaign
from game.competition.debrief_text import debrief_markdown
from game.competition.settings import Competition, CompetitionError, Round
from game.engine import Game, ReplayError, new_game, read_replay, resimulate, write_atomic
from game.paths import data_dir, open_to_read, safe_part

COMPETITIONS_DIR = "competitions"
LEDGER = "attempts.json"


def name_key(name: str) -> str:
    """A name as the competition tells students apart: spacing and case do not count."""
    return " ".join(name.split()).casefold()


def file_name(name: str) -> str:
    """A student's name as a file name: itself when plain, else made safe and followed by
    a short digest of :func:`name_key`."""
    safe = safe_part(name)
    if safe == name:
        return safe
    return f"{safe}-{hashlib.sha256(name_key(name).encode('utf-8')).hexdigest()[:6]}"


def default_folder(competition: Competition) -> Path:
    """Where a student's replays go unless told otherwise."""
    return data_dir() / COMPETITIONS_DIR / competition.id


@dataclass(frozen=True)
class Handin:
    """One student's game of one round, and where its files go."""

    competition: Competition
    round: Round
    name: str
    team: str | None
    folder: Path

    @property
    def stem(self) -> str:
        """The files' common name: the student's name made safe, and the round.

        A name that is not a plain file name already ("Ada L.") also gets a digest of the
        name as the competition tells students apart, so "Ada L." and "Ada L" never share
        a file in one folder."""
        return f"{file_name(self.name)}.round{self.round.id}"

    @property
    def replay_path(self) -> Path:
        """The replay the student hands in."""
        return self.folder / f"{self.stem}.replay.json"

    @property
    def debrief_path(self) -> Path:
        """The debrief, written when the game ends."""
        return self.folder / f"{self.stem}.debrief.md"

    @property
    def _ledger_path(self) -> Path:
        return default_folder(self.competition) / LEDGER

    @property
    def _ledger_key(self) -> str:
        return f"{self.round.id}:{name_key(self.name)}"

    def attempts_used(self) -> int:
        """The attempts begun so far under this name in this round (0 if none)."""
        used = _ledger(self._ledger_path).get(self._ledger_key, 0)
        try:
            entry = read_replay(self.replay_path).entry
        except ReplayError:
            entry = None
        return max(used, entry.attempt if entry is not None else 0)

    def _record_attempt(self, attempt: int) -> None:
        ledger = _ledger(self._ledger_path)
        ledger[self._ledger_key] = max(attempt, ledger.get(self._ledger_key, 0))
        write_atomic(self._ledger_path, json.dumps(ledger, indent=1, sort_keys=True) + "\n")

    def start(self, loaded: LoadedCampaign, restart: bool = False) -> tuple[Game, bool]:
        """The student's game: their replay continued (``True``), or a new attempt
        (``False``: the first, or the next one with ``restart``). The new attempt's replay
        is written at once, so the attempt counts even if the student quits at once."""
        if not restart and self.replay_path.exists():
            return self._continue(loaded), True
        attempt = self.attempts_used() + 1
        r = self.round
        entry = self.competition.entry(r, self.name, self.team, attempt)
        game = new_game(loaded, r.seed, r.state, r.doctrine, entry)
        self._record_attempt(attempt)
        self.save(game)
        return game, False

    def _continue(self, loaded: LoadedCampaign) -> Game:
        path = self.replay_path
        try:
            replay = read_replay(path)
            entry = replay.entry
            if entry is None or entry.competition != self.competition.id:
                raise ReplayError("it is not a game of this competition")
            if entry.fingerprint != self.competition.fingerprint:
                raise ReplayError("it was played under other settings of this competition")
            if entry.round != self.round.id or name_key(entry.name) != name_key(self.name):
                raise ReplayError(f"it is the game of {entry.name}, round {entry.round}")
            game = resimulate(replay, loaded, rules=self.competition.rules)
        except ReplayError as error:
            raise CompetitionError(
                f"{path}: {error.reason}; start again with --restart (the new replay will "
                f"count attempt {self.attempts_used() + 1})"
            ) from None
        self._record_attempt(entry.attempt)
        return game

    def save(self, game: Game) -> Path:
        """Write the replay (atomically); once the game is over, the debrief too."""
        path = write_atomic(self.replay_path, game.replay.to_json())
        if game.over:
            write_atomic(self.debrief_path, debrief_markdown(game))
        return path


def _ledger(path: Path) -> dict[str, int]:
    """The attempts ledger; a damaged one counts as empty (the replays still count)."""
    try:
        with open_to_read(path) as file:
            data = json.loads(file.read().decode("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and type(v) is int and v > 0}


def handin_for(
    competition: Competition,
    round_id: str | None,
    name: str,
    team: str | None,
    folder: Path | None = None,
) -> Handin:
    """The hand-in of ``name`` for a round (default: the first), in ``folder`` (default:
    :func:`default_folder`)."""
    from game.competition.settings import checked_name

    return Handin(
        competition,
        competition.round(round_id),
        checked_name(name, "--name"),
        None if team is None else checked_name(team, "--team"),
        folder if folder is not None else default_folder(competition),
    )
