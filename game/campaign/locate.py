"""Map pydantic's error locations back onto the YAML, and word the messages for authors."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from game.campaign.errors import PathPart
from game.campaign.suggest import did_you_mean
from game.campaign.yaml_safe import reads_as_number

ExpressionColumn = int | None


def data_path(
    loc: Sequence[PathPart], data: Any, root: Any = None, missing: bool = False
) -> tuple[PathPart, ...]:
    """Turn a pydantic ``loc`` into a path of real YAML keys and indexes.

    Pydantic puts union tags (``hostile_act``) and union member names (``function-after``)
    into locations. Walking the models from ``root`` alongside the data tells a tag from a
    key: where the model is a union tagged on ``kind``, the next part is the tag and is
    dropped, even when the mapping also holds a (junk) key of that name. Off the models,
    any part that is not a key or index of the data is such a label and is dropped. With
    ``missing`` (the error is a missing field) the last part is kept although absent from
    the data: it names the missing field.
    """
    path: list[PathPart] = []
    node = data
    annotation = root
    for index, part in enumerate(loc):
        members = _tagged_members(annotation)
        if (
            members is not None
            and isinstance(node, dict)
            and isinstance(part, str)  # a tag is text, never an index
            and part in members
        ):
            annotation = members[part]  # the union tag: not a key in the file
        elif _has(node, part):
            path.append(part)
            node = node[part]
            annotation = _child(annotation, part)
        elif missing and index == len(loc) - 1 and isinstance(node, dict):
            path.append(part)
    return tuple(path)


def _has(node: Any, part: PathPart) -> bool:
    """True when ``part`` is a key (or index) present in ``node``."""
    if isinstance(node, dict):
        return isinstance(part, str) and part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _strip(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``X | None`` down to ``X`` (a union of several stays)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _tagged_members(annotation: Any) -> dict[str, type[BaseModel]] | None:
    """For a union of models tagged on ``kind``: each tag and its model; else None."""
    annotation = _strip(annotation)
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType):
        return None
    members: dict[str, type[BaseModel]] = {}
    for member in typing.get_args(annotation):
        member = _strip(member)
        if member is type(None):
            continue
        tag = member.model_fields.get("kind") if _is_model(member) else None
        if tag is None or typing.get_origin(tag.annotation) is not typing.Literal:
            return None
        members.update(dict.fromkeys(typing.get_args(tag.annotation), member))
    return members or None


def _child(annotation: Any, part: PathPart) -> Any:
    """The annotation of ``part`` inside a value described by ``annotation`` (or None)."""
    annotation = _strip(annotation)
    if isinstance(part, int):
        if typing.get_origin(annotation) is list:
            return typing.get_args(annotation)[0]
        return None
    if _is_model(annotation):
        field = annotation.model_fields.get(part)
        return field.annotation if field is not None else None
    return None


def _model_at(annotation: Any, node: Any) -> type[BaseModel] | None:
    """The model that validates ``node`` (for a tagged union, the one its kind names)."""
    members = _tagged_members(annotation)
    if members is not None:
        kind = node.get("kind") if isinstance(node, dict) else None
        return members.get(kind) if isinstance(kind, str) else None
    annotation = _strip(annotation)
    return annotation if _is_model(annotation) else None


def known_fields(root: type[BaseModel], path: Sequence[PathPart], data: Any) -> list[str]:
    """The field names of the model that validates the mapping at ``path`` (empty if none)."""
    annotation: Any = root
    node = data
    for part in path:
        model = _model_at(annotation, node)
        annotation = _child(model if model is not None else annotation, part)
        if annotation is None or not _has(node, part):
            return []
        node = node[part]
    model = _model_at(annotation, node)
    return list(model.model_fields) if model is not None else []


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _described(value: Any) -> str:
    """A value as an author would recognise it from the file."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return _shown(value)


def _number(value: Any) -> str:
    """A bound as the author wrote it: ``90``, not ``90.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _plural(count: Any, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


_EXPECTED = {
    "dict_type": "a mapping of fields (key: value)",
    "model_type": "a mapping of fields (key: value)",
    "model_attributes_type": "a mapping of fields (key: value)",
    "list_type": "a list",
    "string_type": "text",
    "float_type": "a number",
    "float_parsing": "a number",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "expression_type": "an expression written as text",
}
_BOUNDS = {
    "less_than_equal": ("le", "at most"),
    "less_than": ("lt", "less than"),
    "greater_than_equal": ("ge", "at least"),
    "greater_than": ("gt", "more than"),
}


_YAML11_BOOLEANS = frozenset({"yes", "no", "on", "off", "y", "n"})
"""YAML 1.1's other words for true and false: text to the loader."""


def _unquote_hint(kind: str, value: Any) -> str:
    """How to write a number or a boolean that was given as text."""
    if not isinstance(value, str):
        return ""
    if kind in ("float_type", "int_type", "float_parsing", "int_parsing") and reads_as_number(
        value.strip()
    ):
        return "; write the number without quotes"
    if kind in ("bool_type", "bool_parsing") and value.casefold() in _YAML11_BOOLEANS:
        return "; write true or false (yes, no, on and off are text here)"
    return ""


def word_error(error: ErrorDetails, path: tuple[PathPart, ...], fields: list[str]) -> str:
    """An author-facing sentence for one pydantic error: one line, lower-case start."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    name = path[-1] if path else ""
    if kind == "missing":
        return f"required field '{name}' is missing"
    if kind == "extra_forbidden":
        hint = did_you_mean(str(name), fields)
        allowed = f" (allowed: {', '.join(fields)})" if fields and not hint else ""
        return f"unknown field '{name}'{hint}{allowed}"
    if kind == "union_tag_invalid":
        expected = str(ctx.get("expected_tags", "")).replace("'", "")
        tag = value.get("kind") if isinstance(value, dict) else ctx.get("tag")
        if tag is None or tag == "":
            return f"'kind' is empty; expected one of: {expected}"
        hint = did_you_mean(str(tag), expected.split(", ")) if isinstance(tag, str) else ""
        if hint:
            return f"unknown kind {_described(tag)}{hint}"
        return f"unknown kind {_described(tag)}; expected one of: {expected}"
    if kind == "union_tag_not_found":
        return "required field 'kind' is missing (it says which variant this is)"
    if kind == "expression":
        return f"bad expression: {ctx['message']}"
    if kind == "string_pattern_mismatch":
        return (
            f"an identifier may only contain letters, digits and underscores, got {_shown(value)}"
        )
    if kind == "string_type" and isinstance(value, bool | int | float):
        what = "a boolean" if isinstance(value, bool) else "a number"
        return (
            f"expected text, got {_described(value)} ({what}); put it in quotes to keep it as text"
        )
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, got {_described(value)}{_unquote_hint(kind, value)}"
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected"))
        choices = re.findall(r"'([^']*)'", expected)
        hint = did_you_mean(value, choices) if isinstance(value, str) else ""
        return f"expected {expected}, got {_described(value)}{hint}"
    if kind in _BOUNDS and isinstance(value, str):  # 'nan', 'inf': text, not a number
        return f"expected a number, got {_described(value)}"
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        return f"must be {words} {_number(ctx.get(key))}, got {_described(value)}"
    if kind == "string_too_short":
        if ctx.get("min_length") == 1:
            return "must not be empty"
        return f"must be at least {_plural(ctx.get('min_length'), 'character')} long"
    if kind == "string_too_long" or (kind == "too_long" and isinstance(value, str)):
        length = len(value) if isinstance(value, str) else "?"
        return f"is too long ({length} characters; the limit is {ctx.get('max_length')})"
    if kind == "too_short":
        minimum = _plural(ctx.get("min_length"), "item")
        return f"needs at least {minimum}, got {ctx.get('actual_length')}"
    if kind == "too_long":
        count, limit = ctx.get("actual_length"), ctx.get("max_length")
        return f"has too many items ({count}; the limit is {limit})"
    message = _lower_first(" ".join(str(error["msg"]).split()))
    if message.startswith("value error, "):
        return message.removeprefix("value error, ")
    if message.startswith("assertion failed, "):
        return message.removeprefix("assertion failed, ")
    if not isinstance(value, dict | list):
        message += f", got {_shown(value)}"
    return message


def expression_column(error: ErrorDetails) -> ExpressionColumn:
    """The 1-based column inside an expression where a parse error starts, if any."""
    if error["type"] == "expression":
        return int(error["ctx"]["column"])
    return None


def validation_problems(
    exc: ValidationError, root: type[BaseModel], data: Any
) -> list[tuple[tuple[PathPart, ...], str, str, ExpressionColumn]]:
    """Each error as ``(path, message, anchor, expression column)``.

    ``anchor`` says where to point: ``key`` for an unknown field, ``parent`` for a missing
    one (the mapping that lacks it), ``value`` otherwise. A missing ``kind`` is a missing
    field like any other: its path ends in ``kind`` and it points at the mapping.
    """
    problems = []
    for error in exc.errors(include_url=False):
        kind = error["type"]
        path = data_path(error["loc"], data, root, missing=kind == "missing")
        fields = known_fields(root, path[:-1], data) if kind == "extra_forbidden" else []
        message = word_error(error, path, fields)
        anchor = {"missing": "parent", "extra_forbidden": "key"}.get(kind, "value")
        if kind == "union_tag_not_found":
            path, anchor = (*path, "kind"), "parent"
        problems.append((path, message, anchor, expression_column(error)))
    return problems
