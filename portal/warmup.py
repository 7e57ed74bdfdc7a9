"""What a new process reads once before it answers anyone (issue 12: start-up under 1 s).

A fresh process spends about 1 s in `django.setup()` (most of it Wagtail's own imports) and then, on its
first request, another 0.3 s compiling the URL patterns, 0.1 s reading the search's word lists and more
for the templates and translations. `warm()` does the second part at once, so no resident waits for it.

With gunicorn's `preload_app` (portal/gunicorn.conf.py) the master imports portal/wsgi.py, which calls
`warm()`, and each worker is a fork of it: a new or restarted worker answers its first search in about
0.2 s instead of 1.4 s (demo; benchmarks/search_startup.py, "forked worker"). Without `preload_app` each
worker warms itself before it takes its first request.

Everything warmed is the same in every process and changes only with a release (code, templates, data
files, catalogues), and a release restarts the server, so no process has to learn of a change. Nothing
here opens a connection to the database, the cache or the search engine: a connection made before the
fork would be shared by every worker. `warm()` closes the database connections anyway, in case something
it calls opened one.
"""

from pathlib import Path

from django.conf import settings
from django.db import connections
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation

from search.preload import preload

# Whether this process ran warm(): a fact about this process only (a fork inherits it), which
# portal/gunicorn.conf.py logs for every worker.
warmed = False


def _templates():
    """The names of the project's own templates (the TEMPLATES DIRS), e.g. "search/search.html"."""
    for directory in settings.TEMPLATES[0]["DIRS"]:
        root = Path(directory)
        for path in sorted(root.rglob("*.html")):
            yield path.relative_to(root).as_posix()


def warm():
    """Compile the URL patterns and the project's templates, load every language's catalogue and the
    search's word lists (search/preload.py). Returns the number of templates compiled."""
    global warmed

    reverse("wagtail_serve", args=("",))  # the first reverse() compiles every URL pattern
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Zoeken")  # loads the language's catalogues
    names = list(_templates())
    for name in names:
        get_template(name)  # compiled once, kept by Django's cached template loader
    preload()
    connections.close_all()
    warmed = True
    return len(names)
