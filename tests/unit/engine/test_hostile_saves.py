"""A corpus of hostile and damaged saves: each is refused at once with its own message,
in the player's words (no codec or exception names), and the file is left as it was."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from game.campaign.loader import load_campaign
from game.engine.game import new_game
from game.engine.orders import Order
from game.engine.record import TurnLog
from game.engine.replay import (
    MAX_BYTES,
    MAX_ORDERS_PER_TURN,
    MAX_TURNS,
    ReplayError,
    load_game,
    read_replay,
    save,
)

SCENARIO = Path(__file__).resolve().parents[2] / "data" / "scenarios" / "orders.yaml"
JARGON = ("Error", "codec", "utf-8", "Traceback", "Exception", "float", "bool", "NoneType")


@pytest.fixture(scope="module")
def loaded():
    return load_campaign(SCENARIO)


@pytest.fixture
def good(loaded, tmp_path) -> Path:
    """A real save of two turns."""
    game = new_game(loaded, "hostile", "PEL")
    game.end_turn([Order("ally", "FIL")])
    game.end_turn([Order("threaten", "AGR")])
    return save(game, tmp_path / "game.json")


def edited(change: Callable[[dict], None]) -> Callable[[Path], None]:
    """A corruption that edits the save's JSON."""

    def apply(path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data), encoding="utf-8")

    return apply


def raw(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def huge(path: Path) -> None:
    """A 100 MB file (sparse: it costs no disk) that starts like a save."""
    with path.open("wb") as file:
        file.write(b'{"format": "entente-replay", "turns": [')
        file.truncate(100 * 1024 * 1024)


def no_op_turns(count: int) -> Callable[[Path], None]:
    def apply(path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        data["turns"] = [{"turn": 1, "choices": [], "orders": []}] * count
        path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")

    return apply


def set_campaign_id(value: object) -> Callable[[Path], None]:
    return edited(lambda d: d["campaign"].__setitem__("id", value))


CORPUS: list[tuple[str, Callable[[Path], None], str]] = [
    (
        "campaign id climbs out of the folder",
        set_campaign_id("../../somewhere/x"),
        "campaign.id: '../../somewhere/x' is not an id (letters, digits and '_', at most 40)",
    ),
    (
        "campaign id is an absolute path",
        set_campaign_id("/etc/entente/x"),
        "campaign.id: '/etc/entente/x' is not an id",
    ),
    ("campaign id of 41 characters", set_campaign_id("a" * 41), "campaign.id: 'aaaa"),
    ("campaign id is a number", set_campaign_id(7), "campaign.id: expected text, got a whole"),
    (
        "player is a path",
        edited(lambda d: d.__setitem__("player", "PEL/../../x")),
        "player: 'PEL/../../x' is not an id",
    ),
    (
        "another campaign's id",
        set_campaign_id("tutorial"),
        "the replay is a game of campaign 'tutorial', not of 'scenario_orders'",
    ),
    ("100 MB file", huge, "the file is 100.0 MB; a save is at most 4 MB"),
    (
        "too many no-op turns",
        no_op_turns(MAX_TURNS + 1),
        f"turns: {MAX_TURNS + 1} entries; a save holds at most {MAX_TURNS}",
    ),
    (
        "too many orders in a turn",
        edited(
            lambda d: d["turns"][0].__setitem__(
                "orders", [{"action": "buildup"}] * (MAX_ORDERS_PER_TURN + 1)
            )
        ),
        f"turns[0].orders: {MAX_ORDERS_PER_TURN + 1} entries; a save holds at most",
    ),
    (
        "not UTF-8",
        raw(b'{"format": "\xff\xfe"}'),
        "damaged: it is not text, so it cannot be a save",
    ),
    ("empty", raw(b""), "damaged: the file is empty"),
    ("only spaces", raw(b"  \n\n "), "damaged: the file is empty"),
    ("truncated", raw(b'{"format": "entente-replay", "tu'), "damaged: not valid JSON at line 1"),
    ("NaN", raw(b'{"format": NaN}'), "damaged: it holds NaN, which no save contains"),
    ("a 5,000-digit number", raw(b'{"x": ' + b"9" * 5000 + b"}"), "a number too long"),
    ("nesting 100,000 deep", raw(b"[" * 100_000), "nesting too deep"),
    ("a list", raw(b"[1, 2]"), "not an Entente replay (no 'format: entente-replay')"),
    (
        "a float where a whole number goes",
        edited(lambda d: d.__setitem__("format_version", 1.0)),
        "replay format 1.0 is not supported",
    ),
    (
        "an order amount of true",
        edited(lambda d: d["turns"][0]["orders"].__setitem__(0, {"action": "aid", "amount": True})),
        "turns[0].orders[0].amount: expected a whole number, got true or false",
    ),
]


@pytest.mark.parametrize(("change", "message"), [c[1:] for c in CORPUS], ids=[c[0] for c in CORPUS])
def test_a_hostile_save_is_refused_with_its_message(good, loaded, change, message):
    change(good)
    before = good.stat().st_size, good.read_bytes()[:4096]
    with pytest.raises(ReplayError) as refused:
        load_game(good, loaded)
    error = refused.value
    assert message in error.reason
    assert str(error) == f"{good}: {error.reason}"
    assert "\n" not in error.reason and len(error.reason) < 200
    assert not any(word in error.reason for word in JARGON), error.reason
    assert (good.stat().st_size, good.read_bytes()[:4096]) == before


def test_the_size_cap_is_checked_before_reading(good, monkeypatch):
    """A file over the cap is refused from its size: it is never read or parsed."""
    huge(good)
    monkeypatch.setattr(json, "loads", lambda *a, **k: pytest.fail("parsed a huge file"))
    with pytest.raises(ReplayError, match="a save is at most 4 MB"):
        read_replay(good)


def test_a_real_long_save_is_well_under_the_cap(loaded, tmp_path):
    """The caps leave room: 500 turns of three orders each fill a small part of them."""
    orders = [Order("buildup"), Order("threaten", "AGR"), Order("ally", "FIL")]
    long = replace(
        new_game(loaded, "long", "PEL").replay,
        turns=[TurnLog(n, [], list(orders)) for n in range(1, 501)],
    )
    text = long.to_json()
    assert len(text.encode()) < MAX_BYTES / 10
    path = tmp_path / "long.json"
    path.write_text(text, encoding="utf-8")
    assert len(read_replay(path).turns) == 500


def test_a_folder_and_a_missing_file(tmp_path):
    with pytest.raises(ReplayError, match="is a folder, not a save"):
        read_replay(tmp_path)
    with pytest.raises(ReplayError, match="cannot read the file: there is no such file"):
        read_replay(tmp_path / "nowhere.json")
