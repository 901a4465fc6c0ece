"""The leaderboard: students and teams ranked by verified score, with ties declared.

Only verified submissions count (a game re-simulated to its end). A student's score is the
sum of their rounds' scores; a round not yet verified adds nothing and the ``rounds`` column
shows it. A team's score is the mean of its members' scores, so teams of different sizes
compare fairly. Equal scores share a rank and the next rank is skipped (1, 2, 2, 4), and
every shared rank is marked as a tie. Ties are then listed by name, which is not a ranking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from game.competition.handin import name_key
from game.competition.settings import Competition
from game.competition.store import Submission
from game.competition.verify import Status


@dataclass(frozen=True)
class Standing:
    """A student's place."""

    rank: int
    tied: bool
    student: str
    team: str | None
    total: int
    rounds: tuple[Submission, ...]
    """The student's verified rounds, in round order."""

    def part(self, name: str) -> int:
        """The sum over rounds of one part of the score (``security``, ...)."""
        return sum(getattr(r, name) for r in self.rounds)


@dataclass(frozen=True)
class TeamStanding:
    """A team's place."""

    rank: int
    tied: bool
    team: str
    members: int
    mean: Fraction
    best: int


@dataclass(frozen=True)
class Pending:
    """A student's round that is recorded but not finished."""

    student: str
    team: str | None
    round: str
    turns_played: int
    turns_total: int


@dataclass(frozen=True)
class Leaderboard:
    """The whole board of one competition."""

    competition: Competition
    students: tuple[Standing, ...]
    teams: tuple[TeamStanding, ...]
    pending: tuple[Pending, ...]

    @property
    def rounds(self) -> int:
        """How many rounds the competition has."""
        return len(self.competition.rounds)


def ranks(scores: Sequence[Fraction | int]) -> list[tuple[int, bool]]:
    """Competition ranking of scores already sorted best first: ``(rank, tied)`` each."""
    out: list[tuple[int, bool]] = []
    for i, score in enumerate(scores):
        rank = out[-1][0] if i and scores[i - 1] == score else i + 1
        tied = (i > 0 and scores[i - 1] == score) or (
            i + 1 < len(scores) and scores[i + 1] == score
        )
        out.append((rank, tied))
    return out


def build(competition: Competition, submissions: Sequence[Submission]) -> Leaderboard:
    """Rank the current submissions of ``competition``."""
    by_student: dict[str, list[Submission]] = {}
    for s in submissions:
        by_student.setdefault(name_key(s.student), []).append(s)
    order = [r.id for r in competition.rounds]
    rows: list[tuple[int, str, str | None, tuple[Submission, ...]]] = []
    pending: list[Pending] = []
    for key in sorted(by_student):
        subs = by_student[key]
        latest = subs[-1]
        done = tuple(
            s
            for s in sorted(subs, key=lambda s: order.index(s.round) if s.round in order else 0)
            if s.status is Status.verified
        )
        pending += [
            Pending(s.student, s.team, s.round, s.turns_played, s.turns_total)
            for s in subs
            if s.status is Status.unfinished
        ]
        if done:
            rows.append((sum(r.total for r in done), latest.student, latest.team, done))
    rows.sort(key=lambda row: (-row[0], name_key(row[1])))
    students = tuple(
        Standing(rank, tied, name, team, total, done)
        for (total, name, team, done), (rank, tied) in zip(
            rows, ranks([row[0] for row in rows]), strict=True
        )
    )
    return Leaderboard(competition, students, _teams(students), tuple(pending))


def _teams(students: Sequence[Standing]) -> tuple[TeamStanding, ...]:
    members: dict[str, list[Standing]] = {}
    shown: dict[str, str] = {}
    for s in students:
        if s.team:
            members.setdefault(name_key(s.team), []).append(s)
            shown.setdefault(name_key(s.team), s.team)
    rows = sorted(
        (
            (Fraction(sum(m.total for m in team), len(team)), shown[key], team)
            for key, team in members.items()
        ),
        key=lambda row: (-row[0], name_key(row[1])),
    )
    return tuple(
        TeamStanding(rank, tied, name, len(team), mean, max(m.total for m in team))
        for (mean, name, team), (rank, tied) in zip(
            rows, ranks([row[0] for row in rows]), strict=True
        )
    )
