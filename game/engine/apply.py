"""Carrying out campaign effects on the world."""

from __future__ import annotations

from game.campaign import effects as fx
from game.engine.evaluate import WorldContext
from game.engine.report import News, NewsCategory
from game.engine.world import Act, AllianceRecord

LIMITS = {
    "power": (0.0, 1.0),
    "military": (0.0, 1e6),
    "offense": (0.0, 1.0),
    "reach": (0.0, 40_000.0),
    "stability": (0.0, 1.0),
    "ideology": (-1.0, 1.0),
}


def bind_player(effect: fx.Effect, player: str) -> fx.Effect:
    """The effect with every ``player`` placeholder replaced by the player's state id."""
    update: dict[str, str | list[str]] = {
        name: player
        for name in ("state", "actor", "target", "against")
        if getattr(effect, name, None) == "player"
    }
    if isinstance(effect, fx.FormAlliance) and "player" in effect.members:
        update["members"] = [player if m == "player" else m for m in effect.members]
    return effect.model_copy(update=update) if update else effect


def apply_effect(effect: fx.Effect, ctx: WorldContext, player: str) -> list[News]:
    """Apply one effect; returns the news it makes (often none)."""
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
            setattr(record, effect.stat.value, min(high, max(low, value)))
            return []
        case fx.HostileAct() | fx.Reassure() if effect.actor == effect.target:
            return []  # `player` may stand for the target itself: a state has no acts on itself
        case fx.HostileAct():
            world.acts.append(
                Act(effect.actor, effect.target, effect.severity, world.turn, effect.description)
            )
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
                )
                world.alliances[effect.alliance] = alliance
            alliance.members = sorted({*alliance.members, *members})
            if len(alliance.members) < 2:
                del world.alliances[effect.alliance]
                return []
            return [
                News(
                    4,
                    f"{alliance.name} now unites {', '.join(name(m) for m in alliance.members)}.",
                    NewsCategory.alliance,
                )
            ]
        case fx.BreakAlliance():
            alliance = world.alliances.get(effect.alliance)
            if alliance is None:
                return []
            if effect.state is not None:
                if effect.state in alliance.members:
                    alliance.members.remove(effect.state)
                if len(alliance.members) >= 2:
                    return [
                        News(
                            4,
                            f"{name(effect.state)} leaves {alliance.name}.",
                            NewsCategory.alliance,
                        )
                    ]
            del world.alliances[effect.alliance]
            return [News(4, f"{alliance.name} is dissolved.", NewsCategory.alliance)]
        case fx.AddState():
            states[effect.state].present = True
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
            return [News(effect.importance, effect.text.strip(), NewsCategory.event)]
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
    return [News(5, f"{world.states[ident].name} leaves the stage.", NewsCategory.world)]
