"""Fixtures for the competition tests: the tutorial campaign, a competition of it, and
students' games played headless through the hand-in folder (as ``entente play`` does).

Every test gets its own data folder through ENTENTE_DATA_DIR (the hand-in ledger lives
there); the games a module's fixtures play once use a data folder of that module's.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from game.campaign.library import resolve_campaign
from game.campaign.loader import LoadedCampaign, load_campaign
from game.competition.handin import Handin, handin_for
from game.competition.settings import Competition, make_competition
from game.competition.verify import Known, known_from
from game.engine import Game, make_policy, play_headless
from game.paths import DATA_DIR_VARIABLE


@dataclass(frozen=True)
class Played:
    """A student's game, played and saved: the game, its hand-in and a copy of its replay
    (the hand-in's own file is overwritten by the student's next attempt)."""

    game: Game
    handin: Handin
    path: Path


PlayFunction = Callable[..., Played]


@pytest.fixture(scope="module", autouse=True)
def module_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data folder for the games each module's fixtures play (so the attempts a module
    counts do not depend on which modules ran before it)."""
    folder = tmp_path_factory.mktemp("entente-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_VARIABLE, str(folder))
        yield folder


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's own data folder (never the user's)."""
    folder = tmp_path / "entente-data"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    return folder


@pytest.fixture(scope="session")
def loaded() -> LoadedCampaign:
    """The tutorial campaign (playable: VAL, KAR, ON)."""
    return load_campaign(resolve_campaign("tutorial"))


@pytest.fixture(scope="session")
def competition(loaded: LoadedCampaign) -> Competition:
    """One round: VAL, seed s1."""
    return make_competition(loaded, ["VAL"], ["s1"])


@pytest.fixture(scope="session")
def known(competition: Competition, loaded: LoadedCampaign) -> dict[str, Known]:
    """The competitions a verifier knows: the one above."""
    return {competition.id: known_from(competition, loaded)}


def play_game(
    competition: Competition,
    loaded: LoadedCampaign,
    folder: Path,
    name: str = "Ada L.",
    team: str | None = "Red",
    policy_seed: str = "some-seed",
    turns: int | None = None,
    round_id: str | None = None,
    restart: bool = True,
    copy_to: Path | None = None,
) -> Played:
    """Play a student's game of ``competition`` in the hand-in ``folder`` with the random
    policy (to the end, or ``turns`` turns), save it, and copy its replay to ``copy_to``
    (default: beside it, named after the policy's seed)."""
    handin = handin_for(competition, round_id, name, team, folder)
    game, _ = handin.start(loaded, restart=restart)
    for _ in play_headless(game, make_policy("random", policy_seed), turns):
        pass
    handin.save(game)
    target = copy_to or folder / f"{handin.stem}.{policy_seed}.{len(game.history)}.json"
    shutil.copyfile(handin.replay_path, target)
    return Played(game, handin, target)


@pytest.fixture(scope="session")
def play() -> PlayFunction:
    """:func:`play_game`, for tests and fixtures."""
    return play_game


@pytest.fixture(scope="module")
def full_game(
    competition: Competition,
    loaded: LoadedCampaign,
    tmp_path_factory: pytest.TempPathFactory,
) -> Played:
    """Ada L.'s whole game of the competition's round, handed in."""
    played = play_game(competition, loaded, tmp_path_factory.mktemp("handin"))
    assert played.game.over
    return played
