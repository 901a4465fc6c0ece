"""Verifying replays: re-simulate each one under its competition's settings.

A replay is never trusted for what it says: its competition, round, seed, state, doctrine,
campaign and rules must be the competition file's, and re-simulating its orders and choices
must reach the state it records. What it earns is the score of that re-simulation. Each
replay gets an :class:`Outcome` (a :class:`Status`, and for a rejection a
:class:`Rejection` and one line saying why).

:func:`verify_all` spreads the replays over worker processes (the machine's cores) and
yields the outcomes in the order of the files, holding only a few in memory at a time.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from game.campaign.loader import LoadedCampaign, load_campaign
from game.competition.handin import name_key
from game.competition.settings import Competition
from game.engine import (
    MAX_BYTES,
    Game,
    Replay,
    ReplayError,
    ReplayProblem,
    read_replay,
    resimulate,
)
from game.paths import open_to_read


class Status(StrEnum):
    """What became of a replay."""

    verified = "verified"
    """Re-simulated to the end of the game: its score counts."""
    unfinished = "unfinished"
    """Genuine, but the game is not over: recorded, not ranked."""
    rejected = "rejected"


class Rejection(StrEnum):
    """Why a replay was rejected."""

    damaged = "damaged"
    too_large = "too_large"
    bad_id = "bad_id"
    not_a_replay = "not_a_replay"
    not_a_competition_game = "not_a_competition_game"
    unknown_competition = "unknown_competition"
    competition_mismatch = "competition_mismatch"
    other_campaign = "other_campaign"
    other_version = "other_version"
    other_seed = "other_seed"
    other_state = "other_state"
    other_doctrine = "other_doctrine"
    other_engine = "other_engine"
    altered = "altered"
    """The orders or choices were changed: the re-simulation does not reach the recorded
    state, or takes an order or choice the game cannot take."""
    already_recorded = "already_recorded"
    """Another replay of the same student and round is recorded (``--replace`` replaces)."""


_FROM_REPLAY = {
    ReplayProblem.damaged: Rejection.damaged,
    ReplayProblem.too_large: Rejection.too_large,
    ReplayProblem.bad_id: Rejection.bad_id,
    ReplayProblem.unsupported: Rejection.not_a_replay,
    ReplayProblem.other_campaign: Rejection.other_campaign,
    ReplayProblem.other_version: Rejection.other_version,
    ReplayProblem.other_engine: Rejection.other_engine,
    ReplayProblem.does_not_resimulate: Rejection.altered,
    ReplayProblem.altered: Rejection.altered,
}


@dataclass(frozen=True)
class Outcome:
    """The verdict on one replay file."""

    path: str
    sha256: str
    status: Status
    rejection: Rejection | None = None
    detail: str = ""
    """One line: why it was rejected, or how far an unfinished game got."""
    competition: str | None = None
    round: str | None = None
    name: str | None = None
    team: str | None = None
    attempt: int = 0
    total: int = 0
    security: int = 0
    influence: int = 0
    objectives: int = 0
    penalties: int = 0
    grade: str = ""
    turns_played: int = 0
    turns_total: int = 0
    replay: str | None = None
    """The replay's text, kept with a verified or unfinished record (for exports)."""

    @property
    def student_key(self) -> str | None:
        """The student as the database tells them apart."""
        return None if self.name is None else name_key(self.name)


@dataclass(frozen=True)
class Known:
    """A competition a verifier knows, with its campaign's file."""

    competition: Competition
    campaign_path: str


_CAMPAIGNS: dict[str, LoadedCampaign] = {}
"""Each worker's campaigns, loaded once per file."""


def _campaign(path: str) -> LoadedCampaign:
    if path not in _CAMPAIGNS:
        _CAMPAIGNS[path] = load_campaign(path)
    return _CAMPAIGNS[path]


def _rejected(
    path: str, digest: str, why: Rejection, detail: str, replay: Replay | None
) -> Outcome:
    entry = replay.entry if replay is not None else None
    return Outcome(
        path,
        digest,
        Status.rejected,
        why,
        detail,
        competition=entry.competition if entry else None,
        round=entry.round if entry else None,
        name=entry.name if entry else None,
        team=entry.team if entry else None,
        attempt=entry.attempt if entry else 0,
    )


def _mismatch(replay: Replay, known: Known) -> tuple[Rejection, str] | None:
    """Whether the replay claims other settings than its competition's, and which."""
    entry = replay.entry
    c = known.competition
    assert entry is not None
    if entry.fingerprint != c.fingerprint:
        return Rejection.competition_mismatch, (
            f"played under other settings than competition '{c.id}' (another competition "
            "file, or one edited after it was made)"
        )
    rounds = {r.id: r for r in c.rounds}
    r = rounds.get(entry.round)
    if r is None:
        return Rejection.competition_mismatch, f"competition '{c.id}' has no round '{entry.round}'"
    if entry.rules != c.rules:
        return Rejection.competition_mismatch, "played under other rules than the competition's"
    if replay.campaign_id != c.campaign_id:
        return Rejection.other_campaign, (
            f"a game of campaign '{replay.campaign_id}', not the competition's '{c.campaign_id}'"
        )
    if replay.fingerprint != c.campaign_fingerprint:
        return Rejection.other_version, (
            f"played on another version of campaign '{c.campaign_id}' than the competition's"
        )
    if replay.seed != r.seed:
        return Rejection.other_seed, f"played with another seed than round {r.id}'s"
    if replay.player != r.state:
        return Rejection.other_state, (
            f"played as {replay.player}; round {r.id} is played as {r.state}"
        )
    if replay.doctrine != r.doctrine:
        return Rejection.other_doctrine, f"played under another doctrine than round {r.id}'s"
    return None


def verify_file(path: str, known: dict[str, Known], only: str | None = None) -> Outcome:
    """The verdict on the replay at ``path`` given the competitions ``known`` (by id);
    ``only``: the one competition the teacher named, whose games alone are accepted."""
    digest = ""
    replay: Replay | None = None
    try:
        digest, size = _digest(path)
        if size > MAX_BYTES:
            raise ReplayError(
                f"the file is {size / (1024 * 1024):.1f} MB; a replay is at most "
                f"{MAX_BYTES // (1024 * 1024)} MB",
                kind=ReplayProblem.too_large,
            )
        replay = read_replay(path)
        entry = replay.entry
        if entry is None:
            return _rejected(
                path,
                digest,
                Rejection.not_a_competition_game,
                "not a competition game (it has no competition section)",
                replay,
            )
        if only is not None and entry.competition != only:
            return _rejected(
                path,
                digest,
                Rejection.competition_mismatch,
                f"a game of competition '{entry.competition}', not of '{only}'",
                replay,
            )
        found = known.get(entry.competition)
        if found is None:
            return _rejected(
                path,
                digest,
                Rejection.unknown_competition,
                f"competition '{entry.competition}' is not known here: pass its file with "
                "--competition FILE",
                replay,
            )
        wrong = _mismatch(replay, found)
        if wrong is not None:
            return _rejected(path, digest, wrong[0], wrong[1], replay)
        game = resimulate(replay, _campaign(found.campaign_path), rules=found.competition.rules)
    except ReplayError as error:
        why = _FROM_REPLAY[error.kind]
        detail = error.reason
        if why is Rejection.altered:
            detail = f"the orders or choices were altered: {error.reason}"
        return _rejected(path, digest, why, detail, replay)
    except Exception as failure:  # an engine failure is the file's rejection, not a crash
        detail = f"the game cannot re-simulate it ({type(failure).__name__})"
        return _rejected(path, digest, Rejection.altered, detail, replay)
    return _accepted(path, digest, replay, game)


def _digest(path: str) -> tuple[str, int]:
    """The SHA-256 of a file's first :data:`MAX_BYTES` + 1 bytes (all of any file a
    replay can be, and enough to tell two oversized files apart) and its size; a file that
    cannot be read is damaged, not altered."""
    try:
        with open_to_read(path) as file:  # a pipe is refused, never waited on
            size = os.fstat(file.fileno()).st_size
            digest = hashlib.sha256(file.read(MAX_BYTES + 1)).hexdigest()
    except IsADirectoryError:
        raise ReplayError("is a folder, not a replay") from None
    except OSError as error:
        reason = (error.strerror or "it cannot be opened").lower()
        raise ReplayError(f"cannot read the file: {reason}") from None
    return digest, size


def _accepted(path: str, digest: str, replay: Replay, game: Game) -> Outcome:
    entry = replay.entry
    assert entry is not None
    s = game.score
    played = len(game.history)
    return Outcome(
        path,
        digest,
        Status.verified if game.over else Status.unfinished,
        None,
        "" if game.over else f"unfinished: {played} of {game.turns} turns played",
        competition=entry.competition,
        round=entry.round,
        name=entry.name,
        team=entry.team,
        attempt=entry.attempt,
        total=s.total,
        security=s.security,
        influence=s.influence,
        objectives=s.objectives,
        penalties=s.penalties,
        grade=s.grade,
        turns_played=played,
        turns_total=game.turns,
        replay=replay.to_json(),
    )


def replay_files(paths: Sequence[Path]) -> list[Path]:
    """The replay files among ``paths``: each file as given, and in each folder (and its
    subfolders) every ``*.json`` file, sorted; backups and temporary files are skipped."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*.json")
                if p.is_file() and not p.name.startswith(".") and p.name != "attempts.json"
            )
        else:
            found.append(path)
    return found


_WORKER_KNOWN: dict[str, Known] = {}
_WORKER_ONLY: str | None = None


def _init_worker(known: dict[str, Known], only: str | None) -> None:
    global _WORKER_ONLY
    _WORKER_KNOWN.clear()
    _WORKER_KNOWN.update(known)
    _WORKER_ONLY = only


def _work(path: str) -> Outcome:
    return verify_file(path, _WORKER_KNOWN, _WORKER_ONLY)


def default_jobs() -> int:
    """One worker per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def verify_all(
    paths: Sequence[Path], known: dict[str, Known], only: str | None = None, jobs: int = 0
) -> Iterator[Outcome]:
    """The outcome of every replay in ``paths`` (files or folders), in file order, computed
    by ``jobs`` worker processes (0: one per core; 1: in this process)."""
    files = [str(p) for p in replay_files(paths)]
    jobs = min(jobs or default_jobs(), max(1, len(files)))
    if jobs == 1:
        for path in files:
            yield verify_file(path, known, only)
        return
    # fork starts a worker in milliseconds with the engine already imported; elsewhere
    # (macOS, Windows) the platform's own way.
    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(jobs, context, _init_worker, (known, only)) as pool:
        window: list[Future[Outcome]] = []
        # A few files per worker in flight: the cores stay busy, memory stays flat.
        ahead = 4 * jobs
        index = 0
        while index < len(files) or window:
            while index < len(files) and len(window) < ahead:
                window.append(pool.submit(_work, files[index]))
                index += 1
            yield window.pop(0).result()


def known_from(competition: Competition, campaign: LoadedCampaign) -> Known:
    """A competition and its (already found) campaign, as a verifier knows them."""
    return Known(competition, str(Path(campaign.source).resolve()))
