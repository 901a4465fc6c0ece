"""A corpus of tampered replays: each one edited from a genuine competition game and each
rejected by the verifier for its own reason, said in one line.

The verifier trusts nothing a replay claims: its settings must be the competition's, and
re-simulating its orders and choices must reach the state it records.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.competition.settings import make_competition
from game.competition.verify import (
    Outcome,
    Rejection,
    Status,
    known_from,
    verify_all,
    verify_file,
)
from game.engine import MAX_BYTES

Tamper = Callable[[dict[str, Any], Any], None]
"""Edits a genuine replay's parsed JSON in place (given the played game, for context)."""


def assert_one_line(outcome: Outcome) -> None:
    """A rejection's detail: one line, said in words, no traceback."""
    assert outcome.detail.strip(), outcome
    assert "\n" not in outcome.detail and "\r" not in outcome.detail
    assert "Traceback" not in outcome.detail
    assert len(outcome.detail) < 300


@pytest.fixture(scope="module")
def genuine(full_game) -> dict[str, Any]:
    """The genuine full replay's JSON."""
    return json.loads(full_game.path.read_text(encoding="utf-8"))


def _accepted_order(data: dict[str, Any], played) -> tuple[int, int]:
    """(turn index in the replay, order index) of the first order with a target that the
    game carried out (the turn it was in had no refused order)."""
    refused = {r.turn for r in played.game.reports if r.refusals}
    for i, turn in enumerate(data["turns"]):
        if turn["turn"] in refused:
            continue
        for k, order in enumerate(turn["orders"] or []):
            if order.get("target"):
                return i, k
    raise AssertionError("the genuine game has no carried-out order with a target")


def _first_choice(data: dict[str, Any]) -> dict[str, Any]:
    for turn in data["turns"]:
        if turn["choices"]:
            return turn["choices"][0]
    raise AssertionError("the genuine game made no event choice")


def change_target(data, played) -> None:
    i, k = _accepted_order(data, played)
    order = data["turns"][i]["orders"][k]
    others = [s for s in played.game.campaign.playable if s != order["target"]]
    others += [s for s in ("TES", "ON", "KAR", "VAL") if s not in others]
    order["target"] = next(s for s in others if s not in (order["target"], data["player"]))


def change_action(data, played) -> None:
    i, k = _accepted_order(data, played)
    order = data["turns"][i]["orders"][k]
    order["action"] = "threaten" if order["action"] != "threaten" else "reassure"


def remove_order(data, played) -> None:
    i, k = _accepted_order(data, played)
    del data["turns"][i]["orders"][k]


def change_choice(data, played) -> None:
    choice = _first_choice(data)
    event = next(
        e for era in played.game.campaign.eras for e in era.events if e.id == choice["event"]
    )
    assert len(event.choices) > 1
    choice["choice"] = (choice["choice"] + 1) % len(event.choices)


def choice_out_of_range(data, played) -> None:
    _first_choice(data)["choice"] = 99


def rename_choice_event(data, played) -> None:
    _first_choice(data)["event"] = "no_such_event"


def remove_turn(data, played) -> None:
    del data["turns"][1]


def set_top(key: str, value: Any) -> Tamper:
    def tamper(data, played) -> None:
        data[key] = value

    return tamper


def set_in(section: str, key: str, value: Any) -> Tamper:
    def tamper(data, played) -> None:
        data[section][key] = value

    return tamper


def set_rule(key: str, value: Any) -> Tamper:
    def tamper(data, played) -> None:
        data["competition"]["rules"][key] = value

    return tamper


def remove_section(key: str) -> Tamper:
    def tamper(data, played) -> None:
        del data[key]

    return tamper


EDITS: list[tuple[str, Tamper, Rejection]] = [
    ("order target changed", change_target, Rejection.altered),
    ("order action changed", change_action, Rejection.altered),
    ("order removed", remove_order, Rejection.altered),
    ("choice index changed", change_choice, Rejection.altered),
    ("choice index out of range", choice_out_of_range, Rejection.altered),
    ("choice of another event", rename_choice_event, Rejection.altered),
    ("a turn removed", remove_turn, Rejection.altered),
    ("state hash changed", set_top("state_hash", "0" * 64), Rejection.altered),
    ("seed changed", set_top("seed", "s2"), Rejection.other_seed),
    ("player changed", set_top("player", "KAR"), Rejection.other_state),
    ("doctrine changed", set_top("doctrine", "bandwagon"), Rejection.other_doctrine),
    ("campaign fingerprint", set_in("campaign", "fingerprint", "1" * 64), Rejection.other_version),
    ("campaign id", set_in("campaign", "id", "grand_tour"), Rejection.other_campaign),
    ("campaign id a path", set_in("campaign", "id", "../../etc/passwd"), Rejection.bad_id),
    ("player a path", set_top("player", "../VAL"), Rejection.bad_id),
    ("engine version", set_top("engine_version", "999"), Rejection.other_engine),
    ("format changed", set_top("format", "something-else"), Rejection.not_a_replay),
    ("format version", set_top("format_version", 99), Rejection.not_a_replay),
    ("seed not text", set_top("seed", 17), Rejection.damaged),
    ("turns not a list", set_top("turns", "all of them"), Rejection.damaged),
    ("competition removed", remove_section("competition"), Rejection.not_a_competition_game),
    (
        "competition id changed",
        set_in("competition", "id", "other_competition"),
        Rejection.unknown_competition,
    ),
    (
        "competition fingerprint",
        set_in("competition", "fingerprint", "2" * 64),
        Rejection.competition_mismatch,
    ),
    ("turn limit changed", set_rule("turn_limit", 5), Rejection.competition_mismatch),
    ("orders restricted", set_rule("allowed_orders", ["ally"]), Rejection.competition_mismatch),
    ("no such round", set_in("competition", "round", "9"), Rejection.competition_mismatch),
    ("competition id a path", set_in("competition", "id", "../x"), Rejection.bad_id),
    ("empty student name", set_in("competition", "name", "  "), Rejection.damaged),
    ("attempt zero", set_in("competition", "attempt", 0), Rejection.damaged),
]


@pytest.mark.parametrize(("tamper", "expected"), [e[1:] for e in EDITS], ids=[e[0] for e in EDITS])
def test_an_edited_replay_is_rejected(genuine, full_game, known, tmp_path, tamper, expected):
    data = copy.deepcopy(genuine)
    tamper(data, full_game)
    assert data != genuine
    path = tmp_path / "tampered.replay.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    outcome = verify_file(str(path), known)
    assert outcome.status is Status.rejected, outcome.detail
    assert outcome.rejection is expected, outcome.detail
    assert_one_line(outcome)
    assert outcome.total == 0 and outcome.replay is None
    assert outcome.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def _hostile_event(data, played) -> None:
    # A message quotes at most 30 characters of a bad value: what follows never reaches it.
    _first_choice(data)["event"] = (
        "y" * 40 + "\nTraceback (most recent call last):\n" + "y" * 100_000
    )


def _huge_turn_number(data, played) -> None:
    data["turns"][0]["turn"] = 10**4000


@pytest.mark.parametrize("tamper", [_hostile_event, _huge_turn_number], ids=["event", "turn"])
def test_hostile_text_in_the_file_does_not_reach_the_detail(
    genuine, full_game, known, tmp_path, tamper
):
    data = copy.deepcopy(genuine)
    tamper(data, full_game)
    path = tmp_path / "hostile.replay.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    outcome = verify_file(str(path), known)
    assert outcome.status is Status.rejected
    assert outcome.rejection in (Rejection.altered, Rejection.bad_id, Rejection.damaged)
    assert_one_line(outcome)


def _nan(text: str) -> bytes:
    changed = re.sub(r'"attempt": \d+', '"attempt": NaN', text)
    assert changed != text
    return changed.encode()


def _truncated(text: str) -> bytes:
    return text.encode()[: len(text) // 2]


RAW: list[tuple[str, Callable[[str], bytes], Rejection]] = [
    ("truncated in the middle", _truncated, Rejection.damaged),
    ("last byte cut", lambda text: text.encode()[:-2], Rejection.damaged),
    ("not JSON", lambda text: b"this is not a replay, it is a poem\n", Rejection.damaged),
    ("binary garbage", lambda text: bytes(range(256)) * 8, Rejection.damaged),
    ("NUL bytes", lambda text: b"\x00" * 1000, Rejection.damaged),
    ("empty file", lambda text: b"", Rejection.damaged),
    ("only whitespace", lambda text: b" \n\t\n", Rejection.damaged),
    ("NaN in a number", lambda text: _nan(text), Rejection.damaged),
    ("deep nesting", lambda text: b"[" * 100_000 + b"]" * 100_000, Rejection.damaged),
    ("a JSON list", lambda text: b"[1, 2, 3]", Rejection.not_a_replay),
    ("a JSON string", lambda text: b'"entente-replay"', Rejection.not_a_replay),
]


@pytest.mark.parametrize(("make", "expected"), [r[1:] for r in RAW], ids=[r[0] for r in RAW])
def test_a_damaged_file_is_rejected(full_game, known, tmp_path, make, expected):
    path = tmp_path / "damaged.replay.json"
    path.write_bytes(make(full_game.path.read_text(encoding="utf-8")))
    outcome = verify_file(str(path), known)
    assert outcome.status is Status.rejected
    assert outcome.rejection is expected, outcome.detail
    assert_one_line(outcome)
    assert outcome.name is None and outcome.competition is None


def test_a_sparse_file_over_the_cap_is_too_large(known, tmp_path):
    path = tmp_path / "huge.replay.json"
    with path.open("wb") as file:
        file.truncate(MAX_BYTES + 1)
    outcome = verify_file(str(path), known)
    assert (outcome.status, outcome.rejection) == (Status.rejected, Rejection.too_large)
    assert_one_line(outcome)


def test_a_padded_replay_over_the_cap_is_too_large(genuine, known, tmp_path):
    data = copy.deepcopy(genuine)
    text = json.dumps({**data, "padding": ""})
    data["padding"] = "x" * (MAX_BYTES + 1 - len(text.encode()))
    path = tmp_path / "padded.replay.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert path.stat().st_size == MAX_BYTES + 1
    outcome = verify_file(str(path), known)
    assert (outcome.status, outcome.rejection) == (Status.rejected, Rejection.too_large)
    assert_one_line(outcome)


def test_a_replay_of_exactly_the_cap_is_read(full_game, known, tmp_path):
    """The cap is a limit, not a rejection of the largest file allowed."""
    raw = full_game.path.read_bytes()
    path = tmp_path / "at-the-cap.replay.json"
    path.write_bytes(raw + b" " * (MAX_BYTES - len(raw)))
    assert path.stat().st_size == MAX_BYTES
    outcome = verify_file(str(path), known)
    assert outcome.status is Status.verified, outcome.detail
    assert outcome.total == full_game.game.score.total


UNREADABLE_BUG = (
    "verify.py:204 opens the file to hash it outside the ReplayError handling, so an "
    "OSError falls to the catch-all and the file is rejected as 'altered' (the game cannot "
    "re-simulate it (FileNotFoundError)) instead of as a file that cannot be read"
)


def test_a_missing_file_is_rejected_as_unreadable_not_altered(known, tmp_path):
    outcome = verify_file(str(tmp_path / "nowhere.json"), known)
    assert outcome.status is Status.rejected
    assert_one_line(outcome)
    assert outcome.rejection is Rejection.damaged, outcome.detail


def test_a_folder_is_rejected_as_unreadable_not_altered(known, tmp_path):
    folder = tmp_path / "ada.replay.json"
    folder.mkdir()
    outcome = verify_file(str(folder), known)
    assert outcome.status is Status.rejected
    assert_one_line(outcome)
    assert outcome.rejection is Rejection.damaged, outcome.detail


def test_only_refuses_a_game_of_another_competition(genuine, known, competition, tmp_path):
    data = copy.deepcopy(genuine)
    data["competition"]["id"] = "other_competition"
    path = tmp_path / "other.replay.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    outcome = verify_file(str(path), known, only=competition.id)
    assert outcome.rejection is Rejection.competition_mismatch
    assert "other_competition" in outcome.detail
    assert_one_line(outcome)
    # Without ``only`` the same file is of a competition the verifier does not know.
    assert verify_file(str(path), known).rejection is Rejection.unknown_competition


def test_a_rejection_keeps_who_handed_it_in(genuine, known, tmp_path):
    data = copy.deepcopy(genuine)
    data["seed"] = "another"
    path = tmp_path / "seed.replay.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    outcome = verify_file(str(path), known)
    assert outcome.rejection is Rejection.other_seed
    assert (outcome.name, outcome.team, outcome.round) == ("Ada L.", "Red", "1")
    assert outcome.student_key == "ada l."


# -- a second competition ---------------------------------------------------------------


@pytest.fixture(scope="module")
def second(loaded, tmp_path_factory, play):
    """A genuine full game of another competition of the same campaign (another seed)."""
    other = make_competition(loaded, ["VAL"], ["s2"])
    return other, play(other, loaded, tmp_path_factory.mktemp("second"), name="Bo")


def test_second_competition_is_unknown_to_the_first(second, known, competition):
    other, played = second
    assert other.id != competition.id
    outcome = verify_file(str(played.path), known)
    assert outcome.rejection is Rejection.unknown_competition
    assert_one_line(outcome)
    assert verify_file(str(played.path), known, only=competition.id).rejection is (
        Rejection.competition_mismatch
    )
    # Known to the verifier, it is genuine.
    both = {**known, other.id: known_from(other, played.game.loaded)}
    assert verify_file(str(played.path), both).status is Status.verified


def test_second_competition_under_the_same_id_is_a_mismatch(
    loaded, competition, known, play, tmp_path
):
    """Another competition given the first one's id (another seed): its fingerprint differs."""
    impostor = make_competition(loaded, ["VAL"], ["s2"], ident=competition.id)
    assert impostor.id == competition.id and impostor.fingerprint != competition.fingerprint
    played = play(impostor, loaded, tmp_path / "handin", name="Bo")
    outcome = verify_file(str(played.path), known)
    assert outcome.rejection is Rejection.competition_mismatch
    assert_one_line(outcome)


def test_seed_edited_in_replay_and_entry_fingerprint_is_refused(
    second, genuine, known, competition, tmp_path
):
    """Claiming the first competition for a game played with the second one's seed."""
    _, played = second
    data = json.loads(played.path.read_text(encoding="utf-8"))
    data["competition"]["id"] = competition.id
    data["competition"]["fingerprint"] = competition.fingerprint
    path = tmp_path / "claimed.replay.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    outcome = verify_file(str(path), known)
    assert outcome.rejection is Rejection.other_seed
    data["seed"] = genuine["seed"]
    path.write_text(json.dumps(data), encoding="utf-8")
    outcome = verify_file(str(path), known)
    assert outcome.rejection is Rejection.altered
    assert_one_line(outcome)


# -- genuine games ----------------------------------------------------------------------


def test_the_genuine_replay_is_verified_with_the_games_own_score(full_game, known):
    outcome = verify_file(str(full_game.path), known)
    game = full_game.game
    assert outcome.status is Status.verified, outcome.detail
    assert outcome.rejection is None and outcome.detail == ""
    assert outcome.total == game.score.total
    s = game.score
    assert (outcome.security, outcome.influence, outcome.objectives, outcome.penalties) == (
        s.security,
        s.influence,
        s.objectives,
        s.penalties,
    )
    assert outcome.grade == s.grade
    # Played to its end: the campaign's last turn, or earlier when an event ends it (the
    # tutorial's settlement of Porto Salen is a victory before 1915).
    assert game.over
    assert outcome.turns_played == len(game.history)
    assert outcome.turns_total == game.turns
    assert (outcome.name, outcome.team, outcome.attempt) == ("Ada L.", "Red", 1)
    assert outcome.replay == full_game.path.read_text(encoding="utf-8")


def test_a_replay_stopped_after_three_turns_is_unfinished(
    competition, loaded, known, play, tmp_path
):
    played = play(competition, loaded, tmp_path / "handin", name="Cy", turns=3)
    assert not played.game.over
    outcome = verify_file(str(played.path), known)
    assert outcome.status is Status.unfinished, outcome.detail
    assert outcome.rejection is None
    assert outcome.turns_played == 3
    assert outcome.turns_total == played.game.turns > 3
    assert outcome.total == played.game.score.total
    assert f"3 of {played.game.turns}" in outcome.detail


def test_verify_all_gives_the_verdicts_in_file_order(full_game, genuine, known, tmp_path):
    """Two workers give the same verdicts as one, in the order of the files."""
    expected: list[tuple[Status, Rejection | None]] = []
    for n, (_, tamper, rejection) in enumerate(EDITS[:6]):
        data = copy.deepcopy(genuine)
        tamper(data, full_game)
        (tmp_path / f"{n:02}.json").write_text(json.dumps(data), encoding="utf-8")
        expected.append((Status.rejected, rejection))
    (tmp_path / "06.json").write_bytes(full_game.path.read_bytes())
    expected.append((Status.verified, None))
    (tmp_path / "attempts.json").write_text("{}", encoding="utf-8")  # the ledger: skipped
    outcomes = list(verify_all([tmp_path], known, jobs=2))
    assert [Path(o.path).name for o in outcomes] == [f"{n:02}.json" for n in range(7)]
    assert [(o.status, o.rejection) for o in outcomes] == expected


def test_every_replay_problem_has_its_rejection():
    """verify_file maps a ReplayError's kind to a rejection: none may be missing (a
    KeyError there would crash the whole verify run on one file)."""
    from game.competition.verify import _FROM_REPLAY
    from game.engine import ReplayProblem

    assert set(_FROM_REPLAY) == set(ReplayProblem)
    assert all(isinstance(r, Rejection) for r in _FROM_REPLAY.values())
