"""The committed JSON Schema is the one the models generate, and shipped campaigns use it."""

from __future__ import annotations

import json
from pathlib import Path

from game.campaign.library import shipped_campaigns
from game.campaign.schema import campaign_schema_text

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = ROOT / "schema" / "campaign.schema.json"


def test_committed_schema_is_current() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == campaign_schema_text(), (
        "schema/campaign.schema.json is stale: run "
        "`entente schema --out schema/campaign.schema.json`"
    )


def test_schema_is_json_with_every_top_level_field() -> None:
    schema = json.loads(campaign_schema_text())
    assert schema["$schema"].endswith("2020-12/schema")
    for field in ("schema_version", "states", "eras", "playable", "default_player"):
        assert field in schema["properties"]
    assert schema["additionalProperties"] is False


def test_shipped_campaigns_point_editors_at_the_schema() -> None:
    campaigns = shipped_campaigns()
    assert campaigns, "no shipped campaign found"
    for path in campaigns:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == SCHEMA.resolve(), f"{path.name} points at {target}"
