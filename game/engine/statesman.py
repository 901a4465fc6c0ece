"""The statesman: a scripted player that plays as balance-of-threat theory advises.

- It balances: it allies with the partner that can bring the most help against its
  principal threat, among those that share it (those that would accept), and never with
  the principal threat itself, unless an objective asks for that alliance.
- It keeps its allies: it never breaks with one, and sends military aid to the one that
  can bring the most help where the threat is.
- It reassures the state, not its principal threat, that reads its record as the most
  hostile, those that count it as their own principal threat first.
- It provokes no one: a defensive posture, no threats, sanctions or wars.
- It works for the campaign's objectives: it answers events by what their effects do to its
  security, its alliances, its record and its objectives, counting the events a choice's
  flags bring on or prevent.

Like every scripted player it reads the game only through what a front end reads:
``game.threats()``, ``game.legal_orders()``, ``game.view``, ``game.campaign`` and
``game.era``.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from game.campaign import effects as fx
from game.campaign.expressions import Expression
from game.campaign.models import Event, Objective
from game.engine import constants as k
from game.engine.apply import bind_player
from game.engine.game import Game
from game.engine.order import Order
from game.engine.report import PendingChoice
from game.engine.scoring import objective_targets, objectives_for

REASSURE_ABOVE = 0.06
"""It reassures a state that reads its intentions above this (the baseline every state
carries is about 0.04): below it there is no record for reassurance to offset."""
OBJECTIVE_WORTH = 3.0
"""How much bringing an open objective within reach counts in an event's choice."""
EVENT_SHARE = 0.5
"""How much an event a choice brings on (or prevents) counts, against its own effects."""
RIVAL_SHARE = 0.85
"""A state posing at least this share of the principal threat's threat is a rival, not a
partner: allying with it would be bandwagoning by another name."""
STABILITY_WORTH = 20.0
"""How much its own stability counts, per unit (no order can mend it, and objectives ask
for it): a loss of 0.05 weighs like one arms build-up's worth of strength."""

Call = tuple[str, tuple[str, ...], bool]
"""A true-or-false call an effect settles: the function, its arguments, the value."""


def open_objectives(game: Game) -> list[Objective]:
    """The objectives that count for the player and can still be achieved."""
    view = game.view
    return [
        o
        for o in objectives_for(game.campaign, game.player)
        if o.id not in view.achieved and (o.deadline is None or view.year <= o.deadline)
    ]


def allies_wanted(game: Game) -> set[str]:
    """The states an open objective asks the player to be allied with."""
    wanted: set[str] = set()
    for objective in open_objectives(game):
        for use in objective.when.calls():
            args = [game.player if a == "player" else a for a in use.args]
            if use.function == "allied" and use.sign > 0 and game.player in args:
                wanted.update(a for a in args if a != game.player)
    return wanted


def principal_threat(game: Game, observer: str | None = None) -> str | None:
    """The rival posing the highest threat to ``observer`` (default: the player)."""
    return game.principal_threat(observer)


def _same(function: str, args: tuple[str, ...], other: tuple[str, ...]) -> bool:
    if function == "allied":  # allied(a, b) is allied(b, a)
        return sorted(args) == sorted(other)
    return args == other


def _pull(expression: Expression, call: Call, player: str) -> float:
    """+1 when ``call`` settling as it does can only help ``expression`` hold, -1 when it
    can only hurt, 0 when it does not appear (or pulls both ways)."""
    function, args, value = call
    total = 0
    for use in expression.calls():
        used = tuple(player if a == "player" else a for a in use.args)
        if use.function == function and _same(function, args, used):
            total += use.sign if value else -use.sign
    return float((total > 0) - (total < 0))


def _calls(game: Game, effect: fx.Effect) -> list[Call]:
    """The true-or-false calls ``effect`` settles."""
    match effect:
        case fx.FormAlliance():
            return [("allied", pair, True) for pair in combinations(sorted(effect.members), 2)]
        case fx.BreakAlliance():
            if effect.alliance is None:  # the state leaves every alliance it is in
                groups = [
                    a.members for a in game.view.alliances.values() if effect.state in a.members
                ]
            else:
                alliance = game.view.alliances.get(effect.alliance)
                groups = [alliance.members] if alliance else []
            pairs = {
                (min(a, b), max(a, b))
                for members in groups
                for a in ([effect.state] if effect.state else members)
                for b in members
                if a != b
            }
            return [("allied", pair, False) for pair in sorted(pairs)]
        case fx.RemoveState():
            return [("exists", (effect.state,), False)]
        case fx.AddState():
            return [("exists", (effect.state,), True)]
        case fx.SetDoctrine() if effect.state:
            return [("doctrine_is", (effect.state, effect.doctrine.value), True)]
        case fx.SetFlag():
            return [("flag", (effect.flag,), effect.value)]
    return []


def _now(game: Game, call: Call) -> bool | None:
    """Whether ``call`` holds now, when the view can tell (None: it cannot, e.g. flags)."""
    function, args, _ = call
    view = game.view
    if function == "allied":
        return view.allied(args[0], args[1])
    if function == "exists":
        return args[0] in view.states and view.states[args[0]].present
    if function == "doctrine_is":
        return args[0] in view.states and view.states[args[0]].doctrine == args[1]
    return None


def _settled(game: Game, effects: Sequence[fx.Effect]) -> list[Call]:
    """The calls a list of effects settles, each at its last value, left out when it is
    what holds already (breaking a league and founding it again changes no one's allies)."""
    last: dict[tuple[str, tuple[str, ...]], bool] = {}
    for effect in effects:
        for function, args, value in _calls(game, effect):
            key = (function, tuple(sorted(args)) if function == "allied" else args)
            last.pop(key, None)
            last[key] = value
    return [
        (function, args, value)
        for (function, args), value in last.items()
        if _now(game, (function, args, value)) != value
    ]


def _direction(game: Game, effect: fx.Adjust) -> int:
    """Whether ``effect`` raises (+1) or lowers (-1) its statistic, 0 when it cannot tell
    (a formula it does not evaluate)."""
    formula = effect.by if effect.by is not None else effect.to
    if formula is None:
        return 0
    try:
        value = float(formula.text)
    except ValueError:
        text = formula.text.strip()
        return -1 if effect.by is not None and text.startswith("-") else int(effect.by is not None)
    if effect.by is not None:
        return (value > 0) - (value < 0)
    current = float(getattr(game.view.states[effect.state], effect.stat.value))
    return (value > current) - (value < current)


def _amount(game: Game, effect: fx.Adjust) -> float:
    """The change ``effect`` makes when it is a plain number (0 for a formula)."""
    formula = effect.by if effect.by is not None else effect.to
    try:
        value = float(formula.text) if formula is not None else 0.0
    except ValueError:
        return 0.0
    if effect.by is not None:
        return value
    return value - float(getattr(game.view.states[effect.state], effect.stat.value))


def _adjust_worth(game: Game, effect: fx.Adjust, principal: str | None) -> float:
    player = game.player
    way = _direction(game, effect)
    stat = effect.stat
    if effect.state == player:
        if stat == fx.Stat.offense:
            return -1.0 * way  # forces built to attack frighten the neighbours
        if stat == fx.Stat.stability:
            return STABILITY_WORTH * _amount(game, effect)
        return 1.0 * way if stat in (fx.Stat.military, fx.Stat.power) else 0.0
    if effect.state == principal and stat in (fx.Stat.military, fx.Stat.power, fx.Stat.offense):
        return -1.0 * way
    if stat in (fx.Stat.stability, fx.Stat.power) and way < 0:
        return -0.5  # a neighbour left worse off remembers who looked away
    return 0.0


def _thresholds(game: Game, effects: Sequence[fx.Effect]) -> float:
    """How many open objectives' thresholds on a state's power, military or stability
    (``stability(player) >= 0.5``) the plain-number adjustments among ``effects`` bring
    within reach, less those they put out of it."""
    changed: dict[tuple[str, str], float] = {}
    for effect in effects:
        if isinstance(effect, fx.Adjust) and effect.state in game.view.states:
            key = (effect.state, effect.stat.value)
            now = changed.get(key, float(getattr(game.view.states[effect.state], key[1])))
            changed[key] = now + _amount(game, effect)
    total = 0.0
    for objective in open_objectives(game):
        for bound in objective.when.bounds():
            state = game.player if bound.args == ("player",) else bound.args[0]
            key = (state, bound.function)
            if len(bound.args) != 1 or key not in changed or not bound.sign:
                continue
            before = bound.holds(float(getattr(game.view.states[state], bound.function)))
            after = bound.holds(changed[key])
            total += bound.sign * ((after and not before) - (before and not after))
    return total


def rivals(game: Game) -> set[str]:
    """The principal threat and any state posing nearly as much (RIVAL_SHARE of it)."""
    lines = game.threats()
    return {t.rival for t in lines if t.threat >= RIVAL_SHARE * lines[0].threat}


def _effect_worth(game: Game, effect: fx.Effect, principal: str | None) -> float:
    """What one effect does for the player, before the objectives and events it touches."""
    player = game.player
    targets = {t for o in open_objectives(game) for t in objective_targets(o)}
    match effect:
        case fx.HostileAct() if effect.actor == player:
            if effect.target in targets:
                return 2.0  # the campaign's own task
            return -2.0 - 4.0 * effect.severity  # hostile intentions provoke balancing
        case fx.HostileAct() if effect.target == player:
            return -1.0 - 2.0 * effect.severity
        case fx.Reassure() if effect.actor == player:
            return 1.0
        case fx.Reassure() if effect.target == player:
            return 1.0 + effect.amount
        case fx.Adjust():
            return _adjust_worth(game, effect, principal)
        case fx.FormAlliance() if player in effect.members:
            # A partner against the threat; siding with a rival buys no safety.
            near = rivals(game)
            return sum(-1.0 if m in near else 2.0 for m in effect.members if m != player)
        case fx.BreakAlliance():
            calls = _calls(game, effect)
            return -2.0 if any(player in args for _, args, _ in calls) else 0.0
        case fx.EndGame():
            return {"victory": 10.0, "defeat": -10.0}.get(effect.outcome, 0.0)
    return 0.0


def _triggered(game: Game) -> list[Event]:
    """Events of this era and the later ones that a condition triggers, for the player."""
    return [
        e
        for era in game.campaign.eras[game.view.era_index :]
        for e in era.events
        if getattr(e.trigger, "when", None) is not None  # a condition, or a chance's
        if not e.players or game.player in e.players
    ]


def worth(game: Game, effects: Sequence[fx.Effect], depth: int = 1) -> float:
    """What ``effects`` do for the player: each effect's own worth, the open objectives
    they bring within reach (or put out of it), and, ``depth`` levels down, the worth of the
    events whose conditions they meet (or break)."""
    principal = principal_threat(game)
    listed = fx.expanded(list(effects), game.campaign.effect_groups)
    bound = [bind_player(raw, game.player) for raw in listed]
    total = sum(_effect_worth(game, effect, principal) for effect in bound)
    total += OBJECTIVE_WORTH * _thresholds(game, bound)
    for call in _settled(game, bound):
        for objective in open_objectives(game):
            total += OBJECTIVE_WORTH * _pull(objective.when, call, game.player)
        if depth <= 0:
            continue
        for event in _triggered(game):
            when = getattr(event.trigger, "when", None)
            pull = _pull(when, call, game.player) if when is not None else 0.0
            if pull:
                total += EVENT_SHARE * pull * event_worth(game, event, depth - 1)
    return total


def event_worth(game: Game, event: Event, depth: int = 0) -> float:
    """What an event would do for the player: its effects, and its best choice."""
    best = max((worth(game, c.effects, depth) for c in event.choices), default=0.0)
    return worth(game, event.effects, depth) + best


class Statesman:
    """Balances its principal threat, keeps and strengthens its allies, reassures the
    others, provokes no one and works for the campaign's objectives."""

    def choose(self, game: Game, pending: PendingChoice) -> int:
        event = next(e for e in game.era.events if e.id == pending.event)
        open_ = pending.open_options()
        values = [worth(game, event.choices[i].effects) for i in open_]
        return open_[values.index(max(values))]  # the first of equals

    def orders(self, game: Game) -> list[Order]:
        player, view = game.player, game.view
        options = game.menu()
        lines = game.threats()
        if not lines:
            return []
        principal = lines[0].rival
        # How near each state's forces can come: the help it could bring as an ally.
        near = {line.rival: line.proximity for line in lines}
        points = game.action_points
        out: list[Order] = []

        def afford(action: str) -> bool:
            return action in options and options[action].cost <= points

        # Forces that lean to attack frighten the neighbours; defence frightens no one.
        if afford("posture") and view.states[player].offense > k.POSTURE_DEFENSIVE:
            out.append(Order("posture", option="defensive"))
            points -= options["posture"].cost
        wanted = allies_wanted(game)
        if afford("ally"):
            others = rivals(game)
            partners = [s for s in options["ally"].targets if s not in others or s in wanted]
            if partners:
                best = max(
                    partners,
                    key=lambda s: (s in wanted, view.states[s].military * near.get(s, 0.0), s),
                )
                out.append(Order("ally", best))
                points -= options["ally"].cost
        if afford("reassure"):
            worried = []
            for state in options["reassure"].targets:
                if state == principal or view.states[state].kind != "state":
                    continue
                mine = game.threat_line(state, player)
                if mine is not None and mine.intentions > REASSURE_ABOVE:
                    first = principal_threat(game, state) == player
                    worried.append((first, mine.threat, state))
            if worried:
                out.append(Order("reassure", max(worried)[2]))
                points -= options["reassure"].cost
        allies = [a for a in view.allies_of(player) if a != principal and a in near]
        aid = options.get("aid")
        if allies and aid and afford("aid"):
            best = max(allies, key=lambda a: (view.states[a].military * near[a], a))
            amount = min(aid.max_amount, points // aid.cost)
            if best in aid.targets and amount > 0:
                out.append(Order("aid", best, amount, "military"))
                points -= aid.cost * amount
        elif not allies and afford("buildup"):
            out.append(Order("buildup"))  # alone: arm (internal balancing)
            points -= options["buildup"].cost
        return out
