"""The competition file, the teacher's rules file, the rules a competition game is played
under, and a student's attempts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.campaign.errors import CampaignInvalid
from game.campaign.models import Scoring
from game.competition.handin import handin_for
from game.competition.rules_file import read_rules_file
from game.competition.settings import (
    MAX_BYTES,
    Competition,
    CompetitionError,
    Round,
    fingerprint_of,
    make_competition,
    read_competition,
    write_competition,
)
from game.competition.verify import Status, known_from, verify_file
from game.engine import (
    ACTIONS,
    ChoiceOrder,
    Order,
    ProblemKind,
    Rules,
    make_policy,
    new_game,
    play_headless,
    read_replay,
)

RULES = Rules(12, ("ally", "aid", "posture"), Scoring(objectives=0.0, penalties=2.0))


@pytest.fixture(scope="module")
def rich(loaded) -> Competition:
    """A competition with every setting given."""
    return make_competition(
        loaded,
        ["VAL", "KAR"],
        ["s1", "s2"],
        doctrine="bandwagon",
        rules=RULES,
        title="  Period 3:   the Corvantic Sea ",
        deadline="2026-12-20T09:30",
        ident="period3",
        campaign_file="tutorial.yaml",
    )


@pytest.fixture
def written(rich, tmp_path) -> Path:
    return write_competition(rich, tmp_path / "period3.competition.json")


def assert_one_line_naming(error: pytest.ExceptionInfo[CompetitionError], path: Path) -> str:
    message = str(error.value)
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(f"{path}: ")
    return message


# -- the competition file ---------------------------------------------------------------


def test_a_competition_file_round_trips(rich, written):
    again = read_competition(written)
    assert again == rich
    assert again.fingerprint == rich.fingerprint
    assert again.to_json() == written.read_text(encoding="utf-8")
    assert json.loads(written.read_text(encoding="utf-8"))["fingerprint"] == rich.fingerprint


def test_the_settings_are_tidied_when_made(rich, loaded):
    assert rich.title == "Period 3: the Corvantic Sea"
    assert rich.deadline == "2026-12-20 09:30"
    assert rich.campaign_id == loaded.campaign.id
    assert rich.campaign_fingerprint == loaded.fingerprint
    assert rich.rules == RULES


def test_two_states_and_two_seeds_give_four_numbered_rounds(rich):
    assert rich.rounds == (
        Round("1", "VAL", "s1", "bandwagon"),
        Round("2", "VAL", "s2", "bandwagon"),
        Round("3", "KAR", "s1", "bandwagon"),
        Round("4", "KAR", "s2", "bandwagon"),
    )
    assert rich.round(None) == rich.rounds[0]
    assert rich.round("3").state == "KAR"
    with pytest.raises(CompetitionError, match="no round '5'"):
        rich.round("5")


def test_the_default_id_comes_from_the_settings(loaded):
    a = make_competition(loaded, ["VAL"], ["s1"])
    b = make_competition(loaded, ["VAL"], ["s2"])
    assert a.id.startswith("tutorial_") and b.id.startswith("tutorial_")
    assert a.id != b.id
    assert make_competition(loaded, ["VAL"], ["s1"]) == a


def _edit_round_seed(data):
    data["rounds"][0]["seed"] = "s9"


def _edit_state(data):
    data["rounds"][2]["state"] = "ON"


def _edit_turn_limit(data):
    data["rules"]["turn_limit"] = 40


def _edit_orders(data):
    data["rules"]["allowed_orders"] = list(ACTIONS)


def _edit_weights(data):
    data["rules"]["scoring"]["objectives"] = 5.0


def _edit_title(data):
    data["title"] = "Period 4"


def _edit_deadline(data):
    data["deadline"] = "2027-01-10"


def _edit_campaign(data):
    data["campaign"]["fingerprint"] = "a" * 64


def _edit_doctrine(data):
    data["rounds"][1]["doctrine"] = None


def _add_round(data):
    data["rounds"].append({"id": "5", "state": "ON", "seed": "s1", "doctrine": "bandwagon"})


EDITS = [
    _edit_round_seed,
    _edit_state,
    _edit_turn_limit,
    _edit_orders,
    _edit_weights,
    _edit_title,
    _edit_deadline,
    _edit_campaign,
    _edit_doctrine,
    _add_round,
]


@pytest.mark.parametrize("edit", EDITS, ids=[e.__name__.lstrip("_") for e in EDITS])
def test_a_setting_edited_in_the_file_is_refused(written, edit):
    data = json.loads(written.read_text(encoding="utf-8"))
    edit(data)
    written.write_text(json.dumps(data, indent=1), encoding="utf-8")
    with pytest.raises(CompetitionError) as error:
        read_competition(written)
    message = assert_one_line_naming(error, written)
    assert "changed after it was made" in message


def test_reformatting_the_file_keeps_it_valid(rich, written):
    """The fingerprint is of the settings, not of the file's spacing or key order."""
    data = json.loads(written.read_text(encoding="utf-8"))
    written.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    assert read_competition(written) == rich


BROKEN = [
    ("truncated", lambda text: text.encode()[: len(text) // 2], "not valid JSON"),
    ("empty", lambda text: b"", "not valid JSON"),
    ("not JSON", lambda text: b"title = 'Period 3'\n", "not valid JSON"),
    ("binary", lambda text: bytes(range(128, 256)) * 4, "not text"),
    ("huge", lambda text: b" " * (MAX_BYTES + 1), "too large"),
    ("a list", lambda text: b"[]", "not an Entente competition file"),
    ("a replay", lambda text: b'{"format": "entente-replay"}', "not an Entente competition"),
    ("deep", lambda text: b"[" * 50_000 + b"]" * 50_000, "damaged"),
    (
        "newer format",
        lambda text: text.replace('"format_version": 1', '"format_version": 2').encode(),
        "not supported",
    ),
    ("no rounds", lambda text: _with(text, rounds=[]), "rounds"),
    ("rounds not a list", lambda text: _with(text, rounds="1-4"), "rounds"),
    ("a bad round id", lambda text: _with_round(text, id="../1"), "rounds[0].id"),
    ("rules not an object", lambda text: _with(text, rules=None), "rules"),
    ("a bad turn limit", lambda text: _with_rule(text, turn_limit=0), "turn_limit"),
    ("campaign fingerprint", lambda text: _with_campaign(text, fingerprint="x"), "SHA-256"),
    ("no id", lambda text: _with(text, id=None), "id: expected text"),
]


def _with(text: str, **changes: object) -> bytes:
    return json.dumps({**json.loads(text), **changes}).encode()


def _with_round(text: str, **changes: object) -> bytes:
    data = json.loads(text)
    data["rounds"][0].update(changes)
    return json.dumps(data).encode()


def _with_rule(text: str, **changes: object) -> bytes:
    data = json.loads(text)
    data["rules"].update(changes)
    return json.dumps(data).encode()


def _with_campaign(text: str, **changes: object) -> bytes:
    data = json.loads(text)
    data["campaign"].update(changes)
    return json.dumps(data).encode()


@pytest.mark.parametrize(("make", "words"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_a_broken_competition_file_is_refused_in_one_line(written, make, words):
    written.write_bytes(make(written.read_text(encoding="utf-8")))
    with pytest.raises(CompetitionError) as error:
        read_competition(written)
    message = assert_one_line_naming(error, written)
    assert words in message


def test_a_missing_file_or_a_folder_is_refused(tmp_path):
    for path, words in [(tmp_path / "none.json", "no such file"), (tmp_path, "is a folder")]:
        with pytest.raises(CompetitionError) as error:
            read_competition(path)
        assert words in assert_one_line_naming(error, path)


@pytest.mark.parametrize(
    "deadline", ["2026-02-30", "2026-13-01", "tomorrow", "20-12-2026", "2026-12-20 25:00", ""]
)
def test_a_bad_deadline_is_refused(loaded, deadline):
    with pytest.raises(CompetitionError, match="is not a date") as error:
        make_competition(loaded, ["VAL"], ["s1"], deadline=deadline)
    assert "\n" not in str(error.value)


def test_a_bad_deadline_in_a_file_is_refused_even_with_its_fingerprint(rich, tmp_path):
    body = rich.body()
    body["deadline"] = "2026-02-30"
    path = tmp_path / "bad-deadline.json"
    path.write_text(json.dumps({**body, "fingerprint": fingerprint_of(body)}), encoding="utf-8")
    with pytest.raises(CompetitionError) as error:
        read_competition(path)
    assert "is not a date" in assert_one_line_naming(error, path)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"states": []}, "at least one state"),
        ({"seeds": []}, "at least one"),
        ({"seeds": [f"s{n}" for n in range(26)]}, "at most 50"),
        ({"ident": "../period3"}, "is not an id"),
        ({"ident": "p" * 41}, "is not an id"),
        ({"title": "   "}, "a title is"),
        ({"title": "t" * 121}, "a title is"),
    ],
)
def test_bad_settings_are_refused_when_made(loaded, kwargs, words):
    args = {"states": ["VAL", "KAR"], "seeds": ["s1"], **kwargs}
    with pytest.raises(CompetitionError, match=words):
        make_competition(loaded, **args)


# -- the teacher's rules file -----------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_rules_file_gives_its_rules(tmp_path):
    path = write(
        tmp_path,
        'title: "Period 3: the Corvantic Sea"\n'
        "deadline: 2026-12-20\n"
        "turn_limit: 12\n"
        "allowed_orders: [posture, ally, aid]\n"
        "scoring: {security: 1.0, influence: 1.0, objectives: 0, penalties: 2.0}\n",
    )
    read = read_rules_file(path)
    assert read.rules == Rules(
        12,
        ("ally", "aid", "posture"),  # in the game's order of actions
        Scoring(security=1.0, influence=1.0, objectives=0.0, penalties=2.0),
    )
    assert read.title == "Period 3: the Corvantic Sea"
    assert read.deadline == "2026-12-20"


def test_an_empty_rules_file_changes_nothing(tmp_path):
    assert read_rules_file(write(tmp_path, "{}\n")).rules == Rules()


def test_forbidden_orders_allow_the_rest(tmp_path):
    read = read_rules_file(write(tmp_path, "forbidden_orders: [intervene, threaten]\n"))
    assert read.rules.allowed_orders == tuple(
        a for a in ACTIONS if a not in {"intervene", "threaten"}
    )


def test_an_unknown_order_is_placed_with_a_suggestion(tmp_path):
    path = write(tmp_path, "turn_limit: 12\nallowed_orders:\n  - ally\n  - brake\n  - aid\n")
    with pytest.raises(CampaignInvalid) as error:
        read_rules_file(path)
    (problem,) = error.value.errors
    assert (problem.file, problem.line, problem.column) == (str(path), 4, 5)
    assert problem.path == ("allowed_orders", 1)
    assert "unknown order 'brake'" in problem.message
    assert "did you mean 'break'?" in problem.message


def test_every_unknown_order_is_reported_in_place(tmp_path):
    path = write(tmp_path, "forbidden_orders: [ally, xyzzy, intell]\n")
    with pytest.raises(CampaignInvalid) as error:
        read_rules_file(path)
    first, second = error.value.errors
    assert (first.line, first.column, first.path) == (1, 26, ("forbidden_orders", 1))
    assert "'xyzzy'" in first.message and "did you mean" not in first.message
    assert (second.line, second.column, second.path) == (1, 33, ("forbidden_orders", 2))
    assert "did you mean 'intel'?" in second.message


def test_an_unknown_field_is_placed(tmp_path):
    path = write(tmp_path, "turn_limit: 12\n\ncolour: red\n")
    with pytest.raises(CampaignInvalid) as error:
        read_rules_file(path)
    (problem,) = error.value.errors
    assert (problem.line, problem.column) == (3, 1)
    assert "unknown field 'colour'" in problem.message
    assert str(problem).startswith(f"{path}:3:1: ")


def test_allowed_and_forbidden_orders_together_are_refused(tmp_path):
    path = write(tmp_path, "allowed_orders: [ally]\nforbidden_orders: [aid]\n")
    with pytest.raises(CampaignInvalid) as error:
        read_rules_file(path)
    (problem,) = error.value.errors
    assert problem.line == 2
    assert "not both" in problem.message


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("turn_limit: 0\n", 1),
        ("title: ok\nturn_limit: twelve\n", 2),
        ("scoring: {objectives: -1}\n", 1),
        ("allowed_orders: ally\n", 1),
    ],
)
def test_a_value_out_of_shape_is_placed(tmp_path, text, line):
    with pytest.raises(CampaignInvalid) as error:
        read_rules_file(write(tmp_path, text))
    assert [e.line for e in error.value.errors] == [line]


# -- the rules in the game --------------------------------------------------------------


def test_a_turn_limit_ends_the_game_early(loaded, tmp_path, play):
    limited = make_competition(loaded, ["VAL"], ["s1"], rules=Rules(turn_limit=3))
    played = play(limited, loaded, tmp_path / "handin")
    game = played.game
    assert game.over
    assert game.turns == 3 < game.campaign_turns
    assert len(game.history) == 3
    assert "competition" in (game.view.ended or "")
    assert "3 turns" in (game.view.ended or "")
    outcome = verify_file(str(played.path), {limited.id: known_from(limited, loaded)})
    assert outcome.status is Status.verified, outcome.detail
    assert outcome.turns_played == outcome.turns_total == 3


def test_a_game_without_a_limit_ends_with_the_campaign(loaded):
    game = new_game(loaded, "s1", "VAL")
    for _ in play_headless(game, make_policy("passive", "x")):
        pass
    assert len(game.history) == game.campaign_turns > 3
    assert "competition" not in (game.view.ended or "")


def test_an_order_outside_the_allowed_ones_is_refused(loaded, competition):
    only = make_competition(loaded, ["VAL"], ["s1"], rules=Rules(allowed_orders=("ally",)))
    game = new_game(loaded, "s1", "VAL", None, only.entry(only.rounds[0], "Ada", None))
    problem = game.check_order(Order("posture", option="defensive"))
    assert problem is not None
    assert problem.kind is ProblemKind.not_allowed
    assert problem.action == "posture"
    assert problem.choices == ("ally",)
    assert [o.action for o in game.legal_orders()] == ["ally"]
    refused = game.check_order(Order("aid", "ON", 1, "military"))
    assert refused is not None and refused.kind is ProblemKind.not_allowed
    ally = game.check_order(Order("ally", "ON"))
    assert ally is None or ally.kind is not ProblemKind.not_allowed
    while game.pending:
        game.choose(ChoiceOrder(game.pending[0].event, 0))
    report = game.end_turn([Order("posture", option="defensive")])
    assert [r.problem.kind for r in report.refusals] == [ProblemKind.not_allowed]
    # Without the competition the same order is the engine's to carry out.
    free = new_game(loaded, "s1", "VAL")
    assert free.check_order(Order("posture", option="defensive")) is None


def test_score_weights_change_the_score(loaded):
    weights = Scoring(objectives=0.0)
    comp = make_competition(loaded, ["VAL"], ["s1"], rules=Rules(scoring=weights))
    weighted = new_game(loaded, "s1", "VAL", None, comp.entry(comp.rounds[0], "Ada", None))
    plain = new_game(loaded, "s1", "VAL")
    for game in (weighted, plain):
        for _ in play_headless(game, make_policy("hawk", "w")):
            pass
    assert plain.score.objectives > 0, "the test needs a game that earns objectives"
    assert weighted.world.achieved, "the weighted game achieved objectives too"
    assert weighted.score.objectives == 0
    s = weighted.score
    assert s.total == s.security + s.influence - s.penalties


# -- attempts and continuing ------------------------------------------------------------


def test_restarts_count_attempts_in_the_replay(competition, loaded, tmp_path):
    handin = handin_for(competition, None, "Ada L.", "Red", tmp_path / "handin")
    game, resumed = handin.start(loaded)
    assert (resumed, game.entry.attempt) == (False, 1)
    for expected in (2, 3):
        game, resumed = handin.start(loaded, restart=True)
        assert resumed is False
        assert game.entry.attempt == expected
        entry = read_replay(handin.replay_path).entry
        assert entry is not None and entry.attempt == expected
    assert handin.attempts_used() == 3
    # Deleting the replay does not reset the count: the ledger keeps it.
    handin.replay_path.unlink()
    assert handin.attempts_used() == 3
    game, resumed = handin.start(loaded)
    assert (resumed, game.entry.attempt) == (False, 4)
    assert read_replay(handin.replay_path).entry.attempt == 4


def test_the_count_is_per_student_and_ignores_spacing_and_case(competition, loaded, tmp_path):
    ada = handin_for(competition, None, "Ada L.", None, tmp_path / "a")
    ada.start(loaded)
    ada.start(loaded, restart=True)
    again = handin_for(competition, None, "  ada   l. ", None, tmp_path / "b")
    assert again.start(loaded)[0].entry.attempt == 3
    other = handin_for(competition, None, "Bo", None, tmp_path / "a")
    assert other.start(loaded)[0].entry.attempt == 1


def test_continuing_a_saved_game_reaches_the_same_state(competition, loaded, tmp_path):
    handin = handin_for(competition, None, "Ada L.", "Red", tmp_path / "handin")
    game, _ = handin.start(loaded)
    for _ in play_headless(game, make_policy("random", "mid"), 2):
        pass
    assert game.pending, "the test saves a game with an event's choice made"
    while game.pending:  # saved mid-turn: the choices made, the orders not yet given
        game.choose(ChoiceOrder(game.pending[0].event, 0))
    handin.save(game)
    assert read_replay(handin.replay_path).turns[-1].orders is None
    again, resumed = handin.start(loaded)
    assert resumed is True
    assert again.world.state_hash() == game.world.state_hash()
    assert again.replay.to_json() == game.replay.to_json()
    assert again.entry == game.entry
    assert handin.attempts_used() == 1
    # The continued game plays on exactly as the saved one does.
    for g in (game, again):
        for _ in play_headless(g, make_policy("random", "on")):
            pass
    assert again.world.state_hash() == game.world.state_hash()
    assert again.score == game.score


def test_continuing_another_students_replay_is_refused(competition, loaded, tmp_path):
    ada = handin_for(competition, None, "Ada", None, tmp_path / "handin")
    ada.start(loaded)
    bo = handin_for(competition, None, "Bo", None, tmp_path / "handin")
    bo.replay_path.write_bytes(ada.replay_path.read_bytes())
    with pytest.raises(CompetitionError, match="--restart") as error:
        bo.start(loaded)
    assert "the game of Ada" in str(error.value)
    assert "\n" not in str(error.value)


def test_a_game_of_a_competition_read_from_its_file_verifies(written, loaded, tmp_path, play):
    """The file's way round: the teacher writes it, the student reads it and plays round 3
    (KAR, bandwagon, every rule), the teacher verifies the replay against the file."""
    from game.competition.settings import competition_from_text

    competition = read_competition(written)
    played = play(competition, loaded, tmp_path / "handin", name="Ada", round_id="3")
    game = played.game
    assert game.over and len(game.history) == 12
    assert (game.player, game.doctrine.value) == ("KAR", "bandwagon")
    assert all(
        r.problem.kind is ProblemKind.not_allowed
        for report in game.reports
        for r in report.refusals
        if r.order.action not in RULES.allowed_orders
    )
    for source in (competition, competition_from_text(written.read_text(encoding="utf-8"))):
        outcome = verify_file(str(played.path), {source.id: known_from(source, loaded)})
        assert outcome.status is Status.verified, outcome.detail
        assert (outcome.round, outcome.total) == ("3", game.score.total)
        assert outcome.turns_total == 12


def test_whatever_the_rules_file_accepts_reads_back_from_the_competition_file(loaded, tmp_path):
    path = write(tmp_path, "scoring: {penalties: 5000}\n")
    try:
        teacher = read_rules_file(path)
    except CampaignInvalid:
        return  # refused with its place in the rules file: fine
    competition = make_competition(loaded, ["VAL"], ["s1"], rules=teacher.rules)
    out = write_competition(competition, tmp_path / "c.json")
    assert read_competition(out) == competition


def test_a_damaged_ledger_falls_back_on_the_replays_count(competition, loaded, data_dir, tmp_path):
    handin = handin_for(competition, None, "Ada", None, tmp_path / "handin")
    handin.start(loaded)
    handin.start(loaded, restart=True)
    ledger = data_dir / "competitions" / competition.id / "attempts.json"
    assert json.loads(ledger.read_text(encoding="utf-8")) == {"1:ada": 2}
    ledger.write_bytes(b"\x00not json")
    assert handin.attempts_used() == 2
    game, _ = handin.start(loaded, restart=True)
    assert game.entry.attempt == 3


def test_the_debrief_is_written_when_the_game_ends(full_game):
    debrief = full_game.handin.debrief_path
    assert debrief.is_file()
    assert debrief.read_text(encoding="utf-8").strip()
