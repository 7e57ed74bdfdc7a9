"""Settings for the test suite."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", "/tmp/zorgzame-buurten-test-media"))  # noqa: F405
ALLOWED_HOSTS = ["*"]

# A file-based SQLite test database, so that the live server thread of the browser tests
# has its own connection and sees the committed demo content.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("TEST_SQLITE_PATH", f"/tmp/zorgzame-buurten-test-{os.getpid()}.sqlite3")
    }

# Parallel test processes (pytest-xdist, `make test`): each worker ("gw0", "gw1", …) gets its own Redis
# database and media folder, because tests empty the cache (FLUSHDB) and write files; its own test database
# comes from pytest-django (suffix _gw0) or, on SQLite, from the process id above. REDIS_URL itself is
# changed, so that tests/redis_support.py and the servers the tests start see the worker's database too.
TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


def redis_database_url(url, offset):
    """`url` with its database number moved up by `offset` (redis://host:6379/0 → /1 for worker gw1)."""
    parts = urlsplit(url)
    number = int(parts.path.strip("/") or 0) + offset
    return urlunsplit(parts._replace(path=f"/{number}"))


if TEST_WORKER:
    MEDIA_ROOT = MEDIA_ROOT / TEST_WORKER
    if os.environ.get("REDIS_URL"):
        # From the URL the run started with (kept in the environment): a server a test starts reads these
        # settings again, with the worker's REDIS_URL already in its environment.
        base_url = os.environ.setdefault("TEST_REDIS_BASE_URL", os.environ["REDIS_URL"])
        os.environ["REDIS_URL"] = redis_database_url(base_url, int(TEST_WORKER.removeprefix("gw")))
        CACHES = caches_from_env(os.environ)  # noqa: F405

# Write every search to the query log at once, so tests see it (production writes every 5 seconds).
SEARCH_LOG_SECONDS = 0

# ---- Security (docs/deploy.md) ----
# Django's test client signs in without a request, which django-axes refuses; the sign-in limit is
# switched on in tests/test_security_signin.py. The CSP stays on (browser tests catch violations).
AXES_ENABLED = False

# The cache: the real Redis when REDIS_URL is set (CI); otherwise one in memory, so that fixtures may empty it
# without a database (the database cache table is tested on its own in tests/test_trust_cache.py).
if not os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache: off, except in the tests that switch it on (tests/test_page_cache*.py). Most tests
# change pages in ways a reader never could (rows rolled back after each test, fields updated without a
# publish) and then expect the fresh page; the page cache's own tests cover its invalidation.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", False)  # noqa: F405  (on for the two-server test)
