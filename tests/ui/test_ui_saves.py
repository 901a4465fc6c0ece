"""Saves: the data folder, autosaves with their backup, named saves, listing, loading."""

from __future__ import annotations

import json

import pytest
from ui_pilot import played, tutorial, write_autosave

from game.ui import saves


def test_the_data_folder_follows_the_environment_variable(data_dir):
    assert saves.data_dir() == data_dir


def test_without_the_variable_it_is_platformdirs_user_data_folder(monkeypatch):
    import platformdirs

    monkeypatch.delenv(saves.DATA_DIR_VARIABLE)
    assert saves.data_dir() == platformdirs.user_data_path("entente", appauthor=False)


def test_autosave_keeps_the_previous_one_as_a_backup(data_dir):
    first = played(1)
    path = saves.autosave(first)
    assert path == data_dir / "autosave" / "tutorial-VAL-snap.json"
    assert not path.with_name(path.name + ".bak").exists()
    second = played(2)
    saves.autosave(second)
    backup = path.with_name(path.name + ".bak")
    assert json.loads(backup.read_text())["state_hash"] == first.world.state_hash()
    assert json.loads(path.read_text())["state_hash"] == second.world.state_hash()


def test_autosave_names_are_safe_for_any_seed():
    assert saves.autosave_path("tutorial", "VAL", "1901").name == "tutorial-VAL-1901.json"
    odd = saves.autosave_path("tutorial", "VAL", "a/b c").name
    assert odd.startswith("tutorial-VAL-a_b_c.") and odd.endswith(".json")
    # seeds that look alike once made safe still have files of their own
    assert odd != saves.autosave_path("tutorial", "VAL", "a_b_c").name
    assert odd != saves.autosave_path("tutorial", "VAL", "a b/c").name


def test_named_saves_and_the_listing(data_dir):
    game = played(2)
    path = saves.save_as(game, "spring-1901")
    assert path == data_dir / "saves" / "spring-1901.json"
    write_autosave(played(1), age=100)
    listed = saves.list_saves()
    assert [(i.kind, i.name, i.turns) for i in listed] == [
        ("save", "spring-1901", 2),
        ("autosave", "tutorial-VAL-snap", 1),
    ]
    assert listed[0].campaign == "tutorial" and listed[0].player == "VAL"


@pytest.mark.parametrize("name", ["", "../escape", ".hidden", "a b", "x" * 65])
def test_bad_save_names_are_refused(name):
    with pytest.raises(saves.SaveError):
        saves.named_save_path(name)


def test_latest_autosave_by_campaign_and_player(data_dir):
    assert saves.latest_autosave() is None
    path = write_autosave(played(1))
    assert saves.latest_autosave() == path
    assert saves.latest_autosave("tutorial", "VAL") == path
    assert saves.latest_autosave("tutorial", "KAR") is None
    assert saves.latest_autosave("other") is None


def test_loading_re_simulates_the_save():
    game = played(3)
    path = saves.autosave(game)
    loaded = saves.load_save(path, tutorial())
    assert loaded.world.state_hash() == game.world.state_hash()
    assert len(loaded.reports) == 3


def test_a_corrupt_save_is_a_save_error_with_the_reason(data_dir):
    bad = data_dir / "saves" / "broken.json"
    bad.parent.mkdir(parents=True)
    bad.write_text('{"format": "entente-replay", "format_', encoding="utf-8")
    with pytest.raises(saves.SaveError, match="not valid JSON"):
        saves.load_save(bad, tutorial())
    info = saves.list_saves()[0]
    assert info.name == "broken" and info.problem


def test_a_damaged_autosave_falls_back_on_its_backup():
    saves.autosave(played(1))
    path = saves.autosave(played(2))
    data = json.loads(path.read_text())
    data["state_hash"] = "0" * 64
    path.write_text(json.dumps(data))
    game, problem = saves.load_with_backup(path, tutorial())
    assert len(game.reports) == 1
    assert "does not match" in problem


def test_a_save_of_an_unknown_campaign_says_how_to_load_it(data_dir):
    path = saves.autosave(played(1))
    data = json.loads(path.read_text())
    data["campaign"]["id"] = "atlantis"
    path.write_text(json.dumps(data))
    with pytest.raises(saves.SaveError, match="not a shipped campaign"):
        saves.load_save(path, tutorial())
