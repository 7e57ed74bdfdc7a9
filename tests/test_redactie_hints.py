"""Writing hints in the admin: glossary words with their uitleg, long sentences, a Flesch-Douma score."""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import rich_text

from redactie.hints import LONG_SENTENCE_WORDS, hints_for, readability

from .redactie_support import activiteit_a, buurt_a, cm_a, edit_form_data, login  # noqa: F401

LONG = (
    "Wij organiseren samen met de gemeente en de woningcorporatie en het wijkteam en de huisarts en de "
    "apotheek en de bibliotheek elke week een bijeenkomst voor alle bewoners van de wijk die dat willen."
)


def panel(html):
    soup = BeautifulSoup(html, "html.parser")
    return soup.select_one("[data-schrijfhulp]")


@translation.override("nl")
def test_easy_and_hard_texts_get_different_scores():
    easy, easy_band, easy_meaning = readability("Wij drinken koffie. Kom ook! Het is gratis. Je bent welkom.")
    hard, hard_band, _meaning = readability(
        "De gemeentelijke beleidsmedewerkers implementeerden interdisciplinaire samenwerkingsverbanden "
        "teneinde maatschappelijke ondersteuningsvoorzieningen efficiënter te organiseren."
    )
    assert easy > 80 > hard
    assert easy_band == "makkelijk" and "Bijna alle bewoners" in easy_meaning
    assert hard_band == "zeer-moeilijk"


def test_hints_for_a_page(activiteit_a):
    activiteit_a.omschrijving = f"<p>Vraag het aan bij de Wmo. {LONG}</p><p>Kom gezellig.</p>"
    activiteit_a.samenvatting = "Koffie voor iedereen."
    hints = hints_for(activiteit_a)
    found = {entry.afkorting or entry.term: form for entry, form in hints.terms}
    assert found["Wmo"] == "Wmo"
    assert "woningcorporatie" in found and "wijkteam" in found
    uitleg = {entry.afkorting: entry.uitleg for entry, _form in hints.terms}
    assert "Wmo" in uitleg and uitleg["Wmo"]
    assert [s for s, words in hints.long_sentences] == [LONG]
    assert hints.long_sentences[0][1] > LONG_SENTENCE_WORDS
    assert 0 <= hints.score <= 100 or hints.score < 0
    assert hints.meaning


def test_panel_in_the_editor_is_updated_on_save(admin_client, cm_a, activiteit_a):
    client = login(cm_a)
    url = reverse("wagtailadmin_pages:edit", args=[activiteit_a.pk])
    before = panel(client.get(url).content.decode())
    assert before is not None
    assert "Schrijfhulp" in client.get(url).content.decode()
    assert LONG not in before.get_text()
    data = edit_form_data(admin_client, activiteit_a, omschrijving=rich_text(f"<p>De Wmo helpt. {LONG}</p>"))
    response = client.post(url, data)  # save a draft
    assert response.status_code == 302
    after = panel(client.get(url).content.decode())
    assert LONG in after.select_one("[data-long-sentences]").get_text()
    terms = after.select_one("[data-terms]").get_text()
    assert "Wmo" in terms and "Wet maatschappelijke ondersteuning" in terms
    assert after.select_one("[data-score]") is not None


def test_panel_on_buurt_and_voorziening_edit(admin_client, buurt_a):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[buurt_a.pk])).content.decode()
    box = panel(html)
    assert box is not None and "Flesch-Douma" in box.get_text()
