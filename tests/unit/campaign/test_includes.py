"""Campaigns in several files: an index with ``includes``, or a folder holding
``campaign.yaml``. The merged campaign is the same campaign; every problem is placed in the
file it is in; hostile lists (paths out of the folder, links, loops, huge files) are
refused with the index's line and column."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.campaign.errors import CampaignInvalid
from game.campaign.loader import LIMITS, load_campaign
from game.cli import main
from game.engine import new_game

MINIMAL = (Path(__file__).parents[2] / "data" / "minimal_campaign.yaml").read_text()
VERSION_2 = MINIMAL.replace("schema_version: 1", "schema_version: 2", 1)


def split(folder: Path, includes: str = "[states.yaml, eras.yaml]") -> Path:
    """The minimal campaign as an index (settings, Aland, the pact), states.yaml (Norland,
    Onland) and eras.yaml (both eras)."""
    head, rest = VERSION_2.split("states:\n", 1)
    states, rest = rest.split("alliances:\n", 1)
    alliances, eras = rest.split("eras:\n", 1)
    own, others = states.split("  - id: NO\n", 1)
    folder.mkdir(parents=True, exist_ok=True)
    index = folder / "campaign.yaml"
    index.write_text(f"{head}includes: {includes}\nstates:\n{own}alliances:\n{alliances}")
    (folder / "states.yaml").write_text("states:\n  - id: NO\n" + others)
    (folder / "eras.yaml").write_text("eras:\n" + eras)
    return index


def refusal(path: Path) -> list[str]:
    with pytest.raises(CampaignInvalid) as refused:
        load_campaign(path)
    return [str(e) for e in refused.value.errors]


def test_the_parts_merge_into_the_same_campaign(tmp_path):
    whole = tmp_path / "whole.yaml"
    whole.write_text(VERSION_2)
    one = load_campaign(whole).campaign
    loaded = load_campaign(split(tmp_path / "parts"))
    parts = loaded.campaign
    assert [s.id for s in parts.states] == [s.id for s in one.states]
    assert parts.eras == one.eras and parts.alliances == one.alliances
    assert loaded.sources() == tuple(
        str(tmp_path / "parts" / n) for n in ("campaign.yaml", "states.yaml", "eras.yaml")
    )
    # The same game: the worlds hash alike.
    a = new_game(load_campaign(whole), "s", "AAA").world.state_hash()
    b = new_game(loaded, "s", "AAA").world.state_hash()
    assert a == b


def test_a_folder_is_read_through_its_index(tmp_path):
    split(tmp_path / "parts")
    assert load_campaign(tmp_path / "parts").source == str(tmp_path / "parts" / "campaign.yaml")
    (tmp_path / "empty").mkdir()
    (message,) = refusal(tmp_path / "empty")
    assert "without a campaign.yaml" in message


def test_the_fingerprint_covers_every_file(tmp_path):
    index = split(tmp_path)
    before = load_campaign(index).fingerprint
    states = tmp_path / "states.yaml"
    states.write_text(states.read_text().replace("Norland", "Nordland"))
    assert load_campaign(index).fingerprint != before
    # A campaign of one file keeps the fingerprint of its bytes.
    whole = tmp_path / "whole.yaml"
    whole.write_text(MINIMAL)
    import hashlib

    assert load_campaign(whole).fingerprint == hashlib.sha256(MINIMAL.encode()).hexdigest()


def test_a_problem_is_placed_in_the_file_it_is_in(tmp_path):
    index = split(tmp_path)
    states = tmp_path / "states.yaml"
    states.write_text(states.read_text().replace("military: 50", "military: fifty"))
    eras = tmp_path / "eras.yaml"
    eras.write_text(eras.read_text().replace("actor: ON", "actor: OX"))
    messages = refusal(index)
    assert any(m.startswith(f"{states}:10:15: states[0].military") for m in messages)


def test_semantic_findings_are_placed_in_their_file(tmp_path):
    index = split(tmp_path)
    eras = tmp_path / "eras.yaml"
    eras.write_text(eras.read_text().replace("actor: ON", "actor: OX"))
    (message,) = refusal(index)
    assert message.startswith(f"{eras}:")
    assert "eras[0].events[0].effects[0].actor" in message and "OX" in message


def test_yaml_syntax_errors_in_several_files_are_all_reported(tmp_path):
    index = split(tmp_path)
    (tmp_path / "states.yaml").write_text("states:\n  - id: NO\n    name: a: b\n")
    (tmp_path / "eras.yaml").write_text("eras:\n  - id: [\n")
    messages = refusal(index)
    assert any(m.startswith(str(tmp_path / "states.yaml") + ":3:") for m in messages)
    assert any(m.startswith(str(tmp_path / "eras.yaml") + ":") for m in messages)


@pytest.mark.parametrize(
    ("listed", "says"),
    [
        ("[../outside.yaml]", "leaves the index's folder"),
        ("[/etc/passwd.yaml]", "relative to the index's folder"),
        ("['C:/x.yaml']", "relative to the index's folder"),
        ("['sub\\\\x.yaml']", "relative to the index's folder"),
        ("[notes.txt]", "not a YAML file"),
        ("[missing.yaml]", "no such file"),
        ("[states.yaml, ./states.yaml]", "listed twice"),
        ("[campaign.yaml]", "the index itself"),
        ("states.yaml", "a list of file names"),
    ],
)
def test_hostile_lists_are_refused_at_the_index(tmp_path, listed, says):
    (tmp_path / "outside.yaml").write_text("states: []\n")
    (tmp_path / "notes.txt").write_text("states: []\n")
    index = split(tmp_path / "c", listed)
    messages = refusal(index)
    assert any(says in m for m in messages), messages
    assert all(m.startswith(str(index) + ":") for m in messages if says in m)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_link_out_of_the_folder_is_refused(tmp_path):
    (tmp_path / "secret.yaml").write_text("states: []\n")
    index = split(tmp_path / "c", "[link.yaml]")
    (tmp_path / "c" / "link.yaml").symlink_to(tmp_path / "secret.yaml")
    (message,) = refusal(index)
    assert "outside the index's folder" in message


def test_an_included_file_holds_only_parts_and_includes_nothing(tmp_path):
    index = split(tmp_path)
    states = tmp_path / "states.yaml"
    states.write_text("includes: [eras.yaml]\nstart_year: 1900\n" + states.read_text())
    messages = refusal(index)
    assert any("cannot include others" in m and m.startswith(f"{states}:1:1") for m in messages)
    assert any("'start_year' belongs in the index" in m for m in messages)


def test_an_effect_group_is_defined_once_across_files(tmp_path):
    index = split(tmp_path)
    group = "effect_groups:\n  alarm:\n    - {kind: set_flag, flag: alarm}\n"
    index.write_text(index.read_text() + group)
    (tmp_path / "groups.yaml").write_text(group)
    index.write_text(index.read_text().replace("eras.yaml]", "eras.yaml, groups.yaml]"))
    (message,) = refusal(index)
    assert message.startswith(str(tmp_path / "groups.yaml") + ":2:3")
    assert "defined in" in message


def test_the_files_together_keep_to_the_byte_cap(tmp_path):
    index = split(tmp_path)
    filler = "# " + "x" * 1000 + "\n"
    (tmp_path / "states.yaml").write_text(
        (tmp_path / "states.yaml").read_text() + filler * (LIMITS.max_bytes // 1000)
    )
    messages = refusal(index)
    assert any("bytes in all" in m for m in messages)


def test_includes_need_version_2(tmp_path):
    index = split(tmp_path)
    index.write_text(index.read_text().replace("schema_version: 2", "schema_version: 1"))
    assert any("schema_version: 2" in m and "includes" in m for m in refusal(index))


def test_validate_reads_a_folder(tmp_path, capsys):
    split(tmp_path / "parts")
    assert main(["validate", str(tmp_path / "parts")]) == 0
    (tmp_path / "parts" / "eras.yaml").write_text("eras: [\n")
    assert main(["validate", str(tmp_path / "parts")]) == 2
    assert str(tmp_path / "parts" / "eras.yaml") in capsys.readouterr().err


def test_an_included_file_has_a_schema_of_its_own(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    from game.campaign.schema import campaign_schema_text, part_schema
    from game.campaign.yaml_safe import read_yaml

    committed = Path(__file__).parents[3] / "schema" / "campaign-part.schema.json"
    assert committed.read_text(encoding="utf-8") == campaign_schema_text(part=True), (
        "run `entente schema --part --out schema/campaign-part.schema.json`"
    )
    schema = part_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    split(tmp_path)
    for name in ("states.yaml", "eras.yaml"):
        data = read_yaml((tmp_path / name).read_bytes()).data
        assert not list(validator.iter_errors(data)), name
    wrong = read_yaml(b"start_year: 1900\nstates:\n  - id: NO\n    military: fifty\n").data
    paths = {tuple(e.absolute_path) for e in validator.iter_errors(wrong)}
    assert () in paths  # start_year is not a part
    assert any(p[:2] == ("states", 0) for p in paths)


def test_the_fingerprint_does_not_depend_on_where_the_campaign_is_opened(tmp_path, monkeypatch):
    split(tmp_path / "parts")
    absolute = load_campaign(tmp_path / "parts").fingerprint
    monkeypatch.chdir(tmp_path)
    assert load_campaign("parts").fingerprint == absolute
    monkeypatch.chdir(tmp_path / "parts")
    assert load_campaign(".").fingerprint == absolute
    assert load_campaign("campaign.yaml").fingerprint == absolute


@pytest.mark.parametrize("name", ["st\\0ates.yaml", "x" * 5000 + ".yaml", "a\\u0007.yaml"])
def test_unopenable_names_are_refused_at_the_index(tmp_path, name):
    index = split(tmp_path, f'["{name}"]')
    messages = refusal(index)
    assert messages and all(m.startswith(f"{index}:") for m in messages)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_link_loop_is_refused_at_the_index(tmp_path):
    index = split(tmp_path, "[loop.yaml]")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (message,) = refusal(index)
    assert message.startswith(f"{index}:") and "loop.yaml" in message


def test_a_missing_file_is_named_for_a_watcher(tmp_path):
    index = split(tmp_path, "[states.yaml, eras.yaml, later.yaml]")
    with pytest.raises(CampaignInvalid) as refused:
        load_campaign(index)
    assert str(tmp_path / "later.yaml") in refused.value.files
    assert str(index) in refused.value.files


def test_a_huge_included_file_is_not_read_whole(tmp_path):
    index = split(tmp_path, "[states.yaml, eras.yaml, big.yaml]")
    with (tmp_path / "big.yaml").open("wb") as big:
        big.truncate(64 * LIMITS.max_bytes)  # sparse: it costs no disk
    messages = refusal(index)
    assert any("bytes in all" in m and m.startswith(f"{index}:") for m in messages)


def test_a_folder_without_an_index_does_not_hide_a_shipped_campaign(tmp_path, monkeypatch):
    from game.campaign.library import resolve_campaign

    (tmp_path / "tutorial").mkdir()
    monkeypatch.chdir(tmp_path)
    assert resolve_campaign("tutorial").name == "tutorial.yaml"
    split(tmp_path / "mine")
    assert resolve_campaign("mine") == Path("mine")


def test_a_repeated_id_says_which_file_holds_the_first(tmp_path):
    index = split(tmp_path)
    states = tmp_path / "states.yaml"
    states.write_text(states.read_text().replace("id: NO", "id: AAA", 1))
    messages = refusal(index)
    assert any(
        m.startswith(
            f"{states}:2:9: states[0].id: duplicate state id 'AAA' (first at states[0] of {index})"
        )
        for m in messages
    ), messages


def test_the_files_together_keep_to_the_cap_on_values(tmp_path):
    index = split(tmp_path, "[states.yaml, eras.yaml, a.yaml, b.yaml]")
    half = LIMITS.max_nodes // 2 + 10
    flags = "flags: [" + "a," * half + "a]\n"  # two bytes a value: far under the byte cap
    (tmp_path / "a.yaml").write_text(flags)
    (tmp_path / "b.yaml").write_text(flags)
    messages = refusal(index)
    assert any(m.startswith(str(tmp_path / "b.yaml")) and "values" in m for m in messages)
