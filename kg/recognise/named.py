"""Projects and programmes named in the text.

Public API: find_named(ctx) -> list[NamedMention] (category "project" or "programme").
"""
from __future__ import annotations

from ..records import Context, NamedMention


def find_named(ctx: Context) -> list[NamedMention]:
    return []
