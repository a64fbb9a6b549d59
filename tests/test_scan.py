"""Scans that try only the starts of their first words (or opening phrases) find what a scan of the whole text finds."""
import re

import pytest

from kg.extract import lineage
from kg.extract.recognise import agencies, named, own
from kg.extract.recognise.scan import finditer_phrases, finditer_words, first_words, lowered

# the patterns `own.place_by_mentions` makes for a kind of unit (case-blind for "tp" alone)
_CITY_NAMED = re.compile(rf"(?<![\w])thành phố[ \t]+{own._NAMED}")
_TP_NAMED = re.compile(rf"(?<![\w])tp[ \t]+{own._NAMED}", re.IGNORECASE)

# (pattern, how the recogniser scans with it, a text it matches)
SCANS = {
    "stage": (named._STAGE_OPENER, lambda t: finditer_phrases(named._STAGE_OPENER, t, named._STAGE_VERBS),
              "Khởi công Chợ Mới"),
    "build": (named._BUILD_OPENER, lambda t: finditer_phrases(named._BUILD_OPENER, t, named._BUILD_VERBS),
              "nâng cấp Đường A"),
    "invested": (named._INVESTED_OPENER, lambda t: finditer_words(named._INVESTED_OPENER, t, named._INVESTED_FIRST, True),
                 "là chủ đầu tư Đường A"),
    "slot": (agencies._SLOT_RE, lambda t: finditer_phrases(agencies._SLOT_RE, t, agencies._SLOT_OPENERS),
             "Cơ quan chủ trì: Sở X"),
    "city": (agencies._CITY_RE, lambda t: finditer_words(agencies._CITY_RE, t, agencies._CITY_FIRST), "thành phố Huế"),
    "verb": (lineage._VERB_RE, lambda t: finditer_phrases(lineage._VERB_RE, t, lineage._VERB_WORDS), "Triển khai"),
    "bare body": (own._BARE, lambda t: finditer_phrases(own._BARE, t, own._BODIES_LOW), "UBND tỉnh"),
    "named city": (_CITY_NAMED, lambda t: finditer_phrases(_CITY_NAMED, t, ("thành phố",)), "thành phố Huế"),
    "named tp": (_TP_NAMED, lambda t: finditer_phrases(_TP_NAMED, t, ("tp",)), "Tp Huế"),
}

# words that open a match, in every case, glued to others or cut short; what may follow them; separators
_PIECES = ["khởi công", "Khánh thành", "ĐỘNG THỔ", "xây dựng mới", "Nâng cấp", "đầu tư", "hoàn thành", "thi công",
           "các", "Những", "dự án", "công trình", "sau", ":", "là", "làm", "chủ đầu tư", "cơ quan", "Đơn vị",
           "chủ trì", "phối hợp", "thành phố", "Thành phố", "Đà Nẵng", "Huế", "thực hiện", "Triển khai", "QUÁN TRIỆT", "Thực Hiện", "THI hành", "TP", "Tp", "tP", "THÀNH PHỐ", "Uỷ ban nhân dân", "ubnd",
           "cụ thể hoá", "Ủy ban nhân dân", "UBND", "HĐND", "tỉnh", "huyện", "xã", "Chợ", "Trường", "Đường A",
           "xâydựng", "nângcấp", "x", "là", "lạ", "İ", "ı", "ſửa chữa", "1", "-", ",", ".", ";", "(", ")", "\n", "|", "Kè"]
_PIECES += [example for *_, example in SCANS.values()]


@pytest.mark.parametrize("name", SCANS)
def test_scan_from_first_words_finds_what_a_whole_scan_finds(name):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    rx, scan, example = SCANS[name]
    assert [m.span() for m in scan(example)] == [m.span() for m in rx.finditer(example)] != []

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=16), st.sampled_from([" ", "  ", "", "\t"]))
    def check(pieces, sep):
        text = sep.join(pieces)
        found = [(m.span(), m.groups()) for m in scan(text)]
        assert found == [(m.span(), m.groups()) for m in rx.finditer(text)]

    check()


def test_a_text_whose_lower_case_is_longer_is_scanned_whole():
    """'İ' lower-cases to two characters: offsets of the lower-cased text are not the text's."""
    text = "İ Khởi công Chợ Mới; khởi công Cầu X"
    assert lowered(text) is None
    found = [m.span() for m in finditer_phrases(named._STAGE_OPENER, text, named._STAGE_VERBS)]
    assert found == [m.span() for m in named._STAGE_OPENER.finditer(text)] and len(found) == 2


def test_first_words():
    rx = first_words(["xây dựng mới", "Xây mới", "nâng cấp"], ignore_case=True)
    assert [m.group() for m in rx.finditer("xây, nâng, xâyz")] == ["xây", "nâng", "xây"]


def test_subject_works_found_from_their_nouns_are_where_the_whole_scan_finds_them():
    """Works opening a sentence, an item or a line ("- Chợ X đang thi công") are read back from each noun."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = ["Chợ", "Cầu", "Trường học", "Kè", "Tuyến đường", "chợ", "-", "–", "•", "*", "+", ".", ",", ";", ":", "!",
              "?", "\n", " ", "\t", "x", "A", "đang thi công", "1."]
    text = "a. Chợ A\n- Cầu B\n\t•\tKè C;Cầu D\n Trường E, Kè F -Cầu G"
    assert named._subject_starts(text) == [m.end() for m in named._SUBJECT_WORK.finditer(text)] == [3, 11, 20, 32, 42]

    @settings(max_examples=600, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=14), st.sampled_from(["", " ", "  ", "\t"]))
    def check(parts, sep):
        text = sep.join(parts)
        assert named._subject_starts(text) == [m.end() for m in named._SUBJECT_WORK.finditer(text)]

    check()


def test_heads_read_from_a_trie_where_a_word_starts_are_those_the_lookbehind_scan_finds():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.recognise.scan import finditer_word_start

    rx = named._rx()
    pieces = ["dự án", "tiểu dự án", "dự án thành phần", "cầu", "yêu cầu", "ql", "1a", "qlx", "khu", "khu công nghiệp",
              "đường", "đường tỉnh", "kế hoạch", "x", "đ", "-", ",", "(", "\n", "công trình", "công viên", "côngx"]

    def both(text):
        return ([m.span() for m in finditer_word_start(rx["head_low_trie"], text, named._WORD_CHAR)],
                [m.span() for m in rx["head_low"].finditer(text)])

    new, old = both("xdự án; tiểu dự án thành phần, ql1a, yêu cầu, cầu x")
    assert new == old == [(8, 18), (31, 33), (41, 44), (46, 49)]

    @settings(max_examples=600, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=14), st.sampled_from(["", " ", "  "]))
    def check(parts, sep):
        new, old = both(sep.join(parts))
        assert new == old

    check()


def test_windows_before_a_head_are_searched_only_when_they_end_as_a_match_would():
    """The end-anchored patterns before a head are tried only after a test of the window's last words: the
    answers are the patterns' own, odd case foldings ("ſ", "ı", "İ") included."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    rx = named._rx()
    pieces = ["các", "CÁC", "một số", "ſố", "03", "x", "các đợt", "Ban Quản lý", "ban QL", "qlda", "chỉ tiêu",
              "vượt mức", "%", "kế hoạch vốn", "Kế hoạch", "nghị quyết", ",", "và", "hoặc", "dự án", "hạng mục",
              "thı công", "thİ công", "khởi công", "(1)", ";", ":", "\n", " ", "\t"]

    @settings(max_examples=1500, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=8), st.sampled_from(["", " ", "  "]))
    def check(parts, sep):
        w = sep.join(parts) + sep
        w12, w16, w30, w40 = w[-12:], w[-16:], w[-30:], w[-40:]
        assert named._plural_before(w12) == bool(rx["plural"].search(w12))
        assert (w16[-1:].isspace() and named._ends_with(w16, named._BLOCK_ENDS)) or not rx["block"].search(w16)
        assert named._ends_with(w12, named._PBLOCK_ENDS) or not rx["pblock"].search(w12)
        assert named._ends_with(w40, named._KINDS_ENDS) or not rx["kinds_before"].search(w40)
        assert not w30.strip() or named._ends_with(w30, named._CTX_ENDS) or not rx["ctx_left"].search(w30)

    check()


def test_items_that_name_their_investor_are_read_on_the_lines_of_the_bodies_named_investors():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = ["- ", "a) ", "1. ", "Cầu X", "Chợ Y", " do ", ", chủ đầu tư là ", ", Chủ đầu tư: ", "DO ", "Sở Z", ".", ";",
              ":", "\n", " ", "\t", "x"]

    @settings(max_examples=800, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=14))
    def check(parts):
        text = "".join(parts)
        starts = [i for i in range(len(text)) if text.startswith("Sở Z", i)]
        whole = [i for i in starts if named._INVESTOR_BEFORE.search(text, text.rfind("\n", 0, i) + 1, i)]
        assert [i for i in starts if named._investor_before(text, i)] == whole
        lines = {text.rfind("\n", 0, i) + 1 for i in whole}
        expected = [m.span() for m in named._ITEM_OPEN.finditer(text) if text.rfind("\n", 0, m.start()) + 1 in lines]
        assert [m.span() for m in named._item_openings(text, whole)] == expected

    check()


@pytest.mark.parametrize("name, char", [("party_obj", r"\w"), ("anaphora", r"[\w/]")])
def test_lineage_objects_found_without_the_lookbehind_are_those_found_with_it(name, char):
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.recognise.scan import finditer_word_start

    rx, bare = lineage._res()[name], lineage._res()[name + "_bare"]
    pieces = ["Nghị quyết", "Chỉ thị", "Kế hoạch", "Trung ương", "Hội nghị", "này", "trên", "nêu trên", ".", ",", "/",
              "x", "A", "\n", " ", "1"]

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=12), st.sampled_from(["", " "]), st.integers(0, 30),
           st.integers(0, 30))
    def check(parts, sep, a, n):
        text = sep.join(parts)
        a, b = min(a, len(text)), min(a + n, len(text))
        assert ([m.span() for m in finditer_word_start(bare, text, re.compile(char), a, b)]
                == [m.span() for m in rx.finditer(text, a, b)])

    check()


def test_agency_labels_read_without_the_lookbehind_start_where_the_case_blind_scan_starts_them():
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    data = agencies._data()
    with_lookbehind = re.compile(r"(?<![\w/\-])" + data.regex_low.pattern)
    pieces = ["sở tài chính", "ubnd", "ủy ban nhân dân", "tỉnh", "ban quản lý", "x", "/", "-", " ", ",", "\n", "1",
              "phòng", "kho bạc nhà nước", "xsở"]

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=12), st.sampled_from(["", " "]), st.integers(0, 20))
    def check(parts, sep, pos):
        low = sep.join(parts)
        m, old = agencies._next_label(data.regex_low, low, pos), with_lookbehind.search(low, pos)
        assert (m and m.span()) == (old and old.span())

    check()


def test_the_stop_words_of_a_name_are_tried_only_where_their_first_two_letters_are():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    stop = named._rx()["stop"]
    letters = sorted({ch for w in named.STOP_WORDS for ch in w[:3]} | {"İ", "ı", "ſ", "K", "Đ", "Ư", "A", " ", "x"})

    @settings(max_examples=2000, deadline=None)
    @given(st.text(alphabet=letters, max_size=4))
    def check(text):
        assert named._may_stop(text[:2]) or not stop.match(text)

    check()
    assert named._may_stop("Để") and named._may_stop("ĐÃ") and not named._may_stop("xy")


def test_lines_announcing_works_found_near_their_head_words_are_those_the_whole_scan_finds():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = ["các", "Những", "CÁC", "dự án", "Công trình", "sau", "gồm", "như", ":", " ", "  ", "\t", "\n", "x",
              "xcác", "İ", "dự", "án"]

    @settings(max_examples=800, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=12), st.sampled_from(["", " "]))
    def check(parts, sep):
        text = sep.join(parts)
        assert ([m.span() for m in named._works_openers(text)]
                == [m.span() for m in named._WORKS_OPENER_LINE.finditer(text)])

    check()
    assert [m.span() for m in named._works_openers("x các dự án sau:\n- Cầu A")] == [(2, 16)]


def test_clause_breaks_read_from_the_break_are_those_read_from_the_look_back():
    """The clause-break pattern looks back from the line break it opens with; it finds what the pattern that
    looked back first finds, over every mix of breaks, bullets, commas, dashes and separators."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.recognise.responsibilities import _CLAUSE_END

    look_back_first = re.compile(r"[;:]\s+|\n\s*(?=[-+•–]\s)|(?<![,\-–])\n[ \t]*(?=\S)")
    pieces = ["\n", " ", "\t", ",", "-", "–", ";", ":", "+", "•", "a", "Sở", "1."]

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=14), st.integers(0, 4))
    def check(parts, start):
        text = "".join(parts)
        start = min(start, len(text))
        assert ([m.span() for m in _CLAUSE_END.finditer(text, start)]
                == [m.span() for m in look_back_first.finditer(text, start)])

    check()


def test_law_objects_found_at_their_words_as_by_a_scan_of_the_stretch():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.recognise.scan import occurrences

    rx = lineage._res()["law_obj"]
    pieces = [*lineage._LAW_OBJ_WORDS, "Luật Đất đai", "xLuật", "luật", " ", "\n", "“", "A", "2013", "-", "và"]
    assert [m.span() for m in lineage._matches_at(rx, "theo Luật Đất đai", [5], 0, 17)] == [(5, 10)]

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=12), st.integers(0, 12), st.integers(0, 60))
    def check(parts, a, b):
        text = " ".join(parts)
        at = sorted(i for w in lineage._LAW_OBJ_WORDS for i in occurrences(text, w))
        a, b = min(a, len(text)), min(max(a, b), len(text))
        assert [m.span() for m in lineage._matches_at(rx, text, at, a, b)] == [m.span() for m in rx.finditer(text, a, b)]

    check()


def test_starts_near_a_verb_found_in_one_sweep_are_those_found_one_by_one():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(["thực hiện", "Triển khai", "x", "abcdefghij" * 3, "\n"]), max_size=20),
           st.lists(st.integers(0, 300), max_size=15))
    def check(parts, offsets):
        text = " ".join(parts)
        starts = sorted({min(o, len(text)) for o in offsets})
        assert lineage._verbs_within(text, starts, 40) == [s for s in starts if lineage._verb_near(text, s, s + 40)]

    check()
