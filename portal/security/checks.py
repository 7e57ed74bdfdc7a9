"""The static-files manifest must exist before the production server starts.

With the manifest storage, every {% static %} looks its file up in STATIC_ROOT/staticfiles.json; without
that file every HTML page answers 500. `manage.py check --deploy` reports the problem (error
portal_security.E001) and portal/wsgi.py refuses to start with the same message.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages

FIX = (
    "Run `make deploy-static` (or: DJANGO_SETTINGS_MODULE=portal.settings.production "
    "python manage.py collectstatic --noinput) with the same STATIC_ROOT; see docs/deploy.md."
)


def _own_static_files():
    """The project's own static files (static/), as names relative to STATIC_ROOT."""
    for folder in map(Path, settings.STATICFILES_DIRS):
        for path in folder.rglob("*"):
            if path.is_file():
                yield path.relative_to(folder).as_posix()


def manifest_problem():
    """A sentence saying what is wrong with the static-files manifest, or None when all is well."""
    storage = storages["staticfiles"]
    if settings.DEBUG or not isinstance(storage, ManifestFilesMixin):
        return None  # development (DEBUG: plain file names) and tests need no manifest
    manifest_path = Path(settings.STATIC_ROOT) / storage.manifest_name
    if storage.read_manifest() is None:
        return f"The static-files manifest {manifest_path} is missing, so every HTML page would answer 500. {FIX}"
    listed, _manifest_hash = storage.load_manifest()
    missing = sorted(name for name in _own_static_files() if name not in listed)
    if missing:
        return (
            f"The static-files manifest {manifest_path} is out of date: it does not list {', '.join(missing[:5])}"
            f"{' …' if len(missing) > 5 else ''}. {FIX}"
        )
    return None


@checks.register(checks.Tags.staticfiles, deploy=True)
def check_static_manifest(app_configs, **kwargs):
    problem = manifest_problem()
    return [checks.Error(problem, id="portal_security.E001")] if problem else []


def refuse_to_start_without_manifest():
    problem = manifest_problem()
    if problem:
        raise ImproperlyConfigured(problem)
