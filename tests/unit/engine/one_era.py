"""A campaign of one era, as the engine's tests build them: the fields every test world
shares in one place, the states, alliances and events each test gives."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def one_era_campaign(
    ident: str,
    title: str,
    *,
    player: str,
    states: list[dict],
    alliances: Iterable[dict] = (),
    events: Iterable[dict] = (),
    start: int = 1900,
    years: int = 6,
    era: dict[str, Any] | None = None,
    **fields: Any,
) -> dict:
    """The campaign ``ident`` as parsed YAML: ``player`` its only playable state, one era of
    ``years`` one-year turns from ``start`` holding ``events`` (and whatever ``era`` adds:
    changes, weights); ``fields`` add or replace top-level fields (``action_points``)."""
    return {
        "schema_version": 1,
        "id": ident,
        "version": "1",
        "title": title,
        "description": "Built by a test.",
        "authors": ["tests"],
        "start_year": start,
        "turn_months": 12,
        "playable": [player],
        "default_player": player,
        "states": states,
        "alliances": list(alliances),
        "eras": [
            {
                "id": "only",
                "title": "The only era",
                "start": start,
                "end": start + years - 1,
                "briefing": "Watch.",
                "events": list(events),
                **(era or {}),
            }
        ],
        **fields,
    }
