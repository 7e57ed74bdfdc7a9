from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from home.corpus import CorpusImporter, ImportFailed
from home.corpus.importer import FILES
from home.corpus.xlsx import name_sheets, read_workbook


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
        "Alles of niets: bij één fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="map met de bestanden, of één .xlsx-bestand met werkbladen")
        parser.add_argument("--lang", choices=["nl", "en"], default="nl", help="taal van de meldingen (nl of en)")

    def handle(self, directory, lang, **options):
        translation.activate(lang)
        path = Path(directory)
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
        importer = CorpusImporter(files, progress=self.stdout.write)
        try:
            if problems:  # report these together with everything else that is wrong
                raise ImportFailed(problems + importer.validate())
            counts = importer.run()
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
        for name, count in counts.items():
            self.stdout.write(
                self.style.SUCCESS(
                    translation.gettext("%(file)s: %(created)s nieuw, %(updated)s bijgewerkt") % {"file": name, **count}
                )
            )
