"""Targets set in a table: "| STT | Chỉ tiêu | Đơn vị tính | Thực hiện 2023 | Kế hoạch 2024 |".

The first row names the columns: the indicator ("Chỉ tiêu", "Nội dung"), the unit ("Đơn vị", "ĐVT") and
the planned values ("Kế hoạch 2024", "KH năm 2024", "Mục tiêu", "Chỉ tiêu 2024"). Columns of reported
values ("Thực hiện", "Ước thực hiện") are not goals: when one of them reports the year a plan column sets
("Kế hoạch năm 2024 | Ước thực hiện năm 2024 | So với KH (%)"), its cells are results, with the share of the
plan the comparison column states. Each later row gives one target per plan column; the unit comes from the
unit column, the period from the column's heading.

Public API: read_table(text, start, end, default_period) -> list[Quantity]
"""
from __future__ import annotations

import re

from ..records import Quantity
from .numbers import find_measures, parse_number

_INDICATOR = re.compile(r"^(?:tên\s+)?(?:chỉ tiêu|nội dung|chỉ số|danh mục)\b", re.IGNORECASE)
_UNIT = re.compile(r"^(?:đơn vị(?:\s+tính)?|đvt)$", re.IGNORECASE)
_PLAN = re.compile(r"(?:kế hoạch|\bKH\b|mục tiêu|chỉ tiêu|dự kiến|phấn đấu)", re.IGNORECASE)
_REPORTED = re.compile(r"(?:thực hiện|\bTH\b|ước|đạt|so sánh|tỷ lệ|%)", re.IGNORECASE)
_ACTUAL = re.compile(r"^(?:ước\s+)?(?:thực hiện|TH|kết quả|ước đạt|ước)(?![^\W\d_])", re.IGNORECASE)
_SHARE = re.compile(r"(?:so\s+(?:với\s+)?(?:KH|kế hoạch|NQ|nghị quyết|dự toán)|%\s*(?:so\s+)?(?:KH|kế hoạch)|tỷ lệ\s+đạt)",
                    re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?")
_VALUE = re.compile(r"^(?P<cmp>≥|>=|>|≤|<=|<|trên|dưới|tối thiểu|tối đa|khoảng|từ)?\s*(?P<a>[\d.,]+)"
                    r"(?:\s*[-–]\s*(?P<b>[\d.,]+))?\s*(?P<after>trở lên|trở xuống)?$", re.IGNORECASE)
_CMP = {"≥": "gte", ">=": "gte", ">": "gte", "trên": "gte", "tối thiểu": "gte", "từ": "eq",
        "≤": "lte", "<=": "lte", "<": "lte", "dưới": "lte", "tối đa": "lte", "khoảng": "approx"}


def _cells(line: str, at: int) -> list[tuple[str, int, int]]:
    """Cells of one row with their offsets; outer pipes optional."""
    out = []
    pos = 0
    body = line
    for part in body.split("|"):
        s = pos
        pos += len(part) + 1
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        out.append((stripped, at + s + lead, at + s + lead + len(stripped)))
    if line.strip().startswith("|"):
        out = out[1:]
    if line.strip().endswith("|"):
        out = out[:-1]
    return out


def _period(heading: str, default: str | None) -> str | None:
    m = _YEAR.search(heading)
    if m:
        return re.sub(r"\s", "", m.group(0)).replace("–", "-")
    return default


def _value(cell: str, unit: str):
    m = _VALUE.match(cell.strip())
    if m:
        a = parse_number(m.group("a"))
        b = parse_number(m.group("b")) if m.group("b") else None
        if a is None or m.group("b") and b is None:
            return None
        cmp = "range" if b is not None else _CMP.get((m.group("cmp") or "").lower(), "eq")
        if m.group("after"):
            cmp = "gte" if m.group("after").lower() == "trở lên" else "lte"
        return float(a), float(b) if b is not None else None, cmp, cell.strip()
    ms = find_measures(cell)  # a value written with its unit inside the cell
    if ms and not unit:
        x = ms[0]
        return x.value, x.max, x.comparator, x.value_text
    return None


def read_table(text: str, start: int, end: int, default_period: str | None, under_head: bool = False) -> list[Quantity]:
    """under_head: the table stands under a line announcing targets, so a column headed by a year alone
    ("Năm 2025") holds them."""
    rows = [(m.group(0), m.start()) for m in re.finditer(r"[^\n]+", text[start:end])
            if "|" in m.group(0) and not re.fullmatch(r"[-:|\s]+", m.group(0))]  # no Markdown rule rows
    if len(rows) < 2:
        return []
    head = [c[0] for c in _cells(*rows[0])]
    ind = next((i for i, h in enumerate(head) if _INDICATOR.match(h)), None)
    if ind is None:
        return []
    second = [c[0] for c in _cells(*rows[1])]
    if len(second) == len(head) and not re.search(r"[^\W\d_]", second[ind]) and not any(
        re.search(r"\d", c) and not _YEAR.search(c) for c in second
    ):
        # a two-row heading: "| Năm 2024 | Năm 2024 | Năm 2025 |" over "| Kế hoạch | Ước thực hiện | Kế hoạch |"
        head = [f"{a} {b}".strip() if b != a else a for a, b in zip(head, second)]
        rows = [rows[0], *rows[2:]]
    unit_col = next((i for i, h in enumerate(head) if _UNIT.match(h)), None)
    plans = [i for i, h in enumerate(head) if i not in (ind, unit_col) and _PLAN.search(h)
             and (not _REPORTED.search(h) or re.match(r"(?:kế hoạch|KH)(?![^\W\d_])(?![^%]*%)", h, re.IGNORECASE))]
    if not plans and under_head:
        plans = [i for i, h in enumerate(head) if i not in (ind, unit_col) and _YEAR.search(h)
                 and not _REPORTED.search(h)]
    # reported columns of the plans' own years ("Ước thực hiện năm 2024" beside "Kế hoạch năm 2024"), and the
    # column stating the share of the plan ("So với KH (%)"): a report's table of results against its plan
    plan_years = {_period(head[i], None) for i in plans} - {None}
    shares = [i for i, h in enumerate(head) if i not in (ind, unit_col) and _SHARE.search(h)]
    reported = [i for i, h in enumerate(head) if i not in (ind, unit_col, *plans, *shares) and _ACTUAL.search(h)
                and _period(h, None) in plan_years] if plan_years and len(shares) <= 1 else []
    if len(reported) != 1:
        reported = []  # which plan a share belongs to is only clear with one reported column
    out: list[Quantity] = []
    for line, off in rows[1:]:
        cells = _cells(line, start + off)
        if len(cells) != len(head) or re.fullmatch(r"[-:\s|]+", line):
            continue
        label = cells[ind][0].strip(" *")
        unit = cells[unit_col][0] if unit_col is not None else ""
        if not label or not re.search(r"[^\W\d_]", label):
            continue
        for i in plans:
            v = _value(cells[i][0], unit)
            if v is None:
                continue
            value, vmax, cmp, written = v
            u = unit or (find_measures(cells[i][0])[0].unit if find_measures(cells[i][0]) else "")
            if not u:
                continue
            out.append(Quantity(
                category="target", indicator=label, value=value,
                max=vmax if vmax is not None else (value if cmp == "lte" else None), comparator=cmp,
                unit=u, value_text=written, period=_period(head[i], default_period),
                start=cells[i][1], end=cells[i][2],
            ))
        for i in reported:
            v = _value(cells[i][0], unit)
            if v is None or not unit or v[2] != "eq":
                continue
            share = parse_number(cells[shares[0]][0].strip().rstrip("%").strip()) if shares else None
            out.append(Quantity(
                category="result", indicator=label, value=v[0], max=None, comparator="eq", unit=unit,
                value_text=v[3], period=_period(head[i], default_period), start=cells[i][1], end=cells[i][2],
                percent_of_plan=float(share) if share is not None else None,
            ))
    return out
