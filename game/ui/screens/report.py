"""The turn report: the news ranked by importance, every alliance change with its reason,
the orders the engine refused, and the score."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.engine import (
    AlignmentChange,
    ChangeKind,
    News,
    ObjectiveState,
    ObjectiveStatus,
    Refusal,
    ScoreCard,
    TurnReport,
    change_text,
    refusal_text,
    score_line_text,
    score_note_text,
)
from game.ui.render import objective_line, threat_bar
from game.ui.widgets.news_log import news_line

CHANGE_MARKS = {
    ChangeKind.formed: ("✚", "$success"),
    ChangeKind.joined: ("+", "$success"),
    ChangeKind.left: ("−", "$warning"),
    ChangeKind.dissolved: ("✖", "$error"),
    ChangeKind.bandwagoned: ("⇢", "$error"),
}


def score_line(score: ScoreCard) -> Content:
    """The score, its parts with their maxima, and what the next grade needs."""
    parts: list[str | tuple[str, str]] = [
        ("Score ", "bold"),
        (f"{score.total} ({score.grade})", "bold $accent"),
        "  " + " · ".join(score_line_text(line) for line in score.lines),
    ]
    better = [f for f in score.grades if f.points is not None and f.points > score.total]
    if better:
        nearest = better[-1]
        parts.append((f"\nNext grade: {nearest.grade} at {nearest.points}.", "$foreground-muted"))
    if score.notes:
        notes = "; ".join(score_note_text(note) for note in score.notes)
        parts.append((f"\nNote: {notes}.", "$warning"))
    return Content.assemble(*parts)


def change_line(change: AlignmentChange, names: dict[str, str]) -> Content:
    """An alliance change with its reason in the theory's words."""
    mark, style = CHANGE_MARKS.get(change.change, ("•", ""))
    return Content.assemble((f"{mark} ", f"bold {style}"), change_text(change, names))


def refusal_line(refusal: Refusal, names: dict[str, str]) -> Content:
    """A refused order, the order in bold, and why."""
    text = Content(refusal_text(refusal, names)).stylize("bold", 0, len(str(refusal.order)))
    return Content.assemble(("✗ ", "bold $error"), text)


ROUTINE = 1
"""The importance of routine news (a state arming, aid sent): folded when the year is busy."""
NEWS_SHOWN = 12
"""Items a busy year's report lists before its routine news is folded into a count."""


def report_news(news: list[News]) -> list[Content]:
    """The year's news for the report, most important first. In a busy year (a large
    campaign has dozens of items a turn) the routine items past the first ``NEWS_SHOWN``
    lines are folded into one line that counts them: every item stays in the news log."""
    if not news:
        return [Content.styled("A quiet year.", "$foreground-muted")]
    ranked = sorted(news, key=lambda n: -n.importance)  # stable: the engine's order within
    room = max(NEWS_SHOWN, sum(1 for n in ranked if n.importance > ROUTINE))
    shown, folded = ranked[:room], ranked[room:]
    lines = [news_line(n) for n in shown]
    if folded:
        noun = "item" if len(folded) == 1 else "items"
        lines.append(
            Content.styled(
                f"· {len(folded)} more routine {noun}: the whole year is in the news log.",
                "$foreground-muted",
            )
        )
    return lines


def current_objectives(report: TurnReport) -> list[ObjectiveState]:
    """The objectives a report lists: those still open and those decided this year (the
    ones decided earlier stay on the situation room's panel and in the debrief)."""
    return [
        o for o in report.objectives if o.status is ObjectiveStatus.pending or o.year == report.year
    ]


def section(title: str, lines: list[Content]) -> Static:
    """A titled block of lines."""
    body = Content("\n").join([Content.styled(title, "bold $accent"), *lines])
    return Static(body, classes="report-section")


class TurnReportScreen(Screen[None]):
    """What happened when the turn resolved; enter goes on."""

    CSS_PATH = "../styles/report.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space,escape", "close", "Continue"),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(self, report: TurnReport, names: dict[str, str], latest: bool = True) -> None:
        super().__init__()
        self.report = report
        self.names = names
        self.latest = latest
        """False when the player reopened an earlier report (``r``)."""

    def compose(self) -> ComposeResult:
        report = self.report
        yield Static(
            f"Turn {report.turn} report · {report.year}", id="report-title", classes="screen-title"
        )
        with VerticalScroll(id="report-body"):
            yield Static(score_line(report.score), id="report-score")
            if report.ended:
                yield section("The campaign is over", [Content(report.ended)])
            # Alliance changes come as news too; they are listed once, below, with marks.
            reasons = {change_text(c, self.names) for c in report.alignment_changes}
            news = report_news([n for n in report.news if n.text not in reasons])
            yield section("News", news)
            if report.alignment_changes:
                yield section(
                    "Alliance changes",
                    [change_line(c, self.names) for c in report.alignment_changes],
                )
            if report.refusals:
                refused = [refusal_line(r, self.names) for r in report.refusals]
                yield section("Refused orders", refused)
            current = current_objectives(report)
            if current:
                yield section("Objectives", [objective_line(o) for o in current])
            top = [
                Content.assemble(
                    f"{line.rival:<4}",
                    threat_bar(line.threat, 10),
                    f"  {self.names.get(line.rival, '')}",
                )
                for line in report.threats[:3]
            ]
            if top:
                # The turn as it closed, the figures its objectives were judged on: the
                # board shows the next year's opening, after that year's events.
                yield section(f"Your principal threats as {report.year} closed", top)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#report-body").focus()

    def action_close(self) -> None:
        """Close the report."""
        self.dismiss(None)
