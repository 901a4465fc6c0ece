"""Numbers and booleans are strict: text, 0/1 and YAML 1.1 words never slip through."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.campaign.errors import CampaignInvalid
from game.campaign.loader import parse_campaign

MINIMAL = (Path(__file__).resolve().parents[2] / "data" / "minimal_campaign.yaml").read_text()


def first_error(old: str, new: str) -> str:
    assert MINIMAL.count(old) >= 1, old
    with pytest.raises(CampaignInvalid) as caught:
        parse_campaign(MINIMAL.replace(old, new, 1).encode(), "c.yaml")
    return str(caught.value.errors[0])


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "military: 100",
            'military: "100"',
            "c.yaml:20:15: states[0].military: expected a number, got '100'; "
            "write the number without quotes",
        ),
        (
            "military: 100",
            "military: 1_000",
            "c.yaml:20:15: states[0].military: expected a number, got '1_000'",
        ),
        (
            "military: 100",
            "military: true",
            "c.yaml:20:15: states[0].military: expected a number, got true",
        ),
        (
            "start_year: 1900",
            'start_year: "1900"',
            "c.yaml:8:13: start_year: expected a whole number, got '1900'; "
            "write the number without quotes",
        ),
        (
            "start_year: 1900",
            "start_year: 1900.0",
            "c.yaml:8:13: start_year: expected a whole number, got 1900.0",
        ),
    ],
)
def test_numbers_are_strict(old: str, new: str, expected: str) -> None:
    assert first_error(old, new) == expected


@pytest.mark.parametrize("word", ["no", "off", "'false'", "0", "1"])
def test_booleans_are_strict(word: str) -> None:
    text = MINIMAL.replace("    military: 100", f"    present: {word}\n    military: 100", 1)
    with pytest.raises(CampaignInvalid) as caught:
        parse_campaign(text.encode(), "c.yaml")
    messages = [str(e) for e in caught.value.errors]
    assert any("states[0].present: expected true or false" in m for m in messages), messages


def test_a_folded_title_keeps_its_text_without_the_final_line_break():
    """``title: >`` folds a paragraph and ends it with a line break: the title is the text,
    not refused for the break (a break inside a one-line name still is)."""
    text = MINIMAL.replace("title: Minimal", "title: >\n  A minimal\n  campaign", 1)
    loaded = parse_campaign(text.encode(), "c.yaml")
    assert loaded.campaign.title == "A minimal campaign"
