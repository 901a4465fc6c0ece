"""Which version of the format a campaign needs.

Version 1 is the format as first published (with the fields later added to it before
version 2: ``cow``, ``poles``, ``never_allies``, ``patron``, text variants, per-state
briefings, ``playing()``). Version 2 adds the parts listed in :func:`version_2_parts`. A
file that says ``schema_version: 1`` keeps loading, and a file that uses a version 2 part
must say ``schema_version: 2``: a game of version 1 would refuse it anyway, so the file
says plainly what it needs.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.campaign import effects as fx
from game.campaign.models import After, Alliance, Campaign
from game.campaign.walk import Path, all_effects, all_events, all_expressions

VERSION_2_FUNCTIONS = ("member", "principal_threat", "min", "max")
"""The expression functions new in version 2."""
VERSION_2_STATS = (fx.Stat.aggression, fx.Stat.caution)
"""The statistics ``adjust`` can change since version 2."""


def version_2_parts(campaign: Campaign) -> Iterator[tuple[Path, str]]:
    """Every use of a version 2 part, with its place and what it is, in file order."""
    for path, event in all_events(campaign):
        if isinstance(event.trigger, After):
            yield (*path, "trigger", "kind"), "a follow-up event (trigger kind 'after')"
        for c, choice in enumerate(event.choices):
            for name in ("when", "unavailable", "cost"):
                if getattr(choice, name):
                    yield (*path, "choices", c, name), f"an option's '{name}'"
    if campaign.includes:
        yield ("includes",), "a campaign in several files ('includes')"
    if campaign.effect_groups:  # defined, even if nothing uses them yet
        yield ("effect_groups",), "effect groups ('effect_groups')"
    for a, alliance in enumerate(campaign.alliances):
        yield from _alliance_terms(("alliances", a), alliance)
    for e, era in enumerate(campaign.eras):
        for o, objective in enumerate(era.objectives):
            if objective.hold != 1:
                yield ("eras", e, "objectives", o, "hold"), "an objective to keep up ('hold')"
    for path, effect in all_effects(campaign):
        if effect.when is not None:
            yield (*path, "when"), "a conditional effect ('when' on an effect)"
        if isinstance(effect, fx.FormAlliance):
            yield from _alliance_terms(path, effect)
        if isinstance(effect, fx.HostileAct) and effect.audience is not None:
            yield (*path, "audience"), "a hostile act's audience ('audience')"
        if isinstance(effect, fx.RenameAlliance):
            yield (*path, "kind"), "the rename_alliance effect"
        if isinstance(effect, fx.UseGroup):
            yield (*path, "kind"), "an effect group (kind 'group')"
        if isinstance(effect, fx.Adjust) and effect.stat in VERSION_2_STATS:
            yield (*path, "stat"), f"adjusting a personality trait ('{effect.stat.value}')"
    for path, expression in all_expressions(campaign):
        for name in dict.fromkeys(expression.functions()):
            if name in VERSION_2_FUNCTIONS:
                yield path, f"the function {name}()"


def _alliance_terms(path: Path, alliance: Alliance | fx.FormAlliance) -> Iterator[tuple[Path, str]]:
    """An alliance's (or a form_alliance effect's) version 2 terms: binding, closed."""
    for name in ("binding", "closed"):
        if getattr(alliance, name):
            yield (*path, name), f"a {name} alliance ('{name}')"
