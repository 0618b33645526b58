"""The cycle collector runs less often while a batch is extracted, and as before afterwards."""

from __future__ import annotations

import gc
import weakref

import pytest

from wirewatch.nlp.collector import YOUNG_THRESHOLD, fewer_collections, freeze_loaded


def test_the_young_threshold_is_raised_inside_the_block_and_restored_after():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
    assert gc.get_threshold() == before


def test_the_threshold_is_restored_when_the_batch_fails():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with fewer_collections():
            raise RuntimeError("a rule failed")
    assert gc.get_threshold() == before


def test_cycles_are_still_collected_automatically_inside_the_block():
    class Node:
        pass

    with fewer_collections():
        node = Node()
        node.me = node
        ref = weakref.ref(node)
        del node
        made = [[] for _ in range(YOUNG_THRESHOLD * 2)]  # enough new containers for a collection
        assert ref() is None
        assert len(made) == YOUNG_THRESHOLD * 2


def test_objects_alive_at_load_time_leave_the_collectors_passes():
    kept = [object() for _ in range(10)]  # noqa: F841 (alive across the freeze)
    try:
        freeze_loaded()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
