"""The graph: vocabulary, extraction → RDF mapping, the store, named queries, validation, derived progress."""
