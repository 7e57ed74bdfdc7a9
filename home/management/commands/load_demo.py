import csv
import itertools
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization

from home.models import HomePage
from woordenlijst.models import WoordenlijstPage

DEMO_DIR = Path(settings.BASE_DIR) / "demo" / "corpus"
DEMO_AGE_DAYS = 60  # how long ago the demo pages count as first published (well past "Nieuw")
HOME_INTRO = (
    "<p>Op deze website zie je wat er te doen is in je buurt. Je vindt ook waar je hulp kunt krijgen. "
    "Zoek je buurt in de lijst. Of typ in het zoekvak wat je zoekt.</p>"
)
WOORDENLIJST_INTRO = (
    "<p>Wonen, welzijn, zorg en de gemeente gebruiken veel eigen woorden en afkortingen. "
    "Hier leggen we ze uit in gewone taal. Kies een letter of zoek een woord.</p>"
)


class Command(BaseCommand):
    help = (
        "Maakt de demo-website: startpagina, woordenlijst en de demo-inhoud uit demo/corpus, met de vertalingen "
        "uit demo/corpus/en, tr en ar als die er zijn. Alleen op een lege database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", default=str(DEMO_DIR), help="map met de CSV-bestanden")
        parser.add_argument(
            "--admin-password",
            help="maak ook een beheerder ‘admin’ met dit wachtwoord (alleen als die nog niet bestaat)",
        )
        parser.add_argument(
            "--zonder-vertalingen",
            action="store_true",
            help="laad demo/corpus/en, tr en ar niet: alle pagina's in die talen blijven onvertaalde kopieën",
        )

    def handle(self, directory, admin_password=None, zonder_vertalingen=False, **options):
        if admin_password:
            self._admin(admin_password)
        if HomePage.objects.exists():
            self.stdout.write("Er is al inhoud op deze website. Er is niets veranderd.")
            return
        with transaction.atomic():
            home = self._site()
        call_command("import_corpus", directory, stdout=self.stdout, stderr=self.stderr)
        postcodes = Path(directory) / "postcodes.csv"
        if postcodes.exists():  # a corpus folder without postcodes leaves "bij mij in de buurt" empty
            call_command("load_postcodes", str(postcodes), stdout=self.stdout)
        call_command("setup_groups", stdout=self.stdout)
        languages = [settings.LANGUAGE_CODE] if zonder_vertalingen else [code for code, _name in settings.LANGUAGES]
        self._popular_searches(Path(directory) / "populaire_zoekvragen.csv", languages)
        if not zonder_vertalingen:
            self._translations(Path(directory))
        self._backdate()
        # The aliases in the other languages were created without a publish signal: fill the agenda for all.
        call_command("refresh_occurrences", stdout=self.stdout)
        # ... and the vocabulary for typo correction (search/vocabulary.py), for the same reason.
        call_command("rebuild_search_vocabulary", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo-website klaar: {home.title}."))

    def _translations(self, directory):
        """The translated demo content in demo/corpus/<lang>/ (docs/talen.md), for each language that has one."""
        for code, _name in settings.LANGUAGES:
            folder = directory / code
            if code != settings.LANGUAGE_CODE and folder.is_dir():
                call_command(
                    "import_corpus", "--lang", code, "--messages", settings.LANGUAGE_CODE, str(folder),
                    stdout=self.stdout, stderr=self.stderr,
                )  # fmt: skip

    def _popular_searches(self, path, languages):
        """The list "Waar anderen naar zoeken" (search/populair.py) in these languages: one row per term, a
        column per language (the terms in a row are translations of each other)."""
        from search.models import PopulaireZoekvraag

        if not path.exists():  # a corpus folder without the file: the list stays empty
            return
        # A language that has a list already keeps it as it is (an editor may have changed it).
        locales = Locale.objects.filter(language_code__in=languages).exclude(
            pk__in=PopulaireZoekvraag.objects.values("locale")
        )
        order = itertools.count(1)  # one order for the whole list, as the admin's drag-and-drop expects
        with path.open(encoding="utf-8-sig", newline="") as file:
            for row in csv.DictReader(file, delimiter=";"):
                for locale in locales:
                    if row.get(locale.language_code):
                        PopulaireZoekvraag.objects.create(
                            zoekvraag=row[locale.language_code],
                            locale=locale,
                            sort_order=next(order),
                        )

    def _backdate(self):
        """The demo stands for a portal that has been running for a while: its pages count as first published
        DEMO_AGE_DAYS ago, so that "Nieuw" (activiteiten/wording.py) marks only what an editor adds, not all
        111 demo activities for the first two weeks."""
        long_ago = timezone.now() - timedelta(days=DEMO_AGE_DAYS)
        Page.objects.filter(first_published_at__isnull=False).update(first_published_at=long_ago)

    def _admin(self, password):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            return
        User.objects.create_superuser("admin", "admin@example.nl", password)
        self.stdout.write("Beheerder ‘admin’ aangemaakt.")

    def _site(self):
        nl, _created = Locale.objects.get_or_create(language_code="nl")
        for code, _name in settings.LANGUAGES:
            if code != nl.language_code:
                translation, _created = Locale.objects.get_or_create(language_code=code)
                LocaleSynchronization.objects.get_or_create(locale=translation, defaults={"sync_from": nl})
        root = Page.get_first_root_node()
        # Wagtail's own "Welcome" page is replaced by the portal's start page.
        for page in root.get_children().exact_type(Page):
            page.delete()
        home = root.add_child(
            instance=HomePage(title="Zorgzame Buurten", slug="home", intro=HOME_INTRO, locale=nl, live=False)
        )
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80)
        site.root_page = home
        site.site_name = "Zorgzame Buurten"
        site.is_default_site = True
        site.save()
        lijst = home.add_child(
            instance=WoordenlijstPage(
                title="Woordenlijst: Gemeenschappelijke taal",
                slug="woordenlijst",
                intro=WOORDENLIJST_INTRO,
                locale=nl,
                live=False,
            )
        )
        lijst.save_revision().publish()
        from wagtail_localize.synctree import create_aliases_for_new_page

        for page in (home, lijst):
            page.refresh_from_db()  # publish() saved a copy; the alias must start from the live page
            create_aliases_for_new_page(page)
        return home
