"""The alliance bookkeeping: the rules every alliance keeps (``alliance_problems``), each bug
players found reproduced, and the fix.

- a pact the game named follows its members (never "Karvath-Norhaven pact" once Norhaven
  has left); an author's name ("The Strait League") is kept as written;
- no two alliances have exactly the same members (they are folded into one);
- no alliance stands against one of its members ("KAR ON vs KAR");
- no state is in an alliance against one of its allies (in a pact with KAR and in
  "Strait League vs KAR" at once).

The worlds are small and built here (far apart and at peace, so that only the moves a test
makes happen), or the tutorial campaign. Assertions read the data (kinds, motives, ids),
never the words, except in the wording tests at the end.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import yaml
from one_era import one_era_campaign

from game.campaign.effects import BreakAlliance, FormAlliance
from game.campaign.loader import load_campaign, parse_campaign
from game.engine.alignment import assign_purposes, clashes, join, leave
from game.engine.apply import apply_effect
from game.engine.evaluate import WorldContext
from game.engine.game import Game, new_game
from game.engine.orders import ACTIONS, ChoiceOrder, Order
from game.engine.reading import Context
from game.engine.replay import resimulate
from game.engine.report import AlignmentChange, ChangeKind, Grounds, Motive
from game.engine.wording import change_text
from game.engine.world import (
    AllianceProblemKind,
    AllianceRecord,
    alliance_problems,
    name_fits,
    pact_name,
    rename,
)

ROOT = Path(__file__).resolve().parents[3]
TUTORIAL = ROOT / "campaigns" / "tutorial.yaml"
NAMES = {
    "KAR": "Karvath",
    "NOR": "Norhaven",
    "OND": "Ondria",
    "TES": "Tessaly",
    "VAL": "Valmora",
    "LIS": "Lissandra",
}


def campaign(alliances: list[dict] = (), events: list[dict] = (), player: str = "VAL") -> dict:
    """Six states far apart, weak and peaceful (no one is alarmed, so the alignment AI
    stays still), with ``alliances`` at the start and turn-1 ``events``."""
    states = [
        {
            "id": ident,
            "name": name,
            "region": "Test",
            "capital": {"name": f"{name} city", "lat": 0.0, "lon": -150.0 + 60.0 * i},
            "power": {"kind": "share", "value": 0.1},
            "military": 10,
            "offense": 0.1,
            "reach": 100,
            "personality": {"aggression": 0.0, "caution": 0.5},
        }
        for i, (ident, name) in enumerate(NAMES.items())
    ]
    return one_era_campaign(
        "bookkeeping",
        "Bookkeeping",
        player=player,
        states=states,
        alliances=alliances,
        events=events,
    )


def game_of(data: dict) -> Game:
    """A new game of ``data``, loaded through the real loader (its checks included)."""
    loaded = parse_campaign(yaml.safe_dump(data, sort_keys=False).encode(), "<test>")
    return new_game(loaded, "books", data["default_player"])


def event(*effects: dict) -> dict:
    """An event on turn 1 (it fires as the game opens) with ``effects``."""
    return {
        "id": f"event{len(effects)}",
        "title": "Diplomacy",
        "text": "Treaties are signed.",
        "trigger": {"kind": "scheduled", "turn": 1},
        "effects": list(effects),
    }


def context(game: Game) -> Context:
    return Context(game.world, game.geo, game.matrix, game.player, game.years)


def balance(ctx: Context, state: str, partner: str, against: str | None) -> list[AlignmentChange]:
    """``state`` allies with ``partner`` against ``against``, as the alignment AI does."""
    return join(ctx, state, partner, ChangeKind.joined, against, Motive.balancing, Grounds())


def effect(game: Game, model, data: dict) -> list:
    """Apply one campaign effect to the game's world now; its news."""
    evaluator = WorldContext(game.campaign, game.world, lambda: game.matrix, game.player)
    return apply_effect(model.model_validate(data), evaluator, game.player)


def members_of(game: Game) -> dict[str, list[str]]:
    return {key: list(a.members) for key, a in sorted(game.world.alliances.items())}


def kinds(game: Game) -> list[AllianceProblemKind]:
    return [p.kind for p in alliance_problems(game.world)]


# -- the rules themselves -----------------------------------------------------------------


def test_a_world_that_breaks_each_rule_is_told_so():
    game = game_of(campaign())
    world = game.world
    world.alliances = {
        "lone": AllianceRecord("lone", "Lone", ["KAR"], "defense", 0),
        "twice": AllianceRecord("twice", "Twice", ["OND", "OND", "TES"], "defense", 0),
        "gone": AllianceRecord("gone", "Gone", ["KAR", "ZZZ"], "defense", 0),
        "leader": AllianceRecord("leader", "L", ["KAR", "NOR"], "defense", 0, leader="VAL"),
        "stale": AllianceRecord(
            "stale", "Karvath-Lissandra pact", ["KAR", "NOR"], "defense", 0, generated=True
        ),
        "twin": AllianceRecord("twin", "Twin", ["KAR", "NOR"], "defense", 0),
        "self": AllianceRecord("self", "Self", ["LIS", "VAL"], "defense", 0, against="VAL"),
        "vs_ally": AllianceRecord("vs_ally", "Versus", ["LIS", "TES"], "defense", 0, "NOR"),
        "friends": AllianceRecord("friends", "Friends", ["NOR", "TES"], "defense", 0),
    }
    found = {(p.kind, p.alliance, p.state, p.other) for p in alliance_problems(world)}
    assert found == {
        (AllianceProblemKind.too_few_members, "lone", None, None),
        (AllianceProblemKind.member_twice, "twice", "OND", None),
        (AllianceProblemKind.absent_member, "gone", "ZZZ", None),
        (AllianceProblemKind.leader_outside, "leader", "VAL", None),
        (AllianceProblemKind.stale_name, "stale", None, None),
        (AllianceProblemKind.same_members, "twin", None, "leader"),
        (AllianceProblemKind.same_members, "stale", None, "leader"),
        (AllianceProblemKind.against_member, "self", "VAL", None),
        # Tessaly stands against Norhaven, its ally in "friends".
        (AllianceProblemKind.against_ally, "vs_ally", "TES", "friends"),
    }


def test_a_new_game_keeps_every_rule():
    for path in [TUTORIAL, ROOT / "tests" / "data" / "minimal_campaign.yaml"]:
        loaded = load_campaign(path)
        assert alliance_problems(new_game(loaded, "x", loaded.campaign.default_player).world) == []


# -- names follow members ------------------------------------------------------------------


def test_pact_names_read_as_their_members():
    assert pact_name(["Karvath", "Ondria"]) == "Karvath-Ondria pact"
    assert pact_name(["Karvath", "Ondria", "Tessaly"]) == "Karvath-Ondria-Tessaly pact"
    assert pact_name(["Karvath", "Ondria", "Tessaly", "Valmora"]) == (
        "Karvath-Ondria pact (4 members)"
    )


def test_a_pact_drops_the_name_of_a_member_that_left():
    """The bug: "Karvath-Norhaven pact" kept Norhaven's name after Norhaven left."""
    game = game_of(campaign())
    ctx = context(game)
    formed = balance(ctx, "KAR", "NOR", "LIS")
    pact = game.world.alliances[formed[-1].alliance]
    assert pact.name == "Karvath-Norhaven pact" and pact.generated
    joined = balance(ctx, "OND", "NOR", "LIS")
    assert joined[-1].change == ChangeKind.joined and joined[-1].alliance == pact.id
    assert pact.name == "Karvath-Norhaven-Ondria pact"
    assert joined[-1].alliance_name == pact.name  # the join names the pact as it now is
    left = leave(ctx, "NOR", pact, Motive.threat_receded)
    assert left[0].alliance_name == "Karvath-Norhaven-Ondria pact"  # the pact it left
    assert pact.name == "Karvath-Ondria pact"
    assert alliance_problems(game.world) == []


def test_a_large_pact_is_named_after_two_members_and_its_size():
    game = game_of(campaign())
    ctx = context(game)
    changes = balance(ctx, "KAR", "TES", "LIS")
    for state in ("OND", "NOR"):
        changes += balance(ctx, state, "TES", "LIS")
    pact = game.world.alliances[changes[0].alliance]
    assert pact.members == ["KAR", "NOR", "OND", "TES"]
    assert pact.name == "Karvath-Norhaven pact (4 members)"
    assert name_fits(game.world, pact)


def test_a_pact_of_two_keeps_the_name_it_was_signed_under():
    """The state that sought the alliance is named first, and that name is kept (a replay
    of a game where no member changed reads exactly as before)."""
    game = game_of(campaign())
    ctx = context(game)
    formed = balance(ctx, "TES", "KAR", "LIS")
    pact = game.world.alliances[formed[-1].alliance]
    assert pact.name == "Tessaly-Karvath pact"
    assert name_fits(game.world, pact) and rename(game.world) == []


def test_a_bandwagon_pact_is_named_leader_first():
    game = game_of(campaign())
    ctx = context(game)
    join(ctx, "OND", "TES", ChangeKind.bandwagoned, "TES", Motive.bandwagoning, Grounds())
    out = join(ctx, "KAR", "TES", ChangeKind.bandwagoned, "TES", Motive.bandwagoning, Grounds())
    pact = game.world.alliances[out[-1].alliance]
    assert pact.leader == "TES" and pact.name == "Tessaly-Karvath-Ondria pact"


def test_an_authors_name_is_kept_as_written():
    league = {"id": "league", "name": "The Strait League", "members": ["VAL", "TES", "NOR"]}
    game = game_of(campaign([league]))
    ctx = context(game)
    leave(ctx, "NOR", game.world.alliances["league"], Motive.threat_receded)
    assert game.world.alliances["league"].name == "The Strait League"
    assert not game.world.alliances["league"].generated
    formed = {"kind": "form_alliance", "alliance": "entente", "members": ["KAR", "OND"]}
    opened = game_of(campaign(events=[event(formed)]))
    # An effect that gives no name is named by its id, and that is the author's word too.
    assert opened.world.alliances["entente"].name == "entente"
    assert not opened.world.alliances["entente"].generated


def test_whether_a_name_was_made_stays_out_of_the_state_hash():
    """Replays recorded before the field existed still verify when no name changed."""
    game = game_of(campaign())
    balance(context(game), "KAR", "NOR", "LIS")
    snapshot = game.world.snapshot()
    assert all("generated" not in a for a in snapshot["alliances"].values())
    before = game.world.state_hash()
    for alliance in game.world.alliances.values():
        alliance.generated = not alliance.generated
    assert game.world.state_hash() == before


def test_a_save_of_a_game_with_renamed_pacts_loads_again():
    loaded = load_campaign(TUTORIAL)
    game = new_game(loaded, "s2", "VAL")
    for _ in range(6):
        while game.pending:
            game.choose(ChoiceOrder(game.pending[0].event, 0))
        targets = {o.action: o.targets for o in game.legal_orders()}
        game.end_turn([Order("ally", targets["ally"][0])] if "ally" in targets else [])
    grown = [a for a in game.world.alliances.values() if a.generated and len(a.members) > 2]
    assert grown, "the game was meant to rename a pact the AI made (one that grew)"
    again = resimulate(game.replay, loaded)
    assert again.world.state_hash() == game.world.state_hash()
    assert [a.name for a in again.world.alliances.values()] == [
        a.name for a in game.world.alliances.values()
    ]


# -- no two alliances of the same members ------------------------------------------------


def test_a_pact_left_with_the_members_of_another_is_folded_into_it():
    """The bug: two pacts of exactly the same members at once. The one whose members
    changed is folded into the other, which keeps its name and takes its purpose."""
    alliances = [
        {"id": "a_pact", "name": "The Old Pact", "members": ["VAL", "TES"]},
        {"id": "league", "name": "The Strait League", "members": ["VAL", "TES", "NOR"]},
    ]
    game = game_of(campaign(alliances))
    game.world.alliances["league"].against = "KAR"
    ctx = context(game)
    out = leave(ctx, "NOR", game.world.alliances["league"], Motive.threat_receded)
    assert [(c.change, c.state, c.alliance, c.motive) for c in out] == [
        (ChangeKind.left, "NOR", "league", Motive.threat_receded),
        (ChangeKind.dissolved, "TES", "league", Motive.merged),
    ]
    assert members_of(game) == {"a_pact": ["TES", "VAL"]}
    assert game.world.alliances["a_pact"].against == "KAR"
    assert alliance_problems(game.world) == []


def test_an_authors_alliance_outlasts_a_twin_the_game_made():
    """The survivor is the author's alliance, then the older: an effect that forms "The
    Iron Pact" of two states already in a pact the AI made keeps "The Iron Pact"."""
    game = game_of(campaign())
    ctx = context(game)
    made = balance(ctx, "KAR", "OND", "LIS")[-1].alliance
    iron = {"kind": "form_alliance", "alliance": "iron", "name": "The Iron Pact"}
    news = effect(game, FormAlliance, {**iron, "members": ["KAR", "OND"]})
    assert members_of(game) == {"iron": ["KAR", "OND"]}
    assert made not in game.world.alliances
    assert game.world.alliances["iron"].against == "LIS"  # it takes the folded one's purpose
    assert any("Karvath-Ondria pact dissolved" in n.text for n in news)


def test_an_effect_never_makes_a_second_alliance_of_the_same_members():
    alliances = [{"id": "league", "name": "The Strait League", "members": ["VAL", "TES"]}]
    formed = {"kind": "form_alliance", "alliance": "copy", "members": ["TES", "VAL"]}
    game = game_of(campaign(alliances, [event(formed)]))
    assert members_of(game) == {"league": ["TES", "VAL"]}
    assert alliance_problems(game.world) == []


def test_a_campaign_that_declares_twins_starts_with_one():
    alliances = [
        {"id": "one", "name": "One", "members": ["VAL", "TES"]},
        {"id": "two", "name": "Two", "members": ["TES", "VAL"], "against": "KAR"},
    ]
    game = game_of(campaign(alliances))
    assert members_of(game) == {"one": ["TES", "VAL"]}
    assert game.world.alliances["one"].against == "KAR"


def test_the_players_break_reports_a_merge():
    alliances = [
        {"id": "a_pact", "name": "The Old Pact", "members": ["TES", "NOR"]},
        {"id": "league", "name": "The Strait League", "members": ["VAL", "TES", "NOR"]},
    ]
    game = game_of(campaign(alliances))
    report = game.end_turn([Order("break", "TES")])
    merged = [c for c in report.alignment_changes if c.motive == Motive.merged]
    assert [(c.alliance, c.change) for c in merged] == [("league", ChangeKind.dissolved)]
    assert any("The Strait League dissolved" in n.text for n in report.news)
    assert members_of(game) == {"a_pact": ["NOR", "TES"]}


# -- no alliance against its own member --------------------------------------------------


def test_the_players_pact_never_stands_against_the_player():
    """The bug: "KAR ON vs KAR". Karvath's offer to Ondria, whose principal threat is
    Karvath itself, made a pact against Karvath."""
    loaded = load_campaign(TUTORIAL)
    game = new_game(loaded, "s0", "KAR")
    assert game.matrix.principal("ON") == "KAR"
    assert game.check_order(Order("ally", "ON")) is None
    report = game.end_turn([Order("ally", "ON")])
    formed = [c for c in report.alignment_changes if c.motive == Motive.player_choice]
    assert formed and formed[0].partner == "ON"
    pact = game.world.alliances[formed[0].alliance]
    assert {"KAR", "ON"} <= set(pact.members) and pact.against not in pact.members
    assert alliance_problems(game.world) == []


def test_an_effect_never_sets_an_alliance_against_its_member():
    alliances = [{"id": "league", "name": "The Strait League", "members": ["VAL", "TES"]}]
    against_member = {
        "kind": "form_alliance",
        "alliance": "entente",
        "name": "The Entente",
        "members": ["KAR", "OND"],
        "against": "KAR",
    }
    join_faced = {"kind": "form_alliance", "alliance": "league", "members": ["KAR"]}
    game = game_of(campaign(alliances, [event(against_member)]))
    assert game.world.alliances["entente"].against is None
    game.world.alliances["league"].against = "KAR"
    effect(game, FormAlliance, join_faced)
    league = game.world.alliances["league"]
    assert league.members == ["KAR", "TES", "VAL"] and league.against is None
    assert alliance_problems(game.world) == []


def test_a_purpose_is_never_one_of_the_members_allies():
    alliances = [
        {"id": "league", "name": "The Strait League", "members": ["VAL", "TES"]},
        {"id": "pact", "name": "The Pact", "members": ["TES", "KAR"]},
    ]
    game = game_of(campaign(alliances))
    ctx = context(game)
    # Valmora fears Karvath most, but Tessaly is allied with Karvath: not the league's purpose.
    # (the principal threats are set by hand: a stand-in for the matrix)
    ctx.matrix = SimpleNamespace(principal={"VAL": "KAR", "TES": "NOR"}.get)  # type: ignore[assignment]
    assign_purposes(ctx)
    assert game.world.alliances["league"].against == "NOR"


# -- no state with and against another at once ---------------------------------------------


def test_a_state_allied_with_its_leagues_rival_leaves_the_league():
    """The bug: a state in a pact with KAR and in "Strait League vs KAR" at once. Karvath
    proposes to Tessaly and Tessaly accepts: the alliance just agreed is its newest
    commitment, and it leaves the league that stands against its new ally."""
    alliances = [
        {"id": "league", "name": "The Strait League", "members": ["VAL", "TES", "NOR"]},
    ]
    game = game_of(campaign(alliances))
    game.world.alliances["league"].against = "KAR"
    ctx = context(game)
    out = balance(ctx, "KAR", "TES", "LIS")
    assert [(c.change, c.state, c.alliance, c.motive, c.rival) for c in out] == [
        (ChangeKind.formed, "KAR", out[0].alliance, Motive.balancing, "LIS"),
        (ChangeKind.left, "TES", "league", Motive.clashing_pact, "KAR"),
    ]
    assert game.world.alliances["league"].members == ["NOR", "VAL"]
    assert alliance_problems(game.world) == []


def test_the_players_new_ally_leaves_its_pact_against_the_player():
    alliances = [{"id": "league", "name": "The Strait League", "members": ["TES", "NOR"]}]
    game = game_of(campaign(alliances, player="KAR"))
    game.world.alliances["league"].against = "KAR"
    ctx = context(game)
    outcome = ACTIONS["ally"].apply(ctx, Order("ally", "TES"))
    left = [c for c in outcome.changes if c.change == ChangeKind.left]
    assert [(c.state, c.alliance, c.motive) for c in left] == [
        ("TES", "league", Motive.clashing_pact)
    ]
    assert "league" not in game.world.alliances  # one member left: it dissolved
    assert any("Strait League" in n.text for n in outcome.news)
    assert alliance_problems(game.world) == []


def test_a_state_does_not_join_a_pact_that_clashes_with_its_own():
    """Tessaly seeks Norhaven against Lissandra. Norhaven's pact holds Karvath, whom
    Tessaly's own pact stands against: Tessaly signs its own pact with Norhaven instead
    (no bystander is made to leave anything)."""
    alliances = [
        {"id": "north", "name": "The North", "members": ["NOR", "KAR"], "against": "LIS"},
        {"id": "south", "name": "The South", "members": ["TES", "OND"], "against": "KAR"},
    ]
    game = game_of(campaign(alliances))
    ctx = context(game)
    assert clashes(game.world, "TES", game.world.alliances["north"])
    out = balance(ctx, "TES", "NOR", "LIS")
    assert out[-1].change == ChangeKind.formed and out[-1].alliance not in ("north", "south")
    assert game.world.alliances["north"].members == ["KAR", "NOR"]
    assert alliance_problems(game.world) == []


def test_an_effect_takes_a_member_out_of_a_pact_that_clashes_with_it():
    """An author who puts Ondria in a league against Karvath takes it out of its pact with
    Karvath (the effect is the author's newest word); the news says why."""
    alliances = [{"id": "pact", "name": "The Iron Pact", "members": ["KAR", "OND", "NOR"]}]
    formed = {
        "kind": "form_alliance",
        "alliance": "league",
        "name": "The Strait League",
        "members": ["OND", "TES"],
        "against": "KAR",
    }
    game = game_of(campaign(alliances, [event(formed)]))
    assert members_of(game) == {"league": ["OND", "TES"], "pact": ["KAR", "NOR"]}
    assert game.world.alliances["league"].against == "KAR"
    assert any("Ondria left The Iron Pact" in n.text for n in game.opening)
    assert alliance_problems(game.world) == []


def test_an_effects_twin_takes_its_purpose_once_the_clashes_are_resolved():
    """An effect forms a league against Valmora of exactly the members of an older pact,
    while each of them is allied with Valmora elsewhere: they leave those pacts first, then
    the league is folded into the older pact, which takes its purpose (found by the
    property test of random worlds)."""
    alliances = [
        {"id": "old", "name": "Old", "members": ["TES", "KAR", "OND"], "against": "VAL"},
        {"id": "west", "name": "West", "members": ["TES", "VAL"]},
        {"id": "east", "name": "East", "members": ["VAL", "OND", "KAR"]},
    ]
    formed = {
        "kind": "form_alliance",
        "alliance": "league",
        "members": ["TES", "KAR", "OND"],
        "against": "VAL",
    }
    game = game_of(campaign(alliances, [event(formed)]))
    assert members_of(game) == {"old": ["KAR", "OND", "TES"]}
    assert game.world.alliances["old"].against == "VAL"
    assert alliance_problems(game.world) == []


def test_a_campaign_that_declares_a_clash_starts_without_it():
    alliances = [
        {"id": "pact", "name": "The Iron Pact", "members": ["KAR", "OND"]},
        {"id": "league", "name": "The League", "members": ["OND", "TES"], "against": "KAR"},
    ]
    game = game_of(campaign(alliances))
    assert game.world.alliances["league"].against is None
    assert members_of(game) == {"league": ["OND", "TES"], "pact": ["KAR", "OND"]}


def test_removing_a_state_keeps_the_books():
    alliances = [
        {"id": "a_pact", "name": "The Old Pact", "members": ["VAL", "TES"]},
        {"id": "league", "name": "The League", "members": ["VAL", "TES", "NOR"]},
    ]
    removed = {"kind": "remove_state", "state": "NOR"}
    game = game_of(campaign(alliances, [event(removed)]))
    assert members_of(game) == {"a_pact": ["TES", "VAL"]}
    assert any("The League dissolved" in n.text for n in game.opening)


def test_breaking_a_bandwagon_pacts_leader_out_dissolves_it():
    game = game_of(campaign())
    ctx = context(game)
    join(ctx, "OND", "KAR", ChangeKind.bandwagoned, "KAR", Motive.bandwagoning, Grounds())
    out = join(ctx, "TES", "KAR", ChangeKind.bandwagoned, "KAR", Motive.bandwagoning, Grounds())
    pact = out[-1].alliance
    assert len(game.world.alliances[pact].members) == 3
    effect(game, BreakAlliance, {"kind": "break_alliance", "alliance": pact, "state": "KAR"})
    assert pact not in game.world.alliances


# -- the words ----------------------------------------------------------------------------


def test_the_new_motives_are_worded():
    names = {"TES": "Tessaly", "KAR": "Karvath"}
    allied = AlignmentChange(
        ChangeKind.left,
        "TES",
        "league",
        ["VAL"],
        "KAR",
        Motive.clashing_pact,
        None,
        "The Strait League",
        rival="KAR",
    )
    assert change_text(allied, names) == (
        "Tessaly left The Strait League: it is now allied with Karvath, the state that "
        "alliance stands against"
    )
    opposed = AlignmentChange(
        ChangeKind.left,
        "TES",
        "league",
        ["VAL"],
        None,
        Motive.clashing_pact,
        None,
        "The Strait League",
        rival="KAR",
    )
    assert change_text(opposed, names) == (
        "Tessaly left The Strait League: it now stands against Karvath, one of its partners there"
    )
    merged = AlignmentChange(
        ChangeKind.dissolved,
        "TES",
        "league",
        ["TES", "VAL"],
        None,
        Motive.merged,
        None,
        "The Strait League",
    )
    assert change_text(merged, names) == (
        "The Strait League dissolved: its members are allied in another alliance, which carries on"
    )
