"""The debrief: the score and grade, security and alliances over time, the decisions that
mattered, the campaign's history notes beside what happened in this game and, for a
campaign whose states carry COW codes, the game's blocs beside the real ones."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.engine import (
    SCORE_PARTS,
    Debrief,
    Game,
    ScoreCard,
    debrief_of,
    decision_text,
    grades_text,
    in_this_game,
    score_note_text,
)
from game.history.beside import (
    YearAgreement,
    agreement_by_year,
    checkpoints,
    divergence_text,
    has_history,
    method_text,
    overall_score,
    score_text,
)
from game.history.contrast import (
    DoctrineAgreement,
    contrast_lines,
    contrast_verdict,
    doctrine_contrast,
)
from game.ui.render import objective_line
from game.ui.widgets.charts import LineChart, Series


def score_content(s: ScoreCard) -> Content:
    """Each part of the score with its maximum, the total, the grade and what each grade
    needs."""
    lines = [
        Content.assemble(
            (f"{SCORE_PARTS[line.part]:<22}", "$foreground-muted"),
            f"{line.points:>6}",
            (f" of {line.maximum}" if line.maximum > 0 else "", "$foreground-muted"),
        )
        for line in s.lines
    ]
    lines.append(
        Content.assemble((f"{'Total':<22}", "bold"), (f"{s.total:>6}", "bold"), f" of {s.best}")
    )
    lines.append(
        Content.assemble((f"{'Grade':<22}", "bold"), (f"{s.grade:>6}", "bold reverse $accent"))
    )
    lines.append(Content.styled(grades_text(s), "$foreground-muted"))
    lines += [Content.styled(score_note_text(note), "$warning") for note in s.notes]
    return Content("\n").join(lines)


def outcome_content(d: Debrief) -> Content:
    """How the campaign ended, and the game's settings."""
    doctrine = (d.doctrine or "the campaign's own").replace("_", " ")
    return Content.assemble(
        (d.ended or "The campaign is over.", "bold"),
        f"\nYou played {d.player_name} ({d.player}); seed {d.seed}; "
        f"doctrine {doctrine}; outcome {d.outcome or 'undecided'}.",
    )


def beside_content(entry: YearAgreement, names: dict[str, str]) -> Content:
    """One year of the game's blocs beside the real ones: the agreement, each state on
    another side than in history with the game's reason (those outside the score muted),
    and the campaign's history note."""
    lines = [Content.styled(score_text(entry), "bold")]
    lines += [
        Content.styled(f"• {divergence_text(r, names)}", "" if r.counted else "$foreground-muted")
        for r in entry.divergences
    ]
    if not entry.divergences:
        lines.append(Content("Every state is on its real side."))
    lines += [Content.styled(f"History: {note}", "italic $accent") for note in entry.notes]
    return Content("\n").join(lines)


def beside_history(game: Game, names: dict[str, str]) -> ComposeResult:
    """The "Beside history" section: the checkpoint years of the game's blocs beside the
    real ones (ATOP), with the method and its source."""
    agreements = agreement_by_year(game)
    if not agreements:
        return
    yield Static("Beside history", classes="section-title")
    method = method_text(agreements[0].poles, names, overall_score(agreements))
    yield Static(Content.styled(method, "$foreground-muted"), id="beside-method")
    yield Static(Content.styled(CONTRAST_PENDING, "$foreground-muted"), id="beside-contrast")
    for entry in checkpoints(agreements):
        with Horizontal(classes="history-row beside-row"):
            yield Static(str(entry.year), classes="history-year")
            yield Static(beside_content(entry, names), classes="beside-text")


CONTRAST_PENDING = (
    "The same world left to the AI alone, under balance of threat and under balance of "
    "power: being played..."
)


def contrast_content(contrast: tuple[DoctrineAgreement, ...]) -> Content:
    """The theory's contrast: how far the AI alone agrees with history under each doctrine,
    and what that says."""
    lines = [Content.styled("The theory's contrast", "bold")]
    lines += [Content(line) for line in contrast_lines(contrast)]
    verdict = contrast_verdict(contrast)
    if verdict:
        lines.append(Content.styled(verdict, "$accent"))
    return Content("\n").join(lines)


class DebriefScreen(Screen[None]):
    """The end of the campaign."""

    CSS_PATH = "../styles/debrief.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "app.save", "Save"),
        Binding("t", "app.title", "Title screen"),
        Binding("question_mark", "app.help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, game: Game, handin_note: str | None = None) -> None:
        super().__init__()
        self.game = game
        self.handin_note = handin_note
        """For a competition game: which files to hand in, and where they are."""
        self.contrast: tuple[DoctrineAgreement, ...] | None = None
        """The theory's contrast beside history, once the AI alone has played it."""

    def compose(self) -> ComposeResult:
        d = debrief_of(self.game)
        security_years = [year for year, _ in d.security]
        yield Static(f"Debrief · {self.game.campaign.title}", classes="screen-title")
        with VerticalScroll(id="debrief-body"):
            yield Static(outcome_content(d), id="debrief-outcome")
            if self.handin_note:
                yield Static(Content.styled(self.handin_note, "bold $success"), id="debrief-handin")
            with Horizontal(id="debrief-top"):
                yield Static(score_content(d.score), id="debrief-score")
                yield LineChart(
                    "Security (1 - worst net threat)",
                    [Series("security", security_years, [v for _, v in d.security])],
                    y_range=(0, 1),
                    id="chart-security",
                )
                counts = [n for _, n in d.allies]
                yield LineChart(
                    "Allies",
                    [Series("allies", [year for year, _ in d.allies], counts)],
                    y_range=(0, max([*counts, 1]) + 1),
                    id="chart-allies",
                )
            yield Static("Decisions that mattered", classes="section-title")
            made = [(x.year, decision_text(x, d.names)) for x in d.decisions] or [
                (d.last_year, "You made no decision of note.")
            ]
            for year, text in made:
                with Horizontal(classes="decision-row"):
                    yield Static(str(year), classes="history-year")
                    yield Static(text, classes="decision-text")
            yield Static("Objectives", classes="section-title")
            yield Static(
                Content("\n").join(objective_line(o) for o in d.objectives)
                if d.objectives
                else Content.styled("This campaign set you no objectives.", "$foreground-muted"),
                id="debrief-objectives",
            )
            yield Static("History beside your game", classes="section-title")
            with Horizontal(classes="history-row history-head"):
                yield Static("Year", classes="history-year")
                yield Static("What really happened", classes="history-note")
                yield Static("In your game", classes="history-game")
            for entry in d.history:
                with Horizontal(classes="history-row"):
                    yield Static(str(entry.year), classes="history-year")
                    yield Static(entry.note, classes="history-note")
                    yield Static(in_this_game(entry, d.last_year, d.names), classes="history-game")
            if has_history(self.game.campaign):
                yield from beside_history(self.game, d.names)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#debrief-body").focus()
        if self.query("#beside-contrast"):
            self.play_contrast()

    @work(thread=True, exclusive=True, group="contrast", exit_on_error=False)
    def play_contrast(self) -> None:
        """Play the campaign again by the AI alone under each doctrine (a few seconds for a
        long campaign: the rest of the debrief is read meanwhile)."""
        try:
            shown: tuple[DoctrineAgreement, ...] | str = doctrine_contrast(self.game)
        except Exception as failure:  # the debrief itself must survive an engine bug
            shown = f"The theory's contrast could not be played: {failure}"
        self.app.call_from_thread(self._show_contrast, shown)

    def _show_contrast(self, shown: tuple[DoctrineAgreement, ...] | str) -> None:
        found = self.query("#beside-contrast")
        if not found:  # the player left the debrief meanwhile
            return
        if isinstance(shown, str):
            found.first(Static).update(Content.styled(shown, "$error"))
            return
        self.contrast = shown
        found.first(Static).update(contrast_content(shown))
