"""Event mentions: what happened, typed in PLOVER and ACLED terms, with its claimed perpetrator.

Built from what the other extractors found in the same sentences: an accusation gives the
ACCUSE act and the ASSAULT it alleges (perpetrator = the accused); an assertion of violence gives
an ASSAULT by the speaker's side; a denial gives a REJECT; ceasefires, talks, pledges and requests
give RETREAT, CONSULT, AGREE/AID and REQUEST; a narrated attack gives an ASSAULT with no claimant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache

from ..model import (
    Agreement,
    AgreementKind,
    Article,
    Claim,
    EventMention,
    Provenance,
    Stance,
)
from ..nlp.annotate import ParsedSentence, tokens_with_pos
from ..nlp.dates import find_dates
from ..nlp.demonyms import country_of_demonym
from ..resolve.actors import resolve_actor
from .event_types import classify_snippet, labels, label_scores, violent_labels
from .history import dated_earlier, in_since_clause
from .words import mapping, words

RULES = (
    "events.accusation",  # the ASSAULT an accusation alleges, and the ACCUSE act itself
    "events.assertion",  # violence a party says it (or someone) did
    "events.denial",  # REJECT: a party denies an allegation
    "events.agreement",  # RETREAT ceasefire, CONSULT talks, AGREE/AID pledge, REQUEST assist
    "events.narrated",  # an attack the article reports in its own voice
)
_AGREEMENT_TYPES = {
    AgreementKind.CEASEFIRE: ("RETREAT", "ceasefire", "AGREEMENT"),
    AgreementKind.TRUCE: ("RETREAT", "ceasefire", "AGREEMENT"),
    AgreementKind.TALKS: ("CONSULT", "meet", "DIPLO"),
    AgreementKind.PLEDGE: ("AGREE", "pledge", "AGREEMENT"),
    AgreementKind.REQUEST: ("REQUEST", "assist", "DIPLO"),
}
_WORD = re.compile(r"\w+")


def find_events(
    parsed: Iterable[ParsedSentence], article: Article, claims: Iterable[Claim], agreements: Iterable[Agreement]
) -> list[EventMention]:
    """Every event mention of one article, in text order."""
    parsed = list(parsed)
    by_index = {p.sentence.index: p for p in parsed}
    events: list[EventMention] = []
    claimed_sentences: set[int] = set()
    for claim in claims:
        index = claim.provenance.sentence_index
        claimed_sentences.add(index)
        events.extend(_from_claim(claim, article, by_index.get(index)))
    for agreement in agreements:
        events.append(_from_agreement(agreement, article))
    for item in parsed:
        if item.sentence.index in claimed_sentences:
            continue
        events.extend(_narrated(item, article))
    return sorted(_placed_by_neighbours(events), key=lambda e: (e.provenance.sentence_index, e.provenance.start))


# How many sentences apart a party's statement and the narration of the same attack may stand.
_NEIGHBOURS = 2


def _placed_by_neighbours(events: list[EventMention]) -> list[EventMention]:
    """A party's statement on an attack that names no place ("the ministry confirmed a general was
    killed by a roadside bomb") is about the attack of the same kind the article narrates, with its
    place, a sentence or two away: it takes that place, so the incident counts the party's word. Unless a
    narrated attack of another kind elsewhere stands as near: labels are a guess, and then it is unclear."""
    narrated = [e for e in events if e.provenance.rule == "events.narrated" and e.places]
    out = []
    for event in events:
        if event.stance is not None and not event.places and event.label not in ("ATTRIB", "REJECT"):
            gap = {id(n): abs(n.provenance.sentence_index - event.provenance.sentence_index) for n in narrated}
            near = [n for n in narrated if n.label == event.label and gap[id(n)] <= _NEIGHBOURS]
            closest = min((gap[id(n)] for n in near), default=0)
            if len({n.places for n in near}) == 1 and not any(
                    n.places != near[0].places and gap[id(n)] <= closest for n in narrated):
                event = replace(event, places=near[0].places)
        out.append(event)
    return out


@lru_cache(maxsize=4096)
def violent_label(text: str) -> str | None:
    """The ACLED violent sub-event label of the text, or None when it describes no violence."""
    allowed = violent_labels() | {"DISR_WEAP"}  # a shot-down jet or intercepted missile is no attack
    scores = label_scores(text)
    if not any(k in allowed for k in scores):
        return None
    label = classify_snippet(text, allowed=allowed)
    if label == "ATTACK" and re.search(r"\bunder (artillery |rocket )?fire\b|\bcame under\b", text, re.I) \
            and target_kind(text) in ("residential", "market", "civilians", None):
        return "ART_MISS_ATTACK"  # a town or market "under fire" is shelled from afar
    return label


def target_kind(text: str) -> str | None:
    return _first_value(_stems("target_kinds"), text)


def weapon_of(text: str) -> str | None:
    return _first_value(_stems("weapon_words"), text)


def _mood(text: str) -> bool:
    return bool(_hypothetical().search(text))


@cache
def _stems(lexicon: str) -> tuple[tuple[str, re.Pattern, str], ...]:
    """A `stem|value` lexicon as patterns matching a word that starts with the stem, in file order."""
    return tuple((stem, re.compile(r"\b" + re.escape(stem)), value) for stem, value in mapping(lexicon).items())


def _first_value(stems: tuple[tuple[str, re.Pattern, str], ...], text: str) -> str | None:
    """The value of the first stem that starts a word of the text (a substring test first: cheap)."""
    lowered = text.lower()
    return next((value for stem, pattern, value in stems if stem in lowered and pattern.search(lowered)), None)


@cache
def _hypothetical() -> re.Pattern:
    return re.compile("|".join(r"\b" + re.escape(w) + r"\b" for w in sorted(words("hypothetical_words"))), re.I)


def _make(label: str, plover: str | None, mode: str | None, actor, recipient, text: str, places, article: Article,
          provenance: Provenance, sentence: str, stance=None, speaker=None, negated=False,
          hypothetical=False) -> EventMention:
    info = labels()[label]
    dates = find_dates(sentence, article.published)
    dated = _own_date(dates, text, sentence) if info.violent else None
    dated = dated or next((d for d in dates if d.date), None)
    return EventMention(
        plover=plover or info.plover,
        mode=mode if mode is not None else info.mode,
        label=label,
        acled_event=info.acled_event,
        acled=info.acled,
        actor=actor,
        recipient=recipient,
        target=target_kind(text) if info.violent else None,
        weapon=weapon_of(text) if info.violent else None,
        places=tuple(places),
        date=dated.date if dated else article.published,
        date_precision=dated.precision if dated else article.published_precision,
        negated=negated,
        hypothetical=hypothetical,
        stance=stance,
        speaker=speaker,
        sentence=sentence,
        provenance=provenance,
    )


def _own_date(dates, text: str, sentence: str):
    """The first dated expression inside the act's own words, when they are a part of the sentence: "the army
    on Saturday accused the rebels of shelling the town on Friday" dates the shelling Friday, not the day of
    the accusation; none when the act's words state no day."""
    at = sentence.find(text) if text and text != sentence else -1
    if at < 0:
        return None
    return next((d for d in dates if d.date and at <= d.start < at + len(text)), None)


def _with_rule(provenance: Provenance, rule: str) -> Provenance:
    return Provenance(provenance.article_id, provenance.sentence_index, provenance.start, provenance.end, rule)


def _from_claim(claim: Claim, article: Article, item: ParsedSentence | None) -> list[EventMention]:
    text = claim.action or claim.sentence
    places = claim.places
    out: list[EventMention] = []
    if claim.stance is Stance.DENY:
        out.append(_make("ATTRIB", "REJECT", "deny", claim.speaker, None, text, places, article,
                         _with_rule(claim.provenance, "events.denial"), claim.sentence, claim.stance, claim.speaker))
        return out
    label = violent_label(text) or (violent_label(claim.sentence) if claim.stance is Stance.ACCUSE else None)
    if claim.stance is Stance.ACCUSE:
        out.append(_make("ATTRIB", "ACCUSE", "allege", claim.speaker, claim.accused, text, places, article,
                         _with_rule(claim.provenance, "events.accusation"), claim.sentence, claim.stance,
                         claim.speaker))
        if label:
            out.append(_make(label, None, None, claim.accused, None, text, places, article,
                             _with_rule(claim.provenance, "events.accusation"), claim.sentence, claim.stance,
                             claim.speaker, hypothetical=_mood(text)))
    elif label:
        actor = _content_subject(item.doc) if item is not None else None
        out.append(_make(label, None, None, actor, None, text, places, article,
                         _with_rule(claim.provenance, "events.assertion"), claim.sentence, claim.stance,
                         claim.speaker, hypothetical=_mood(text)))
    return out


_ARMED_SECTORS = {"MIL", "REB", "COP", "UAF", "PRE", "GOV"}


def _armed_or_unnamed_agent(verb) -> bool:
    """A verb that may report violence only in a conflict ("clashed", "seized") needs an armed
    subject ("troops clashed", not "the two teams clashed"); a passive one names nobody and passes."""
    if verb.lemma_.lower() in words("harm_words") | words("attack_verbs"):
        return True
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return True
    actor = resolve_actor(verb.doc[subject.left_edge.i:subject.right_edge.i + 1].text)
    return actor is not None and actor.sector in _ARMED_SECTORS


def _content_subject(doc) -> str | None:
    """Who the reported clause says acted: "the ministry said [Azerbaijani troops] retook Hadrut"."""
    clause = next((t for t in doc if t.dep_ == "ccomp" and t.pos_ in ("VERB", "AUX")), None)
    return _subject_text(clause) if clause is not None else None


def _subject_text(verb) -> str | None:
    """The verb's subject as written, unless it is a pronoun ("we", "its forces") or a bare weapon
    ("rockets struck ..."), neither of which names who acted; "Azerbaijani rockets" does."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    phrase = verb.doc[subject.left_edge.i:subject.right_edge.i + 1]
    if any(t.pos_ == "PRON" for t in phrase):
        return None
    if subject.lower_ in words("weapon_nouns") and not any(
            t.pos_ == "PROPN" or t.lower_ in country_of_demonym() for t in phrase):
        return None
    return phrase.text


def _from_agreement(agreement: Agreement, article: Article) -> EventMention:
    plover, mode, label = _AGREEMENT_TYPES[agreement.kind]
    if agreement.kind is AgreementKind.PLEDGE and not words("aid_words").isdisjoint(_WORD.findall(agreement.sentence.lower())):
        plover, mode = "AID", "pledge"
    actor = agreement.parties[0] if agreement.parties else None
    recipient = agreement.parties[1] if len(agreement.parties) > 1 else None
    return _make(label, plover, mode, actor, recipient, agreement.sentence, (), article,
                 _with_rule(agreement.provenance, "events.agreement"), agreement.sentence)


def _narrated(item: ParsedSentence, article: Article) -> list[EventMention]:
    """The attacks the article reports in its own voice: one per clause that acts on its own named
    place ("two blasts in A and B killed four, while a car bomb in C wounded nine" is two), or one
    for a stated day. An attack is a harm verb, or a noun naming one attack ("three attacks in the
    city left nine dead") in a sentence that counts the harm. Background ("the fighting began in
    September") names neither place nor day and is left out; an attack dated to an earlier year is
    history, not news."""
    text = item.sentence.text
    doc = item.doc
    heads = _attack_heads(doc, article)
    if not heads:
        return []
    dated = any(d.date for d in find_dates(text, article.published))
    owned = _places_by_head(doc, heads, article.published.year if article.published else None)
    sentence = item.sentence
    provenance = Provenance(article.id, sentence.index, sentence.start, sentence.end, "events.narrated")
    events: list[EventMention] = []
    seen: set[tuple[str, ...]] = set()
    for head, _ in heads:
        places = owned.get(head.i, ())
        if places in seen or not (places or (dated and not owned)):
            continue
        label = violent_label(_clause_of(head).text) or violent_label(text)  # the dearest test last
        if label is None:
            continue
        seen.add(places)
        actor = _subject_text(head) if head.pos_ in ("VERB", "AUX") else None
        events.append(_make(label, None, None, actor, None, text, places, article, provenance, text,
                            negated=_negated(head), hypothetical=_mood(text)))
    return events


def _acts() -> frozenset[str]:
    return words("harm_words") | words("narrated_verbs") | words("attack_verbs")


def _attack_heads(doc, article: Article) -> list[tuple]:
    """(head token, (start, end) of the span it governs) for each verb or noun that reports an
    attack, in text order. A noun counts only where its sentence tells of harm (a casualty word or a
    harm verb), so that "the attack plan" or "security after the bombing" gives no event."""
    acts = _acts()
    year = article.published.year if article.published else None
    verbs = [t for t in tokens_with_pos(doc, "VERB")
             if t.lemma_.lower() in acts and not _purpose(t) and _armed_or_unnamed_agent(t)]
    heads = [(v, (v.left_edge.i, v.right_edge.i + 1)) for v in verbs]
    if verbs or any(t.lower_ in mapping("casualty_words") for t in doc):
        nouns = [t for t in tokens_with_pos(doc, "NOUN") if _attack_noun(t) and not _conditional(t)]
        heads += [(n, _noun_span(n, verbs)) for n in nouns]
    return sorted(((h, span) for h, span in heads if not dated_earlier(h, year) and not in_since_clause(h)),
                  key=lambda e: e[0].i)


def _purpose(verb) -> bool:
    """An infinitive of purpose ("they crossed the river to attack the post") is an aim, not an act."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _clause_of(head):
    """The words that type the attack: a verb's clause, or, for a noun that is a subject, the clause
    of its verb ("a shooting in the market wounded three" is an attack, "a shooting" alone is not)."""
    if head.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubjpass"):
        head = head.head
    return head.doc[head.left_edge.i:head.right_edge.i + 1]


def _conditional(token) -> bool:
    """The word sits in a clause that a hypothetical word opens ("if the attacks did not stop")."""
    hypothetical = words("hypothetical_words")
    return any(c.dep_ == "mark" and c.lower_ in hypothetical for a in token.ancestors for c in a.children)


def _noun_span(noun, verbs: list) -> tuple[int, int]:
    """The span a nominal attack governs: its own phrase, or, when it is the subject of a verb that
    is no attack itself, that verb's clause ("the worst blast was [at the bus station]")."""
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and verb not in verbs:
        return verb.left_edge.i, verb.right_edge.i + 1
    return noun.left_edge.i, noun.right_edge.i + 1


def _attack_noun(token) -> bool:
    """The noun names one attack: its lemma, or the compound it ends ("car bomb"), is in the lexicon."""
    nouns = words("attack_nouns")
    lemma = token.lemma_.lower()
    if lemma in nouns:
        return True
    before = token.doc[token.i - 1] if token.i else None
    return before is not None and before.dep_ == "compound" and f"{before.lower_} {lemma}" in nouns


def _places_by_head(doc, heads: list[tuple], year: int | None) -> dict[int, tuple[str, ...]]:
    """Each place name of the sentence goes to the narrowest attack span that holds it, so that each
    clause keeps its own places. A place outside every span goes to the narrowest clause that governs
    an attack ("militants set off a bomb in the town, killing seven": the town is the setting off's);
    a place outside those too belongs to none, and so does a place of an earlier time ("since troops
    left the city", "in 2014")."""
    owned: dict[int, list[str]] = {}
    wider = [(h, _governing_span(h)) for h, _ in heads if h.dep_ in _GOVERNED]
    for start, end, name in doc._.place_names or ():
        if in_since_clause(doc[start]) or dated_earlier(doc[start], year):
            continue
        holders = [(e - s, h.i) for h, (s, e) in heads if s <= start and end <= e] \
            or [(e - s, h.i) for h, (s, e) in wider if s <= start and end <= e]
        if holders:
            names = owned.setdefault(min(holders)[1], [])
            if name not in names:
                names.append(name)
    return {i: tuple(names) for i, names in owned.items()}


# An attack word whose setting its governing verb gives: a participle ("..., killing seven") or an
# object ("set off a bomb in the town"). Not a complement ("agreed to avoid targeting civilians during
# talks in the capital") nor a noun after a preposition ("heard the sound of shelling in the town").
_GOVERNED = ("advcl", "dobj")


def _governing_span(head) -> tuple[int, int]:
    """The clause an attack word sits in: the verb a participle or an object hangs from."""
    verb = head.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb.left_edge.i, verb.right_edge.i + 1


def _negated(head) -> bool:
    """"did not strike", "no attack was reported": the head, or the verb it is subject of, negated."""
    if any(c.dep_ == "neg" for c in head.children):
        return True
    if head.pos_ == "NOUN":
        if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            return True
        return head.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "neg" for c in head.head.children)
    return False
