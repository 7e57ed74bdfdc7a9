"""A form on a shared (cached) page: no per-reader CSRF token, a same-site check instead.

Django's CSRF token is tied to one reader's cookie; a page that carries one can never be shared, and a
stored page would carry the token of whoever rendered it (a 403 for everyone else). The residents'
report form ("Klopt er iets niet?") sits on every activity and voorziening page and needs no sign-in,
so a forged cross-site post could do nothing a stranger cannot do by posting it himself. What CSRF
still guards against, a post made by another website in the reader's browser, is refused here by the
browser's own Origin header (sent with every POST by every current browser; Referer when it is
missing). The form's own limits (honeypot, reports per hour: redactie/melding_limit.py) stay.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.views.decorators.csrf import csrf_exempt


def _same_site(request):
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        return True  # not sent by a browser (curl, a test client): there is no reader's browser to misuse
    parts = urlsplit(source)  # Origin "null" (a sandboxed frame of another site) has no host: refused
    trusted = {origin.rstrip("/") for origin in settings.CSRF_TRUSTED_ORIGINS}
    return bool(parts.netloc) and (parts.netloc == request.get_host() or f"{parts.scheme}://{parts.netloc}" in trusted)


def shared_page_form(view):
    """For a POST view whose form is shown on cached pages: exempt from the token, same-site only."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST" and not _same_site(request):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
