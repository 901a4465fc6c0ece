"""The model's constants in one place, each with the reason for its value.

``docs/theory.md`` lists them with the formulas that use them; the history check calibrates
them, and the values here are the game's defaults.
"""

ENGINE_VERSION = "1"
"""Bumped whenever a rule change would make an old replay re-simulate differently."""

QUANTUM = 6
"""Decimals kept at turn boundaries, so float noise can never change a later decision."""

FACTOR_FLOOR = 0.01
"""No factor of threat is ever exactly zero: the geometric mean stays defined and every
element of threat keeps a say."""

SEA_BORDER_PROXIMITY = 0.75
"""A sea border brings a rival close, but water still stops armies (Mearsheimer's
'stopping power of water'): less than a land border's 1.0."""

NON_STATE_PROXIMITY = 0.7
"""A non-state actor has no capital; it is treated as near everyone it can strike. This is
where the theory fits badly, and the game says so."""

GLOBAL_REACH_KM = 6000.0
"""A rival whose reach is at least this counts as a global power: an era's
``global_proximity`` weight applies to its proximity."""

INTENT_DECAY_PER_YEAR = 0.75
"""How much of a hostile act's weight is left after a year: memories fade (half-life about
2.4 years)."""

INTENT_REPUTATION = 0.1
"""Weight of the worst act against someone else: aggression anywhere is a signal to everyone.
The worst act, not the sum, so a superpower's many quarrels elsewhere do not drown what it
did to you (calibrated on the history check)."""

INTENT_ALLY = 0.6
"""Weight of an act against one of the observer's allies."""

INTENT_SCALE = 0.2
"""Converts remembered hostility into intentions: ``n = 1 - exp(-scale * raw)``."""

INTENT_BASE = 0.04
INTENT_BASE_AGGRESSION = 0.0
"""A state's known disposition: its baseline intentions are base + this x aggression."""

REASSURANCE_WEIGHT = 1.0
"""How strongly a reassurance offsets remembered hostility towards the reassured state."""

MEMORY_CUTOFF = 0.002
"""Acts whose remaining weight falls below this are forgotten."""

# Alignment.
SEEK_THRESHOLD = 0.35
SEEK_CAUTION = 0.15
"""A state seeks allies when its principal threat exceeds SEEK_THRESHOLD - SEEK_CAUTION x
caution: cautious states balance sooner."""

SHARE_RATIO = 0.8
"""A partner shares the threat when that rival is its principal threat, or poses it at
least this share of its own principal threat."""

RECEDE_RATIO = 0.7
"""An alliance's threat has receded for a member when it falls below this share of the
member's seeking threshold."""

PATIENCE_TURNS = 2
"""Turns a receded threat must stay low before a member leaves (plus one if cautious)."""

WEAK_RATIO = 0.25
"""Bandwagoning: the state's power is below this share of its principal threat's."""

NEAR_PROXIMITY = 0.3
"""Bandwagoning: the threat is at least this close."""

ABLE_HELP = 1.0
"""Bandwagoning: allies within reach could add less than this share of the striking power
the threat can bring to the state."""

APPEASE_LIMIT = 10.0
"""Bandwagoning: not with a threat whose own remembered hostile acts against the state weigh
this much or more (siding with a proven aggressor is the rarest choice)."""

IDEOLOGY_WEIGHT = 0.15
AID_WEIGHT = 0.1
"""Ideology and aid rank partners that already share a threat; they never create an
alignment on their own (Walt: weaker sources of alignment)."""

# AI actions, per year of game time.
AI_BUILDUP_THRESHOLD = 0.4
AI_BUILDUP_RATE = 0.04
AI_AGGRESSION_CHANCE = 0.3
AI_AID_CHANCE = 0.3
AI_REASSURE_CHANCE = 0.4

# Scoring.
SECURITY_POINTS = 1000
INFLUENCE_POINTS = 500
WAR_PENALTY = 60
ABANDON_PENALTY = 40
GRADES = ((0.8, "A"), (0.65, "B"), (0.5, "C"), (0.35, "D"), (0.0, "F"))
