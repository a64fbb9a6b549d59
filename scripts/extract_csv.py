"""Write the contract CSVs straight from the extractor, without a store (a debugging aid).

    python scripts/extract_csv.py OUT_DIR FILE...
    python3 ../shared/tools/score.py score --pred OUT_DIR --gold ../shared/gold --verbose
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from kg.extract import extract_file


def main(out: str, files: list[str]) -> None:
    outdir = Path(out)
    outdir.mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[dict]] = {k: [] for k in ("directives", "lineage", "agencies", "projects", "programmes", "targets")}
    for f in files:
        ex = extract_file(f)
        src = ex.source
        for d in ex.directives:
            rows["directives"].append(dict(source=src, number=d.number, type=d.type or "", year=d.year or "",
                                           date=d.date or "", issuer=d.issuer or ""))
        for link in ex.lineage:
            def end(e):
                return src if e.kind == "this" else e.key
            rows["lineage"].append(dict(source=src, child=end(link.child), parent=end(link.parent), relation=link.relation))
        for a in ex.agencies:
            rows["agencies"].append(dict(source=src, name=a.name))
        for n in ex.named:
            if n.category == "project":
                rows["projects"].append(dict(source=src, name=n.name))
            else:
                rows["programmes"].append(dict(source=src, name=n.name, kind=n.kind or ""))
        for q in ex.quantities:
            if q.category == "target":
                rows["targets"].append(dict(source=src, indicator=q.indicator, value=q.value,
                                            max="" if q.max is None else q.max, unit=q.unit, period=q.period or ""))
    for name, rs in rows.items():
        with (outdir / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
            cols = list(rs[0].keys()) if rs else ["source"]
            w = csv.DictWriter(fh, fieldnames=cols)
            w.writeheader()
            w.writerows(rs)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
