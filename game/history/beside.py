"""The player's world beside what really happened: each state's bloc, year by year.

For a campaign whose states carry Correlates of War codes (``cow:``), every resolved turn's
blocs in the game (the pole a state is allied with, directly or through its bloc, as
``game.engine.blocs`` reads it) are set beside the real ones: the pole the state shared an
ATOP defense or offense pact with that year, from the shipped data. The agreement score is
the history check's (``game.history.check``): balanced accuracy over the poles' blocs among
the states really allied with exactly one pole; a state the game left in neither bloc
counts as wrong. Everything here is data; the wording helpers at the end serve the debrief
screen, the hand-in Markdown and the command line alike.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from game.campaign.models import Campaign
from game.engine import AlignmentChange, Game, blocs_at, change_text, poles_of
from game.history import sources
from game.history.metrics import balanced_accuracy

SOURCE = "ATOP 5.1 (Leeds, Ritter, Mitchell & Long 2002)"
"""Where the real blocs come from: cite it wherever they are shown."""
CHECKPOINT_YEARS = 5
"""A long game is shown at a checkpoint every this many years (and its last year)."""
ALL_YEARS_UP_TO = 10
"""A game of at most this many compared years is shown year by year."""


@dataclass(frozen=True)
class SideRow:
    """One state in one year: its bloc in the game beside its real one."""

    state: str
    cow: int
    game: str | None
    """The pole it stands with in the game (directly or through its bloc), or None."""
    real: str | None
    """The pole it really shared a pact with, or None (no pact with a pole, or with both)."""
    real_poles: tuple[str, ...]
    """Every pole it really shared a pact with (two or more: it is counted with neither)."""
    alliances: tuple[str, ...]
    """The game's alliances it belonged to as the turn closed."""
    reason: AlignmentChange | None = None
    """Its latest alignment change in the game up to that year (its own move, else one
    that involved it), or None if it never moved."""
    reason_year: int | None = None

    @property
    def agrees(self) -> bool:
        """True when the game put it on its real side (neither counts as a side here)."""
        return self.game == self.real

    @property
    def counted(self) -> bool:
        """True when it counts in the agreement score: really allied with exactly one pole."""
        return self.real is not None


@dataclass(frozen=True)
class YearAgreement:
    """One resolved turn's year: every compared state, and how far the game agrees."""

    year: int
    turn: int
    poles: tuple[str, ...]
    rows: tuple[SideRow, ...]
    notes: tuple[str, ...]
    """The campaign's history notes of that year."""

    @property
    def counted(self) -> int:
        """States really allied with exactly one pole."""
        return sum(r.counted for r in self.rows)

    @property
    def hits(self) -> int:
        """Counted states the game put on their real side."""
        return sum(r.counted and r.agrees for r in self.rows)

    @property
    def score(self) -> float | None:
        """Balanced accuracy over the poles' blocs; None when no state counts."""
        return score_of(self.rows)

    @property
    def divergences(self) -> tuple[SideRow, ...]:
        """The states whose side in the game differs from the real one (counted first)."""
        return tuple(sorted((r for r in self.rows if not r.agrees), key=lambda r: not r.counted))


class NoHistory(ValueError):
    """A campaign whose game cannot be set beside history; the message says why."""


def cow_codes(campaign: Campaign) -> dict[str, int]:
    """State id -> COW code, for the states that carry one, sorted by id."""
    return {s.id: s.cow for s in sorted(campaign.states, key=lambda s: s.id) if s.cow}


def history_problem(campaign: Campaign) -> str | None:
    """Why ``campaign`` cannot be set beside history, or None when it can: its states need
    COW codes (``cow:``), its poles too, and its years must meet the data's."""
    codes = cow_codes(campaign)
    if not codes:
        return f"no state of '{campaign.id}' has a Correlates of War code (cow:)"
    poles = poles_of(campaign)
    if len(poles) < 2:
        return f"'{campaign.id}' needs two poles to compare blocs"
    missing = [p for p in poles if p not in codes]
    if missing:
        return f"the poles of '{campaign.id}' need COW codes (cow:); {', '.join(missing)} has none"
    first, last = data_years()
    if campaign.end_year < first or campaign.start_year > last:
        return (
            f"'{campaign.id}' ({campaign.start_year}-{campaign.end_year}) is outside the "
            f"alliance data ({first}-{last})"
        )
    return None


def has_history(campaign: Campaign) -> bool:
    """True when the debrief can set ``campaign``'s blocs beside the real ones."""
    return history_problem(campaign) is None


def data_years() -> tuple[int, int]:
    """The first and last year of the alliance data."""
    years = sources.alliance_pairs()
    return min(years), max(years)


def real_partners(campaign: Campaign, year: int) -> dict[str, tuple[str, ...]]:
    """Each state with a COW code (poles aside) that was a member of the state system in
    ``year``: the poles it shared an ATOP defense or offense pact with that year, in the
    poles' order. Empty for a year outside the data."""
    first, last = data_years()
    if not first <= year <= last:
        return {}
    codes = cow_codes(campaign)
    poles = poles_of(campaign)
    pole_of = {codes[p]: p for p in poles if p in codes}
    found: dict[str, set[str]] = {}
    state_of = {code: state for state, code in codes.items()}
    for a, b in sorted(sources.alliance_pairs().get(year, ())):
        for mine, other in ((a, b), (b, a)):
            if other in pole_of and mine in state_of and mine not in pole_of:
                found.setdefault(state_of[mine], set()).add(pole_of[other])
    return {
        state: tuple(p for p in poles if p in found.get(state, ()))
        for state, code in codes.items()
        if state not in poles and sources.member(code, year)
    }


def real_sides(campaign: Campaign, year: int) -> dict[str, str | None]:
    """Each state with a COW code (poles aside) in the state system in ``year``: the pole
    it really shared a pact with, or None (with none, or with more than one)."""
    return {
        state: with_[0] if len(with_) == 1 else None
        for state, with_ in real_partners(campaign, year).items()
    }


def game_sides(game: Game, turn: int) -> dict[str, str | None]:
    """Each state with a COW code (poles aside) present in ``game``'s world as resolved turn
    ``turn`` closed: the pole it is allied with, directly or through its bloc, or None."""
    codes = cow_codes(game.campaign)
    poles = poles_of(game.campaign)
    return {
        line.state: line.bloc
        for line in blocs_at(game, turn, poles)
        if line.state in codes and line.state not in poles
    }


def score_of(rows: Sequence[SideRow]) -> float | None:
    """Balanced accuracy over the poles' blocs of the counted rows (None for none)."""
    counted = [r for r in rows if r.counted]
    value = balanced_accuracy([r.real for r in counted], [r.game for r in counted])
    return None if math.isnan(value) else round(value, 4)


def _reason(game: Game, state: str, turn: int) -> tuple[AlignmentChange | None, int | None]:
    """The state's latest alignment change up to ``turn``: its own move, else the latest
    change that involved it (an alliance formed with it, one it was left in)."""
    involved: tuple[AlignmentChange, int] | None = None
    for report in reversed(game.reports):
        if report.turn > turn:
            continue
        for change in reversed(report.alignment_changes):
            if change.state == state:
                return change, report.year
            if involved is None and state in change.partners:
                involved = change, report.year
    return involved if involved is not None else (None, None)


def compare(game: Game, turn: int) -> YearAgreement:
    """The blocs of resolved turn ``turn`` beside the real ones of its year."""
    campaign = game.campaign
    problem = history_problem(campaign)
    if problem is not None:
        raise NoHistory(problem)
    codes = cow_codes(campaign)
    poles = poles_of(campaign)
    lines = {line.state: line for line in blocs_at(game, turn, poles)}
    year = next(h.year for h in game.history if h.turn == turn)
    rows = []
    for state, with_ in sorted(real_partners(campaign, year).items()):
        line = lines.get(state)
        if line is None:
            continue  # not in the game's world that turn: nothing to compare
        real = with_[0] if len(with_) == 1 else None
        reason, when = (None, None) if line.bloc == real else _reason(game, state, turn)
        rows.append(
            SideRow(state, codes[state], line.bloc, real, with_, line.alliances, reason, when)
        )
    notes = [n.text.strip() for era in campaign.eras for n in era.history if n.year == year]
    notes += [n.text.strip() for n in campaign.history if n.year == year]
    return YearAgreement(year, turn, tuple(poles), tuple(rows), tuple(notes))


def agreement_by_year(game: Game) -> list[YearAgreement]:
    """Every resolved turn of ``game`` (in the data's years) beside history, in order: the
    agreement per year. :class:`NoHistory` for a campaign without COW codes."""
    problem = history_problem(game.campaign)
    if problem is not None:
        raise NoHistory(problem)
    first, last = data_years()
    return [compare(game, h.turn) for h in game.history if first <= h.year <= last]


def overall_score(agreements: Sequence[YearAgreement]) -> float | None:
    """The agreement over every state-year of ``agreements`` pooled (as the history check
    scores a period)."""
    return score_of([r for a in agreements for r in a.rows])


def checkpoints(
    agreements: Sequence[YearAgreement], every: int = CHECKPOINT_YEARS
) -> list[YearAgreement]:
    """The years a debrief shows: all of them for a short game, else the first, one at
    least ``every`` years after the one before, and the last."""
    if len(agreements) <= ALL_YEARS_UP_TO:
        return list(agreements)
    shown: list[YearAgreement] = []
    for entry in agreements:
        if not shown or entry.year >= shown[-1].year + every:
            shown.append(entry)
    if shown[-1] is not agreements[-1]:
        shown.append(agreements[-1])
    return shown


# -- wording (the edge: the debrief screen, the hand-in Markdown, the command line) --------
def side_text(side: str | None, names: Mapping[str, str]) -> str:
    """A side in the game as a reader sees it: "in the bloc of X", or "in neither bloc"."""
    return "in neither bloc" if side is None else f"in the bloc of {names.get(side, side)}"


def real_text(row: SideRow, names: Mapping[str, str]) -> str:
    """Where the state really stood: allied with one pole, with several, or with none."""
    if len(row.real_poles) > 1:
        both = " and ".join(names.get(p, p) for p in row.real_poles)
        return f"allied with both {both} (counted with neither)"
    return (
        "allied with neither"
        if row.real is None
        else f"allied with {names.get(row.real, row.real)}"
    )


def reason_text(row: SideRow, names: Mapping[str, str]) -> str:
    """Why the state stood where it did in the game: its latest alignment change (its year
    is ``row.reason_year``), or that it made none."""
    if row.reason is not None:
        return change_text(row.reason, names)
    if row.alliances:
        return "it kept the alliances it started with"
    return "it made no alliance in this game"


def divergence_text(row: SideRow, names: Mapping[str, str]) -> str:
    """One divergence: where the game put the state, where it really stood, and why."""
    name = names.get(row.state, row.state)
    when = f" ({row.reason_year})" if row.reason_year is not None else ""
    return (
        f"{name}: in your game {side_text(row.game, names)}; really "
        f"{real_text(row, names)}. Why in your game{when}: {reason_text(row, names)}."
    )


def score_text(entry: YearAgreement) -> str:
    """The year's agreement: the score and what it counts."""
    if entry.score is None:
        return "No state really allied with exactly one pole"
    return (
        f"Agreement {entry.score:.2f} ({entry.hits} of {entry.counted} states really allied "
        f"with one pole are in its bloc)"
    )


def method_text(
    poles: Sequence[str], names: Mapping[str, str], overall: float | None = None
) -> str:
    """How the real blocs are found and the agreement scored, with the source; with
    ``overall``, the agreement over every year too."""
    listed = " or ".join(names.get(p, p) for p in poles)
    text = (
        f"Real blocs: a defense or offense pact with {listed}, from {SOURCE}. Agreement: "
        "balanced accuracy over the blocs, among the states really allied with exactly one "
        "pole (a state your game left in neither bloc counts as wrong)."
    )
    return text if overall is None else f"{text} Over every year of your game: {overall:.2f}."


def agreement_record(entry: YearAgreement, names: Mapping[str, str]) -> dict[str, Any]:
    """One year's agreement as JSON-ready data (``entente simulate --history --json``)."""
    return {
        "year": entry.year,
        "turn": entry.turn,
        "score": entry.score,
        "hits": entry.hits,
        "counted": entry.counted,
        "notes": list(entry.notes),
        "rows": [
            {
                "state": r.state,
                "cow": r.cow,
                "game": r.game,
                "real": r.real,
                "real_poles": list(r.real_poles),
                "agrees": r.agrees,
                "counted": r.counted,
                "alliances": list(r.alliances),
                "reason": None if r.agrees else reason_text(r, names),
                "reason_year": r.reason_year,
            }
            for r in entry.rows
        ],
    }
