"""Numbered documents cited in the text."""
from __future__ import annotations

from ..records import Context, DirectiveRef


def find_directives(ctx: Context) -> list[DirectiveRef]:
    return []
