"""import_corpus --lang en|tr|ar: translations of the Dutch pages, through wagtail-localize, all-or-nothing."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
from woordenlijst.models import BegripPage

from .translation_support import translation_editor

pytestmark = pytest.mark.django_db

HEADERS = {
    "buurten.csv": ["slug", "naam", "intro"],
    "voorzieningen.csv": ["slug", "naam", "omschrijving", "toegankelijkheid"],
    "activiteiten.csv": ["slug", "titel", "locatie", "samenvatting", "omschrijving", "kosten", "aanmelden"],
    "woordenlijst.csv": ["slug", "term", "uitleg", "definitie", "synoniemen"],
}
ROWS = {
    "buurten.csv": [["presikhaaf", "Presikhaaf", "Presikhaaf, Arnhem'in doğusunda bir mahalledir."]],
    "voorzieningen.csv": [
        [
            "buurthuis-de-klimop",
            "Mahalle evi De Klimop",
            "Presikhaaf'ın ortasında bir mahalle evi.",
            "Eşiksiz giriş, asansör.",
        ]
    ],
    "activiteiten.csv": [
        [
            "koffieochtend-de-klimop",
            "De Klimop'ta kahve sabahı",
            "Büyük salon",
            "Her pazartesi sabahı kahve ve sohbet.",
            "Her pazartesi saat dokuz buçuktan itibaren kahve hazır.",
            "1,00 € (kahve ve çay)",
            "gerekli değil",
        ]
    ],
    "woordenlijst.csv": [
        ["wmo", "Wmo (Sosyal Destek Yasası)", "Wmo bir yasadır.", "Resmi tanım.", "sosyal destek, yardım"]
    ],
}


def write(folder, name, rows, header=None, delimiter=";", encoding="utf-8"):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header or HEADERS[name])
    writer.writerows(rows)
    (folder / name).write_bytes(out.getvalue().encode(encoding))


@pytest.fixture
def tr_folder(tmp_path):
    for name, rows in ROWS.items():
        write(tmp_path, name, rows)
    return tmp_path


def run(path, lang="tr", messages="nl"):
    out = io.StringIO()
    call_command("import_corpus", "--lang", lang, "--messages", messages, str(path), stdout=out)
    return out.getvalue()


def tr(model, slug):
    return model.objects.get(slug=slug, locale__language_code="tr")


def stored():
    """Everything an import stores: pages, revisions, wagtail-localize's translations and texts."""
    return (
        sorted(Page.objects.values_list("id", "title", "latest_revision_id", "live", "alias_of_id")),
        Revision.objects.count(),
        Translation.objects.count(),
        sorted(StringTranslation.objects.values_list("id", "data", "updated_at")),
    )


def test_translations_are_stored_through_wagtail_localize(tr_folder, admin_client):
    # The demo (demo/corpus/tr/) may already have translated this page: then the import updates it.
    was_alias = tr(ActiviteitPage, "koffieochtend-de-klimop").alias_of_id is not None
    out = run(tr_folder)
    counts = "1 nieuw vertaald, 0 bijgewerkt" if was_alias else "0 nieuw vertaald, 1 bijgewerkt"
    assert f"activiteiten.csv: {counts}, 0 niet veranderd" in out
    act = tr(ActiviteitPage, "koffieochtend-de-klimop")
    dutch = ActiviteitPage.objects.get(slug="koffieochtend-de-klimop", locale__language_code="nl")
    assert act.live and act.alias_of_id is None and not act.has_unpublished_changes
    assert act.title == "De Klimop'ta kahve sabahı"
    assert act.slug == dutch.slug and act.get_parent().slug == "presikhaaf"  # the same path in every language
    assert act.samenvatting == "Her pazartesi sabahı kahve ve sohbet."
    assert act.omschrijving == "<p>Her pazartesi saat dokuz buçuktan itibaren kahve hazır.</p>"
    # Fields that are not texts stay the Dutch ones.
    assert (act.start, act.herhaling, act.contact) == (dutch.start, dutch.herhaling, dutch.contact)
    assert tr(BuurtPage, "presikhaaf").intro.startswith("Presikhaaf, Arnhem'in")
    assert tr(VoorzieningPage, "buurthuis-de-klimop").toegankelijkheid == "Eşiksiz giriş, asansör."
    assert tr(BegripPage, "wmo").synoniemen == "sosyal destek, yardım"
    # wagtail-localize knows every text as translated: its editor opens with them, nothing waits.
    translation = Translation.objects.get(source__object_id=dutch.translation_key, target_locale=act.locale)
    total, done = translation.get_progress()
    assert total == done > 0
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[act.pk]))
    assert response.status_code == 200
    editor = translation_editor(response)
    assert editor["samenvatting"] == ["Her pazartesi sabahı kahve ve sohbet."]
    assert editor["title"] == ["De Klimop'ta kahve sabahı"]
    assert "herhaling" not in editor and "slug" not in editor  # not texts: they stay the Dutch ones
    # The reader sees it.
    assert "De Klimop'ta kahve sabahı" in admin_client.get(act.url).content.decode()


def test_running_again_changes_nothing_and_an_edited_row_updates_that_page_only(tr_folder):
    run(tr_folder)
    before = stored()
    out = run(tr_folder)
    assert "activiteiten.csv: 0 nieuw vertaald, 0 bijgewerkt, 1 niet veranderd" in out
    assert stored() == before

    voorziening = tr(VoorzieningPage, "buurthuis-de-klimop")
    activiteit = tr(ActiviteitPage, "koffieochtend-de-klimop")
    rows = [list(ROWS["activiteiten.csv"][0])]
    rows[0][6] = "telefonla kayıt"
    write(tr_folder, "activiteiten.csv", rows)
    out = run(tr_folder)
    assert "activiteiten.csv: 0 nieuw vertaald, 1 bijgewerkt, 0 niet veranderd" in out
    assert "voorzieningen.csv: 0 nieuw vertaald, 0 bijgewerkt, 1 niet veranderd" in out
    assert tr(ActiviteitPage, "koffieochtend-de-klimop").aanmelden == "telefonla kayıt"
    assert tr(ActiviteitPage, "koffieochtend-de-klimop").live_revision_id != activiteit.live_revision_id
    assert tr(VoorzieningPage, "buurthuis-de-klimop").live_revision_id == voorziening.live_revision_id


def test_a_single_file_and_another_language(tmp_path):
    write(
        tmp_path, "woordenlijst.csv", [["wmo", "Wmo (Social Support Act)", "The Wmo is a law.", "Definition.", "care"]]
    )
    run(tmp_path / "woordenlijst.csv", lang="en")
    assert BegripPage.objects.get(slug="wmo", locale__language_code="en").title == "Wmo (Social Support Act)"
    assert not BegripPage.objects.get(slug="wmo", locale__language_code="tr").title.startswith("Wmo (Social")


def _broken(folder, case):
    act = list(ROWS["activiteiten.csv"][0])
    if case == "unknown-slug":
        write(folder, "activiteiten.csv", [["koffie-bestaat-niet", *act[1:]]])
    elif case == "missing-column":
        write(folder, "activiteiten.csv", [act[:6]], header=HEADERS["activiteiten.csv"][:6])
    elif case == "extra-column":
        write(folder, "activiteiten.csv", [[*act, "x"]], header=[*HEADERS["activiteiten.csv"], "doelgroep"])
    elif case == "empty-cell":
        write(folder, "activiteiten.csv", [[*act[:3], "", *act[4:]]])
    elif case == "wrong-delimiter":
        write(folder, "activiteiten.csv", [act], delimiter="|")
    elif case == "not-utf8":
        write(folder, "activiteiten.csv", [act], encoding="cp1254")  # Turkish Windows code page
    elif case == "wrong-page-type":
        write(folder, "voorzieningen.csv", [["koffieochtend-de-klimop", "Kahve", "Kahve.", "Asansör."]])
    elif case == "paragraphs":
        write(folder, "activiteiten.csv", [[*act[:4], "Birinci paragraf.\n\nİkinci paragraf.", *act[5:]]])


@pytest.mark.parametrize(
    "case, expected",
    [
        (
            "unknown-slug",
            ["activiteiten.csv", "regel 2", "kolom ‘slug’", "koffie-bestaat-niet", "geen Nederlandse pagina"],
        ),
        ("missing-column", ["activiteiten.csv", "regel 1", "kolom ‘aanmelden’", "ontbreekt"]),
        ("extra-column", ["activiteiten.csv", "regel 1", "kolom ‘doelgroep’", "hoort niet in activiteiten.csv"]),
        ("empty-cell", ["activiteiten.csv", "regel 2", "kolom ‘samenvatting’", "mag niet leeg zijn"]),
        ("wrong-delimiter", ["activiteiten.csv", "regel 1", "puntkomma (;)"]),
        ("not-utf8", ["activiteiten.csv", "regel 2", "geen UTF-8"]),
        ("wrong-page-type", ["voorzieningen.csv", "regel 2", "kolom ‘slug’", "zet deze regel in activiteiten.csv"]),
        ("paragraphs", ["activiteiten.csv", "regel 2", "kolom ‘omschrijving’", "1 alinea, de vertaling 2"]),
    ],
)
def test_a_broken_file_stores_nothing_and_names_file_line_and_column(tr_folder, capsys, case, expected):
    # The other files are fine: nothing of them is stored either.
    _broken(tr_folder, case)
    before = stored()
    with pytest.raises(CommandError, match="Er is niets opgeslagen"):
        run(tr_folder)
    err = capsys.readouterr().err
    for fragment in expected:
        assert fragment in err, err
    assert stored() == before


def test_messages_in_the_readers_language(tr_folder, capsys):
    _broken(tr_folder, "unknown-slug")
    with pytest.raises(CommandError, match="Nothing was saved"):
        run(tr_folder, messages="en")
    err = capsys.readouterr().err
    assert "line 2" in err and "column ‘slug’" in err


def test_paragraphs_map_onto_the_dutch_paragraphs(tr_folder):
    dutch = ActiviteitPage.objects.get(slug="koffieochtend-de-klimop", locale__language_code="nl")
    dutch.omschrijving = "<p>Eerste alinea.</p><p>Tweede alinea.</p>"
    dutch.save_revision().publish()
    _broken(tr_folder, "paragraphs")
    run(tr_folder)
    assert tr(ActiviteitPage, "koffieochtend-de-klimop").omschrijving == (
        "<p>Birinci paragraf.</p><p>İkinci paragraf.</p>"
    )


def test_load_demo_loads_the_translation_folders(tmp_path):
    from django.conf import settings

    from home.models import HomePage

    (tmp_path / "buurten.csv").write_bytes((settings.BASE_DIR / "demo" / "corpus" / "buurten.csv").read_bytes())
    (tmp_path / "tr").mkdir()
    write(tmp_path / "tr", "buurten.csv", ROWS["buurten.csv"])
    for page in HomePage.objects.all():
        page.delete()
    call_command("load_demo", "--directory", str(tmp_path), stdout=io.StringIO())
    assert tr(BuurtPage, "presikhaaf").intro == ROWS["buurten.csv"][0][2]
    assert tr(BuurtPage, "malburgen").alias_of_id is not None  # not in the file: still the Dutch page's copy
