"""The alignment AI: computer-run states form, keep and break alliances.

Every change carries its reason as data (the rule, the threat, the figures), worded by
``game.engine.wording``. Decisions are taken in sorted order
of state id, each state making at most one change a turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

import numpy as np

from game.campaign.effects import Doctrine
from game.engine import constants as k
from game.engine.doctrine import View
from game.engine.reading import Context
from game.engine.report import (
    AlignmentChange,
    ChangeKind,
    Consent,
    Grounds,
    Motive,
    ThreatLine,
    Verdict,
)
from game.engine.threat import FACTORS, ThreatMatrix
from game.engine.world import (
    AllianceRecord,
    World,
    conflicts,
    drop_alliance,
    fold_twins,
    pact_name,
    rename,
)


def seen(ctx: Context, state: str, rival: str | None) -> ThreatLine | None:
    """``rival`` as ``state`` sees it now: the threat and its four factors (None if either
    is not in the world)."""
    m = ctx.matrix
    if rival is None or rival not in m.index or state not in m.index or rival == state:
        return None
    i, j = m.index[state], m.index[rival]
    return ThreatLine(
        rival,
        float(m.threat[i, j]),
        float(m.net[i, j]),
        *(float(getattr(m, f)[i, j]) for f in FACTORS),
    )


def doctrine_motive(v: View) -> Motive:
    """The motive a doctrine gives a state that sides against (or with) its principal."""
    if v.doctrine == Doctrine.balance_of_threat:
        return Motive.balancing
    if v.doctrine == Doctrine.balance_of_power:
        return Motive.most_powerful
    return Motive.strongest


def grounds_of(ctx: Context, state: str, rival: str | None, **figures: Any) -> Grounds:
    """The figures behind a decision of ``state`` about ``rival``: how they meet, the
    rival's heaviest remembered act, its power share, and any ``figures`` given."""
    if rival is None or rival not in ctx.matrix.index or state not in ctx.matrix.index:
        return Grounds(**figures)
    border = ctx.geo.border(state, rival)
    act = ctx.worst_act(state, rival)
    figures.setdefault("share", ctx.matrix.factor("power", state, rival))
    return Grounds(
        where="land" if border == "land" else "sea" if border == "sea" else "distance",
        act=act.description if act else None,
        **figures,
    )


def _figures(grounds: Grounds) -> dict[str, Any]:
    """The figures ``grounds`` holds (the fields that are set)."""
    return {name: value for name, value in asdict(grounds).items() if value is not None}


def _consent(
    ctx: Context, v: View, proposer: str, verdict: Verdict, accepted: bool = False, **figures: Any
) -> Consent:
    if ctx.brief:  # whether, not why: the figures as found, no threat line, no acts read
        return Consent(
            accepted, verdict, v.state, proposer, v.principal, doctrine_motive(v), None,
            Grounds(**figures),
        )  # fmt: skip
    return Consent(
        accepted,
        verdict,
        v.state,
        proposer,
        v.principal,
        doctrine_motive(v),
        seen(ctx, v.state, v.principal),
        grounds_of(ctx, v.state, v.principal, **figures),
    )


def consent(ctx: Context, state: str, proposer: str) -> Consent:
    """Would computer-run ``state`` accept an alliance with ``proposer``? The answer, with
    the rule and figures behind it."""
    world = ctx.world
    v = ctx.view(state)
    if ctx.allied(state, proposer):
        return _consent(ctx, v, proposer, Verdict.already_allied)
    if ctx.geo.never_allies(state, proposer):
        return _consent(ctx, v, proposer, Verdict.never_allies)
    patron = patron_of(world, state)
    if patron is not None:
        return _consent(ctx, v, proposer, Verdict.has_patron, patron=patron)
    if v.principal is None:
        return _consent(ctx, v, proposer, Verdict.no_rival)
    if v.doctrine == Doctrine.bandwagon:
        if proposer == v.principal and v.alarmed:
            return _consent(ctx, v, proposer, Verdict.joins_strongest, True)
        if proposer == v.principal:
            return _consent(ctx, v, proposer, Verdict.not_weaker)
        return _consent(ctx, v, proposer, Verdict.follows_strongest)
    if any(a.against == state and proposer in a.members for a in world.alliances.values()):
        return _consent(ctx, v, proposer, Verdict.allied_against_it)
    grievance = mutual_grievance(ctx, state, proposer)
    if grievance >= k.APPEASE_LIMIT:
        return _consent(
            ctx, v, proposer, Verdict.at_war, grievance=grievance, limit=k.APPEASE_LIMIT
        )
    ratio = world.states[proposer].power / max(world.states[state].power, 1e-9)
    if v.principal == proposer:
        case = bandwagon_case(ctx, state, proposer, available_help(ctx, state, proposer))
        if case is not None:
            return _consent(ctx, v, proposer, Verdict.bandwagons, True, **_figures(case))
        if ratio < k.WEAK_RATIO:
            # A weak neighbour that offers to side with it is no danger: it takes the offer.
            return _consent(ctx, v, proposer, Verdict.weak_neighbour, True, ratio=ratio)
        return _consent(ctx, v, proposer, Verdict.sees_as_threat)
    if ratio < k.WEAK_RATIO and ctx.view(proposer).principal == state:
        # A weak state that sides with it rather than against it costs nothing and adds a
        # client: the strong accept bandwagoners whatever their own threats (Walt).
        return _consent(ctx, v, proposer, Verdict.client, True, ratio=ratio)
    if not v.alarmed:
        return _consent(
            ctx, v, proposer, Verdict.not_alarmed, pressure=v.pressure, threshold=v.threshold
        )
    if ctx.allied(proposer, v.principal):
        return _consent(ctx, v, proposer, Verdict.allied_with_threat)
    proposer_view = ctx.view(proposer)
    relief = k.AID_WEIGHT * min(1.0, world.states[state].aid_from.get(proposer, 0.0))
    relief += k.IDEOLOGY_WEIGHT * k.CONSENT_IDEOLOGY_SHARE * similarity(ctx, state, proposer)
    theirs = ctx.pressure_of(proposer, v.principal)
    if proposer_view.principal == v.principal or (
        theirs >= (k.SHARE_RATIO - relief) * max(proposer_view.pressure, 1e-9)
    ):
        return _consent(ctx, v, proposer, Verdict.shares_threat, True)
    return _consent(ctx, v, proposer, Verdict.not_shared, rating=theirs)


def mutual_grievance(ctx: Context, a: str, b: str) -> float:
    """The heavier of what ``a`` and ``b`` remember of each other's hostile acts."""
    m = ctx.matrix
    return 0.0 if a == b else max(m.factor("grievance", a, b), m.factor("grievance", b, a))


def hostile_pair(ctx: Context, a: str, b: str) -> bool:
    """True when either of ``a`` and ``b`` remembers hostile acts of the other weighing at
    least APPEASE_LIMIT: no alliance holds them both."""
    return mutual_grievance(ctx, a, b) >= k.APPEASE_LIMIT


def similarity(ctx: Context, a: str, b: str) -> float:
    """Ideological closeness, 0 (opposite ends) to 1 (same position)."""
    return 1.0 - abs(ctx.world.states[a].ideology - ctx.world.states[b].ideology) / 2.0


def available_help(ctx: Context, state: str, rival: str, allies_only: bool = False) -> float:
    """The help ``state`` has, or could get at once, against ``rival``: the military its
    allies and guarantors can bring (each helper's military times its conventional
    proximity), plus, unless ``allies_only``, that of the HELP_PARTNERS best would-be
    partners (free states that share the threat). Only helpers within reach (proximity at
    least HELP_PROXIMITY) count: a distant sympathiser is no ally, and a crowd of weak
    sympathisers is not an able ally (Walt: bandwagoning when allies are unavailable)."""
    index = ctx.matrix.index
    i, r = index[state], index[rival]
    near = ctx.matrix.conventional[i] >= k.HELP_PROXIMITY
    near[i] = near[r] = False
    reach = ctx.military * ctx.matrix.conventional[i]
    allies = ctx.helpers_m[i] & ~ctx.allied_m[:, r] & near
    total = float(reach[allies].sum())
    if not allies_only:
        would = ctx.share[:, r] & ~ctx.allied_m[:, r] & ctx.partner & ~allies & near
        best = np.sort(reach[would])[::-1][: k.HELP_PARTNERS]
        total += float(best.sum())
    return total


def bandwagon_case(ctx: Context, state: str, threat: str, help_: float) -> Grounds | None:
    """Walt's conditions for bandwagoning with ``threat``, with their figures when they all
    hold.

    The state is weak (power below WEAK_RATIO of the threat's), the threat is near
    (proximity at least NEAR_PROXIMITY), the help it could get (``help_``) is below
    ABLE_HELP of the striking power the threat can bring to it (its military times its
    offensive orientation times its proximity), and the threat is not attacking it (its
    remembered hostile acts against the state stay below APPEASE_LIMIT).
    """
    world = ctx.world
    ratio = world.states[state].power / max(world.states[threat].power, 1e-9)
    proximity = ctx.matrix.factor("conventional", state, threat)
    strike = ctx.striking_power(threat) * proximity
    grievance = ctx.matrix.factor("grievance", state, threat)
    if (
        ratio >= k.WEAK_RATIO
        or proximity < k.NEAR_PROXIMITY
        or help_ >= k.ABLE_HELP * strike
        or grievance >= k.APPEASE_LIMIT
    ):
        return None
    return Grounds(ratio=ratio, proximity=proximity, help=help_, strike=strike)


def bandwagon_why(ctx: Context, state: str, v: View) -> Grounds | None:
    """The grounds on which ``state`` would bandwagon with its principal threat, or None when
    Walt's conditions do not all hold (the help counted is everything within its reach)."""
    if v.principal is None:
        return None
    return bandwagon_case(ctx, state, v.principal, available_help(ctx, state, v.principal))


def align_turn(ctx: Context) -> list[AlignmentChange]:
    """The alignment pass of one turn, as ``Game.end_turn`` runs it and the history check
    replays it: alliances without a purpose get one, then every computer-run state keeps,
    leaves or seeks its alliances. The changes are applied to ``ctx.world``."""
    assign_purposes(ctx)
    return decide(ctx)


def decide(ctx: Context) -> list[AlignmentChange]:
    """This turn's alignment changes by computer-run states, applied to the world."""
    changes: list[AlignmentChange] = []
    moved: set[str] = set()
    for alliance_id in sorted(ctx.world.alliances):
        alliance = ctx.world.alliances.get(alliance_id)
        if alliance is None or alliance.patron is not None or alliance.binding:
            # A patron-client or binding pact is left only by effects and the player's orders.
            continue
        for member in list(alliance.members):
            if member == ctx.player or member in moved or alliance_id not in ctx.world.alliances:
                continue
            why = leave_reason(ctx, member, alliance)
            if why:
                motive, rival, grounds = why
                changes += leave(ctx, member, alliance, motive, rival, grounds)
                moved.add(member)
    for state in ctx.matrix.ids:
        if state == ctx.player or state in moved or ctx.world.states[state].kind != "state":
            continue
        change = seek(ctx, state)
        if change:
            changes += change
            moved.add(state)
    return changes


def _first_attacker(matrix: ThreatMatrix, member: str, members: Sequence[str]) -> str | None:
    """The first of ``members`` (in order) whose remembered hostile acts against ``member``
    reach APPEASE_LIMIT, or None (one row of the matrix read at once: every member of
    every alliance asks it of every partner, every turn)."""
    i = matrix.index.get(member)
    if i is None or not matrix.attacked[i]:
        return None
    others = [o for o in members if o != member and o in matrix.index]
    if not others:
        return None
    found = np.flatnonzero(
        matrix.grievance[i, [matrix.index[o] for o in others]] >= k.APPEASE_LIMIT
    )
    return others[int(found[0])] if len(found) else None


def leave_reason(
    ctx: Context, member: str, alliance: AllianceRecord
) -> tuple[Motive, str | None, Grounds] | None:
    """Why ``member`` would leave ``alliance`` now (the motive, the rival it is about, the
    figures), or None to stay."""
    world, matrix = ctx.world, ctx.matrix
    v = ctx.view(member)
    attacker = _first_attacker(matrix, member, alliance.members)
    if attacker is not None:
        # No state stays allied with one that keeps attacking it, bandwagoner or not.
        grievance = matrix.factor("grievance", member, attacker)
        figures = {"grievance": grievance, "limit": k.APPEASE_LIMIT}
        return Motive.partner_attacked, attacker, grounds_of(ctx, member, attacker, **figures)
    if v.alarmed and v.principal in alliance.members:
        if v.doctrine == Doctrine.bandwagon or bandwagon_why(ctx, member, v) is not None:
            return None  # it sided with its threat on purpose, and nothing has changed
        # Why it need not side with its threat: the figures of Walt's three conditions.
        rival = v.principal
        proximity = ctx.matrix.factor("conventional", member, rival)
        figures = {
            "ratio": world.states[member].power / max(world.states[rival].power, 1e-9),
            "proximity": proximity,
            "help": available_help(ctx, member, rival),
            "strike": ctx.striking_power(rival) * proximity,
        }
        return Motive.partner_is_threat, rival, grounds_of(ctx, member, rival, **figures)
    if (
        v.doctrine == Doctrine.bandwagon
        and v.principal
        and v.principal not in alliance.members
        and alliance.against == v.principal
    ):
        return Motive.will_not_oppose, v.principal, Grounds()
    against = alliance.against
    if against is None:
        return None
    key = f"{member}|{alliance.id}"
    present = against in matrix.index
    now = ctx.pressure_of(member, against) if present else 0.0
    limit = k.RECEDE_RATIO * v.threshold
    if now >= limit:
        world.receded.pop(key, None)
        return None
    world.receded[key] = world.receded.get(key, 0) + 1
    cautious = world.states[member].caution > k.CAUTIOUS_ABOVE
    patience = k.PATIENCE_TURNS + (k.CAUTIOUS_PATIENCE if cautious else 0)
    if world.receded[key] < patience:
        return None
    world.receded.pop(key, None)
    if not present:
        return Motive.rival_gone, against, Grounds()
    grounds = grounds_of(ctx, member, against, pressure=now, limit=limit, turns=patience)
    return Motive.threat_receded, against, grounds


def leave(
    ctx: Context,
    member: str,
    alliance: AllianceRecord,
    motive: Motive,
    rival: str | None = None,
    grounds: Grounds | None = None,
) -> list[AlignmentChange]:
    """Take ``member`` out (for ``motive``, about ``rival``: by default the rival the
    alliance stood against); dissolve the alliance if fewer than two remain."""
    rival = alliance.against if rival is None else rival
    touched = list(alliance.members)
    out = take_out(
        ctx.world, member, alliance, motive, rival, seen(ctx, member, rival), grounds or Grounds()
    )
    ctx.refresh(touched)
    return out


def take_out(
    world: World,
    member: str,
    alliance: AllianceRecord,
    motive: Motive,
    rival: str | None,
    threat: ThreatLine | None,
    grounds: Grounds,
    settling: bool = True,
) -> list[AlignmentChange]:
    """Take ``member`` out of ``alliance`` and (unless not ``settling``: the caller settles
    once it is done) keep the books (:func:`settle`): the alliance dissolves when fewer
    than two remain, or when the state a bandwagon pact formed around leaves it. The
    records of it all; :func:`leave` is this for the alignment pass and the player's
    orders, campaign effects call it directly."""
    alliance.members.remove(member)
    if member == alliance.leader:
        # A bandwagon pact without the state it formed around has no reason to exist.
        alliance.members.clear()
    out = [
        AlignmentChange(
            ChangeKind.left,
            member,
            alliance.id,
            list(alliance.members),
            alliance.against,
            motive,
            threat,
            alliance.name,
            rival=rival,
            grounds=grounds,
        )
    ]
    if len(alliance.members) < 2:
        drop_alliance(world, alliance.id)
        out.append(
            AlignmentChange(
                ChangeKind.dissolved,
                alliance.members[0] if alliance.members else member,
                alliance.id,
                list(alliance.members),
                alliance.against,
                Motive.leader_left if member == alliance.leader else Motive.too_few_members,
                threat,
                alliance.name,
                rival=rival,
            )
        )
    return out + settle(world) if settling else out


def settle(world: World) -> list[AlignmentChange]:
    """Keep the books after alliances lost or gained members: alliances left with exactly
    the same members are folded into one (``world.fold_twins``: each folded one reported
    as dissolved, Motive.merged), then every pact the game named is renamed after its
    members as they are now (``world.rename``; records keep the name the pact had when the
    state moved, the name the player knew)."""
    out = [
        AlignmentChange(
            ChangeKind.dissolved,
            folded.members[0],
            folded.id,
            list(folded.members),
            folded.against,
            Motive.merged,
            None,
            folded.name,
        )
        for folded, _ in fold_twins(world)
    ]
    rename(world)
    return out


def patron_of(world: World, state: str) -> str | None:
    """The patron of ``state`` when it is a client in a patron-client pact, else None."""
    # The first such pact by id (few alliances have a patron: those are found first).
    held = [
        (key, a.patron)
        for key, a in world.alliances.items()
        if a.patron is not None and a.patron != state and state in a.members
    ]
    return min(held)[1] if held else None


def seek(ctx: Context, state: str) -> list[AlignmentChange] | None:
    """``state`` looks for a partner against its principal threat (or bandwagons)."""
    matrix = ctx.matrix
    if patron_of(ctx.world, state) is not None:
        return None  # a client's alignment is its patron's
    v = ctx.view(state)
    if not v.alarmed or v.principal is None:
        return None
    rival = v.principal
    if ctx.allied(state, rival):
        return None
    grounds: Grounds | None = None
    motive = Motive.strongest
    # The player makes its own alliances: a state cannot bandwagon onto it unasked; nor
    # does a state bandwagon out of a binding pact against the rival (it cannot leave it).
    free = rival != ctx.player and not any(
        a.binding and a.against == rival and state in a.members
        for a in ctx.world.alliances.values()
    )
    if v.doctrine == Doctrine.bandwagon and free:
        grounds = grounds_of(ctx, state, rival)
    elif v.doctrine == Doctrine.balance_of_threat and free:
        why = bandwagon_why(ctx, state, v)
        if why is not None and consent(ctx, rival, state).accepted:
            grounds, motive = why, Motive.bandwagoning
    if grounds is not None:
        if motive == Motive.bandwagoning:  # add where they meet and the heaviest act
            grounds = grounds_of(ctx, state, rival, **_figures(grounds))
        return join(ctx, state, rival, ChangeKind.bandwagoned, rival, motive, grounds)
    strike = ctx.striking_power(rival) * matrix.factor("conventional", state, rival)
    if available_help(ctx, state, rival, allies_only=True) >= k.ABLE_HELP * strike:
        return None  # its partners can already bring as much as the threat can
    index = matrix.index
    i, r = index[state], index[rival]
    # Would-be partners: states that share the threat and are tied to neither side.
    open_ = ctx.partner & ctx.share[:, r] & ~ctx.allied_m[:, r] & ~ctx.allied_m[i]
    open_[i] = open_[r] = False
    # Only a partner that can reach it is worth an alliance (help where the threat is).
    reach = ctx.military * matrix.conventional[i]
    open_ &= matrix.conventional[i] >= k.HELP_PROXIMITY
    # A state that has allies against the threat looks only for a stronger partner than
    # any it has: a weak ally does not stop it seeking a strong one, and it does not
    # collect every weak sympathiser.
    allies = ctx.helpers_m[i] & ~ctx.allied_m[:, r]
    if allies.any():
        open_ &= reach > reach[allies].max()
    partner = None
    for other in ranked_partners(ctx, state, rival, np.flatnonzero(open_)):
        if consent(ctx, other, state).accepted:
            partner = other  # the best-ranked partner that agrees
            break
    if partner is None:
        return None
    return join(
        ctx,
        state,
        partner,
        ChangeKind.joined,
        rival,
        doctrine_motive(v),
        grounds_of(ctx, state, rival),
    )


def ranked_partners(ctx: Context, state: str, rival: str, candidates: np.ndarray) -> list[str]:
    """Candidates from the most to the least useful partner against ``rival``: the help they
    can bring, then (weaker) ideological closeness and aid received; ties by id."""
    if not len(candidates):
        return []
    world, matrix = ctx.world, ctx.matrix
    i = matrix.index[state]
    help_ = ctx.military[candidates] * matrix.conventional[i, candidates]
    ideology = np.array([world.states[matrix.ids[j]].ideology for j in candidates])
    closeness = 1.0 - np.abs(world.states[state].ideology - ideology) / 2.0
    aid = world.states[state].aid_from
    received = np.array([min(1.0, aid.get(matrix.ids[j], 0.0)) for j in candidates])
    score = (
        help_ / max(ctx.striking_power(rival), 1e-9)
        + k.IDEOLOGY_WEIGHT * closeness
        + k.AID_WEIGHT * received
    )
    order = sorted(range(len(candidates)), key=lambda n: (-score[n], candidates[n]))
    return [matrix.ids[candidates[n]] for n in order]


def join(
    ctx: Context,
    state: str,
    partner: str,
    change: ChangeKind,
    against: str | None,
    motive: Motive,
    grounds: Grounds,
    consent_: Consent | None = None,
) -> list[AlignmentChange]:
    """Put ``state`` in an alliance with ``partner``: the partner's alliance against the same
    rival if it has one ``state`` can join, else a new pact.

    No change leaves a state with and against another at once (``world.alliance_problems``
    states the rules). ``state`` joins a pact only if that clashes with none of its own (see
    :func:`clashes`); a new pact stands against ``against`` only when that is neither of
    the two nor allied with either (else it starts without a purpose, which the next
    alignment pass infers); and then each member leaves its other pacts that clash with
    the alliance it is now in (Motive.clashing_pact): the alliance just agreed is the
    newest commitment, and a state that has agreed to stand with another no longer stands
    against it. (A balancing state is never the one that leaves: the consent rule refuses a
    proposer in a pact against the partner. A bandwagoner first leaves its pacts against
    its new patron, Motive.to_bandwagon.)
    """
    world = ctx.world
    threat = seen(ctx, state, against)
    out: list[AlignmentChange] = []
    if change == ChangeKind.bandwagoned:
        for alliance in world.alliances_of(state):
            if alliance.against == against:
                out += leave(ctx, state, alliance, Motive.to_bandwagon, against)
    existing = [a for a in world.alliances_of(partner) if a.against in (against, None)]
    if change == ChangeKind.bandwagoned:
        existing = world.alliances_of(partner)
    if state != ctx.player:
        # The player makes its own alliances: no one joins the player's pacts unasked.
        existing = [a for a in existing if ctx.player not in a.members]
    # It joins a pact only if no member is at war with it, either way, the pact does not
    # stand against it, and joining clashes with none of its pacts (a bystander member is
    # never made to leave one); otherwise it signs its own pact with the partner.
    existing = [
        a
        for a in existing
        if a.patron is None  # a patron-client pact takes no one uninvited
        and not a.closed  # nor does a closed one
        and not any(ctx.geo.never_allies(state, m) for m in a.members)
        and a.against != state
        and not any(hostile_pair(ctx, state, m) for m in a.members)
        and not clashes(world, state, a)
    ]
    if existing:  # it joins the partner's pact
        alliance = existing[0]
        alliance.members = sorted({*alliance.members, state})
        kind = change
    else:  # they sign a new pact
        purpose = against if change != ChangeKind.bandwagoned else None
        if purpose is not None and (
            purpose in (state, partner)
            or world.allied(state, purpose)
            or world.allied(partner, purpose)
        ):
            purpose = None
        alliance = AllianceRecord(
            id=f"{min(state, partner)}_{max(state, partner)}_{world.turn}",
            name=pact_name([ctx.name(state), ctx.name(partner)]),
            members=sorted([state, partner]),
            pact="defense",
            formed_turn=world.turn,
            against=purpose,
            leader=partner if change == ChangeKind.bandwagoned else None,
            generated=True,
        )
        world.alliances[alliance.id] = alliance
        kind = ChangeKind.formed if change == ChangeKind.joined else change
    out += settle(world)
    out.append(
        AlignmentChange(
            kind,
            state,
            alliance.id,
            [m for m in alliance.members if m != state],
            against,
            motive,
            threat,
            alliance.name,
            partner,
            against,
            grounds,
            consent_,
        )
    )
    ctx.refresh(alliance.members)
    while alliance.id in world.alliances and (clash := conflicts(world, alliance)):
        member, other, rival = clash[0]
        if other.patron is not None or other.binding:
            # A patron's hold (or a binding pact) is not given up for a newer pact: the old
            # pact drops the purpose that clashes instead (its sides may face different
            # threats).
            other.against = None
            continue
        out += leave(ctx, member, other, Motive.clashing_pact, rival)
    return out


def clashes(world: World, state: str, alliance: AllianceRecord) -> bool:
    """True when ``state`` joining ``alliance`` would leave a state with and against another
    at once: the alliance stands against an ally of ``state``, one of ``state``'s pacts
    stands against a member, or a member is in a pact against ``state``."""
    if alliance.against is not None and world.allied(state, alliance.against):
        return True
    opposed = {a.against for a in world.alliances_of(state)}  # membership tests only
    if any(m in opposed for m in alliance.members):
        return True
    return any(a.against == state for m in alliance.members for a in world.alliances_of(m))


def assign_purposes(ctx: Context) -> None:
    """Give each alliance without a known purpose the rival most of its members fear most.

    Alliances declared by the campaign or formed by its effects start without one; the
    alliance's threat receding is then judged against that rival.
    """
    for key in sorted(ctx.world.alliances):
        alliance = ctx.world.alliances[key]
        if alliance.against is not None or alliance.leader is not None:
            continue
        if alliance.patron is not None:
            continue  # a patron-client pact's sides may face different threats
        counts: dict[str, int] = {}
        for member in alliance.members:
            rival = ctx.matrix.principal(member)
            # Never a member, nor a state a member is allied with: no alliance stands
            # against one of its members' allies.
            if (
                rival
                and rival not in alliance.members
                and not any(ctx.world.allied(m, rival) for m in alliance.members)
            ):
                counts[rival] = counts.get(rival, 0) + 1
        if counts:
            alliance.against = min(counts, key=lambda s: (-counts[s], s))
