"""The results database: idempotent recording, held and replaced submissions, rejected ones
kept in the history, schema versions, refused files, and two writers at once."""

from __future__ import annotations

import json
import multiprocessing
import random
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from game.competition.settings import CompetitionError, make_competition
from game.competition.store import MIGRATIONS, Recorded, Results, open_results
from game.competition.verify import Outcome, Rejection, Status, verify_file
from game.engine import make_policy, play_headless


@pytest.fixture(scope="module")
def games(competition, loaded, known, tmp_path_factory, play):
    """Verified outcomes: Ada's first game and her second attempt (another game), Bo's game
    after 3 turns and the same game carried to its end, and a tampered file of Ada's."""
    folder = tmp_path_factory.mktemp("store-handin")
    first = play(competition, loaded, folder, name="Ada L.", policy_seed="a")
    second = play(competition, loaded, folder, name="Ada L.", policy_seed="b")
    assert second.game.entry.attempt == first.game.entry.attempt + 1
    bo = play(competition, loaded, folder, name="Bo", team="Blue", policy_seed="c", turns=3)
    early = folder / "bo-early.json"
    early.write_bytes(bo.path.read_bytes())
    for _ in play_headless(bo.game, make_policy("random", "c")):
        pass
    bo.handin.save(bo.game)
    finished = folder / "bo-finished.json"
    finished.write_bytes(bo.handin.replay_path.read_bytes())
    data = json.loads(first.path.read_text(encoding="utf-8"))
    data["state_hash"] = "0" * 64
    tampered = folder / "ada-tampered.json"
    tampered.write_text(json.dumps(data), encoding="utf-8")
    outcomes = {
        name: verify_file(str(path), known)
        for name, path in [
            ("ada1", first.path),
            ("ada2", second.path),
            ("bo_early", early),
            ("bo_done", finished),
            ("tampered", tampered),
        ]
    }
    assert outcomes["ada1"].status is Status.verified
    assert outcomes["ada2"].status is Status.verified
    assert outcomes["ada1"].sha256 != outcomes["ada2"].sha256
    assert outcomes["bo_early"].status is Status.unfinished
    assert outcomes["bo_done"].status is Status.verified
    assert outcomes["tampered"].rejection is Rejection.altered
    return outcomes


@pytest.fixture
def results(tmp_path, competition, known):
    with open_results(tmp_path / "results.sqlite3") as db:
        db.register(competition, known[competition.id].campaign_path)
        yield db


def current_rows(db: Results, competition) -> list[dict[str, object]]:
    return [row for row in db.history(competition.id) if row["current"]]


def test_recording_the_same_outcome_twice_changes_nothing(results, games, competition):
    assert results.record(games["ada1"]) is Recorded.recorded
    assert results.record(games["ada1"]) is Recorded.unchanged
    assert results.record(games["ada1"], replace=True) is Recorded.unchanged
    assert len(results.history(competition.id)) == 1
    (row,) = results.current(competition.id)
    assert (row.student, row.team, row.status) == ("Ada L.", "Red", Status.verified)
    assert row.total == games["ada1"].total
    assert row.replay == games["ada1"].replay


def test_another_finished_replay_is_held_without_replace(results, games, competition):
    assert results.record(games["ada1"]) is Recorded.recorded
    assert results.record(games["ada2"]) is Recorded.held
    (current,) = results.current(competition.id)
    assert current.attempt == games["ada1"].attempt
    assert current.total == games["ada1"].total
    history = results.history(competition.id)
    assert len(history) == 2
    held = history[1]
    assert held["sha256"] == games["ada2"].sha256
    assert not held["current"]
    assert (held["status"], held["rejection"]) == ("rejected", Rejection.already_recorded.value)
    assert "--replace" in str(held["detail"])
    # Held again: no second row.
    assert results.record(games["ada2"]) is Recorded.held
    assert len(results.history(competition.id)) == 2


def test_another_finished_replay_replaces_with_replace(results, games, competition):
    assert results.record(games["ada1"]) is Recorded.recorded
    assert results.record(games["ada2"], replace=True) is Recorded.replaced
    (current,) = results.current(competition.id)
    assert current.attempt == games["ada2"].attempt
    assert current.total == games["ada2"].total
    old, new = results.history(competition.id)
    assert old["sha256"] == games["ada1"].sha256 and not old["current"]
    assert new["sha256"] == games["ada2"].sha256 and new["current"]
    assert old["replaced_by"] == new["id"]
    assert new["replaced_by"] is None


def test_an_unfinished_game_carried_to_its_end_replaces_it(results, games, competition):
    assert results.record(games["bo_early"]) is Recorded.recorded
    (early,) = results.current(competition.id)
    assert early.status is Status.unfinished and early.turns_played == 3
    assert results.record(games["bo_done"]) is Recorded.replaced
    (done,) = results.current(competition.id)
    assert done.status is Status.verified
    assert done.turns_played == done.turns_total
    old, new = results.history(competition.id)
    assert old["replaced_by"] == new["id"]


def test_an_unfinished_game_does_not_replace_a_finished_one(results, games, competition):
    assert results.record(games["bo_done"]) is Recorded.recorded
    assert results.record(games["bo_early"]) is Recorded.held
    (current,) = results.current(competition.id)
    assert current.status is Status.verified


def test_another_game_does_not_pass_for_one_carried_further(results, games, competition):
    """Only the same game played on replaces an unfinished one without --replace: Bo's
    unfinished game is not replaced by a game with other choices (Ada's, renamed Bo)."""
    assert results.record(games["bo_early"]) is Recorded.recorded
    impostor = replace(games["ada1"], name="Bo", team="Blue", attempt=games["bo_early"].attempt)
    assert results.record(impostor) is Recorded.held
    (current,) = results.current(competition.id)
    assert current.status is Status.unfinished


def test_rejected_outcomes_are_history_never_current(results, games, competition):
    assert results.record(games["tampered"]) is Recorded.rejected
    assert results.current(competition.id) == []
    assert results.record(games["tampered"]) is Recorded.rejected
    history = results.history(competition.id)
    assert len(history) == 1
    (row,) = history
    assert row["status"] == "rejected" and row["rejection"] == "altered"
    assert not row["current"]
    assert row["detail"] == games["tampered"].detail
    # The genuine game is recorded as the first one, beside the rejected file.
    assert results.record(games["ada1"]) is Recorded.recorded
    assert len(results.current(competition.id)) == 1
    assert len(results.history(competition.id)) == 2


def test_a_rejected_file_without_a_competition_is_in_the_whole_history(results, tmp_path):
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    outcome = verify_file(str(path), {})
    assert outcome.competition is None
    assert results.record(outcome) is Recorded.rejected
    assert results.record(outcome) is Recorded.rejected
    rows = results.history()
    assert len(rows) == 1 and rows[0]["rejection"] == "damaged"


def test_two_different_oversized_files_are_both_in_the_history(results, tmp_path):
    from game.engine import MAX_BYTES

    outcomes = []
    for n, filler in enumerate((b"a", b"b")):
        path = tmp_path / f"huge{n}.json"
        path.write_bytes(filler * (MAX_BYTES + 1))
        outcomes.append(verify_file(str(path), {}))
    assert [o.rejection for o in outcomes] == [Rejection.too_large] * 2
    for outcome in outcomes:
        results.record(outcome)
    assert sorted(str(row["file"]) for row in results.history()) == sorted(o.path for o in outcomes)


def test_a_different_competition_under_the_same_id_is_refused(results, competition, loaded, known):
    path = known[competition.id].campaign_path
    results.register(competition, path)  # the same again: fine
    other = make_competition(loaded, ["KAR"], ["s1"], ident=competition.id)
    with pytest.raises(CompetitionError, match="different competition"):
        results.register(other, path)
    assert [c.fingerprint for c, _ in results.competitions()] == [competition.fingerprint]
    assert results.competition(None) == competition


def test_the_schema_version_is_the_number_of_migrations(tmp_path):
    with open_results(tmp_path / "r.sqlite3") as db:
        assert db.schema_version == len(MIGRATIONS) >= 1
        assert db.integrity() == "ok"
    with open_results(tmp_path / "r.sqlite3") as db:  # reopened: nothing migrates twice
        assert db.schema_version == len(MIGRATIONS)


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "newer.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE future (x)")
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(CompetitionError, match="newer version") as error:
        Results(path)
    assert "\n" not in str(error.value)
    with sqlite3.connect(path) as db:  # left as it was
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    db.close()
    assert tables == {"future"}


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "results.sqlite3"
    garbage = random.Random(7).randbytes(8192)
    path.write_bytes(garbage)
    with pytest.raises(CompetitionError, match="not a usable results database") as error:
        open_results(path)
    assert str(path) in str(error.value)
    assert "\n" not in str(error.value)
    assert path.read_bytes() == garbage


def _record_all(path: str, outcomes: list[Outcome], barrier, queue) -> None:
    """A second process's run: open the database, wait for the other, record everything."""
    try:
        barrier.wait(timeout=30)
        with Results(Path(path)) as db:
            queue.put([db.record(o).value for o in outcomes])
    except BaseException as error:  # reported to the test, not lost in the child
        queue.put(repr(error))


@pytest.fixture(scope="module")
def class_outcomes(competition, loaded, known, tmp_path_factory, play):
    """Five students' finished games, verified."""
    folder = tmp_path_factory.mktemp("class")
    outcomes = []
    for n, name in enumerate(["Ada", "Bo", "Cy", "Dee", "Eli"]):
        played = play(competition, loaded, folder, name=name, policy_seed=f"p{n}")
        outcomes.append(verify_file(str(played.path), known))
    assert all(o.status is Status.verified for o in outcomes)
    return outcomes


def test_two_processes_recording_at_once_count_each_student_once(
    tmp_path, class_outcomes, competition
):
    path = tmp_path / "shared.sqlite3"
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(2)
    queue = context.Queue()
    orders = [class_outcomes, list(reversed(class_outcomes))]
    workers = [
        context.Process(target=_record_all, args=(str(path), outcomes, barrier, queue))
        for outcomes in orders
    ]
    for worker in workers:
        worker.start()
    reports = [queue.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert all(isinstance(r, list) for r in reports), reports
    # Each outcome recorded by exactly one process; the other found it there.
    by_outcome = list(zip(reports[0], reversed(reports[1]), strict=True))
    assert all(sorted(pair) == ["recorded", "unchanged"] for pair in by_outcome), by_outcome
    with open_results(path) as db:
        assert db.integrity() == "ok"
        current = db.current(competition.id)
        assert sorted(s.student for s in current) == ["Ada", "Bo", "Cy", "Dee", "Eli"]
        assert {s.student: s.total for s in current} == {o.name: o.total for o in class_outcomes}
        assert len(db.history(competition.id)) == len(class_outcomes)
