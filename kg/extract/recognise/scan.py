"""Regex scans tried only near the words every match holds.

A pattern that opens with a lookbehind or an optional phrase ("các dự án:", "Nghị quyết số 12/NQ-CP") gives
the regex engine no literal to skip ahead to, so `finditer` tries a match at every position of the text.
When every match starts at a word or a number that `str.find` or a simple regex finds fast, or holds one
and starts at most a known distance before it, trying only those starts gives the same matches.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator


def finditer_near(rx: re.Pattern, text: str, anchors: list[int], earliest: Callable[[str, int], int]
                  ) -> Iterator[re.Match]:
    """What `rx.finditer(text)` yields, provided every match is non-empty, holds an anchor q (offsets in
    ascending order) and starts between `earliest(text, q)` and q.

    The starts are tried in increasing order, as finditer tries them: the bound used for an anchor is the
    lowest among it and the anchors after it (a match may hold a later anchor with a lower bound)."""
    low = [earliest(text, q) for q in anchors]
    for i in range(len(low) - 2, -1, -1):
        low[i] = min(low[i], low[i + 1])
    p = 0  # the next start to try: every start before it failed or lies inside a match yielded
    for q, lo in zip(anchors, low):
        p = max(p, lo)
        while p <= q:
            m = rx.match(text, p)
            if m:
                yield m
                p = max(m.end(), p + 1)
                break
            p += 1


def finditer_at(rx: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """What `rx.finditer(text)` yields, provided every match is non-empty and starts at one of `starts`
    (offsets in ascending order, repeats allowed)."""
    p = 0
    for s in starts:
        if s >= p:
            m = rx.match(text, s)
            if m:
                yield m
                p = max(m.end(), s + 1)


def occurrences(text: str, word: str) -> list[int]:
    """Offsets of every occurrence of `word` (overlapping ones too)."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out
