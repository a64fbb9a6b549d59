"""The pipeline loads spaCy without its command line, and spaCy's command line still works afterwards."""
import subprocess
import sys

CHECK = """
import sys
import kg.extract.nlp as nlp
assert "spacy.cli" not in sys.modules, "spaCy's command line was imported"
doc = nlp.build_nlp().make_doc("Giao Sở Y tế thực hiện.")
assert doc.text == "Giao Sở Y tế thực hiện."
import spacy
assert spacy.info(silent=True)["spacy_version"] == spacy.__version__  # the stand-in loads the real one
import spacy.cli
assert callable(spacy.cli.download) and "spacy.cli.info" in sys.modules
print("ok")
"""


def test_spacy_loaded_without_its_command_line():
    r = subprocess.run([sys.executable, "-c", CHECK], check=False, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip() == "ok"
