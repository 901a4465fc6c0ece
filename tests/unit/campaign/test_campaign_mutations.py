"""Random mutations of the tutorial campaign never crash the loader.

Each example takes the tutorial's data, applies a few mutations (delete a key, swap a
value's type, rename an id, truncate a text, insert a junk key, duplicate a list item),
writes it back with ``yaml.safe_dump`` and loads it: the result is a valid campaign or a
``CampaignInvalid`` whose every error has a real place and a one-line message, and whose
field path leads into the data (never through a union tag). Nothing else may be raised.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from game.campaign.errors import CampaignInvalid
from game.campaign.loader import LoadedCampaign, parse_campaign
from game.campaign.yaml_safe import read_yaml

TUTORIAL = Path(__file__).resolve().parents[3] / "campaigns" / "tutorial.yaml"
DATA = read_yaml(TUTORIAL.read_bytes()).data

Path_ = tuple[str | int, ...]

# Values of every type, including ones that look like other types once written as YAML.
REPLACEMENTS: list[Any] = [
    "text",
    "NO",
    "true",
    "12",
    "",
    7,
    -1,
    0.5,
    1e9,
    True,
    False,
    None,
    [],
    [1, "a"],
    {},
    {"kind": "share", "value": 0.1},
    {"a": 1},
]
# Junk keys: typos, tags of the tagged unions, real field names in the wrong place.
JUNK_KEYS = [
    "junk",
    "kind",
    "id",
    "state",
    "hostile_act",
    "scheduled",
    "adjust",
    "share",
    "severity",
    "sevrity",
    "when",
    "<<",
    "1",
    "NO",
]
IDS = ["VAL", "NO", "ON", "KAR", "player", "strait_league", "corsair_years", "x", "a b", ""]


def paths(node: Any, prefix: Path_ = ()) -> list[Path_]:
    """Every path in the data (the root is ``()``), in document order."""
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*prefix, index))
    return found


def resolve(data: Any, path: Path_) -> tuple[bool, Any]:
    node = data
    for part in path:
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not (in_dict or in_list):
            return False, None
        node = node[part]
    return True, node


def set_at(data: Any, path: Path_, value: Any) -> Any:
    """Set the value at ``path`` (the root itself if ``path`` is empty); returns the root."""
    if not path:
        return value
    _, parent = resolve(data, path[:-1])
    parent[path[-1]] = value
    return data


def mutate(data: Any, draw: Any) -> tuple[Any, str]:
    """Apply one random mutation; returns the new root and a description."""
    everything = paths(data)
    path = draw(st.sampled_from(everything))
    _, value = resolve(data, path)
    operation = draw(
        st.sampled_from(["delete", "retype", "rename_id", "truncate", "junk_key", "duplicate_item"])
    )
    if operation == "delete" and path:
        _, parent = resolve(data, path[:-1])
        del parent[path[-1]]
        return data, f"delete {path}"
    if operation == "rename_id":
        ids = [p for p in everything if p and p[-1] in ("id", "state", "actor", "alliance")]
        if ids:
            target = draw(st.sampled_from(ids))
            new = draw(st.sampled_from(IDS))
            return set_at(data, target, new), f"rename {target} to {new!r}"
    if operation == "truncate" and isinstance(value, str):
        keep = draw(st.integers(0, len(value)))
        return set_at(data, path, value[:keep]), f"truncate {path} to {keep}"
    if operation == "junk_key" and isinstance(value, dict):
        key = draw(st.sampled_from(JUNK_KEYS))
        value[key] = copy.deepcopy(draw(st.sampled_from(REPLACEMENTS)))
        return data, f"junk key {key!r} in {path}"
    if operation == "duplicate_item" and isinstance(value, list) and value:
        index = draw(st.integers(0, len(value) - 1))
        value.insert(index, copy.deepcopy(value[index]))
        return data, f"duplicate {path}[{index}]"
    new = copy.deepcopy(draw(st.sampled_from(REPLACEMENTS)))
    return set_at(data, path, new), f"retype {path} to {new!r}"


def check_error_paths(data: Any, invalid: CampaignInvalid, lines: int) -> None:
    for error in invalid.errors:
        assert error.line >= 1 and error.column >= 1, error
        assert error.line <= lines + 1, error
        assert error.message.strip(), error
        assert "\n" not in str(error), error
        if not error.path:
            continue
        found, parent = resolve(data, error.path[:-1])
        assert found, f"path does not lead into the data: {error}"
        last = error.path[-1]
        present, _ = resolve(data, error.path)
        if not present:
            # A missing field, or a defaulted field a semantic check is about; never the
            # tag of a tagged union ("…trigger.scheduled").
            assert isinstance(parent, dict) and isinstance(last, str), error
            assert last != parent.get("kind"), f"union tag in the path: {error}"


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_mutated_tutorial_loads_or_reports_errors(data: st.DataObject) -> None:
    campaign = copy.deepcopy(DATA)
    steps = []
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        campaign, step = mutate(campaign, data.draw)
        steps.append(step)
    note(steps)
    text = yaml.safe_dump(campaign, sort_keys=False, allow_unicode=True)
    raw = text.encode("utf-8")
    try:
        loaded = parse_campaign(raw, "mutant.yaml")
    except CampaignInvalid as invalid:
        assert invalid.errors, "CampaignInvalid with no errors"
        reread = read_yaml(raw).data if isinstance(campaign, dict) else None
        check_error_paths(reread, invalid, text.count("\n"))
    else:
        assert isinstance(loaded, LoadedCampaign)


def test_the_unmutated_round_trip_is_valid() -> None:
    """safe_dump keeps the tutorial loadable (NO and ON are quoted), so mutations matter."""
    raw = yaml.safe_dump(copy.deepcopy(DATA), sort_keys=False, allow_unicode=True).encode()
    loaded = parse_campaign(raw, "round_trip.yaml")
    assert loaded.campaign.id == "tutorial"
    assert "NO" in {state.id for state in loaded.campaign.states}
