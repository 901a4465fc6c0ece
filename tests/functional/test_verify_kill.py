"""The results database survives ``verify`` being killed (SIGKILL) at any moment: after a
series of kills the file is sound, every replay a run reported as recorded before it died is
recorded exactly once, and a last run completes the class."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from classroom import new_competition, play_student

STUDENTS = 12


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_verify_killed_in_a_loop_leaves_a_sound_database(tmp_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_DATA_DIR", str(tmp_path / "data"))
    competition = tmp_path / "c.competition"
    new_competition(str(competition), "kill")
    handin = tmp_path / "handin"
    for n in range(STUDENTS):
        play_student(str(competition), f"S{n:02d}", str(handin), "--policy", "random")
    db = tmp_path / "r.db"
    command = [
        sys.executable,
        "-m",
        "game",
        "verify",
        str(handin),
        "--competition",
        str(competition),
        "--db",
        str(db),
        "--jobs",
        "2",
    ]
    pick = random.Random(7)
    reported: set[str] = set()
    for _ in range(6):
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert process.stdout is not None
        wanted = pick.randrange(0, STUDENTS)
        for _ in range(wanted):  # kill after this many replays were reported recorded
            line = process.stdout.readline()
            if not line:
                break
            if "(recorded)" in line:
                reported.add(line.split(": ")[0])
        time.sleep(pick.random() * 0.05)  # and at any moment after, mid-write included
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        files = [f for (f,) in con.execute("SELECT file FROM submissions WHERE current = 1")]
    assert len(files) == len(set(files))  # nothing counted twice
    assert reported <= set(files)  # everything reported before a kill is there
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = con.execute("SELECT student, COUNT(*) FROM submissions GROUP BY student").fetchall()
    assert len(rows) == STUDENTS and all(count == 1 for _, count in rows)
