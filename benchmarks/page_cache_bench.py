"""Readers' pages cached and uncached, as a share of a static file served by the same server in the same run.

    DATABASE_URL=sqlite:////tmp/zb-bench.sqlite3 REDIS_URL=redis://127.0.0.1:6379/0 \\
        python benchmarks/page_cache_bench.py [--workers 2] [--connections 8] [--requests 40] [--mixed 10000]

The database must hold the site (`manage.py migrate && manage.py load_demo`, or benchmarks/agenda_data.py
for 100,000 activities). Starts gunicorn with portal.settings.production on 127.0.0.1 twice: with the
page cache (PAGE_CACHE=1) and without (PAGE_CACHE=0). For each page type and a static file it sends
--requests requests from each of --connections clients (after one warm-up request) and prints requests
per second, p50 and p95, the ratio to the static file and the workers' CPU time per request (what a request
costs on a quiet core, whatever else the machine does). Without the cache it also measures the buurt
page with one client. Then --mixed requests over all page types (cached run) and the resident memory
(RSS) of every gunicorn worker. Loopback only; prints figures, asserts nothing.
"""

import argparse
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 180  # seconds gunicorn may take to answer its first request (busy machine)
REQUEST_TIMEOUT = 60


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""
    except OSError:
        return 0, b""


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(env, workers, static_root):
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "portal.wsgi:application", "-w", str(workers)]
    command += ["-b", f"127.0.0.1:{port}", "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env={**env, "STATIC_ROOT": static_root})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if fetch(base + "/robots.txt")[0] == 200:
            return server, base
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not answer within the start timeout")


def pages(base):
    """One address of each page type, found by following links from the start page and a buurt page."""
    home = fetch(base + "/")[1].decode()
    links = re.findall(r'href="(/[^"#?]*)"', home)
    static = next(link for link in re.findall(r'(?:href|src)="(/static/[^"]+\.css)"', home))
    buurt = next(
        link
        for link in links
        if re.fullmatch(r"/[a-z0-9-]+/", link)
        and link not in ("/agenda/", "/zoeken/", "/woordenlijst/", "/en/", "/tr/", "/ar/")
    )
    buurt_html = fetch(base + buurt)[1].decode()
    below = [link for link in re.findall(r'href="(/[^"#?]*)"', buurt_html) if link.startswith(buurt) and link != buurt]
    woorden = fetch(base + "/woordenlijst/")[1].decode()
    begrip = next(link for link in re.findall(r'href="(/woordenlijst/[^"#?]+/)"', woorden) if "boekje" not in link)
    slug = buurt.strip("/")
    return {
        "static file": static,
        "home": "/",
        "home (en)": "/en/",
        "buurt": buurt,
        "activiteit": below[0],
        "voorziening": below[-1],
        "woordenlijst": "/woordenlijst/",
        "begrip": begrip,
        "agenda": "/agenda/",
        "weekoverzicht": f"/agenda/{slug}/weekoverzicht/",
        "feed (alles.ics)": "/agenda/ical/alles.ics",
        "booklet": "/woordenlijst/boekje/",
    }


def load(base, paths, connections, requests):
    latencies, errors, lock = [], [], threading.Lock()

    def client(number):
        for i in range(requests):
            path = paths[(number * 7 + i) % len(paths)]
            started = time.perf_counter()
            status, _body = fetch(base + path)
            with lock:
                (latencies if status == 200 else errors).append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, len(errors), time.perf_counter() - started


def workers(master_pid):
    """(pid, fields of /proc/pid/stat after the command name) of every gunicorn worker."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:
            found.append((stat.parent, fields))
    return found


def workers_rss_mb(master_pid):
    sizes = []
    for folder, _fields in workers(master_pid):
        status = (folder / "status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


# utime and stime are the 12th and 13th fields after the command name in /proc/pid/stat (proc(5)), in clock ticks.
UTIME, STIME = 11, 12
TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def workers_cpu_ms(master_pid):
    """CPU time the workers have used so far. On a shared machine wall-clock latency includes waiting for a core;
    CPU time per request is what one request costs on a quiet core (measured to 1/CLK_TCK, 10 ms, so it is read
    over many requests)."""
    ticks = sum(int(fields[UTIME]) + int(fields[STIME]) for _folder, fields in workers(master_pid))
    return ticks * 1000 / TICKS_PER_SECOND


def run(env, args, cached, static_root):
    server, base = start({**env, "PAGE_CACHE": "1" if cached else "0"}, args.workers, static_root)
    try:
        found = pages(base)
        print(f"\nload average (1 min) at the start: {os.getloadavg()[0]:.1f}")
        if args.buurt:
            found["buurt"] = args.buurt
            found["weekoverzicht"] = f"/agenda/{args.buurt.strip('/').split('/')[-1]}/weekoverzicht/"
        print(
            f"\n== page cache {'ON' if cached else 'OFF'}: gunicorn -w {args.workers}, {args.connections} connections"
        )
        print(
            f"{'page':<18} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6} {'share of static':>16} "
            f"{'CPU ms/req':>10}"
        )
        static_rate = None
        for name, path in found.items():
            load(base, [path], 1, 2)  # warm: the first request renders and stores
            cpu_before = workers_cpu_ms(server.pid)
            latencies, errors, wall = load(base, [path], args.connections, args.requests)
            cpu = (workers_cpu_ms(server.pid) - cpu_before) / max(1, len(latencies))
            rate = len(latencies) / wall
            static_rate = static_rate or rate
            print(
                f"{name:<18} {rate:8.1f} {statistics.median(latencies):8.1f} {percentile(latencies, 95):8.1f} "
                f"{errors:>6} {rate / static_rate:16.3f} {cpu:10.1f}"
            )
        if not cached:
            cpu_before = workers_cpu_ms(server.pid)
            latencies, errors, _wall = load(base, [found["buurt"]], 1, args.single)
            cpu = (workers_cpu_ms(server.pid) - cpu_before) / max(1, len(latencies))
            print(
                f"buurt page {found['buurt']}, 1 client, {len(latencies)} requests: p50 {statistics.median(latencies):.1f} ms, "
                f"p95 {percentile(latencies, 95):.1f} ms, worker CPU {cpu:.1f} ms per request"
            )
        if cached and args.mixed:
            paths = [p for name, p in found.items() if name != "static file"]
            latencies, errors, wall = load(base, paths, args.connections, args.mixed // args.connections)
            rss = ", ".join(f"{mb:.0f}" for mb in workers_rss_mb(server.pid))
            print(f"{len(latencies)} mixed requests in {wall:.0f} s ({errors} errors); RSS per worker (MB): {rss}")
    finally:
        server.terminate()
        server.wait(timeout=60)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--requests", type=int, default=40, help="requests per connection and page type")
    parser.add_argument("--only", choices=["cached", "uncached"], help="run only with or only without the page cache")
    parser.add_argument("--single", type=int, default=200, help="requests of the one-client uncached buurt run")
    parser.add_argument("--buurt", help="path of the buurt page to measure (default: the first on the start page)")
    parser.add_argument("--mixed", type=int, default=10_000, help="mixed requests before measuring memory (0: skip)")
    args = parser.parse_args(argv)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "REQUIRE_2FA": "0",
        "LOG_LEVEL": "WARNING",
    }
    if not env.get("DATABASE_URL"):
        raise SystemExit("set DATABASE_URL to a database that holds the site")
    static_root = tempfile.mkdtemp(prefix="zb-bench-static-")
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run(
        [*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env={**env, "STATIC_ROOT": static_root}, check=True
    )
    print(f"database: {env['DATABASE_URL'].split('@')[-1]}, cache: {env.get('REDIS_URL') or 'database table'}")
    if args.only != "uncached":
        run(env, args, cached=True, static_root=static_root)
    if args.only != "cached":
        run(env, args, cached=False, static_root=static_root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
