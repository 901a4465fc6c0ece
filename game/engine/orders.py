"""The player's orders: what each action costs, when it is legal, and what it does.

Every refusal says why. Inspecting and explaining are free and are not orders: they are
``Game.threats`` and ``Game.explain``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.engine import constants as k
from game.engine.alignment import consent, grounds_of, join, leave
from game.engine.order import ChoiceOrder as ChoiceOrder
from game.engine.order import Order as Order
from game.engine.reading import Context
from game.engine.report import (
    AlignmentChange,
    ChangeKind,
    Motive,
    News,
    NewsCategory,
    Problem,
    ProblemKind,
)
from game.engine.wording import change_text, consent_text, figure, possessive, with_article
from game.engine.world import Act

AID_KINDS = ("economic", "military")
POSTURES = ("defensive", "offensive")
_BUILDUP_PERCENT = f"{k.BUILDUP_RATE * 100:g}%"
"""The build-up's growth as its help and its news quote it ("8%")."""


@dataclass
class Outcome:
    """What carrying out an order produced."""

    news: list[News]
    changes: list[AlignmentChange]


Legality = Callable[[Context, Order], Problem | None]
Apply = Callable[[Context, Order], Outcome]


@dataclass(frozen=True)
class Action:
    """A player action: its name, cost, help text, legality rule and effect."""

    name: str
    help: str
    needs_target: bool
    options: tuple[str, ...]
    max_amount: int
    base_cost: int
    legal: Legality
    apply: Apply
    hostile: bool = False
    """A hostile act against its target (a front end asks before one against an ally)."""

    def cost(self, order: Order) -> int:
        """Action points the order costs."""
        return self.base_cost * (order.amount if self.max_amount > 1 else 1)


def _state(ctx: Context, order: Order) -> Problem | None:
    """Common checks on the target; the problem when it is not a fit target."""
    target = order.target
    if target is None:
        return _problem(ProblemKind.needs_target, order)
    if target not in ctx.world.states:
        return _problem(ProblemKind.no_such_state, order)
    if not ctx.world.states[target].present:
        return _problem(ProblemKind.not_present, order)
    if target == ctx.player:
        return _problem(ProblemKind.targets_self, order)
    return None


def _problem(kind: ProblemKind, order: Order, **more: Any) -> Problem:
    return Problem(kind, order.action, order.target, **more)


def _ally_legal(ctx: Context, order: Order) -> Problem | None:
    if ctx.allied(ctx.player, order.target or ""):
        return _problem(ProblemKind.already_allied, order)
    if ctx.world.states[order.target or ""].kind != "state":
        return _problem(ProblemKind.non_state_ally, order)
    answer = consent(ctx, order.target or "", ctx.player)
    return None if answer.accepted else _problem(ProblemKind.refuses, order, consent=answer)


def _ally(ctx: Context, order: Order) -> Outcome:
    target = order.target or ""
    answer = consent(ctx, target, ctx.player)
    # The pact stands against the target's principal threat; when that is one of the two
    # (a state that sides with its threat, or one that sees no rival), it has no purpose
    # yet and the next alignment pass infers one: an alliance never stands against one of
    # its own members.
    against = ctx.matrix.principal(target)
    if against in (ctx.player, target):
        against = None
    changes = join(
        ctx,
        ctx.player,
        target,
        ChangeKind.joined,
        against,
        Motive.player_choice,
        grounds_of(ctx, ctx.player, against),
        answer,
    )
    news = [News(4, f"You and {ctx.name(target)} sign an alliance.", NewsCategory.alliance)]
    return Outcome(news + _books_news(ctx, changes), changes)


def _books_news(ctx: Context, changes: list[AlignmentChange]) -> list[News]:
    """The news of what an alliance order made others do to keep the alliance books (a
    state leaving its pact against its new ally, two alliances of the same members becoming
    one): the order's own line does not say it."""
    kept = (Motive.clashing_pact, Motive.merged)
    return [
        News(3, change_text(c, ctx.names), NewsCategory.alliance)
        for c in changes
        if c.motive in kept
    ]


def _break_legal(ctx: Context, order: Order) -> Problem | None:
    if not ctx.allied(ctx.player, order.target or ""):
        return _problem(ProblemKind.not_allied, order)
    return None


def _break(ctx: Context, order: Order) -> Outcome:
    target = order.target or ""
    changes: list[AlignmentChange] = []
    for alliance in ctx.world.alliances_of(ctx.player):
        # (one may have been folded into another by an earlier leave: skip what is gone)
        if target in alliance.members and ctx.world.alliances.get(alliance.id) is alliance:
            changes += leave(ctx, ctx.player, alliance, Motive.player_choice)
    # Abandoning an ally that still faces a serious threat costs credibility.
    worst = max((t for _, t in ctx.matrix.ranked(target)), default=0.0)
    if worst >= k.ABANDON_THREAT:
        ctx.world.abandoned += 1
    news = [News(4, f"You break with {ctx.name(target)}.", NewsCategory.alliance)]
    return Outcome(news + _books_news(ctx, changes), changes)


def _guarantee_legal(ctx: Context, order: Order) -> Problem | None:
    if (ctx.player, order.target) in ctx.world.guarantees:
        return _problem(ProblemKind.already_guaranteed, order)
    return None


def _guarantee(ctx: Context, order: Order) -> Outcome:
    ctx.world.guarantees.append((ctx.player, order.target or ""))
    ctx.world.guarantees.sort()
    return Outcome(
        [
            News(
                3,
                f"You guarantee {possessive(ctx.name(order.target or ''))} independence: "
                "your strength now counts against its threats.",
                NewsCategory.action,
            )
        ],
        [],
    )


def _aid(ctx: Context, order: Order) -> Outcome:
    other = ctx.world.states[order.target or ""]
    if order.option == "military":
        other.military *= 1 + k.AID_MILITARY_GAIN * order.amount
    else:
        other.stability = min(1.0, other.stability + k.AID_STABILITY_GAIN * order.amount)
        other.power *= 1 + k.AID_POWER_GAIN * order.amount
    other.aid_from[ctx.player] = other.aid_from.get(ctx.player, 0.0) + k.AID_RECEIVED * order.amount
    return Outcome(
        [
            News(
                2,
                f"You send {order.option} aid ({order.amount}) to {other.name}.",
                NewsCategory.action,
            )
        ],
        [],
    )


def _buildup(ctx: Context, order: Order) -> Outcome:
    me = ctx.world.states[ctx.player]
    me.military *= 1 + k.BUILDUP_RATE
    # The security dilemma: every neighbour reads an arms build-up as a (mild) signal.
    for other in ctx.matrix.ids:
        if (
            other != ctx.player
            and ctx.matrix.factor("proximity", other, ctx.player) >= k.NEIGHBOUR_PROXIMITY
        ):
            ctx.world.acts.append(
                Act(
                    ctx.player,
                    other,
                    k.BUILDUP_SEVERITY,
                    ctx.world.turn,
                    f"{possessive(me.name)} arms build-up",
                )
            )
    return Outcome(
        [
            News(
                2,
                f"You build up your armed forces (military +{_BUILDUP_PERCENT}).",
                NewsCategory.action,
            )
        ],
        [],
    )


def _posture(ctx: Context, order: Order) -> Outcome:
    me = ctx.world.states[ctx.player]
    me.offense = k.POSTURE_DEFENSIVE if order.option == "defensive" else k.POSTURE_OFFENSIVE
    return Outcome(
        [
            News(
                2,
                f"Your forces adopt {with_article(str(order.option))} posture "
                f"(offensive orientation {me.offense:.1f}).",
                NewsCategory.action,
            )
        ],
        [],
    )


def _hostile(
    severity: float,
    verb: str,
    noun: str,
    extra: Callable[[Context, Order], list[str]] | None = None,
) -> Apply:
    """An order that is a hostile act (``verb`` in the player's news, ``noun`` in the act
    the target remembers), and what else it does to the target (``extra``: the changes, as
    phrases the news shows)."""

    def apply(ctx: Context, order: Order) -> Outcome:
        target = order.target or ""
        ctx.world.acts.append(
            Act(
                ctx.player,
                target,
                severity,
                ctx.world.turn,
                f"{possessive(ctx.name(ctx.player))} {noun}",
            )
        )
        results = extra(ctx, order) if extra else []
        done = f": {possessive(ctx.name(target))} {', '.join(results)}" if results else ""
        return Outcome(
            [
                News(
                    3,
                    f"You {verb} {ctx.name(target)} (a hostile act, severity {severity:.2f})"
                    f"{done}.",
                    NewsCategory.action,
                )
            ],
            [],
        )

    return apply


def _change(what: str, before: float, after: float) -> str:
    """A change the news shows: ``military 380 -> 366``."""
    return f"{what} {figure(before)} -> {figure(after)}"


def _sanctions_bite(ctx: Context, order: Order) -> list[str]:
    other = ctx.world.states[order.target or ""]
    power, stability = other.power, other.stability
    other.power *= 1 - k.SANCTION_POWER_LOSS
    other.stability = max(0.0, other.stability - k.SANCTION_STABILITY_LOSS)
    return [
        _change("share of power", power, other.power),
        _change("stability", stability, other.stability),
    ]


def _intervention_bites(ctx: Context, order: Order) -> list[str]:
    other = ctx.world.states[order.target or ""]
    military, stability = other.military, other.stability
    other.military *= 1 - k.INTERVENE_MILITARY_LOSS
    other.stability = max(0.0, other.stability - k.INTERVENE_STABILITY_LOSS)
    ctx.world.wars += 1
    return [
        _change("military", military, other.military),
        _change("stability", stability, other.stability),
    ]


def _reassure(ctx: Context, order: Order) -> Outcome:
    target = order.target or ""
    ctx.world.acts.append(
        Act(
            ctx.player,
            target,
            k.REASSURE_STRENGTH,
            ctx.world.turn,
            f"{possessive(ctx.name(ctx.player))} assurances",
            reassurance=True,
        )
    )
    return Outcome([News(2, f"You reassure {ctx.name(target)}.", NewsCategory.action)], [])


def _intel(ctx: Context, order: Order) -> Outcome:
    target = order.target or ""
    principal = ctx.matrix.principal(target)
    you = ctx.matrix.get(target, ctx.player)
    answer = consent(ctx, target, ctx.player)
    seen = "you" if principal == ctx.player else ctx.name(principal) if principal else "no one"
    reply = consent_text(answer, ctx.names, ctx.player)  # the player reads it: "you"
    text = (
        f"Intelligence on {ctx.name(target)}: its principal threat is {seen}; it rates "
        f"the threat from you at {you:.2f}; an alliance offer from you would be "
        f"{'accepted' if answer.accepted else 'refused'} ({reply})."
    )
    return Outcome([News(3, text, NewsCategory.intel)], [])


def _none(ctx: Context, order: Order) -> Problem | None:
    return None


ACTIONS: dict[str, Action] = {
    a.name: a
    for a in (
        Action(
            "ally",
            "propose an alliance; it must share your principal threat",
            True,
            (),
            1,
            k.ALLY_COST,
            _ally_legal,
            _ally,
        ),
        Action(
            "break",
            "leave every alliance you share with a state",
            True,
            (),
            1,
            k.BREAK_COST,
            _break_legal,
            _break,
        ),
        Action(
            "guarantee",
            "guarantee a state: your strength counts against its threats",
            True,
            (),
            1,
            k.GUARANTEE_COST,
            _guarantee_legal,
            _guarantee,
        ),
        Action(
            "aid",
            f"economic (stability, power) or military aid, amount 1-{k.AID_MAX_AMOUNT}",
            True,
            AID_KINDS,
            k.AID_MAX_AMOUNT,
            k.AID_COST,
            _none,
            _aid,
        ),
        Action(
            "buildup",
            f"arms build-up: military +{_BUILDUP_PERCENT}; neighbours take note",
            False,
            (),
            1,
            k.BUILDUP_COST,
            _none,
            _buildup,
        ),
        Action(
            "posture",
            "set your forces' posture: defensive or offensive",
            False,
            POSTURES,
            1,
            k.POSTURE_COST,
            _none,
            _posture,
        ),
        Action(
            "reassure",
            "reassure a state: lowers how hostile your record looks",
            True,
            (),
            1,
            k.REASSURE_COST,
            _none,
            _reassure,
        ),
        Action(
            "threaten",
            f"threaten a state (hostile act {k.THREATEN_SEVERITY:g})",
            True,
            (),
            1,
            k.THREATEN_COST,
            _none,
            _hostile(k.THREATEN_SEVERITY, "threaten", "threats"),
            hostile=True,
        ),
        Action(
            "sanction",
            f"sanctions: its power and stability fall (hostile act {k.SANCTION_SEVERITY:g})",
            True,
            (),
            1,
            k.SANCTION_COST,
            _none,
            _hostile(k.SANCTION_SEVERITY, "sanction", "sanctions", _sanctions_bite),
            hostile=True,
        ),
        Action(
            "intervene",
            "armed intervention: its military falls; counts as a war started "
            f"(hostile act {k.INTERVENE_SEVERITY:g})",
            True,
            (),
            1,
            k.INTERVENE_COST,
            _none,
            _hostile(
                k.INTERVENE_SEVERITY, "intervene against", "armed intervention", _intervention_bites
            ),
            hostile=True,
        ),
        Action(
            "intel",
            "gather intelligence: its principal threat and whether it would ally",
            True,
            (),
            1,
            k.INTEL_COST,
            _none,
            _intel,
        ),
    )
}


def check(ctx: Context, order: Order, points_left: int) -> Problem | None:
    """Why ``order`` cannot be carried out now (as data), or None when it can."""
    action = ACTIONS.get(order.action)
    if action is None:
        return _problem(ProblemKind.unknown_action, order, choices=tuple(ACTIONS))
    problem = _form(action, order)
    if problem:
        return problem
    if action.needs_target:
        problem = _state(ctx, order)
        if problem:
            return problem
    elif order.target is not None:
        return _problem(ProblemKind.takes_no_target, order)
    return _cost(action, order, points_left) or action.legal(ctx, order)


def legal_targets(ctx: Context, order: Order, points_left: int) -> list[str]:
    """The states ``order`` (its target aside) may be aimed at now, in the matrix's order:
    those :func:`check` passes. The order's form and cost do not depend on its target, so
    they are read once (a menu asks this of every action and every state each turn)."""
    action = ACTIONS.get(order.action)
    if action is None or not action.needs_target:
        return []
    if _form(action, order) or _cost(action, order, points_left):
        return []
    out = []
    for target in ctx.matrix.ids:
        aimed = Order(order.action, target, order.amount, order.option)
        if _state(ctx, aimed) is None and action.legal(ctx, aimed) is None:
            out.append(target)
    return out


def _form(action: Action, order: Order) -> Problem | None:
    """What is wrong with the order's option and amount, if anything."""
    if action.options and order.option not in action.options:
        return _problem(ProblemKind.needs_option, order, choices=tuple(action.options))
    if not action.options and order.option is not None:
        return _problem(ProblemKind.takes_no_option, order)
    if not 1 <= order.amount <= action.max_amount:
        if action.max_amount > 1:
            return _problem(ProblemKind.bad_amount, order, needed=action.max_amount)
        return _problem(ProblemKind.takes_no_amount, order)
    return None


def _cost(action: Action, order: Order, points_left: int) -> Problem | None:
    """The problem when the order costs more action points than are left."""
    needed = action.cost(order)
    if needed > points_left:
        return _problem(ProblemKind.not_enough_points, order, needed=needed, left=points_left)
    return None
