"""Tests for the safe campaign YAML reader (game.campaign.yaml_safe)."""

import contextlib
import json
import pickle
import time

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.campaign import yaml_safe
from game.campaign.yaml_safe import (
    Limits,
    Mark,
    YamlDocument,
    YamlProblem,
    YamlRefused,
    read_yaml,
)

DEFAULT = Limits()

PARSERS = [
    pytest.param(
        True,
        id="libyaml",
        marks=pytest.mark.skipif(not yaml.__with_libyaml__, reason="no libyaml"),
    ),
    pytest.param(False, id="pure"),
]


@pytest.fixture(autouse=True, params=PARSERS)
def libyaml(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run every test with both the libyaml event parser and the pure-Python one."""
    monkeypatch.setattr(yaml_safe, "HAVE_LIBYAML", request.param)
    if not request.param:
        # Prove the C parser is never touched on the pure path.
        monkeypatch.setattr(yaml, "CSafeLoader", None, raising=False)
    return request.param


def refusal(raw: bytes | str, limits: Limits = DEFAULT) -> YamlProblem:
    """Read `raw`, expect a refusal with exactly one problem, and return it."""
    if isinstance(raw, str):
        raw = raw.encode()
    with pytest.raises(YamlRefused) as info:
        read_yaml(raw, limits=limits)
    assert len(info.value.problems) == 1
    return info.value.problems[0]


def where(problem: YamlProblem) -> tuple[int, int] | None:
    return None if problem.mark is None else (problem.mark.line, problem.mark.column)


def value_of(text: str):
    """The value of `v` in a one-entry mapping written `v: <text>`."""
    return read_yaml(f"v: {text}\n".encode()).data["v"]


def alias_bomb() -> bytes:
    lines = ["a: &a [x,x,x,x,x,x,x,x,x]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines).encode()


# --- rule 1: size -------------------------------------------------------------------------


def test_file_over_the_size_limit_is_refused_without_a_mark() -> None:
    problem = refusal(b"a: 12345\n", Limits(max_bytes=8))
    assert problem.message == "file is 9 bytes; the limit is 8 bytes"
    assert problem.mark is None


def test_file_at_the_size_limit_is_read() -> None:
    assert read_yaml(b"a: 1234\n", limits=Limits(max_bytes=8)).data == {"a": 1234}


def test_size_is_checked_before_anything_else() -> None:
    assert refusal(b"\x00\xff" * 10, Limits(max_bytes=4)).message.startswith("file is 20 bytes")


# --- rule 2: binary, encoding, BOM --------------------------------------------------------


def test_nul_byte_is_refused_as_binary_with_its_position() -> None:
    problem = refusal(b"a: 1\nb: x\x00y\n")
    assert problem.message == "file looks binary (NUL byte at line 2, column 5)"
    assert where(problem) == (2, 5)


def test_invalid_utf8_is_refused_with_the_byte_and_its_position() -> None:
    problem = refusal("a: 1\nnom: é".encode() + b"\xe9\n")
    assert problem.message == "file is not UTF-8 text: invalid byte 0xE9 at line 2, column 7"
    assert where(problem) == (2, 7)


def test_columns_count_characters_not_bytes() -> None:
    problem = refusal("été: ok\nnom: çà".encode() + b"\xff")
    assert where(problem) == (2, 8)


def test_control_character_is_refused_with_its_position() -> None:
    problem = refusal("a: 1\nb: x\x07\n")
    assert problem.message == (
        "file contains control character U+0007 at line 2, column 5; "
        "YAML does not allow it (is this a binary file?)"
    )
    assert where(problem) == (2, 5)


def test_utf8_bom_is_accepted_and_skipped() -> None:
    doc = read_yaml(b"\xef\xbb\xbfname: Entente\nid: x\n")
    assert doc.data == {"name": "Entente", "id": "x"}
    assert doc.key_marks[("name",)] == Mark(1, 1)
    assert doc.value_marks[("name",)] == Mark(1, 7)


def test_bom_does_not_shift_nul_columns() -> None:
    assert where(refusal(b"\xef\xbb\xbfab\x00")) == (1, 3)


# --- rule 3: empty ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"   \n\n",
        b"\t\n  \t\n",
        b"# just a comment\n   # another\n",
        b"\xef\xbb\xbf",
        b"---\n",
    ],
)
def test_empty_file_is_refused_at_1_1(raw: bytes) -> None:
    problem = refusal(raw)
    assert problem.message == "file is empty: a campaign is a YAML mapping"
    assert where(problem) == (1, 1)


def test_many_comment_markers_do_not_slow_the_empty_check() -> None:
    # A line of '# # # ...' followed by content would backtrack exponentially in a naive regex.
    assert read_yaml(b"# " * 5000 + b"\na: 1\n").data == {"a": 1}


# --- rule 4: anchors, aliases, merge keys, tags, documents --------------------------------


def test_anchor_is_refused() -> None:
    problem = refusal("a: 1\nb: &base {x: 1}\n")
    assert problem.message == "anchors and aliases are not allowed (found anchor '&base')"
    assert where(problem) == (2, 4)


def test_alias_is_refused() -> None:
    problem = refusal("a: 1\nb: *base\n")
    assert problem.message == "anchors and aliases are not allowed (found alias '*base')"
    assert where(problem) == (2, 4)


def test_merge_key_is_refused() -> None:
    problem = refusal("base: {x: 1}\nstate:\n  <<: {y: 2}\n")
    assert problem.message == "merge keys ('<<') are not allowed"
    assert where(problem) == (3, 3)


def test_quoted_double_angle_key_is_an_ordinary_key() -> None:
    assert read_yaml(b"'<<': 1\n").data == {"<<": 1}


def test_alias_bomb_is_refused_on_the_first_anchor() -> None:
    start = time.perf_counter()
    problem = refusal(alias_bomb())
    elapsed = time.perf_counter() - start  # measured (typically well under 1 ms), not asserted
    assert problem.message == "anchors and aliases are not allowed (found anchor '&a')"
    assert where(problem) == (1, 4)
    assert elapsed >= 0


@pytest.mark.parametrize(
    ("source", "shown", "column"),
    [
        ("a: !!python/object/apply:os.system ['rm -rf /']", "!!python/object/apply:os.system", 4),
        ("a: !!binary aGVsbG8=", "!!binary", 4),
        ("a: !!str 5", "!!str", 4),
        ("a: !foo bar", "!foo", 4),
        ("a: ! bar", "!", 4),
        ("a: !<tag:example.com,2000:x> 1", "tag:example.com,2000:x", 4),
        ("a: !!map {x: 1}", "!!map", 4),
        ("a: !!seq [1]", "!!seq", 4),
        ("--- !!map\na: 1", "!!map", 5),
        ("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1", "tag:example.com,2000:x", 4),
    ],
)
def test_every_explicit_tag_is_refused(source: str, shown: str, column: int) -> None:
    problem = refusal(source)
    assert problem.message == f"tags are not allowed (found '{shown}')"
    assert problem.mark is not None and problem.mark.column == column


def test_second_document_is_refused() -> None:
    problem = refusal("a: 1\n---\nb: 2\n")
    assert problem.message == "only one YAML document per file is allowed"
    assert where(problem) == (2, 1)


def test_single_explicit_document_is_fine() -> None:
    assert read_yaml(b"---\na: 1\n...\n").data == {"a": 1}


# --- rule 4: limits -----------------------------------------------------------------------


def test_depth_limit() -> None:
    problem = refusal("a: {b: {c: {d: 1}}}\n", Limits(max_depth=3))
    assert problem.message == "nesting is deeper than 3 levels"
    assert where(problem) == (1, 12)


def test_depth_at_the_limit_is_read() -> None:
    assert read_yaml(b"a: {b: {c: 1}}\n", limits=Limits(max_depth=3)).data == {"a": {"b": {"c": 1}}}


@pytest.mark.parametrize("opener", ["[", "{b: "])
def test_ten_thousand_nested_collections_are_refused_cleanly(opener: str) -> None:
    problem = refusal("a: " + opener * 10_000)
    assert problem.message == "nesting is deeper than 64 levels"
    assert where(problem) == (1, 4 + 63 * len(opener))


def test_ten_thousand_nested_lists_at_top_level_are_refused() -> None:
    problem = refusal("[" * 10_000)
    assert problem.message == "a campaign file must be a YAML mapping at the top level, not a list"


def test_node_limit() -> None:
    problem = refusal("a: [1, 2, 3]\n", Limits(max_nodes=5))  # root, a, [..], 1, 2 | 3
    assert problem.message == "more than 5 values in one file"
    assert where(problem) == (1, 11)


def test_scalar_length_limit() -> None:
    problem = refusal("ok: abcde\nlong: abcdef\n", Limits(max_scalar_length=5))
    assert problem.message == "a value is 6 characters long; the limit is 5 characters"
    assert where(problem) == (2, 7)


def test_scalar_length_limit_applies_to_keys() -> None:
    assert where(refusal("abcdef: 1\n", Limits(max_scalar_length=5))) == (1, 1)


# --- rule 4: keys -------------------------------------------------------------------------


def test_duplicate_key_is_refused_at_the_duplicate() -> None:
    problem = refusal("id: a\nname: b\nid: c\n")
    assert problem.message == "duplicate key 'id' (first at line 1)"
    assert where(problem) == (3, 1)


def test_duplicate_key_in_a_nested_mapping() -> None:
    problem = refusal("states:\n  - id: FRA\n    power: 1\n    power: 2\n")
    assert problem.message == "duplicate key 'power' (first at line 3)"
    assert where(problem) == (4, 5)


def test_keys_differing_only_in_quoting_are_duplicates() -> None:
    assert refusal("1: a\n'1': b\n").message == "duplicate key '1' (first at line 1)"


def test_same_key_in_sibling_mappings_is_fine() -> None:
    assert read_yaml(b"l:\n  - {id: 1}\n  - {id: 2}\n").data == {"l": [{"id": 1}, {"id": 2}]}


@pytest.mark.parametrize(
    ("source", "kind", "position"),
    [
        ("? [a, b]\n: c\n", "a list", (1, 3)),
        ("? {a: 1}\n: c\n", "a mapping", (1, 3)),
        ("{[a]: b}\n", "a list", (1, 2)),
    ],
)
def test_non_scalar_keys_are_refused(source: str, kind: str, position: tuple[int, int]) -> None:
    problem = refusal(source)
    assert problem.message == f"a mapping key must be text, not {kind}"
    assert where(problem) == position


def test_keys_stay_strings_as_written() -> None:
    doc = read_yaml(b"1: a\ntrue: b\nNO: c\nnull: d\n~: e\n0.5: f\n'quoted': g\n")
    assert list(doc.data) == ["1", "true", "NO", "null", "~", "0.5", "quoted"]


# --- rule 4: syntax errors and top level --------------------------------------------------


@pytest.mark.parametrize(
    ("source", "message", "position"),
    [
        (
            "a: [1, 2\n",
            "this '[' opens a list that is not closed before line 2, column 1: end it with "
            "']' (a list in brackets is written [a, b, c])",
            (1, 4),
        ),
        (
            "a: b: c\n",
            "a colon followed by a space starts a new key: put this text in quotes, "
            "or use '>-' for a paragraph",
            (1, 5),
        ),
        (
            "a:\n  - b\n c: d\n",
            "this line is indented more than the keys of its mapping (column 1, line 1): "
            "line it up with them",
            (3, 2),
        ),
    ],
)
def test_syntax_errors_are_one_line_with_a_1_based_mark(
    libyaml: bool, source: str, message: str, position: tuple[int, int]
) -> None:
    """Both parsers' words become the same advice, at the same place."""
    problem = refusal(source)
    assert problem.message == f"YAML syntax error: {message}"
    assert "\n" not in problem.message
    assert where(problem) == position


def test_an_error_without_a_translation_keeps_the_parsers_words(libyaml: bool) -> None:
    problem = refusal("a: 1\n...\nb: 2\n")
    assert problem.message.startswith("YAML syntax error: ")
    assert "document start" in problem.message
    assert where(problem) == (3, 1)


def test_tab_indentation_is_a_syntax_error_not_empty() -> None:
    problem = refusal("\ta: 1\n")
    assert problem.message == (
        "YAML syntax error: a tab in the indentation: YAML indents with spaces only; "
        "replace the tab with spaces"
    )
    assert where(problem) == (1, 1)


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("- a\n- b\n", "a list"),
        ("hello world\n", "a string"),
        ("'12'\n", "a string"),
        ("42\n", "a number"),
        ("0.5\n", "a number"),
        ("true\n", "a boolean"),
        ("null\n", "null"),
        ("# intro\n|\n  text\n", "a string"),
    ],
)
def test_top_level_must_be_a_mapping(source: str, kind: str) -> None:
    problem = refusal(source)
    assert problem.message == (
        f"a campaign file must be a YAML mapping at the top level, not {kind}"
    )
    assert problem.mark is not None and problem.mark.column == 1


def test_top_level_check_happens_before_reading_the_rest() -> None:
    # The syntax error on line 3 is never reached: the list at line 1 is refused first.
    assert "not a list" in refusal("- a\n- b\n- [unclosed\n").message


# --- rule 5: scalar resolution (the Norway problem) ---------------------------------------

STAY_STRINGS = [
    "NO", "no", "No", "ON", "on", "off", "OFF", "YES", "yes", "y", "Y", "n",
    "012", "00", "-012", "0x1F", "0o17", "0b101", "1_000", "1,000",
    ".inf", "-.inf", ".Inf", ".nan", ".NaN", "inf", "nan",
    "1947-03-12", "1947-03-12T10:00:00", "3:25", "190:20:30",
    "1.e3", "1e", "e3", "1.2.3", "+", "+-1", ".", "-.", "truee", "nul", "NuLL", "tRUE",
    "USSR", "threat(USSR, TUR) > 0.6",
]  # fmt: skip


@pytest.mark.parametrize("text", STAY_STRINGS)
def test_ambiguous_plain_scalars_stay_strings(text: str) -> None:
    value = value_of(text)
    assert value == text
    assert type(value) is str


RESOLVED = [
    ("12", 12), ("-3", -3), ("+7", 7), ("0", 0), ("-0", 0),
    ("0.5", 0.5), (".5", 0.5), ("-1.25", -1.25), ("3.", 3.0), ("0.", 0.0),
    ("1e3", 1000.0), ("2.5E-2", 0.025), ("-1E+2", -100.0), (".5e1", 5.0),
    ("true", True), ("True", True), ("TRUE", True),
    ("false", False), ("False", False), ("FALSE", False),
    ("null", None), ("Null", None), ("NULL", None), ("~", None), ("", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), RESOLVED)
def test_plain_scalars_resolve_by_the_small_table(text: str, expected: object) -> None:
    value = value_of(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'12'", "12"),
        ('"true"', "true"),
        ("'null'", "null"),
        ("''", ""),
        ('"0.5"', "0.5"),
        ("|\n  12\n", "12\n"),
        (">\n  true\n", "true\n"),
    ],
)
def test_quoted_and_block_scalars_are_always_strings(text: str, expected: str) -> None:
    assert value_of(text) == expected


def test_norway_in_a_list_of_identifiers() -> None:
    doc = read_yaml(b"members: [NO, DK, IS, ON, 012]\n")
    assert doc.data == {"members": ["NO", "DK", "IS", "ON", "012"]}


def test_huge_integer_is_refused_not_crashing() -> None:
    problem = refusal("a: " + "9" * 5000 + "\n")
    assert problem.message == "number with 5000 digits is too long"
    assert where(problem) == (1, 4)


def test_float_overflow_is_refused() -> None:
    problem = refusal("a: 1e999\n")
    assert problem.message == "number 1e999 is too large"
    assert where(problem) == (1, 4)


# --- rule 6: marks ------------------------------------------------------------------------

CAMPAIGN = b"""\
name: Entente
states:
  - id: FRA
    power: 3
  - id: GBR
    allies: [FRA, "USA"]
meta:
  nested:
    deep: true
"""


@pytest.fixture
def doc() -> YamlDocument:
    return read_yaml(CAMPAIGN)


def test_data_is_plain_python(doc: YamlDocument) -> None:
    assert doc.data == {
        "name": "Entente",
        "states": [{"id": "FRA", "power": 3}, {"id": "GBR", "allies": ["FRA", "USA"]}],
        "meta": {"nested": {"deep": True}},
    }


def test_value_marks(doc: YamlDocument) -> None:
    expected = {
        (): (1, 1),
        ("name",): (1, 7),
        ("states",): (3, 3),
        ("states", 0): (3, 5),
        ("states", 0, "id"): (3, 9),
        ("states", 0, "power"): (4, 12),
        ("states", 1): (5, 5),
        ("states", 1, "id"): (5, 9),
        ("states", 1, "allies"): (6, 13),
        ("states", 1, "allies", 0): (6, 14),
        ("states", 1, "allies", 1): (6, 19),
        ("meta",): (8, 3),
        ("meta", "nested"): (9, 5),
        ("meta", "nested", "deep"): (9, 11),
    }
    assert {path: (m.line, m.column) for path, m in doc.value_marks.items()} == expected


def test_key_marks(doc: YamlDocument) -> None:
    expected = {
        ("name",): (1, 1),
        ("states",): (2, 1),
        ("states", 0, "id"): (3, 5),
        ("states", 0, "power"): (4, 5),
        ("states", 1, "id"): (5, 5),
        ("states", 1, "allies"): (6, 5),
        ("meta",): (7, 1),
        ("meta", "nested"): (8, 3),
        ("meta", "nested", "deep"): (9, 5),
    }
    assert {path: (m.line, m.column) for path, m in doc.key_marks.items()} == expected


def test_value_mark_falls_back_to_the_nearest_ancestor(doc: YamlDocument) -> None:
    assert doc.value_mark(("states", 1, "allies", 1)) == Mark(6, 19)
    assert doc.value_mark(("states", 0, "missing")) == Mark(3, 5)
    assert doc.value_mark(["states", 7, "id"]) == Mark(3, 3)
    assert doc.value_mark(("nowhere", "at", "all")) == Mark(1, 1)
    assert doc.value_mark(()) == Mark(1, 1)


def test_key_mark_prefers_the_key_then_the_value_then_an_ancestor(doc: YamlDocument) -> None:
    assert doc.key_mark(("states", 0, "power")) == Mark(4, 5)
    assert doc.key_mark(("states", 1, "allies", 0)) == Mark(6, 14)  # list item: no key
    assert doc.key_mark(("states", 0, "missing")) == Mark(3, 5)
    assert doc.key_mark(()) == Mark(1, 1)


def test_marks_survive_crlf_and_unicode() -> None:
    doc = read_yaml("é: 1\r\nnom: «Entente»\r\n".encode())
    assert doc.value_marks[("nom",)] == Mark(2, 6)
    assert doc.data == {"é": 1, "nom": "«Entente»"}


# --- the exception types ------------------------------------------------------------------


def test_problem_is_a_proper_exception() -> None:
    problem = YamlProblem("bad thing", Mark(3, 4))
    assert isinstance(problem, Exception)
    assert str(problem) == "3:4: bad thing"
    assert str(YamlProblem("file-level", None)) == "file-level"
    assert pickle.loads(pickle.dumps(problem)) == problem

    @contextlib.contextmanager
    def passthrough():
        yield

    # contextlib assigns __traceback__; a plain frozen dataclass would break here.
    with pytest.raises(YamlProblem), passthrough():
        raise problem


def test_refused_carries_problems_and_pickles() -> None:
    refused = YamlRefused([YamlProblem("x", Mark(1, 2))])
    assert str(refused) == "1:2: x"
    clone = pickle.loads(pickle.dumps(refused))
    assert clone.problems == refused.problems


def test_have_libyaml_reflects_pyyaml() -> None:
    assert isinstance(yaml_safe.HAVE_LIBYAML, bool)


# --- robustness ---------------------------------------------------------------------------

ROBUST = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def check_never_crashes(raw: bytes) -> None:
    try:
        doc = read_yaml(raw)
    except YamlRefused as refused:
        assert refused.problems
        assert all("\n" not in p.message for p in refused.problems)
        return
    assert isinstance(doc.data, dict)
    for path in doc.value_marks:  # every recorded path leads to a node in the data
        node = doc.data
        for part in path:
            node = node[part]


@ROBUST
@given(st.binary(max_size=300))
def test_random_bytes_only_ever_raise_refused(raw: bytes) -> None:
    check_never_crashes(raw)


@ROBUST
@given(st.text(max_size=300))
def test_random_text_only_ever_raises_refused(text: str) -> None:
    check_never_crashes(text.encode("utf-8", "surrogatepass"))


@ROBUST
@given(st.text(alphabet="ab01.eE-+:,[]{}&*!|>?'\"#<~%@` \t\n", max_size=120))
def test_yaml_shaped_text_only_ever_raises_refused(text: str) -> None:
    check_never_crashes(text.encode())


SAFE_TEXT = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc", "Cn", "Zl", "Zp"), blacklist_characters="\ufeff"
    ),
    max_size=12,
)
PLAIN_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | SAFE_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(SAFE_TEXT, inner, max_size=4),
    max_leaves=20,
)


@ROBUST
@given(st.dictionaries(SAFE_TEXT, PLAIN_VALUES, max_size=5))
def test_json_documents_read_back_exactly(data: dict) -> None:
    # JSON (strings always quoted) is YAML: what it says is exactly what must come back.
    doc = read_yaml(json.dumps(data, ensure_ascii=False).encode())
    assert doc.data == data
    assert () in doc.value_marks


class _DepthLimitedLoader:
    """Stands in for a libyaml whose own nesting limit (1,000 in libyaml 0.2.5) is lower than
    anything: it refuses at once, as a new libyaml does long before our check is reached."""

    def __init__(self, text: str) -> None:
        self.text = text

    def get_event(self) -> None:
        raise yaml.MarkedYAMLError(
            problem="exceeded maximum nesting depth",
            context="while increasing flow level",
        )

    def dispose(self) -> None:
        pass


@pytest.mark.parametrize("opener", ["[", "{b: "])
def test_libyamls_own_depth_limit_gives_the_readers_message(monkeypatch, opener):
    """Whatever libyaml version is installed, deep nesting gets the reader's own message
    and position (the text is read again by the pure parser, which has no such limit)."""
    monkeypatch.setattr(yaml_safe, "HAVE_LIBYAML", True)
    monkeypatch.setattr(yaml, "CSafeLoader", _DepthLimitedLoader, raising=False)
    problem = refusal("a: " + opener * 2_000)
    assert problem.message == "nesting is deeper than 64 levels"
    assert where(problem) == (1, 4 + 63 * len(opener))
