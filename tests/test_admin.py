"""Editors create each page type in the Wagtail admin, and get clear messages on bad input."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
from home.models import HomePage
from woordenlijst.models import BegripPage, WoordenlijstPage


class AdminCreateTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get(locale__language_code="nl")
        self.buurt = BuurtPage.objects.get(slug="presikhaaf", locale__language_code="nl")
        self.lijst = WoordenlijstPage.objects.get(locale__language_code="nl")

    def test_allowed_children(self):
        self.assertAllowedSubpageTypes(HomePage, {BuurtPage, WoordenlijstPage})
        self.assertAllowedSubpageTypes(BuurtPage, {ActiviteitPage, VoorzieningPage})
        self.assertAllowedSubpageTypes(WoordenlijstPage, {BegripPage})

    def test_create_buurt(self):
        self.assertCanCreate(
            self.home,
            BuurtPage,
            nested_form_data(
                {"title": "Het Broek", "slug": "het-broek", "gemeente": "Arnhem", "soort": "wijk",
                 "intro": "Een wijk in Arnhem-Noord.", "postcodes": "6824"}
            ),
        )  # fmt: skip
        self.assertEqual(BuurtPage.objects.get(slug="het-broek", locale__language_code="nl").gemeente, "Arnhem")
        # wagtail-localize keeps the English tree in sync: the new buurt has an English alias.
        self.assertTrue(BuurtPage.objects.filter(slug="het-broek", locale__language_code="en").exists())

    def test_create_voorziening_with_opening_hours(self):
        self.assertCanCreate(
            self.buurt,
            VoorzieningPage,
            nested_form_data(
                {
                    "title": "Servicepunt Test", "slug": "servicepunt-test", "soort": "servicepunt",
                    "omschrijving": rich_text("Hier kun je binnenlopen met een vraag."),
                    "adres": "Teststraat 1", "postcode": "6826 AB", "plaats": "Arnhem", "telefoon": "088-5550999",
                    "email": "", "website": "", "toegankelijkheid": "", "latitude": "", "longitude": "",
                    "openingstijden": inline_formset(
                        [{"dag": "0", "open": "09:00", "dicht": "12:00"}, {"dag": "2", "open": "13:00", "dicht": "17:00"}]
                    ),
                    "sluitingsperiodes": inline_formset([{"van": "2027-07-20", "tot_en_met": "2027-08-03", "reden": "zomersluiting"}]),
                    "toegankelijkheid_items": inline_formset(
                        [{"item": "lift", "antwoord": "ja", "toelichting": "tot de eerste verdieping"}, {"item": "ringleiding", "antwoord": "nee", "toelichting": ""}]
                    ),
                }
            ),
        )  # fmt: skip
        page = VoorzieningPage.objects.get(slug="servicepunt-test", locale__language_code="nl")
        self.assertEqual([(o.dag, f"{o.open:%H:%M}") for o in page.openingstijden.all()], [(0, "09:00"), (2, "13:00")])
        self.assertEqual(
            [(p.van.isoformat(), p.reden) for p in page.sluitingsperiodes.all()], [("2027-07-20", "zomersluiting")]
        )
        self.assertEqual(
            [(t.item, t.antwoord, t.toelichting) for t in page.toegankelijkheid_items.all()],
            [("lift", "ja", "tot de eerste verdieping"), ("ringleiding", "nee", "")],
        )

    def activiteit_data(self, **overrides):
        data = {
            "title": "Breiclub", "slug": "breiclub", "categorie": "ontmoeten", "doelgroep": "iedereen",
            "samenvatting": "Samen breien en kletsen.", "omschrijving": rich_text("Neem je eigen wol mee."),
            "start": "2026-12-01 14:00", "eind": "2026-12-01 16:00", "herhaling": "FREQ=WEEKLY;BYDAY=TU",
            "voorziening": str(VoorzieningPage.objects.get(slug="buurthuis-de-klimop", locale__language_code="nl").pk), "locatie": "Kleine zaal",
            "kosten": "gratis", "aanmelden": "niet nodig", "contact": "", "organisator": "", "status": "gepland", "status_reden": "",
            "toegankelijkheid": "",
            "uitzonderingen": inline_formset([]),
            "toegankelijkheid_items": inline_formset([]),
        }  # fmt: skip
        data.update(overrides)
        return nested_form_data(data)

    def test_create_activiteit(self):
        self.assertCanCreate(self.buurt, ActiviteitPage, self.activiteit_data())
        page = ActiviteitPage.objects.get(slug="breiclub", locale__language_code="nl")
        self.assertEqual(page.herhaling, "FREQ=WEEKLY;BYDAY=TU")
        self.assertEqual(page.voorziening.slug, "buurthuis-de-klimop")

    def test_an_accessibility_item_twice_gives_a_message(self):
        twice = [
            {"item": "lift", "antwoord": "ja", "toelichting": ""},
            {"item": "lift", "antwoord": "nee", "toelichting": ""},
        ]
        url = f"/admin/pages/add/activiteiten/activiteitpage/{self.buurt.pk}/"
        response = self.client.post(url, self.activiteit_data(toegankelijkheid_items=inline_formset(twice)))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Toegankelijkheid: ‘Lift’ staat er twee keer in. Laat er één staan.")
        self.assertFalse(ActiviteitPage.objects.filter(slug="breiclub").exists())

    def test_bad_rrule_and_other_buurt_voorziening_give_clear_messages_and_keep_input(self):
        other = (
            VoorzieningPage.objects.filter(locale__language_code="nl").exclude(path__startswith=self.buurt.path).first()
        )
        url = f"/admin/pages/add/activiteiten/activiteitpage/{self.buurt.pk}/"
        response = self.client.post(
            url, self.activiteit_data(herhaling="ELKE DINSDAG", voorziening=str(other.pk), title="Breiclub 2")
        )
        self.assertEqual(response.status_code, 200)
        form = response.context["form"]
        self.assertIn("Ongeldige herhaling", " ".join(form.errors["herhaling"]))
        self.assertIn("dezelfde buurt", " ".join(form.errors["voorziening"]))
        self.assertContains(response, 'value="Breiclub 2"')  # what was typed is kept
        self.assertFalse(ActiviteitPage.objects.filter(slug="breiclub").exists())

    def test_create_begrip(self):
        wmo = BegripPage.objects.get(slug="wmo", locale__language_code="nl")
        self.assertCanCreate(
            self.lijst,
            BegripPage,
            nested_form_data(
                {"title": "Buurtcirkel", "slug": "buurtcirkel", "afkorting": "", "domein": "welzijn",
                 "uitleg": "Een groep buren die elkaar helpt.", "definitie": "", "synoniemen": "buurtgroep",
                 "zie_ook_links": inline_formset([{"doel": str(wmo.pk)}])}
            ),
        )  # fmt: skip
        page = BegripPage.objects.get(slug="buurtcirkel", locale__language_code="nl")
        self.assertEqual([link.doel.slug for link in page.zie_ook_links.all()], ["wmo"])
        self.assertIn(page, wmo.related_terms())

    def test_create_woordenlijst_under_a_new_site_root(self):
        # A second site root (e.g. for another region) gets its own glossary through the admin.
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Zorgzame Buurten Noord", slug="noord", intro="<p>Welkom.</p>")
        )
        self.assertCanCreate(
            home,
            WoordenlijstPage,
            nested_form_data({"title": "Woordenlijst Noord", "slug": "woordenlijst", "intro": rich_text("Uitleg.")}),
        )
        self.assertEqual(WoordenlijstPage.objects.child_of(home).get().title, "Woordenlijst Noord")


class AdminUitzonderingTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.buurt = BuurtPage.objects.get(slug="presikhaaf", locale__language_code="nl")
        self.url = f"/admin/pages/add/activiteiten/activiteitpage/{self.buurt.pk}/"

    def data(self, dates):
        return AdminCreateTests.activiteit_data(
            self, uitzonderingen=inline_formset([{"datum": d, "soort": "vrij", "reden": "vakantie"} for d in dates])
        )

    def test_an_exception_on_a_day_without_the_activity_is_refused_with_the_date_named(self):
        # Every Tuesday from 1 December 2026; 23 December 2026 is a Wednesday.
        response = self.client.post(self.url, self.data(["2026-12-22", "2026-12-23"]))
        self.assertEqual(response.status_code, 200)
        errors = " ".join(response.context["form"].non_field_errors())
        self.assertIn("woensdag 23 december 2026", errors)
        self.assertNotIn("22 december", errors)
        self.assertContains(response, 'value="2026-12-23"')  # what was typed is kept
        self.assertFalse(ActiviteitPage.objects.filter(slug="breiclub").exists())

    def test_an_exception_on_a_day_of_the_rule_is_saved(self):
        self.assertCanCreate(self.buurt, ActiviteitPage, self.data(["2026-12-22", "2026-12-29"]))
        page = ActiviteitPage.objects.get(slug="breiclub", locale__language_code="nl")
        self.assertEqual([f"{u.datum:%Y-%m-%d}" for u in page.uitzonderingen.all()], ["2026-12-22", "2026-12-29"])
