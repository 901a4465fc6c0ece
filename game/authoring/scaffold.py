"""``entente new NAME``: a campaign to start from, which validates, plays and passes
``entente check`` as written, with the schema modeline that gives editors completion.

Three states (a strong defensive neighbour, an armed and hostile one, the player between
them), two eras that each teach two elements of threat, one event with a choice and hints,
and an objective: the smallest campaign that uses every part an author needs first.
"""

from __future__ import annotations

import re
import shlex
import unicodedata

SCHEMA_FILE = "campaign.schema.json"

TEMPLATE = """\
# yaml-language-server: $schema={schema}
#
# A new Entente campaign. Check it as you write:
#   entente validate --strict {file}    # every error and warning, with its line
#   entente check {file}                # plays it many times: what never happens?
#   entente play {file}                 # and play it
# The guide: docs/authoring.md (the format, the expression language, a checklist).

schema_version: 2
id: "{ident}"
version: "0.1"
title: "{title}"
description: >-
  Three states between two eras: a rich neighbour that threatens no one, an armed one
  that threatens everyone, and you between them.
authors: [You]
sources:
  - cite: "Walt, Stephen M. 1987. The Origins of Alliances. Ithaca, NY: Cornell University Press."
start_year: 1900
turn_months: 12
action_points: 3
doctrine: balance_of_threat
playable: [HOM]
default_player: HOM

states:
  - id: HOM
    name: Homeland
    dossier: A middling state between a rich neighbour and an armed one.
    capital: {{name: Hometown, lat: 45.0, lon: 10.0}}
    region: The middle
    borders:
      - {{state: RIC}}
      - {{state: ARM}}
    power: {{kind: share, value: 0.3}}
    military: 100
    offense: 0.3
  - id: RIC
    name: Richland
    dossier: The richest state of the region, with a small army built for defence.
    capital: {{name: Richport, lat: 47.0, lon: 8.0}}
    region: The north
    borders:
      - {{state: HOM}}
    power: {{kind: share, value: 0.45}}
    military: 60
    offense: 0.1
  - id: ARM
    name: Armland
    dossier: A smaller state with the largest army and old claims on its neighbours.
    capital: {{name: Fort Arm, lat: 44.0, lon: 13.0}}
    region: The east
    borders:
      - {{state: HOM}}
    power: {{kind: share, value: 0.25}}
    military: 220
    offense: 0.8

eras:
  - id: first_era
    title: "Power and Proximity"
    start: 1900
    end: 1904
    briefing: >-
      Two questions come first when you size up a neighbour: how strong is it, and how
      close? Richland is the richest state next door; Armland is smaller but armed.
    weights:
      proximity: 1.2
      note: "Armies march on foot and by rail: distance still decides who can hurt whom."
    events:
      - id: border_claim
        title: A Claim on the Border
        text: >-
          Armland's newspapers print maps with your border valleys coloured as its own.
        trigger: {{kind: scheduled, year: 1901}}
        effects:
          - kind: hostile_act
            actor: ARM
            target: HOM
            severity: 0.4
            description: Armland claims the border valleys
        choices:
          - label: Ask Richland for an alliance
            effects:
              - kind: form_alliance
                alliance: valley_pact
                name: The Valley Pact
                members: [player, RIC]
            hint: >-
              Balancing: ally with the state that shares your principal threat. Richland
              is strong and near, and it fears Armland too.
          - label: Arm the valleys
            effects:
              - kind: adjust
                state: player
                stat: military
                by: 20
            hint: >-
              Offensive capabilities: forts defend, but a bigger army also worries
              Richland. Watch its threat board.
    objectives:
      - id: hold_the_valleys
        text: In 1904 Homeland still stands, allied with at least one state.
        when: 'year >= 1904 and exists(player) and allies(player) >= 1'
        points: 20
        deadline: 1904
  - id: second_era
    title: "Capabilities and Intentions"
    start: 1905
    end: 1909
    briefing: >-
      What a state's forces are built to do, and what it has done, now count for more.
    weights:
      offense: 1.3
      intentions: 2.6
      note: >-
        An arms race makes capabilities and intentions weigh more than size (intentions
        weigh 2 by default; here 2.6).
    objectives:
      - id: keep_the_peace
        text: In 1909 no state has been removed from the map.
        when: 'year >= 1909 and exists(RIC) and exists(ARM) and exists(player)'
        points: 20
"""


def campaign_id(name: str) -> str:
    """The campaign id a name gives: its letters without accents, lower case, other
    characters as ``_``, at most 40 (``Ünïon`` gives ``union``)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ident = re.sub(r"[^a-z0-9_]+", "_", plain.lower()).strip("_")[:40] or "campaign"
    return ident if ident[0].isalpha() else f"c_{ident}"[:40]


TITLE_LIMIT = 200
"""The longest title the format takes (a ShortText)."""


def new_campaign_text(name: str, file_name: str) -> str:
    """The new campaign's YAML: ``name`` as its title (printable characters, at most the
    format's limit), its id made from it."""
    words = name.replace("_", " ").replace("-", " ").split()
    title = " ".join("".join(c for c in w if c.isprintable()) for w in words).title()
    title = title.replace('"', "").replace("\\", "").strip()
    if len(title) > TITLE_LIMIT:
        title = title[:TITLE_LIMIT].rsplit(" ", 1)[0] or title[:TITLE_LIMIT]
    return TEMPLATE.format(
        schema=SCHEMA_FILE,
        file=shlex.quote(file_name),
        ident=campaign_id(name),
        title=title or "New Campaign",
    )
