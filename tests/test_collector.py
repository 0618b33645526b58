"""The collector's setting is changed inside a block only, whatever happens in it."""

import gc

import pytest

from wirewatch.collector import YOUNG_THRESHOLD, fewer_collections
from wirewatch.corpus.ledger import build_ledger


def test_fewer_collections_inside_the_block_and_as_before_after_it():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
    assert gc.get_threshold() == before


def test_fewer_collections_restores_the_setting_when_the_block_fails():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a build that fails")
    assert gc.get_threshold() == before


def test_building_a_ledger_leaves_the_collector_as_it_found_it():
    before = gc.get_threshold()
    gc.set_threshold(555, 7, 9)
    try:
        build_ledger([])
        assert gc.get_threshold() == (555, 7, 9)
    finally:
        gc.set_threshold(*before)
