import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# Refuse to start (ImproperlyConfigured, with what to run) rather than answer 500 on every HTML page.
from portal.security.checks import refuse_to_start_without_manifest  # noqa: E402

refuse_to_start_without_manifest()

# Compile the URL patterns and templates and read the word lists now, not during a resident's first
# request; with gunicorn's preload_app once, in the master (portal/warmup.py, portal/gunicorn.conf.py).
from portal.warmup import warm  # noqa: E402

warm()
