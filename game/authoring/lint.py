"""Static reachability: conditions a campaign can load with but that can never hold where
they stand, and the guide's checklist (``docs/authoring.md`` section 9). Each warning has
the place it is about, so ``entente check`` and ``entente validate --strict`` print it as
FILE:LINE:COL.

What is read, without playing: an event's trigger condition and its text variants' (an
event fires only in its own era), and the true-or-false calls a condition makes
(``Expression.calls``) with the way each pulls it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from game.campaign import effects as fx
from game.campaign.errors import CampaignError, PathPart
from game.campaign.expressions import FUNCTIONS, Expression
from game.campaign.loader import LoadedCampaign, campaign_pointer
from game.campaign.models import After, Campaign, Era, Event, Weights
from game.campaign.walk import all_effects

Path = tuple[PathPart, ...]


class LintKind(StrEnum):
    """What a warning is about."""

    unreachable = "unreachable"
    """A condition that can never hold where it stands: an event that cannot fire, a
    variant never used. ``entente check`` exits 1 on one."""
    checklist = "checklist"
    """The guide's checklist: a choice without a hint, a state without a dossier, era
    weights without a note."""


@dataclass(frozen=True)
class LintWarning:
    """One warning, with its place in the campaign's data."""

    kind: LintKind
    path: Path
    message: str
    event: str | None = None
    """The event it makes unreachable, if any."""


def _event_conditions(path: Path, event: Event) -> Iterator[tuple[Path, Expression, bool]]:
    """An event's conditions: (where, the condition, whether the event needs it to fire)."""
    when = getattr(event.trigger, "when", None)
    if when is not None:
        yield (*path, "trigger", "when"), when, True
    for n, variant in enumerate(event.variants):
        yield (*path, "variants", n, "when"), variant.when, False


def _flags_set(campaign: Campaign) -> tuple[set[str], set[str]]:
    """The flags some effect sets true, and those some effect clears."""
    raised: set[str] = set()
    cleared: set[str] = set()
    for _, effect in all_effects(campaign):
        if isinstance(effect, fx.SetFlag):
            (raised if effect.value else cleared).add(effect.flag)
    return raised, cleared


def reachability(campaign: Campaign) -> list[LintWarning]:
    """Conditions that can never hold where they stand, in file order: an event's trigger
    and variants, its options' conditions and costs, and the objectives."""
    reading = _Reading.of(campaign)
    events, flags = reading.events, reading.flags
    out: list[LintWarning] = []
    for n, era in enumerate(campaign.eras):
        for v, event in enumerate(era.events):
            base: Path = ("eras", n, "events", v)
            for path, condition, needed in _event_conditions(base, event):
                what = "the event can never fire" if needed else "this variant is never used"
                reasons = [
                    *_never(condition, n, era, event, reading),
                    *flags.never(condition),
                ]
                out += [
                    LintWarning(
                        LintKind.unreachable, path, f"{r}: {what}", event.id if needed else None
                    )
                    for r in reasons
                ]
            if getattr(event.trigger, "probability", None) == 0:
                out.append(
                    LintWarning(
                        LintKind.unreachable,
                        (*base, "trigger", "probability"),
                        "a probability of 0: the event can never fire",
                        event.id,
                    )
                )
            out += _option_problems(reading, base, event, n, era)
            out += _follower_players(campaign, base, event, events)
        for o, objective in enumerate(era.objectives):
            last = min(objective.deadline or campaign.end_year, campaign.end_year)
            reasons = [
                *_years_out(objective.when, era.start, last, "the objective is read only in"),
                *_contradictions(objective.when),
                *_constant(objective.when),
                *flags.never(objective.when),
            ]
            out += [
                LintWarning(
                    LintKind.unreachable,
                    ("eras", n, "objectives", o, "when"),
                    f"{r}: the objective can never be achieved",
                )
                for r in reasons
            ]
    return out


@dataclass(frozen=True)
class _Flags:
    """Which flags effects set and clear, and which the campaign starts with."""

    raised: set[str]
    cleared: set[str]
    initial: set[str]

    def never(self, condition: Expression) -> Iterator[str]:
        """Why a flag the condition needs can never be as it needs it."""
        for use in condition.calls():
            if use.function != "flag" or not use.args:
                continue
            flag = use.args[0]
            if use.sign > 0 and flag not in self.raised and flag not in self.initial:
                yield (
                    f'flag("{flag}") is never true: no set_flag sets it and the campaign does '
                    "not start with it"
                )
            elif use.sign < 0 and flag in self.initial and flag not in self.cleared:
                yield (
                    f'not flag("{flag}") never holds: the campaign starts with the flag and '
                    "no set_flag clears it"
                )


@dataclass(frozen=True)
class _Reading:
    """What the lint looks things up in: the campaign, each event's era, the events by id
    and the flags."""

    campaign: Campaign
    era_of: dict[str, tuple[int, Era]]
    events: dict[str, Event]
    flags: _Flags

    @classmethod
    def of(cls, campaign: Campaign) -> _Reading:
        return cls(
            campaign,
            {e.id: (n, era) for n, era in enumerate(campaign.eras) for e in era.events},
            {e.id: e for era in campaign.eras for e in era.events},
            _Flags(*_flags_set(campaign), set(campaign.flags)),
        )


def _option_problems(
    reading: _Reading, base: Path, event: Event, era_index: int, era: Era
) -> Iterator[LintWarning]:
    """An option that can never be taken: it costs more action points than a turn has, or
    its condition can never hold when the event asks."""
    for c, choice in enumerate(event.choices):
        path: Path = (*base, "choices", c)
        campaign = reading.campaign
        if choice.cost > campaign.action_points:
            yield LintWarning(
                LintKind.unreachable,
                (*path, "cost"),
                f"the option costs {choice.cost} action points and a turn has "
                f"{campaign.action_points}: it can never be taken",
            )
        if choice.when is None:
            continue
        reasons = [
            *_never(choice.when, era_index, era, event, reading),
            *reading.flags.never(choice.when),
        ]
        for reason in reasons:
            yield LintWarning(
                LintKind.unreachable,
                (*path, "when"),
                f"{reason}: the option is never open",
            )


def _constant(condition: Expression) -> Iterator[str]:
    """A condition that reads nothing of the game (``false``, ``1 > 2``) and is false."""
    if condition.functions() or condition.variables():
        return
    if not condition.evaluate(_NOTHING):
        yield "it is always false"


class _Nothing:
    """An evaluation context for an expression that reads nothing of the game."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"a constant expression read {name}")


_NOTHING: Any = _Nothing()


def _follower_players(
    campaign: Campaign, path: Path, event: Event, events: dict[str, Event]
) -> list[LintWarning]:
    """A follow-up limited to players its event never fires for cannot fire for them."""
    trigger = event.trigger
    if not isinstance(trigger, After) or trigger.event not in events:
        return []
    leader = events[trigger.event].players or list(campaign.playable)
    mine = event.players or list(campaign.playable)
    if any(p in leader for p in mine):
        return []  # it can fire for some player
    message = (
        f"'{trigger.event}' fires only for {', '.join(leader)}, and this follow-up only "
        f"for {', '.join(mine)}: the event can never fire"
    )
    return [LintWarning(LintKind.unreachable, (*path, "players"), message, event.id)]


def _contradictions(condition: Expression) -> Iterator[str]:
    """A call the condition needs both true and false: it can never hold."""
    needed: dict[tuple[str, tuple[str, ...]], int] = {}
    for use in condition.required():
        key = (use.function, use.args)
        if needed.get(key, use.sign) != use.sign:
            kinds = FUNCTIONS[use.function].params
            shown = ", ".join(
                a if kind == "state" else f'"{a}"' for a, kind in zip(use.args, kinds, strict=False)
            )
            yield f"it needs {use.function}({shown}) both true and false: it never holds"
        needed.setdefault(key, use.sign)


def _years_out(condition: Expression, first: int, last: int, where: str) -> Iterator[str]:
    """A ``year`` (or ``turn``) comparison the condition needs that no year from ``first``
    to ``last`` (the years it is read in) meets."""
    for bound in condition.variable_bounds():
        if bound.sign <= 0 or bound.function != "year":
            continue
        if not any(bound.holds(float(year)) for year in range(first, last + 1)):
            shown = f"{bound.value:g}"
            yield f"year {bound.op} {shown} never holds here: {where} {first}-{last}"


def _never(
    condition: Expression, era_index: int, era: Era, event: Event, reading: _Reading
) -> Iterator[str]:
    """Why ``condition`` can never hold in ``event`` (which fires only in ``era``)."""
    campaign, era_of, events = reading.campaign, reading.era_of, reading.events
    yield from _years_out(condition, era.start, era.end, "the event fires only in")
    yield from _contradictions(condition)
    yield from _constant(condition)
    for use in condition.calls():
        if use.sign <= 0 or not use.args:
            continue
        name = use.args[0]
        if use.function == "in_era" and name != era.id:
            yield (
                f'in_era("{name}") never holds here: this event belongs to era '
                f"'{era.id}' and fires only in it"
            )
        elif use.function == "fired" and name in era_of:
            other_index, other = era_of[name]
            if other_index > era_index:
                yield (
                    f'fired("{name}") never holds here: that event belongs to the later era '
                    f"'{other.id}', and this one fires only in '{era.id}'"
                )
            restricted = events[name].players
            mine = event.players or list(campaign.playable)
            if restricted and not set(mine) <= set(restricted):
                left_out = sorted(set(mine) - set(restricted))
                yield (
                    f'fired("{name}") never holds when the player runs {", ".join(left_out)} '
                    f"(that event fires only for {', '.join(restricted)})"
                )


def checklist(campaign: Campaign) -> list[LintWarning]:
    """The guide's checklist: hints on choices, dossiers for playable states, notes on
    era weights that differ from the defaults."""
    out: list[LintWarning] = []
    for s, state in enumerate(campaign.states):
        if state.id in campaign.playable and not state.dossier:
            out.append(
                LintWarning(
                    LintKind.checklist,
                    ("states", s),
                    f"playable state {state.id} has no dossier: players choosing it read nothing",
                )
            )
    for n, era in enumerate(campaign.eras):
        weights = era.weights
        changed = any(
            getattr(weights, f) != Weights.model_fields[f].default
            for f in ("power", "proximity", "offense", "intentions")
        )
        if changed and not weights.note:
            out.append(
                LintWarning(
                    LintKind.checklist,
                    ("eras", n, "weights"),
                    "the era changes the weights of threat without a note saying why",
                )
            )
        for v, event in enumerate(era.events):
            for c, choice in enumerate(event.choices):
                if not choice.hint:
                    out.append(
                        LintWarning(
                            LintKind.checklist,
                            ("eras", n, "events", v, "choices", c),
                            f"choice {c + 1} of '{event.id}' has no hint: which element of threat "
                            "is at stake?",
                        )
                    )
    return out


def lint(campaign: Campaign) -> list[LintWarning]:
    """Every warning: the unreachable first, then the checklist."""
    return reachability(campaign) + checklist(campaign)


def located(loaded: LoadedCampaign, warnings: list[LintWarning]) -> list[CampaignError]:
    """The warnings placed in the campaign's file (FILE:LINE:COL: path: message)."""
    pointer = campaign_pointer(loaded)
    return [pointer.error(w.path, w.message, "value", None) for w in warnings]
