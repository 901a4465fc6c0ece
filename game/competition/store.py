"""The teacher's results: an SQLite database of competitions and verified submissions.

Standard-library ``sqlite3``, in WAL mode, with the schema versioned by ``PRAGMA
user_version`` and upgraded by :data:`MIGRATIONS` in order. Every write is one ``BEGIN
IMMEDIATE`` transaction, so two ``verify`` runs on the same database take turns and never
count a replay twice, and a run killed at any moment leaves every submission it recorded
whole and nothing half-written.

Every submission is kept, rejected ones included (the history of what was handed in); for
each student and round at most one is *current*: the one leaderboards and exports read.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from game.competition.settings import Competition, CompetitionError, competition_from_text
from game.competition.verify import Outcome, Rejection, Status
from game.paths import data_dir

DATABASE = "results.sqlite3"
BUSY_TIMEOUT_MS = 60_000
"""How long a writer waits for another to finish its transaction."""

MIGRATIONS: tuple[str, ...] = (
    # 1: competitions and submissions
    """
    CREATE TABLE competitions (
        id TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        title TEXT NOT NULL,
        settings TEXT NOT NULL,
        campaign_path TEXT NOT NULL,
        registered_at TEXT NOT NULL
    );
    CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        competition TEXT,
        round TEXT,
        student TEXT,
        student_key TEXT,
        team TEXT,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        status TEXT NOT NULL,
        rejection TEXT,
        detail TEXT NOT NULL DEFAULT '',
        attempt INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        security INTEGER NOT NULL DEFAULT 0,
        influence INTEGER NOT NULL DEFAULT 0,
        objectives INTEGER NOT NULL DEFAULT 0,
        penalties INTEGER NOT NULL DEFAULT 0,
        grade TEXT NOT NULL DEFAULT '',
        turns_played INTEGER NOT NULL DEFAULT 0,
        turns_total INTEGER NOT NULL DEFAULT 0,
        replay TEXT,
        received_at TEXT NOT NULL,
        current INTEGER NOT NULL DEFAULT 0,
        replaced_by INTEGER REFERENCES submissions(id)
    );
    CREATE UNIQUE INDEX one_current_per_student
        ON submissions (competition, round, student_key) WHERE current = 1;
    CREATE INDEX by_digest ON submissions (sha256);
    """,
)


class Recorded(StrEnum):
    """What recording an outcome did."""

    recorded = "recorded"
    """A first submission of this student and round."""
    unchanged = "unchanged"
    """The same replay was already recorded: nothing changed."""
    replaced = "replaced"
    """It replaced the student's earlier submission (``--replace``, or the same game
    carried further)."""
    held = "held"
    """A different replay of the student and round is recorded; kept in the history but
    not current (``--replace`` would have replaced it)."""
    rejected = "rejected"
    """A rejected replay, kept in the history."""


def default_database() -> Path:
    """The results database in the game's data folder."""
    return data_dir() / DATABASE


@dataclass(frozen=True)
class Submission:
    """A current submission, as leaderboards and exports read it."""

    competition: str
    round: str
    student: str
    team: str | None
    status: Status
    attempt: int
    total: int
    security: int
    influence: int
    objectives: int
    penalties: int
    grade: str
    turns_played: int
    turns_total: int
    replay: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Results:
    """An open results database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._open_when_free()
        except sqlite3.DatabaseError as error:
            raise CompetitionError(f"{path}: not a usable results database ({error})") from None
        except OSError as error:
            raise CompetitionError(f"{path}: {error.strerror or error}") from None

    def _open_when_free(self) -> None:
        """Refuse a newer schema, switch to WAL, migrate. Two processes opening a new
        database at once can find it locked while the other switches it to WAL (SQLite
        does not wait for that lock by itself): the opening is tried again until the
        busy timeout has passed."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self._refuse_newer()
                if self._db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = FULL")
                self._db.execute("PRAGMA foreign_keys = ON")
                self._migrate()
                return
            except sqlite3.OperationalError as error:
                code = getattr(error, "sqlite_errorcode", None)
                if code not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    raise
                if time.monotonic() > deadline:
                    raise
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                time.sleep(0.05)

    def __enter__(self) -> Results:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (``IMMEDIATE``): writers queue here."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _refuse_newer(self) -> None:
        """A database from a newer Entente is left as it is, not even switched to WAL."""
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            self._db.close()
            raise CompetitionError(
                f"{self.path}: made by a newer version of Entente (schema {version}; "
                f"this one knows up to {len(MIGRATIONS)})"
            )

    def _migrate(self) -> None:
        with self._write() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise CompetitionError(
                    f"{self.path}: made by a newer version of Entente (schema {version}; "
                    f"this one knows up to {len(MIGRATIONS)})"
                )
            for number in range(version, len(MIGRATIONS)):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")

    @property
    def schema_version(self) -> int:
        """The schema's version (the number of migrations applied)."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def integrity(self) -> str:
        """SQLite's own integrity check: ``ok`` when the file is sound."""
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    # -- competitions ----------------------------------------------------------------
    def register(self, competition: Competition, campaign_path: str) -> None:
        """Know ``competition`` (idempotent); a different competition under the same id is
        refused, since its results would mix with the first one's."""
        with self._write() as db:
            row = db.execute(
                "SELECT fingerprint FROM competitions WHERE id = ?", (competition.id,)
            ).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO competitions VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        competition.id,
                        competition.fingerprint,
                        competition.title,
                        competition.to_json(),
                        campaign_path,
                        _now(),
                    ),
                )
            elif row[0] != competition.fingerprint:
                raise CompetitionError(
                    f"{self.path} already holds a different competition with the id "
                    f"'{competition.id}': give the new one another --id"
                )
            else:
                db.execute(
                    "UPDATE competitions SET campaign_path = ? WHERE id = ?",
                    (campaign_path, competition.id),
                )

    def competitions(self) -> list[tuple[Competition, str]]:
        """Every competition known, with its campaign's file, by id."""
        rows = self._db.execute(
            "SELECT settings, campaign_path FROM competitions ORDER BY id"
        ).fetchall()
        return [(competition_from_text(settings), path) for settings, path in rows]

    def competition(self, ident: str | None) -> Competition:
        """The competition ``ident``; with None, the only one there is."""
        known = [c for c, _ in self.competitions()]
        if ident is None:
            if len(known) == 1:
                return known[0]
            if not known:
                raise CompetitionError(f"{self.path}: no competition is recorded yet")
            ids = ", ".join(c.id for c in known)
            raise CompetitionError(f"several competitions are recorded ({ids}): name one")
        for c in known:
            if c.id == ident:
                return c
        ids = ", ".join(c.id for c in known) or "none"
        raise CompetitionError(f"no competition '{ident}' in {self.path} (recorded: {ids})")

    # -- submissions -----------------------------------------------------------------
    def record(self, outcome: Outcome, replace: bool = False) -> Recorded:
        """Record one verified, unfinished or rejected replay; see :class:`Recorded`."""
        with self._write() as db:
            # Whether this very file was handed in before by this student for this round.
            seen = db.execute(
                "SELECT id FROM submissions WHERE sha256 = ? AND competition IS ? AND "
                "round IS ? AND student_key IS ?",
                (outcome.sha256, outcome.competition, outcome.round, outcome.student_key),
            ).fetchone()
            if outcome.status is Status.rejected:
                if seen is None:
                    self._insert(db, outcome, current=False)
                return Recorded.rejected
            current = db.execute(
                "SELECT id, sha256, status, attempt, replay FROM submissions WHERE "
                "competition = ? AND round = ? AND student_key = ? AND current = 1",
                (outcome.competition, outcome.round, outcome.student_key),
            ).fetchone()
            if current is None:
                self._insert(db, outcome, current=True)
                return Recorded.recorded
            if current[1] == outcome.sha256:
                return Recorded.unchanged
            if not (replace or _carried_further(current, outcome)):
                if seen is None:
                    self._insert(db, outcome, current=False, rejection=Rejection.already_recorded)
                return Recorded.held
            db.execute("UPDATE submissions SET current = 0 WHERE id = ?", (current[0],))
            new = self._insert(db, outcome, current=True)
            db.execute("UPDATE submissions SET replaced_by = ? WHERE id = ?", (new, current[0]))
            return Recorded.replaced

    def _insert(
        self,
        db: sqlite3.Connection,
        o: Outcome,
        current: bool,
        rejection: Rejection | None = None,
    ) -> int:
        status = o.status if rejection is None else Status.rejected
        why = rejection or o.rejection
        detail = o.detail
        if rejection is Rejection.already_recorded:
            detail = (
                f"a different replay of {o.name}, round {o.round} is already recorded; "
                "pass --replace to replace it"
            )
        cursor = db.execute(
            "INSERT INTO submissions (competition, round, student, student_key, team, file, "
            "sha256, status, rejection, detail, attempt, total, security, influence, "
            "objectives, penalties, grade, turns_played, turns_total, replay, received_at, "
            "current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                o.competition,
                o.round,
                o.name,
                o.student_key,
                o.team,
                o.path,
                o.sha256,
                status.value,
                None if why is None else why.value,
                detail,
                o.attempt,
                o.total,
                o.security,
                o.influence,
                o.objectives,
                o.penalties,
                o.grade,
                o.turns_played,
                o.turns_total,
                o.replay if status is not Status.rejected else None,
                _now(),
                int(current),
            ),
        )
        return int(cursor.lastrowid or 0)

    def current(self, competition: str) -> list[Submission]:
        """The current submission of every student and round of ``competition``, by
        student and round."""
        rows = self._db.execute(
            "SELECT competition, round, student, team, status, attempt, total, security, "
            "influence, objectives, penalties, grade, turns_played, turns_total, replay "
            "FROM submissions WHERE competition = ? AND current = 1 "
            "ORDER BY student_key, round",
            (competition,),
        ).fetchall()
        return [_submission(row) for row in rows]

    def history(self, competition: str | None = None) -> list[dict[str, object]]:
        """Every submission ever recorded (of ``competition``), oldest first."""
        query = (
            "SELECT id, competition, round, student, team, file, sha256, status, rejection, "
            "detail, attempt, total, received_at, current, replaced_by FROM submissions"
        )
        args: tuple[str, ...] = ()
        if competition is not None:
            query += " WHERE competition = ?"
            args = (competition,)
        cursor = self._db.execute(query + " ORDER BY id", args)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _submissions(replay_text: str) -> list[object]:
    """A replay's choices and orders in the order they were made."""
    import json

    made: list[object] = []
    for turn in json.loads(replay_text)["turns"]:
        made += [("choice", turn["turn"], c) for c in turn["choices"]]
        if turn["orders"] is not None:
            made.append(("orders", turn["turn"], turn["orders"]))
    return made


def _submission(row: tuple[object, ...]) -> Submission:
    """A row of :meth:`Results.current` as a :class:`Submission`."""
    c, r, student, team, status, attempt, total, sec, inf, obj, pen, grade, played, of, rep = row
    return Submission(
        str(c),
        str(r),
        str(student),
        None if team is None else str(team),
        Status(str(status)),
        int(str(attempt)),
        int(str(total)),
        int(str(sec)),
        int(str(inf)),
        int(str(obj)),
        int(str(pen)),
        str(grade),
        int(str(played)),
        int(str(of)),
        str(rep),
    )


def _carried_further(current: tuple[object, ...], outcome: Outcome) -> bool:
    """Whether ``outcome`` is the recorded game played on: the same attempt, unfinished
    before, and every choice and order of the recorded one made the same way first."""
    _, _, status, attempt, replay = current
    if status != Status.unfinished.value or attempt != outcome.attempt or not outcome.replay:
        return False
    try:
        old, new = _submissions(str(replay)), _submissions(outcome.replay)
    except (ValueError, KeyError, TypeError):
        return False
    return new[: len(old)] == old


def open_results(path: Path | None) -> Results:
    """The results database at ``path`` (default: :func:`default_database`)."""
    return Results(path if path is not None else default_database())
