"""Print the query the search engine receives for a question: python manage.py engine_query "koffie Malburgen".

For developers and partners who want to see why a page comes where it does: what Python understood of the
question (engine_rank.question) and the OpenSearch query it becomes, with Wagtail's filter (live pages of the
language, in the buurt of --buurt: searched.searched_pages). search/README.md shows one, printed with this command. Needs OPENSEARCH_URL; asks the engine
nothing but the glossary terms the question says in other words (concepts.py).
"""

import json

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from search import docindex
from search.engine_rank import question
from search.searched import searched_pages

LINE = 110  # an object or list that fits on a line of this many characters is printed on one line


def compact(value, indent=0):
    """JSON with every object or list that fits in LINE characters on one line (the query is deep)."""
    flat = json.dumps(value, ensure_ascii=False, default=str)  # translation keys are UUIDs
    if len(flat) + indent <= LINE or not isinstance(value, dict | list) or not value:
        return flat
    inner = " " * (indent + 2)
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(key)}: {compact(item, indent + 2)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [f"{inner}{compact(item, indent + 2)}" for item in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


class Command(BaseCommand):
    help = "Print the OpenSearch query of a resident's question (SEARCH_RANKING=engine)."

    def add_arguments(self, parser):
        parser.add_argument("question")
        parser.add_argument("--lang", default="nl", help="the language of the portal asked (default nl)")
        parser.add_argument("--buurt", default="", help="slug of the buurt the resident searches in")

    def handle(self, *args, **options):
        backend = get_search_backend()
        if not hasattr(backend, "query_compiler_class") or not hasattr(backend, "reload_synonyms"):
            raise CommandError("No search engine configured: set OPENSEARCH_URL.")
        locale = Locale.objects.filter(language_code=options["lang"]).first()
        if locale is None:
            raise CommandError(f"The site has no language {options['lang']!r}.")
        index = docindex.get_index(locale)
        buurt = None
        if options["buurt"]:
            buurt = next((doc for doc in index.buurten.values() if doc.slug == options["buurt"]), None)
            if buurt is None:
                raise CommandError(f"No buurt with slug {options['buurt']!r} in {options['lang']}.")
        query = question(options["question"], index, locale, buurt)
        if query is None:
            self.stdout.write(
                "Nothing in this question says what is asked: the answer is empty, the engine is not asked."
            )
            return
        compiler = backend.search(query, searched_pages(locale, buurt)).query_compiler
        self.stdout.write(compact(compiler.get_query()))
