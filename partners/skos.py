"""The glossary (woordenlijst) as SKOS, one graph per language, written as Turtle or JSON-LD with rdflib.

Each live BegripPage of the language is a skos:Concept in the skos:ConceptScheme of its WoordenlijstPage; the URIs
are the pages' own public URLs. Labels and notes carry the language tag of the page's locale:
- skos:prefLabel      the term (page title)
- skos:altLabel       the afkorting and each of the synoniemen ("andere woorden")
- skos:hiddenLabel    misspellings: the portal has no field for them yet (add them in `_labels` when it does)
- skos:definition     definitie (the precise, professional wording)
- skos:scopeNote      uitleg, the B1 explanation for residents. This follows the issue's reading of NL-SBB, the
                      Dutch standard for describing concepts (Geonovum, https://docs.geostandaarden.nl/nl-sbb/nl-sbb/),
                      which asks for an explanation in plain (B1) language next to the definition. NL-SBB's own
                      RDF binding names that explanation rdfs:comment, so it is written as rdfs:comment too.
- skos:related        zie-ook (in both directions, only to live terms of the same language)
"""

from django.utils.html import strip_tags

from woordenlijst.models import BegripPage, WoordenlijstPage

FORMATS = {"ttl": ("turtle", "text/turtle; charset=utf-8"), "jsonld": ("json-ld", "application/ld+json")}


def graph(language):
    """The SKOS graph of one language: its translated terms only (an untranslated alias holds Dutch text, which
    must not be tagged as another language); empty when that language has no published glossary."""
    # rdflib is imported when a partner asks for the glossary, not when the site starts: the URLs import
    # this module in every process, and importing rdflib takes 90 ms.
    from rdflib import RDF, RDFS, Graph, Literal, URIRef
    from rdflib.namespace import DCTERMS, SKOS

    def uri(page):
        return URIRef(page.get_full_url())

    vocabularies = {"skos": SKOS, "rdfs": RDFS}
    result = Graph()
    result.bind("skos", SKOS)
    result.bind("dct", DCTERMS)
    lijst = WoordenlijstPage.objects.live().public().filter(locale__language_code=language).first()
    if lijst is None:
        return result
    scheme = uri(lijst)
    # The glossary page itself may still be an untranslated alias (Dutch text) while terms are translated.
    lijst_language = lijst.alias_of.locale.language_code if lijst.alias_of_id else language
    result.add((scheme, RDF.type, SKOS.ConceptScheme))
    result.add((scheme, SKOS.prefLabel, Literal(lijst.title, lang=lijst_language)))
    result.add((scheme, DCTERMS.title, Literal(lijst.title, lang=lijst_language)))
    if lijst.intro:
        result.add((scheme, DCTERMS.description, Literal(strip_tags(lijst.intro), lang=lijst_language)))
    begrippen = (
        BegripPage.objects.child_of(lijst)
        .live()
        .public()
        .filter(alias_of__isnull=True)
        .prefetch_related("zie_ook_links")
    )
    for begrip in begrippen:
        concept = uri(begrip)
        result.add((concept, RDF.type, SKOS.Concept))
        result.add((concept, SKOS.inScheme, scheme))
        result.add((concept, SKOS.topConceptOf, scheme))
        result.add((scheme, SKOS.hasTopConcept, concept))
        for (prefix, name), text in _labels(begrip):
            result.add((concept, vocabularies[prefix][name], Literal(text, lang=language)))
        for related in begrip.related_terms():
            result.add((concept, SKOS.related, uri(related)))
    return result


def _labels(begrip):
    """((vocabulary, predicate), text) pairs of one term; empty texts are left out."""
    pairs = [(("skos", "prefLabel"), begrip.title), (("skos", "altLabel"), begrip.afkorting)]
    pairs += [(("skos", "altLabel"), synoniem) for synoniem in begrip.synoniem_list()]
    pairs += [
        (("skos", "definition"), begrip.definitie),
        (("skos", "scopeNote"), begrip.uitleg),
        (("rdfs", "comment"), begrip.uitleg),
    ]
    return [(predicate, text.strip()) for predicate, text in pairs if text and text.strip()]


def serialize(language, extension):
    """The glossary of `language` as text in the format of `extension` ("ttl" or "jsonld")."""
    rdf_format, _content_type = FORMATS[extension]
    return graph(language).serialize(format=rdf_format)
