"""Checks that need the whole campaign: references resolve, ids are unique, years agree.

Runs after the schema has passed. Each finding carries the field path it is about (and,
for a name inside an expression, the column of that name) so the loader can point at it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from game.campaign import effects as fx
from game.campaign.models import POWER_COMPONENTS, ActorKind, After, Campaign, Event, State
from game.campaign.suggest import did_you_mean
from game.campaign.types import MAX_TURNS
from game.campaign.versions import version_2_parts
from game.campaign.walk import Path, all_effects, all_events, all_expressions

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
    first: Path | None = None
    """For a repeat, where the first one is: the loader says where, in whichever of the
    campaign's files it is."""


def _duplicates(items: list[tuple[Path, str]], what: str) -> Iterator[Finding]:
    first: dict[str, Path] = {}
    for path, ident in items:
        if ident in first:
            yield Finding(path, f"duplicate {what} id '{ident}'", first=_entry(first[ident]))
        else:
            first[ident] = path


def _entry(path: Path) -> Path:
    """The entry an id belongs to (``states[0]`` for ``states[0].id``)."""
    return path[:-1] if path and path[-1] == "id" else path


def _unknown(
    kind: str, name: str, known: list[str], aliases: Mapping[str, str] | None = None
) -> str:
    return f"unknown {kind} '{name}'{did_you_mean(name, known, aliases)}"


@dataclass(frozen=True, slots=True)
class _Index:
    """The campaign with the ids the checks look things up in, gathered once."""

    campaign: Campaign
    states: dict[str, State]
    state_ids: list[str]
    events: list[tuple[Path, Event]]
    objectives: list[tuple[Path, str]]
    alliance_ids: list[str]
    """Alliances at the start, then those effects form."""
    flags: list[str]
    """Flags the campaign lists, then those effects set."""
    state_names: dict[str, str]
    """Each state's name, to the state's id: ``JORDAN`` may mean ``JOR``."""

    @classmethod
    def of(cls, campaign: Campaign) -> _Index:
        effects = [effect for _, effect in all_effects(campaign)]
        return cls(
            campaign,
            {s.id: s for s in campaign.states},
            [s.id for s in campaign.states],
            list(all_events(campaign)),
            [
                (("eras", e, "objectives", o, "id"), obj.id)
                for e, era in enumerate(campaign.eras)
                for o, obj in enumerate(era.objectives)
            ],
            [a.id for a in campaign.alliances]
            + [effect.alliance for effect in effects if isinstance(effect, fx.FormAlliance)],
            list(campaign.flags)
            + [effect.flag for effect in effects if isinstance(effect, fx.SetFlag)],
            {s.name: s.id for s in campaign.states},
        )

    def unknown_state(self, path: Path, ident: str | None) -> Iterator[Finding]:
        """A finding if ``ident`` names no state of the campaign."""
        if ident is not None and ident not in self.states:
            yield Finding(path, _unknown("state", ident, self.state_ids, self.state_names))

    def not_playable(self, path: Path, ident: str, what: str = "") -> Finding:
        """``ident`` is not a playable state; a suggestion unless it is another state."""
        hint = ""
        if ident not in self.states:
            hint = did_you_mean(ident, self.campaign.playable, self.state_names)
        return Finding(path, f"'{ident}' is not a playable state{what}{hint}")


def check_campaign(campaign: Campaign) -> list[Finding]:
    """Every semantic problem in a schema-valid campaign (empty when it is sound)."""
    index = _Index.of(campaign)
    return [finding for check in _CHECKS for finding in check(index)]


def _ids_unique(index: _Index) -> Iterator[Finding]:
    """No two states, alliances, eras, events or objectives share an id."""
    campaign = index.campaign
    yield from _duplicates(
        [(("states", i, "id"), s.id) for i, s in enumerate(campaign.states)], "state"
    )
    yield from _duplicates(
        [(("alliances", i, "id"), a.id) for i, a in enumerate(campaign.alliances)], "alliance"
    )
    yield from _duplicates(
        [(("eras", i, "id"), era.id) for i, era in enumerate(campaign.eras)], "era"
    )
    yield from _duplicates([((*p, "id"), ev.id) for p, ev in index.events], "event")
    yield from _duplicates(index.objectives, "objective")
    # The game reads state ids without regard to case (``--as alb``, ``ally tur``): two
    # that differ only by case could not be told apart.
    seen: dict[str, tuple[int, str]] = {}
    for i, state in enumerate(campaign.states):
        folded = state.id.casefold()
        if folded in seen and seen[folded][1] != state.id:
            first, other = seen[folded]
            yield Finding(
                ("states", i, "id"),
                f"'{state.id}' differs from the state id '{other}' only by case: the game "
                "reads state ids without regard to case; choose another id",
                first=("states", first),
            )
        seen.setdefault(folded, (i, state.id))
    # Two states with one COW code would give the debrief's history comparison two answers.
    yield from _duplicates(
        [(("states", i, "cow"), str(s.cow)) for i, s in enumerate(campaign.states) if s.cow],
        "COW code",
    )


def _ids_not_reserved(index: _Index) -> Iterator[Finding]:
    """No state takes an id that means something else in effects or expressions."""
    for i, state in enumerate(index.campaign.states):
        if state.id == PLAYER:
            yield Finding(
                ("states", i, "id"),
                "'player' is reserved: in effects it means the player's state",
            )
        elif state.id in RESERVED:
            yield Finding(
                ("states", i, "id"),
                f"'{state.id}' is a word of the expression language; choose another id",
            )


def _alliances_face_outsiders(index: _Index) -> Iterator[Finding]:
    """An alliance faces a state that exists and is not one of its members."""
    for i, alliance in enumerate(index.campaign.alliances):
        yield from index.unknown_state(("alliances", i, "against"), alliance.against)
        if alliance.against in alliance.members:
            yield Finding(
                ("alliances", i, "against"),
                f"'{alliance.against}' is a member of the alliance it faces",
            )
        if alliance.patron is not None and alliance.patron not in alliance.members:
            yield Finding(
                ("alliances", i, "patron"),
                f"the patron '{alliance.patron}' must be one of the alliance's members",
            )


def _lists_without_repeats(index: _Index) -> Iterator[Finding]:
    """No list of ids names the same id twice."""
    campaign = index.campaign
    yield from _listed_twice(("playable",), campaign.playable)
    yield from _listed_twice(("flags",), campaign.flags)
    yield from _listed_twice(("poles",), campaign.poles)
    for i, state in enumerate(campaign.states):
        yield from _listed_twice(("states", i, "never_allies"), state.never_allies)
    for path, event in index.events:
        yield from _listed_twice((*path, "players"), event.players)
    for e, era in enumerate(campaign.eras):
        for o, objective in enumerate(era.objectives):
            yield from _listed_twice(("eras", e, "objectives", o, "players"), objective.players)
    for path, effect in all_effects(campaign):
        if isinstance(effect, fx.FormAlliance):
            yield from _listed_twice((*path, "members"), effect.members)
        if isinstance(effect, fx.HostileAct) and effect.audience is not None:
            yield from _listed_twice((*path, "audience"), effect.audience)


def _who_plays(index: _Index) -> Iterator[Finding]:
    """Each playable state is a state present at the start; the default player is one."""
    campaign = index.campaign
    for i, ident in enumerate(campaign.playable):
        yield from index.unknown_state(("playable", i), ident)
        played = index.states.get(ident)
        if played is not None and (played.kind != ActorKind.state or not played.present):
            yield Finding(
                ("playable", i),
                f"'{ident}' cannot be played: it must be a state present when the campaign starts",
            )
    for i, ident in enumerate(campaign.poles):
        yield from index.unknown_state(("poles", i), ident)
    for i, state in enumerate(campaign.states):
        for j, other in enumerate(state.never_allies):
            yield from index.unknown_state(("states", i, "never_allies", j), other)
            if other == state.id:
                yield Finding(("states", i, "never_allies", j), "a state cannot refuse itself")
    if campaign.default_player not in campaign.playable:
        player = campaign.default_player
        hint = ""
        if player not in index.states:  # another state is no typo
            hint = did_you_mean(player, campaign.playable, index.state_names)
        yield Finding(("default_player",), f"default player '{player}' is not in 'playable'{hint}")


def _borders_agree(index: _Index) -> Iterator[Finding]:
    """The map: borders name other states, once each, and both sides agree on the type."""
    states = index.states
    for i, state in enumerate(index.campaign.states):
        seen: set[str] = set()
        for b, border in enumerate(state.borders):
            path = ("states", i, "borders", b, "state")
            yield from index.unknown_state(path, border.state)
            if border.state == state.id:
                yield Finding(path, f"'{state.id}' cannot border itself")
            elif border.state in seen:
                yield Finding(path, f"border with '{border.state}' is listed twice")
            else:
                other = states.get(border.state)
                back = [b for b in other.borders if b.state == state.id] if other else []
                if back and back[0].type != border.type and state.id < border.state:
                    yield Finding(
                        (*path[:-1], "type"),
                        f"'{state.id}' lists a {border.type} border with "
                        f"'{border.state}', which lists a {back[0].type} one",
                    )
            seen.add(border.state)


def _alliances_at_start(index: _Index) -> Iterator[Finding]:
    """Alliances at the start join present states, once each, and date from no later."""
    campaign = index.campaign
    for i, alliance in enumerate(campaign.alliances):
        for m, member in enumerate(alliance.members):
            path = ("alliances", i, "members", m)
            yield from index.unknown_state(path, member)
            if member in alliance.members[:m]:
                yield Finding(path, f"'{member}' is listed twice")
            elif member in index.states and not index.states[member].present:
                yield Finding(path, f"'{member}' is not present when the campaign starts")
            elif member in index.states and index.states[member].kind != ActorKind.state:
                yield Finding(path, f"'{member}' is a non-state actor: it signs no alliance")
        if alliance.since is not None and alliance.since > campaign.start_year:
            yield Finding(
                ("alliances", i, "since"),
                f"an alliance at the start cannot date from {alliance.since}, "
                f"after the start year {campaign.start_year}",
            )


def _players_playable(index: _Index) -> Iterator[Finding]:
    """Events and objectives restricted to some players, and per-state briefings, name
    playable states."""
    campaign = index.campaign
    for path, event in index.events:
        for p, ident in enumerate(event.players):
            if ident not in campaign.playable:
                yield index.not_playable((*path, "players", p), ident)
    for e, era in enumerate(campaign.eras):
        for o, objective in enumerate(era.objectives):
            for p, ident in enumerate(objective.players):
                if ident not in campaign.playable:
                    yield index.not_playable(("eras", e, "objectives", o, "players", p), ident)
        for ident in era.briefings:
            if ident not in campaign.playable:
                yield index.not_playable(
                    ("eras", e, "briefings", ident),
                    ident,
                    ": a briefing is only for a state the player can run "
                    f"({', '.join(campaign.playable)})",
                )


def _expression_names_resolve(index: _Index) -> Iterator[Finding]:
    """Every name inside an expression is an id of the campaign."""
    known = {
        "state": index.state_ids,
        "flag": index.flags,
        "event": [ev.id for _, ev in index.events],
        "era": [era.id for era in index.campaign.eras],
        "objective": [ident for _, ident in index.objectives],
        "alliance": index.alliance_ids,
    }
    for path, expression in all_expressions(index.campaign):
        for ref in expression.references():
            if ref.name not in known[ref.kind]:
                aliases = index.state_names if ref.kind == "state" else None
                message = _unknown(ref.kind, ref.name, known[ref.kind], aliases)
                if ref.kind == "flag":
                    message += " (no effect sets it and it is not in 'flags')"
                yield Finding(path, message, ref.column)


def _years_agree(index: _Index) -> Iterator[Finding]:
    """Eras follow each other; events and deadlines fall in their era and on a turn."""
    campaign = index.campaign
    eras = campaign.eras
    months = (campaign.end_year - campaign.start_year + 1) * 12
    turn_years = {campaign.start_year + m // 12 for m in range(0, months, campaign.turn_months)}
    turns = math.ceil(months / campaign.turn_months)
    if turns > MAX_TURNS:
        yield Finding(
            ("eras", len(eras) - 1, "end"),
            f"the campaign lasts {turns:,} turns ({campaign.start_year}-{campaign.end_year} "
            f"in {campaign.turn_months}-month turns); at most {MAX_TURNS:,} (a save holds "
            "no more): end it sooner or make the turns longer",
        )
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
            last = min(deadline or campaign.end_year, campaign.end_year)
            turns = sum(
                1
                for m in range(0, months, campaign.turn_months)
                if era.start <= campaign.start_year + m // 12 <= last
            )
            if objective.hold > 1 and last >= era.start and objective.hold > turns:
                yield Finding(
                    ("eras", e, "objectives", o, "hold"),
                    f"it must hold for {objective.hold} turns in a row, but only {turns} "
                    f"turns fall in {era.start}-{last}: it could never be achieved",
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


def _effects_resolve(index: _Index) -> Iterator[Finding]:
    """Effects name states and alliances that exist, and no state acts against itself."""
    alliance_ids = index.alliance_ids
    for path, effect in all_effects(index.campaign):
        for name in ("state", "actor", "target", "against"):
            ident = getattr(effect, name, None)
            if ident is not None and ident != PLAYER:
                yield from index.unknown_state((*path, name), ident)
        listed = {"members": effect.members} if isinstance(effect, fx.FormAlliance) else {}
        if isinstance(effect, fx.HostileAct) and effect.audience is not None:
            listed = {"audience": effect.audience}
        for field, states in listed.items():
            for m, member in enumerate(states):
                if member != PLAYER:
                    yield from index.unknown_state((*path, field, m), member)
                known = index.states.get(member)
                if field == "members" and known is not None and known.kind != ActorKind.state:
                    yield Finding(
                        (*path, field, m), f"'{member}' is a non-state actor: it signs no alliance"
                    )
        patron = effect.patron if isinstance(effect, fx.FormAlliance) else None
        if (
            isinstance(effect, fx.FormAlliance)
            and patron is not None
            and patron not in effect.members
        ):
            yield Finding(
                (*path, "patron"), f"the patron '{patron}' must be one of the alliance's members"
            )
        if (
            isinstance(effect, fx.BreakAlliance | fx.RenameAlliance)
            and effect.alliance is not None
            and effect.alliance not in alliance_ids
        ):
            yield Finding((*path, "alliance"), _unknown("alliance", effect.alliance, alliance_ids))
        if isinstance(effect, fx.UseGroup):
            groups = list(index.campaign.effect_groups)
            if path[0] == "effect_groups":
                yield Finding((*path, "kind"), "a group cannot use another group")
            elif effect.group not in groups:
                yield Finding((*path, "group"), _unknown("effect group", effect.group, groups))
        if isinstance(effect, fx.HostileAct | fx.Reassure) and effect.actor == effect.target:
            yield Finding((*path, "target"), "a state cannot act against itself")


def _listed_twice(path: Path, items: list[str]) -> list[Finding]:
    """A finding for each item that repeats an earlier one in the same list."""
    return [
        Finding((*path, i), f"'{item}' is listed twice")
        for i, item in enumerate(items)
        if item in items[:i]
    ]


def _shares_fit(index: _Index) -> Iterator[Finding]:
    """Shares of the system's capabilities cannot add up to more than the whole system.

    Only the states present at the start count: a state that enters later carries its
    shares of a later year's system."""
    totals: dict[str, float] = {}
    for state in index.campaign.states:
        if not state.present:
            continue
        power = state.power
        names = ("value",) if power.kind == "share" else POWER_COMPONENTS
        for name in names:
            totals[name] = totals.get(name, 0.0) + getattr(power, name)
    for name, total in totals.items():
        if total > 1 + SHARE_SLACK:
            what = "power shares (kind: share)" if name == "value" else f"'{name}' shares"
            yield Finding(
                ("states",),
                f"the {what} of the states present at the start add up to {total:.3f}; "
                "shares of one system cannot exceed 1",
            )


def _followers_follow(index: _Index) -> Iterator[Finding]:
    """An ``after`` trigger follows an event of its own era (a later era's event cannot
    fire before it, an earlier one's is over), an option the event offers, and no chain of
    them comes back to where it started."""
    for e, era in enumerate(index.campaign.eras):
        by_id = {event.id: event for event in era.events}
        for v, event in enumerate(era.events):
            trigger = event.trigger
            if not isinstance(trigger, After):
                continue
            path: Path = ("eras", e, "events", v, "trigger")
            leader = by_id.get(trigger.event)
            if leader is None:
                elsewhere = any(other.id == trigger.event for _, other in index.events)
                yield Finding(
                    (*path, "event"),
                    f"'{trigger.event}' is an event of another era: a follow-up fires in the "
                    f"same turn as the event it follows, so both must be in era '{era.id}'"
                    if elsewhere
                    else _unknown("event", trigger.event, list(by_id)),
                )
                continue
            if trigger.choice is not None and trigger.choice > len(leader.choices):
                offers = (
                    f"offers {len(leader.choices)} options"
                    if leader.choices
                    else "offers no options"
                )
                yield Finding(
                    (*path, "choice"),
                    f"option {trigger.choice} of '{leader.id}' does not exist: it {offers}",
                )
            # Each event follows one other, so the chain back from it is a line: it is a
            # circle through this event when the line comes back to it.
            chain = [event.id]
            step: Event | None = leader
            while step is not None and step.id not in chain[1:]:
                chain.append(step.id)
                if step.id == event.id:
                    circle = " -> ".join(reversed(chain))
                    yield Finding(
                        (*path, "event"),
                        f"the follow-ups go round in a circle ({circle}): none would ever fire",
                    )
                    break
                step = by_id.get(step.trigger.event) if isinstance(step.trigger, After) else None


def _options_open(index: _Index) -> Iterator[Finding]:
    """Every event the player must answer has an option always open (neither a condition
    nor a cost), and an option's ``unavailable`` comes with its ``when``."""
    for path, event in index.events:
        for c, choice in enumerate(event.choices):
            if choice.unavailable is not None and choice.when is None:
                yield Finding(
                    (*path, "choices", c, "unavailable"),
                    "'unavailable' says why the option is closed, but it has no 'when' that "
                    "could close it",
                )
        if event.choices and all(c.when is not None or c.cost for c in event.choices):
            yield Finding(
                (*path, "choices"),
                "every option has a condition or a cost: give at least one option neither, so "
                "the player can always answer",
            )


def _version_fits(index: _Index) -> Iterator[Finding]:
    """A file that says ``schema_version: 1`` uses no part new in version 2."""
    if index.campaign.schema_version >= 2:
        return
    for path, part in version_2_parts(index.campaign):
        yield Finding(
            path,
            f"{part} is new in schema_version 2: write 'schema_version: 2' at the top of "
            "the file (version 1 files load as before)",
        )


_CHECKS: tuple[Callable[[_Index], Iterator[Finding]], ...] = (
    _ids_unique,
    _ids_not_reserved,
    _alliances_face_outsiders,
    _shares_fit,
    _lists_without_repeats,
    _who_plays,
    _borders_agree,
    _alliances_at_start,
    _years_agree,
    _effects_resolve,
    _players_playable,
    _expression_names_resolve,
    _followers_follow,
    _options_open,
    _version_fits,
)
"""The checks in the order their findings are reported."""
