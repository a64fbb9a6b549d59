"""The progress chart: one drawing, written as PNG or as an offline HTML page; opened in headless Chromium."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from headless import open_chromium

from kg.cli import cli
from kg.views.progress_chart import STATUS_COLOURS, chart_html, chart_png
from kg.views.progress_table import ProgressRow, ResultPoint

SCREENSHOT_DIR = Path(__file__).resolve().parent.parent / ".kg" / "screenshots"


def _row(indicator, value, unit, results, mx=None, period="2023"):
    pts = [ResultPoint("bc.txt", indicator, v, u, p, p, pct, st, None, False) for v, u, p, pct, st in results]
    return ProgressRow(indicator, value, mx, unit, period, "kh.txt", ("tỉnh", "Đồng Lam"), pts)


def test_text_from_documents_is_escaped_and_nothing_is_fetched():
    rows = [_row('Số hộ <b>"mới"</b> & $x$', 2, "nghìn hộ", [(900, "hộ", "2023-Q1", 45.0, "on track")]),
            _row("Tốc độ tăng trưởng", 7, "%", [(6.1, "%", "2023-H1", None, None)], mx=7.5)]
    html = chart_html(rows)
    assert "<b>" not in html and "&lt;b&gt;" in html and "$x$" in html  # no markup, no math from the text
    assert html.count('id="panel-') == 2 and 'id="target-1"' in html and 'id="result-0-0"' in html
    assert STATUS_COLOURS["on track"] in html
    assert "http" not in html.replace("http://www.w3.org", "")
    assert "900 hộ (45.0%)" in html  # the result in its own unit, at 0.9 nghìn hộ on the target's axis


def test_png_is_an_image_and_other_suffixes_are_refused(sample_store_dir, tmp_path):
    png = chart_png([_row("Trồng rừng", 100, "ha", [(30, "ha", "2023-Q1", 30.0, "on track")])])
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    out = tmp_path / "p.png"
    r = CliRunner().invoke(cli, ["progress", "--store", str(sample_store_dir), "--year", "2022", "--chart", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_bytes()[:4] == b"\x89PNG"
    r = CliRunner().invoke(cli, ["progress", "--store", str(sample_store_dir), "--chart", str(tmp_path / "c.svg")])
    assert r.exit_code != 0 and ".png" in r.output


@pytest.mark.browser
def test_chart_page_draws_one_panel_per_target_offline(sample_store_dir, tmp_path):
    page_file = tmp_path / "progress.html"
    r = CliRunner().invoke(cli, ["progress", "--store", str(sample_store_dir), "--year", "2022", "--linked",
                                 "-f", "csv", "--chart", str(page_file)])
    assert r.exit_code == 0, r.output
    linked = len(r.stdout.strip().splitlines()) - 1
    assert linked >= 5
    with open_chromium() as b:
        ctx = b.new_context(viewport={"width": 1400, "height": 1000})
        blocked: list[str] = []

        def route(rt):
            if rt.request.url.startswith(("file:", "data:")):
                rt.continue_()
            else:
                blocked.append(rt.request.url)
                rt.abort()

        ctx.route("**/*", route)
        page = ctx.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_file.as_uri())
        page.wait_for_load_state("load")
        drawn = page.evaluate("""() => [...document.querySelectorAll('g[id^="panel-"]')].map(g => {
            const i = g.id.slice(6), box = el => { const e = document.getElementById(el);
                if (!e) return 0; const r = e.getBoundingClientRect(); return r.width * r.height + r.width; };
            const results = [...document.querySelectorAll(`g[id^="result-${i}-"]`)];
            return {target: box(`target-${i}`), results: results.length,
                    visible: results.every(e => e.getBoundingClientRect().width > 0),
                    text: g.textContent};
        })""")
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT_DIR / "progress-chart.png"), full_page=True)
    assert blocked == [] and errors == []
    assert len(drawn) == linked  # one panel per target with a result
    assert all(d["target"] > 0 and d["results"] >= 1 and d["visible"] for d in drawn), drawn
    assert any("Trồng rừng mới" in d["text"] and "2530 ha (28.1%)" in d["text"] for d in drawn)
