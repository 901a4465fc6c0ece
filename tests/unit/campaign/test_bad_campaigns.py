"""The bad-campaign corpus: every way a campaign file can be wrong, and exactly what is said.

Each case is the valid ``tests/data/minimal_campaign.yaml`` with one change (the text
replaced must occur there exactly once, so the change is unambiguous), a small file in
``tests/data/bad_campaigns/``, or bytes built here (binary, oversized, empty). Each expects
the complete list of errors, rendered as ``LINE:COL: path: message`` (file-level problems
have no path): the message, the place and the field path are all checked at once.

Line numbers of derived cases refer to ``minimal_campaign.yaml`` (a change that adds lines
shifts only what follows it). Expression columns count from the start of the file line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
import yaml

from game.campaign import yaml_safe
from game.campaign.errors import CampaignError, CampaignInvalid
from game.campaign.loader import LIMITS, LoadedCampaign, parse_campaign

DATA = Path(__file__).resolve().parents[2] / "data"
MINIMAL = (DATA / "minimal_campaign.yaml").read_bytes()
CORPUS = DATA / "bad_campaigns"
SOURCE = "bad.yaml"

EFFECT_KINDS = (
    "adjust, hostile_act, reassure, form_alliance, break_alliance, rename_alliance, group, "
    "add_state, remove_state, set_doctrine, set_flag, narrative, end_game"
)
CAMPAIGN_FIELDS = (
    "schema_version, id, version, title, description, authors, sources, start_year, "
    "turn_months, action_points, doctrine, playable, default_player, flags, scoring, "
    "states, alliances, eras, history, poles, effect_groups, includes"
)
FUNCTIONS = (
    "achieved, allied, allies, doctrine_is, exists, fired, flag, in_era, intentions, "
    "max, member, military, min, playing, power, principal_threat, stability, threat"
)


def derive(*edits: tuple[str | bytes, str | bytes]) -> bytes:
    """The minimal campaign with each ``old`` (found exactly once) replaced by ``new``."""
    raw = MINIMAL
    for old, new in edits:
        old_b = old.encode() if isinstance(old, str) else old
        new_b = new.encode() if isinstance(new, str) else new
        count = raw.count(old_b)
        assert count == 1, f"{old_b!r} occurs {count} times in the minimal campaign"
        raw = raw.replace(old_b, new_b)
    return raw


@dataclass(frozen=True)
class Case:
    id: str
    expected: tuple[str, ...]
    edits: tuple[tuple[str | bytes, str | bytes], ...] = ()
    file: str | None = None
    raw: bytes | None = None

    def source(self) -> bytes:
        if self.file is not None:
            return (CORPUS / self.file).read_bytes()
        if self.raw is not None:
            return self.raw
        return derive(*self.edits)


def edit(case_id: str, old: str | bytes, new: str | bytes, *expected: str) -> Case:
    return Case(case_id, expected, edits=((old, new),))


def edits(case_id: str, changes: list[tuple[str, str]], *expected: str) -> Case:
    return Case(case_id, expected, edits=tuple(changes))


def corpus(case_id: str, *expected: str) -> Case:
    return Case(case_id, expected, file=f"{case_id}.yaml")


def raw(case_id: str, data: bytes, *expected: str) -> Case:
    return Case(case_id, expected, raw=data)


def syntax(case: Case) -> Case:
    """A case of YAML syntax errors: each expected message but duplicate keys has the prefix
    every syntax error has."""
    expected = tuple(
        line if "duplicate key" in line else re.sub(r"^(\d+:\d+: )", r"\1YAML syntax error: ", line)
        for line in case.expected
    )
    return replace(case, expected=expected)


def rendered(error: CampaignError) -> str:
    """An error as ``LINE:COL: path: message``: its rendering without the file name."""
    text = str(error)
    assert text.startswith(f"{error.file}:")
    return text.removeprefix(f"{error.file}:")


def errors_of(raw_bytes: bytes) -> list[CampaignError]:
    with pytest.raises(CampaignInvalid) as info:
        parse_campaign(raw_bytes, SOURCE)
    return info.value.errors


COLON = (
    "a colon followed by a space starts a new key: put this text in quotes, or use '>-' "
    "for a paragraph"
)
TAB = "a tab in the indentation: YAML indents with spaces only; replace the tab with spaces"
WHEN = "when: exists(AAA) and year >= 1902"  # line 64, the value starts at column 15
BY = "by: military(NO) * 0.5"  # line 83, the value starts at column 17
RAID = "trigger: {kind: scheduled, year: 1901}"  # line 52, the mapping starts at column 18


CASES = [
    # --- the file itself --------------------------------------------------------------
    raw("empty_file", b"", "1:1: file is empty: a campaign is a YAML mapping"),
    raw("blank_file", b"\n   \n\t\n", "1:1: file is empty: a campaign is a YAML mapping"),
    corpus("comments_only", "1:1: file is empty: a campaign is a YAML mapping"),
    edit(
        "nul_byte",
        "title: Minimal",
        b"title: Mini\x00mal",
        "5:12: file looks binary (NUL byte at line 5, column 12)",
    ),
    raw(
        "binary_blob",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "3:1: file looks binary (NUL byte at line 3, column 1)",
    ),
    edit(
        "latin1_byte",
        "title: Minimal",
        b"title: Caf\xe9",
        "5:11: file is not UTF-8 text: invalid byte 0xE9 at line 5, column 11",
    ),
    raw(
        "utf16_file",
        "schema_version: 1\n".encode("utf-16"),
        "1:4: file looks binary (NUL byte at line 1, column 4)",
    ),
    edit(
        "control_character",
        "title: Minimal",
        b"title: Mini\x07mal",
        "5:12: file contains control character U+0007 at line 5, column 12; "
        "YAML does not allow it (is this a binary file?)",
    ),
    corpus(
        "top_level_list",
        "2:1: a campaign file must be a YAML mapping at the top level, not a list",
    ),
    corpus(
        "top_level_scalar",
        "2:1: a campaign file must be a YAML mapping at the top level, not a string",
    ),
    raw(
        "top_level_number",
        b"1947\n",
        "1:1: a campaign file must be a YAML mapping at the top level, not a number",
    ),
    corpus("two_documents", "3:1: only one YAML document per file is allowed"),
    # --- what the safe reader refuses -------------------------------------------------
    corpus("alias_bomb", "2:4: anchors and aliases are not allowed (found anchor '&a')"),
    corpus("anchor", "5:14: anchors and aliases are not allowed (found anchor '&home')"),
    corpus("alias_only", "3:8: anchors and aliases are not allowed (found alias '*nowhere')"),
    corpus("merge_key", "6:5: merge keys ('<<') are not allowed"),
    corpus("python_tag", "3:8: tags are not allowed (found '!!python/object/apply:os.system')"),
    corpus("local_tag", "3:10: tags are not allowed (found '!!str')"),
    corpus("deep_nesting", "3:71: nesting is deeper than 64 levels"),
    corpus("list_as_key", "3:3: a mapping key must be text, not a list"),
    corpus("duplicate_key", "6:5: duplicate key 'name' (first at line 5)"),
    edit(
        "duplicate_keys_all_reported",
        "    military: 30\n",
        "    military: 30\n    military: 40\n    region: Far East\n",
        "38:5: duplicate key 'military' (first at line 37)",
        "39:5: duplicate key 'region' (first at line 33)",
    ),
    edit(
        "duplicate_key_nested",
        "    military: 100\n",
        "    military: 100\n    military: 90\n",
        "21:5: duplicate key 'military' (first at line 20)",
    ),
    edit(
        "duplicate_top_level_key",
        "flags: [ready]\n",
        "flags: [ready]\ntitle: Again\n",
        "12:1: duplicate key 'title' (first at line 5)",
    ),
    # --- YAML syntax errors: advice in the author's words, every one the parser gets past -
    syntax(
        corpus(
            "bad_indentation",
            "4:7: this line is indented more than line 3, so it goes on with that line's text, "
            "where a colon followed by a space is not allowed: if 'title' is a key, line it up "
            "with the keys above; if it is text, put it in quotes or use '>-' for a paragraph",
        )
    ),
    syntax(
        corpus(
            "unclosed_bracket",
            "3:10: this '[' opens a list that is not closed before line 4, column 11: end it "
            "with ']' (a list in brackets is written [a, b, c])",
        )
    ),
    syntax(
        corpus(
            "unclosed_quote",
            "3:8: this single quote (') is never closed: end the text with ' (inside single "
            "quotes, write '' for an apostrophe)",
        )
    ),
    syntax(corpus("tab_indentation", f"5:1: {TAB}")),
    syntax(corpus("colon_in_prose", f"4:19: {COLON}", f"10:32: {COLON}", f"13:22: {COLON}")),
    syntax(
        corpus(
            "dedented_list_item",
            "8:5: this line is indented less than the list it belongs to (line 6, with its '-' "
            "at column 7): line the dashes up",
        )
    ),
    syntax(
        corpus(
            "dedented_key_in_item",
            "5:3: this line is indented less than the list item it belongs to (line 4): indent "
            "it to column 5, like 'id', or start a new item with '- '",
        )
    ),
    syntax(
        corpus(
            "missing_colon",
            "5:5: this line has no colon: a key is written 'name: value', with a colon and a "
            "space (text that goes on from the line above must be indented more than its key)",
        )
    ),
    syntax(
        corpus(
            "dash_without_space", "5:3: a list item needs a space after its '-': write '- Other'"
        )
    ),
    syntax(
        corpus(
            "text_after_quote",
            "3:8: a value that starts with a quote must end with it, but text follows the "
            "closing quote at column 20: put the whole value in quotes (inside double quotes, "
            'write \\" for a quote mark)',
        )
    ),
    syntax(
        corpus(
            "quote_closed_later",
            '3:8: this double quote (") is closed only at line 5, column 16, where what follows '
            "is not YAML: is the closing quote missing on this line?",
        )
    ),
    syntax(
        corpus(
            "value_starts_with_bracket",
            "3:8: a value that starts with '[' is read as a list in brackets, and text follows "
            "its ']': put the whole value in quotes",
        )
    ),
    syntax(
        corpus(
            "value_starts_with_at",
            "4:5: a value cannot start with '@' unless it is in quotes: put the text in quotes",
            "5:5: a value cannot start with '`' unless it is in quotes: put the text in quotes",
        )
    ),
    syntax(
        corpus(
            "value_starts_with_star",
            "3:8: a value that starts with '*' is read as an alias (a reference to an anchor), "
            "which campaigns do not use: put the text in quotes",
        )
    ),
    syntax(
        corpus(
            "several_syntax_errors",
            f"4:19: {COLON}",
            "8:5: duplicate key 'name' (first at line 7)",
            f"9:1: {TAB}",
            "13:5: this line is indented less than the list it belongs to (line 12, with its '-' "
            "at column 7): line the dashes up",
            "15:5: duplicate key 'military' (first at line 14)",
            f"18:22: {COLON}",
        )
    ),
    syntax(
        edits(
            "colons_in_a_whole_campaign",
            [
                ("description: Two eras, three states.", "description: Two eras: three states."),
                ("text: A raid.", "text: A raid: at dawn."),
                ("briefing: The second era.", "briefing: The second era: peace."),
            ],
            f"6:22: {COLON}",
            f"51:21: {COLON}",
            f"71:29: {COLON}",
        )
    ),
    syntax(
        raw(
            "too_many_syntax_errors",
            b"".join(b"k%d: text: more\n" % i for i in range(30)),
            *[f"{line}:{len(str(line - 1)) + 8}: {COLON}" for line in range(1, 20)],
            f"20:10: {COLON} (the reader stopped here after 20 problems)",
        )
    ),
    # --- wrong types ------------------------------------------------------------------
    edit(
        "string_for_number",
        "military: 100",
        "military: lots",
        "20:15: states[0].military: expected a number, got 'lots'",
    ),
    edit(
        "quoted_number",
        "lat: 10,",
        'lat: "10.5",',
        "15:33: states[0].capital.lat: expected a number, got '10.5'; "
        "write the number without quotes",
    ),
    edit(
        "quoted_whole_number",
        "military: 100",
        "military: '100'",
        "20:15: states[0].military: expected a number, got '100'; write the number without quotes",
    ),
    edit(
        "yaml11_boolean",
        "    military: 30\n",
        "    military: 30\n    present: no\n",
        "38:14: states[2].present: expected true or false, got 'no'; "
        "write true or false (yes, no, on and off are text here)",
    ),
    edit(
        "text_nan_for_number",
        "military: 100",
        "military: nan",
        "20:15: states[0].military: expected a number, got 'nan'",
    ),
    edit(
        "list_for_mapping",
        "capital: {name: Acity, lat: 10, lon: 20}",
        "capital: [Acity, 10, 20]",
        "15:14: states[0].capital: expected a mapping of fields (key: value), got a list",
    ),
    edit(
        "string_for_list",
        "authors: [Tester]",
        "authors: Tester",
        "7:10: authors: expected a list, got 'Tester'",
    ),
    edit(
        "mapping_for_list",
        "flags: [ready]",
        "flags: {ready: true}",
        "11:8: flags: expected a list, got a mapping",
    ),
    edit(
        "number_for_boolean",
        "    military: 100\n",
        "    military: 100\n    present: 2\n",
        "21:14: states[0].present: expected true or false, got 2",
    ),
    edit(
        "number_for_text",
        "name: Aland",
        "name: 12",
        "14:11: states[0].name: expected text, got 12 (a number); "
        "put it in quotes to keep it as text",
    ),
    edit(
        "null_for_text",
        "title: Minimal",
        "title:",
        "5:7: title: expected text, got nothing (null)",
    ),
    edit(
        "fraction_for_whole_number",
        "points: 10",
        "points: 1.5",
        "65:17: eras[0].objectives[0].points: expected a whole number, got 1.5",
    ),
    edit(
        "string_for_effect",
        "          - kind: set_flag\n            flag: raided\n",
        "          - set a flag\n",
        "59:13: eras[0].events[0].effects[1]: expected a mapping of fields (key: value), "
        "got 'set a flag'",
    ),
    edit(
        "list_for_trigger",
        RAID,
        "trigger: [1901]",
        "52:18: eras[0].events[0].trigger: expected a mapping of fields (key: value), got a list",
    ),
    edit(
        "literal_value",
        "{state: ON, type: sea}",
        "{state: ON, type: air}",
        "27:27: states[1].borders[1].type: expected 'land' or 'sea', got 'air'",
    ),
    edit(
        "enum_value",
        "stat: military",
        "stat: money",
        "82:19: eras[1].events[0].effects[1].stat: expected 'power', 'military', 'offense', "
        "'reach', 'stability', 'ideology', 'aggression' or 'caution', got 'money'",
    ),
    edit(
        "schema_version",
        "schema_version: 1",
        "schema_version: 3",
        "2:17: schema_version: expected 1 or 2, got 3",
    ),
    # --- unknown and missing fields ---------------------------------------------------
    edit(
        "unknown_top_level_key_typo",
        "start_year: 1900",
        "start_yaer: 1900",
        "2:1: start_year: required field 'start_year' is missing",
        "8:1: start_yaer: unknown field 'start_yaer'; did you mean 'start_year'?",
    ),
    edit(
        "unknown_top_level_key",
        "flags: [ready]\n",
        "flags: [ready]\ncolour: red\n",
        f"12:1: colour: unknown field 'colour' (allowed: {CAMPAIGN_FIELDS})",
    ),
    edit(
        "unknown_nested_key_typo",
        "    military: 100",
        "    militray: 100",
        "13:5: states[0].military: required field 'military' is missing",
        "20:5: states[0].militray: unknown field 'militray'; did you mean 'military'?",
    ),
    edit(
        "unknown_key_in_flow_mapping",
        "{name: Acity, lat: 10, lon: 20}",
        "{name: Acity, lat: 10, lng: 20}",
        "15:14: states[0].capital.lon: required field 'lon' is missing",
        "15:37: states[0].capital.lng: unknown field 'lng'; did you mean 'lon'?",
    ),
    edit(
        "unknown_key_in_tagged_effect",
        "            severity: 0.5\n",
        "            severity: 0.5\n            sevrity: 0.7\n",
        "58:13: eras[0].events[0].effects[0].sevrity: unknown field 'sevrity'; "
        "did you mean 'severity'?",
    ),
    edit(
        "tag_named_junk_key_in_effect",
        "            flag: raided\n",
        "            flag: raided\n            set_flag: true\n",
        "61:13: eras[0].events[0].effects[1].set_flag: unknown field 'set_flag'; "
        "did you mean 'flag'?",
    ),
    edit(
        "tag_named_junk_key_instead_of_a_field",
        "            flag: raided\n",
        "            set_flag: {}\n",
        "59:13: eras[0].events[0].effects[1].flag: required field 'flag' is missing",
        "60:13: eras[0].events[0].effects[1].set_flag: unknown field 'set_flag'; "
        "did you mean 'flag'?",
    ),
    edit(
        "kind_valued_junk_key_outside_a_union",
        "    military: 30\n",
        "    military: 30\n    kind: state\n    state: ON\n",
        "39:5: states[2].state: unknown field 'state' (allowed: id, name, kind, capital, "
        "region, borders, power, military, offense, reach, global_reach, stability, ideology, "
        "doctrine, personality, present, dossier, never_allies, cow)",
    ),
    edit(
        "missing_field_points_at_parent",
        "    region: West\n",
        "",
        "13:5: states[0].region: required field 'region' is missing",
    ),
    edit(
        "missing_top_level_field",
        "title: Minimal\n",
        "",
        "2:1: title: required field 'title' is missing",
    ),
    edit(
        "missing_field_in_tagged_effect",
        "            description: a raid\n",
        "",
        "54:13: eras[0].events[0].effects[0].description: required field 'description' is missing",
    ),
    edit(
        "missing_field_in_tagged_power",
        "power: {kind: share, value: 0.5}",
        "power: {kind: share}",
        "19:12: states[0].power.value: required field 'value' is missing",
    ),
    edit(
        "missing_kind_in_effect",
        "          - kind: hostile_act\n            actor: ON",
        "          - actor: ON",
        "54:13: eras[0].events[0].effects[0].kind: required field 'kind' is missing "
        "(it says which variant this is)",
    ),
    edit(
        "missing_kind_in_trigger",
        RAID,
        "trigger: {year: 1901}",
        "52:18: eras[0].events[0].trigger.kind: required field 'kind' is missing "
        "(it says which variant this is)",
    ),
    edit(
        "missing_kind_in_power",
        "power: {kind: share, value: 0.5}",
        "power: {value: 0.5}",
        "19:12: states[0].power.kind: required field 'kind' is missing "
        "(it says which variant this is)",
    ),
    edit(
        "unknown_kind_in_effect",
        "kind: hostile_act",
        "kind: hostile",
        "54:13: eras[0].events[0].effects[0]: unknown kind 'hostile'; did you mean 'hostile_act'?",
    ),
    edit(
        "unknown_kind_in_effect_far_off",
        "kind: hostile_act",
        "kind: attack",
        f"54:13: eras[0].events[0].effects[0]: unknown kind 'attack'; "
        f"expected one of: {EFFECT_KINDS}",
    ),
    edit(
        "unknown_kind_in_trigger",
        RAID,
        "trigger: {kind: yearly, year: 1901}",
        "52:18: eras[0].events[0].trigger: unknown kind 'yearly'; "
        "expected one of: scheduled, condition, chance, after",
    ),
    edit(
        "empty_kind",
        "kind: hostile_act",
        "kind:",
        f"54:13: eras[0].events[0].effects[0]: 'kind' is empty; expected one of: {EFFECT_KINDS}",
    ),
    # --- values out of range ----------------------------------------------------------
    edit(
        "severity_out_of_range",
        "severity: 0.5",
        "severity: 2",
        "57:23: eras[0].events[0].effects[0].severity: must be at most 1, got 2",
    ),
    edit(
        "severity_wrong_type",
        "severity: 0.5",
        "severity: grave",
        "57:23: eras[0].events[0].effects[0].severity: expected a number, got 'grave'",
    ),
    edit(
        "latitude_out_of_range",
        "lat: 10",
        "lat: 95",
        "15:33: states[0].capital.lat: must be at most 90, got 95",
    ),
    edit(
        "negative_military",
        "military: 100",
        "military: -5",
        "20:15: states[0].military: must be at least 0, got -5",
    ),
    edit(
        "points_too_large",
        "points: 10",
        "points: 20000",
        "65:17: eras[0].objectives[0].points: must be at most 10000, got 20000",
    ),
    edit(
        "turn_months_zero",
        "start_year: 1900\n",
        "start_year: 1900\nturn_months: 0\n",
        "9:14: turn_months: must be at least 1, got 0",
    ),
    edit(
        "empty_text",
        "text: A raid.",
        'text: ""',
        "51:15: eras[0].events[0].text: must not be empty",
    ),
    edit(
        "title_too_long",
        "title: Minimal",
        "title: " + "x" * 201,
        "5:8: title: is too long (201 characters; the limit is 200)",
    ),
    edit(
        "empty_list",
        "authors: [Tester]",
        "authors: []",
        "7:10: authors: needs at least 1 item, got 0",
    ),
    edit(
        "alliance_of_one",
        "members: [AAA, NO]",
        "members: [AAA]",
        "41:14: alliances[0].members: needs at least 2 items, got 1",
    ),
    # --- model rules: the place is the mapping, never a union tag ---------------------
    edit(
        "scheduled_year_and_turn",
        RAID,
        "trigger: {kind: scheduled, year: 1901, turn: 2}",
        "52:18: eras[0].events[0].trigger: give exactly one of 'year' or 'turn'",
    ),
    edit(
        "adjust_by_and_to",
        BY,
        "by: 1\n            to: 2",
        "80:13: eras[1].events[0].effects[1]: give exactly one of 'by' or 'to'",
    ),
    edit(
        "state_without_capital",
        "    capital: {name: Acity, lat: 10, lon: 20}\n",
        "",
        "13:5: states[0]: a state needs a capital (only a non_state actor may omit it)",
    ),
    # --- identifiers ------------------------------------------------------------------
    edit(
        "boolean_as_id",
        "  - id: ON\n",
        "  - id: true\n",
        "30:9: states[2].id: expected text, got true (a boolean); "
        "put it in quotes to keep it as text",
    ),
    edit(
        "boolean_in_borders",
        "{state: ON, type: sea}",
        "{state: TRUE, type: sea}",
        "27:17: states[1].borders[1].state: expected text, got true (a boolean); "
        "put it in quotes to keep it as text",
    ),
    edit(
        "id_with_dash",
        "  - id: ON\n",
        "  - id: O-N\n",
        "30:9: states[2].id: an identifier may only contain letters, digits and "
        "underscores, got 'O-N'",
    ),
    edit(
        "player_is_reserved",
        "  - id: AAA\n",
        "  - id: player\n",
        "9:12: playable[0]: unknown state 'AAA'",
        "13:9: states[0].id: 'player' is reserved: in effects it means the player's state",
        "26:17: states[1].borders[0].state: unknown state 'AAA'",
        "41:15: alliances[0].members[0]: unknown state 'AAA'",
        "64:22: eras[0].objectives[0].when: unknown state 'AAA'",
    ),
    # --- references -------------------------------------------------------------------
    edit(
        "unknown_border_state",
        "      - {state: NO}",
        "      - {state: NOO}",
        "18:17: states[0].borders[0].state: unknown state 'NOO'; did you mean 'NO'?",
    ),
    edit(
        "unknown_alliance_member",
        "members: [AAA, NO]",
        "members: [AAA, XYZ]",
        "41:20: alliances[0].members[1]: unknown state 'XYZ'",
    ),
    edit(
        "unknown_effect_actor",
        "actor: ON",
        "actor: OON",
        "55:20: eras[0].events[0].effects[0].actor: unknown state 'OON'; did you mean 'ON'?",
    ),
    edit(
        "unknown_effect_target",
        "target: NO",
        "target: ZZZ",
        "56:21: eras[0].events[0].effects[0].target: unknown state 'ZZZ'",
    ),
    edit(
        "unknown_adjust_state",
        "state: ON\n            stat",
        "state: AA\n            stat",
        "81:20: eras[1].events[0].effects[1].state: unknown state 'AA'; did you mean 'AAA'?",
    ),
    edit(
        "unknown_break_alliance",
        "alliance: pact",
        "alliance: pakt",
        "79:23: eras[1].events[0].effects[0].alliance: unknown alliance 'pakt'; "
        "did you mean 'pact'?",
    ),
    edit(
        "unknown_playable",
        "playable: [AAA, NO]",
        "playable: [AAA, NOPE]",
        "9:17: playable[1]: unknown state 'NOPE'; did you mean 'NO'?",
    ),
    edit(
        "default_player_not_playable",
        "default_player: AAA",
        "default_player: ON",
        "10:17: default_player: default player 'ON' is not in 'playable'",
    ),
    edit(
        "event_for_unplayable_state",
        RAID + "\n",
        RAID + "\n        players: [ON]\n",
        "53:19: eras[0].events[0].players[0]: 'ON' is not a playable state",
    ),
    # --- duplicates -------------------------------------------------------------------
    edit(
        "duplicate_state_id",
        "  - id: ON\n    name: Onland",
        "  - id: AAA\n    name: Onland",
        "27:17: states[1].borders[1].state: unknown state 'ON'",
        "30:9: states[2].id: duplicate state id 'AAA' (first at states[0])",
        "35:27: states[2].borders[0].type: 'AAA' lists a sea border with 'NO', "
        "which lists a land one",
        "55:20: eras[0].events[0].effects[0].actor: unknown state 'ON'",
        "81:20: eras[1].events[0].effects[1].state: unknown state 'ON'",
    ),
    edit(
        "duplicate_event_across_eras",
        "      - id: split",
        "      - id: raid",
        "73:13: eras[1].events[0].id: duplicate event id 'raid' (first at eras[0].events[0])",
    ),
    edit(
        "duplicate_objective",
        "        deadline: 1904\n",
        "        deadline: 1904\n      - {id: hold, text: Again., when: 'true', points: 1}\n",
        "67:14: eras[0].objectives[1].id: duplicate objective id 'hold' "
        "(first at eras[0].objectives[0])",
    ),
    edit(
        "duplicate_era",
        "  - id: second",
        "  - id: first",
        "67:9: eras[1].id: duplicate era id 'first' (first at eras[0])",
    ),
    # --- the map ----------------------------------------------------------------------
    edit(
        "border_to_itself",
        "      - {state: NO}",
        "      - {state: AAA}",
        "18:17: states[0].borders[0].state: 'AAA' cannot border itself",
    ),
    edit(
        "border_listed_twice",
        "      - {state: NO}\n",
        "      - {state: NO}\n      - {state: NO, type: land}\n",
        "19:17: states[0].borders[1].state: border with 'NO' is listed twice",
    ),
    edit(
        "border_types_disagree",
        "{state: ON, type: sea}",
        "{state: ON, type: land}",
        "27:27: states[1].borders[1].type: 'NO' lists a land border with 'ON', "
        "which lists a sea one",
    ),
    edit(
        "alliance_member_twice",
        "members: [AAA, NO]",
        "members: [AAA, AAA]",
        "41:20: alliances[0].members[1]: 'AAA' is listed twice",
    ),
    edit(
        "act_against_itself",
        "target: NO",
        "target: ON",
        "56:21: eras[0].events[0].effects[0].target: a state cannot act against itself",
    ),
    # --- years ------------------------------------------------------------------------
    edit(
        "era_before_campaign",
        "    start: 1900",
        "    start: 1899",
        "45:12: eras[0].start: the first era starts in 1899, but the campaign starts in 1900",
    ),
    edit(
        "gap_between_eras",
        "    start: 1905",
        "    start: 1906",
        "69:12: eras[1].start: era starts in 1906; it must start the year after the "
        "previous era ends (1905)",
    ),
    edit(
        "eras_overlap",
        "    start: 1905",
        "    start: 1903",
        "69:12: eras[1].start: era starts in 1903; it must start the year after the "
        "previous era ends (1905)",
    ),
    edit(
        "scheduled_year_outside_era",
        "year: 1901}",
        "year: 1906}",
        "52:42: eras[0].events[0].trigger.year: year 1906 is outside its era (1900-1904)",
    ),
    edit(
        "scheduled_turn_outside_era",
        "year: 1901}",
        "turn: 6}",
        "52:42: eras[0].events[0].trigger.turn: turn 6 falls in 1905, outside its era (1900-1904)",
    ),
    edit(
        "deadline_after_campaign",
        "deadline: 1904",
        "deadline: 1911",
        "66:19: eras[0].objectives[0].deadline: deadline 1911 is outside 1900-1910",
    ),
    edit(
        "deadline_before_era",
        "deadline: 1904",
        "deadline: 1899",
        "66:19: eras[0].objectives[0].deadline: deadline 1899 is outside 1900-1910",
    ),
    # --- names inside expressions: the column of the name in the file -----------------
    edit(
        "expression_unknown_state",
        WHEN,
        "when: exists(AAB) and year >= 1902",
        "64:22: eras[0].objectives[0].when: unknown state 'AAB'; did you mean 'AAA'?",
    ),
    edit(
        "expression_unknown_state_double_quoted",
        WHEN,
        'when: "year >= 1902 and exists(AAB)"',
        "64:40: eras[0].objectives[0].when: unknown state 'AAB'; did you mean 'AAA'?",
    ),
    edit(
        "expression_unknown_state_single_quoted",
        WHEN,
        "when: 'year >= 1902 and exists(AAB)'",
        "64:40: eras[0].objectives[0].when: unknown state 'AAB'; did you mean 'AAA'?",
    ),
    edit(
        "expression_unknown_state_in_flow_mapping",
        'when: flag("raided")}',
        """when: 'flag("raided") and allied(AAA, OM)'}""",
        "76:74: eras[1].events[0].trigger.when: unknown state 'OM'",
    ),
    edit(
        "expression_unknown_state_in_formula",
        BY,
        "by: military(NOO) * 0.5",
        "83:26: eras[1].events[0].effects[1].by: unknown state 'NOO'; did you mean 'NO'?",
    ),
    edit(
        "expression_flag_never_set",
        'flag("raided")',
        'flag("raidd")',
        "76:48: eras[1].events[0].trigger.when: unknown flag 'raidd'; did you mean "
        "'raided'? (no effect sets it and it is not in 'flags')",
    ),
    edit(
        "expression_unknown_event",
        WHEN,
        'when: year > 1 and fired("raaid")',
        "64:35: eras[0].objectives[0].when: unknown event 'raaid'; did you mean 'raid'?",
    ),
    edit(
        "expression_unknown_era",
        WHEN,
        'when: in_era("frist")',
        "64:23: eras[0].objectives[0].when: unknown era 'frist'; did you mean 'first'?",
    ),
    edit(
        "expression_unknown_objective",
        WHEN,
        'when: achieved("hodl")',
        "64:25: eras[0].objectives[0].when: unknown objective 'hodl'; did you mean 'hold'?",
    ),
    edit(
        "expression_in_block_scalar",
        WHEN,
        "when: >-\n          year >= 1902 and exists(AAB)",
        "64:15: eras[0].objectives[0].when: unknown state 'AAB'; did you mean 'AAA'? "
        "(column 25 of the expression)",
    ),
    # --- bad expressions: the column of the offending character in the file -----------
    edit(
        "expression_syntax_error",
        WHEN,
        "when: exists(AAA) and year >>= 1902",
        "64:37: eras[0].objectives[0].when: bad expression: expected a value, found '>='",
    ),
    edit(
        "expression_unclosed_bracket",
        WHEN,
        "when: exists(AAA) and (year >= 1902",
        "64:44: eras[0].objectives[0].when: bad expression: missing ')' for the '(' at column 17",
    ),
    edit(
        "expression_syntax_error_quoted",
        WHEN,
        'when: "exists(AAA) && year >= 1902"',
        "64:28: eras[0].objectives[0].when: bad expression: use 'and' instead of '&&'",
    ),
    edit(
        "expression_unknown_function",
        WHEN,
        "when: exists(AAA) and boom(AAA)",
        f"64:31: eras[0].objectives[0].when: bad expression: unknown function 'boom'; "
        f"known: {FUNCTIONS}",
    ),
    edit(
        "expression_unknown_name",
        WHEN,
        "when: exists(AAA) and yaer >= 1902",
        "64:31: eras[0].objectives[0].when: bad expression: unknown name 'yaer'; "
        "did you mean 'year'?",
    ),
    edit(
        "expression_unknown_name_far_off",
        WHEN,
        "when: exists(AAA) and days >= 1902",
        "64:31: eras[0].objectives[0].when: bad expression: unknown name 'days'; "
        "variables are: score, turn, year",
    ),
    # --- did you mean: case first, then names, then near misses ------------------------
    edit(
        "function_near_miss",
        WHEN,
        "when: alied(AAA, NO)",
        "64:15: eras[0].objectives[0].when: bad expression: unknown function 'alied'; "
        "did you mean 'allied'?",
    ),
    edit(
        "function_in_another_case",
        WHEN,
        "when: Exists(AAA)",
        "64:15: eras[0].objectives[0].when: bad expression: unknown function 'Exists'; "
        "did you mean 'exists'?",
    ),
    edit(
        "doctrine_in_another_case",
        WHEN,
        'when: doctrine_is(AAA, "Bandwagon")',
        "64:32: eras[0].objectives[0].when: bad expression: unknown doctrine 'Bandwagon'; "
        "did you mean 'bandwagon'?",
    ),
    edit(
        "effect_kind_in_another_case",
        "kind: hostile_act",
        "kind: Hostile_act",
        "54:13: eras[0].events[0].effects[0]: unknown kind 'Hostile_act'; "
        "did you mean 'hostile_act'?",
    ),
    edit(
        "trigger_kind_in_another_case",
        RAID,
        "trigger: {kind: Scheduled, year: 1901}",
        "52:18: eras[0].events[0].trigger: unknown kind 'Scheduled'; did you mean 'scheduled'?",
    ),
    edit(
        "power_kind_in_another_case",
        "power: {kind: share, value: 0.5}",
        "power: {kind: Share, value: 0.5}",
        "19:12: states[0].power: unknown kind 'Share'; did you mean 'share'?",
    ),
    edit(
        "enum_in_another_case",
        "stat: military",
        "stat: Military",
        "82:19: eras[1].events[0].effects[1].stat: expected 'power', 'military', 'offense', "
        "'reach', 'stability', 'ideology', 'aggression' or 'caution', got 'Military'; "
        "did you mean 'military'?",
    ),
    edit(
        "state_in_expression_in_another_case",
        WHEN,
        "when: exists(aaa)",
        "64:22: eras[0].objectives[0].when: unknown state 'aaa'; did you mean 'AAA'?",
    ),
    edit(
        "state_in_effect_in_another_case",
        "actor: ON",
        "actor: on",
        "55:20: eras[0].events[0].effects[0].actor: unknown state 'on'; did you mean 'ON'?",
    ),
    edit(
        "playable_in_another_case",
        "playable: [AAA, NO]",
        "playable: [AAA, no]",
        "9:17: playable[1]: unknown state 'no'; did you mean 'NO'?",
    ),
    edit(
        "default_player_in_another_case",
        "default_player: AAA",
        "default_player: aaa",
        "10:17: default_player: default player 'aaa' is not in 'playable'; did you mean 'AAA'?",
    ),
    edit(
        "players_by_state_name",
        "        deadline: 1904\n",
        "        deadline: 1904\n        players: [NORLAND]\n",
        "67:19: eras[0].objectives[0].players[0]: 'NORLAND' is not a playable state; "
        "did you mean 'NO'?",
    ),
    edit(
        "players_in_another_case",
        "        deadline: 1904\n",
        "        deadline: 1904\n        players: [aaa]\n",
        "67:19: eras[0].objectives[0].players[0]: 'aaa' is not a playable state; "
        "did you mean 'AAA'?",
    ),
    edit(
        "field_in_another_case",
        "    military: 100\n",
        "    Military: 100\n",
        "13:5: states[0].military: required field 'military' is missing",
        "20:5: states[0].Military: unknown field 'Military'; did you mean 'military'?",
    ),
    edit(
        "expression_attribute_access",
        WHEN,
        "when: exists(AAA) and os.system > 1",
        "64:33: eras[0].objectives[0].when: bad expression: attribute access ('.') is not allowed",
    ),
    edit(
        "expression_subscript",
        WHEN,
        "when: year[0] > 1",
        "64:19: eras[0].objectives[0].when: bad expression: subscripts ('[...]') are not allowed",
    ),
    edit(
        "expression_quoted_state",
        WHEN,
        "when: exists('AAA')",
        "64:22: eras[0].objectives[0].when: bad expression: argument 1 of exists() must be "
        "a state id such as USSR or player; write state ids without quotes",
    ),
    edit(
        "expression_too_long",
        WHEN,
        "when: " + " or ".join(["year > 1"] * 60),
        "64:515: eras[0].objectives[0].when: bad expression: expression is too long "
        "(716 characters; the limit is 500)",
    ),
    edit(
        "expression_too_deep",
        WHEN,
        "when: " + "(" * 30 + "true" + ")" * 30,
        "64:39: eras[0].objectives[0].when: bad expression: expression is nested too deeply "
        "(the limit is 24 levels)",
    ),
    edit(
        "expression_and_of_a_number",
        WHEN,
        "when: year and 1",
        "64:15: eras[0].objectives[0].when: bad expression: 'and' needs bool operands, "
        "got a number",
    ),
    edit(
        "expression_chained_comparison",
        WHEN,
        "when: 1900 < year < 1905",
        "64:27: eras[0].objectives[0].when: bad expression: comparisons cannot be chained; "
        "write 'a < b and b < c'",
    ),
    edit(
        "expression_number_for_condition",
        WHEN,
        "when: year + 1",
        "64:15: eras[0].objectives[0].when: bad expression: expected a condition "
        "(true or false), but the expression gives a number",
    ),
    edit(
        "bare_number_for_condition",
        WHEN,
        "when: 5",
        "64:15: eras[0].objectives[0].when: expected an expression written as text, got 5",
    ),
    edit(
        "expression_condition_for_number",
        BY,
        "by: year > 3",
        "83:17: eras[1].events[0].effects[1].by: bad expression: expected a number, "
        "but the expression gives a bool",
    ),
    edit(
        "empty_expression",
        WHEN,
        "when: ' '",
        "64:16: eras[0].objectives[0].when: bad expression: empty expression",
    ),
    edit(
        "missing_expression",
        WHEN,
        "when:",
        "64:14: eras[0].objectives[0].when: expected an expression written as text, "
        "got nothing (null)",
    ),
    # --- every error at once, in file order ---------------------------------------------
    edits(
        "several_schema_errors",
        [
            ("default_player: AAA\n", "default_player: AAA\nfalgs: []\n"),
            ("military: 50", "military: many"),
            ("severity: 0.5", "severity: 1.5"),
            ("kind: break_alliance", "kind: break"),
            (BY, "by: military(NO) *"),
        ],
        "11:1: falgs: unknown field 'falgs'; did you mean 'flags'?",
        "30:15: states[1].military: expected a number, got 'many'",
        "58:23: eras[0].events[0].effects[0].severity: must be at most 1, got 1.5",
        f"79:13: eras[1].events[0].effects[0]: unknown kind 'break'; "
        f"expected one of: {EFFECT_KINDS}",
        "84:31: eras[1].events[0].effects[1].by: bad expression: expected a value, "
        "found the end of the expression",
    ),
    edits(
        "several_reference_errors",
        [
            ("default_player: AAA", "default_player: ZZZ"),
            ("      - {state: NO, type: sea}", "      - {state: NN, type: sea}"),
            ("members: [AAA, NO]", "members: [AAA, QQQ]"),
            ('flag("raided")', 'flag("nope")'),
        ],
        "10:17: default_player: default player 'ZZZ' is not in 'playable'",
        "35:17: states[2].borders[0].state: unknown state 'NN'",
        "41:20: alliances[0].members[1]: unknown state 'QQQ'",
        "76:48: eras[1].events[0].trigger.when: unknown flag 'nope' (no effect sets it and "
        "it is not in 'flags')",
    ),
    # --- found by an examiner's hostile files --------------------------------------------
    edit(
        "scoring_weight_too_large",
        "flags: [ready]",
        "flags: [ready]\nscoring: {security: 1.0e+306}",
        "12:21: scoring.security: must be at most 1000, got 1e+306",
    ),
    corpus(
        "state_ids_differ_by_case",
        "30:9: states[2].id: 'aaa' differs from the state id 'AAA' only by case: the game "
        "reads state ids without regard to case; choose another id (first at states[0])",
    ),
    corpus(
        "non_state_in_alliance",
        "41:24: alliances[0].members[2]: 'ON' is a non-state actor: it signs no alliance",
    ),
    corpus(
        "non_state_in_form_alliance",
        "81:27: eras[1].events[0].effects[0].members[1]: 'ON' is a non-state actor: it signs "
        "no alliance",
    ),
    edit(
        "campaign_too_long",
        "    start: 1905\n    end: 1910",
        "    start: 1905\n    end: 9999",
        "70:10: eras[1].end: the campaign lasts 8,100 turns (1900-9999 in 12-month turns); at "
        "most 5,000 (a save holds no more): end it sooner or make the turns longer",
    ),
    edit(
        "name_with_terminal_escape",
        "    name: Onland",
        '    name: "On\\x1b[31mland"',
        "31:11: states[2].name: holds a control character (U+001B) at character 3: write it on "
        "one line, in plain text, got 'On\\x1b[31mland'",
    ),
    edit(
        "id_too_long",
        "  - id: ON\n",
        "  - id: " + "O" * 41 + "\n",
        "30:9: states[2].id: is too long (41 characters; the limit is 40)",
    ),
    edit(
        "blank_name",
        "    name: Onland",
        '    name: "  "',
        "31:11: states[2].name: is blank: write something to show, got '  '",
    ),
    edit(
        "invisible_name",
        "    name: Onland",
        '    name: "\\u200b"',
        "31:11: states[2].name: is blank: write something to show, got '\\u200b'",
    ),
]


def test_the_corpus_is_large_and_every_file_is_used() -> None:
    assert len(CASES) >= 30
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
    used = {case.file for case in CASES if case.file}
    assert used == {path.name for path in CORPUS.glob("*.yaml")}


def test_the_minimal_campaign_is_valid() -> None:
    loaded = parse_campaign(MINIMAL, "minimal_campaign.yaml")
    assert isinstance(loaded, LoadedCampaign)
    assert [state.id for state in loaded.campaign.states] == ["AAA", "NO", "ON"]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_bad_campaign(case: Case) -> None:
    errors = errors_of(case.source())
    assert [rendered(error) for error in errors] == list(case.expected)
    for error in errors:
        assert error.file == SOURCE
        assert error.line >= 1 and error.column >= 1
        assert "\n" not in error.message
        message = error.message.removeprefix("YAML syntax error: ")
        assert message[:1] == message[:1].lower()
    assert [(e.line, e.column) for e in errors] == sorted((e.line, e.column) for e in errors)


def test_every_error_is_reported_at_once_sorted_by_line() -> None:
    case = next(case for case in CASES if case.id == "several_schema_errors")
    errors = errors_of(case.source())
    assert len(errors) == 5
    assert [error.line for error in errors] == [11, 30, 58, 79, 84]
    assert str(CampaignInvalid(errors)).splitlines() == [str(error) for error in errors]


def test_the_path_field_is_the_real_yaml_path() -> None:
    """No union tag ('hostile_act', 'scheduled') ever appears in a path."""
    [error] = errors_of(derive(("severity: 0.5", "severity: 2")))
    assert error.path == ("eras", 0, "events", 0, "effects", 0, "severity")
    [error] = errors_of(derive((RAID, "trigger: {kind: scheduled, year: 1901, turn: 2}")))
    assert error.path == ("eras", 0, "events", 0, "trigger")
    [error] = errors_of(derive(("power: {kind: share, value: 0.5}", "power: {value: 0.5}")))
    assert error.path == ("states", 0, "power", "kind")


SYNTAX_FILES = (
    "bad_indentation",
    "unclosed_bracket",
    "unclosed_quote",
    "tab_indentation",
    "colon_in_prose",
    "dedented_list_item",
    "dedented_key_in_item",
    "missing_colon",
    "dash_without_space",
    "text_after_quote",
    "quote_closed_later",
    "value_starts_with_bracket",
    "value_starts_with_at",
    "value_starts_with_star",
    "several_syntax_errors",
)
PARSERS = [
    pytest.param(
        True,
        id="libyaml",
        marks=pytest.mark.skipif(not yaml_safe.HAVE_LIBYAML, reason="no libyaml"),
    ),
    pytest.param(False, id="pure"),
]


@pytest.mark.parametrize("libyaml", PARSERS)
@pytest.mark.parametrize(
    "case", [case for case in CASES if case.file or case.raw is not None], ids=lambda c: c.id
)
def test_refusals_are_the_same_with_both_parsers(
    monkeypatch: pytest.MonkeyPatch, libyaml: bool, case: Case
) -> None:
    monkeypatch.setattr(yaml_safe, "HAVE_LIBYAML", libyaml)
    assert [rendered(error) for error in errors_of(case.source())] == list(case.expected)


def test_oversized_file() -> None:
    padding = b"# " + b"x" * 98 + b"\n"
    raw_bytes = MINIMAL + padding * (LIMITS.max_bytes // len(padding) + 1)
    assert len(raw_bytes) > LIMITS.max_bytes
    [error] = errors_of(raw_bytes)
    assert rendered(error) == (
        f"1:1: file is {len(raw_bytes)} bytes; the limit is {LIMITS.max_bytes} bytes"
    )
    assert error.path == ()


def test_a_file_just_under_the_cap_is_read() -> None:
    padding = b"#" * 99 + b"\n"
    raw_bytes = MINIMAL + padding * ((LIMITS.max_bytes - len(MINIMAL)) // len(padding))
    assert len(raw_bytes) <= LIMITS.max_bytes
    assert parse_campaign(raw_bytes, SOURCE).campaign.id == "minimal"


def test_alias_bomb_is_refused_without_expanding() -> None:
    """The classic billion laughs, which yaml.safe_load would expand to 10^9 strings."""
    raw_bytes = (CORPUS / "alias_bomb.yaml").read_bytes()
    assert b"*h" in raw_bytes
    [error] = errors_of(raw_bytes)
    assert "anchors and aliases are not allowed" in error.message


# --- the Norway problem: identifiers stay strings -------------------------------------


def test_norway_ids_stay_strings() -> None:
    """NO, ON and YES are YAML 1.1 booleans; as ids they must stay the text written."""
    raw_bytes = MINIMAL.replace(b"AAA", b"YES")
    loaded = parse_campaign(raw_bytes, SOURCE).campaign
    assert [state.id for state in loaded.states] == ["YES", "NO", "ON"]
    norway = loaded.state("NO")
    assert [border.state for border in norway.borders] == ["YES", "ON"]
    assert all(type(border.state) is str for border in norway.borders)
    assert loaded.playable == ["YES", "NO"]
    assert loaded.default_player == "YES"
    assert loaded.alliances[0].members == ["YES", "NO"]


def test_number_like_ids_stay_as_written() -> None:
    raw_bytes = MINIMAL.replace(b"AAA", b"012")
    loaded = parse_campaign(raw_bytes, SOURCE).campaign
    assert loaded.states[0].id == "012"
    assert loaded.playable[0] == "012"


def test_a_plain_number_id_becomes_its_text() -> None:
    raw_bytes = MINIMAL.replace(b"AAA", b"12")
    loaded = parse_campaign(raw_bytes, SOURCE).campaign
    assert loaded.states[0].id == "12"
    assert loaded.state("NO").borders[0].state == "12"


def test_the_corpus_files_are_plain_yaml_apart_from_the_refused_features() -> None:
    """The syntax cases are really broken for PyYAML too (not just for our reader)."""
    for name in SYNTAX_FILES:
        with pytest.raises(yaml.YAMLError):
            yaml.safe_load((CORPUS / f"{name}.yaml").read_bytes())
