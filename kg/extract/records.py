"""Small typed records passed between pipeline stages.

Offsets are always character offsets into the *clean* text of a document
(`CleanText.text`); `CleanText.to_source()` maps them back to the file.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Footnote:
    """A footnote body taken out of the running text, linked to its marker."""

    label: str  # "4", as written in the marker
    text: str  # the body, without its marker
    start: int  # body offsets in the clean text (bodies are appended after the running text)
    end: int
    marker_at: int | None  # clean offset of the marker's anchor in the running text, if found


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    section: str | None = None  # number path of the enclosing section, e.g. "II.1.a"


@dataclass(frozen=True)
class Section:
    """A part, section or numbered item with its heading line and extent."""

    marker: str  # "I", "1", "a", "-", "Điều 1"
    level: int  # 1 = part (I.), 2 = numbered (1.), 3 = lettered (a)), 4 = bullet
    path: str  # "II.1.a"
    heading: str  # the line that opens it, marker stripped
    start: int
    end: int


@dataclass(frozen=True)
class Header:
    kind: str | None = None  # "Báo cáo", "Nghị quyết", ...
    number: str | None = None  # "15/2021/NQ-HĐND" or None when blank ("Số: /BC-UBND")
    issuer: str | None = None  # canonical agency name
    place: str | None = None  # province or city from the header ("Lạng Sơn")
    date: str | None = None  # ISO, possibly partial ("2022-03")
    title: str | None = None
    title_span: tuple[int, int] | None = None
    addressee: str | None = None
    request: tuple[int, int] | None = None  # span of "Thực hiện Công văn số ..." opening sentence


@dataclass(frozen=True)
class DirectiveRef:
    """One mention of a numbered document."""

    number: str  # as written, spaces removed: "01/NQ-CP"
    type: str | None  # Vietnamese type word: "Nghị quyết"
    type_code: str | None  # "NQ"
    issuer: str | None  # canonical agency name, None when unknown
    issuer_code: str | None  # "CP", "UBND", "TU" ...
    year: int | None
    date: str | None  # ISO date stated next to this mention
    start: int  # span of the whole reference ("Nghị quyết số 01/NQ-CP ngày ... của Chính phủ")
    end: int
    number_start: int
    number_end: int


@dataclass(frozen=True)
class AgencyMention:
    name: str  # canonical name, place made explicit
    text: str  # as written
    start: int
    end: int
    kind: str | None = None  # class local name in the ontology, e.g. "PeoplesCommittee"


@dataclass(frozen=True)
class NamedMention:
    """A project or programme (scheme, planning, plan, campaign) named in the text."""

    category: str  # "project" | "programme"
    name: str  # canonical form
    text: str  # as written
    start: int
    end: int
    kind: str | None = None  # programmes: Chương trình, Đề án, Quy hoạch, Kế hoạch, Phong trào, Chiến dịch


@dataclass(frozen=True)
class Quantity:
    """A target (planned figure) or a result (reported figure)."""

    category: str  # "target" | "result"
    indicator: str
    value: float
    max: float | None  # upper bound of a range
    comparator: str  # "eq" | "gte" | "gt" | "lte" | "lt" | "approx" | "range"
    unit: str
    value_text: str  # as written: "7 - 7,5"
    period: str | None
    start: int  # span of the evidence
    end: int
    percent_of_plan: float | None = None


@dataclass(frozen=True)
class Task:
    n: str  # number of the item in its task section ("7")
    head: str  # first ~80 characters
    text: str
    start: int
    end: int
    period: str | None = None
    section: str | None = None  # heading of the task section


@dataclass(frozen=True)
class Responsibility:
    """Who the text makes responsible for what: one agency, one role, one object, a deadline."""

    agency: str  # canonical name, as the agencies recogniser writes it
    role: str  # "lead" | "cooperate" | "investor" | "supervise"
    object_kind: str  # "task" | "project" | "programme" | "directive" | "document" | "target"
    object: str  # task number, project/programme name, directive number, target indicator; "" for the document
    deadline: str | None  # "2023-06-30", "2023-06", "2023-Q3", "2023"
    start: int  # span of the statement (evidence)
    end: int
    agency_start: int  # span of the agency as written
    agency_end: int
    object_label: str | None = None  # a table row's task text, when the task is not a numbered item
    inferred: bool = False  # not stated: a report's own task taken as the issuer's


@dataclass(frozen=True)
class Endpoint:
    """One end of a lineage link."""

    kind: str  # "this" | "directive" | "plan" | "law" | "task"
    key: str  # directive number / plan label / law label / task n ("" for "this")


@dataclass(frozen=True)
class LineageLink:
    child: Endpoint
    parent: Endpoint
    relation: str  # "implements" | "responds_to" | "reports_on" | "based_on"
    start: int  # evidence span
    end: int


@dataclass
class Extraction:
    """Everything read from one document; the input of the RDF mapping."""

    source: str  # base name of the file
    path: str
    sha256: str
    text: str  # clean text
    header: Header
    sentences: list[Sentence] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    directives: list[DirectiveRef] = field(default_factory=list)
    agencies: list[AgencyMention] = field(default_factory=list)
    named: list[NamedMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    task_links: list[tuple[str, str, object]] = field(default_factory=list)  # (task n, "agency"|"project"|"directive", mention)
    lineage: list[LineageLink] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    source_offsets: object = None  # CleanText, for mapping back to the file
    # (level, place) the document speaks for as read from its own text (header, else the places it names
    # most); None when unknown. A headerless news summary still belongs to its province.
    area: tuple[str, str] | None = None


@dataclass
class Context:
    """What the recognisers read: the clean text and its structure."""

    text: str
    header: Header
    sections: list[Section]
    sentences: list[Sentence]
    footnotes: list[Footnote]
    running_end: int
    place: str | None = None  # province/city the issuer belongs to ("Lạng Sơn")
    level: str | None = None  # "tỉnh" | "thành phố": how the document names its own province
    issuer: str | None = None  # canonical name of who wrote the document
    tasks: list[Task] = field(default_factory=list)  # the numbered items of its task sections, parsed once
