"""The game: one campaign, one seed, one player; the surface every front end drives.

``new_game`` starts it; ``choose`` takes the player's event choices, ``end_turn`` each turn's
orders;
``threats``, ``explain``, ``legal_orders``, ``score`` and ``replay`` read it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from game.campaign.effects import Doctrine, Effect
from game.campaign.expressions import Expression
from game.campaign.loader import LoadedCampaign
from game.campaign.models import Era, Event
from game.campaign.walk import all_expressions
from game.engine import ai, alignment, apply, events, orders, scoring
from game.engine.constants import INTENT_DECAY_PER_YEAR, MEMORY_CUTOFF
from game.engine.evaluate import WorldContext
from game.engine.explain import Explanation, explain
from game.engine.geography import Geography
from game.engine.orders import ACTIONS, ChoiceOrder, Order
from game.engine.reading import Context
from game.engine.record import Replay, TurnLog
from game.engine.report import (
    AlignmentChange,
    ChangeKind,
    ChoiceOption,
    EventAnswer,
    News,
    NewsCategory,
    ObjectiveState,
    ObjectiveStatus,
    PendingChoice,
    Problem,
    ProblemKind,
    Refusal,
    ScoreCard,
    ThreatLine,
    TurnRecord,
    TurnReport,
)
from game.engine.rules import Entry, Rules
from game.engine.threat import FACTORS, ThreatMatrix, assess, realign
from game.engine.views import WorldView, alliance_views, snapshot
from game.engine.wording import change_text, refusal_text
from game.engine.world import World, build_world, total_turns, year_of_turn, years_per_turn


class EngineError(ValueError):
    """A submission the game cannot take at all (not a refused order: that is reported)."""


@dataclass(frozen=True)
class OrderOption:
    """An action the player may order now, with its cost and the states it may target."""

    action: str
    help: str
    cost: int
    targets: list[str]
    options: list[str]
    max_amount: int


class OrderMenu:
    """What :meth:`Game.legal_orders` lists, read one action at a time and each at most
    once (``"ally" in menu``, ``menu["ally"]``, ``menu.get("ally")``): a policy that weighs
    a few actions does not pay for the targets of all of them."""

    def __init__(self, game: Game) -> None:
        self._game = game
        self._read: dict[str, OrderOption | None] = {}

    def get(self, action: str) -> OrderOption | None:
        """The action's entry, or None when :meth:`Game.legal_orders` leaves it out."""
        if action not in self._read:
            self._read[action] = self._game.order_option(action)
        return self._read[action]

    def __contains__(self, action: object) -> bool:
        return isinstance(action, str) and self.get(action) is not None

    def __getitem__(self, action: str) -> OrderOption:
        found = self.get(action)
        if found is None:
            raise KeyError(action)
        return found


class Game:
    """A game in progress. Build it with :func:`new_game`."""

    def __init__(
        self,
        loaded: LoadedCampaign,
        seed: str,
        player: str,
        doctrine: Doctrine | str | None = None,
        entry: Entry | None = None,
    ) -> None:
        campaign = loaded.campaign
        if player not in campaign.playable:
            raise EngineError(
                f"'{player}' is not a playable state of '{campaign.id}' "
                f"(playable: {', '.join(campaign.playable)})"
            )
        self.loaded = loaded
        self.campaign = campaign
        self.seed = seed
        self.player = player
        self.doctrine = Doctrine(doctrine) if doctrine else None
        self.entry = entry
        """The competition entry this game is, or None for an ordinary game."""
        self.rules = entry.rules if entry is not None else Rules()
        """The competition's rules (the defaults change nothing)."""
        self.rng = random.Random(f"entente|{seed}")
        self.geo = Geography(campaign)
        self.world: World = build_world(campaign, self.doctrine)
        self.world.states[player].doctrine = campaign.doctrine.value  # the player has none
        self.years = years_per_turn(campaign)
        self._reads_score = any("score" in e.variables() for _, e in all_expressions(campaign))
        """Whether any condition reads ``score``: then an evaluation context reads it as the
        context is made, so a condition after an objective achieved in the same pass still
        sees the score as the pass began (reading a score card costs a turn dearly, so a
        campaign that never asks is spared it)."""
        self.campaign_turns = total_turns(campaign)
        limit = self.rules.turn_limit
        self.turns = self.campaign_turns if limit is None else min(limit, self.campaign_turns)
        """The turns this game lasts: the campaign's, or fewer under a competition's limit."""
        self.log: list[TurnLog] = [TurnLog(1)]
        self.pending: list[PendingChoice] = []
        self.spent = 0
        """Action points this turn's options have cost (taken from its orders)."""
        self.history: list[TurnRecord] = []
        """Every resolved turn as it closed, in order."""
        self.reports: list[TurnReport] = []
        """Every turn's report, in order (a loaded save re-creates them)."""
        self.answers: list[EventAnswer] = []
        """The player's answers to events, in order (a loaded save re-creates them)."""
        self.queued: list[Order] = []
        """Orders the player has queued for this turn but not yet submitted: kept in saves
        as a draft (never simulated: the front end checks them again when a save loads)."""
        self._closing_matrix: ThreatMatrix | None = None
        self._view: WorldView | None = None
        self._matrix: ThreatMatrix | None = None
        self._lines: tuple[ThreatMatrix | None, dict[str, list[ThreatLine]]] = (None, {})
        """Each observer's threat lines in the matrix they were read from: the scripted
        policies read them dozens of times a turn."""
        self._context: Context | None = None
        """The alignment AI's reading of the world, for as long as its matrix stands: the
        legal targets, the checks of orders and the orders themselves read the same one.
        Every change to the world outside a turn's resolution drops the matrix (see
        :meth:`_close_phase`), and the resolution assesses a new one after the orders."""
        self.opening: list[News] = self._begin_era() + self._briefing()
        self._close_phase()
        scoring.open_score(self.world, self.matrix, player)  # security's baseline

    # -- reading the game ----------------------------------------------------------------
    @property
    def matrix(self) -> ThreatMatrix:
        """The threat matrix of the world as it stands (assessed when first read after the
        world changed at a phase boundary)."""
        if self._matrix is None:
            self._matrix = self._assess()
        return self._matrix

    @matrix.setter
    def matrix(self, value: ThreatMatrix) -> None:
        self._matrix = value

    @property
    def view(self) -> WorldView:
        """The world now, as a read-only snapshot (taken again after each choice or turn)."""
        if self._view is None:
            self._view = snapshot(self.world)
        return self._view

    @property
    def era(self) -> Era:
        """The current era."""
        return self.campaign.eras[self.world.era_index]

    @property
    def over(self) -> bool:
        """True once the campaign has ended."""
        return self.world.ended is not None

    @property
    def score(self) -> ScoreCard:
        """The score so far."""
        return scoring.score_card(self.campaign, self.world, self.player, self.rules.scoring)

    @property
    def action_points(self) -> int:
        """Action points the player has for this turn's orders: the campaign's, less what
        this turn's options have cost."""
        return max(0, self.campaign.action_points - self.spent)

    def objectives(self) -> list[ObjectiveState]:
        """The player's objectives so far, each pending, achieved or failed."""
        return events.objective_states(self.campaign, self.world, self.player, self.rules.scoring)

    def threats(self, observer: str | None = None) -> list[ThreatLine]:
        """Rivals of ``observer`` (default: the player), most threatening first."""
        matrix, observer = self.matrix, observer or self.player
        if self._lines[0] is not matrix:
            self._lines = (matrix, {})
        lines = self._lines[1].get(observer)
        if lines is None:
            lines = self._lines[1][observer] = _threat_lines(matrix, observer)
        return list(lines)

    def threat_line(self, observer: str, rival: str) -> ThreatLine | None:
        """The threat ``rival`` poses to ``observer`` now, with its factors (None when
        either is not in the world, or they are the same state)."""
        m = self.matrix
        i, j = m.index.get(observer), m.index.get(rival)
        if i is None or j is None or i == j:
            return None
        figures = (float(getattr(m, name)[i, j]) for name in ("threat", "net", *FACTORS))
        return ThreatLine(rival, *figures)

    def principal_threat(self, observer: str | None = None) -> str | None:
        """The rival posing the greatest threat to ``observer`` (default: the player) now;
        ties go to the lower id, as in :meth:`threats`."""
        return self.matrix.principal(observer or self.player)

    def closing_threats(self, observer: str | None = None) -> list[ThreatLine]:
        """As :meth:`threats`, but as the last resolved turn closed (before the next
        turn's era change and events); empty before the first turn."""
        if self._closing_matrix is None:
            return []
        return _threat_lines(self._closing_matrix, observer or self.player)

    def states_at_close(self) -> list[str]:
        """The ids of the states in the world as the last resolved turn closed."""
        return list(self._closing_matrix.ids) if self._closing_matrix is not None else []

    def explain(self, observer: str, rival: str) -> Explanation:
        """Why ``rival`` threatens ``observer`` as it does, factor by factor."""
        for ident in (observer, rival):
            if ident not in self.matrix.index:
                raise EngineError(f"'{ident}' is not a state in the world now")
        if observer == rival:
            raise EngineError("a state poses no threat to itself")
        return explain(self.matrix, self.world, self.geo, observer, rival, self.years)

    def holds(self, condition: Expression) -> bool:
        """Whether a campaign condition holds in the world as it stands: what a trigger
        reads at the start of this turn (``entente check`` asks it of events whose era is
        over, to tell an author the era ended first)."""
        return bool(condition.evaluate(self._evaluator()))

    def legal_orders(self) -> list[OrderOption]:
        """Every action with the targets it may take now (a target is listed when some
        order on it would be legal with a full turn's action points)."""
        return [option for name in ACTIONS if (option := self.order_option(name)) is not None]

    def menu(self) -> OrderMenu:
        """The legal orders of this moment, read lazily (see :class:`OrderMenu`); ask for
        a new menu after the world or the action points change."""
        return OrderMenu(self)

    def order_option(self, action: str) -> OrderOption | None:
        """The entry :meth:`legal_orders` lists for ``action``, or None when it leaves the
        action out (not allowed, unknown, or no legal target): a policy that weighs only
        a few actions asks of those alone."""
        found = ACTIONS.get(action)
        if found is None or not self._allowed(action):
            return None
        ctx = self._alignment_context(brief=True)  # which targets, not why the others not
        option = found.options[0] if found.options else None
        targets = orders.legal_targets(ctx, Order(action, None, 1, option), self.action_points)
        if found.needs_target and not targets:
            return None
        return OrderOption(
            action, found.help, found.base_cost, targets, list(found.options), found.max_amount
        )

    def unavailable_orders(self) -> dict[str, Problem]:
        """The actions :meth:`legal_orders` leaves out, each with why, in the actions'
        order: a menu shows them disabled rather than letting its entries shift."""
        legal = {o.action for o in self.legal_orders()}
        ctx = self._alignment_context()
        out: dict[str, Problem] = {}
        for action in ACTIONS.values():
            if action.name in legal:
                continue
            if not self._allowed(action.name):
                out[action.name] = self._check(ctx, Order(action.name), self.action_points) or (
                    Problem(ProblemKind.not_allowed, action.name)
                )
                continue
            # For an alliance, the answer of the state likeliest to say yes: the one that
            # threatens the player least, i.e. the last on the board.
            problem = None
            option = action.options[0] if action.options else None
            for line in reversed(self.threats()):
                found = orders.check(ctx, Order(action.name, line.rival, 1, option), 99)
                if found is not None and found.kind == ProblemKind.refuses:
                    problem = found
                    break
            out[action.name] = Problem(
                ProblemKind.no_target,
                action.name,
                problem.target if problem else None,
                consent=problem.consent if problem else None,
            )
        return out

    def check_order(self, order: Order, points_left: int | None = None) -> Problem | None:
        """Why ``order`` would be refused now with ``points_left`` action points (default:
        a full turn's), as data (``problem_text`` words it), or None if the engine would
        carry it out."""
        left = self.action_points if points_left is None else points_left
        return self._check(self._alignment_context(), order, left)

    def _allowed(self, action: str) -> bool:
        allowed = self.rules.allowed_orders
        return allowed is None or action in allowed

    def _check(self, ctx: Context, order: Order, points_left: int) -> Problem | None:
        """The engine's check of an order, after the competition's list of allowed orders."""
        if order.action in ACTIONS and not self._allowed(order.action):
            allowed = self.rules.allowed_orders or ()
            return Problem(ProblemKind.not_allowed, order.action, order.target, tuple(allowed))
        return orders.check(ctx, order, points_left)

    # -- playing -----------------------------------------------------------------------
    def choose(self, choice: ChoiceOrder) -> list[News]:
        """Answer the first event that awaits the player's choice; returns its news."""
        if self.over:
            raise EngineError("the game is over")
        try:
            return self._choose(choice)
        finally:
            self._view = None  # the world changed: the next view is a new snapshot

    def end_turn(self, orders: Sequence[Order] = ()) -> TurnReport:
        """Resolve the turn with the player's orders; returns the turn's report."""
        if self.over:
            raise EngineError("the game is over")
        if self.pending:
            raise EngineError(f"the event '{self.pending[0].event}' awaits your choice first")
        try:
            report = self._resolve(list(orders))
        finally:
            self._view = None  # the world changed: the next view is a new snapshot
        self.queued.clear()  # the draft was submitted (cleared in place: front ends hold it)
        return report

    def _choose(self, choice: ChoiceOrder) -> list[News]:
        if not self.pending:
            raise EngineError("no event awaits a choice")
        waiting = self.pending[0]
        if choice.event != waiting.event:
            raise EngineError(
                f"the event awaiting a choice is '{waiting.event}', not '{choice.event}'"
            )
        if not 0 <= choice.choice < len(waiting.choices):
            raise EngineError(f"choose 1 to {len(waiting.choices)} for '{waiting.event}'")
        closed = waiting.choices[choice.choice]
        if not closed.open:
            raise EngineError(
                f"option {choice.choice + 1} of '{waiting.event}' is closed: "
                f"{closed.closed_because}"
            )
        self.pending.pop(0)
        self.log[-1].choices.append(choice)
        event = next(e for e in self.era.events if e.id == choice.event)
        picked = event.choices[choice.choice]
        news = [News(3, f'{event.title}: you chose "{picked.label}".', NewsCategory.event)]
        self.spent += picked.cost
        news += self._apply(picked.effects)
        # Its follow-ups fire now; those with options come next, before anything else waits.
        before = len(self.pending)
        news += self._follow(event.id, choice.choice)
        self.pending[:] = self.pending[before:] + self.pending[:before]
        self._reopen_pending()  # the world and the points left have changed
        self.answers.append(EventAnswer(self.world.turn, self.world.year, news))
        self._close_phase()
        if self.over:
            self.pending.clear()  # the campaign ended: nothing else awaits a choice
        return news

    def _resolve(self, batch: list[Order]) -> TurnReport:
        world = self.world
        self.log[-1].orders = batch
        ordered = {t.rival: t.threat for t in self.threats()}
        news: list[News] = []
        changes: list[AlignmentChange] = []
        refusals: list[Refusal] = []
        points = self.action_points
        if batch:  # the orders read the world as the turn opened
            ctx = self._alignment_context()
            for order in batch:
                problem = self._check(ctx, order, points)
                if problem:
                    refusal = Refusal(order, problem)
                    refusals.append(refusal)
                    text = f"Refused: {refusal_text(refusal, ctx.names)}."
                    news.append(News(3, text, NewsCategory.refusal))
                    continue
                action = ACTIONS[order.action]
                points -= action.cost(order)
                if order.action == "intervene" and scoring.sanctioned(
                    self.campaign, world, self.player, order.target or ""
                ):
                    world.sanctioned += 1  # an open objective asks for it: not a war of choice
                outcome = action.apply(ctx, order)
                news += outcome.news
                changes += outcome.changes
        news += ai.act(world, self.matrix, self.player, self.rng, self.years)
        self.matrix = self._assess()
        ctx = self._alignment_context()
        decided = alignment.align_turn(ctx)
        changes += decided
        names = ctx.names
        news += [
            News(
                4 if c.change != ChangeKind.left else 3,
                change_text(c, names),
                NewsCategory.alliance,
            )
            for c in decided
        ]
        # The alignment pass changed alliances only: the rest of the matrix stands.
        self.matrix = realign(self.matrix, world) if decided else self.matrix
        scoring.record_turn(world, self.matrix, self.player)
        evaluator = self._evaluator()
        for objective in events.check_objectives(self.campaign, evaluator):
            worth = scoring.objective_points(
                self.campaign, self.player, objective, self.rules.scoring
            )  # what it adds to the score, not the campaign's raw points
            news.append(
                News(
                    4,
                    f"Objective achieved: {objective.text.strip()} ({worth:+d}).",
                    NewsCategory.objective,
                )
            )
        # The turn as it closed, before the next one's era change and events reshape it.
        closing_threats = self.threats()
        self.history.append(
            TurnRecord(
                turn=world.turn,
                year=world.year,
                threats={t.rival: t.threat for t in closing_threats},
                allies=tuple(world.allies_of(self.player)),
                security=world.security[-1],
                alliances=alliance_views(world),
                ordered=ordered,
                present=tuple(world.ids()),
            )
        )
        resolved_turn, resolved_year, era_id = world.turn, world.year, self.era.id
        self._closing_matrix = self.matrix
        open_before = {o.id for o in self.objectives() if o.status == ObjectiveStatus.pending}
        news += self._advance()
        objectives = self.objectives()
        for lost in objectives:
            if lost.id in open_before and lost.status == ObjectiveStatus.failed and lost.worth > 0:
                news.append(
                    News(
                        4,
                        f"Objective failed: {lost.text} (its {lost.worth} points are lost).",
                        NewsCategory.objective,
                    )
                )
        report = TurnReport(
            turn=resolved_turn,
            year=resolved_year,
            era=era_id,
            news=sorted(news, key=lambda n: -n.importance),
            alignment_changes=changes,
            refusals=refusals,
            threats=closing_threats,
            score=self.score,
            pending=list(self.pending),
            game_over=self.over,
            ended=world.ended,
            objectives=objectives,
        )
        self.reports.append(report)
        return report

    def _advance(self) -> list[News]:
        """Age memories, close the turn and open the next (era change, briefing events)."""
        world = self.world
        fade = INTENT_DECAY_PER_YEAR**self.years
        for record in world.states.values():
            record.aid_from = {d: v * fade for d, v in sorted(record.aid_from.items())}
        world.acts = [
            a
            for a in world.acts
            if a.severity * INTENT_DECAY_PER_YEAR ** ((world.turn + 1 - a.turn) * self.years)
            >= MEMORY_CUTOFF
        ]
        world.quantize()
        if world.ended is not None:
            return []
        if world.turn >= self.turns:
            world.ended = (
                f"The campaign ends in {world.year}."
                if self.turns == self.campaign_turns
                else f"The competition ends in {world.year}, after {self.turns} turns."
            )
            world.outcome = "draw"
            return [News(5, world.ended, NewsCategory.era)]
        world.turn += 1
        world.year = year_of_turn(self.campaign, world.turn)
        self.log.append(TurnLog(world.turn))
        self.spent = 0  # a new turn: its options have cost nothing yet
        news: list[News] = []
        if world.year > self.era.end:
            world.era_index += 1
            news += self._begin_era()
        news += self._briefing()
        self._close_phase()
        return news

    def _close_phase(self) -> None:
        """The turn boundary: quantize the world, then assess it, so every later decision
        reads the same rounded state a replay reproduces."""
        self.world.quantize()
        self._matrix = None  # assessed when next read

    def _begin_era(self) -> list[News]:
        era = self.era
        news = [
            News(5, f"A new era begins: {era.title} ({era.start}-{era.end}).", NewsCategory.era)
        ]
        news += self._apply(era.changes)
        self._matrix = None  # assessed when next read
        return news

    def _briefing(self) -> list[News]:
        """Fire this turn's events; those with choices wait for the player."""
        news: list[News] = []
        for event in events.due_events(self.campaign, self._evaluator(), self.rng):
            news += self._fire(event)
        if self.over:
            self.pending.clear()
        return news

    def _fire(self, event: Event) -> list[News]:
        """Fire one event: its words, its effects, then its options wait for the player;
        an event without options is resolved at once, so its follow-ups fire now too."""
        self.world.fired[event.id] = self.world.fired.get(event.id, 0) + 1
        # The words that fit the world as the event fires (its variants, else its own).
        variant = apply.chosen_variant(event.variants, self._evaluator())
        title = (variant.title if variant and variant.title else event.title).strip()
        text = (variant.text if variant else event.text).strip()
        news = [News(4, f"{title}: {text}", NewsCategory.event)]
        news += self._apply(event.effects)
        if event.choices:
            self.pending.append(PendingChoice(event.id, title, text, self._options(event)))
        else:
            news += self._follow(event.id, None)
        return news

    def _options(self, event: Event) -> tuple[ChoiceOption, ...]:
        """An event's options as the player is asked them now: each open or closed (its
        condition, or too few action points left for its cost)."""
        evaluator = self._evaluator()
        found = []
        for c in event.choices:
            reason = ""
            if c.when is not None and not c.when.evaluate(evaluator):
                reason = (c.unavailable or "its condition does not hold now").strip()
            elif c.cost > self.action_points:
                reason = f"it takes {c.cost} action points and {self.action_points} are left"
            found.append(
                ChoiceOption(
                    c.label,
                    (c.text or "").strip(),
                    (c.hint or "").strip(),
                    c.cost,
                    not reason,
                    reason,
                )
            )
        return tuple(found)

    def _reopen_pending(self) -> None:
        """Ask the waiting events' options anew (after a choice changed the world)."""
        events_by_id = {e.id: e for e in self.era.events}
        self.pending[:] = [
            replace(p, choices=self._options(events_by_id[p.event])) for p in self.pending
        ]

    def _follow(self, event: str, choice: int | None) -> list[News]:
        """Fire the follow-ups of ``event``, just resolved (``choice``: the option taken),
        reading the world as it left it. The loader refuses circles, and each event fires
        at most once unless repeatable, so a chain ends."""
        if self.over or not events.has_followers(self.era, event):
            return []  # most events have none: the world need not be assessed again
        self._matrix = None  # the event changed the world: its follow-ups read it anew
        news: list[News] = []
        for follower in events.followers(self.campaign, self._evaluator(), event, choice):
            news += self._fire(follower)
        return news

    def _apply(self, effects: Sequence[Effect]) -> list[News]:
        news: list[News] = []
        evaluator = self._evaluator()
        for effect in effects:
            news += apply.apply_effect(effect, evaluator, self.player)
        return news

    # -- plumbing ----------------------------------------------------------------------
    def _assess(self) -> ThreatMatrix:
        return assess(self.world, self.geo, self.era.weights, self.years)

    def _evaluator(self) -> WorldContext:
        total = float(self.score.total) if self._reads_score else 0.0
        return WorldContext(
            self.campaign, self.world, lambda: self.matrix, self.player, lambda: total
        )

    def _alignment_context(self, brief: bool = False) -> Context:
        matrix = self.matrix
        if self._context is None or self._context.matrix is not matrix:
            self._context = Context(self.world, self.geo, matrix, self.player, self.years)
        self._context.brief = brief  # each reader says what it needs
        return self._context

    @property
    def replay(self) -> Replay:
        """The replay (which is also the save) of the game so far: every turn with a
        submission, and the hash of the state they lead to."""
        c = self.campaign
        turns = [
            TurnLog(t.turn, list(t.choices), None if t.orders is None else list(t.orders))
            for t in self.log
            if t.choices or t.orders is not None
        ]
        return Replay(
            c.id,
            c.version,
            self.loaded.fingerprint,
            self.seed,
            self.player,
            self.doctrine.value if self.doctrine else None,
            turns,
            self.world.state_hash(),
            entry=self.entry,
            queued=list(self.queued),
        )


def _threat_lines(m: ThreatMatrix, observer: str) -> list[ThreatLine]:
    """``observer``'s rivals in matrix ``m``, most threatening first, with the factors."""
    i = m.index.get(observer)
    if i is None:
        return []
    # One row of each table as Python floats, then the lines in the order of m.ranked.
    threat, net, *factors = (getattr(m, name)[i].tolist() for name in ("threat", "net", *FACTORS))
    ranked = sorted((j for j in range(len(m.ids)) if j != i), key=lambda j: (-threat[j], m.ids[j]))
    return [ThreatLine(m.ids[j], threat[j], net[j], *(f[j] for f in factors)) for j in ranked]


def new_game(
    loaded: LoadedCampaign,
    seed: str = "entente",
    player: str | None = None,
    doctrine: Doctrine | str | None = None,
    entry: Entry | None = None,
) -> Game:
    """Start a game of ``loaded`` as ``player`` (default: the campaign's default player).

    ``doctrine`` switches every computer-run state to one doctrine (the theory switch);
    ``entry`` makes it a competition game, played under the entry's rules.
    """
    return Game(loaded, str(seed), player or loaded.campaign.default_player, doctrine, entry)
