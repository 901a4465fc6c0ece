"""The campaign format's field reference, generated as Markdown from the models themselves.

:func:`reference_markdown` walks :class:`~game.campaign.models.Campaign` and every model,
tagged union and enum reachable from it, in file order: each field's type, whether it is
required, its default, constraints and docstring; then the expression language's grammar,
functions, variables and caps, and the loader's caps. The output is deterministic, so
``docs/reference.md`` is committed and a test keeps it current. Regenerate it with::

    python -m game.campaign.reference > docs/reference.md
"""

from __future__ import annotations

import ast
import inspect
import itertools
import types
import typing
from dataclasses import fields
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from game.campaign import effects, expressions, loader, models
from game.campaign import types as value_types

_BOUNDS = ("ge", "gt", "le", "lt", "min_length", "max_length", "pattern")
_PLAIN = {str: "text", int: "integer", float: "number", bool: "boolean"}


def _clean(text: str | None) -> str:
    """A docstring as one Markdown table-safe paragraph, with single backticks."""
    return " ".join(inspect.cleandoc(text or "").split()).replace("``", "`").replace("|", "\\|")


def _attribute_docs(module: types.ModuleType) -> dict[str, str]:
    """Module-level attribute docstrings (a string right after an assignment), by name."""
    docs: dict[str, str] = {}
    for node, after in itertools.pairwise(ast.parse(inspect.getsource(module)).body):
        text = after.value if isinstance(after, ast.Expr) else None
        if isinstance(node, ast.Assign) and isinstance(text, ast.Constant):
            docs.update((t.id, str(text.value)) for t in node.targets if isinstance(t, ast.Name))
    return docs


def _aliases() -> list[tuple[str, Any, str]]:
    """Every named ``Annotated`` type of the format, once each: (name, alias, docstring)."""
    found: list[tuple[str, Any, str]] = []
    for module in (value_types, effects, models):
        docs = _attribute_docs(module)
        for name, value in vars(module).items():
            new = all(value is not other for _, other, _ in found)
            if typing.get_origin(value) is typing.Annotated and new:
                found.append((name, value, docs.get(name, "")))
    return found


ALIASES = _aliases()


def _alias_name(annotation: Any) -> str | None:
    return next((name for name, alias, _ in ALIASES if alias is annotation), None)


def _is_model(annotation: Any, base: type | tuple[type, ...] = BaseModel) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, base)


def _members(annotation: Any) -> list[Any]:
    """The members of a union (of a named tagged union, through its ``Annotated``)."""
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return list(typing.get_args(annotation))
    return []


def _hint(model: type[BaseModel], field: str) -> Any:
    """A field's annotation as written, so named types such as ``Identifier`` keep their name."""
    return typing.get_type_hints(model, include_extras=True)[field]


def _tag(model: type[BaseModel]) -> str:
    tag: str = typing.get_args(model.model_fields["kind"].annotation)[0]  # a one-string Literal
    return tag


def _walk(annotation: Any, seen: dict[str, Any], unions: dict[type, str]) -> None:
    """Collect models, tagged unions and enums reachable from ``annotation``, in file order."""
    name = _alias_name(annotation)
    if name is not None and _members(annotation):
        seen.setdefault(name, _members(annotation))
        for member in _members(annotation):
            unions.setdefault(member, name)
            _walk(member, seen, unions)
    elif _is_model(annotation, (BaseModel, Enum)):
        if annotation.__name__ not in seen:
            seen[annotation.__name__] = annotation
            for field in getattr(annotation, "model_fields", {}):
                _walk(_hint(annotation, field), seen, unions)
    else:
        for arg in typing.get_args(annotation):
            _walk(arg, seen, unions)


def _type(annotation: Any) -> str:
    """An annotation in an author's words, with links to the sections it names."""
    name = _alias_name(annotation)
    if name is not None:
        return f"[{name}](#{name.lower() if _members(annotation) else 'value-types'})"
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type(args[0])
    if origin is list:
        return f"list of {_type(args[0])}"
    if origin is typing.Literal:
        return " or ".join(f"`{_yaml(value)}`" for value in args)
    if _members(annotation):
        return " or ".join(_type(m) for m in _members(annotation) if m is not type(None))
    if _is_model(annotation, (BaseModel, Enum)):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return _PLAIN.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _yaml(value: Any) -> str:
    """A value as it would be written in YAML."""
    value = value.value if isinstance(value, Enum) else value
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "**required**"
    if field.default_factory is not None:
        made = field.default_factory()  # type: ignore[call-arg]
        return "its defaults" if isinstance(made, BaseModel) else f"`{made!r}`"
    return f"`{_yaml(field.default)}`"


def _constraints(metadata: list[Any], is_list: bool) -> str:
    """Bounds, lengths and pattern, in words and in a fixed order."""
    found: dict[str, Any] = {}
    for item in metadata:
        for inner in [item, *item.metadata] if isinstance(item, FieldInfo) else [item]:
            found |= {k: getattr(inner, k) for k in _BOUNDS if getattr(inner, k, None) is not None}
    words = []
    if "ge" in found and "le" in found:
        words.append(f"{_yaml(found['ge'])} to {_yaml(found['le'])}")
    else:
        signs = (("ge", "≥"), ("gt", ">"), ("le", "≤"), ("lt", "<"))
        words += [f"{sign} {_yaml(found[key])}" for key, sign in signs if key in found]
    least, most = found.get("min_length"), found.get("max_length")
    if least is not None or most is not None:
        span = f"at most {most}" if least is None else f"at least {least}"
        span = f"{least} to {most}" if None not in (least, most) else span
        unit = "item" if is_list else "character"
        words.append(f"{span} {unit}{'' if (most or least) == 1 else 's'}")
    if "pattern" in found:
        words.append(f"pattern `{found['pattern']}`")
    return ", ".join(words) or "—"


def _rules(model: type[BaseModel]) -> list[str]:
    """The messages of a model's cross-field checks (the ValueErrors its validators raise)."""
    rules: list[str] = []
    for _, decorator in sorted(model.__pydantic_decorators__.model_validators.items()):
        tree = ast.parse(inspect.cleandoc("\n" + inspect.getsource(decorator.func)))
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                rules += [
                    a.value
                    for a in node.exc.args
                    if isinstance(a, ast.Constant) and isinstance(a.value, str)
                ]
    return rules


def _model_section(model: type[BaseModel], union: str | None) -> list[str]:
    lines = [f"### {model.__name__}", "", _clean(model.__doc__), ""]
    if union is not None:
        lines += [f"A variant of [{union}](#{union.lower()}): `kind: {_tag(model)}`.", ""]
    lines += ["| field | type | default | constraints | description |", "|---|---|---|---|---|"]
    for name, field in model.model_fields.items():
        is_list = typing.get_origin(field.annotation) is list
        cells = (_type(_hint(model, name)), _default(field), _constraints(field.metadata, is_list))
        lines.append(f"| `{name}` | {' | '.join(cells)} | {_clean(field.description) or '—'} |")
    rules = [f"Rule: {_clean(rule)}." for rule in _rules(model)]
    return [*lines, *([""] if rules else []), *rules, ""]


def _union_section(name: str, members: list[Any], doc: str) -> list[str]:
    lines = [f"### {name}", "", _clean(doc) or f"One {name} variant, chosen by its `kind`.", ""]
    lines += ["| `kind` | variant |", "|---|---|"]
    lines += [f"| `{_tag(m)}` | [{m.__name__}](#{m.__name__.lower()}) |" for m in members]
    return [*lines, ""]


def _enum_section(enum: type[Enum]) -> list[str]:
    values = ", ".join(f"`{member.value}`" for member in enum)
    return [f"### {enum.__name__}", "", _clean(enum.__doc__), "", f"Values: {values}.", ""]


def _value_types() -> list[str]:
    lines = ["## Value types", "", "| type | base | constraints | meaning |", "|---|---|---|---|"]
    for name, alias, doc in ALIASES:
        if _members(alias):
            continue  # the tagged unions have sections of their own
        base = typing.get_args(alias)[0]
        shown = "expression" if base is expressions.Expression else _type(base)
        constraints = _constraints(list(alias.__metadata__), is_list=False)
        lines.append(f"| `{name}` | {shown} | {constraints} | {_clean(doc) or '—'} |")
    return [*lines, ""]


def _signature(spec: expressions.FunctionSpec) -> str:
    """``fired("event") -> bool``: a quoted kind takes a quoted id, ``state`` a bare one."""
    params = ", ".join(k if k in ("state", "number", "bool") else f'"{k}"' for k in spec.params)
    return f"{spec.name}({params}) -> {spec.returns}"


def _expression_section() -> list[str]:
    paragraphs = inspect.cleandoc(expressions.__doc__ or "").split("\n\n")
    at = next(i for i, p in enumerate(paragraphs) if p.endswith("::")) + 1
    lines = ["## Expression language", "", "### Grammar", "", "```text"]
    lines += [line.removeprefix("    ") for line in paragraphs[at].splitlines()]
    lines += ["```", "", _clean(paragraphs[at + 1]), ""]
    lines += ["### Functions", "", "| call | meaning |", "|---|---|"]
    lines += [f"| `{_signature(f)}` | {_clean(f.doc)} |" for f in expressions.FUNCTIONS.values()]
    lines += ["", "### Variables", "", "| name | meaning |", "|---|---|"]
    lines += [f"| `{name}` | {_clean(doc)} |" for name, doc in expressions.VARIABLES.items()]
    caps = (expressions.MAX_LENGTH, expressions.MAX_NODES, expressions.MAX_DEPTH)
    text = "At most {} characters, {} parts (tree nodes) and {} levels of nesting."
    return [*lines, "", "### Limits", "", text.format(*caps), ""]


def reference_markdown() -> str:
    """The whole field reference as Markdown text; the same text on every call."""
    seen: dict[str, Any] = {}
    unions: dict[type, str] = {}
    _walk(models.Campaign, seen, unions)
    docs = {name: doc for name, _, doc in ALIASES}
    lines = [
        "# Campaign format reference",
        "",
        "<!-- Generated: python -m game.campaign.reference > docs/reference.md -->",
        "",
        "Every field of every part of a campaign file, generated from the models "
        f"(`schema_version: {models.SCHEMA_VERSION}`). Every part refuses keys it does not "
        "list. How to write a campaign, with examples: [authoring.md](authoring.md).",
        "",
        *_value_types(),
        "## Models",
        "",
    ]
    for name, item in seen.items():
        if isinstance(item, list):
            lines += _union_section(name, item, docs.get(name, ""))
        elif _is_model(item):
            lines += _model_section(item, unions.get(item))
    lines += ["## Enumerations", ""]
    for item in seen.values():
        lines += _enum_section(item) if _is_model(item, Enum) else []
    caps = ", ".join(f"`{f.name}` {getattr(loader.LIMITS, f.name)}" for f in fields(loader.LIMITS))
    lines += [*_expression_section(), "## Loader limits", "", f"{caps}.", ""]
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(reference_markdown(), end="")
