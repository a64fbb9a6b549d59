"""Normalise raw document text: NFC, markup removal, footnotes, with an offset map back to the source.

The clean text is the running text (markup and footnote markers removed, sentences interrupted by a
footnote block rejoined), followed by the footnote bodies, one paragraph each. Every character of the
clean text maps back to a position in the raw text (`CleanText.to_source`).
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

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


@dataclass
class _Block:
    lines: list[tuple[int, str]]  # (source offset of the line, line text without newline)
    footnote: str | None  # label when this block is a footnote body


def _blocks(raw: str) -> list[_Block]:
    blocks: list[_Block] = []
    cur: list[tuple[int, str]] = []
    pos = 0
    for line in raw.split("\n"):
        if line.strip():
            cur.append((pos, line))
        elif cur:
            blocks.append(_mk_block(cur))
            cur = []
        pos += len(line) + 1
    if cur:
        blocks.append(_mk_block(cur))
    return blocks


def _mk_block(lines: list[tuple[int, str]]) -> _Block:
    m = _FOOTNOTE_START.match(lines[0][1])
    label = None
    if m:
        label = m.group(1) or "".join(_SUP_TO_DIGIT[c] for c in m.group(2))
    return _Block(lines, label)


def _emit_line(b: _Builder, src: int, line: str, markers: list[tuple[str, int]], skip: int = 0) -> None:
    """Emit one line with markup removed; record footnote markers as (label, clean offset)."""
    h = _HEADING_HASHES.match(line)
    pos = max(skip, h.end() if h else 0)
    for m in _INLINE.finditer(line, pos):
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


def clean(raw: str) -> CleanText:
    blocks = _blocks(raw)
    b = _Builder()
    markers: list[tuple[str, int]] = []
    notes: list[_Block] = []
    pending_gap: int | None = None  # a footnote block sits between the last running block and the next
    first = True
    for blk in blocks:
        if blk.footnote is not None:
            notes.append(blk)
            pending_gap = len(notes)
            continue
        src0, line0 = blk.lines[0]
        if not first:
            stripped = line0.lstrip(" *_#")
            joined = (
                pending_gap is not None
                and not b.tail().endswith(_SENTENCE_END)
                and stripped[:1].islower()
            )
            # a sentence interrupted by a footnote block at a page break is rejoined with one space
            b.add(" " if joined else "\n\n", src0, src0)
        first = False
        pending_gap = None
        for k, (src, line) in enumerate(blk.lines):
            if k:
                b.add("\n", src - 1, src)
            _emit_line(b, src, line, markers)
    running_end = b.n
    footnotes: list[Footnote] = []
    used: set[int] = set()
    for blk in notes:
        b.add("\n\n", blk.lines[0][0], blk.lines[0][0])
        start = b.n
        m = _FOOTNOTE_START.match(blk.lines[0][1])
        for k, (src, line) in enumerate(blk.lines):
            if k:
                b.add("\n", src - 1, src)
            _emit_line(b, src, line, [], skip=m.end() if k == 0 else 0)
        end = b.n
        anchor = None
        for i, (label, at) in enumerate(markers):
            if label == blk.footnote and i not in used:
                used.add(i)
                anchor = at
                break
        footnotes.append(Footnote(blk.footnote, "", start, end, anchor))
    text = "".join(b.parts)
    footnotes = [Footnote(f.label, text[f.start : f.end], f.start, f.end, f.marker_at) for f in footnotes]
    ct = CleanText(text=text, footnotes=footnotes, _segs=b.segs, running_end=running_end)
    ct._starts = [s[0] for s in b.segs]
    return ct
