"""A publish never waits for a hanging search cluster: the change is queued and delivered later."""
# ruff: noqa: F811  (pytest fixtures imported from another test module)

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from search import backends

from .test_opensearch_queue import engine_at, new_activity, queue

# The cluster below hangs this long and then drops the connection. The site's bulk timeout is set
# longer still, so only the short limit on single writes can end the wait before the cluster does.
CLUSTER_HANGS_SECONDS = 15
BULK_TIMEOUT_SECONDS = 60


@pytest.fixture(autouse=True)
def fresh_state():
    backends.reset_failover_state()
    yield
    backends.reset_failover_state()


@pytest.fixture
def hanging_cluster():
    """Accepts connections, never answers, and gives up after CLUSTER_HANGS_SECONDS."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    stop = threading.Event()

    def hang(conn):
        stop.wait(CLUSTER_HANGS_SECONDS)
        conn.close()

    def accept():
        while not stop.is_set():
            try:
                conn = server.accept()[0]
            except OSError:
                continue
            threading.Thread(target=hang, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    server.close()


class _Engine(BaseHTTPRequestHandler):
    """Just enough of OpenSearch for single-document writes; it remembers what it was sent."""

    def _answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_PUT(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.received.append((self.command, self.path, body.decode()))
        shards = {"total": 1, "successful": 1, "failed": 0}
        self._answer(201, {"result": "created", "_id": self.path.rsplit("/", 1)[-1], "_shards": shards})

    do_POST = do_PUT

    def do_DELETE(self):
        self.server.received.append((self.command, self.path, ""))
        self._answer(200, {"result": "deleted"})

    def do_GET(self):  # no index settings to compare synonyms with
        self._answer(404, {"error": {"type": "index_not_found_exception"}, "status": 404})

    def log_message(self, *args):
        pass


@pytest.fixture
def answering_cluster():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Engine)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_publish_while_the_cluster_hangs_is_queued_and_delivered_later(db, hanging_cluster, answering_cluster, caplog):
    with engine_at(hanging_cluster, TIMEOUT=BULK_TIMEOUT_SECONDS):
        page = new_activity("Zebrakoor zingt", "zebrakoor")  # created and published: the editor's save
    page.refresh_from_db()
    assert page.live  # the publish went through
    assert queue()[page.pk] == "index"
    failures = [r.getMessage() for r in caplog.records if r.name == "search.backends"]
    # The site stopped waiting on its own (a timeout), before the cluster dropped the connection;
    # later writes in the same publish went straight to the queue.
    assert len(failures) == 1 and "ConnectionTimeout" in failures[0]

    url = f"http://127.0.0.1:{answering_cluster.server_address[1]}"
    with engine_at(url):
        call_command("replay_search_queue", stdout=open("/dev/null", "w"))
    writes = [body for method, path, body in answering_cluster.received if path.endswith(f"/_doc/{page.pk}")]
    assert writes and "Zebrakoor zingt" in writes[-1]
    assert page.pk not in queue()
