"""`-p` parameters become filters placed in the query's WHERE clause, whatever else the text holds."""
import pyoxigraph as ox
import pytest

from kg.graph.query import sort_lists, with_filters
from kg.graph.store import Results, StoreError


def _filtered(sparql, **bindings):
    return with_filters(sparql, bindings)


def test_filter_goes_at_the_end_of_the_where_group_not_into_strings_or_comments():
    q = 'PREFIX x: <http://x/#>\nSELECT ?s WHERE { ?s ?p "}" . OPTIONAL { ?s x:k ?k } # }\n} ORDER BY ?s'
    out = _filtered(q, k=ox.Literal("v"))
    assert out.endswith('# }\n  FILTER (?k = "v")\n} ORDER BY ?s')
    st = ox.Store()
    st.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://p"), ox.Literal("}")))
    st.add(ox.Quad(ox.NamedNode("http://b"), ox.NamedNode("http://p"), ox.Literal("}")))
    st.add(ox.Quad(ox.NamedNode("http://b"), ox.NamedNode("http://x/#k"), ox.Literal("v")))
    assert [r["s"].value for r in st.query(out)] == ["http://b"]  # not every row relabelled


def test_construct_filters_its_pattern_not_its_template():
    out = _filtered("CONSTRUCT { ?s ?p ?o } { ?s ?p ?o }", s=ox.NamedNode("http://a"))
    assert out == "CONSTRUCT { ?s ?p ?o } { ?s ?p ?o   FILTER (?s = <http://a>)\n}"


def test_values_are_rdf_terms_never_text():
    out = _filtered("SELECT * WHERE { ?s ?p ?n }", n=ox.Literal('1" } ; DROP ALL ; #'))
    assert 'FILTER (?n = "1\\" } ; DROP ALL ; #")' in out
    ox.Store().query(out)  # still one well-formed query


def test_no_where_clause_is_a_clear_error():
    with pytest.raises(StoreError):
        _filtered("DESCRIBE <http://a>", s=ox.NamedNode("http://a"))


def test_group_concat_lists_are_sorted():
    q = 'SELECT ?a (GROUP_CONCAT(DISTINCT STR(?x); separator=" | ") AS ?xs) WHERE { ?a ?p ?x } GROUP BY ?a'
    r = sort_lists(q, Results(["a", "xs"], [[ox.Literal("k"), ox.Literal("b | c | a")]]))
    assert r.rows[0][1].value == "a | b | c"
