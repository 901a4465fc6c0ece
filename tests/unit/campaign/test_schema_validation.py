"""The JSON Schema in a standard Draft 2020-12 validator, as editors run it.

Every shipped campaign (and the guide's minimal one) must pass; each bad file must fail
with an error whose path names the wrong field, not just "is not valid under any of the
given schemas" at the enclosing effect, trigger or state.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from game.campaign.errors import CampaignInvalid
from game.campaign.library import shipped_campaigns
from game.campaign.loader import parse_campaign
from game.campaign.schema import RULES, campaign_schema, campaign_schema_text
from game.campaign.yaml_safe import read_yaml

jsonschema = pytest.importorskip("jsonschema")  # the `test` extra installs it

ROOT = Path(__file__).resolve().parents[3]
MINIMAL = (ROOT / "tests" / "data" / "minimal_campaign.yaml").read_text(encoding="utf-8")
AUTHORING = ROOT / "docs" / "authoring.md"


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = campaign_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def data_of(text: str) -> Any:
    return read_yaml(text.encode()).data


def derived(*edits: tuple[str, str]) -> str:
    """The minimal campaign with each ``old`` (found exactly once) replaced by ``new``."""
    text = MINIMAL
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_no_openapi_discriminator_is_left() -> None:
    assert '"discriminator"' not in campaign_schema_text()
    assert '"oneOf"' in campaign_schema_text()  # the exactly-one rules


@pytest.mark.parametrize("path", shipped_campaigns(), ids=lambda path: path.name)
def test_shipped_campaigns_pass(validator: Any, path: Path) -> None:
    errors = list(validator.iter_errors(data_of(path.read_text(encoding="utf-8"))))
    assert errors == []


def test_the_minimal_campaigns_pass(validator: Any) -> None:
    guide = AUTHORING.read_text(encoding="utf-8")
    first = re.search(r"^```yaml\n(.*?)^```", guide, flags=re.MULTILINE | re.DOTALL)
    assert first is not None
    for text in (MINIMAL, first.group(1)):
        assert list(validator.iter_errors(data_of(text))) == []


def test_a_non_state_actor_needs_no_capital(validator: Any) -> None:
    text = derived(("    capital: {name: Ocity, lat: 12, lon: 22}\n", "    kind: non_state\n"))
    assert list(validator.iter_errors(data_of(text))) == []
    parse_campaign(text.encode())  # the loader agrees


BAD = [
    pytest.param(
        [("severity: 0.5", "severity: 2")],
        "eras/0/events/0/effects/0/severity",
        "2 is greater than the maximum of 1",
        id="effect_field_out_of_range",
    ),
    pytest.param(
        [("actor: ON", "actor: [ON]")],
        "eras/0/events/0/effects/0/actor",
        "is not valid under any of the given schemas",  # the id's own anyOf: string or integer
        id="effect_field_wrong_type",
    ),
    pytest.param(
        [("            severity: 0.5\n", "            severity: 0.5\n            sevrity: 1\n")],
        "eras/0/events/0/effects/0",
        "'sevrity' was unexpected",
        id="effect_unknown_field",
    ),
    pytest.param(
        [("kind: hostile_act", "kind: hostile")],
        "eras/0/events/0/effects/0/kind",
        "'hostile' is not one of ['adjust', 'hostile_act'",
        id="effect_unknown_kind",
    ),
    pytest.param(
        [("lat: 10,", "lat: 200,")],
        "states/0/capital/lat",
        "200 is greater than the maximum of 90",
        id="capital_field",
    ),
    pytest.param(
        [("power: {kind: share, value: 0.5}", "power: {kind: share, value: 5}")],
        "states/0/power/value",
        "5 is greater than the maximum of 1",
        id="power_field",
    ),
    pytest.param(
        [("power: {kind: share, value: 0.5}", "power: {kind: components, value: 0.5}")],
        "states/0/power",
        "'value' was unexpected",
        id="power_of_the_other_kind",
    ),
    pytest.param(
        [("trigger: {kind: scheduled, year: 1901}", "trigger: {kind: scheduled, year: 0}")],
        "eras/0/events/0/trigger/year",
        "0 is less than the minimum of 1",
        id="trigger_field",
    ),
    pytest.param(
        [
            (
                "trigger: {kind: scheduled, year: 1901}",
                "trigger: {kind: scheduled, year: 1901, turn: 2}",
            )
        ],
        "eras/0/events/0/trigger",
        "is valid under each of",
        id="scheduled_with_year_and_turn",
    ),
    pytest.param(
        [("trigger: {kind: scheduled, year: 1901}", "trigger: {kind: scheduled}")],
        "eras/0/events/0/trigger",
        "is not valid under any of the given schemas",
        id="scheduled_with_neither",
    ),
    pytest.param(
        [("by: military(NO) * 0.5", "by: military(NO) * 0.5\n            to: 3")],
        "eras/1/events/0/effects/1",
        "is valid under each of",
        id="adjust_with_by_and_to",
    ),
    pytest.param(
        [("            by: military(NO) * 0.5", "")],
        "eras/1/events/0/effects/1",
        "is not valid under any of the given schemas",
        id="adjust_with_neither",
    ),
    pytest.param(
        [("    capital: {name: Acity, lat: 10, lon: 20}\n", "")],
        "states/0",
        "'capital' is a required property",
        id="state_without_capital",
    ),
    pytest.param(
        [("    capital: {name: Acity, lat: 10, lon: 20}", "    capital: null")],
        "states/0/capital",
        "None is not of type 'object'",
        id="state_with_a_null_capital",
    ),
]


@pytest.mark.parametrize(("edits", "path", "message"), BAD)
def test_bad_files_fail_at_the_wrong_field(
    validator: Any, edits: list[tuple[str, str]], path: str, message: str
) -> None:
    text = derived(*edits)
    errors = list(validator.iter_errors(data_of(text)))
    assert errors, "the schema accepts it"
    best = jsonschema.exceptions.best_match(errors)
    assert "/".join(map(str, best.absolute_path)) == path
    assert message in best.message
    with pytest.raises(CampaignInvalid):  # and the loader refuses it too
        parse_campaign(text.encode())


def test_every_rule_names_a_model_of_the_schema() -> None:
    definitions = json.loads(campaign_schema_text())["$defs"]
    for name, rule in RULES.items():
        assert name in definitions
        for key, value in rule.items():
            assert definitions[name][key] == value
