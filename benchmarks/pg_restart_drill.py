"""PostgreSQL restart drill: restart the database under load and count the answers by status code.

    python benchmarks/pg_restart_drill.py --database-url postgres://zb:zb@127.0.0.1:5432/zb_drill \\
        [--cluster 15/main] [--clients 10] [--seconds 20] [--restart-at 8] [--workers 3]

Starts gunicorn with the production settings on 127.0.0.1 (a free port), sends GET requests from
--clients threads for --seconds, runs `pg_ctlcluster <version> <cluster> restart` after --restart-at
seconds, and prints how many answers had each status code (and how many requests got no answer at
all). Expected: 200s, some 503s (the friendly page, with Retry-After) while the database is down, and no
500. The database must hold the portal (migrate + load_demo); the drill prepares static files itself.

Restarting a cluster drops every connection to it: use a cluster of your own (pg_createcluster) on a
machine where others use the main one. Loopback only and bounded (at most MAX_CLIENTS clients for at most
MAX_SECONDS). Prints figures; it asserts nothing.
"""

import argparse
import collections
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_CLIENTS = 50
MAX_SECONDS = 120
PATHS = ["/", "/agenda/", "/en/agenda/", "/malburgen/", "/zoeken/?q=koffie", "/agenda/malburgen/weekoverzicht/"]
READY_SECONDS = 60  # how long gunicorn may take to answer its first request


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url):
    # The portal sits behind a TLS proxy in production: say the request came in over https.
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, OSError) as exc:
        return f"no answer ({type(exc).__name__})"


def start_server(env, port, workers):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "portal.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if get(f"http://127.0.0.1:{port}/") == 200:
            return server
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not answer 200 on / in time; is the database migrated and loaded?")


def load(base, clients, seconds, restart_at, restart):
    counts = collections.Counter()
    timeline = []  # (seconds since start, status) of every answer that was not a 200
    lock = threading.Lock()
    started = time.monotonic()
    stop = started + seconds

    def client(number):
        i = number
        while time.monotonic() < stop:
            status = get(base + PATHS[i % len(PATHS)])
            i += 1
            with lock:
                counts[status] += 1
                if status != 200:
                    timeline.append((time.monotonic() - started, status))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(restart_at)
    restart_started = time.monotonic() - started
    restart()
    restart_took = time.monotonic() - started - restart_started
    for thread in threads:
        thread.join()
    return counts, timeline, restart_started, restart_took


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--cluster", default="15/main", help="version/name for pg_ctlcluster")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--restart-at", type=float, default=8)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args(argv)
    clients = max(1, min(args.clients, MAX_CLIENTS))
    seconds = max(1, min(args.seconds, MAX_SECONDS))
    version, _slash, cluster = args.cluster.partition("/")

    static_root = tempfile.mkdtemp(prefix="zb-drill-static-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DATABASE_URL": args.database_url,
        "SECRET_KEY": "drill-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "ERROR",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    port = free_port()
    server = start_server(env, port, args.workers)
    try:

        def restart():
            subprocess.run(["pg_ctlcluster", version, cluster, "restart"], check=True)

        counts, timeline, restart_started, restart_took = load(
            f"http://127.0.0.1:{port}", clients, seconds, args.restart_at, restart
        )
    finally:
        server.terminate()
        server.wait(timeout=30)

    total = sum(counts.values())
    print(f"{clients} clients × {seconds} s against gunicorn ({args.workers} workers, production settings)")
    print(f"pg_ctlcluster {version} {cluster} restart at {restart_started:.1f} s, took {restart_took:.1f} s")
    print(f"{'status':>24} {'answers':>8}")
    for status, number in sorted(counts.items(), key=lambda item: str(item[0])):
        print(f"{status!s:>24} {number:>8}")
    print(f"{'total':>24} {total:>8}")
    if timeline:
        first, last = timeline[0][0], timeline[-1][0]
        print(f"answers other than 200 between {first:.1f} s and {last:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
