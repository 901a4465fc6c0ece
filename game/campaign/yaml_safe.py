"""Safe reader for campaign YAML files.

`read_yaml` turns a file's bytes into plain Python data (dict, list, str, int, float,
bool, None) plus the 1-based line:column of every key and value, so later validation
errors can point at the exact place in the file.  It refuses anything dangerous *before*
building or walking data: the document is built directly from PyYAML's event stream and
checked event by event, so an alias bomb or a 10,000-level nest is refused on its first
offending event and nothing is ever expanded.  Refused, in the order they are checked:

* files over the size cap, binary files (NUL bytes, control characters), non-UTF-8 text
  (a UTF-8 byte-order mark is fine), and empty files;
* YAML syntax errors, in an author's words (see :mod:`game.campaign.yaml_syntax`);
* anchors (``&a``), aliases (``*a``) and merge keys (``<<``);
* tags of any kind (``!!python/object/...``, ``!!binary``, ``!foo``, even ``!!str``);
* more than one document (``---``) per file;
* nesting deeper than ``Limits.max_depth``, more than ``Limits.max_nodes`` values,
  a value longer than ``Limits.max_scalar_length`` characters;
* duplicate keys, and keys that are lists or mappings;
* a top level that is not a mapping.

Syntax errors and duplicate keys are all reported, up to ``Limits.max_syntax_errors``:
after a syntax error the parser can get past (an unquoted colon in prose, a line indented
wrongly, a tab), the offending spot is neutralised in a copy of the text, positions kept,
and the copy is read again from the start, within ``Limits.max_reparse_chars`` characters
of re-reading in all. Every other refusal ends the reading at once.

How values are read (no "Norway problem")
-----------------------------------------
Only *plain* (unquoted) values are ever converted, and only these exact forms:

* ``true`` ``True`` ``TRUE`` / ``false`` ``False`` ``FALSE``    -> boolean
* ``null`` ``Null`` ``NULL`` ``~`` or nothing at all              -> null (None)
* ``12``, ``-3``, ``+7``, ``0`` (no leading zeros)                -> integer
* ``0.5``, ``.5``, ``-1.25``, ``3.``, ``1e3``, ``2.5E-2``          -> decimal number

Everything else is text, exactly as written: ``NO`` (Norway), ``no``, ``ON``, ``off``,
``YES``, ``y``, ``012``, ``0x1F``, ``1_000``, ``.inf``, ``.nan``, ``1947-03-12``,
``3:25``.  Quoted values (``'12'``, ``"true"``) and block values (``|``, ``>``) are
always text.  Mapping keys are always text too: a key written ``1``, ``true`` or ``NO``
is the string ``"1"``, ``"true"`` or ``"NO"``.
"""

import gc
import math
import re
from dataclasses import FrozenInstanceError, dataclass
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from game.campaign.yaml_syntax import EditableText, explain

#: True when PyYAML was built with libyaml; the C event parser is ~10x faster.
HAVE_LIBYAML: bool = bool(getattr(yaml, "__with_libyaml__", False)) and hasattr(yaml, "CSafeLoader")

Path_ = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based position in the file."""

    line: int
    column: int


@dataclass(frozen=True)
class YamlProblem(Exception):
    """One reason a file was refused; `mark` is None only for file-level problems."""

    message: str
    mark: Mark | None

    def __post_init__(self) -> None:
        BaseException.__init__(self, self.message, self.mark)  # sets .args, C-level

    def __str__(self) -> str:
        if self.mark is None:
            return self.message
        return f"{self.mark.line}:{self.mark.column}: {self.message}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message, self.mark))


# A frozen dataclass forbids every assignment, even those Python makes to exceptions
# (contextlib sets __traceback__).  Let those through; the fields stay frozen.  (Not in
# the class body: dataclass(frozen=True) refuses a class that defines __setattr__.)
_EXCEPTION_ATTRS = frozenset(
    {"__traceback__", "__cause__", "__context__", "__suppress_context__", "__notes__"}
)


def _problem_setattr(self: YamlProblem, name: str, value: Any) -> None:
    if name not in _EXCEPTION_ATTRS:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


# setattr, not `YamlProblem.__setattr__ = ...`: replacing a method is the point here.
setattr(YamlProblem, "__setattr__", _problem_setattr)  # noqa: B010


class YamlRefused(Exception):
    """Raised by `read_yaml`; `problems` lists every problem found (usually one)."""

    def __init__(self, problems: list[YamlProblem]) -> None:
        self.problems: list[YamlProblem] = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems,))


@dataclass
class YamlDocument:
    """Plain data read from a file, with the position of every key and value."""

    data: dict[str, Any]
    value_marks: dict[Path_, Mark]
    key_marks: dict[Path_, Mark]

    def value_mark(self, path: Path_) -> Mark:
        """Where the value at `path` starts; the nearest existing ancestor's if absent."""
        path = tuple(path)
        marks = self.value_marks
        while path and path not in marks:
            path = path[:-1]
        return marks.get(path, Mark(1, 1))

    def key_mark(self, path: Path_) -> Mark:
        """Where the key of the entry at `path` starts; else as `value_mark`."""
        path = tuple(path)
        mark = self.key_marks.get(path)
        return mark if mark is not None else self.value_mark(path)


@dataclass(frozen=True)
class Limits:
    """Caps that keep a hostile or broken file from eating memory or time."""

    max_bytes: int = 4 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 400_000
    max_scalar_length: int = 100_000
    max_syntax_errors: int = 20
    """Syntax errors (and duplicate keys) reported from one file before the reader stops."""
    max_reparse_chars: int = 4 * 1024 * 1024
    """Characters read again, in all, to look for the next syntax error (counted up to
    where each reading stopped): a 100 KB file is read again as often as it needs, and the
    work on any file stays within about three readings of the largest allowed."""


DEFAULT_LIMITS = Limits()

_BOM = b"\xef\xbb\xbf"
_YAML_CORE = "tag:yaml.org,2002:"
# Characters the YAML reader rejects; checked up front for a clear message with a position.
_NON_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Whitespace and comments only.  Possessive quantifiers: no backtracking on long inputs.
_BLANK = re.compile(r"(?:[ \t\r\n]++|#[^\r\n]*+)*+")
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(
    r"[-+]?(?:(?:0|[1-9][0-9]*)?\.[0-9]+(?:[eE][-+]?[0-9]+)?"
    r"|(?:0|[1-9][0-9]*)[eE][-+]?[0-9]+"
    r"|(?:0|[1-9][0-9]*)\.[0-9]*)"
)
_CONSTANTS: dict[str, bool | None] = {
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
    **dict.fromkeys(("null", "Null", "NULL", "~", ""), None),
}
# First characters of plain scalars that might not stay strings: the rest skip resolution.
_MAYBE_NOT_TEXT = frozenset("tTfFnN~+-.0123456789") | {""}
_KINDS: dict[type[NodeEvent], str] = {MappingStartEvent: "a mapping", SequenceStartEvent: "a list"}


def _refuse(message: str, mark: Mark | None) -> YamlRefused:
    return YamlRefused([YamlProblem(message, mark)])


def _mark(yaml_mark: Any) -> Mark:
    return Mark(yaml_mark.line + 1, yaml_mark.column + 1)


def _byte_position(raw: bytes, index: int) -> Mark:
    line_start = raw.rfind(b"\n", 0, index) + 1
    column = len(raw[line_start:index].decode("utf-8", "replace")) + 1
    return Mark(raw.count(b"\n", 0, index) + 1, column)


def _check_text(raw: bytes, limits: Limits) -> str:
    """Rules 1-3: size, binary, encoding, emptiness.  Returns the decoded text."""
    if len(raw) > limits.max_bytes:
        raise _refuse(f"file is {len(raw)} bytes; the limit is {limits.max_bytes} bytes", None)
    body = raw[len(_BOM) :] if raw.startswith(_BOM) else raw
    nul = body.find(b"\x00")
    if nul >= 0:
        mark = _byte_position(body, nul)
        raise _refuse(
            f"file looks binary (NUL byte at line {mark.line}, column {mark.column})", mark
        )
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        mark = _byte_position(body, exc.start)
        raise _refuse(
            f"file is not UTF-8 text: invalid byte 0x{body[exc.start]:02X} "
            f"at line {mark.line}, column {mark.column}",
            mark,
        ) from None
    bad = _NON_PRINTABLE.search(text)
    if bad is not None:
        index = bad.start()
        mark = Mark(text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index))
        raise _refuse(
            f"file contains control character U+{ord(bad.group()):04X} at line {mark.line}, "
            f"column {mark.column}; YAML does not allow it (is this a binary file?)",
            mark,
        )
    if _BLANK.fullmatch(text):
        raise _refuse("file is empty: a campaign is a YAML mapping", Mark(1, 1))
    return text


def reads_as_number(text: str) -> bool:
    """True if ``text``, written plain (unquoted), would be read as a number."""
    return bool(_INT.fullmatch(text) or _FLOAT.fullmatch(text))


def _resolve_plain(text: str, mark: Mark) -> Any:
    """Resolve a plain scalar by the module docstring's table; anything else is text."""
    if text in _CONSTANTS:
        return _CONSTANTS[text]
    if _INT.fullmatch(text):
        try:
            return int(text)
        except ValueError:  # Python refuses int() of more than 4300 digits
            raise _refuse(f"number with {len(text)} digits is too long", mark) from None
    if _FLOAT.fullmatch(text):
        value = float(text)
        if math.isinf(value):
            raise _refuse(f"number {text[:40]} is too large", mark)
        return value
    return text


def _node_refusal(event: Any, limits: Limits) -> YamlRefused:
    """Explain why a node event tripped the combined check in the event loop."""
    mark = _mark(event.start_mark)
    if event.anchor is not None:
        return _refuse(
            f"anchors and aliases are not allowed (found anchor '&{event.anchor}')", mark
        )
    if event.tag is not None:
        tag = event.tag
        shown = "!!" + tag[len(_YAML_CORE) :] if tag.startswith(_YAML_CORE) else tag
        return _refuse(f"tags are not allowed (found '{shown}')", mark)
    return _refuse(f"more than {limits.max_nodes} values in one file", mark)


def _top_level_refusal(event: Any, mark: Mark) -> YamlRefused:
    if event.__class__ is SequenceStartEvent:
        kind = "a list"
    elif event.value == "" and event.implicit[0]:
        return _refuse("file is empty: a campaign is a YAML mapping", Mark(1, 1))
    else:
        value = _resolve_plain(event.value, mark) if event.implicit[0] else event.value
        kinds = {bool: "a boolean", int: "a number", float: "a number", str: "a string"}
        kind = kinds.get(type(value), "null")
    return _refuse(f"a campaign file must be a YAML mapping at the top level, not {kind}", mark)


def read_yaml(raw: bytes, *, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Read one campaign YAML file safely; raise `YamlRefused` if it breaks a rule.

    See the module docstring for what is refused and how values are resolved.
    """
    text = _check_text(raw, limits)
    cap = limits.max_syntax_errors
    found: dict[tuple[int, int, str], YamlProblem] = {}  # in the order found, no repeats

    def note(problems: list[YamlProblem]) -> bool:
        """Add ``problems``; True when there are now too many to look for more."""
        for problem in problems:
            found.setdefault((*_position(problem.mark), problem.message), problem)
        return len(found) >= cap

    def refused(stopped: bool = False) -> YamlRefused:
        problems = sorted(found.values(), key=lambda p: _position(p.mark))
        if stopped:
            problems = problems[:cap]
            last = problems[-1]
            words = f"{last.message} (the reader stopped here after {len(problems)} problems)"
            problems[-1] = YamlProblem(words, last.mark)
        return YamlRefused(problems)

    # `reread` counts the characters read again after the first reading: roughly where
    # each reading stopped (the parser reads ahead by a few kilobytes at most).
    attempt, reread, progress = text, 0, (0, 0)
    editable: EditableText | None = None
    while True:
        duplicates: list[YamlProblem] = []
        try:
            document = _parse(attempt, limits, duplicates)
        except _TooManyProblems:
            note(duplicates)
            raise refused(stopped=True) from None
        except YamlRefused as refusal:
            note(duplicates)
            if attempt is text:
                note(refusal.problems)
            else:  # what a repair left behind (an empty file, say) is not the author's
                note([p for p in refusal.problems if _position(p.mark) > progress])
            raise refused() from None
        except _ParseFailed as failed:
            if note(duplicates):
                raise refused(stopped=True) from None
            error = failed.error
            if not isinstance(error, yaml.MarkedYAMLError):  # a ReaderError: no place
                reason = "YAML could not be read: " + " ".join(str(error).split())
                raise YamlRefused([*found.values(), YamlProblem(reason, None)]) from None
            if editable is None:
                editable = EditableText(text)
            explained = explain(error, editable, failed.last_event)
            if explained.progress <= progress:  # a consequence of the last repair: stop
                raise refused() from None
            progress = explained.progress
            mark = Mark(explained.line, explained.column)
            if note([YamlProblem(explained.message, mark)]):
                raise refused(stopped=True) from None
            repaired = explained.repaired
            if repaired is None:
                raise refused() from None
            if attempt is not text:
                reread += failed.read
            if reread > limits.max_reparse_chars:
                raise refused(stopped=True) from None
            attempt = repaired
            continue
        if not (duplicates or found):
            # Nothing else happens here: the collector, paused while building, would walk
            # the whole new document if anything were allocated now.
            return document
        if note(duplicates) and len(found) > cap:
            raise refused(stopped=True)
        raise refused()


def _position(mark: Mark | None) -> tuple[int, int]:
    return (mark.line, mark.column) if mark is not None else (1, 1)


class _TooManyProblems(Exception):
    """A reading found as many duplicate keys as the reader reports."""


def _parse(text: str, limits: Limits, duplicates: list[YamlProblem]) -> YamlDocument:
    """One reading of ``text``; duplicate keys are added to ``duplicates``."""
    if not HAVE_LIBYAML:
        return _read_events(yaml.SafeLoader(text), limits, duplicates)
    try:
        return _read_events(yaml.CSafeLoader(text), limits, duplicates)
    except _LibyamlDepthLimit:
        # libyaml (0.2.5 and later) looks ahead and stops at its own nesting limit of
        # 1,000 levels before it hands over the event that would trip ours. The pure
        # parser has no such limit, so it reaches our check and its exact position.
        duplicates.clear()
        return _read_events(yaml.SafeLoader(text), limits, duplicates)


class _ParseFailed(Exception):
    """The parser raised ``error``; ``last_event`` is the last event it produced."""

    def __init__(self, error: yaml.YAMLError, last_event: Any) -> None:
        super().__init__(str(error))
        self.error = error
        self.last_event = last_event
        mark = getattr(error, "problem_mark", None)
        self.read: int = mark.index if mark is not None else 0
        """About how many characters the parser had read when it failed."""


class _LibyamlDepthLimit(Exception):
    """libyaml refused the nesting before the reader's own depth check could."""


# The problem text libyaml gives when its own nesting limit is reached.
_LIBYAML_DEPTH_PROBLEM = "exceeded maximum nesting depth"


def _read_events(loader: Any, limits: Limits, duplicates: list[YamlProblem]) -> YamlDocument:
    """Build the document from ``loader``'s events; a YAML error becomes `_ParseFailed`."""
    # Building ~10^5 containers triggers many pointless cyclic-GC passes (the data has no
    # cycles); pausing the collector while building saves roughly 10-15%.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(loader.get_event, limits, duplicates)
    except _ParseFailed as failed:
        problem = getattr(failed.error, "problem", None) or ""
        if _LIBYAML_DEPTH_PROBLEM in problem:
            raise _LibyamlDepthLimit from None
        raise
    finally:
        if gc_was_enabled:
            gc.enable()
        loader.dispose()


def _build(get_event: Any, limits: Limits, duplicates: list[YamlProblem]) -> YamlDocument:
    """Build the data from parser events, refusing on the first offending event.

    A duplicate key is added to ``duplicates`` and reading goes on (the later value
    wins, but the data is refused anyway); a YAML error is raised as `_ParseFailed` with
    the last event read before it.

    One flat loop with the current container in locals (no recursion, no per-event helper
    calls on the happy path): this is what keeps a 150k-node file well under a second.
    """
    max_depth, max_nodes, max_length = limits.max_depth, limits.max_nodes, limits.max_scalar_length
    value_marks: dict[Path_, Mark] = {}
    key_marks: dict[Path_, Mark] = {}
    stack: list[tuple[Any, Path_, bool]] = []  # enclosing (container, path, is_mapping)
    root: dict[str, Any] | None = None
    cur: Any = None  # the open container (None before the root)
    path: Path_ = ()
    is_map = False
    key: str | None = None  # in a mapping: the key awaiting its value, or None
    key_mark = Mark(1, 1)
    nodes = documents = 0
    event = None
    try:
        while True:
            event = get_event()
            cls = event.__class__
            if cls is ScalarEvent or cls is MappingStartEvent or cls is SequenceStartEvent:
                nodes += 1
                if event.anchor is not None or event.tag is not None or nodes > max_nodes:
                    raise _node_refusal(event, limits)
                start = event.start_mark
                mark = Mark(start.line + 1, start.column + 1)
                if cls is ScalarEvent:
                    text = event.value
                    if len(text) > max_length:
                        raise _refuse(
                            f"a value is {len(text)} characters long; "
                            f"the limit is {max_length} characters",
                            mark,
                        )
                    plain = event.implicit[0]  # True only for untagged plain scalars
                    if is_map and key is None:
                        if plain and text == "<<":
                            raise _refuse("merge keys ('<<') are not allowed", mark)
                        if text in cur:
                            first = key_marks[(*path, text)].line
                            message = f"duplicate key '{text}' (first at line {first})"
                            duplicates.append(YamlProblem(message, mark))
                            if len(duplicates) > limits.max_syntax_errors:
                                raise _TooManyProblems
                            key, key_mark = text, key_marks[(*path, text)]
                            continue
                        key, key_mark = text, mark
                        continue
                    value = (
                        _resolve_plain(text, mark)
                        if plain and text[:1] in _MAYBE_NOT_TEXT
                        else text
                    )
                else:
                    if is_map and key is None:
                        raise _refuse(f"a mapping key must be text, not {_KINDS[cls]}", mark)
                    if len(stack) >= max_depth:
                        raise _refuse(f"nesting is deeper than {max_depth} levels", mark)
                    value = {} if cls is MappingStartEvent else []
                # In a mapping the key is always set here (a key-less event was taken as the key
                # or refused above); the second test only tells the type checker so.
                if is_map and key is not None:
                    node_path = (*path, key)
                    cur[key] = value
                    key_marks[node_path] = key_mark
                    key = None
                elif cur is not None:
                    node_path = (*path, len(cur))
                    cur.append(value)
                elif cls is MappingStartEvent:
                    node_path, root = (), value
                else:
                    raise _top_level_refusal(event, mark)
                value_marks[node_path] = mark
                if cls is not ScalarEvent:
                    stack.append((cur, path, is_map))
                    cur, path, is_map = value, node_path, cls is MappingStartEvent
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                cur, path, is_map = stack.pop()
            elif cls is AliasEvent:
                raise _refuse(
                    f"anchors and aliases are not allowed (found alias '*{event.anchor}')",
                    _mark(event.start_mark),
                )
            elif cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _refuse(
                        "only one YAML document per file is allowed", _mark(event.start_mark)
                    )
            elif cls is StreamEndEvent:
                break
    except yaml.YAMLError as error:  # `event` is the last one read before the error
        raise _ParseFailed(error, event) from None
    if root is None:  # e.g. a lone '...' that some parsers accept
        raise _refuse("file is empty: a campaign is a YAML mapping", Mark(1, 1))
    return YamlDocument(root, value_marks, key_marks)
