"""kamerkg's own terms (generated from ontology/kg.ttl; do not edit).

Regenerate with ``python -m kg.graph.gen_namespace``.
"""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class KG(DefinedNamespace):
    """The kamerkg ontology, https://w3id.org/kamerkg/def#"""

    _fail = True
    _NS = Namespace("https://w3id.org/kamerkg/def#")

    Action: URIRef  # Action
    ActionClass: URIRef  # Action class
    Answer: URIRef  # Answer
    Citation: URIRef  # Citation
    Document: URIRef  # Document
    Extraction: URIRef  # Extraction
    Measure: URIRef  # Measure
    MeasureGroup: URIRef  # Measure group
    Mention: URIRef  # Mention
    Motion: URIRef  # Motion
    Question: URIRef  # Question
    actionClass: URIRef  # action class
    actionVerb: URIRef  # action verb
    addressee: URIRef  # addressee
    agent: URIRef  # agent
    answeredBy: URIRef  # answered by
    answers: URIRef  # answers
    askedBy: URIRef  # asked by
    caseSensitive: URIRef  # case sensitive
    citationKind: URIRef  # citation kind
    cited: URIRef  # cited
    citing: URIRef  # citing
    cueOnly: URIRef  # cue only
    descriptive: URIRef  # descriptive
    documentNumber: URIRef  # document number
    documentType: URIRef  # document type
    dossier: URIRef  # dossier number
    evidence: URIRef  # evidence
    exactLabel: URIRef  # exact label
    extractorVersion: URIRef  # extractor version
    gazetteerHash: URIRef  # gazetteer hash
    inCorpus: URIRef  # in corpus
    kind: URIRef  # kind
    matchContext: URIRef  # match context
    mentions: URIRef  # mentions
    number: URIRef  # number in dossier
    object: URIRef  # object
    page: URIRef  # page
    party: URIRef  # party
    publishedAs: URIRef  # published as
    questionNumber: URIRef  # question number
    relatedQuestion: URIRef  # related question number
    reportsOn: URIRef  # reports on
    role: URIRef  # role
    sentence: URIRef  # sentence
    sha256: URIRef  # SHA-256
    shortLabel: URIRef  # short label
    signatory: URIRef  # signatory
    sourceFile: URIRef  # source file
    status: URIRef  # status
    submitter: URIRef  # submitter
    takesPortfolio: URIRef  # takes portfolio
    text: URIRef  # text
    validFrom: URIRef  # valid from
    validUntil: URIRef  # valid until
    vergaderjaar: URIRef  # vergaderjaar
    year: URIRef  # year
    yearSuffix: URIRef  # year suffix
