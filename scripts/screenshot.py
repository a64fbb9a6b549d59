#!/usr/bin/env python3
"""Regenerate the README's pictures: ingest samples/corpus into a temporary store, run `kg viz`, open the page
in headless Chromium (network blocked) and take a screenshot.

    .venv/bin/python scripts/screenshot.py --focus 01/NQ-CP -o docs/viewer-focus.png   # the top-down focus view
    .venv/bin/python scripts/screenshot.py --focus '' -o docs/viewer.png               # the whole graph

Needs Debian's chromium (`apt-get install -y chromium`) and Playwright from PyPI.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def kg(*args: str) -> None:
    cmd = [sys.executable, "-c", "from kg.cli import main; main()", *args]
    subprocess.run(cmd, check=True, cwd=ROOT)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT / "samples" / "corpus"))
    ap.add_argument("--focus", default="01/NQ-CP", help="focus REF for kg viz ('' for the whole graph)")
    ap.add_argument("--depth", default="2")
    ap.add_argument("--limit", default="300")
    ap.add_argument("-o", "--output", default=str(ROOT / "docs" / "viewer.png"))
    ap.add_argument("--width", type=int, default=1600)
    ap.add_argument("--height", type=int, default=950)
    a = ap.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="kg-screenshot-") as tmp:
        store, page_file = Path(tmp) / "store", Path(tmp) / "graph.html"
        kg("ingest", a.corpus, "--store", str(store), "--quiet")
        viz = ["viz", "--store", str(store), "-o", str(page_file), "--limit", a.limit]
        if a.focus:
            viz += ["--focus", a.focus, "--depth", a.depth]
        kg(*viz)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            ctx = browser.new_context(viewport={"width": a.width, "height": a.height}, device_scale_factor=1)
            ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
            page = ctx.new_page()
            page.goto(page_file.as_uri())
            t0 = time.monotonic()
            while not page.evaluate("window.kgStabilized === true"):
                if time.monotonic() - t0 > 120:
                    raise SystemExit("the layout did not settle in 120 s")
                time.sleep(0.1)
            if not a.focus:  # a focus view opens at its own reading zoom
                page.evaluate("kgNetwork.fit({animation: false})")
            page.wait_for_timeout(300)
            Path(a.output).parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=a.output)
            browser.close()
    print(f"wrote {a.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
