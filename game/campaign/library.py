"""Where shipped campaigns live and how a campaign argument is found."""

from __future__ import annotations

from pathlib import Path

DEFAULT_CAMPAIGN = "tutorial"


def shipped_dir() -> Path:
    """The folder of campaigns that ship with the game (``campaigns/`` in the checkout)."""
    return Path(__file__).resolve().parents[2] / "campaigns"


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
    if path.is_file():
        return path
    shipped = shipped_dir() / f"{name}.yaml"
    return shipped if shipped.exists() else path
