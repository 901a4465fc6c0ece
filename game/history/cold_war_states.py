"""The states of the Cold War campaign: who they are, and the values no data set gives.

Each entry is a state of ``campaigns/cold_war.yaml`` with its COW code. Aggregate power,
military strength, capitals, borders and the remembered disputes of 1937-1946 are derived
from the shipped COW and MID data by ``game.history.cold_war``; what is set here by hand is
what those data cannot say (offensive orientation, reach, ideology, stability and
personality), each with its reason. The reasons are copied into the campaign file as
comments, so an author reading the YAML sees why a number is what it is.

Scales (the campaign format's): ``offense`` 0 (forces that can only defend) to 1 (built
to attack); ``reach`` in km of power projection; ``ideology`` -1 (the Soviet camp's
position) to 1 (the Western camp's), as a UN ideal point would place it; ``stability`` 0
(collapse) to 1.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StateSpec:
    """One state: its id, COW code, name, region and the hand-set values with their reason."""

    id: str
    cow: int
    name: str
    region: str
    offense: float
    reach: float
    ideology: float
    stability: float
    aggression: float
    caution: float
    why: str
    """The reason and source for the hand-set values."""
    enters: int | None = None
    """The year it enters the state system after 1947 (COW state system membership)."""
    leaves: int | None = None
    """The last year it is in the state system before 1991."""
    global_reach: bool | None = None
    never_allies: tuple[str, ...] = ()
    """States it does not recognise, and so never allies with (``never_allies``)."""
    dossier: str | None = None


# Sources quoted in the reasons (full references in the campaign's `sources`):
# Walt 1987 (The Origins of Alliances), Gaddis 2005 (The Cold War), Westad 2005 (The Global
# Cold War), Leffler 1992 (A Preponderance of Power), Zubok 2007 (A Failed Empire).
STATES: tuple[StateSpec, ...] = (
    StateSpec(
        id="USA",
        cow=2,
        name="United States",
        region="North America",
        offense=0.55,
        reach=10000,
        ideology=0.9,
        stability=0.9,
        aggression=0.3,
        caution=0.5,
        why=(
            "Global reach from 1947: the atomic monopoly to 1949, bombers and the only "
            "navy on every ocean, occupation forces in Germany, Austria, Japan and Korea "
            "and bases from Iceland to Okinawa (Leffler 1992): reach 10,000 km, more with"
            " the Korean War rearmament (an event). Forces built to fight far from home, "
            "a public wary of war: offense 0.55, aggression 0.3."
        ),
        global_reach=True,
        dossier=(
            "The strongest state on Earth: half the world's industry, the only atomic "
            "bomb, a navy on every ocean, and an ocean between it and every rival. Its "
            "power frightens no one nearby; whether the world fears it or the Soviet "
            "Union more is up to you."
        ),
    ),
    StateSpec(
        id="USSR",
        cow=365,
        name="Soviet Union",
        region="Eurasia",
        offense=0.75,
        reach=5000,
        ideology=-0.95,
        stability=0.8,
        aggression=0.5,
        caution=0.5,
        why=(
            "The Red Army in the centre of Europe, the largest land army in the world, "
            "organised for the offensive (Walt 1987, ch. 8; Zubok 2007). Its front line "
            "on the Elbe stood 1,800 km west of Moscow, where distances are measured "
            "from: reach 5,000 km, global once the bomb and the missiles come (events of "
            "1949 and 1957)."
        ),
        dossier=(
            "A continental giant, bled by the war, with the largest army in the world "
            "standing in the middle of Europe. Every neighbour is close enough to fear "
            "it; the question is whether they fear the Americans more."
        ),
    ),
    StateSpec(
        id="CAN",
        cow=20,
        name="Canada",
        region="North America",
        offense=0.2,
        reach=3000,
        ideology=0.8,
        stability=0.95,
        aggression=0.05,
        caution=0.6,
        why=(
            "Demobilised after 1945, a defensive force tied to North American air "
            "defence: the Canada case itself (Walt 1987)."
        ),
    ),
    StateSpec(
        id="CUB",
        cow=40,
        name="Cuba",
        region="Caribbean",
        offense=0.3,
        reach=800,
        ideology=0.4,
        stability=0.5,
        aggression=0.2,
        caution=0.5,
        why="Batista's small army until 1959 (the revolution is an event).",
        never_allies=("USA",),
    ),
    StateSpec(
        id="MEX",
        cow=70,
        name="Mexico",
        region="North America",
        offense=0.15,
        reach=800,
        ideology=0.3,
        stability=0.75,
        aggression=0.05,
        caution=0.6,
        why=("An army for internal order; non-intervention its doctrine (the Estrada doctrine)."),
    ),
    StateSpec(
        id="BRA",
        cow=140,
        name="Brazil",
        region="South America",
        offense=0.25,
        reach=1500,
        ideology=0.5,
        stability=0.6,
        aggression=0.1,
        caution=0.5,
        why=("The largest Latin American army, fought in Italy in 1944-45; defensive since."),
    ),
    StateSpec(
        id="UK",
        cow=200,
        name="United Kingdom",
        region="Western Europe",
        offense=0.4,
        reach=4500,
        ideology=0.8,
        stability=0.85,
        aggression=0.2,
        caution=0.6,
        why=(
            "An empire in retreat, bankrupted by the war: out of India and Greece in 1947"
            " and Palestine in 1948, but still a navy and bases east of Suez (reach 4,500"
            " km, offense 0.4)."
        ),
    ),
    StateSpec(
        id="FRA",
        cow=220,
        name="France",
        region="Western Europe",
        offense=0.45,
        reach=4000,
        ideology=0.6,
        stability=0.55,
        aggression=0.3,
        caution=0.5,
        why=(
            "A colonial army in Indochina and North Africa; the Fourth Republic's weak "
            "governments (stability 0.55)."
        ),
    ),
    StateSpec(
        id="NLD",
        cow=210,
        name="Netherlands",
        region="Western Europe",
        offense=0.25,
        reach=1000,
        ideology=0.8,
        stability=0.85,
        aggression=0.1,
        caution=0.6,
        why="Small forces, fighting the Indonesian revolution to 1949.",
    ),
    StateSpec(
        id="BEL",
        cow=211,
        name="Belgium",
        region="Western Europe",
        offense=0.2,
        reach=800,
        ideology=0.8,
        stability=0.8,
        aggression=0.05,
        caution=0.6,
        why="Small defensive forces; overrun in 1914 and 1940.",
    ),
    StateSpec(
        id="LUX",
        cow=212,
        name="Luxembourg",
        region="Western Europe",
        offense=0.05,
        reach=200,
        ideology=0.8,
        stability=0.9,
        aggression=0.0,
        caution=0.7,
        why="Almost no army.",
    ),
    StateSpec(
        id="ITA",
        cow=325,
        name="Italy",
        region="Southern Europe",
        offense=0.25,
        reach=1200,
        ideology=0.6,
        stability=0.5,
        aggression=0.1,
        caution=0.5,
        why=(
            "A defeated power, its forces limited by the 1947 peace treaty; the largest "
            "communist party in the West (stability 0.5)."
        ),
    ),
    StateSpec(
        id="ESP",
        cow=230,
        name="Spain",
        region="Southern Europe",
        offense=0.3,
        reach=1000,
        ideology=0.4,
        stability=0.7,
        aggression=0.15,
        caution=0.6,
        why=(
            "Franco's army, built for internal order; isolated by the UN from 1946 "
            "(ideology anti-communist but outside the Western democracies)."
        ),
    ),
    StateSpec(
        id="POR",
        cow=235,
        name="Portugal",
        region="Southern Europe",
        offense=0.3,
        reach=1500,
        ideology=0.5,
        stability=0.7,
        aggression=0.15,
        caution=0.6,
        why="Salazar's dictatorship with African colonies; Atlantic bases (the Azores).",
    ),
    StateSpec(
        id="FRG",
        cow=260,
        name="West Germany",
        region="Central Europe",
        offense=0.3,
        reach=800,
        ideology=0.85,
        stability=0.85,
        aggression=0.05,
        caution=0.6,
        why="The Bundeswehr (from 1955) was built for forward defence under NATO command.",
        enters=1955,
    ),
    StateSpec(
        id="GDR",
        cow=265,
        name="East Germany",
        region="Central Europe",
        offense=0.45,
        reach=600,
        ideology=-0.9,
        stability=0.55,
        aggression=0.2,
        caution=0.5,
        why=(
            "The National People's Army, trained for the Warsaw Pact's offensive plans; a"
            " regime that needed a wall (stability 0.55)."
        ),
        enters=1954,
        leaves=1990,
        never_allies=("FRG",),
    ),
    StateSpec(
        id="NOR",
        cow=385,
        name="Norway",
        region="Northern Europe",
        offense=0.15,
        reach=800,
        ideology=0.8,
        stability=0.9,
        aggression=0.05,
        caution=0.7,
        why=("Small defensive forces; occupied 1940-45; a border with the USSR in the Arctic."),
    ),
    StateSpec(
        id="DEN",
        cow=390,
        name="Denmark",
        region="Northern Europe",
        offense=0.1,
        reach=600,
        ideology=0.8,
        stability=0.9,
        aggression=0.05,
        caution=0.7,
        why="Small defensive forces; occupied 1940-45.",
    ),
    StateSpec(
        id="SWE",
        cow=380,
        name="Sweden",
        region="Northern Europe",
        offense=0.2,
        reach=800,
        ideology=0.6,
        stability=0.9,
        aggression=0.05,
        caution=0.4,
        why="Armed neutrality: a strong home-defence force, no alliance since 1814.",
    ),
    StateSpec(
        id="FIN",
        cow=375,
        name="Finland",
        region="Northern Europe",
        offense=0.1,
        reach=500,
        ideology=0.3,
        stability=0.75,
        aggression=0.0,
        caution=0.8,
        why=(
            "Beaten twice by the USSR (1940, 1944); army limited by the 1947 peace "
            "treaty: the weak neighbour of an overwhelming power (Walt's bandwagoning "
            "case)."
        ),
    ),
    StateSpec(
        id="GRE",
        cow=350,
        name="Greece",
        region="Southern Europe",
        offense=0.25,
        reach=600,
        ideology=0.6,
        stability=0.35,
        aggression=0.1,
        caution=0.6,
        why=(
            "In civil war against communist guerrillas supplied from Yugoslavia, Albania "
            "and Bulgaria until 1949 (stability 0.35)."
        ),
    ),
    StateSpec(
        id="TUR",
        cow=640,
        name="Turkey",
        region="Anatolia",
        offense=0.3,
        reach=800,
        ideology=0.6,
        stability=0.7,
        aggression=0.1,
        caution=0.6,
        why=("A large conscript army facing Soviet demands for bases in the Straits (1945-46)."),
        dossier=(
            "A large, poor army guarding the Straits, the one passage from the Black Sea "
            "to the world. Stalin wants bases on the Bosporus and two of your eastern "
            "provinces. Neutral through the war, you must now choose whom to trust."
        ),
    ),
    StateSpec(
        id="POL",
        cow=290,
        name="Poland",
        region="Eastern Europe",
        offense=0.35,
        reach=600,
        ideology=-0.6,
        stability=0.5,
        aggression=0.1,
        caution=0.7,
        why="Rebuilt under Soviet occupation; a communist-led government from 1947.",
    ),
    StateSpec(
        id="CZE",
        cow=315,
        name="Czechoslovakia",
        region="Eastern Europe",
        offense=0.3,
        reach=600,
        ideology=-0.3,
        stability=0.6,
        aggression=0.05,
        caution=0.7,
        why="A coalition government with a strong communist party until the coup of 1948.",
    ),
    StateSpec(
        id="HUN",
        cow=310,
        name="Hungary",
        region="Eastern Europe",
        offense=0.25,
        reach=500,
        ideology=-0.5,
        stability=0.5,
        aggression=0.1,
        caution=0.7,
        why="A defeated Axis state under Soviet occupation.",
    ),
    StateSpec(
        id="ROM",
        cow=360,
        name="Romania",
        region="Eastern Europe",
        offense=0.3,
        reach=600,
        ideology=-0.6,
        stability=0.55,
        aggression=0.1,
        caution=0.7,
        why="A defeated Axis state under Soviet occupation; the king abdicates in 1947.",
    ),
    StateSpec(
        id="BUL",
        cow=355,
        name="Bulgaria",
        region="Eastern Europe",
        offense=0.3,
        reach=500,
        ideology=-0.8,
        stability=0.6,
        aggression=0.1,
        caution=0.7,
        why=("A defeated Axis state under Soviet occupation; the closest of the Soviet allies."),
    ),
    StateSpec(
        id="YUG",
        cow=345,
        name="Yugoslavia",
        region="Balkans",
        offense=0.45,
        reach=800,
        ideology=-0.7,
        stability=0.7,
        aggression=0.3,
        caution=0.4,
        why=(
            "Tito's partisan army, the strongest in the Balkans, and a communist state "
            "that liberated itself (Gaddis 2005)."
        ),
        dossier=(
            "The only communist state in Europe that freed itself. Tito's partisans are "
            "the strongest army in the Balkans, and Stalin expects obedience in return "
            "for nothing. You are communist, proud, and next door to the Soviet bloc: how"
            " close can you stand to Moscow, and how far can you go from it?"
        ),
    ),
    StateSpec(
        id="ALB",
        cow=339,
        name="Albania",
        region="Balkans",
        offense=0.3,
        reach=300,
        ideology=-0.9,
        stability=0.5,
        aggression=0.3,
        caution=0.5,
        why="Hoxha's tiny, militant communist state.",
        never_allies=("USA",),
    ),
    StateSpec(
        id="CHN",
        cow=710,
        name="China",
        region="East Asia",
        offense=0.4,
        reach=1500,
        ideology=-0.2,
        stability=0.2,
        aggression=0.3,
        caution=0.5,
        why=(
            "The largest army in the world in a civil war (stability 0.2) until 1949; the"
            " Nationalist government is a wartime ally of the USA, the communists of the "
            "USSR."
        ),
        never_allies=("USA",),
    ),
    StateSpec(
        id="TAW",
        cow=713,
        name="Taiwan",
        region="East Asia",
        offense=0.3,
        reach=500,
        ideology=0.7,
        stability=0.6,
        aggression=0.2,
        caution=0.6,
        why="The Nationalist government after its retreat in 1949, sworn to return.",
        enters=1949,
        never_allies=("CHN", "USSR"),
    ),
    StateSpec(
        id="MON",
        cow=712,
        name="Mongolia",
        region="East Asia",
        offense=0.1,
        reach=300,
        ideology=-0.9,
        stability=0.7,
        aggression=0.0,
        caution=0.8,
        why="A Soviet client since 1921, squeezed between the USSR and China.",
    ),
    StateSpec(
        id="JPN",
        cow=740,
        name="Japan",
        region="East Asia",
        offense=0.05,
        reach=600,
        ideology=0.7,
        stability=0.8,
        aggression=0.0,
        caution=0.7,
        why="Article 9 of the 1947 constitution: self-defence forces only (offense 0.05).",
        enters=1952,
    ),
    StateSpec(
        id="PRK",
        cow=731,
        name="North Korea",
        region="East Asia",
        offense=0.7,
        reach=500,
        ideology=-0.9,
        stability=0.6,
        aggression=0.6,
        caution=0.3,
        why="Kim Il-sung's army, trained and armed by the USSR for the invasion of 1950.",
        enters=1948,
        never_allies=("USA", "JPN"),
    ),
    StateSpec(
        id="ROK",
        cow=732,
        name="South Korea",
        region="East Asia",
        offense=0.2,
        reach=400,
        ideology=0.7,
        stability=0.4,
        aggression=0.1,
        caution=0.6,
        why="A constabulary army without tanks in 1950.",
        enters=1949,
        never_allies=("PRK", "USSR", "CHN"),
    ),
    StateSpec(
        id="DRV",
        cow=816,
        name="North Vietnam",
        region="Southeast Asia",
        offense=0.6,
        reach=800,
        ideology=-0.8,
        stability=0.6,
        aggression=0.5,
        caution=0.4,
        why="The army that beat France at Dien Bien Phu, committed to unifying Vietnam.",
        enters=1954,
    ),
    StateSpec(
        id="RVN",
        cow=817,
        name="South Vietnam",
        region="Southeast Asia",
        offense=0.2,
        reach=400,
        ideology=0.6,
        stability=0.3,
        aggression=0.1,
        caution=0.6,
        why="A weak regime facing an insurgency (stability 0.3).",
        enters=1954,
        leaves=1975,
        never_allies=("DRV", "USSR", "CHN"),
    ),
    StateSpec(
        id="PHI",
        cow=840,
        name="Philippines",
        region="Southeast Asia",
        offense=0.1,
        reach=500,
        ideology=0.8,
        stability=0.5,
        aggression=0.05,
        caution=0.7,
        why="Independent in 1946, American bases at Clark and Subic; the Huk insurgency.",
    ),
    StateSpec(
        id="THA",
        cow=800,
        name="Thailand",
        region="Southeast Asia",
        offense=0.15,
        reach=500,
        ideology=0.6,
        stability=0.6,
        aggression=0.05,
        caution=0.7,
        why="A small army; a monarchy fearing Chinese and Vietnamese communism.",
    ),
    StateSpec(
        id="INS",
        cow=850,
        name="Indonesia",
        region="Southeast Asia",
        offense=0.3,
        reach=1000,
        ideology=0.0,
        stability=0.4,
        aggression=0.2,
        caution=0.4,
        why="Sukarno's revolutionary army; host of the Bandung conference (1955).",
        enters=1949,
    ),
    StateSpec(
        id="AUS",
        cow=900,
        name="Australia",
        region="Oceania",
        offense=0.3,
        reach=3000,
        ideology=0.8,
        stability=0.9,
        aggression=0.05,
        caution=0.6,
        why=(
            "Expeditionary forces in Korea, Malaya and Vietnam; Japan's war in the "
            "Pacific is its memory of threat."
        ),
    ),
    StateSpec(
        id="IND",
        cow=750,
        name="India",
        region="South Asia",
        offense=0.2,
        reach=1500,
        ideology=0.0,
        stability=0.55,
        aggression=0.1,
        caution=0.5,
        why=("The British Indian Army divided at partition; Nehru's non-alignment (ideology 0)."),
        dossier=(
            "Independent in 1947 and the second most populous state on Earth, poor, "
            "partitioned in blood from Pakistan and bordering China. Nehru wants no part "
            "of the blocs. Can India stay out of the Cold War, and at what price?"
        ),
    ),
    StateSpec(
        id="PAK",
        cow=770,
        name="Pakistan",
        region="South Asia",
        offense=0.4,
        reach=800,
        ideology=0.5,
        stability=0.4,
        aggression=0.4,
        caution=0.5,
        why="Born at war with India over Kashmir (1947-48); its army is its state.",
    ),
    StateSpec(
        id="AFG",
        cow=700,
        name="Afghanistan",
        region="South Asia",
        offense=0.2,
        reach=300,
        ideology=0.0,
        stability=0.45,
        aggression=0.1,
        caution=0.6,
        why="A neutral monarchy with a tribal army, on the Soviet border.",
    ),
    StateSpec(
        id="IRN",
        cow=630,
        name="Iran",
        region="Middle East",
        offense=0.2,
        reach=600,
        ideology=0.5,
        stability=0.45,
        aggression=0.1,
        caution=0.6,
        why=(
            "Soviet troops stayed in the north until 1946 (the Azerbaijan crisis); the "
            "Shah's army grows with American aid."
        ),
    ),
    StateSpec(
        id="IRQ",
        cow=645,
        name="Iraq",
        region="Middle East",
        offense=0.35,
        reach=600,
        ideology=0.3,
        stability=0.35,
        aggression=0.3,
        caution=0.5,
        why=("A Hashemite monarchy tied to Britain until the revolution of 1958 (an event)."),
    ),
    StateSpec(
        id="SYR",
        cow=652,
        name="Syria",
        region="Middle East",
        offense=0.45,
        reach=400,
        ideology=-0.1,
        stability=0.25,
        aggression=0.4,
        caution=0.4,
        why="Coup after coup (stability 0.25); at war with Israel from 1948.",
    ),
    StateSpec(
        id="EGY",
        cow=651,
        name="Egypt",
        region="Middle East",
        offense=0.35,
        reach=1000,
        ideology=0.1,
        stability=0.45,
        aggression=0.3,
        caution=0.5,
        why=("King Farouk's army, beaten by Israel in 1948; British troops on the Suez Canal."),
        dossier=(
            "The largest Arab state, holding the Suez Canal, with British troops still on"
            " its soil and a new Jewish state on its border. Its officers dream of "
            "independence from every empire. Whom will Cairo lean on, and what will it "
            "cost?"
        ),
    ),
    StateSpec(
        id="ISR",
        cow=666,
        name="Israel",
        region="Middle East",
        offense=0.6,
        reach=600,
        ideology=0.6,
        stability=0.7,
        aggression=0.5,
        caution=0.5,
        why=(
            "A citizen army that won its war of independence; a doctrine of pre-emption "
            "from 1956 (offense 0.6)."
        ),
        enters=1948,
        never_allies=("EGY", "SYR", "IRQ", "SAU"),
    ),
    StateSpec(
        id="SAU",
        cow=670,
        name="Saudi Arabia",
        region="Middle East",
        offense=0.1,
        reach=500,
        ideology=0.6,
        stability=0.7,
        aggression=0.05,
        caution=0.7,
        why="A tribal guard and oil; the Dhahran air base leased to the USA.",
    ),
    StateSpec(
        id="ETH",
        cow=530,
        name="Ethiopia",
        region="Horn of Africa",
        offense=0.2,
        reach=500,
        ideology=0.4,
        stability=0.5,
        aggression=0.2,
        caution=0.6,
        why=("Haile Selassie's army, trained by the USA; the revolution of 1974 is an event."),
    ),
    StateSpec(
        id="ANG",
        cow=540,
        name="Angola",
        region="Southern Africa",
        offense=0.3,
        reach=400,
        ideology=-0.6,
        stability=0.2,
        aggression=0.3,
        caution=0.5,
        why=("Independent in 1975 into civil war; the MPLA government backed by Cuban troops."),
        enters=1975,
    ),
)
"""Every state of the campaign, in the order the campaign lists them."""

PLAYABLE = ("USA", "USSR", "TUR", "IND", "YUG", "EGY")
"""The states a player may run: the two superpowers and four middle powers whose choice
between the blocs (or neither) was real."""
