"""The JSON Schema of the campaign format, generated from the models."""

from __future__ import annotations

import json
from typing import Any

from game.campaign.models import Campaign

SCHEMA_ID = "https://entente.invalid/schema/campaign.schema.json"


def campaign_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that editors use to complete campaign files."""
    schema = Campaign.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def campaign_schema_text() -> str:
    """The schema as the stable, indented JSON text ``entente schema`` prints."""
    return json.dumps(campaign_schema(), indent=2, ensure_ascii=False) + "\n"
