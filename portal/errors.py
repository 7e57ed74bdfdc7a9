"""The portal's own error pages (400, 403, 404, 500, 503), in the reader's language, rendered without the database.

Django's handlers are replaced in portal/urls.py (handler400, handler403, handler404, handler500). Every page here is rendered
from a template and settings only: no request context processors and no queries, so that it still
renders when the database is gone. The language comes from the URL prefix (/en/…), as for every page.
"""

import sys

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation

from home.contact_links import tel_href

from .db_retry import DATABASE_ERRORS

# How long a client (or a proxy) should wait before asking again when the database is away. A PostgreSQL
# restart takes a few seconds; half a minute lets it come back without keeping a resident waiting long.
RETRY_AFTER_SECONDS = 30


def reader_language(request):
    """The language of the URL (/en/… is English), else the portal's default language (Dutch)."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def _telefoon():
    number = settings.SERVICEPUNT_TELEFOON
    return {"telefoon": number, "telefoon_tel": tel_href(number)}  # the one rule for tel: links


def render_error(request, template, status, **context):
    """The error page `template` in the reader's language, without touching the database."""
    with translation.override(reader_language(request)):
        body = render_to_string(template, {**_telefoon(), "status": status, **context})
    response = HttpResponse(body, status=status)
    response["Cache-Control"] = "no-store"  # a proxy must not keep an error page in place of the real one
    return response


def not_found(request, exception=None):
    return render_error(request, "404.html", 404)


def bad_request(request, exception=None):
    """400: a request Django refuses (a path outside the media folder, a forged host name)."""
    return render_error(request, "400.html", 400)


def forbidden(request, exception=None):
    return render_error(request, "403.html", 403)


def server_error(request):
    """500, or 503 when what went wrong is the database being away (see db_retry.py)."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return unavailable(request)
    return render_error(request, "500.html", 500)


def unavailable(request, resend=None):
    """503 with Retry-After. `resend` ({"action", "bericht", "contact"}) shows a resident's report again,
    with what they typed, so that they can send it once more."""
    context = {"resend": resend}
    if resend is not None:
        context["csrf_token"] = get_token(request)  # from the cookie: no database
    response = render_error(request, "503.html", 503, **context)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
