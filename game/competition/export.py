"""Grading exports: each student's decision timeline, and a summary of the class.

Per student, a Markdown file and a CSV file: every choice and order by turn, the orders the
game refused and why, the principal threat the player faced as each turn closed, and every
alignment change that touched the player with the reason the AI gave. For the class, which
option most students took in each event, the most common orders, and, per round, the turn
where the best and the worst games first went different ways.

The timelines come from re-simulating the verified replays the results database keeps (under
the competition's rules), never from anything a student wrote.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from game.campaign.loader import LoadedCampaign
from game.competition.cells import csv_cell, markdown_cell
from game.competition.leaderboard import Leaderboard
from game.competition.settings import Competition
from game.competition.store import Submission
from game.competition.verify import Status
from game.engine import Game, Replay, change_text, problem_text, resimulate, write_atomic
from game.paths import safe_part

COLUMNS = ("round", "turn", "year", "kind", "what", "principal_threat", "threat", "detail")


@dataclass(frozen=True)
class Step:
    """One row of a student's timeline."""

    round: str
    turn: int
    year: int
    kind: str
    """``choice``, ``order``, ``refused``, ``alignment`` or ``turn`` (the turn's close)."""
    what: str
    principal_threat: str = ""
    threat: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Played:
    """A verified game re-simulated for the export."""

    submission: Submission
    game: Game


def replay_game(sub: Submission, competition: Competition, loaded: LoadedCampaign) -> Game:
    """The game a stored, verified submission re-simulates to."""
    import json

    replay = Replay.from_dict(json.loads(sub.replay))
    return resimulate(replay, loaded, rules=competition.rules)


def timeline(played: Played) -> list[Step]:
    """Every decision of the game, by turn, with what the world answered."""
    game, r = played.game, played.submission.round
    names = game.view.names()
    events = {e.id: e for era in game.campaign.eras for e in era.events}
    reports = {rep.turn: rep for rep in game.reports}
    steps: list[Step] = []
    for log in game.log:
        report = reports.get(log.turn)
        year = report.year if report else game.view.year
        for c in log.choices:
            event = events[c.event]
            steps.append(
                Step(r, log.turn, year, "choice", event.title, detail=event.choices[c.choice].label)
            )
        for order in log.orders or []:
            steps.append(Step(r, log.turn, year, "order", str(order)))
        if report is None:
            continue
        for refusal in report.refusals:
            steps.append(
                Step(
                    r,
                    log.turn,
                    year,
                    "refused",
                    str(refusal.order),
                    detail=problem_text(refusal.problem, names),
                )
            )
        for change in report.alignment_changes:
            if change.state == game.player or game.player in change.partners:
                steps.append(
                    Step(
                        r,
                        log.turn,
                        year,
                        "alignment",
                        change.change.value,
                        detail=change_text(change, names),
                    )
                )
        top = report.threats[0] if report.threats else None
        steps.append(
            Step(
                r,
                log.turn,
                year,
                "turn",
                f"score {report.score.total}",
                names.get(top.rival, top.rival) if top else "",
                f"{top.threat:.2f}" if top else "",
            )
        )
    return steps


def timeline_csv(steps: list[Step]) -> str:
    """The timeline as CSV, one row per step."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for s in steps:
        writer.writerow([csv_cell(getattr(s, c)) for c in COLUMNS])
    return buffer.getvalue()


def timeline_markdown(student: str, team: str | None, games: list[Played]) -> str:
    """A student's timelines, one section per round."""
    lines = [f"# {markdown_cell(student)}" + (f" (team {markdown_cell(team)})" if team else ""), ""]
    for played in games:
        sub = played.submission
        lines += [
            f"## Round {sub.round}: score {sub.total}, grade {sub.grade}, attempt {sub.attempt}",
            "",
            f"Security {sub.security}, influence {sub.influence}, objectives {sub.objectives}, "
            f"penalties {-sub.penalties}. {played.game.view.ended or ''}",
            "",
            "| turn | year | what | principal threat | detail |",
            "|---:|---:|---|---|---|",
        ]
        for s in timeline(played):
            what = s.what if s.kind in ("turn", "order") else f"{s.kind}: {s.what}"
            threat = f"{s.principal_threat} {s.threat}".strip()
            cells = (markdown_cell(c) for c in (what, threat, s.detail))
            lines.append(f"| {s.turn} | {s.year} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def _submissions(game: Game) -> list[tuple[int, str]]:
    """A game's decisions in order, as ``(turn, what)``."""
    events = {e.id: e for era in game.campaign.eras for e in era.events}
    made: list[tuple[int, str]] = []
    for log in game.log:
        for c in log.choices:
            made.append(
                (log.turn, f'{events[c.event].title}: "{events[c.event].choices[c.choice].label}"')
            )
        if log.orders is not None:
            made.append((log.turn, "orders: " + (", ".join(str(o) for o in log.orders) or "none")))
    return made


def class_summary(board: Leaderboard, games: list[Played]) -> str:
    """What the class did: choices by event, common orders, best against worst game."""
    c = board.competition
    lines = [
        f"# Class summary: {markdown_cell(c.title)}",
        "",
        f"{len(board.students)} students ranked.",
        "",
    ]
    choices: dict[str, Counter[str]] = {}
    orders: Counter[str] = Counter()
    for played in games:
        game = played.game
        events = {e.id: e for era in game.campaign.eras for e in era.events}
        for log in game.log:
            for ch in log.choices:
                event = events[ch.event]
                choices.setdefault(event.title, Counter())[event.choices[ch.choice].label] += 1
            for order in log.orders or []:
                orders[order.action] += 1
    lines += ["## Choices in events", ""]
    if not choices:
        lines.append("No event asked for a choice.")
    for title in sorted(choices):
        counts = choices[title]
        total = sum(counts.values())
        lines.append(
            f"- **{markdown_cell(title)}** ({total} game{'s' if total != 1 else ''}): "
            + "; ".join(
                f"{markdown_cell(label)} {n} ({100 * n // total}%)"
                for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            )
        )
    lines += ["", "## Orders given", ""]
    lines += [
        f"- {action}: {n}" for action, n in sorted(orders.items(), key=lambda kv: (-kv[1], kv[0]))
    ] or ["No orders."]
    lines += ["", "## Where the best and the worst games diverged", ""]
    for r in c.rounds:
        ranked = sorted(
            (p for p in games if p.submission.round == r.id),
            key=lambda p: (-p.submission.total, p.submission.student.casefold()),
        )
        if len(ranked) < 2:
            lines.append(f"- Round {r.id}: fewer than two verified games.")
            continue
        best, worst = ranked[0], ranked[-1]
        a, b = _submissions(best.game), _submissions(worst.game)
        at = next(
            (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
        )
        head = (
            f"- Round {r.id}: best {markdown_cell(best.submission.student)} "
            f"({best.submission.total}), worst {markdown_cell(worst.submission.student)} "
            f"({worst.submission.total})"
        )
        if at >= len(a) and at >= len(b):
            lines.append(head + ": the same decisions throughout.")
            continue
        turn = (a[at] if at < len(a) else b[at])[0]
        lines.append(f"{head}: first diverged in turn {turn}:")
        lines.append(f"  - best: {markdown_cell(a[at][1]) if at < len(a) else 'nothing more'}")
        lines.append(f"  - worst: {markdown_cell(b[at][1]) if at < len(b) else 'nothing more'}")
    return "\n".join(lines) + "\n"


def export(
    board: Leaderboard,
    submissions: list[Submission],
    loaded: LoadedCampaign,
    out: Path,
) -> list[Path]:
    """Write every student's timeline (Markdown and CSV) and the class summary into
    ``out``; returns the files written."""
    competition = board.competition
    played = [
        Played(s, replay_game(s, competition, loaded))
        for s in submissions
        if s.status is Status.verified
    ]
    by_student: dict[str, list[Played]] = {}
    for p in played:
        by_student.setdefault(p.submission.student, []).append(p)
    written: list[Path] = []
    used: set[str] = set()
    for student in sorted(by_student, key=str.casefold):
        games = by_student[student]
        stem = safe_part(student)
        while stem.casefold() in used:  # two names that make the same file name
            stem += "_"
        used.add(stem.casefold())
        team = games[0].submission.team
        written.append(write_atomic(out / f"{stem}.md", timeline_markdown(student, team, games)))
        rows = [step for p in games for step in timeline(p)]
        written.append(write_atomic(out / f"{stem}.csv", timeline_csv(rows)))
    written.append(write_atomic(out / "class-summary.md", class_summary(board, played)))
    return written
