"""The spaCy pipeline: `spacy.blank("vi")` with a whitespace tokenizer and one registered component per recogniser.

Each component reads the document context from `doc._.kg_ctx` and writes its records to a `doc._` attribute
(declared in `assigns`), so `nlp.analyze_pipes()` checks the order. The recognisers work on character offsets of
the clean text and read no tokens.
"""
from __future__ import annotations

import gc
import sys
import types
from functools import lru_cache


def _import_spacy() -> None:
    """Import spaCy without its command line.

    spaCy's package imports `spacy.cli` (typer, weasel, an HTTP client: ~0.15 s of every process start) only
    to offer `spacy.info`. While spaCy loads, `spacy.cli.info` is a stand-in whose `info` imports the real one
    when called; once spaCy is loaded the stand-ins are gone, so `import spacy.cli` loads the real package.
    """
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    pkg, mod = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    pkg.__path__ = []  # a package, so that spacy.cli.info resolves to the stand-in

    def info(*args, **kwargs):
        from spacy.cli.info import info as real  # the stand-ins are gone by the time anyone calls it

        return real(*args, **kwargs)

    mod.info = info
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = pkg, mod
    try:
        import spacy  # noqa: F401
    finally:
        for name, stub in (("spacy.cli.info", mod), ("spacy.cli", pkg)):
            if sys.modules.get(name) is stub:
                del sys.modules[name]


_import_spacy()

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .recognise import agencies, directives, named, quantities, responsibilities
from .records import Context

for _a in ("kg_ctx", "kg_directives", "kg_agencies", "kg_named", "kg_quantities", "kg_responsibilities"):
    if not Doc.has_extension(_a):
        Doc.set_extension(_a, default=None)

def whitespace_tokenizer(vocab) -> Tokenizer:
    """spaCy's Cython tokenizer with no affix rules: tokens split at spaces only, doc.text == text.

    No component reads tokens (the recognisers work on character offsets of the clean text), so the doc
    needs no finer split: splitting off punctuation by affix rules cost ~0.4 s of ~4.6 s of extraction on 3.3 MB,
    and pyvi word segmentation (~0.5 MB/s) would cost more than all the recognisers together.
    """
    return Tokenizer(vocab)


def _register(name: str, find, needs: tuple[str, ...] = ()) -> None:
    """A component that runs one recogniser on the document context and stores its records in doc._.<name>.

    `needs`: earlier components whose records the recogniser reads (passed in that order after the context)."""

    def component(doc: Doc) -> Doc:
        doc._.set(name, find(doc._.kg_ctx, *(doc._.get(n) for n in needs)))
        return doc

    Language.component(name, requires=["doc._.kg_ctx"] + [f"doc._.{n}" for n in needs],
                       assigns=[f"doc._.{name}"], func=component)


# each recogniser with the earlier components whose records it reads, in pipeline order
RECOGNISERS = {
    "kg_directives": (directives.find_directives, ()),
    "kg_agencies": (agencies.find_agencies, ()),
    # a head word inside an agency's name ("Phòng Tài chính - Kế hoạch") opens no project or programme
    "kg_named": (named.find_named, ("kg_agencies",)),
    "kg_quantities": (quantities.find_quantities, ()),
    # who is responsible for what reads the agencies, projects and directives found before it
    "kg_responsibilities": (responsibilities.find_responsibilities,
                            ("kg_agencies", "kg_named", "kg_directives", "kg_quantities")),
}
for _name, (_find, _needs) in RECOGNISERS.items():
    _register(_name, _find, _needs)

PIPES = tuple(RECOGNISERS)


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = whitespace_tokenizer(nlp.vocab)
    # spaCy refuses texts over 1,000,000 characters (E088) to protect parsers and NER models that need
    # about 1 GB per 100,000 characters; this pipeline has neither, only the whitespace tokenizer and recognisers
    # that work on character offsets, so long documents are processed whole.
    nlp.max_length = 10**9
    for name in PIPES:
        nlp.add_pipe(name)
    # what is loaded by now (spaCy, pydantic, numpy, the recognisers' modules: ~10^6 objects) lives as long as
    # the process: the garbage collector's full passes need not walk it again and again
    gc.freeze()
    return nlp


def run(ctx: Context) -> Doc:
    nlp = build_nlp()
    doc = nlp.make_doc(ctx.text)
    doc._.kg_ctx = ctx
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
