"""Reports put into words: refused orders and score notes, rendered at the edge.

The engine reports them as data (:class:`Refusal`: the order and why; :class:`ScoreNote`:
a kind and a count). The UI, the command line and the news word them here, so the same
report always reads the same way.
"""

from __future__ import annotations

from game.engine.report import Refusal, ScoreNote, ScoreNoteKind


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def refusal_text(refusal: Refusal) -> str:
    """The order as the player writes it, then why the engine refused it:
    ``break NO: you are not allied with Norhaven Federation``."""
    return f"{refusal.order}: {refusal.reason}"


def score_note_text(note: ScoreNote) -> str:
    """A note on the score: ``defeat``, ``victory``, ``2 wars started``, ``1 ally abandoned``."""
    match note.kind:
        case ScoreNoteKind.defeat | ScoreNoteKind.victory:
            return note.kind.value
        case ScoreNoteKind.wars_started:
            return f"{_counted(note.count, 'war', 'wars')} started"
        case ScoreNoteKind.allies_abandoned:
            return f"{_counted(note.count, 'ally', 'allies')} abandoned"
