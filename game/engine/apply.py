"""Carrying out campaign effects on the world."""

from __future__ import annotations

from game.campaign import effects as fx
from game.engine.alignment import settle, take_out
from game.engine.evaluate import WorldContext
from game.engine.report import AlignmentChange, ChangeKind, Grounds, Motive, News, NewsCategory
from game.engine.wording import change_text, figure
from game.engine.world import Act, AllianceRecord, World, conflicts

LIMITS = {
    "power": (0.0, 1.0),
    "military": (0.0, 1e6),
    "offense": (0.0, 1.0),
    "reach": (0.0, 40_000.0),
    "stability": (0.0, 1.0),
    "ideology": (-1.0, 1.0),
    "aggression": (0.0, 1.0),
    "caution": (0.0, 1.0),
}


STAT_WORDS = {
    "power": "share of world power",
    "military": "military",
    "offense": "offensive orientation",
    "reach": "reach (km)",
    "stability": "stability",
    "ideology": "ideology",
    "aggression": "aggression",
    "caution": "caution",
}
"""How the news names each stat an ``adjust`` effect changes."""


def chosen_variant(variants: list[fx.TextVariant], ctx: WorldContext) -> fx.TextVariant | None:
    """The first variant whose condition holds in the world now, or None (the plain text)."""
    return next((v for v in variants if v.when.evaluate(ctx)), None)


def bind_player(effect: fx.Effect, player: str) -> fx.Effect:
    """The effect with every ``player`` placeholder replaced by the player's state id."""
    update: dict[str, str | list[str]] = {
        name: player
        for name in ("state", "actor", "target", "against")
        if getattr(effect, name, None) == "player"
    }
    if isinstance(effect, fx.FormAlliance) and "player" in effect.members:
        update["members"] = [player if m == "player" else m for m in effect.members]
    if isinstance(effect, fx.HostileAct) and effect.audience and "player" in effect.audience:
        update["audience"] = [player if m == "player" else m for m in effect.audience]
    return effect.model_copy(update=update) if update else effect


def apply_effect(effect: fx.Effect, ctx: WorldContext, player: str) -> list[News]:
    """Apply one effect; returns the news it makes (often none)."""
    if effect.when is not None and not effect.when.evaluate(ctx):
        return []  # the effect's own condition does not hold now
    effect = bind_player(effect, player)
    world = ctx.world
    states = world.states

    def name(ident: str) -> str:
        return states[ident].name

    match effect:
        case fx.Adjust():
            record = states[effect.state]
            current = float(getattr(record, effect.stat.value))
            # The model holds exactly one of `by` and `to` (checked when the file loads).
            formula = effect.by if effect.by is not None else effect.to
            assert formula is not None
            value = float(formula.evaluate(ctx))
            if effect.by is not None:
                value += current
            low, high = LIMITS[effect.stat.value]
            changed = min(high, max(low, value))
            setattr(record, effect.stat.value, changed)
            if effect.state != player or changed == current:
                return []
            # A change to the player's own state is never silent: the player sees it.
            what = STAT_WORDS.get(effect.stat.value, effect.stat.value)
            return [
                News(
                    3,
                    f"Your {what}: {figure(current)} -> {figure(changed)}.",
                    NewsCategory.event,
                )
            ]
        case fx.HostileAct() | fx.Reassure() if effect.actor == effect.target:
            return []  # `player` may stand for the target itself: a state has no acts on itself
        case fx.HostileAct():
            audience = None if effect.audience is None else tuple(sorted(set(effect.audience)))
            act = Act(
                effect.actor,
                effect.target,
                effect.severity,
                world.turn,
                effect.description,
                audience=audience,
            )
            world.acts.append(act)
            if not act.known_to(player):
                return []  # the player never hears of it
            return [
                News(
                    4,
                    f"{name(effect.actor)} against {name(effect.target)}: {effect.description}.",
                    NewsCategory.event,
                )
            ]
        case fx.Reassure():
            world.acts.append(
                Act(
                    effect.actor,
                    effect.target,
                    effect.amount,
                    world.turn,
                    effect.description,
                    reassurance=True,
                )
            )
            return [
                News(
                    2,
                    f"{name(effect.actor)} reassures {name(effect.target)}: {effect.description}.",
                    NewsCategory.event,
                )
            ]
        case fx.FormAlliance():
            alliance = world.alliances.get(effect.alliance)
            members = [m for m in effect.members if states[m].present]
            if alliance is None:
                alliance = AllianceRecord(
                    effect.alliance,
                    effect.name or effect.alliance,
                    [],
                    effect.pact.value,
                    world.turn,
                    effect.against,
                    patron=effect.patron,
                )
                world.alliances[effect.alliance] = alliance
            alliance.members = sorted({*alliance.members, *members})
            if effect.patron is not None:  # a pact the patron now holds as its own
                alliance.patron = effect.patron
            alliance.binding = alliance.binding or effect.binding
            alliance.closed = alliance.closed or effect.closed
            if len(alliance.members) < 2:
                del world.alliances[effect.alliance]
                return []
            united = ", ".join(name(m) for m in alliance.members)
            news = [News(4, f"{alliance.name} now unites {united}.", NewsCategory.alliance)]
            return news + keep_books(world, alliance)
        case fx.BreakAlliance() if effect.alliance is None:
            assert effect.state is not None  # the model requires one of the two
            left: list[News] = []
            for alliance in world.alliances_of(effect.state):
                one = fx.BreakAlliance(
                    kind="break_alliance", alliance=alliance.id, state=effect.state
                )
                left += apply_effect(one, ctx, player)
            return left
        case fx.BreakAlliance():
            alliance = world.alliances.get(effect.alliance or "")
            if alliance is None:
                return []
            if effect.state is not None:
                if effect.state in alliance.members:
                    alliance.members.remove(effect.state)
                # A bandwagon pact does not outlast the state it formed around.
                if len(alliance.members) >= 2 and effect.state != alliance.leader:
                    text = f"{name(effect.state)} leaves {alliance.name}."
                    return [News(4, text, NewsCategory.alliance), *keep_books(world)]
            del world.alliances[alliance.id]
            return [News(4, f"{alliance.name} is dissolved.", NewsCategory.alliance)]
        case fx.UseGroup():
            made: list[News] = []
            for grouped in ctx.campaign.effect_groups.get(effect.group, []):
                made += apply_effect(grouped, ctx, player)
            return made
        case fx.RenameAlliance():
            alliance = world.alliances.get(effect.alliance)
            if alliance is None or alliance.name == effect.name:
                return []
            old, alliance.name = alliance.name, effect.name
            return [News(3, f"{old} becomes {effect.name}.", NewsCategory.alliance)]
        case fx.AddState():
            states[effect.state].present = True
            states[effect.state].allies_when_removed = []  # back: its acts are its own again
            return [News(4, f"{name(effect.state)} enters the stage.", NewsCategory.world)]
        case fx.RemoveState():
            return remove_state(ctx, effect.state)
        case fx.SetDoctrine():
            targets = [effect.state] if effect.state else [s for s in sorted(states) if s != player]
            for ident in targets:
                states[ident].doctrine = effect.doctrine.value
            return []
        case fx.SetFlag():
            world.flags[effect.flag] = effect.value
            return []
        case fx.Narrative():
            variant = chosen_variant(effect.variants, ctx)
            text = (variant.text if variant else effect.text).strip()
            return [News(effect.importance, text, NewsCategory.event)]
        case fx.EndGame():
            world.ended = effect.text.strip()
            world.outcome = effect.outcome
            return [News(5, effect.text.strip(), NewsCategory.event)]
    raise TypeError(f"unknown effect {effect!r}")


def remove_state(ctx: WorldContext, ident: str) -> list[News]:
    """Take a state out of the world, its alliances and guarantees.

    Removing the player's own state ends the game in defeat.
    """
    world = ctx.world
    if world.states[ident].present:  # removed twice, it keeps the allies it left with
        world.states[ident].allies_when_removed = world.allies_of(ident)
    world.states[ident].present = False
    if ident == ctx.player_id and world.ended is None:
        world.ended = f"{world.states[ident].name} has left the stage: your game is over."
        world.outcome = "defeat"
    for key in sorted(world.alliances):
        alliance = world.alliances[key]
        if ident in alliance.members:
            alliance.members.remove(ident)
            if len(alliance.members) < 2 or alliance.leader == ident:
                del world.alliances[key]
    world.guarantees = [g for g in world.guarantees if ident not in g]
    news = [News(5, f"{world.states[ident].name} leaves the stage.", NewsCategory.world)]
    return news + keep_books(world)


def keep_books(world: World, touched: AllianceRecord | None = None) -> list[News]:
    """Keep the alliance bookkeeping's rules (``world.alliance_problems``) after a campaign
    effect changed alliances; the news of what that changed, in the theory's words.

    The alliance an effect formed or joined (``touched``) is the author's newest word, and
    it holds: it never stands against one of its own members (that purpose is dropped and
    the next alignment pass infers one), and each of its members leaves its other pacts
    that clash with it (Motive.clashing_pact): an author who puts Ondria in a league
    against Karvath takes it out of its pact with Karvath. Then alliances of exactly the
    same members become one (Motive.merged), and the names the game made follow their
    members.
    """
    changes: list[AlignmentChange] = []
    if touched is not None and touched.id in world.alliances:
        if touched.against in touched.members:
            touched.against = None
        if touched.patron is not None:
            # A client's alignment is its patron's: it keeps no pact its patron is not in.
            for client in [m for m in touched.members if m != touched.patron]:
                for other in world.alliances_of(client):
                    if other.id != touched.id and touched.patron not in other.members:
                        changes += take_out(
                            world,
                            client,
                            other,
                            Motive.client,
                            touched.patron,
                            None,
                            Grounds(),
                            settling=False,
                        )
        while touched.id in world.alliances and (clash := conflicts(world, touched)):
            member, other, rival = clash[0]
            changes += take_out(
                world, member, other, Motive.clashing_pact, rival, None, Grounds(), settling=False
            )
    # Folded and renamed once every clash is resolved: a twin of the touched alliance then
    # takes over a purpose its members can all hold.
    changes += settle(world)
    names = {ident: record.name for ident, record in world.states.items()}
    return [
        News(3 if c.change == ChangeKind.left else 4, change_text(c, names), NewsCategory.alliance)
        for c in changes
    ]
