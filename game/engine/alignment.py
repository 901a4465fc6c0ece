"""The alignment AI: computer-run states form, keep and break alliances.

Every change carries its reason in the theory's words. Decisions are taken in sorted order
of state id, each state making at most one change a turn.
"""

from __future__ import annotations

import numpy as np

from game.campaign.effects import Doctrine
from game.engine import constants as k
from game.engine.doctrine import View
from game.engine.reading import Context
from game.engine.report import AlignmentChange, ChangeKind, Motive, ThreatLine
from game.engine.threat import FACTORS
from game.engine.world import AllianceRecord


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


def principal_reason(ctx: Context, v: View) -> str:
    """Why a state fears (or follows) its principal, in the doctrine's words."""
    cached = ctx.reasons.get(v.state)
    if cached is None:
        cached = ctx.reasons[v.state] = _principal_reason(ctx, v)
    return cached


def _principal_reason(ctx: Context, v: View) -> str:
    rival = v.principal or ""
    if v.doctrine == Doctrine.balance_of_threat:
        return f"its principal threat is {ctx.name(rival)}: {ctx.phrase(v.state, rival)}"
    share = ctx.matrix.factor("power", v.state, rival)
    if v.doctrine == Doctrine.balance_of_power:
        return (
            f"{ctx.name(rival)} is the most powerful state (power share {share:.2f} "
            "against it), whatever its intentions"
        )
    return f"{ctx.name(rival)} is the most powerful state (power share {share:.2f})"


def consent(ctx: Context, state: str, proposer: str) -> tuple[bool, str]:
    """Would computer-run ``state`` accept an alliance with ``proposer``? With the reason."""
    world = ctx.world
    v = ctx.view(state)
    name = ctx.name(state)
    if ctx.allied(state, proposer):
        return False, f"{name} is already allied with {ctx.name(proposer)}"
    if v.principal is None:
        return False, f"{name} sees no rival at all"
    if v.doctrine == Doctrine.bandwagon:
        if proposer == v.principal and v.alarmed:
            return True, f"{name} joins the strongest: {principal_reason(ctx, v)}"
        if proposer == v.principal:
            return False, f"{name} is at least as strong as {ctx.name(proposer)}"
        return False, f"{name} follows only the strongest power, {ctx.name(v.principal)}"
    if v.principal == proposer:
        why = bandwagon_why(ctx, state, v)
        if why is not None:
            return True, f"{name} bandwagons: {why}"
        ratio = world.states[proposer].power / max(world.states[state].power, 1e-9)
        if ratio < k.WEAK_RATIO:
            # A weak neighbour that offers to side with it is no danger: it takes the offer.
            return True, (
                f"{name} accepts {ctx.name(proposer)}'s alignment: too weak to "
                f"threaten it (power {ratio:.2f} of its own)"
            )
        return False, f"{name} sees {ctx.name(proposer)} as its principal threat"
    if not v.alarmed:
        return False, (
            f"{name} feels no threat worth an alliance (highest "
            f"{v.pressure:.2f} from {ctx.name(v.principal)}, it acts above "
            f"{v.threshold:.2f})"
        )
    if ctx.allied(proposer, v.principal):
        return False, f"{ctx.name(proposer)} is allied with {name}'s principal threat"
    proposer_view = ctx.view(proposer)
    relief = k.AID_WEIGHT * min(1.0, world.states[state].aid_from.get(proposer, 0.0))
    relief += k.IDEOLOGY_WEIGHT * k.CONSENT_IDEOLOGY_SHARE * similarity(ctx, state, proposer)
    if proposer_view.principal == v.principal or (
        ctx.pressure_of(proposer, v.principal)
        >= (k.SHARE_RATIO - relief) * max(proposer_view.pressure, 1e-9)
    ):
        return True, f"{name} accepts: {principal_reason(ctx, v)}"
    theirs = ctx.pressure_of(proposer, v.principal)
    return False, (
        f"{name}'s principal threat is {ctx.name(v.principal)}, which "
        f"{ctx.name(proposer)} does not share (it rates it {theirs:.2f})"
    )


def similarity(ctx: Context, a: str, b: str) -> float:
    """Ideological closeness, 0 (opposite ends) to 1 (same position)."""
    return 1.0 - abs(ctx.world.states[a].ideology - ctx.world.states[b].ideology) / 2.0


def available_help(ctx: Context, state: str, rival: str) -> float:
    """Strength that allies, guarantors and would-be partners could bring against ``rival``:
    each helper's military, discounted by how far it is from ``state``."""
    index = ctx.matrix.index
    i, r = index[state], index[rival]
    would = ctx.share[:, r] & ~ctx.allied_m[:, r] & ctx.partner
    helpers = ctx.helpers_m[i] | would
    helpers[i] = helpers[r] = False
    return float((ctx.military * ctx.matrix.proximity[i])[helpers].sum())


def bandwagon_case(ctx: Context, state: str, threat: str, help_: float) -> str | None:
    """Walt's conditions for bandwagoning with ``threat``; the reason when they all hold.

    The state is weak (power below WEAK_RATIO of the threat's), the threat is near
    (proximity at least NEAR_PROXIMITY), and the help it could get (``help_``) is below
    ABLE_HELP of the striking power the threat can bring to it (its military times its
    offensive orientation times its proximity).
    """
    world = ctx.world
    ratio = world.states[state].power / max(world.states[threat].power, 1e-9)
    proximity = ctx.matrix.factor("proximity", state, threat)
    strike = ctx.striking_power(threat) * proximity
    grievance = ctx.matrix.factor("grievance", state, threat)
    if (
        ratio >= k.WEAK_RATIO
        or proximity < k.NEAR_PROXIMITY
        or help_ >= k.ABLE_HELP * strike
        or grievance >= k.APPEASE_LIMIT
    ):
        return None
    name = ctx.name(threat)
    return (
        f"too weak (power {ratio:.2f} of {name}'s), {name} is near (proximity "
        f"{proximity:.2f}) and no able ally is within reach (help {help_:.0f} against "
        f"the striking power of {strike:.0f} it can bring)"
    )


def bandwagon_why(ctx: Context, state: str, v: View) -> str | None:
    """Why ``state`` would bandwagon with its principal threat, or None when Walt's
    conditions do not all hold (the help counted is everything within its reach)."""
    if v.principal is None:
        return None
    return bandwagon_case(ctx, state, v.principal, available_help(ctx, state, v.principal))


def decide(ctx: Context) -> list[AlignmentChange]:
    """This turn's alignment changes by computer-run states, applied to the world."""
    changes: list[AlignmentChange] = []
    moved: set[str] = set()
    for alliance_id in sorted(ctx.world.alliances):
        alliance = ctx.world.alliances.get(alliance_id)
        if alliance is None:
            continue
        for member in list(alliance.members):
            if member == ctx.player or member in moved or alliance_id not in ctx.world.alliances:
                continue
            why = leave_reason(ctx, member, alliance)
            if why:
                motive, rival, reason = why
                changes += leave(ctx, member, alliance, reason, motive, rival)
                moved.add(member)
    for state in ctx.matrix.ids:
        if state == ctx.player or state in moved or ctx.world.states[state].kind != "state":
            continue
        change = seek(ctx, state)
        if change:
            changes += change
            moved.add(state)
    return changes


def leave_reason(
    ctx: Context, member: str, alliance: AllianceRecord
) -> tuple[Motive, str | None, str] | None:
    """Why ``member`` would leave ``alliance`` now (the motive, the rival it is about, the
    reason in words), or None to stay."""
    world, matrix = ctx.world, ctx.matrix
    v = ctx.view(member)
    name = ctx.name(member)
    if v.alarmed and v.principal in alliance.members:
        if v.doctrine == Doctrine.bandwagon or bandwagon_why(ctx, member, v) is not None:
            return None  # it sided with its threat on purpose, and nothing has changed
        help_ = available_help(ctx, member, v.principal)
        return (
            Motive.partner_is_threat,
            v.principal,
            (
                f"{name} left {alliance.name}: its partner {ctx.name(v.principal)} is its "
                f"principal threat ({ctx.phrase(member, v.principal)}) and able help is "
                f"within reach ({help_:.0f} against a striking power of "
                f"{ctx.striking_power(v.principal):.0f})"
            ),
        )
    if (
        v.doctrine == Doctrine.bandwagon
        and v.principal
        and v.principal not in alliance.members
        and alliance.against == v.principal
    ):
        return (
            Motive.will_not_oppose,
            v.principal,
            (
                f"{name} left {alliance.name}: it will not stand against the strongest "
                f"power, {ctx.name(v.principal)}"
            ),
        )
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
    rival = world.states[against].name
    if not present:
        return (
            Motive.rival_gone,
            against,
            f"{name} left {alliance.name}: {rival} is gone, and with it the alliance's purpose",
        )
    return (
        Motive.threat_receded,
        against,
        (
            f"{name} left {alliance.name}: the threat from {rival} has receded "
            f"({now:.2f}, below {limit:.2f} for {patience} turns)"
        ),
    )


def leave(
    ctx: Context,
    member: str,
    alliance: AllianceRecord,
    reason: str,
    motive: Motive,
    rival: str | None = None,
) -> list[AlignmentChange]:
    """Take ``member`` out (for ``motive``, about ``rival``: by default the rival the
    alliance stood against); dissolve the alliance if fewer than two remain."""
    world = ctx.world
    rival = alliance.against if rival is None else rival
    threat = seen(ctx, member, rival)
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
            reason,
            motive,
            threat,
        )
    ]
    if len(alliance.members) < 2:
        del world.alliances[alliance.id]
        for key in [k_ for k_ in world.receded if k_.endswith(f"|{alliance.id}")]:
            del world.receded[key]
        out.append(
            AlignmentChange(
                ChangeKind.dissolved,
                alliance.members[0] if alliance.members else member,
                alliance.id,
                list(alliance.members),
                alliance.against,
                f"{alliance.name} dissolved: "
                + ("its leader left" if member == alliance.leader else "too few members remain"),
                Motive.leader_left if member == alliance.leader else Motive.too_few_members,
                threat,
            )
        )
    ctx.refresh()
    return out


def seek(ctx: Context, state: str) -> list[AlignmentChange] | None:
    """``state`` looks for a partner against its principal threat (or bandwagons)."""
    matrix = ctx.matrix
    v = ctx.view(state)
    if not v.alarmed or v.principal is None:
        return None
    rival = v.principal
    if ctx.allied(state, rival):
        return None
    reason = None
    motive = Motive.strongest
    if v.doctrine == Doctrine.bandwagon and rival != ctx.player:
        reason = principal_reason(ctx, v)
    # The player makes its own alliances: a state cannot bandwagon onto it unasked.
    elif v.doctrine == Doctrine.balance_of_threat and rival != ctx.player:
        why = bandwagon_why(ctx, state, v)
        if why is not None and consent(ctx, rival, state)[0]:
            reason, motive = why, Motive.bandwagoning
    if reason is not None:
        return join(
            ctx,
            state,
            rival,
            ChangeKind.bandwagoned,
            rival,
            f"{ctx.name(state)} bandwagoned with {ctx.name(rival)}: {reason}",
            motive,
        )
    if any(ctx.shares(ally, rival) for ally in ctx.allies_of(state)):
        return None  # already balancing against it with a partner who shares the threat
    index = matrix.index
    i, r = index[state], index[rival]
    # Would-be partners: states that share the threat and are tied to neither side.
    open_ = ctx.partner & ctx.share[:, r] & ~ctx.allied_m[:, r] & ~ctx.allied_m[i]
    open_[i] = open_[r] = False
    partner = None
    for other in ranked_partners(ctx, state, rival, np.flatnonzero(open_)):
        if consent(ctx, other, state)[0]:
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
        f"{ctx.name(state)} allied with {ctx.name(partner)}: {principal_reason(ctx, v)}",
        doctrine_motive(v),
    )


def ranked_partners(ctx: Context, state: str, rival: str, candidates: np.ndarray) -> list[str]:
    """Candidates from the most to the least useful partner against ``rival``: the help they
    can bring, then (weaker) ideological closeness and aid received; ties by id."""
    if not len(candidates):
        return []
    world, matrix = ctx.world, ctx.matrix
    i = matrix.index[state]
    help_ = ctx.military[candidates] * matrix.proximity[i, candidates]
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
    against: str,
    reason: str,
    motive: Motive,
) -> list[AlignmentChange]:
    """Put ``state`` in an alliance with ``partner``: the partner's alliance against the same
    rival if it has one, else a new pact."""
    world = ctx.world
    threat = seen(ctx, state, against)
    out: list[AlignmentChange] = []
    if change == ChangeKind.bandwagoned:
        for alliance in world.alliances_of(state):
            if alliance.against == against:
                out += leave(
                    ctx,
                    state,
                    alliance,
                    f"{ctx.name(state)} left {alliance.name} to bandwagon",
                    Motive.to_bandwagon,
                    against,
                )
    existing = [a for a in world.alliances_of(partner) if a.against in (against, None)]
    if change == ChangeKind.bandwagoned:
        existing = world.alliances_of(partner)
    if state != ctx.player:
        # The player makes its own alliances: no one joins the player's pacts unasked.
        existing = [a for a in existing if ctx.player not in a.members]
    if existing:
        alliance = existing[0]
        alliance.members = sorted({*alliance.members, state})
        out.append(
            AlignmentChange(
                change,
                state,
                alliance.id,
                [m for m in alliance.members if m != state],
                against,
                reason,
                motive,
                threat,
            )
        )
        ctx.refresh()
        return out
    alliance_id = f"{min(state, partner)}_{max(state, partner)}_{world.turn}"
    alliance = AllianceRecord(
        id=alliance_id,
        name=f"{ctx.name(state)}-{ctx.name(partner)} pact",
        members=sorted([state, partner]),
        pact="defense",
        formed_turn=world.turn,
        against=against if change != ChangeKind.bandwagoned else None,
        leader=partner if change == ChangeKind.bandwagoned else None,
    )
    world.alliances[alliance_id] = alliance
    out.append(
        AlignmentChange(
            ChangeKind.formed if change == ChangeKind.joined else change,
            state,
            alliance_id,
            [partner],
            against,
            reason,
            motive,
            threat,
        )
    )
    ctx.refresh()
    return out


def assign_purposes(ctx: Context) -> None:
    """Give each alliance without a known purpose the rival most of its members fear most.

    Alliances declared by the campaign or formed by its effects start without one; the
    alliance's threat receding is then judged against that rival.
    """
    for key in sorted(ctx.world.alliances):
        alliance = ctx.world.alliances[key]
        if alliance.against is not None or alliance.leader is not None:
            continue
        counts: dict[str, int] = {}
        for member in alliance.members:
            rival = ctx.matrix.principal(member)
            if rival and rival not in alliance.members:
                counts[rival] = counts.get(rival, 0) + 1
        if counts:
            alliance.against = min(counts, key=lambda s: (-counts[s], s))
