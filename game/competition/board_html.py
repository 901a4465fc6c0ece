"""The leaderboard as one self-contained HTML page, to project in class or post.

No scripts, no fonts, no images, nothing fetched: the styles are inline in the page, and every
name is escaped (a student named ``<script>`` is shown as typed, never run). Each student's
row is followed by their breakdown, round by round.
"""

from __future__ import annotations

from html import escape

from game.competition.board_formats import (
    PARTS,
    STUDENT_HEADER,
    TEAM_HEADER,
    heading,
    pending_lines,
    rank_text,
    student_rows,
    team_rows,
)
from game.competition.leaderboard import Leaderboard

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: .3em .6em; border-bottom: 1px solid #ccc; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.tied td.rank { font-weight: bold; }
details { font-size: .9em; color: #444; }
table.parts { width: auto; margin: .3em 0 .6em 0; }
footer { margin-top: 2em; font-size: .8em; color: #666; }
"""
NUMERIC = {"score", "mean score", "best", "members", "rounds", *PARTS}


def _row(cells: list[str], header: list[str], tag: str = "td", classes: str = "") -> str:
    def cell(text: str, name: str) -> str:
        kind = ["n"] if name in NUMERIC else []
        if name == "rank":
            kind.append("rank")
        attr = f' class="{" ".join(kind)}"' if kind else ""
        return f"<{tag}{attr}>{escape(text)}</{tag}>"

    attr = f' class="{classes}"' if classes else ""
    inner = "".join(cell(c, h) for c, h in zip(cells, header, strict=True))
    return f"<tr{attr}>{inner}</tr>"


def _breakdown(board: Leaderboard, index: int) -> str:
    s = board.students[index]
    head = "".join(f"<th>{h}</th>" for h in ("round", "score", *PARTS, "grade", "attempt"))
    rows = "".join(
        "<tr>"
        + f"<td>{escape(r.round)}</td><td class='n'>{r.total}</td>"
        + "".join(
            f"<td class='n'>{-getattr(r, p) if p == 'penalties' else getattr(r, p)}</td>"
            for p in PARTS
        )
        + f"<td>{escape(r.grade)}</td><td class='n'>{r.attempt}</td></tr>"
        for r in s.rounds
    )
    span = len(STUDENT_HEADER)
    return (
        f"<tr class='breakdown'><td colspan='{span}'><details><summary>Score breakdown of "
        f"{escape(s.student)}</summary><table class='parts'><tr>{head}</tr>{rows}</table>"
        "</details></td></tr>"
    )


def as_html(board: Leaderboard) -> str:
    """The whole page."""
    title = escape(heading(board))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title><style>{STYLE}</style></head><body>",
        f"<h1>{title}</h1>",
        "<h2>Students</h2>",
    ]
    if board.students:
        parts.append('<table id="students">')
        parts.append(_row(STUDENT_HEADER, STUDENT_HEADER, "th"))
        for i, cells in enumerate(student_rows(board)):
            s = board.students[i]
            parts.append(_row(cells, STUDENT_HEADER, classes="tied" if s.tied else ""))
            parts.append(_breakdown(board, i))
        parts.append("</table>")
    else:
        parts.append("<p>No verified game yet.</p>")
    if board.teams:
        parts += [
            "<h2>Teams</h2><p>A team's score is the mean of its members' scores.</p>",
            '<table id="teams">',
            _row(TEAM_HEADER, TEAM_HEADER, "th"),
            *(
                _row(cells, TEAM_HEADER, classes="tied" if t.tied else "")
                for cells, t in zip(team_rows(board), board.teams, strict=True)
            ),
            "</table>",
        ]
    if board.pending:
        items = "".join(f"<li>{escape(x)}</li>" for x in pending_lines(board))
        parts.append(f"<h2>Not finished yet</h2><ul id='unfinished'>{items}</ul>")
    tie = rank_text(2, True)
    parts.append(
        f"<footer>Scores are re-simulated from each student's replay by <code>entente "
        f"verify</code>. A rank written {escape(tie)} is shared.</footer></body></html>"
    )
    return "\n".join(parts) + "\n"
