"""Projects and programmes named in the text.

Public API: find_named(ctx) -> list[NamedMention] (category "project" or "programme").

How it reads:
1. one scan of the text for *heads* ("Dự án", "Cụm công nghiệp", "Quốc lộ", "Chương trình", "Đề án" ...);
2. from each head the name is extended to the right, token by token, until a boundary
   (punctuation, a clause word such as "để", "nhằm", ", đảm bảo", a verb starting a new clause, a new
   head after "," / "và", a directive number's date or issuer ...);
   a period ("giai đoạn 2021 - 2025") or a quoted title closes a name unless a qualifier follows; a table
   cell ("|") or a remark in parentheses ("(đã được phê duyệt ...)") ends it;
3. works listed after "các dự án:", "... như:", "(1) ...; (2) ..." and in footnotes are read item by item,
   works without a "Dự án" head among them ("Tu bổ di tích ...", "Khu đô thị ...", "Công viên ..."), and
   after a building stage ("Khởi công Chợ X và Kè Y");
4. lists of numbers ("Cụm công nghiệp Hợp Thành 1, 2") are expanded, and a plural head shares its generic
   words with the items of its list ("các Chương trình mục tiêu quốc gia về A, B");
5. a short form defined after a name ("(sau đây gọi là CCN X)", "(Đề án 06)") takes the full name;
6. generic phrases are dropped: kinds of plans ("Kế hoạch tổ chức thực hiện"), sets and counts
   ("các Đề án ...", "03 dự án"), fields of activity ("phong trào thể dục thể thao");
7. mentions of one project within the document are given one canonical name.

All the words the rules use are in the tables below (reference data), nothing is written for one
document: no place names, no sentence of the sample corpus.
"""
from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from ..records import Context, NamedMention
from .scan import (
    finditer_near,
    finditer_phrases,
    finditer_word_start,
    finditer_words,
    first_words,
    lowered,
    occurrences,
    trie_alternation,
)
from .spelling import tone_fold

# ----------------------------------------------------------------------------- reference data
# programme heads (lower case) -> kind
PROGRAMME_HEADS: dict[str, str] = {
    "chương trình": "Chương trình",
    "đề án": "Đề án",
    "quy hoạch": "Quy hoạch",
    "kế hoạch": "Kế hoạch",
    "phong trào": "Phong trào",
    "chiến dịch": "Chiến dịch",
    "tháng hành động": "Chiến dịch",
    "cao điểm": "Chiến dịch",
    "tết trồng cây": "Phong trào",
    "cuộc vận động": "Phong trào",
    "đợt thi đua": "Phong trào",
}

# project heads (lower case) -> what must follow for the phrase to be a *named* work:
#   "cap"   the next word is a proper name (capitalised) or a code/number ("Cầu Kỳ Cùng", "Quốc lộ 4B")
#   "named" some capitalised word or code in the name ("Dự án cải tạo, nâng cấp Quốc lộ 4B")
#   "code"  like "cap", or a road code / number ("Quốc lộ 4B", "đường tỉnh ĐT.246")
#   "any"   a name of at least one word ("Khu trung chuyển hàng hóa")
#   "any0"  the head alone is a name ("Khu phi thuế quan")
#   "never" a place, read only so that its name is not taken for a work ("Khu kinh tế cửa khẩu ...")
PROJECT_HEADS: dict[str, str] = {
    "dự án thành phần": "any",
    "tiểu dự án": "any",
    "tiêu dự án": "any",  # frequent misspelling
    "dự án": "named",
    "công trình": "named",
    "cụm công nghiệp": "code",
    "khu công nghiệp": "code",
    "khu tái định cư": "any",
    "khu chế xuất": "code",
    "khu trung chuyển": "any",
    "khu phi thuế quan": "any0",
    "quốc lộ": "code",
    "ql": "code",
    "đường tỉnh": "code",
    "đường huyện": "code",
    "đường cao tốc": "cap",
    "tuyến cao tốc": "cap",
    "đường chuyên dụng": "named",
    "đường": "cap",
    "cầu": "cap",
    "hồ chứa nước": "cap",
    "hồ chứa": "cap",
    "nhà máy": "named",
    "bệnh viện": "named",
    "khu kinh tế": "never",
    "trường": "cap",
    "trung tâm y tế": "named",
    "trạm y tế": "named",
    "nút giao": "named",
    "trụ sở": "cap",
    "nhà kiểm soát liên hợp": "any",
    "khách sạn": "cap",
    # works named without a "Dự án" head
    "khu đô thị": "named",
    "khu du lịch": "named",
    "khu liên hợp": "named",
    "khu liên hiệp": "named",
    "khu bến cảng": "cap",
    "cảng hàng không": "cap",
    "công viên": "cap",
    "nhà thi đấu": "any",
    "sân vận động": "any",
    "đường giao thông": "named",
    "nhà văn hóa": "named",
    "nhà văn hoá": "named",
    "phố đi bộ": "cap",
    "di tích": "cap",
    # abbreviations of heads, read as the full head
    "ccn": "code",
    "kcn": "code",
    "khu tđc": "any",
}
# heads that may only be read when written with a capital ("Cầu Kỳ Cùng" but not "cầu nối")
CAPITAL_ONLY = {"cầu", "trường", "khách sạn", "ql", "trụ sở", "ccn", "kcn", "công viên", "khu liên hợp", "khu liên hiệp",
                "nút giao"}
# heads of kinds of works that are named only with a capital, whatever precedes ("xây dựng nhà thi đấu xã" is a kind)
CAPITAL_ALWAYS = {"nhà thi đấu", "sân vận động", "đường giao thông"}
# heads that name an organisation or a street as often as a work: a work only after "dự án", a
# construction verb ("xây dựng cầu X", "cải tạo, nâng cấp Trường ...") or inside a list of works
WORK_CONTEXT_ONLY = {"trường", "bệnh viện", "trung tâm y tế", "trạm y tế", "trụ sở", "khách sạn", "đường", "cầu",
                     "phố đi bộ", "di tích", "nhà thi đấu", "sân vận động", "đường giao thông"}
# roads are works only with a section, a verb or "dự án" ("Quốc lộ 31" alone is a place)
ROAD_HEADS = {"quốc lộ", "ql", "đường tỉnh", "đường huyện"}
# units after a number end a name ("Chương trình MTQG 40 tỷ đồng")
UNITS = ("tỷ", "triệu", "nghìn", "ngàn", "ha", "%", "km", "người", "lượt", "hộ", "tấn", "đồng", "cây", "m2", "m²")
# before a programme head: a figure measured against a plan, not a named plan
PROGRAMME_BLOCK_BEFORE = ("chỉ tiêu", "so với", "vượt", "vượt mức", "đạt", "bằng", "%", "kế hoạch vốn")
# heads whose mention inside a longer name is still a work of its own ("Nút giao vào Khu công nghiệp X")
COMPLEX_HEADS = {"cụm công nghiệp", "khu công nghiệp", "khu chế xuất", "nhà máy", "khu tái định cư"}

# construction verbs that may open a project name ("cải tạo, nâng cấp Quốc lộ 4B ...")
WORK_VERBS = (
    "cải tạo", "sửa chữa", "nâng cấp", "mở rộng", "xây dựng", "xây mới", "đầu tư", "hạ tầng",
    "kết cấu hạ tầng", "hạng mục", "tu bổ", "tôn tạo", "trùng tu", "chỉnh trang",
)

# verbs that name what a work does when they follow "và" after a lower-case word ("thoát nước và xử lý nước thải")
WORK_NOUNS = ("xử lý", "quản lý", "vận hành", "cấp nước", "thoát nước", "chiếu sáng", "phát triển")
_VERB_TAILS = tuple({v.split()[-1] for v in WORK_VERBS})  # the last word of each (lower case)

# stages of building: what follows them is a work ("thi công Cầu X", "khánh thành Trường Y")
BUILD_STAGES = (
    "thi công", "khởi công", "khánh thành", "nghiệm thu", "bàn giao", "đưa vào sử dụng", "giải phóng mặt bằng",
    "hoàn thành",
)

# words that end a name (a new clause starts); lower case, matched at a word boundary
STOP_WORDS = (
    "để", "nhằm", "đảm bảo", "bảo đảm", "đã", "được", "đang", "sẽ", "cần", "phải", "chưa", "còn", "vẫn",
    "tiếp tục", "cơ bản", "đạt", "với tổng", "tổng vốn", "tổng mức", "theo hướng", "theo quy định",
    "theo kế hoạch", "theo hình thức", "theo phương thức", "theo tiến độ", "theo đúng", "nhân dịp", "lần thứ nhất",
    "trong tháng", "trong quý", "trong năm", "trong dịp", "trong đó", "trong thời gian", "tại các", "tại cơ sở",
    "đến từng", "so với", "so cùng kỳ", "hoàn thành", "khởi công", "đưa vào", "phần đầu", "phấn đấu", "hiện đang",
    "là", "nhất là", "xin ý kiến", "phù hợp", "có tính chất", "đồng thời", "góp phần", "thu hút", "hưởng ứng", "gắn với xây dựng nông thôn mới;",
    "tạo điều kiện", "kịp thời", "trước tháng", "chậm nhất", "do", "giữa", "gắn với thực hiện", "vì vậy", "như", "gồm", "bao gồm",
    "với chủ đề", "lần", "từ nay", "mà", "có tổng", "có vốn", "có khối lượng", "có kế hoạch", "chậm",
    "sau khi", "khi", "ngay", "trên cơ sở", "từ nguồn", "kể từ", "với doanh số", "giảm", "tăng",
    "làm cơ sở", "làm căn cứ", "trên diện rộng", "ước đạt", "ước giải ngân", "ước thực hiện", "ước tính",
)
# stop words that belong to a name when followed by these: "đạt chuẩn", "giảm nghèo", "lần thứ XIII"
STOP_UNLESS = (
    r"(?:đạt\s+(?:chuẩn|tiêu chí|tiêu chuẩn)|giảm\s+(?:nghèo|thiểu|nhẹ|phát thải|tổn thất)"
    r"|tăng\s+(?:trưởng|cường năng lực)|lần\s+thứ\s+[IVXL]+(?![\wÀ-ỹĐđ]))"
)
# a parenthesis opening with these is a remark after the name ("(đã được phê duyệt)", "(sau đây gọi là X)")
PAREN_REMARK = (
    "đã", "được", "sau đây", "gọi tắt", "viết tắt", "theo", "do", "là", "tại", "trong đó", "chi tiết",
    "có", "chưa", "đang", "kèm theo", "ban hành", "đi qua", "nối", "kết nối",
    "dài", "chiều dài", "quy mô", "diện tích", "tổng mức", "công suất", "chủ đầu tư",
)
# a programme body made only of these says which kind of plan, not which plan ("Kế hoạch thực hiện")
GENERIC_BODY = (
    "thực hiện", "triển khai", "tổ chức", "hoạt động", "tiếp tục", "duy trì", "công tác", "đầu tư công",
    "trung hạn", "quốc gia", "mục tiêu quốc gia", "mục tiêu", "hằng năm", "hàng năm", "chung", "cụ thể",
    "chi tiết", "và", "cả năm", "thi đua",
    # a school level names a curriculum ("hoàn thành chương trình tiểu học"), not a programme; a disbursement
    # plan is each investor's working paper
    "tiểu học", "trung học cơ sở", "trung học phổ thông", "mầm non", "giáo dục phổ thông", "giải ngân",
)
# shared stems of a plural list ("các Chương trình mục tiêu quốc gia về X, Y")
_GENERIC_STEMS = {"mục tiêu", "mục tiêu quốc gia", "quốc gia", "mục tiêu quốc gia về", "hành động", "hành động về"}
# plans that recur every year: without a year or period they name the kind, not one plan
NEEDS_PERIOD = ("phát triển kinh tế - xã hội", "phát triển kinh tế xã hội", "sử dụng đất")
# what may follow a period or a quoted title inside a name: another period, a vision, a place, an owner
AFTER_PERIOD = (
    "tầm nhìn", "định hướng", "nhiệm kỳ", "giai đoạn", "năm", "thời kỳ", "trên địa bàn", "của", "tại", "cấp",
    "tỉnh", "huyện", "thành phố", "thị xã", "xã", "phường", "quận", "thị trấn", "vùng", "khu vực", "đến năm",
    "lần thứ", "và năm",
)
# "chương trình" followed by these is an agenda or a show ("chương trình kỳ họp", "chương trình nghệ thuật")
EVENT_NOUNS = (
    "kỳ họp", "hội nghị", "nghị sự", "nghệ thuật", "văn nghệ", "giao lưu", "dâng hương", "làm việc",
    "truyền hình", "phát thanh", "lễ", "khai mạc", "bế mạc",
)
# fields of activity: "phong trào thể dục thể thao" names what people do, not a campaign
CAMPAIGN_FIELDS = (
    "thể dục thể thao", "văn hóa văn nghệ", "văn hoá văn nghệ", "văn nghệ", "lao động sáng tạo", "thi đua yêu nước",
    "học tập", "khởi nghiệp",
)
# words that open a new clause after "," / "và" / "hoặc"
CLAUSE_VERBS = (
    "tổ chức", "triển khai", "thực hiện", "đẩy mạnh", "đẩy nhanh", "tăng cường", "tập trung", "chỉ đạo",
    "hướng dẫn", "kiểm tra", "đôn đốc", "ban hành", "phê duyệt", "rà soát", "hoàn thiện", "chuẩn bị",
    "giải quyết", "xử lý", "phối hợp", "duy trì", "nâng cao", "tham mưu", "trình", "lập", "giao",
    "bố trí", "phân bổ", "giải ngân", "khánh thành", "khởi công", "thi công", "vận hành", "quản lý",
    "xây dựng", "phát động", "sơ kết", "tổng kết", "các", "những", "một số", "nhiều", "từng",
    "công tác", "nghiên cứu", "thông tin", "đề xuất", "ký", "hội nghị", "tạo", "chú trọng", "cải thiện",
    "báo cáo", "dự kiến", "đến nay", "hiện nay", "qua đó", "bước đầu", "có trách nhiệm", "chịu trách nhiệm",
    "hoàn thành trước", "hoàn thành trong", "gửi", "định kỳ",
)
# after a comma these open a document of another kind ("Kế hoạch ..., dự toán ngân sách ...")
COMMA_ITEMS = ("dự toán", "báo cáo", "tờ trình")
# after "thuộc": stop before these (the thing belongs to another named thing or a place)
BELONGS_STOP = ("địa phận", "địa bàn", "danh mục", "nguồn", "kế hoạch", "các", "cửa khẩu", "dự án", "tiểu dự án")
# agencies after "của" end a name ("Kế hoạch thực hiện ... của Chính phủ")
AGENCY_WORDS = (
    "chính phủ", "thủ tướng", "ubnd", "ủy ban", "uỷ ban", "hđnd", "hội đồng", "tỉnh ủy", "tỉnh uỷ",
    "ban thường vụ", "ban chấp hành", "bộ", "sở", "quốc hội", "trung ương", "ban chỉ đạo", "thanh tra",
)
# a lower-case programme head followed by these is not a name ("kế hoạch vốn", "đạt 28% kế hoạch năm")
GENERIC_AFTER = (
    "vốn", "năm", "và", "đã", "được", "đề ra", "giao", "chi tiết", "cụ thể", "của", "này", "đó", "trên",
    "theo", "trước", "so", "hằng", "hàng", "tháng", "quý", "số", "với", "liên quan", "đặt ra", "công tác",
    "hành động", "cho", "đối với", "tại", "hoặc", "là", "nhà nước", "đầu tư công", "ngân sách",
    "mục tiêu", "chung", "chi tiết", "phân khu", "đô thị", "tổng thể", "ngành", "xây dựng",
    "sử dụng đất", "tỉnh", "thi đua", "trọng điểm", "lớn", "mới", "khác", "các", "những", "một số",
    "y tế", "giáo dục", "phổ thông", "làm việc", "từ", "nguồn", "cả năm", "bổ sung", "học kỳ", "(",
)
# the first word of the name of a work is never one of these ("dự án trong nước", "dự án thuộc nguồn vốn")
FUNCTION_WORDS = {
    "và", "với", "trong", "thuộc", "của", "cho", "tại", "có", "đã", "được", "là", "các", "những", "theo",
    "từ", "về", "để", "nhằm", "trên", "đang", "sẽ", "hoàn", "chuyển", "khởi", "mới", "đủ", "vi", "sử",
    "bị", "chậm", "nhóm", "trọng", "lớn", "ngoài", "nguồn", "vốn", "không", "còn", "này", "đó", "hoặc",
}
# a project body opening with these names a kind of project ("dự án đầu tư công", "dự án kêu gọi đầu tư")
GENERIC_PROJECT_BODY = (
    "đầu tư công", "kêu gọi đầu tư", "thu hút đầu tư", "sử dụng vốn", "ngoài ngân sách", "khởi công mới",
    "chuyển tiếp", "đầu tư trực tiếp", "FDI", "ODA", "PPP", "BT", "BOT", "nhóm A", "nhóm B", "nhóm C",
)
# the first word of a plan's name is never one of these ("đề án để trình kỳ họp", "kế hoạch đã giao")
PROGRAMME_NOT_FIRST = {"để", "cho", "đã", "được", "đang", "sẽ", "là", "này", "đó", "và", "hoặc", "có", "không", "bị", "trình"}
# a work named right after these is an agency, not a work ("Ban Quản lý dự án ...")
BLOCK_BEFORE = ("ban quản lý", "quản lý", "ban ql", "ban qlda")
# ... unless more follows: "kế hoạch sử dụng đất 05 năm", "quy hoạch chi tiết xây dựng khu vực ..."
GENERIC_AFTER_ALONE = {
    "mục tiêu", "chung", "chi tiết", "phân khu", "đô thị", "tổng thể", "ngành", "xây dựng", "sử dụng đất",
    "tỉnh", "thi đua", "đầu tư công", "hành động", "công tác",
}
# quantifiers before a head make it generic unless a proper name follows ("các dự án trọng điểm")
PLURAL_BEFORE = ("các", "những", "một số", "mọi", "từng", "nhiều", "đợt", "các đợt")
# abbreviations expanded in canonical names
ABBREVIATIONS = {
    "QL": "Quốc lộ",
    "MTQG": "mục tiêu quốc gia",
    "CTMTQG": "Chương trình mục tiêu quốc gia",
    "KTCK": "kinh tế cửa khẩu",
    "KCN": "Khu công nghiệp",
    "CCN": "Cụm công nghiệp",
    "KĐT": "Khu đô thị",
    "TĐC": "tái định cư",
}
# openers of an enumerated list of works ("các dự án:", "dự án trọng điểm:", "như:")
LIST_OPENERS = ("dự án", "công trình")
MAX_WORDS = 45

# ----------------------------------------------------------------------------- compiled patterns
_W = r"[\wÀ-ỹĐđ]"
# capital letters only ("[À-Ỹ]" would also take the lower-case letters that lie between them)
_UP = "[A-ZĐ" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper()) + "]"
_LOW = "[a-zđ" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.islower()) + "]"
_RX: dict[str, re.Pattern] = {}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _rx() -> dict[str, re.Pattern]:
    """Compile once, at first use."""
    if _RX:
        return _RX
    heads = list(PROGRAMME_HEADS) + list(PROJECT_HEADS)
    # "QL1A": a road code may follow its abbreviation without a space
    _RX["head"] = re.compile(rf"(?<!{_W})(?:{_alt(heads)})(?:(?!{_W})|(?<=QL)(?=\d))", re.IGNORECASE)
    # the same heads over a lower-cased text: a case-sensitive search runs about 4x faster
    _RX["head_low"] = re.compile(rf"(?<!{_W})(?:{_alt(w.lower() for w in heads)})(?:(?!{_W})|(?<=ql)(?=\d))")
    # ... read as a trie without the lookbehind (`finditer_word_start` checks the start): ~3x faster again
    _RX["head_low_trie"] = re.compile(rf"{trie_alternation({w.lower() for w in heads})}(?:(?!{_W})|(?<=ql)(?=\d))")
    # a token: a word (with codes like ĐT.246, Km3+700, 1088/2-1089, 4B), a quoted span, or a punctuation mark
    _RX["tok"] = re.compile(
        r"“[^”\n]{1,200}”|\"[^\"\n]{1,200}\""
        r"|(?:ĐT|ĐH|QL|TL|DT|ĐX)\.?\s?\d+[A-Za-z]?"
        rf"|{_W}+(?:[./+\-]{_W}+)*"
        r"|\s+|."
    )
    _RX["stop"] = re.compile(rf"(?:{_alt(STOP_WORDS)})(?!{_W})", re.IGNORECASE)
    _RX["stop_ok"] = re.compile(STOP_UNLESS, re.IGNORECASE)
    _RX["paren_clause"] = re.compile(rf"\s*(?:{_alt(PAREN_REMARK)})(?!{_W})", re.IGNORECASE)
    _RX["generic_body"] = re.compile(
        rf"^(?:{_alt(_fold(w) for w in GENERIC_BODY)})(?!{_W})"
        rf"|^(?:năm|{_fold('giai đoạn')}|thời kỳ|quý|tháng)\s+[\d\s/\-–]+"
        rf"|^(?:trên địa bàn\s+)?(?:toàn\s+)?(?:tỉnh|huyện|thành phố|thị xã|xã|phường|thị trấn)(?:\s+\S+){{0,3}}$"
        rf"|^(?:của|cho|đối với)\s+(?:các|những)\s.*$"
        rf"|^(?:của|cho)\s+(?:tỉnh|huyện|thành phố|thị xã|xã|phường|quận|ngành|đơn vị|cơ quan)(?:\s+\S+){{0,3}}$")
    _RX["generic_word"] = re.compile(rf"^(?:{_alt(_fold(w) for w in GENERIC_BODY)})(?!{_W})\s*")
    _RX["needs_period"] = re.compile(
        rf"(?:{_alt(_fold(w) for w in NEEDS_PERIOD)})(?:\s+(?:\d+\s+tháng(?:\s+đầu năm|\s+cuối năm)?|cả năm|hằng năm|hàng năm|quý\s+(?:[ivx]+|\d)))?\s*$")
    _RX["period_before"] = re.compile(
        r"(?:năm|giai đoạn|thời kỳ|nhiệm kỳ|niên khóa|đến năm|\d{4}\s*[-–]|\d{4}\s*-\s*\d{4}\s*\()\s*$",
        re.IGNORECASE)
    _RX["after_close"] = re.compile(rf"(?:{_alt(AFTER_PERIOD)})(?!{_W})", re.IGNORECASE)
    _RX["kinds_before"] = re.compile(rf"(?<!{_W})(?:{_alt(PROGRAMME_HEADS)}|nghị quyết)\s*(?:,|và|hoặc|,\s*và)\s*$", re.IGNORECASE)
    _RX["in_agency"] = re.compile(r"(?<!\w)(?:Ban Quản lý|Ban QLDA|Ban QL)(?: dự án)?(?!\w)", re.IGNORECASE)
    _RX["generic_project"] = re.compile(rf"(?:{_alt(GENERIC_PROJECT_BODY)})(?!{_W})", re.IGNORECASE)
    _RX["event"] = re.compile(rf"(?:{_alt(EVENT_NOUNS)})(?!{_W})", re.IGNORECASE)
    _RX["campaign_field"] = re.compile(rf"(?:{_alt(CAMPAIGN_FIELDS)})(?!{_W})", re.IGNORECASE)
    _RX["clause"] = re.compile(rf"(?:{_alt(CLAUSE_VERBS)})(?!{_W})", re.IGNORECASE)
    _RX["head_at"] = re.compile(rf"(?:{_alt(heads)})(?!{_W})", re.IGNORECASE)
    _RX["belongs"] = re.compile(rf"(?:{_alt(BELONGS_STOP)})(?!{_W})|(?:{_alt(PROGRAMME_HEADS)})(?!{_W})", re.IGNORECASE)
    _RX["unit"] = re.compile(rf"\d+(?:[.,]\d+)*\s*(?:{_alt(UNITS)})(?!{_W})|\d+[.,]\d")
    _RX["pblock"] = re.compile(rf"(?:{_alt(PROGRAMME_BLOCK_BEFORE)})\s*$", re.IGNORECASE)
    _RX["ctx_left"] = re.compile(
        rf"(?:(?<!{_W})(?:dự án|hạng mục|công trình|{_alt(WORK_VERBS)}|{_alt(BUILD_STAGES)})|[;:]|\(\d{{1,2}}\)|^)\s*$",
        re.IGNORECASE)
    _RX["top_agency"] = re.compile(r"(?:Thủ tướng|Chính phủ|UBND|HĐND|Tỉnh ủy|Tỉnh uỷ|Quốc hội)(?!\w)")
    _RX["agency"] = re.compile(rf"(?:{_alt(AGENCY_WORDS)})(?!{_W})", re.IGNORECASE)
    _RX["generic"] = re.compile(rf"(?:{_alt(GENERIC_AFTER)})(?!{_W})", re.IGNORECASE)
    _RX["plural"] = re.compile(rf"(?<!{_W})(?:{_alt(PLURAL_BEFORE)}|\d+)\s+$", re.IGNORECASE)
    _RX["verbs_left"] = re.compile(rf"(?:(?:{_alt(WORK_VERBS)})(?:,?\s+|\s*$))+$", re.IGNORECASE)
    _RX["verbs_right"] = re.compile(rf"(?:(?:{_alt(WORK_VERBS)})(?:,?\s+))+", re.IGNORECASE)
    _RX["abbr"] = re.compile(rf"(?<!{_W})(?:{_alt(ABBREVIATIONS)})(?=\d|(?!{_W}))")
    _RX["number"] = re.compile(r"\d+[\w/\-.+]*")
    _RX["year"] = re.compile(r"^(?:19|20)\d\d(?:\s*-\s*(?:19|20)\d\d)?$")
    _RX["date"] = re.compile(r"ngày\s+\d", re.IGNORECASE)
    _RX["enum"] = re.compile(r"\(\d{1,2}\)\s*")
    _RX["opener"] = re.compile(
        rf"(?<!{_W})(?:(?:{_alt(PLURAL_BEFORE)}|\d+)\s+)?(?:{_alt(LIST_OPENERS)})(?!{_W})(?:\s+[a-zà-ỹđA-Z]{_W}*){{0,10}}?\s*:\s*"
        rf"|(?<!{_W})các\s+(?:{_alt(LIST_OPENERS)})\s*\("
        # "nhiều dự án hạ tầng như Metro X, cao tốc Y": "như" without a colon, before a capitalised item
        rf"|(?<!{_W})(?:{_alt(LIST_OPENERS)})(?!{_W})(?:\s+{_LOW}{_W}*){{0,6}}?\s+như\s+(?={_UP})")
    _RX["block"] = re.compile(rf"(?<!{_W})(?:{_alt(BLOCK_BEFORE)})\s+$", re.IGNORECASE)
    _RX["qual_tail"] = re.compile(
        rf"(?:,?\s+(?:trên địa bàn(?: toàn)?(?: tỉnh| huyện| thành phố)?|tỉnh|huyện|thành phố)(?:\s+{_UP}\w*)*"
        r"|\s+năm\s+\d{4}|\s+giai đoạn\s+\d{4}\s*-\s*\d{4})+$")
    return _RX


# ----------------------------------------------------------------------------- helpers
@lru_cache(maxsize=8192)
def _fold(s: str) -> str:
    return tone_fold(unicodedata.normalize("NFC", s)).lower()


def _is_cap(tok: str) -> bool:
    return bool(tok) and (tok[0].isupper() or tok[0].isdigit())


def _has_name(body: str) -> bool:
    """A capitalised word or a code/number that is not a year."""
    for w in re.findall(r"[^\s,;:()“”\"]+", body):
        if w[0].isupper() and w.lower() not in ("covid-19",):
            return True
        if w[0].isdigit() and not _rx()["year"].match(w) and not re.fullmatch(r"\d{1,2}/\d{4}", w):
            return True
    return False


def _has_capital(body: str) -> bool:
    """A capitalised word in the body (a proper name or an acronym)."""
    return any(w[0].isupper() for w in re.findall(r"[^\s,;:()“”\"]+", body))


_EACH = re.compile(r"(?<![\wÀ-ỹĐđ])từng(?![\wÀ-ỹĐđ])")
_SCALE = re.compile(r"(?:theo\s+)?tỷ lệ\s+1\s*/\s*[\d.]+")


@lru_cache(maxsize=4096)
def _generic_body(body: str, plural: bool = False) -> bool:
    """A programme body made only of generic words and qualifiers ("thực hiện", "đầu tư công trung hạn",
    "mục tiêu quốc gia", "trên địa bàn tỉnh", "năm 2025"): it says which kind of plan, not which plan.
    A span of years ("giai đoạn 2016 - 2020") makes one plan of a kind, unless several are meant."""
    rx = _rx()
    body = rx["abbr"].sub(lambda m: ABBREVIATIONS[m.group(0)], body).lower()  # "MTQG" is "mục tiêu quốc gia"
    if _EACH.search(body):
        return True  # "kế hoạch giải ngân chi tiết theo từng tháng cho từng dự án": one of each, none named
    body = _SCALE.sub(" ", body)  # "quy hoạch chi tiết tỷ lệ 1/500": a scale
    if re.search(r"(?:giai đoạn|thời kỳ)\s+\d{4}\s*[-–]\s*\d{4}", body) and not plural:
        return False
    rest = _fold(re.sub(r"\s+(?:năm|giai đoạn|thời kỳ)\s+[\d\s/\-–]+$", "", body))
    prev = None
    while rest and rest != prev:
        prev = rest
        rest = rx["generic_body"].sub("", rest).strip(" ,-–")
    return not rest


@lru_cache(maxsize=4096)
def _strip_generic(body: str) -> str:
    """The body without the generic words that open it ("triển khai thực hiện các nội dung" -> "các nội dung")."""
    rest, prev = _fold(body), None
    while rest != prev:
        prev = rest
        rest = _rx()["generic_word"].sub("", rest)
    return rest


_WORD = re.compile(rf"{_W}+")  # compiled here: words are counted ~10^3 times a document
_WORD_CHAR = re.compile(_W)


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


class _Span:
    __slots__ = ("body_start", "cat", "end", "head", "head_start", "kind", "start")

    def __init__(self, cat, kind, start, end, body_start, head, head_start):
        self.cat, self.kind, self.start, self.end, self.body_start, self.head = cat, kind, start, end, body_start, head
        self.head_start = head_start


_PLACE_RX = re.compile(r"(?:huyện|xã|tỉnh|thành phố|phường|thị trấn|thị xã|thôn|bản|khối|tổ dân phố|quận)\s", re.IGNORECASE)


def _same_head(head: str, rest: str) -> bool:
    """The text after "," / "và" opens with the first word of this work's head ("khu ... và khu ...")."""
    first = head.split()[0]
    return len(head.split()) > 1 and _fold(rest[: len(first) + 1]) == _fold(first) + " "


# ----------------------------------------------------------------------------- extension to the right
_NAMED_PLACE_END = re.compile(rf"(?:tỉnh|huyện|thành phố|thị xã|thị trấn|xã|phường|quận)\s+{_UP}{_W}*(?:\s+{_UP}{_W}*)*$")


_WORK_NOUN_NEXT = re.compile(rf"(?:{_alt(WORK_NOUNS)})\s+{_LOW}")


def _extend(text: str, pos: int, limit: int, cat: str, head: str) -> int:
    """End offset of a name whose body starts at `pos` (just after the head)."""
    rx = _rx()
    end = pos  # end of the last accepted token
    nwords = 0
    i = pos
    last_word = ""
    capitals = 0  # capitalised words after the first one
    titled = False  # "Dự án 2: <title>": only punctuation ends the title
    places = 0  # ", huyện X" qualifiers read so far
    after_number_ref = False
    closed = False  # a period ("giai đoạn 2021 - 2025") or a quoted title was read: only qualifiers may follow
    token_at, stop_at, stop_ok_at, after_close_at = rx["tok"].match, rx["stop"].match, rx["stop_ok"].match, rx["after_close"].match
    programme = cat == "programme"
    while i < limit:
        if text[i] == " ":
            i += 1  # a space between words (a run of spaces that holds a line break ends the name, below)
            continue
        m = token_at(text, i)
        if not m:
            break
        tok = m.group()
        j = m.end()
        if tok.isspace():
            if "\n" in tok:
                break
            i = j
            continue
        c = tok[0]
        if nwords == 0 and not (c.isalnum() or c in "“\"" or (c == "(" and cat == "project")):
            break
        if closed and (c.isalpha() or c in "“\"") and tok not in ("và", "hoặc") and not after_close_at(text, i):
            break  # "... giai đoạn 2016 - 2020 vốn ngân sách", "Phong trào “X” trong đầu tư ...": a new phrase
        if c in "“\"":
            end = j
            nwords += len(_words(tok))
            i = j
            closed = nwords > 1 or bool(_words(text[pos:m.start()]))
            continue
        if c == "(":
            close = text.find(")", j, min(limit, j + 120))
            if close < 0:
                break
            inner = text[j:close]
            if "(" in inner or ";" in inner or rx["paren_clause"].match(inner) or _repeats_head(inner, head):
                break  # "(đã được phê duyệt ...)", "(sau đây gọi là ...)": a remark, not the name
            end = close + 1
            i = close + 1
            continue
        if c == ")":
            break
        if c in ".;!?…:|":
            # "Dự án 2: Quy hoạch ..." - a numbered sub-project with its title
            if c == ":" and cat == "project" and nwords == 1 and last_word.isdigit():
                titled = True
                i = j
                continue
            break
        if c in ",–-" or tok in ("và", "hoặc"):
            k = j
            while k < limit and text[k] == " ":
                k += 1
            rest = text[k:k + 60]
            if not rest or rest[0] in "\n;.:)":
                break
            if closed and c == "," and not rx["after_close"].match(rest):
                break  # "... đến năm 2025, thúc đẩy ...": the name ended with its period
            if c in "–-":
                # "kinh tế - xã hội", "Bắc Giang - Lạng Sơn", "2021 - 2025": joins words; "Ban X - chủ đầu tư công
                # trình A - đôn đốc nhà thầu ...": a spaced dash before what a body must do closes the work's name
                if rest[0] in ",(" or k > j and text[i - 1:i] == " " and rx["clause"].match(rest):
                    break
                i = k
                continue
            if titled:
                i = k
                continue
            if rx["head_at"].match(rest) or (rx["stop"].match(rest) and not rx["stop_ok"].match(rest)):
                # "và các dự án khác": stop; ", Khu tái định cư X": new item
                break
            if c == "," and rest.lower().startswith(COMMA_ITEMS):
                break
            if (tok == "và" and cat == "project" and last_word[:1].islower()
                    and _WORK_NOUN_NEXT.match(rest)):
                i = k  # "Hệ thống thoát nước và xử lý nước thải": one work of two functions
                continue
            if c == "," and re.match(r"(?:gửi|định kỳ)\s", rest):
                break  # "kế hoạch giải ngân, gửi Sở Tài chính": where it goes, a clause of its own
            if rx["clause"].match(rest) and not (c == "," and nwords <= 2 and capitals == 0):
                # ", đảm bảo ..." ends the name, but "Kế hoạch thanh tra, kiểm tra" lists two nouns
                break
            if tok == "và" and cat == "programme" and (rest[0] in "“\"" or (_is_cap(rest) and not rest.startswith("Nghị quyết"))):
                break
            if tok == "và" and re.match(r"[A-ZĐ][\wÀ-ỹ]*(?:\s[\wÀ-ỹ]+)?\s+số\s+\d", rest):
                break  # "... năm 2023 và Nghị quyết số 12/NQ-HĐND": a directive of its own
            if rest[0].isdigit() and last_word.isdigit():
                break  # "Hợp Thành 1, 2": expanded later
            if c == "," and _is_cap(rest) and not rest[0].isdigit():
                break  # ", Khu tái định cư X": a new item
            if c == "," and cat == "project" and capitals > 0 and not re.match(
                    r"(?:huyện|xã|tỉnh|thành phố|phường|thị trấn|thị xã|giai đoạn|đoạn|tuyến|nhánh|khu vực)(?!\w)", rest):
                break  # "Nhà máy X (Kỳ Cùng 6), lũy kế ...": the name is complete
            if c == "," and cat == "project" and places and _PLACE_RX.match(rest):
                break  # "Nhà văn hóa khối 2, phường X, thành phố Y": one place says where, the next is the address
            if cat == "project" and _same_head(head, rest):
                break  # "khu liên hiệp thể thao và khu giáo dục ...": a second work of the same kind
            if c == "," and _PLACE_RX.match(rest):
                places += 1
            i = k
            continue
        # a word
        low = tok.lower()
        if not titled and nwords > 0:
            if _may_stop(text[i:i + 2]) and stop_at(text, i) and not (stop_ok_at(text, i) and not (
                    cat == "project" and low == "đạt")):
                break  # "Trường THCS X đạt chuẩn quốc gia": the standard a work is built to, not its name
            if (programme and c in _TOP_AGENCY_FIRST and rx["top_agency"].match(tok)
                    and not text[max(0, i - 5):i].strip().endswith("của")):
                break
            if low in _CLAUSE_WORDS:  # (most words are none of these)
                if cat == "project" and low == "tại" and _NAMED_PLACE_END.search(text, pos, end):
                    break  # "Trung tâm ... tỉnh X tại huyện Y": the name has its place, "tại" says where it is built
                k = j
                while k < limit and text[k] == " ":
                    k += 1
                if cat == "project" and low == "cho" and capitals > 0 and last_word[:1].isupper() and (
                        _PLACE_RX.match(text, k) or text[k:k + 1].isupper()):
                    break  # "Bàn giao Trường Mầm non X cho xã Y": after its proper name, to whom it is handed
                if low == "thuộc" and rx["belongs"].match(text, k):
                    break
                if low == "của":
                    body = text[pos:end].strip().lower()
                    # "Đề án 06 của Chính phủ về ...": the issuer sits inside the name when "về" follows it
                    owned = re.match(r"[^\n,;.:()|]{0,60}?\svề\s", text[k:limit])
                    if rx["agency"].match(text, k) and body not in ("hành động",) and not owned:
                        break
                    if re.match(r"\d+\s", text[k:k + 8]):
                        break  # "... của 02 huyện": whose, not which
                if low == "từ" and text[k:k + 1].isdigit() and not re.match(
                        r"\d+\s*(?:đến|-|–)\s*(?:dưới\s+)?\d+\s+(?:tuổi|tháng tuổi)", text[k:k + 30]):
                    break  # "... từ 2021", "từ 100 triệu": a figure; "từ 05 đến dưới 12 tuổi" names who
                if low == "ngày" and rx["date"].match(text, i):
                    break
                if low in ("có", "gồm") and text[k:k + 1].isdigit():
                    break  # "Chương trình OCOP có 35 sản phẩm": a figure about it
                if cat == "project" and low == "đến" and re.match(r"\s+năm\s+\d{4}", text[j:j + 12]):
                    break  # "Khu du lịch X đến năm 2030": the period of a plan for it, not the work's name
                if cat == "project" and (low == "theo" or (low == "trước" and re.match(r"\s+(?:ngày|tháng|quý|năm)\b", text[j:j + 8]))):
                    break  # "CCN X theo chỉ đạo của ...", "... trước ngày 30/9": the clause goes on, the name does not
                if low == "trên" and text.startswith(" địa bàn", j) and cat == "project":
                    break  # a work's name does not say where it is built ("Khu công nghiệp X trên địa bàn huyện")
                if low == "trên" and text.startswith(" địa bàn", j) and re.fullmatch(r"\d+", text[pos:end].strip()):
                    break  # "Đề án 06 trên địa bàn huyện": the short form, used where it is carried out
                if low == "trên" and text.startswith(" địa bàn", j):
                    # keep "trên địa bàn tỉnh/huyện [Name]" at the end of a name, not a new clause
                    mm = re.match(rf" địa bàn(?: (?:tỉnh|huyện|thành phố|thị xã|xã|toàn tỉnh)(?: {_UP}{_W}*)*)?(?=[\s,.;:)]|$)", text[j:limit])
                    if not mm:
                        break
                    end = j + mm.end()
                    i = end
                    nwords += 3
                    closed = True  # "... trên địa bàn tỉnh đi vào chiều sâu": the place ends the name
                    continue
        if c.isdigit() and rx["unit"].match(text, i) and nwords > 0:
            break
        if after_number_ref:
            break
        if low == "số" and re.match(r"\s+\d+[/\-]", text[j:j + 12]):
            # "Kế hoạch thực hiện Nghị quyết số 02/NQ-CP": keep the number, stop after it
            # ("Trường Tiểu học số 2 Nam Lý" goes on: a plain number is part of the name)
            mm = re.match(r"\s+\d[\w/\-.Đđ]*(?<!\.)", text[j:limit])  # not the full stop after it
            if mm:
                end = j + mm.end()
                i = end
                nwords += 2
                after_number_ref = True
                continue
        if nwords > 0 and c.isupper():
            capitals += 1
        end = j
        nwords += 1
        last_word = tok
        closed = (tok.startswith(("19", "20")) and bool(rx["year"].match(tok))
                  and bool(rx["period_before"].search(text, max(pos, i - 40), i)))
        i = j
        if nwords >= MAX_WORDS:
            break
    # trailing connectors never end a name
    s = text[pos:end]
    if not s.rstrip().endswith(_TRAILING_ENDS):  # the end-anchored pattern would try every position of s
        return pos + len(s)
    return pos + len(_TRAILING.sub("", s))


# the letters the names of the top bodies open with (`top_agency`, case-sensitive): a pre-test
_TOP_AGENCY_FIRST = frozenset("TCUHQ")
# the words after which `_extend` looks at what follows to decide whether the name goes on
_CLAUSE_WORDS = frozenset(("tại", "cho", "thuộc", "của", "từ", "ngày", "có", "gồm", "đến", "theo", "trước", "trên"))
_TRAILING_WORDS = ("và", "của", "về", "với", "cho", "tại", "theo", "trên", "hoặc", "các", "thuộc", "đoạn", "từ", "đến", "vào")
_TRAILING = re.compile(rf"(?:\s*[,\-–]|\s+(?:{'|'.join(_TRAILING_WORDS)}))+\s*$")
_TRAILING_ENDS = (",", "-", "–", *_TRAILING_WORDS)


@lru_cache(maxsize=4096)
def _may_stop(two: str) -> bool:
    """Whether a stop word can start with these two characters (as the case-insensitive stop pattern reads them:
    the engine itself compares them)."""
    return re.match(_alt({w[:2] for w in STOP_WORDS}), two, re.IGNORECASE) is not None


# ----------------------------------------------------------------------------- the scan
def _left_verbs(text: str, head_start: int) -> int:
    """Start of a construction-verb phrase right before a head, when it opens an item."""
    rx = _rx()
    lo = max(0, head_start - 60)
    window = text[lo:head_start]
    # the phrase ends the window ("xây dựng ", "nâng cấp, "): without a verb's last word there, no phrase
    # (an end-anchored search tries every start in the window)
    tail = window.rstrip()
    if not tail.removesuffix(",").lower().endswith(_VERB_TAILS):
        return head_start
    m = rx["verbs_left"].search(window)
    if not m or m.start() == m.end():
        return head_start
    s = lo + m.start()
    before = text[max(0, s - 12):s].rstrip(" ")
    if not before or before[-1] in ";:(\n." or re.search(r"(?:^|\s)(?:dự án|Dự án)$", before) or re.search(r"\(\d{1,2}\)$", before):
        return s
    return head_start


def _inside_agency(text: str, start: int) -> bool:
    """'Ban Quản lý dự án đầu tư xây dựng công trình ...': the head sits in a body's name (a few lower-case
    words after 'Ban Quản lý', no verb between), not in a work's."""
    lo = max(0, start - 70)
    if "ban" not in text[lo:start].lower():
        return False  # every match opens with "Ban"
    m = None
    for m in _rx()["in_agency"].finditer(text, lo, start):
        pass  # the nearest one
    if not m:
        return False
    between = text[m.end():start].split()
    return (len(between) <= 6 and all(w.islower() for w in between)
            and not any(_rx()["clause"].fullmatch(w) or w in ("làm", "là") for w in between))


# a document kind with nothing that says which one ("... thực hiện Nghị quyết", "... Chỉ thị này")
_BARE_KIND = re.compile(r"(?:nghị quyết|chỉ thị|kết luận|quyết định|nghị định|thông tư|công văn|luật|chương trình|đề án"
                        r"|kế hoạch)(?:\s+(?:này|trên|nói trên|đó|đã nêu|của\s+(?:tỉnh|huyện|thành phố)))?")
# a plan's name followed by its figure: "Kế hoạch trồng rừng năm 2024 là 1.200 ha", "... : 350 ha", "... giao 12 tỷ"
_PLAN_FIGURE = re.compile(r"\s*(?:là|:|=|(?:được\s+)?giao|đề ra|đặt ra)\s*(?:là\s+)?\d", re.IGNORECASE)


# End-anchored patterns searched in a short window before a head try every start in it: each is tried only when
# the window ends, once the spaces are set aside, with what every match of it ends with (lower-cased, as the
# case-blind patterns read the letters they hold).
_PLURAL_ENDS = ("các", "những", "số", "mọi", "từng", "nhiều", "đợt")  # PLURAL_BEFORE, by their last words
_BLOCK_ENDS = ("lý", "ql", "qlda")  # BLOCK_BEFORE
_PBLOCK_ENDS = ("tiêu", "với", "vượt", "mức", "đạt", "bằng", "%", "vốn")  # PROGRAMME_BLOCK_BEFORE
_KINDS_ENDS = (",", "và", "hoặc")  # the separators of a list of kinds of plans
_CTX_ENDS = ("dự án", "hạng mục", "công trình", *WORK_VERBS, *BUILD_STAGES, ";", ":", ")")


def _ends_with(window: str, endings: tuple[str, ...]) -> bool:
    """Whether a case-blind pattern ending with one of `endings` (then spaces) may match at the window's end.
    The engine also takes "ſ" for "s" and "ı", "İ" for "i", which lower-casing does not: a window holding one
    is always tried."""
    tail = window.rstrip().lower()
    return tail.endswith(endings) or "ſ" in tail or "ı" in tail or "\u0307" in tail


def _plural_before(before: str) -> bool:
    """'các ', '03 ' before a head (the `plural` pattern, tried when the window ends as it may)."""
    if not before[-1:].isspace():
        return False
    tail = before.rstrip()
    return (tail[-1:].isdigit() or _ends_with(tail, _PLURAL_ENDS)) and bool(_rx()["plural"].search(before))


def _in_work_context(text: str, sp: _Span, head_low: str, prev_end: int | None) -> bool:
    """A verb of building or a list of works before the head: "xây dựng cầu X", "dự án Trường Y", "(1) Quốc lộ 4B"."""
    left = text[max(0, sp.head_start - 30):sp.head_start]
    if sp.start < sp.head_start or (
            (not left.strip() or _ends_with(left, _CTX_ENDS)) and _rx()["ctx_left"].search(left)):
        return True
    # the next item of a list of works: "hoàn thành Cầu X, Trường Y và Công viên Z"
    return (prev_end is not None and head_low not in ROAD_HEADS
            and re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", text[prev_end:sp.head_start]) is not None)


def _refused_before_name(text: str, sp: _Span, head_low: str, prev_end: int | None) -> bool:
    """Whether what precedes a head refuses it, whatever name follows. Tried before the name is read: most heads
    are refused here ("môi trường", "yêu cầu", "Ban Quản lý dự án ...")."""
    rx = _rx()
    if text[sp.head_start - 1:sp.head_start] in "-–" and sp.head_start > 0:
        return True  # "Đông Bắc-Tiểu dự án ...": part of another name
    before = text[max(0, sp.start - 12):sp.start]
    if sp.cat == "programme":
        lo = max(0, sp.head_start - 40)
        if (_ends_with(text[lo:sp.head_start], _KINDS_ENDS)
                and rx["kinds_before"].search(text, lo, sp.head_start)):
            return True  # "các kế hoạch, chương trình, đề án của UBND tỉnh về ...": kinds of documents, not one
        if _ends_with(before, _PBLOCK_ENDS) and rx["pblock"].search(before):
            return True
        return head_low == "cao điểm" and (_plural_before(before) or bool(re.search(r"đợt\s+$", before)))
    if PROJECT_HEADS.get(head_low) == "never":
        return True
    block = text[max(0, sp.start - 16):sp.start]
    if (block[-1:].isspace() and _ends_with(block, _BLOCK_ENDS) and rx["block"].search(block)) or _inside_agency(
            text, sp.start):
        # "Ban Quản lý dự án đầu tư xây dựng công trình giao thông": a body's name, not a work
        return True
    capital = text[sp.head_start].isupper()
    if head_low in CAPITAL_ALWAYS and not capital:
        return True
    if (head_low in CAPITAL_ONLY and not capital) or head_low in WORK_CONTEXT_ONLY:
        return not _in_work_context(text, sp, head_low, prev_end)
    return False


_NUMBERED_DOC = re.compile(rf"(?:{_LOW}{_W}*\s+){{1,3}}số\s+\d+[/\-]")  # "hành động số 09-CTr/HU"
_ACTION_OPEN = re.compile(r"^hành động\s+")
_STAGE_BEFORE = re.compile(rf"(?<!{_W})(?:{_alt(BUILD_STAGES)})\s+$", re.IGNORECASE)


_FIRST_AFTER = re.compile(r"\s*")


def _work_refused_by_first_word(text: str, sp: _Span, head_low: str) -> bool:
    """Whether the word after a work's head refuses it, whatever follows: what `_accept` refuses by the first word
    of the name ("các dự án trọng điểm", "dự án trong nước"), told before the name is read. The name opens at that
    word, or is empty (refused too, but for a head that is a name alone: "Khu phi thuế quan")."""
    k = _FIRST_AFTER.match(text, sp.body_start).end()
    ch = text[k:k + 1]
    if _plural_before(text[max(0, sp.start - 12):sp.start]):
        return not (ch.isupper() or ch == "“")  # a set of works, unless a proper name follows
    if PROJECT_HEADS.get(head_low, "named") == "any0":
        return False
    m = _WORD.match(text, k)
    return m is not None and m.group().lower() in FUNCTION_WORDS


# the patterns `_accept` reads a name with, compiled once
_NUMBER_NEXT = re.compile(r"số\s+\d")
_CONTENTS_NEXT = re.compile(r"(?:với|gồm|bao gồm|theo)\s+(?:các|những|\d+)\s")
_YEARLY_KIND = re.compile(r"(?:chương trình|đề án|kế hoạch|nghị quyết|quy hoạch|chỉ thị|kết luận)"
                          r"\s+(?:hằng|hàng)\s+năm\s*$")
_OWNER_ABOUT = re.compile(r"của\s+(?:\S+\s+){1,6}?(?:về|triển khai|thực hiện)\s+\S")
_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")
_OWN_EACH = re.compile(r"(?<!\w)mình$")
_SET_AFTER = re.compile(r"^(?:\S+\s+){1,4}(?:các|những|\d+(?!\s+năm))\s")
_SET_ONLY = re.compile(r"(?:các|những)(?:\s+\S+){1,4}")
_REPORT_SPAN = re.compile(r"(?:kinh tế\s*-\s*xã hội|kinh tế xã hội)\s+(?:\d+\s+tháng|quý\s)")
_DIGIT = re.compile(r"\d")
_ROAD_PART = re.compile(r"\(|đoạn|Km")
_SCHOOLING = re.compile(r"học(?!\w)")
_DIGITS_ONLY = re.compile(r"\d+")
_BELONGS_END = re.compile(r"thuộc\s*$")


def _accept(text: str, sp: _Span, head_low: str, prev_end: int | None = None) -> bool:
    """Whether the name read after a head names one project or programme (`_refused_before_name` said no first)."""
    rx = _rx()
    body = text[sp.body_start:sp.end].strip()
    words = _words(body)
    before = text[max(0, sp.start - 12):sp.start]
    plural = _plural_before(before)
    if sp.cat == "programme":
        if not words or words[0].lower() in PROGRAMME_NOT_FIRST:
            return False  # "đề án để trình kỳ họp": the head word used as a common noun
        if body[:1].isdigit() and head_low not in ("đề án", "chương trình"):
            return False
        if body.lower().startswith("số ") or _NUMBER_NEXT.match(body):
            return False
        if _NUMBERED_DOC.match(body):
            return False  # "Chương trình hành động số 09-CTr/HU": a numbered document (a directive), not a programme
        rest_g = _strip_generic(body)
        if _CONTENTS_NEXT.match(rest_g) or _YEARLY_KIND.match(rest_g):
            return False  # "Kế hoạch thực hiện với các nội dung sau", "Kế hoạch triển khai Đề án hằng năm": no name
        if _BARE_KIND.fullmatch(_strip_generic(_ACTION_OPEN.sub("", rest_g))):
            return False  # "Kế hoạch thực hiện Nghị quyết", "Chương trình hành động thực hiện Nghị quyết": which one is unsaid
        gm = rx["generic"].match(body)
        # "Kế hoạch của UBND tỉnh về phòng, chống thiên tai": an issuer, then what the plan is about
        owned = _OWNER_ABOUT.match(body) and rx["agency"].match(body, 4)
        if gm and not owned:
            rest = body[gm.end():].strip(" ,")
            g = gm.group(0).lower()
            if g not in GENERIC_AFTER_ALONE or len(_words(rest)) < 2 or body[gm.end():].lstrip().startswith(","):
                return False
        if len(words) < 2 and not _has_name(body) and not body.startswith("“"):
            return False
        if plural and not (_has_capital(body) or _YEAR_IN.search(body) or body.startswith(("“", '"'))
                           or len(_distribute(text, sp)) > 1):
            return False  # "các Đề án chống thất thu", "01 Đề án đóng cửa mỏ": a set or a count, not one named plan
        if _generic_body(body, plural) or ("mình" in body and _OWN_EACH.search(body)):
            return False  # ... or "kế hoạch công tác của ngành, địa phương mình": each body's own plan
        if ((not text[sp.head_start].isupper() and not _YEAR_IN.search(body) and not _has_capital(body)
                and _SET_AFTER.search(body))
                or (_SET_ONLY.fullmatch(rest_g) and not _has_capital(body))):
            return False  # "quy hoạch chi tiết các phường", "kế hoạch triển khai đối với 56 dự án": plans of a set
        folded = _fold(body)
        if not _YEAR_IN.search(body) and rx["needs_period"].match(folded):
            return False  # "kế hoạch phát triển kinh tế - xã hội" with no year: the yearly plan in general
        if _REPORT_SPAN.search(folded):
            return False  # "... kế hoạch phát triển kinh tế - xã hội 9 tháng đầu năm 2024": a report's span, no plan
        if head_low == "kế hoạch" and _PLAN_FIGURE.match(text, sp.end):
            return False  # "Kế hoạch trồng rừng năm 2024 là 1.200 ha": the figure planned, not a named plan
        if (head_low == "quy hoạch" and not text[sp.head_start].isupper() and not _has_capital(body)
                and not _DIGIT.search(body) and not body.startswith(("“", '"'))):
            return False  # "rà soát quy hoạch ba loại rừng": planning as an activity; a named one has a place or period
        if head_low == "chương trình" and rx["event"].match(body):
            return False  # "chương trình kỳ họp", "chương trình nghệ thuật": an agenda or a show, not a programme
        if head_low == "phong trào" and rx["campaign_field"].match(body.replace(",", "")):
            return False  # "phong trào thể dục thể thao quần chúng": a field of activity, not a named campaign
        head_txt = text[sp.start:sp.body_start]
        return head_txt[:1].isupper() or len(words) >= 2
    need = PROJECT_HEADS.get(head_low, "named")
    if need == "cap" and head_low in CAPITAL_ONLY and text[sp.head_start].isupper() and _STAGE_BEFORE.search(
            text[max(0, sp.head_start - 30):sp.head_start]):
        need = "named"  # "khởi công Công viên văn hóa X": a work being built, its name may open in lower case
    if (head_low in ROAD_HEADS and not _ROAD_PART.search(body)
            and not _in_work_context(text, sp, head_low, prev_end)):
        return False
    if head_low == "trường" and _SCHOOLING.match(body):
        return False  # "Trường học trực tuyến X": schooling, not a school building
    if _DIGITS_ONLY.fullmatch(body) and head_low not in ("dự án thành phần",):
        return False  # "tiểu dự án 2", "Dự án 8": a component without its title
    if not words:
        return need == "any0" and not plural
    first = body[:1]
    first_word = words[0].lower()
    if first_word in FUNCTION_WORDS or rx["generic_project"].match(body):
        return False  # "dự án đầu tư công năm 2024", "dự án kêu gọi đầu tư": a kind of project, not one
    if plural and not (first.isupper() and not words[0].isupper()) and first != "“":
        return False  # "các dự án trọng điểm", "02 dự án PPP": generic unless a proper name follows
    if need == "cap":
        if not (first.isupper() or first in "“\"(" or _NUMBER_NEXT.match(body)):
            return False  # "Cầu Kỳ Cùng", "Cầu số 4"
    elif need == "code":
        if not (first.isupper() or first.isdigit()):
            return False
    elif need == "named":
        # one project described by what it does, with a place or a name in it ("dự án sản xuất rau an toàn
        # tại thôn X", "dự án thay thế đèn chiếu sáng bằng đèn LED"): singular, and long enough to be a title
        # (not after "thuộc": "dự án thành phần 2 thuộc dự án X" names the component, X is where it belongs)
        described = (head_low == "dự án" and not plural and len(words) >= 6 and _has_name(body)
                     and not rx["clause"].match(body) and not rx["stop"].match(body)
                     and not _BELONGS_END.search(before))
        if not _has_name(" ".join(words[:10])) and not described:
            return False
        # lower case: must describe a work ("dự án cải tạo, nâng cấp Quốc lộ 4B", "dự án đường cao tốc ...")
        hm = rx["head_at"].match(body)
        describes_work = rx["verbs_right"].match(body + " ") or (hm and hm.group(0).lower() in PROJECT_HEADS)
        if head_low in ("dự án", "công trình") and not (first.isupper() or first in "“\"" or first.isdigit()) \
                and not describes_work and not described:
            return False
    return True


def _heads(text: str):
    rx = _rx()
    low = lowered(text)
    # spans of the lower-cased text are the text's own when lower-casing kept every character one character
    found = (finditer_word_start(rx["head_low_trie"], low, _WORD_CHAR) if low is not None
             else rx["head"].finditer(text))
    for m in found:
        low = m.group(0).lower()
        if low in PROGRAMME_HEADS:
            yield m, "programme", PROGRAMME_HEADS[low], low
        else:
            yield m, "project", None, low


def _line_end(text: str, pos: int) -> int:
    e = text.find("\n", pos)
    return len(text) if e < 0 else e


def _scan(text: str) -> list[_Span]:
    rx = _rx()
    spans: list[_Span] = []
    line_end_cache = (-1, -1)
    for m, cat, kind, low in _heads(text):
        hs, he = m.span()
        if line_end_cache[0] <= hs < line_end_cache[1]:
            limit = line_end_cache[1]
        else:
            limit = _line_end(text, hs)
            ls = text.rfind("\n", 0, hs) + 1
            line_end_cache = (ls, limit)
        # heads inside a name just read: skip those that open its body ("dự án Cầu Kỳ Cùng")
        if spans and hs < spans[-1].end:
            prev = spans[-1]
            gap = text[prev.body_start:hs]
            if not gap.strip() or rx["verbs_right"].fullmatch(gap):
                continue
            if prev.cat == "project" and cat == "project" and low not in COMPLEX_HEADS:
                continue
        start = _left_verbs(text, hs) if cat == "project" else hs
        sp = _Span(cat, kind, start, he, he, low, hs)
        prev_end = spans[-1].end if spans and spans[-1].cat == "project" else None
        if _refused_before_name(text, sp, low, prev_end) or (
                cat == "project" and _work_refused_by_first_word(text, sp, low)):
            continue
        # "Dự án 2: ...", "Tiểu dự án 2, Dự án 3: ..."
        sp.end = _extend(text, he, limit, cat, low)
        if _accept(text, sp, low, prev_end):
            spans.append(sp)
    return spans


def _list_items(text: str) -> list[tuple[int, int]]:
    """Items of enumerated lists of works: 'các dự án: A, B; C' and '(1) A; (2) B'."""
    rx = _rx()
    out: list[tuple[int, int]] = []
    # openers
    for m in _openers(text):
        s = m.end()
        paren = m.group(0).rstrip().endswith("(")
        stop = len(text)
        for ch in ("\n", ". ") if not paren else (")", "\n"):
            k = text.find(ch, s)
            if 0 <= k < stop:
                stop = k
        if paren:
            # find the matching ")"
            depth, k = 1, s
            while k < len(text) and text[k] != "\n":
                if text[k] == "(":
                    depth += 1
                elif text[k] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                k += 1
            stop = k
        for a, b in _split_items(text, s, stop):
            seg = text[a:b]
            # the list ends where a clause starts again ("...; cơ bản hoàn thành công tác ...");
            # a short item of a noun and a proper name ("đền Tả Phủ", "di chỉ Mai Pha") is still an item
            short_name = len(_words(seg)) <= 8 and _has_capital(seg) and not rx["clause"].match(seg)
            if not (seg[:1].isupper() or seg[:1] in "“\"") and not _looks_like_work(seg) and not short_name:
                break
            if rx["clause"].match(seg) or rx["stop"].match(seg) or len(_words(seg)) > 30:
                break
            out += _subsplit(text, a, b)
    # one pass over the lines: "(1) ...; (2) ..." enumerations and paragraphs that are only a list of works
    ls = 0
    for line in text.split("\n"):
        if ";" in line:
            out += _line_list(text, ls, line)
        ls += len(line) + 1
    return out


# the column of works in a table that names their investors: "| STT | Tên dự án | Chủ đầu tư | ... |"
_WORK_COLUMN = re.compile(r"(?i)(?:(?:tên|danh mục)\s+)?(?:dự án|công trình)(?:\s*[,/]\s*(?:dự án|công trình))?")
_INVESTOR_COLUMN = re.compile(r"(?i)chủ đầu tư(?:\s*\([^()|]*\))?")


def _row_cells(line: str, ls: int) -> list[tuple[int, int]]:
    """(start, end) of each cell of a pipe row starting at offset ls, stripped of spaces."""
    bars = [i for i, c in enumerate(line) if c == "|"]
    inner = line.strip()
    edges = ([-1] if not inner.startswith("|") else []) + bars + ([len(line)] if not inner.endswith("|") else [])
    out = []
    for a, b in itertools.pairwise(edges):
        cell = line[a + 1:b]
        lead = len(cell) - len(cell.lstrip())
        out.append((ls + a + 1 + lead, ls + a + 1 + len(cell.rstrip())))
    return out


def _investor_table_cells(text: str) -> list[tuple[int, int]]:
    """The cells of the works column of tables whose header has a 'Chủ đầu tư' column: a work per row."""
    out: list[tuple[int, int]] = []
    col, ls, header = None, 0, False
    for line in text.split("\n"):
        if line.count("|") >= 2:
            cells = _row_cells(line, ls)
            heads = [text[a:b] for a, b in cells]
            if all(re.fullmatch(r":?-{2,}:?|", h) for h in heads):
                col = col if header else None  # the line under another table's header
            elif any(_INVESTOR_COLUMN.fullmatch(h) for h in heads):
                col = next((i for i, h in enumerate(heads) if _WORK_COLUMN.fullmatch(h)), None)
            elif col is not None and col < len(cells):
                out.append(cells[col])
            header = any(_INVESTOR_COLUMN.fullmatch(h) for h in heads)
        elif line.strip():
            col = None  # prose: the table ended
        ls += len(line) + 1
    return out


def _openers(text: str):
    """What `_rx()["opener"].finditer(text)` yields, the regex tried only near the list words (LIST_OPENERS)
    every match holds: run from every position of the text, it cost more than the reading of the lists."""
    at = sorted(i for w in LIST_OPENERS for i in occurrences(text, w))
    return finditer_near(_rx()["opener"], text, at, _earliest)


def _earliest(text: str, q: int) -> int:
    """A start no match holding the list word at q can precede: back over the spaces before it, then over
    a number or at most 8 characters of a counting word ("các đợt")."""
    k = q
    while k > 0 and text[k - 1].isspace():
        k -= 1
    j = k
    while j > 0 and text[j - 1].isalnum():
        j -= 1
    return max(0, min(j, k - 8))


def _line_list(text: str, ls: int, line: str) -> list[tuple[int, int]]:
    rx = _rx()
    if "(1)" in line and "(2)" in line:
        enums = list(rx["enum"].finditer(line))
        items = []
        for p, nxt in zip(enums, enums[1:] + [None]):
            a, b = ls + p.end(), ls + (nxt.start() if nxt else len(line))
            seg = text[a:b].rstrip(" ;.,")
            items.append((a, a + len(seg)))
        if items and sum(1 for a, b in items if _looks_like_work(text[a:b])) * 2 >= len(items):
            return items
        return []
    segs = []
    k = ls
    for part in line.split(";"):
        a = k + len(part) - len(part.lstrip())
        seg = part.strip().rstrip(".")
        segs.append((a, a + len(seg)))
        k += len(part) + 1
    if len(segs) >= 2 and all(_looks_like_work(text[a:b]) and len(_words(text[a:b])) <= 30 for a, b in segs):
        return [piece for a, b in segs for piece in _subsplit(text, a, b)]
    return []


def _subsplit(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """'Khu đô thị X, khu Y' and 'khu A và khu B': an item repeating its first word holds two works."""
    seg = text[a:b]
    m = re.match(rf"{_W}+", seg)
    if not m:
        return [(a, b)]
    first = re.escape(m.group(0))
    cuts = [c.start() for c in re.finditer(rf"(?:,\s+|\s+và\s+)(?={first}\s)", seg, re.IGNORECASE)]
    if not cuts:
        return [(a, b)]
    out, s = [], 0
    for c in cuts:
        out.append((a + s, a + c))
        s = c + re.match(r",?\s+(?:và\s+)?", seg[c:]).end()
    out.append((a + s, b))
    return out


def _looks_like_work(seg: str) -> bool:
    rx = _rx()
    s = seg.strip()
    if not s:
        return False
    if rx["verbs_right"].match(s + " "):
        return True
    hm = rx["head_at"].match(s)
    return bool(hm and hm.group(0).lower() in PROJECT_HEADS)


# ", đền Tả Phủ" / " và di chỉ Mai Pha": at most two lower-case words, then a capitalised name
_ITEM_NEXT_RX = re.compile(r"(?:,\s+(?:và\s+)?|\s+và\s+)([^\W\d_]+)\s+([^\W\d_]+)(?:\s+([^\W\d_]))?")


def _item_next(text: str, k: int, stop: int) -> bool:
    m = _ITEM_NEXT_RX.match(text, k, stop)
    if not m or not m.group(1).islower() or _PLACE_RX.match(text[m.start(1):m.start(1) + 12] + " "):
        return False  # ", huyện X" says where the item is, it opens no new one
    return m.group(2)[0].isupper() or (m.group(2).islower() and bool(m.group(3)) and m.group(3).isupper())


def _split_items(text: str, s: int, stop: int) -> list[tuple[int, int]]:
    out = []
    k = s
    depth = 0
    quote = False
    start = s
    semis = ";" in text[s:stop]  # items separated by ";" may hold commas of their own
    while k <= stop:
        ch = text[k] if k < stop else ";"
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch in "“”\"":
            quote = not quote if ch == "\"" else ch == "“"
        split = False
        if depth <= 0 and not quote and (
                ch == ";" or k == stop or (ch == "," and k + 2 < stop and text[k + 1] == " " and text[k + 2].isupper())):
            split = True
        elif depth <= 0 and not quote and ch in ", " and _item_next(text, k, stop) and (
                not semis or _has_capital(text[start:k].strip()[1:])):
            split = True  # "..., đền Tả Phủ, chùa Y và di chỉ Z": a noun and a proper name open the next item
        if split:
            seg = text[start:k]
            lead = re.match(r"\s*(?:và\s+)?", seg).end()  # "... và miếu X": the conjunction opens no name
            a = start + lead
            seg = seg[lead:].strip().rstrip(".,")
            if seg:
                out.append((a, a + len(seg)))
            start = k + 1
        k += 1
    return out


# ----------------------------------------------------------------------------- names
def _canonical(s: str, place: str | None = None) -> str:
    rx = _rx()
    s = " ".join(s.split())
    if place:
        # "Quy hoạch tỉnh thời kỳ 2021 - 2030": the document's own province
        s = re.sub(rf"^(Quy hoạch|quy hoạch) (tỉnh|thành phố) (?={_LOW})", lambda m: f"{m.group(1)} {m.group(2)} {place} ", s)
    s = rx["abbr"].sub(lambda m: ABBREVIATIONS[m.group(0)] + ("" if m.end() == len(s) or not s[m.end()].isdigit() else " "), s)
    s = s.strip(" ,;:")
    # a quoted title without its closing quote
    if s.count("“") > s.count("”"):
        s = s.replace("“", "", 1)
    if s.count("(") > s.count(")"):
        s = s[: s.rfind("(")].rstrip()
    return s[:1].upper() + s[1:]


def _key(name: str) -> str:
    rx = _rx()
    s = _fold(name)
    s = re.sub(r"^(?:dự án|tiểu dự án|công trình)\s+", "", s)
    s = rx["verbs_right"].sub("", s + " ", count=1) if rx["verbs_right"].match(s + " ") else s
    s = re.sub(r"[\"“”'‘’(),;:.\-–]", " ", s)
    return " ".join(s.split())


_TAIL_WORDS = ("tỉnh", "huyện", "phố", "bàn", "toàn")  # the last words a qualifier at the end may have


def _qual_tail(name: str) -> re.Match | None:
    """The qualifiers that end a name (", huyện X", "năm 2024"). The end-anchored pattern would try every position
    of the name: it is tried only when the last word is one a qualifier may end with (a capitalised word, a
    number, a place word)."""
    last = name.rsplit(None, 1)[-1] if name.strip() else ""
    if name.endswith("\n") or last[:1].isupper() or last[-1:].isdigit() or last in _TAIL_WORDS:
        return _rx()["qual_tail"].search(name)
    return None


def _without_qual_tail(name: str) -> str:
    m = _qual_tail(name)
    return name if m is None else name[:m.start()] + name[m.end():]


def _core(name: str) -> str:
    """The key without the qualifiers that one document adds or leaves out (place, year, period)."""
    return _key(_without_qual_tail(name))


def _expand(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """'Cụm công nghiệp Hợp Thành 1, 2' -> two names; 'X huyện A, B' -> two names."""
    name = text[start:end]
    base = [(start, end, name)]
    num = re.search(r"(?<=\s)(\d{1,2})$", name)
    if num:
        stem = name[: num.start()]
        tail_words = stem.split()[-2:]  # "Hợp Thành" in "... Hợp Thành 1, Hợp Thành 2"
        rep = re.compile(r"\s*(?:,\s*|\s+và\s+)(?:" + r"\s+".join(map(re.escape, tail_words)) + r"\s+)?(\d{1,2})(?!\w|[.,]\d)",
                         re.IGNORECASE)
        out = [(start, end, name)]
        k = end
        m = rep.match(text, k)
        while m:
            out.append((start, m.end(), stem + m.group(1)))
            k = m.end()
            m = rep.match(text, k)
        if len(out) > 1:
            return out
    # "hạng mục Trung tâm y tế huyện Bắc Sơn, Lộc Bình;"
    m = re.search(rf"\s(huyện|xã|tỉnh|thành phố|phường)\s+({_UP}{_W}*(?:\s{_UP}{_W}*){{0,2}})$", name)
    if m:
        m2 = re.match(rf",\s*({_UP}{_W}*(?:\s{_UP}{_W}*){{0,2}})(?=\s*[;.\n])", text[end:end + 40])
        if m2:
            stem = name[: m.start(2)]
            return base + [(start, end + m2.end(), stem + m2.group(1))]
    return base


def _plain(name: str) -> str:
    """The name without its trailing year and place ("... tầm nhìn đến năm 2050" keeps its year)."""
    out = _without_qual_tail(name)
    return name if not out or re.search(r"(?:đến|tầm nhìn|thời kỳ|giai đoạn|,)$", out) else out


def _distribute(text: str, sp: _Span) -> list[tuple[int, int, str]]:
    """'các Chương trình mục tiêu quốc gia về giảm nghèo, phát triển vùng dân tộc' -> one name per item:
    after a plural, the head and its generic words are shared by the items of a comma list."""
    whole = [(sp.start, sp.end, text[sp.start:sp.end])]
    if not _plural_before(text[max(0, sp.start - 12):sp.start]):
        return whole
    body = text[sp.body_start:sp.end]
    parts = [p.strip() for p in body.split(",")]
    if len(parts) < 2 or any(not p or p[0].isupper() or len(_words(p)) < 2 for p in parts[1:]):
        return whole
    # the shared stem: the generic words that open the body ("mục tiêu quốc gia")
    words = parts[0].split()
    k = max((n for n in range(1, len(words)) if _fold(" ".join(words[:n])) in _GENERIC_STEMS), default=0)
    if k == 0 or k == len(words):
        return whole
    stem = text[sp.start:sp.body_start] + " " + " ".join(words[:k])
    out = [(sp.start, sp.end, f"{stem} {' '.join(words[k:])}")]
    out += [(sp.start, sp.end, f"{stem} {p}") for p in parts[1:]]
    return out


def _group(names: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(category, name as read) -> canonical name shared by all spellings of one thing."""
    import difflib

    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb

    keyed: dict[tuple[str, str], tuple[str, str]] = {}
    by_core: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for cat, nm in names:
        node = (cat, nm)
        parent.setdefault(node, node)
        # "... đến năm 2025" and "... đến năm 2045" are two plans; a mention without a year joins either
        k = (cat, _core(nm))
        same = [o for o in by_core.get(k, []) if not _years_differ(nm, o[1]) and _names_agree(nm, o[1])]
        if same:
            union(node, same[0])
        by_core.setdefault(k, []).append(node)
        keyed.setdefault(k, node)
    cores = sorted(keyed, key=lambda x: len(x[1]))
    by_first: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for c in cores:
        by_first.setdefault((c[0], c[1].split(" ", 1)[0]), []).append(c)
    in_order = sorted(cores)  # the keys that start with "k " lie together, after (cat, "k ")
    for cat, k in cores:
        longer = _longer_keys(in_order, cat, k)
        dk, dl = _digits(k), _digits(longer[0][1]) if longer else []
        # "Đề án 06" and "Đề án 06 về ...": a numbered programme named again in full
        digits_ok = dk == dl or (cat == "programme" and dk and dl[: len(dk)] == dk)
        # (only a name read as it is: one whose year or place was set aside is a plan of its own)
        if (len(longer) == 1 and len(k.split()) >= 3 and digits_ok and _key(keyed[(cat, k)][1]) == k
                and not _years_differ(keyed[(cat, k)][1], keyed[longer[0]][1])):
            union(keyed[(cat, k)], keyed[longer[0]])
    for same in by_first.values():
        # near-identical spellings ("đấu nối" / "đầu nối", "Bệnh viện đa khoa tỉnh (700 giường)" / "... 700 giường")
        for i, c in enumerate(same):
            sm = None  # made for the first name close enough in length: most have none
            for d in same[:i]:
                if len(d[1]) * 1.3 + 3 < len(c[1]):
                    continue
                if _digits(d[1]) != _digits(c[1]):
                    continue  # "Cụm công nghiệp X 1" and "... X 2" are two works
                if not _names_agree(keyed[d][1], keyed[c][1]):
                    continue  # "Trung tâm y tế huyện Bắc Sơn" and "... huyện Cao Lộc": two places, two works
                if 2.0 * min(len(d[1]), len(c[1])) / (len(d[1]) + len(c[1])) < 0.9:
                    continue  # `real_quick_ratio`, from the lengths alone, before a matcher is made
                if _quick_ratio(d[1], c[1]) < 0.9:
                    continue  # `quick_ratio`, from the letters each holds, before a matcher is made
                if sm is None:
                    sm = difflib.SequenceMatcher(None, "", c[1], autojunk=False)
                sm.set_seq1(d[1])
                if sm.ratio() >= 0.9:
                    union(keyed[d], keyed[c])
    members: dict[tuple[str, str], list[str]] = {}
    for node in parent:
        members.setdefault(find(node), []).append(node[1])
    out = {}
    for root, nms in members.items():
        cat = root[0]
        best = nms[0] if len(nms) == 1 else max(nms, key=lambda n: _rank(cat, n))
        for nm in nms:
            out[(cat, nm)] = best
    return out


@lru_cache(maxsize=4096)
def _letter_counts(s: str) -> Counter:
    return Counter(s)


def _quick_ratio(a: str, b: str) -> float:
    """`difflib.SequenceMatcher(None, a, b).quick_ratio()`: twice the characters the two hold in common (with
    their counts) over both lengths, from counts made once per name."""
    n = len(a) + len(b)
    return 2.0 * sum((_letter_counts(a) & _letter_counts(b)).values()) / n if n else 1.0


def _longer_keys(in_order: list[tuple[str, str]], cat: str, k: str) -> list[tuple[str, str]]:
    """The keys of `cat` that go on after `k` ("đề án 06" -> "đề án 06 về ..."), from the sorted keys; when there
    are several, two of them (the caller wants only the one)."""
    out = []
    i = bisect.bisect_left(in_order, (cat, k + " "))
    while i < len(in_order) and len(out) < 2 and in_order[i][0] == cat and in_order[i][1].startswith(k + " "):
        out.append(in_order[i])
        i += 1
    return out


def _years_differ(a: str, b: str) -> bool:
    """'Kế hoạch ... năm 2017' and 'Kế hoạch ... năm 2018' are two plans, whatever else they share."""
    ya, yb = set(re.findall(r"\b(?:19|20)\d\d\b", a)), set(re.findall(r"\b(?:19|20)\d\d\b", b))
    return bool(ya and yb and ya != yb)


def _names_agree(a: str, b: str) -> bool:
    """The proper names of one are among those of the other ("huyện Bắc Sơn" / "huyện Cao Lộc" do not agree)."""
    pa, pb = _proper(a), _proper(b)
    return pa <= pb or pb <= pa


@lru_cache(maxsize=4096)
def _proper(s: str) -> frozenset[str]:
    """The capitalised words after the first one (proper names), tone-folded (a name is compared with many)."""
    return frozenset(_fold(w) for w in _WORD.findall(s)[1:] if w[:1].isupper())


_DIGIT_RUN = re.compile(r"\d+")


def _digits(s: str) -> list[str]:
    return _DIGIT_RUN.findall(s)


def _rank(cat: str, name: str):
    """Which spelling names a group: projects the full one saying 'Dự án', programmes the plainest."""
    if cat == "project":
        return (name.lower().startswith("dự án"), len(name))
    tail = _qual_tail(name)
    return (bool(re.search(r"\b(?:19|20)\d\d\b", name)), -len(tail.group(0)) if tail else 0, -len(name))


_DEFINES = re.compile(
    r"\s*\((?:sau đây |dưới đây )?(?:gọi tắt là|gọi là|viết tắt là|viết tắt:|gọi tắt:)\s*([^()\n]{2,60}?)\s*\)"
    r"|\s*\(([^()\n]{2,40})\)", re.IGNORECASE)


def _repeats_head(inner: str, head: str) -> bool:
    """'(Đề án 06)' after a 'Đề án ...', '(CCN Hợp Thịnh)' after a 'Cụm công nghiệp ...': a short form of it."""
    initials = "".join(w[0] for w in head.split()).upper()
    return _fold(inner).startswith(_fold(head) + " ") or (len(initials) > 1 and inner.startswith(initials + " "))


def _short_forms(text: str, found: list, short_of: dict) -> list:
    """A short form defined right after a name ("Cụm công nghiệp X (sau đây gọi là CCN X)", "Đề án ...
    (Đề án 06)") names the same thing wherever it is used later: those uses get the full name."""
    out = []
    taken = {(a, b) for _, _, a, b, _ in found}
    for cat, kind, a, b, nm in list(found):
        m = _DEFINES.match(text, b)
        if not m:
            continue
        short = (m.group(1) or m.group(2)).strip().strip("“”\"")
        if m.group(2):
            # a bare parenthesis defines a short form only when it repeats the head ("(Đề án 06)") or is an acronym
            hm = _rx()["head_at"].search(text, a, b)
            head = hm.group(0) if hm else ""
            if not ((head and _repeats_head(short, head)) or re.fullmatch(r"[A-ZĐ0-9\-]{2,10}", short)):
                continue
        if len(short) < 2 or _fold(short) == _fold(nm):
            continue
        short_of[(cat, _fold(" ".join(short.split())))] = nm
        for u in re.finditer(rf"(?<!{_W}){re.escape(short)}(?!{_W})", text):
            if u.start() < m.start():
                continue
            # a use read by its head runs on ("Đề án 05 bước đầu ..."): the short form is the whole name
            found[:] = [f for f in found if not (f[2] == u.start() and f[3] > u.end())]
            taken = {(f[2], f[3]) for f in found} | {(o[2], o[3]) for o in out}
            if any(x <= u.start() < y for x, y in taken):
                continue
            out.append((cat, kind, u.start(), u.end(), nm))
            taken.add((u.start(), u.end()))
    return out


# verbs that only a work can follow: what comes after them, capitalised, is the name of a work without a head
# ("Khởi công Chợ trung tâm Cam Lộ và Kè sông Hiếu")
_STAGE_VERBS = ("khởi công", "khánh thành", "động thổ")
_STAGE_OPENER = re.compile(rf"(?<!{_W})(?:{'|'.join(_STAGE_VERBS)})(?:\s+(?:xây dựng mới|xây dựng|mới))?\s+(?-i:(?={_UP}))",
                           re.IGNORECASE)
# verbs that build, but also do much else ("xây dựng Kế hoạch", "hoàn thành Chỉ tiêu"): what follows is a work only
# when it opens with a kind of work and goes on with a proper name ("nâng cấp Đường lâm nghiệp A - B")
_BUILD_VERBS = ("xây dựng mới", "xây dựng", "xây mới", "nâng cấp", "cải tạo", "sửa chữa", "mở rộng", "đầu tư xây dựng",
                "đầu tư", "hoàn thành", "thi công", "nghiệm thu", "bàn giao")
_BUILD_OPENER = re.compile(
    rf"(?<!{_W})(?:{'|'.join(_BUILD_VERBS)})(?:,?\s+(?:nâng cấp|mở rộng|sửa chữa|xây dựng mới|xây dựng))?\s+(?-i:(?={_UP}))",
    re.IGNORECASE)
_WORK_NOUN = re.compile(
    r"(?:Trung tâm|Chợ|Trường(?![ \t]+học(?![\wÀ-ỹĐđ]))|Đường|Cầu|Kè|Hồ chứa|Đập|Bệnh viện|Trạm y tế|Trụ sở|Nhà văn hóa|Nhà văn hoá|Nhà thi đấu"
    r"|Sân vận động|Công viên|Quảng trường|Thư viện|Bảo tàng|Nghĩa trang|Bến xe|Bến cảng|Cảng|Kênh|Hệ thống|Tuyến đường"
    r"|Khu dân cư|Khu đô thị|Khu tái định cư|Ký túc xá|Nhà máy|Tượng đài)(?![\wÀ-ỹĐđ])")
# capitalised words that open no work: plans, documents, bodies
_NOT_WORK_FIRST = re.compile(
    rf"(?:{_alt(PROGRAMME_HEADS)}|nghị quyết|quyết định|chỉ thị|kết luận|thông báo|công văn|ủy ban|uỷ ban|ubnd|hđnd"
    rf"|sở|ban|phòng|tỉnh|huyện|thành phố|thị xã|xã|phường|lễ|hội nghị|chương|giai đoạn|năm|tháng|quý|ngày|trong"
    rf"|theo|tại|vào|đợt|các|những)(?!{_W})",
    re.IGNORECASE)


# a work that opens a sentence and is then said to be built: "Chợ trung tâm X đang thi công", "Cầu Y đã được
# khánh thành" (the verb may sit on the next line of hard-wrapped text)
_SUBJECT_WORK = re.compile(rf"(?:^|(?<=[.;:!?,])[ \t]+|(?<=\n)[ \t]*(?:[-–+*•][ \t]+)?)(?={_WORK_NOUN.pattern})", re.MULTILINE)


def _subject_starts(text: str) -> list[int]:
    """Where `_SUBJECT_WORK` matches end (a work noun opening a sentence, an item or a line), found from the nouns.

    The pattern opens with a lookbehind: run over the text it tries every position. The nouns have a capital to
    skip ahead to (every start of one is looked for, one inside another too); reading back from each over the
    spaces and the bullet the pattern allows gives the same ends."""
    out = []
    pos = 0
    while (m := _WORK_NOUN.search(text, pos)) is not None:
        p = m.start()
        pos = p + 1
        q = p
        while q > 0 and text[q - 1] in " \t":
            q -= 1
        if q == 0:
            if p == 0:
                out.append(p)  # the text's start ("^"), not its indent
            continue
        before = text[q - 1]
        if before == "\n" or (q < p and before in ".;:!?,"):
            out.append(p)  # at a line's start, after its indent, or after punctuation and a space
        elif q < p and before in "-–+*•":
            r = q - 1
            while r > 0 and text[r - 1] in " \t":
                r -= 1
            if r > 0 and text[r - 1] == "\n":
                out.append(p)  # after a bullet opening a line
    return out
_SUBJECT_STAGE = re.compile(
    r"\s*,?\s*(?:(?:đang|đã|sẽ|vừa|cơ bản)\s+)*(?:được\s+(?:khởi công|khánh thành|nghiệm thu|bàn giao|đưa vào sử dụng"
    r"|xây dựng|nâng cấp|cải tạo|sửa chữa|đầu tư xây dựng|thi công)|thi công|khởi công|khánh thành|đưa vào sử dụng"
    r"|hoàn thành\s+(?:thi công|xây dựng|và đưa vào sử dụng))(?![\wÀ-ỹĐđ])")


def _subject_items(text: str, agencies: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Works that open a sentence and are said to be built right after their name."""
    out: list[tuple[int, int]] = []
    for p in _subject_starts(text):
        if _opens_inside(p, agencies) or any(a == p for a, _ in agencies):
            continue
        end = _extend(text, p, _line_end(text, p), "project", "công trình")
        wm = _WORK_NOUN.match(text, p)
        if (wm and _has_capital(text[wm.end():end]) and 1 < len(_words(text[p:end])) <= 20
                and _SUBJECT_STAGE.match(text, end)):
            out.append((p, end))
    return out


# a line that announces works listed on the bullet lines after it: "... làm chủ đầu tư các công trình:"
_WORKS_OPENER_LINE = re.compile(r"(?i)(?<![\wÀ-ỹĐđ])(?:các|những)\s+(?:dự án|công trình)(?:\s+sau)?(?:\s+(?:gồm|như))?\s*:[ \t]*$",
                                re.MULTILINE)
_BULLET_START = re.compile(r"\n[ \t]*[-–+*•][ \t]+")


def _works_openers(text: str):
    """What `_WORKS_OPENER_LINE.finditer(text)` yields, the pattern tried only just before "dự án" and "công trình"
    (found in the lower-cased text: the pattern ignores case), a start at most "những" and its spaces before them.
    Tried after every "các" and "những" of a text, it cost more than the reading of the lists."""
    low = lowered(text)
    if low is None:
        return _WORKS_OPENER_LINE.finditer(text)
    at = sorted(i for w in ("dự án", "công trình") for i in occurrences(low, w))
    return finditer_near(_WORKS_OPENER_LINE, text, at, _word_before)


def _word_before(text: str, q: int) -> int:
    """The earliest start of a word of at most five letters, spaces, then offset q."""
    k = q
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return max(0, k - 5)


def _announced_items(text: str, agencies: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Works on the bullet lines after a line that announces them ("... các công trình:" / "- Kè X, hoàn thành
    trong Quý III"), each read to its own end."""
    out: list[tuple[int, int]] = []
    for m in _works_openers(text):
        q = m.end()
        while (bm := _BULLET_START.match(text, q)) is not None:
            p = bm.end()
            wm = _WORK_NOUN.match(text, p)
            line_end = _line_end(text, p)
            if wm and not _opens_inside(p, agencies):
                end = _extend(text, p, line_end, "project", "công trình")
                if _has_capital(text[wm.end():end]) and 1 < len(_words(text[p:end])) <= 20:
                    out.append((p, end))
            q = line_end
    return out


def _stage_items(text: str, agencies: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Works named right after a building stage, each item of "A và B", "A, B" read to its own end."""
    out: list[tuple[int, int]] = []
    openers = ([(m, False) for m in finditer_phrases(_STAGE_OPENER, text, _STAGE_VERBS)]
               + [(m, True) for m in finditer_phrases(_BUILD_OPENER, text, _BUILD_VERBS)])
    for m, strict in openers:
        p, limit = m.end(), _line_end(text, m.end())
        while p < limit and text[p:p + 1].isupper():
            if _NOT_WORK_FIRST.match(text, p) or _opens_inside(p, agencies) or any(a == p for a, _ in agencies):
                break
            wm = _WORK_NOUN.match(text, p) if strict else None
            if strict and not (wm and _has_capital(text[wm.end():_extend(text, p, limit, "project", "công trình")])):
                break
            end = _extend(text, p, limit, "project", "công trình")
            seg = text[p:end]
            parts = [mm.start() for mm in re.finditer(rf"\s+và\s+(?={_UP})", seg)]
            starts = [p] + [p + re.match(r"\s+và\s+", seg[c:]).end() + c for c in parts]
            ends = [p + c for c in parts] + [end]
            out += [(a, b) for a, b in zip(starts, ends) if 1 < len(_words(text[a:b])) <= 20
                    and (not strict or _WORK_NOUN.match(text, a))]
            nx = re.match(rf"(?:,|\s+và|,\s*và)\s+(?={_UP})", text[end:limit])
            if not nx:
                break
            p = end + nx.end()
    return out


# what a body invests in is a work, named with or without a head: "X là chủ đầu tư Đường trục A - B và Trung tâm
# Y", "X làm chủ đầu tư các công trình: A; B"
_INVESTED_OPENER = re.compile(
    rf"(?<!{_W})(?:là|làm)\s+chủ\s+đầu\s+tư\s+(?:(?:các|những)\s+)?(?:(?:công\s+trình|dự\s+án)\s*:?\s*)?(?={_UP})",
    re.IGNORECASE)
_INVESTED_FIRST = first_words(("là", "làm"), True)
# a numbered task that opens with building a capitalised work: "6. Nâng cấp Đường nội ô khóm A (dài 1,2 km) ..."
_TASK_WORK = re.compile(
    rf"^[ \t]*\d{{1,2}}\.[ \t]+(?:(?:Nâng cấp|Xây dựng|Cải tạo|Sửa chữa|Mở rộng|Xây mới)(?:,?\s+(?:mở rộng|nâng cấp|"
    rf"cải tạo|sửa chữa))?(?:\s+mới)?)\s+(?={_UP})", re.MULTILINE)
_NEXT_ITEM = re.compile(r"\n[ \t]*(?:\d{1,2}\.|[IVX]+\.)[ \t]")
# a lettered or dashed item that opens with funding a capitalised work and names its investor: "b) Hỗ trợ đầu tư
# Nhà sơ chế A (xã B) và Kho lạnh C; Ban Quản lý ... làm chủ đầu tư."
_ITEM_WORK = re.compile(
    rf"^[ \t]*(?:[a-zđ]\)|[-–+•])[ \t]+(?:Hỗ trợ (?:đầu tư xây dựng|đầu tư|xây dựng)|Đầu tư xây dựng)\s+(?={_UP})",
    re.MULTILINE)
_AT_PLACE = re.compile(r"[ \t]+tại[ \t]+(?:thành phố|thị xã|thị trấn|tỉnh|huyện|quận|xã|phường)(?![\wÀ-ỹĐđ])")
_NEXT_ANY_ITEM = re.compile(r"\n[ \t]*(?:\d{1,2}\.|[IVX]+\.|[a-zđ]\)|[-–+•])[ \t]|\n[ \t]*\n")
_INVESTED_NEXT = re.compile(rf"(?:,|;|\s+và|,\s*và)\s+(?={_UP})")


def _work_names(text: str, p: int, limit: int, agencies: list[tuple[int, int]], sep: re.Pattern | None):
    """Names read from p on, each to its own end, the next one after `sep` ("A và B", "A; B")."""
    out: list[tuple[int, int]] = []
    while p < limit and text[p:p + 1].isupper():
        if _NOT_WORK_FIRST.match(text, p) or _opens_inside(p, agencies) or any(a == p for a, _ in agencies):
            break
        end = _extend(text, p, limit, "project", "công trình")
        seg = text[p:end]
        # "A - B (giai đoạn 2) và Trung tâm C": a "và" before a capital word opens the next work
        cut = re.search(rf"\s+và\s+(?={_UP})", seg)
        if cut and sep is not None:
            end = p + cut.start()
        if not 1 < len(_words(text[p:end])) <= 20:
            break
        out.append((p, end))
        nx = sep.match(text, end, limit) if sep is not None else None
        if not nx:
            break
        p = nx.end()
    return out


# an item or a sentence that opens with a work and names its investor right after it: "- Cầu X do Sở Y làm
# chủ đầu tư: ...", "- Khu điều trị Z Bệnh viện W, chủ đầu tư là Ban Quản lý ...: ..."
_ITEM_OPEN = re.compile(r"(?:^[ \t]*(?:(?:[a-zđ]\)|[-–+•*]|\d{1,2}\.)[ \t]+)?|(?<=[.;:])[ \t]+)(?=" + _UP + ")", re.MULTILINE)
_INVESTOR_NEXT = re.compile(r"(?:,[ \t]*chủ[ \t]+đầu[ \t]+tư[ \t]*(?:là|:)|[ \t]+do)[ \t]+", re.IGNORECASE)
_DONE = re.compile(rf"Hoàn thành(?:\s+xây dựng)?\s+(?={_UP})")
_DO_INVESTS = re.compile(r"[^;:.\n]{0,120}?(?<![\wÀ-ỹĐđ])(?:là|làm)\s+chủ\s+đầu\s+tư(?![\wÀ-ỹĐđ])", re.IGNORECASE)


_INVESTOR_BEFORE = re.compile(_INVESTOR_NEXT.pattern + r"\Z", re.IGNORECASE)


def _investor_before(text: str, a: int) -> bool:
    """'... do ' or ', chủ đầu tư là ' right before a body. The end-anchored pattern tries every start of the line
    before it: it is tried only when the text before ends as it must ("do", "là", ":" and a space)."""
    if text[a - 1:a] not in (" ", "\t"):
        return False
    ls = text.rfind("\n", 0, a) + 1
    tail = text[ls:a].rstrip(" \t")
    if not (tail.endswith(":") or tail[-2:].lower() in ("do", "là")):
        return False
    return _INVESTOR_BEFORE.search(text, ls, a) is not None


def _item_openings(text: str, named: list[int]):
    """What `_ITEM_OPEN.finditer(text)` yields on the lines that hold one of `named` (sorted offsets): the only
    lines where an item can name its investor. No match runs over a line break, so a line scanned alone gives
    the matches the scan of the whole text gives on it."""
    for ls in sorted({text.rfind("\n", 0, a) + 1 for a in named}):
        yield from _ITEM_OPEN.finditer(text, ls, _line_end(text, ls))


def _named_investor_items(text: str, agencies: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Works an item opens with when a known body is named their investor right after them."""
    out: list[tuple[int, int]] = []
    starts = {a for a, _ in agencies}
    # bodies named an investor ("... do <body>", ", chủ đầu tư là <body>"): an item needs one on its line, and
    # most documents have none
    named = sorted(a for a in starts if _investor_before(text, a))
    if not named:
        return out
    for m in _item_openings(text, named):
        p = m.end()
        sm = _STAGE_OPENER.match(text, p) or _DONE.match(text, p)
        p = sm.end() if sm else p  # "- Khánh thành Cầu X do ...": the stage is not the work's name
        if _NOT_WORK_FIRST.match(text, p) or p in starts or _opens_inside(p, agencies):
            continue
        limit = _line_end(text, p)
        k = bisect.bisect_right(named, p)
        if k == len(named) or named[k] > limit:
            continue
        im = next((x for x in _INVESTOR_NEXT.finditer(text, p, limit) if x.end() in starts), None)
        if im is None or im.group().strip().lower() == "do" and not _DO_INVESTS.match(text, im.end(), limit):
            continue
        seg = text[p:im.start()]
        if re.search(r"[,;:]", seg) or not 1 < len(_words(seg)) <= 20 or not _has_capital(seg.split(None, 1)[1]):
            continue
        out.append((p, im.start()))
    return out


def _invested_items(text: str, agencies: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Works a body invests in: named after 'chủ đầu tư', or opening a task that names its investor."""
    out: list[tuple[int, int]] = []
    if "đầu tư" not in text:
        return out
    for m in finditer_words(_INVESTED_OPENER, text, _INVESTED_FIRST, ignore_case=True):
        out += _work_names(text, m.end(), _line_end(text, m.end()), agencies, _INVESTED_NEXT)
    for m in _TASK_WORK.finditer(text):
        nx = _NEXT_ITEM.search(text, m.end())
        task_end = nx.start() if nx else len(text)
        if re.search(r"chủ\s+đầu\s+tư", text[m.end():task_end]):
            verb = m.start() + re.match(r"[ \t]*\d{1,2}\.[ \t]+", m.group()).end()  # past the task's number
            out += _work_names(text, verb, _line_end(text, m.end()), agencies, None)
    for m in _ITEM_WORK.finditer(text):
        nx = _NEXT_ANY_ITEM.search(text, m.end())
        if re.search(r"chủ\s+đầu\s+tư", text[m.end():nx.start() if nx else len(text)]):
            for a, b in _work_names(text, m.end(), _line_end(text, m.end()), agencies, _INVESTED_NEXT):
                at = _AT_PLACE.search(text, a, b)  # "Trung tâm X tại thành phố Y": where it is built, not its name
                out.append((a, at.start() if at else b))
    return out + _named_investor_items(text, agencies)


def _opens_inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `pos` falls inside (not at the start of) one of the sorted (start, end) spans."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return any(a < pos < b for a, b in spans[max(0, i - 3) : i + 1])


# a national target programme runs for a period; a single year after its name is when it is carried out
_NATIONAL_YEAR = re.compile(
    r"^Chương trình (?:mục tiêu quốc gia|MTQG)\s.*?(\s+(?:trong\s+)?(?:(?:quý\s+[IVX\d]+|\d+\s+tháng(?:\s+đầu|\s+cuối)?)"
    r"\s+)?năm\s+(?:19|20)\d\d)$", re.IGNORECASE)


_OWNER_BEFORE = re.compile(r"\s+của\s+$")
_INVESTOR_MARK = re.compile(r"[ \t]*\([ \t]*chủ[ \t]+đầu[ \t]+tư[ \t]*\)")


def _cut_at_investor(text: str, sp: _Span, agencies: list[tuple[int, int]]) -> None:
    """'Nhà máy X của Công ty Y (chủ đầu tư)': the work's name ends before the body that invests in it."""
    if sp.cat != "project":
        return
    for a, b in agencies:
        om = _OWNER_BEFORE.search(text, sp.body_start, a) if sp.body_start < a < sp.end else None
        if om and _INVESTOR_MARK.match(text, b):
            sp.end = om.start()
            return


def _without_closing_bracket(text: str, item: tuple):
    """A name read to the end of a list in brackets ("(chủ đầu tư các dự án: A; Chợ B, thị trấn C)") ends
    before the bracket that closes the list, not its own."""
    cat, kind, a, b, nm = item
    span = text[a:b].rstrip(" \t:;,.")
    if span.endswith(")") and span.count("(") < span.count(")"):
        b = a + len(span[:-1].rstrip())
    name = nm.rstrip(" \t:;,.")
    if name.endswith(")") and name.count("(") < name.count(")"):
        nm = name[:-1].rstrip()
    return cat, kind, a, b, nm


def _programme_reach(spans: list[_Span]):
    """A test of whether a span lies within a programme that starts before it (sp.end <= o.end, o.start < sp.start):
    the programmes by start, with the furthest end reached by each and those before it."""
    progs = sorted((o.start, o.end) for o in spans if o.cat == "programme")
    starts = [a for a, _ in progs]
    reach = list(itertools.accumulate((b for _, b in progs), max))

    def within(sp: _Span) -> bool:
        i = bisect.bisect_left(starts, sp.start)
        return i > 0 and reach[i - 1] >= sp.end

    return within


def find_named(ctx: Context, agencies: list | None = None) -> list[NamedMention]:
    """Projects and programmes; `agencies` (found before) keep a head word inside a body's name from opening
    one: "Phòng Tài chính - Kế hoạch chủ trì ..." names no plan."""
    text = ctx.text
    inside = sorted((m.start, m.end) for m in agencies or ())
    spans = [sp for sp in _scan(text) if not _opens_inside(sp.start, inside)]
    for sp in spans:
        _cut_at_investor(text, sp, inside)
    found: list[tuple[str, str | None, int, int, str]] = []  # cat, kind, start, end, name-as-read
    covered: list[tuple[int, int]] = []
    within = _programme_reach(spans)
    for sp in spans:
        items = _expand(text, sp.start, sp.end) if sp.cat == "project" else _distribute(text, sp)
        if sp.cat == "programme" and within(sp):
            # "Kế hoạch thực hiện Chương trình X năm 2023 trên địa bàn tỉnh": the year and the place are the plan's
            items = [(a, b, _plain(nm)) for a, b, nm in items]
        for a, b, nm in items:
            ym = _NATIONAL_YEAR.search(nm) if sp.cat == "programme" else None
            if ym and nm == text[a:b]:
                # "Thực hiện Chương trình mục tiêu quốc gia X năm 2025": the year it is carried out in, one programme
                nm, b = nm[:ym.start(1)], a + ym.start(1)
            found.append((sp.cat, sp.kind, a, b, nm))
        if sp.cat == "project":
            covered.append((sp.start, sp.end))
    # items of lists of works that no head covered
    starts = {a for _, _, a, _, _ in found}
    for a, b in _invested_items(text, inside):
        if any(ca <= a < cb for ca, cb in covered) or a in starts:
            continue
        found.append(("project", None, a, b, text[a:b]))
        starts.add(a)
    for a, b in _list_items(text):
        seg = text[a:b]
        if not _words(seg) or len(_words(seg)) > MAX_WORDS:
            continue
        if any(ca <= a < cb for ca, cb in covered) or a in starts:
            continue
        if _opens_inside(a, inside) or any(x == a for x, _ in inside):
            continue  # "A; B; Ban Quản lý dự án ... làm chủ đầu tư": the body that closes the list is no work
        hm = _rx()["head_at"].match(seg)
        if hm and hm.group(0).lower() in PROGRAMME_HEADS:
            continue
        if not _has_name(seg) and not _looks_like_work(seg):
            continue
        found.append(("project", None, a, b, seg))
        starts.add(a)
    for a, b in _investor_table_cells(text):
        # a row of works and their investors: a cell that opens with a work's head and names it ("Trường Tiểu học
        # Lê Lợi", "Đường ven biển đoạn A - B"); "Sửa chữa các tuyến đường nội đồng" names none
        seg = text[a:b]
        hm = _rx()["head_at"].match(seg)
        if (hm is None or PROJECT_HEADS.get(hm.group(0).lower(), "never") == "never" or not _has_name(seg[hm.end():])
                or any(ca <= a < cb for ca, cb in covered) or a in starts):
            continue
        found.append(("project", None, a, b, seg))
        starts.add(a)
    for a, b in _stage_items(text, inside) + _subject_items(text, inside) + _announced_items(text, inside):
        if any(ca <= a < cb for ca, cb in covered) or a in starts:
            continue
        found.append(("project", None, a, b, text[a:b]))
        starts.add(a)
    short = {}
    found += _short_forms(text, found, short)
    found = [_without_closing_bracket(text, x) for x in found]
    # one canonical name per project / programme within the document
    canon = {}
    for cat, kind, a, b, nm in found:
        full = short.get((cat, _fold(" ".join(nm.split()))), nm)
        canon[(cat, nm)] = _canonical(full, ctx.place if cat == "programme" else None)
    groups = _group(sorted(set(canon.values()) and {(k[0], v) for k, v in canon.items()}))
    out = []
    seen = set()
    for cat, kind, a, b, nm in sorted(found, key=lambda x: x[2]):
        name = groups[(cat, canon[(cat, nm)])]
        if (cat, a, b, name) in seen:
            continue
        seen.add((cat, a, b, name))
        out.append(NamedMention(category=cat, name=name, text=text[a:b], start=a, end=b, kind=kind))
    return out


