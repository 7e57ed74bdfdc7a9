"""Production: refuses to start without its secrets."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("SECRET_KEY must be set (at least 32 characters) in production.")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must be set in production.")
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)  # noqa: F405
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# ---- Security (docs/deploy.md): `manage.py check --deploy` runs clean with these ----
if "*" in ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS=* is refused in production: it accepts any Host header (poisoned password-reset "
        "links, cache poisoning). List the site's host names, e.g. ALLOWED_HOSTS=zorgzamebuurten.nl,www.zorgzamebuurten.nl"
    )
# Redirect http:// to https://. Set SECURE_SSL_REDIRECT=0 only when the proxy in front already does.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
# HSTS: browsers use https:// only, for one year (31,536,000 s). Start a new domain lower (e.g. 3600)
# and raise it once https works everywhere; subdomains included unless SECURE_HSTS_INCLUDE_SUBDOMAINS=0.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)  # noqa: F405
# Asking for the browsers' preload list binds the whole domain (often the municipality's) for months;
# that is the domain owner's decision, so it is off unless SECURE_HSTS_PRELOAD=1; while it is off,
# Django's reminder about it (security.W021) is silenced.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)  # noqa: F405
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
# Two-factor sign-in for the Beheerder and communitymanagers: on unless REQUIRE_2FA=0.
REQUIRE_2FA = env_bool("REQUIRE_2FA", True)  # noqa: F405
