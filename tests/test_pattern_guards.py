"""The fast paths of the figure readers find what the plain patterns find.

Patterns guarded by a look-ahead on their first letters (`scan.opens_with`), and the reads that skip a
pattern unless a cheap test passes, must give the same matches as the pattern alone: a word added to a pattern
with a first letter its guard lacks would silently be missed.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.recognise import goal_prose, numbers, quantities, target_lists
from kg.extract.recognise.goal_prose import keeps_goal
from kg.extract.recognise.numbers import find_measures
from kg.extract.recognise.scan import opens_with

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted(p for folder in (ROOT / "tests" / "data", ROOT / "samples" / "corpus") for p in folder.rglob("*")
               if p.suffix in (".txt", ".md"))
_GUARD = re.compile(r"^\(\?=\[[^\]]*\]\)\(\?:(.*)\)$", re.DOTALL)


def _guarded() -> dict[str, re.Pattern]:
    found = {}
    for mod in (quantities, goal_prose, target_lists):
        for name, value in vars(mod).items():
            if isinstance(value, re.Pattern) and _GUARD.match(value.pattern):
                found[f"{mod.__name__.rsplit('.', 1)[1]}.{name}"] = value
    for mod in (quantities, target_lists):
        for name, value in mod._rx().items():
            if _GUARD.match(value.pattern):
                found[f"{mod.__name__.rsplit('.', 1)[1]}._rx.{name}"] = value
    return found


GUARDED = _guarded()


def test_the_readers_use_guarded_patterns():
    assert {"quantities._rx.period", "quantities._AIMED", "goal_prose._CUE", "target_lists._rx.head"} <= set(GUARDED)


def _first_items(seq) -> tuple[list, bool]:
    """What a parsed pattern can open with: ("lit", code) and ("in", items) entries, ("any",) when it can open with
    anything; and whether it can match the empty string. Zero-width assertions open with nothing."""
    from re import _constants as c

    items: list = []
    for op, av in seq:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.LITERAL:
            return [*items, ("lit", av)], False
        if op is c.IN:
            return [*items, ("in", av)], False
        if op is c.BRANCH:
            nullable = False
            for alt in av[1]:
                got, empty = _first_items(alt.data)
                items += got
                nullable = nullable or empty
            if not nullable:
                return items, False
            continue
        if op is c.SUBPATTERN:
            got, empty = _first_items(av[3].data)
            items += got
            if not empty:
                return items, False
            continue
        if op is c.ATOMIC_GROUP:
            got, empty = _first_items(av.data)
            items += got
            if not empty:
                return items, False
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            got, empty = _first_items(av[2].data)
            items += got
            if av[0] > 0 and not empty:
                return items, False
            continue
        return [*items, ("any",)], False
    return items, True


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_guard_holds_every_first_letter(name):
    """Every character a match of the guarded pattern can open with passes its guard."""
    from re import _constants as c
    from re import _parser

    guarded = GUARDED[name]
    first, inner = re.match(r"^\(\?=\[([^\]]*)\]\)\(\?:(.*)\)$", guarded.pattern, re.DOTALL).groups()
    guard = re.compile(f"[{first}]", guarded.flags)
    items, empty = _first_items(_parser.parse(inner, guarded.flags).data)
    assert not empty
    samples = {c.CATEGORY_DIGIT: "0123456789", c.CATEGORY_UNI_DIGIT: "0123456789", c.CATEGORY_SPACE: " \t\n\r\f\v",
               c.CATEGORY_UNI_SPACE: " \t\n\r\f\v\u00a0"}
    for item in items:
        assert item[0] != "any", name
        chars = [chr(item[1])] if item[0] == "lit" else []
        for op, av in item[1] if item[0] == "in" else ():
            assert op in (c.LITERAL, c.RANGE, c.CATEGORY), (name, op)
            chars += ([chr(av)] if op is c.LITERAL else [chr(x) for x in range(av[0], av[1] + 1)] if op is c.RANGE
                      else list(samples[av]))
        for ch in chars:
            assert guard.match(ch), (name, ch)


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_guard_keeps_every_match(name):
    guarded = GUARDED[name]
    plain = re.compile(_GUARD.match(guarded.pattern).group(1), guarded.flags)
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        # (windows the length of a clause: a pattern anchored at the end is slow over a whole document)
        windows = [(a, min(len(text), a + 150)) for a in range(0, len(text), 97)]
        for a, b in windows:
            assert ([(m.span(), m.groups()) for m in guarded.finditer(text, a, b)]
                    == [(m.span(), m.groups()) for m in plain.finditer(text, a, b)]), (name, path.name, a, b)


def test_guard_covers_every_alternative_and_case():
    rx = re.compile(opens_with("pđ", r"phấn đấu|để"), re.IGNORECASE)
    assert [m.group(0) for m in rx.finditer("Để đạt mục tiêu, PHẤN ĐẤU và phấn đấu")] == ["Để", "PHẤN ĐẤU", "phấn đấu"]
    # a guard that lacks a first letter loses the words that open with it
    assert re.compile(opens_with("p", r"phấn đấu|để"), re.IGNORECASE).search("để") is None


@pytest.mark.parametrize(
    "head",
    [
        "NGHỊ QUYẾT\nCăn cứ ...\n   Điều 1. Thông qua",
        "Theo Điều 1. của Luật ...\nĐiều 1. Thông qua",
        "QUYẾT NGHỊ:\nĐiều 1. Thông qua",
        "  \n\t Điều 1. Thông qua ... QUYẾT NGHỊ",
        "Điều 1 không có dấu chấm\nĐiều 2. Hiệu lực",
        "",
    ],
)
def test_body_start_of_a_resolution(head):
    m = re.search(r"QUYẾT NGHỊ|^\s*Điều 1\.", head, re.MULTILINE)
    found = [f for f in (quantities._RESOLVES.search(head), quantities._first_article(head)) if f]
    assert (min(found, key=lambda f: f.start()).end() if found else None) == (m.end() if m else None)


@pytest.mark.parametrize("gap", [" ", "  \t ", " " * 250])
def test_counted_noun_after_any_white_space(gap):
    text = f"Năm 2024, toàn huyện đón 1.200 lượt{gap}khách du lịch, tăng 5%."
    ms = find_measures(text)
    assert ms[0].unit == "lượt" and text[ms[0].num_start : ms[0].end] == "1.200 lượt"
    e = text.index("khách") + len("khách")
    assert numbers._written_length(text, r"\s+khách$", e) == len(re.search(r"\s+khách$", text[:e]).group(0))


@pytest.mark.parametrize("text", ["", "a", "a\n", "\n", "a\n\nb", "a\nb\n\n", "\n\na"])
def test_lines_of_a_text(text):
    lines = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[^\n]*", text) if m.start() < len(text)]
    lines = [ln for i, ln in enumerate(lines) if not (ln[0] == ln[1] and i and lines[i - 1][1] == ln[0])]
    assert target_lists._lines(text) == lines


def test_keep_goal_read_over_white_space_and_line_break():
    text = "Năm 2025, tỉnh phấn đấu tăng trưởng GRDP 8%. Tỷ lệ che phủ rừng duy trì ở mức  \n 47%."
    clause = text.index("Tỷ lệ")
    assert keeps_goal(text, 0, clause, clause, text.index("47%"))
    said = text.replace("duy trì ở mức", "đạt")
    clause = said.index("Tỷ lệ")
    assert not keeps_goal(said, 0, clause, clause, said.index("47%"))


# ---------------------------------------------------------------- a label's trailing fillers, read in one pass
_TRAIL = quantities._rx()["trail"]
_ONE_PASS = "(?<![\\s\\-–,;:(*])(?>(?:"


def _trail_backtracking() -> re.Pattern:
    """The trailing-filler pattern as a plain repetition that backtracks (the form it had before it was read in one
    pass): it must strip what the one-pass form strips."""
    assert _ONE_PASS in _TRAIL.pattern and _TRAIL.pattern.endswith(")+)$)")
    return re.compile(_TRAIL.pattern.replace(_ONE_PASS, "(?:", 1)[: -len(")+)$)")] + ")+$)", _TRAIL.flags)


_TRAIL_PIECES = [*quantities._TRAIL_FILLERS, " ", ",", " - ", "; ", ":", "(", "*", "–", "6 tháng", "9 tháng đầu năm",
                 "12 tháng năm 2024", "quý II", "quý IV năm 2024", "quý I/2024", "năm 2024", "tỷ lệ", "mục tiêu", "dự án",
                 "ở", "mức", "đầu", "tổng", "x", "12", "công", "sốt", "Đạt", "ĐƯỢC", "\t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TRAIL_PIECES), st.sampled_from(["", " ", " ", ", ", "  "])),
                min_size=1, max_size=8))
def test_trail_in_one_pass_strips_what_backtracking_strips(pieces):
    label = "".join(a + b for a, b in pieces)
    assert _TRAIL.sub("", label) == _trail_backtracking().sub("", label)
    # and the cheap test before it passes whenever it strips something
    assert quantities._may_trail(label) or _TRAIL.search(label) is None


def test_cheap_test_before_the_trail_passes_where_it_strips():
    labels = [" ".join(ln.split()[-n:]) for p in TEXTS for ln in p.read_text(encoding="utf-8").splitlines()
              for n in (1, 3, 8)]
    labels += ["Tỷ lệ ĐẠT", "Số hộ (", "Doanh thu quý Iv", "Chỉ tiêu 2024", "Sản lượng CÓ TỔNG SỐ", "x chıếm", "x ſố"]
    assert _pretest_passes_where_it_matches(_TRAIL, quantities._may_trail, labels) > 100


@pytest.mark.parametrize("tail", [" -" * 3000 + " x", " " * 20000 + "x", ", ;*(" * 3000 + "x", " đạt được" * 40 + " x"])
def test_trail_over_a_long_raw_text_ends(tail):
    """Runs of marks or fillers that end in a word: the backtracking form tried every way of splitting them (2^n)."""
    start = time.process_time()
    assert _TRAIL.sub("", "Tỷ lệ hộ nghèo" + tail) == "Tỷ lệ hộ nghèo" + tail
    assert quantities._clean_label("Tỷ lệ hộ nghèo" + tail + " -- :").startswith("Tỷ lệ hộ nghèo")
    assert time.process_time() - start < 2


def test_trail_still_strips_fillers_and_periods():
    assert quantities._clean_label("Sản lượng lúa quý III năm 2024 ước đạt") == "Sản lượng lúa"
    assert quantities._clean_label("Kim ngạch xuất khẩu 9 tháng đầu năm , -- ( đạt được") == "Kim ngạch xuất khẩu"
    assert quantities._clean_label("Tỷ lệ che phủ rừng duy trì ở mức") == "Tỷ lệ che phủ rừng"


def test_units_grouped_by_first_letter_find_what_the_plain_list_finds():
    core = numbers._patterns()["core"]
    plain = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(numbers.UNITS, key=len, reverse=True) if u != "%")
    assert numbers._unit_alternation() in core.pattern
    listed = re.compile(core.pattern.replace(numbers._unit_alternation(), plain), core.flags)
    sample = "Đạt 12 KWh, 3 kwh và 4 Km2; 5 HỘ GIA ĐÌNH, 7 hộ nghèo, 2 lượt khách, 9 thôn, bản, 1 khu dân cư, 8 khuôn"
    for text in [sample, *(p.read_text(encoding="utf-8") for p in TEXTS)]:
        assert ([(m.span(), m.groups()) for m in core.finditer(text)]
                == [(m.span(), m.groups()) for m in listed.finditer(text)])


@pytest.mark.parametrize("tail", [
    "Tỷ lệ hộ nghèo giảm", "Tỷ lệ che phủ rừng duy trì ở mức", "Tỷ lệ che phủ rừng duy trì" + " " * 60 + "ở mức",
    "Tổng thu ngân sách" + " " * 50 + "đạt", "Cơ cấu kinh tế:", "Sản lượng lúa" + "\n" * 45 + "tương  \n  đương",
    "gia tăng", "bảo đảmđạt", "ĐẠT", "Tỷ lệ bao phủ", "x" * 100 + " chiếm", "còn", "",
])
def test_link_word_ending_a_label_read_from_the_end(tail):
    plain = quantities._rx()["link_end"]
    assert quantities._ends_with_link(tail) == bool(plain.search(tail))


@pytest.mark.parametrize("rx, words", [
    (quantities._rx()["goal_cut"], quantities._GOAL_CUT_WORDS),
    (quantities._VERDICT, quantities._VERDICT_WORDS),
    (quantities._NAMED_AFTER, ("tiêu",)),
    (quantities._SUPPORT, quantities._SUPPORT_WORDS),
    (quantities._rx()["cumul"], quantities._CUMUL_WORDS),
    (quantities._rx()["goal_any"], quantities._GOAL_ANY_WORDS),
    (quantities._rx()["part"], ("đó",)),
])
def test_words_looked_for_before_a_pattern_are_in_each_of_its_matches(rx, words):
    """A pattern is tried over the words before a figure only when they hold one of its words: each match must."""
    texts = [p.read_text(encoding="utf-8") for p in TEXTS]
    texts.append("ĐẠT KẾT QUẢ tích cực; Có Chuyển Biến rõ; tiếp tục KHỞI SẮC; là Điểm Sáng; PHẤN ĐẤU; Đề Ra Mục Tiêu;"
                 " ĐỂ; Nhằm; CHỈ TIÊU là; Tiêu Chí gồm; HỖ TRỢ; Định Mức; mức CHI; Mức Thưởng; THƯỞNG; Trợ Cấp; trợ giúp;"
                 " BỒI THƯỜNG; LŨY KẾ; Luỹ kế; CỘNG DỒN; Tính Chung; tính từ đầu năm; KẾ HOẠCH; TRONG  ĐÓ")
    found = 0
    for text in texts:
        for m in rx.finditer(text):
            assert quantities._holds_any(m.group(0), words), m.group(0)
            found += 1
    assert found


@pytest.mark.parametrize("rx, words", [
    (quantities._REPORT_CUE, quantities._REPORT_CUE_ENDS),
    (quantities._RECEIVED_BEFORE, quantities._RECEIVED_ENDS),
    (quantities._RECEIVED_BY, ("được",)),
])
def test_words_that_end_a_pattern_end_each_text_it_matches(rx, words):
    """An end-anchored pattern is tried over the words before a figure only when they end with one of its last
    words: each text it matches must."""
    leads = [text[max(0, m.start() - 30) : m.start()] for p in TEXTS for text in [p.read_text(encoding="utf-8")]
             for m in re.finditer(r"\d+", text)]
    leads += ["Tổng thu ƯỚC ĐẠT ", "doanh thu tăng lên\n", "hộ gia đình, cá nhân ĐƯỢC  ", "Ngành du lịch đón được",
              "thị xã Thu Hút", "ước thực hıện", "đã đạt\t"]
    matched = 0
    for lead in leads:
        if rx.search(lead):
            assert quantities._ends_with(lead, words), lead
            matched += 1
    assert matched >= 3
    assert quantities._ends_with("ước thực hıện", ("hiện",)) and not quantities._ends_with("tỷ lệ", ("đạt",))


def test_words_after_a_figure_are_searched_for_a_stop_whenever_it_is_there():
    stop = quantities._rx()["after_stop"]
    segs = [text[m.end() : m.end() + n] for p in TEXTS for text in [p.read_text(encoding="utf-8")]
            for m in re.finditer(r"\d+", text) for n in (12, 40, 120)]
    segs += ["  ĐỂ  bảo đảm", " (KH", " ha, chủ yếu", " ha Chưa Đạt Kế Hoạch", " người TRƯỚC NGÀY 30", " và Tiếp Tục",
             " doanh nghiệp với tổng vốn", " ha  trong   tháng 5"]
    assert _pretest_passes_where_it_matches(stop, quantities._may_stop, segs) > 100


def _pretest_passes_where_it_matches(pattern, pretest, samples) -> int:
    """Every sample the pattern matches passes the cheap test that guards it; how many matched."""
    matched = [s for s in samples if pattern.search(s)]
    assert all(pretest(s) for s in matched), [s for s in matched if not pretest(s)][:3]
    return len(matched)


def test_a_plan_word_before_a_share_is_the_first_of_its_paragraph_ending_by_then():
    """The first plan word of a paragraph ends before any other: one ends by a position exactly when it does."""
    plan_word = quantities._rx()["plan_word"]
    for text in ["Dự toán giao 500 tỷ đồng; thu được 450 tỷ đồng, đạt 90%, kế hoạch năm 95%.",
                 *(p.read_text(encoding="utf-8") for p in TEXTS[:40])]:
        first = plan_word.search(text)
        for pos in range(0, len(text), 7):
            assert (plan_word.search(text, 0, pos) is not None) == (first is not None and first.end() <= pos)
