from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from wagtail.models import Locale

from activiteiten.models import BuurtPage
from redactie.export import buurt_row, buurt_rows, glossary_rows, to_csv, to_xlsx

XLSX_NAME = "corpus.xlsx"  # the workbook's name when a folder is given


def corpus_rows(locale):
    """{"buurten.csv": rows, "voorzieningen.csv": rows, …} of every buurt and the glossary in `locale`."""
    buurten = list(BuurtPage.objects.filter(locale=locale).order_by("path"))
    files = {"buurten.csv": [buurt_row(b) for b in buurten], "voorzieningen.csv": [], "activiteiten.csv": []}
    for buurt in buurten:
        for name, rows in buurt_rows(buurt).items():
            files[name].extend(rows)
    files["woordenlijst.csv"] = glossary_rows(locale, include_aliases=True)  # like the buurten: every page
    return files


class Command(BaseCommand):
    help = (
        "Schrijft alle buurten, voorzieningen, activiteiten (met uitzonderingen en afgelastingen) en de woordenlijst "
        "naar vier CSV-bestanden in een map, of naar één Excel-bestand met vier werkbladen (--format xlsx). "
        "import_corpus leest ze weer in."
    )

    def add_arguments(self, parser):
        parser.add_argument("target", help="map voor de CSV-bestanden, of het .xlsx-bestand (of een map) bij xlsx")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv", help="csv (standaard) of xlsx")
        parser.add_argument(
            "--lang", choices=["nl", "en"], default="nl", help="welke taal van de website, en van de meldingen"
        )

    def handle(self, target, format, lang, **options):
        translation.activate(lang)
        locale = Locale.objects.filter(language_code=lang).first()
        if locale is None:
            raise CommandError(translation.gettext("De taal ‘%(lang)s’ staat niet op de website.") % {"lang": lang})
        files = corpus_rows(locale)
        path = Path(target)
        if format == "xlsx":
            if path.suffix.lower() != ".xlsx":
                path.mkdir(parents=True, exist_ok=True)
                path = path / XLSX_NAME
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(to_xlsx(files))
            written = [str(path)]
        else:
            path.mkdir(parents=True, exist_ok=True)
            written = []
            for name, rows in files.items():
                (path / name).write_bytes(to_csv(name, rows))
                written.append(str(path / name))
        for name, rows in files.items():
            self.stdout.write(translation.gettext("%(file)s: %(n)s rijen") % {"file": name, "n": len(rows)})
        self.stdout.write(
            self.style.SUCCESS(translation.gettext("Geschreven: %(files)s") % {"files": ", ".join(written)})
        )
