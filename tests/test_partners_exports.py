"""The open-data exports: Open Referral HSDS 3 (validated against the official schema kept in partners/hsds3/)
and the glossary as SKOS (Turtle and JSON-LD, read back with rdflib), served at stable URLs, made anew after a
publish and never holding drafts, unpublished or private content."""

import json
from datetime import date, timedelta

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from wagtail.models import PageViewRestriction

from activiteiten.models import BuurtPage, Openingstijd, VoorzieningPage
from activiteiten.testing import local, make_activiteit
from partners import exports, hsds
from partners.hsds_check import errors, service_validator
from woordenlijst.models import BegripPage, BegripZieOok

pytestmark = pytest.mark.django_db

SERVICE = service_validator()
DAYS_AHEAD = 30  # the test activity starts a month from now, so it has coming dates


@pytest.fixture(autouse=True)
def fresh_exports():
    """The shared cache outlives each test's rolled-back data: start every test from a new export version."""
    exports.invalidate()


def buurt_nl():
    return BuurtPage.objects.live().filter(locale__language_code="nl", alias_of__isnull=True).order_by("path")[0]


def download(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response


@pytest.fixture
def monthly(nl):
    start = local(date.today() + timedelta(days=DAYS_AHEAD), 14)
    until = (start + timedelta(days=200)).strftime("%Y%m%dT235959Z")
    return make_activiteit(
        buurt_nl(), "Maandelijkse soep voor open data", start, start + timedelta(hours=2),
        herhaling=f"FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY={start.day};UNTIL={until}", aanmelden="bel 088-5550123",
    )  # fmt: skip


def test_the_schema_check_catches_a_wrong_document():
    """The check itself: a service without a status, with a made-up field and a bad id is refused."""
    service = {"id": "geen-uuid", "name": "x", "verzonnen": 1}
    messages = " ".join(e.message for e in SERVICE.iter_errors(service))
    assert "'status' is a required property" in messages and "verzonnen" in messages and "uuid" in messages


def test_the_hsds_export_is_valid_hsds_3(client, monthly):
    document = json.loads(download(client, "/open-data/hsds.json").content)
    assert errors(document) == []
    names = {service["name"] for service in document["contents"]}
    assert monthly.title in names
    assert document["total_items"] == len(document["contents"]) and document["page_number"] == 1


def test_an_activity_becomes_a_service_with_an_rrule_schedule(monthly):
    service = next(s for s in hsds.services("nl") if s["name"] == monthly.title)
    schedule = service["schedules"][0]
    assert schedule["freq"] == "MONTHLY" and schedule["interval"] == 2
    assert schedule["bymonthday"] == str(monthly.start.day)
    assert schedule["dtstart"] == monthly.start.date().isoformat()
    assert (schedule["opens_at"], schedule["closes_at"]) == ("14:00", "16:00")
    assert schedule["until"] == schedule["valid_to"] and schedule["description"].startswith("Om de 2 maanden")
    assert service["phones"][0]["number"] == "+31885550123"
    assert service["organization"]["name"] == buurt_nl().title  # no organisator given: the buurt
    assert service["service_at_locations"][0]["location"]["name"] == "Grote zaal"


def test_a_voorziening_has_its_opening_hours_address_and_accessibility():
    place = VoorzieningPage.objects.live().filter(locale__language_code="nl").exclude(adres="").first()
    place.toegankelijkheid = "Drempelvrij, lift naar de eerste verdieping."
    place.save_revision().publish()
    Openingstijd.objects.filter(page=place).delete()
    Openingstijd.objects.create(page=place, dag=0, open="09:00", dicht="12:30")
    service = next(s for s in hsds.services("nl") if s["url"] == place.get_full_url() and "organization" in s)
    location = service["service_at_locations"][0]["location"]
    assert location["schedules"] == [
        {"id": location["schedules"][0]["id"], "location_id": location["id"], "freq": "WEEKLY", "wkst": "MO",
         "byday": "MO", "opens_at": "09:00", "closes_at": "12:30", "description": "maandag 09:00–12:30"}
    ]  # fmt: skip
    assert location["addresses"][0]["address_1"] == place.adres and location["addresses"][0]["country"] == "NL"
    assert location["accessibility"][0]["description"] == "Drempelvrij, lift naar de eerste verdieping."
    assert errors(hsds.document("nl")) == []


def test_spoken_languages_become_hsds_language_records():
    records = hsds.language_records(["nl", "tr"], service_id=hsds.uid("x"))
    assert [(r["code"], r["name"]) for r in records] == [("nl", "Dutch"), ("tr", "Turkish")]
    assert list(SERVICE.iter_errors({"id": hsds.uid("x"), "name": "x", "status": "active", "languages": records})) == []


def test_drafts_unpublished_and_private_pages_are_not_exported(client, monthly, django_capture_on_commit_callbacks):
    hidden = make_activiteit(buurt_nl(), "Nog niet klaar", local(date.today() + timedelta(days=3)), publish=False)
    monthly.title = "Conceptnaam die niemand mag zien"
    monthly.save_revision()
    names = {s["name"] for s in hsds.services("nl")}
    assert monthly.specific_class.objects.get(pk=monthly.pk).title in names
    assert not names & {"Nog niet klaar", "Conceptnaam die niemand mag zien"}
    monthly.refresh_from_db()  # publish() went to a copy: this object still says "not live"
    with django_capture_on_commit_callbacks(execute=True):
        monthly.unpublish()
    assert "Maandelijkse soep voor open data" not in {s["name"] for s in hsds.services("nl")}
    buurt = buurt_nl()
    PageViewRestriction.objects.create(page=buurt, restriction_type="password", password="geheim")
    urls = {s["url"] for s in hsds.services("nl")}
    assert not any(url.startswith(buurt.get_full_url()) for url in urls)
    assert hidden.pk  # created, and not exported


def test_the_files_are_made_anew_after_a_publish_and_an_unpublish(client, django_capture_on_commit_callbacks):
    before = download(client, "/open-data/hsds.json").content
    assert b"Nieuwe wandeling" not in before
    with django_capture_on_commit_callbacks(execute=True):
        page = make_activiteit(buurt_nl(), "Nieuwe wandeling", local(date.today() + timedelta(days=5)))
    assert b"Nieuwe wandeling" in download(client, "/open-data/hsds.json").content
    page.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert b"Nieuwe wandeling" not in download(client, "/open-data/hsds.json").content


def test_every_file_in_every_language_at_its_stable_url(client):
    for path, kind in [("hsds.json", "application/json"), ("woordenlijst.ttl", "text/turtle"),
                       ("woordenlijst.jsonld", "application/ld+json")]:  # fmt: skip
        for language in ("nl", "en", "tr", "ar"):
            response = download(client, f"/open-data/{language}/{path}")
            assert response["Content-Type"].startswith(kind)
        assert download(client, f"/open-data/{path}").content == download(client, f"/open-data/nl/{path}").content
    assert client.get("/open-data/xx/hsds.json").status_code == 404
    assert client.get("/open-data/nl/bestaat-niet.json").status_code == 404


# -- SKOS --------------------------------------------------------------------------------------------------


def parsed(client, language, extension):
    rdf_format = {"ttl": "turtle", "jsonld": "json-ld"}[extension]
    return Graph().parse(data=download(client, f"/open-data/{language}/woordenlijst.{extension}").content,
                         format=rdf_format)  # fmt: skip


@pytest.fixture
def begrip(nl, django_capture_on_commit_callbacks):
    first, other = BegripPage.objects.live().filter(locale__language_code="nl").order_by("path")[:2]
    first.afkorting, first.synoniemen = "ABC", "andere naam, nog een naam"
    first.definitie = "De precieze omschrijving."
    with django_capture_on_commit_callbacks(execute=True):
        first.save_revision().publish()
    BegripZieOok.objects.filter(page=first).delete()
    BegripZieOok.objects.create(page=first, doel=other)
    return first, other


@pytest.mark.parametrize("extension", ["ttl", "jsonld"])
def test_the_glossary_as_skos(client, begrip, extension):
    first, other = begrip
    graph = parsed(client, "nl", extension)
    concept, scheme = URIRef(first.get_full_url()), URIRef(first.get_parent().get_full_url())
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    assert (concept, RDF.type, SKOS.Concept) in graph and (concept, SKOS.inScheme, scheme) in graph
    assert set(graph.objects(concept, SKOS.prefLabel)) == {Literal(first.title, lang="nl")}
    assert set(graph.objects(concept, SKOS.altLabel)) == {
        Literal("ABC", lang="nl"), Literal("andere naam", lang="nl"), Literal("nog een naam", lang="nl")
    }  # fmt: skip
    assert set(graph.objects(concept, SKOS.definition)) == {Literal("De precieze omschrijving.", lang="nl")}
    assert set(graph.objects(concept, SKOS.scopeNote)) == {Literal(first.uitleg, lang="nl")}
    assert (concept, RDFS.comment, Literal(first.uitleg, lang="nl")) in graph
    assert (concept, SKOS.related, URIRef(other.get_full_url())) in graph
    assert (
        len(set(graph.subjects(RDF.type, SKOS.Concept)))
        == BegripPage.objects.live().public().filter(locale__language_code="nl").count()
    )


def test_the_glossary_per_language_holds_only_real_translations(client, begrip, django_capture_on_commit_callbacks):
    first, _other = begrip
    english = BegripPage.objects.get(translation_key=first.translation_key, locale__language_code="en")
    graph = parsed(client, "en", "ttl")
    assert not set(graph.subjects(RDF.type, SKOS.Concept))  # only untranslated aliases so far
    english.alias_of, english.title, english.uitleg = None, "care subscription fee", "A fixed amount each month."
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()
    graph = parsed(client, "en", "jsonld")
    concept = URIRef(english.get_full_url())
    assert set(graph.subjects(RDF.type, SKOS.Concept)) == {concept}
    assert (concept, SKOS.prefLabel, Literal("care subscription fee", lang="en")) in graph
    assert (concept, SKOS.scopeNote, Literal("A fixed amount each month.", lang="en")) in graph


def test_the_open_data_page_links_every_file(client):
    response = client.get("/open-data/")
    assert response.status_code == 200
    for language in ("nl", "en", "tr", "ar"):
        for name in ("hsds.json", "woordenlijst.ttl", "woordenlijst.jsonld"):
            assert f'href="/open-data/{language}/{name}"'.encode() in response.content
    assert b'href="/open-data/"' in client.get("/").content  # the footer link
    english = client.get("/en/open-data/")
    assert english.status_code == 200 and b'<html lang="en"' in english.content


def test_the_check_command_reports_a_valid_export(nl):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("check_open_data", stdout=out)
    assert "nl: " in out.getvalue() and "0 fouten" in out.getvalue()
