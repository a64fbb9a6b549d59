"""The mapper writes N-Quads text itself: each term as Oxigraph writes it, read back as the same term."""
import pyoxigraph as ox
import pytest

from kg.graph.rdfmap import _lit, iri, literal

XSD = "http://www.w3.org/2001/XMLSchema#"
NASTY = [
    "", "plain", 'a "quoted" word', "back\\slash \\n not a newline", "\\", '\\"', "line\nbreak", "cr\rlf\r\n",
    "tab\there", "\b\f\v\x00\x01\x1f\x7f", "".join(chr(c) for c in range(0x20)), "\x80\x85\xa0\u2028\u2029\ufeff",
    "\ufffe\uffff\ufdd0", "😀 \U0001f600\U0010ffff\U0001fffe", "Hà Nội – “ngoặc kép” ‘đơn’", "\\u0041 written out",
    " leading and trailing ", "<not an iri>", "@vi", '"^^<x>',
]


def _line(o: str) -> str:
    return f"<http://ex/s> <http://ex/p> {o} <http://ex/g> .\n"


@pytest.mark.parametrize("text", NASTY)
@pytest.mark.parametrize("datatype, language", [(None, None), (XSD + "string", None), (XSD + "date", None),
                                                ("http://ex/type", None), (None, "vi"), (None, "en-US")])
def test_a_literal_reads_back_as_itself_and_is_written_as_oxigraph_writes_it(text, datatype, language):
    expected = ox.Literal(text, datatype=ox.NamedNode(datatype) if datatype else None, language=language)
    written = literal(text, iri(datatype) if datatype else None, language)
    (quad,) = ox.parse(_line(written), format=ox.RdfFormat.N_QUADS)
    assert quad.object == expected
    assert written == str(expected)  # byte for byte (an xsd:string is written as a simple literal)
    assert ox.serialize([quad], format=ox.RdfFormat.N_QUADS).decode("utf-8") == _line(written)


@pytest.mark.parametrize("value, expected", [
    (True, ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean"))),
    (12, ox.Literal("12", datatype=ox.NamedNode(XSD + "integer"))),
    (-0.5, ox.Literal("-0.5", datatype=ox.NamedNode(XSD + "decimal"))),
    (3.0, ox.Literal("3.0", datatype=ox.NamedNode(XSD + "decimal"))),
    ('7 "bảy"\n', ox.Literal('7 "bảy"\n')),
])
def test_python_values_become_typed_literals(value, expected):
    assert _lit(value) == str(expected)


def test_an_iri_is_written_in_angle_brackets_and_keeps_its_value():
    node = iri("https://w3id.org/kg-vn/id/agency/so-y-te")
    assert node == str(ox.NamedNode(node.value)) and node.value == "https://w3id.org/kg-vn/id/agency/so-y-te"
