"""The theory's contrast beside history: the same world left to the AI alone, under balance
of threat and under balance of power, set beside the real blocs.

At the end of a game of a campaign that carries COW codes, the debrief shows how far the
player's world agreed with the real blocs (``game.history.beside``). The classroom question
is why the real blocs formed as they did, so the same campaign is played again by the
computer alone (the same player state, seed and length, a passive player that orders
nothing and takes each event's first, historical option) once under each doctrine, and each
world is scored the same way. Where balance of threat agrees with history and balance of
power does not, the theory, not the script, made the blocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Game, make_policy, new_game, play_headless
from game.history.beside import agreement_by_year, overall_score
from game.vocabulary import Doctrine

CONTRASTED = (Doctrine.balance_of_threat, Doctrine.balance_of_power)
"""The doctrines the debrief sets side by side: the theory the game teaches, and the rival
theory it is tested against."""


@dataclass(frozen=True)
class DoctrineAgreement:
    """How far a world played by the AI alone under one doctrine agreed with history."""

    doctrine: Doctrine
    score: float | None
    """Balanced accuracy over the poles' blocs, every compared state-year pooled."""
    years: int
    """The compared years."""


def ai_alone(game: Game, doctrine: Doctrine) -> Game:
    """``game``'s campaign played again by the AI alone under ``doctrine``: the same player
    state and seed, a passive player, as many turns as ``game`` has resolved."""
    again = new_game(game.loaded, game.seed, game.player, doctrine)
    for _ in play_headless(again, make_policy("passive", game.seed), turns=len(game.history)):
        pass
    return again


def doctrine_contrast(
    game: Game, doctrines: tuple[Doctrine, ...] = CONTRASTED
) -> tuple[DoctrineAgreement, ...]:
    """The agreement with history of ``game``'s world replayed by the AI alone under each
    of ``doctrines``. :class:`~game.history.beside.NoHistory` for a campaign without COW
    codes. Deterministic: each replay is a seeded game of its own."""
    found = []
    for doctrine in doctrines:
        agreements = agreement_by_year(ai_alone(game, doctrine))
        found.append(DoctrineAgreement(doctrine, overall_score(agreements), len(agreements)))
    return tuple(found)


# -- wording (the edge: the debrief screen and the hand-in Markdown) ----------------------
DOCTRINE_WORDS = {
    Doctrine.balance_of_threat: "balance of threat (the four elements)",
    Doctrine.balance_of_power: "balance of power (against the strongest)",
    Doctrine.bandwagon: "bandwagoning (with the strongest)",
}


def contrast_lines(contrast: tuple[DoctrineAgreement, ...]) -> list[str]:
    """One line per doctrine: its agreement with the real blocs."""
    return [
        f"The AI alone under {DOCTRINE_WORDS[c.doctrine]}: "
        + (f"{c.score:.2f}" if c.score is not None else "no state to compare")
        + f" over {c.years} years."
        for c in contrast
    ]


def contrast_verdict(contrast: tuple[DoctrineAgreement, ...]) -> str | None:
    """What the contrast says, when balance of threat and balance of power both scored."""
    scores = {c.doctrine: c.score for c in contrast}
    threat = scores.get(Doctrine.balance_of_threat)
    power = scores.get(Doctrine.balance_of_power)
    if threat is None or power is None:
        return None
    gap = threat - power
    if gap >= 0.05:
        return (
            f"Threat explains the real blocs {gap:.2f} better than power alone: states "
            "allied against the state that threatened them, not against the strongest."
        )
    if gap <= -0.05:
        return (
            f"Here power alone explains the real blocs {-gap:.2f} better than threat: "
            "a case for the rival theory."
        )
    return "Threat and power explain the real blocs about as well here."
