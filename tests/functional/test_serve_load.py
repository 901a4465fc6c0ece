"""Load: 20 students play at once through one server, each a scripted game to its end (a
competition of three turns). Every replay is recorded once, verified; the server stays up;
the games' memory stays within the budget of 40 sessions in 4 GB (100 MB a session)."""

from __future__ import annotations

import asyncio
import os
import sqlite3

import pytest
from classroom import new_competition
from serving import play_through, recorded, start_server

STUDENTS = 20
BUDGET_MB = 100.0
"""A session's share of 4 GB for 40 sessions."""

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the server's sessions are POSIX")


async def test_twenty_students_play_to_the_end_at_once(tmp_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_DATA_DIR", str(tmp_path / "data"))
    rules = tmp_path / "rules.yaml"
    rules.write_text("turn_limit: 3\n", encoding="utf-8")
    competition = tmp_path / "class.competition"
    new_competition(str(competition), "load", "--rules", str(rules))
    server = start_server(tmp_path, "--max-sessions", str(STUDENTS), competition=competition)
    peak = {"sessions": 0, "total_mb": 0.0, "largest_mb": 0.0}

    async def watch() -> None:
        while True:
            sessions = (await asyncio.to_thread(server.sessions))["sessions"]
            sizes = [s["rss_mb"] for s in sessions]
            peak["sessions"] = max(peak["sessions"], len(sessions))
            peak["total_mb"] = max(peak["total_mb"], sum(sizes))
            peak["largest_mb"] = max([peak["largest_mb"], *sizes])
            await asyncio.sleep(1.0)

    names = [f"Load {n:02d}" for n in range(STUDENTS)]
    watcher = asyncio.ensure_future(watch())
    try:
        await asyncio.gather(
            *(
                play_through(
                    server.base,
                    name,
                    lambda name=name: recorded(server.db, name, status="verified"),
                    seconds=600,
                    team="Red",
                )
                for name in names
            )
        )
        assert server.process.poll() is None  # the server is alive
        assert (await asyncio.to_thread(server.sessions))["started"] == STUDENTS
    finally:
        watcher.cancel()
        status, _ = server.stop()
    assert status == 0
    with sqlite3.connect(server.db) as con:
        rows = con.execute(
            "SELECT student, status, turns_played FROM submissions WHERE current = 1"
        ).fetchall()
    assert sorted(r[0] for r in rows) == names  # each recorded once
    assert all(r[1] == "verified" and r[2] == 3 for r in rows), rows
    assert peak["sessions"] >= STUDENTS // 2  # they really played at the same time
    assert peak["largest_mb"] <= BUDGET_MB, peak
    assert peak["total_mb"] <= BUDGET_MB * STUDENTS, peak
