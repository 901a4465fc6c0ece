"""The teacher's whole loop on the command line: ``competition new``, a class of students
playing it (headless, as ``simulate --competition``), ``verify`` into the results database,
``leaderboard`` with ties and teams, ``--replace``, a tampered replay, and ``export``."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from classroom import new_competition, play_student

POLICIES = ("random", "hawk", "dove")
STUDENTS = 32


def entente(*argv: str, env: dict[str, str]) -> tuple[int, str, str]:
    """``python -m game ARGV`` in a subprocess: (status, stdout, stderr), never a traceback."""
    done = subprocess.run(
        [sys.executable, "-m", "game", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, **env, "PYTHONIOENCODING": "utf-8"},
        timeout=300,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout, done.stderr


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    """A competition and a class of 32 students in two teams, each with a finished game in
    one shared hand-in folder; two students play the passive policy, so they tie."""
    root = tmp_path_factory.mktemp("class")
    env = {"ENTENTE_DATA_DIR": str(root / "data")}
    old = os.environ.get("ENTENTE_DATA_DIR")
    os.environ.update(env)
    try:
        rules = root / "rules.yaml"
        rules.write_text(
            "title: Period 3\nscoring: {security: 1, influence: 1, objectives: 1, penalties: 2}\n",
            encoding="utf-8",
        )
        competition = root / "class.competition"
        new_competition(
            str(competition), "period-3", "--rules", str(rules), "--deadline", "2026-12-20"
        )
        handin = root / "handin"
        for n in range(STUDENTS):
            policy = "passive" if n in (0, 1) else POLICIES[n % len(POLICIES)]
            team = "Red" if n % 2 else "Blue"
            play_student(
                competition, f"Student {n:02d}", handin, "--team", team, "--policy", policy
            )
    finally:
        if old is None:
            os.environ.pop("ENTENTE_DATA_DIR", None)
        else:
            os.environ["ENTENTE_DATA_DIR"] = old
    return root, competition, handin, env


def board(root: Path, env) -> dict:
    status, out, _ = entente("leaderboard", "--db", str(root / "r.db"), "--json", env=env)
    assert status == 0
    return json.loads(out)


def test_the_whole_loop_from_competition_to_leaderboard(classroom):
    root, competition, handin, env = classroom
    db = str(root / "r.db")
    status, out, err = entente(
        "verify", str(handin), "--competition", str(competition), "--db", db, env=env
    )
    assert status == 0, err
    lines = out.splitlines()
    assert len(lines) == STUDENTS and all(": verified: " in line for line in lines)
    assert f"{STUDENTS} replays: {STUDENTS} verified" in err

    data = board(root, env)
    students = data["students"]
    assert len(students) == STUDENTS
    scores = [s["score"] for s in students]
    assert scores == sorted(scores, reverse=True)
    # The two passive players made the same game: the same score, a shared rank.
    passive = [s for s in students if s["student"] in ("Student 00", "Student 01")]
    assert passive[0]["score"] == passive[1]["score"]
    assert passive[0]["rank"] == passive[1]["rank"] and passive[0]["tied"] and passive[1]["tied"]
    for s in students:  # a rank is one more than the number of better scores
        assert s["rank"] == 1 + sum(other > s["score"] for other in scores)
        assert s["score"] == s["security"] + s["influence"] + s["objectives"] - s["penalties"]
    teams = {t["team"]: t for t in data["teams"]}
    assert set(teams) == {"Red", "Blue"} and teams["Red"]["members"] == STUDENTS // 2
    red = [s["score"] for s in students if s["team"] == "Red"]
    assert teams["Red"]["mean"] == pytest.approx(sum(red) / len(red), abs=1e-3)

    # Verifying again changes nothing.
    status, out, _ = entente("verify", str(handin), "--db", db, env=env)
    assert status == 0 and all(line.endswith("(unchanged)") for line in out.splitlines())
    assert board(root, env) == data

    # The other formats agree with the JSON.
    _, text, _ = entente("leaderboard", "--db", db, "--format", "csv", env=env)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [int(r["score"]) for r in rows] == scores
    assert [r["tied"] == "yes" for r in rows] == [s["tied"] for s in students]
    _, table, _ = entente("leaderboard", "--db", db, env=env)
    assert f"{passive[0]['rank']}=" in table and "Period 3" in table


def test_a_changed_replay_replaces_only_with_replace_and_history_is_kept(classroom):
    root, competition, handin, env = classroom
    db = str(root / "replace.db")
    assert (
        entente("verify", str(handin), "--competition", str(competition), "--db", db, env=env)[0]
        == 0
    )
    before = {
        s["student"]: s
        for s in json.loads(entente("leaderboard", "--db", db, "--json", env=env)[1])["students"]
    }
    # Student 05 starts over and plays another way: a second attempt.
    again = root / "again"
    status, _, _ = entente(
        "simulate",
        "--competition",
        str(competition),
        "--name",
        "Student 05",
        "--team",
        "Red",
        "--policy",
        "hawk",
        "--restart",
        "--handin",
        str(again),
        env=env,
    )
    assert status == 0
    replay = next(again.glob("*.replay.json"))
    assert json.loads(replay.read_text(encoding="utf-8"))["competition"]["attempt"] == 2
    status, out, _ = entente("verify", str(replay), "--db", db, env=env)
    assert status == 1 and ": held: " in out and "--replace" in out
    status, out, _ = entente("verify", str(replay), "--db", db, "--replace", env=env)
    assert status == 0 and out.strip().endswith("(replaced)")
    after = {
        s["student"]: s
        for s in json.loads(entente("leaderboard", "--db", db, "--json", env=env)[1])["students"]
    }
    assert after["Student 05"]["rounds"][0]["attempt"] == 2
    assert len(after) == len(before)  # replaced, not added
    import sqlite3

    with sqlite3.connect(db) as con:
        rows = con.execute(
            "SELECT status, current FROM submissions WHERE student = ? ORDER BY id", ("Student 05",)
        ).fetchall()
    assert rows == [("verified", 0), ("rejected", 0), ("verified", 1)]


def test_a_tampered_replay_is_rejected_in_one_line_and_the_rest_count(classroom, tmp_path):
    _root, competition, handin, env = classroom
    folder = tmp_path / "pile"
    folder.mkdir()
    genuine = sorted(handin.glob("*.replay.json"))[:3]
    for path in genuine:
        (folder / path.name).write_bytes(path.read_bytes())
    data = json.loads(genuine[0].read_text(encoding="utf-8"))
    data["seed"] = "another-seed"
    (folder / "forged.replay.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "cut.replay.json").write_bytes(genuine[1].read_bytes()[:500])
    status, out, err = entente(
        "verify",
        str(folder),
        "--competition",
        str(competition),
        "--db",
        str(tmp_path / "t.db"),
        env=env,
    )
    assert status == 1
    verdicts = {Path(line.split(": ")[0]).name: line for line in out.splitlines()}
    assert "another seed" in verdicts["forged.replay.json"]
    assert ": rejected: damaged" in verdicts["cut.replay.json"]
    assert sum(": verified: " in line for line in verdicts.values()) == 3
    assert "3 verified, 2 rejected" in err


def test_export_writes_a_timeline_per_student_and_a_class_summary(classroom, tmp_path):
    _root, competition, handin, env = classroom
    db = str(tmp_path / "e.db")
    assert (
        entente("verify", str(handin), "--competition", str(competition), "--db", db, env=env)[0]
        == 0
    )
    out = tmp_path / "export"
    status, said, _ = entente(
        "export", "--competition", str(competition), "--db", db, "--out", str(out), env=env
    )
    assert status == 0 and f"{STUDENTS} students" in said
    assert len(list(out.glob("*.md"))) == STUDENTS + 1
    rows = list(csv.DictReader((out / "Student_07.csv").open(encoding="utf-8")))
    assert {r["kind"] for r in rows} >= {"order", "turn"}
    assert all(r["principal_threat"] for r in rows if r["kind"] == "turn")
    summary = (out / "class-summary.md").read_text(encoding="utf-8")
    assert "## Choices in events" in summary and "first diverged" in summary


def test_student_options_are_checked_in_one_line(classroom):
    root, competition, _, env = classroom
    for argv, says in (
        (["simulate", "--competition", str(competition)], "--name"),
        (
            ["simulate", "--competition", str(competition), "--name", "A", "--seed", "x"],
            "--seed: the competition fixes it",
        ),
        (["simulate", "tutorial", "--name", "A"], "--name goes with --competition"),
        (["simulate", "--competition", str(root / "nope"), "--name", "A"], "no such file"),
        (
            ["simulate", "--competition", str(competition), "--name", "A", "--round", "9"],
            "no round '9'",
        ),
        (["leaderboard", "--db", str(root / "empty.db")], "no competition is recorded"),
        (["verify", str(root / "missing"), "--db", str(root / "v.db")], "no such file"),
    ):
        status, _out, err = entente(*argv, env=env)
        assert status == 2 and says in err and len(err.strip().splitlines()) == 1, (argv, err)
