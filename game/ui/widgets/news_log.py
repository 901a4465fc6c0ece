"""The narrative log: what happened, turn by turn, most important first within a turn."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from game.engine import News

CATEGORY_STYLES = {
    "era": "bold $text-accent",
    "alliance": "$text-primary",
    "event": "$text-warning",
    "objective": "bold $text-success",
    "refusal": "$text-error",
    "intel": "$text-secondary",
}


def news_line(item: News) -> Content:
    """One item of news: a marker for its importance, coloured by its category."""
    marker = "●" if item.importance >= 4 else "•" if item.importance >= 2 else "·"
    style = CATEGORY_STYLES.get(item.category, "")
    return Content.assemble((marker + " ", style or "$foreground-muted"), (item.text, style))


def entry_content(heading: str, news: list[News]) -> Content:
    """A heading and its news, most important first."""
    ranked = sorted(news, key=lambda n: -n.importance)
    lines = [Content.styled(heading, "bold $foreground-muted")]
    lines += [news_line(item) for item in ranked]
    if not news:
        lines.append(Content.styled("  A quiet year.", "$foreground-muted"))
    return Content("\n").join(lines)


class NewsLog(VerticalScroll, can_focus=True):
    """The game's news, newest at the bottom."""

    def add_entry(self, heading: str, news: list[News]) -> None:
        """Append a turn's (or an event's) news under ``heading`` and scroll to it."""
        self.mount(Static(entry_content(heading, news), classes="log-entry"))
        self.call_after_refresh(self.scroll_end, animate=False)

    def reset(self) -> None:
        """Remove every entry."""
        self.remove_children()
