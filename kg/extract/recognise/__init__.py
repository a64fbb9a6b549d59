"""Recognisers: one module per kind of thing read from the text, each a plain function of a Context.

`kg.extract.nlp` wraps each of them as a registered spaCy component.
"""
