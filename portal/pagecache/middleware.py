"""PageCacheMiddleware: serves readers' pages from the shared cache and stores them (design: __init__.py)."""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from . import http, routes, tags

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"  # hit / miss / bypass: for benchmarks, tests and whoever debugs a proxy
# Headers that belong to one answer, never to a stored page.
NOT_STORED = {"set-cookie", "date", "cache-control", "etag", "last-modified", HEADER.lower()}


def opt_in(request, shown):
    """Called by a view (or a Wagtail hook) whose page may be shared: `shown` are the tags of what it shows."""
    request._page_cache_tags = set(shown)


def _clock():
    from activiteiten.agenda import now  # the site's clock (tests set it): "Vandaag" follows it

    return now()


def eligible(request):
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    return True


def _key(request):
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost: Django answers 400 further on; nothing to cache
        return None
    address = f"{request.scheme}://{host}{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(address.encode()).hexdigest()


def _storable(request, response):
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        and not (user is not None and user.is_authenticated)
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not eligible(request):
            return self._bypass(request, self.get_response(request))
        key = _key(request)
        if key is None:
            return self.get_response(request)
        entry = cache.get(key)
        if entry is not None and _clock().timestamp() < entry["until"] and tags.versions_match(entry["versions"]):
            return self._serve(request, entry)
        before = tags.any_bump()
        token = tags.start_collecting()
        try:
            response = self.get_response(request)
        finally:
            noted, expires = tags.stop_collecting(token)
        shown = getattr(request, "_page_cache_tags", None)
        if shown is None or not _storable(request, response):
            return self._bypass(request, response)
        entry = self._store(key, response, shown | noted, before, expires)
        if entry is None:
            response[HEADER] = "miss"
            return http.mark_private(response) if response.cookies else response
        return self._serve(request, entry, response=response, state="miss")

    def _bypass(self, request, response):
        personal = settings.SESSION_COOKIE_NAME in request.COOKIES or response.cookies
        if getattr(request, "_page_cache_tags", None) is not None or personal:
            response[HEADER] = "bypass"
        if personal:
            http.mark_private(response)
        return response

    def _store(self, key, response, shown, before, expires=None):
        versions = tags.current_versions(shown)
        if versions is None or tags.any_bump() != before:
            return None  # the cache is unreachable, or a purge happened while this page was rendered
        now = _clock()
        seconds = min(settings.PAGE_CACHE_SECONDS, tags.seconds_to_midnight(now))
        if expires is not None:
            # An "open now" text changes at this minute: at least one second, so a page is never stored dead.
            seconds = max(1, min(seconds, int((expires - now).total_seconds())))
        entry = {
            "content": response.content,
            "status": response.status_code,
            "headers": [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED],
            "versions": versions,
            "etag": http.etag_for(response.content),
            "stored_at": time.time(),
            "until": now.timestamp() + seconds,
        }
        cache.set(key, entry, seconds)
        return entry

    def _serve(self, request, entry, response=None, state="hit"):
        if response is None:
            response = HttpResponse(entry["content"], status=entry["status"])
            for name, value in entry["headers"]:
                response[name] = value
        response[HEADER] = state
        seconds_left = int(entry["until"] - _clock().timestamp())
        http.mark_public(response, seconds_left, entry["etag"], entry["stored_at"])
        answer = http.answer_conditional(request, response)
        if request.method == "HEAD" and answer is response:
            answer.content = b""  # same headers as GET (Content-Length of the page), no body
            answer["Content-Length"] = str(len(entry["content"]))
        return answer

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Django views named in routes.VIEWS opt in here; Wagtail pages in wagtail_hooks.py."""
        match = request.resolver_match
        shown_by_view = routes.VIEWS.get(match.url_name if match else None)
        if shown_by_view is not None and eligible(request):
            opt_in(request, shown_by_view(view_kwargs))
        return None
