"""The threat board: the player's rivals ranked by threat, with the four factors as bars."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.ui.render import FACTOR_LABELS, FACTOR_NAMES, bar, clip, threat_bar, trend


@dataclass(frozen=True)
class RivalRow:
    """One rival on the board: the engine's threat line with its name and trend."""

    rival: str
    name: str
    threat: float
    factors: dict[str, float]
    change: float | None
    """Threat now minus threat a turn ago; None for a rival that was not there."""


@dataclass(frozen=True)
class Columns:
    """Column widths for a board ``width`` cells wide."""

    name: int
    threat: int
    factor: int

    @classmethod
    def fit(cls, width: int) -> Columns:
        """Wider bars and full names as the terminal grows."""
        factor = max(4, min(12, (width - 44) // 6))
        threat = factor + 2
        # rank 3, trend 7, and a space before each of the 6 columns
        name = width - 3 - (threat + 5) - 7 - 4 * factor - 6
        return cls(max(3, name), threat, factor)


def header_line(columns: Columns) -> Content:
    """The column titles."""
    parts = ["#  ", clip("State", columns.name), " ", clip("Threat", columns.threat + 5)]
    parts += [" ", "Trend  "]
    short = columns.factor < len("Offense")
    parts += [" " + clip(FACTOR_LABELS[f][short], columns.factor) for f in FACTOR_NAMES]
    return Content.styled("".join(parts).rstrip(), "bold $foreground-muted")


def row_line(rank: int, row: RivalRow, columns: Columns) -> Content:
    """One rival's line."""
    label = f"{row.rival} {row.name}" if columns.name >= 12 else row.rival
    parts: list[Content | str | tuple[str, str]] = [
        f"{rank:<2} ",
        (clip(label, columns.name), "bold"),
        " ",
        threat_bar(row.threat, columns.threat),
        " ",
        trend(row.change),
        " ",
    ]
    for name in FACTOR_NAMES:
        parts += [" ", (bar(row.factors[name], columns.factor), "$accent")]
    return Content.assemble(*parts)


class ThreatBoard(Vertical):
    """Rivals ranked by the threat they pose to the player; enter or click opens a dossier."""

    class Inspect(Message):
        """The player asked for a rival's dossier."""

        def __init__(self, rival: str) -> None:
            super().__init__()
            self.rival = rival

    selected: reactive[str | None] = reactive(None, init=False)
    """The id of the highlighted rival."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[RivalRow] = []

    def compose(self) -> ComposeResult:
        yield Static(id="threat-header")
        yield OptionList(id="threat-rows")

    @property
    def rows(self) -> list[RivalRow]:
        """The rivals shown, most threatening first."""
        return list(self._rows)

    def show(self, rows: list[RivalRow]) -> None:
        """Show ``rows`` (most threatening first), keeping the highlighted rival."""
        self._rows = list(rows)
        self._redraw()

    def _redraw(self) -> None:
        options = self.query_one("#threat-rows", OptionList)
        width = options.scrollable_content_region.width or self.size.width or 76
        columns = Columns.fit(width - 1)
        self.query_one("#threat-header", Static).update(header_line(columns))
        keep = self.selected
        options.clear_options()
        options.add_options(
            Option(row_line(i, row, columns), id=row.rival) for i, row in enumerate(self._rows, 1)
        )
        ids = [row.rival for row in self._rows]
        if ids:
            options.highlighted = ids.index(keep) if keep in ids else 0

    def on_resize(self, event: Resize) -> None:
        if self._rows:
            self.call_after_refresh(self._redraw)

    @on(OptionList.OptionHighlighted, "#threat-rows")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.selected = event.option.id

    @on(OptionList.OptionSelected, "#threat-rows")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Inspect(event.option.id))

    def focus_rows(self) -> None:
        """Give the keyboard to the list of rivals."""
        self.query_one("#threat-rows", OptionList).focus()
