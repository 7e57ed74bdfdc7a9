"""The page cache: whole public pages for readers, kept in the shared cache, purged exactly.

Who gets a cached page
    Anonymous GET and HEAD requests (no session cookie, no Authorization header) for the views that
    opt in: every Wagtail page that is live and has no view restriction (home, buurt, activiteit,
    voorziening, woordenlijst with its booklet routes, begrip) and the agenda views listed in
    `routes.py` (site agenda, weekoverzicht, the .ics feeds). Editors (they always carry a session
    cookie), POSTs, the search page, the melding form and the admin never opt in. A response is only
    stored when it is a plain 200 that sets no cookie and used no CSRF token, so nothing one reader
    typed (a report, a search) can end up in the page another reader gets.

How a cached page knows it is out of date: tags with versions
    While a page is rendered, the code that knows what the page shows names it with tags
    (`tags.note()`): "page:<id>" for the page itself, "buurt:<slug>" for everything of one buurt,
    "activiteiten" for pages that list activities of the whole site (home "Deze week", site agenda,
    feeds), "woordenlijst" for the glossary and for every page whose text got glossary links, and
    "site" on every page. Each tag has a version in the shared cache (a random token). The stored
    page keeps the versions of its tags as they were when it was rendered; on every hit the current
    versions are read (one `get_many`) and any difference is a miss. Publishing, unpublishing, moving
    or deleting a page, or setting or lifting its view restriction, replaces the versions of the tags that
    page can appear under (`signals.py`, `changed_tags()` in `routes.py`), so every process on every
    machine stops serving the pages that show it at once; nothing has to find or delete the old entries (they expire on their own).
    A render that overlaps a publish is not stored: the "any bump" token is read before rendering and
    compared before storing.

Midnight
    "Vandaag" and "Deze week" change at midnight in Europe/Amsterdam without any publish, so every
    entry expires at the next local midnight (`tags.seconds_to_midnight`, correct across the change to
    and from summer time), and the browser's max-age never reaches past it either.

Redis down
    The shared cache answers "not there" and stores nothing while Redis is down (portal/cache.py logs
    it once per outage): pages are rendered fresh, never a 500. A purge that could not be written
    during an outage is logged as an error here; entries live at most PAGE_CACHE_SECONDS.

HTTP caching (`http.py`)
    Readers' pages get `Cache-Control: public, max-age=PAGE_CACHE_BROWSER_SECONDS`, an ETag and a
    Last-Modified, and a 304 for a matching conditional request. Everything else that does not say
    otherwise gets `Cache-Control: private, no-store` when the request carried a session or the
    response sets a cookie. See docs/cache.md, also for a CDN or Varnish in front
    (wagtail.contrib.frontend_cache, `frontend.py`).
"""
