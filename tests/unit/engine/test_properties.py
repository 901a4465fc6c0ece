"""Property tests: engine invariants on random small worlds played with random orders.

Each example is a random campaign (2-8 states with random statistics, capitals, borders,
alliances, perhaps an absent state, a non-state actor and a few events), loaded through
the real loader from YAML, and played for a few turns with a random mix of legal and
illegal orders.
"""

from __future__ import annotations

import json
import math
import random

import numpy as np
import yaml
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from one_era import one_era_campaign

from game.campaign.loader import parse_campaign
from game.engine.constants import QUANTUM
from game.engine.game import Game, new_game
from game.engine.orders import ACTIONS, ChoiceOrder, Order
from game.engine.replay import Replay, resimulate

# Identifiers YAML 1.1 would turn into booleans or numbers, on purpose.
IDS = ["NO", "ON", "012", "Y", "USA", "off", "S7", "X_1"]
STATS = ["power", "military", "offense", "reach", "stability", "ideology"]
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    # No shrinking: replaying whole games makes it take minutes. The assertion messages
    # say what broke, and the explicit examples below are the small cases.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)


def tiny_world(military=(0, 50, 50), events=(), alliances=()) -> dict:
    """A three-state campaign for explicit examples."""
    ids = ["NO", "ON", "012"]
    states = [
        {
            "id": ident,
            "name": f"State {ident}",
            "region": "Somewhere",
            "capital": {"name": f"Capital {ident}", "lat": float(i), "lon": 0.0},
            "power": {"kind": "share", "value": (0.1, 0.2, 0.3)[i]},
            "military": military[i],
        }
        for i, ident in enumerate(ids)
    ]
    return one_era_campaign(
        "tiny_world",
        "A tiny world",
        player="NO",
        states=states,
        alliances=alliances,
        events=events,
        years=3,
    )


# Observer NO (military 0) facing 012 (military 50) with no help: net = T * 50 / 50, which
# must not come out above T.
NO_HELP = tiny_world(military=(0, 50, 50))
# An alliance from the start.
ALLIED = tiny_world(alliances=[{"id": "pact", "name": "Pact", "members": ["ON", "012"]}])
# An event adjusts a statistic by an amount with more decimals than the world keeps.
FINE_ADJUST = tiny_world(
    events=[
        {
            "id": f"windfall{turn}",
            "title": "Windfall",
            "text": "A small windfall.",
            "trigger": {"kind": "scheduled", "turn": turn},
            "effects": [{"kind": "adjust", "state": "ON", "stat": "military", "by": 0.1234567}],
        }
        for turn in (1, 2)
    ]
)


def decimals(low: float, high: float, places: int = 3):
    """Numbers as a campaign author writes them (a few decimals)."""
    return st.integers(int(low * 10**places), int(high * 10**places)).map(lambda n: n / 10**places)


unit = decimals(0, 1)


@st.composite
def campaigns(draw) -> dict:
    """A random, valid campaign as a plain dict."""
    n = draw(st.integers(2, 8))
    ids = draw(st.permutations(IDS))[:n]
    # At most one non-state actor and one absent state, never the player.
    player = ids[0]
    non_state = ids[1] if n >= 3 and draw(st.booleans()) else None
    absent = ids[-1] if n >= 3 and ids[-1] != non_state and draw(st.booleans()) else None
    states = []
    for ident in ids:
        state = {
            "id": ident,
            "name": f"State {ident}",
            "region": "Somewhere",
            # Shares of one system: together at most 1.
            "power": {"kind": "share", "value": draw(decimals(0, math.floor(1000 / n) / 1000))},
            "military": draw(decimals(0, 1000, 1)),
            "offense": draw(unit),
            "reach": draw(decimals(0, 20000, 0)),
            "stability": draw(unit),
            "ideology": draw(decimals(-1, 1)),
            "personality": {"aggression": draw(unit), "caution": draw(unit)},
        }
        if ident == non_state:
            state["kind"] = "non_state"
        else:
            state["capital"] = {
                "name": f"Capital {ident}",
                "lat": draw(decimals(-60, 60, 2)),
                "lon": draw(decimals(-180, 180, 2)),
            }
        if ident == absent:
            state["present"] = False
        if draw(st.booleans()):
            state["doctrine"] = draw(
                st.sampled_from(["balance_of_threat", "balance_of_power", "bandwagon"])
            )
        states.append(state)
    by_id = {s["id"]: s for s in states}
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            kind = draw(st.sampled_from([None, None, "land", "sea"]))
            if kind:
                by_id[a].setdefault("borders", []).append({"state": b, "type": kind})
    present = [s for s in ids if s != absent]
    signers = [s for s in present if s != non_state]  # a non-state actor signs no alliance
    alliances = []
    for number in range(draw(st.integers(0, 2)) if len(signers) >= 2 else 0):
        members = draw(st.lists(st.sampled_from(signers), min_size=2, max_size=4, unique=True))
        if len(members) >= 2:
            alliance = {"id": f"pact{number}", "name": f"Pact {number}", "members": members}
            outside = [s for s in ids if s not in members]
            if outside and draw(st.booleans()):
                alliance["against"] = draw(st.sampled_from(outside))
            alliances.append(alliance)
    turns = draw(st.integers(2, 5))
    events = []
    for number in range(draw(st.integers(0, 4))):
        events.append(
            {
                "id": f"event{number}",
                "title": f"Event {number}",
                "text": "Something happens.",
                "trigger": {"kind": "scheduled", "turn": draw(st.integers(1, turns))},
                "effects": [draw(effects(ids, player, absent, alliances, non_state))],
                **({"choices": [{"label": "Yes"}, {"label": "No"}]} if draw(st.booleans()) else {}),
            }
        )
    return one_era_campaign(
        "random_world",
        "A random world",
        player=player,
        states=states,
        alliances=alliances,
        events=events,
        years=turns,
        # Zero weights are allowed, but not all four (the loader refuses that).
        era={
            "weights": {
                "power": draw(decimals(0, 3, 1)),
                "proximity": draw(decimals(0, 3, 1)),
                "offense": draw(decimals(0, 3, 1)),
                "intentions": draw(decimals(0.1, 3, 1)),
            }
        },
        action_points=draw(st.integers(1, 5)),
    )


def effects(ids, player, absent, alliances, non_state=None):
    """One random campaign effect on the given states (a non-state actor signs no pact)."""
    others = [s for s in ids if s != player]
    signers = [s for s in ids if s != non_state]
    pairs = st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True)
    return st.one_of(
        pairs.map(
            lambda p: {
                "kind": "hostile_act",
                "actor": p[0],
                "target": p[1],
                "severity": 0.7,
                "description": "a raid",
            }
        ),
        pairs.map(
            lambda p: {"kind": "reassure", "actor": p[0], "target": p[1], "description": "a visit"}
        ),
        st.tuples(st.sampled_from(ids), st.sampled_from(STATS), decimals(-0.5, 0.5, 7)).map(
            lambda t: {"kind": "adjust", "state": t[0], "stat": t[1], "by": t[2]}
        ),
        st.sampled_from(others).map(lambda s: {"kind": "remove_state", "state": s}),
        st.just(
            {"kind": "add_state", "state": absent}
            if absent
            else {"kind": "set_flag", "flag": "nothing"}
        ),
        st.lists(st.sampled_from(signers), min_size=1, max_size=3, unique=True).map(
            lambda m: {"kind": "form_alliance", "alliance": "formed", "members": m}
        ),
        (
            st.sampled_from([a["id"] for a in alliances]).map(
                lambda a: {"kind": "break_alliance", "alliance": a}
            )
            if alliances
            else st.just({"kind": "narrative", "text": "Nothing to break."})
        ),
    )


def random_orders(game: Game, rng: random.Random) -> list[Order]:
    """A mix of legal orders and orders that may well be refused."""
    orders = []
    options = game.legal_orders()
    ids = [*sorted(game.world.states), "ZZ", None]
    for _ in range(rng.randint(0, 4)):
        if options and rng.random() < 0.6:
            option = rng.choice(options)
            target = rng.choice(option.targets) if option.targets else None
            choice = rng.choice(option.options) if option.options else None
            amount = rng.randint(1, option.max_amount)
            orders.append(Order(option.action, target, amount, choice))
        else:
            action = rng.choice([*ACTIONS, "annex"])
            option = rng.choice([None, "economic", "military", "defensive", "offensive"])
            orders.append(Order(action, rng.choice(ids), rng.randint(0, 4), option))
    return orders


def play(game: Game, rng: random.Random, check=None) -> None:
    """Play to the end with random orders and choices; ``check(game)`` after each step."""
    if check:
        check(game)
    while not game.over:
        while game.pending:
            pending = game.pending[0]
            game.choose(ChoiceOrder(pending.event, rng.randrange(len(pending.choices))))
            if check:
                check(game)
        game.end_turn(random_orders(game, rng))
        if check:
            check(game)


def start(data: dict) -> Game:
    loaded = parse_campaign(yaml.safe_dump(data, sort_keys=False).encode(), "<random>")
    return new_game(loaded, "property", data["default_player"])


# -- threat ----------------------------------------------------------------------------


def check_threats(game: Game) -> None:
    m = game.matrix
    for name in ("power", "proximity", "offense", "intentions", "threat", "net"):
        values = getattr(m, name)
        assert np.all(np.isfinite(values)), name
        assert np.all((values >= 0.0) & (values <= 1.0)), (name, values)
    assert np.all(np.diag(m.threat) == 0.0)
    for observer in m.ids:
        for line in game.threats(observer):
            assert 0.0 <= line.threat <= 1.0
            assert 0.0 <= line.net <= line.threat, (
                f"net {line.net!r} exceeds threat {line.threat!r} "
                f"(by {line.net - line.threat:.3g}) for {observer} facing {line.rival}"
            )
        principal = m.principal(observer)
        if len(m.ids) > 1:
            assert principal in m.ids and principal != observer


@SETTINGS
@given(campaigns(), st.randoms(use_true_random=False))
@example(NO_HELP, random.Random(0))
def test_threat_values_stay_in_unit_interval_and_net_never_exceeds_threat(data, rng):
    play(start(data), rng, check_threats)


# -- alliances -------------------------------------------------------------------------


def check_alliances(game: Game) -> None:
    world = game.world
    ids = sorted(world.states)
    for alliance in world.alliances.values():
        assert len(alliance.members) >= 2, alliance
        assert alliance.members == sorted(set(alliance.members)), alliance
        assert all(world.states[m].present for m in alliance.members), alliance
    for a in ids:
        assert a not in world.allies_of(a)
        for b in ids:
            if a != b:
                assert world.allied(a, b) == world.allied(b, a)
                assert (b in world.allies_of(a)) == world.allied(a, b)
    for guarantor, target in world.guarantees:
        assert guarantor != target


@SETTINGS
@given(campaigns(), st.randoms(use_true_random=False))
@example(ALLIED, random.Random(0))
def test_alliances_are_symmetric_sorted_and_have_two_members(data, rng):
    play(start(data), rng, check_alliances)


def check_not_allied_with_self(game: Game) -> None:
    for state in sorted(game.world.states):
        assert not game.world.allied(state, state), (
            f"world.allied({state!r}, {state!r}) is true; alliances: "
            f"{[a.members for a in game.world.alliances.values()]}"
        )


@SETTINGS
@given(campaigns(), st.randoms(use_true_random=False))
@example(ALLIED, random.Random(0))
def test_no_state_is_allied_with_itself(data, rng):
    play(start(data), rng, check_not_allied_with_self)


# -- replays ---------------------------------------------------------------------------


@SETTINGS
@given(campaigns(), st.randoms(use_true_random=False), st.integers(0, 3))
@example(FINE_ADJUST, random.Random(0), 0)
def test_a_replay_re_simulates_to_the_same_state(data, rng, stop_early):
    game = start(data)
    turns = 0
    while not game.over and turns < 6 - stop_early:
        while game.pending:
            pending = game.pending[0]
            game.choose(ChoiceOrder(pending.event, rng.randrange(len(pending.choices))))
        game.end_turn(random_orders(game, rng))
        turns += 1
    expected = game.world.state_hash()
    assert resimulate(game.replay, game.loaded).world.state_hash() == expected
    text = game.replay.to_json()
    again = resimulate(Replay.from_dict(json.loads(text)), game.loaded)
    assert again.world.state_hash() == expected
    assert again.world.snapshot() == game.world.snapshot()
    assert again.replay.to_json() == text


# -- quantization ----------------------------------------------------------------------


def unquantized(value, path="world") -> list[tuple[str, float]]:
    """Every float in ``value`` with more than QUANTUM decimals, with where it sits."""
    if isinstance(value, float):
        ok = math.isfinite(value) and round(value, QUANTUM) == value
        return [] if ok else [(path, value)]
    if isinstance(value, dict):
        return [bad for k, v in value.items() for bad in unquantized(v, f"{path}.{k}")]
    if isinstance(value, list | tuple):
        return [bad for i, v in enumerate(value) for bad in unquantized(v, f"{path}[{i}]")]
    return []


def check_quantized(game: Game) -> None:
    bad = unquantized(game.world.snapshot())
    assert not bad, f"turn {game.world.turn}: unquantized values {bad[:5]}"


@SETTINGS
@given(campaigns(), st.randoms(use_true_random=False))
@example(FINE_ADJUST, random.Random(0))
def test_the_world_is_quantized_between_turns(data, rng):
    game = start(data)
    check_quantized(game)
    while not game.over:
        while game.pending:
            pending = game.pending[0]
            game.choose(ChoiceOrder(pending.event, rng.randrange(len(pending.choices))))
        game.end_turn(random_orders(game, rng))
        check_quantized(game)


# -- determinism within a process ------------------------------------------------------


@settings(SETTINGS, max_examples=25)
@given(campaigns(), st.integers(0, 2**32 - 1))
def test_the_same_world_seed_and_orders_give_the_same_game(data, seed):
    first, second = start(data), start(data)
    rng_a, rng_b = random.Random(seed), random.Random(seed)
    play(first, rng_a)
    play(second, rng_b)
    assert first.world.state_hash() == second.world.state_hash()
    assert first.history == second.history
