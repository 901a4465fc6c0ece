"""Replays from the browser into the teacher's results database.

A session's game writes its replay to the student's hand-in folder after every turn; the
server re-verifies it whenever the file changes (and once more when the session ends),
exactly as ``entente verify`` does: the replay is never trusted because the server wrote it.
An unfinished game is recorded as unfinished; its later, longer versions replace it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.competition.store import Recorded, open_results
from game.competition.verify import Known, Outcome, verify_file


@dataclass
class Collector:
    """Verifies and records the replays of one competition's sessions."""

    known: Known
    db: Path | None
    seen: dict[str, float] = field(default_factory=dict)
    """Each replay's modification time when it was last recorded."""

    def collect(self, path: Path) -> tuple[Outcome, Recorded] | None:
        """Verify and record ``path`` if it changed since it was last recorded (runs in a
        worker thread: it re-simulates the game)."""
        try:
            mtime = path.stat().st_mtime
        except OSError:
            return None
        key = str(path)
        if self.seen.get(key) == mtime:
            return None
        competition = self.known.competition
        outcome = verify_file(key, {competition.id: self.known}, competition.id)
        with open_results(self.db) as results:
            recorded = results.record(outcome)
        self.seen[key] = mtime
        return outcome, recorded
