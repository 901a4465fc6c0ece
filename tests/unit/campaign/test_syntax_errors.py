"""Every YAML syntax error the parser can get past, in one run, at the original positions,
within bounded work; and the did-you-mean suggestions.

The messages themselves are pinned in ``test_bad_campaigns.py`` (the corpus files).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from game.campaign import yaml_safe
from game.campaign.suggest import closest, did_you_mean
from game.campaign.yaml_safe import Limits, YamlRefused, read_yaml
from game.campaign.yaml_syntax import PREFIX, EditableText

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "data" / "bad_campaigns"
ERROR_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")
COLON = "a colon followed by a space starts a new key"


@pytest.fixture(params=[True, False], ids=["libyaml", "pure"])
def libyaml(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    if request.param and not yaml_safe.HAVE_LIBYAML:
        pytest.skip("no libyaml")
    monkeypatch.setattr(yaml_safe, "HAVE_LIBYAML", request.param)
    return bool(request.param)


def problems_of(raw: bytes, limits: Limits = yaml_safe.DEFAULT_LIMITS) -> list[Any]:
    with pytest.raises(YamlRefused) as info:
        read_yaml(raw, limits=limits)
    return info.value.problems


def count_readings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the readings of the text ``read_yaml`` makes (one item per reading)."""
    calls: list[int] = []
    original = yaml_safe._parse

    def counted(text: str, limits: Limits, duplicates: list[Any]) -> Any:
        calls.append(len(text))
        return original(text, limits, duplicates)

    monkeypatch.setattr(yaml_safe, "_parse", counted)
    return calls


def test_validate_reports_three_colons_at_once_and_exits_2(tmp_path: Path) -> None:
    target = tmp_path / "colons.yaml"
    target.write_bytes((CORPUS / "colon_in_prose.yaml").read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line]
    errors = [ERROR_LINE.match(line) for line in lines if ": invalid (" not in line]
    assert len(errors) == 3
    for match in errors:
        assert match is not None
        assert match["file"] == str(target)
        assert match["message"].startswith(PREFIX + COLON)
    assert [(int(m["line"]), int(m["col"])) for m in errors if m] == [(4, 19), (10, 32), (13, 22)]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_positions_are_those_of_the_original_file(libyaml: bool, newline: str) -> None:
    """Repairs keep every line and column: the same errors, whatever the line breaks."""
    text = (CORPUS / "several_syntax_errors.yaml").read_text(encoding="utf-8")
    expected = [(p.mark, p.message) for p in problems_of(text.encode())]
    assert len(expected) == 6
    converted = text.replace("\n", newline).encode()
    assert [(p.mark, p.message) for p in problems_of(converted)] == expected
    lines = text.split("\n")
    for mark, _ in expected:
        assert 1 <= mark.column <= len(lines[mark.line - 1]) + 1


def test_the_reader_stops_after_twenty_problems(
    libyaml: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    readings = count_readings(monkeypatch)
    raw = b"".join(b"k%d: text: more\n" % i for i in range(5000))
    problems = problems_of(raw)
    assert len(problems) == 20
    assert problems[-1].message.endswith("(the reader stopped here after 20 problems)")
    assert len(readings) == 20


def test_duplicate_keys_are_capped_too(libyaml: bool) -> None:
    raw = b"".join(b"a: %d\n" % i for i in range(10_000))
    problems = problems_of(raw)
    assert len(problems) == 20
    assert problems[0].message == "duplicate key 'a' (first at line 1)"
    assert problems[-1].message.endswith("(the reader stopped here after 20 problems)")


def test_re_reading_a_large_file_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Errors at the end of a big file: the re-reading budget, not the error count, stops."""
    readings = count_readings(monkeypatch)
    body = b"".join(b"k%d: some text\n" % i for i in range(40_000))
    raw = body + b"".join(b"z%d: a: b\n" % i for i in range(30))
    limits = Limits(max_reparse_chars=2 * len(raw))
    problems = problems_of(raw, limits)
    assert len(readings) <= 4  # the first reading, two re-readings and the one that tips it
    assert 1 < len(problems) < 20
    assert problems[-1].message.endswith(f"after {len(problems)} problems)")


def test_an_error_the_reader_cannot_explain_ends_the_search(libyaml: bool) -> None:
    problems = problems_of(b"a: b: c\n...\nb: 1\nc: d: e\n")
    assert [p.mark.line for p in problems] == [1, 3]
    assert problems[1].message.startswith("YAML syntax error: ")


def test_a_dangerous_refusal_after_syntax_errors_keeps_them(libyaml: bool) -> None:
    problems = problems_of(b"a: b: c\nd: &anchor x\ne: f: g\n")
    assert [p.mark.line for p in problems] == [1, 2]
    assert problems[1].message == "anchors and aliases are not allowed (found anchor '&anchor')"


def test_editable_text_keeps_every_line_break() -> None:
    text = "a\r\nb\rc\u2028d\ne"
    lines = EditableText(text)
    assert lines.text() == text
    assert lines.lines == ["a", "b", "c", "d", "e"]
    assert lines.replace_char(2, 1, "x") == "a\r\nx\rc\u2028d\ne"
    assert lines.blank(3, 4) == "a\r\nx\r\u2028\ne"
    assert lines.blank(3, 4) is None  # nothing left to change


def test_blank_entry_takes_the_lines_indented_under_it() -> None:
    lines = EditableText("a:\n  b: 1\n\n    # note\n    c: 2\n  e: 4\n")
    assert lines.blank_entry(2) == "a:\n\n\n\n\n  e: 4\n"


# --- did you mean ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "known", "aliases", "expected"),
    [
        ("sau", ["SAU", "SYR", "USA"], None, "SAU"),  # case first, however short
        ("Hostile_act", ["adjust", "hostile_act", "reassure"], None, "hostile_act"),
        ("alied", ["allied", "allies", "exists"], None, "allied"),
        ("JORDAN", ["JOR", "SYR"], {"Jordan": "JOR", "Syria": "SYR"}, "JOR"),
        ("jordan", ["JOR"], {"Jordan": "JOR"}, "JOR"),
        ("MILITRAY", ["military", "power"], None, "military"),  # near miss, ignoring case
        ("zzz", ["AAA", "BBB"], None, None),
        ("AAA", ["AAA"], None, None),  # the name itself is no suggestion
        ("", ["AAA"], None, None),
    ],
)
def test_closest(
    name: str, known: list[str], aliases: dict[str, str] | None, expected: str | None
) -> None:
    assert closest(name, known, aliases) == expected


def test_did_you_mean_words() -> None:
    assert did_you_mean("sau", ["SAU"]) == "; did you mean 'SAU'?"
    assert did_you_mean("zzz", ["SAU"]) == ""
