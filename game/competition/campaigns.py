"""Finding the campaign a competition is played on, exactly the version it was made with.

A shipped campaign is found by its id; a teacher's own campaign by the file named on the
command line or by the path the competition file remembers (relative to itself). Whatever
is found must have the fingerprint the competition records: another version of the
campaign is another game.
"""

from __future__ import annotations

from pathlib import Path

from game.campaign.errors import CampaignInvalid
from game.campaign.library import shipped_dir
from game.campaign.loader import LoadedCampaign, load_campaign
from game.competition.settings import Competition, CompetitionError


def _load(path: Path) -> LoadedCampaign:
    try:
        return load_campaign(path)
    except CampaignInvalid as invalid:
        raise CompetitionError(f"the campaign does not load: {invalid.errors[0]}") from None


def matches(competition: Competition, loaded: LoadedCampaign) -> bool:
    """Whether ``loaded`` is the campaign, at the version, the competition was made with."""
    return (
        loaded.campaign.id == competition.campaign_id
        and loaded.fingerprint == competition.campaign_fingerprint
    )


def campaign_of(
    competition: Competition,
    competition_path: Path | None = None,
    given: Path | None = None,
) -> LoadedCampaign:
    """The competition's campaign: ``given`` (a file the user named), else the shipped
    campaign of its id, else the file the competition remembers; each must match the
    competition's fingerprint. :class:`CompetitionError` says what was tried."""
    what = (
        f"campaign '{competition.campaign_id}' v{competition.campaign_version} "
        f"(fingerprint {competition.campaign_fingerprint[:12]}...)"
    )
    if given is not None:
        loaded = _load(given)
        if not matches(competition, loaded):
            raise CompetitionError(
                f"{given} is not the competition's {what}: it is '{loaded.campaign.id}' "
                f"v{loaded.campaign.version} (fingerprint {loaded.fingerprint[:12]}...)"
            )
        return loaded
    tried: list[str] = []
    shipped = shipped_dir() / f"{competition.campaign_id}.yaml"
    if shipped.is_file():
        loaded = _load(shipped)
        if matches(competition, loaded):
            return loaded
        tried.append(
            f"the shipped campaign of that id is v{loaded.campaign.version}, another version"
        )
    if competition.campaign_file:
        hint = Path(competition.campaign_file)
        if not hint.is_absolute() and competition_path is not None:
            hint = competition_path.parent / hint
        if hint.is_file():
            loaded = _load(hint)
            if matches(competition, loaded):
                return loaded
            tried.append(f"{hint} is another version")
        else:
            tried.append(f"{hint} is not there")
    found = "; ".join(tried) or "it is not a shipped campaign"
    raise CompetitionError(
        f"the competition is played on {what}, which was not found ({found}): "
        "pass its file with --campaign FILE"
    )
