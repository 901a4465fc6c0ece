"""Saves that a hostile or damaged file cannot hurt: ids that try to leave the campaigns,
damaged autosaves that must never replace the good backup, a missing autosave whose backup
is there, huge files, long seeds, and temporary files left by a killed write."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest
from ui_pilot import played, saves_listed, tutorial, until, write_autosave

from game.engine.orders import ChoiceOrder
from game.engine.replay import remove_stale_temporaries
from game.ui import saves
from game.ui.app import EntenteApp

JARGON = ("Error", "codec", "utf-8", "Traceback", "Exception")


def advance(game) -> None:
    """Play one more turn: the first choice of every event, then no orders."""
    while game.pending:
        game.choose(ChoiceOrder(game.pending[0].event, 0))
    game.end_turn([])


def state_hash(path) -> str:
    return json.loads(path.read_text(encoding="utf-8"))["state_hash"]


@pytest.mark.parametrize("campaign_id", ["../../elsewhere/trap", "/tmp/trap", "a" * 41, ""])
def test_a_save_whose_campaign_id_is_a_path_never_loads_that_file(tmp_path, campaign_id):
    trap = tmp_path / "elsewhere" / "trap.yaml"
    trap.parent.mkdir()
    trap.write_bytes(tutorial().campaign.model_dump_json().encode())  # never read
    path = saves.save_as(played(1), "hostile")
    data = json.loads(path.read_text())
    data["campaign"]["id"] = campaign_id
    path.write_text(json.dumps(data))
    with pytest.raises(saves.SaveError, match=r"campaign\.id: .* is not an id"):
        saves.load_save(path, None)
    with pytest.raises(saves.SaveError, match="is not an id"):
        saves.load_save(path, tutorial())


def test_a_save_is_loaded_only_on_the_campaign_it_names():
    path = saves.save_as(played(1), "named")
    other = tutorial().campaign.model_copy(update={"id": "other"})
    current = type(tutorial())(other, "other.yaml", tutorial().fingerprint)
    # the save names 'tutorial': the shipped one is loaded, not the 'other' campaign given
    assert saves.load_save(path, current).campaign.id == "tutorial"


@pytest.mark.parametrize(
    "damage",
    [b"\xff\xfe not text", b'{"format": "entente-replay", "tu', b"", b"{}"],
    ids=["not-utf8", "truncated", "empty", "not-a-replay"],
)
def test_a_damaged_autosave_is_never_promoted_to_backup(damage):
    good = played(1)
    write_autosave(good)
    path = write_autosave(played(2))
    path.write_bytes(damage)
    game, problem = saves.load_with_backup(path, tutorial())
    assert len(game.reports) == 1 and problem
    assert not any(word in problem for word in JARGON), problem
    # the player plays on: the next autosave must not crash, nor copy the damage over .bak
    advance(game)
    saves.autosave(game)
    backup = saves.backup_of(path)
    assert state_hash(backup) == good.world.state_hash()
    assert state_hash(path) == game.world.state_hash()
    # and the turn after, the good new autosave becomes the backup
    advance(game)
    previous = state_hash(path)
    saves.autosave(game)
    assert state_hash(backup) == previous


def test_continue_offers_an_autosave_whose_backup_alone_is_left(data_dir):
    write_autosave(played(1))
    path = write_autosave(played(2))
    path.unlink()
    assert saves.latest_autosave() == path
    assert saves.latest_autosave("tutorial", "VAL") == path
    game, problem = saves.load_with_backup(path, tutorial())
    assert len(game.reports) == 1 and problem == "it was missing"


async def test_continue_on_the_title_with_only_the_backup(data_dir):
    write_autosave(played(1))
    path = write_autosave(played(2))
    path.unlink()
    app = EntenteApp(seed="snap")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(
            pilot, lambda: not app.screen.query_one("#menu").get_option("continue").disabled
        )
        await pilot.press("c")
        await until(pilot, lambda: app.game is not None and not app.busy)
        assert len(app.game.reports) == 1
        assert any("it was missing" in n.message for n in app._notifications)


def test_a_huge_autosave_is_listed_with_its_problem_at_once(data_dir):
    path = data_dir / "autosave" / "tutorial-VAL-huge.json"
    path.parent.mkdir(parents=True)
    with path.open("wb") as file:
        file.truncate(100 * 1024 * 1024)
    (info,) = saves.list_saves()  # from the file's size alone: it is never read
    assert info.problem == "the file is 100.0 MB; a save is at most 4 MB"


async def test_the_load_screen_lists_a_damaged_save_in_words(data_dir):
    bad = data_dir / "saves" / "binary.json"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"\x00\xff\xfe\x01")
    app = EntenteApp(seed="snap")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.loaded is not None)
        await pilot.press("l")
        await until(pilot, saves_listed(pilot))
        (info,) = app.screen.saves
        assert info.problem == "damaged: it is not text, so it cannot be a save"


@pytest.mark.parametrize("length", [300, 5000])
def test_a_seed_longer_than_a_file_name_still_autosaves(data_dir, length):
    seed = "s" * length
    game = played(1, seed=seed)
    path = saves.autosave(game)
    assert len(path.name.encode()) < 120
    assert saves.load_with_backup(path, tutorial())[0].seed == seed
    assert saves.latest_autosave("tutorial", "VAL") == path


def test_stale_temporaries_are_removed_when_the_folder_is_next_written(data_dir):
    folder = data_dir / "saves"
    folder.mkdir(parents=True)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    stale = folder / f".x.json.{dead.stdout.strip()}.abc123.tmp"
    own = folder / f".y.json.{os.getpid()}.def456.tmp"
    alive = folder / f".z.json.{os.getppid()}.ghi789.tmp"  # a live process's: kept
    unrelated = folder / "notes.tmp"
    for path in (stale, own, alive, unrelated):
        path.write_text("partial", encoding="utf-8")
    saves.save_as(played(1), "next")
    assert not stale.exists() and not own.exists()
    assert alive.exists() and unrelated.exists()
    assert remove_stale_temporaries(folder) == []


def test_a_write_killed_halfway_leaves_nothing_after_the_next_write(data_dir):
    """A real process is killed while its save is being written (between the write and the
    rename); the next save in that folder removes what it left."""
    folder = data_dir / "saves"
    script = textwrap.dedent(
        f"""
        import os, sys, time
        sys.path.insert(0, {str(os.getcwd())!r})
        from game.engine import replay
        from pathlib import Path

        def stall(fd):
            print("writing", flush=True)
            time.sleep(60)

        replay.os.fsync = stall
        replay.write_atomic(Path({str(folder / "killed.json")!r}), "{{}}" * 1000)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
        left = [p.name for p in folder.iterdir()]
        assert len(left) == 1 and left[0].endswith(".tmp")
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    saves.save_as(played(1), "after")
    assert sorted(p.name for p in folder.iterdir()) == ["after.json"]
