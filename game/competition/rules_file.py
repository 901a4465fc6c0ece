"""The teacher's rules file (``competition new --rules FILE``): YAML, checked like a campaign.

```yaml
title: "Period 3: the Corvantic Sea"
deadline: 2026-12-20
turn_limit: 12
allowed_orders: [ally, break, guarantee, aid, buildup, posture, reassure, intel]
scoring: {security: 1.0, influence: 1.0, objectives: 1.0, penalties: 2.0}
```

Every field is optional. ``forbidden_orders`` may be given instead of ``allowed_orders``.
Errors name the file, line and column, as a campaign's do.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field, Strict

from game.campaign.base import CampaignModel
from game.campaign.errors import CampaignInvalid
from game.campaign.loader import parse_model, read_capped
from game.campaign.models import Scoring
from game.campaign.types import MAX_SCORE_WEIGHT, MAX_TURNS, ShortText
from game.engine import ACTIONS, Rules

MAX_BYTES = 64 * 1024
MAX_WEIGHT = MAX_SCORE_WEIGHT
"""The largest score weight a competition file and a replay may carry (a campaign's too)."""
TurnLimit = Annotated[int, Strict(), Field(ge=1, le=MAX_TURNS)]


class RulesFile(CampaignModel):
    """What a teacher's rules file may say."""

    title: ShortText | None = None
    """The competition's title (default: the campaign's)."""
    deadline: ShortText | None = None
    """When replays are due, ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM`` (shown to students)."""
    turn_limit: TurnLimit | None = None
    """End every game after this many turns (default: the campaign's length)."""
    allowed_orders: list[ShortText] | None = None
    """The only actions students may order."""
    forbidden_orders: list[ShortText] | None = None
    """Actions students may not order (the rest are allowed)."""
    scoring: Scoring | None = None
    """Score weights that replace the campaign's."""


@dataclass(frozen=True)
class TeacherRules:
    """A rules file, read: the engine's rules and the competition's title and deadline."""

    rules: Rules
    title: str | None
    deadline: str | None


def read_rules_file(path: str | Path) -> TeacherRules:
    """Read a rules file; :class:`CampaignInvalid` lists every problem with its place."""
    source = str(path)
    model, pointer = parse_model(read_capped(path, MAX_BYTES), source, RulesFile)
    problems = []
    if model.allowed_orders is not None and model.forbidden_orders is not None:
        problems.append(
            pointer.error(
                ("forbidden_orders",),
                "give allowed_orders or forbidden_orders, not both",
                "key",
                None,
            )
        )
    for key in ("allowed_orders", "forbidden_orders"):
        for n, name in enumerate(getattr(model, key) or []):
            if name not in ACTIONS:
                close = difflib.get_close_matches(name, list(ACTIONS), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                known = ", ".join(ACTIONS)
                problems.append(
                    pointer.error(
                        (key, n), f"unknown order '{name}'{hint} (orders: {known})", "value", None
                    )
                )
    for key, weight in (model.scoring.model_dump() if model.scoring else {}).items():
        if weight > MAX_WEIGHT:  # the competition file (and every replay) carries them
            problems.append(
                pointer.error(
                    ("scoring", key),
                    f"a weight is at most {MAX_WEIGHT:g}, got {weight:g}",
                    "value",
                    None,
                )
            )
    if problems:
        raise CampaignInvalid(problems)
    allowed = model.allowed_orders
    if model.forbidden_orders is not None:
        allowed = [a for a in ACTIONS if a not in model.forbidden_orders]
    return TeacherRules(
        Rules(
            model.turn_limit,
            None if allowed is None else tuple(a for a in ACTIONS if a in allowed),
            model.scoring,
        ),
        model.title,
        model.deadline,
    )
