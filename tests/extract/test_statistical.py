"""--model: an installed statistical pipeline adds its PER/ORG entities."""
from __future__ import annotations

import random
import subprocess
import sys

import pytest
import spacy
from spacy.training import Example

from kg.extract.pipeline import ModelNotFound, build_nlp, extract_document
from kg.model import Document
from tests.conftest import REPO

TRAIN = [
    ("Volgens Pietersma is de situatie ernstig.", [(8, 17, "PER")]),
    ("Ook Pietersma sprak met de burgemeester.", [(4, 13, "PER")]),
    ("De Stichting Veilig Wonen gaf advies.", [(3, 25, "ORG")]),
    ("Advies kwam van de Stichting Veilig Wonen gisteren.", [(19, 41, "ORG")]),
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A tiny NER pipeline trained here, saved to disk, loadable by path."""
    random.seed(0)
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("nl")
    ner = nlp.add_pipe("ner")
    for _, ents in TRAIN:
        for _, _, label in ents:
            ner.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": ents}) for text, ents in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("model") / "tiny_nl"
    nlp.to_disk(path)
    return path


def test_model_entities_become_mentions(tiny_model):
    nlp = build_nlp(str(tiny_model))
    assert "kg_model_entities" in nlp.pipe_names
    text = "Volgens Pietersma is de situatie ernstig. De NCTV deelt die zorg."
    extraction = extract_document(nlp, Document(id="t", source="t.txt", text=text, body_end=len(text)))
    model_mentions = [m for m in extraction.mentions if m.source == "model"]
    assert any(m.type == "Person" and m.text == "Pietersma" for m in model_mentions), extraction.mentions
    for mention in model_mentions:
        assert text[mention.start:mention.end] == mention.text


def test_without_a_model_no_model_entities():
    assert "kg_model_entities" not in build_nlp(None).pipe_names


def test_an_uninstalled_model_is_a_one_line_hint():
    with pytest.raises(ModelNotFound, match="no such spaCy pipeline"):
        build_nlp("nl_no_such_pipeline_xyz")
    result = subprocess.run([sys.executable, "-m", "kg", "build", "corpus", "-o", "/tmp/kg-never-written",
                             "--model", "nl_no_such_pipeline_xyz"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "no such spaCy pipeline" in result.stderr
