"""Production settings: `check --deploy` is clean, ALLOWED_HOSTS=* is refused, the server refuses to start
without the static-files manifest, uploaded images are served under /media/."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def production_env(static_root, **changes):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{static_root}/db.sqlite3"),
        "ALLOWED_HOSTS": "zorgzamebuurten.example",
        "STATIC_ROOT": str(static_root),
    }
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE (tests/browser/conftest.py) must not reach a deploy check.
    for name in (
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_PRELOAD",
        "REQUIRE_2FA",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    ):
        env.pop(name, None)
    env.update(changes)
    return env


def run(args, env):
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory):
    """The documented deploy step (`make deploy-static`): collectstatic with production settings."""
    static_root = tmp_path_factory.mktemp("static")
    result = run(["manage.py", "collectstatic", "--noinput", "-v0"], production_env(static_root))
    assert result.returncode == 0, result.stderr
    return static_root


def test_check_deploy_is_clean_with_production_settings(collected_static):
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(collected_static))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_collectstatic_writes_the_manifest_and_the_server_starts(collected_static):
    assert (collected_static / "staticfiles.json").exists()
    result = run(["-c", "import portal.wsgi"], production_env(collected_static))
    assert result.returncode == 0, result.stderr


def test_server_refuses_to_start_without_manifest(tmp_path):
    result = run(["-c", "import portal.wsgi"], production_env(tmp_path))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"The static-files manifest {tmp_path}/staticfiles.json is missing" in result.stderr
    assert "make deploy-static" in result.stderr


def test_check_deploy_reports_the_missing_manifest(tmp_path):
    result = run(["manage.py", "check", "--deploy"], production_env(tmp_path))
    assert result.returncode != 0
    assert "portal_security.E001" in result.stderr


def test_allowed_hosts_star_is_refused(tmp_path):
    result = run(["manage.py", "check"], production_env(tmp_path, ALLOWED_HOSTS="*"))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS=* is refused in production" in result.stderr


def test_production_redirects_to_https_and_sends_hsts(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.REQUIRE_2FA)"
    )
    env = production_env(tmp_path)
    result = run(["-c", f"import django; django.setup(); {code}"], env)
    assert result.stdout.split() == ["True", "31536000", "True", "True"], result.stderr
    behind_proxy = run(["-c", f"import django; django.setup(); {code}"], {**env, "SECURE_SSL_REDIRECT": "0"})
    assert behind_proxy.stdout.split()[0] == "False", behind_proxy.stderr


@pytest.mark.django_db
def test_uploaded_images_are_served_under_media(client):
    image = Path(settings.MEDIA_ROOT) / "original_images" / "test-thumbnail.png"
    image.parent.mkdir(parents=True, exist_ok=True)
    image.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    try:
        response = client.get("/media/original_images/test-thumbnail.png")
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    finally:
        image.unlink()


@pytest.mark.django_db
def test_documents_are_not_served_around_their_own_view(client):
    document = Path(settings.MEDIA_ROOT) / "documents" / "private.txt"
    document.parent.mkdir(parents=True, exist_ok=True)
    document.write_text("private")
    try:
        assert client.get("/media/documents/private.txt").status_code == 404
    finally:
        document.unlink()


def test_development_server_starts_without_manifest(tmp_path):
    """`make run` (DEBUG, plain file names) needs no collectstatic, though it uses the same storage."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "STATIC_ROOT": str(tmp_path)}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path}/db.sqlite3"
    result = run(["-c", "import portal.wsgi"], env)
    assert result.returncode == 0, result.stderr
