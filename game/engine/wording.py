"""Reports put into words, the one renderer: alliance changes and the answers states give
to alliance offers (in the theory's words), refused orders, score notes and the score's
parts and grades.

The engine reports them as data (:class:`AlignmentChange` and :class:`Consent`: the rule,
the states, the threat and the figures; :class:`Refusal`: the order and why;
:class:`ScoreNote`: a kind and a count). The UI, the command line, the news and the
exports word them here, so the same report always reads the same way and nothing parses
prose.
"""

from __future__ import annotations

from collections.abc import Mapping

from game.engine import constants as k
from game.engine.report import (
    AlignmentChange,
    ChangeKind,
    Consent,
    Grounds,
    Motive,
    Problem,
    ProblemKind,
    Refusal,
    ScoreCard,
    ScoreLine,
    ScoreNote,
    ScoreNoteKind,
    ScorePart,
    ThreatLine,
    Verdict,
)


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def refusal_text(refusal: Refusal, names: Mapping[str, str]) -> str:
    """The order as the player writes it, then why the engine refused it:
    ``break NO: you are not allied with Norhaven Federation``."""
    return f"{refusal.order}: {problem_text(refusal.problem, names)}"


def problem_text(p: Problem, names: Mapping[str, str]) -> str:
    """Why an order cannot be carried out, e.g. ``needs 2 action points, you have 1 left``."""
    target = _name(names, p.target)
    match p.kind:
        case ProblemKind.unknown_action:
            return f"unknown action '{p.action}' (actions: {', '.join(p.choices)})"
        case ProblemKind.needs_option:
            return f"{p.action} needs one of: {', '.join(p.choices)}"
        case ProblemKind.takes_no_option:
            return f"{p.action} takes no option"
        case ProblemKind.bad_amount:
            return f"amount must be 1 to {p.needed}"
        case ProblemKind.takes_no_amount:
            return f"{p.action} takes no amount"
        case ProblemKind.needs_target:
            return "needs a target state"
        case ProblemKind.no_such_state:
            return f"there is no state '{p.target}'"
        case ProblemKind.not_present:
            return f"{target} is not in the world now"
        case ProblemKind.targets_self:
            return "you cannot target yourself"
        case ProblemKind.takes_no_target:
            return f"{p.action} takes no target"
        case ProblemKind.not_enough_points:
            needed = _counted(p.needed, "action point", "action points")
            return f"needs {needed}, you have {p.left} left"
        case ProblemKind.already_allied:
            return f"you are already allied with {target}"
        case ProblemKind.non_state_ally:
            return "a non-state actor cannot sign an alliance"
        case ProblemKind.refuses:
            # A problem is always with the player's own order: the player reads "you".
            answer = (
                consent_text(p.consent, names, p.consent.proposer)
                if p.consent
                else f"{target} says no"
            )
            return f"{answer}, so it refuses"
        case ProblemKind.not_allied:
            return f"you are not allied with {target}"
        case ProblemKind.already_guaranteed:
            return f"you already guarantee {target}"
        case ProblemKind.already_queued:
            return f"'{p.choices[0] if p.choices else p.action}' is already queued this turn"
        case ProblemKind.not_allowed:
            allowed = ", ".join(p.choices) if p.choices else "none"
            return f"this competition does not allow '{p.action}' (allowed: {allowed})"
        case ProblemKind.no_target:
            if p.consent is not None:
                answer = consent_text(p.consent, names, p.consent.proposer)
                return f"no state would accept now ({answer})"
            if p.action == "break":
                return "you have no ally to break with"
            return "no state can be its target now"


def score_note_text(note: ScoreNote) -> str:
    """A note on the score: ``defeat``, ``victory``, ``2 wars started``, ``1 ally abandoned``."""
    match note.kind:
        case ScoreNoteKind.defeat | ScoreNoteKind.victory:
            return note.kind.value
        case ScoreNoteKind.wars_started:
            return f"{_counted(note.count, 'war', 'wars')} started"
        case ScoreNoteKind.allies_abandoned:
            return f"{_counted(note.count, 'ally', 'allies')} abandoned"
        case ScoreNoteKind.sanctioned_interventions:
            interventions = _counted(note.count, "intervention", "interventions")
            return f"{interventions} the campaign asked for (not charged as wars)"


SCORE_PARTS = {
    ScorePart.security: "security",
    ScorePart.influence: "influence",
    ScorePart.objectives: "objectives",
    ScorePart.coalition: "coalition against you",
    ScorePart.wars: "wars started",
    ScorePart.abandoned: "allies abandoned",
}
"""Each part of the score as a player reads it."""


def score_line_text(line: ScoreLine) -> str:
    """One part of the score: ``security 612 of 1000``, ``coalition against you -45``."""
    name = SCORE_PARTS[line.part]
    if line.maximum > 0:
        return f"{name} {line.points} of {line.maximum}"
    return f"{name} {line.points}"


def grades_text(card: ScoreCard) -> str:
    """What each grade needs: ``A from 1600, B from 1300, C from 1000, D from 700, F below``."""
    return ", ".join(
        f"{f.grade} from {f.points}" if f.points is not None else f"{f.grade} below"
        for f in card.grades
    )


WHERE = {"land": "shares a border", "sea": "across the sea", "distance": "at a distance"}


def _name(names: Mapping[str, str], ident: str | None) -> str:
    return names.get(ident or "", ident or "no one")


def markdown_cell(text: str) -> str:
    """``text`` as one cell of a Markdown table: on one line, its pipes escaped (a ``|``
    even inside a code span, as in ``posture defensive|offensive``, would end the cell)."""
    return " ".join(text.split()).replace("|", "\\|")


# -- the one renderer for names, articles, possessives and numbers -------------------------
def possessive(name: str) -> str:
    """``Kingdom of Valmora's``, ``Brethren of the Skerries'``, ``your``."""
    if name in ("you", "You"):
        return name[0] + "our"
    return name + ("'" if name.endswith("s") else "'s")


def with_article(phrase: str) -> str:
    """``a defensive posture``, ``an offensive posture``, ``an 8% build-up``."""
    first = phrase.lstrip()[:1].lower()
    vowel = first in ("a", "e", "i", "o", "u", "8")
    return ("an " if vowel else "a ") + phrase


def figure(value: float) -> str:
    """An amount as a player reads it: ``350`` (not ``349.92``), ``12.5``, ``0.17``."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}".removesuffix(".0")
    return f"{value:.2f}"


def compared(value: float, limit: float) -> tuple[str, str]:
    """Two figures a sentence compares, with as many decimals (2 to 4) as it takes to tell
    them apart: never ``0.17, below 0.17``."""
    shown = (f"{value:.2f}", f"{limit:.2f}")
    for digits in (3, 4):
        if shown[0] != shown[1] or value == limit:
            break
        shown = (f"{value:.{digits}f}", f"{limit:.{digits}f}")
    return shown


def _num(value: float | None) -> float:
    return 0.0 if value is None else value


def threat_phrase(threat: ThreatLine | None, grounds: Grounds) -> str:
    """The four elements of one threat in a line: where, then the factor values, then the
    heaviest hostile act remembered."""
    if threat is None:
        return "it is gone"
    after = f" after {grounds.act}" if grounds.act else ""
    where = WHERE[grounds.where or "distance"]
    return (
        f"{where} (proximity {threat.proximity:.2f}), aggregate power {threat.power:.2f}, "
        f"offensive capability {threat.offense:.2f}, intentions {threat.intentions:.2f}{after}"
    )


def principal_text(
    names: Mapping[str, str],
    motive: Motive,
    rival: str | None,
    threat: ThreatLine | None,
    grounds: Grounds,
) -> str:
    """Why a state fears (or follows) ``rival``, in its doctrine's words."""
    who = _name(names, rival)
    if motive == Motive.most_powerful:
        return (
            f"{who} is the most powerful state (power share {_num(grounds.share):.2f} "
            "against it), whatever its intentions"
        )
    if motive == Motive.strongest:
        return f"{who} is the most powerful state (power share {_num(grounds.share):.2f})"
    return f"its principal threat is {who}: {threat_phrase(threat, grounds)}"


def bandwagon_text(names: Mapping[str, str], rival: str | None, g: Grounds) -> str:
    """Walt's three conditions for bandwagoning with ``rival``, with their figures."""
    who = _name(names, rival)
    return (
        f"too weak (power {_num(g.ratio):.2f} of {possessive(who)}), {who} is near (proximity "
        f"{_num(g.proximity):.2f}) and no able ally is within reach (help {_num(g.help):.0f} "
        f"against the striking power of {_num(g.strike):.0f} it can bring)"
    )


def _need_not_bandwagon(rival: str, g: Grounds) -> str:
    """Which of Walt's conditions for bandwagoning fails, so a state need not side with
    its threat."""
    if _num(g.ratio) >= k.WEAK_RATIO:
        ratio = _num(g.ratio)
        return f"it is not too weak to stand against it (power {ratio:.2f} of {possessive(rival)})"
    if _num(g.proximity) < k.NEAR_PROXIMITY:
        return f"{rival} is not near enough to force it (proximity {_num(g.proximity):.2f})"
    return (
        f"able help is within reach ({_num(g.help):.0f} against a striking power of "
        f"{_num(g.strike):.0f})"
    )


def consent_text(c: Consent, names: Mapping[str, str], reader: str | None = None) -> str:
    """A state's answer to an alliance offer, e.g. "Filia accepts: its principal threat is
    Agron: ...". When ``reader`` (the player) made the offer, it is "you"."""
    me, you, rival = _name(names, c.state), _name(names, c.proposer), _name(names, c.rival)
    second = reader is not None and c.proposer == reader
    if second:
        you = "you"
    is_, does = ("are", "do") if second else ("is", "does")
    g = c.grounds
    match c.verdict:
        case Verdict.already_allied:
            return f"{me} is already allied with {you}"
        case Verdict.no_rival:
            return f"{me} sees no rival at all"
        case Verdict.joins_strongest:
            reason = principal_text(names, c.motive, c.rival, c.threat, g)
            return f"{me} joins the strongest: {reason}"
        case Verdict.not_weaker:
            return f"{me} is at least as strong as {you}"
        case Verdict.follows_strongest:
            return f"{me} follows only the strongest power, {rival}"
        case Verdict.bandwagons:
            return f"{me} bandwagons: {bandwagon_text(names, c.proposer, g)}"
        case Verdict.weak_neighbour:
            return (
                f"{me} accepts {possessive(you)} alignment: too weak to threaten it "
                f"(power {_num(g.ratio):.2f} of its own)"
            )
        case Verdict.sees_as_threat:
            return f"{me} sees {you} as its principal threat"
        case Verdict.not_alarmed:
            high, threshold = compared(_num(g.pressure), _num(g.threshold))
            return (
                f"{me} feels no threat worth an alliance (highest {high} "
                f"from {rival}, it acts above {threshold})"
            )
        case Verdict.allied_with_threat:
            return f"{you} {is_} allied with {possessive(me)} principal threat"
        case Verdict.allied_against_it:
            return f"{you} {is_} in an alliance against {me}"
        case Verdict.at_war:
            grievance, limit = compared(_num(g.grievance), _num(g.limit))
            return (
                f"{me} and {you} are at odds: remembered hostile acts between them weigh "
                f"{grievance}, at or above {limit}"
            )
        case Verdict.client:
            return (
                f"{me} accepts {you} as a client: too weak to threaten it (power "
                f"{_num(g.ratio):.2f} of its own), it sides with {me} rather than against it"
            )
        case Verdict.shares_threat:
            return f"{me} accepts: {principal_text(names, c.motive, c.rival, c.threat, g)}"
        case Verdict.never_allies:
            return f"{me} does not recognise {you}: it will never ally with {you}"
        case Verdict.has_patron:
            return f"{me} is a client of {_name(names, g.patron)}, which decides its alliances"
        case Verdict.not_shared:
            return (
                f"{possessive(me)} principal threat is {rival}, which {you} {does} not share "
                f"(it rates it {_num(g.rating):.2f})"
            )


def change_text(c: AlignmentChange, names: Mapping[str, str]) -> str:
    """An alliance change in the theory's words, e.g. "Norhaven left the Strait League: the
    threat from Karvath has receded (0.12, below 0.20 for 2 turns)"."""
    me, rival, pact = _name(names, c.state), _name(names, c.rival), c.alliance_name
    g = c.grounds
    if c.change == ChangeKind.dissolved:
        if c.motive == Motive.merged:
            return f"{pact} dissolved: its members are allied in another alliance, which carries on"
        why = "its leader left" if c.motive == Motive.leader_left else "too few members remain"
        return f"{pact} dissolved: {why}"
    if c.change == ChangeKind.left:
        match c.motive:
            case Motive.player_choice:
                return f"{me} left {pact} by choice"
            case Motive.to_bandwagon:
                return f"{me} left {pact} to bandwagon"
            case Motive.partner_attacked:
                grievance, limit = compared(_num(g.grievance), _num(g.limit))
                return (
                    f"{me} left {pact}: its partner {rival} keeps attacking it (remembered "
                    f"hostile acts {grievance}, at or above {limit})"
                )
            case Motive.partner_is_threat:
                return (
                    f"{me} left {pact}: its partner {rival} is its principal threat "
                    f"({threat_phrase(c.threat, g)}), and {_need_not_bandwagon(rival, g)}"
                )
            case Motive.will_not_oppose:
                return f"{me} left {pact}: it will not stand against the strongest power, {rival}"
            case Motive.rival_gone:
                return f"{me} left {pact}: {rival} is gone, and with it the alliance's purpose"
            case Motive.clashing_pact if c.against == c.rival:
                return (
                    f"{me} left {pact}: it is now allied with {rival}, the state that "
                    "alliance stands against"
                )
            case Motive.clashing_pact:
                return f"{me} left {pact}: it now stands against {rival}, one of its partners there"
            case Motive.client:
                return f"{me} left {pact}: it is now a client of {rival}, which decides for it"
            case _:
                pressure, limit = compared(_num(g.pressure), _num(g.limit))
                return (
                    f"{me} left {pact}: the threat from {rival} has receded "
                    f"({pressure}, below {limit} for {g.turns} turns)"
                )
    partner = _name(names, c.partner)
    if c.change == ChangeKind.bandwagoned:
        if c.motive == Motive.bandwagoning:
            return f"{me} bandwagoned with {partner}: {bandwagon_text(names, c.partner, g)}"
        return (
            f"{me} bandwagoned with {partner}: "
            f"{principal_text(names, c.motive, c.rival, c.threat, g)}"
        )
    if c.consent is not None:
        return f"{me} allied with {partner}: {consent_text(c.consent, names)}"
    return f"{me} allied with {partner}: {principal_text(names, c.motive, c.rival, c.threat, g)}"
