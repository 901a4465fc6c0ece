"""YAML syntax errors in an author's words, and a repaired copy to look for the next one.

PyYAML (and libyaml) describe a syntax error in the parser's terms: "mapping values are
not allowed in this context" for an unquoted colon in prose, "did not find expected '-'
indicator" for a line indented less than its list item. :func:`explain` turns the common
ones into advice ("a colon followed by a space starts a new key: put this text in quotes,
...") with the place the author should look at, and, where the parser can go on, a copy of
the text with the offending spot neutralised, so that the reader can parse again and
report the next error in the same run. A repair never adds or removes a line break, and
changes characters one for one or blanks whole lines, so every position in the copy is
the position in the original file.

Errors with no translation keep the parser's words (with its context) and end the search:
after an error the parser cannot explain, a guess at a repair could only invent errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import MappingEndEvent, ScalarEvent, SequenceEndEvent

# The line breaks YAML (and libyaml) count: positions are counted between these.
_BREAKS = re.compile("(\r\n|[\r\n\x85\u2028\u2029])")
PREFIX = "YAML syntax error: "
"""Every syntax error starts so: nothing else in the file was checked yet."""
_QUOTES = {"'": "single", '"': "double"}
_ESCAPE_ADVICE = {
    "'": "inside single quotes, write '' for an apostrophe",
    '"': 'inside double quotes, write \\" for a quote mark',
}


@dataclass(frozen=True, slots=True)
class Explained:
    """One syntax error: what to tell the author, where (1-based), and the repaired text.

    ``repaired`` is None when the parser cannot go on; ``progress`` is the parser's own
    position (1-based line and column) of the error, which the next error in the repaired
    text must come after.
    """

    message: str
    line: int
    column: int
    repaired: str | None
    progress: tuple[int, int]


class EditableText:
    """The text as lines (without their breaks), editable without moving any position.

    Split once; each repair edits it in place and joins it again.
    """

    def __init__(self, text: str) -> None:
        parts = _BREAKS.split(text)
        self.lines: list[str] = parts[0::2]
        self.breaks: list[str] = [*parts[1::2], ""]

    def text(self) -> str:
        return "".join(line + brk for line, brk in zip(self.lines, self.breaks, strict=True))

    def get(self, line: int) -> str:
        """Line ``line`` (1-based), or '' past the end."""
        return self.lines[line - 1] if 1 <= line <= len(self.lines) else ""

    def char(self, line: int, column: int) -> str:
        text = self.get(line)
        return text[column - 1] if 1 <= column <= len(text) else ""

    def replace_char(self, line: int, column: int, new: str) -> str | None:
        """The text with one character replaced; None when there is no such character."""
        text = self.get(line)
        if not 1 <= column <= len(text) or text[column - 1] == new:
            return None
        self.lines[line - 1] = text[: column - 1] + new + text[column:]
        return self.text()

    def blank(self, first: int, last: int) -> str | None:
        """The text with lines ``first`` to ``last`` emptied; None if nothing changes."""
        changed = False
        for number in range(max(first, 1), min(last, len(self.lines)) + 1):
            changed = changed or bool(self.lines[number - 1])
            self.lines[number - 1] = ""
        return self.text() if changed else None

    def blank_entry(self, line: int, own: int | None = None) -> str | None:
        """The text without line ``line`` and the lines indented under it (more than
        ``own`` spaces; by default, more than the line itself)."""
        own = indent(self.get(line)) if own is None else own
        last = line
        for number in range(line + 1, len(self.lines) + 1):
            content = self.lines[number - 1]
            if content.strip() and indent(content) <= own:
                break
            last = number
        return self.blank(line, last)

    def previous_content(self, line: int) -> int | None:
        """The nearest line before ``line`` with something other than a comment."""
        for number in range(line - 1, 0, -1):
            stripped = self.get(number).strip()
            if stripped and not stripped.startswith("#"):
                return number
        return None


def indent(line: str) -> int:
    """How many spaces start the line."""
    return len(line) - len(line.lstrip(" "))


def _key_of(text: str) -> str:
    """The first word of a line's content, for messages ("line 'title' up ...")."""
    match = re.match(r"\s*(?:-\s+)*([^\s:#]{1,40})", text)
    return match.group(1) if match else ""


def explain(error: yaml.MarkedYAMLError, lines: EditableText, last_event: Any) -> Explained:
    """The author's version of ``error``, raised while parsing the text of ``lines``.

    ``last_event`` is the last event the parser produced before the error (or None): it
    tells a quoted value or a bracketed value that ran into the error. The repair, if
    any, is made in ``lines`` too.
    """
    problem = " ".join((error.problem or "").split())
    context = " ".join((error.context or "").split())
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    at = (line, column)
    c_mark = error.context_mark
    c_line, c_column = (c_mark.line + 1, c_mark.column + 1) if c_mark is not None else at

    def found(message: str, where: tuple[int, int], repaired: str | None) -> Explained:
        return Explained(PREFIX + message, where[0], where[1], repaired, at)

    here = lines.get(line)
    leading = here[: len(here) - len(here.lstrip(" \t"))]
    if "\t" in leading and column <= len(leading) + 1:
        message = (
            "a tab in the indentation: YAML indents with spaces only; replace the tab with spaces"
        )
        # A tab is no measure of indentation: what is indented more than the line above
        # belongs to the line with the tab.
        above = lines.previous_content(line)
        own = indent(lines.get(above)) if above is not None else 0
        return found(message, (line, here.index("\t") + 1), lines.blank_entry(line, own))
    if lines.char(line, column) == "\t":
        message = "a tab character here: YAML does not allow one in this place; use a space"
        return found(message, at, lines.replace_char(line, column, " "))

    if problem.startswith("mapping values are not allowed"):
        return found(_colon_message(lines, line, column), at, lines.replace_char(line, column, " "))

    if problem == "could not find expected ':'" and context == "while scanning a simple key":
        content = lines.get(c_line).strip()
        if re.match(r"-[^\s-]", content):
            message = f"a list item needs a space after its '-': write '- {content[1:]}'"
        else:
            message = (
                "this line has no colon: a key is written 'name: value', with a colon and a "
                "space (text that goes on from the line above must be indented more than "
                "its key)"
            )
        return found(message, (c_line, c_column), lines.blank_entry(c_line))

    flow = re.fullmatch(r"(?:did not find expected|expected) ',' or '([\]}])'.*", problem)
    if flow and c_mark is not None:
        closing = flow.group(1)
        opening, what = ("[", "list") if closing == "]" else ("{", "mapping")
        brackets = "brackets" if closing == "]" else "braces"
        written = "[a, b, c]" if closing == "]" else "{key: value, key: value}"
        if c_line != line:
            message = (
                f"this '{opening}' opens a {what} that is not closed before line {line}, "
                f"column {column}: end it with '{closing}' (a {what} in {brackets} is written "
                f"{written})"
            )
            return found(message, (c_line, c_column), lines.blank(c_line, line - 1))
        message = (
            f"expected ',' or '{closing}' here, in the {what} opened at column {c_column} "
            f"(a {what} in {brackets} is written {written}; put text with ':', ',' or "
            "brackets in quotes)"
        )
        return found(message, at, lines.blank_entry(line))

    if context == "while scanning a quoted scalar" and problem == "found unexpected end of stream":
        quote = lines.char(c_line, c_column)
        if quote in _QUOTES:
            message = (
                f"this {_QUOTES[quote]} quote ({quote}) is never closed: end the text with "
                f"{quote} ({_ESCAPE_ADVICE[quote]})"
            )
            return found(message, (c_line, c_column), lines.replace_char(c_line, c_column, " "))

    if problem in ("did not find expected key", "did not find expected '-' indicator") or (
        problem.startswith("expected <block end>, but found")
    ):
        explained = _misplaced(lines, line, column, context, (c_line, c_column), last_event)
        if explained is not None:
            message, where, repaired = explained
            return found(message, where, repaired)

    if problem.startswith("found character"):
        char = lines.char(line, column)
        if char and char not in " \t":
            message = (
                f"a value cannot start with '{char}' unless it is in quotes: put the text in quotes"
            )
            return found(message, at, lines.replace_char(line, column, "x"))

    if context in ("while scanning an alias", "while scanning an anchor"):
        char = lines.char(c_line, c_column)
        if char in "*&" and char:
            what = "an alias (a reference to an anchor)" if char == "*" else "an anchor"
            message = (
                f"a value that starts with '{char}' is read as {what}, which campaigns do not "
                "use: put the text in quotes"
            )
            return found(message, (c_line, c_column), lines.replace_char(c_line, c_column, "x"))

    message = problem or "invalid YAML"
    if context:
        opened_at = f" at line {c_line}" if error.context_mark is not None else ""
        message += f" ({context}{opened_at})"
    return found(message, at, None)


def _span(event: Any) -> tuple[tuple[int, int], tuple[int, int]]:
    """Where an event starts and ends, 1-based (the end is just after its last character)."""
    start, end = event.start_mark, event.end_mark
    return (start.line + 1, start.column + 1), (end.line + 1, end.column + 1)


def _colon_message(lines: EditableText, line: int, column: int) -> str:
    """Why a colon followed by a space was not allowed where it stands."""
    before = lines.get(line)[: column - 1]
    content = re.sub(r"^\s*(?:-\s+)*", "", before)
    if ": " in content or content.endswith(":"):
        return (
            "a colon followed by a space starts a new key: put this text in quotes, or use "
            "'>-' for a paragraph"
        )
    above = lines.previous_content(line)
    if above is not None and indent(lines.get(line)) > indent(lines.get(above)):
        key = _key_of(before)
        return (
            f"this line is indented more than line {above}, so it goes on with that line's "
            "text, where a colon followed by a space is not allowed: if "
            f"'{key}' is a key, line it up with the keys above; if it is text, put it in "
            "quotes or use '>-' for a paragraph"
        )
    return (
        "a colon followed by a space starts a new key, and a key cannot start here: put this "
        "text in quotes, or use '>-' for a paragraph"
    )


def _misplaced(
    lines: EditableText,
    line: int,
    column: int,
    context: str,
    opened: tuple[int, int],
    last_event: Any,
) -> tuple[str, tuple[int, int], str | None] | None:
    """A key or item where the parser expected the end of a block, or another key."""
    if isinstance(last_event, ScalarEvent) and last_event.style in _QUOTES:
        (start_line, start_column), (end_line, end_column) = _span(last_event)
        if end_line == line:
            quote = last_event.style
            repaired = lines.replace_char(start_line, start_column, " ")
            if start_line != end_line:
                message = (
                    f"this {_QUOTES[quote]} quote ({quote}) is closed only at line "
                    f"{end_line}, column {end_column - 1}, where what follows is not YAML: "
                    "is the closing quote missing on this line?"
                )
            else:
                message = (
                    "a value that starts with a quote must end with it, but text follows the "
                    f"closing quote at column {end_column - 1}: put the whole value in quotes "
                    f"({_ESCAPE_ADVICE[quote]})"
                )
            return message, (start_line, start_column), repaired
    if isinstance(last_event, MappingEndEvent | SequenceEndEvent):
        _, (end_line, end_column) = _span(last_event)
        closing = lines.char(end_line, end_column - 1)
        if end_line == line and closing in "]}" and closing:
            opening, what = ("[", "list") if closing == "]" else ("{", "mapping")
            brackets = "brackets" if closing == "]" else "braces"
            first = lines.get(line).find(opening) + 1
            where = (line, first) if 0 < first < end_column else (line, column)
            message = (
                f"a value that starts with '{opening}' is read as a {what} in {brackets}, and "
                f"text follows its '{closing}': put the whole value in quotes"
            )
            return message, where, lines.replace_char(where[0], where[1], " ")
    text = lines.get(line)
    own = indent(text)
    if own != column - 1:
        return None  # the offending token is not at the start of its line
    content = text.strip()
    repaired = lines.blank_entry(line)
    is_item = content == "-" or content.startswith("- ")
    if context == "while parsing a block collection":
        item = lines.get(opened[0])
        match = re.match(r"(\s*-\s+)", item)
        if is_item or match is None:
            return None
        key = _key_of(item)
        message = (
            f"this line is indented less than the list item it belongs to (line "
            f"{opened[0]}): indent it to column {len(match.group(1)) + 1}, like '{key}', or "
            "start a new item with '- '"
        )
        return message, (line, column), repaired
    if context != "while parsing a block mapping":
        return None
    if is_item:
        for number in range(line - 1, 0, -1):
            other = lines.get(number)
            if not other.strip() or other.lstrip().startswith("#"):
                continue
            if indent(other) <= own:
                break
            if re.match(r"\s*-(\s|$)", other):
                message = (
                    f"this line is indented less than the list it belongs to (line {number}, "
                    f"with its '-' at column {indent(other) + 1}): line the dashes up"
                )
                return message, (line, column), repaired
        message = (
            "a list item cannot stand among the keys of a mapping: put the list under a key "
            "('key:' and then the items, indented more)"
        )
        return message, (line, column), repaired
    if column > opened[1]:
        message = (
            f"this line is indented more than the keys of its mapping (column {opened[1]}, "
            f"line {opened[0]}): line it up with them"
        )
        return message, (line, column), repaired
    return None
