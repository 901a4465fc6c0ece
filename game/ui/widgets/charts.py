"""Line charts over the turns of a game (textual-plotext)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual_plotext import PlotextPlot


@dataclass(frozen=True)
class Series:
    """One line: a label and a value per year."""

    label: str
    years: Sequence[int]
    values: Sequence[float]


class LineChart(PlotextPlot):
    """A titled line chart of one or more series against the year."""

    def __init__(
        self,
        title: str,
        series: Sequence[Series],
        *,
        y_range: tuple[float, float] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.title = title
        self.series = list(series)
        self.y_range = y_range

    def on_mount(self) -> None:
        plt = self.plt
        plt.clear_data()
        plt.title(self.title)
        years = sorted({y for s in self.series for y in s.years})
        for line in self.series:
            if line.years:
                plt.plot(list(line.years), list(line.values), label=line.label, marker="braille")
        if years:
            # At most four labels: plotext drops labels that would overlap, and which it
            # drops is not the same from one run to the next; four always fit.
            step = max(1, -(-len(years) // 4))
            plt.xticks([float(y) for y in years[::step]], [str(y) for y in years[::step]])
        if self.y_range is not None:
            plt.ylim(*self.y_range)
