"""Shared settings. Everything that differs per machine comes from environment variables."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


INSTALLED_APPS = [
    "home",
    "activiteiten",
    "woordenlijst",
    "search",
    "redactie",
    "partners",  # read API (/api/v2/) and open-data exports (docs/partners.md)
    "wagtail.api.v2",
    "partnerfeeds",
    "verwijzing",
    "postcodes",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",  # the sitemap.xml template
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.db_retry.RetryWhenDatabaseLost",  # a lost database connection: retry once, else 503 (docs/errors.md)
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# Database: DATABASE_URL, or a SQLite file in the project (zero set-up).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The shared cache (all processes, all machines): REDIS_URL → Redis, degrading to "no cache" with a
# warning in the log while Redis is down; without it a table in the database above. See portal/cache.py.
from portal.cache import caches_from_env  # noqa: E402

CACHES = caches_from_env(os.environ)
# Limits counted in that cache (redactie/melding_limit.py): reports per resident and for the whole site,
# as (number, seconds). TRUSTED_PROXY_COUNT: reverse proxies in front of the site that append to
# X-Forwarded-For (0: no proxy, the connection's own address counts).
REDACTIE_MELDING_RATE = (int(os.environ.get("MELDING_PER_HOUR", "5")), 60 * 60)
REDACTIE_MELDING_CEILING = (int(os.environ.get("MELDING_SITE_PER_HOUR", "200")), 60 * 60)
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Residents' reports: days after handling that their contact details are kept (`opschonen_meldingen`).
MELDING_RETENTION_DAYS = int(os.environ.get("MELDING_RETENTION_DAYS", "365"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: Dutch is the source language; English, Turkish and Arabic (right-to-left) are
# translations (docs/talen.md). Each language is named in its own language in the switch. All times in
# Europe/Amsterdam.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("tr", "Türkçe"), ("ar", "العربية")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static and media files are served by the portal itself (no CDN).
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The phone number on the error pages, which cannot read the servicepunten from the database (docs/errors.md).
SERVICEPUNT_TELEFOON = os.environ.get("SERVICEPUNT_TELEFOON", "088-5550100")

# The maps of places (activiteiten/kaart.py, docs/plaatsen.md): the tile server's URL template, e.g.
# https://tiles.example.org/{z}/{x}/{y}.png, and the attribution its licence asks for (HTML). Unset: no map,
# the lists of places stay. The Content-Security-Policy then allows images from that host (and only that host).
MAP_TILES_URL = os.environ.get("MAP_TILES_URL", "")
MAP_TILES_ATTRIBUTION = os.environ.get("MAP_TILES_ATTRIBUTION", "")

# Wagtail
WAGTAIL_SITE_NAME = _("Zorgzame Buurten")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_HITS_MAX_AGE = 365

# Search: Wagtail's database backend by default (PostgreSQL full text with the Dutch configuration
# where the database is PostgreSQL); OpenSearch 3 when OPENSEARCH_URL is set (then the database backend
# stays as "database", the fallback). Elasticsearch is not supported: ELASTICSEARCH_URL is a check error
# (search/checks.py). Index names start with SEARCH_INDEX_PREFIX. See search/analysis.py.
from search.analysis import search_backends  # noqa: E402

WAGTAILSEARCH_BACKENDS = search_backends()
# How long each process keeps a whole search answer (0: never), and how often it writes the query log.
# Up to this many live activities the search keeps every page in memory; above it the activities come
# from the search backend per search (docs/search-scale.md).
SEARCH_MEMORY_MAX_ACTIVITIES = int(os.environ.get("SEARCH_MEMORY_MAX_ACTIVITIES", "5000"))
SEARCH_ANSWER_SECONDS = int(os.environ.get("SEARCH_ANSWER_SECONDS", "60"))
SEARCH_LOG_SECONDS = int(os.environ.get("SEARCH_LOG_SECONDS", "5"))
# Who orders the resident search when OpenSearch is configured: "python" (search/engine.py ranks the
# engine's candidates) or "engine" (the engine's own order, search/engine_rank.py; issue 12). The
# database backends always use "python". Checked at start-up (search/checks.py).
SEARCH_RANKING = os.environ.get("SEARCH_RANKING", "python")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "wagtail": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django_tasks": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "modelsearch": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "opensearch": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "opensearchpy.trace": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# ---- Security: headers, two-factor sign-in, sign-in limits, upload limits (docs/deploy.md) ----
from datetime import timedelta  # noqa: E402

from csp.constants import NONE, SELF  # noqa: E402

INSTALLED_APPS += [
    "portal.security",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]
# Two-factor sign-in needs the signed-in user; the sign-in limit (django-axes) must come last.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "portal.security.two_factor.AdminTwoFactorMiddleware",
)
MIDDLEWARE += [
    "portal.security.csp.PortalCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (django-csp): public pages load scripts, styles, fonts and images from this
# site only; no inline code. The admin gets a relaxed policy (portal/security/csp.py). Also in tests,
# so that the browser tests see every violation.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# No Gravatar avatars in the admin: they would send editors' e-mail hashes to another site (and the
# admin CSP allows images from this site only).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Permissions-Policy: the portal uses none of these browser features; no embedded page may either.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Two-factor sign-in (django-otp): asked for from the Beheerder, superusers and communitymanagers
# (portal/security/two_factor.py) when REQUIRE_2FA is on: on in production, off for `make run`.
REQUIRE_2FA = env_bool("REQUIRE_2FA", False)
OTP_TOTP_ISSUER = "Zorgzame Buurten"

# Sign-in limit (django-axes, counted in the database, so shared by all workers): the
# SIGNIN_FAILURE_LIMIT-th wrong password for one name from one address locks that name from that
# address for SIGNIN_LOCKOUT_MINUTES (even with the right password); a right password before that
# resets the count. Locking name + address together means a stranger cannot lock an editor out everywhere.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("SIGNIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SIGNIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.security.lockout.lockout_response"
AXES_VERBOSE = False
# Behind the reverse proxy every resident shares its address: take the one our trusted proxies saw
# (TRUSTED_PROXY_COUNT), the same rule the feedback form counts with.
AXES_CLIENT_IP_CALLABLE = "redactie.melding_limit.client_address"
LOGGING["loggers"]["axes"] = {"handlers": ["console"], "level": "WARNING", "propagate": False}

# Uploads: Pillow decodes an image into memory at about 4 bytes per pixel; 40 million pixels (a 40
# megapixel photo, ~160 MB while resizing) is more than any photo on the site needs. Files up to 10 MB.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.security.uploads.ImageForm"  # says so in plain Dutch

# Uploaded images (MEDIA_ROOT/images/ and original_images/) are served by the portal itself unless
# SERVE_MEDIA=0, for a web server (nginx) that serves them (docs/deploy.md). Documents always go
# through Wagtail's document view (/documents/), which keeps private collections private.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# ---- end of security block ----

# ---- Page cache for readers (portal/pagecache, docs/cache.md) ----
# Whole public pages for anonymous readers in the shared cache above, purged exactly on publish,
# unpublish, move and delete, and at midnight (Europe/Amsterdam). PAGE_CACHE=0 switches it off.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
# The longest a page stays in the shared cache (an hour: a purge lost while Redis was down heals by then).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", str(60 * 60)))
# How long a browser or a CDN may keep a reader's page without asking again (Cache-Control max-age).
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.contrib.forms"), "portal.pagecache")
# Right after WhiteNoise (static files never reach it): a hit skips sessions, language and the views.
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "portal.pagecache.middleware.PageCacheMiddleware",
)
from portal.pagecache.frontend import frontend_cache_from_env  # noqa: E402

WAGTAILFRONTENDCACHE = frontend_cache_from_env(os.environ)
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
