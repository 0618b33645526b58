"""Claims: who accuses whom of what, who denies it, and what parties assert, with their speakers.

Finding is split from building: `match_claims(doc)` returns ClaimHits for one parsed sentence
(testable alone); `find_claims` resolves pronoun and "the ministry" speakers across sentences,
drops observers' remarks, infers an unnamed accused party, and builds Claim records.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from ..model import Article, Claim, Figure, Provenance, Stance
from ..nlp.numbers import parse_number
from ..nlp.place_names import place_names_in
from ..nlp.pipeline import given_names
from ..nlp.annotate import ParsedSentence, lower_lemmas, remembered, text_of, tokens_of, tokens_with_pos
from ..resolve.actors import party_name_spans
from ..resolve.sides import actor_kinds, demonym_country, forces_of, main_parties, opponent, side_of, states_named
from .attribution import agent_of, according_to, noun_phrase, subject_of
from .stance import StanceModel
from .words import mapping, words

_BASE_RULES = (
    "claims.accuse_verb",  # "X accused Y of Z", "X blamed each other for Z"
    "claims.accuse_passive",  # "Y has been accused by X of Z"
    "claims.deny_verb",  # "X denied Z", "X rejected the claim"
    "claims.deny_passive",  # "the claim was dismissed as 'nonsense' by X"
    "claims.said_content",  # "X said (that) Z" and quotations, classified as accuse or assert
    "claims.according_to",  # "according to X, Z"
    "claims.alleged",  # "X pointed at alleged attacks on Y"
    "claims.condemn",  # "X condemned Y for shelling Z", "X denounced the aggression of Y"
    "claims.called_false",  # "X called the reports baseless"
    "claims.called",  # "X termed the blast sabotage", "X branded Y's raid a massacre"
    "claims.accuse_noun",  # "accusations from X that Y shelled Z"
    "claims.blame_idiom",  # "X held Y responsible for Z", "X pinned the blame on Y", "the sides traded accusations"
    "claims.responsibility",  # "X took responsibility for the ambush"
    "claims.claimed_to",  # "X claimed to have shot down 20 drones"
    "claims.quoted",  # a quoted sentence with no speech verb, by its neighbour's speaker
)
# An accusation whose accused the text leaves unnamed, filled with the speaker's opponent.
INFERRED = "+accused_inferred"
# Every rule id a Claim's provenance can carry.
RULES = _BASE_RULES + tuple(rule + INFERRED for rule in _BASE_RULES)
_QUOTED = "claims.quoted"
_OPENING_QUOTES = ('"', "“")
_CLOSING_QUOTES = ('"', "”")
# The end of a sentence after a quotation's close: '..." the governor said.'
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# The rules whose stance is read from the content of a statement rather than from its verb.
_CLASSIFIED = ("claims.said_content", "claims.according_to")
# Subjects that name no one to refer back to: the writer, the reader, a relative pronoun.
_NOT_ANTECEDENTS = words("not_antecedents")
# What each pronoun can refer back to (see _kind_of), and the pronouns resolved that way.
_AGREEMENT = {pronoun: tuple(kinds.split()) for pronoun, kinds in mapping("speaker_pronouns").items()
              if pronoun not in _NOT_ANTECEDENTS}
_PRONOUNS = frozenset(_AGREEMENT)
# The doer of harm when the content calls it "the enemy": the speaker's opponent, to be inferred.
_ENEMY = "enemy"
# The kind of a speaker that is a document ("a statement said"): no personal pronoun refers to it.
_DOCUMENT = "document"
# A person given with an age ("Dana Lee, 41,"): a private person, whom reporters date, not an official.
_AGED = re.compile(r"^[^,]+,\s*(?:aged\s+)?\d{1,3}\s*(?:,|$|\b(?:who|a|an|the)\b)")
# The marker of harm told from its target's side ("came under fire"), whose doer is to be inferred.
_SUFFERED = "suffered"
# The speaker's own side as the doer of harm ("it will step up its raids", "our gunners struck").
_OWN_SIDE_PRONOUNS = words("own_side_pronouns")
_POSSESSIVE = re.compile(r"\s*['’]s?$")
_OWNER_NAME = re.compile(r"^[A-Z][\w-]*['’]s?$")  # a capitalised possessive: "Sudan's", "Hamas'"
_AND_OR_COMMA = re.compile(r"\band\b|,")
_NAME_WORDS = re.compile(r"[A-Za-z’'-]+")
_NAMED = re.compile(r"\b[A-Z]")
_LOWER_WORDS = re.compile(r"[a-z]+")
_YEAR = re.compile(r"(1[89]|20)\d\d")
# Day and month names: "Monday's attack" names when, not who.
_CALENDAR = frozenset(n.lower() for n in (*calendar.day_name, *calendar.month_name) if n)
_DEFINITE_HEADS = words("definite_heads")
# Singular offices a definite description can name by side ("the Armenian leader"): the definite
# heads but the groups, and the one-word leader titles.
_ROLE_HEADS = (_DEFINITE_HEADS - words("group_heads")) | {t for t in words("leader_titles") if " " not in t}
_LEADER_TITLES = tuple(tuple(title.split()) for title in sorted(words("leader_titles")))


@dataclass(frozen=True, slots=True)
class ClaimHit:
    """A claim found in one sentence before speakers are resolved across the article.

    speaker: the speaker's phrase as written (maybe a pronoun or "the ministry").
    accused: the accused as written, or None when the text leaves it unnamed.
    needs_accused: an accusation whose accused must be inferred (the speaker's opponent).
    """

    rule: str
    stance: Stance
    speaker: str
    speaker_phrase: str  # the speaker with its appositions, for telling observers from parties
    accused: str | None
    action: str
    places: tuple[str, ...]
    cue: int  # token index of the cue word
    needs_accused: bool = False
    own_side_agent: str | None = None


@lru_cache(maxsize=4096)
def wants(text: str) -> bool:
    """Cheap filter: a sentence with an attribution or accusation cue. Remembered for recent
    sentences: asked when choosing what to parse and again by the rules."""
    return bool(_cues().search(text)) or _bare_quote(text)


@cache
def _cues() -> re.Pattern:
    """The prefilter, built from the verb lexicons the rules read, so that a verb added there is
    never filtered out here: each lemma's stem ("deny" -> "den", "accuse" -> "accus") at a word
    start, the irregular forms, the alleged-words and the source phrases."""
    stems = {_stem(lemma) for lemma in _cue_lemmas() | words("introducing_verbs")}
    stems |= set(mapping("irregular_verbs")) | words("alleged_words") | words("source_phrases")
    stems |= {_idiom_cue(idiom) for idiom in mapping("blame_idioms")}
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})", re.I)


def _idiom_cue(idiom: str) -> str:
    """What the prefilter looks for of a blame idiom: its complement ("responsible", "blame",
    "finger"), or the stem of its verb when the verb alone blames ("attribut")."""
    verb, complement = idiom.split()
    return _stem(verb) if complement == "-" else complement


def _cue_lemmas() -> frozenset[str]:
    """Every verb lemma a claim rule starts from."""
    return (_speech_cues() | words("condemn_verbs") | words("calling_verbs") | words("responsibility_verbs")
            | words("own_act_verbs"))


def _stem(lemma: str) -> str:
    """The part of a verb every regular form starts with: "deny" (denied, denies), "accuse"
    (accused, accusing), "say" (says, saying); a stem shorter than three letters is kept whole."""
    stem = lemma[:-1] if lemma.endswith(("e", "y")) else lemma
    return stem if len(stem) >= 3 else lemma


def find_claims(parsed: Iterable[ParsedSentence], article: Article, figures: Iterable[Figure] = (),
                stance: StanceModel | None = None) -> list[Claim]:
    """Every claim of one article, in text order.

    parsed: the article's parsed sentences; those without a claim cue (see `wants`) are read only
    for the armed groups they name, which a later "the group" refers back to.
    figures: the article's casualty figures, found before by the figures extractor; a statement
    whose content gives one is a figure, not a claim, unless it blames a named enemy.
    stance: the trained stance classifier, asked where a statement's cue is generic ("said");
    without it the rules decide alone.
    """
    parsed = list(parsed)
    memory, groups = _SpeakerMemory(), _GroupMemory(ahead=_groups_ahead(parsed))
    found: list[tuple[ParsedSentence, ClaimHit, str]] = []
    numbers: dict[int, set[int]] = {}
    for figure in figures:
        numbers.setdefault(figure.provenance.sentence_index, set()).add(figure.provenance.start)
    items: list[ParsedSentence] = []
    others: list[ParsedSentence] = []
    for p in parsed:
        (items if wants(p.sentence.text) else others).append(p)
    context = iter(others)
    pending = next(context, None)
    at = [frozenset(c - i.sentence.start for c in numbers.get(i.sentence.index, ())) for i in items]
    hits = [match_claims(item.doc, figures_at, stance) for item, figures_at in zip(items, at)]
    for pos, item in enumerate(items):
        while pending is not None and pending.sentence.index < item.sentence.index:
            groups.learn(pending.doc)
            memory.learn(pending.doc)
            pending = next(context, None)
        if not hits[pos] and _bare_quote(item.sentence.text):
            hits[pos] = _quoted(item.doc, at[pos], _quote_speaker(items, hits, pos), stance)
        named_here = None  # a pronoun after a speaker named in the same sentence refers to it ("X said ... it")
        for hit in hits[pos]:
            hit = groups.named(hit, item.doc, item.sentence.index)
            pronoun = hit.speaker.lower().strip() in _PRONOUNS
            speaker, observer = named_here if pronoun and named_here else memory.resolve(
                memory.owned(hit.speaker, item.doc), hit.speaker_phrase)
            named_here = named_here if pronoun or not speaker else (speaker, observer)
            if speaker and not observer and not _YEAR.search((hit.speaker_phrase or hit.speaker).split(",")[0]):
                # A speaker dated by a year ("a 2010 warning said", "a bulletin issued in 2015 said")
                # speaks of an earlier time (C27); an apposition's year ("X, leader since 2010,") does not.
                found.append((item, hit, speaker))
        memory.learn(item.doc)
        groups.learn(item.doc)
    while pending is not None:
        groups.learn(pending.doc)
        pending = next(context, None)
    parties = _LazyParties(article.text, found)
    built = [(_build(hit, speaker, item, article, parties), item) for item, hit, speaker in found]
    return _one_per_quotation([(c, c.sentence != item.sentence.text) for c, item in built])


def _one_per_quotation(claims: list[tuple[Claim, bool]]) -> list[Claim]:
    """A quotation of several sentences within one paragraph (a claim's sentence widened to it) is
    one statement: its speaker's accusation or denial stands for it, and an assertion by the same
    speaker in it is left out. Claims of one ordinary sentence are all kept."""
    strong = {(c.sentence, c.speaker) for c, widened in claims if widened and c.stance is not Stance.ASSERT}
    return [c for c, widened in claims
            if not widened or c.stance is not Stance.ASSERT or (c.sentence, c.speaker) not in strong]


def quotation_unit(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a sentence widened to the whole quotation it is part of, within its paragraph
    ('"A. B," said X.' is one unit): a reader, and other sentence splitters, take such a quotation
    as one sentence, while ours cuts it at each full stop."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    before = text[para_start:start]
    opened = _open_quote(before)
    if opened is not None:
        start = para_start + opened
    inside = text[start:end]
    if _open_quote(inside) is not None:
        closing = min((i for i in (text.find(q, end, para_end) for q in _CLOSING_QUOTES) if i >= 0), default=-1)
        if closing >= 0:
            stop = _SENTENCE_END.search(text, closing + 1, para_end)
            end = stop.end() if stop else para_end
    return start, end


def _open_quote(text: str) -> int | None:
    """Where a quotation left open at the end of the text begins, if one is."""
    at = None
    for i, ch in enumerate(text):
        if ch == "“" or (ch == '"' and at is None):
            at = i
        elif ch == "”" or ch == '"':
            at = None
    return at


def _bare_quote(text: str) -> bool:
    """A sentence that opens a quotation and has no speech verb of its own."""
    return text[:1] in _OPENING_QUOTES and not _cues().search(text)


def _quote_speaker(items: list[ParsedSentence], hits: list[list[ClaimHit]], pos: int) -> ClaimHit | None:
    """Whose quotation a bare quoted sentence is: the statement of the next sentence when the quote
    runs on into it ('"A. B," said X.'), else the statement of the sentence just before ('X said
    ... . "B."'); only adjacent sentences count."""
    text = items[pos].sentence.text.rstrip()
    closed = text[-1:] in _CLOSING_QUOTES or text[-2:-1] in _CLOSING_QUOTES
    neighbour = pos - 1 if closed else pos + 1
    found = _neighbours_statement(items, hits, pos, neighbour, last=closed)
    if found is None and not closed:
        # a quotation that opens a paragraph right after an attributed one ('"A," X said. "B. C."')
        # goes on quoting the same speaker, as reporters write, when nothing after it names another
        found = _neighbours_statement(items, hits, pos, pos - 1, last=True)
    return found


def _neighbours_statement(items: list[ParsedSentence], hits: list[list[ClaimHit]], pos: int, neighbour: int,
                          last: bool) -> ClaimHit | None:
    """The statement of an adjacent sentence (its last when `last`, else its first), if it has one."""
    if not 0 <= neighbour < len(items) or abs(items[neighbour].sentence.index - items[pos].sentence.index) != 1:
        return None
    said = [h for h in hits[neighbour] if h.rule in (*_CLASSIFIED, _QUOTED)]
    return said[-1 if last else 0] if said else _said_by(items[neighbour].doc)


def _said_by(doc: Doc) -> ClaimHit | None:
    """The speaker of a statement verb in the sentence whose own content made no claim ('"B. C," the
    police said', where "C" is colour): a quotation that runs on from or into it is still theirs."""
    claiming, lemmas = words("claim_verbs"), lower_lemmas(doc)
    for verb in tokens_with_pos(doc, "VERB"):
        subject = _speaker_token(verb) or agent_of(verb) if lemmas[verb.i] in claiming else None
        if subject is not None:
            speaker, phrase = _speaker_texts(subject)
            return ClaimHit(_QUOTED, Stance.ASSERT, speaker, phrase, None, "", (), verb.i)
    return None


def _quoted(doc: Doc, figures: frozenset[int], source: ClaimHit | None,
            model: StanceModel | None = None) -> list[ClaimHit]:
    """The accusation or denial of a bare quoted sentence, by its neighbour's speaker (rule
    claims.quoted). A quoted assertion is left out, and so is harm with no doer that is not told as
    suffered: the quotes of a story are mostly colour."""
    root = next((t for t in tokens_of(doc) if t.dep_ == "ROOT"), None)
    if source is None or root is None:
        return []
    verdict = _second_opinion(_classify(doc[:], root, figures), (text_of(doc),), model)
    if verdict is None or verdict[0] is Stance.ASSERT or verdict[0] is Stance.ACCUSE and verdict[2] is None:
        # an assertion, or harm that names no doer and is not told as suffered ("a bomb exploding in
        # the city is an act of terrorism"): colour of the story, not a charge
        return []
    stance, accused, own_agent = verdict
    if accused is not None and accused.lower() in ("they", "them") and source.accused:
        accused = source.accused  # "X said the militia shelled the town. 'They killed our sons.'"
    return [ClaimHit(_QUOTED, stance, source.speaker, source.speaker_phrase, accused, _trim(text_of(doc)), (),
                     root.i, needs_accused=stance is Stance.ACCUSE and accused is None, own_side_agent=own_agent)]


class _LazyParties:
    """The belligerents, worked out only when an accused party must be inferred: counting the
    parties scans the whole article, and most articles' claims name their accused."""

    __slots__ = ("_found", "_parties", "_text")

    def __init__(self, text: str, found) -> None:
        self._text, self._found, self._parties = text, found, None

    def get(self) -> tuple[str, ...]:
        if self._parties is None:
            self._parties = _belligerents(self._text, self._found)
        return self._parties


def _belligerents(text: str, found) -> tuple[str, ...]:
    """The conflict's two main parties: states that accuse, deny or are accused weigh most, then
    mentions. (Mentions alone would pick a mediator that the article is about.)"""
    weight: dict[str, float] = {}
    for rank, country in enumerate(main_parties(text)):
        weight[country] = weight.get(country, 0) + 2 - rank
    for _, hit, speaker in found:
        if hit.stance in (Stance.ACCUSE, Stance.DENY):
            for name in (speaker, hit.accused):
                for country in _sides_in(name):
                    weight[country] = weight.get(country, 0) + 3
    ranked = sorted(weight, key=lambda c: -weight[c])
    return tuple(ranked[:2])


def _sides_in(name: str | None) -> set[str]:
    if not name or name == "each other":
        return set()
    parts = _AND_OR_COMMA.split(name)
    return {side for side in (side_of(part) for part in parts) if side}


def match_claims(doc: Doc, figures: frozenset[int] = frozenset(), stance: StanceModel | None = None) -> list[ClaimHit]:
    """The claims one sentence makes, before speakers are resolved across sentences.

    figures: where in the sentence (character offsets) casualty figures start.
    stance: the trained classifier that judges a statement the rules read from its content.

    Accusations and denials are found first; a statement verb's content then leaves out the
    clauses those cues head (each is its own claim) and verbs the speaker shares ("said A and
    reiterated B" gives two statements by one speaker).
    """
    if not wants(text_of(doc)):
        return []
    hits: list[ClaimHit] = []
    cue_verbs: list[Token] = []
    lemmas = lower_lemmas(doc)
    accusing, denying = words("accuse_verbs"), words("deny_verbs")
    for token, lemma in zip(tokens_of(doc), lemmas):
        # The lemma first: it rules out nearly every token, and is already looked up.
        if lemma not in accusing and lemma not in denying:
            continue
        if token.pos_ not in ("VERB", "AUX") and token.tag_ != "VBN":
            continue
        hit = _accusation(token) if lemma in accusing else _denial(token)
        if hit is not None:
            hits.append(hit)
            cue_verbs.append(token)
    condemning, calling = words("condemn_verbs"), words("calling_verbs")
    for token in tokens_with_pos(doc, "VERB"):
        lemma = lemmas[token.i]
        hit = _condemnation(token) if lemma in condemning else (
            _called_false(token) or _called_so(token)) if lemma in calling else None
        if hit is not None and hit.stance is Stance.DENY and any(
                h.stance is Stance.DENY and h.speaker == hit.speaker for h in hits):
            continue  # "denied shelling Ganja and called the accusation a lie": one denial
        if hit is not None:
            hits.append(hit)
            cue_verbs.append(token)
    hits.extend(_nominal_accusations(doc, lemmas))
    idioms = _blame_idioms()
    for token in tokens_with_pos(doc, "VERB"):
        hit = _blame_idiom(token, idioms[lemmas[token.i]]) if lemmas[token.i] in idioms else None
        if hit is not None:
            hits.append(hit)
            cue_verbs.append(token)
    owning, own_acts = words("responsibility_verbs"), words("own_act_verbs")
    for token in tokens_with_pos(doc, "VERB"):
        hit = _own_act(token, lemmas[token.i] in owning, lemmas[token.i] in own_acts)
        if hit is not None:
            hits.append(hit)
            cue_verbs.append(token)
    claiming = words("claim_verbs")
    statements = [t for t in tokens_with_pos(doc, "VERB", "AUX") if lemmas[t.i] in claiming]
    contents = {t.i: _content_head(t) for t in statements}
    for token in statements:
        if _nested(token, statements, contents):
            continue
        for hit in _statements(token, cue_verbs + [t for t in statements if t is not token], figures, stance):
            hits.append(hit)
    if not hits:
        found = according_to(doc)
        if found is not None:
            hit = _according_to_hit(doc, found, figures, stance)
            if hit:
                hits.append(hit)
    hits.extend(_alleged(doc, hits))
    return sorted((h for h in hits if not _names_no_one(h.speaker)), key=lambda h: h.cue)


def _names_no_one(speaker: str) -> bool:
    """"no one", "nobody", "no group": a speaker that names no one makes no claim ("no one has
    claimed the attack", guideline C17), whatever its verb."""
    lowered = speaker.lower().strip()
    return lowered in ("nobody", "none", "no-one") or lowered.startswith("no ")


def _nested(token: Token, statements: list[Token], contents: dict) -> bool:
    """True for a statement reported inside another's content ("analysts warned ... X insisting ...").
    An outlet's report is no statement of its own: what it reports a party said stands ("the ministry
    confirmed X, the Herald reported")."""
    if _shares_speaker(token):
        return False
    for other in statements:
        content = contents.get(other.i)
        if other is not token and content is not None and content.left_edge.i <= token.i <= content.right_edge.i:
            subject = subject_of(other)
            if subject is None or not _outlet(_speaker_texts(subject)[1]):
                return True
    return False


def _outlet(phrase: str) -> bool:
    """A speaker's phrase that names a media outlet or monitor reporting what others did ("news
    agency", "-Monitor"), not a party's own agency or radio ("state news agency")."""
    found = set(_LOWER_WORDS.findall(phrase.lower()))
    return not found.isdisjoint(words("media_words")) and found.isdisjoint(words("organ_words"))


def _outer_statement(verb: Token) -> Token | None:
    """The statement verb whose content a subjectless coordinated verb hangs in: the speaker's own
    second verb ("said that A and reiterated that B", "said N were killed and accused Y of Z")."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    current = verb
    while current.dep_ == "conj" and current.head is not current:
        current = current.head
    if current.dep_ in ("ccomp", "parataxis") and current.head.lemma_.lower() in words("claim_verbs"):
        return current.head
    return None


def _shares_speaker(verb: Token) -> bool:
    return _outer_statement(verb) is not None


def _speaker_verb(verb: Token) -> bool:
    """A verb of the speaker's own coordinated into the content ("and reiterated", "and pointed at")."""
    return _shares_speaker(verb) and verb.lemma_.lower() in _speaker_cues()


@cache
def _speaker_cues() -> frozenset[str]:
    """Every statement, accusation and denial verb, joined once rather than on each call."""
    return _speech_cues() | {"point"}


@cache
def _speech_cues() -> frozenset[str]:
    return words("claim_verbs") | words("deny_verbs") | words("accuse_verbs")


@cache
def _harmful() -> frozenset[str]:
    return words("harm_words") | words("backing_words")


def _speaker_token(verb: Token) -> Token | None:
    outer = _outer_statement(verb)
    subject = subject_of(outer) if outer is not None else subject_of(verb)
    if subject is not None and (subject.lower_ in words("claim_nouns") or subject.lemma_.lower() in words("accusation_nouns")):
        # "..., a charge the military rejected": the parse can give the clause two subjects, the
        # claim it answers and who answers it; the speaker is the second
        other = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > subject.i), None)
        subject = other or subject
    if subject is not None and subject.lower_ in ("who", "which", "that"):
        clause = next((a for a in subject.ancestors if a.dep_ == "relcl"), None)
        return clause.head if clause is not None else None
    return subject


# --- rules -------------------------------------------------------------------------------------


def _accusation(verb: Token) -> ClaimHit | None:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    blamed_on = _prep_object_token(verb, "on") if passive else None
    if blamed_on is not None:
        # "the bombing was blamed on the group": the accused is the "on" object; the speaker is the
        # "by X", else whoever acts in the clause it hangs in ("X asked Y ..., after Z was blamed on W")
        speaker_token = agent_of(verb) or _clause_subject(verb)
        if speaker_token is None:
            return None
        accused = _party_text(blamed_on)
        target = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        action = _span_text(verb.doc, target.left_edge.i, target.right_edge.i + 1) if target is not None else ""
        speaker, phrase = _speaker_texts(speaker_token)
        return ClaimHit("claims.accuse_passive", Stance.ACCUSE, speaker, phrase, accused, _trim(action),
                        _places_in(verb.doc, verb), verb.i)
    if passive:
        speaker_token = agent_of(verb) or _reporting_subject(verb)
        accused_token = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if accused_token is not None and accused_token.lower_ in ("which", "who", "that"):
            accused_token = _relative_head(verb)
        elif accused_token is None:
            accused_token = _relative_head(verb)
        if speaker_token is None:
            return None
        accused = _party_text(accused_token) if accused_token is not None else None
        rule = "claims.accuse_passive"
    else:
        speaker_token = _speaker_token(verb)
        if speaker_token is None:
            return None
        accused = _reciprocal(verb) or _accused_object(verb)
        charged = _charged_clause(verb)
        if charged is not None:
            # "charged that coalition jets had broken the truce": the accused is the clause's subject
            subject = next(c for c in charged.children if c.dep_ in ("nsubj", "nsubjpass"))
            speaker, phrase = _speaker_texts(speaker_token)
            return ClaimHit("claims.accuse_verb", Stance.ACCUSE, speaker, phrase,
                            _party_text(subject),
                            _trim(_span_text(verb.doc, charged.left_edge.i, charged.right_edge.i + 1)),
                            _places_in(verb.doc, verb), verb.i)
        if accused is not None and accused.lower() in ("which", "who", "whom", "that"):
            # "the RSF, which the army accused of shelling the town": the noun the clause describes
            head = _relative_head(verb)
            accused = _party_text(head) if head is not None else None
        blamed = _blamed_act(verb)
        if blamed is not None:
            # "blamed the attack on the RSF": the act is the object, the accused the "on" object
            act, doer = blamed
            return ClaimHit("claims.accuse_verb", Stance.ACCUSE, *_speaker_texts(speaker_token),
                            _party_text(doer) if doer is not None else None,
                            _trim(_span_text(verb.doc, act.left_edge.i, act.right_edge.i + 1)),
                            _places_in(verb.doc, verb), verb.i, needs_accused=doer is None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        act = _act_of(obj) if obj is not None else None
        if act is not None:
            # "blamed India-backed militants for the bombing", the "for" hung on the object
            accused = _span_text(verb.doc, noun_phrase(obj, coordinated=True).start, act.i)
            action = _span_text(verb.doc, act.i + 1, act.right_edge.i + 1)
            speaker, phrase = _speaker_texts(speaker_token)
            return ClaimHit("claims.accuse_verb", Stance.ACCUSE, speaker, phrase, accused, _trim(action),
                            _places_in(verb.doc, verb), verb.i)
        rule = "claims.accuse_verb"
    action = _prep_object(verb, ("of", "for", "with"))
    speaker, phrase = _speaker_texts(speaker_token)
    return ClaimHit(rule, Stance.ACCUSE, speaker, phrase, accused, action, _places_in(verb.doc, verb), verb.i)


@cache
def _blame_idioms() -> dict[str, tuple[tuple[str | None, tuple[str, ...]], ...]]:
    """The blame idioms by verb lemma: (the complement the verb must govern or None, the accused's slot)."""
    out: dict[str, list] = {}
    for idiom, slot in mapping("blame_idioms").items():
        verb, complement = idiom.split()
        slots = (slot,) if slot in ("object", "each other") else tuple(slot.split())
        out.setdefault(verb, []).append((None if complement == "-" else complement, slots))
    return {verb: tuple(found) for verb, found in out.items()}


def _blame_idiom(verb: Token, idioms) -> ClaimHit | None:
    """An accusation made by an idiom of blame (lexicon blame_idioms): "held the RSF responsible for the
    massacre", "pinned the blame for the strike on Russian forces", "pointed the finger at Kigali",
    "the blast was attributed to the Islamic State by officials", "the two sides traded accusations".
    The accused must be a party: "attributed the rise in violence to the economy" accuses no one."""
    subtree = list(verb.subtree)
    for complement, slots in idioms:
        if complement is not None and not any(t.lemma_.lower() == complement or t.lower_ == complement
                                              for t in subtree if t.head == verb or t.head.head == verb):
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        speaker_token = (agent_of(verb) or _reporting_subject(verb)) if passive else _speaker_token(verb)
        if speaker_token is None:
            return None
        if slots == ("each other",):
            accused = "each other"
        elif slots == ("object",):
            target = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
                (c for t in subtree if t.lower_ == complement for c in t.children if c.dep_ == "nsubj"), None)
            accused = _before_complement(noun_phrase(target, coordinated=True), complement) \
                if target is not None and _a_party(target) else None
        else:
            preps = [t for t in subtree if t.dep_ == "prep" and t.lower_ in slots]
            objects = [c for p in preps[-1:] for c in p.children if c.dep_ == "pobj" and _a_party(c)]
            accused = _party_text(objects[0]) if objects else None
        if accused is None:
            return None
        speaker, phrase = _speaker_texts(speaker_token)
        action = _prep_object(verb, ("for", "over", "of")) or next(
            (noun_phrase(c).text for c in verb.children if c.dep_ == "nsubjpass"), "")
        return ClaimHit("claims.blame_idiom", Stance.ACCUSE, speaker, phrase, accused, _trim(action),
                        _places_in(verb.doc, verb), verb.i)
    return None


def _before_complement(phrase: Span, complement: str | None) -> str:
    """The accused's phrase cut before the idiom's complement, where the parse hangs it on the noun
    ("the RSF responsible for the massacre": "RSF")."""
    at = next((t.i for t in phrase if t.lower_ == complement and t.i > phrase.root.i), None)
    return phrase.text if at is None else phrase.doc[phrase.start:at].text


def _charged_clause(verb: Token) -> Token | None:
    """The that-clause of an accusing verb with no object ("charged that the militia had shelled the
    camp"), when it has a subject of its own; else None."""
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and any(
        s.dep_ in ("nsubj", "nsubjpass") for s in c.children)), None)


def _blamed_act(verb: Token) -> tuple[Token, Token | None] | None:
    """For "blamed the attack on the RSF": (the act blamed, the party it is blamed on, or None when the
    "on" names no party). None when the object is no act ("blamed Kyiv for the strike")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not (_incident(obj) or obj.lemma_.lower() in _harmful()):
        return None
    ons = [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ == "on"]
    ons += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"]
    doers = [c for p in sorted(ons, key=lambda t: t.i) for c in p.children if c.dep_ == "pobj" and _a_party(c)]
    if not ons:
        return None
    return obj, (doers[-1] if doers else None)


def _act_of(obj: Token) -> Token | None:
    """The "for" (or "over", "of") phrase an accused's noun carries when the parse hangs the act on it
    ("blamed militants for the bombing", "accused the army of an air strike on the market"): the
    preposition, else None. Its object must be an attack or a harm: "the army of Sudan" is the accused."""
    for child in obj.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "over", "of") and any(
                c.dep_ == "pobj" and (_incident(c) or c.lemma_.lower() in _harmful() or c.lemma_.lower() == "death")
                for c in child.children):
            return child
    return None


def _reporting_subject(verb: Token) -> Token | None:
    """Who reports a passive accusation that names no accuser ("the militia was blamed for the
    massacre, the UN said"; "officials said the group was accused of ..."): the subject of the
    statement verb it is the content of, who makes the charge its own by telling it."""
    head = verb.head
    if verb.dep_ not in ("ccomp", "parataxis") or head is verb or head.lemma_.lower() not in words("claim_verbs"):
        return None
    return subject_of(head)


def _prep_object_token(verb: Token, preposition: str) -> Token | None:
    """The object of the verb's own "<preposition> X" phrase, if it has one."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == preposition), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _clause_subject(verb: Token) -> Token | None:
    """The subject of the clause a subordinate verb hangs in ("X asked ..., after ... was blamed")."""
    if verb.dep_ not in ("advcl", "ccomp", "conj") or verb.head is verb:
        return None
    head = verb.head
    for _ in range(3):  # through "asked Y to hand over ...": the asker
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject if subject.pos_ in ("PROPN", "NOUN") else None
        if head.dep_ not in ("xcomp", "advcl", "ccomp", "conj") or head.head is head:
            return None
        head = head.head
    return None


def _denial(verb: Token) -> ClaimHit | None:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        speaker_token = agent_of(verb)
        target = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        action = noun_phrase(target).text if target is not None else ""
        rule = "claims.deny_passive"
    else:
        answered = _apposed_claim(verb)
        # "an allegation rejected by Moscow": the participle's "by X" (or its own subject) answers,
        # not the noun it describes
        speaker_token = (agent_of(verb) or next((c for c in verb.children if c.dep_ == "nsubj"), None)) \
            if answered is not None and verb.dep_ == "acl" else _speaker_token(verb)
        action = _object_text(verb) or _clause_text(verb) or ""
        rule = "claims.deny_verb"
        if verb.lemma_.lower() != "deny" and answered is None and not _rejects_a_claim(verb):
            return _dismissed_as(verb)
    if speaker_token is None:
        return None
    speaker, phrase = _speaker_texts(speaker_token)
    return ClaimHit(rule, Stance.DENY, speaker, phrase, None, action, _own_places(verb), verb.i)


def _dismissed_as(verb: Token) -> ClaimHit | None:
    """"dismissed the RSF as a terrorist militia", "the Kabul government, which the Taliban dismisses
    as a puppet": a party's rejection of another party as what the "as" phrase says it is accuses it
    (guideline C30); dismissing a claim is a denial, found by `_denial`, and dismissing anything else
    ("dismissed the talks as a waste of time") is no claim."""
    named = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                  for p in c.children if p.dep_ == "pobj"), None)
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if target is not None and target.lower_ in ("which", "who", "whom", "that"):
        target = _relative_head(verb)
    speaker_token = _speaker_token(verb)
    if named is None or target is None or speaker_token is None or not _a_party(target):
        return None
    speaker, phrase = _speaker_texts(speaker_token)
    accused = _party_text(target)
    action = _span_text(verb.doc, named.left_edge.i, named.right_edge.i + 1)
    return ClaimHit("claims.called", Stance.ACCUSE, speaker, phrase, accused, _trim(action), (), verb.i)


def _a_party(noun: Token) -> bool:
    """A noun that names a party ("the RSF", "the Kabul government", "the junta"), not a thing."""
    if noun.pos_ == "PROPN" and noun.lower_ not in _CALENDAR:
        return True
    heads = words("party_heads") | words("institution_heads") | words("perpetrator_nouns")
    return noun.lemma_.lower() in heads or noun.lower_ in heads


def _apposed_claim(verb: Token) -> Token | None:
    """The allegation noun a rejecting verb describes, in the apposition agency copy appends to a
    statement: "..., a claim the rebels dismissed as baseless", "..., an accusation the group has
    rejected", "..., a version of events the army denied", "..., a figure rejected by the junta".
    The verb's clause hangs on the noun (or on the "of" object of the noun), which it answers; None
    for any other verb."""
    if verb.dep_ not in ("relcl", "acl") or verb.head is verb:
        return None
    if verb.dep_ == "relcl" and any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in ("which", "that")
                                    for c in verb.children):
        return None  # "a claim the rebels rejected the truce over" has an object of its own
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head is not noun.head:
        noun = noun.head.head if _allegation_noun(noun.head.head) else noun
    return noun if _allegation_noun(noun) else None


def _denies_what_went_before(verb: Token) -> bool:
    """", which the rebels denied": a denial verb in a relative clause whose "which" stands for what
    the sentence said before it."""
    return verb.dep_ == "relcl" and verb.lemma_.lower() in words("deny_verbs") and any(
        c.lower_ == "which" and c.dep_ in ("dobj", "nsubjpass") for c in verb.children)


def _allegation_noun(noun: Token) -> bool:
    """A noun that names what someone alleged: a claim, charge, account or figure (claim_nouns and
    accusation_nouns), not a pronoun."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    nouns = words("claim_nouns") | words("accusation_nouns")
    return noun.lower_ in nouns or noun.lemma_.lower() in nouns


def _rejects_a_claim(verb: Token) -> bool:
    """"rejected the claim" is a denial; "reject Azerbaijani rule" is not."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(o.lower_ in words("claim_nouns") for o in objects) or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _condemnation(verb: Token) -> ClaimHit | None:
    """"condemned the rebels for shelling villages" (accused: the object), "denounced the aggression
    of X" or "X's aggression" (accused: X). A condemnation that names no doer is no claim (C20)."""
    speaker_token = _speaker_token(verb)
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if speaker_token is None or target is None:
        return None
    action = _prep_object(verb, ("for",))
    if action:
        accused = _party_text(target)
    elif target.lemma_.lower() in _harmful():
        by = _by_doer(target)
        doer = by or next((c for c in target.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        of = next((c for c in target.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        doer = doer or next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else doer
        side = _side_before(target) if doer is None else None
        if doer is None and side is None:
            return None
        # "the massacre of villagers by the militia": named as _doer_named_in names a "by" doer
        accused = side or (_party_text(doer) if by is not None else _span_text(
            verb.doc, doer.left_edge.i, doer.right_edge.i + 1).removesuffix("'s").removesuffix("’s"))
        action = _span_text(verb.doc, target.left_edge.i, target.right_edge.i + 1)
    else:
        return None
    speaker, phrase = _speaker_texts(speaker_token)
    return ClaimHit("claims.condemn", Stance.ACCUSE, speaker, phrase, accused, _trim(action),
                    _places_in(verb.doc, verb), verb.i)


def _own_act(verb: Token, owning: bool, own_acts: bool) -> ClaimHit | None:
    """A party owning an act: "took responsibility for the convoy ambush" (rule claims.responsibility)
    or "claimed to have shot down 20 drones" (claims.claimed_to); both assert. "No group has claimed
    responsibility" is no claim (C17)."""
    if not (owning or own_acts) or any(c.dep_ == "neg" for c in verb.children):
        return None
    if owning and any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in verb.children):
        rule, content = "claims.responsibility", next(c for c in verb.children if c.dep_ == "dobj")
    elif own_acts and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children):
        rule, content = "claims.claimed_to", next(c for c in verb.children if c.dep_ == "xcomp")
    elif own_acts and any(c.dep_ == "dobj" and c.lemma_.lower() in words("claimed_gains") for c in verb.children):
        # "claimed victory over al-Shabaab", "claimed control of the town"
        rule, content = "claims.claimed_to", next(c for c in verb.children if c.dep_ == "dobj")
    else:
        return None
    speaker_token = _speaker_token(verb)
    if speaker_token is None or _no_one(speaker_token):
        return None
    speaker, phrase = _speaker_texts(speaker_token)
    action = _span_text(verb.doc, content.left_edge.i, content.right_edge.i + 1)
    return ClaimHit(rule, Stance.ASSERT, speaker, phrase, None, _trim(action), _places_in(verb.doc, content), verb.i)


def _called_false(verb: Token) -> ClaimHit | None:
    """"called the reports baseless", "described the claim as fabricated": a denial by the subject."""
    falsity = words("falsity_words")
    parts = [c for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp", "advcl", "dobj", "prep")]
    if not any(t.lower_ in falsity for c in parts if c.dep_ != "dobj" for t in c.subtree):
        return None
    speaker_token = _speaker_token(verb)
    if speaker_token is None:
        return None
    claim = next((c for c in parts if c.lemma_.lower() in words("claim_nouns") and c.lower_ not in falsity), None)
    action = _span_text(verb.doc, claim.left_edge.i, claim.right_edge.i + 1) if claim is not None else ""
    speaker, phrase = _speaker_texts(speaker_token)
    return ClaimHit("claims.called_false", Stance.DENY, speaker, phrase, None, _trim(action), _own_places(verb), verb.i)


def _called_so(verb: Token) -> ClaimHit | None:
    """"termed the blast sabotage", "branded the raid a massacre": a party says what an
    incident was; it accuses whoever the incident names as its doer ("Velmar's shelling")."""
    named = [c for c in verb.children if c.dep_ in ("oprd", "xcomp")]
    named += [p for c in verb.subtree if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    characterising = words("characterisation_words")
    if not any(t.lemma_.lower() in characterising for n in named for t in n.subtree):
        return None
    speaker_token = _speaker_token(verb)
    if speaker_token is None:
        return None
    incident = next((c for c in verb.children if c.dep_ == "dobj"), None)
    doer = _doer_named_in(incident) if incident is not None else None
    speaker, phrase = _speaker_texts(speaker_token)
    action = _span_text(verb.doc, verb.i + 1, verb.right_edge.i + 1)
    return ClaimHit("claims.called", Stance.ACCUSE if doer else Stance.ASSERT, speaker, phrase, doer, _trim(action),
                    _own_places(verb), verb.i)


def _nominal_accusations(doc: Doc, lemmas: list[str]) -> list[ClaimHit]:
    """"rejected accusations from Kyiv that its troops had shelled the plant": an accusation by the
    noun's source (its "from/by" object or possessor) against who did the harm in its clause; "its"
    there is the side of whoever answers the accusation."""
    out = []
    nouns = words("accusation_nouns")
    for noun in tokens_of(doc):
        if lemmas[noun.i] not in nouns or noun.pos_ != "NOUN":
            continue
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
        source = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
        source = source or (next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None)
        if clause is None or source is None:
            continue
        harmful = _harmful()
        harm = [t for t in clause.subtree if lemmas[t.i] in harmful and not _benign(t)]
        if not harm:
            continue
        accused = _harm_agent(harm)
        speaker, phrase = (_POSSESSIVE.sub("", text) for text in _speaker_texts(source))
        if accused and (accused.split() or [""])[0].lower() in _OWN_SIDE_PRONOUNS | {"they"}:
            answering = subject_of(noun.head) if noun.dep_ == "dobj" else agent_of(noun.head)
            if answering is None and lemmas[noun.i] == "claim":
                # "the rebels' claim that they had shot down a helicopter", answered by no one: the
                # claimant's own act, asserted
                out.append(ClaimHit("claims.accuse_noun", Stance.ASSERT, speaker, phrase, None,
                                    _trim(_span_text(doc, clause.left_edge.i, clause.right_edge.i + 1)),
                                    _places_in(doc, clause), noun.i))
                continue
            accused = _party_text(answering) if answering is not None else None
        out.append(ClaimHit("claims.accuse_noun", Stance.ACCUSE, speaker, phrase, accused,
                            _trim(_span_text(doc, clause.left_edge.i, clause.right_edge.i + 1)),
                            _places_in(doc, clause), noun.i, needs_accused=accused is None))
    return out


def _statements(verb: Token, other_cues: list[Token], figures: frozenset[int],
                model: StanceModel | None = None) -> list[ClaimHit]:
    """The claim a statement verb's content makes, and one more for each coordinated clause with
    its own subject whose stance differs ("said the shooting did not involve its soldiers, but that
    their posts came under fire": a denial and an accusation, two claims of one sentence)."""
    content = _content_head(verb)
    if content is None or (content in other_cues and content.lemma_.lower() not in words("claim_verbs")):
        return []  # "X and Y accused each other ..., both sides said": the accusation is the claim
    if _unsaid(verb):
        return []  # "did not say who carried out the attack", "declined to say whether ..."
    speaker_token = _speaker_token(verb) or agent_of(verb)
    if speaker_token is None or speaker_token.i in range(content.left_edge.i, content.right_edge.i + 1):
        return []
    span = _content_span(content, other_cues)
    verdict = _classify(span, verb, figures)
    if verdict is not None and content.dep_ == "xcomp":
        verdict = (Stance.ASSERT, None, None)  # "threatened to shell the port": the speaker's own act
    elif verdict is not None and verdict[0] is Stance.ASSERT and verb.lemma_.lower() in words("alleging_verbs"):
        verdict = _alleged_of(content) or verdict
    verdict = _second_opinion(verdict, _statement_texts(verb, speaker_token), model)
    if verdict is None:
        return []
    speaker, phrase = _speaker_texts(speaker_token)
    if verdict[0] is Stance.ACCUSE and (_the_group(verdict[1]) and _speaks_for_a_group(phrase)
                                         or _they_are_the_speakers(verdict[1], speaker_token)):
        verdict = (Stance.ASSERT, None, None)  # "a spokesman for the group said they had killed 40"
    hits = [_said(verb, span, content, verdict, speaker, phrase)]
    for clause in content.children:
        if clause.dep_ == "conj" and span.start <= clause.i < span.end and clause.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            part = verb.doc[clause.left_edge.i:min(clause.right_edge.i + 1, span.end)]
            other = _classify(part, verb, figures)
            if other is not None and other[0] is not Stance.ASSERT and other[0] not in {h.stance for h in hits}:
                hits.append(_said(verb, part, clause, other, speaker, phrase))
    return hits


# How sure the classifier must be that a statement is no claim before the rules' reading of it
# is dropped.
_NONE_AT = 0.7


def _statement_texts(verb: Token, speaker: Token) -> tuple[str, ...]:
    """What the classifier judges a statement by: its sentence and, when the statement is told
    inside narration ("a wave of bombings killed 40 people after the group warned it would strike
    again"), also its own words (speaker, verb and what the verb governs), as the classifier was
    trained on one statement a sentence. A statement that heads its sentence is the sentence."""
    doc = verb.doc
    start = min(verb.left_edge.i, speaker.left_edge.i)
    end = max(verb.right_edge.i, speaker.right_edge.i) + 1
    if start == 0 and all(t.is_punct or t.is_space for t in doc[end:]):
        return (text_of(doc),)
    return text_of(doc), doc[start:end].text


def _alleged_of(content: Token) -> tuple[Stance, str, str] | None:
    """An allegation's verdict when its content has a party for subject ("alleged that Rwandan troops
    had crossed into North Kivu"): the verb makes any act of another party a charge against it, harm
    word or not. None when the subject is the speaker's own side or no party."""
    subject = next((c for c in content.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in _OWN_SIDE_PRONOUNS | {"they"} or not (
            _a_party(subject) or demonym_country(subject.text) or any(
                c.dep_ in ("amod", "compound") and (demonym_country(c.text) or c.pos_ == "PROPN") for c in subject.children)):
        return None
    accused = _party_text(subject)
    return Stance.ACCUSE, accused, accused


def _vouches_for_nothing(span: Span) -> bool:
    """Content headed by a negated verb of knowing ("it could not confirm reports that drones hit the
    port", "it did not know who fired"): whatever it mentions, the speaker vouches for none of it."""
    root = span.root
    return root.lemma_.lower() in words("knowing_verbs") and any(c.dep_ == "neg" for c in root.children)


def _unsaid(verb: Token) -> bool:
    """A statement verb that says nothing: negated ("did not say", "would not confirm") or declined
    ("declined to say", "refused to confirm")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in words("declining_verbs")


def _second_opinion(verdict, texts: tuple[str, ...], model: StanceModel | None):
    """The rules' verdict on a statement read from its content, after the trained classifier has
    judged `texts` (see `_statement_texts`): when it is sure it is no claim (narration, a remark on damage,
    an expectation, an observer's colour), an assertion, or an accusation that names no doer, is
    dropped (None).

    Denials, and accusations that name their doer or call it "the enemy" or tell harm suffered,
    rest on exact cues and stay the rules' call. Nor does the classifier turn accusations into
    assertions or back: on the development articles each such flip it was sure of was as often
    wrong as right."""
    if model is None or verdict is None or verdict[0] is Stance.DENY or verdict[0] is Stance.ACCUSE and (
            verdict[1] is not None or verdict[2] in (_ENEMY, _SUFFERED)):
        return verdict
    # how sure the classifier is, on average over the sentence and the statement's own words, that
    # it is no claim: narration around a statement neither hides it nor, alone, clears it
    p = sum(model.scores(text)["none"] for text in texts) / len(texts)
    return None if p >= _NONE_AT else verdict


def _the_group(doer: str | None) -> bool:
    """A doer that a group's spokesman names his own side by: "they", "we", "the group", "the movement"."""
    if doer is None:
        return False
    lowered = doer.lower().removeprefix("the ").strip()
    return lowered in ("they", "we") or mapping("possessive_referrers").get(lowered) in ("noun", "group")


def _they_are_the_speakers(doer: str | None, speaker: Token) -> bool:
    """"Separatist rebels said they had killed dozens of soldiers": a plural speaker's "they" is the
    speakers themselves, so the harm is their own act, asserted (guideline: a party's claim about its
    own side's actions). A singular speaker's "they" ("the ministry said they had shelled the
    town") is someone else, left to be inferred."""
    return doer is not None and doer.lower() == "they" and speaker.tag_ in ("NNS", "NNPS")


def _speaks_for_a_group(phrase: str) -> bool:
    """A spokesman who speaks for a group the phrase names ("a spokesman for the group", "the militia's
    spokesman", "Houthi military spokesman"); "a spokesman" alone, or a state's, may be its enemy's."""
    found = _LOWER_WORDS.findall(phrase.lower())
    if words("spokes_words").isdisjoint(found):
        return False
    if not _group_nouns().isdisjoint(found):
        return True
    # the names that modify the spokesman ("Houthi military spokesman") or that he speaks for ("a
    # spokesman for the Kessel Brigades"), not his own name ("Colonel Ali Nur, an army spokesman")
    tokens = _NAME_WORDS.findall(phrase)
    at = next(i for i, t in enumerate(tokens) if t.lower() in words("spokes_words"))
    before = list(itertools.takewhile(lambda t: t.lower() not in ("a", "an", "the"), reversed(tokens[:at])))
    after = tokens[at + 2:] if tokens[at + 1:at + 2] in (["for"], ["of"]) else []
    names = [t for t in (*before, *after) if t[:1].isupper()]
    return any(not states_named(t) for t in names)


def _said(verb: Token, span: Span, content: Token, verdict, speaker: str, phrase: str) -> ClaimHit:
    stance, accused, own_agent = verdict
    return ClaimHit("claims.said_content", stance, speaker, phrase, accused,
                    _trim(_span_text(verb.doc, span.start, span.end)),
                    _places_in(verb.doc, content), verb.i, needs_accused=stance is Stance.ACCUSE and accused is None,
                    own_side_agent=own_agent)


def _according_to_hit(doc: Doc, found, figures: frozenset[int], model: StanceModel | None = None) -> ClaimHit | None:
    root = next((t for t in tokens_of(doc) if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    verdict = _second_opinion(_classify(doc[:], root, figures), (text_of(doc),), model)
    if verdict is None:
        return None
    stance, accused, own_agent = verdict
    return ClaimHit("claims.according_to", stance, found.text, found.text, accused, _trim(text_of(doc)), (), root.i,
                    needs_accused=stance is Stance.ACCUSE and accused is None, own_side_agent=own_agent)


def _alleged(doc: Doc, hits: list[ClaimHit]) -> list[ClaimHit]:
    out = []
    lowered = text_of(doc).lower()
    alleging = words("alleged_words")
    if not any(word in lowered for word in alleging):
        return out
    for token in tokens_of(doc):
        if token.lower_ not in alleging or token.head.lemma_.lower() not in words("harm_words"):
            continue
        verb = next((a for a in token.head.ancestors if a.pos_ == "VERB"), None)
        if verb is None or any(h.cue == verb.i for h in hits):
            continue
        subject = _speaker_token(verb) if _shares_speaker(verb) else subject_of(verb)
        if subject is None:
            continue
        speaker, phrase = _speaker_texts(subject)
        noun = token.head
        action = verb.doc[noun.left_edge.i:noun.right_edge.i + 1].text
        out.append(ClaimHit("claims.alleged", Stance.ACCUSE, speaker, phrase, None, action, (), token.i,
                            needs_accused=True))
    return out


# --- helpers -----------------------------------------------------------------------------------


def _content_span(content: Token, other_cues: list[Token]) -> Span:
    """The statement's content, cut before a coordinated clause that is a claim of its own."""
    doc = content.doc
    end = content.right_edge.i + 1
    for child in content.children:
        if child.dep_ == "conj" and child.i > content.i and (
            child in other_cues or _speaker_verb(child) or any(c in other_cues for c in child.subtree)
        ):
            cut = child.left_edge.i
            while cut > content.i and doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            end = min(end, cut)
    answer = _answer_start(doc, content.left_edge.i, end)
    return doc[content.left_edge.i:min(end, answer) if answer is not None else end]


def _answer_start(doc: Doc, start: int, end: int) -> int | None:
    """Where an answer to what the sentence says begins between tokens `start` and `end` ("it had
    bombed rebel positions, a claim the rebels dismissed as baseless", "..., which the army denied"):
    the denial is the other side's claim, found on its own, and the falsity it speaks of is no part
    of the statement or the charge it answers. None when there is none."""
    starts = []
    for verb in doc[start:end]:
        if verb.lemma_.lower() not in words("deny_verbs"):
            continue
        noun = _apposed_claim(verb)
        if noun is not None and noun.i > start and (noun.dep_ == "appos" or doc[noun.left_edge.i - 1].text == ","):
            cut = noun.left_edge.i
        elif _denies_what_went_before(verb):
            cut = verb.left_edge.i  # ", which the rebels denied"
        else:
            continue
        while cut > start + 1 and doc[cut - 1].is_punct:
            cut -= 1
        starts.append(cut)
    return min(starts, default=None)


def _classify(span: Span, verb: Token, figures: frozenset[int]) -> tuple[Stance, str | None, str | None] | None:
    """accuse or assert for a statement's content, or None when it is no claim.

    Not claims: casualty tolls (figures cover them), hopes, expectations and feelings, and
    promises or requests of help (the agreement extractor covers those).

    The figure rules are asked last, only about content that would otherwise be a claim: they
    are the dearest test, and every other test is a pure function of the same content.
    """
    tokens = tokens_of(span.doc)[span.start:span.end]
    verdict = _classify_content(span, verb, tokens)
    if verdict is None or _blames(verdict) or verdict[0] is Stance.ASSERT and (
            _own_doing(span) or _state_forces_did(span, verb)):
        # a toll of losses the speaker's own side inflicted ("it had killed 30 rebels") is a figure
        # and the side's claim of its own act (F20)
        return verdict
    if _states_a_toll(tokens) or any(span.start_char <= at < span.end_char for at in figures):
        return None
    return verdict


def _blames(verdict: tuple[Stance, str | None, str | None]) -> bool:
    """An accusation that names who did the harm: kept even when the content is a toll ("four
    people died when an enemy drone hit the market"), which is then a figure and an accusation."""
    stance, accused, agent = verdict
    named = accused is not None and parse_number(accused) is None
    return stance is Stance.ACCUSE and (named or agent == _ENEMY)


def _classify_content(span: Span, verb: Token, tokens: list[Token]) -> tuple[Stance, str | None, str | None] | None:
    """_classify's verdict before figures are checked."""
    doc = verb.doc
    text = _span_text(doc, span.start, span.end)
    lowered = text.lower()
    outer = _span_text(doc, verb.left_edge.i, verb.right_edge.i + 1).lower()
    if _calls_false(tokens):
        return Stance.DENY, None, None
    if any(h in outer for h in words("hedge_words")):
        return None
    if _pledges_or_asks(tokens):
        return None
    lemmas, harmful = lower_lemmas(doc), _harmful()
    harm = [t for t in tokens if lemmas[t.i] in harmful and not _benign(t) and not _modifier(t, span)
            and not _averted(t)]
    if _vouches_for_nothing(span):
        return None
    if _no_claim(span, lemmas, lowered):
        return _blamed_in_passing(harm)
    if any(phrase in lowered for phrase in words("responsibility_denials")):
        return Stance.DENY, None, None
    if _denies_own_doing(span):
        return Stance.DENY, None, None
    if not harm:
        if not any(t.pos_ in ("VERB", "AUX") for t in tokens):
            return None
        return Stance.ASSERT, None, None
    if _own_doing(span):
        return Stance.ASSERT, None, None
    agent = _harm_agent(harm) or _perpetrator(tokens)
    enemy = words("own_side_words")
    if agent and any(w in enemy for w in _LOWER_WORDS.findall(agent.lower())):
        return Stance.ACCUSE, None, _ENEMY  # "the enemy shelled ...": the speaker's opponent, inferred
    if any(w in lowered for w in enemy):
        return Stance.ASSERT, None, None
    if agent and (agent.split() or [""])[0].lower() in _OWN_SIDE_PRONOUNS:
        return Stance.ASSERT, None, None
    if agent and _state_forces(agent) and _state_speaker(verb):
        return Stance.ASSERT, None, None  # "the army said security forces had killed 21 militants"
    if all(_negated(t) for t in harm):
        return Stance.ASSERT, None, None  # "no shelling was reported overnight": a report, not a charge
    if agent is None and any(_suffered(t) for t in harm):
        casualty = mapping("casualty_words")
        agents = [agent_of(t) for t in harm if t.pos_ == "VERB"]
        by_weapon = [a for a in agents if a is not None and a.lower_ in words("weapon_nouns")]
        if by_weapon and all(t.lower_ in casualty or lemmas[t.i] in casualty or t in by_weapon for t in harm):
            # "a colonel was killed by a roadside bomb": a loss told with its cause but no doer is what
            # a figure would be, and asserts when no number makes it one (C23); "civilians were
            # wounded", with no cause, still blames the other side (C2)
            return Stance.ASSERT, None, None
        return Stance.ACCUSE, None, _SUFFERED
    return Stance.ACCUSE, agent, agent


def _state_forces(agent: str) -> bool:
    """Whether a doer is a state's forces named with no owner ("security forces", "the military", "government
    troops"; lexicon state_forces): who, said by a state's own voice, is that voice's side."""
    found = [w for w in _LOWER_WORDS.findall(agent.lower()) if w not in ("the", "our", "its", "their")]
    return bool(found) and all(w in words("state_forces") for w in found)


def _state_forces_did(span: Span, verb: Token) -> bool:
    """Content whose main clause a state's forces with no owner do, told by that state's voice ("the army
    said security forces had killed 21 militants"): its own act, kept beside the toll as `_own_doing` is."""
    subject = subject_of(span.root)
    return subject is not None and _state_forces(noun_phrase(subject).text) and _state_speaker(verb)


def _state_speaker(verb: Token) -> bool:
    """Whether the statement's speaker is a state's own voice: its forces, a ministry, the government,
    officials (lexicons state_forces and government_nouns)."""
    speaker = _speaker_token(verb)
    voices = words("state_forces") | words("government_nouns")
    return speaker is not None and (speaker.lower_ in voices or speaker.lemma_.lower() in voices)


def _blamed_in_passing(harm: list[Token]) -> tuple[Stance, str, str] | None:
    """Procedure that names who did the harm it follows ("rescuers recovered 15 bodies after Israeli
    strikes", "police found the device the rebels had planted"): an accusation of that doer by
    the speaker; procedure alone is no claim."""
    agent = _harm_agent([t for t in harm if not _negated(t)])
    if agent is None or agent.split()[0].lower() in _OWN_SIDE_PRONOUNS or parse_number(agent) is not None:
        return None
    return Stance.ACCUSE, agent, agent


def _suffered(token: Token) -> bool:
    """Harm told from the side of its target ("came under fire", "was shelled"): an implicit
    accusation of whoever did it (guideline C2), even when the text names no one."""
    if token.pos_ == "VERB":
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    return token.dep_ == "pobj" and token.head.lower_ == "under"


def _own_doing(span: Span) -> bool:
    """Content whose main clause the speaker itself does ("it will step up its raids", "we hit
    their depots", "its forces killed 40 fighters"): a party's statement about its own actions
    asserts, it accuses no one."""
    root, harmful = span.root, _harmful()
    does_harm = root.lemma_.lower() in harmful or any(
        c.dep_ in ("dobj", "xcomp") and c.lemma_.lower() in harmful for c in root.children)
    return does_harm and any(c.dep_ == "nsubj" and (c.lower_ in _OWN_SIDE_PRONOUNS or any(
        p.dep_ == "poss" and p.lower_ in _OWN_SIDE_PRONOUNS for p in c.children)) for c in root.children)


def _denies_own_doing(span: Span) -> bool:
    """Content whose main clause says the speaker's own side did not do the harm ("it had not fired
    the rocket", "its forces never targeted civilians", "none of its soldiers took part in the
    killings", "we did not carry out the raid"): a denial, in whatever words the act is named."""
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or not _own_side(subject):
        return False
    negated = any(c.dep_ == "neg" for c in root.children)
    if not negated and not (_no_one(subject) and _owned_part(subject)):
        return False
    harmful, lemma = _harmful(), root.lemma_.lower()
    if lemma in harmful:
        return True
    # "carried out the strike", "took part in the killings": a doing verb whose object or
    # prepositional object is the harm
    objects = [c for c in root.children if c.dep_ == "dobj"]
    objects += [o for c in root.subtree if c.dep_ == "prep" and c.head in (root, *objects)
                for o in c.children if o.dep_ == "pobj"]
    doing = lemma in words("doing_verbs") or any(o.lemma_.lower() in words("taking_part_nouns") for o in objects)
    return doing and any(o.lemma_.lower() in harmful or _incident(o) for o in objects)


def _own_side(subject: Token) -> bool:
    """A subject that is the speaker's own side: "it", "we", "they", "its forces", "none of its soldiers"."""
    if subject.lower_ in _OWN_SIDE_PRONOUNS | {"they"}:
        return True
    return any(c.dep_ == "poss" and c.lower_ in _OWN_SIDE_PRONOUNS for c in subject.children) or _owned_part(subject)


def _owned_part(subject: Token) -> bool:
    """"none of its soldiers", "any of our units": a part of the speaker's own side."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        p.dep_ == "pobj" and any(o.dep_ == "poss" and o.lower_ in _OWN_SIDE_PRONOUNS for o in p.children)
        for p in c.children) for c in subject.children)


def _negated(token: Token) -> bool:
    """A harm word said not to have happened: "no shelling", "did not attack", "were not shelled",
    "no ships were damaged"."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
        return True
    if token.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and _no_one(c)
                                            for c in token.children):
        return True  # "no one was hurt", "fired no rockets"
    return token.dep_ in ("dobj", "nsubjpass", "nsubj") and any(c.dep_ == "neg" for c in token.head.children)


def _pledges_or_asks(tokens: list[Token]) -> bool:
    """A promise or request of help ("would render assistance", "asked for consultations", "pledged
    to"), or a commitment ("would respect the protocols"): the agreements layer reports those."""
    lemmas = {t.lemma_.lower() for t in tokens}
    lowered = {t.lower_ for t in tokens}
    future = not lowered.isdisjoint(words("future_modals"))
    aid = not lowered.isdisjoint(words("aid_words"))
    if future and aid and not (lemmas.isdisjoint(words("giving_verbs")) and "prepared" not in lowered):
        return True
    if future and not lemmas.isdisjoint(words("commitment_verbs")):
        return True
    if (aid or "consultations" in lowered) and not lemmas.isdisjoint(words("asking_verbs")):
        return True
    committing = words("committing_verbs")
    # done, not demanded: "pledged to", but not "must pledge to"
    return any(t.lemma_.lower() in committing and t.tag_ in ("VBD", "VBN") and t.i + 1 < len(t.doc)
               and t.nbor(1).lower_ == "to" for t in tokens)


def _no_claim(span: Span, lemmas: list[str], lowered: str) -> bool:
    """Content that reports procedure or feeling rather than a claim: a statement headed by an
    operational verb ("police closed the station", "they found a second device", "we will find
    them"), or one holding a no-claim phrase ("no group has claimed", "not determined")."""
    if any(phrase in lowered for phrase in words("not_claim_phrases")) or any(_unowned(t) for t in span):
        return True
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head is t]
    # and what a head sets out to do: "would work around the clock to identify those responsible"
    heads += [c for h in heads if h.pos_ in ("VERB", "AUX") for c in h.children if c.dep_ == "xcomp"
              or c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    return any(lemmas[h.i] in words("procedure_verbs") and not _takes_ground(h) for h in heads)


def _takes_ground(verb: Token) -> bool:
    """A capture verb whose object is ground or a military position ("seized the base", "captured
    Shire", "seized control of the town"): a side's claim of a gain, where "police seized explosives"
    is procedure."""
    if verb.lemma_.lower() not in words("capture_verbs"):
        return False
    kinds, heads = mapping("target_kinds"), words("place_heads")
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        lemma = obj.lemma_.lower()
        if obj.pos_ == "PROPN" or lemma in heads or kinds.get(lemma) == "military":
            return True
        if lemma == "control" and any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
            return True
    return False


def _unowned(token: Token) -> bool:
    """"nobody has taken responsibility", "no faction claimed responsibility", "X did not admit
    responsibility": that no one owns the act is no claim (C17), in any wording of the subject."""
    if token.lemma_.lower() != "responsibility" or token.dep_ != "dobj":
        return False
    verb = token.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.dep_ == "neg" for c in verb.children) or any(_no_one(s) for s in subjects)


def _no_one(subject: Token) -> bool:
    """A subject that names no one: "nobody", "none", "no group", "no one"."""
    return subject.lower_ in ("nobody", "none") or any(d.dep_ == "det" and d.lower_ == "no" for d in subject.children)


def _states_a_toll(tokens: list[Token]) -> bool:
    """"the number of servicemen killed had risen to 404": a toll, which figures report, not a claim.

    "a large number of enemy troops" is no toll: with an indefinite article, "number" is a vague
    quantity ("many"), and the statement stays a claim ("a death toll of 42" is still a toll)."""
    has_count = any(t.like_num and not _YEAR.fullmatch(t.text) for t in tokens)
    return has_count and any(t.lemma_.lower() in words("toll_nouns") and not _vague_number(t) for t in tokens)


def _vague_number(noun: Token) -> bool:
    """"a number of", "a large number of": a quantity word, not the count of a toll."""
    return noun.lemma_.lower() == "number" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _calls_false(tokens: list[Token]) -> bool:
    """"the claim was false", "the accusation was unfounded", "they are lying": a statement that denies."""
    if any(_says_they_lie(t) for t in tokens):
        return True
    falsity = words("falsity_words")
    if not any(t.lower_ in falsity for t in tokens):
        return False
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in words("claim_nouns") for t in tokens) or \
        any(t.lower_ in words("falsehood_nouns") for t in tokens)


def _averted(token: Token) -> bool:
    """Harm spoken of as what is to be avoided ("to reduce the risk of harming civilians", "to prevent
    attacks on the convoy", "steps to protect civilians from shelling"): no harm done by anyone."""
    averting = words("averting_words")
    return any(a.lemma_.lower() in averting for a in list(token.ancestors)[:3])


def _says_they_lie(token: Token) -> bool:
    """"They are lying", "Kyiv is lying about the strike": a charge of lying, which denies; not "lie"
    as to rest somewhere ("bodies were lying in the street", "lay down their arms")."""
    if token.lemma_.lower() != "lie" or token.pos_ not in ("VERB", "AUX") or token.tag_ not in ("VBG", "VBP", "VBZ"):
        return False
    places = mapping("locative_preps")
    return not any(c.dep_ == "prep" and c.lower_ in places or c.dep_ in ("prt", "advmod") and c.lower_ in (
        "down", "there", "here", "around", "low") for c in token.children) and any(
        c.dep_ == "nsubj" for c in token.children)


def _modifier(token: Token, span: Span) -> bool:
    """A harm word inside a description of something else ("the bodies of people killed"). Only
    the statement's own words count: a statement made in a relative clause ("the army, which
    said rebels shelled the town, ...") still says what it says."""
    root = span.root  # the statement's own clause, which the parse may hang on a noun ("said in a statement that ...")
    return token.dep_ == "acl" and token != root or any(
        a.dep_ == "relcl" and a != root and span.start <= a.i < span.end and _cleft(a) is None
        for a in [token, *token.ancestors][:4])


def _cleft(clause: Token) -> Token | None:
    """The focus of a cleft sentence, whose relative clause is its statement ("it was the militia
    who burned the village": the militia), else None."""
    focus, copula = clause.head, clause.head.head
    if clause.dep_ != "relcl" or focus.dep_ != "attr" or copula.lemma_.lower() != "be":
        return None
    return focus if any(c.dep_ == "nsubj" and c.lower_ in ("it", "this") for c in copula.children) else None


def _benign(token: Token) -> bool:
    """Harm words used in a harmless sense: "back" as an adverb, "fire" in "ceasefire"."""
    if token.lemma_.lower() in words("benign_harm_words") and token.pos_ != "VERB":
        return True
    return False


def _harm_agent(harm: list[Token]) -> str | None:
    """Who did the harm, when the content names it: the subject, a "by X", or a demonym ("Azerbaijani shelling")."""
    for token in harm:
        if token.pos_ == "VERB":
            agent = agent_of(token)
            if agent is not None and agent.lower_ in words("weapon_nouns"):
                return _firing_side(agent)  # "killed by a roadside bomb" names no one; "by Russian drones" does
            if agent is not None:
                return _party_text(agent)
            doer = _doer(token)
            if doer is not None:
                return doer
        else:
            # "the militia staged a raid", "it will step up its raids", "used vans as bombs"
            verb = token.head if token.dep_ == "dobj" else token.head.head if token.dep_ == "pobj" and \
                token.head.lower_ == "as" else None
            if verb is not None and verb.dep_ == "acl" and token.dep_ == "pobj":
                verb = verb.head.head  # "used vans seized from the army as bombs": "as" hangs on "seized"
            doing = verb is not None and verb.pos_ == "VERB" and (
                verb.lemma_.lower() in words("doing_verbs") or verb.lemma_.lower() in _harmful())
            doer = _doer(verb) if doing else _culprit(token)
            if doer is not None:
                return doer
        named = _doer_named_in(token)
        if named is not None:
            return named
    return None


def _culprit(noun: Token) -> str | None:
    """Who a copula says did the act a harm noun names: "the militia was responsible for the shelling",
    "Russian forces were behind the strike" (lexicon culprit_words)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    word = prep.head
    if word.lemma_.lower() == "be":
        copula = word
    elif word.dep_ == "acomp" and word.head.lemma_.lower() == "be":
        copula = word.head
    else:
        return None
    return _doer(copula) if mapping("culprit_words").get(word.lemma_.lower()) == prep.lower_ else None


def _doer_named_in(noun: Token) -> str | None:
    """The doer a harm noun names itself: "Azerbaijani shelling", "Velmar's shelling" (not
    "Monday's attack")."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "poss") and demonym_country(child.text.replace("’s", "").replace("'s", "")):
            return forces_of(demonym_country(child.text.replace("’s", "").replace("'s", ""))) \
                if child.dep_ != "poss" else child.text.replace("’s", "").replace("'s", "")
        if child.dep_ == "poss" and child.pos_ == "PROPN" and child.lower_ not in _CALENDAR:
            return child.text
    doer = _by_doer(noun)
    if doer is not None and doer.lower_ in words("weapon_nouns"):
        return _firing_side(doer)
    if doer is None:
        doer = _from_doer(noun)
    return _party_text(doer) if doer is not None else None


def _from_doer(noun: Token) -> Token | None:
    """The "from X" of harm told from its target's side ("came under attack from RSF fighters", "fire
    from Russian positions" is a place, not a party): its doer when X is a party and no place."""
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    doer = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if doer is None or not _a_party(doer) or doer.lower_ in words("weapon_nouns"):
        return None
    return None if place_names_in(doer.doc, doer.left_edge.i, doer.i + 1) else doer


def _by_doer(noun: Token) -> Token | None:
    """The "by X" of a harm noun ("the massacre of villagers by the militia"): its doer, before any
    "of" (the shelling "of Dresna" is its target)."""
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    if by is None:
        # "a car bomb driven by militants", "rockets fired by Hezbollah": the by-phrase of a participle
        # that describes the harm
        by = next((b for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                   for b in c.children if b.dep_ == "agent" or b.dep_ == "prep" and b.lower_ == "by"), None)
    doer = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if doer is None or doer.pos_ not in ("NOUN", "PROPN") or doer.lower_ in _CALENDAR:
        return None
    return doer if doer.lower_ in words("weapon_nouns") or not _incident(doer) else None


def _doer(verb: Token) -> str | None:
    """The subject of a verb of harm as the one who did it: the side a weapon was fired from, the
    speaker's own "we" or "it", or a named subject; None for pronouns, incidents and empty words."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "xcomp":  # "two rebels tried to ambush a convoy"
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ in ("pcomp", "advcl") and any(c.dep_ == "dobj" for c in verb.children):
        # "the rebels attacked the town, using mortars", "it took steps ..., including using precise
        # munitions": the subject of the nearest verb above that has one (a verb with an object of
        # its own: "came under Azerbaijani shelling" is no act of the areas that came under it)
        above = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "nsubj" for c in a.children)), None)
        subject = next((c for c in above.children if c.dep_ == "nsubj"), None) if above is not None else None
    if subject is not None and subject.lower_ in ("who", "that") and _cleft(verb) is not None:
        subject = _cleft(verb)  # "it was the militia who burned the village"
    if subject is None:
        return None
    weapon = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in words("weapon_nouns")), None)
    if weapon is not None and verb.lemma_.lower() in words("running_into_verbs"):
        # "their vehicle hit a mine laid by jihadists": the vehicle is what was hit; the doer, if any,
        # is whoever the weapon names
        return _doer_named_in(weapon)
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in _OWN_SIDE_PRONOUNS), None)
    if owner is not None:
        return owner.lower_  # "their missiles hit the bases", "its strikes targeted depots": the speaker's side
    if subject.lower_ in words("weapon_nouns"):
        return _firing_side(subject)
    if subject.pos_ == "PRON":
        return subject.lower_ if subject.lower_ in _OWN_SIDE_PRONOUNS | {"they"} else None
    if subject.lower_ in words("not_speakers") or _incident(subject) or _a_count(subject):
        return None
    named = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    return _party_text(named or subject)


def _a_count(subject: Token) -> bool:
    """A subject that is a bare number ("and more than 100 wounded"): the parse reads the victims of
    an elliptical clause as its doers, but a count of people is never a party. "Two of the gunmen"
    names its doers."""
    return (subject.pos_ == "NUM" or subject.like_num) and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in subject.children)


def _perpetrator(tokens: list[Token]) -> str | None:
    """The attackers as the subject of the content ("when the attackers rammed the gate")."""
    nouns = words("perpetrator_nouns")
    subject = next((t for t in tokens if t.dep_ == "nsubj" and t.lemma_.lower() in nouns), None)
    return _party_text(subject) if subject is not None else None


def _incident(noun: Token) -> bool:
    """"explosions", "the attack": a subject that names what happened, not who did it."""
    lemma = noun.lemma_.lower()
    return lemma in words("incident_nouns") or lemma in words("harm_words")


def _side_before(act: Token) -> str | None:
    """The state an attack noun's own modifier names ("condemned the US strikes on Yemen", "the Indian
    strikes"): its forces; the attack's target ("on Yemen") is no doer."""
    for modifier in (c for c in act.children if c.i < act.i and c.dep_ in ("amod", "compound", "nmod")):
        country = demonym_country(modifier.text) or side_of(modifier.text if modifier.pos_ == "PROPN" else None)
        if country:
            return forces_of(country)
    return None


def _firing_side(weapon: Token) -> str | None:
    """"missiles fired from Armenian territory": the side named inside a weapon's phrase."""
    for token in weapon.subtree:
        if token.lower_ in words("own_side_words"):
            return _ENEMY
        country = demonym_country(token.text) or side_of(token.text if token.pos_ == "PROPN" else None)
        if country:
            return forces_of(country)
    # a kind of party as modifier: "a rebel shell", "militia rockets" (lexicon weapon_owners)
    owners = mapping("weapon_owners")
    kind = next((c for c in weapon.children if c.dep_ in ("amod", "compound") and c.lower_ in owners), None)
    if kind is not None:
        return owners[kind.lower_]
    # an armed group that is no state names the weapon's side itself: "RSF drones", "the militia's rockets"
    owner = next((c for c in weapon.children if (c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN")
                  or c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
    if owner is None or owner.lower_ in _CALENDAR:
        return None
    return noun_phrase(owner, coordinated=False).text.removesuffix("'s").removesuffix("’s")


def _content_head(verb: Token) -> Token | None:
    """The head of what a statement verb says: its clause ("said that ..."), or for a threat the
    act threatened ("threatened to shell the port")."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
            return child
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    if verb.lemma_.lower() in words("threat_verbs"):
        return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    return _content_after_medium(verb)


def _content_after_medium(verb: Token) -> Token | None:
    """The content of "said in a statement that X did Y", "said in a video that ...", where the parse
    hangs the that-clause on the medium rather than on the verb: a clause with "that" for mark and
    a subject of its own (not "a statement that was released", whose "that" is its subject)."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for medium in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in medium.children:
                if clause.dep_ in ("acl", "relcl") and clause.pos_ in ("VERB", "AUX") and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and any(
                        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                    return clause
    return None


def _relative_head(verb: Token) -> Token | None:
    current = verb
    for _ in range(3):
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ == "conj":
            current = current.head
            continue
        break
    return None


def _reciprocal(verb: Token) -> str | None:
    tail = _span_text(verb.doc, verb.i + 1, verb.i + 5).lower()
    for phrase, after_a_word in _reciprocal_patterns():
        if tail.startswith(phrase) or after_a_word.match(tail):
            return "each other"
    return None


@cache
def _reciprocal_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Each reciprocal phrase ("each other"), longest first, with its pattern after one word, compiled once."""
    phrases = sorted(words("reciprocal"), key=len, reverse=True)
    return tuple((phrase, re.compile(r"^\w+\s+" + re.escape(phrase))) for phrase in phrases)


def _accused_object(verb: Token) -> str | None:
    """Whom an accusing verb charges: its object as a party's name. The parse can split "accused the
    paramilitary Rapid Support Forces" into two objects, an adjective and the name it describes:
    the name is the party, the adjective no party of its own."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if len(objects) > 1 and objects[0].pos_ == "ADJ" and objects[0].right_edge.i + 1 == objects[1].left_edge.i \
            and objects[1].pos_ in ("NOUN", "PROPN"):
        objects = objects[1:]
    return _party_text(objects[0]) if objects else _object_text(verb)


def _party_text(head: Token) -> str:
    """A party's name as the phrase its head token heads (with "and Y" and "of Z"), less the
    epithets a reporter puts before a proper name ("the notorious Wagner Group", "the paramilitary
    RSF", "the dissident FARC faction"): the name is who is meant, the epithet only colour that no
    reader of the ledger needs. A phrase with no capitalised word ("militiamen", "armed men") is kept
    whole."""
    span = noun_phrase(head, coordinated=True)
    doc = span.doc
    name = next((t.i for t in span if t.text[:1].isupper()), None)  # the parse may tag "FARC" a noun
    if name is None or name > span.root.i:
        return span.text
    start = span.start
    while start < name:
        end = _word_end(doc, start)
        if end > name or not _epithet(doc[start:end]):
            break
        start = end
    return doc[start:span.end].text


def _word_end(doc: Doc, start: int) -> int:
    """The end of the written word that starts at token `start`: tokens joined without a space
    ("so-called" is three tokens, one word)."""
    end = start + 1
    while end < len(doc) and not doc[end - 1].whitespace_:
        end += 1
    return end


def _epithet(word: Span) -> bool:
    """A lower-case descriptive word before a name ("notorious", "paramilitary", "so-called"): not
    part of a name ("al-Shabaab", "Iran-backed" names someone), not a demonym."""
    last = word[-1]
    return (all(t.is_punct or t.text[:1].islower() for t in word) and last.pos_ in ("ADJ", "NOUN", "VERB", "ADV")
            and last.dep_ in ("amod", "compound", "advmod", "npadvmod") and not demonym_country(word.text))


def _object_text(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            return noun_phrase(child, coordinated=True).text
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB":
            return _trim(_span_text(verb.doc, child.left_edge.i, child.right_edge.i + 1))
    return None


def _clause_text(verb: Token) -> str | None:
    content = _content_head(verb)
    return _trim(_span_text(verb.doc, content.left_edge.i, content.right_edge.i + 1)) if content is not None else None


def _prep_object(verb: Token, preps: tuple[str, ...]) -> str:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            inner = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if inner:
                start, end = inner[0].left_edge.i, inner[0].right_edge.i + 1
                end = min(end, _answer_start(verb.doc, start, end) or end)
                return _trim(_span_text(verb.doc, start, end))
    return ""


def _speaker_texts(token: Token) -> tuple[str, str]:
    """The speaker's name and its whole phrase. Remembered per token on the Doc: the claim rules
    and the speaker memory ask about the same subjects."""
    doc = token.doc
    known = remembered(doc, "claims.speaker_texts", dict)
    texts = known.get(token.i)
    if texts is None:
        texts = known[token.i] = _speaker_texts_of(token, doc)
    return texts


def _speaker_texts_of(token: Token, doc: Doc) -> tuple[str, str]:
    token = _issuer(token) or token
    span = noun_phrase(token, coordinated=True)
    whole = _span_text(doc, min(span.start, token.left_edge.i), max(span.end, token.right_edge.i + 1))
    text = _span_text(doc, span.start, span.end)
    name = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if name is not None and _generic_head(text) is not None:
        # "a spokesman for the military government, Major General Zaw Min Tun,": a nameless office
        # given a name; the name is who a later "he" refers back to
        named = noun_phrase(name, coordinated=False)
        return _span_text(doc, named.start, named.end), whole
    return text, whole


def _issuer(token: Token) -> Token | None:
    """Who a document speaker speaks for: "a statement from the cabinet", "a communique issued by the
    rebel command" (the cabinet, the rebel command); None for any other speaker."""
    if token.lemma_.lower() not in words("document_nouns"):
        return None
    for prep in [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "by")] + [
            g for c in token.children if c.dep_ == "acl" for g in c.children if g.dep_ == "agent"]:
        issuer = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if issuer is not None and issuer.pos_ in ("NOUN", "PROPN"):
            return issuer
    return None


def _own_places(verb: Token) -> tuple[str, ...]:
    """Places in a cue verb's own clause, not in a coordinated cue's ("denied X and accused Y of Z")."""
    doc = verb.doc
    end = verb.right_edge.i + 1
    for child in verb.children:
        if child.dep_ == "conj" and child.i > verb.i and child.pos_ in ("VERB", "AUX"):
            end = min(end, child.left_edge.i)
    return place_names_in(doc, verb.left_edge.i, end)


def _places_in(doc: Doc, head: Token) -> tuple[str, ...]:
    return place_names_in(doc, head.left_edge.i, head.right_edge.i + 1)


def _has_cue_inside(doc: Doc, hit: ClaimHit, hits: list[ClaimHit]) -> bool:
    verb = doc[hit.cue]
    content = _content_head(verb)
    if content is None:
        return False
    inside = range(content.left_edge.i, content.right_edge.i + 1)
    return any(other is not hit and other.cue in inside and other.rule != "claims.said_content" for other in hits)


def _span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` cut from the remembered text, without building the Span."""
    tokens = tokens_of(doc)
    end = min(end, len(tokens))  # a Span clamps its end to the Doc's
    if start >= end:
        return ""
    last = tokens[end - 1]
    return text_of(doc)[tokens[start].idx:last.idx + len(last.text)]


def _trim(text: str) -> str:
    text = text.strip(" ,;:—–-\"'“”‘’")
    return text[:200]


# --- across sentences --------------------------------------------------------------------------


@dataclass
class _SpeakerMemory:
    """Speakers named so far in the article: "he" and "the ministry" refer back to them."""

    named: list[str] = field(default_factory=list)
    observers: set[str] = field(default_factory=set)
    kinds: dict[str, str] = field(default_factory=dict)  # speaker: "person", "group" or "body"
    parties: list[str] = field(default_factory=list)  # named subjects, possessors and speakers that are no person

    def resolve(self, speaker: str, phrase: str) -> tuple[str | None, bool]:
        """The speaker to report, and whether it is an observer rather than a party."""
        lowered = speaker.lower().strip()
        if lowered in _PRONOUNS:
            if not self.named:
                return None, False
            target = self._antecedent(lowered)
            return target, target is not None and self._is_observer(target)
        if lowered in words("document_nouns") and phrase.lower().startswith(("the ", "that ", "this ")):
            # "The statement added ...": the statement of whoever was last heard from
            earlier = next((s for s in reversed(self.named) if s.lower() not in words("document_nouns")), None)
            if earlier is not None:
                return earlier, self._is_observer(earlier)
        head = _generic_head(speaker)
        if head:
            for earlier in reversed(self.named):
                if head in earlier.lower() and _generic_head(earlier) is None:
                    return earlier, self._is_observer(earlier)
        described = _described(speaker, phrase)
        if described:
            side, role = described
            for earlier in reversed(self.named):
                if earlier != speaker and side in states_named(earlier) and _fits_role(earlier, role):
                    return earlier, self._is_observer(earlier)
        if self._observer_phrase(phrase):
            self.observers.add(_surname(speaker))
            return speaker, True
        return speaker, self._is_observer(speaker)

    def owned(self, speaker: str, doc: Doc) -> str:
        """A speaker that refers back through a possessive ("Its defence ministry", "that nation's
        army") with the party named instead ("Armenia's defence ministry"): the subject or possessor
        named earlier in the sentence, else the latest speaker that is no person; as written when
        there is none."""
        found = _possessive_speaker().match(speaker)
        if found is None:
            return speaker
        owner = _owner_before(doc, text_of(doc).find(speaker)) or next(
            (_owner_of(s) for s in reversed(self.parties) if _generic_head(s) is None
             and not _possessive_speaker().match(s)), None)
        return f"{owner}'s {found.group('rest')}" if owner else speaker

    def _antecedent(self, pronoun: str) -> str | None:
        """The latest speaker, unless it is known to disagree with the pronoun ("he" after "the
        ministry said", "it" after "the minister said"): then the latest one known to agree, if any."""
        agreeing, latest = _AGREEMENT[pronoun], self.named[-1]
        if self.kinds.get(latest, agreeing[0]) in agreeing:
            return latest
        fallback = None if self.kinds.get(latest) == _DOCUMENT else latest  # "he" is never "the statement"
        return next((s for s in reversed(self.named) if self.kinds.get(s) in agreeing), fallback)

    def learn(self, doc: Doc) -> None:
        # whoever any claim rule hears from, and who is said to speak ("the governor spoke to reporters")
        lemmas, cues = lower_lemmas(doc), _cue_lemmas() | words("introducing_verbs")
        owner = _owner_before(doc, -1)
        if owner and not _a_person(owner):
            self.parties.append(owner)
        for token in tokens_with_pos(doc, "VERB"):
            if lemmas[token.i] in cues:
                # "X said the TPLF had attacked first, and accused the rebels": the parse may hang the
                # second cue on the content; its speaker is still the outer statement's
                subject = subject_of(_outer_statement(token) or token) or agent_of(token)
                if subject is None or subject.lower_ in _PRONOUNS | _NOT_ANTECEDENTS:
                    continue
                speaker, phrase = _speaker_texts(subject)
                head = _generic_head(speaker)
                if _names_no_one(speaker) or head and (not self.named or any(
                        head in earlier.lower() and _generic_head(earlier) is None for earlier in self.named)):
                    # "the ministry" refers back to a ministry named before; with none named before it is
                    # a speaker of its own ("the government's communication service said ... it said"),
                    # but only once someone has been named (an article's first "the army" stays generic)
                    continue
                if self._observer_phrase(phrase):
                    self.observers.add(_surname(speaker))
                self.named.append(speaker)
                kind = _kind_of(subject, speaker)
                if kind:
                    self.kinds[speaker] = kind
                if kind != "person" and not _a_person(speaker) and _NAMED.search(speaker):
                    self.parties.append(speaker)

    def _observer_phrase(self, phrase: str) -> bool:
        """An observer's phrase: a non-party word ("analyst"), an outlet ("news agency"), or a person given
        with an age ("Dana Lee, 41,"), as reporters give private people and not officials."""
        found = set(_LOWER_WORDS.findall(phrase.lower()))
        return _outlet(phrase) or not found.isdisjoint(words("non_party_words")) or bool(_AGED.search(phrase))

    def _is_observer(self, speaker: str) -> bool:
        surname = _surname(speaker)
        return any(fuzz.ratio(surname, known) >= 80 for known in self.observers)


@dataclass
class _GroupMemory:
    """Armed groups and movements named so far in the article: "the group", "the movement" or "the
    armed group", as accused or speaker, refers back to the latest of them ("M23 rebels took the
    town. Kinshasa accused the group of killing civilians": M23). Names are read from the parse
    (runs of proper nouns that are no state, place or person), as the entity recogniser runs only
    on some sentences and knows few armed groups by name."""

    seen: list[str] = field(default_factory=list)
    surnames: set[str] = field(default_factory=set)  # of the persons named so far
    ahead: list[tuple[int, str]] = field(default_factory=list)  # (sentence index, group) of the whole article

    def named(self, hit: ClaimHit, doc: Doc, index: int = -1) -> ClaimHit:
        """The hit with a group-referring speaker or accused replaced by the group it refers to: the latest
        named before it, or, in the lede when none was, the first named after."""
        speaker = self._referent(hit.speaker, doc, None, index)
        accused = self._referent(hit.accused, doc, speaker or hit.speaker, index)
        if speaker is None and accused is None:
            return hit
        return replace(hit, speaker=speaker or hit.speaker, speaker_phrase=speaker or hit.speaker_phrase,
                       accused=accused or hit.accused)

    def learn(self, doc: Doc) -> None:
        self.seen.extend(name for _, name in self._groups(_group_names(doc)))

    def _groups(self, names: list[tuple[int, str, bool]]) -> list[tuple[int, str]]:
        """The names that are no person nor a person's surname, learning the persons' surnames."""
        self.surnames.update(name.split()[-1] for _, name, person in names if person)
        return [(at, name) for at, name, person in names if not person and name not in self.surnames]

    def _referent(self, phrase: str | None, doc: Doc, speaker: str | None, index: int) -> str | None:
        at = _group_reference(phrase, text_of(doc)) if phrase else None
        if at is None:
            return None
        candidates = [*self.seen, *(name for start, name in self._groups(_group_names(doc)) if start < at)]
        # none named before: in the lede only, the first named further down ("Bogota blames the group for the
        # bombing", the headline having named it); later, an unexplained "the group" stays as written
        ahead = (name for i, name in self.ahead if i > index) if index == 0 else iter(())
        latest = candidates[-1] if candidates else next(ahead, None)
        # "Hamas said the group had fired no rockets": the speaker's own side, left as written.
        return None if latest is None or speaker is not None and latest.lower() in speaker.lower() else latest


def _groups_ahead(parsed: list[ParsedSentence]) -> list[tuple[int, str]]:
    """(sentence index, name) of the armed groups the article names, in its order (`_GroupMemory.ahead`)."""
    reader = _GroupMemory()
    return [(p.sentence.index, name) for p in sorted(parsed, key=lambda p: p.sentence.index)
            for _, name in reader._groups(_group_names(p.doc))]


@cache
def _group_nouns() -> frozenset[str]:
    return frozenset(w for w, kind in mapping("possessive_referrers").items() if kind == "group")


def _group_reference(phrase: str, sentence: str) -> int | None:
    """Where the sentence refers back to a group by a definite description of lower-case words
    ending in a group noun ("the group", "that armed group", "the movement"), else None."""
    tokens = _NAME_WORDS.findall(phrase)
    if not tokens or len(tokens) > 3 or tokens[-1].lower() not in _group_nouns() or any(
            t[:1].isupper() for t in tokens[1:]):
        return None
    found = re.search(rf"\b(?:the|that|this)\s+{re.escape(phrase.removeprefix('the ').removeprefix('The '))}\b",
                      sentence, re.I)
    return found.start() if found else None


def _group_names(doc: Doc) -> list[tuple[int, str, bool]]:
    """(character offset, name, is a person) of each run of proper nouns in the sentence that is no
    state or demonym, no place (known, or after "in", "near"), no day or month; a person (by the
    entity label, a given name or a title) is kept and marked, so that a later mention of the
    surname alone ("Sinwar") is not taken for a group. Remembered on the Doc."""
    return remembered(doc, "claims.group_names", lambda: _group_names_of(doc))


def _group_names_of(doc: Doc) -> list[tuple[int, str, bool]]:
    tokens = tokens_of(doc)
    places = {text for _, _, text in (doc._.place_names or ())}
    titles = words("person_titles") | {t for t in words("leader_titles") if " " not in t}
    tabled_spans = party_name_spans(text_of(doc))
    out, i = [], 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and (tokens[j].pos_ == "PROPN" and tokens[j].text[:1].isupper()
                                   or _joins_a_name(tokens, i, j)):
            j += 1
        if j == i:
            i += 1
            continue
        name = _span_text(doc, i, j)
        if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")" and \
                tokens[j + 1].text.isupper() and len(tokens[j + 1].text) >= 2:
            # "National Liberation Army (ELN)": the name with the acronym the article then uses
            name, j = _span_text(doc, i, j + 3), j + 3
        before = tokens[i - 1].lower_.rstrip(".") if i else ""
        start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)
        tabled = any(s <= start and end <= e for s, e in tabled_spans)  # "M23": a group whatever the NER says
        if not (states_named(name) or name in places or before in mapping("locative_preps")
                or name.lower() in _CALENDAR or _outlet(name)
                or not tabled and any(t.ent_type_ in ("GPE", "LOC", "DATE") for t in tokens[i:j])):
            person = before in titles or tokens[i].lower_ in given_names() or _a_person(name) or any(
                t.ent_type_ == "PERSON" for t in tokens[i:j])
            out.append((tokens[i].idx, name, person))
        i = j
    return out


def _joins_a_name(tokens: list[Token], start: int, at: int) -> bool:
    """A hyphen inside a name ("Al-Shabaab", "Ansar-Allah"), between two of its words."""
    return at > start and tokens[at].text == "-" and not tokens[at - 1].whitespace_ and at + 1 < len(tokens) and \
        tokens[at + 1].pos_ == "PROPN" and not tokens[at].whitespace_


@cache
def _possessive_speaker() -> re.Pattern:
    """A speaker opening with a possessive that refers back (lexicon possessive_referrers)."""
    kinds = mapping("possessive_referrers")
    pronouns = "|".join(w for w, kind in kinds.items() if kind == "pronoun")
    nouns = "|".join(w for w, kind in kinds.items() if kind in ("noun", "group"))
    return re.compile(rf"^(?:(?:{pronouns})|(?:(?:that|this|the)\s+)?(?:{nouns})\s*['’]s?)\s+(?P<rest>\S.*)$", re.I)


def _a_person(name: str) -> bool:
    """A name with a person's title ("Minister Dana Kroll", "Gen. Ivo Marr"): no possessive "its" refers to it."""
    return not words("person_titles").isdisjoint(w.rstrip(".") for w in _LOWER_WORDS.findall(name.lower())) or \
        "person" in actor_kinds(name)


def _owner_before(doc: Doc, at: int) -> str | None:
    """The first party named as a subject or possessor before character `at` of the sentence
    ("Russia's campaign took a toll when that nation's ministry said": Russia), with its compounds."""
    for token in tokens_of(doc):
        if at >= 0 and token.idx >= at:
            break
        if token.pos_ == "PROPN" and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            start = min([token.i] + [c.i for c in token.children if c.dep_ in ("compound", "det") and c.i < token.i
                                     and c.pos_ != "DET"])
            return _span_text(doc, start, token.i + 1)
    return None


@lru_cache(maxsize=4096)
def _owner_of(party: str) -> str:
    """The owner a party is named by ("Sudan's army": "Sudan"), else the party: what "the country's"
    or "its" refers to."""
    first = party.split()[0] if party.split() else party
    return _POSSESSIVE.sub("", first) if len(party.split()) > 1 and _OWNER_NAME.match(first) else party


def _generic_head(speaker: str) -> str | None:
    """The head noun of a speaker that names no one ("the ministry", "the defence ministry"), else None.

    Remembered for recent speakers (each earlier speaker is asked again for every later one); the
    head is checked first, as most speakers end in a name and need no look-up of sides."""
    tokens = _NAME_WORDS.findall(speaker)
    if not tokens:
        return None
    head = tokens[-1].lower()
    if head not in _DEFINITE_HEADS or any(t[:1].isupper() for t in tokens[1:]) or side_of(speaker):
        return None
    if len(tokens) > 1 and _OWNER_NAME.match(tokens[0]) and _POSSESSIVE.sub("", tokens[0]).lower() not in _PRONOUNS:
        return None  # "Sudan's army", "Hamas's military wing": named by its owner, whom the actor table may not know
    return head


def _kind_of(subject: Token, speaker: str) -> str | None:
    """What a pronoun that refers back to this speaker must be: "group" for a plural, "body" for a
    state, a ministry or a company, "person" for someone holding a post or named as a person in the
    actor tables; None when the words do not tell."""
    if subject.tag_ in ("NNS", "NNPS"):
        return "group"
    lemma = subject.lemma_.lower()
    if lemma in words("document_nouns"):
        return _DOCUMENT
    if lemma in words("body_nouns"):
        return "body"
    if lemma in words("person_nouns"):
        return "person"
    kinds = actor_kinds(speaker)
    if "person" in kinds:
        return "person"
    if kinds == {"body"} and subject.pos_ == "PROPN":
        return "body"
    return None


def _described(speaker: str, phrase: str) -> tuple[str, tuple[str, ...]] | None:
    """(side, role words) for a definite description that names no one but a side's office holder
    ("the Armenian leader", "the Azerbaijani defence ministry"), else None. Such a description refers
    back to the side's speaker named earlier in the article."""
    if not phrase.lower().startswith("the "):
        return None
    tokens = _NAME_WORDS.findall(speaker)
    if len(tokens) < 2 or tokens[-1].lower() not in _ROLE_HEADS or tokens[-1][:1].isupper():
        return None
    capitalised = [t for t in tokens if t[:1].isupper()]
    side = side_of(speaker)
    if not side or not capitalised or any(side_of(t) != side for t in capitalised):
        return None
    return side, tuple(t.lower() for t in tokens if not t[:1].isupper())


def _fits_role(earlier: str, role: tuple[str, ...]) -> bool:
    """True when the earlier speaker holds the described office: each word of the description is in
    its name ("defence ministry"), a leader being any head of state or government."""
    held = set(_LOWER_WORDS.findall(earlier.lower()))
    *rest, head = role
    heads = _LEADER_TITLES if head == "leader" else ((head,),)
    return all(w in held for w in rest) and any(all(w in held for w in title) for title in heads)


@lru_cache(maxsize=4096)
def _surname(name: str) -> str:
    parts = _NAME_WORDS.findall(name)
    return parts[-1].lower() if parts else name.lower()


def _build(hit: ClaimHit, speaker: str, item: ParsedSentence, article: Article, parties: _LazyParties) -> Claim:
    accused = hit.accused
    rule = hit.rule
    if hit.stance is Stance.ACCUSE:
        if accused and accused.lower() in _PRONOUNS | {"they", "them"}:
            accused = None
        if accused is None:
            side = side_of(speaker)
            # Without a side the speaker has no opponent, whoever the parties are.
            accused = forces_of(opponent(side, parties.get())) if side else None
            rule += INFERRED if accused else ""
            if accused is None and hit.rule in _CLASSIFIED and hit.own_side_agent not in (_ENEMY, _SUFFERED):
                # Harm that no one is said to have done, told by a speaker with no side: a statement
                # on what happened ("there was a bombing"), which asserts (guideline C13).
                return _build(replace(hit, stance=Stance.ASSERT, accused=None), speaker, item, article, parties)
        elif hit.own_side_agent and side_of(hit.own_side_agent) and side_of(hit.own_side_agent) == side_of(speaker):
            return _build(ClaimHit(hit.rule, Stance.ASSERT, hit.speaker, hit.speaker_phrase, None, hit.action,
                                   hit.places, hit.cue), speaker, item, article, parties)
    sentence = item.sentence
    cue = item.doc[hit.cue]
    start, end = quotation_unit(article.text, sentence.start, sentence.end)
    return Claim(
        stance=hit.stance,
        speaker=speaker,
        accused=accused if hit.stance is not Stance.DENY else hit.accused,
        action=hit.action,
        places=hit.places,
        sentence=sentence.text if (start, end) == (sentence.start, sentence.end) else article.text[start:end],
        provenance=Provenance(article.id, sentence.index, sentence.start + cue.idx,
                              sentence.start + cue.idx + len(cue.text), rule),
    )
