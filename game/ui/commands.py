"""The situation room's command line: parsing typed commands and completing them.

Pure Python (no textual): a line such as ``aid TES military 2`` becomes an engine
:class:`~game.engine.orders.Order` to queue, and ``why KAR`` or ``end`` a :class:`UiCommand`
for the screen to carry out. A line that cannot be read raises :class:`CommandError` with a
one-line message and a suggestion. State ids are case-insensitive.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from game.engine import ACTIONS, Order

UI_VERBS: dict[str, str] = {
    "end": "end the turn: submit the queued orders",
    "why": "why a state threatens you as it does (free)",
    "inspect": "a state's dossier (free)",
    "undo": "remove the last queued order",
    "clear": "remove every queued order",
    "map": "the map of the states and their blocs",
    "report": "last turn's report",
    "save": "save the game (save NAME)",
    "load": "load a saved game",
    "help": "keys, commands and a primer on balance of threat",
    "quit": "leave the game (the last turn is autosaved)",
}
"""Commands that are not orders, with a line of help each."""

ALIASES = {"exit": "quit", "?": "help", "dossier": "inspect", "explain": "why"}
STATE_VERBS = ("why", "inspect")
VERBS: tuple[str, ...] = (*ACTIONS, *UI_VERBS)
"""Every verb the command line knows, orders first."""


class CommandError(ValueError):
    """A line the command line cannot read: ``message`` and a ``suggestion``."""

    def __init__(self, message: str, suggestion: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion

    def __str__(self) -> str:
        return f"{self.message}. {self.suggestion}" if self.suggestion else self.message


@dataclass(frozen=True)
class UiCommand:
    """A command for the screen: ``verb`` with an optional argument (a state id or name)."""

    verb: str
    argument: str | None = None


Parsed = Order | UiCommand


def usage(verb: str) -> str:
    """How to write a command, e.g. ``aid STATE economic|military [1-3]``."""
    if verb in STATE_VERBS:
        return f"{verb} STATE"
    if verb == "save":
        return "save [NAME]"
    action = ACTIONS.get(verb)
    if action is None:
        return verb
    parts = [verb]
    if action.needs_target:
        parts.append("STATE")
    if action.options:
        parts.append("|".join(action.options))
    if action.max_amount > 1:
        parts.append(f"[1-{action.max_amount}]")
    return " ".join(parts)


def find_state(token: str, states: Sequence[str]) -> str | None:
    """The state id ``token`` names, ignoring case; None if none does."""
    wanted = token.upper()
    return next((s for s in states if s.upper() == wanted), None)


def _state(verb: str, token: str | None, states: Sequence[str]) -> str:
    if token is None:
        raise CommandError(
            f"{verb} needs a state", f"Try: {usage(verb)} (states: {', '.join(states)})"
        )
    found = find_state(token, states)
    if found is None:
        close = difflib.get_close_matches(token.upper(), list(states), n=1, cutoff=0.5)
        hint = f"Did you mean {close[0]}?" if close else f"States: {', '.join(states)}"
        raise CommandError(f"there is no state '{token}' in the world now", hint)
    return found


def _option(verb: str, token: str, options: Sequence[str]) -> str | None:
    lowered = token.lower()
    matches = [o for o in options if o.startswith(lowered)]
    return matches[0] if len(matches) == 1 else None


def _order(verb: str, args: list[str], states: Sequence[str]) -> Order:
    action = ACTIONS[verb]
    rest = list(args)
    target = None
    if action.needs_target:
        target = _state(verb, rest.pop(0) if rest else None, states)
    option, amount = None, 1
    for token in rest:
        if token.isdigit() and action.max_amount > 1:
            amount = int(token)
        elif action.options and option is None and _option(verb, token, action.options):
            option = _option(verb, token, action.options)
        else:
            raise CommandError(f"{verb} does not take '{token}'", f"Try: {usage(verb)}")
    if action.options and option is None:
        raise CommandError(f"{verb} needs {' or '.join(action.options)}", f"Try: {usage(verb)}")
    if not 1 <= amount <= action.max_amount:
        raise CommandError(f"the amount must be 1 to {action.max_amount}", f"Try: {usage(verb)}")
    return Order(verb, target, amount, option)


def parse(line: str, states: Sequence[str]) -> Parsed:
    """Read a command line; ``states`` are the ids that may be named (present states).

    Raises :class:`CommandError` for an empty line, an unknown verb or bad arguments.
    """
    # ':' and '/' open the command line; typed again inside it they mean nothing.
    words = line.lstrip(":/ ").split()
    if not words:
        raise CommandError("type a command", "Try: help")
    verb = ALIASES.get(words[0].lower(), words[0].lower())
    args = words[1:]
    if verb in ACTIONS:
        return _order(verb, args, states)
    if verb not in UI_VERBS:
        close = difflib.get_close_matches(verb, VERBS, n=1, cutoff=0.6)
        hint = f"Did you mean '{close[0]}'?" if close else "Type help for the commands"
        raise CommandError(f"unknown command '{words[0]}'", hint)
    if verb in STATE_VERBS:
        if len(args) > 1:
            raise CommandError(f"{verb} takes one state", f"Try: {usage(verb)}")
        return UiCommand(verb, _state(verb, args[0] if args else None, states))
    if verb == "save":
        if len(args) > 1:
            raise CommandError("a save name is one word", "Try: save spring-1905")
        return UiCommand(verb, args[0] if args else None)
    if verb == "end" and args in (["turn"], []):
        return UiCommand("end")
    if args:
        raise CommandError(f"{verb} takes no argument", f"Try: {verb}")
    return UiCommand(verb)


def _words_for(verb: str, position: int, states: Sequence[str]) -> list[str]:
    """What may stand at ``position`` (1 = the first argument) after ``verb``."""
    action = ACTIONS.get(verb)
    if verb in STATE_VERBS:
        return list(states) if position == 1 else []
    if action is None:
        return []
    slots: list[list[str]] = []
    if action.needs_target:
        slots.append(list(states))
    if action.options:
        slots.append(list(action.options))
    if action.max_amount > 1:
        slots.append([str(n) for n in range(1, action.max_amount + 1)])
    return slots[position - 1] if position <= len(slots) else []


def complete(line: str, states: Sequence[str]) -> list[str]:
    """Whole-line completions of ``line``'s last word, in order (empty when none)."""
    words = line.split()
    if line.endswith(" ") or not words:
        words.append("")
    *head, last = words
    if not head:
        candidates = list(VERBS)
    else:
        verb = ALIASES.get(head[0].lower(), head[0].lower())
        candidates = _words_for(verb, len(head), states)
    prefix = " ".join(head) + (" " if head else "")
    lowered = last.lower()
    return [prefix + c for c in candidates if c.lower().startswith(lowered) and c != last]
