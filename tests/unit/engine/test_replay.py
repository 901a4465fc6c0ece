"""Saves are replays: round trip, atomic writes, and clear errors for corrupt files."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from game.campaign.loader import load_campaign, parse_campaign
from game.engine import replay as replay_module
from game.engine.game import Game, new_game
from game.engine.orders import ChoiceOrder, Order
from game.engine.replay import FORMAT, Replay, ReplayError, load_game, read_replay, resimulate, save

SCENARIO = Path(__file__).resolve().parents[2] / "data" / "scenarios" / "orders.yaml"


@pytest.fixture(scope="module")
def loaded():
    return load_campaign(SCENARIO)


def played(loaded, seed: str = "replay") -> Game:
    """Three turns of play with orders (some refused) and an event choice on turn 3."""
    game = new_game(loaded, seed, "PEL")
    game.end_turn([Order("ally", "FIL"), Order("threaten", "AGR")])
    game.end_turn([Order("aid", "ROG", 2, "military"), Order("annex", "ROG")])
    assert [p.event for p in game.pending] == ["council"]
    game.choose(ChoiceOrder("council", 1))
    game.end_turn([Order("guarantee", "OTH"), Order("posture", option="defensive")])
    return game


@pytest.fixture
def game(loaded) -> Game:
    return played(loaded)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- round trip ------------------------------------------------------------------------


def test_save_and_load_round_trip(game, loaded, tmp_path):
    path = save(game, tmp_path / "game.json")
    assert path == tmp_path / "game.json"
    again = load_game(path, loaded)
    assert again.world.state_hash() == game.world.state_hash()
    assert again.world.snapshot() == game.world.snapshot()
    assert again.world.turn == game.world.turn == 4
    assert (again.seed, again.player) == (game.seed, game.player)
    assert again.replay.to_json() == game.replay.to_json()
    assert again.score == game.score
    # The loaded game goes on exactly as the original would.
    a = game.end_turn([Order("threaten", "AGR")])
    b = again.end_turn([Order("threaten", "AGR")])
    assert a == b
    assert again.world.state_hash() == game.world.state_hash()


def test_a_save_records_what_the_design_asks(game, tmp_path):
    data = json.loads(save(game, tmp_path / "g.json").read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    assert data["format_version"] == 1
    assert data["engine_version"]
    assert data["campaign"]["id"] == "scenario_orders"
    assert data["campaign"]["fingerprint"] == game.loaded.fingerprint
    assert len(data["campaign"]["fingerprint"]) == 64
    assert (data["seed"], data["player"], data["doctrine"]) == ("replay", "PEL", None)
    assert data["state_hash"] == game.world.state_hash()
    turns = data["turns"]
    assert [t["turn"] for t in turns] == [1, 2, 3]
    assert turns[0]["orders"] == [
        {"action": "ally", "target": "FIL", "amount": 1},
        {"action": "threaten", "target": "AGR", "amount": 1},
    ]
    assert turns[2]["choices"] == [{"event": "council", "choice": 1}]


def test_a_pending_choice_without_orders_is_saved_and_replayed(loaded, tmp_path):
    game = new_game(loaded, "pending", "PEL")
    game.end_turn([])
    game.end_turn([])
    game.choose(ChoiceOrder("council", 0))  # answered, but the turn is not yet resolved
    again = load_game(save(game, tmp_path / "g.json"), loaded)
    assert again.world.state_hash() == game.world.state_hash()
    assert again.world.turn == 3 and again.pending == [] and again.world.flags["agreed"]


def test_a_replay_under_another_doctrine_replays_under_it(loaded, tmp_path):
    game = new_game(loaded, "doctrine", "PEL", "bandwagon")
    game.end_turn([])
    again = load_game(save(game, tmp_path / "g.json"), loaded)
    assert again.doctrine == game.doctrine
    assert again.world.state_hash() == game.world.state_hash()


def test_replay_from_dict_of_its_own_dict(game, loaded):
    replay = Replay.from_dict(json.loads(game.replay.to_json()))
    assert replay == game.replay
    assert resimulate(replay, loaded).world.state_hash() == game.world.state_hash()


# -- atomic writes ---------------------------------------------------------------------


def test_an_atomic_write_leaves_no_temporary_file(game, tmp_path):
    save(game, tmp_path / "game.json")
    save(game, tmp_path / "game.json")  # overwrite
    assert files_in(tmp_path) == ["game.json"]


def test_a_save_into_a_missing_folder_creates_it(game, tmp_path):
    path = save(game, tmp_path / "saves" / "slot1.json")
    assert path.exists()
    assert files_in(tmp_path / "saves") == ["slot1.json"]


def test_a_failed_write_keeps_the_previous_file_and_no_temporary(
    game, loaded, tmp_path, monkeypatch
):
    path = save(new_game(loaded, "old", "PEL"), tmp_path / "game.json")
    previous = path.read_bytes()

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(replay_module.os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        save(game, path)
    assert path.read_bytes() == previous
    assert files_in(tmp_path) == ["game.json"]


def test_a_write_fsyncs_before_renaming(game, tmp_path, monkeypatch):
    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(
        replay_module.os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1]
    )
    monkeypatch.setattr(
        replay_module.os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1]
    )
    save(game, tmp_path / "game.json")
    assert calls == ["fsync", "replace"]


# -- corrupt files ---------------------------------------------------------------------


def corrupt(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def set_turn_orders(data):
    data["turns"][0]["orders"][1]["target"] = "ROG"  # threaten ROG instead of AGR


def drop_a_turn(data):
    del data["turns"][1]


def bad_hash(data):
    data["state_hash"] = "0" * 64


def bad_fingerprint(data):
    data["campaign"]["fingerprint"] = "f" * 64


def bad_format(data):
    data["format"] = "chess-pgn"


def future_format(data):
    data["format_version"] = 99


def other_engine(data):
    data["engine_version"] = "999"


def missing_seed(data):
    del data["seed"]


def bad_choice(data):
    data["turns"][2]["choices"][0]["choice"] = 7


CORRUPTIONS = [
    (bad_hash, "does not match the re-simulation"),
    (set_turn_orders, "does not match the re-simulation"),
    (drop_a_turn, "turn 3 is out of order"),
    (bad_fingerprint, "different version of campaign 'scenario_orders'"),
    (bad_format, "not an Entente replay"),
    (future_format, "replay format 99 is not supported"),
    (other_engine, "needs engine version 999"),
    (missing_seed, "seed: missing"),
    (bad_choice, "does not re-simulate: choose 1 to 2 for 'council'"),
]


@pytest.mark.parametrize(
    ("change", "message"), CORRUPTIONS, ids=[c.__name__ for c, _ in CORRUPTIONS]
)
def test_a_corrupt_replay_gives_a_clear_error_and_the_file_is_untouched(
    game, loaded, tmp_path, change, message
):
    path = save(game, tmp_path / "game.json")
    corrupt(path, change)
    before = path.read_bytes()
    with pytest.raises(ReplayError) as error:
        load_game(path, loaded)
    text = str(error.value)
    assert text.startswith(f"{path}: ")
    assert message in text
    assert "Traceback" not in text
    assert path.read_bytes() == before
    assert files_in(tmp_path) == ["game.json"]


@pytest.mark.parametrize("keep", [0, 1, 10, 200])
def test_a_truncated_file_is_not_valid_json(game, loaded, tmp_path, keep):
    path = save(game, tmp_path / "game.json")
    text = path.read_text(encoding="utf-8")[:keep]
    path.write_text(text, encoding="utf-8")
    expected = "the file is empty" if keep == 0 else r"not valid JSON at line \d+, column \d+"
    with pytest.raises(ReplayError, match=rf"game\.json: damaged: {expected}"):
        load_game(path, loaded)
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("content", [b"[]", b"42", b'"entente"', b"null", b"{}"])
def test_json_that_is_not_a_replay(loaded, tmp_path, content):
    path = tmp_path / "game.json"
    path.write_bytes(content)
    with pytest.raises(ReplayError, match="not an Entente replay"):
        load_game(path, loaded)


def test_a_file_that_is_not_text(loaded, tmp_path):
    path = tmp_path / "game.json"
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(ReplayError, match="damaged: it is not text, so it cannot be a save"):
        read_replay(path)


def test_a_missing_file(loaded, tmp_path):
    with pytest.raises(ReplayError, match="cannot read"):
        load_game(tmp_path / "nowhere.json", loaded)


def test_a_campaign_edited_after_the_save_is_refused(game, tmp_path):
    path = save(game, tmp_path / "game.json")
    edited = parse_campaign(SCENARIO.read_bytes() + b"\n# a comment changes the bytes\n")
    with pytest.raises(ReplayError, match="fingerprint"):
        load_game(path, edited)


def test_a_save_of_a_different_seed_does_not_verify(game, loaded, tmp_path):
    path = save(game, tmp_path / "game.json")
    corrupt(path, lambda d: d.__setitem__("seed", "another"))
    with pytest.raises(ReplayError, match="does not match the re-simulation"):
        load_game(path, loaded)


def test_a_failed_load_does_not_touch_a_good_autosave_next_to_it(game, loaded, tmp_path):
    good = save(game, tmp_path / "autosave-3.json")
    bad = tmp_path / "autosave-4.json"
    bad.write_text(good.read_text(encoding="utf-8")[:50], encoding="utf-8")
    good_bytes = good.read_bytes()
    with pytest.raises(ReplayError):
        load_game(bad, loaded)
    assert good.read_bytes() == good_bytes
    assert load_game(good, loaded).world.state_hash() == game.world.state_hash()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"amount": Infinity', "damaged: it holds Infinity, which no save contains"),
        ('"amount": 2.5', "amount: expected a whole number, got a decimal number"),
        ('"amount": true', "amount: expected a whole number, got true or false"),
        ('"target": ["TES"]', "target: expected text, got a list"),
        ('"doctrine": "anarchy"', "doctrine: unknown doctrine 'anarchy'"),
        ('"amount": ' + "9" * 5000, "damaged: not a usable save"),
        ("[" * 100_000, "damaged: not a usable save"),
    ],
)
def test_hostile_values_are_replay_errors(game, loaded, tmp_path, text, message):
    """Whatever a tampered file holds, loading it raises ReplayError, never a crash."""
    path = tmp_path / "game.json"
    data = json.loads(game.replay.to_json())
    data["doctrine"] = None
    data["turns"] = [
        {
            "turn": 1,
            "choices": [],
            "orders": [{"action": "aid", "target": "X", "amount": 1, "option": "military"}],
        }
    ]
    raw = json.dumps(data)
    key = text.split(":")[0]
    if text.startswith("["):
        raw = text
    elif key == '"doctrine"':
        raw = raw.replace('"doctrine": null', text)
    else:
        raw = raw.replace(f"{key}: " + json.dumps({'"amount"': 1, '"target"': "X"}[key]), text)
    assert raw != json.dumps(data) or text.startswith("[")
    path.write_text(raw)
    with pytest.raises(ReplayError, match=re.escape(message)):
        load_game(path, loaded)
