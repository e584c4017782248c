"""claimline.memo.Memo: computed once per key, bounded."""

import pytest

from claimline.memo import Memo


def test_a_key_is_computed_once_and_the_memo_is_emptied_when_full():
    calls = []
    memo = Memo(lambda k: calls.append(k) or k.upper(), size=3)
    assert [memo[k] for k in "abab"] == ["A", "B", "A", "B"] and calls == ["a", "b"]
    memo["c"], memo["d"]  # noqa: B018  (the fourth key empties it first)
    assert len(memo) == 1 and calls == ["a", "b", "c", "d"]
    assert memo["a"] == "A" and calls[-1] == "a"


def test_a_memo_holds_at_least_one_key():
    with pytest.raises(ValueError):
        Memo(str, size=0)
