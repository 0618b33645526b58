"""Casualty figures: counts of people killed, wounded, missing, displaced or captured, with claimants.

Finding (which numbers count people, and how) is separate from building Figure records; every
figure carries the name of the rule that found it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc, Token

from ..model import Article, Figure, FigureKind, Provenance, Qualifier
from ..nlp.annotate import ParsedSentence, remembered, text_of, tokens_of
from ..nlp.dates import find_dates
from ..nlp.demonyms import country_of_demonym
from ..nlp.numbers import NumberMention, find_numbers
from .attribution import Speaker, find_speaker
from .history import dated_earlier, in_since_clause
from .words import mapping, words

ARTICLE_ITSELF = "the article itself"
RULES = (
    "figures.number_people_kind",  # "27 villagers have been killed", "12,000 people dead"
    "figures.kind_verb_number",  # "has killed at least 64 fishermen", "injured 300"
    "figures.number_kind_noun",  # "5,000 deaths", "1,200 lives"
    "figures.toll_number",  # "the death toll was nearing 5,000", "the toll rose to 12 on Friday"
    "figures.driven_from_home",  # "fighting has forced 20,000 people from their homes"
    "figures.counted_number",  # "the number of villagers killed - between 40 and 70"
    "figures.in_hospital",  # "six remain in hospital"
    "figures.partitive_kind",  # "four of the wounded later died"
    "figures.zero",  # "no fatalities", "no one was hurt": a hit for the claim rules, never a Figure
)

_NUMBER_HINT = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|\w+teen)\b",
    re.I,
)
_ZERO = re.compile(
    r"\b(?:no|zero)\s+(?:(?:civilian|military|reported|immediate)\s+)?(fatalities|deaths|casualties|injuries|dead)\b"
    r"|\bno\s*(?:-\s*)?one\s+(?:was|were|had been|has been)\s+(killed|hurt|injured|wounded)\b",
    re.I,
)
_VAGUE_BEFORE = re.compile(r"\b(?:several|many|few|tens of|hundreds of|thousands of)\s+$", re.I)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@cache
def _historical() -> re.Pattern:
    """A war dated to an earlier year or decade ("the 1990s war", "the conflict that ended in 1994"),
    its nouns from war_nouns.txt."""
    wars = "|".join(re.escape(w) for w in sorted(words("war_nouns"), key=len, reverse=True))
    return re.compile(
        rf"\b(?:(1[89]\d0s|(?:19|20)\d\d)(?:'s)?\s+(?:{wars})\b"
        rf"|(?:{wars}),?\s+(?:(?:that\s+|which\s+)?ended\s+(?:in\s+)?|of\s+|in\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?)(1[89]\d0s|(?:19|20)\d\d)"
        rf"|\b(?:previous|earlier|former|first|last)\s+(?:{wars})\b)",
        re.I,
    )
# A month's name or abbreviation, whole ("Sept.", "March"; not "marines" or "separatists").
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_NEAR = re.compile(rf"\b{_MONTH}\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"\s*{_MONTH}\b", re.I)


@dataclass(frozen=True, slots=True)
class FigureHit:
    """A number the rules accept as a count of people, before it becomes a Figure."""

    rule: str
    number: NumberMention
    kind: FigureKind
    who: str | None
    anchor: int  # token index of the number in the sentence doc


@lru_cache(maxsize=4096)
def wants(text: str) -> bool:
    """Cheap filter: a sentence with a number and a casualty word, "hospital" (the wounded of
    `_hospitalised`) or a home people leave (the displaced of `_driven_from_home`), or a zero phrase.
    Remembered for recent sentences: asked when choosing what to parse and again by the rules."""
    lowered = text.lower()
    if _ZERO.search(text):
        return True
    return bool(_NUMBER_HINT.search(text)) and (any(w in lowered for w in _casualty_stems()) or "hospital" in lowered
                                                or bool(_leaving_home().search(text)))


@cache
def _leaving_home() -> re.Pattern:
    """A home left or fled, for the filter: "from their homes", "abandoned their farms"."""
    return re.compile(rf"\b(?:{_home_phrase()}|{_left_home()})", re.I)


@cache
def _casualty_stems() -> tuple[str, ...]:
    return tuple(sorted({w[:5] for w in mapping("casualty_words")}))


def find_figures(parsed: Iterable[ParsedSentence], article: Article) -> list[Figure]:
    """Every casualty figure in the parsed sentences of one article, in text order."""
    figures: list[Figure] = []
    parsed = list(parsed)
    for index, item in enumerate(parsed):
        hits = match_figures(item.doc) if wants(item.sentence.text) else []
        for hit in hits:
            if hit.rule == "figures.zero":
                continue  # "no casualties" is no figure (the guideline's F24); the claim rules read the hit
            speaker = _claimant(item.doc, hit.anchor, lambda index=index: _last_named_speaker(parsed, index))
            figures.append(_build(hit, item, article, speaker))
    return figures


def _last_named_speaker(parsed: list[ParsedSentence], before: int) -> str | None:
    """Who the article last named as speaking before this sentence: what a "he said" refers to.
    Worked out only when a pronoun asks, from the nearest sentence back, so that most sentences
    are never searched for a speaker."""
    for item in reversed(parsed[:before]):
        named = remembered(item.doc, "named_speaker", lambda doc=item.doc: _named_speaker(doc))
        if named:
            return named
    return None


def match_figures(doc: Doc) -> list[FigureHit]:
    """The figure hits of one sentence: numbers counting people with the kind of harm they suffered.

    The claim rules ask too (a toll is not a claim), so the answer is remembered on the Doc."""
    return list(remembered(doc, "figures", lambda: tuple(_match_figures(doc))))


def _match_figures(doc: Doc) -> list[FigureHit]:
    text = text_of(doc)
    hits: list[FigureHit] = []
    for number in _dates_split_from_ranges(text, find_numbers(text)):
        hit = _match_number(doc, number)
        if hit:
            hits.append(hit)
    hits = _distribute_qualifiers(doc, hits)
    for match in _ZERO.finditer(text):
        word = (match.group(1) or match.group(2) or "").lower()
        kind = FigureKind.WOUNDED if word in ("injuries", "hurt", "injured", "wounded") else FigureKind.KILLED
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        number = NumberMention(0, match.start(), match.end(), match.group(0))
        hits.append(FigureHit("figures.zero", number, kind, None, span.start if span else 0))
    return sorted(hits, key=lambda h: h.number.start)


def _dates_split_from_ranges(text: str, numbers: list[NumberMention]) -> list[NumberMention]:
    """"the toll since Oct. 7 to 30,631": a "range" whose lower end is the day of a month is a date and then
    a number. The date is no count (`_not_a_count`), so only the number after it is kept, exact as written."""
    out = []
    for number in numbers:
        upper = re.search(r"\s(?:to|-|and)\s+(\S.*)$", number.text)
        if number.upper is not None and upper and _MONTH_NEAR.search(text[:number.start]):
            start = number.start + upper.start(1)
            out.append(NumberMention(number.upper, start, number.end, text[start:number.end]))
        else:
            out.append(number)
    return out


def _match_number(doc: Doc, number: NumberMention) -> FigureHit | None:
    span = doc.char_span(number.start, number.end, alignment_mode="expand")
    if span is None or _not_a_count(doc, number, span):
        return None
    first, last = span[0], span[-1]
    if _group_size(doc, first.i):
        return None
    kinds = mapping("casualty_words")
    people = words("people_nouns")
    after = _tokens_after(doc, last.i)
    before = _tokens_before(doc, first.i)
    noun = next((t for t in _noun_phrase(after) if t.lower_ in people or _demonym_plural(t.lower_)
                 or _invariant_demonym(t)), None)
    who = doc[last.i + 1:noun.i + 1].text if noun is not None else None
    if who:
        who = re.sub(r"^(of\s+)", "", who)
    # "N dead", "N deaths", "N killed": the word after the number says the kind.
    if after and after[0].lower_ in kinds and (after[0].lower_ not in people or after[0].lower_ in words("self_kind_nouns")):
        kind = _kind(after[0].lower_)
        return FigureHit("figures.number_kind_noun", number, kind, who, first.i)
    # "killed at least 64 fishermen", "injured 300": a casualty verb right before the number.
    if before and before[0].lower_ in kinds and before[0].pos_ in ("VERB", "AUX", "ADJ"):
        return FigureHit("figures.kind_verb_number", number, _kind_at(before[0]), who, first.i)
    partitive = _partitive_predicate(doc, last.i)
    if partitive is not None:  # "four of the wounded later died": the verb says what befell them
        return FigureHit("figures.partitive_kind", number, _kind_at(partitive), who, first.i)
    if noun is not None:
        if noun.lower_ in kinds and noun.lower_ in words("self_kind_nouns"):
            return FigureHit("figures.number_kind_noun", number, _kind(noun.lower_), who, first.i)
        if _driven_from_home(doc, first.i, noun):
            return FigureHit("figures.driven_from_home", number, FigureKind.DISPLACED, who, first.i)
        kind_token = _own_predicate(doc, noun.i) or _listed_kind(doc, first.i) \
            or _kind_word_after(doc, noun.i) or _kind_word_before(doc, first.i)
        if kind_token is not None:
            return FigureHit("figures.number_people_kind", number, _kind_at(kind_token), who, first.i)
        # "30 villagers were kept in hospital", "and 15 others [discharged after treatment]" after one:
        # people taken to or kept in hospital are the wounded, with or without a casualty word.
        if _hospitalised().match(text_of(doc)[noun.idx + len(noun.text):]) \
                or _hospitalised().search(text_of(doc)[:number.start]):
            return FigureHit("figures.in_hospital", number, FigureKind.WOUNDED, who, first.i)
        return None
    described = _described_kind_noun(after)
    if described is not None:  # "at least 70 extrajudicial killings", "45 unlawful killings"
        return FigureHit("figures.number_kind_noun", number, _kind(described.lower_), None, first.i)
    predicate = _own_predicate(doc, last.i)
    if predicate is not None:  # "six soldiers were killed and eight are missing": the number is the subject
        return FigureHit("figures.number_people_kind", number, _kind_at(predicate), None, first.i)
    if re.match(r"\s+(?:\w+\s+){0,2}?" + _hospitalised().pattern, text_of(doc)[number.end:], re.I):
        # "while six remain in hospital": the wounded still treated
        return FigureHit("figures.in_hospital", number, FigureKind.WOUNDED, None, first.i)
    counted = _counted_before().search(text_of(doc)[:number.start])
    if counted is not None and (not after or after[0].is_punct or after[0].lower_ in ("according", "in", "on")):
        who = counted.group(1).strip() or "people"
        return FigureHit("figures.counted_number", number, _kind(counted.group(2).lower()), who, first.i)
    toll = next((t for t in doc[:first.i] if t.lower_ in _toll_words()), None)
    if toll is not None and (not after or after[0].is_punct or _gives_a_toll(doc, number)):
        return FigureHit("figures.toll_number", number, _kind(toll.lower_), "people", first.i)
    return None


@cache
def _toll_words() -> frozenset[str]:
    """The toll nouns that say by themselves what they count ("toll": the dead); "number" or "count" need
    a casualty word with them, which `_counted_before` reads."""
    return frozenset(w for w in words("toll_nouns") if w in mapping("casualty_words"))


@cache
def _toll_value() -> re.Pattern:
    """A toll and the word that gives its value, right before the number: "the death toll rose to", "raising
    the toll since March to", "the toll reached". No comma or colon between them: the toll is the
    subject or object of the clause that gives the number."""
    tolls = "|".join(re.escape(w) for w in _toll_words())
    verbs = "|".join(re.escape(w) for w in sorted(words("toll_verbs"), key=len, reverse=True))
    return re.compile(rf"\b(?:{tolls})\b[^,;:()]{{0,80}}?\b(?:{verbs})\s*$", re.I)


def _gives_a_toll(doc: Doc, number: NumberMention) -> bool:
    """"The death toll rose to 12 on Friday", "the toll climbed to 31 after two more soldiers died": the number
    is the toll's value, whatever follows it (a date, a clause of its own)."""
    start = number.qualifier_start if number.qualifier_start is not None else number.start
    return bool(_toll_value().search(text_of(doc)[:start]))


def _noun_phrase(after: list[Token]) -> list[Token]:
    """The words after a number that can still name what it counts: up to a preposition other than "of" or
    a subordinating conjunction. "rose to 12 as rescuers pulled more bodies from the ruins" counts no
    bodies; "1,166 of their troops" counts troops."""
    out = []
    for token in after:
        if token.pos_ == "SCONJ" or token.pos_ == "ADP" and token.lower_ != "of":
            break
        out.append(token)
    return out


@cache
def _home_phrase() -> str:
    """"from their homes", "out of their villages": the home people are forced from (home_nouns.txt)."""
    homes = "|".join(re.escape(w) for w in sorted(words("home_nouns"), key=len, reverse=True))
    return rf"(?:from|out\s+of)\s+(?:(?:their|his|her|our|its)\s+)?(?:own\s+)?(?:{homes})\b"


@cache
def _left_home() -> str:
    """"to leave their homes", "abandoned their farms": a home as the object of a leaving verb."""
    homes = "|".join(re.escape(w) for w in sorted(words("home_nouns"), key=len, reverse=True))
    leaving = "|".join(re.escape(w) for w in sorted(words("leaving_verbs"), key=len, reverse=True))
    return rf"(?:{leaving})\s+(?:their|his|her|our|its)\s+(?:own\s+)?(?:{homes})\b"


@cache
def _displaced_after() -> tuple[re.Pattern, re.Pattern]:
    """What follows the counted noun when people are displaced: with the displacing verb before the
    number ("forced 20,000 people from their homes", "drove 300 civilians to leave their villages"), or
    after it, from the noun or from the verb it is the subject of ("1.5 million people have been forced
    from their homes", "3,000 villagers in Chin State were driven out of their villages", "4,000
    villagers have left their homes")."""
    driving = "|".join(re.escape(w) for w in sorted(words("displacing_verbs"), key=len, reverse=True))
    active = re.compile(rf"\s+(?:{_home_phrase()}|to\s+{_left_home()})", re.I)
    passive = re.compile(rf"\s*(?:(?:have|has|had|were|was|are|is|been|being|already|now|all)\s+)*"
                         rf"(?:(?:{driving})\s+(?:{_home_phrase()}|to\s+{_left_home()})|{_left_home()})", re.I)
    return active, passive


def _driven_from_home(doc: Doc, index: int, noun: Token) -> bool:
    """Whether the people counted at `index` (their noun `noun`) are said to be forced from or to leave their
    homes: displacement, which no single casualty word names."""
    active, passive = _displaced_after()
    text = text_of(doc)
    before = _tokens_before(doc, index)
    if before and before[0].lower_ in words("displacing_verbs") and active.match(text, noun.idx + len(noun.text)):
        return True
    last = _last_coordinated_count(noun)
    verb = _verb_of_subject(noun)
    return bool(passive.match(text, last.idx + len(last.text)) or verb is not None and passive.match(text, verb.idx))


def _last_coordinated_count(noun: Token) -> Token:
    """The noun of the last count coordinated after this one ("250,000 Sudanese and more than 60,000
    Chadians"): the counts share the predicate that follows the last, however the parser joined them."""
    doc, people = noun.doc, words("people_nouns")
    i = noun.i + 1
    while i < len(doc) and doc[i].lower_ in ("and", ","):
        j = i + 1
        while j < len(doc) and doc[j].lower_ in words("count_lead_words"):
            j += 1
        while j + 1 < len(doc) and doc[j].like_num and doc[j + 1].like_num:
            j += 1  # "1.5 million"
        if j >= len(doc) or not doc[j].like_num:
            break
        following = next((t for t in _noun_phrase(_tokens_after(doc, j)) if t.lower_ in people
                          or _demonym_plural(t.lower_) or _invariant_demonym(t)), None)
        if following is None:
            break
        noun, i = following, following.i + 1
    return noun


def _verb_of_subject(noun: Token) -> Token | None:
    """The verb whose subject the noun is, or the first of the nouns it is coordinated with ("250,000
    Sudanese and 60,000 Chadians have abandoned their homes"), with its auxiliaries' place: the first
    auxiliary before it."""
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    if not noun.dep_.startswith("nsubj") or noun.head.i < noun.i:
        return None
    verb = noun.head
    auxiliaries = [t for t in verb.lefts if t.dep_ in ("aux", "auxpass") and t.i > noun.i]
    return auxiliaries[0] if auxiliaries else verb


def _own_predicate(doc: Doc, index: int) -> Token | None:
    """The casualty word the noun at `index` is the subject of, reached over auxiliaries and adverbs only:
    "84 mercenaries were captured", "four men injured". "84 mercenaries and captured several others" has
    none: the verb after "and" is another predicate of the sentence's subject."""
    kinds = mapping("casualty_words")
    for token in doc[index + 1:index + 6]:
        if token.lower_ in kinds and token.lower_ not in ("taken", "toll"):
            return token
        if token.pos_ not in ("AUX", "ADV", "PART") and token.lower_ not in ("who", "that"):
            return None
    return None


def _described_kind_noun(after: list[Token]) -> Token | None:
    """A noun that says the kind by itself (lexicon self_kind_nouns) after adjectives only: "70 extrajudicial
    killings", "12 violent deaths"."""
    for token in _noun_phrase(after):
        if token.lower_ in words("self_kind_nouns") and token.lower_ in mapping("casualty_words"):
            return token
        if token.pos_ != "ADJ":
            return None
    return None


def _group_size(doc: Doc, index: int) -> bool:
    """Whether the number at `index` is the size of the group a count is part of: "six of the 40 passengers
    were killed" counts six dead, not forty."""
    return index >= 3 and doc[index - 1].lower_ == "the" and doc[index - 2].lower_ == "of" \
        and (doc[index - 3].like_num or doc[index - 3].lower_ in words("count_lead_words"))


def _partitive_predicate(doc: Doc, index: int) -> Token | None:
    """The casualty verb of a count given as a part of a group ("four of the wounded later died", "two of
    the injured soldiers died overnight"): the group says who is counted, the verb what befell them."""
    if index + 1 >= len(doc) or doc[index + 1].lower_ != "of":
        return None
    objects = [c for c in doc[index + 1].children if c.dep_ == "pobj"]
    return _own_predicate(doc, objects[0].right_edge.i) if objects else None


def _listed_kind(doc: Doc, index: int) -> Token | None:
    """The casualty verb of a list the number at `index` continues: "killed 47 soldiers and 84 mercenaries",
    "killed at least eight people, including two children, and wounded 28 others". Each count of the list
    suffers what its verb says, not what a later verb of the sentence does to others."""
    i = index - 1
    while i >= 0 and doc[i].lower_ in words("count_lead_words"):
        i -= 1
    joined = False
    while i >= 0 and (doc[i].lower_ in words("list_joiners") or doc[i].text == ","):
        i, joined = i - 1, True
    if not joined:
        return None
    j = i  # back over the previous count's noun ("eight people", "47 soldiers", "12 Afghan soldiers") to its number
    while j >= 0 and i - j < 4 and not doc[j].like_num and doc[j].pos_ in ("NOUN", "PROPN", "ADJ"):
        j -= 1
    if j < 0 or not doc[j].like_num:
        return None
    if j != i and doc[i].lower_ not in words("people_nouns") and not _demonym_plural(doc[i].lower_):
        return None
    while j > 0 and doc[j - 1].like_num:
        j -= 1  # "1.5 million"
    verb = _tokens_before(doc, j)
    if verb and verb[0].lower_ in mapping("casualty_words") and verb[0].pos_ in ("VERB", "AUX"):
        return verb[0]
    return _listed_kind(doc, j)  # a longer list: "killed five soldiers, three policemen and two civilians"


@cache
def _counted_before() -> re.Pattern:
    """"the number of civilians killed", "the tally of the dead": a count noun, what it counts (up to three words
    or none) and a casualty word, anywhere before the number in its sentence."""
    counts = "|".join(re.escape(w) for w in words("count_nouns"))
    kinds = "|".join(sorted((re.escape(w) for w in mapping("casualty_words") if w not in ("taken", "toll")),
                            key=len, reverse=True))
    return re.compile(rf"\b(?:{counts})\s+of\s+(?:the\s+|those\s+)?((?:[\w-]+\s+){{0,3}}?)({kinds})\b", re.I)


def _not_a_count(doc: Doc, number: NumberMention, span) -> bool:
    text = text_of(doc)
    raw = number.text.replace(",", "")
    if _VAGUE_BEFORE.search(text[: number.start]):
        return True  # "several thousand people": a vague quantity, no figure
    if _YEAR.match(raw) and "," not in number.text:
        return True
    if _MONTH_NEAR.search(text[: number.start]) or _MONTH_AFTER.match(text[number.end:]):
        return True
    if re.match(r"\s*[:.]\d", text[number.end:]) or re.search(r"(article|no\.|section|\$|€|£|#)\s*$", text[: number.start], re.I):
        return True
    following = span.doc[span[-1].i + 1] if span[-1].i + 1 < len(span.doc) else None
    if following is not None and (following.lower_ in words("not_counts") or following.text in ("%",)):
        return True
    if following is not None and following.text == "-" and span[-1].i + 2 < len(span.doc):
        joined = span.doc[span[-1].i + 2]
        if joined.lower_ in words("not_counts") or joined.pos_ == "NOUN" and joined.lower_ not in words("people_nouns"):
            return True  # "a five-storey building", "a 10-year-old girl": a modifier, no count of people
    if span[0].i > 0 and span.doc[span[0].i - 1].lower_ in ("the", "a") and following is not None and following.pos_ == "NOUN" and following.lower_ not in words("people_nouns"):
        return True
    return False


def _tokens_after(doc: Doc, index: int, limit: int = 5) -> list[Token]:
    out = []
    for token in doc[index + 1:index + 1 + limit]:
        if token.like_num or token.text in (",", ";", ":", "(", ")") or token.lower_ in ("and", "but", "including", "while"):
            break
        out.append(token)
    return out


def _tokens_before(doc: Doc, index: int) -> list[Token]:
    """The word before the number, skipping its qualifier ("killed at least 91" gives "killed")."""
    out = []
    i = index - 1
    while i >= 0 and (doc[i].lower_ in words("count_lead_words") or doc[i].is_punct and doc[i].text == "-"):
        i -= 1
    if i >= 0:
        out.append(doc[i])
    return out


def _kind_word_after(doc: Doc, index: int) -> Token | None:
    kinds = mapping("casualty_words")
    for token in doc[index + 1:]:
        if token.text in (";",):
            break
        if token.lower_ in kinds and token.lower_ not in ("taken", "toll"):
            return token
    return None


def _kind_word_before(doc: Doc, index: int) -> Token | None:
    kinds = mapping("casualty_words")
    for token in reversed(doc[:index]):
        if token.lower_ in kinds and token.lower_ not in ("taken", "toll"):
            return token
    return None


def _kind(word: str) -> FigureKind:
    value = mapping("casualty_words").get(word, "other")
    return FigureKind(value) if value in FigureKind._value2member_map_ else FigureKind.OTHER


def _kind_at(token: Token) -> FigureKind:
    """The kind the casualty word at `token` gives, read in its context: "killed or wounded" is
    one count of both (other), and "detained in hospital" counts the wounded, not captives."""
    kind = _kind(token.lower_)
    doc = token.doc
    following = doc[token.i + 1:token.i + 4]
    if len(following) >= 2 and following[0].lower_ == "or" and following[1].lower_ in mapping("casualty_words") \
            and _kind(following[1].lower_) is not kind:
        return FigureKind.OTHER
    if kind is FigureKind.CAPTURED and _IN_HOSPITAL.match(text_of(doc)[token.idx + len(token.text):]):
        return FigureKind.WOUNDED
    return kind


_IN_HOSPITAL = re.compile(r"\s+(?:in|to|at)\s+(?:a\s+|the\s+)?hospitals?\b", re.I)


@cache
def _hospitalised() -> re.Pattern:
    """People still in, or taken to, hospital: "were kept in hospital", "are still being treated in
    hospital", "remain in hospital", "were taken to the hospital". The words between the verb and
    "hospital" are never casualty words other than captives' ("taken", "detained"), so "were killed in
    hospital" stays a death."""
    kinds = "|".join(re.escape(w) for w, kind in sorted(mapping("casualty_words").items(), key=lambda e: -len(e[0]))
                     if kind != FigureKind.CAPTURED.value)
    return re.compile(rf"\s*\b(?:were|are|was|is|remain|remains|remained|still|(?:have|has|had) been)\s+"
                      rf"(?:still\s+)?(?:(?!(?:{kinds})\b)\w+\s+){{0,2}}?(?:in|to|at|into)\s+(?:a\s+|the\s+)?"
                      rf"hospitals?\b", re.I)


def _invariant_demonym(token: Token) -> bool:
    """"90,000 Lebanese", "300 Sudanese": a demonym whose plural is itself counts people when no noun follows
    it ("300 Sudanese soldiers" counts soldiers)."""
    if not token.lower_.endswith("ese") or token.lower_ not in country_of_demonym():
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is None or following.pos_ not in ("NOUN", "PROPN", "ADJ")


@cache
def _demonym_plural(word: str) -> bool:
    """"Iraqis", "Afghans": the plural of a demonym counts people."""
    return word.endswith("s") and word[:-1] in country_of_demonym()


def _distribute_qualifiers(doc: Doc, hits: list[FigureHit]) -> list[FigureHit]:
    """"at least five killed and seven wounded": the first number's qualifier covers the coordinated one.

    Only when the second number's kind word follows it (a parallel phrase); "killed at least 91 and
    wounded 400" keeps 400 exact, since there each number has its own verb.
    """
    out: list[FigureHit] = []
    for index, hit in enumerate(hits):
        if index and hit.number.qualifier == "exact" and hit.rule != "figures.kind_verb_number":
            previous = out[-1]
            between = text_of(doc)[previous.number.end:hit.number.start]
            verbs = [t for t in doc.char_span(previous.number.end, hit.number.start, alignment_mode="contract") or ()
                     if t.pos_ == "VERB" and t.lower_ not in mapping("casualty_words")]  # "and forced 2 million"
            if previous.number.qualifier != "exact" and previous.rule != "figures.kind_verb_number" and not verbs \
                    and re.search(r"\band\b", between) and len(between.split()) <= 6 and not re.search(r"[;:]", between):
                number = hit.number
                hit = FigureHit(hit.rule, NumberMention(number.value, number.start, number.end, number.text,
                                                        previous.number.qualifier, number.qualifier_start, number.upper),
                                hit.kind, hit.who, hit.anchor)
        out.append(hit)
    return out


def _claimant(doc: Doc, anchor: int, last_speaker: Callable[[], str | None]) -> tuple[str, str]:
    speaker: Speaker | None = find_speaker(doc[anchor])
    if speaker is not None:
        if speaker.pronoun:
            return (last_speaker() or speaker.text), "claimant." + speaker.rule
        return _strip_possessive(speaker.text), "claimant." + speaker.rule
    lowered = text_of(doc).lower()
    if re.search(r"\bofficial(ly)?\b", lowered) and re.search(r"\b(officially|official (toll|figures|count|tally))\b", lowered):
        return "official tolls", "claimant.official"
    if re.search(r"\b(have|has|had|were|was) been reported\b|\breportedly\b", lowered):
        return "reported tolls (unattributed)", "claimant.reported"
    return ARTICLE_ITSELF, "claimant.article"


def _named_speaker(doc: Doc) -> str | None:
    for token in tokens_of(doc):
        if token.dep_ == "ROOT":
            speaker = find_speaker(token)
            if speaker and not speaker.pronoun:
                return _strip_possessive(speaker.text)
    return None


def _strip_possessive(text: str) -> str:
    return re.sub(r"['’]s$", "", text.strip())


def _build(hit: FigureHit, item: ParsedSentence, article: Article, claimant: tuple[str, str]) -> Figure:
    sentence = item.sentence
    who = hit.who
    if who and re.match(r"^(their|its|our)\s+", who, re.I):
        noun = re.sub(r"^(their|its|our)\s+", "", who, flags=re.I)
        who = f"{claimant[0]} {noun}"
    dates = [d for d in find_dates(sentence.text, article.published) if not d.since]
    as_of, precision = (dates[0].date, dates[0].precision) if dates and dates[0].date else (
        article.published, article.published_precision if article.published else None)
    return Figure(
        kind=hit.kind,
        value=hit.number.value,
        qualifier=Qualifier(hit.number.qualifier),
        who=who,
        claimant=claimant[0],
        sentence=sentence.text,
        provenance=Provenance(article.id, sentence.index, sentence.start + hit.number.start,
                              sentence.start + hit.number.end, f"{hit.rule}+{claimant[1]}"),
        upper=hit.number.upper,
        as_of=as_of,
        as_of_precision=precision if as_of else None,
        historical=is_historical(sentence.text, hit.number) or in_since_clause(item.doc[hit.anchor])
        or (article.published is not None and dated_earlier(item.doc[hit.anchor], article.published.year)),
    )



def is_historical(sentence: str, number: NumberMention) -> bool:
    """True when the sentence ties the figure to an earlier war ("a 1980s insurgency that left 12,000 dead")."""
    for match in _historical().finditer(sentence):
        before = sentence[max(0, match.start() - 12):match.start()].lower()
        if "since" in before:
            continue
        return True
    return False
