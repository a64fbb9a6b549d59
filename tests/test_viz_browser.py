"""The viewer page in a real headless Chromium (Playwright), with the network blocked.

Skipped only when /usr/bin/chromium is not installed (CI installs it: `apt-get install -y chromium`).
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from headless import open_chromium

from kg.cli import cli
from kg.views.network import fetch_network

try:
    from test_viz import HREF, IMG, planted_store
except ImportError:  # tests imported as a package
    from .test_viz import HREF, IMG, planted_store

pytestmark = pytest.mark.browser

RECORD_ALERTS = """
window.__alerts = [];
for (const f of ["alert", "confirm", "prompt", "print"]) {
  window[f] = function (m) { window.__alerts.push(f + ":" + String(m)); };
}
"""


@pytest.fixture(scope="module")
def page_file(tmp_path_factory):
    d = tmp_path_factory.mktemp("vizb")
    store = planted_store(d)
    expected = len(fetch_network(store).nodes)
    out = d / "graph.html"
    r = CliRunner().invoke(cli, ["viz", "--store", str(store.path), "-o", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return out, expected


@pytest.fixture(scope="module")
def browser():
    with open_chromium() as b:
        yield b


def _open(browser, path: Path, bypass_csp: bool):
    # a fresh context (own profile), every non-file request aborted and recorded
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=bypass_csp)
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith("file:") or r.request.url.startswith("data:"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    ctx.route("**/*", route)
    ctx.add_init_script(RECORD_ALERTS)
    page = ctx.new_page()
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(d):
        dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    t0 = time.monotonic()
    # polled from Python: page.wait_for_function would eval() a string, which the page's CSP forbids
    while not page.evaluate("window.kgStabilized === true"):
        assert time.monotonic() - t0 < 30, "layout did not settle"
        assert not errors, errors
        time.sleep(0.05)
    return ctx, page, blocked, dialogs, errors


def _dom_point(page, node_id: int) -> tuple[float, float]:
    return tuple(page.evaluate("""(id) => {
        const p = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]);
        const r = document.querySelector('#mynetwork canvas').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""", node_id))


def test_viewer_in_chromium(browser, page_file, tmp_path):
    path, expected = page_file
    ctx, page, blocked, dialogs, errors = _open(browser, path, bypass_csp=True)
    try:
        # the graph drew: every node is in the DataSet and has a position; physics is off once settled
        assert page.evaluate("kgNodes.length") == expected
        assert page.evaluate("Object.keys(kgNetwork.getPositions()).length") == expected
        assert page.evaluate("kgNetwork.physics.options.enabled") is False
        # legend counts
        counts = page.evaluate("""Object.fromEntries(Array.from(document.querySelectorAll('#kg-legend td.count'))
                                  .map(td => [td.dataset.kind, Number(td.textContent)]))""")
        assert counts["directive"] == 3 and sum(counts.values()) == expected

        # search by label: the hostile project name is listed as text and focused with Enter
        page.fill("#kg-search", "quoc lo 4b")
        first = page.locator("#kg-results li").first
        assert HREF in first.text_content()
        page.keyboard.press("Enter")
        assert page.is_visible("#kg-panel")
        assert page.text_content("#kg-panel-title") == f"Dự án {HREF} Quốc lộ 4B"
        sel = page.evaluate("kgNetwork.getSelectedNodes()")
        assert len(sel) == 1 and page.evaluate("(id) => kgNodes.get(id).kind", sel[0]) == "project"

        # kind checkbox hides and shows the kind
        page.uncheck("#kind-project")
        assert page.evaluate("kgNodes.get({filter: n => n.kind === 'project' && !n.hidden}).length") == 0
        assert page.evaluate("kgNodes.get({filter: n => n.kind !== 'project' && n.hidden}).length") == 0
        page.check("#kind-project")
        assert page.evaluate("kgNodes.get({filter: n => n.hidden}).length") == 0

        # click a node on the canvas: the hostile plan; the side panel shows its text, lineage and sources
        plan = page.evaluate(f"kgNodes.get({{filter: n => n.full.indexOf({IMG!r}) >= 0}})[0].id")
        page.click("#kg-panel-close")
        page.evaluate("(id) => kgNetwork.focus(id, {scale: 1.5, animation: false})", plan)
        x, y = _dom_point(page, plan)
        page.mouse.click(x, y)
        assert page.evaluate("kgNetwork.getSelectedNodes()") == [plan]
        assert page.text_content("#kg-panel-title") == f"Kế hoạch {IMG} nông thôn"
        lineage = page.text_content("#kg-panel-lineage")
        assert "implements" in lineage
        sources = page.text_content("#kg-panel-sources")
        assert "bao_cao_xss.txt · chars" in sources
        # hover shows the tooltip as text (the panel took room: the canvas moved)
        # (an edge drawn across the node's centre can take the hover: try a few points inside the node)
        x, y = _dom_point(page, plan)
        tips: list[str] = []
        for dx, dy in ((1, 1), (4, 4), (-4, 4), (4, -4), (-4, -4)):
            page.mouse.move(x - 40, y - 40)
            page.mouse.move(x + dx, y + dy, steps=4)
            for _ in range(20):
                page.wait_for_timeout(50)
                tips = page.evaluate("Array.from(document.querySelectorAll('.vis-tooltip')).map(e => e.textContent)")
                if any(IMG in t for t in tips):
                    break
            if any(IMG in t for t in tips):
                break
        assert any(IMG in t for t in tips), tips
        # vis sets it with innerText: text and <br> only
        assert page.evaluate("document.querySelectorAll('.vis-tooltip *:not(br)').length") == 0

        # a directive's panel: properties and lineage neighbours
        nq = page.evaluate("kgNodes.get({filter: n => n.full === '01/NQ-CP'})[0].id")
        page.evaluate("(id) => kgFocusNode(id)", nq)
        assert "yearofissue2022" in page.text_content("#kg-panel-props").replace(" ", "")
        assert "reported on by" in page.text_content("#kg-panel-lineage")

        page.screenshot(path=str(tmp_path / "viewer.png"))
        assert (tmp_path / "viewer.png").stat().st_size > 10_000

        # nothing ran: no alert, no dialog, no element made from data, no request left the machine
        assert page.evaluate("window.__alerts") == []
        assert dialogs == [] and errors == []
        assert page.evaluate("document.querySelectorAll('img, a, iframe, object, embed').length") == 0
        assert blocked == []
    finally:
        ctx.close()


def test_viewer_under_its_own_csp(browser, page_file):
    """Without bypassing the page's Content-Security-Policy vis-network still draws (no eval needed)."""
    path, expected = page_file
    ctx, page, blocked, dialogs, errors = _open(browser, path, bypass_csp=False)
    try:
        assert page.evaluate("kgNodes.length") == expected
        assert page.evaluate("window.__alerts") == [] and dialogs == [] and errors == [] and blocked == []
    finally:
        ctx.close()


# ------------------------------------------------------------------ the top-down focus view of the sample store
@pytest.fixture(scope="module")
def focus_file(tmp_path_factory, sample_store_dir):
    out = tmp_path_factory.mktemp("vizf") / "focus.html"
    r = CliRunner().invoke(cli, ["viz", "--store", str(sample_store_dir), "-o", str(out), "--focus", "01/NQ-CP"],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return out


def test_focus_view_is_top_down_labelled_and_searchable(browser, focus_file, tmp_path):
    ctx, page, blocked, dialogs, errors = _open(browser, focus_file, bypass_csp=False)
    try:
        assert page.evaluate("KG_META.layout") == "hierarchy"
        assert page.evaluate("kgNetwork.physics.options.enabled") is False
        # layers: the directive above the decision and the report that carry it out, above the report's tasks
        level = page.evaluate("""(() => { const out = {};
            kgNodes.get().forEach(n => { out[n.full] = [n.level, n.kind]; }); return out; })()""")
        top = level["01/NQ-CP"][0]
        assert level["143/QĐ-UBND"][0] == top + 1
        tasks = [lv for lv, kind in level.values() if kind == "task"]
        assert tasks and min(tasks) > top + 1
        # every drawn node has a label, drawn at the zoom the page opens with
        unlabelled = page.evaluate("""kgNodes.get().filter(n => !n.label ||
            !kgNetwork.body.nodes[n.id].labelModule.visible()).map(n => n.full)""")
        assert unlabelled == []
        # mention edges are not drawn unless asked
        assert page.evaluate("kgEdges.get({filter: e => e.rel === 'mentions' && !e.hidden}).length") == 0
        page.screenshot(path=str(tmp_path / "focus.png"))
        assert (tmp_path / "focus.png").stat().st_size > 10_000

        # search reaches a project the view left out, draws it and shows it
        target = "Dự án đường cao tốc Bắc Giang - Lạng Sơn"
        assert page.evaluate(f"kgNodes.get({{filter: n => n.full === {target!r}}}).length") == 0
        page.fill("#kg-search", "cao toc bac giang lang son")
        first = page.locator("#kg-results li").first
        assert target in first.text_content() and "not drawn" in first.text_content()
        page.keyboard.press("Enter")
        found = page.evaluate(f"kgNodes.get({{filter: n => n.full === {target!r}}}).map(n => n.id)")
        assert len(found) == 1 and page.evaluate("kgNetwork.getSelectedNodes()") == found
        assert page.text_content("#kg-panel-title") == target
        x, y = _dom_point(page, found[0])
        box = page.evaluate("""(() => { const r = document.querySelector('#mynetwork canvas').getBoundingClientRect();
            return [r.left, r.top, r.right, r.bottom]; })()""")
        assert box[0] <= x <= box[2] and box[1] <= y <= box[3]
        # joined to what is drawn: the task naming it
        assert page.evaluate("(id) => kgNetwork.getConnectedNodes(id).length", found[0]) >= 1

        # the panel speaks in words: ontology labels, no internal keys
        nq = page.evaluate("kgNodes.get({filter: n => n.full === '01/NQ-CP'})[0].id")
        page.evaluate("(id) => kgFocusNode(id)", nq)
        props = page.text_content("#kg-panel-props")
        assert "year of issue" in props and "numberKey" not in props and "issuerCode" not in props

        # the year filter hides what another year issued, keeps what has no year
        page.select_option("#kg-year", "2017")
        assert page.evaluate("kgNodes.get({filter: n => n.full === '01/NQ-CP'})[0].hidden") is True
        assert page.evaluate("kgNodes.get({filter: n => n.kind === 'task' && n.hidden}).length") == 0
        page.select_option("#kg-year", "")
        assert page.evaluate("kgNodes.get({filter: n => n.hidden}).length") == 0
        assert dialogs == [] and errors == [] and blocked == []
    finally:
        ctx.close()
