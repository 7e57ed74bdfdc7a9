"""A real HTTP server on 127.0.0.1 in a thread that serves partner feeds for tests/test_partner_feeds.py."""

import contextlib
import http.server
import threading
import time


class Routes:
    """path -> (status, body bytes, content type, delay in seconds); tests change them between runs."""

    def __init__(self):
        self.routes = {}

    def set(self, path, body, status=200, content_type="text/calendar; charset=utf-8", delay=0):
        self.routes[path] = (status, body if isinstance(body, bytes) else body.encode(), content_type, delay)


def _handler(routes):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            status, body, content_type, delay = routes.routes.get(self.path, (404, b"niet gevonden", "text/plain", 0))
            if delay:
                time.sleep(delay)
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the importer gave up (timeout): nothing left to answer

        def log_message(self, *args):
            pass

    return Handler


@contextlib.contextmanager
def serving():
    """Start the server; yields Routes with .base, the server's address."""
    routes = Routes()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    routes.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield routes
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def vevent(uid, summary, dtstart, dtend=None, rrule=None, exdates=(), location=None, description=None, extra=()):
    lines = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261101T000000Z", f"SUMMARY:{summary}"]
    lines.append(f"DTSTART;TZID=Europe/Amsterdam:{dtstart}")
    if dtend:
        lines.append(f"DTEND;TZID=Europe/Amsterdam:{dtend}")
    if rrule:
        lines.append(f"RRULE:{rrule}")
    if exdates:
        lines.append("EXDATE;TZID=Europe/Amsterdam:" + ",".join(exdates))
    if location:
        lines.append(f"LOCATION:{location}")
    if description:
        lines.append(f"DESCRIPTION:{description}")
    lines.extend(extra)
    lines.append("END:VEVENT")
    return lines


def calendar(*events):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bibliotheek//Agenda//NL"]
    for event in events:
        lines.extend(event)
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
