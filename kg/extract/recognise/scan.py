"""Regex scans tried only near the words every match holds.

A pattern that opens with a lookbehind or an optional phrase ("các dự án:", "Nghị quyết số 12/NQ-CP") gives
the regex engine no literal to skip ahead to, so `finditer` tries a match at every position of the text.
When every match starts at a word or a number that `str.find` or a simple regex finds fast, or holds one
and starts at most a known distance before it, trying only those starts gives the same matches. Inside a
pattern, a lookahead on the characters its alternatives can open with (`opens_with`) does the same: the
engine drops the other positions at the cost of one character test.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache


def opens_with(first: str, pattern: str) -> str:
    """`pattern`, tried only where the text has one of `first` (the body of a character class, read with the
    pattern's own flags: with re.IGNORECASE, "đp" stands for "đĐpP"). `first` must hold every character a match
    of `pattern` can open with."""
    return f"(?=[{first}])(?:{pattern})"


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


def first_words(words: Iterable[str], ignore_case: bool = False) -> re.Pattern:
    """A plain alternation of the first words of `words` (lower-cased when `ignore_case`), for `finditer_words`."""
    firsts = {w.split()[0].lower() if ignore_case else w.split()[0] for w in words}
    return re.compile("|".join(re.escape(w) for w in sorted(firsts, key=len, reverse=True)))


@lru_cache(maxsize=2)
def lowered(text: str) -> str | None:
    """`text.lower()` when lower-casing keeps every character one character (its offsets are the text's)."""
    low = text.lower()
    return low if len(low) == len(text) else None


def finditer_words(rx: re.Pattern, text: str, firsts: re.Pattern, ignore_case: bool = False) -> Iterator[re.Match]:
    """What `rx.finditer(text)` yields, provided every match starts after a non-word character (`rx` opens
    with a lookbehind that says so) with one of the words `firsts` finds (see `first_words`).

    The lookbehind gives the engine no letter to skip ahead to; a plain alternation of words does, and only
    the starts it finds are tried. A start inside a word it found would follow a word character: none is
    missed. With `ignore_case` the words are looked for in the lower-cased text (the same letters as a
    case-blind `rx` reads, for every Vietnamese letter); a text whose lower-casing changes its length is
    scanned whole."""
    if not ignore_case:
        return finditer_at(rx, text, [m.start() for m in firsts.finditer(text)])
    low = lowered(text)
    if low is None:
        return rx.finditer(text)
    return finditer_at(rx, text, [m.start() for m in firsts.finditer(low)])


def finditer_phrases(rx: re.Pattern, text: str, phrases: Iterable[str]) -> Iterator[re.Match]:
    """What `rx.finditer(text)` yields, provided every match, lower-cased, opens with one of `phrases` (`rx`
    ignores case and spells them so, or lists the cases it takes). The phrases are looked for in the lower-cased text with `str.find`:
    a whole phrase ("xây dựng", "đầu tư") is far rarer than its first word, and finding it costs less than a regex
    scan for the first words. A text whose lower-casing changes its length, or that holds a letter a case-blind
    pattern reads as another that lower-casing leaves alone ("ſ" for "s", "ı" for "i"), is scanned whole."""
    low = lowered(text)
    if low is None or "ſ" in low or "ı" in low:
        return rx.finditer(text)
    return finditer_at(rx, text, sorted({i for w in phrases for i in occurrences(low, w)}))


def occurrences(text: str, word: str) -> list[int]:
    """Offsets of every occurrence of `word` (overlapping ones too)."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def trie_alternation(words: Iterable[str]) -> str:
    """An alternation of `words` with their common beginnings shared ("c(?:ầu|ông (?:trình|viên))"), a longer
    word tried before a shorter one it goes on from: it matches what the alternation sorted longest first
    matches, and the engine compares each character once instead of once per word."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + ("|" if "" in node else "") + ")" if alts else ""

    return build(trie)


def finditer_word_start(rx: re.Pattern, text: str, word_char: re.Pattern, pos: int = 0, endpos: int | None = None
                        ) -> Iterator[re.Match]:
    """What `finditer` of `(?<!word_char)` followed by `rx` yields (from `pos` to `endpos`): the matches of `rx`
    that start after no word character. The lookbehind would hide from the engine the letters a match opens with
    (it skips ahead to them when the pattern opens with a set of literals); the start is checked here instead, and
    a refused start is passed by one character, as the scan with the lookbehind would. Every match of `rx` must be
    non-empty."""
    endpos = len(text) if endpos is None else endpos
    while (m := rx.search(text, pos, endpos)) is not None:
        s = m.start()
        if s > 0 and word_char.match(text, s - 1):
            pos = s + 1
            continue
        yield m
        pos = max(m.end(), s + 1)
