"""Documents of every administrative level (own wording, tests/data/levels): the document's own issuer, place
and level; the agencies named, with their places; the issuers and dates of the directives cited."""
import json
from pathlib import Path

import pytest

from kg.extract import document_context, extract_text
from kg.extract.normalise import clean
from kg.extract.structure import parse_header

DATA = Path(__file__).parent / "data" / "levels"
DOCS = sorted(p.stem for p in DATA.glob("*.txt"))


def _load(stem):
    text = (DATA / f"{stem}.txt").read_text(encoding="utf-8")
    return text, json.loads((DATA / f"{stem}.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=DOCS)
def doc(request):
    text, exp = _load(request.param)
    return text, exp, extract_text(text, source=request.param + ".txt")


def test_context(doc):
    text, exp, _ = doc
    ct = clean(text)
    ctx = document_context(ct.text, parse_header(ct.text), ct.running_end, ct.footnotes)
    assert (ctx.place, ctx.level, ctx.issuer) == (exp["context"]["place"], exp["context"]["level"],
                                                  exp["context"]["issuer"])


def test_agencies(doc):
    _, exp, ex = doc
    names = {a.name for a in ex.agencies}
    assert set(exp["agencies"]) <= names, sorted(set(exp["agencies"]) - names)
    assert not names & set(exp.get("not_agencies", [])), sorted(names & set(exp.get("not_agencies", [])))


def test_no_person_glued_on(doc):
    _, _, ex = doc
    assert not [a.name for a in ex.agencies if "Nguyễn Văn" in a.name or "Trần Văn" in a.name]


def test_agency_words_inside_other_names(doc):
    _, exp, ex = doc
    for phrase in exp.get("not_agency_spans", []):
        at = ex.text.find(phrase)
        assert at >= 0, phrase
        inside = [a for a in ex.agencies if at <= a.start < at + len(phrase)]
        assert not inside, (phrase, inside)


def test_directives(doc):
    _, exp, ex = doc
    got = {}
    for d in ex.directives:
        got.setdefault(d.number, d)
    for number, want in exp["directives"].items():
        assert number in got, (number, sorted(got))
        d = got[number]
        assert d.issuer == want["issuer"], (number, d.issuer)
        if want.get("date"):
            assert d.date == want["date"], (number, d.date)
    for number in exp.get("not_directives", []):
        assert number not in got, number
