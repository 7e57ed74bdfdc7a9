"""Numbers and dates from a request (home/params.py): refused politely, in the reader's language."""
# ruff: noqa: F811  (the clock fixture imported from agenda_support)

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.http import Http404, QueryDict
from django.utils import translation

from activiteiten.testing import local
from home import params

from .agenda_support import clock  # noqa: F401

NOW = local(date(2027, 3, 24), 8)


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


TODAY = date(2027, 3, 24)


@pytest.mark.parametrize("text", ["²", "①", "٣", "１２", "-1", "0", "1.5", "9" * 40, "\x00"])
def test_only_ascii_digits_make_a_page_number(text):
    parsed = params.page_number({"pagina": text})
    assert parsed.value == 1
    assert parsed.error.endswith("We tonen de eerste pagina.")
    assert "\x00" not in parsed.error


def test_a_page_number_within_bounds_is_used():
    assert params.page_number(QueryDict("pagina=3")) == params.Parsed(3)
    too_deep = params.page_number(QueryDict(f"pagina={params.MAX_PAGE + 1}"))
    assert too_deep.value == 1 and f"hoogstens {params.MAX_PAGE}" in too_deep.error


@pytest.mark.parametrize("value", [str(2**63), "9" * 20, "0", "-1", "²"])
def test_an_id_no_row_can_have_is_a_404(value):
    with pytest.raises(Http404):
        params.int_id(value)
    assert params.int_id("42") == 42 and params.int_id(2**63 - 1) == 2**63 - 1


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2027-03-31", date(2027, 3, 31)),
        ("9999-12-31", TODAY),
        ("0001-01-01", TODAY),
        ("2027-02-30", TODAY),
        ("٢٠٢٧-٠٣-٣١", TODAY),
        ("20270331", TODAY),
    ],
)
def test_a_date_outside_its_range_or_badly_written_falls_back_to_today(text, expected):
    parsed = params.date_param(QueryDict(f"vanaf={text}"), "vanaf", TODAY, "Dus vandaag.")
    assert parsed.value == expected
    assert bool(parsed.error) == (expected == TODAY)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "prefix,expected",
    [
        ("", "Kies een datum van 23 maart 2026 tot en met 26 maart 2030. We tonen de week vanaf maandag."),
        ("/en", "Choose a date from 23 March 2026 to 26 March 2030. We show the week from Monday."),
    ],
)
def test_weekoverzicht_far_date_says_which_dates_work(client, clock, prefix, expected):
    response = client.get(f"{prefix}/agenda/malburgen/weekoverzicht/?vanaf=9999-12-31")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find(role="alert").get_text(" ", strip=True) == expected
    assert "22" in soup.h1.get_text()  # this week, from Monday 22 March


@pytest.mark.django_db
@pytest.mark.parametrize(
    "prefix,expected",
    [("", "‘²’ is geen paginanummer. We tonen de eerste pagina."), ("/en", "‘²’ is not a page number.")],
)
def test_agenda_unicode_page_number_gets_a_message(client, prefix, expected):
    response = client.get(f"{prefix}/agenda/", {"pagina": "²"})
    assert response.status_code == 200
    alert = BeautifulSoup(response.content, "html.parser").find(role="alert").get_text(" ", strip=True)
    assert expected in alert
