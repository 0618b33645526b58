"""Who says it: the speaker of a statement or figure, found from the dependency parse.

Shared by every extractor that attributes (figures now, claims next), so that "according to X",
"X said", "X's tally" and "dismissed ... by X" are recognised the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..nlp.annotate import text_of, tokens_of
from .words import mapping, words

_SUBJECTS = ("nsubj", "nsubjpass")
_CUT_DEPS = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj", "prep"}
# Speakers that stand for someone named elsewhere ("he said"): the one list claims resolve too.
_PRONOUNS = frozenset(mapping("speaker_pronouns"))
# Heads of speaker phrases that name an institution by where or whose it is: "authorities in X".
_INSTITUTIONS = words("institution_heads")
# Nouns of a count someone owns: "X's tally".
TALLY_NOUNS = words("tally_nouns")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as written, where it sits in the doc, and the rule that found it.

    pronoun: the speaker is a pronoun ("he said") and must be resolved from earlier sentences.
    """

    text: str
    start: int
    end: int
    rule: str
    pronoun: bool = False


def noun_phrase(head: Token, coordinated: bool = False) -> Span:
    """The phrase a noun heads, without relative clauses, appositions or trailing phrases.

    coordinated: keep "and Azerbaijan" in "Armenia and Azerbaijan" and a following "of/in" phrase
    naming who ("the defence ministry of the separatist leadership", "authorities in Karabakh"),
    as a speaker's name needs.
    """
    doc = head.doc
    head = _named_by_apposition(head) or head
    keep = [head]
    for child in head.children:
        if coordinated and child.dep_ in ("cc", "conj"):
            keep.extend(t for t in child.subtree if t.dep_ not in ("relcl", "appos") and t.head.dep_ != "relcl")
            continue
        if _name_goes_on(head, child):  # "the International Organization for Migration": one name
            keep.extend(child.subtree)
            continue
        if coordinated and (head.lower_ in _INSTITUTIONS or not head.text[:1].isupper()) and child.dep_ == "prep" and child.lower_ in ("of", "in", "for") and any(
            c.dep_ == "pobj" and (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "ORG", "NORP") or any(
                g.pos_ == "PROPN" or g.ent_type_ in ("GPE", "NORP") for g in c.subtree))
            for c in child.children
        ):
            keep.extend(child.subtree)
            continue
        if child.dep_ in _CUT_DEPS and not (child.dep_ == "prep" and child.i < head.i):
            continue
        keep.extend(child.subtree)
    left = min(t.i for t in keep)
    right = max(t.i for t in keep)
    # Trimmed on the remembered token list, so that only the final Span is built.
    tokens = tokens_of(doc)
    while right > left and (tokens[right].is_punct or tokens[right].lower_ in ("who", "which", "that")):
        right -= 1
    while right > left and (tokens[left].is_punct or tokens[left].lower_ in ("the", "a", "an")):
        left += 1
    while right > left and tokens[right].is_punct:
        right -= 1
    return doc[left:right + 1]


def _named_by_apposition(head: Token) -> Token | None:
    """The name a description is followed by in apposition ("the Lebanese militant group Hezbollah", "the
    Islamist militia al-Shabaab"; lexicon naming_heads): the party is the name."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in words("naming_heads"):
        return None
    return next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == head.i + 1),
                None)


def _name_goes_on(head: Token, prep: Token) -> bool:
    """Whether a capitalised name goes on past "for" ("Syrian Network for Human Rights", "Office for the
    Coordination of Humanitarian Affairs", "International Organization for Migration"): its object is
    capitalised too, after an optional "the"."""
    if not (head.text[:1].isupper() and prep.dep_ == "prep" and prep.lower_ == "for" and prep.i == head.i + 1):
        return False
    first = head.doc[prep.i + 1] if prep.i + 1 < len(head.doc) else None
    if first is not None and first.lower_ == "the" and first.i + 1 < len(head.doc):
        first = head.doc[first.i + 1]
    return first is not None and first.text[:1].isupper() and first.pos_ in ("PROPN", "NOUN")


def _without_clauses(token: Token) -> list[Token]:
    """The token's subtree minus relative clauses and appositions inside it."""
    dropped: set[int] = set()
    for t in token.subtree:
        if t.dep_ in ("relcl", "appos", "acl") and t is not token:
            dropped.update(x.i for x in t.subtree)
    out = [t for t in token.subtree if t.i not in dropped]
    while out and (out[-1].is_punct or out[-1].lower_ in ("who", "which", "that")):
        out.pop()
    return out


def _whole_phrase(head: Token) -> Span:
    """The noun's whole subtree ("a tally based on tolls given by both sides"), trimmed of punctuation."""
    doc = head.doc
    tokens = tokens_of(doc)
    left, right = head.left_edge.i, head.right_edge.i
    while right > left and (tokens[right].is_punct or tokens[right].dep_ == "cc"):
        right -= 1
    while right > left and (tokens[left].is_punct or tokens[left].lower_ in ("the", "a", "an")):
        left += 1
    return doc[left:right + 1]


def _subject_of(verb: Token) -> Token | None:
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in _SUBJECTS:
                return child
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head is not current:
            current = current.head
            continue
        break
    return None


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited from the verb it is coordinated with ("denied ... and accused")."""
    return _subject_of(verb)


def agent_of(verb: Token) -> Token | None:
    """The X of a passive "by X", also where the parser hangs "by X" on the verb's own "as" phrase
    ("was dismissed as nonsense by X": the agent is the verb's, whatever the attachment)."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            for by in (b for b in pobj.children if b.dep_ == "prep" and b.lower_ == "by"):
                objects = [c for c in by.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


def speech_verbs_over(token: Token) -> list[Token]:
    """Speech verbs that govern the token, nearest first (the token's ancestors, itself included)."""
    verbs = words("speech_verbs")
    return [t for t in [token, *token.ancestors] if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in verbs]


def according_to(doc: Doc) -> Speaker | None:
    """The X of "according to X" in the sentence."""
    if "according" not in text_of(doc).lower():
        return None
    for token in tokens_of(doc):
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            to = token.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if objects:
                span = _whole_phrase(objects[0])
                return Speaker(span.text, span.start_char, span.end_char, "according_to")
    return None


def find_speaker(anchor: Token) -> Speaker | None:
    """The speaker of the statement that contains the anchor token, by the first rule that applies.

    Rules, in order: the subject of a speech verb that governs the anchor ("X said ... N killed"),
    "according to X", the owner of a tally ("X's tally"), the agent of a passive speech verb
    ("was reported by X"), the subject of any speech verb in the sentence.
    """
    sentence = anchor.doc
    for verb in speech_verbs_over(anchor):
        speaker = _speaker_from_verb(verb, "said_governs")
        if speaker:
            return speaker
    noun = anchor.head if anchor.dep_ in ("nummod", "quantmod") else anchor
    for child in noun.children:
        # "the nearly 5,000 dead that Putin estimated": a speech verb in a clause on the counted noun.
        if child.dep_ == "relcl" and child.lemma_.lower() in words("speech_verbs"):
            speaker = _speaker_from_verb(child, "relative_estimate")
            if speaker:
                return speaker
    found = according_to(sentence)
    if found:
        return found
    tokens = tokens_of(sentence)
    for token in tokens:
        if token.lower_ in TALLY_NOUNS:
            owners = [c for c in token.children if c.dep_ == "poss"]
            if owners:
                span = noun_phrase(owners[0])
                text = span.text[:-2] if span.text.endswith(("'s", "’s")) else span.text
                return Speaker(text.strip(), span.start_char, span.end_char, "possessive_tally")
    for token in tokens:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in words("speech_verbs") \
                and not any(a.dep_ in ("relcl", "acl") for a in [token, *token.ancestors]):
            speaker = _speaker_from_verb(token, "said_in_sentence")
            if speaker:
                return speaker
    return None


def _speaker_from_verb(verb: Token, rule: str) -> Speaker | None:
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                span = noun_phrase(objects[0])
                return Speaker(span.text, span.start_char, span.end_char, rule + ".agent")
    subject = _subject_of(verb)
    if subject is None or subject.dep_ == "nsubjpass":
        return None
    if subject.lower_ in _PRONOUNS:
        return Speaker(subject.text, subject.idx, subject.idx + len(subject.text), rule + ".pronoun", pronoun=True)
    if subject.pos_ in ("PRON", "DET") or subject.lower_ in words("not_speakers"):
        return None
    span = noun_phrase(subject)
    return Speaker(span.text, span.start_char, span.end_char, rule)
