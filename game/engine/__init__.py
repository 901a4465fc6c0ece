"""The rules: world state, threat assessment, AI doctrines, actions, events, scoring, replays.

Pure Python (and numpy), deterministic, and never imports textual. This module is the
engine's only door: front ends (``game.ui``, the command line) import from here and from
nowhere else in the engine, and read the game through its frozen snapshots and reports.

- start a game: :func:`new_game`; a save or replay: :func:`read_replay`,
  :func:`load_game`, :func:`resimulate`, :func:`save`;
- play it: :meth:`Game.choose` (an event's choice), :meth:`Game.end_turn` (the turn's
  orders), :meth:`Game.check_order` and :meth:`Game.legal_orders` before ordering;
- read it: :attr:`Game.view` (a :class:`WorldView`), :meth:`Game.threats`,
  :meth:`Game.explain`, :attr:`Game.score`, :attr:`Game.history` (a :class:`TurnRecord`
  per turn), :attr:`Game.reports` (a :class:`TurnReport` per turn), :attr:`Game.replay`;
- word its reports: :func:`refusal_text` (a :class:`Refusal`), :func:`score_note_text`
  (a :class:`ScoreNote` of :attr:`ScoreCard.notes`), :func:`score_line_text` (a
  :class:`ScoreLine` of :attr:`ScoreCard.lines`), :func:`grades_text` (what each grade
  needs);
- end it: :func:`debrief_of` (a :class:`Debrief`: the decisions that mattered, history beside
  the game);
- read its blocs: :func:`poles_of` (the campaign's poles), :func:`blocs_at` (a
  :class:`BlocLine` per state as a turn closed: the pole it stands with, directly or through
  its allies, as :func:`side_of` finds it, and its alliances);
- model a world without a campaign's turns (the history check): :func:`build_world`, then
  :func:`assess` it in a :class:`Geography` into a :class:`ThreatMatrix`, and let a
  state :func:`choose_side` in a :class:`Context` (the same rules the game plays by);
- play it headless: :func:`make_policy`, :func:`play_headless`, :func:`headless_summary`.
"""

from game.campaign.models import ActorKind
from game.engine.alignment import align_turn
from game.engine.blocs import BlocLine, blocs_at, own_choices, poles_of, record_of_turn, side_of
from game.engine.constants import INTENT_DECAY_PER_YEAR
from game.engine.debrief import (
    Debrief,
    Decision,
    DecisionKind,
    HistoryBeside,
    debrief_of,
    decision_text,
    in_this_game,
)
from game.engine.explain import Explanation, FactorExplanation
from game.engine.game import EngineError, Game, OrderOption, new_game
from game.engine.geography import Geography, great_circle_km
from game.engine.orders import ACTIONS, Action, ChoiceOrder, Order
from game.engine.policies import POLICIES, ForcedChoices, Passive, Policy, make_policy
from game.engine.reading import Context
from game.engine.record import (
    MAX_BYTES,
    Replay,
    ReplayError,
    ReplayProblem,
    TurnLog,
    person_name,
    read_rules,
)
from game.engine.replay import load_game, read_replay, remove_stale_temporaries, resimulate, save
from game.engine.report import (
    AlignmentChange,
    ChangeKind,
    ChoiceOption,
    Consent,
    EventAnswer,
    GradeFloor,
    Grounds,
    Motive,
    News,
    NewsCategory,
    ObjectiveState,
    ObjectiveStatus,
    Outcome,
    PendingChoice,
    Problem,
    ProblemKind,
    Refusal,
    ScoreCard,
    ScoreLine,
    ScoreNote,
    ScoreNoteKind,
    ScorePart,
    ThreatLine,
    TurnRecord,
    TurnReport,
    Verdict,
)
from game.engine.rules import Entry, Rules
from game.engine.simulate import run as play_headless
from game.engine.simulate import summary as headless_summary
from game.engine.storage import write_atomic
from game.engine.threat import FACTORS, ThreatMatrix, assess
from game.engine.views import AllianceView, StateView, WorldView
from game.engine.wording import (
    SCORE_PARTS,
    change_text,
    consent_text,
    grades_text,
    markdown_cell,
    problem_text,
    refusal_text,
    score_line_text,
    score_note_text,
)
from game.engine.world import Act, AllianceRecord, World, build_world, year_of_turn

__all__ = [
    "ACTIONS",
    "FACTORS",
    "INTENT_DECAY_PER_YEAR",
    "MAX_BYTES",
    "POLICIES",
    "SCORE_PARTS",
    "Act",
    "Action",
    "ActorKind",
    "AlignmentChange",
    "AllianceRecord",
    "AllianceView",
    "BlocLine",
    "ChangeKind",
    "ChoiceOption",
    "ChoiceOrder",
    "Consent",
    "Context",
    "Debrief",
    "Decision",
    "DecisionKind",
    "EngineError",
    "Entry",
    "EventAnswer",
    "Explanation",
    "FactorExplanation",
    "ForcedChoices",
    "Game",
    "Geography",
    "GradeFloor",
    "Grounds",
    "HistoryBeside",
    "Motive",
    "News",
    "NewsCategory",
    "ObjectiveState",
    "ObjectiveStatus",
    "Order",
    "OrderOption",
    "Outcome",
    "Passive",
    "PendingChoice",
    "Policy",
    "Problem",
    "ProblemKind",
    "Refusal",
    "Replay",
    "ReplayError",
    "ReplayProblem",
    "Rules",
    "ScoreCard",
    "ScoreLine",
    "ScoreNote",
    "ScoreNoteKind",
    "ScorePart",
    "StateView",
    "ThreatLine",
    "ThreatMatrix",
    "TurnLog",
    "TurnRecord",
    "TurnReport",
    "Verdict",
    "World",
    "WorldView",
    "align_turn",
    "assess",
    "blocs_at",
    "build_world",
    "change_text",
    "consent_text",
    "debrief_of",
    "decision_text",
    "grades_text",
    "great_circle_km",
    "headless_summary",
    "in_this_game",
    "load_game",
    "make_policy",
    "markdown_cell",
    "new_game",
    "own_choices",
    "person_name",
    "play_headless",
    "poles_of",
    "problem_text",
    "read_replay",
    "read_rules",
    "record_of_turn",
    "refusal_text",
    "remove_stale_temporaries",
    "resimulate",
    "save",
    "score_line_text",
    "score_note_text",
    "side_of",
    "write_atomic",
    "year_of_turn",
]
