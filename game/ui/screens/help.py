"""Help: the keys, the commands, and a one-page primer on balance of threat."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from game.engine import ACTIONS, ScoreCard, grades_text, markdown_cell
from game.ui.commands import UI_VERBS, usage

KEYS = (
    ("Title", "n new game · c continue · l load · ? help · q quit"),
    (
        "Situation room",
        "e end turn · o orders menu · d dossier of the highlighted rival · "
        "m map · r last report · s save · l load · : or / type a command · "
        "u undo the last order · ? or F1 help · ctrl+p command palette · q quit",
    ),
    (
        "Command line",
        "enter runs · tab completes (again: next candidate) · "
        "up/down history · escape clears the line, and on an empty line goes back to the "
        "threat board · letters typed on the board start a command (its shortcut keys "
        "excepted)",
    ),
    (
        "Event",
        "1-9 or a click picks a choice; arrows show each choice's hint (enter does not choose)",
    ),
    ("Reports, dossier, map, help", "escape goes back; arrows and page keys scroll"),
    ("Debrief", "s save the game · t title screen · q quit"),
)

PRIMER = """\
## Balance of threat, in one page

Stephen Walt (*The Origins of Alliances*, 1987) asked why states ally. The old answer,
**balance of power**, says they ally against the strongest. Walt found they ally against
the most **threatening** state, and that threat has four elements:

1. **Aggregate power**: people, industry, money, technology. More power can hurt more.
2. **Geographic proximity**: power fades with distance (Boulding's loss-of-strength
   gradient). A small neighbour can matter more than a giant far away.
3. **Offensive capabilities**: forces built to attack (fleets, mobile armies) threaten;
   forts and militias do not.
4. **Offensive intentions**: what a state has done and said. Threats, claims and attacks
   are remembered, and forgotten slowly.

The threat board multiplies the four (a weighted geometric mean, weights set by the era):
a state must be strong, near, armed to attack *and* hostile to be a serious threat. A
powerful, peaceful neighbour (Canada beside the United States) is no threat at all.

What follows, and what the computer-run states do here:

- **Balancing is the rule.** States join others who share their principal threat.
- **Bandwagoning is the exception**: a weak state next to an overwhelming threat, with no
  ally able to reach it, may side with the threat.
- **Alliances dissolve** when the threat that made them recedes, or when a partner
  becomes the threat.
- **Ideology and aid** help a little, but weigh far less than threat.
- **Your own acts count.** Threats, sanctions and interventions raise how hostile *you*
  look; build-ups alarm neighbours (the security dilemma); reassurance lowers it.

Use `why STATE` to see any threat broken into its four elements, with the facts behind
each. The professor's question in the second era lets you replay the world under the
other doctrines (`--doctrine` on the command line too) to compare.
"""


SCORE = """\
## The score (docs/scoring.md has the formulas)

The score rewards what balance-of-threat theory says a state wants:

- **security** (up to 1000): the worst threat you face after your allies' help, turn by
  turn, against the threat you faced alone when the game opened. Holding it there earns
  half; cutting it by 40% earns all; letting it rise by as much earns nothing;
- **influence** (up to 500): the share of others' power allied with you;
- **objectives** (up to 500, shared among the campaign's objectives for your state): the
  objectives panel shows what each is worth and whether it is pending, achieved or failed;

and takes away for what provokes others:

- **coalition against you**: power that balances against you beyond what did at the
  start. It costs more than the same power earns as allies: provoking a coalition never
  pays;
- **wars started** (60 each): interventions the campaign did not ask for;
- **allies abandoned** (40 each) while they faced a serious threat.

The grade is the total as a share of the best possible: A from 80%, B 65%, C 50%, D 35%.
A state defeated gets F whatever it scored. The turn report and the debrief break the
score down part by part.
"""


def help_markdown(score: ScoreCard | None = None) -> str:
    """The whole help page as Markdown (``score``: the game in progress's, to say what each
    grade needs in it)."""
    lines = ["## Keys", "", "| where | keys |", "|---|---|"]
    lines += [f"| {markdown_cell(where)} | {markdown_cell(keys)} |" for where, keys in KEYS]
    lines += [
        "",
        "## Orders (they cost action points)",
        "",
        "| command | cost | what it does |",
        "|---|---|---|",
    ]
    for action in ACTIONS.values():
        cost = f"{action.base_cost} per point" if action.max_amount > 1 else str(action.base_cost)
        lines.append(
            f"| `{markdown_cell(usage(action.name))}` | {cost} | {markdown_cell(action.help)} |"
        )
    lines += ["", "## Other commands (free)", "", "| command | what it does |", "|---|---|"]
    lines += [
        f"| `{markdown_cell(usage(verb))}` | {markdown_cell(text)} |"
        for verb, text in UI_VERBS.items()
    ]
    lines += [
        "",
        "State ids are case-insensitive (`ally tes`). Queued orders are checked at once; "
        "`undo` and `clear` take them back; `end` resolves the turn.",
        "",
        SCORE,
    ]
    if score is not None:
        lines += [
            f"In this game your score is **{score.total} ({score.grade})** of a best "
            f"{score.best}; {grades_text(score)}.",
            "",
        ]
    lines += [PRIMER]
    return "\n".join(lines)


class HelpScreen(Screen[None]):
    """Keys, commands and the primer."""

    CSS_PATH = "../styles/pages.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark,f1", "close", "Back")]

    def __init__(self, score: ScoreCard | None = None) -> None:
        super().__init__()
        self.score = score
        """The score of the game in progress, if there is one."""

    def compose(self) -> ComposeResult:
        yield Static("Help", classes="screen-title")
        with VerticalScroll(id="help-body"):
            yield Markdown(help_markdown(self.score))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        """Back to where the player was."""
        self.dismiss(None)
