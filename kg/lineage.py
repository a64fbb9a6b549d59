"""Lineage stated in the text: implements, responds_to, reports_on, based_on."""
from __future__ import annotations

from .records import Context, Extraction, LineageLink


def find_lineage(ctx: Context, ex: Extraction) -> list[LineageLink]:
    return []


def task_links(ctx: Context, ex: Extraction) -> list:
    return []
