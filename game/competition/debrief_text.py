"""A game's debrief as Markdown: what a student hands in beside the replay.

The same facts as the terminal's debrief screen (the engine's :class:`~game.engine.Debrief`,
and for a campaign with COW codes the blocs beside history of ``game.history.beside``),
worded by the same renderers.
"""

from __future__ import annotations

from game.competition.cells import markdown_cell
from game.engine import (
    Game,
    debrief_of,
    decision_text,
    in_this_game,
    score_note_text,
)
from game.history.beside import (
    agreement_by_year,
    checkpoints,
    divergence_text,
    has_history,
    method_text,
    overall_score,
    score_text,
)


def debrief_markdown(game: Game) -> str:
    """The debrief of ``game`` (normally over) as a Markdown document."""
    d = debrief_of(game)
    s = d.score
    lines = [f"# Debrief: {game.campaign.title}", ""]
    entry = game.entry
    if entry is not None:
        team = f", team {markdown_cell(entry.team)}" if entry.team else ""
        lines += [
            f"Competition `{entry.competition}`, round {entry.round}: "
            f"{markdown_cell(entry.name)}{team}, "
            f"attempt {entry.attempt}.",
            "",
        ]
    doctrine = (d.doctrine or "the campaign's own").replace("_", " ")
    lines += [
        f"**{d.ended or 'The game is not over yet.'}**",
        "",
        f"You played {d.player_name} ({d.player}); seed `{d.seed}`; doctrine {doctrine}; "
        f"outcome {d.outcome or 'undecided'}; last year {d.last_year}.",
        "",
        "## Score",
        "",
        "| part | points |",
        "|---|---:|",
        f"| security | {s.security} |",
        f"| influence | {s.influence} |",
        f"| objectives | {s.objectives} |",
        f"| penalties | {-s.penalties} |",
        f"| **total** | **{s.total}** |",
        f"| grade | {s.grade} |",
        "",
    ]
    lines += [f"- {score_note_text(note)}" for note in s.notes]
    lines += ["", "## Decisions that mattered", ""]
    made = [f"- {x.year}: {decision_text(x, d.names)}" for x in d.decisions]
    lines += made or ["- You made no decision of note."]
    lines += ["", "## Objectives", ""]
    for o in d.objectives:
        when = f" {o.year}" if o.year is not None and o.status != "pending" else ""
        by = f", by {o.deadline}" if o.deadline else ""
        lines.append(
            f"- **{o.status.value}{when}**: {markdown_cell(o.text)} ({o.worth} points{by})"
        )
    if not d.objectives:
        lines.append("- This campaign set you no objectives.")
    lines += [
        "",
        "## History beside your game",
        "",
        "| year | what really happened | in your game |",
    ]
    lines += ["|---|---|---|"]
    for h in d.history:
        here = in_this_game(h, d.last_year, d.names).replace("\n", "<br>")
        cells = [markdown_cell(h.note), markdown_cell(here).replace("&lt;br&gt;", "<br>")]
        lines.append(f"| {h.year} | {cells[0]} | {cells[1]} |")
    if has_history(game.campaign):
        lines += beside_history_markdown(game, d.names)
    return "\n".join(lines) + "\n"


def beside_history_markdown(game: Game, names: dict[str, str]) -> list[str]:
    """The "Beside history" section: the game's blocs beside the real ones (ATOP) at the
    checkpoint years, each state on another side with the game's reason and the history
    note; no lines for a game without a compared year."""
    agreements = agreement_by_year(game)
    if not agreements:
        return []
    method = method_text(agreements[0].poles, names, overall_score(agreements))
    lines = ["", "## Beside history", "", method]
    for entry in checkpoints(agreements):
        lines += ["", f"### {entry.year}: {score_text(entry)}", ""]
        # A state outside the score (allied with neither pole, or with both) is marked.
        lines += [
            f"- {'' if r.counted else '(not scored) '}{markdown_cell(divergence_text(r, names))}"
            for r in entry.divergences
        ] or ["- Every state is on its real side."]
        lines += [f"- *History:* {markdown_cell(note)}" for note in entry.notes]
    return lines
