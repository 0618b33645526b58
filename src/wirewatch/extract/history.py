"""Is a word about an earlier event than the one reported? Read from the parse of its sentence.

Figures and places both ask: a toll or a town named for an earlier attack ("on alert since
gunmen attacked the capital in 2015, killing 90") is neither the current toll nor an event place.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .words import mapping

_YEAR = re.compile(r"(1[89]|20)\d\d")


def in_since_clause(token: Token) -> bool:
    """True when the token sits inside a clause or phrase that "since" opens: the earlier event a
    span of time is counted from ("on guard since gunmen stormed the port, killing 45";
    "the worst since March 2008, when 70 villagers died"). A toll counted since then ("9,400
    fighters have died since 2012") has "since" beside it, not above it."""
    for node in (token, *token.ancestors):
        if node.lower_ == "since" and node is not token:
            return True
        if node.dep_ != "ROOT" and any(c.dep_ == "mark" and c.lower_ == "since" for c in node.children):
            return True
        if node.dep_ != "ROOT" and any(c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in node.children):
            # "the worst since March 2008, when 70 villagers died": a "when" clause right after the
            # date that "since" opens describes that date, wherever the parser hangs it.
            before = [t for t in token.doc[:node.left_edge.i] if not t.is_punct]
            if before and in_since_clause(before[-1]):
                return True
    return False


def dated_earlier(token: Token, year: int | None) -> bool:
    """True when the phrase holding the token is dated to an earlier year than the article's
    ("a thwarted plot at Lagos airport in 2009", "the car bombs set off in Belfast in 1998");
    with no publication year, any year given there dates it to the past."""
    holder = token
    for _ in range(6):  # up to the clause's verb: "found [in a thwarted plot [at Lagos airport]] in 2009"
        if holder.dep_ == "prep" and holder.lower_ not in mapping("locative_preps") and holder.lower_ != "of":
            break  # "unlike the blasts in Kabul": a comparison, not the dated phrase
        holder = holder.head
        if _dated_before(holder, year):
            return True
        if holder.pos_ in ("VERB", "AUX") or holder.head is holder:
            # "a similar attack in 2016 killed 40 people": the subject dates the clause too
            return any(c.dep_ in ("nsubj", "nsubjpass") and _dated_before(c, year) for c in holder.children)
    return False


def _dated_before(holder: Token, year: int | None) -> bool:
    """The word has a phrase dating it before `year`: "in 2009", "during 2014", "between 2014 and
    2021" (every year of the span earlier)."""
    for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "between")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            years = [t for t in (obj, *obj.conjuncts) if _YEAR.fullmatch(t.text)]
            if years and len(years) == 1 + len(obj.conjuncts) \
                    and all(year is None or int(t.text) < year for t in years):
                return True
    return False
