"""Effects: what an event, a choice or an era change does to the world.

In an effect, a state field may say ``player``: the state the player runs in this game.
Effects form a tagged union on ``kind``; no tag value equals a field name, so an error
location that contains the tag can always be told apart from a key in the YAML.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from game.campaign.base import CampaignModel
from game.campaign.types import (
    Condition,
    Flag,
    Formula,
    Identifier,
    ShortText,
    Text,
    Unit,
    Whole,
)

# Re-exported: the format's doctrines are the ones the command line offers.
from game.vocabulary import Doctrine as Doctrine


class Stat(StrEnum):
    """A state's statistic that an ``adjust`` effect can change."""

    power = "power"
    military = "military"
    offense = "offense"
    reach = "reach"
    stability = "stability"
    ideology = "ideology"
    aggression = "aggression"
    """Its personality: readiness to act against weaker neighbours (a change of leader)."""
    caution = "caution"
    """Its personality: reluctance to take risks."""


class EffectModel(CampaignModel):
    """What every effect may say besides its own fields."""

    when: Condition | None = None
    """Only if this condition holds when the effect would apply (read in the world as the
    effects before it left it): an era's changes, an event's or an option's effects that
    depend on what happened ("if the June war was fought")."""


class Pact(StrEnum):
    """The kind of alliance, after ATOP's obligations."""

    defense = "defense"
    offense = "offense"
    neutrality = "neutrality"
    consultation = "consultation"


class Adjust(EffectModel):
    """Change one statistic of a state, by an amount or to a value."""

    kind: Literal["adjust"]
    state: Identifier
    """The state whose statistic changes."""
    stat: Stat
    by: Formula | None = None
    """Add this amount (negative to lower it)."""
    to: Formula | None = None
    """Set the statistic to this value."""

    @model_validator(mode="after")
    def _exactly_one_amount(self) -> Adjust:
        if (self.by is None) == (self.to is None):
            raise ValueError("give exactly one of 'by' or 'to'")
        return self


class HostileAct(EffectModel):
    """``actor`` does something hostile to ``target``: raises its offensive intentions."""

    kind: Literal["hostile_act"]
    actor: Identifier
    target: Identifier
    severity: Unit = 0.5
    """How grave the act is, 0 to 1 (a border incident 0.2, an invasion 1.0)."""
    description: ShortText
    """What happened, in a few words ("the Straits demands")."""
    audience: list[Identifier] | None = None
    """Who learns of it: only these states (with the target and the actor, who always
    know) remember it, in their view of the actor's intentions and in their news; to every
    other state it never happened (a covert operation, a raid only the region hears of).
    Without it, every state hears of it. Version 2."""


class Reassure(EffectModel):
    """``actor`` reassures ``target``: lowers how hostile its record looks to the target."""

    kind: Literal["reassure"]
    actor: Identifier
    target: Identifier
    amount: Unit = 0.3
    description: ShortText


class FormAlliance(EffectModel):
    """Create an alliance (or add members to an existing one with the same id)."""

    kind: Literal["form_alliance"]
    alliance: Identifier
    name: ShortText | None = None
    members: list[Identifier] = Field(min_length=1)
    pact: Pact = Pact.defense
    against: Identifier | None = None
    """The state the alliance exists to face (inferred when omitted)."""
    patron: Identifier | None = None
    """A patron-client pact: the state whose protection the others accept (the Soviet Union
    for the states the Red Army occupied). Its computer-run members never leave it on their
    own, whatever their threats, the clients make no other alliance on their own, and no
    state joins it uninvited; only effects and the player's orders change it. The sides
    may face different threats."""
    binding: Flag = False
    """True makes the alliance binding (an existing one too): its computer-run members never
    leave it on their own, whatever their threats (NATO kept as scenery, a treaty the
    campaign's story needs to stand); only effects and the player's orders end it.
    Version 2."""
    closed: Flag = False
    """True closes the alliance (an existing one too): no state joins it on its own (a
    league with a closed membership): new members come only through ``form_alliance``
    effects; a state that wants a member as its ally signs its own pact with it.
    Version 2."""


class BreakAlliance(EffectModel):
    """Dissolve an alliance, take one state out of it, or take a state out of every
    alliance it is in (a revolution that repudiates the old regime's treaties)."""

    kind: Literal["break_alliance"]
    alliance: Identifier | None = None
    """The alliance; without it, ``state`` leaves every alliance it is in."""
    state: Identifier | None = None
    """Only this member leaves; without it the whole alliance dissolves."""

    @model_validator(mode="after")
    def _alliance_or_state(self) -> BreakAlliance:
        if self.alliance is None and self.state is None:
            raise ValueError("give 'alliance', 'state' or both")
        return self


class RenameAlliance(EffectModel):
    """Give an alliance a new name; its members and history stay (the Baghdad Pact becomes
    CENTO when Iraq leaves)."""

    kind: Literal["rename_alliance"]
    alliance: Identifier
    name: ShortText


class UseGroup(EffectModel):
    """Apply one of the campaign's ``effect_groups``, its effects in order: effects written
    once and used wherever the same thing happens (the June war, whoever starts it)."""

    kind: Literal["group"]
    group: Identifier
    """The group's name, among the campaign's ``effect_groups``."""


class AddState(EffectModel):
    """Bring a declared state (``present: false``) into the world."""

    kind: Literal["add_state"]
    state: Identifier


class RemoveState(EffectModel):
    """Take a state out of the world (conquest, collapse, union)."""

    kind: Literal["remove_state"]
    state: Identifier


class SetDoctrine(EffectModel):
    """Change the doctrine of one state, or of every computer-run state."""

    kind: Literal["set_doctrine"]
    state: Identifier | None = None
    """Without a state, every computer-run state changes doctrine."""
    doctrine: Doctrine


class SetFlag(EffectModel):
    """Set (or clear) a named flag that conditions can test with ``flag("name")``."""

    kind: Literal["set_flag"]
    flag: Identifier
    value: Flag = True


class TextVariant(CampaignModel):
    """Words to use instead when ``when`` holds, so scripted text follows what happened
    (an alliance dissolved, the player leads the coalition). Of an event's or a
    narrative's variants, the first whose condition holds is used; none: the plain text."""

    when: Condition
    title: ShortText | None = None
    """An event's title instead (a narrative has none)."""
    text: Text


class Narrative(EffectModel):
    """Add a line to the news of the turn."""

    kind: Literal["narrative"]
    text: Text
    importance: Whole = Field(default=2, ge=1, le=5)
    """1 (a footnote) to 5 (the headline)."""
    variants: list[TextVariant] = Field(default_factory=list, max_length=9)
    """Other words for other worlds: the first variant whose condition holds."""


class EndGame(EffectModel):
    """End the campaign now."""

    kind: Literal["end_game"]
    outcome: Literal["victory", "defeat", "draw"] = "draw"
    text: Text


Effect = Annotated[
    Adjust
    | HostileAct
    | Reassure
    | FormAlliance
    | BreakAlliance
    | RenameAlliance
    | UseGroup
    | AddState
    | RemoveState
    | SetDoctrine
    | SetFlag
    | Narrative
    | EndGame,
    Field(discriminator="kind"),
]
"""One effect, chosen by its ``kind``."""


def expanded(effects: list[Effect], groups: dict[str, list[Effect]]) -> list[Effect]:
    """``effects`` with each ``group`` effect replaced by the group's effects (a group holds
    no groups: the loader refuses it), for readers that weigh effects one by one."""
    out: list[Effect] = []
    for effect in effects:
        if isinstance(effect, UseGroup):
            out += groups.get(effect.group, [])
        else:
            out.append(effect)
    return out
