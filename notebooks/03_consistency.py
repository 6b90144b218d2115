# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 3. Cross-source consistency: where the outlets agree, and where they contradict each other
#
# **Question.** When several outlets report the same measure of the same subject in the same scope,
# do their figures agree?
#
# **Method.** Documents that report one event are grouped first (TF-IDF of their titles and leads, at most
# a week apart). Inside an event, figures of the same measure from different outlets are linked by the words
# around them (IDF-weighted cosine): agreement needs little shared context, a conflict strong and specific
# context. Each figure is an interval that follows how news rounds: an exact value spans the precision it
# was written in ("1 billion" is 0.95 to 1.05 billion), an approximate one ±10 %, a bound is half-open but
# not endless ("over 20" is (20, 30]), a range is a range. Linked figures form a *claim*: **consistent** when
# their intervals share a value, **conflicting** when they do not in a known scope (when, and for events
# where), otherwise **not comparable**; a claim only one outlet states is **single source**. Each verdict
# carries a reason code (`reason_code`) and the shared context words that linked it (`shared_terms`).
#
# **Inputs.** The tables `corpuslab run CORPUS --out-dir DIR` wrote (set `CORPUSLAB_TABLES=DIR`; `make report`
# does), or a corpus run once here (`CORPUSLAB_CORPUS`, the seeds by default).

# %% tags=["parameters"]
import os

TABLES = os.environ.get("CORPUSLAB_TABLES")  # a folder of tables written by `corpuslab run --out-dir`
CORPUS = os.environ.get("CORPUSLAB_CORPUS", "../seeds")  # used only when TABLES is not set
SHOW = 20  # rows of any table shown: the report stays small at any corpus size
MAX_CLAIMS = 50  # claims a chart may show; it shows fewer when they would not fit one screen
MAX_CARDS = 12  # claim cards shown, conflicts first

# %%
# %matplotlib inline
from IPython.display import Markdown, display

from corpuslab import plots
from corpuslab.cards import claim_cards
from corpuslab.notebook import load_tables, optional_table
from corpuslab.summary import summarize_look_alikes

result = load_tables(TABLES, corpus=CORPUS)
claims, memberships, figures = result.claims, result.memberships, result.figures
multi = claims[claims["n_sources"] >= 2]
verdicts = multi["verdict"].value_counts()

# %%
display(
    Markdown(
        f"Of **{len(claims):,} claims**, **{len(multi):,}** are stated by two or more sources: "
        + ", ".join(f"**{n}** {v.replace('_', ' ')}" for v, n in verdicts.items())
        + "."
        if len(multi)
        else f"Of {len(claims)} claims, none is stated by two or more sources."
    )
)
assert verdicts.sum() == len(multi)
assert set(claims.loc[claims["n_sources"] < 2, "verdict"]) <= {"single_source"}  # one source never agrees or conflicts
if "reason_code" in claims:  # why each verdict, in a closed vocabulary, when the claims table has it
    by_reason = multi.groupby(["verdict", "reason_code"]).size().rename("claims")
    assert by_reason.sum() == len(multi)
    display(by_reason.to_frame())

# %%
plots.plot_claims(claims, memberships, figures, max_claims=MAX_CLAIMS)

# %% [markdown]
# ## Claim cards: the sentences side by side
# Each card is one claim stated by two or more sources, conflicts first: the verdict and its reason
# (which names the sources and their values), then the sentence from each outlet with the figure
# highlighted. Call `claim_cards(..., verdicts=["conflicting"], claim_ids=[...])` to pick others.

# %%
cards = claim_cards(
    claims,
    memberships,
    figures,
    documents=result.documents,
    sentences=optional_table(result, "sentences"),
    limit=MAX_CARDS,
)
display(Markdown(f"**{cards.n_matching:,}** claims are stated by two or more sources; the first {len(cards)} follow."))
placed = cards.statements[cards.statements["highlight_start"] >= 0]
marked = [
    s[a:b] for s, a, b in zip(placed["sentence"], placed["highlight_start"], placed["highlight_end"], strict=True)
]
assert marked == placed["surface"].tolist()  # each highlight is exactly the figure as written
assert cards.n_matching == len(multi[multi["verdict"] != "single_source"])
cards

# %%
events = optional_table(result, "events")
if events is None:
    display(Markdown("No `events` table was written, so claims are linked by shared names only."))
else:
    per_event = events.groupby("event_id").agg(documents=("doc_id", "nunique"), top_terms=("top_terms", "first"))
    per_event = per_event.sort_values("documents", ascending=False)
    display(
        Markdown(
            f"The linker grouped the documents into **{len(per_event):,} events**; "
            f"**{int((per_event['documents'] >= 2).sum()):,}** hold two or more documents. The largest:"
        )
    )
    assert events["doc_id"].isin(result.documents["doc_id"]).all()  # events group loaded documents only
    display(per_event.head(SHOW))

# %% [markdown]
# ## Which outlet states which claim

# %%
plots.plot_agreement_matrix(claims, memberships, max_claims=MAX_CLAIMS)

# %%
agreeing = multi[multi["verdict"] == "consistent"]
lines = [f"- **{c.subject}** ({c.scope}): {c.reason}" for c in agreeing.head(SHOW).itertuples(index=False)]
more = f"\n\n… and {len(agreeing) - SHOW:,} more." if len(agreeing) > SHOW else ""
display(Markdown("**Where the outlets agree:**\n\n" + "\n".join(lines) + more if lines else "No claim is consistent."))
# Where a claim states its common interval, the interval is not empty.
stated = claims.dropna(subset=["interval_low", "interval_high"])
assert stated["interval_low"].le(stated["interval_high"]).all()

# %% [markdown]
# ## Look-alikes kept apart
# The same subject and measure in different scopes are separate claims: a four-day visit to Moscow is
# not a four-day visit to Beijing. Below, the same value of one subject and measure, in one event,
# stated by different outlets in different scopes, and so kept in different claims; the groups that
# span the most outlets first, with each outlet's wording.

# %%
look_alikes = summarize_look_alikes(claims, memberships, figures)
key = ["event_id", "subject", "measure"]
n_groups = look_alikes.groupby(key).ngroups if len(look_alikes) else 0
display(
    Markdown(
        f"**{n_groups:,}** subject{'s' if n_groups != 1 else ''} of one event share a value across scopes "
        f"and were kept apart, in **{len(look_alikes):,}** claims."
        if n_groups
        else "No value of one event was stated by different outlets in different scopes."
    )
)
# Each group kept apart spans two or more scopes and two or more outlets, and no claim is listed twice.
assert look_alikes.groupby(key)["scope"].nunique().ge(2).all() and look_alikes["n_outlets"].ge(2).all()
assert look_alikes["claim_id"].is_unique
look_alikes.drop(columns=["claim_id", "n_outlets"]).head(SHOW)
