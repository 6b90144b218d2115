"""Units, scale words and currencies: one registry, domain units defined once.

Physical units convert through pint, with the energy-reporting units it lacks
(bcm, tcm, mcm, bcf, mtoe, tce, MMBtu, the 42-gallon oil barrel) defined here. Every
figure's ``value`` is in the canonical unit of its kind, so "50 bcm a year" and
"50 billion cubic meters annually" carry the same value and unit.

Examples
--------
>>> canonical("bcm", per="year")
('volume_rate', 'cubic_meter_per_year', 1000000000.0)
>>> format_value(5e10, "cubic_meter_per_year")
'50 bcm/y'
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from corpuslab.progress import quiet

if TYPE_CHECKING:
    import pint

# Domain units pint does not know, in pint's definition syntax.
DEFINITIONS = (
    "bcm = 1e9 * meter ** 3",
    "tcm = 1e12 * meter ** 3",
    "mcm = 1e6 * meter ** 3",
    "bcf = 1e9 * foot ** 3",
    "tcf = 1e12 * foot ** 3",
    "mmcf = 1e6 * foot ** 3",
    "toe = 41.868 * gigajoule",
    "mtoe = 1e6 * toe",
    "tce = 29.3076 * gigajoule",
    "MMBtu = 1e6 * Btu",
    "boe = 6.1178632 * gigajoule",
    "mt = 1e6 * tonne",
    "bbl = oil_barrel",
    "mbd = 1e6 * oil_barrel / day",
    "kbd = 1e3 * oil_barrel / day",
    "mtpa = 1e6 * tonne / year",
    # pint's "decade" is a logarithmic ratio, not ten years.
    "yr_decade = 10 * year",
    "yr_century = 100 * year",
    # "PS" (Pferdestärke) is the metric horsepower car makers quote.
    "PS = 735.49875 * watt",
)

# Canonical unit of each physical kind: (name used in tables, pint expression).
CANONICAL_UNITS: dict[str, tuple[str, str]] = {
    "volume": ("cubic_meter", "meter ** 3"),
    "mass": ("kilogram", "kilogram"),
    "energy": ("joule", "joule"),
    "power": ("watt", "watt"),
    "length": ("meter", "meter"),
    "area": ("square_meter", "meter ** 2"),
    "speed": ("meter_per_second", "meter / second"),
    "temperature": ("degree_celsius", "degC"),
    "data": ("byte", "byte"),
    "duration": ("day", "day"),
    "age": ("year", "year"),
    "data_rate": ("bit_per_second", "bit / second"),
    # Torque has the dimensions of energy, and pint's bits are dimensionless (so hertz looks like bits per
    # second): these kinds are reached only by words declared with them (see canonical's kind).
    "torque": ("newton_meter", "newton * meter"),
    "frequency": ("hertz", "hertz"),
    "charge": ("coulomb", "coulomb"),
    "fuel_economy": ("kilometer_per_liter", "kilometer / liter"),
    "concentration": ("kilogram_per_cubic_meter", "kilogram / meter ** 3"),
}
# Kinds a unit word names outright (no per-period variant), whatever its dimensions.
DECLARED_KINDS = frozenset(["torque", "frequency", "data_rate", "charge", "fuel_economy", "concentration"])
# Kinds that become a rate kind when a time denominator follows ("50 bcm a year").
RATE_KINDS = {"volume": "volume_rate", "mass": "mass_rate", "energy": "energy_rate"}
PERIOD_YEARS = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25, "hour": 1 / 8766.0}

# Plain (non-pint) units: kinds whose unit is a word.
PLAIN_UNITS = {
    "percent": "percent",
    "percentage_points": "percentage_point",
    "multiple": "times",
    "count": "count",
    "number": "number",
    "ordinal": "ordinal",
    "date": "date",
    "year": "calendar_year",
    "rate": "per_unit",
}

SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "tr": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "mil": 1e6, "t": 1e12, "tln": 1e12, "dozen": 12.0,
    "dozens": 12.0, "doz": 12.0, "dozs": 12.0, "dz": 12.0, "dzs": 12.0,  # "3 dozens", "5 doz eggs"
    "mm": 1e6,  # "$5MM": finance writes a million as MM, a thousand thousands (read only after money)
}  # fmt: skip


@dataclass(frozen=True)
class UnitWord:
    """A unit as it may be written: its pint expression (or plain unit) and kind."""

    pint: str | None
    kind: str


# Written forms -> unit. Keys are lower-case unless case matters (MW vs mW is not an issue in
# news, but "M" alone is a scale word, so only multi-letter symbols are listed).
UNIT_WORDS: dict[str, UnitWord] = {}


def _add(kind: str, expr: str | None, *surfaces: str) -> None:
    for s in surfaces:
        UNIT_WORDS[s] = UnitWord(expr, kind)


_add("volume", "bcm", "bcm")
_add("volume", "bcm / year", "bcm/y", "bcm/yr", "bcma", "bcm/a")
_add("volume", "tcm", "tcm")
_add("volume", "mcm", "mcm", "mmcm")
_add("volume", "bcf", "bcf")
_add("volume", "tcf", "tcf")
_add("volume", "mmcf", "mmcf")
_add("volume", "meter ** 3", "cubic meters", "cubic metres", "cubic meter", "cubic metre", "cu m", "m3", "m³", "cm3")
_add("volume", "foot ** 3", "cubic feet", "cubic foot", "cu ft")
_add("volume", "meter ** 3", "m^3")
_add(
    "volume",
    "kilometer ** 3",
    "cubic kilometres",
    "cubic kilometers",
    "cubic kilometre",
    "cubic kilometer",
    "km3",
    "km³",
)
_add("volume", "kilometer ** 3", "km^3", "cu km")
_add("volume", "oil_barrel", "barrels", "barrel", "bbl", "bbls")
_add("volume", "liter", "litres", "liters", "litre", "liter")
_add("volume", "gallon", "gallons", "gallon")
_add("volume", "milliliter", "millilitres", "milliliters", "millilitre", "milliliter", "ml")
# Kitchen measures in recipes ("½ tbsp of salt"); "cup" is left out: "won 3 cups" in sports news is trophies.
_add("volume", "tablespoon", "tablespoons", "tablespoon", "tbsp", "tbsps")
_add("volume", "teaspoon", "teaspoons", "teaspoon", "tsp", "tsps")
_add("volume", "oil_barrel / day", "b/d", "bpd", "bopd", "barrels per day", "barrels a day", "barrels/day")
_add("volume", "mbd", "mb/d", "mbd", "mbpd", "mmb/d", "mmbd", "million b/d")
_add("volume", "kbd", "kb/d", "kbd", "kbpd")
_add("mass", "tonne", "tonnes", "tonne", "metric tons", "metric ton", "tons", "ton", "t")
_add("mass", "mt", "mt", "mmt")
_add("mass", "mtpa", "mtpa", "mtpy", "mmtpa")
_add("mass", "kilogram", "kilograms", "kilogram", "kilogrammes", "kilogramme", "kilos", "kilo", "kg", "kgs")
_add("mass", "gram", "grams", "gram", "grammes", "gramme", "g")
_add("mass", "milligram", "milligrams", "milligram", "milligrammes", "milligramme", "mg")
_add("mass", "microgram", "micrograms", "microgram", "µg", "μg", "mcg")
_add("mass", "pound", "lb", "lbs")
_add("mass", "ounce", "ounces", "ounce", "oz")
_add("energy", "watt_hour", "wh", "watt-hours", "watt hours", "watt-hour", "watt hour")
_add("energy", "kilowatt_hour", "kwh", "kilowatt-hours", "kilowatt hours", "kilowatt-hour", "kilowatt hour")
_add("energy", "megawatt_hour", "mwh", "megawatt-hours", "megawatt hours", "megawatt-hour", "megawatt hour")
_add("energy", "gigawatt_hour", "gwh", "gigawatt-hours", "gigawatt hours", "gigawatt-hour", "gigawatt hour")
_add("energy", "terawatt_hour", "twh", "terawatt-hours", "terawatt hours", "terawatt-hour", "terawatt hour")
_add("energy", "joule", "joules", "joule")
_add("energy", "gigajoule", "gj", "gigajoules")
_add("energy", "petajoule", "pj", "petajoules")
_add("energy", "exajoule", "ej", "exajoules")
_add("energy", "MMBtu", "mmbtu", "mmbtus", "million btu", "million british thermal units")
_add("energy", "Btu", "btu", "btus", "british thermal units")
_add("energy", "toe", "toe", "tonnes of oil equivalent", "tons of oil equivalent")
_add("energy", "mtoe", "mtoe")
_add(
    "energy",
    "tce",
    "tce",
    "tonnes of coal equivalent",
    "tons of coal equivalent",
    "tons of standard coal equivalent",
    "tonnes of standard coal equivalent",
    "tons of standard coal",
    "tonnes of standard coal",
)
_add("energy", "boe", "boe", "barrels of oil equivalent")
_add("energy", "kilocalorie", "kcal", "calories", "kilocalories")
_add("power", "watt", "watts", "watt", "w")
_add("power", "kilowatt", "kilowatts", "kilowatt", "kw")
_add("power", "megawatt", "megawatts", "megawatt", "mw", "mwe")
_add("power", "gigawatt", "gigawatts", "gigawatt", "gw", "gwe")
_add("power", "terawatt", "terawatts", "terawatt", "tw")
_add("power", "horsepower", "horsepower", "hp", "bhp")
_add("power", "PS", "metric horsepower")
_add("length", "kilometer", "kilometres", "kilometers", "kilometre", "kilometer", "km", "kms")
_add("length", "meter", "metres", "meters", "metre", "meter", "m")
_add("length", "centimeter", "centimetres", "centimeters", "centimetre", "centimeter", "cm")
_add("length", "millimeter", "millimetres", "millimeters", "millimetre", "millimeter", "mm")
_add("length", "micrometer", "micrometres", "micrometers", "micrometre", "micrometer", "microns", "micron")
_add("length", "nanometer", "nanometres", "nanometers", "nanometre", "nanometer")
_add("length", "mile", "miles", "mile", "mi")
_add("length", "nautical_mile", "nautical miles", "nautical mile", "nm")
_add("length", "foot", "feet", "foot", "ft")
_add("length", "inch", "inches", "inch", "in")
_add("length", "yard", "yards", "yard", "yd")
_add("length", "light_year", "light-years", "light years", "light-year", "light year")
_add(
    "area",
    "kilometer ** 2",
    "square kilometres",
    "square kilometers",
    "square kilometre",
    "square kilometer",
    "sq km",
    "km2",
    "km²",
)
_add("area", "kilometer ** 2", "km^2")
_add("area", "meter ** 2", "m^2")
_add("area", "meter ** 2", "square metres", "square meters", "square metre", "square meter", "sq m", "m2", "m²")
_add("area", "mile ** 2", "square miles", "square mile", "sq mi")
_add("area", "foot ** 2", "square feet", "square foot", "sq ft")
_add("area", "hectare", "hectares", "hectare", "ha")
_add("area", "acre", "acres", "acre")
_add("speed", "kilometer / hour", "km/h", "kph", "kmh", "km per hour", "kilometres per hour", "kilometers per hour")
_add("speed", "kilometer / hour", "kmph", "km/hr", "kilometres an hour", "kilometers an hour", "km an hour")
# News writes the unit singular before "per" or "an" as often as plural ("80 kilometre an hour").
_add("speed", "kilometer / hour", "kilometre per hour", "kilometer per hour", "kilometre an hour", "kilometer an hour")
_add("speed", "mile / hour", "mph", "miles per hour", "miles an hour", "mile per hour", "mile an hour")
_add("speed", "meter / second", "m/s", "metres per second", "meters per second", "metre per second", "meter per second")
_add("speed", "knot", "knots", "knot")
_add(
    "temperature",
    "degC",
    "°c",
    "degrees celsius",
    "degrees centigrade",
    "degree celsius",
    "c",
    "degrees c",
    "celsius",
    "centigrade",
    "deg c",
    "deg celsius",
    "degrees",
    "°",
)
_add("temperature", "kelvin", "kelvin", "kelvins", "degrees kelvin")  # not "K": "$5K" is five thousand
_add("temperature", "degF", "°f", "degrees fahrenheit", "degree fahrenheit", "f", "fahrenheit", "deg f", "degrees f")
_add("data", "gigabyte", "gb", "gigabytes")
_add("data", "terabyte", "tb", "terabytes")
_add("data", "megabyte", "megabytes")
_add("data", "petabyte", "pb", "petabytes")
_add("data", "exabyte", "exabytes", "exabyte")
_add("data", "kilobyte", "kilobytes", "kilobyte")
_add("data_rate", "kilobit / second", "kbps", "kbit/s", "kilobits per second")
_add("data_rate", "megabit / second", "mbps", "mbit/s", "megabits per second")
_add("data_rate", "gigabit / second", "gbps", "gbit/s", "gigabits per second")
_add("frequency", "hertz", "hz", "hertz")
_add("frequency", "kilohertz", "khz", "kilohertz")
_add("frequency", "megahertz", "mhz", "megahertz")
_add("frequency", "gigahertz", "ghz", "gigahertz")
_add("charge", "milliampere * hour", "mah", "milliamp-hours", "milliampere-hours")
_add("charge", "ampere * hour", "amp-hours", "ampere-hours")
_add("fuel_economy", "mile / gallon", "mpg", "miles per gallon")
_add("fuel_economy", "kilometer / liter", "km/l", "kmpl", "kilometres per litre", "kilometers per liter")
_add("concentration", "milligram / deciliter", "mg/dl")
_add("concentration", "milligram / liter", "mg/l")
_add("concentration", "microgram / meter ** 3", "µg/m3", "μg/m3", "µg/m³", "μg/m³", "micrograms per cubic metre")
_add("torque", "foot * force_pound", "lb-ft", "lb ft", "lb.-ft.", "pound-feet", "pound-foot", "ft-lb", "ft lb")
_add("torque", "newton * meter", "newton-metres", "newton-meters", "newton metres", "newton meters")
# Rates of a counted thing per game or match (sports statistics); their unit names are in PLAIN_RATE_UNITS.
_add("rate", None, "ppg", "points per game", "rpg", "rebounds per game", "apg", "assists per game")
_add("rate", None, "goals per game", "goals per match")
_add("duration", "second", "seconds", "second", "secs", "sec")
_add("duration", "minute", "minutes", "minute", "mins", "min")
_add("duration", "hour", "hours", "hour", "hrs", "hr", "h")
_add("duration", "day", "days", "day")
_add("duration", "week", "weeks", "week", "wk")
_add("duration", "month", "months", "month")
_add("duration", "year", "years", "year", "yrs", "yr")
_add("duration", "yr_decade", "decades", "decade")
_add("duration", "yr_century", "centuries", "century")
_add("percent", None, "%", "percent", "per cent", "pct", "per-cent", "a per cent", "a percent")
_add(
    "percentage_points",
    None,
    "percentage points",
    "percentage point",
    "pp",
    "ppt",
    "pps",
    "basis points",
    "basis point",
    "bps",
    "bp",
    # after a fraction or a decimal: "half a percentage point", "0.25 of a per cent", "a quarter-point"
    "of a percentage point",
    "of one percentage point",
    "a percentage point",
    "of a per cent",
    "of a percent",
    "of one per cent",
    "of one percent",
    "of a point",
    "a point",
    "point",
)
_add("multiple", None, "times", "fold", "x")

# Unit words whose case tells them apart from another unit ("Nm" torque, "nm" nautical miles; "PS" power,
# "MB" megabytes): read only as written, glued or after a space.
CASED_UNIT_WORDS: dict[str, UnitWord] = {
    "Nm": UnitWord("newton * meter", "torque"),
    "PS": UnitWord("PS", "power"),
    "MB": UnitWord("megabyte", "data"),
    "kW": UnitWord("kilowatt", "power"),
    "L": UnitWord("liter", "volume"),
    "Ah": UnitWord("ampere * hour", "charge"),
    "Mb/s": UnitWord("megabit / second", "data_rate"),
    "Gb/s": UnitWord("gigabit / second", "data_rate"),
    # Electronvolts in physics news ("collisions at 13 TeV"); in any other case "EV" is an electric vehicle.
    "eV": UnitWord("electron_volt", "energy"),
    "keV": UnitWord("kiloelectron_volt", "energy"),
    "MeV": UnitWord("megaelectron_volt", "energy"),
    "GeV": UnitWord("gigaelectron_volt", "energy"),
    "TeV": UnitWord("teraelectron_volt", "energy"),
}
# Canonical unit of each plain rate word (kind ``rate``).
PLAIN_RATE_UNITS = {
    "ppg": "point_per_game", "points per game": "point_per_game", "rpg": "rebound_per_game",
    "rebounds per game": "rebound_per_game", "apg": "assist_per_game", "assists per game": "assist_per_game",
    "goals per game": "goal_per_game", "goals per match": "goal_per_game",
}  # fmt: skip

# Basis points are hundredths of a percentage point.
PLAIN_FACTORS = {"basis points": 0.01, "basis point": 0.01, "bps": 0.01, "bp": 0.01}

# Currency: symbols, words and ISO 4217 codes.
CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB",
    "₹": "INR", "₩": "KRW", "₺": "TRY", "₴": "UAH", "₦": "NGN", "Rs": "INR", "Rs.": "INR", "RMB": "CNY",
    "RM": "MYR", "Rp": "IDR", "NT$": "TWD", "₱": "PHP", "$US": "USD", "$A": "AUD", "$NZ": "NZD",
}  # fmt: skip
# Letter symbols and codes that may be glued to the digits ("USD10m", "RM23.50", "Rs500"; "$US1,000" and
# "$A500" as Australian and New Zealand papers write them): the digits are then a figure, not part of a code
# such as A320.
GLUED_CURRENCY_LETTERS = frozenset(["RM", "Rp", "Rs", "RMB", "$US", "$A", "$NZ"])
# Subunits: written word -> (currency, value of one in the main unit). "p" is read only glued ("50p").
CURRENCY_SUBUNITS = {
    "cents": ("USD", 0.01), "cent": ("USD", 0.01), "pence": ("GBP", 0.01), "penny": ("GBP", 0.01),
    "p": ("GBP", 0.01), "sen": ("MYR", 0.01), "kopecks": ("RUB", 0.01), "paise": ("INR", 0.01),
}  # fmt: skip
# The one name a subunit is recorded under where it is written another way ("50p", "a penny": "pence";
# "99 cents": "cent"); every other subunit keeps the word as written.
SUBUNIT_NAMES = {"p": "pence", "penny": "pence", "cents": "cent"}
# What a price is quoted per ("$84.50 a barrel", "$3/MMBtu"): written word -> the name in the unit
# (``USD_per_barrel``). Prices keep their denominator: a barrel price is compared with barrel prices.
PER_UNITS = {
    "barrel": "barrel", "barrels": "barrel", "bbl": "barrel",
    "gallon": "gallon", "gal": "gallon",
    "litre": "liter", "liter": "liter",
    "mmbtu": "MMBtu", "million btu": "MMBtu",
    "tonne": "tonne", "ton": "tonne", "metric ton": "tonne", "t": "tonne",
    "kg": "kilogram", "kilogram": "kilogram", "kilo": "kilogram",
    "lb": "pound", "pound": "pound",
    "ounce": "ounce", "oz": "ounce", "troy ounce": "ounce",
    "share": "share",
    "kwh": "kilowatt_hour", "kilowatt-hour": "kilowatt_hour", "kilowatt hour": "kilowatt_hour",
    "mwh": "megawatt_hour", "megawatt-hour": "megawatt_hour", "megawatt hour": "megawatt_hour",
    "bushel": "bushel",
    "square foot": "square_foot", "sq ft": "square_foot",
    "square metre": "square_meter", "square meter": "square_meter", "sq m": "square_meter",
    "head": "person", "person": "person", "capita": "person",
}  # fmt: skip
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "sterling": "GBP", "pound": "GBP", "yuan": "CNY", "renminbi": "CNY", "rubles": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "yen": "JPY", "rupees": "INR", "rupee": "INR",
    "won": "KRW", "pesos": "MXN", "francs": "CHF", "swiss francs": "CHF", "lira": "TRY", "liras": "TRY",
    "hryvnias": "UAH", "hryvnia": "UAH", "riyals": "SAR", "rand": "ZAR", "naira": "NGN", "dirhams": "AED",
    "shekels": "ILS", "tenge": "KZT", "reais": "BRL", "baht": "THB", "ringgit": "MYR", "pounds": "GBP",
    "us dollar": "USD", "u.s. dollar": "USD",
    "australian dollars": "AUD", "australian dollar": "AUD",
    "canadian dollars": "CAD", "canadian dollar": "CAD",
    "hong kong dollars": "HKD", "hong kong dollar": "HKD",
    "new zealand dollars": "NZD", "new zealand dollar": "NZD",
    "singapore dollars": "SGD", "singapore dollar": "SGD",
    "taiwan dollars": "TWD", "new taiwan dollars": "TWD",
    "chinese yuan": "CNY",
    "japanese yen": "JPY",
    "indian rupees": "INR",
    "pakistani rupees": "PKR",
    "mexican pesos": "MXN", "mexican peso": "MXN",
    "philippine pesos": "PHP",
    "turkish lira": "TRY", "turkish liras": "TRY",
    "south african rand": "ZAR",
    "brazilian reais": "BRL",
    "egyptian pounds": "EGP",
    # Crowns: "kronor"/"krona" are Swedish only; the bare "kroner"/"krone" may be Norwegian or Danish.
    "kronor": "SEK", "krona": "SEK", "swedish kronor": "SEK", "swedish krona": "SEK",
    "norwegian kroner": "NOK", "norwegian krone": "NOK", "danish kroner": "DKK", "danish krone": "DKK",
    "zloty": "PLN", "zlotys": "PLN", "forint": "HUF", "forints": "HUF", "koruna": "CZK", "korunas": "CZK",
    "czech crowns": "CZK",
}  # fmt: skip
# Symbols written after the number ("10 €", "500 ₽"), as much of Europe writes money.
SYMBOLS_AFTER = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR", "₩": "KRW", "₺": "TRY",
                 "₴": "UAH", "₦": "NGN", "₱": "PHP", "₡": "CRC", "₾": "GEL", "₭": "LAK"}  # fmt: skip
# Currencies called dollars: what a bare "$", "dollars" or "cents" may mean in a corpus from their country.
DOLLAR_CURRENCIES = frozenset("USD AUD CAD NZD SGD HKD TWD".split())
# Written beside a dollar figure, these make it American whatever the corpus's local dollar is.
AMERICAN_DOLLAR_MARKS = ("US", "U.S.")

# A currency sign lost in the text ("?7bn", "\ufffd1.7m": a pound or euro sign the corpus could not encode) is money
# all the same, in ISO 4217's code for no currency; shown with the generic currency sign.
LOST_CURRENCY = "XXX"
CURRENCY_DISPLAY = {LOST_CURRENCY: "¤"}


def swap_currency(unit: str, old: str, new: str) -> str:
    """``unit`` with the currency ``old`` it starts with written as ``new``: ``("USD_per_barrel", "USD", "AUD")
    -> "AUD_per_barrel"``; any other unit unchanged."""
    return new + unit.removeprefix(old) if unit.startswith(old) else unit


# The codes read in text ("USD10m", "EUR 5"); never XXX: those letters in text are a Roman thirty or a title.
ISO_CURRENCIES = frozenset(
    """AED AUD BRL CAD CHF CNY CRC CZK DKK EGP EUR GBP GEL HKD HUF IDR ILS INR IRR JPY KRW KZT LAK MXN MYR NGN NOK
    NZD PHP PKR PLN QAR RUB SAR SEK SGD THB TRY TWD UAH USD VND ZAR""".split()
)
# The codes a figure's currency may hold.
MONEY_CODES = ISO_CURRENCIES | {LOST_CURRENCY}


@functools.cache
def registry() -> pint.UnitRegistry:
    """Return the shared pint registry with the domain units defined (built on first use)."""
    import pint

    ureg = pint.UnitRegistry()
    # pint has a "bbl" of 31.5 gallons and its own "toe": ours (the 42-gallon oil barrel) win on purpose, so
    # pint's warning on each redefinition says nothing a user can act on.
    with quiet("pint.util"):
        for definition in DEFINITIONS:
            ureg.define(definition)
    return ureg


@functools.cache
def canonical(expr: str, *, per: str | None = None, kind: str | None = None) -> tuple[str, str, float]:
    """Return ``(kind, canonical unit, factor)`` for a pint expression, optionally per a period.

    ``per`` is one of ``year, month, week, day, hour``; rates are normalised to per year. ``kind`` names
    the kind when the dimensions alone cannot (torque and energy are both force times length).
    """
    ureg = registry()
    quantity = ureg.Quantity(1.0, expr)
    if kind in DECLARED_KINDS:
        name, target = CANONICAL_UNITS[kind]
        return kind, name, float(quantity.to(target).magnitude)
    # Exact dimensions first, so power (energy per time) is power, not an energy rate.
    for found, (name, target) in CANONICAL_UNITS.items():
        if quantity.dimensionality == ureg.Quantity(1.0, target).dimensionality:
            factor = float(quantity.to(target).magnitude)
            if per is not None:
                return RATE_KINDS.get(found, found), f"{name}_per_year", factor / PERIOD_YEARS[per]
            return found, name, factor
    for found, (name, target) in CANONICAL_UNITS.items():
        if found in RATE_KINDS and quantity.dimensionality == ureg.Quantity(1.0, f"{target} / year").dimensionality:
            return RATE_KINDS[found], f"{name}_per_year", float(quantity.to(f"{target} / year").magnitude)
    raise ValueError(f"unit {expr!r} has no canonical kind")


def unit_key(surface: str) -> str:
    """Normalise a unit as written to its :data:`UNIT_WORDS` key ("Cubic-Meters" -> "cubic meters")."""
    return " ".join(surface.replace("-", " ").split()).lower()


def lookup(surface: str) -> UnitWord | None:
    """Return the unit written as ``surface``, or None."""
    return CASED_UNIT_WORDS.get(surface.strip(" -")) or UNIT_WORDS.get(unit_key(surface)) or UNIT_WORDS.get(surface)


def plain_unit(surface: str, kind: str) -> str:
    """The canonical name of a plain (non-pint) unit written as ``surface``: "ppg" -> "point_per_game"."""
    return PLAIN_RATE_UNITS.get(unit_key(surface)) or PLAIN_UNITS[kind]


_LEADING_ARTICLE = re.compile(r"^(?:of\s+)?(?:a|one)\s+", re.IGNORECASE)


def written_label(surface: str) -> str:
    """A unit as written, normalised for display: "-year" -> "year", "Cubic Metres" -> "cubic metre", "MW" -> "MW"."""
    text = _LEADING_ARTICLE.sub("", " ".join(surface.strip(" -").split()))  # "of a percentage point"
    if text.lower() == "point":
        return "percentage point"  # "a quarter-point": read only after a fraction
    if text in CASED_UNIT_WORDS or (len(text) <= 4 and any(c.isupper() for c in text)):
        return text
    key = unit_key(text)
    if key.endswith("s") and key[:-1] in UNIT_WORDS and UNIT_WORDS[key[:-1]] == UNIT_WORDS.get(key):
        return text.lower()[:-1]  # "years" -> "year": the count goes with the number
    return text.lower()


@functools.cache
def duration_in(word: str, target: str) -> float:
    """How many ``target`` one ``word`` of time lasts, as pint defines it: ``("year", "day") -> 365.25``."""
    unit = lookup(word)
    return float(registry().Quantity(1.0, unit.pint if unit and unit.pint else word).to(target).magnitude)


def to_canonical(value: float, expr: str, *, per: str | None = None, kind: str | None = None) -> tuple[str, str, float]:
    """Return ``(kind, canonical unit, value)``; offset units (°F) convert through pint, not a factor."""
    kind, name, factor = canonical(expr, per=per, kind=kind)
    if kind == "temperature":
        ureg = registry()
        return kind, name, float(ureg.Quantity(value, expr).to(CANONICAL_UNITS["temperature"][1]).magnitude)
    return kind, name, value * factor


# Display units: canonical unit -> (factor to divide by, suffix), largest first.
_DISPLAY: dict[str, list[tuple[float, str]]] = {
    "cubic_meter": [(1e12, " tcm"), (1e9, " bcm"), (1e6, " mcm"), (1.0, " m³")],
    "cubic_meter_per_year": [(1e12, " tcm/y"), (1e9, " bcm/y"), (1e6, " mcm/y"), (1.0, " m³/y")],
    "kilogram": [(1e9, " Mt"), (1e3, " t"), (1.0, " kg")],
    "kilogram_per_year": [(1e9, " Mt/y"), (1e3, " t/y"), (1.0, " kg/y")],
    "joule": [(3.6e15, " TWh"), (3.6e12, " GWh"), (3.6e9, " MWh"), (1.0, " J")],
    "joule_per_year": [(3.6e15, " TWh/y"), (3.6e12, " GWh/y"), (1.0, " J/y")],
    "watt": [(1e9, " GW"), (1e6, " MW"), (1e3, " kW"), (1.0, " W")],
    "meter": [(1e3, " km"), (1.0, " m")],
    "square_meter": [(1e6, " km²"), (1.0, " m²")],
    "day": [(365.25, " years"), (30.4375, " months"), (1.0, " days"), (1 / 24, " hours")],
    "year": [(1.0, " years")],
    "percent": [(1.0, "%")],
    "percentage_point": [(1.0, " pp")],
    "times": [(1.0, "x")],
}


_MONEY_SCALES = ((1e12, " tn"), (1e9, " bn"), (1e6, " mn"))


def format_value(value: float, unit: str, *, currency: str | None = None) -> str:
    """Format a canonical value for people: ``5e10, cubic_meter_per_year -> '50 bcm/y'``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "?"
    if math.isinf(value):
        return "∞"
    scale = _scale(unit, value, currency)
    if scale is not None:
        factor, suffix, code = scale
        number = _number(value / factor)
        if code:  # already as shown (_scale)
            return f"{code} {number}{suffix}"
        if number == "1" and suffix.endswith("s"):
            suffix = suffix[:-1]  # "1 year", not "1 years"
        return f"{number}{suffix}"
    if unit == "date":
        year, month, day = int(value) // 10000, int(value) // 100 % 100, int(value) % 100
        parts = [f"{year:04d}" if year else "", f"{month:02d}" if month else "", f"{day:02d}" if day else ""]
        return "-".join(p for p in parts if p)
    if unit == "calendar_year":
        return str(int(value))
    if unit == "ordinal":
        return _number(value)
    if unit in ("count", "number"):
        return _scaled_number(value)
    for code, shown in CURRENCY_DISPLAY.items():
        unit = swap_currency(unit, code, shown)
    return f"{_number(value)} {unit.replace('_', ' ')}"


_WORD_SCALES = ((1e12, " trillion"), (1e9, " billion"), (1e6, " million"))


def format_as_written(value: float, unit: str | None) -> str:
    """Format a figure in the unit it was written in: ``(30, "year") -> '30 years'``,
    ``(1e6, "b/d") -> '1 million b/d'``, ``(84.5, "USD/barrel") -> 'USD 84.5/barrel'``.

    Use it with the figures table's ``value_as_written`` and ``unit_as_written``; a figure without a
    written unit (a count, a year) is formatted as its plain number.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "?"
    number = _written_number(value)
    if not unit:
        return number
    base, _, per = unit.partition("/")
    if base in MONEY_CODES:
        return f"{CURRENCY_DISPLAY.get(base, base)} {number}" + (f"/{per}" if per else "")
    if unit == "%":
        return f"{number}%"
    return f"{number} {_plural(base) if value != 1 else base}" + (f"/{per}" if per else "")


# Short forms with a vowel, which take no plural s either ("5 min", not "5 mins").
_ABBREVIATIONS = frozenset(["min", "sec", "yr", "hr", "oz", "sq"])
# Units whose plural is not the word and an "s".
_IRREGULAR_PLURALS = {"foot": "feet", "century": "centuries", "inch": "inches"}


def _plural(unit: str) -> str:
    """ "30 years", "770 feet"; an abbreviation stays as it is ("150 km", "5 mph", not "150 kms")."""
    if unit in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[unit]
    if unit in _ABBREVIATIONS or not any(c in "aeiouy" for c in unit.lower()):
        return unit  # an abbreviation: "km", "mph", "min"
    return unit + "s" if unit_key(unit) + "s" in UNIT_WORDS or unit + "s" in CURRENCY_SUBUNITS else unit


def format_figure(
    value: float,
    unit: str,
    *,
    value_as_written: float | None = None,
    unit_as_written: str | None = None,
    currency: str | None = None,
) -> str:
    """Format a figure for people: in the unit it was written in when known ("30 years", "1 million b/d",
    "USD 84.5/barrel"), else its canonical value at a readable scale (:func:`format_value`)."""
    written = value_as_written is not None and not (
        isinstance(value_as_written, float) and math.isnan(value_as_written)
    )
    if written and isinstance(unit_as_written, str) and unit_as_written:
        return format_as_written(value_as_written, unit_as_written)
    return format_value(value, unit, currency=currency)


def display_scale(unit: str, magnitude: float, *, currency: str | None = None) -> tuple[float, str]:
    """Return ``(factor, label)`` to show values of about ``magnitude`` readably: ``(1e9, "bcm/y")``.

    Divide a canonical value by ``factor`` and write ``label`` after it (an axis label, say).
    """
    scale = _scale(unit, magnitude, currency)
    if scale is None:
        return 1.0, unit.replace("_", " ")
    factor, suffix, code = scale
    return factor, f"{code}{suffix}" if code else suffix.strip()


def _scale(unit: str, magnitude: float, currency: str | None) -> tuple[float, str, str | None] | None:
    """The display factor and suffix for values of about ``magnitude``, and the currency code for money;
    None for units shown without a scale (dates, counts)."""
    base = unit.split("_per_year")[0]
    code = currency or (base if base in MONEY_CODES else None)
    code = CURRENCY_DISPLAY.get(code, code) if code else None
    if code:
        per = "/y" if unit.endswith("_per_year") else ""
        factor, word = next(((f, w) for f, w in _MONEY_SCALES if abs(magnitude) >= f), (1.0, ""))
        return factor, f"{word}{per}", code
    scales = _DISPLAY.get(unit)
    if not scales:
        return None
    factor, suffix = next((s for s in scales if abs(magnitude) >= s[0]), scales[-1])  # the smallest fits all
    return factor, suffix, None


# A converted value shows three significant digits ("0.257 hours"); a value as written keeps the digits a
# reporter wrote ("4.125%", "USD 125.2 million"), up to six.
_CONVERTED_DIGITS = 3
_WRITTEN_DIGITS = 6


def _written_number(value: float) -> str:
    """A number as written: "125.2 million", but "1,234,567" when its scale word would drop digits."""
    if value == int(value) and abs(value) < 1e15 and len(str(abs(int(value))).rstrip("0")) > _WRITTEN_DIGITS:
        return f"{int(value):,}"
    return _scaled_number(value, digits=_WRITTEN_DIGITS)


def _scaled_number(value: float, *, digits: int = _CONVERTED_DIGITS) -> str:
    """A number with a word for its scale: "1.5 billion", "52 million", "9,450"."""
    factor, word = next(((f, w) for f, w in _WORD_SCALES if abs(value) >= f), (1.0, ""))
    return _number(value / factor, digits=digits) + word


def _number(x: float, *, digits: int = _CONVERTED_DIGITS) -> str:
    """``digits`` significant digits (whole numbers keep theirs), never in exponent notation for a reader:
    "9,450", "3.43", "0.257", "0.0000034"."""
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    rounded = Decimal(f"{x:.{digits}g}")
    if rounded == rounded.to_integral_value():
        return f"{int(rounded):,}"  # 3,430.5 at three digits is 3,430, not 3.43e+03
    return f"{rounded:,f}"
