"""Walking a campaign: every event, effect and expression in file order, with its path."""

from __future__ import annotations

from collections.abc import Iterator

from game.campaign import effects as fx
from game.campaign.errors import PathPart
from game.campaign.expressions import Expression
from game.campaign.models import Campaign, Event

Path = tuple[PathPart, ...]
"""Where a part of the campaign is: keys and list indexes from the top of the file."""


def all_effects(campaign: Campaign) -> Iterator[tuple[Path, fx.Effect]]:
    """Every effect in the campaign with its path, in file order (the effect groups last:
    they are written once and used by name)."""
    yield from _era_effects(campaign)
    for name, group in campaign.effect_groups.items():
        for k, effect in enumerate(group):
            yield ("effect_groups", name, k), effect


def _era_effects(campaign: Campaign) -> Iterator[tuple[Path, fx.Effect]]:
    for e, era in enumerate(campaign.eras):
        for k, effect in enumerate(era.changes):
            yield ("eras", e, "changes", k), effect
        for v, event in enumerate(era.events):
            base: Path = ("eras", e, "events", v)
            for k, effect in enumerate(event.effects):
                yield (*base, "effects", k), effect
            for c, choice in enumerate(event.choices):
                for k, effect in enumerate(choice.effects):
                    yield (*base, "choices", c, "effects", k), effect


def all_events(campaign: Campaign) -> Iterator[tuple[Path, Event]]:
    """Every event with its path."""
    for e, era in enumerate(campaign.eras):
        for v, event in enumerate(era.events):
            yield ("eras", e, "events", v), event


def all_expressions(campaign: Campaign) -> Iterator[tuple[Path, Expression]]:
    """Every parsed expression (conditions and formulas) with its path."""
    for path, event in all_events(campaign):
        when = getattr(event.trigger, "when", None)
        if when is not None:
            yield (*path, "trigger", "when"), when
        for n, variant in enumerate(event.variants):
            yield (*path, "variants", n, "when"), variant.when
        for c, choice in enumerate(event.choices):
            if choice.when is not None:
                yield (*path, "choices", c, "when"), choice.when
    for e, era in enumerate(campaign.eras):
        for o, objective in enumerate(era.objectives):
            yield ("eras", e, "objectives", o, "when"), objective.when
    for path, effect in all_effects(campaign):
        if effect.when is not None:
            yield (*path, "when"), effect.when
        if isinstance(effect, fx.Narrative):
            for n, variant in enumerate(effect.variants):
                yield (*path, "variants", n, "when"), variant.when
        if isinstance(effect, fx.Adjust):
            for name in ("by", "to"):
                value = getattr(effect, name)
                if value is not None:
                    yield (*path, name), value
