"""Derive the Cold War campaign's data from the shipped COW and MID data.

Run by developers after a change to the states or the data (the output is committed):

    python -m game.history.cold_war            # rewrite campaigns/cold_war.yaml's data
    python -m game.history.cold_war --check    # exit 1 if the file is not what it derives

The campaign file is written by hand except for the regions between the markers
``# >>> generated: NAME`` and ``# <<< generated: NAME``, which this module rewrites:

- ``states``: every state with its COW code, its capital (COW capitals), its borders (COW
  direct contiguity: a land border, or at most 24 miles of water, in force in any year
  the state is in the campaign), its aggregate power as the six COW National Material
  Capabilities components (world shares, so their mean is its CINC score) and its military
  strength (the mean of its world shares of military expenditure and personnel, x 1000) in
  1947 or the year it enters, and the hand-set values of ``cold_war_states`` with their
  reasons as comments;
- ``acts``: the militarized disputes of 1937-1946 between the campaign's states as remembered
  hostile acts, weighed by the dispute's highest hostility and faded by its age as the
  engine fades acts (so a dispute of 1940 weighs in 1947 what it would if the game had been
  running since), excluding the Second World War itself (MID 258, and every dispute-year
  between two states then at war with each other in COW war 139): its coalitions are the
  1947 world, not grievances within it;
- ``era ERA``: each later era's power and military strength from COW NMC for the era's
  first year;
- ``entries``: a scheduled event for each state that enters (or leaves) the state system
  between 1948 and 1991, in the year COW gives.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from game.campaign.models import POWER_COMPONENTS
from game.engine import INTENT_DECAY_PER_YEAR
from game.history import sources
from game.history.cold_war_states import STATES, StateSpec
from game.history.worldbuild import SEA_TYPES, SEVERITY

CAMPAIGN = Path(__file__).resolve().parents[2] / "campaigns" / "cold_war.yaml"
START, END = 1947, 1991
ERAS = {"brinkmanship": 1954, "detente": 1963, "second_cold_war": 1980, "endgame": 1986}
"""Each later era's id and first year (the first era, 1947, takes the states' values)."""
ACT_YEARS = 10
"""Disputes of the decade before the campaign are remembered."""
WORLD_WAR = 258
"""MID 5.0's number for the Second World War."""
WORLD_WAR_COW = 139
"""COW's inter-state war number for the Second World War: a dispute-year between two
states at war with each other in it is part of the war, not a grievance of the peace."""
MIN_SEVERITY = 0.02
"""A remembered dispute that has faded below this is left out (the engine forgets acts
near this weight)."""
NMC_COLUMNS = ("milex", "milper", "irst", "pec", "tpop", "upop")
"""The COW NMC columns of the format's six components (``POWER_COMPONENTS``), in order."""
COMPONENTS = dict(zip(POWER_COMPONENTS, NMC_COLUMNS, strict=True))
ENTRY_TEXT = {
    "ISR": "The State of Israel declares its independence; its Arab neighbours invade.",
    "PRK": "The Democratic People's Republic of Korea is proclaimed in Pyongyang.",
    "ROK": "The Republic of Korea is recognised in Seoul as American troops withdraw.",
    "TAW": "Defeated on the mainland, the Nationalist government withdraws to Taiwan.",
    "INS": "The Netherlands transfers sovereignty to the United States of Indonesia.",
    "JPN": "The San Francisco peace treaty ends the occupation: Japan is sovereign again.",
    "GDR": "The Soviet Union recognises the German Democratic Republic as sovereign.",
    "DRV": "The Geneva accords divide Vietnam at the 17th parallel: the north is Ho's.",
    "RVN": "South of the 17th parallel, the State of Vietnam becomes a republic in Saigon.",
    "FRG": "The Paris agreements end the occupation: the Federal Republic is sovereign.",
    "ANG": "Portugal leaves Angola; the MPLA proclaims the People's Republic in Luanda.",
}
EXIT_TEXT = {
    "RVN": "Saigon falls to the North Vietnamese army: South Vietnam is no more.",
    "GDR": "The German Democratic Republic accedes to the Federal Republic: Germany is one.",
}


NEVER_WHY = (
    "never_allies: states without diplomatic relations never ally on their own: the two "
    "Koreas, Chinas, Vietnams and Germanys (the Hallstein doctrine), Israel and the Arab "
    "states that fought it, Taiwan, South Korea and South Vietnam with the communist "
    "powers, North Korea with the USA and Japan, Cuba with the USA after 1961 (its "
    "revolution takes it out of the Rio Treaty), China and Albania with the USA (no "
    "relations until 1979 and 1991)."
)


def first_year(spec: StateSpec) -> int:
    """The year the state's values are taken from: 1947 or the year it enters."""
    return spec.enters or START


def _world(year: int, column: str) -> tuple[dict[int, float], float]:
    values: dict[int, float] = {}
    for code, cap in sources.capabilities()[year].items():
        value = getattr(cap, column)
        if value is not None and value >= 0:
            values[code] = value
    return values, sum(values.values())


def shares(code: int, year: int) -> dict[str, float]:
    """The state's world share of each COW NMC component in ``year`` (0 where unknown)."""
    out = {}
    for name, column in COMPONENTS.items():
        values, total = _world(year, column)
        out[name] = values.get(code, 0.0) / total if total > 0 else 0.0
    return out


def military(code: int, year: int) -> float:
    """Military strength: the mean world share of expenditure and personnel, x 1000 (the
    history check's measure); one of them alone where the other is unknown."""
    parts = []
    for column in ("milex", "milper"):
        values, total = _world(year, column)
        if code in values and total > 0:
            parts.append(values[code] / total)
    return 1000.0 * sum(parts) / len(parts) if parts else 1000.0 * cinc(code, year)


def cinc(code: int, year: int) -> float:
    """The COW Composite Index of National Capability."""
    return sources.capabilities()[year][code].cinc


def present(spec: StateSpec, year: int) -> bool:
    """The state is in the campaign's world in ``year``."""
    return first_year(spec) <= year and (spec.leaves is None or year <= spec.leaves)


def borders() -> dict[str, dict[str, str]]:
    """State id -> neighbour id -> ``land`` or ``sea``, from COW direct contiguity. The
    campaign keeps its borders for all its years, so a border counts only when it held for
    at least half the years both states are in the world (Egypt bordered Turkey and Iraq
    by land only as the United Arab Republic, 1958-1961), and it is a land border when a
    land border held for half of them."""
    by_code = {s.cow: s for s in STATES}
    held: dict[tuple[str, str], dict[str, set[int]]] = {}
    for a, b, kind, start, end in sources.contiguity():
        if a not in by_code or b not in by_code or (kind != 1 and kind not in SEA_TYPES):
            continue
        x, y = sorted((by_code[a], by_code[b]), key=lambda spec: spec.id)
        years = range(max(start, first_year(x), first_year(y)), min(end, END) + 1)
        kinds = held.setdefault((x.id, y.id), {"land": set(), "sea": set()})
        kinds["land" if kind == 1 else "sea"].update(
            t for t in years if present(x, t) and present(y, t)
        )
    specs = {s.id: s for s in STATES}
    out: dict[str, dict[str, str]] = {s.id: {} for s in STATES}
    for (one, other), kinds in sorted(held.items()):
        both = (specs[one], specs[other])
        together = len([t for t in range(START, END + 1) if all(present(s, t) for s in both)])
        if 2 * len(kinds["land"]) >= together > 0:
            kind_name = "land"
        elif 2 * len(kinds["land"] | kinds["sea"]) >= together > 0:
            kind_name = "sea"
        else:
            continue
        out[one][other] = out[other][one] = kind_name
    return out


def _number(value: float, digits: int = 5) -> str:
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text or "0"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _wrap(text: str, indent: str, width: int = 92) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(indent) + len(line) + 1 + len(word) > width:
            lines.append(indent + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(indent + line)
    return lines


def states_block() -> list[str]:
    """The ``states:`` list, derived and hand-set values together."""
    edges = borders()
    lines = ["states:"]
    for spec in STATES:
        year = first_year(spec)
        town = sources.capital(spec.cow, year)
        assert town is not None, spec.id
        power = shares(spec.cow, year)
        lines.append(f"  # {spec.name} (COW {spec.cow}): data of {year}, COW NMC 7.0.")
        lines += _wrap("Hand-set: " + spec.why, "  # ")
        if spec.never_allies:
            lines += _wrap(NEVER_WHY, "  # ")
        lines.append(f"  - id: {spec.id}")
        lines.append(f"    cow: {spec.cow}")
        lines.append(f"    name: {_quote(spec.name)}")
        lines.append(
            f"    capital: {{name: {_quote(town.name)}, lat: {_number(town.lat, 2)}, "
            f"lon: {_number(town.lon, 2)}}}"
        )
        lines.append(f"    region: {_quote(spec.region)}")
        if edges[spec.id]:
            lines.append("    borders:")
            for other in sorted(edges[spec.id], key=lambda i: [s.id for s in STATES].index(i)):
                lines.append(f"      - {{state: {other}, type: {edges[spec.id][other]}}}")
        lines.append("    power:")
        lines.append("      kind: components")
        for name, value in power.items():
            lines.append(f"      {name}: {_number(value)}")
        lines.append(f"    military: {_number(military(spec.cow, year), 2)}")
        lines.append(f"    offense: {spec.offense}")
        lines.append(f"    reach: {spec.reach:g}")
        if spec.global_reach is not None:
            lines.append(f"    global_reach: {str(spec.global_reach).lower()}")
        lines.append(f"    stability: {spec.stability}")
        lines.append(f"    ideology: {spec.ideology}")
        lines.append(f"    personality: {{aggression: {spec.aggression}, caution: {spec.caution}}}")
        if spec.never_allies:
            lines.append(f"    never_allies: [{', '.join(spec.never_allies)}]")
        if spec.enters:
            lines.append("    present: false")
        if spec.dossier:
            lines.append("    dossier: >-")
            lines += _wrap(spec.dossier, "      ")
    return lines


def remembered_acts() -> list[tuple[str, str, float, str]]:
    """(actor, target, severity, description) for each dispute of the decade before 1947
    between two states present in 1947, one per directed pair and dispute."""
    by_code = {s.cow: s for s in STATES if present(s, START)}
    worst: dict[tuple[int, int, int], tuple[int, int]] = {}  # -> (hostility, last year)
    at_war = sources.war_pairs().get(WORLD_WAR_COW, set())
    for d in sources.disputes_between(START - ACT_YEARS, START - 1):
        if d.dispute == WORLD_WAR or d.hostility not in SEVERITY:
            continue
        if d.actor not in by_code or d.target not in by_code or d.actor == d.target:
            continue
        if (d.actor, d.target, d.year) in at_war:
            continue
        key = (d.actor, d.target, d.dispute)
        hostility, year = worst.get(key, (0, 0))
        worst[key] = (max(hostility, d.hostility), max(year, d.year))
    out = []
    for (actor, target, dispute), (hostility, year) in sorted(worst.items()):
        weight = SEVERITY[hostility] * INTENT_DECAY_PER_YEAR ** (START - year)
        if weight >= MIN_SEVERITY:
            what = {2: "threat", 3: "show of force", 4: "use of force", 5: "war"}[hostility]
            out.append(
                (by_code[actor].id, by_code[target].id, weight, f"MID {dispute}: {what}, {year}")
            )
    return out


def acts_block(indent: str) -> list[str]:
    """The first era's changes that seed the remembered disputes."""
    lines = []
    for actor, target, weight, what in remembered_acts():
        lines.append(
            f"{indent}- {{kind: hostile_act, actor: {actor}, target: {target}, "
            f"severity: {_number(weight, 3)}, description: {_quote(what)}}}"
        )
    return lines


def era_block(year: int, indent: str) -> list[str]:
    """An era's changes: power and military strength of the states present, from ``year``."""
    lines = []
    for spec in STATES:
        if not present(spec, year) or first_year(spec) >= year:
            continue
        lines.append(
            f"{indent}- {{kind: adjust, state: {spec.id}, stat: power, "
            f"to: {_number(cinc(spec.cow, year))}}}"
        )
        lines.append(
            f"{indent}- {{kind: adjust, state: {spec.id}, stat: military, "
            f"to: {_number(military(spec.cow, year), 2)}}}"
        )
    return lines


def entries_block(first: int, last: int, indent: str) -> list[str]:
    """Scheduled events for the states that enter or leave in ``first``..``last``."""
    lines = []
    moves: list[tuple[int, str, StateSpec]] = []
    for spec in STATES:
        if spec.enters and first <= spec.enters <= last:
            moves.append((spec.enters, "enter", spec))
        if spec.leaves and first <= spec.leaves <= last:
            moves.append((spec.leaves, "leave", spec))
    for year, move, spec in sorted(moves, key=lambda m: (m[0], m[1], m[2].id)):
        kind = "add_state" if move == "enter" else "remove_state"
        text = (ENTRY_TEXT if move == "enter" else EXIT_TEXT)[spec.id]
        verb = "enters" if move == "enter" else "leaves"
        lines += [
            f"{indent}- id: {move}_{spec.id.lower()}",
            f"{indent}  title: {_quote(f'{spec.name} {verb} the state system')}",
            f"{indent}  text: {_quote(text)}",
            f"{indent}  trigger: {{kind: scheduled, year: {year}}}",
            f"{indent}  effects:",
            f"{indent}    - {{kind: {kind}, state: {spec.id}}}",
            f"{indent}    - {{kind: narrative, text: {_quote(text)}, importance: 3}}",
        ]
    return lines


def era_years() -> list[tuple[str, int, int]]:
    """(era id, first year, last year) of each era, the first included."""
    starts = [("iron_curtain", START), *ERAS.items()]
    return [
        (era, year, (starts[i + 1][1] - 1) if i + 1 < len(starts) else END)
        for i, (era, year) in enumerate(starts)
    ]


def regions() -> dict[str, list[str]]:
    """Every generated region's lines, without indentation (added where the marker sits)."""
    out = {"states": states_block(), "acts": acts_block("")}
    for era, first, last in era_years():
        if era in ERAS:
            out[f"era {era}"] = era_block(first, "")
        out[f"entries {era}"] = entries_block(first, last, "")
    return out


MARKER = re.compile(r"^(?P<indent> *)# >>> generated: (?P<name>[a-z_ ]+)$")


def rewrite(text: str) -> str:
    """``text`` with every generated region replaced by what the data derive."""
    wanted = regions()
    lines = text.split("\n")
    out: list[str] = []
    seen = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        match = MARKER.match(line)
        i += 1
        if not match:
            continue
        name, indent = match["name"], match["indent"]
        if name not in wanted:
            raise ValueError(f"unknown generated region {name!r}")
        end = f"{indent}# <<< generated: {name}"
        while i < len(lines) and lines[i] != end:
            i += 1
        if i == len(lines):
            raise ValueError(f"generated region {name!r} has no end marker")
        out += [indent + body if body else body for body in wanted[name]]
        out.append(end)
        seen.append(name)
        i += 1
    missing = sorted(set(wanted) - set(seen))
    if missing:
        raise ValueError(f"the campaign has no marker for {', '.join(missing)}")
    return "\n".join(out)


def main(argv: Iterable[str] | None = None) -> int:
    """Rewrite (or with ``--check``, compare) the campaign's generated regions."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if stale")
    parser.add_argument("--file", type=Path, default=CAMPAIGN, help="the campaign file")
    args = parser.parse_args(list(argv) if argv is not None else None)
    text = args.file.read_text(encoding="utf-8")
    new = rewrite(text)
    if args.check:
        if new != text:
            print(
                f"{args.file}: its generated regions are stale; run python -m game.history.cold_war"
            )
            return 1
        print(f"{args.file}: up to date")
        return 0
    args.file.write_text(new, encoding="utf-8")
    print(f"{args.file}: rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
