"""The query page of `kg serve` in a real headless Chromium: pick a named query, run it, see rows.

Skipped only when /usr/bin/chromium is not installed (CI installs it: `apt-get install -y chromium`).
"""
from __future__ import annotations

import time

import pytest
from headless import open_chromium

pytestmark = [pytest.mark.browser, pytest.mark.server]



@pytest.fixture()
def base(served_sample):
    return served_sample


@pytest.fixture(scope="module")
def browser():
    with open_chromium() as b:
        yield b


@pytest.fixture()
def page(browser, base):
    """A fresh page; any request off the server is aborted and recorded, page errors recorded."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.kg_blocked, page.kg_errors = [], []

    def route(r):
        if r.request.url.startswith(base + "/"):
            r.continue_()
        else:
            page.kg_blocked.append(r.request.url)
            r.abort()

    ctx.route("**/*", route)
    page.on("pageerror", lambda e: page.kg_errors.append(str(e)))
    yield page
    ctx.close()


def until(page, expr: str, seconds: float = 30) -> None:
    """Poll from Python: page.wait_for_function would eval() a string, which the pages' CSP forbids."""
    t0 = time.monotonic()
    while not page.evaluate(expr):
        assert time.monotonic() - t0 < seconds, f"never true: {expr}"
        time.sleep(0.05)


def _rows(page) -> list[dict]:
    page.wait_for_selector("#kg-results table, #kg-status.error", timeout=30_000)
    assert "error" not in (page.get_attribute("#kg-status", "class") or ""), page.text_content("#kg-status")
    heads = page.eval_on_selector_all("#kg-results th", "ths => ths.map(t => t.textContent)")
    cells = page.eval_on_selector_all("#kg-results tbody tr",
                                      "trs => trs.map(tr => Array.from(tr.cells).map(c => c.textContent))")
    return [dict(zip(heads, c)) for c in cells]


def test_query_page_runs_a_named_query(page, base, tmp_path):
    page.goto(base + "/")
    names = page.eval_on_selector_all("#kg-named option", "os => os.map(o => o.value)")
    assert "directives" in names and "lineage" in names
    assert "PREFIX kgo:" in page.input_value("#kg-query")  # the prefixes are filled in

    page.select_option("#kg-named", "directives")
    assert "kgo:" in page.input_value("#kg-query") and page.text_content("#kg-about")
    page.click("#kg-run")
    rows = _rows(page)
    assert len(rows) > 5 and any(r.get("number") == "01/NQ-CP" for r in rows)
    assert "rows in" in page.text_content("#kg-status")
    assert page.locator("#kg-downloads a").count() == 3

    # a parameter box binds its value: only that directive is left
    page.fill("#kg-params input[data-param='number']", "01/NQ-CP")
    page.click("#kg-run")
    until(page, "document.querySelectorAll('#kg-results tbody tr').length === 1")
    assert {r["number"] for r in _rows(page)} == {"01/NQ-CP"}

    page.screenshot(path=str(tmp_path / "query.png"))
    assert page.kg_errors == [] and page.kg_blocked == []


def test_query_page_shows_an_update_refused(page, base):
    page.goto(base + "/")
    page.fill("#kg-query", "DROP ALL")
    page.click("#kg-run")
    page.wait_for_selector("#kg-status.error")
    assert "403" in page.text_content("#kg-status") and "read-only" in page.text_content("#kg-status")


def test_viewer_page_from_the_server(page, base):
    page.goto(base + "/viz?focus=01/NQ-CP")
    until(page, "window.kgStabilized === true")
    assert page.evaluate("KG_META.layout") == "hierarchy"
    assert page.evaluate("kgNodes.get({filter: n => n.full === '01/NQ-CP'}).length") == 1
    assert page.kg_errors == [] and page.kg_blocked == []
