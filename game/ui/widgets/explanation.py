"""A threat broken into Walt's four elements, in the engine's own words."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from game.engine import Explanation
from game.ui.render import bar, threat_bar


def explanation_content(explanation: Explanation, bar_width: int = 10) -> Content:
    """The summary, then each element: its bar, value, weight and the facts behind it."""
    lines = [
        Content.assemble(
            ("Threat ", "bold"),
            threat_bar(explanation.threat, bar_width),
            ("  after allies ", "$foreground-muted"),
            threat_bar(explanation.net, bar_width),
        ),
        Content.styled(explanation.summary, "italic"),
    ]
    for factor in explanation.factors:
        lines.append(
            Content.assemble(
                (f"{factor.label:<21}", "bold"),
                (bar(factor.value, bar_width), "$accent"),
                f" {factor.value:.2f}",
                (f"  weight {factor.weight:g}, ×{factor.contribution:.2f}", "$foreground-muted"),
            )
        )
        lines += [Content.assemble(("   - ", "$foreground-muted"), fact) for fact in factor.facts]
    return Content("\n").join(lines)


class ExplanationView(Static):
    """Why one state threatens another as it does."""

    def show(self, explanation: Explanation) -> None:
        """Show ``explanation``."""
        self.update(explanation_content(explanation))
