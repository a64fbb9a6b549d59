"""Normalise raw document text: NFC, markup removal, footnotes, page layout, with an offset map to the source.

The clean text is the running text (markup and footnote markers removed, sentences interrupted by a
footnote block rejoined), followed by the footnote bodies, one paragraph each. Every character of the
clean text maps back to a position in the raw text (`CleanText.to_source`).

Text printed to pages (a PDF's text layer, or text copied from one) is hard-wrapped: its line breaks fall
inside sentences and names, page numbers and running headers stand between paragraphs, footnote bodies sit
at the foot of each page, and the two-column header comes flattened into one line "A | B | ...". Such text
is recognised by its wrapped lines (or by the form feeds between pages) and laid out again: a line that
does not end a sentence, heading or list item continues on the next; page furniture is dropped; the
flattened header is split into one line per cell.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import pairwise

from .recognise.scan import finditer_at
from .records import Footnote

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = {c: str(i) for i, c in enumerate(SUPERSCRIPT)}

# a footnote body opens its paragraph with a marker: "⁴ ...", "<sup>4</sup> ..."
_FOOTNOTE_START = re.compile(rf"^\s*(?:<sup>\s*(\d+)\s*</sup>|([{SUPERSCRIPT}]+))\s*(?=\S)")
# inline markup pieces removed from the running text
_INLINE = re.compile(
    rf"<sup>\s*(?P<sup>\d+)\s*</sup>"  # footnote marker in HTML form
    rf"|(?P<usup>[{SUPERSCRIPT}]+)"  # footnote marker in Unicode superscripts (or a unit power, kept)
    r"|(?P<tag></?[A-Za-z][^>\n]{0,80}>)"  # other HTML tags
    r"|(?P<emph>\*{1,3}|_{2,3})"  # markdown bold / italic
)
_INLINE_FIRST = re.compile(rf"[<*_{SUPERSCRIPT}]")  # the characters an _INLINE match starts with
_HEADING_HASHES = re.compile(r"^\s{0,3}#{1,6}\s+")
_UNIT_POWER = re.compile(r"(?:\d|\s)(?:k|c|d)?m$")  # "m³", "km²" are units, not markers
_SENTENCE_END = tuple(".:;!?…)\"”»]")


@dataclass
class CleanText:
    text: str
    footnotes: list[Footnote] = field(default_factory=list)
    # segments (clean_start, src_start, length, exact): exact segments map character by character
    _segs: list[tuple[int, int, int, bool]] = field(default_factory=list, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    running_end: int = 0  # where the running text ends and the footnote bodies begin

    def to_source(self, i: int) -> int:
        """Map a clean-text offset to an offset in the raw text."""
        if not self._segs:
            return i
        k = max(0, bisect.bisect_right(self._starts, i) - 1)
        cs, ss, n, exact = self._segs[k]
        d = i - cs
        if exact:
            return ss + min(d, n)
        return ss

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segs: list[tuple[int, int, int, bool]] = []
        self.n = 0

    def add(self, piece: str, src_start: int, src_end: int) -> None:
        if not piece:
            return
        exact = len(piece) == src_end - src_start
        self.segs.append((self.n, src_start, len(piece) if exact else src_end - src_start, exact))
        self.parts.append(piece)
        self.n += len(piece)

    def add_nfc(self, piece: str, src_start: int) -> None:
        """Add source text, NFC-normalised, keeping an exact map wherever NFC keeps the length."""
        norm = unicodedata.normalize("NFC", piece)
        if len(norm) == len(piece):
            self.add(norm, src_start, src_start + len(piece))
            return
        # map cluster by cluster (a base character and its combining marks)
        i = 0
        while i < len(piece):
            j = i + 1
            while j < len(piece) and unicodedata.combining(piece[j]):
                j += 1
            self.add(unicodedata.normalize("NFC", piece[i:j]), src_start + i, src_start + j)
            i = j

    def tail(self, k: int = 1) -> str:
        return "".join(self.parts[-4:])[-k:] if self.parts else ""



def _emit_line(b: _Builder, src: int, line: str, markers: list[tuple[str, int]], skip: int = 0) -> None:
    """Emit one line with markup removed; record footnote markers as (label, clean offset)."""
    h = _HEADING_HASHES.match(line)
    pos = max(skip, h.end() if h else 0)
    # markup starts at one of a few characters: the pattern is tried there only (from every position of every
    # line, it was most of the cleaning time)
    for m in finditer_at(_INLINE, line, [c.start() for c in _INLINE_FIRST.finditer(line, pos)]):
        if m.start() < pos:
            continue
        unit_power = _UNIT_POWER.search(line[max(0, m.start() - 4) : m.start()])
        if m.group("usup") and unit_power:
            continue  # a unit power such as m³: keep it as text
        if m.group("sup") in ("2", "3") and unit_power:
            b.add_nfc(line[pos : m.start()], src + pos)
            b.add(SUPERSCRIPT[int(m.group("sup"))], m.start() + src, m.end() + src)  # m<sup>3</sup> -> m³
            pos = m.end()
            continue
        b.add_nfc(line[pos : m.start()], src + pos)
        label = m.group("sup") or (
            "".join(_SUP_TO_DIGIT[c] for c in m.group("usup")) if m.group("usup") else None
        )
        if label:
            markers.append((label, b.n))
        pos = m.end()
    rest = line[pos:].rstrip()
    b.add_nfc(rest, src + pos)


# a line that opens a structure of its own: parts, numbered and lettered items, bullets, table rows
_STRUCT_START = re.compile(
    rf"^(?:[IVXLC]+[.)]\s|\d{{1,2}}(?:\.\d{{1,2}})*[.)]\s|[a-zđ][).]\s|[-–+•]\s|\|"
    rf"|(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Điều)\s+(?:\d|[IVXLC]+\b|thứ|THỨ)|[{SUPERSCRIPT}]|<sup>)"
)
_TERMINAL = tuple(".;:!?…")
# header and closing lines stand alone whatever their width: "Số: ...", "Kính gửi: ...", "Nơi nhận:"
_HEADER_LINE = re.compile(r"^(?:Số|Kính gửi|Nơi nhận|KÍNH GỬI|NƠI NHẬN)\s*:")
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:Trang\s+)?(\d{1,4})(?:\s*/\s*\d{1,4})?(?:\s*-)?$", re.IGNORECASE)
# a footnote body inside a block of lines: the marker stands alone, followed by a space
_FOOTNOTE_LINE = re.compile(rf"^\s*(?:<sup>\s*(\d+)\s*</sup>|([{SUPERSCRIPT}]+))\s+(?=\S)")
_HEADER_ZONE = 10  # a flattened header is looked for in the first lines only


@dataclass
class _Line:
    src: int  # offset of `text` in the raw text
    text: str  # raw[src : src + len(text)]; "" for a blank line
    page_break: bool = False  # a form feed comes before this line
    phys: int = 0  # length of the physical line this comes from (a header cell reports its line's)
    bar: int | None = None  # for a header cell after the first: offset of the "|" before it
    cell: bool = False  # a cell of a flattened header: a line of its own, never joined
    kind: str = "text"  # text | blank | drop | note | note+ (a footnote's first line, its other lines)
    runs_on: bool = False  # in text not judged hard-wrapped as a whole: a printed line that runs on into the next

    @property
    def body(self) -> str:
        return self.text.strip().strip("*_").strip()


def _lines(raw: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    brk = False
    for line in raw.split("\n"):
        start = pos
        pos += len(line) + 1
        if "\f" in line:
            brk = True
            cut = line.rfind("\f") + 1
            start, line = start + cut, line[cut:]
        if not line.strip():
            out.append(_Line(start, "", kind="blank"))
            continue
        out.append(_Line(start, line, brk, len(line.strip())))
        brk = False
    return out


_TABLE_RULE = re.compile(r"\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?")
_MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*-\s*Tự do")


def _header_table(lines: list[_Line]) -> set[int]:
    """The rows of a two-column header set as a Markdown table ("| ỦY BAN NHÂN DÂN ... | CỘNG HÒA ... |", "|---|---|",
    "| Số: ... | Độc lập ... |"): the pipe rows the text opens with, when one of them holds the motto."""
    rows: list[_Line] = []
    for ln in lines:
        if ln.kind == "blank" and not rows:
            continue
        if ln.kind != "text" or not ln.text.strip().startswith("|"):
            break
        rows.append(ln)
    return {id(r) for r in rows} if any(_MOTTO.search(r.text) for r in rows) else set()


def _split_header(lines: list[_Line]) -> list[_Line]:
    """One line per cell for a flattened two-column header "ỦY BAN ... | CỘNG HÒA ... | Số: ... | ...".

    Consecutive flattened lines are read column by column: the left column's "ỦY BAN NHÂN DÂN" / "THỊ XÃ GIÁ RAI"
    stay together (one body), then the right column's motto and date."""
    out: list[_Line] = []
    run: list[list[_Line]] = []  # the cells of each flattened line of the current run

    def flush() -> None:
        for col in range(max((len(r) for r in run), default=0)):
            out.extend(r[col] for r in run if col < len(r) and r[col] is not None)
        run.clear()

    table = _header_table(lines)
    seen = 0
    for ln in lines:
        if ln.kind == "text":
            seen += 1
        t = ln.text
        if id(ln) in table and _TABLE_RULE.fullmatch(t.strip()):
            continue  # "|---|---|" under a header set as a Markdown table: no text
        if ln.kind != "text" or seen > _HEADER_ZONE or " | " not in t or (t.strip().startswith("|") and id(ln) not in table):
            flush()
            out.append(ln)
            continue
        pos = 0
        bar = None
        cells: list[_Line | None] = []  # by column: an empty cell keeps its column (None)
        parts = t.split("|")
        for k, cell in enumerate(parts):
            lead = len(cell) - len(cell.lstrip())
            if cell.strip():
                first = ln.page_break and not out and not run and not any(cells)
                cells.append(_Line(ln.src + pos + lead, cell.strip(), first, ln.phys, bar, cell=True))
            elif 0 < k < len(parts) - 1:
                cells.append(None)  # "| | Hiệp Hòa, ngày ... |": the left cell is empty
            bar = ln.src + pos + len(cell)
            pos += len(cell) + 1
        run.append(cells)
    flush()
    return out


def _is_page_number(ln: _Line) -> int | None:
    m = _PAGE_NUMBER.match(ln.text.strip()) if ln.kind == "text" else None
    return int(m.group(1)) if m else None


# a running line printed with its page number on the same line, set apart by a run of spaces:
# "UBND tỉnh X - Báo cáo 6 tháng đầu năm 2024        2", or the number first on a left-hand page
_NUMBERED_RUNNING = re.compile(r"^(?:(?P<run>\S.{2,99}?)[ \t]{3,}(?P<n>\d{1,3})|(?P<n2>\d{1,3})[ \t]{3,}(?P<run2>\S.{2,99}?))$")


def _numbered_running_lines(lines: list[_Line], text_at: list[int]) -> set[int]:
    """The lines (as indexes into text_at) that are one running line with its page number: the same words two or
    more times, the numbers rising. A single "Tổng số xã      12" is a row of a table, never a page number."""
    runs: dict[str, list[tuple[int, int]]] = {}
    for k, i in enumerate(text_at):
        m = _NUMBERED_RUNNING.match(lines[i].text.strip())
        if m:
            run = " ".join((m.group("run") or m.group("run2")).split())
            runs.setdefault(run, []).append((k, int(m.group("n") or m.group("n2"))))
    out: set[int] = set()
    for found in runs.values():
        nums = [n for _, n in found]
        if len(found) >= 2 and all(b > a for a, b in pairwise(nums)):
            out |= {k for k, _ in found}
    return out


def _mark_page_furniture(lines: list[_Line]) -> bool:
    """Mark page numbers and running headers/footers as dropped; return whether pages were found."""
    text_at = [i for i, ln in enumerate(lines) if ln.kind == "text"]
    breaks = {k for k, i in enumerate(text_at) if lines[i].page_break}
    numbers = [(k, n) for k, i in enumerate(text_at) if (n := _is_page_number(lines[i])) is not None]
    page_numbers: set[int] = set()
    if breaks:
        page_numbers = {k for k, _ in numbers if any(abs(k - b) <= 2 or abs(k + 1 - b) <= 1 for b in breaks)}
    else:
        # without form feeds, bare numbers count as page numbers when they run on: 2, 3, 4 ...
        for (k1, n1), (k2, n2) in pairwise(numbers):
            if n2 == n1 + 1 and k2 - k1 >= 5:
                page_numbers |= {k1, k2}
    page_numbers |= _numbered_running_lines(lines, text_at)
    bounds = sorted(breaks | page_numbers | {0, len(text_at)})
    if len(bounds) <= 2:
        return _mark_lone_page_break(lines, text_at, numbers)
    for k in page_numbers:
        lines[text_at[k]].kind = "drop"
    # running lines: the same short line (numbers aside) next to two or more page boundaries
    near: dict[str, list[int]] = {}
    for k, i in enumerate(text_at):
        body = lines[i].text.strip()
        if len(body) > 100 or k in page_numbers or _STRUCT_START.match(body):
            continue
        if any(-3 <= k - b <= 2 for b in bounds):
            near.setdefault(re.sub(r"\d+", "#", " ".join(body.split())), []).append(k)
    total: dict[str, int] = {}
    for i in text_at:
        key = re.sub(r"\d+", "#", " ".join(lines[i].text.split()))
        total[key] = total.get(key, 0) + 1
    for key, ks in near.items():
        if len(ks) >= 2 and total[key] == len(ks):
            for k in ks:
                lines[text_at[k]].kind = "drop"
    return True


def _mark_lone_page_break(lines: list[_Line], text_at: list[int], numbers: list[tuple[int, int]]) -> bool:
    """Two printed pages, the first unnumbered: the one page number, 2, and a running line beside it stand where
    a sentence breaks off ("... GRDP cả năm tăng 5 -" / "" / "Báo cáo KT-XH 6 tháng" / "2" / "6%; báo cáo ...").
    Only there: a lone 2 between finished sentences may be anything. A running line is a short line set apart
    from the text by a blank line on its other side."""
    def blank_between(i: int, j: int) -> bool:
        return any(lines[x].kind == "blank" for x in range(i + 1, j))

    def running(k: int, other: int) -> bool:
        body = lines[text_at[k]].body
        return (len(body.split()) <= 12 and not body.endswith(_TERMINAL) and not _STRUCT_START.match(body)
                and blank_between(*sorted((text_at[k], text_at[other]))))

    for k, n in numbers:
        if n != 2 or k < 1 or k + 1 >= len(text_at):
            continue
        furniture = [k]
        before, after = k - 1, k + 1
        if before >= 1 and running(before, before - 1):
            furniture.append(before)
            before -= 1
        elif after + 1 < len(text_at) and running(after, after + 1):
            furniture.append(after)
            after += 1
        cut, goes_on = lines[text_at[before]].body, lines[text_at[after]].body
        if cut.endswith(_TERMINAL) or not (goes_on[:1].islower() or goes_on[:1].isdigit()):
            continue
        for f in furniture:
            lines[text_at[f]].kind = "drop"
        return True
    return False


# a line that opens a part of the document: "II. NHIỆM VỤ ...", "B. GIẢI PHÁP", "Điều 2. ...", "Phần thứ hai"
_PART_START = re.compile(r"^(?:Điều\s+\d+\.|(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:thứ|THỨ|[IVXLC]+\b|\d+[.:]))")
_LETTERED_HEADING = re.compile(r"^(?:[IVXLC]+|[A-ZĐ])[.)]\s+[A-ZÀ-ỸĐ]")
_ITEM_NUMBER = re.compile(r"^(\d{1,2})[.)]\s+\S")


def _ends_note(prev: _Line, ln: _Line, last_item: int | None) -> bool:
    """A heading, or the running text's next numbered item, ends a footnote body: in text taken from a PDF a
    note may stand mid-page. Numbered lines count only after a line that ends a sentence (a wrapped note may go
    on with "V. ...") and an item only when it continues the running text's numbering (a note may list "1.", "2.")."""
    body = ln.body
    if _PART_START.match(body):
        return True
    if not prev.body.endswith("."):
        return bool(_LETTERED_HEADING.match(body)) and _caps(body)
    item = _ITEM_NUMBER.match(body)
    if item and last_item is not None and int(item.group(1)) == last_item + 1:
        return True
    return bool(_LETTERED_HEADING.match(body))


def _mark_footnotes(lines: list[_Line]) -> None:
    """A footnote body runs from its marker line to a blank line, a page boundary, a heading or the next footnote."""
    in_note = False
    prev_blank = True
    prev = lines[0] if lines else None
    last_item = None  # the number of the running text's last numbered item ("2." in "2. Tổng vốn ...")
    for ln in lines:
        if ln.kind in ("blank", "drop") or ln.page_break or (
                in_note and ln.kind == "text" and _ends_note(prev, ln, last_item)):
            in_note = False
        if ln.kind == "text":
            pattern = _FOOTNOTE_START if prev_blank else _FOOTNOTE_LINE
            if pattern.match(ln.text):
                ln.kind, in_note = "note", True
            elif in_note:
                ln.kind = "note+"
            elif item := _ITEM_NUMBER.match(ln.body):
                last_item = int(item.group(1))
        prev_blank = ln.kind == "blank"
        prev = ln


def _starts_lower(s: str) -> bool:
    return s[:1].islower() and not _STRUCT_START.match(s)


def _caps(s: str) -> bool:
    """A heading in capitals (two words at least: "XVII." or "UBND" alone is a wrapped word)."""
    letters = [c for c in s if c.isalpha()]
    return " " in s and len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def _looks_wrapped(lines: list[_Line]) -> bool:
    """Hard-wrapped text: many lines run on into a next line that starts in lower case."""
    pairs = wrapped = 0
    for a, b in pairwise(lines):
        if a.kind == "text" and b.kind == "text":
            pairs += 1
            wrapped += not a.body.endswith(_TERMINAL) and _starts_lower(b.body)
    return wrapped >= 3 and wrapped >= 0.08 * pairs


_PRINTED = range(55, 131)  # the length of a line cut by a page's width; a paragraph of its own runs longer


def _mark_local_wraps(lines: list[_Line]) -> None:
    """In text not hard-wrapped as a whole (one paragraph a line), a pasted block of printed lines still is: a
    line of a printed width that ends no sentence runs on into a next line that goes on in lower case ("... là:
    tổng" / "thu ngân sách ...") or with a figure ("... đạt" / "8,5 – 9%; ..."), when another line of its block
    does so too or the line is as long as a printed line gets (a title on two shorter lines stays two lines)."""
    pairs = [(a, b) for a, b in pairwise(lines) if a.kind == "text" and b.kind == "text" and not a.cell and not b.cell]
    cont = [a.phys in _PRINTED and not a.body.endswith(_SENTENCE_END) and not _caps(a.body)
            and (_starts_lower(b.body) or b.body[:1].isdigit() and not _STRUCT_START.match(b.body)) for a, b in pairs]
    lower = [c and _starts_lower(b.body) for c, (_a, b) in zip(cont, pairs, strict=True)]
    # pairs of one block of lines: the next pair starts where this one ends
    linked = [k + 1 < len(pairs) and pairs[k + 1][0] is b for k, (_a, b) in enumerate(pairs)]

    def near(k: int, flags: list[bool], reach: int) -> bool:
        """Another pair of the block around pair k, at most `reach` pairs away, has the flag."""
        for d in (-1, 1):
            j = k
            for _ in range(reach):
                if not (0 <= j + d < len(pairs)) or not linked[min(j, j + d)]:
                    break
                j += d
                if flags[j]:
                    return True
        return False

    for k, (a, _b) in enumerate(pairs):
        if cont[k]:
            block = near(k, cont, 2) and (lower[k] or near(k, lower, 2))
            a.runs_on = block or lower[k] and a.phys >= 80


def _continues(a: _Line, b: _Line, width: float) -> bool:
    """Whether line `a` of hard-wrapped text runs on into line `b`."""
    x, y = a.body, b.body
    if not x or not y or x.startswith("|") or y.startswith("|") or a.cell or b.cell or _HEADER_LINE.match(y):
        return False
    full = a.phys >= 0.7 * width
    if _STRUCT_START.match(y):
        # "(đợt" / "02) ...": the closing half of a bracket is not an item number
        if x.count("(") > x.count(")") and re.match(r"\w{1,3}\)", y):
            return True
        # "... hành lang kinh tế Đông" / "- Tây ...": a dash after a full line that ends no clause
        return y[0] in "-–" and full and not x.endswith(_TERMINAL) and not _caps(x)
    if x.endswith(("-", "–")):
        return True
    if y[0].islower():
        return True
    if _caps(x) or _caps(y):
        return _caps(x) and _caps(y) and a.phys >= 0.6 * width
    if x.endswith(_TERMINAL):
        if y[0].isupper() and not y.endswith(_SENTENCE_END) and len(y.split()) <= 10 and b.phys < 0.6 * width:
            return False  # a short line that ends no sentence after one that does: a sub-heading ("Chỉ tiêu năm 2025")
        # a sentence that ends where the line is full goes on in the same paragraph
        return a.phys >= 0.85 * width
    return not y[0].isalpha() or full


def clean(raw: str, wrapped: bool | None = None) -> CleanText:
    """Clean `raw`; `wrapped` says whether it is hard-wrapped page text (None: judge from the text)."""
    lines = _split_header(_lines(raw))
    _mark_page_furniture(lines)
    _mark_footnotes(lines)
    if wrapped is None:
        wrapped = "\f" in raw or _looks_wrapped(lines)  # form feeds end printed pages
        if not wrapped:
            _mark_local_wraps(lines)
    # the measure of a full line; a flattened header is not a printed line
    lengths = sorted(ln.phys for ln in lines if ln.kind == "text" and ln.phys == len(ln.text.strip()))
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    b = _Builder()
    markers: list[tuple[str, int]] = []
    notes: list[list[_Line]] = []
    prev: _Line | None = None
    blank = note = page = False
    for ln in lines:
        if ln.kind == "blank":
            blank = True
            continue
        if ln.kind == "drop" or ln.page_break:
            page = True
        if ln.kind == "drop":
            continue
        if ln.kind == "note":
            notes.append([ln])
            note = True
            continue
        if ln.kind == "note+":
            notes[-1].append(ln)
            continue
        if prev is not None:
            _separate(b, raw, prev, ln, blank, note, page, wrapped, width)
        _emit_line(b, ln.src, ln.text, markers)
        prev = ln
        blank = note = page = False
    running_end = b.n
    footnotes: list[Footnote] = []
    used: set[int] = set()
    for blk in notes:
        first = blk[0]
        b.add("\n\n", first.src, first.src)
        start = b.n
        m = _FOOTNOTE_START.match(first.text)
        label = m.group(1) or "".join(_SUP_TO_DIGIT[c] for c in m.group(2))
        for k, ln in enumerate(blk):
            if k:
                _separate(b, raw, blk[k - 1], ln, False, False, False, wrapped, width)
            _emit_line(b, ln.src, ln.text, [], skip=m.end() if k == 0 else 0)
        end = b.n
        anchor = None
        for i, (lab, at) in enumerate(markers):
            if lab == label and i not in used:
                used.add(i)
                anchor = at
                break
        footnotes.append(Footnote(label, "", start, end, anchor))
    text = "".join(b.parts)
    footnotes = [Footnote(f.label, text[f.start : f.end], f.start, f.end, f.marker_at) for f in footnotes]
    ct = CleanText(text=text, footnotes=footnotes, _segs=b.segs, running_end=running_end)
    ct._starts = [s[0] for s in b.segs]
    return ct


# a number cut at its thousands dot or decimal comma by a line break: "ước đạt 9." + "215 tỷ đồng", "55," + "2%"
_CUT_NUMBER_END = re.compile(
    r"(?<!Điều)(?<!Khoản)(?<!khoản)(?<!Mục)(?<!mục)(?<!điểm)(?<!Chương)(?<!Phần)(?<!Bước)"  # "Điều 3." ends a reference
    r"[\s(]\d{1,3}(?:\.\d{3})*(?P<mark>[.,])$"
)
_CUT_THOUSANDS_NEXT = re.compile(r"\d{3}(?:\.\d{3})*(?:,\d+)?\s+[^\W\d_]")  # "215 tỷ đồng": a word follows
_CUT_DECIMAL_NEXT = re.compile(r"\d{1,3}(?:\s*%|\s+[^\W\d_])")


def _cut_number(a: str, n: str) -> bool:
    """Line `a` ends with the first part of a number whose rest opens line `n`: thousands after a dot ("9." +
    "215 tỷ đồng"), decimals after a comma when a unit follows ("12," + "5%")."""
    # the end-anchored pattern tries every position of the line: first the end it needs, a digit and its mark
    # ("$" also matches before a final line break)
    k = len(a) - 1 - a.endswith("\n")
    if a[k:k + 1] not in (".", ",") or not a[k - 1:k].isdecimal():
        return False
    m = _CUT_NUMBER_END.search(a)
    if not m:  # a marker standing alone ("1.") is an item number
        return False
    nxt = _CUT_THOUSANDS_NEXT if m.group("mark") == "." else _CUT_DECIMAL_NEXT
    return bool(nxt.match(n))


def _separate(b: _Builder, raw: str, a: _Line, n: _Line, blank: bool, note: bool, page: bool,
              wrapped: bool, width: float) -> None:
    """Put what separates line `a` from the next running line `n`: nothing, a space, a line or a paragraph break."""
    end = a.src + len(a.text.rstrip())  # the source character after `a`, a newline, space or "|"
    if n.bar is None and (wrapped or not blank) and not n.cell and not a.cell and _cut_number(a.body, n.body):
        return  # one number: nothing between its parts
    lower = not a.body.endswith(_SENTENCE_END) and _starts_lower(n.body)
    if n.bar is not None:
        b.add("\n", n.bar, n.bar + 1)  # a header cell: a line of its own
    elif blank:
        # a paragraph interrupted by a footnote block or a page break is rejoined with one space
        if (note or wrapped) and lower or wrapped and page and _continues(a, n, width):
            b.add(" ", end, end + 1)
        else:
            b.add("\n\n", n.src, n.src)
    elif a.runs_on and not page and not note:
        b.add(" ", end, end + 1)
    elif wrapped and _continues(a, n, width):
        if a.body.endswith("-") and a.body[-2:-1].isalnum():
            return  # a symbol cut at its hyphen: "28/KH-" + "UBND"
        b.add(" ", end, end + 1)
    elif (note or page) and lower:
        b.add(" ", end, end + 1)
    else:
        b.add("\n", end, end + 1)
