r"""Patterns tried only where the text has a character they can open with.

A pattern that opens with a lookbehind (`(?<![^\W\d_])` for a whole word) or a choice of words matched without
regard to case gives the regex engine nothing to skip ahead to: `search` and `finditer` try the whole pattern at
every position of the text. A lookahead on the characters its alternatives can open with makes the engine drop
the other positions at the cost of one character test, and finds the same matches.
"""
from __future__ import annotations


def opens_with(first: str, pattern: str) -> str:
    """`pattern`, tried only where the text has one of `first` (the body of a character class, read with the
    pattern's own flags: with re.IGNORECASE, "đp" stands for "đĐpP"). `first` must hold every character a match
    of `pattern` can open with."""
    return f"(?=[{first}])(?:{pattern})"
