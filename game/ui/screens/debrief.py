"""The debrief: the score and grade, security and alliances over time, the decisions that
mattered, and the campaign's history notes beside what happened in this game."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.engine import Game, year_of_turn
from game.ui.widgets.charts import LineChart, Series


def score_content(game: Game) -> Content:
    """The score's parts, the total and the grade."""
    s = game.score
    rows = [
        ("Security", f"{s.security:>6}"),
        ("Influence", f"{s.influence:>6}"),
        ("Objectives", f"{s.objectives:>6}"),
        ("Penalties", f"{-s.penalties:>6}"),
    ]
    lines = [
        Content.assemble((f"{label:<12}", "$foreground-muted"), value) for label, value in rows
    ]
    lines.append(Content.assemble(("Total       ", "bold"), (f"{s.total:>6}", "bold")))
    lines.append(
        Content.assemble(("Grade       ", "bold"), (f"{s.grade:>6}", "bold reverse $accent"))
    )
    lines += [Content.styled(note, "$warning") for note in s.notes]
    return Content("\n").join(lines)


def outcome_content(game: Game) -> Content:
    """How the campaign ended, and the game's settings."""
    world = game.view
    doctrine = game.doctrine.value if game.doctrine else "the campaign's own"
    return Content.assemble(
        (world.ended or "The campaign is over.", "bold"),
        f"\nYou played {world.states[game.player].name} ({game.player}); seed {game.seed}; "
        f"doctrine {doctrine.replace('_', ' ')}; outcome {world.outcome or 'undecided'}.",
    )


def decisions(game: Game) -> list[tuple[int, str]]:
    """(year, what) for each choice the player made, each alliance change that touched the
    player, each objective achieved and each war started."""
    events = {e.id: e for era in game.campaign.eras for e in era.events}
    found: list[tuple[int, str]] = []
    for log in game.log:
        year = year_of_turn(game.campaign, log.turn)
        for choice in log.choices:
            event = events[choice.event]
            found.append((year, f'{event.title}: you chose "{event.choices[choice.choice].label}"'))
        for order in log.orders or []:
            if order.action in ("ally", "break", "intervene", "guarantee"):
                found.append((year, f"You ordered: {order}"))
    for report in game.reports:
        for change in report.alignment_changes:
            if change.state == game.player or game.player in change.partners:
                found.append((report.year, change.reason))
    objectives = {o.id: o for era in game.campaign.eras for o in era.objectives}
    for objective_id, turn in sorted(game.view.achieved.items(), key=lambda kv: kv[1]):
        text = objectives[objective_id].text.strip() if objective_id in objectives else objective_id
        found.append((year_of_turn(game.campaign, turn), f"Objective achieved: {text}"))
    return sorted(found, key=lambda item: item[0])


def in_this_game(game: Game, year: int) -> str:
    """What happened in this game in ``year``: its alliance changes and era news."""
    if year < game.campaign.start_year:
        return "Before this campaign begins."
    if year > game.campaign.end_year:
        return "After this campaign's years."
    if year > game.view.year:
        return f"This game ended in {game.view.year}."
    lines = []
    for report in game.reports:
        if report.year == year:
            lines += [c.reason for c in report.alignment_changes]
            lines += [
                n.text for n in report.news if n.category in ("era", "event") and n.importance >= 4
            ]
    return "\n".join(f"- {line}" for line in lines) or "No alliance changed."


def history_notes(game: Game) -> list[tuple[int, str]]:
    """Every history note of the campaign and its eras, by year."""
    notes = [(n.year, n.text.strip()) for era in game.campaign.eras for n in era.history]
    notes += [(n.year, n.text.strip()) for n in game.campaign.history]
    return sorted(notes, key=lambda note: note[0])


class DebriefScreen(Screen[None]):
    """The end of the campaign."""

    CSS_PATH = "../styles/debrief.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "app.save", "Save"),
        Binding("t", "app.title", "Title screen"),
        Binding("question_mark", "app.help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, game: Game) -> None:
        super().__init__()
        self.game = game

    def compose(self) -> ComposeResult:
        game = self.game
        history = game.history
        years = [h.year for h in history]
        yield Static(f"Debrief · {game.campaign.title}", classes="screen-title")
        with VerticalScroll(id="debrief-body"):
            yield Static(outcome_content(game), id="debrief-outcome")
            with Horizontal(id="debrief-top"):
                yield Static(score_content(game), id="debrief-score")
                yield LineChart(
                    "Security (1 - worst net threat)",
                    [Series("security", years, [h.security for h in history])],
                    y_range=(0, 1),
                    id="chart-security",
                )
                yield LineChart(
                    "Allies",
                    [Series("allies", years, [len(h.allies) for h in history])],
                    y_range=(0, max([len(h.allies) for h in history] + [1]) + 1),
                    id="chart-allies",
                )
            yield Static("Decisions that mattered", classes="section-title")
            made = decisions(game) or [(game.view.year, "You made no decision of note.")]
            for year, text in made:
                with Horizontal(classes="decision-row"):
                    yield Static(str(year), classes="history-year")
                    yield Static(text, classes="decision-text")
            yield Static("History beside your game", classes="section-title")
            with Horizontal(classes="history-row history-head"):
                yield Static("Year", classes="history-year")
                yield Static("What really happened", classes="history-note")
                yield Static("In your game", classes="history-game")
            for year, note in history_notes(game):
                with Horizontal(classes="history-row"):
                    yield Static(str(year), classes="history-year")
                    yield Static(note, classes="history-note")
                    yield Static(in_this_game(game, year), classes="history-game")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#debrief-body").focus()
