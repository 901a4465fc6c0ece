"""The HTML leaderboard opened in a real browser (headless chromium): the table a teacher
projects reads back as the verified ranking, names are shown as typed (never run), and the
page needs nothing from the network."""

from __future__ import annotations

import json

from browser import chromium_path
from classroom import new_competition, play_student

from game.cli import main


def test_the_html_leaderboard_reads_back_in_a_browser(tmp_path, monkeypatch, capsys):
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("ENTENTE_DATA_DIR", str(tmp_path / "data"))
    competition = tmp_path / "c.competition"
    new_competition(str(competition), "web", "--title", "Period <3> & friends")
    handin = tmp_path / "handin"
    names = ["Ada L.", "<script>alert(1)</script>", "Zoë Ü.", "Bo"]
    for n, name in enumerate(names):
        policy = "passive" if n < 2 else "random"
        play_student(
            str(competition),
            name,
            str(handin),
            "--team",
            "Red" if n % 2 else "Blue",
            "--policy",
            policy,
        )
    db = str(tmp_path / "r.db")
    assert main(["verify", str(handin), "--competition", str(competition), "--db", db]) == 0
    capsys.readouterr()
    assert main(["leaderboard", "--db", db, "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)["students"]
    page_file = tmp_path / "board.html"
    assert main(["leaderboard", "--db", db, "--format", "html", "--out", str(page_file)]) == 0

    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=executable, headless=True, args=["--no-sandbox"]
        )
        try:
            page = browser.new_page()
            page.on("request", lambda r: requests.append(r.url))
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(page_file.as_uri())
            assert (
                page.title()
                == "Period <3> & friends (competition " + page.title().split("(competition ", 1)[1]
            )
            rows = page.locator("#students > tbody > tr:not(.breakdown)").all()
            cells = [[c.inner_text().strip() for c in r.locator("td, th").all()] for r in rows]
            page.locator("#students details").first.click()
            breakdown = page.locator("#students details").first.inner_text()
            teams = page.locator("#teams tr").count()
        finally:
            browser.close()
    header, body = cells[0], cells[1:]
    assert header[:4] == ["rank", "student", "team", "score"]
    assert len(body) == len(names)
    for row, want in zip(body, expected, strict=True):
        rank = f"{want['rank']}=" if want["tied"] else str(want["rank"])
        assert row[:4] == [rank, want["student"], want["team"], str(want["score"])]
    assert "<script>alert(1)</script>" in [row[1] for row in body]  # shown, not run
    assert dialogs == []
    assert "security" in breakdown and "attempt" in breakdown
    assert teams == 3  # the header and two teams
    assert all(url.startswith("file://") for url in requests)  # nothing from the network
