"""Reports put into words: each score note kind, counts in the singular and plural, and a
refused order with its reason."""

from __future__ import annotations

import pytest

from game.engine import (
    Order,
    Problem,
    ProblemKind,
    Refusal,
    ScoreNote,
    ScoreNoteKind,
    problem_text,
    refusal_text,
    score_note_text,
)


@pytest.mark.parametrize(
    ("note", "text"),
    [
        (ScoreNote(ScoreNoteKind.defeat), "defeat"),
        (ScoreNote(ScoreNoteKind.victory), "victory"),
        (ScoreNote(ScoreNoteKind.wars_started, 1), "1 war started"),
        (ScoreNote(ScoreNoteKind.wars_started, 3), "3 wars started"),
        (ScoreNote(ScoreNoteKind.allies_abandoned, 1), "1 ally abandoned"),
        (ScoreNote(ScoreNoteKind.allies_abandoned, 2), "2 allies abandoned"),
    ],
)
def test_each_score_note_reads_as_before(note, text):
    assert score_note_text(note) == text


def test_every_score_note_kind_has_words():
    for kind in ScoreNoteKind:
        assert score_note_text(ScoreNote(kind, 2))


def test_a_score_note_refuses_an_unknown_kind():
    with pytest.raises(ValueError):
        ScoreNote("wars", 1)  # type: ignore[arg-type]


def test_a_score_note_kind_compares_equal_to_its_string():
    assert ScoreNote("defeat") == ScoreNote(ScoreNoteKind.defeat)  # type: ignore[arg-type]


NAMES = {"NO": "Norhaven Federation", "TUR": "Turania"}


@pytest.mark.parametrize(
    ("order", "problem", "text"),
    [
        (
            Order("break", "NO"),
            Problem(ProblemKind.not_allied, "break", "NO"),
            "break NO: you are not allied with Norhaven Federation",
        ),
        (
            Order("aid", "TUR", 2, "military"),
            Problem(ProblemKind.not_enough_points, "aid", "TUR", needed=2, left=1),
            "aid TUR military 2: needs 2 action points, you have 1 left",
        ),
        (
            Order("aid", "TUR", 1, "military"),
            Problem(ProblemKind.not_enough_points, "aid", "TUR", needed=1, left=0),
            "aid TUR military: needs 1 action point, you have 0 left",
        ),
        (
            Order("posture", option="sideways"),
            Problem(ProblemKind.needs_option, "posture", choices=("defensive", "offensive")),
            "posture sideways: posture needs one of: defensive, offensive",
        ),
        (
            Order("ally", "ZZ"),
            Problem(ProblemKind.no_such_state, "ally", "ZZ"),
            "ally ZZ: there is no state 'ZZ'",
        ),
    ],
)
def test_a_refusal_reads_as_the_order_then_the_reason(order, problem, text):
    refusal = Refusal(order, problem)
    assert refusal.order is order
    assert refusal_text(refusal, NAMES) == text


def test_every_problem_kind_is_worded():
    for kind in ProblemKind:
        text = problem_text(Problem(kind, "ally", "NO", choices=("x",)), NAMES)
        assert text and "None" not in text, kind
