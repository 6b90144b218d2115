"""The rules that decide what a numeral is, each with the example it exists for."""

from __future__ import annotations

__all__ = ["RULE_EXAMPLES"]

# Each rule (vocab.RULES) with the kind it gives and the example it exists for: (kind, text, surface).
RULE_EXAMPLES: dict[str, tuple[str, str, str]] = {
    "quantity": ("volume_rate", "Russia sends 50 bcm a year to China.", "50 bcm a year"),
    "count": ("count", "Over 20 documents were signed.", "Over 20"),
    "rate": ("rate", "The region has 3 doctors per capita.", "3 doctors per capita"),
    "range": ("currency", "It costs 33-35 billion euros.", "33-35 billion euros"),
    "change": ("volume", "Exports rose from 38 to 44 bcm.", "from 38 to 44 bcm"),
    "vague": ("count", "Thousands of people marched.", "Thousands"),
    "age": ("age", "A 45-year-old man was arrested.", "45-year-old"),
    "decade": ("year", "Prices peaked in the 1990s.", "1990s"),
    "year": ("year", "The plant opened in 2019.", "2019"),
    "ordinal": ("ordinal", "It is the 3rd largest port.", "3rd"),
    "date": ("date", "The deal was signed on 4 February 2022.", "4 February 2022"),
    "multiply": ("multiple", "Exports have doubled.", "doubled"),
    "article_duration": ("duration", "The talks lasted for a year.", "a year"),
}
