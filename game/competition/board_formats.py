"""The leaderboard written out: a terminal table, CSV, Markdown, JSON (HTML is
:mod:`game.competition.board_html`).

A tied rank is written ``2=`` in the table and Markdown, and as ``rank`` 2 with ``tied``
true in CSV and JSON.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from game.competition.cells import csv_cell, markdown_cell
from game.competition.leaderboard import Leaderboard, Standing, TeamStanding

PARTS = ("security", "influence", "objectives", "penalties")


def rank_text(rank: int, tied: bool) -> str:
    """A rank as a board shows it: ``3``, or ``3=`` when shared."""
    return f"{rank}=" if tied else str(rank)


def mean_text(s: TeamStanding) -> str:
    """A team's mean score to one decimal."""
    return f"{float(s.mean):.1f}"


def grades(s: Standing) -> str:
    """The grade of each verified round, in round order."""
    return " ".join(r.grade for r in s.rounds)


def student_rows(board: Leaderboard) -> list[list[str]]:
    """The students' table: rank, student, team, score, its parts, grades, rounds done."""
    return [
        [
            rank_text(s.rank, s.tied),
            s.student,
            s.team or "",
            str(s.total),
            *(str(s.part(p) if p != "penalties" else -s.part(p)) for p in PARTS),
            grades(s),
            f"{len(s.rounds)}/{board.rounds}",
        ]
        for s in board.students
    ]


STUDENT_HEADER = ["rank", "student", "team", "score", *PARTS, "grade", "rounds"]
TEAM_HEADER = ["rank", "team", "members", "mean score", "best"]


def team_rows(board: Leaderboard) -> list[list[str]]:
    """The teams' table."""
    return [
        [rank_text(t.rank, t.tied), t.team, str(t.members), mean_text(t), str(t.best)]
        for t in board.teams
    ]


def pending_lines(board: Leaderboard) -> list[str]:
    """One line per unfinished game."""
    return [
        f"{p.student} (round {p.round}): unfinished, {p.turns_played} of {p.turns_total} turns"
        for p in board.pending
    ]


def heading(board: Leaderboard) -> str:
    """The board's title line."""
    c = board.competition
    due = f", due {c.deadline}" if c.deadline else ""
    return f"{c.title} (competition {c.id}{due})"


def _aligned(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    numeric = {"score", "mean score", "best", "members", *PARTS}

    def line(row: list[str]) -> str:
        cells = [
            c.rjust(w) if h in numeric else c.ljust(w)
            for c, w, h in zip(row, widths, header, strict=True)
        ]
        return "  ".join(cells).rstrip()

    return [line(header), *(line(r) for r in rows)]


def as_table(board: Leaderboard) -> str:
    """For the terminal."""
    out = [heading(board), ""]
    if board.students:
        out += _aligned(STUDENT_HEADER, student_rows(board))
    else:
        out.append("No verified game yet.")
    if board.teams:
        out += ["", "Teams (mean of members' scores)", *_aligned(TEAM_HEADER, team_rows(board))]
    if board.pending:
        out += ["", "Not finished yet:", *(f"  {line}" for line in pending_lines(board))]
    return "\n".join(out) + "\n"


def as_markdown(board: Leaderboard) -> str:
    """For a course page or a report."""
    out = [f"# {markdown_cell(heading(board))}", ""]

    def table(header: list[str], rows: list[list[str]]) -> list[str]:
        return [
            "| " + " | ".join(header) + " |",
            "|" + "---|" * len(header),
            *("| " + " | ".join(markdown_cell(c) for c in r) + " |" for r in rows),
        ]

    out += table(STUDENT_HEADER, student_rows(board)) if board.students else ["No verified game."]
    if board.teams:
        out += ["", "## Teams", "", *table(TEAM_HEADER, team_rows(board))]
    if board.pending:
        out += [
            "",
            "## Not finished yet",
            "",
            *(f"- {markdown_cell(x)}" for x in pending_lines(board)),
        ]
    return "\n".join(out) + "\n"


def as_csv(board: Leaderboard) -> str:
    """One row per student (the teams are in the JSON and the other formats)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["rank", "tied", "student", "team", "score", *PARTS, "grades", "rounds"])
    for s in board.students:
        writer.writerow(
            [
                s.rank,
                "yes" if s.tied else "no",
                csv_cell(s.student),
                csv_cell(s.team or ""),
                s.total,
                *(s.part(p) for p in PARTS),
                grades(s),
                len(s.rounds),
            ]
        )
    return buffer.getvalue()


def as_data(board: Leaderboard) -> dict[str, Any]:
    """The JSON-ready form."""
    c = board.competition
    return {
        "competition": {"id": c.id, "title": c.title, "deadline": c.deadline},
        "students": [
            {
                "rank": s.rank,
                "tied": s.tied,
                "student": s.student,
                "team": s.team,
                "score": s.total,
                **{p: s.part(p) for p in PARTS},
                "rounds": [
                    {
                        "round": r.round,
                        "score": r.total,
                        "grade": r.grade,
                        "attempt": r.attempt,
                        **{p: getattr(r, p) for p in PARTS},
                    }
                    for r in s.rounds
                ],
            }
            for s in board.students
        ],
        "teams": [
            {
                "rank": t.rank,
                "tied": t.tied,
                "team": t.team,
                "members": t.members,
                "mean": round(float(t.mean), 3),
                "best": t.best,
            }
            for t in board.teams
        ],
        "unfinished": [
            {
                "student": p.student,
                "team": p.team,
                "round": p.round,
                "turns_played": p.turns_played,
                "turns_total": p.turns_total,
            }
            for p in board.pending
        ],
    }


def as_json(board: Leaderboard) -> str:
    """One JSON object."""
    return json.dumps(as_data(board), sort_keys=True) + "\n"
