"""Targets (planned figures) and results (reported figures), with Vietnamese number parsing.

Public API: find_quantities(ctx) -> list[Quantity] (category "target" or "result").
"""
from __future__ import annotations

from ..records import Context, Quantity


def find_quantities(ctx: Context) -> list[Quantity]:
    return []
