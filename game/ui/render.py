"""Small helpers that turn engine numbers into text: bars, trends and bloc colours.

Colours are Textual theme variables (``$error``, ``$accent``...), so every screen follows
the app's theme.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

if TYPE_CHECKING:  # the title screen draws with these helpers before the engine loads
    from game.engine import ObjectiveState

EIGHTHS = " ▏▎▍▌▋▊▉█"
BLOC_STYLES = (
    "$text-accent",
    "$text-success",
    "$text-primary",
    "$text-error",
    "$text-secondary",
    "$text-warning",
)
"""Bloc colours in order of alliance id; a seventh bloc reuses the first colour."""
UNALLIED_STYLE = "$foreground-muted"
FACTOR_NAMES = ("power", "proximity", "offense", "intentions")
FACTOR_LABELS = {
    "power": ("Power", "Pow"),
    "proximity": ("Near", "Near"),
    "offense": ("Offense", "Off"),
    "intentions": ("Intent", "Int"),
}
"""Column titles of the four elements of threat: full, and for narrow columns."""


def bar(value: float, width: int) -> str:
    """``value`` in [0, 1] as a horizontal bar ``width`` cells long, in eighths of a cell."""
    value = min(1.0, max(0.0, value))
    eighths = round(value * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (EIGHTHS[part] if part else "")
    return text.ljust(width)


def threat_style(value: float) -> str:
    """The colour of a threat level: serious from 0.5, worrying from 0.3."""
    if value >= 0.5:
        return "$error"
    if value >= 0.3:
        return "$warning"
    return "$success"


def threat_bar(value: float, width: int) -> Content:
    """A threat bar coloured by its level, followed by the value."""
    return Content.assemble((bar(value, width), threat_style(value)), f" {value:.2f}")


def trend(change: float | None) -> Content:
    """The change since last turn, six cells wide: an arrow and the amount (a rising
    threat in red); ``-`` when there is no last turn to compare with."""
    if change is None:
        return Content.styled("   -  ", "$foreground-muted")
    if abs(change) < 0.005:
        return Content.styled("   =  ", "$foreground-muted")
    if change > 0:
        return Content.styled(f"▲{change:+.2f}", "$error")
    return Content.styled(f"▼{change:+.2f}", "$success")


def bloc_styles(alliance_ids: list[str]) -> dict[str, str]:
    """A colour for each alliance, by sorted id."""
    return {a: BLOC_STYLES[i % len(BLOC_STYLES)] for i, a in enumerate(sorted(alliance_ids))}


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, padded to ``width``."""
    if width <= 0:
        return ""
    if len(text) > width:
        return text[: max(0, width - 1)] + "…"
    return text.ljust(width)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``3 turns``, ``1 turn``."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


OBJECTIVE_MARKS = {
    "pending": ("○", "$foreground-muted"),
    "achieved": ("✓", "$text-success"),
    "failed": ("✗", "$text-error"),
}
"""How each status of an objective is marked."""


def objective_line(objective: ObjectiveState) -> Content:
    """An objective with its status, its worth in the score and its deadline: ``✓ 118 The
    corsairs… (achieved 1904)``."""
    mark, style = OBJECTIVE_MARKS[objective.status.value]
    if objective.status == "pending":
        when = f"by {objective.deadline}" if objective.deadline else "open"
        if objective.hold > 1:  # an objective to keep up: how far along it is
            when += f"; held {objective.held} of {objective.hold} turns"
    else:
        when = f"{objective.status.value} {objective.year}" if objective.year else ""
    return Content.assemble(
        (f"{mark} ", f"bold {style}"),
        (f"{objective.worth:>3} ", "bold"),
        objective.text,
        (f" ({when})" if when else "", style),
    )
