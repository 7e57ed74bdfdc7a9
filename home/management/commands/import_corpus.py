from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from home.corpus import CorpusImporter, ImportFailed
from home.corpus.importer import FILES


class Command(BaseCommand):
    help = (
        "Importeert buurten.csv, voorzieningen.csv, activiteiten.csv en woordenlijst.csv uit een map. "
        "Alles of niets: bij één fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="map met de CSV-bestanden")
        parser.add_argument("--lang", choices=["nl", "en"], default="nl", help="taal van de meldingen (nl of en)")

    def handle(self, directory, lang, **options):
        translation.activate(lang)
        folder = Path(directory)
        if not folder.is_dir():
            raise CommandError(translation.gettext("De map ‘%(dir)s’ bestaat niet.") % {"dir": directory})
        files = {name: (folder / name).read_bytes() for name in FILES if (folder / name).is_file()}
        if not files:
            raise CommandError(
                translation.gettext("In ‘%(dir)s’ staat geen van deze bestanden: %(files)s")
                % {"dir": directory, "files": ", ".join(FILES)}
            )
        self.stdout.write(translation.gettext("Bestanden gelezen: %(files)s") % {"files": ", ".join(files)})
        importer = CorpusImporter(files, progress=self.stdout.write)
        try:
            counts = importer.run()
        except ImportFailed as failed:
            for problem in failed.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                translation.ngettext(
                    "%(n)s probleem gevonden. Er is niets opgeslagen.",
                    "%(n)s problemen gevonden. Er is niets opgeslagen.",
                    len(failed.problems),
                )
                % {"n": len(failed.problems)}
            ) from None
        for name, count in counts.items():
            self.stdout.write(
                self.style.SUCCESS(
                    translation.gettext("%(file)s: %(created)s nieuw, %(updated)s bijgewerkt") % {"file": name, **count}
                )
            )
