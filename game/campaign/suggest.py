"""Did-you-mean: the name an author most likely meant by one the campaign does not know.

Case comes first: ``sau`` means ``SAU`` and ``Hostile_act`` means ``hostile_act`` however
far apart difflib finds them (short ids share too few letters for its ratio). Then a
display name given for an id (``JORDAN`` for the state ``JOR`` named Jordan), then
difflib's close matches, as written and then ignoring case.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping


def closest(
    name: str, known: Iterable[str], aliases: Mapping[str, str] | None = None
) -> str | None:
    """The entry of ``known`` that ``name`` most likely means, or None.

    ``aliases`` maps other words for an entry (a state's name) to the entry itself.
    """
    candidates = [word for word in dict.fromkeys(known) if word != name]
    if not candidates or not name:
        return None
    folded = name.casefold()
    for word in candidates:
        if word.casefold() == folded:
            return word
    for alias, word in (aliases or {}).items():
        if alias.casefold() == folded and word in candidates:
            return word
    close = difflib.get_close_matches(name, candidates, n=1)
    if close:
        return close[0]
    by_folded = {word.casefold(): word for word in reversed(candidates)}
    close = difflib.get_close_matches(folded, list(by_folded), n=1)
    return by_folded[close[0]] if close else None


def did_you_mean(name: str, known: Iterable[str], aliases: Mapping[str, str] | None = None) -> str:
    """``"; did you mean 'X'?"`` for the likeliest entry of ``known``, or ``""``."""
    match = closest(name, known, aliases)
    return f"; did you mean '{match}'?" if match is not None else ""
