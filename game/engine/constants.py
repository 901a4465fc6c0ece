"""The model's constants in one place, each with the reason for its value.

``docs/theory.md`` lists them with the formulas that use them; the history check calibrates
them, and the values here are the game's defaults.
"""

ENGINE_VERSION = "4"
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

GLOBAL_PROXIMITY = 0.5
"""A rival with global reach is, as a threat, never farther than this: its strike reaches
everywhere. Its forces still fade with distance: help, invasion and bandwagoning use the
conventional proximity, without this floor."""

INTENT_DECAY_PER_YEAR = 0.75
"""How much of a hostile act's weight is left after a year: memories fade (half-life about
2.4 years)."""

INTENT_REPUTATION = 0.2
"""Weight of the worst act against someone else: aggression anywhere is a signal to everyone.
The worst act, not the sum, so a superpower's many quarrels elsewhere do not drown what it
did to you (calibrated on the history check)."""

INTENT_ALLY = 0.3
"""Weight of an act against one of the observer's allies."""

INTENT_SCALE = 1.0
"""Converts remembered hostility into intentions: ``n = 1 - exp(-scale * raw)``."""

INTENT_BASE = 0.04
INTENT_BASE_AGGRESSION = 0.0
"""A state's known disposition: its baseline intentions are base + this x aggression."""

REASSURANCE_WEIGHT = 1.0
"""How strongly a reassurance offsets remembered hostility towards the reassured state."""

MEMORY_CUTOFF = 0.002
"""Acts whose remaining weight falls below this are forgotten."""

# Alignment.
SEEK_THRESHOLD = 0.45
SEEK_CAUTION = 0.15
"""A state seeks allies when its principal threat exceeds SEEK_THRESHOLD - SEEK_CAUTION x
caution: cautious states balance sooner."""

POWER_PARITY = 0.5
"""Balance of power and bandwagon: alarmed when the rival's power share is at least this
(it is at least as strong as the state)."""

SHARE_RATIO = 0.6
"""A partner shares the threat when that rival is its principal threat, or poses it at
least this share of its own principal threat."""

RECEDE_RATIO = 0.7
"""An alliance's threat has receded for a member when it falls below this share of the
member's seeking threshold."""

PATIENCE_TURNS = 2
"""Turns a receded threat must stay low before a member leaves (plus one if cautious)."""

CAUTIOUS_ABOVE = 0.6
"""A state whose caution is above this counts as cautious: it waits longer to leave."""

CAUTIOUS_PATIENCE = 1
"""Turns a cautious state adds to PATIENCE_TURNS before it leaves an alliance."""

WEAK_RATIO = 0.25
"""Bandwagoning: the state's power is below this share of its principal threat's."""

NEAR_PROXIMITY = 0.3
"""Bandwagoning: the threat is at least this close."""

ABLE_HELP = 1.0
"""Bandwagoning: allies within reach could add less than this share of the striking power
the threat can bring to the state."""

APPEASE_LIMIT = 3.0
"""Bandwagoning: not with a threat whose own remembered hostile acts against the state weigh
this much or more, and no state stays allied with a partner whose acts against it weigh
this much. A war's worth of acts (severity 1) in each of two years reaches it (1 + 0.75);
one act alone does not, and fading memories fall back below it."""

HELP_PARTNERS = 2
"""Bandwagoning: besides its allies' help, a state counts the help of this many would-be
partners (the best ones): help it could get at once, not the sum of every sympathiser."""

HELP_PROXIMITY = 0.1
"""A partner, or a helper counted as able help, must be at least this close to the state
(its proximity as the state sees it): a distant sympathiser is no ally (Walt: allies are
chosen for the help they can bring where the threat is)."""

IDEOLOGY_WEIGHT = 0.15
AID_WEIGHT = 0.1
"""Ideology and aid rank partners that already share a threat; they never create an
alignment on their own (Walt: weaker sources of alignment)."""

CONSENT_IDEOLOGY_SHARE = 0.5
"""Share of IDEOLOGY_WEIGHT by which ideological similarity lowers the bar of consent."""

# Neighbours.
NEIGHBOUR_PROXIMITY = 0.7
"""A state at least this close is a neighbour: it notes an arms build-up, or can be pressed."""

# AI actions, per year of game time.
AI_BUILDUP_THRESHOLD = 0.4
"""An AI state arms when the threat from its principal rival exceeds this."""

AI_BUILDUP_CHANCE = 0.3
"""Yearly chance of an AI build-up, before caution adds to it."""

AI_BUILDUP_CAUTION = 0.5
"""How much caution adds to the yearly chance of an AI build-up (chance + this x caution)."""

AI_BUILDUP_RATE = 0.04
"""An AI build-up multiplies its military by 1 + this."""

AI_AGGRESSION_CHANCE = 0.3
"""Yearly chance of pressing a weaker neighbour, times aggression."""

AI_PRESSURE_SEVERITY = 0.2
AI_PRESSURE_AGGRESSION = 0.4
"""Severity of an AI state's pressure: this base + AI_PRESSURE_AGGRESSION x aggression."""

AI_PRESSURE_WEAKER = 0.8
"""An AI state presses only a neighbour whose power is below this share of its own."""

AI_AID_CHANCE = 0.3
"""Yearly chance that a top power sends military aid to a client."""

AI_AID_TOP_SHARE = 0.25
"""Only this top share of the states by power (at least one) aid clients."""

AI_AID_GAIN = 0.03
"""AI military aid multiplies the client's military by 1 + this."""

AI_AID_RECEIVED = 0.5
"""Aid received that AI military aid records for the client (it ranks partners by it)."""

AI_REASSURE_CHANCE = 0.4
"""Yearly chance that an unaggressive state reassures a worried neighbour."""

AI_REASSURE_AGGRESSION = 0.3
"""An AI state is unaggressive enough to reassure when its aggression is below this."""

AI_REASSURE_INTENTIONS = 0.3
"""It reassures only a state whose intentions towards it it rates below this (not a foe)."""

AI_REASSURE_STRENGTH = 0.3
"""Weight of an AI state's reassurance (an act's severity, offsetting hostility)."""

# The player's actions: costs in action points, and effects.
ALLY_COST = 2
"""Action points an alliance proposal costs."""

BREAK_COST = 1
"""Action points breaking with a state costs."""

GUARANTEE_COST = 2
"""Action points a guarantee costs."""

AID_COST = 1
"""Action points each point of aid costs."""

BUILDUP_COST = 2
"""Action points an arms build-up costs."""

POSTURE_COST = 1
"""Action points a change of posture costs."""

REASSURE_COST = 1
"""Action points a reassurance costs."""

THREATEN_COST = 1
"""Action points a threat costs."""

SANCTION_COST = 2
"""Action points sanctions cost."""

INTERVENE_COST = 3
"""Action points an armed intervention costs."""

INTEL_COST = 1
"""Action points gathering intelligence costs."""

AID_MAX_AMOUNT = 3
"""Most points of aid one order can send."""

AID_MILITARY_GAIN = 0.04
"""Military aid multiplies the recipient's military by 1 + this x amount."""

AID_STABILITY_GAIN = 0.03
"""Economic aid adds this x amount to the recipient's stability (at most 1)."""

AID_POWER_GAIN = 0.01
"""Economic aid multiplies the recipient's power by 1 + this x amount."""

AID_RECEIVED = 0.25
"""Aid received recorded per point of the player's aid (it ranks and wins partners)."""

BUILDUP_RATE = 0.08
"""The player's arms build-up multiplies its military by 1 + this."""

BUILDUP_SEVERITY = 0.05
"""Severity of the hostile act every neighbour notes from a build-up (security dilemma)."""

POSTURE_DEFENSIVE = 0.3
"""Offensive orientation of a defensive posture."""

POSTURE_OFFENSIVE = 0.8
"""Offensive orientation of an offensive posture."""

REASSURE_STRENGTH = 0.3
"""Weight of the player's reassurance (an act's severity, offsetting hostility)."""

THREATEN_SEVERITY = 0.3
"""Severity of the hostile act a threat is."""

SANCTION_SEVERITY = 0.2
"""Severity of the hostile act sanctions are."""

SANCTION_POWER_LOSS = 0.02
"""Sanctions multiply the target's power by 1 - this."""

SANCTION_STABILITY_LOSS = 0.03
"""Sanctions take this from the target's stability (not below 0)."""

INTERVENE_SEVERITY = 0.8
"""Severity of the hostile act an armed intervention is."""

INTERVENE_MILITARY_LOSS = 0.1
"""An intervention multiplies the target's military by 1 - this."""

INTERVENE_STABILITY_LOSS = 0.1
"""An intervention takes this from the target's stability (not below 0)."""

ABANDON_THREAT = 0.4
"""Breaking with an ally whose worst threat is at least this costs ABANDON_PENALTY."""

# Scoring (docs/scoring.md).
SECURITY_POINTS = 1000
"""Points for full security on every turn."""

SECURITY_SPAN = 0.4
"""Security is measured against the opening threat (the principal threat the player's
state faced standing alone as the game opened): each turn, a net threat this share below
it scores full security, this share above it none, the opening threat itself half."""

SECURITY_SPAN_FLOOR = 0.05
"""That band's half-width in threat is never narrower than this (a state that opens almost
unthreatened would otherwise swing from full to nothing on a breath of threat)."""

INFLUENCE_POINTS = 500
"""Points for full influence on every turn."""

OBJECTIVE_POINTS = 500
"""Points for every objective that counts for the player; each is worth its share of the
campaign's points for that player."""

COALITION_POINTS = 1200
"""Points lost if all the others' power, none of it against the player as the game opened,
balanced against it on every turn. Influence counts allied power doubled (full at half the
others' power: 1000 points per unit of share), so this is more: power provoked into a
coalition costs more than the same power won as allies gains."""

WAR_PENALTY = 60
"""Points lost per armed intervention the campaign did not ask for (a war started)."""

ABANDON_PENALTY = 40
"""Points lost per ally abandoned while it faced a serious threat (ABANDON_THREAT)."""

GRADES = ((0.8, "A"), (0.65, "B"), (0.5, "C"), (0.35, "D"), (0.0, "F"))
"""Grade thresholds on the total score as a share of the best possible, highest first."""
