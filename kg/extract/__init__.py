"""Extraction, one document at a time: read → normalise → structure → recognise → lineage.

The entry points live in `kg.extract.pipeline` and are loaded on first use, so that importing a leaf
(`kg.extract.records`, a recogniser) for its types does not load the whole pipeline.
"""
from __future__ import annotations

_PIPELINE = ("document_context", "extract_file", "extract_text")
__all__ = list(_PIPELINE)


def __getattr__(name: str):
    if name in _PIPELINE:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
