"""The orders queued this turn, with their cost and the action points left."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from game.ui.orders_queue import OrderQueue, cost


def orders_content(queue: OrderQueue) -> Content:
    """Numbered orders with costs, and the total against the turn's action points."""
    points = queue.game.action_points
    if not queue.orders:
        return Content.assemble(
            ("No orders yet: ", "$foreground-muted"),
            f"{points} AP.\n",
            (":", "bold $accent"),
            " to type, ",
            ("o", "bold $accent"),
            " for the menu.",
        )
    lines = [
        Content.assemble(
            f"{i}. ", (str(order), "bold"), (f"  {cost(order)} AP", "$foreground-muted")
        )
        for i, order in enumerate(queue.orders, 1)
    ]
    style = "$error" if queue.left < 0 else "$success"
    lines.append(Content.assemble("Total ", (f"{queue.spent}/{points} AP", f"bold {style}")))
    return Content("\n").join(lines)


class OrdersPanel(Static):
    """Orders this turn: ``undo`` removes the last, ``clear`` all, ``end`` submits them."""

    def show(self, queue: OrderQueue) -> None:
        """Show the queue."""
        self.update(orders_content(queue))
