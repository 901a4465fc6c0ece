"""Print pip constraints that pin each direct dependency at the lower bound pyproject.toml gives.

Usage: python .ci/lowest.py [EXTRA...] > constraints.txt

Reads ``[project] dependencies`` and the named optional-dependency groups with tomllib. Each
requirement must carry exactly one ``>=`` bound: a dependency without one has no tested
floor, which is an error here. Markers are kept. Only the direct dependencies are pinned;
pip picks the newest versions of everything else that these allow.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
REQUIREMENT = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*"
    r"(?P<specs>[^;]*?)\s*(?:;\s*(?P<marker>.+?))?\s*$"
)


def lowest(requirement: str) -> str:
    """``name>=1.2,<2`` -> ``name==1.2`` (with the requirement's marker, if any)."""
    match = REQUIREMENT.match(requirement)
    if match is None:
        raise ValueError(f"cannot read the requirement {requirement!r}")
    bounds = [
        spec.strip()[2:].strip()
        for spec in match["specs"].split(",")
        if spec.strip().startswith(">=")
    ]
    if len(bounds) != 1:
        raise ValueError(f"{requirement!r} needs exactly one '>=' lower bound")
    pin = f"{match['name']}=={bounds[0]}"
    return f"{pin} ; {match['marker']}" if match["marker"] else pin


def constraints(pyproject: Path, extras: list[str]) -> list[str]:
    """The pins for the project's dependencies and those of ``extras``."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = list(project.get("dependencies", []))
    optional = project.get("optional-dependencies", {})
    for extra in extras:
        if extra not in optional:
            raise ValueError(f"pyproject.toml has no optional-dependencies group {extra!r}")
        requirements += optional[extra]
    return [lowest(requirement) for requirement in requirements]


def main(argv: list[str]) -> int:
    try:
        pins = constraints(PYPROJECT, argv)
    except ValueError as error:
        print(f"lowest.py: {error}", file=sys.stderr)
        return 2
    print("\n".join(pins))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
