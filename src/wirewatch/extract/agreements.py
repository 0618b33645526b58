"""Agreements: ceasefires, truces, talks, pledges and requests as each sentence mentions them.

A mention counts when it is a real arrangement: agreed, held, in force, broken or asked for. A
standing treaty, a ceasefire that talks failed to reach, a hoped-for truce and an appeal to talk
do not count. Finding (`match_agreements`) is kept apart from building Agreement records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc, Token

from ..lexicon import load_table
from ..model import Agreement, AgreementKind, AgreementState, Article, Provenance
from ..nlp.annotate import ParsedSentence, lower_forms, lower_lemmas, text_of, tokens_of
from ..nlp.dates import find_dates
from ..nlp.gazetteer import countries_by_name, country_names, name_key
from ..nlp.pipeline import place_candidates
from ..resolve.sides import main_parties, side_of
from .words import mapping, words

RULES = (
    "agreements.word",  # "a humanitarian ceasefire", "talks in Geneva", "the mutual pledge"
    "agreements.agreed_to",  # "both armies agreed to stop shelling towns", "agreeing they will not ..."
    "agreements.will_assist",  # "Tehran will give Damascus every possible assistance"
    "agreements.request",  # "asked Nairobi to open urgent consultations", "a plea for help"
    "agreements.gave",  # "Germany allocated three air defence systems to Ukraine"
    "agreements.will_respect",  # "the host would honour the rules of the talks": a behaviour promised
    "agreements.halt_phrase",  # "the deal includes a complete halt to fighting"
    "agreements.deal",  # "the leader confirmed the agreement", after a ceasefire was named
)


@cache
def _mediators_pattern() -> re.Pattern:
    """"brokered by Norway, Kenya and the African Union", "Turkish-brokered", "via the UN envoy"; the
    verbs come from mediation_verbs.txt."""
    verbs = "|".join(re.escape(v) for v in words("mediation_verbs"))
    return re.compile(
        rf"\b(?:{verbs})\s+by\s+(?P<list>(?:the\s+)?[A-Z][^.;:—–(]*?)(?=,\s+(?:co-chairs|which|who|that)\b|[.;:—–(]|$)"
        rf"|(?P<pre>[A-Z][\w.]*)-(?:{verbs})"
        r"|\bvia\s+the\s+(?P<via>[A-Z][^,.;(]*?)(?:\s*\((?P<abbr>[A-Z]{2,})\))?(?=[,.;]|$)",
    )


@cache
def _warring() -> re.Pattern:
    """The warring sides named together ("both sides", "the two countries"), from warring_sides.txt."""
    phrases = "|".join(re.escape(p) for p in sorted(words("warring_sides"), key=len, reverse=True))
    return re.compile(rf"\b(?:{phrases})\b", re.I)


@cache
def _will_assist() -> re.Pattern:
    """A promise to give help, arms or troops: "would give Kinshasa every possible assistance",
    "would send air defence systems" (verbs from pledge_verbs.txt, things from pledged_things.txt)."""
    verbs = "|".join(re.escape(v) for v in mapping("pledge_verbs"))
    things = "|".join(re.escape(t) for t in words("pledged_things"))
    return re.compile(rf"\b(will|would|'ll|shall)\b(?:\s+\w+){{0,4}}?\s+({verbs})\b[^.;]{{0,80}}?\b({things})\b", re.I)


@cache
def _will_respect() -> re.Pattern:
    """A promise to keep to something: "would honour the rules", "will abide by the truce" (verbs from
    commitment_verbs.txt, after a modal of the future with at most two words between)."""
    verbs = "|".join(re.escape(v) for v in words("commitment_verbs"))
    return re.compile(rf"\b(?:will|would|'ll|shall)\b(?:\s+(?:continue\s+to|fully|strictly|always|also))?"
                      rf"\s+((?:{verbs})\w*)\b", re.I)


@cache
def _gave() -> re.Pattern:
    """A gift of help already made to a named recipient: "allocated three systems to Ukraine"."""
    verbs = "|".join(re.escape(v) for v, mark in mapping("pledge_verbs").items() if mark == "past")
    things = "|".join(re.escape(t) for t in words("pledged_things"))
    return re.compile(rf"\b({verbs})\b[^.;]{{0,60}}?\b({things})\b\s+to\s+(?=[A-Z])", re.I)


@cache
def _halt_phrases() -> re.Pattern:
    phrases = "|".join(re.escape(p) for p in sorted(words("ceasefire_phrases"), key=len, reverse=True))
    return re.compile(rf"\b(?:{phrases})\b", re.I)


@dataclass(frozen=True, slots=True)
class AgreementHit:
    """An arrangement found in one sentence, before parties and dates are filled in."""

    rule: str
    kind: AgreementKind
    start: int  # character offsets of the cue in the sentence
    end: int
    cue: int  # token index of the cue


@lru_cache(maxsize=4096)
def wants(text: str) -> bool:
    """Cheap filter: a sentence with an arrangement word or a promise of help. Remembered for
    recent sentences: asked when choosing what to parse and again by the rules."""
    lowered = text.lower()
    return any(stem in lowered for stem in _cue_stems())


@cache
def _cue_stems() -> tuple[str, ...]:
    """What `wants` looks for: the first five letters of every word that can start a rule here,
    read from the same lexicons the rules read (so a word added there is never filtered out)."""
    cues = [*mapping("agreement_words"), *words("help_words"), *mapping("pledge_verbs"), *words("pledged_things"),
            *words("ceasefire_phrases"), *words("deal_words"), "agree"]
    return tuple(sorted({cue[:5] for cue in cues}))


def find_agreements(parsed: Iterable[ParsedSentence], article: Article) -> list[Agreement]:
    """Every arrangement mention of one article, in text order. The belligerents are counted on
    the first mention: the count scans the whole article, which many articles never need."""
    belligerents: tuple[str, ...] | None = None
    out: list[Agreement] = []
    named: AgreementKind | None = None  # the ceasefire or truce the article last named
    parties_of: dict[AgreementKind, tuple[str, ...]] = {}  # the parties of each kind's last mention
    for item in parsed:
        for hit in match_agreements(item.doc, named):
            if belligerents is None:
                # a third state too: a sentence's broker is dropped from them (`_build`)
                belligerents = tuple(_country_name(c) for c in main_parties(article.text, 3))
            sides = belligerents
            if hit.kind in (AgreementKind.CEASEFIRE, AgreementKind.TRUCE, AgreementKind.TALKS):
                sides = parties_of.get(hit.kind) or belligerents  # "the ceasefire was announced": the same sides
            agreement = _build(hit, item, article, sides)
            out.append(agreement)
            warring = tuple(p for p in agreement.parties if p not in agreement.mediators)
            if warring:
                parties_of[hit.kind] = warring
            if hit.kind in (AgreementKind.CEASEFIRE, AgreementKind.TRUCE):
                named = hit.kind
    return out


def match_agreements(doc: Doc, named: AgreementKind | None = None) -> list[AgreementHit]:
    """The arrangements one sentence mentions: at most one per kind, in order of their cues.
    named: the ceasefire or truce kind the article named before, which "the deal" refers to."""
    if not wants(text_of(doc)):
        return []
    hits: list[AgreementHit] = []
    kinds = mapping("agreement_words")
    starts = _word_starts()
    tokens, lemmas = tokens_of(doc), lower_lemmas(doc)
    # Only a token whose form starts an arrangement word, or whose lemma is "agree", can make a hit.
    for i in [i for i, (form, lemma) in enumerate(zip(lower_forms(doc), lemmas)) if form in starts or lemma == "agree"]:
        token = tokens[i]
        kind_name = kinds.get(_word_at(token))
        if kind_name is None:
            if lemmas[i] == "agree" and _agreed_to_act(token):
                hits.append(_hit("agreements.agreed_to", AgreementKind.PLEDGE, token))
            continue
        kind = AgreementKind(kind_name)
        if kind is AgreementKind.REQUEST:
            if _is_request(token):
                hits.append(_hit("agreements.request", kind, token))
            continue
        if _blocked(token) or _refers_back(token, hits):
            continue
        if kind is AgreementKind.TALKS and not _real_talks(token):
            continue
        if kind in (AgreementKind.CEASEFIRE, AgreementKind.TRUCE):
            if _urged_to_make(token):
                continue
            if _appeal_mark(token) == "ask":  # "called for an immediate ceasefire": asked for, as a halt is
                head = _word_head(token)
                hits.append(AgreementHit("agreements.request", AgreementKind.REQUEST, token.idx,
                                         head.idx + len(head.text), head.i))
                continue
        if kind is AgreementKind.PLEDGE and not _real_pledge(token):
            continue
        hits.append(_hit("agreements.word", kind, token))
    if not _treaty_text(doc):
        hits += _pattern_hits(doc, "agreements.will_assist", AgreementKind.PLEDGE, _will_assist())
        hits += _pattern_hits(doc, "agreements.gave", AgreementKind.PLEDGE, _gave())
        hits += _pattern_hits(doc, "agreements.will_respect", AgreementKind.PLEDGE, _will_respect())
    for hit in _pattern_hits(doc, "agreements.halt_phrase", AgreementKind.CEASEFIRE, _halt_phrases()):
        appeal = _appeal_mark(tokens[hit.cue])
        if appeal == "ask":  # "called for a halt to the fighting": asked for, not agreed
            hits.append(AgreementHit("agreements.request", AgreementKind.REQUEST, hit.start, hit.end, hit.cue))
        elif appeal is None:  # (a halt only hoped for is no item)
            hits.append(hit)
    if named is not None and not any(h.kind in (AgreementKind.CEASEFIRE, AgreementKind.TRUCE) for h in hits):
        deal = next((t for t in tokens if t.lower_ in words("deal_words") and t.pos_ == "NOUN"
                     and any(c.lower_ in ("the", "this", "that") for c in t.children) and not _blocked(t)), None)
        if deal is not None:
            hits.append(_hit("agreements.deal", named, deal))
    seen: set[AgreementKind] = set()
    unique = []
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.kind not in seen:
            seen.add(hit.kind)
            unique.append(hit)
    return unique


def _pattern_hits(doc: Doc, rule: str, kind: AgreementKind, pattern: re.Pattern) -> list[AgreementHit]:
    """A hit for every match of a phrase pattern, its cue the match's first token."""
    out = []
    for match in pattern.finditer(text_of(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        out.append(AgreementHit(rule, kind, match.start(), match.end(), span.start if span else 0))
    return out


@cache
def _word_starts() -> frozenset[str]:
    """What a token's lower-cased form is when `_word_at` reads an arrangement word from it: the
    word, or its part before one of its hyphens ("cease" of "cease-fire")."""
    out = set()
    for word in mapping("agreement_words"):
        out.add(word)
        out.update(word[:i] for i, char in enumerate(word) if char == "-")
    return frozenset(out)


def _word_at(token: Token) -> str:
    """The word starting at the token, with a hyphenated compound the tokenizer split rejoined
    ("cease", "-", "fires" reads as "cease-fires")."""
    if token.whitespace_:
        return token.lower_
    tokens = tokens_of(token.doc)
    if token.i + 2 < len(tokens) and tokens[token.i + 1].text == "-" and not tokens[token.i + 1].whitespace_:
        return f"{token.lower_}-{tokens[token.i + 2].lower_}"
    return token.lower_


def _word_head(token: Token) -> Token:
    """The last token of the word starting at the token: the head of a compound the tokenizer split
    ("fire" of "cease-fire"), where the sentence attaches the word, so its asker is found from it."""
    if _word_at(token) == token.lower_:
        return token
    return tokens_of(token.doc)[token.i + 2]


def _hit(rule: str, kind: AgreementKind, token: Token) -> AgreementHit:
    return AgreementHit(rule, kind, token.idx, token.idx + len(token.text), token.i)


def _blocked(token: Token) -> bool:
    """A failed, sought, conditional or denied arrangement ("failed to reach a truce", "no ceasefire here")."""
    doc = token.doc
    before = text_of(doc)[max(0, token.idx - 45):token.idx].lower()
    if _blocker_before().search(before):
        return True
    previous = doc[token.i - 1] if token.i > 0 else None
    if previous is not None and re.fullmatch(r"(1[89]|20)\d\d", previous.text):
        return True  # "the 1994 ceasefire": a past war's arrangement
    return False


def _refers_back(token: Token, hits: list[AgreementHit]) -> bool:
    """"the truces have all fallen apart" after "agreed to ceasefires": the same arrangements again."""
    definite = any(c.lower_ in ("the", "these", "those", "that") for c in token.children)
    return definite and any(h.kind in (AgreementKind.CEASEFIRE, AgreementKind.TRUCE) for h in hits) \
        and _word_at(token) in ("truce", "truces", "ceasefire", "ceasefires", "cease-fire", "cease-fires")


def _real_talks(token: Token) -> bool:
    if token.lower_ in ("met", "meet") and token.pos_ not in ("VERB", "AUX"):
        return False
    if token.lemma_.lower() == "meet" and token.pos_ in ("VERB", "AUX") and not _meeting_of_parties(token):
        return False
    if token.lower_ in ("meeting", "meetings") and token.pos_ == "NOUN" and not _with_another(token) \
            and any(c.lower_ in words("not_talks_meetings") for c in token.children):
        return False  # "an emergency meeting", "this annual meeting": one body's own gathering
    return not _under_appeal(token)


def _with_another(token: Token) -> bool:
    """"met with Qatari mediators", "talks between the rival camps": a second party is named."""
    return any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in token.children) \
        or any(c.dep_ == "dobj" for c in token.children)


def _meeting_of_parties(token: Token) -> bool:
    """"met" or "were meeting" as talks: with another party, or with a subject that is two or more
    parties ("the two sides met", "Armenia and Azerbaijan met"), not one body's own leaders."""
    if _with_another(token):
        return True
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return any(c.dep_ == "conj" for c in subject.children) or subject.lower_ in words("meeting_parties")


def _under_appeal(token: Token) -> bool:
    """Talks someone is urged or hoped to hold are not talks that happened. A verb coordinated with the
    appeal is an act of its own: "urged both sides to go back to the table, and pledged $300 million in aid"
    pledges (a past or present tense joined to the infinitive the appeal governs is the appeal's
    conjunct, however the parser attached it)."""
    definite = any(c.lower_ in ("the", "these", "those") for c in token.children)
    if definite:
        return False
    below = token
    for ancestor in list(token.ancestors)[:4]:
        if below.dep_ == "conj" and below.tag_ in ("VBD", "VBZ") and ancestor.tag_ == "VB":
            return False
        if ancestor.lemma_.lower() in mapping("appeal_verbs"):
            return not (below.dep_ == "conj" and below.pos_ in ("VERB", "AUX"))
        if ancestor.dep_ in ("advcl", "relcl", "acl") or ancestor.pos_ == "ADP":
            return False
        below = ancestor
    return False


def _appeal_mark(token: Token) -> str | None:
    """The appeal_verbs.txt mark of the first verb above the token when it is one, else None:
    "ask" for what is asked of someone ("called for a halt to the fighting", "urged an immediate
    end to hostilities"), "" for what is only hoped or proposed ("hoped for a halt")."""
    table = mapping("appeal_verbs")
    for ancestor in list(token.ancestors)[:3]:
        if ancestor.pos_ in ("VERB", "AUX"):
            lemma = ancestor.lemma_.lower()
            if lemma not in table:  # the lemmatiser's "hop" of "hoped": read the inflected form
                lemma = next((v for v in table if ancestor.lower_ in (v + "d", v + "ed", v + "s")), lemma)
            return table.get(lemma)
    return None


def _urged_to_make(token: Token) -> bool:
    """"urged both sides to agree to a ceasefire", "pressed them to accept a truce": a ceasefire
    hoped for, not made (seeds guideline A3). One they are urged to observe or respect
    (`commitment_verbs`) exists; one that is itself proposed ("Turkey proposed a truce") is a mention."""
    verb = _governing_verb(token)
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in mapping("appeal_verbs") \
        and verb.lemma_.lower() not in words("commitment_verbs")


def _real_pledge(token: Token) -> bool:
    if token.lower_ == "committed":
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is not None and following.lower_ == "to"
    if token.lower_ in ("promise", "promised") and token.pos_ == "VERB":
        return any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in token.children)
    if any(c.dep_ == "dobj" and c.lower_ in words("not_pledges") for c in token.children) \
            or (token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in words("not_pledges")):
        return False  # "pledged allegiance to the group"
    return not _under_appeal(token)


def _agreed_to_act(token: Token) -> bool:
    """"agreed to stop shelling the villages", "agreeing they will not target": a mutual pledge.
    "agreed to a ceasefire", and "agreed to observe (respect, honour) a ceasefire", are the ceasefire
    itself, found by its own word."""
    for child in token.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            return not _keeps_a_truce(child)
        if child.dep_ == "ccomp" and any(c.lower_ in ("will", "would", "wo", "shall") for c in child.children):
            return True
    return False


def _keeps_a_truce(verb: Token) -> bool:
    """"observe a ceasefire", "respect the truce": a verb of commitment (lexicon commitment_verbs) whose
    object is a ceasefire or truce word."""
    kinds = mapping("agreement_words")
    return verb.lemma_.lower() in words("commitment_verbs") and any(
        kinds.get(_word_at(t)) in ("ceasefire", "truce")
        for c in verb.children if c.dep_ == "dobj" for t in c.subtree if t.i <= c.i)


def _is_request(token: Token) -> bool:
    """An ask for help (assistance, consultations, intervention), not an exhortation to the fighters."""
    if token.lower_ in ("request", "requests") and token.pos_ == "NOUN":
        return not re.match(r"\s*for\s+comment", text_of(token.doc)[token.idx + len(token.text):])
    if token.pos_ in ("VERB", "AUX") and _exhorts_the_sides(token):
        return False
    scope = _own_clause(token) if token.pos_ in ("VERB", "AUX") else list(token.subtree) + list(token.head.subtree)
    if any(t.lower_ in words("help_words") for t in scope if t is not token):
        return True
    # "urged Niger to detain the fugitives", "a plea to arrest the commander": an act asked of a state
    return any(t.dep_ in ("xcomp", "acl", "ccomp", "advcl") and t.pos_ == "VERB" and t.lemma_.lower() in words("request_actions")
               for t in scope if t is not token)


def _exhorts_the_sides(verb: Token) -> bool:
    """"urged both sides to talk again", "called on the warring parties to spare civilians": the
    asking verb's addressee is the fighters as a whole (lexicon exhorted_sides), an appeal, not a request."""
    addressees = [c for c in verb.children if c.dep_ == "dobj"]
    addressees += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children if g.dep_ == "pobj"]
    return any(a.lemma_.lower() in words("exhorted_sides") and a.tag_ == "NNS" for a in addressees)


def _own_clause(verb: Token) -> list[Token]:
    """The verb's subtree without the acts coordinated into it (a finite verb joined by "and"): in "urged
    both sides to talk again and pledged $300 million in aid", the aid is pledged, not asked for."""
    acts = [t for t in verb.subtree if t is not verb and t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ")]
    left_out = {inner.i for act in acts for inner in act.subtree}
    return [t for t in verb.subtree if t.i not in left_out]


def _treaty_text(doc: Doc) -> bool:
    """A promise made by a standing treaty's text ("Article 4 of the treaty states that ...")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root else None
    return subject is not None and subject.lemma_.lower() in words("treaty_words")


# --- building records --------------------------------------------------------------------------


@cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for actor in load_table("wirewatch.resolve", "actors"):
        if actor["sector"] == "GOV" and actor.get("side") and not actor.get("role"):
            names.setdefault(actor["side"], actor["name"])
    return names


def _country_name(code: str) -> str:
    """The party name of a country code: the actor tables' name, else the country's English name
    (never the bare code)."""
    return _country_names().get(code) or country_names().get(code, code)


def _party(text: str | None) -> str | None:
    """A party as the guideline names it (A8): a state by its country's name ("Bogota", "U.S.
    officials", "Communist-ruled Cuba"), an armed group or organisation as written ("the Taliban",
    "Islamic State of Iraq"), None for a phrase that names no one ("its allies", "the rebels")."""
    side = side_of(text)
    if side:
        return _country_name(side)
    if not text:
        return None
    cleaned = re.sub(r"['’]s?$", "", re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)).strip()
    cleaned = re.sub(r"['’]s\b", "", cleaned)  # "Sudan's army" speaks for Sudan
    cleaned = re.split(r"\s*[,(—–]\s*", cleaned)[0]
    keys = name_key(cleaned).split()
    table = countries_by_name()
    for n in range(len(keys), 0, -1):
        for i in range(len(keys) - n + 1):
            iso = table.get(" ".join(keys[i:i + n]))
            if iso and not (i > 0 and keys[i - 1] == "of"):  # "Islamic State of Iraq" is a group
                return _country_name(iso)
    return cleaned if cleaned[:1].isupper() and not cleaned.isupper() or len(cleaned) > 1 and cleaned.isupper() \
        else None


def _sentence_parties(doc: Doc, cue: Token) -> tuple[str, ...]:
    """The sides the sentence itself names for an arrangement: "between X and Y", "X and Y agreed
    to a truce", "talks with X". Mediators are read apart (`_mediators`) and never land here."""
    found: list[str] = []

    def members(token: Token) -> list[Token]:
        return [token, *(t for t in token.conjuncts if t.i > token.i)]

    def add(token: Token) -> None:
        for member in members(token):
            for phrase in _coordinated_modifiers(member) or [token.doc[member.left_edge.i:member.i + 1].text]:
                name = _party(phrase)
                if name and name not in found:
                    found.append(name)

    for token in doc:
        if token.lower_ == "between" and token.dep_ == "prep":
            for pobj in (c for c in token.children if c.dep_ == "pobj"):
                add(pobj)
    verb = cue
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "xcomp":
        # "India and Pakistan agreed to observe a ceasefire": the infinitive's doer is the one who agreed,
        # or the one urged ("urged the sides to respect the truce"), never the urger
        controller = verb.head
        subject = next((c for c in controller.children if c.dep_ == "dobj"), None) \
            or next((c for c in controller.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.pos_ == "PRON" and verb.dep_ == "ccomp":
        # "the Houthis said they had held talks with Omani envoys": "they" are the ones who said so
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.pos_ != "PRON" and subject.i != cue.i:
        add(subject)  # (not the arrangement itself: "the UN-brokered truce expired" names no side)
    for holder in (cue, verb):
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ == "with"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                add(pobj)
    return tuple(found)


def _coordinated_modifiers(noun: Token) -> list[str]:
    """The parties of a subject the parser read as one noun with coordinated modifiers: "Congo and M23
    rebels" (parsed "(Congo and M23) rebels") is Congo, and M23 rebels; none when the noun has no such
    modifier."""
    modifier = next((c for c in noun.children if c.dep_ in ("nmod", "compound") and c.i < noun.i
                     and any(g.dep_ == "conj" for g in c.children)), None)
    if modifier is None:
        return []
    chain = sorted([modifier, *modifier.conjuncts], key=lambda t: t.i)
    doc = noun.doc
    parts = [doc[t.left_edge.i if t is modifier else t.i:t.i + 1].text for t in chain[:-1]]
    return [*parts, doc[chain[-1].i:noun.i + 1].text]


def _build(hit: AgreementHit, item: ParsedSentence, article: Article, belligerents: tuple[str, ...]) -> Agreement:
    doc = item.doc
    sentence = item.sentence
    mediators = _mediators(text_of(doc))
    # The two warring states: the article's most named but for whoever brokers this arrangement
    # ("the truce brokered by Saudi Arabia and the United States": neither is a warring side).
    belligerents = tuple(b for b in belligerents if b not in mediators)[:2]
    parties = _parties(hit, doc, belligerents, mediators)
    cue = doc[hit.cue]
    dates = [d for d in find_dates(text_of(doc), article.published)
             if not _in_since_clause(doc, cue, d.start, d.end) and not _dates_another_time(doc, cue, d.start, d.end)]
    date = dates[0] if dates else None
    return Agreement(
        kind=hit.kind,
        parties=parties,
        mediators=mediators,
        venue=_venue(doc, cue),
        date_text=date.text if date else None,
        date=date.date if date else None,
        date_precision=date.precision if date and date.date else None,
        state=_state(text_of(doc), hit),
        sentence=sentence.text,
        provenance=Provenance(article.id, sentence.index, sentence.start + hit.start, sentence.start + hit.end, hit.rule),
    )


def _parties(hit: AgreementHit, doc: Doc, belligerents: tuple[str, ...], mediators: tuple[str, ...]) -> tuple[str, ...]:
    cue = doc[hit.cue]
    if cue.dep_ == "aux":  # "Russia will render Armenia ... assistance": the verb holds subject and addressee
        cue = cue.head
    if hit.kind is AgreementKind.REQUEST:
        requester = _party(_subject_text(cue)) or _party(_owner_text(cue)) \
            or (_party(_subject_text(cue.head)) if cue.dep_ == "dobj" else None)  # "Qatar urged a halt"
        addressee = _party(_addressee_text(cue))
        return tuple(p for p in (requester, addressee) if p)
    if hit.kind is AgreementKind.PLEDGE:
        subject = _subject_text(cue)
        mutual = not subject or _warring().search(subject) or re.search(r"\band\b", subject)
        giver = None if mutual else _party(subject)
        beneficiary = _party(_addressee_text(cue))
        # A third state's promise ("Tehran will give Damascus assistance"), or one side's promise to
        # a named other ("the United States will send systems to Ukraine"); else the sides' own pledge.
        if giver and (giver not in belligerents or (beneficiary and beneficiary != giver)):
            beneficiary = beneficiary or next((b for b in belligerents if b in text_of(doc)), None)
            return tuple(p for p in (giver, beneficiary) if p)
        # The sides' own pledge: those its subject names ("Ethiopia and Eritrea agreed to reopen the
        # border"), else the article's warring sides ("both armies agreed to ...", "it would provide").
        named = tuple(p for p in _sentence_parties(doc, cue) if p not in mediators) \
            if subject and re.search(r"\band\b", subject) else ()
        return named if len(named) >= 2 else belligerents
    named = tuple(p for p in _sentence_parties(doc, cue) if p not in mediators)
    warring = named if len(named) >= 2 or not belligerents else tuple(dict.fromkeys(named + belligerents))
    extra = tuple(m for m in mediators if m not in warring)
    return warring + extra


def _subject_text(token: Token) -> str | None:
    current = token
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.pos_ == "PRON" and current.dep_ == "ccomp":
                    # "Germany said it would send two systems": "it" is the one who said so
                    speaker = next((c for c in current.head.children if c.dep_ == "nsubj"), None)
                    return None if speaker is None or speaker.pos_ == "PRON" else doc_phrase(speaker)
                return None if child.pos_ == "PRON" else doc_phrase(child)  # "He requested help" names no party
        if current.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl", "ccomp", "prep", "pobj") and current.head is not current:
            current = current.head
            continue
        break
    return None


def _owner_text(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "poss":
            return child.text
    return None


def _addressee_text(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ in ("dobj", "dative") and child.lower_ not in words("help_words") \
                and (_party(doc_phrase(child)) or child.dep_ == "dative"):
            return doc_phrase(child)
        if child.dep_ == "dobj":
            owner = next((c for c in child.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner.text
    for t in token.subtree:
        if t.dep_ == "poss" and t.head.lower_ in words("help_words"):
            return t.text
        if t.dep_ == "pobj" and t.head.lower_ in ("to", "for") and _party(t.text):
            return t.text
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in words("help_words"):
            return t.doc[t.left_edge.i:t.i + 1].text  # "appealed for the support of Tuareg clans"
    return None


def doc_phrase(token: Token) -> str:
    return token.doc[token.left_edge.i:token.right_edge.i + 1].text


def _mediators(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for match in _mediators_pattern().finditer(text):
        if match.group("list"):
            for part in re.split(r",\s*|\s+and\s+", match.group("list")):
                part = re.sub(r"^the\s+", "", part.strip())
                if not part[:1].isupper():
                    break  # "mediated by Qatar, took effect at 7 a.m.": the list has ended
                found.append(_party(part) or part)
        elif match.group("pre"):
            found.append(_party(match.group("pre")) or match.group("pre"))
        elif match.group("via"):
            found.append(match.group("abbr") or match.group("via").strip())
    return tuple(dict.fromkeys(found))


def _venue(doc: Doc, cue: Token) -> str | None:
    for start, end, entries in place_candidates(doc):
        span = doc[start:end]
        if entries and entries[0].feature not in ("PCLI", "RGN") and span.root.head.lower_ == "in" \
                and _in_cue_clause(doc, cue, span.start_char, span.end_char):
            return span.text
    return None


def _governing_verb(token: Token) -> Token:
    """The verb of the clause a token belongs to (the token itself when it is one), or the root."""
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return token
        token = token.head
    return token


def _in_since_clause(doc: Doc, cue: Token, start: int, end: int) -> bool:
    """Whether the words at these offsets sit in a clause of their own that opens with "since": "called
    for a truce, the first since the war broke out on 3 May" dates the war's start, not the truce."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = _governing_verb(span.root)
    return verb.i != _governing_verb(cue).i and any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)


_OTHER_TIME = ("before", "after", "until", "ahead")


def _dates_another_time(doc: Doc, cue: Token, start: int, end: int) -> bool:
    """Whether the words at these offsets date what happened before or after the arrangement, not the
    arrangement: the arrangement word sits in a clause or phrase opened by "before", "after" or "until"
    and the words do not ("rebels shelled the town on Thursday, hours before the truce took effect")."""
    verb = _governing_verb(cue)
    if any(c.dep_ == "mark" and c.lower_ in _OTHER_TIME for c in verb.children):
        opened = verb
    else:
        opened = next((a for a in [cue, *list(cue.ancestors)[:3]] if a.head.dep_ == "prep"
                       and a.head.lower_ in _OTHER_TIME and a.dep_ == "pobj"), None)
    if opened is None or opened.head is opened:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return not opened.left_edge.i <= span.root.i <= opened.right_edge.i


def _in_cue_clause(doc: Doc, cue: Token, start: int, end: int) -> bool:
    """Whether the words at these character offsets belong to the arrangement's own clause: attached
    to the arrangement word itself (its relative clause included) or to the verb that governs it, and
    not to another clause of the sentence: "asked Oslo for help, a day after the envoys met in Vienna"
    places the meeting, not the request. (Dates are not held to this: news dates an arrangement by
    the clause that reports it, "the truce frayed after it took effect on Monday".)"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    token = span.root
    if cue.pos_ not in ("VERB", "AUX") and cue.left_edge.i <= token.i <= cue.right_edge.i:
        return True
    return _governing_verb(token).i == _governing_verb(cue).i


@cache
def _blocker_before() -> re.Pattern:
    """A blocking phrase ending at most two words before the cue."""
    phrases = "|".join(re.escape(phrase) for phrase in words("agreement_blockers"))
    return re.compile(r"\b(?:" + phrases + r")\s+(?:[\w-]+\s+){0,2}$")


@cache
def _state_patterns() -> tuple[tuple[str, re.Pattern, str], ...]:
    return tuple((stem, re.compile(re.escape(stem)), state) for stem, state in mapping("state_words").items())


def _state(text: str, hit: AgreementHit) -> AgreementState:
    lowered = text.lower()
    best, distance = None, None
    for stem, pattern, state in _state_patterns():
        if stem not in lowered:
            continue
        for match in pattern.finditer(lowered):
            gap = abs(match.start() - hit.start)
            if gap <= 80 and (distance is None or gap < distance):
                best, distance = state, gap
    if best:
        return AgreementState(best)
    if hit.kind is AgreementKind.REQUEST:
        return AgreementState.PROPOSED
    return AgreementState.MENTIONED
