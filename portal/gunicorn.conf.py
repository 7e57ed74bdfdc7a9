"""gunicorn's settings for the portal: `gunicorn -c portal/gunicorn.conf.py portal.wsgi` (docs/deploy.md).

The master imports the site once (portal/wsgi.py: `django.setup()` and `portal.warmup.warm()`, about
1.4 s) and every worker is a fork of it. A worker started later (more workers, one that crashed or was
recycled) answers its first search in about 0.2 s instead of 1.4 s (benchmarks/search_startup.py), and
the workers share the memory of what was read before the fork until one of them changes it.

Because the code is loaded once, `kill -HUP` (reload) does not load a new release: restart the service.
The number of workers is gunicorn's own setting (`-w`, or WEB_CONCURRENCY).
"""

import sys

preload_app = True


def post_fork(server, worker):
    """Say in the log whether the worker starts warmed (the master ran portal.warmup.warm()). Without
    preload_app the master never imported the site, and importing it here would be too early."""
    warmup = sys.modules.get("portal.warmup")
    warmed = warmup is not None and warmup.warmed
    server.log.info("Worker %s: %s", worker.pid, "warmed by the master" if warmed else "not warmed")
