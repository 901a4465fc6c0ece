"""Reports put into words: each score note kind, counts in the singular and plural, and a
refused order with its reason."""

from __future__ import annotations

import pytest

from game.engine import (
    Order,
    Refusal,
    ScoreNote,
    ScoreNoteKind,
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


@pytest.mark.parametrize(
    ("order", "text"),
    [
        (Order("break", "NO"), "break NO: not allowed"),
        (Order("aid", "TUR", 2, "military"), "aid TUR military 2: not allowed"),
        (Order("posture", option="offensive"), "posture offensive: not allowed"),
    ],
)
def test_a_refusal_reads_as_the_order_then_the_reason(order, text):
    refusal = Refusal(order, "not allowed")
    assert refusal.order is order
    assert refusal_text(refusal) == text
