"""Map pydantic's error locations back onto the YAML, and word the messages for authors."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from game.campaign.errors import PathPart

ExpressionColumn = int | None


def data_path(loc: Sequence[PathPart], data: Any) -> tuple[PathPart, ...]:
    """Turn a pydantic ``loc`` into a path of real YAML keys and indexes.

    Pydantic puts union tags (``hostile_act``) and union member names (``function-after``)
    into locations; no tag equals a field name, so any part that is not a key or index of
    the data at that point is such a label and is dropped. The last part is kept even when
    absent from the data: it names a missing field.
    """
    path: list[PathPart] = []
    node = data
    for index, part in enumerate(loc):
        if _has(node, part):
            path.append(part)
            node = node[part]
        elif index == len(loc) - 1 and isinstance(node, dict) and isinstance(part, str):
            path.append(part)
    return tuple(path)


def _has(node: Any, part: PathPart) -> bool:
    """True when ``part`` is a key (or index) present in ``node``."""
    if isinstance(node, dict):
        return isinstance(part, str) and part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _unwrap(annotation: Any, node: Any) -> Any:
    """Strip Annotated/Optional/lists down to the type that describes ``node``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in members if isinstance(a, type) and issubclass(a, BaseModel)]
            chosen = models[0] if len(models) == 1 else None
            if isinstance(node, dict) and len(models) > 1:
                for model in models:
                    tag = model.model_fields.get("kind")
                    if tag is not None and node.get("kind") in typing.get_args(tag.annotation):
                        chosen = model
            if chosen is None:
                return members[0] if len(members) == 1 else None
            annotation = chosen
        else:
            return annotation


def known_fields(root: type[BaseModel], path: Sequence[PathPart], data: Any) -> list[str]:
    """The field names of the model that validates the mapping at ``path`` (empty if none)."""
    annotation: Any = root
    node = data
    for part in path:
        annotation = _unwrap(annotation, node)
        if isinstance(part, int):
            if typing.get_origin(annotation) is not list:
                return []
            annotation = typing.get_args(annotation)[0]
        else:
            if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
                return []
            field = annotation.model_fields.get(part)
            if field is None:
                return []
            annotation = field.annotation
        node = node[part] if isinstance(node, dict | list) else None
    annotation = _unwrap(annotation, node)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def word_error(error: dict[str, Any], path: tuple[PathPart, ...], fields: list[str]) -> str:
    """An author-facing sentence for one pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    name = path[-1] if path else ""
    if kind == "missing":
        return f"required field '{name}' is missing"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(name), fields, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        allowed = f" (allowed: {', '.join(fields)})" if fields and not close else ""
        return f"unknown field '{name}'{hint}{allowed}"
    if kind == "union_tag_invalid":
        return f"unknown kind {_shown(ctx.get('tag'))}; expected one of: " + str(
            ctx.get("expected_tags", "")
        ).replace("'", "")
    if kind == "union_tag_not_found":
        return "required field 'kind' is missing (it says which variant this is)"
    if kind == "expression":
        return f"bad expression: {ctx['message']}"
    if kind == "string_pattern_mismatch":
        return (
            f"an identifier may only contain letters, digits and underscores, got {_shown(value)}"
        )
    message = _lower_first(error["msg"])
    if message.startswith("value error, "):
        return message.removeprefix("value error, ")
    if message.startswith("assertion failed, "):
        return message.removeprefix("assertion failed, ")
    if not isinstance(value, dict | list):
        message += f", got {_shown(value)}"
    return message


def expression_column(error: dict[str, Any]) -> ExpressionColumn:
    """The 1-based column inside an expression where a parse error starts, if any."""
    if error["type"] == "expression":
        return int(error["ctx"]["column"])
    return None


def validation_problems(
    exc: ValidationError, root: type[BaseModel], data: Any
) -> list[tuple[tuple[PathPart, ...], str, str, ExpressionColumn]]:
    """Each error as ``(path, message, anchor, expression column)``.

    ``anchor`` says where to point: ``key`` for an unknown field, ``parent`` for a missing
    one (the mapping that lacks it), ``value`` otherwise.
    """
    problems = []
    for error in exc.errors(include_url=False):
        path = data_path(error["loc"], data)
        kind = error["type"]
        fields = known_fields(root, path[:-1], data) if kind == "extra_forbidden" else []
        anchor = {"missing": "parent", "extra_forbidden": "key"}.get(kind, "value")
        problems.append((path, word_error(error, path, fields), anchor, expression_column(error)))
    return problems
