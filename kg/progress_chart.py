"""A self-contained HTML chart of progress (inline SVG, no script, no network): one panel per target, the
target as a line at 100%, each linked result as a bar of its percent of the target, coloured by status."""
from __future__ import annotations

from html import escape

STATUS_COLOURS = {"achieved": "#1a9850", "on track": "#91cf60", "needs acceleration": "#fdae61",
                  "off track": "#d73027", "not achieved": "#a50026", None: "#999999"}


def _panel(row) -> str:
    w, h, pad, bw = 360, 150, 30, 40
    pts = [x for x in row.results if x.percent is not None]
    top = max([100.0] + [x.percent for x in pts]) * 1.1
    y = lambda p: h - pad - (h - 2 * pad) * p / top
    parts = [f'<svg width="{w}" height="{h}" role="img" aria-label="{escape(row.indicator)}">',
             f'<line x1="{pad}" x2="{w - 5}" y1="{y(100):.1f}" y2="{y(100):.1f}" stroke="#333" stroke-dasharray="4 3"/>',
             f'<text x="{w - 5}" y="{y(100) - 4:.1f}" font-size="10" text-anchor="end">target {escape(row.target_text)}</text>']
    for i, x in enumerate(pts):
        x0 = pad + 10 + i * (bw + 12)
        colour = STATUS_COLOURS.get(x.status, STATUS_COLOURS[None])
        parts.append(f'<rect x="{x0}" y="{y(x.percent):.1f}" width="{bw}" height="{y(0) - y(x.percent):.1f}" '
                     f'fill="{colour}"><title>{escape(x.source)}: {x.value:g} {escape(x.unit)} '
                     f'({escape(x.status or "")})</title></rect>')
        parts.append(f'<text x="{x0 + bw / 2}" y="{y(x.percent) - 3:.1f}" font-size="10" text-anchor="middle">'
                     f'{x.percent:.1f}%</text>')
        parts.append(f'<text x="{x0 + bw / 2}" y="{h - pad + 12}" font-size="9" text-anchor="middle">'
                     f'{escape(x.effective_period or "?")}</text>')
    if not pts:
        last = row.latest
        parts.append(f'<text x="{pad}" y="{h / 2}" font-size="11">latest: {last.value:g} {escape(last.unit)} '
                     f'({escape(last.status or "no share: a rate or a decrease")})</text>')
    parts.append(f'<line x1="{pad}" x2="{w - 5}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="#999"/></svg>')
    return "".join(parts)


def chart_html(rows) -> str:
    legend = "".join(f'<span style="background:{c};padding:2px 6px;margin-right:6px">{escape(s or "unknown")}</span>'
                     for s, c in STATUS_COLOURS.items())
    panels = "".join(f'<figure><figcaption>{escape(r.indicator)} <small>({escape(r.period or "")}, '
                     f'{escape(r.source)})</small></figcaption>{_panel(r)}</figure>' for r in rows)
    return ("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Progress towards targets</title>"
            "<style>body{font-family:sans-serif;margin:1em}figure{display:inline-block;margin:8px;"
            "border:1px solid #ddd;padding:6px}figcaption{font-size:12px;max-width:360px}</style></head><body>"
            f"<h1>Progress towards targets</h1><p>{legend}</p>{panels or '<p>No linked results.</p>'}</body></html>\n")
