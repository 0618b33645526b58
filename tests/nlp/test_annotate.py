"""Sentences are parsed shortest first for speed, and each comes back to its own place, parsed as
it would be alone."""

from __future__ import annotations

from wirewatch.extract.places import needs_entities
from wirewatch.nlp.annotate import parse_many

ARTICLES = [
    ("Shelling resumed. The defence ministry in Karsk said on Monday that artillery of the northern "
     "brigade had hit three villages near the river overnight, killing two civilians.", None),
    ("Talks failed. Officials said the truce that the envoy Maria Olsen brokered in Geneva last week "
     "collapsed within hours as both sides traded accusations. Rockets hit Velmora.", None),
    ("A drone struck a convoy near Dorvik on Tuesday, the rebels said.", None),
]


def _annotations(doc):
    return [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in doc]


def test_every_parse_comes_back_beside_its_own_sentence(nlp):
    results = parse_many(ARTICLES, nlp, lambda _: True, entities_when=needs_entities)
    for (text, _), (sentences, parsed) in zip(ARTICLES, results):
        assert [p.sentence.text for p in parsed] == [s.text for s in sentences]
        for item in parsed:
            assert item.doc.text == item.sentence.text
            assert text[item.sentence.start:item.sentence.end] == item.sentence.text


def test_a_sentence_is_parsed_the_same_alone_and_among_others(nlp):
    together = parse_many(ARTICLES, nlp, lambda _: True, entities_when=needs_entities)
    for article, (_, parsed) in zip(ARTICLES, together):
        (_, alone), = parse_many([article], nlp, lambda _: True, entities_when=needs_entities)
        assert [_annotations(p.doc) for p in parsed] == [_annotations(p.doc) for p in alone]


def test_only_the_chosen_sentences_are_parsed_in_their_order(nlp):
    wants = lambda text: "said" in text  # noqa: E731
    results = parse_many(ARTICLES, nlp, wants)
    for (sentences, parsed) in results:
        assert [p.sentence.index for p in parsed] == [s.index for s in sentences if wants(s.text)]


def test_a_run_on_sentence_over_the_limit_is_kept_but_not_parsed(nlp):
    """A 'sentence' of thousands of characters (a table, repeated boilerplate, hostile input) stays in
    the article's sentences but is never handed to the parser, so no rule's cost grows with it."""
    from wirewatch.nlp.annotate import MAX_PARSED_CHARS

    long_one = "Officials said that " + "shelling killed 1 " * (MAX_PARSED_CHARS // 10) + "people."
    text = f"Rockets hit Goma on Monday, killing 3.\n\n{long_one}\n\nThe army said 2 soldiers died."
    sentences, parsed = parse_many([(text, None)], nlp, lambda s: True)[0]
    assert any(len(s.text) > MAX_PARSED_CHARS for s in sentences)
    assert [p.sentence.text for p in parsed] == [s.text for s in sentences if len(s.text) <= MAX_PARSED_CHARS]
    assert len(parsed) == 2


# A wire story in two outlets: the same sentences under another opening, and one of them twice.
WIRE = "Drones hit a fuel depot near Kherson overnight, the regional governor said."
OUTLETS = [
    (f"Kyiv, Monday. {WIRE} Two workers were hurt.", None),
    (f"Fresh strikes reported. {WIRE} Firefighters worked until dawn. {WIRE}", None),
    ("Sudan's army said it repelled an assault on El Fasher; the RSF denied attacking the city.", None),
]


def test_annotate_a_text_repeated_in_the_batch_is_parsed_once(nlp):
    results = parse_many(OUTLETS, nlp, lambda _: True, entities_when=needs_entities)
    wire = [p for _, parsed in results for p in parsed if p.sentence.text == WIRE]
    assert len(wire) == 3 and len({id(p.doc) for p in wire}) == 1
    assert [p.sentence.index for p in results[1][1]] == [0, 1, 2, 3]  # each sentence still has its place
    others = [p.doc for _, parsed in results for p in parsed if p.sentence.text != WIRE]
    assert len({id(d) for d in others}) == len(others)


def test_annotate_a_shared_parse_is_the_parse_of_the_sentence_alone(nlp):
    results = parse_many(OUTLETS, nlp, lambda _: True, entities_when=needs_entities)
    (_, alone), = parse_many([(WIRE, None)], nlp, lambda _: True, entities_when=needs_entities)
    shared = next(p.doc for _, parsed in results for p in parsed if p.sentence.text == WIRE)
    assert _annotations(shared) == _annotations(alone[0].doc)
