"""Ride out a lost database connection: retry a GET or HEAD once, otherwise answer 503, never 500.

When PostgreSQL restarts, every open connection dies. CONN_HEALTH_CHECKS (settings) finds a dead
connection before a request uses it; a connection that dies *during* a request raises OperationalError
or InterfaceError. Then this middleware closes the connections and runs the view once more (reading
is safe to repeat) after a short pause. If the database is still away, or the request writes (POST),
the answer is the friendly 503 page (portal/errors.py) with Retry-After. A view that writes decides
itself what to do (redactie/melding.py keeps the resident's text so they can send it again).
"""

import logging
import time

from django.db import InterfaceError, OperationalError, connections

DATABASE_ERRORS = (OperationalError, InterfaceError)
SAFE_METHODS = ("GET", "HEAD")
# A restarting PostgreSQL accepts connections again after about a second; waiting this long before the
# one retry lets many requests through that would otherwise get the 503 page.
RETRY_PAUSE_SECONDS = 0.5

logger = logging.getLogger(__name__)


def close_all():
    """Drop every connection of this thread; the next query opens a fresh one."""
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except DATABASE_ERRORS:
            connection.connection = None  # already gone; closing it fails, forgetting it is enough


def _again(action):
    close_all()
    time.sleep(RETRY_PAUSE_SECONDS)
    return action()


def retry_once(action):
    """Run `action`; when the database connection is lost, close the connections, wait and run it once more."""
    try:
        return action()
    except DATABASE_ERRORS as exc:
        logger.warning("Database connection lost (%s); trying once more", exc)
        return _again(action)


def _rendered(response):
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    return response


class RetryWhenDatabaseLost:
    """Middleware: a view (or its template) that loses the database is run once more, or answers 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        from .errors import unavailable

        match = request.resolver_match
        if request.method not in SAFE_METHODS or match is None or getattr(request, "_database_retried", False):
            close_all()
            return unavailable(request)
        request._database_retried = True
        logger.warning(
            "Database connection lost during %s %s (%s); trying once more", request.method, request.path, exception
        )
        try:
            return _again(lambda: _rendered(match.func(request, *match.args, **match.kwargs)))
        except DATABASE_ERRORS:
            close_all()
            return unavailable(request)
