"""Presenting a history check: the readable table, the JSON object and the CSV of rows."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from game.engine import write_atomic
from game.history import sources
from game.history.check import BASELINES, Result
from game.history.regions import region_names, region_of

CITATION = (
    "Data: COW National Material Capabilities 7.0 (Singer, Bremer & Stuckey 1972; Singer "
    "1987); ATOP 5.1 alliances (Leeds, Ritter, Mitchell & Long 2002), the answer key only; "
    "MID 5.0 disputes (Palmer et al. 2022); COW Direct Contiguity 3.2 (Stinnett et al. 2002); "
    "COW capitals and state system; arms races (Gibler, Rider & Hutchison 2005); UN ideal "
    "points (Bailey, Strezhnev & Voeten 2017), ideology variant only."
)

LABELS = {
    "model": "engine ({doctrine})",
    "majority": "always the majority pole",
    "balance_of_power": "balance of power (against the higher CINC)",
    "bandwagon": "bandwagon (with the higher CINC)",
    "disputes": "disputes only (against the pole disputed most)",
    "nearest": "nearest pole (capital distance)",
}


def table(summary: dict, doctrine: str, poles: list[int]) -> str:
    """The summary as aligned text: balanced accuracy (and accuracy) per period."""
    periods = list(summary["model"]["periods"])
    names = ", ".join(f"{p} {sources.state_names()[p][1]}" for p in poles)
    head = f"{'predictor':46} {'all':>13}" + "".join(f" {p:>13}" for p in periods)
    lines = [
        f"Which pole did each aligned state join? Poles: {names}; {summary['n']:,} state-years.",
        "Balanced accuracy (accuracy in brackets):",
        head,
        "-" * len(head),
    ]
    blocks = [("model", summary["model"])] + [(b, summary["baselines"][b]) for b in BASELINES]
    for name, block in blocks:
        cells = [block] + [block["periods"][p] for p in periods]
        label = LABELS[name].format(doctrine=doctrine)
        lines.append(f"{label:46} " + " ".join(_cell(c) for c in cells))
    if "model_with_ideology" in summary:
        block = summary["model_with_ideology"]
        cells = [block] + [block["periods"][p] for p in periods]
        lines.append(
            f"{'engine + UN ideal points (variant)':46} " + " ".join(_cell(c) for c in cells)
        )
    auc = summary["model"]["aligned_auc"]
    lines.append(
        "Aligned with a pole or not, AUC of the engine's alarm: "
        + ("n/a" if auc is None else f"{auc:.3f}")
    )
    lines += region_lines(summary["model"]["regions"])
    lines.append(CITATION)
    return "\n".join(lines)


def region_lines(regions: dict[str, dict]) -> list[str]:
    """State-years predicted correctly, by COW region and the pole joined, per period."""
    periods = list(regions)
    names = sources.state_names()
    head = f"{'region':18} {'joined':6}" + "".join(f" {p:>16}" for p in periods)
    lines = ["", "Predicted correctly, by COW region and the pole joined (state-years):", head]
    for region in region_names():
        # A pole may have allies in a region in one period only: its other cells show "-".
        poles = sorted({pole for p in periods for pole in regions[p].get(region, {})}, key=int)
        for pole in poles:
            cells = []
            for period in periods:
                count = regions[period].get(region, {}).get(pole)
                cells.append(
                    f"{count['correct']}/{count['n']} ({count['correct'] / count['n']:.2f})"
                    if count
                    else "-"
                )
            joined = names.get(int(pole), (pole, pole))[0]
            lines.append(f"{region:18} {joined:6}" + "".join(f" {c:>16}" for c in cells))
    return lines


def _cell(block: dict) -> str:
    """'0.793 (0.70)', or 'n/a' for a period with no state-year."""
    if block["balanced_accuracy"] is None:
        return f"{'n/a':>12}"
    return f"{block['balanced_accuracy']:.3f} ({block['accuracy']:.2f})"


def rows_csv(result: Result) -> str:
    """One row per state-year: ccode, year, actual, predicted, how and why, and the factors."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    factor_names = list(result.rows[0].factors) if result.rows else []
    writer.writerow(
        [
            "ccode",
            "state",
            "region",
            "year",
            "actual",
            "predicted",
            "how",
            "reason",
            *factor_names,
            *(f"baseline_{b}" for b in BASELINES),
        ]
    )
    names = sources.state_names()
    for row in result.rows:
        writer.writerow(
            [
                row.ccode,
                names.get(row.ccode, ("", ""))[0],
                region_of(row.ccode),
                row.year,
                row.actual,
                row.predicted,
                row.how,
                row.reason,
                *(row.factors[f] for f in factor_names),
                *(row.baselines[b] for b in BASELINES),
            ]
        )
    return buffer.getvalue()


def write_rows(result: Result, path: Path) -> None:
    """Write the rows' CSV to ``path`` (atomically: a failed write leaves the old file)."""
    write_atomic(path, rows_csv(result))
