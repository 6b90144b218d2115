"""Word lists the extraction rules read: number words, bounds, change verbs, months, stop words.

Kept apart from the rules so a reader can extend the vocabulary without reading regexes.
"""

from __future__ import annotations

import re

from corpuslab.units import unit_key

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "nought": 0, "naught": 0,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Spelled ordinals and the cardinal each stands for. News writes first to tenth as words and as adjectives
# ("the first time"), later ones in digits ("21st"); a spelled ordinal from the eleventh on is read as the
# digits would be ("the twenty-first century", "the two hundredth anniversary").
ORDINAL_UNITS = {
    "first": "one", "second": "two", "third": "three", "fourth": "four", "fifth": "five", "sixth": "six",
    "seventh": "seven", "eighth": "eight", "ninth": "nine",
}  # fmt: skip
ORDINAL_WORDS = {
    "eleventh": "eleven", "twelfth": "twelve", "thirteenth": "thirteen", "fourteenth": "fourteen",
    "fifteenth": "fifteen", "sixteenth": "sixteen", "seventeenth": "seventeen", "eighteenth": "eighteen",
    "nineteenth": "nineteen", "twentieth": "twenty", "thirtieth": "thirty", "fortieth": "forty",
    "fiftieth": "fifty", "sixtieth": "sixty", "seventieth": "seventy", "eightieth": "eighty", "ninetieth": "ninety",
    "hundredth": "hundred", "thousandth": "thousand", "millionth": "million", "billionth": "billion",
    "trillionth": "trillion",
}  # fmt: skip
MAGNITUDES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
# Ordinals from the eleventh on as the denominator of a fraction ("fifty-four hundredths", "a thousandth of"),
# singular and plural; a unit ordinal after a tens word is one denominator ("three twenty-fifths" is 3/25).
LARGE_DENOMINATORS = {
    form: float({**SMALL, **TENS, **MAGNITUDES}[cardinal])
    for word, cardinal in ORDINAL_WORDS.items()
    for form in (word, word + "s")
}
# Vague amounts: "dozens of" is a range from two dozen up to the next order of magnitude.
VAGUE = {
    "dozens": (24.0, 143.0),
    "scores": (40.0, 199.0),
    "tens": (20.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9999.0),
    "millions": (2e6, 9.99e6),
    "billions": (2e9, 9.99e9),
    "trillions": (2e12, 9.99e12),
}

# Words before a number that qualify it, longest first; value is the bound.
BOUNDS_BEFORE = {
    "more than": "over", "over": "over", "above": "over", "in excess of": "over", "upwards of": "over",
    "exceeding": "over", "greater than": "over", "higher than": "over", "just over": "over", "well over": "over",
    "well above": "over", "north of": "over", "beyond": "over", "larger than": "over",
    "at least": "at_least", "no less than": "at_least", "not less than": "at_least", "a minimum of": "at_least",
    "no fewer than": "at_least", "not fewer than": "at_least", "minimum of": "at_least", "as little as": "at_least",
    "less than": "under", "fewer than": "under", "under": "under", "below": "under", "just under": "under",
    "lower than": "under", "shy of": "under", "short of": "under", "just below": "under", "well below": "under",
    "smaller than": "under",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most", "not more than": "at_most",
    "a maximum of": "at_most", "maximum of": "at_most", "as many as": "at_most", "as much as": "at_most",
    "as high as": "at_most", "not exceeding": "at_most", "no greater than": "at_most", "a max of": "at_most",
    "about": "approximate", "around": "approximate", "approximately": "approximate", "roughly": "approximate",
    "some": "approximate", "nearly": "approximate", "almost": "approximate", "close to": "approximate",
    "an estimated": "approximate", "estimated": "approximate", "est.": "approximate", "circa": "approximate",
    "c.": "approximate", "approx.": "approximate", "~": "approximate", "around about": "approximate",
    "nigh on": "approximate", "close on": "approximate", "an average of": "approximate", "on average": "approximate",
    "averaging": "approximate", "roughly about": "approximate", "some estimated": "approximate",
    "an approximate": "approximate", "about an": "approximate", "within": "at_most", "capped at": "at_most",
    "as fast as": "at_most", "as far as": "at_most", "as long as": "at_most", "as large as": "at_most",
    "as big as": "at_most", "as heavy as": "at_most", "as tall as": "at_most", "as deep as": "at_most",
    "as old as": "at_most", "as low as": "at_least", "as few as": "at_least", "as small as": "at_least",
    "less than or equal to": "at_most", "fewer than or equal to": "at_most", "greater than or equal to": "at_least",
    "more than or equal to": "at_least", "<": "under", ">": "over", "≤": "at_most", "≥": "at_least",
    "<=": "at_most", ">=": "at_least",
    # as non-native writers put them ("less or equal than thirty five")
    "less or equal than": "at_most", "less or equal to": "at_most", "lower or equal than": "at_most",
    "smaller or equal than": "at_most", "more or equal than": "at_least", "greater or equal than": "at_least",
    "higher or equal than": "at_least", "larger or equal than": "at_least",
    "exactly": "exact", "precisely": "exact",
    "just": "exact", "a total of": "exact", "totalling": "exact", "totaling": "exact",
}  # fmt: skip
BOUNDS_AFTER = {
    "or more": "at_least",
    "or above": "at_least",
    "or over": "at_least",
    "plus": "at_least",
    "or less": "at_most",
    "or fewer": "at_most",
    "or below": "at_most",
    "or under": "at_most",
    "or so": "approximate",
    "odd": "approximate",
    "-odd": "approximate",
    "+": "at_least",
}

CHANGE_WORD = re.compile(
    r"\b(?:(?P<up>increas\w*|rise[sn]?|rising|rose|grow\w*|grew|climb\w*|jump\w*|gain\w*|surg\w*|soar\w*|"
    r"boost\w*|rais\w*|lift\w*|expand\w*|extend(?:s|ed|ing)?|lengthen\w*|hike[sd]?|hiking|doubl\w*|tripl\w*|"
    r"widen\w*|accelerat\w*|rebound\w*|"
    r"spik\w*|swell\w*|swollen|advanc\w*|improv\w*|add(?:s|ed|ing)?|up|upped|higher|growth|upgrad\w*)"
    r"|(?P<down>decreas\w*|fall(?:s|ing|en)?|fell|drop\w*|declin\w*|cut(?:s|ting)?|reduc\w*|lower\w*|slump\w*|"
    r"plung\w*|tumbl\w*|sank|sink\w*|sunk|shr[aiu]nk\w*|slid(?:e|es|ing)?|slip\w*|dip\w*|contract\w*|"
    r"narrow\w*|eas(?:e|ed|es|ing)|slash\w*|los(?:e|es|ing|t)|loss(?:es)?|down|retreat\w*|collaps\w*|"
    r"plummet\w*|slow\w*|weaken\w*|shorten\w*))\b",
    re.IGNORECASE,
)

# Change words of length that state a change only with "by" or "from ... to": "extended by six months", "the
# term was lengthened from five to seven years", but "extended $3bn in loans", "waters extend 12 miles".
CHANGE_ONLY_WITH_BY = re.compile(r"(?:extend(?:s|ed|ing)?|lengthen\w*|shorten\w*)", re.IGNORECASE)

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")  # fmt: skip
MONTHS = {
    **{name: number for number, name in enumerate(MONTH_NAMES, start=1)},
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Month and day names as capitalised in text: never names of things or places.
CALENDAR_NAMES = frozenset(name.capitalize() for name in (*MONTH_NAMES, *WEEKDAYS))

# Capitalised words that may precede a number without making it part of a name.
FUNCTION_WORDS = frozenset(
    """a an the all and or but of for by at to in on with from into over under about around some nearly almost
    only just these those this that another each every last first next top its their his her our my your
    some roughly approximately more less fewer at least up no not between than as per plus minus after
    before since until during while when where if so then also both either neither nor total estimated
    around of some about further another additional extra nearly over under just only according since
    some was were is are will would be been has have had around within among including like than via
    against toward towards despite following""".split()
)
# Words right before a number that make it part of a name ("Article 5", "flight 370", "sp 500").
NAME_CUES = frozenset(
    """no number nos vol page p pp chapter article section room flight route grade level phase stage season
    episode version""".split()
    # Index names often written without their punctuation or capital ("sp 500", "stoxx 50").
    + "sp stoxx ftse nasdaq nikkei dax cac kospi topix russell nifty sensex poor's poor’s".split()
)
# Words that end a noun phrase when looking for a counted noun.
STOP_WORDS = frozenset(
    """a an the and or but of for by at to in on with from into over under about as than that which who whom
    whose this these those is are was were be been being will would shall should can could may might
    must has have had do does did not no it its their his her our they them he she we you i said says
    say told according per each every while when where if so then also than more less most least very
    such same other another only just even still yet already again ago later earlier before after since
    until during between among across through against toward towards up down out off""".split()
)
# Plural nouns that do not end in -s.
IRREGULAR_PLURALS = frozenset(
    """people children men women police staff personnel cattle data media sheep deer fish aircraft livestock
    troops crew clergy offspring teeth feet mice geese militia youth poultry""".split()
)
# Words ending in -s that are not plural nouns.
NOT_PLURAL = frozenset(
    """is was has does its his this thus us gas plus news less was series species bus status crisis analysis
    basis thesis campus census bonus virus process access progress business congress across always
    perhaps whereas unless as yes its towards afterwards billions millions thousands hundreds dozens
    tens percent""".split()
)

# Words right after a figure (or two words later) that make it an amount of change, with its direction
# ("a 28% increase", "a 10.1 percent year-on-year drop", "29 percent higher", "3 degrees above average").
CHANGE_AFTER = {
    **dict.fromkeys(
        """increase increases rise rises jump gain gains growth hike surge boost uptick rebound increased
        higher greater larger bigger above up warmer hotter faster stronger expansion climb spike premium""".split(),
        "up",
    ),
    **dict.fromkeys(
        """drop drops decline declines fall cut cuts reduction decrease loss slump plunge contraction downturn
        reduced lower fewer smaller below down colder cooler slower weaker dip slide shortfall discount
        decreased""".split(),
        "down",
    ),
}
# After money, these name what the amount is ("a $3bn loss" is a loss of $3bn, as a company reports it), not a
# change of the amount; after a percent they still are ("a 5% loss in value").
MONEY_AMOUNT_AFTER = frozenset(["loss", "losses", "shortfall"])
# A noun of change before "of" and a figure states the amount of the change: "a rise of 5%", "a drop of 0.3
# percentage points". Not "loss": "a loss of $3m" is the amount lost (see MONEY_AMOUNT_AFTER).
CHANGE_NOUNS_BEFORE_OF = {
    **dict.fromkeys(["increase", "increases", "rise", "rises", "growth", "gain", "gains", "jump", "surge", "hike",
                     "boost", "climb", "expansion", "upturn"], "up"),
    **dict.fromkeys(["decrease", "decreases", "fall", "falls", "drop", "drops", "decline", "declines", "cut", "cuts",
                     "reduction", "dip", "slump", "plunge", "slide", "contraction", "downturn"], "down"),
}  # fmt: skip
# Units of time a text may state one of with an article ("for a year", "a decade ago"); pint gives their lengths.
ARTICLE_DURATION_UNITS = ("year", "month", "week", "day", "decade", "century", "hour", "minute", "fortnight")
# Countries whose currency is called dollar, as articles set there name them: the country (first), its people,
# its capital and largest cities (extract.dollars guesses an outlet's "$" from them). Singapore, Hong Kong and
# Taiwan are left out: outlets there write S$, HK$ and NT$, and China's outlets name Hong Kong while writing
# US dollars.
DOLLAR_COUNTRIES = {
    "USD": ("United States", "U.S.", "US", "USA", "America", "American", "Americans", "Washington", "New York"),
    "AUD": ("Australia", "Australian", "Australians", "Canberra", "Sydney", "Melbourne", "Brisbane", "Adelaide",
            "Queensland", "New South Wales", "NSW", "Tasmania"),
    "CAD": ("Canada", "Canadian", "Canadians", "Ottawa", "Toronto", "Montreal", "Vancouver", "Ontario", "Quebec"),
    "NZD": ("New Zealand", "New Zealanders", "Auckland", "Wellington"),
}  # fmt: skip
# Nouns of a quantity that flows, which a period adjective makes a rate ("annual gas output to 180 bcm",
# "daily oil production of 2 million barrels"); an annual report or a daily paper measures no flow.
FLOW_NOUNS = ("output", "production", "capacity", "demand", "consumption", "use", "usage", "supply", "supplies",
              "import", "imports", "export", "exports", "sales", "emissions", "deliveries", "shipments",
              "throughput", "flow", "flows", "volume", "volumes", "generation", "harvest", "catch")  # fmt: skip
# Amounts a phrase names without a numeral: the number it states and the unit that number is in.
NAMED_AMOUNTS = {"absolute zero": (0.0, "kelvin")}
# Verbs that multiply ("quintupled") and the factor they state.
MULTIPLY_VERBS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "quintupl": 5.0, "halv": 0.5}
# Phrasal verbs whose particle is not a change: "make up 20%", "signing up thousands".
# Race events after a distance: "the 100M freestyle", "400M hurdles" are metres, not millions.
RACE_EVENTS = frozenset(
    """freestyle backstroke breaststroke butterfly medley individual hurdles relay sprint dash race final heat
    steeplechase run walk""".split()
)
PHRASAL_BEFORE_PARTICLE = frozenset(
    """make makes made making sign signs signed signing set sets setting pick picks picked picking take takes
    took taken taking break breaks broke broken breaking shut shuts shutting turn turns turned turning back
    backs backed look looks looked looking give gives gave given giving end ends ended ending speak speaks
    spoke put puts putting come comes came coming go goes went going step steps stepped stepping wind winds
    wound round rounded rounding add adds added adding sum sums summed add""".split()
)
# Modifiers allowed between a number and its counted noun ("two other senior executives").
NOUN_MODIFIERS = frozenset(
    """other more additional new separate different extra further major key senior top young old small
    large big main former current oldest youngest eldest best biggest largest""".split()
)


def bound_of(words: str, *, after: bool = False) -> str:
    """The bound a written bound phrase gives, however it is spaced or hyphenated ("a maximum-of")."""
    table = _BOUNDS_AFTER_KEYS if after else _BOUNDS_BEFORE_KEYS
    return table[unit_key(words)]


# Keyed as units are ("a maximum-of" and "a maximum of" are one key).
_BOUNDS_BEFORE_KEYS = {unit_key(k): v for k, v in BOUNDS_BEFORE.items()}
_BOUNDS_AFTER_KEYS = {unit_key(k): v for k, v in BOUNDS_AFTER.items()}
