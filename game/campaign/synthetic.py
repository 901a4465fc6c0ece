"""Synthetic campaigns of any size, for benchmarks and stress tests.

Built from a seeded generator, so the same arguments always give the same campaign.
"""

from __future__ import annotations

import random
from typing import Any

import yaml

EFFECT_KINDS = ("adjust", "hostile_act", "reassure", "set_flag", "narrative")


def synthetic_campaign(
    states: int, events: int, seed: str = "synthetic", eras: int = 4
) -> dict[str, Any]:
    """A valid campaign with ``states`` states on a grid and ``events`` events over ``eras``."""
    rng = random.Random(seed)
    ids = [f"S{i:03d}" for i in range(states)]
    side = max(1, int(states**0.5))
    records: list[dict[str, Any]] = []
    for i, ident in enumerate(ids):
        row, col = divmod(i, side)
        borders = []
        if col + 1 < side and i + 1 < states:
            borders.append({"state": ids[i + 1], "type": "land"})
        if i + side < states:
            borders.append(
                {"state": ids[i + side], "type": "sea" if rng.random() < 0.3 else "land"}
            )
        records.append(
            {
                "id": ident,
                "name": f"State {i}",
                "capital": {
                    "name": f"Capital {i}",
                    "lat": round(-60 + 120 * row / side, 3),
                    "lon": round(-170 + 340 * col / side, 3),
                },
                "region": f"Region {row % 5}",
                "borders": borders,
                "power": {"kind": "share", "value": rng.uniform(1, 50)},  # normalised below
                "military": round(rng.uniform(5, 300), 1),
                "offense": round(rng.random(), 2),
                "reach": round(rng.uniform(300, 12000)),
                "stability": round(rng.uniform(0.3, 0.95), 2),
                "ideology": round(rng.uniform(-1, 1), 2),
                "personality": {
                    "aggression": round(rng.random(), 2),
                    "caution": round(rng.random(), 2),
                },
            }
        )
    # Shares of one system: the states together hold 95% of it.
    total = sum(r["power"]["value"] for r in records)
    for r in records:
        r["power"]["value"] = round(0.95 * r["power"]["value"] / total, 6)
    # A border declared on one side is a border on both: mirror for a realistic file.
    by_id = {r["id"]: r for r in records}
    declared = [(r["id"], b["state"], b["type"]) for r in records for b in r["borders"]]
    for ident, other, kind in declared:
        by_id[other]["borders"].append({"state": ident, "type": kind})
    start, span = 1950, 10
    era_list: list[dict[str, Any]] = []
    for e in range(eras):
        era_list.append(
            {
                "id": f"era{e}",
                "title": f"Era {e}",
                "start": start + e * span,
                "end": start + (e + 1) * span - 1,
                "briefing": "A synthetic era for measuring the loader and the engine.",
                "events": [],
                "objectives": [],
            }
        )
    for n in range(events):
        era = era_list[n % eras]
        a, b = rng.sample(ids, 2)
        kind = EFFECT_KINDS[n % len(EFFECT_KINDS)]
        effect: dict[str, Any] = {"kind": kind}
        if kind == "adjust":
            effect |= {"state": a, "stat": "military", "by": round(rng.uniform(-5, 5), 2)}
        elif kind in ("hostile_act", "reassure"):
            effect |= {"actor": a, "target": b, "description": f"incident {n}"}
        elif kind == "set_flag":
            effect |= {"flag": f"flag{n % 50}"}
        else:
            effect |= {"text": f"Something happens ({n})."}
        trigger: dict[str, Any] = (
            {"kind": "scheduled", "year": era["start"] + n % span}
            if n % 3 == 0
            else {"kind": "condition", "when": f"threat({a}, {b}) > 0.5 and year >= {era['start']}"}
            if n % 3 == 1
            else {"kind": "chance", "probability": 0.05, "when": f"not allied({a}, {b})"}
        )
        event = {
            "id": f"ev{n}",
            "title": f"Event {n}",
            "text": f"Event number {n}.",
            "trigger": trigger,
            "effects": [effect],
        }
        if n % 4 == 0:
            event["choices"] = [
                {
                    "label": "Act",
                    "effects": [
                        {"kind": "hostile_act", "actor": a, "target": b, "description": "a choice"}
                    ],
                    "hint": "Raises intentions.",
                },
                {"label": "Wait", "effects": []},
            ]
        era["events"].append(event)
    return {
        "schema_version": 1,
        "id": "synthetic",
        "version": "1",
        "title": "Synthetic",
        "description": "A generated campaign.",
        "authors": ["benchmarks"],
        "start_year": start,
        "playable": [ids[0]],
        "default_player": ids[0],
        "flags": [f"flag{i}" for i in range(50)],
        "states": records,
        "eras": era_list,
    }


def synthetic_yaml(states: int, events: int, seed: str = "synthetic") -> bytes:
    """The synthetic campaign as YAML bytes."""
    data = synthetic_campaign(states, events, seed)
    text: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return text.encode()
