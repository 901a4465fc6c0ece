"""Checks that need the whole campaign: references resolve, ids are unique, years agree.

Runs after the schema has passed. Each finding carries the field path it is about (and,
for a name inside an expression, the column of that name) so the loader can point at it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from game.campaign import effects as fx
from game.campaign.errors import PathPart, format_path
from game.campaign.expressions import Expression
from game.campaign.models import Campaign, Event, State

Path = tuple[PathPart, ...]

PLAYER = "player"
"""In an effect, the state the player runs; so no state may have this id."""

RESERVED = ("and", "or", "not", "true", "false", "year", "turn", "score")
"""Words of the expression language: a state with such an id could not be named in one."""

SHARE_SLACK = 1e-6
"""Rounding room when shares are added up."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One semantic problem: where it is and what is wrong."""

    path: Path
    message: str
    expression_column: int | None = None


def all_effects(campaign: Campaign) -> Iterator[tuple[Path, fx.Effect]]:
    """Every effect in the campaign with its path, in file order."""
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
    for e, era in enumerate(campaign.eras):
        for o, objective in enumerate(era.objectives):
            yield ("eras", e, "objectives", o, "when"), objective.when
    for path, effect in all_effects(campaign):
        if isinstance(effect, fx.Adjust):
            for name in ("by", "to"):
                value = getattr(effect, name)
                if value is not None:
                    yield (*path, name), value


def _duplicates(items: list[tuple[Path, str]], what: str) -> Iterator[Finding]:
    first: dict[str, Path] = {}
    for path, ident in items:
        if ident in first:
            yield Finding(path, f"duplicate {what} id '{ident}' (first at {_where(first[ident])})")
        else:
            first[ident] = path


def _where(path: Path) -> str:
    return format_path(path[:-1]) if path and path[-1] == "id" else format_path(path)


def _unknown(kind: str, name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown {kind} '{name}'{hint}"


def check_campaign(campaign: Campaign) -> list[Finding]:
    """Every semantic problem in a schema-valid campaign (empty when it is sound)."""
    found: list[Finding] = []
    state_ids = [s.id for s in campaign.states]
    states = {s.id: s for s in campaign.states}
    eras = campaign.eras
    events = list(all_events(campaign))
    objectives: list[tuple[Path, str]] = [
        (("eras", e, "objectives", o, "id"), obj.id)
        for e, era in enumerate(eras)
        for o, obj in enumerate(era.objectives)
    ]
    formed = [
        effect.alliance
        for _, effect in all_effects(campaign)
        if isinstance(effect, fx.FormAlliance)
    ]
    alliance_ids = [a.id for a in campaign.alliances] + formed
    flags = list(campaign.flags) + [
        effect.flag for _, effect in all_effects(campaign) if isinstance(effect, fx.SetFlag)
    ]

    found += _duplicates(
        [(("states", i, "id"), s.id) for i, s in enumerate(campaign.states)], "state"
    )
    found += _duplicates(
        [(("alliances", i, "id"), a.id) for i, a in enumerate(campaign.alliances)], "alliance"
    )
    found += _duplicates([(("eras", i, "id"), era.id) for i, era in enumerate(eras)], "era")
    found += _duplicates([((*p, "id"), ev.id) for p, ev in events], "event")
    found += _duplicates(objectives, "objective")

    def state_ref(path: Path, ident: str | None) -> None:
        if ident is not None and ident not in states:
            found.append(Finding(path, _unknown("state", ident, state_ids)))

    for i, state in enumerate(campaign.states):
        if state.id == PLAYER:
            found.append(
                Finding(
                    ("states", i, "id"),
                    "'player' is reserved: in effects it means the player's state",
                )
            )
        elif state.id in RESERVED:
            found.append(
                Finding(
                    ("states", i, "id"),
                    f"'{state.id}' is a word of the expression language; choose another id",
                )
            )
    for i, alliance in enumerate(campaign.alliances):
        state_ref(("alliances", i, "against"), alliance.against)
        if alliance.against in alliance.members:
            found.append(
                Finding(
                    ("alliances", i, "against"),
                    f"'{alliance.against}' is a member of the alliance it faces",
                )
            )
    found += _check_shares(campaign)
    found += _listed_twice(("playable",), campaign.playable)
    found += _listed_twice(("flags",), campaign.flags)
    for path, event in all_events(campaign):
        found += _listed_twice((*path, "players"), event.players)
    for e, era in enumerate(eras):
        for o, objective in enumerate(era.objectives):
            found += _listed_twice(("eras", e, "objectives", o, "players"), objective.players)
    for path, effect in all_effects(campaign):
        if isinstance(effect, fx.FormAlliance):
            found += _listed_twice((*path, "members"), effect.members)

    # Who plays.
    for i, ident in enumerate(campaign.playable):
        state_ref(("playable", i), ident)
        played = states.get(ident)
        if played is not None and (played.kind != "state" or not played.present):
            found.append(
                Finding(
                    ("playable", i),
                    f"'{ident}' cannot be played: it must be a state present "
                    "when the campaign starts",
                )
            )
    if campaign.default_player not in campaign.playable:
        found.append(
            Finding(
                ("default_player",),
                f"default player '{campaign.default_player}' is not in 'playable'",
            )
        )

    # The map.
    for i, state in enumerate(campaign.states):
        seen: set[str] = set()
        for b, border in enumerate(state.borders):
            path = ("states", i, "borders", b, "state")
            state_ref(path, border.state)
            if border.state == state.id:
                found.append(Finding(path, f"'{state.id}' cannot border itself"))
            elif border.state in seen:
                found.append(Finding(path, f"border with '{border.state}' is listed twice"))
            else:
                other = states.get(border.state)
                back = [b for b in other.borders if b.state == state.id] if other else []
                if back and back[0].type != border.type and state.id < border.state:
                    found.append(
                        Finding(
                            (*path[:-1], "type"),
                            f"'{state.id}' lists a {border.type} border with "
                            f"'{border.state}', which lists a {back[0].type} one",
                        )
                    )
            seen.add(border.state)

    # Alliances at the start.
    for i, alliance in enumerate(campaign.alliances):
        for m, member in enumerate(alliance.members):
            path = ("alliances", i, "members", m)
            state_ref(path, member)
            if member in alliance.members[:m]:
                found.append(Finding(path, f"'{member}' is listed twice"))
            elif member in states and not states[member].present:
                found.append(Finding(path, f"'{member}' is not present when the campaign starts"))
        if alliance.since is not None and alliance.since > campaign.start_year:
            found.append(
                Finding(
                    ("alliances", i, "since"),
                    f"an alliance at the start cannot date from {alliance.since}, "
                    f"after the start year {campaign.start_year}",
                )
            )

    found += _check_years(campaign)
    found += _check_effects(campaign, states, state_ids, alliance_ids)

    # Events and objectives restricted to some players.
    for path, event in events:
        for p, ident in enumerate(event.players):
            if ident not in campaign.playable:
                found.append(Finding((*path, "players", p), f"'{ident}' is not a playable state"))
    for e, era in enumerate(eras):
        for o, objective in enumerate(era.objectives):
            for p, ident in enumerate(objective.players):
                if ident not in campaign.playable:
                    found.append(
                        Finding(
                            ("eras", e, "objectives", o, "players", p),
                            f"'{ident}' is not a playable state",
                        )
                    )

    # Names inside expressions.
    known = {
        "state": state_ids,
        "flag": flags,
        "event": [ev.id for _, ev in events],
        "era": [era.id for era in eras],
        "objective": [ident for _, ident in objectives],
    }
    for path, expression in all_expressions(campaign):
        for ref in expression.references():
            if ref.name not in known[ref.kind]:
                message = _unknown(ref.kind, ref.name, known[ref.kind])
                if ref.kind == "flag":
                    message += " (no effect sets it and it is not in 'flags')"
                found.append(Finding(path, message, ref.column))
    return found


def _check_years(campaign: Campaign) -> Iterator[Finding]:
    eras = campaign.eras
    months = (campaign.end_year - campaign.start_year + 1) * 12
    turn_years = {campaign.start_year + m // 12 for m in range(0, months, campaign.turn_months)}
    if eras[0].start != campaign.start_year:
        yield Finding(
            ("eras", 0, "start"),
            f"the first era starts in {eras[0].start}, "
            f"but the campaign starts in {campaign.start_year}",
        )
    for e, era in enumerate(eras):
        if era.end < era.start:
            yield Finding(
                ("eras", e, "end"), f"era ends ({era.end}) before it starts ({era.start})"
            )
        if e > 0 and era.start != eras[e - 1].end + 1:
            yield Finding(
                ("eras", e, "start"),
                f"era starts in {era.start}; it must start the year after the previous "
                f"era ends ({eras[e - 1].end + 1})",
            )
        for v, event in enumerate(era.events):
            year = getattr(event.trigger, "year", None)
            if year is not None and year not in turn_years:
                yield Finding(
                    ("eras", e, "events", v, "trigger", "year"),
                    f"no turn falls in {year} (with {campaign.turn_months}-month "
                    "turns); the event would never fire",
                )
            if year is not None and not era.start <= year <= era.end:
                yield Finding(
                    ("eras", e, "events", v, "trigger", "year"),
                    f"year {year} is outside its era ({era.start}-{era.end})",
                )
        for o, objective in enumerate(era.objectives):
            deadline = objective.deadline
            if deadline is not None and not era.start <= deadline <= campaign.end_year:
                yield Finding(
                    ("eras", e, "objectives", o, "deadline"),
                    f"deadline {deadline} is outside {era.start}-{campaign.end_year}",
                )
    for e, era in enumerate(eras):
        for v, event in enumerate(era.events):
            turn = getattr(event.trigger, "turn", None)
            if turn is None:
                continue
            year = campaign.start_year + (turn - 1) * campaign.turn_months // 12
            if not era.start <= year <= era.end:
                yield Finding(
                    ("eras", e, "events", v, "trigger", "turn"),
                    f"turn {turn} falls in {year}, outside its era ({era.start}-{era.end})",
                )


def _check_effects(
    campaign: Campaign, states: dict[str, State], state_ids: list[str], alliance_ids: list[str]
) -> Iterator[Finding]:
    for path, effect in all_effects(campaign):
        for name in ("state", "actor", "target", "against"):
            ident = getattr(effect, name, None)
            if ident is not None and ident != PLAYER and ident not in states:
                yield Finding((*path, name), _unknown("state", ident, state_ids))
        if isinstance(effect, fx.FormAlliance):
            for m, member in enumerate(effect.members):
                if member != PLAYER and member not in states:
                    yield Finding((*path, "members", m), _unknown("state", member, state_ids))
        if isinstance(effect, fx.BreakAlliance) and effect.alliance not in alliance_ids:
            yield Finding((*path, "alliance"), _unknown("alliance", effect.alliance, alliance_ids))
        if isinstance(effect, fx.HostileAct | fx.Reassure) and effect.actor == effect.target:
            yield Finding((*path, "target"), "a state cannot act against itself")


def _listed_twice(path: Path, items: list[str]) -> list[Finding]:
    """A finding for each item that repeats an earlier one in the same list."""
    return [
        Finding((*path, i), f"'{item}' is listed twice")
        for i, item in enumerate(items)
        if item in items[:i]
    ]


def _check_shares(campaign: Campaign) -> Iterator[Finding]:
    """Shares of the system's capabilities cannot add up to more than the whole system."""
    totals: dict[str, float] = {}
    for state in campaign.states:
        power = state.power
        names = (
            ("value",)
            if power.kind == "share"
            else (
                "military_expenditure",
                "military_personnel",
                "iron_steel",
                "energy",
                "total_population",
                "urban_population",
            )
        )
        for name in names:
            totals[name] = totals.get(name, 0.0) + getattr(power, name)
    for name, total in totals.items():
        if total > 1 + SHARE_SLACK:
            what = "power shares (kind: share)" if name == "value" else f"'{name}' shares"
            yield Finding(
                ("states",),
                f"the states' {what} add up to {total:.3f}; shares of one system cannot exceed 1",
            )
