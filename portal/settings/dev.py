"""Local development: debug on, an insecure key unless SECRET_KEY is set.

The static files storage is the production one (with its manifest): in DEBUG it serves files by their
plain names, and `manage.py collectstatic` writes the manifest whichever settings it runs with.
"""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
