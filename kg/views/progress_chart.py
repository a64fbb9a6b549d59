"""Progress chart: one panel per target that has results -- the target (a line, or a band for a range) over
its period, each linked result a point at the end of its own period, coloured by status.

Drawn once with matplotlib (Agg, no display, no network) and written either as a PNG or as a self-contained
HTML page holding the same figure as inline SVG with real text, so both outputs show the same chart.
"""
from __future__ import annotations

import io
import math
import re
import textwrap
from html import escape
from pathlib import Path

from ..graph.indicators import parse_period, to_base

STATUS_COLOURS = {"achieved": "#1a9850", "on track": "#91cf60", "needs acceleration": "#fdae61",
                  "off track": "#d73027", "not achieved": "#a50026", None: "#999999"}
STATUS_LABELS = {None: "no status (a rate or a decrease)"}
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_RC = {"svg.fonttype": "none", "svg.hashsalt": "kg-progress", "text.parse_math": False,
       "font.family": "DejaVu Sans", "font.size": 9}


def _in_target_unit(point, row) -> float | None:
    """The result's value in the target's unit (3.46 nghìn lượt vs 755 950 lượt), None when not comparable."""
    r, t = to_base(point.value, point.unit), to_base(1.0, row.unit)
    if r and t and r[1] == t[1] and t[0]:
        return r[0] / t[0]
    return None


def _month_label(m: int) -> str:
    return f"{_MONTHS[m % 12]} {m // 12}"


def _x_axis(ax, start: int, end: int) -> None:
    """Months from the start of the target period to its end; ticks on quarters (years for long periods)."""
    step = 3 if end - start < 36 else 12
    ticks = list(range(start, end + 1, step))
    ax.set_xlim(start, end + 1)
    ax.set_xticks(ticks + [end + 1], [_month_label(m) for m in ticks] + [f"end {end // 12}"])
    ax.tick_params(axis="x", labelsize=7)


def _panel(ax, row, i: int) -> None:
    tp = parse_period(row.period)
    pts = [(x, _in_target_unit(x, row), parse_period(x.effective_period)) for x in row.results]
    ends = [p.end for _, _, p in pts if p]
    if tp:
        start, end = tp.start, tp.end
    elif ends:
        start, end = min(p.start for _, _, p in pts if p), max(ends)
    else:
        start, end = 0, 11
    _x_axis(ax, start, end)
    ax.set_gid(f"panel-{i}")
    hi = row.max if row.max is not None and row.max != row.value else row.value
    if hi != row.value:
        ax.axhspan(row.value, hi, color="#555555", alpha=0.18, gid=f"target-{i}")
        ax.axhline(row.value, color="#333333", lw=1.2, ls="--")
        ax.axhline(hi, color="#333333", lw=1.2, ls="--")
    else:
        ax.axhline(row.value, color="#333333", lw=1.5, ls="--", gid=f"target-{i}")
    ax.annotate(f"target {row.target_text}", (end + 1, hi), xytext=(-3, 3), textcoords="offset points",
                ha="right", va="bottom", fontsize=8, annotation_clip=False)
    if row.unit.strip() != "%" and any(x.percent is not None for x in row.results) and tp:
        # an amount counted from the start of the period: the pace that reaches the target at its end
        ax.plot([start, end + 1], [0, row.value], ls=":", color="#777777", lw=1, gid=f"pace-{i}")
    ys = [row.value, hi, 0.0]
    k = 0
    for x, y, p in pts:
        if y is None or not p:
            continue
        colour = STATUS_COLOURS.get(x.status, STATUS_COLOURS[None])
        ax.plot([p.end + 1], [y], "o", ms=8, color=colour, mec="#222222", mew=0.8, gid=f"result-{i}-{k}")
        share = "" if x.percent is None else f" ({x.percent:.1f}%{' !' if x.mismatch else ''})"
        ax.annotate(f"{x.value:g} {x.unit}{share}\n{x.effective_period or ''}", (p.end + 1, y), xytext=(6, -4),
                    textcoords="offset points", fontsize=7, va="top")
        ys.append(y)
        k += 1
    if k == 0:
        last = row.latest
        ax.text(0.02, 0.5, f"latest: {last.value:g} {last.unit} ({last.effective_period or '?'})\n"
                f"not in the target's unit", transform=ax.transAxes, fontsize=8, gid=f"result-{i}-0")
    lo, top = min(ys), max(ys)
    ax.set_ylim(lo - 0.05 * (top - lo or 1), top + 0.22 * (top - lo or 1))
    ax.set_ylabel(row.unit, fontsize=8)
    ax.tick_params(axis="y", labelsize=7)
    ax.grid(axis="y", color="#e5e5e5", lw=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    title = textwrap.fill(row.indicator, 48)
    ax.set_title(f"{title}\n{row.period or ''} · {row.source}", fontsize=8.5, loc="left")


def figure(rows):
    """The matplotlib Figure of `rows` (targets with results), drawn without a display."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    with matplotlib.rc_context(_RC):
        n = max(1, len(rows))
        cols = min(3, n)
        lines = math.ceil(n / cols)
        fig = Figure(figsize=(5.2 * cols, 3.3 * lines + 0.9), layout="constrained")
        fig.suptitle("Progress towards targets", fontsize=12, x=0.01, ha="left")
        axes = fig.subplots(lines, cols, squeeze=False).ravel()
        for i, (ax, row) in enumerate(zip(axes, rows)):
            _panel(ax, row, i)
        for ax in axes[len(rows):]:
            ax.set_axis_off()
        if not rows:
            axes[0].text(0.5, 0.5, "No target has a linked result.", ha="center", transform=axes[0].transAxes)
        handles = [Patch(color=c, label=STATUS_LABELS.get(s, s)) for s, c in STATUS_COLOURS.items()]
        handles.append(Patch(facecolor="#555555", alpha=0.35, label="target (band: a range)"))
        handles.append(Line2D([], [], ls=":", color="#777777", label="pace to reach the target"))
        fig.legend(handles=handles, loc="outside lower center", ncols=4, fontsize=8, frameon=False)
        fig.set_gid("progress-chart")
    return fig


def _save(fig, fmt: str) -> bytes:
    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context(_RC):
        meta = {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buf, format=fmt, dpi=110, metadata=meta)
    return buf.getvalue()


def chart_png(rows) -> bytes:
    return _save(figure(rows), "png")


def chart_svg(rows) -> str:
    svg = _save(figure(rows), "svg").decode("utf-8")
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg[svg.index("<svg"):], flags=re.DOTALL)
    return svg  # inline: no XML declaration, doctype or RDF metadata


def chart_html(rows) -> str:
    """A page holding the chart as inline SVG (no script, nothing fetched) and the same data as a table."""
    legend = "".join(f'<li><span class="sw" style="background:{c}"></span>{escape(STATUS_LABELS.get(s, s))}</li>'
                     for s, c in STATUS_COLOURS.items())
    body = "".join(
        f"<tr><td>{escape(r.indicator)}</td><td>{escape(r.target_text)}</td><td>{escape(r.period or '')}</td>"
        f"<td>{escape(f'{x.value:g} {x.unit}')}</td><td>{escape(x.effective_period or '')}</td>"
        f"<td>{'' if x.percent is None else f'{x.percent:.1f}%'}</td><td>{escape(x.status or '')}</td>"
        f"<td>{escape(x.source)}</td></tr>" for r in rows for x in r.results)
    table = ("<table><thead><tr><th>indicator</th><th>target</th><th>period</th><th>result</th><th>of period</th>"
             f"<th>percent</th><th>status</th><th>source</th></tr></thead><tbody>{body}</tbody></table>")
    return ("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Progress towards targets</title>"
            "<style>body{font-family:'DejaVu Sans',sans-serif;margin:1em}svg{max-width:100%;height:auto}"
            ".sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}"
            "ul.legend{list-style:none;padding:0}ul.legend li{display:inline-block;margin-right:14px;font-size:13px}"
            "table{border-collapse:collapse;font-size:13px;margin-top:1em}td,th{border:1px solid #ccc;"
            "padding:2px 6px;text-align:left}</style></head><body>"
            f"<ul class=\"legend\">{legend}</ul>{chart_svg(rows)}{table if rows else ''}</body></html>\n")


def write_chart(rows, path: str | Path) -> None:
    """Write the chart to `path`: .png as an image, .html/.htm as a page; anything else is an error."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".png":
        path.write_bytes(chart_png(rows))
    elif suffix in (".html", ".htm"):
        path.write_text(chart_html(rows), encoding="utf-8")
    else:
        raise ValueError(f"a chart is written as .html or .png, not {suffix or 'a file without a suffix'}")
