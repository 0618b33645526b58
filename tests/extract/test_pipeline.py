"""extract/pipeline.py: the extractors depend on nlp/ and the model, never on one another; what they
share is written on the Docs once, by the pipeline.

An extractor is a module of extract/ that declares rule ids (`RULES`); the helpers it may import
(words.py, attribution.py, history.py, event_types.py, literals.py) declare none.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import wirewatch.extract
from wirewatch.nlp.place_names import place_names_in

EXTRACT = Path(wirewatch.extract.__file__).parent


def _declares_rules(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "RULES" for t in node.targets)
               for node in tree.body)


def _extract_modules_imported(tree: ast.Module) -> set[str]:
    """The extract/ modules a module imports, wherever the import stands (functions included)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 1:
                found.update([module.split(".")[0]] if module else [a.name for a in node.names])
            elif node.level == 0 and module.startswith("wirewatch.extract"):
                rest = module.removeprefix("wirewatch.extract").lstrip(".")
                found.update([rest.split(".")[0]] if rest else [a.name for a in node.names])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[2] for a in node.names if a.name.startswith("wirewatch.extract."))
    return found


def _trees() -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(EXTRACT.glob("*.py"))}


def _extractors(trees: dict[str, ast.Module]) -> set[str]:
    return {name for name, tree in trees.items() if _declares_rules(tree)}


def test_pipeline_extractors_are_the_modules_with_rules():
    assert {"agreements", "claims", "events", "figures", "places"} <= _extractors(_trees())


def test_pipeline_no_extractor_imports_another():
    trees = _trees()
    extractors = _extractors(trees)
    crossing = {name: sorted(_extract_modules_imported(trees[name]) & (extractors - {name}))
                for name in sorted(extractors)}
    assert not any(crossing.values()), {name: found for name, found in crossing.items() if found}


@pytest.mark.parametrize("source,imported", [
    ("from .places import place_names\n", {"places"}),
    ("from . import figures, words\n", {"figures", "words"}),
    ("def f():\n    from wirewatch.extract.claims import wants\n", {"claims"}),
    ("import wirewatch.extract.events\n", {"events"}),
    ("from wirewatch.extract import agreements\n", {"agreements"}),
    ("from ..nlp.place_names import place_names_in\n", set()),
])
def test_pipeline_import_check_sees_every_form_of_import(source, imported):
    assert _extract_modules_imported(ast.parse(source)) == imported


@pytest.mark.model
@pytest.mark.parametrize("text,names", [
    ("Rockets hit Izium and Kupiansk overnight, the governor said.", ("Izium", "Kupiansk")),
    ("The army denied shelling Kharkiv, saying its guns were silent.", ("Kharkiv",)),
    ("Drones struck a depot near Port Sudan on Sunday, officials said.", ("Port Sudan",)),
    ("Israel said it struck sites in Iran.", ()),  # countries are no event places
])
def test_pipeline_annotate_writes_the_place_names_the_rules_read(nlp, text, names):
    from wirewatch.extract import places
    from wirewatch.extract.pipeline import annotate

    doc = nlp(text)
    annotate([doc])
    assert place_names_in(doc) == tuple(dict.fromkeys(name for _, _, name in places.place_names(doc)))
    assert place_names_in(doc) == names


@pytest.mark.model
def test_pipeline_rules_refuse_a_doc_with_no_place_names(nlp):
    from wirewatch.extract.claims import match_claims

    with pytest.raises(ValueError, match="no place names"):
        match_claims(nlp("The ministry denied that its troops shelled Velmora."))


_SHARED = ("Rebel artillery shelled Izium on Tuesday, killing 4 civilians, the governor said. "
           "The rebels denied firing on the town.")
_OUTLETS = (
    f"Kharkiv, Tuesday. {_SHARED} Schools stayed closed.",
    f"{_SHARED} The army accused the rebels of breaking the truce. {_SHARED}",
    "Goma, Wednesday. The M23 said it had taken Sake; the army said 12 soldiers were killed there.",
)


@pytest.mark.model
def test_pipeline_articles_sharing_sentences_extract_as_each_alone(extractor):
    """The sentences two outlets share are parsed once for both (nlp/annotate.py); what each
    article yields is what it yields extracted alone."""
    import datetime as dt

    from wirewatch.model import Article

    articles = [Article.from_text(text, "test", id=f"outlet-{i}", published=dt.date(2024, 5, 7))
                for i, text in enumerate(_OUTLETS)]
    together = extractor.extract_many(articles)
    assert together == [extractor.extract(a) for a in articles]
    assert all(x.figures and x.claims for x in together[:2])
