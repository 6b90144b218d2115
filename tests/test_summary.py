"""Summaries for the CLI and notebooks: the look-alikes the report lists are the ones its title promises."""

from __future__ import annotations

import pandas as pd

from corpuslab.summary import summarize_look_alikes

# (claim_id, event, subject, scope, verdict, [(outlet, value, surface), ...]), shaped like the
# 3,824-article corpus's claims: the junk the report once listed first, then a real look-alike.
CLAIMS = [
    *[(f"usd150-{i}", "ev-1", "$150", "unknown", "single_source", [("aljazeera.com", 150, "$150")]) for i in range(3)],
    ("usd150-past", "ev-1", "$150", "past", "single_source", [("aljazeera.com", 150, "$150")]),
    *[(f"one-{i}", "ev-2", "1", "unknown", "single_source", [("cnn.com", 1, "1")]) for i in range(8)],
    ("one-past", "ev-2", "1", "past", "single_source", [("bbc.co.uk", 1, "one")]),
    ("women-beijing", "ev-3", "woman", "Beijing, future", "consistent", [("cnn.com", 2, "two"), ("dw.com", 2, "two")]),
    ("women-kl", "ev-3", "woman", "Kuala Lumpur, past", "single_source", [("bbc.co.uk", 2, "Two")]),
    ("women-other", "ev-3", "woman", "past", "single_source", [("rte.ie", 5, "five")]),
    # One outlet in two scopes compares nothing; two outlets at different values look nothing alike.
    ("visit-moscow", "ev-4", "visit", "Moscow", "single_source", [("tass.com", 4, "four-day")]),
    ("visit-beijing", "ev-4", "visit", "Beijing", "single_source", [("tass.com", 4, "four days")]),
    ("troops-a", "ev-5", "troop", "Syria", "single_source", [("cnn.com", 100, "100")]),
    ("troops-b", "ev-5", "troop", "Iraq", "single_source", [("dw.com", 300, "300")]),
]


def _tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    claims, memberships, figures = [], [], []
    for claim_id, event_id, subject, scope, verdict, stated in CLAIMS:
        outlets = sorted({outlet for outlet, _, _ in stated})
        claims.append(
            {"claim_id": claim_id, "event_id": event_id, "subject": subject, "measure": "count", "scope": scope,
             "verdict": verdict, "sources": ", ".join(outlets), "n_sources": len(outlets),
             "interval_low": float("nan"), "interval_high": float("nan")}
        )  # fmt: skip
        for i, (outlet, value, surface) in enumerate(stated):
            figure_id = f"{claim_id}-{i}"
            memberships.append({"claim_id": claim_id, "figure_id": figure_id, "source": outlet, "role": "value"})
            memberships.append(
                {"claim_id": claim_id, "figure_id": f"{figure_id}-t", "source": outlet, "role": "temporal"}
            )
            figures.append({"figure_id": figure_id, "value": float(value), "surface": surface})
    return pd.DataFrame(claims), pd.DataFrame(memberships), pd.DataFrame(figures)


def test_look_alikes_are_one_value_in_one_event_from_different_outlets_in_different_scopes() -> None:
    shown = summarize_look_alikes(*_tables())
    assert shown["claim_id"].tolist() == ["women-beijing", "women-kl"]
    assert shown["n_outlets"].tolist() == [3, 3]
    assert shown["wording"].tolist() == ["cnn.com: “two”; dw.com: “two”", "bbc.co.uk: “Two”"]


def test_no_look_alike_gives_an_empty_table_with_its_columns() -> None:
    claims, memberships, figures = _tables()
    shown = summarize_look_alikes(claims[~claims["subject"].eq("woman")], memberships, figures)
    assert shown.empty and "wording" in shown.columns


def test_a_title_cut_short_ends_with_an_ellipsis() -> None:
    from corpuslab.summary import summarize_documents

    documents = pd.DataFrame(
        {"doc_id": ["long", "short"], "outlet": ["Wire", "Wire"], "published": [pd.NaT, pd.NaT], "n_words": [9, 3],
         "title": ["Gazprom says gas exports to China rose to 38 bcm in 2023, up from 35", "Gas rises"]}
    )  # fmt: skip
    paragraphs = pd.DataFrame(
        {
            "doc_id": ["long", "short"],
            "paragraph_index": [0, 0],
            "is_boilerplate": [False] * 2,
            "is_repeat": [False] * 2,
        }
    )
    titles = summarize_documents(documents, paragraphs)["title"]
    assert titles["long"] == "Gazprom says gas exports to China rose to 38 bc…" and len(titles["long"]) == 48
    assert titles["short"] == "Gas rises"
