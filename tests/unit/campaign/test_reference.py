"""The generated format reference (docs/reference.md) and the authoring guide's examples."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from game.campaign import effects, models
from game.campaign.base import CampaignModel
from game.campaign.expressions import FUNCTIONS, VARIABLES
from game.campaign.loader import parse_campaign
from game.campaign.reference import reference_markdown

ROOT = Path(__file__).resolve().parents[3]
REFERENCE = ROOT / "docs" / "reference.md"
AUTHORING = ROOT / "docs" / "authoring.md"
REGENERATE = "python -m game.campaign.reference > docs/reference.md"


def all_models() -> list[type[BaseModel]]:
    """Every campaign model defined by the format's modules, found without the generator."""
    found, todo = [], list(CampaignModel.__subclasses__())
    while todo:
        model = todo.pop()
        todo += model.__subclasses__()
        # A base its variants share (every effect's ``when``) is documented through them.
        if model.__module__ in (models.__name__, effects.__name__) and not model.__subclasses__():
            found.append(model)
    return sorted(found, key=lambda model: model.__name__)


def sections(markdown: str) -> dict[str, str]:
    """The reference's ``### Name`` sections, by name."""
    parts = re.split(r"^### (\w+)\n", markdown, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_committed_reference_is_current() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == reference_markdown(), (
        f"docs/reference.md is out of date with the models; regenerate it with: {REGENERATE}"
    )


def test_reference_is_deterministic() -> None:
    assert reference_markdown() == reference_markdown()


def test_the_format_has_the_models_the_walk_must_find() -> None:
    names = {model.__name__ for model in all_models()}
    assert {"Campaign", "State", "Era", "Event", "Adjust", "EndGame", "Chance"} <= names


@pytest.mark.parametrize("model", all_models(), ids=lambda model: model.__name__)
def test_every_field_of_every_model_is_documented(model: type[BaseModel]) -> None:
    found = sections(reference_markdown())
    assert model.__name__ in found, f"no section for {model.__name__}"
    rows = re.findall(r"^\| `(\w+)` \|", found[model.__name__], flags=re.MULTILINE)
    assert rows == list(model.model_fields)


def test_field_docstrings_reach_the_reference() -> None:
    text = reference_markdown()
    for model in all_models():
        for field in model.model_fields.values():
            if field.description:
                assert " ".join(field.description.replace("``", "`").split()) in text


def test_enums_functions_and_variables_are_listed() -> None:
    text = reference_markdown()
    for enum in (effects.Doctrine, effects.Pact, effects.Stat):
        assert f"### {enum.__name__}" in text
        assert all(f"`{member.value}`" in text for member in enum)
    assert all(f"`{name}(" in text for name in FUNCTIONS)
    assert all(f"| `{name}` |" in text for name in VARIABLES)


def test_reference_module_does_not_import_textual() -> None:
    code = (
        "import sys, game.campaign.reference as r; r.reference_markdown(); "
        "print('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "False"


def test_minimal_campaign_in_the_guide_validates() -> None:
    guide = AUTHORING.read_text(encoding="utf-8")
    first = re.search(r"^```yaml\n(.*?)^```", guide, flags=re.MULTILINE | re.DOTALL)
    assert first is not None, "docs/authoring.md has no ```yaml block"
    loaded = parse_campaign(first.group(1).encode(), "docs/authoring.md (minimal campaign)")
    assert loaded.campaign.states and loaded.campaign.eras


def test_the_guides_event_examples_are_valid_events() -> None:
    """Every example in the guide's section on events (2.6) is a valid event or list of
    events, the follow-up chain (``kind: after``) among them."""
    import yaml

    guide = AUTHORING.read_text(encoding="utf-8")
    part = guide.split("### 2.6 Events and their triggers", 1)[1].split("### 2.7", 1)[0]
    blocks = re.findall(r"^```yaml\n(.*?)^```", part, flags=re.MULTILINE | re.DOTALL)
    kinds = set()
    for block in blocks:
        data = yaml.safe_load(block)
        for event in data if isinstance(data, list) else [data]:
            if "trigger" not in event:  # a fragment (one option, say), not a whole event
                continue
            kinds.add(models.Event.model_validate(event).trigger.kind)
    assert kinds == {"scheduled", "condition", "chance", "after"}
