"""Places where reported events happen, as written, each resolved to a gazetteer entry.

Two questions, kept apart: is this name used as a place here (not a government, a modifier, a
country), and which gazetteer entry is it (ranked by name match, the article's countries,
co-mentioned places and population).
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, IDX
from spacy.tokens import Doc, Span

from ..nlp.demonyms import country_of_demonym
from ..model import Article, GeoPrecision, Place, PlaceMention, Provenance
from ..nlp.annotate import ParsedSentence, lower_forms, text_of
from ..nlp.gazetteer import PlaceEntry, countries_by_name, name_key, name_particles
from ..nlp.pipeline import given_names, name_word_with_apostrophe, not_places, place_candidates
from ..resolve.actors import party_name_spans
from .history import dated_earlier, in_since_clause
from .words import mapping, words

RULES = (
    "places.locative",  # "in Stepanakert", "the town of Shushi"
    "places.event_sentence",  # a place named in a sentence that reports an event
    "places.street",  # "on Oxford Street", "in Rue Victor Hugo", "near 23rd Street"
    "places.headed",  # a name no gazetteer knows, before or after a place noun: "in the Markets area"
)
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_NAME_LABELS = {"PERSON", "ORG", "NORP"}
# find_toponyms' memory on the Doc (cleared with the rest of `user_data` by annotate.forget),
# and the token attributes that say which entities the Doc has.
_TOPONYMS = "wirewatch.toponyms"
_PARTIES = "wirewatch.party_tokens"
_ENTITY_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
_FEATURE_PRECISION = {"PCLI": GeoPrecision.COUNTRY, "RGN": GeoPrecision.REGION, "SEA": GeoPrecision.REGION,
                      "ADM1": GeoPrecision.REGION, "ADM2": GeoPrecision.DISTRICT}


@cache
def _locative_preps() -> frozenset[str]:
    """Prepositions whose object is where something happens (`locative_preps.txt`)."""
    return frozenset(mapping("locative_preps"))


@cache
def _capital_preps() -> frozenset[str]:
    """The locative prepositions that make a capital a place, not its government ("in Baku")."""
    return frozenset(word for word, mark in mapping("locative_preps").items() if mark == "capital")


@cache
def _street_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words written after a street's name, words written before it), from `street_words.txt`."""
    table = mapping("street_words")
    return (frozenset(w for w, mark in table.items() if mark != "before"),
            frozenset(w for w, mark in table.items() if mark == "before"))


@cache
def _statement_verbs() -> frozenset[str]:
    """Verbs whose place is where a statement was made, not where events happened."""
    return words("speech_verbs") | {"speak"}


@dataclass(frozen=True, slots=True)
class PlaceHit:
    """A name the rules accept as a place in one sentence, before resolution."""

    rule: str
    span: Span
    entries: tuple[PlaceEntry, ...]
    literal: bool  # used as a place, not for a government or as a modifier
    facility: bool = False  # a building's name ("the South Hospital"): a toponym, but no event place


def wants(text: str) -> bool:
    """Cheap filter: a sentence with a capitalised word after its first and an event word."""
    return _has_event_word(text) and any(w[:1].isupper() for w in text.split()[1:])


@lru_cache(maxsize=4096)
def _has_event_word(text: str) -> bool:
    """True when the text, lower-cased, contains one of the event word stems. Remembered for recent
    sentences: asked when choosing what to parse and again by the rules."""
    lowered = text.lower()
    return any(stem in lowered for stem in words("event_words"))


def needs_entities(doc: Doc) -> bool:
    """True when the NER's labels could change which names here are places (see `find_toponyms`).

    Its labels are read in three places: a gazetteer candidate the gazetteer tagger left untagged
    (a person or a place?), a capitalised name no gazetteer knows in a locative phrase ("in
    Springfield Town"), and the noun a place name modifies ("Ganja Airport"). A sentence with
    none of these gets the same places with or without the NER, so it is not run there. A name of
    a person or an organisation that the actor tables know ("Vladimir Putin", "Minsk Group") is no
    unknown name: no label the NER gave it would make it a place.
    """
    tagged = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    skip, demonyms = not_places(), country_of_demonym()
    parties: set[int] | None = None

    def unknown_name(token) -> bool:
        nonlocal parties
        if token.i in tagged or not token.text[:1].isupper():
            return False
        lowered = token.lower_
        if lowered in skip or lowered in demonyms:
            return False
        if parties is None:
            parties = _party_tokens(doc)
        return token.i not in parties

    for start, end, _ in place_candidates(doc):
        if any(i not in tagged for i in range(start, end)):
            return True
        root = doc[start:end].root
        if root.dep_ in ("compound", "amod", "poss") and unknown_name(root.head):
            return True
    # Only capitalised tokens can be unknown names: they are found from the token offsets into the
    # text, so that a Token object is made for those few only (and not kept: annotate.tokens_of
    # here, before the NER, measured slower, as the collector then walks every kept Token).
    text = text_of(doc)
    capitalised = [i for i, idx in enumerate(doc.to_array(IDX).tolist()) if text[idx:idx + 1].isupper()]
    return any(unknown_name(t) and not t.is_sent_start and _in_locative_phrase(t)
               for t in map(doc.__getitem__, capitalised))


_PHRASE_DEPS = {"compound", "flat", "amod", "nmod", "poss", "det", "nummod", "case", "punct", "cc", "conj", "appos",
                "npadvmod", "pobj", "prep"}


def _party_tokens(doc: Doc) -> set[int]:
    """The tokens inside a person's or an organisation's name of the actor tables: names the NER
    need not label, since no label would make them places."""
    out: set[int] = set()
    for begin, finish in party_name_spans(text_of(doc)):
        span = doc.char_span(begin, finish, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _party_tokens_of(doc: Doc) -> set[int]:
    """`_party_tokens`, worked out once per Doc (kept in `user_data`, which annotate.forget clears)."""
    memo = doc.user_data.get(_PARTIES)
    if memo is None:
        memo = doc.user_data[_PARTIES] = _party_tokens(doc)
    return memo


def _in_locative_phrase(token) -> bool:
    """True when the token, or a noun it helps name, is the object of a locative preposition or
    names a town, district or region ("the district of Springfield")."""
    for _ in range(6):
        if token.dep_ == "pobj" and (token.head.lower_ in _locative_preps() or token.head.lower_ == "of"):
            return True
        if token.dep_ == "appos" and token.head.lower_ in words("place_heads"):
            return True
        if token.dep_ not in _PHRASE_DEPS or token.head is token:
            return False
        token = token.head
    return False


def find_toponyms(doc: Doc) -> list[PlaceHit]:
    """Every place name in the sentence, each marked literal or not (the GeoWebNews sense of 'literal').

    Remembered on the Doc: the place, claim and event rules all ask for the same sentence's
    toponyms. The answer depends on the gazetteer candidates and the entity labels (the parse
    does not change after parsing), so it is reused only while both are what they were.
    """
    candidates = place_candidates(doc)
    labels = doc.to_array(_ENTITY_ATTRS).tobytes()
    memo = doc.user_data.get(_TOPONYMS)
    if memo is not None and memo[0] is candidates and memo[1] == labels:
        return list(memo[2])
    hits = _find_toponyms(doc)
    doc.user_data[_TOPONYMS] = (candidates, labels, tuple(hits))
    return hits


def _find_toponyms(doc: Doc) -> list[PlaceHit]:
    hits: list[PlaceHit] = []
    covered: set[int] = set()
    # doc.ents builds a new Span per entity on every read: read it once for the whole sentence.
    ents = doc.ents
    excluded = words("not_event_places")
    for start, end, entries in place_candidates(doc):
        if start in covered:
            continue  # inside a street's name found from an earlier part of it
        span = doc[start:end]
        if span.text.lower() in excluded:
            continue
        run_start, run_end = _name_run(doc, start, end)
        street = _street(doc, run_start, run_end)
        if street is not None:
            hits.append(_street_hit(street))
            covered.update(range(street.start, street.end))
            continue
        water = _water_name(doc, start, end)
        if water is not None:  # "the Gulf of Aden": the whole name, not the province "Gulf"
            if _locative(water.root) and _may_be_place(doc, water, (), water.start, water.end):
                hits.append(PlaceHit("places.locative", water, (), _is_literal(water, (), water.root, True)))
            covered.update(range(water.start, water.end))
            continue
        if not _may_be_place(doc, span, entries, run_start, run_end):
            continue
        if _facility_name(doc, run_start, run_end):
            hits.extend(_facility_hit(doc[run_start:run_end]))
            covered.update(range(run_start, run_end))
            continue
        if len(span) == 1 and span[0].is_sent_start and span[0].pos_ not in ("PROPN", "X") \
                and not _strong(entries[0]):
            continue  # "Tank fire killed four": a common noun capitalised as the sentence's first word
        label = _entity_label(span, ents)
        strong = entries[0].id >= 90_000_000 or entries[0].feature in ("PCLI", "RGN")
        run = doc[run_start:run_end]
        widen = (run_start, run_end) != (start, end) and (_before_place_head(doc, run_end) or _locative(run.root))
        if label and label not in _PLACE_LABELS and not strong \
                and not (widen and run.root.head.lower_ in _capital_preps()):
            continue  # (a person's name is no object of "in": "in Maidan Wardak" is a place)
        extra = [t.lower_ for t in (*doc[run_start:start], *doc[end:run_end])]
        if extra and all(w in words("place_heads") for w in extra):
            span = run  # "Kandahar City", "Kherson Region": the known name with its place noun
        elif widen:
            # "the Shah Wali Kot district", "in Badia al-Sukhnah": the whole run names the place,
            # not the part of it the gazetteer knows
            span, entries = run, ()
        elif run_start < start and end == run_end and all(w in words("name_prefixes") for w in extra):
            span = run  # "East Belfast": the prefix stays part of the name
        elif extra and not _strong(entries[0]):
            continue  # "Maria Tabor said": a town's name inside a longer name is a person's
        head = span.root  # computed once: _locative and _is_literal both start from it
        locative = _locative(head)
        if not label and not locative:
            continue
        hits.append(PlaceHit(_rule(locative), span, entries, _is_literal(span, entries, head, locative)))
        covered.update(range(span.start, span.end))
    for ent in ents:
        if len(ent) > 1 and ent[0].lower_ == "the":
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label)  # "the Line of Control": no article
        end = ent.end
        while end - 1 > ent.start and doc[end - 1].text.islower():
            end -= 1  # "the Line of Control near Uri": the NER's span ran on into the next words
        if end != ent.end:
            ent = Span(doc, ent.start, end, label=ent.label)
        if covered.intersection(range(ent.start, ent.end)):
            continue
        if ent.label_ in _NAME_LABELS and _unknown_name_in_place_phrase(doc, ent):
            hits.append(PlaceHit(_rule(True), ent, (), _is_literal(ent, (), ent.root, True)))
            covered.update(range(ent.start, ent.end))
            continue
        if ent.label_ in _PLACE_LABELS:
            street = _street(doc, *_name_run(doc, ent.start, ent.end))
            if street is not None:
                hits.append(_street_hit(street))
                covered.update(range(street.start, street.end))
                continue
            if _facility_name(doc, *_name_run(doc, ent.start, ent.end)):
                hits.extend(_facility_hit(doc[slice(*_name_run(doc, ent.start, ent.end))]))
                covered.update(range(ent.start, ent.end))
                continue
            head = ent.root
            if _locative(head) and ent.text.lower().removeprefix("the ") not in excluded \
                    and _may_be_place(doc, ent, (), *_name_run(doc, ent.start, ent.end)):
                hits.append(PlaceHit(_rule(True), ent, (), _is_literal(ent, (), head, True)))
                covered.update(range(ent.start, ent.end))
    hits.extend(_listed_with_places(doc, hits, covered))
    hits.extend(_streets(doc, covered))
    hits.extend(_headed_names(doc, covered))
    return sorted(hits, key=lambda h: h.span.start)


def _unknown_name_in_place_phrase(doc: Doc, ent: Span) -> bool:
    """True for a name no gazetteer knows that the NER took for a person's or an organisation's,
    standing bare where only a place can: the object of "in", "near" or "outside"
    (`unknown_place_preps.txt`) with no article before it ("fighting in Chinshwehaw",
    "an orchard near Margaliot"). The small model labels many an unfamiliar village a person;
    people are not where things happen, and organisations take an article ("in the Senate") or
    are known parties. Surnames the article uses for people are dropped later (`find_places`)."""
    if ent.label_ == "NORP" or ent.start == 0 or not all(t.pos_ == "PROPN" and _name_word(t) for t in ent):
        return False
    prep = doc[ent.start - 1]
    if prep.lower_ not in words("unknown_place_preps") or ent.root.dep_ != "pobj" or ent.root.head.i != prep.i:
        return False
    if any(s < ent.end and ent.start < e for s, e, _ in place_candidates(doc)):
        return False  # the gazetteer knows (part of) it: the candidate rules decide
    if any(t.lower_ in given_names() or t.lower_ in country_of_demonym() for t in ent):
        return False  # "in Ahmed Hassan's house" is rare, but a given name says person
    return _may_be_place(doc, ent, (), *_name_run(doc, ent.start, ent.end))


def _listed_with_places(doc: Doc, hits: list[PlaceHit], covered: set[int]) -> list[PlaceHit]:
    """Names no gazetteer knows, listed in a locative phrase with places it does know: "Fordow" of
    "the nuclear sites at Natanz, Fordow and Isfahan"."""
    out: list[PlaceHit] = []
    for hit in hits:
        if not hit.literal or hit.rule != "places.locative":
            continue
        for member in hit.span.root.conjuncts:
            if member.i in covered or member.pos_ != "PROPN" or not _name_word(member) or member.is_sent_start:
                continue
            start, end = _name_run(doc, member.i, member.i + 1)
            span = doc[start:end]
            if covered.intersection(range(start, end)) or not _may_be_place(doc, span, (), start, end):
                continue
            out.append(PlaceHit(hit.rule, span, (), True))
            covered.update(range(start, end))
    return out


def _streets(doc: Doc, covered: set[int]) -> list[PlaceHit]:
    """Streets that neither the gazetteer nor the NER proposed: "near 14th Street", "in Rue Haute"."""
    out: list[PlaceHit] = []
    after, before = _street_words()
    for token in doc:
        if token.i in covered or token.lower_ not in after | before:
            continue
        if token.lower_ in after and token.i > 0 and _name_word(doc[token.i - 1]):
            start = _run_start(doc, token.i)
            if start > 0 and doc[start - 1].is_sent_start and _name_word(doc[start - 1]):
                start -= 1  # "Oxford Street was closed": the street's name starts the sentence
            span = doc[start:token.i + 1]
        elif token.lower_ in before and token.text[:1].isupper():
            span = doc[token.i:_name_run(doc, token.i, token.i + 1)[1]]
        else:
            continue
        if len(span) < 2 or covered.intersection(range(span.start, span.end)):
            continue
        if _may_be_place(doc, span, (), span.start, span.end):
            out.append(_street_hit(span))
            covered.update(range(span.start, span.end))
    return out


def _headed_names(doc: Doc, covered: set[int]) -> list[PlaceHit]:
    """Names no gazetteer knows, made places by the noun they name in a locative phrase: "in
    the Markets area", "in Arghandab district", "near the village of Kfar Aziz"."""
    out: list[PlaceHit] = []
    heads = words("place_heads")
    demonyms = country_of_demonym()
    for token in doc:
        if token.lower_ not in heads or token.i in covered:
            continue
        spans = []
        if not token.text.islower():
            # a capitalised "Governorate" or "State" is part of the name: "from Hodeidah Governorate"
            if _after_locative(token) and token.i > 0 and _name_word(doc[token.i - 1]):
                span = doc[_run_start(doc, token.i):token.i + 1]
                if len(span) > 1 and name_key(span.text) not in countries_by_name() \
                        and name_key(span[:-1].text) not in countries_by_name():
                    spans.append(span)
        elif _after_locative(token):
            spans.append(doc[_run_start(doc, token.i):token.i])  # "in Arghandab district", "in X and Y districts"
            spans.extend(_listed_before(doc, spans[-1]))
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None) \
            if token.text.islower() else None  # (not "the State of Israel")
        name = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if name is not None and _name_word(name):  # "the province of Logar", "the village of Kfar Aziz"
            spans.append(doc[_run_start(doc, name.i, of.i + 1):name.i + 1])
        for span in spans:
            if not span or covered.intersection(range(span.start, span.end)):
                continue
            if all(t.lower_ in not_places() or t.lower_ in words("name_prefixes") or t.lower_ in demonyms
                   for t in span):
                continue  # "the Indian state of Manipur": Indian names no place
            if all(t.pos_ == "ADJ" for t in span):
                continue  # "the Protestant districts", "Kurdish areas": a description, not a name
            if _may_be_place(doc, span, (), span.start, span.end):
                out.append(PlaceHit("places.headed", span, (), True))
                covered.update(range(span.start, span.end))
    return out


def _listed_before(doc: Doc, span: Span) -> list[Span]:
    """The names listed before a name that a plural place noun follows: "Pelmora" and "Ardan" of
    "in Pelmora, Ardan and Baskun districts" (each one a run of name words that the next name's
    head joins as a conjunct)."""
    out: list[Span] = []
    while span and span.start >= 2 and doc[span.start - 1].lower_ in ("and", ",") \
            and _name_word(doc[span.start - 2]):
        end = span.start - 1
        earlier = doc[_run_start(doc, end):end]
        if not earlier or not any(t.dep_ == "conj" and t.head.i in range(earlier.start, earlier.end) for t in span):
            break
        out.append(earlier)
        span = earlier
    return out


def _list_head(token):
    """The first member of the list the token is a later member of ("Saada" of "Saada and Sanaa"),
    or the token itself."""
    for _ in range(3):
        if token.dep_ != "conj" or token.head is token:
            break
        token = token.head
    return token


def _after_locative(token) -> bool:
    """The noun is the object of a locative preposition, alone or as a later member of a list
    ("in Blue Nile and West Kordofan states")."""
    token = _list_head(token)
    return token.dep_ == "pobj" and token.head.lower_ in _locative_preps()


def _name_word(token) -> bool:
    """A word that can continue a capitalised name: capitalised, or an ordinal ("23rd"); not a
    weekday, a month or another word that only looks like a name ("in Minnesota Saturday")."""
    text = token.text
    if not ((text[:1].isupper() and (token.is_alpha or "-" in text or text.endswith(".")
                                     or name_word_with_apostrophe(text)))
            or _ORDINAL.fullmatch(text)):
        return False
    lowered = token.lower_
    return lowered not in not_places() or lowered in _street_words()[0] or lowered in _street_words()[1] \
        or lowered in words("name_prefixes")


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _run_start(doc: Doc, index: int, floor: int = 0) -> int:
    """Where the run of name words ending before `index` starts: not before `floor`, not over a
    person's title, nor over the sentence's first word (capitalised whatever it is)."""
    titles = _person_titles()
    start = index
    while start > floor and _name_word(doc[start - 1]) and not doc[start - 1].is_sent_start \
            and doc[start - 1].lower_.rstrip(".") not in titles:
        start -= 1
    return start


def _name_run(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The whole run of capitalised words the candidate sits in ("Oxford" in "Oxford Street", "Kot"
    in "Shah Wali Kot"), not crossing the sentence's first word or a person's title."""
    while start < end - 1 and doc[start].lower_ in ("the", "a"):
        start += 1  # an entity span's article: "the Old Park Road"
    start = _run_start(doc, start)
    particles = name_particles()
    while start >= 3 and doc[start - 1].text == "-" and doc[start - 2].lower_ in particles \
            and _name_word(doc[start - 3]) and not doc[start - 2].is_sent_start:
        start = _run_start(doc, start - 2)  # "Deir al-Balah", found from "Balah"
    if start > 0 and doc[start - 1].is_sent_start and _name_word(doc[start - 1]) \
            and doc[start - 1].lower_ in _street_words()[1]:
        start -= 1  # "Rue Victor Hugo" at the start of a sentence
    while end < len(doc):
        if _name_word(doc[end]):
            end += 1
        elif end + 2 < len(doc) and doc[end].lower_ in particles and doc[end + 1].text == "-" \
                and _name_word(doc[end + 2]):
            end += 3  # "Badia al-Sham"
        else:
            break
    return start, end


def _water_name(doc: Doc, start: int, end: int) -> Span | None:
    """"Gulf of Aden", "Sea of Azov": the name at `start:end` with the water word (`water_words.txt`)
    and "of" before or after it; else None."""
    def water(token) -> bool:
        return token.lower_ in words("water_words") and token.text[:1].isupper()

    if start >= 2 and doc[start - 1].lower_ == "of" and water(doc[start - 2]):
        return doc[start - 2:end]  # "the Sea of Azov", found from "Azov"
    if not water(doc[end - 1]) or end + 1 >= len(doc) or doc[end].lower_ != "of" or not _name_word(doc[end + 1]):
        return None
    return doc[start:_name_run(doc, end + 1, end + 2)[1]]


def _attack_noun(token) -> bool:
    """A noun for an attack ("bombs", "bombing", "shelling", "car bomb") or for an incident ("the
    Jos clashes", "the Kandahar blasts"), read from harm_words and incident_nouns."""
    while token.dep_ == "compound" and token.head is not token:
        token = token.head  # "Kabul car bomb": the compound's last noun
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in words("harm_words") or lemma in words("incident_nouns"))


def _street_hit(span: Span) -> PlaceHit:
    """A street is a place by its street word, wherever it stands in the sentence."""
    return PlaceHit("places.street", span, (), _is_literal(span, (), span.root, True))


def _street(doc: Doc, start: int, end: int) -> Span | None:
    """The street, square or road the run names, with its street word ("Oxford Street", "Victor
    Hugo street", "Rue Victor Hugo"), or None."""
    after, before = _street_words()
    if end < len(doc) and doc[end].lower_ in after and end > start:
        return doc[start:end + 1]
    if end - start >= 2 and doc[end - 1].lower_ in after:
        return doc[start:end]
    if end - start >= 2 and doc[start].lower_ in before:
        return doc[start:end]
    return None


def _before_place_head(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ in words("place_heads")


@cache
def _person_titles() -> frozenset[str]:
    return frozenset(w.rstrip(".") for w in words("person_titles"))


def _may_be_place(doc: Doc, span: Span, entries: tuple[PlaceEntry, ...], run_start: int, run_end: int) -> bool:
    """False when the name is a person's or an organisation's, whatever village shares it: a title
    before it ("Mr Whitelaw", "Gov. Sanchez"), an organisation's word in its run ("Tigray Defence
    Force", "White House"), or an acronym that is no country ("RAND")."""
    if run_start > 0 and doc[run_start - 1].lower_.rstrip(".") in _person_titles():
        return False
    if not _party_tokens_of(doc).isdisjoint(range(span.start, span.end)):
        return False  # an armed group's or a person's name of the actor tables ("Hamas", "Tahrir al-Sham")
    if span.text.lower().rstrip(".") in _person_titles():
        return False  # the title itself ("Sen", "Gen."), whatever village has its name
    organisation = words("not_place_name_words")
    if any(doc[i].lower_ in organisation for i in range(run_start, run_end) if doc[i].text[:1].isupper()):
        return False
    text = span.text
    if text.isupper() and len(text) > 1 and not (entries and entries[0].feature == "PCLI"):
        return False
    if 0 < run_start and run_end < len(doc) and doc[run_start - 1].text == "(" and doc[run_end].text == ")":
        return False  # an agency's credit: "(Xinhua)", "(AFP)"
    people = words("person_nouns")
    if any(c.dep_ == "appos" and c.lemma_.lower() in people for c in span.root.children):
        return False  # "Donald, the police spokesman"
    return True


def _facility_name(doc: Doc, run_start: int, run_end: int) -> bool:
    """True when the run of name words ends in a capitalised facility word ("the South Hospital",
    "Evin Prison"): a building's name, which the guideline does not list as a place and which must
    not resolve to a village sharing one of its words (`facility_words.txt`)."""
    if run_end <= run_start:
        return False
    last = doc[run_end - 1]
    return last.text[:1].isupper() and last.lower_ in words("facility_words")


def _facility_hit(run: Span) -> list[PlaceHit]:
    """The building's whole name as a toponym with no gazetteer entry, when it stands in a
    locative phrase ("at the Manila Cathedral", "in the Central Mental Hospital"): a geoparser's
    place name, never an event place (`find_places` and `place_names` leave it out)."""
    if not _locative(run.root):
        return []
    return [PlaceHit(_rule(True), run, (), _is_literal(run, (), run.root, True), facility=True)]


def place_names(doc: Doc) -> list[tuple[int, int, str]]:
    """Names used as places (not countries) in the doc: (start token, end token, name as written)
    each, for the Doc annotation the other rules read (nlp/place_names.py)."""
    return [(h.span.start, h.span.end, h.span.text) for h in find_toponyms(doc)
            if h.literal and not h.facility and not (h.entries and h.entries[0].feature == "PCLI")]


def find_places(parsed: Iterable[ParsedSentence], article: Article, gazetteer_country_hint: str | None = None) -> list[PlaceMention]:
    """Event places of one article, one mention per resolved place, in order of first mention.

    Countries are left out (the country is the event's country, not its place), and so is a city
    standing for its government ("Baku denied", "Moscow's help", "the ministry in Yerevan").
    """
    parsed = list(parsed)
    hits: list[tuple[ParsedSentence, PlaceHit]] = []
    year = article.published.year if article.published else None
    for item in parsed:
        event_sentence = _has_event_word(item.sentence.text)
        for hit in find_toponyms(item.doc):
            current = event_sentence and not (in_since_clause(hit.span.root) or dated_earlier(hit.span.root, year)
                                              or _distance_reference(hit.span.root))
            hits.append((item, hit if current else PlaceHit(hit.rule, hit.span, hit.entries, False, hit.facility)))
    countries = _article_countries(parsed, hits)
    anchors = [h.entries[0] for _, h in hits if len(h.entries) == 1 and h.entries[0].feature != "PCLI"]
    anchors_besides = _context_anchors(hits, countries, anchors)
    mentions: list[PlaceMention] = []
    seen: set = set()
    # resolve is a pure function of the name and its entries once countries and anchors are fixed,
    # and an article names the same place many times. The entries tuple is keyed by identity (the
    # gazetteer hands out one tuple per name); `hits` keeps every tuple alive, so ids stay unique.
    resolved: dict[tuple[str, int], PlaceEntry | None] = {}
    persons = _names_of_people(parsed) | _people_in_text(f"{article.title or ''}\n{article.text}")
    for item, hit in hits:
        if not hit.literal or hit.facility:
            continue
        name = hit.span.text
        if len(hit.span) == 1 and hit.span[0].lower_ in persons and not (hit.entries and _strong(hit.entries[0])):
            continue  # "Sanchez reopened her shop" after "Isabelle Sanchez": the surname, not the village
        memo = (name, id(hit.entries))
        if memo not in resolved:
            resolved[memo] = resolve(name, hit.entries, countries, anchors_besides(name))
        entry = resolved[memo]
        if entry is not None and entry.feature == "PCLI":
            continue
        key = entry.id if entry else hit.span.text.lower()
        if key in seen:
            continue
        seen.add(key)
        sentence = item.sentence
        mentions.append(PlaceMention(
            name=hit.span.text,
            place=_place(entry) if entry else None,
            sentence=sentence.text,
            provenance=Provenance(article.id, sentence.index, sentence.start + hit.span.start_char,
                                  sentence.start + hit.span.end_char, hit.rule),
        ))
    return mentions


def _distance_reference(head) -> bool:
    """True when the name is the point a distance is measured from ("80 km north of the capital
    Ouagadougou", "40 km from Srinagar", "15 kilometres (nine miles) south-east of X"): the event
    happened away from it, so it is no event place (`distance_words.txt`). It stays a toponym for
    the other rules, as the ledger reads such context places itself."""
    member = _list_head(_named_as_place(head) or head)
    if member.dep_ != "pobj" or _distance_word(member.head) != "preposition":
        return False
    doc, i = member.doc, member.head.i - 1
    while i >= 0:
        kind = _distance_word(doc[i])
        if kind == "unit":
            return True
        if kind == "direction":
            i -= 1
        elif doc[i].text == ")":
            while i >= 0 and doc[i].text != "(":
                i -= 1  # "(nine miles)": an aside between the distance and its direction
            i -= 1
        else:
            return False
    return False


def _distance_word(token) -> str | None:
    """What the token is in a distance reference: "unit", "direction", "preposition" or None."""
    return mapping("distance_words").get(token.lower_)


def _context_anchors(hits, countries: set[str], anchors: list[PlaceEntry]):
    """For a name, the anchors to resolve it by: the article's unambiguous places, and the first
    reading of each of its other ambiguous names ("Barda", a town in Azerbaijan and in Russia,
    still places "Martuni" beside it in Karabakh, not in Armenia). A name never anchors itself."""
    first: dict[str, PlaceEntry] = {}
    for _, hit in hits:
        if hit.literal and len(hit.entries) > 1:
            key = name_key(hit.span.text)
            if key not in first:
                entry = resolve(hit.span.text, hit.entries, countries, anchors)
                if entry is not None and entry.feature != "PCLI":
                    first[key] = entry
    if not first:
        return lambda name: anchors
    return lambda name: anchors + [e for key, e in first.items() if key != name_key(name)]


def _strong(entry: PlaceEntry) -> bool:
    """A country, capital, first-level division or one of our own entries: no surname outweighs it."""
    return entry.id >= 90_000_000 or entry.feature in ("PCLI", "PPLC", "RGN", "ADM1")


def _names_of_people(parsed: list[ParsedSentence]) -> frozenset[str]:
    """Lower-cased words the article uses in a person's or a party's name: after a title ("Gov.
    Sanchez"), in a person's full name ("Ivan Duque"), or as the subject of a statement or an act
    of war ("the Taliban said"). One such use makes the word a name in the whole article."""
    out: set[str] = set()
    titles = _person_titles()
    for item in parsed:
        doc = item.doc
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                out.update(t.lower_ for t in ent if t.text[:1].isupper())
        for token in doc:
            if token.lower_.rstrip(".") in titles and token.i + 1 < len(doc) and token.text[:1].isupper():
                end = token.i + 1
                while end < len(doc) and _name_word(doc[end]):
                    out.add(doc[end].lower_)
                    end += 1
        for hit in find_toponyms(doc):
            head = hit.span.root
            if len(hit.span) == 1 and head.dep_ == "nsubj" and (
                    head.head.lemma_.lower() in words("agent_verbs") or head.head.lemma_.lower() in _statement_verbs()):
                out.add(head.lower_)
    return frozenset(out)


@cache
def _person_name_pattern() -> re.Pattern:
    leads = sorted({re.escape(w[:1].upper() + w[1:]) for w in (*_person_titles(), *given_names())},
                   key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(leads)})\.?[ \t]+((?:(?:[A-Z]\.|[A-Z][\w-]*)[ \t]+){{0,2}}[A-Z][\w-]+)")


def _people_in_text(text: str) -> frozenset[str]:
    """Lower-cased words of the names written after a person's title or a given name anywhere in the article
    ("President Ana Lopez", "Gen. Kaba", "George W. Bush"), its title and the sentences no rule parses
    included: a surname so introduced in a background paragraph is the same person's when a sentence of
    events names him alone."""
    titles = _person_titles()
    return frozenset(word for match in _person_name_pattern().finditer(text)
                     for word in (w.lower().rstrip(".") for w in match.group(1).split()) if word not in titles)


def resolve(name: str, entries: tuple[PlaceEntry, ...], countries: set[str], anchors: list[PlaceEntry]) -> PlaceEntry | None:
    """The most plausible entry for the name: exact primary name, the article's countries, nearby
    unambiguous places and population each add to an entry's score."""
    if not entries:
        return None
    key = name_key(name)
    nearby = _AnchorCounts(anchors)
    anchor_countries = {anchor.country for anchor in anchors}
    best, best_score = None, -math.inf
    for entry in entries:
        score = 0.0
        if name_key(entry.name) == key:
            score += 1.0
        if entry.country in countries:
            score += 2.0
        if entry.country in anchor_countries:
            score += 1.0  # the country of the other places the article names
        if entry.id >= 90_000_000:
            score += 1.0  # our own entry (place_aliases): the sea, not the governorate named after it
        if entry.feature in ("PCLI", "PPLC"):
            score += 0.5
        elif entry.feature.startswith("PPL"):
            score += 0.2
        score += nearby.within(entry, 250, 3) * 0.7
        # closer still: of two homonyms in the region of the war (Martuni in Armenia and in
        # Karabakh), the one beside the places the article names
        score += nearby.within(entry, _CLOSE_KM, 3) * 0.8
        score += math.log10(entry.population + 10) / 4
        if score > best_score:
            best, best_score = entry, score
    if best is not None and best.feature in ("ADM1", "ADM2"):
        # A district named after its town ("Susa" the district, Shusha the town): name the town.
        town = next((e for e in entries if e.feature.startswith("PPL") and e.country == best.country
                     and _km(e, best) < 60), None)
        best = town or best
    return best


def _article_countries(parsed: list[ParsedSentence], hits) -> set[str]:
    """The countries the article names: by name, by demonym, or by a capital that speaks or acts
    for its government ("Yerevan said"), where `_is_literal` found it no place."""
    countries = {h.entries[0].country for _, h in hits if h.entries and (
        h.entries[0].feature == "PCLI" or h.entries[0].feature == "PPLC" and not h.literal)}
    demonyms = country_of_demonym()
    for item in parsed:
        countries.update(demonyms[form] for form in lower_forms(item.doc) if form in demonyms)
    return countries


def _entity_label(span: Span, ents: tuple[Span, ...]) -> str | None:
    """The label of the first of the Doc's entities (`ents`, read once by the caller) overlapping the span."""
    for ent in ents:
        if ent.start < span.end and span.start < ent.end:
            return ent.label_
    return None


def _rule(locative: bool) -> str:
    return "places.locative" if locative else "places.event_sentence"


def _locative(head) -> bool:
    """True when the name whose root is `head` stands in a locative phrase ("in X", "the town of X"),
    alone or as a later member of a list ("in X and Y")."""
    head = _list_head(head)
    if head.dep_ == "pobj" and head.head.lower_ in _locative_preps():
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in words("place_heads"):
        return True
    if head.dep_ == "appos" and head.head.lower_ in words("place_heads"):
        return True
    return False


def _is_literal(span: Span, entries: tuple[PlaceEntry, ...], head, locative: bool) -> bool:
    """False when the name stands for a government or people, or only modifies another noun.
    head and locative: the span's root and `_locative(head)`, which the caller has worked out."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text in ("'s", "’s", "'"):
        # "Beirut's southern suburbs", "Kharkiv's Saltivka district", "Gaza's main hospital": the place a
        # part of it or a building in it belongs to; "Russia's defence ministry" is a government's
        possessed = head.head if head.dep_ == "poss" else None
        return possessed is not None and possessed.pos_ == "NOUN" and (
            possessed.lower_ in words("place_heads") or possessed.lower_ in words("facility_words"))
    if after is not None and after.text == "-" and span.end + 1 < len(doc) and doc[span.end + 1].lower_ in words("modifier_participles"):
        return False
    if head.dep_ == "compound" and _attack_noun(head.head):
        return True  # "the Quetta bombs", "last week's Kabul car bomb": where the attack happened
    if head.dep_ == "compound" and head.head.lower_ in words("place_heads"):
        return True  # "Sanaa airport", "the Kharkiv region": the name names where the noun is
    if head.dep_ in ("compound", "amod", "poss") and head.head.lower_ not in words("place_heads") and not head.head.ent_type_ in _PLACE_LABELS:
        return False
    named = _named_as_place(head)
    if named is not None:
        head = named  # "officials in the capital, Kyiv,": the noun phrase's role is the place noun's
    if head.dep_ == "pobj":
        prep = head.head
        holder = prep.head
        if prep.lower_ in ("in", "at", "from") and (holder.lower_ in words("government_nouns")
                                                   or holder.lemma_.lower() in words("government_nouns")):
            return False  # "officials in Washington": where the sources are, not the event
        if holder.pos_ in ("VERB", "AUX") and holder.lemma_.lower() in _statement_verbs() \
                and not any(c.dep_ in ("nsubjpass", "auxpass") for c in holder.children):
            return False  # "speaking in Colorado": where a statement was made, not "was reported in X"
        if prep.lower_ == "of" and (holder.ent_type_ == "PERSON" or holder.pos_ == "PROPN"):
            return False  # "Keith Salomon of Delaware": where a person is from
    # a capital by its own name, first or second reading ("Washington": the state, then the capital),
    # unless a place noun calls it a city ("the capital Sanaa"): then it is no government
    capital = named is None and any(e.feature == "PPLC" and name_key(e.name) == name_key(span.text)
                                    for e in entries[:2])
    if head.dep_ == "nsubj" and (head.head.lemma_.lower() in words("agent_verbs")
                                 or head.head.lemma_.lower() in words("speech_verbs")):
        return False
    member = _list_head(head)  # "hit Saada and Sanaa"
    verb = member.head
    if capital and member.dep_ in ("dobj", "nsubjpass") and (verb.lemma_.lower() in words("harm_words")
                                                            or verb.lemma_.lower() in words("capture_verbs")
                                                            or verb.lower_ in words("capture_verbs")):
        return True  # "missiles struck Tehran", "Kyiv was shelled overnight", "retook Khartoum": the target
    if head.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "conj", "appos", "attr", "ROOT") and capital \
            and not locative:
        return False
    if capital:
        if not (locative and head.head.lower_ in _capital_preps() | {"of"}):
            return False
        prep = head.head
        if prep.head.lower_ in words("government_nouns") or prep.head.lemma_.lower() in words("government_nouns"):
            return False
    return True


def _named_as_place(head):
    """The head of the noun phrase when a place noun names the name a place: the noun itself for
    "the capital, Kyiv," and "the city of Kharkiv", the name for "the capital Sanaa" and "the
    Sudanese capital Khartoum"; None when no place noun does. Such a phrase speaks of the city, so
    a capital named in it is no government ("strikes on the capital Sanaa"), while its role in the
    sentence (the object of "in", the subject of "said") is still the whole phrase's."""
    heads = words("place_heads")
    if head.dep_ == "appos" and head.head.lower_ in heads:
        return head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in heads:
        return head.head.head
    if any(c.dep_ == "compound" and c.lower_ in heads for c in head.children):
        return head
    return None


_EARTH_KM = 6371
_CLOSE_KM = 100


def _km(a: PlaceEntry, b: PlaceEntry) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return _EARTH_KM * 2 * math.asin(min(1.0, math.sqrt(h)))


class _AnchorCounts:
    """The anchors of `resolve`, counted by what distance and identity read (id, lat, lon).

    An article's anchor list repeats the same places once per mention, so each distinct anchor's
    distance to a candidate entry is computed once and weighted by its count, not once per mention.
    """

    def __init__(self, anchors: list[PlaceEntry]):
        counts: dict[tuple[int, float, float], int] = {}
        first: dict[tuple[int, float, float], PlaceEntry] = {}
        for anchor in anchors:
            key = (anchor.id, anchor.lat, anchor.lon)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, anchor)
        self._groups = [(first[key], count) for key, count in counts.items()]

    def within(self, entry: PlaceEntry, km: float, cap: int) -> int:
        """How many anchors other than the entry lie within `km` of it, counted up to `cap`. An
        anchor further north or south than `km` is farther than that whatever its longitude, so
        its distance is not worked out (with a margin above rounding)."""
        found = 0
        degrees = math.degrees(km / _EARTH_KM) * (1 + 1e-6)
        for anchor, count in self._groups:
            if abs(anchor.lat - entry.lat) > degrees:
                continue
            if anchor.id != entry.id and _km(anchor, entry) < km:
                found += count
                if found >= cap:
                    return cap
        return found


def _place(entry: PlaceEntry) -> Place:
    precision = _FEATURE_PRECISION.get(entry.feature, GeoPrecision.CITY)
    return Place(entry.id, entry.name, entry.lat, entry.lon, entry.country, entry.admin1, entry.feature,
                 entry.population, precision)
