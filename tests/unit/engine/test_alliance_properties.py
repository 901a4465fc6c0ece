"""Property tests of the alliance bookkeeping: whatever the campaign, seed, player,
doctrine, event choices and orders, every alliance keeps the rules ``alliance_problems``
states, after every choice and every turn.

Two sources of games: the shipped and test campaigns (the tutorial among them) with random
seeds and orders biased towards alliance offers and breaks; and small random worlds whose
campaigns declare overlapping alliances and whose events form, join, break and remove at
random, the campaign effects' path. Games are short, so the examples stay fast.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from one_era import one_era_campaign

from game.campaign.effects import Doctrine
from game.campaign.loader import LoadedCampaign, load_campaign, parse_campaign
from game.engine.game import Game, new_game
from game.engine.orders import ChoiceOrder, Order
from game.engine.replay import resimulate
from game.engine.report import TurnReport
from game.engine.wording import change_text
from game.engine.world import alliance_problems, name_fits

ROOT = Path(__file__).resolve().parents[3]
PATHS = [
    ROOT / "campaigns" / "tutorial.yaml",
    ROOT / "tests" / "data" / "minimal_campaign.yaml",
    *sorted((ROOT / "tests" / "data" / "scenarios").glob("*.yaml")),
]
DOCTRINES = [None, *Doctrine]
FAST = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    # No shrinking: a failing game's message names what broke, and replaying whole games
    # while shrinking takes minutes.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)


@cache
def loaded(path: Path) -> LoadedCampaign:
    return load_campaign(path)


def keeps_the_books(game: Game, report: TurnReport | None = None) -> None:
    """The bookkeeping's rules hold, and every alliance change of the turn reads."""
    problems = alliance_problems(game.world)
    assert problems == [], (game.world.turn, problems, game.world.alliances)
    assert all(name_fits(game.world, a) for a in game.world.alliances.values())
    names = {s: r.name for s, r in game.world.states.items()}
    for change in report.alignment_changes if report else []:
        assert change_text(change, names)


def orders(data: st.DataObject, game: Game) -> list[Order]:
    """Up to three legal orders (as a full turn would allow), alliance orders likelier."""
    options = game.legal_orders()
    weighted = [o for o in options for _ in range(3 if o.action in ("ally", "break") else 1)]
    out = []
    for _ in range(data.draw(st.integers(0, 3), label="orders")):
        if not weighted:
            break
        option = data.draw(st.sampled_from(weighted))
        target = data.draw(st.sampled_from(option.targets)) if option.targets else None
        choice = data.draw(st.sampled_from(option.options)) if option.options else None
        out.append(Order(option.action, target, 1, choice))
    return out


def play(data: st.DataObject, game: Game, turns: int) -> None:
    """Play ``turns`` turns with drawn choices and orders, checking the books throughout."""
    keeps_the_books(game)
    for _ in range(turns):
        while game.pending and not game.over:
            pending = game.pending[0]
            pick = data.draw(st.integers(0, len(pending.choices) - 1), label="choice")
            game.choose(ChoiceOrder(pending.event, pick))
            keeps_the_books(game)
        if game.over:
            break
        keeps_the_books(game, game.end_turn(orders(data, game)))


@FAST
@given(data=st.data())
def test_campaign_games_keep_the_alliance_books(data):
    campaign = loaded(data.draw(st.sampled_from(PATHS), label="campaign"))
    player = data.draw(st.sampled_from(campaign.campaign.playable), label="player")
    doctrine = data.draw(st.sampled_from(DOCTRINES), label="doctrine")
    seed = data.draw(st.text("abcdefxyz0123456789", min_size=1, max_size=8), label="seed")
    game = new_game(campaign, seed, player, doctrine)
    play(data, game, data.draw(st.integers(1, 8), label="turns"))


IDS = ["KAR", "NOR", "OND", "TES", "VAL", "LIS"]


@st.composite
def worlds(draw) -> dict:
    """A small random campaign of near neighbours: alliances at the start that may overlap,
    share members or face one another, and turn-by-turn events that form, join and break
    alliances (with or without a purpose), remove states and make enemies."""
    n = draw(st.integers(3, 6))
    ids = IDS[:n]
    player = ids[0]
    states = [
        {
            "id": ident,
            "name": f"State {ident}",
            "region": "Test",
            "capital": {
                "name": f"{ident} city",
                "lat": draw(st.integers(0, 20)) * 1.0,
                "lon": draw(st.integers(0, 20)) * 1.0,
            },
            "power": {"kind": "share", "value": draw(st.integers(1, 16)) / 100},
            "military": draw(st.integers(1, 500)),
            "offense": draw(st.integers(0, 10)) / 10,
            "reach": draw(st.integers(100, 3000)),
            "personality": {
                "aggression": draw(st.integers(0, 10)) / 10,
                "caution": draw(st.integers(0, 10)) / 10,
            },
            **(
                {"doctrine": draw(st.sampled_from([d.value for d in Doctrine]))}
                if draw(st.booleans())
                else {}
            ),
        }
        for ident in ids
    ]
    members = st.lists(st.sampled_from(ids), min_size=2, max_size=4, unique=True)

    def purpose(chosen: list[str], pool: list[str]):
        outside = [s for s in pool if s not in chosen]
        return draw(st.sampled_from([None, *outside])) if outside else None

    alliances = []
    for number in range(draw(st.integers(0, 3))):
        chosen = draw(members)
        alliance = {"id": f"declared{number}", "name": f"Declared {number}", "members": chosen}
        against = purpose(chosen, ids)
        if against:
            alliance["against"] = against
        alliances.append(alliance)
    pool = [a["id"] for a in alliances] + ["league", "entente"]
    known = [a["id"] for a in alliances]  # what a break may name (declared, or formed)
    events = []
    for number in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["form", "form", "break", "leave", "remove", "hostile"]))
        if kind in ("break", "leave") and not known:
            kind = "form"
        if kind == "form":
            chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
            effect = {
                "kind": "form_alliance",
                "alliance": draw(st.sampled_from(pool)),
                "members": chosen,
            }
            known.append(effect["alliance"])
            # Any state, members included: a campaign may name its own member as the rival.
            against = draw(st.sampled_from([None, *ids]))
            if against:
                effect["against"] = against
            if draw(st.booleans()):
                effect["name"] = f"Treaty {number}"
        elif kind in ("break", "leave"):
            effect = {"kind": "break_alliance", "alliance": draw(st.sampled_from(known))}
            if kind == "leave":
                effect["state"] = draw(st.sampled_from(ids))
        elif kind == "remove":
            effect = {"kind": "remove_state", "state": draw(st.sampled_from(ids[1:]))}
        else:
            pair = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
            effect = {
                "kind": "hostile_act",
                "actor": pair[0],
                "target": pair[1],
                "severity": 0.8,
                "description": "a raid",
            }
        events.append(
            {
                "id": f"event{number}",
                "title": f"Event {number}",
                "text": "Something happens.",
                "trigger": {"kind": "scheduled", "turn": draw(st.integers(1, 4))},
                "effects": [effect],
            }
        )
    return one_era_campaign(
        "random_alliances",
        "Random alliances",
        player=player,
        states=states,
        alliances=alliances,
        events=events,
        years=5,
        action_points=4,
    )


@FAST
@given(world=worlds(), data=st.data())
def test_random_worlds_keep_the_alliance_books(world, data):
    campaign = parse_campaign(yaml.safe_dump(world, sort_keys=False).encode(), "<random>")
    doctrine = data.draw(st.sampled_from(DOCTRINES), label="doctrine")
    game = new_game(campaign, "books", world["default_player"], doctrine)
    play(data, game, 5)
    # A save of the game (names the game made and renamed included) loads to the same state.
    again = resimulate(game.replay, campaign)
    assert again.world.snapshot() == game.world.snapshot()
