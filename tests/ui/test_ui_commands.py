"""The command line's parser and completion (pure Python)."""

from __future__ import annotations

import pytest

from game.engine.orders import Order
from game.ui.commands import CommandError, UiCommand, complete, parse, usage

STATES = ["AUR", "COR", "KAR", "NO", "ON", "TES", "VAL"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ally TES", Order("ally", "TES")),
        ("ALLY tes", Order("ally", "TES")),
        ("break no", Order("break", "NO")),
        ("guarantee on", Order("guarantee", "ON")),
        ("aid TES military 2", Order("aid", "TES", 2, "military")),
        ("aid tes 3 eco", Order("aid", "TES", 3, "economic")),
        ("aid TES economic", Order("aid", "TES", 1, "economic")),
        ("buildup", Order("buildup")),
        ("posture defensive", Order("posture", None, 1, "defensive")),
        ("posture off", Order("posture", None, 1, "offensive")),
        ("reassure kar", Order("reassure", "KAR")),
        ("threaten KAR", Order("threaten", "KAR")),
        ("sanction KAR", Order("sanction", "KAR")),
        ("intervene COR", Order("intervene", "COR")),
        ("intel AUR", Order("intel", "AUR")),
    ],
)
def test_orders_are_read_into_engine_orders(line, expected):
    assert parse(line, STATES) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("why KAR", UiCommand("why", "KAR")),
        ("explain kar", UiCommand("why", "KAR")),
        ("inspect no", UiCommand("inspect", "NO")),
        ("end", UiCommand("end")),
        ("end turn", UiCommand("end")),
        ("save spring-1905", UiCommand("save", "spring-1905")),
        ("save", UiCommand("save")),
        ("map", UiCommand("map")),
        ("undo", UiCommand("undo")),
        ("clear", UiCommand("clear")),
        ("exit", UiCommand("quit")),
        ("?", UiCommand("help")),
        (":map", UiCommand("map")),
    ],
)
def test_ui_commands(line, expected):
    assert parse(line, STATES) == expected


@pytest.mark.parametrize(
    ("line", "message", "suggestion"),
    [
        ("", "type a command", "help"),
        ("aly TES", "unknown command 'aly'", "Did you mean 'ally'?"),
        ("dance", "unknown command 'dance'", "Type help"),
        ("ally", "ally needs a state", "ally STATE"),
        ("ally TEZ", "there is no state 'TEZ'", "Did you mean TES?"),
        ("aid TES", "aid needs economic or military", "aid STATE economic|military [1-3]"),
        ("aid TES military 7", "the amount must be 1 to 3", "Try: aid"),
        ("aid TES bananas", "aid does not take 'bananas'", "Try: aid"),
        ("buildup KAR", "buildup does not take 'KAR'", "Try: buildup"),
        ("posture", "posture needs defensive or offensive", "posture"),
        ("why", "why needs a state", "why STATE"),
        ("why KAR NO", "why takes one state", "why STATE"),
        ("map now", "map takes no argument", "Try: map"),
        ("save a b", "a save name is one word", "save"),
    ],
)
def test_bad_lines_give_a_message_and_a_suggestion(line, message, suggestion):
    with pytest.raises(CommandError) as caught:
        parse(line, STATES)
    assert message in caught.value.message
    assert suggestion in caught.value.suggestion
    assert "\n" not in str(caught.value)


def test_completion_of_verbs_states_options_and_amounts():
    assert complete("al", STATES) == ["ally"]
    assert "aid" in complete("a", STATES) and "ally" in complete("a", STATES)
    assert complete("ally t", STATES) == ["ally TES"]
    assert complete("ally ", STATES) == [f"ally {s}" for s in STATES]
    assert complete("aid TES ", STATES) == ["aid TES economic", "aid TES military"]
    assert complete("aid TES military ", STATES) == [f"aid TES military {n}" for n in "123"]
    assert complete("posture d", STATES) == ["posture defensive"]
    assert complete("why k", STATES) == ["why KAR"]
    assert complete("buildup ", STATES) == []
    assert complete("zzz", STATES) == []


def test_usage_lines():
    assert usage("aid") == "aid STATE economic|military [1-3]"
    assert usage("buildup") == "buildup"
    assert usage("why") == "why STATE"
