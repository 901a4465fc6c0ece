"""The Correlates of War regions, read from the ranges of the COW state codes.

The history check reports where its predictions are right and wrong by region; the COW
codes were assigned region by region, so the ranges are the standard grouping.
"""

from __future__ import annotations

REGIONS = (
    ("Americas", 2, 199),
    ("Europe", 200, 399),
    ("Africa", 400, 626),
    ("Middle East", 630, 699),
    ("Asia and Oceania", 700, 999),
)
"""(name, first code, last code); North Africa (600-626) is in Africa, as in COW."""


def region_of(ccode: int) -> str:
    """The COW region of a state code ("other" outside every range)."""
    for name, first, last in REGIONS:
        if first <= ccode <= last:
            return name
    return "other"


def region_names() -> list[str]:
    """The regions in their COW order, then "other"."""
    return [name for name, _, _ in REGIONS] + ["other"]
