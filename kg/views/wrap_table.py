"""A plain-text table that fits a terminal width by wrapping its long cells over several lines (not cutting
them): the narrow columns keep their width, the wrapped ones share what is left."""
from __future__ import annotations

import textwrap


def short_source(name: str, keep: int = 9) -> str:
    """A file name cut to its first characters ("004_e7f07…"): tables show where, -f csv / json the full name."""
    stem = name.rsplit(".", 1)[0]
    return stem if len(stem) <= keep + 1 else stem[:keep] + "…"


def wrap_table(head: list[str], rows: list[list], width: int, wrap: dict[int, int], caps: dict[int, int] | None = None,
               floor: int = 12) -> list[str]:
    """Lines of the table. A cell is a string, or a list of strings each on its own line.

    wrap: column -> share of the room left once the other columns have their width (at least `floor`);
    caps: column -> the most a non-wrapped column may take (its cells are wrapped to it).
    """
    caps = caps or {}

    def natural(i: int) -> int:
        cells = [c if isinstance(c, list) else [c] for c in (r[i] for r in rows)]
        return max([len(head[i])] + [len(x) for c in cells for x in c])

    widths = [0 if i in wrap else min(caps.get(i, 10**6), natural(i)) for i in range(len(head))]
    room = width - sum(widths) - 2 * (len(head) - 1)
    total = sum(wrap.values())
    floor = max(4, min(floor, room // len(wrap)))  # a narrow terminal: the floor gives way before the width
    for i, share in wrap.items():
        widths[i] = min(natural(i), max(floor, room * share // total))
    while sum(widths[i] for i in wrap) > room and max(widths[i] for i in wrap) > 4:  # floors over the room
        widest = max(wrap, key=lambda i: widths[i])
        widths[widest] -= 1
    spare = room - sum(widths[i] for i in wrap)  # a short wrapped column gives its room to the others
    for i in sorted(wrap, key=lambda i: -wrap[i]):
        extra = min(max(0, spare), natural(i) - widths[i])
        widths[i] += extra
        spare -= extra
    out = ["  ".join(h.ljust(w) for h, w in zip(head, widths)).rstrip(), "  ".join("-" * w for w in widths)]
    for r in rows:
        cells = [[y for x in (c if isinstance(c, list) else [c]) for y in (textwrap.wrap(x, w) or [""])]
                 for c, w in zip(r, widths)]
        for k in range(max(len(c) for c in cells)):
            out.append("  ".join((c[k] if k < len(c) else "").ljust(w) for c, w in zip(cells, widths)).rstrip())
    return out
