"""Format versions: version 1 files load as they always did, a part new in version 2
needs ``schema_version: 2`` (the error names the part and its place), and no other version
is accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.campaign.errors import CampaignInvalid
from game.campaign.library import resolve_campaign
from game.campaign.loader import load_campaign
from game.campaign.models import SCHEMA_VERSION
from game.campaign.versions import version_2_parts

MINIMAL = Path(__file__).parents[2] / "data" / "minimal_campaign.yaml"
RAID = "      - id: raid\n"

PARTS = {
    "a follow-up event (trigger kind 'after')": (
        RAID,
        "      - id: after_raid\n        title: After\n        text: After the raid.\n"
        "        trigger: {kind: after, event: raid}\n" + RAID,
    ),
    "a conditional effect ('when' on an effect)": (
        "            description: a raid\n",
        "            description: a raid\n            when: 'year > 1900'\n",
    ),
    "the function principal_threat()": (
        "when: exists(AAA) and year >= 1902",
        "when: exists(AAA) and principal_threat(AAA, ON)",
    ),
    "the function min()": (
        "by: military(NO) * 0.5",
        "by: min(military(NO), 10)",
    ),
}


def written(tmp_path: Path, version: int, old: str = "", new: str = "") -> Path:
    text = MINIMAL.read_text().replace("schema_version: 1", f"schema_version: {version}", 1)
    path = tmp_path / "campaign.yaml"
    path.write_text(text.replace(old, new, 1) if old else text)
    return path


@pytest.mark.parametrize("part", sorted(PARTS))
def test_a_version_2_part_needs_schema_version_2(tmp_path, part) -> None:
    old, new = PARTS[part]
    with pytest.raises(CampaignInvalid) as caught:
        load_campaign(written(tmp_path, 1, old, new))
    message = str(caught.value)
    assert f"{part} is new in schema_version 2" in message
    assert "write 'schema_version: 2'" in message and "campaign.yaml:" in message
    assert load_campaign(written(tmp_path, 2, old, new)).campaign.schema_version == 2


def test_version_1_files_load_as_before(tmp_path) -> None:
    assert load_campaign(written(tmp_path, 1)).campaign.schema_version == 1
    for shipped in ("tutorial", "cold_war"):
        campaign = load_campaign(resolve_campaign(shipped)).campaign
        assert campaign.schema_version == 1 and not list(version_2_parts(campaign))


def test_an_unknown_version_is_refused(tmp_path) -> None:
    with pytest.raises(CampaignInvalid) as caught:
        load_campaign(written(tmp_path, 3))
    assert "schema_version" in str(caught.value)
    assert SCHEMA_VERSION == 2
