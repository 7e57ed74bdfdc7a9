"""HTTP caching headers: public and short for readers' pages, private for everything personal."""

import hashlib

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

PRIVATE = {"private": True, "no_store": True}


def etag_for(content):
    return f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'


def mark_public(response, seconds_left, etag, stored_at):
    """A reader's page: may be kept by the browser and a shared cache (CDN) for a short while."""
    max_age = max(0, min(settings.PAGE_CACHE_BROWSER_SECONDS, seconds_left))
    response["Cache-Control"] = f"public, max-age={max_age}"
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stored_at)
    return response


def mark_private(response):
    """Unless the view said otherwise: a page for one person (editor, session, a cookie set) is not kept."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, **PRIVATE)
    return response


def answer_conditional(request, response):
    """304 Not Modified when the request's If-None-Match / If-Modified-Since still matches."""
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=_timestamp(response.get("Last-Modified")),
        response=response,
    )


def _timestamp(value):
    from django.utils.http import parse_http_date_safe

    return parse_http_date_safe(value) if value else None
