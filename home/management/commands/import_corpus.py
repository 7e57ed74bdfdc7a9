from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from wagtail.models import Locale

from home.corpus import CorpusImporter, ImportFailed
from home.corpus.importer import FILES
from home.corpus.translations import TranslationImporter
from home.corpus.xlsx import name_sheets, read_workbook

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def read_folder(folder):
    """({file name: bytes or Sheet}, problems) from <name>.csv or <name>.xlsx files in a folder."""
    files, problems = {}, []
    for name in FILES:
        csv_path, xlsx_path = folder / name, folder / name.replace(".csv", ".xlsx")
        if csv_path.is_file() and xlsx_path.is_file():
            raise CommandError(
                translation.gettext("In ‘%(dir)s’ staan zowel %(csv)s als %(xlsx)s. Laat er één staan.")
                % {"dir": folder, "csv": csv_path.name, "xlsx": xlsx_path.name}
            )
        if csv_path.is_file():
            files[name] = csv_path.read_bytes()
        elif xlsx_path.is_file():
            sheets, found = read_workbook(xlsx_path.name, xlsx_path.read_bytes(), expected=name)
            files.update(sheets)
            problems.extend(found)
    return files, problems


class Command(BaseCommand):
    help = (
        "Importeert buurten, voorzieningen, activiteiten en de woordenlijst: uit een map met "
        "buurten.csv, voorzieningen.csv, activiteiten.csv en woordenlijst.csv (of .xlsx), of uit één "
        "Excel-bestand met werkbladen buurten, voorzieningen, activiteiten en woordenlijst. "
        "Met --lang en, tr of ar: vertalingen van de Nederlandse pagina's (docs/talen.md). "
        "Alles of niets: bij één fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory", help="map met de bestanden, of één bestand (.xlsx met werkbladen, of bij --lang één .csv)"
        )
        parser.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=LANGUAGES[0],
            help="nl: de Nederlandse inhoud; en, tr of ar: vertalingen van de Nederlandse pagina's in die taal",
        )
        parser.add_argument(
            "--messages", choices=LANGUAGES, help="taal van de meldingen (standaard: de taal van --lang)"
        )

    def handle(self, directory, lang, messages=None, **options):
        translation.activate(messages or lang)
        path = Path(directory)
        if lang != settings.LANGUAGE_CODE:
            return self.import_translations(path, lang)
        if path.is_file():
            files, problems = read_workbook(path.name, path.read_bytes())
        elif path.is_dir():
            files, problems = read_folder(path)
        else:
            raise CommandError(translation.gettext("De map ‘%(dir)s’ bestaat niet.") % {"dir": directory})
        if not files and not problems:
            raise CommandError(
                translation.gettext("In ‘%(dir)s’ staat geen van deze bestanden: %(files)s")
                % {"dir": directory, "files": ", ".join(FILES)}
            )
        self.stdout.write(translation.gettext("Bestanden gelezen: %(files)s") % {"files": ", ".join(files)})
        counts = self.run_importer(CorpusImporter(files, progress=self.stdout.write), files, problems)
        for name, count in counts.items():
            self.stdout.write(
                self.style.SUCCESS(
                    translation.gettext("%(file)s: %(created)s nieuw, %(updated)s bijgewerkt") % {"file": name, **count}
                )
            )

    def run_importer(self, importer, files, problems):
        """The importer's counts; or every problem on stderr and a CommandError (nothing stored)."""
        try:
            if problems:  # report these together with everything else that is wrong
                raise ImportFailed(problems + importer.validate())
            return importer.run()
        except ImportFailed as failed:
            problems = name_sheets(failed.problems, files)
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(
                translation.ngettext(
                    "%(n)s probleem gevonden. Er is niets opgeslagen.",
                    "%(n)s problemen gevonden. Er is niets opgeslagen.",
                    len(problems),
                )
                % {"n": len(problems)}
            ) from None

    def import_translations(self, path, lang):
        """Translations of the Dutch pages (docs/talen.md): a folder, one translation .csv, or a workbook."""
        locale = Locale.objects.filter(language_code=lang).first()
        if locale is None:
            raise CommandError(translation.gettext("De taal ‘%(lang)s’ staat niet op de website.") % {"lang": lang})
        problems = []
        if path.is_dir():
            files, problems = read_folder(path)
        elif path.is_file() and path.suffix.lower() == ".xlsx":
            files, problems = read_workbook(path.name, path.read_bytes())
        elif path.is_file() and path.name in FILES:
            files = {path.name: path.read_bytes()}
        elif path.is_file():
            raise CommandError(
                translation.gettext("‘%(file)s’ is geen vertaalbestand; de naam moet een van deze zijn: %(files)s")
                % {"file": path.name, "files": ", ".join(FILES)}
            )
        else:
            raise CommandError(translation.gettext("De map ‘%(dir)s’ bestaat niet.") % {"dir": path})
        if not files and not problems:
            raise CommandError(
                translation.gettext("In ‘%(dir)s’ staat geen van deze bestanden: %(files)s")
                % {"dir": path, "files": ", ".join(FILES)}
            )
        self.stdout.write(translation.gettext("Bestanden gelezen: %(files)s") % {"files": ", ".join(files)})
        importer = TranslationImporter(files, locale, progress=self.stdout.write)
        for name, count in self.run_importer(importer, files, problems).items():
            self.stdout.write(
                self.style.SUCCESS(
                    translation.gettext(
                        "%(file)s: %(created)s nieuw vertaald, %(updated)s bijgewerkt, %(unchanged)s niet veranderd"
                    )
                    % {"file": name, **count}
                )
            )
