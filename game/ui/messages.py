"""Messages that engine workers post back to the app: data only, never widgets."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from game.campaign.loader import LoadedCampaign
    from game.engine import Game, News, TurnReport, WorldView
    from game.ui.saves import SaveInfo
    from game.ui.watch import Replayed


class CampaignLoaded(Message):
    """The default campaign finished loading (or failed: ``error`` says why)."""

    def __init__(self, loaded: LoadedCampaign | None, error: str | None = None) -> None:
        super().__init__()
        self.loaded = loaded
        self.error = error


class GameReady(Message):
    """A game was started or loaded and can be played."""

    def __init__(self, game: Game, fresh: bool, note: str | None = None) -> None:
        super().__init__()
        self.game = game
        self.fresh = fresh
        """True for a new game (its first briefing is shown)."""
        self.note = note
        """Something the player should know, e.g. that a backup autosave was used."""


class GameFailed(Message):
    """Starting or loading a game failed; the player stays where they were."""

    def __init__(self, title: str, error: str) -> None:
        super().__init__()
        self.title = title
        self.error = error


class TurnResolved(Message):
    """The engine resolved a turn: its report and the world as it then stood (a frozen
    snapshot taken in the worker)."""

    def __init__(self, report: TurnReport, view: WorldView) -> None:
        super().__init__()
        self.report = report
        self.view = view


class TurnFailed(Message):
    """The engine failed while resolving a turn. ``game`` is the game as it stood before
    the turn (re-simulated from its replay), or None if even that failed."""

    def __init__(self, game: Game | None, error: str) -> None:
        super().__init__()
        self.game = game
        self.error = error


class ChoiceResolved(Message):
    """The engine applied the player's choice in an event: its news and the world as it
    then stood (a frozen snapshot taken in the worker)."""

    def __init__(self, news: list[News], view: WorldView) -> None:
        super().__init__()
        self.news = news
        self.view = view


class Saved(Message):
    """A save or autosave was written (``path``), or failed (``error``)."""

    def __init__(
        self,
        path: Path | None,
        error: str | None,
        auto: bool,
        game: Game | None = None,
        progress: tuple[object, ...] = (),
        frees_engine: bool = False,
    ) -> None:
        super().__init__()
        self.path = path
        self.error = error
        self.auto = auto
        self.frees_engine = frees_engine
        """The engine call that wrote it ends with it (a turn's autosave, written after
        its report is on screen): the engine is free again."""
        self.game = game
        """The game that was saved."""
        self.progress = progress
        """Where it stood when it was written (``saves.progress_of``)."""


class NoAutosave(Message):
    """Continue found no autosave (of ``campaign``, when the command line named one)."""

    def __init__(self, campaign: str | None) -> None:
        super().__init__()
        self.campaign = campaign


class CampaignReloaded(Message):
    """The watched campaign was read again (``entente play --watch``), and the game in
    progress replayed on it (``replayed``; None when there was no game to replay)."""

    def __init__(self, loaded: LoadedCampaign, replayed: Replayed | None) -> None:
        super().__init__()
        self.loaded = loaded
        self.replayed = replayed


class CampaignReloadFailed(Message):
    """The watched campaign could not be read again: every problem, one line each
    (``FILE:LINE:COL: message``); the game in progress goes on as it was."""

    def __init__(self, errors: list[str], files: list[str]) -> None:
        super().__init__()
        self.errors = errors
        self.files = files
        """The files the errors are in (watched from now on, if they were not)."""


class AutosaveFound(Message):
    """The most recent autosave, looked up in a worker (None: there is none)."""

    def __init__(self, path: Path | None) -> None:
        super().__init__()
        self.path = path


class SavesListed(Message):
    """Every save's header, read in a worker for the Load screen."""

    def __init__(self, saves: list[SaveInfo]) -> None:
        super().__init__()
        self.saves = saves


def describe(error: Any) -> str:
    """An exception as one line for the player: its message, never its class's name."""
    if isinstance(error, OSError) and error.strerror:
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror}"
    text = str(error).strip()
    return text or "something went wrong that the game did not expect"
