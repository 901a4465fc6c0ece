"""The leaderboard: competition ranking with declared ties, students and teams, and the
board written as a table, Markdown, CSV, JSON and HTML."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.competition.board_formats import as_csv, as_json, as_markdown, as_table
from game.competition.board_html import as_html
from game.competition.leaderboard import build, ranks
from game.competition.settings import make_competition
from game.competition.store import Submission
from game.competition.verify import Status

SCRIPT = "<script>alert(1)</script>"


def test_equal_scores_share_a_rank_and_the_next_is_skipped():
    assert ranks([9, 7, 7, 5]) == [(1, False), (2, True), (2, True), (4, False)]


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([], []),
        ([3], [(1, False)]),
        ([4, 4, 4], [(1, True)] * 3),
        ([5, 5, 2, 2, 1], [(1, True), (1, True), (3, True), (3, True), (5, False)]),
        ([Fraction(7, 2), Fraction(7, 2), 3], [(1, True), (1, True), (3, False)]),
        ([-1, -2], [(1, False), (2, False)]),
    ],
)
def test_ranks_of_some_boards(scores, expected):
    assert ranks(scores) == expected


@given(st.lists(st.integers(min_value=-50, max_value=50), max_size=40))
def test_ranks_are_competition_ranking(values):
    scores = sorted(values, reverse=True)
    out = ranks(scores)
    assert len(out) == len(scores)
    ranked = [rank for rank, _ in out]
    assert ranked == sorted(ranked)
    for i, (score, (rank, tied)) in enumerate(zip(scores, out, strict=True)):
        assert rank == 1 + sum(1 for other in scores if other > score)
        assert tied == (scores.count(score) > 1)
        for j, other in enumerate(scores):
            if other == score:
                assert out[j][0] == rank
            elif j != i:
                assert out[j][0] != rank


# -- a board of hand-made submissions ---------------------------------------------------


@pytest.fixture(scope="module")
def two_rounds(loaded):
    return make_competition(
        loaded, ["VAL", "KAR"], ["s1"], title="Period 3", deadline="2026-12-20", ident="p3"
    )


def sub(
    student: str,
    round_: str,
    total: int,
    team: str | None = None,
    status: Status = Status.verified,
    played: int = 16,
) -> Submission:
    return Submission(
        "p3",
        round_,
        student,
        team,
        status,
        1,
        total,
        total + 10,
        5,
        7,
        22,
        "B",
        played,
        16,
        "{}",
    )


@pytest.fixture
def submissions() -> list[Submission]:
    """Ada 100 + 50, Bo 150 (tied with Ada), Cy 90, Dee unfinished, Eve 60 with a round
    still unfinished; teams Red (Ada, Cy: mean 120) and Blue (Bo, Eve: mean 105)."""
    return [
        sub("Ada", "1", 100, "Red"),
        sub("Ada", "2", 50, "Red"),
        sub("Bo", "1", 150, "Blue"),
        sub("Cy", "2", 90, "Red"),
        sub("Dee", "1", 999, "Blue", Status.unfinished, played=5),
        sub("Eve", "1", 60, "Blue"),
        sub("Eve", "2", 400, "Blue", Status.unfinished, played=9),
    ]


@pytest.fixture
def board(two_rounds, submissions):
    return build(two_rounds, submissions)


def test_students_are_ranked_by_their_summed_rounds(board):
    rows = [(s.rank, s.tied, s.student, s.total) for s in board.students]
    assert rows == [
        (1, True, "Ada", 150),
        (1, True, "Bo", 150),
        (3, False, "Cy", 90),
        (4, False, "Eve", 60),
    ]
    ada = board.students[0]
    assert [r.round for r in ada.rounds] == ["1", "2"]
    assert ada.part("security") == 110 + 60
    assert ada.part("penalties") == 44
    assert board.rounds == 2


def test_rounds_are_in_the_competitions_order(two_rounds):
    board = build(two_rounds, [sub("Ada", "2", 50), sub("Ada", "1", 100)])
    assert [r.round for r in board.students[0].rounds] == ["1", "2"]


def test_unfinished_games_are_pending_not_ranked(board):
    assert "Dee" not in [s.student for s in board.students]
    assert [(p.student, p.round, p.turns_played, p.turns_total) for p in board.pending] == [
        ("Dee", "1", 5, 16),
        ("Eve", "2", 9, 16),
    ]
    eve = next(s for s in board.students if s.student == "Eve")
    assert eve.total == 60 and [r.round for r in eve.rounds] == ["1"]


def test_a_team_scores_the_mean_of_its_members(board):
    teams = [(t.rank, t.tied, t.team, t.members, t.mean, t.best) for t in board.teams]
    assert teams == [
        (1, False, "Red", 2, Fraction(120), 150),
        (2, False, "Blue", 2, Fraction(105), 150),
    ]


def test_teams_are_told_apart_ignoring_case_and_spacing(two_rounds):
    board = build(two_rounds, [sub("Ada", "1", 10, "Red  Team"), sub("Bo", "1", 21, "red team")])
    (team,) = board.teams
    assert team.members == 2 and team.mean == Fraction(31, 2)


def test_a_student_is_one_whatever_the_spacing_and_case(two_rounds):
    board = build(two_rounds, [sub("Ada L.", "1", 10), sub("ada  l.", "2", 20)])
    (only,) = board.students
    assert only.total == 30 and len(only.rounds) == 2


def test_an_empty_board(two_rounds):
    board = build(two_rounds, [])
    assert board.students == board.teams == board.pending == ()
    assert "No verified game yet." in as_table(board)


# -- the formats ------------------------------------------------------------------------


@pytest.fixture
def four(two_rounds):
    """Scores 9, 7, 7, 5."""
    return build(
        two_rounds,
        [sub("Ann", "1", 9), sub("Ben", "1", 7), sub("Col", "1", 7), sub("Dan", "1", 5)],
    )


def _rank_cells(lines: list[str], names: list[str]) -> dict[str, str]:
    found = {}
    for name in names:
        (line,) = [x for x in lines if f" {name} " in f" {x} "]
        found[name] = line.strip("| ").split()[0]
    return found


def test_the_table_marks_a_shared_rank(four):
    text = as_table(four)
    assert text.startswith("Period 3 (competition p3, due 2026-12-20)\n")
    cells = _rank_cells(text.splitlines(), ["Ann", "Ben", "Col", "Dan"])
    assert cells == {"Ann": "1", "Ben": "2=", "Col": "2=", "Dan": "4"}


def test_markdown_marks_a_shared_rank(four):
    text = as_markdown(four)
    assert text.startswith("# Period 3")
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| rank | student |")
    cells = {r.split(" | ")[1]: r.split(" | ")[0].lstrip("| ") for r in rows[1:]}
    assert cells == {"Ann": "1", "Ben": "2=", "Col": "2=", "Dan": "4"}


def test_the_table_shows_teams_and_pending(board):
    text = as_table(board)
    assert "Teams (mean of members' scores)" in text
    assert "120.0" in text and "105.0" in text
    assert "Dee (round 1): unfinished, 5 of 16 turns" in text
    assert "1/2" in text and "2/2" in text


def test_markdown_escapes_a_pipe_in_a_name(two_rounds):
    text = as_markdown(build(two_rounds, [sub("A|B", "1", 3)]))
    assert "A\\|B" in text
    (row,) = [line for line in text.splitlines() if "A\\|B" in line]
    assert row.replace("\\|", "").count("|") == 11


def test_csv_reads_back_to_the_same_ranks(board):
    rows = list(csv.DictReader(io.StringIO(as_csv(board))))
    assert [(int(r["rank"]), r["tied"] == "yes", r["student"]) for r in rows] == [
        (s.rank, s.tied, s.student) for s in board.students
    ]
    assert [int(r["score"]) for r in rows] == [s.total for s in board.students]
    assert {r["tied"] for r in rows} <= {"yes", "no"}
    assert rows[0]["team"] == "Red" and rows[0]["rounds"] == "2"


def test_csv_keeps_a_name_with_commas_and_quotes(two_rounds):
    name = 'O"Neil, Ann'
    (row,) = csv.DictReader(io.StringIO(as_csv(build(two_rounds, [sub(name, "1", 3)]))))
    assert row["student"] == name


def test_markdown_shows_html_in_a_name_as_text(two_rounds):
    name = "<img src=x onerror=alert(1)>"
    text = as_markdown(build(two_rounds, [sub(name, "1", 3)]))
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text


@pytest.mark.parametrize("name", ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_never_hands_a_spreadsheet_a_formula(two_rounds, name):
    (row,) = csv.DictReader(io.StringIO(as_csv(build(two_rounds, [sub(name, "1", 3)]))))
    assert row["student"] == "'" + name  # shown as typed, not run


def test_json_says_rank_and_tie(board):
    data = json.loads(as_json(board))
    assert [(s["rank"], s["tied"], s["student"]) for s in data["students"]] == [
        (s.rank, s.tied, s.student) for s in board.students
    ]
    assert [t["mean"] for t in data["teams"]] == [120.0, 105.0]
    assert [u["student"] for u in data["unfinished"]] == ["Dee", "Eve"]
    assert data["competition"] == {"id": "p3", "title": "Period 3", "deadline": "2026-12-20"}


def test_html_escapes_names_and_breaks_down_each_student(two_rounds, submissions):
    hostile = [
        *submissions,
        sub(SCRIPT, "1", 70, team="<b>Team</b>"),
        sub(SCRIPT, "2", 1, team="<b>Team</b>"),
    ]
    board = build(two_rounds, hostile)
    page = as_html(board)
    assert "<script" not in page.lower()
    assert "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("class='breakdown'") == len(board.students) == 5
    for s in board.students:
        start = page.index(f"Score breakdown of {_escaped(s.student)}</summary>")
        details = page[start : page.index("</details>", start)]
        for r in s.rounds:
            assert f"<td>{r.round}</td><td class='n'>{r.total}</td>" in details
        assert details.count("<tr>") == 1 + len(s.rounds)
    assert page.startswith("<!DOCTYPE html>")
    assert "http://" not in page and "https://" not in page


def test_html_marks_a_shared_rank(four):
    page = as_html(four)
    assert page.count('<tr class="tied">') == 2
    assert '<td class="rank">2=</td>' in page
    assert '<td class="rank">4</td>' in page


def _escaped(text: str) -> str:
    from html import escape

    return escape(text)
