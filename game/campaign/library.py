"""Where shipped campaigns live and how a campaign argument is found."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DEFAULT_CAMPAIGN = "cold_war"
"""The campaign people play and teach with: the Cold War, 1947-1991, built from real data."""
TUTORIAL_CAMPAIGN = "tutorial"
"""The short invented campaign that teaches the four elements one era at a time; one key
away (``t``) on the title and new-game screens."""
INDEX_NAME = "campaign.yaml"
"""The index a campaign folder holds (see :mod:`game.campaign.includes`)."""
SHIPPED_PACKAGE = "game.campaigns"
"""The package the shipped campaigns install as (the checkout's ``campaigns/`` folder)."""


def shipped_dir() -> Path:
    """The folder of the campaigns that ship with the game, found with importlib.resources.

    In a wheel install it is ``game/campaigns`` in site-packages; in an editable install,
    the checkout's ``campaigns/`` folder.
    """
    folder = files(SHIPPED_PACKAGE)
    if not isinstance(folder, Path):  # a zipped install, which the game does not support
        raise RuntimeError(f"{SHIPPED_PACKAGE} is not a folder on disk: {folder!r}")
    return folder


def shipped_campaigns() -> list[Path]:
    """Every shipped campaign file, sorted by name."""
    return sorted(shipped_dir().glob("*.yaml"))


def resolve_campaign(name: str | None) -> Path:
    """A campaign argument as a path: an existing file, or the id of a shipped campaign.

    ``None`` means the default campaign. A name that is neither is returned as given so
    the loader reports it as a missing file.
    """
    if name is None:
        name = DEFAULT_CAMPAIGN
    path = Path(name)
    if path.is_file() or (path / INDEX_NAME).is_file():  # a file, or a folder with an index
        return path
    shipped = shipped_dir() / f"{name}.yaml"
    return shipped if shipped.exists() else path
