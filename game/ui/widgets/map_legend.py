"""The map's legend: entries packed into lines, each entry whole on a line when it fits.

A world of many treaties has a dozen blocs to list under an 80-column map; one a line, they
would push the map off the screen, and wrapped as running text, a bloc's name would break
from its colour. So the entries of a paragraph are packed into lines by their width.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

GAP = "   "
"""Between two entries on a line."""

Paragraph = list[Content]
"""Entries that may share lines."""


def pack(paragraphs: list[Paragraph], width: int) -> list[Content]:
    """The lines of ``paragraphs`` at ``width`` columns: each paragraph on lines of its
    own, its entries joined by GAP while they fit, an entry wider than a line wrapped."""
    width = max(1, width)
    lines: list[Content] = []
    for paragraph in paragraphs:
        line: Content | None = None
        for entry in paragraph:
            if line is not None and line.cell_length + len(GAP) + entry.cell_length <= width:
                line = Content.assemble(line, GAP, entry)
                continue
            if line is not None:
                lines.append(line)
            wrapped = entry.wrap(width) if entry.cell_length > width else [entry]
            lines.extend(wrapped[:-1])
            line = wrapped[-1]
        if line is not None:
            lines.append(line)
    return lines


class MapLegend(Widget):
    """Paragraphs of legend entries, packed to the widget's width at every render."""

    DEFAULT_CSS = "MapLegend { height: auto; }"

    def __init__(self, paragraphs: list[Paragraph], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.paragraphs = paragraphs

    def render(self) -> Content:
        return Content("\n").join(pack(self.paragraphs, self.size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(pack(self.paragraphs, width))
