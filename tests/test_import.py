"""import_corpus: full import, idempotent re-import, and all-or-nothing on bad input."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageLogEntry

from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
from search.models import PopulaireZoekvraag
from woordenlijst.models import BegripPage

from .corpus_support import FILES, copy_corpus

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.filter(locale__language_code="nl").count()
        for model in (BuurtPage, VoorzieningPage, ActiviteitPage, BegripPage)
    }


def snapshot():
    """Everything a failed import must leave untouched."""
    return (
        Page.objects.count(),
        sorted(Page.objects.values_list("id", "title", "latest_revision_id", "live")),
    )


@pytest.fixture
def corpus(tmp_path):
    return copy_corpus(tmp_path)


def run_import(folder, capsys=None, messages="nl"):
    call_command("import_corpus", str(folder), "--messages", messages)


def edit(folder, name, old, new, count=1):
    path = folder / name
    text = path.read_text(encoding="utf-8-sig")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8-sig")


def test_demo_corpus_is_imported_keyed_by_slug():
    assert counts() == {"BuurtPage": 12, "VoorzieningPage": 45, "ActiviteitPage": 111, "BegripPage": 90}
    act = ActiviteitPage.objects.get(slug="koffieochtend-de-klimop", locale__language_code="nl")
    assert act.get_parent().slug == "presikhaaf"
    assert act.voorziening.slug == "buurthuis-de-klimop"
    assert act.herhaling == "FREQ=WEEKLY;BYDAY=MO"
    assert act.start.isoformat() == "2026-01-05T08:30:00+00:00"  # 09:30 in Amsterdam (winter time)
    assert act.live and act.live_revision_id


def test_full_import_on_an_empty_site(corpus, capsys):
    # Remove all imported content (rolled back after the test), then import the four files again.
    for model in (BuurtPage, BegripPage):
        for page in model.objects.all():
            page.delete()
    assert counts() == {"BuurtPage": 0, "VoorzieningPage": 0, "ActiviteitPage": 0, "BegripPage": 0}
    run_import(corpus)
    out = capsys.readouterr().out
    assert counts() == {"BuurtPage": 12, "VoorzieningPage": 45, "ActiviteitPage": 111, "BegripPage": 90}
    assert "activiteiten.csv: 111 nieuw, 0 bijgewerkt" in out
    assert "activiteiten.csv: 100/111" in out  # progress lines
    wmo = BegripPage.objects.get(slug="wmo", locale__language_code="nl")
    assert "keukentafelgesprek" in [link.doel.slug for link in wmo.zie_ook_links.all()]


def test_reimport_updates_in_place_with_a_new_revision(tmp_path, capsys):
    # Two of the four files: a folder may hold only the files that changed (the others stay as they are).
    corpus = copy_corpus(tmp_path, ["buurten.csv", "voorzieningen.csv"])
    before = counts()
    page = VoorzieningPage.objects.get(slug="buurthuis-de-klimop", locale__language_code="nl")
    page_id, revision_id = page.id, page.live_revision_id
    edit(corpus, "voorzieningen.csv", "Vlierbesstraat 14", "Vlierbesstraat 16")
    edit(corpus, "voorzieningen.csv", "ma 09:00-22:00; di 09:00-22:00", "ma 09:00-12:00, 13:00-22:00; di 09:00-22:00")
    run_import(corpus)
    assert "voorzieningen.csv: 0 nieuw, 45 bijgewerkt" in capsys.readouterr().out
    assert counts() == before
    page = VoorzieningPage.objects.get(slug="buurthuis-de-klimop", locale__language_code="nl")
    assert page.id == page_id
    assert page.live_revision_id != revision_id
    assert page.adres == "Vlierbesstraat 16"
    assert [(o.dag, f"{o.open:%H:%M}-{o.dicht:%H:%M}") for o in page.openingstijden.all()][:2] == [
        (0, "09:00-12:00"),
        (0, "13:00-22:00"),
    ]
    assert PageLogEntry.objects.filter(page_id=page_id, action="wagtail.publish").count() >= 2


@pytest.mark.parametrize(
    "name, old, new, expected",
    [
        ("activiteiten.csv", "koffieochtend-de-klimop;Koffieochtend in De Klimop;presikhaaf",
         "koffieochtend-de-klimop;Koffieochtend in De Klimop;nergenshuizen", ["activiteiten.csv", "regel 2", "kolom ‘buurt’", "nergenshuizen", "bestaat niet"]),
        ("activiteiten.csv", ";presikhaaf;buurthuis-de-klimop;Grote zaal", ";presikhaaf;buurthuis-bestaat-niet;Grote zaal",
         ["regel 2", "kolom ‘voorziening’", "buurthuis-bestaat-niet"]),
        ("activiteiten.csv", "2026-01-05T09:30;2026-01-05T11:30", "2026-13-05T09:30;2026-01-05T11:30",
         ["regel 2", "kolom ‘start’", "2026-13-05T09:30", "2026-01-05T09:30"]),
        ("activiteiten.csv", '"FREQ=WEEKLY;BYDAY=MO"', '"FREQ=WEEKLY;BYDAY=XX"',
         ["regel 2", "kolom ‘herhaling’", "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;BYDAY=TU"]),
        ("voorzieningen.csv", '"ma 09:00-22:00; di 09:00-22:00', '"ma 09:00-22:00; di 22:00-09:00',
         ["voorzieningen.csv", "regel 2", "kolom ‘openingstijden’", "sluitingstijd"]),
        ("buurten.csv", "malburgen;Malburgen", "presikhaaf;Malburgen", ["buurten.csv", "regel 3", "kolom ‘slug’", "regel 2"]),
        ("woordenlijst.csv", "keukentafelgesprek,maatwerkvoorziening", "keukentafelgesprekken,maatwerkvoorziening",
         ["woordenlijst.csv", "kolom ‘zie_ook’", "keukentafelgesprekken"]),
        ("buurten.csv", "slug;naam;gemeente;soort;intro;postcodes", "slug;naam;soort;intro;postcodes",
         ["buurten.csv", "regel 1", "kolom ‘gemeente’", "ontbreekt"]),
        ("voorzieningen.csv", '"drempelvrij=ja; lift=ja: naar de eerste', '"drempelvrij=ja; roltrap=ja: naar de eerste',
         ["voorzieningen.csv", "regel 2", "kolom ‘toegankelijkheid_items’", "‘roltrap’ kennen we niet", "lift"]),
        ("voorzieningen.csv", '"drempelvrij=ja; lift=ja: naar de eerste', '"drempelvrij=misschien; lift=ja: naar de eerste',
         ["voorzieningen.csv", "regel 2", "kolom ‘toegankelijkheid_items’", "ja, nee of onbekend"]),
    ],
    ids=["unknown-buurt", "unknown-voorziening", "bad-date", "bad-rrule", "bad-hours", "duplicate-slug",
         "unknown-zie-ook", "missing-column", "unknown-accessibility-item", "bad-accessibility-answer"],
)  # fmt: skip
def test_bad_input_stores_nothing_and_names_the_problem(corpus, capsys, name, old, new, expected):
    # A valid change elsewhere proves that nothing at all is stored, not just the bad row.
    edit(corpus, "buurten.csv", "Presikhaaf is een naoorlogse wijk", "Presikhaaf is een wijk")
    edit(corpus, name, old, new)
    before = snapshot()
    with pytest.raises(CommandError, match="Er is niets opgeslagen"):
        run_import(corpus)
    err = capsys.readouterr().err
    for fragment in expected:
        assert fragment in err
    assert snapshot() == before
    assert BuurtPage.objects.get(slug="presikhaaf", locale__language_code="nl").intro.startswith(
        "Presikhaaf is een naoorlogse wijk"
    )


def test_every_problem_is_listed(corpus, capsys):
    edit(corpus, "activiteiten.csv", ";ontmoeten;", ";feest;", count=3)
    with pytest.raises(CommandError):
        run_import(corpus)
    err = capsys.readouterr().err
    assert err.count("kolom ‘categorie’") == 3
    assert "verwacht een van: ontmoeten, eten" in err


def test_unreadable_encoding_stores_nothing(corpus, capsys):
    text = (corpus / "buurten.csv").read_text(encoding="utf-8-sig")
    (corpus / "buurten.csv").write_bytes(text.encode("utf-16"))
    before = snapshot()
    with pytest.raises(CommandError):
        run_import(corpus)
    assert "buurten.csv" in capsys.readouterr().err
    assert snapshot() == before


def test_windows_1252_and_comma_delimited_files_are_read(tmp_path, capsys):
    import csv

    corpus = copy_corpus(tmp_path, ["buurten.csv"])  # one file is enough to show how files are read
    import io

    rows = list(csv.reader(io.StringIO((corpus / "buurten.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    rows[1][1] = "Presikhaaf-Zuid é"
    out = io.StringIO()
    csv.writer(out, delimiter=",").writerows(rows)
    (corpus / "buurten.csv").write_bytes(out.getvalue().encode("cp1252"))
    run_import(corpus)
    assert BuurtPage.objects.get(slug="presikhaaf", locale__language_code="nl").title == "Presikhaaf-Zuid é"


def test_messages_in_english(corpus, capsys):
    edit(corpus, "activiteiten.csv", "2026-01-05T09:30;2026-01-05T11:30", "gisteren;2026-01-05T11:30")
    with pytest.raises(CommandError, match="Nothing was saved"):
        run_import(corpus, messages="en")
    err = capsys.readouterr().err
    assert "line 2" in err and "column ‘start’" in err


def test_load_demo_does_nothing_when_content_exists(capsys):
    before = snapshot()
    call_command("load_demo")
    assert "Er is al inhoud" in capsys.readouterr().out
    assert snapshot() == before


def test_load_demo_on_an_empty_database(tmp_path, capsys):
    from home.models import HomePage

    # The demo folder without its translation folders (en, tr, ar): importing those takes minutes, and
    # tests/test_import_translations.py::test_load_demo_loads_the_translation_folders shows that
    # load_demo imports them.
    copy_corpus(tmp_path, [*FILES, "postcodes.csv", "populaire_zoekvragen.csv"])
    for page in HomePage.objects.all():
        page.delete()
    assert not Page.objects.filter(depth__gt=1).exists()
    call_command("load_demo", "--directory", str(tmp_path))
    assert counts() == {"BuurtPage": 12, "VoorzieningPage": 45, "ActiviteitPage": 111, "BegripPage": 90}
    home = HomePage.objects.get(locale__language_code="nl")
    assert home.get_site().root_page_id == home.id
    assert HomePage.objects.filter(locale__language_code="en").exists()
    # The popular searches of the no-result page: the Dutch list (from the session's demo) stays as it was,
    # the other languages get theirs (demo/corpus/populaire_zoekvragen.csv).
    lists = {
        code: list(PopulaireZoekvraag.objects.filter(locale__language_code=code).values_list("zoekvraag", flat=True))
        for code in ("nl", "en", "tr", "ar")
    }
    assert lists["nl"][:2] == ["koffie", "huisarts"] and len(lists["nl"]) == 6
    assert lists["en"][:2] == ["coffee", "doctor"] and len(lists["tr"]) == len(lists["ar"]) == 6
