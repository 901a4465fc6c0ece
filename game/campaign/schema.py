"""The JSON Schema of the campaign format, generated from the models.

Pydantic writes a tagged union as ``oneOf`` with an OpenAPI ``discriminator``, which
JSON Schema validators ignore: they try every branch, and for any mistake inside an
effect, a trigger or a power report only that the value "is not valid under any of the
given schemas". Here each such union becomes a dispatch on its ``kind`` tag: ``kind``
must be one of the tags, and ``if`` it is a given tag ``then`` the object must match that
tag's model, so a validator checks the one model the tag names and reports the mistake at
the field itself (``eras/0/events/0/effects/0/severity``).

The rules the models check in code and a schema can state are added as well
(:data:`RULES`): a scheduled trigger gives exactly one of ``year`` and ``turn``, an
``adjust`` exactly one of ``by`` and ``to``, and a state (not a ``non_state`` actor) has
a capital.
"""

from __future__ import annotations

import json
from typing import Any

from game.campaign.includes import INCLUDABLE
from game.campaign.models import Campaign

SCHEMA_ID = "https://entente.invalid/schema/campaign.schema.json"
PART_SCHEMA_ID = "https://entente.invalid/schema/campaign-part.schema.json"


def _given(field: str) -> dict[str, Any]:
    """The schema of an object in which ``field`` is present and not null."""
    return {"required": [field], "properties": {field: {"not": {"type": "null"}}}}


def _exactly_one(first: str, second: str) -> dict[str, Any]:
    return {
        "oneOf": [_given(first), _given(second)],
        "$comment": f"Give exactly one of '{first}' or '{second}'.",
    }


RULES: dict[str, dict[str, Any]] = {
    "Scheduled": _exactly_one("year", "turn"),
    "Adjust": _exactly_one("by", "to"),
    "State": {
        "if": {"required": ["kind"], "properties": {"kind": {"const": "non_state"}}},
        "else": {"required": ["capital"], "properties": {"capital": {"$ref": "#/$defs/Capital"}}},
        "$comment": "A state needs a capital; only a non_state actor may omit it.",
    },
}
"""Rules added to the named models' schemas: each is what a model validator checks."""


def campaign_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that editors use to complete campaign files."""
    schema = _dispatch_on_kind(Campaign.model_json_schema(mode="validation"))
    definitions = schema["$defs"]
    for name, rule in RULES.items():
        definitions[name] = {**definitions[name], **rule}  # KeyError: a model was renamed
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def _dispatch_on_kind(node: Any) -> Any:
    """``node`` with every ``oneOf`` + ``discriminator`` turned into ``if``/``then`` on the
    tag (see the module docstring)."""
    if isinstance(node, list):
        return [_dispatch_on_kind(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _dispatch_on_kind(value) for key, value in node.items()}
    discriminator = node.get("discriminator")
    if not isinstance(discriminator, dict) or "oneOf" not in node:
        return node
    tag = discriminator["propertyName"]
    mapping: dict[str, str] = discriminator["mapping"]
    order = [branch["$ref"] for branch in node["oneOf"]]
    tags = sorted(mapping, key=lambda name: order.index(mapping[name]))  # the union's order
    rest = {k: v for k, v in node.items() if k not in ("discriminator", "oneOf")}
    return {
        **rest,
        "type": "object",
        "required": [tag],
        "properties": {tag: {"enum": tags}},
        "allOf": [
            {
                "if": {"required": [tag], "properties": {tag: {"const": name}}},
                "then": {"$ref": mapping[name]},
            }
            for name in tags
        ],
    }


def part_schema() -> dict[str, Any]:
    """The JSON Schema of a file a campaign includes (see :mod:`game.campaign.includes`):
    the campaign's own definitions, with only the parts an included file may hold, none
    of them required."""
    schema = campaign_schema()
    return {
        **schema,
        "$id": PART_SCHEMA_ID,
        "title": "A file of an Entente campaign (listed in its index's includes)",
        "description": "Any of " + ", ".join(INCLUDABLE) + ", merged after the index's own.",
        "properties": {key: schema["properties"][key] for key in INCLUDABLE},
        "required": [],
    }


def campaign_schema_text(part: bool = False) -> str:
    """The schema (or, with ``part``, an included file's) as the stable, indented JSON
    text ``entente schema`` prints."""
    schema = part_schema() if part else campaign_schema()
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
