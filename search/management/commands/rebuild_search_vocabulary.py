"""python manage.py rebuild_search_vocabulary: the typo-correction words again from the live pages."""

from django.core.management.base import BaseCommand

from search import vocabulary


class Command(BaseCommand):
    help = (
        "Zet de woorden van alle gepubliceerde pagina's opnieuw in de woordenlijst voor tikfouten. "
        "Na een import zonder publicatie-signalen (load_demo doet het zelf) en elke nacht, "
        "zodat voorbije activiteiten eruit gaan."
    )

    def handle(self, **options):
        words, pages = vocabulary.rebuild()
        self.stdout.write(f"Woordenlijst voor tikfouten: {words} woorden van {pages} pagina's.")
