"""A state's dossier: who it is, its numbers, its alliances, how the player sees it and how
it sees the player (both from ``Game.explain``), and its threat over the turns."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.engine import Game
from game.ui.render import threat_bar
from game.ui.widgets.charts import LineChart, Series
from game.ui.widgets.explanation import ExplanationView


def stats_content(game: Game, state: str) -> Content:
    """The state's numbers as the engine holds them now."""
    r = game.view.states[state]
    declared = game.campaign.state(state).capital
    capital = (
        "none (a non-state actor)"
        if declared is None
        else f"{declared.name} ({declared.lat:.1f}, {declared.lon:.1f})"
    )
    rows = [
        ("Region", r.region),
        ("Capital", capital),
        ("Power share", f"{r.power:.3f}"),
        ("Military", f"{r.military:g}"),
        ("Offensive orientation", f"{r.offense:.2f}"),
        ("Reach", f"{r.reach:,.0f} km"),
        ("Stability", f"{r.stability:.2f}"),
        ("Ideology", f"{r.ideology:+.2f}"),
        ("Doctrine", "you decide" if state == game.player else r.doctrine.replace("_", " ")),
        ("Aggression / caution", f"{r.aggression:.2f} / {r.caution:.2f}"),
    ]
    if not r.present:
        rows.insert(0, ("Status", "not in the world now"))
    return Content("\n").join(
        Content.assemble((f"{label:<22}", "$foreground-muted"), value) for label, value in rows
    )


def relations_content(game: Game, state: str) -> Content:
    """Its alliances, guarantees and aid, and the rivals it fears most."""
    world, names = game.view, game.view.names()
    lines = [Content.styled("Alliances", "bold $accent")]
    for alliance in world.alliances_of(state):
        others = " ".join(m for m in alliance.members if m != state)
        lines.append(Content(f"  {alliance.name} ({alliance.pact}): with {others}"))
    if len(lines) == 1:
        lines.append(Content.styled("  none", "$foreground-muted"))
    guarantees = [f"{a} guarantees {b}" for a, b in world.guarantees if state in (a, b)]
    lines += [Content(f"  {g}") for g in guarantees]
    aid = world.states[state].aid_from
    if aid:
        lines.append(Content("  aid received from " + ", ".join(sorted(aid))))
    if state != game.player:
        allied = world.allied(state, game.player)
        lines.append(Content.assemble("  Allied with you: ", ("yes" if allied else "no", "bold")))
    fears = game.threats(state)[:3]
    if fears:
        lines.append(Content.styled("Its principal threats", "bold $accent"))
        lines += [
            Content.assemble(f"  {f.rival:<4}", threat_bar(f.threat, 10), f"  {names[f.rival]}")
            for f in fears
        ]
    return Content("\n").join(lines)


class DossierScreen(Screen[None]):
    """Everything the game knows about one state."""

    CSS_PATH = "../styles/dossier.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back"),
        Binding("w", "why", "Why"),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(self, game: Game, state: str, why: bool = False) -> None:
        super().__init__()
        self.game = game
        self.state = state
        self.why = why
        """Open at the explanation of the threat (``why STATE``)."""

    def compose(self) -> ComposeResult:
        game, state = self.game, self.state
        record = game.view.states[state]
        you = game.view.states[game.player]
        yield Static(f"Dossier · {record.name} ({state})", classes="screen-title")
        with VerticalScroll(id="dossier-body"):
            with Horizontal(id="dossier-top"):
                yield Static(stats_content(game, state), id="dossier-stats")
                with Vertical(id="dossier-side"):
                    text = game.campaign.state(state).dossier or ""
                    yield Static(text.strip(), id="dossier-text")
                    yield Static(relations_content(game, state), id="dossier-relations")
            present = {state, game.player} <= set(game.view.ids())
            if state == game.player:
                yield Static("This is your own state.", classes="dossier-note")
            elif not present:
                yield Static(
                    f"{record.name} is not in the world now: no threat to assess.",
                    classes="dossier-note",
                )
            else:
                yield Static(f"How you see {record.name}", classes="section-title", id="why")
                view = ExplanationView(id="dossier-you-see")
                view.show(game.explain(game.player, state))
                yield view
                yield Static(f"How {record.name} sees {you.name}", classes="section-title")
                back = ExplanationView(id="dossier-it-sees")
                back.show(game.explain(state, game.player))
                yield back
            if state != game.player:
                history = [h for h in game.history if state in h.threats]
                yield LineChart(
                    f"Threat from {state} to {game.player}, by year",
                    [
                        Series(
                            state,
                            [h.year for h in history],
                            [h.threats[state] for h in history],
                        )
                    ],
                    y_range=(0, 1),
                    id="dossier-chart",
                )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#dossier-body").focus()
        if self.why:
            self.call_after_refresh(self.action_why)

    def action_why(self) -> None:
        """Scroll to how the player sees this state."""
        target = self.query("#why")
        if target:
            self.query_one("#dossier-body", VerticalScroll).scroll_to_widget(
                target.first(), animate=False, top=True
            )

    def action_close(self) -> None:
        """Back to where the player was."""
        self.dismiss(None)
