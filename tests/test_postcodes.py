"""“Wat is er bij mij in de buurt?” (postcodes/): reading a postcode or street, the answer, plain messages for bad
input that keep what was typed, never a 5xx, and search putting the buurt of a postcode first."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.utils import translation

from postcodes.models import Postcode
from postcodes.nabij import haversine_m, loopafstand
from postcodes.parse import parse
from search import engine

URL = "/bij-mij-in-de-buurt/"


def _get(client, value, prefix=""):
    response = client.get(f"{prefix}{URL}", {"postcode": value})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _error(soup):
    error = soup.select_one("#postcode-fout")
    return error.get_text(" ", strip=True) if error else None


@pytest.mark.parametrize(
    "text, postcode",
    [("6826 HK", "6826HK"), ("6826hk", "6826HK"), (" 6826  hK ", "6826HK"), ("6826", "6826"), ("٦٨٢٦ HK", "6826HK")],
)
def test_a_postcode_is_read_with_or_without_space_in_any_case(text, postcode):
    invoer = parse(text)
    assert (invoer.kind, invoer.postcode, invoer.area) == ("postcode", postcode, postcode[:4])


@pytest.mark.parametrize(
    "text, straat", [("Vlierbesstraat", "Vlierbesstraat"), ("vlierbesstraat 14", "vlierbesstraat")]
)
def test_a_street_is_read_without_its_house_number(text, straat):
    assert (parse(text).kind, parse(text).straat) == ("straat", straat)


def test_distances_and_walking_times_are_worded_plainly():
    # One degree of latitude is about 111 km.
    assert 111_000 < haversine_m(51.0, 5.0, 52.0, 5.0) < 111_400
    with translation.override("nl"):
        assert loopafstand(390) == "ongeveer 400 meter lopen (10 minuten)"
        assert loopafstand(20) == "ongeveer 100 meter lopen (5 minuten)"
        assert loopafstand(2730) == "ongeveer 2,5 kilometer lopen (55 minuten)"


def test_the_page_and_the_home_page_have_the_form(client, db):
    for url in (URL, "/", "/en/", f"/en{URL}"):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        form = soup.select_one("form.postcode-form")
        assert form is not None and form.select_one("input[name=postcode]") is not None, url
        assert soup.select_one("label[for=postcode-invoer]").get_text(strip=True)
    assert _error(BeautifulSoup(client.get(URL).content, "html.parser")) is None  # no error before asking


@pytest.mark.parametrize("typed", ["6826 HK", "6826hk", "6825", "Vlierbesstraat", "vlierbesstraat 14"])
def test_a_postcode_or_street_gives_its_buurt_places_by_distance_and_this_weeks_activities(client, db, typed):
    soup = _get(client, typed)
    assert _error(soup) is None
    answer = soup.select_one(".postcode-antwoord")
    heading = answer.select_one("h2").get_text(" ", strip=True)
    assert heading.endswith("hoort bij Presikhaaf")
    places = [li.select_one(".plekken__naam").get_text(strip=True) for li in soup.select("#plekken-lijst li")]
    assert set(places) == {
        "Buurthuis De Klimop", "Woonzorgcentrum Lindehof", "Huisartsenpraktijk De Meidoorn",
        "Buurtteam De Schakel", "Apotheek Kruidenhof",
    }  # fmt: skip
    walking = [li.select_one(".plekken__meta").get_text() for li in soup.select("#plekken-lijst li")]
    assert all("lopen" in text for text in walking)
    if typed.startswith("6825"):  # the Meidoornplein places share 6825
        assert places[0] in {"Huisartsenpraktijk De Meidoorn", "Apotheek Kruidenhof"}
    else:  # Vlierbesstraat 14 and 16 are 6826 HK
        assert places[0] in {"Buurthuis De Klimop", "Buurtteam De Schakel"}
    nearby = [a.get_text(strip=True) for a in answer.select("ul:not(#plekken-lijst) a.plekken__naam")]
    assert nearby and nearby[0] == "Malburgen" and "Het Lage Land" not in nearby  # Rotterdam is not nearby
    assert "3 kilometer per uur" in answer.get_text()
    assert soup.select(".agenda__item")  # Presikhaaf has weekly activities
    assert soup.select_one("#postcode-invoer")["value"] == typed


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Typ je postcode of de naam van je straat."),
        ("abc", "We kennen geen straat ‘abc’."),
        ("68265", "Een postcode heeft 4 cijfers. ‘68265’ heeft er 5."),
        ("682", "Een postcode heeft 4 cijfers. ‘682’ heeft er 3."),
        ("6826 H", "Na de 4 cijfers van een postcode komen 2 letters"),
        ("0826", "Een postcode begint niet met een 0."),
        ("68a26", "Typ een postcode, zoals 6826 HK of 6826, of de naam van je straat"),
        ("1234", "We kennen postcode 1234 niet."),
    ],
)
def test_bad_input_gets_a_plain_message_and_keeps_what_was_typed(client, db, typed, message):
    soup = _get(client, typed)
    assert message in _error(soup)
    field = soup.select_one("#postcode-invoer")
    assert field["value"] == typed and field["aria-invalid"] == "true"
    assert "postcode-fout" in field["aria-describedby"]
    assert soup.select_one(".postcode-antwoord") is None


def test_an_unknown_postcode_offers_the_servicepunt_and_the_buurten(client, db, settings):
    soup = _get(client, "1234 AB")
    assert "We kennen postcode 1234 AB niet." in _error(soup)
    text = soup.get_text(" ", strip=True)
    assert settings.SERVICEPUNT_TELEFOON in text
    assert {"Presikhaaf", "Malburgen", "Zetten"} <= {
        a.select_one(".card__title").get_text() for a in soup.select(".card a")
    }


def test_messages_are_in_the_readers_language(client, db):
    assert "A postcode has 4 digits" in _error(_get(client, "68265", prefix="/en"))
    assert "We don’t know postcode 1234." in _error(_get(client, "1234", prefix="/en"))


@pytest.mark.parametrize(
    "typed", ["<script>alert(1)</script>", "6826'; DROP TABLE x;--", "\x00", "x" * 5000, "٦٨٢٦", "6826 HK 14", "🏠"]
)
def test_hostile_input_never_gives_a_server_error(client, db, typed):
    response = client.get(URL, {"postcode": typed})
    assert response.status_code == 200
    assert b"<script>alert(1)" not in response.content


def test_a_postcode_an_editor_adds_is_found_by_postcode_and_street(client, db):
    Postcode.objects.create(postcode="6825AB", straat="Kastanjelaan", plaats="Arnhem", latitude=51.986, longitude=5.940)
    for typed in ("6825 AB", "kastanjelaan 3"):
        assert _get(client, typed).select_one(".postcode-antwoord h2").get_text(" ", strip=True).endswith("Presikhaaf")


def test_a_street_in_two_areas_asks_which_one(client, db):
    Postcode.objects.create(postcode="6661AA", straat="Dorpsstraat", plaats="Elst", latitude=51.92, longitude=5.84)
    soup = _get(client, "Dorpsstraat")  # also 6682 DS in Haalderen
    links = [a["href"] for a in soup.select("a[href^='?postcode=']")]
    assert sorted(links) == ["?postcode=6661AA", "?postcode=6682DS"]


def test_the_demo_postcodes_are_loaded_from_the_shipped_file(db):
    assert Postcode.objects.filter(postcode="6826HK", straat="Vlierbesstraat").exists()
    assert Postcode.objects.filter(postcode="6826").exists() and Postcode.objects.filter(postcode="6661").exists()


def test_a_bad_postcode_file_loads_nothing_and_names_each_line(db, tmp_path):
    path = tmp_path / "postcodes.csv"
    path.write_text("postcode;straat;plaats;lat;lon\n7000AA;Weg;Stad;52.1;6.1\n123;;;52;6\n7001;;;noord;6\n")
    with pytest.raises(CommandError) as error:
        call_command("load_postcodes", str(path))
    assert "regel 3" in str(error.value) and "regel 4" in str(error.value)
    assert not Postcode.objects.filter(postcode="7000AA").exists()


def test_editors_manage_postcodes_in_the_admin(admin_client):
    listing = admin_client.get("/admin/snippets/postcodes/postcode/")
    assert listing.status_code == 200
    assert (
        "3067 HZ" in listing.content.decode() and "Horizonlaan" in listing.content.decode()
    )  # written as residents do
    vlierbes = Postcode.objects.get(postcode="6826HK")
    edit = admin_client.get(f"/admin/snippets/postcodes/postcode/edit/{vlierbes.pk}/")
    assert edit.status_code == 200 and "Vlierbesstraat" in edit.content.decode()


@pytest.mark.parametrize("query, buurt", [("6825", "presikhaaf"), ("6826 HK", "presikhaaf"), ("6832", "malburgen")])
def test_search_puts_the_buurt_of_a_postcode_first(client, db, query, buurt):
    outcome = engine.search(query)
    assert outcome.results[0].doc.type == "buurt" and outcome.results[0].doc.slug == buurt
    soup = BeautifulSoup(client.get("/zoeken/", {"q": query}).content, "html.parser")
    assert soup.select_one(".search-result__title a")["href"].rstrip("/").endswith(buurt)


def test_search_for_an_unknown_postcode_does_not_invent_a_buurt(db):
    assert all(r.doc.type != "buurt" or not r.promoted for r in engine.search("1234").results)


def test_on_arabic_pages_a_postcode_reads_left_to_right(client, db):
    """In a right-to-left sentence "6826 HK" would show as "HK 6826": the postcode is isolated as left-to-right."""
    soup = _get(client, "6826 HK", prefix="/ar")
    assert soup.html["dir"] == "rtl"
    isolated = soup.select_one(".postcode-antwoord h2 bdi[dir=ltr]")
    assert isolated is not None and isolated.get_text() == "6826 HK"
    assert soup.select_one("#postcode-invoer")["dir"] == "auto"  # typed Latin letters and digits run left to right
    # The message names the typed postcode between Unicode isolates (LRI … PDI), in the Arabic text.
    assert "\u20661234\u2069" in _error(_get(client, "1234", prefix="/ar"))
