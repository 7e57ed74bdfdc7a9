"""Backups that restore: scripts/backup.sh + scripts/restore.sh into an empty PostgreSQL database.

Marked `postgres`: runs when the test database is PostgreSQL (DATABASE_URL=postgres://…) and
pg_dump/pg_restore are installed (Debian: postgresql-client); otherwise it skips and says why.
"""

import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection, connections

from redactie.models import Melding

ROOT = Path(__file__).resolve().parent.parent
CHECKS = {
    "pages": "SELECT count(*), md5(string_agg(title || '|' || url_path || '|' || live::text, ',' ORDER BY path)) "
    "FROM wagtailcore_page",
    "revisions": "SELECT count(*), md5(string_agg(content::text, ',' ORDER BY id)) FROM wagtailcore_revision",
    "reports": "SELECT count(*), md5(string_agg(bericht || '|' || contact, ',' ORDER BY id)) FROM redactie_melding",
}
MARK = "Back-up-proef: deze melding moet terugkomen."


def url_of(name):
    s = connection.settings_dict
    return f"postgres://{quote(s['USER'])}:{quote(s['PASSWORD'])}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def figures(url):
    with psycopg.connect(url) as conn:
        return {name: conn.execute(sql).fetchone() for name, sql in CHECKS.items()}


def in_own_connection(work):
    """Committed (pg_dump sees only committed data), unlike the test's own rolled-back transaction."""

    def run():
        try:
            work()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()


@pytest.mark.postgres
@pytest.mark.django_db
def test_backup_restores_into_an_empty_database_with_the_same_pages_revisions_and_reports(tmp_path, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://… (CI: the postgres job)")
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump/pg_restore not installed (Debian: apt-get install postgresql-client)")
    source = url_of(connection.settings_dict["NAME"])
    empty = f"{connection.settings_dict['NAME']}_restore"
    admin = url_of("postgres")
    media, restored_media = tmp_path / "media", tmp_path / "restored-media"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "foto.txt").write_text("een foto")

    in_own_connection(lambda: Melding.objects.create(pagina_titel="Proef", bericht=MARK, contact="06-12345678"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{empty}"')
        conn.execute(f'CREATE DATABASE "{empty}"')
    try:
        env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": source, "MEDIA_ROOT": str(media)}
        made = subprocess.run(
            ["sh", ROOT / "scripts" / "backup.sh", tmp_path / "backups"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        dump, archive = made
        env = {**env, "DATABASE_URL": url_of(empty), "MEDIA_ROOT": str(restored_media)}
        subprocess.run(["sh", ROOT / "scripts" / "restore.sh", dump, archive], env=env, check=True, capture_output=True)

        before, after = figures(source), figures(url_of(empty))
        assert before["pages"][0] > 100 and before["revisions"][0] > 100 and before["reports"][0] >= 1
        assert after == before
        assert (restored_media / "original_images" / "foto.txt").read_text() == "een foto"
        # Restoring over a database that has tables is refused: nothing is overwritten.
        again = subprocess.run(["sh", ROOT / "scripts" / "restore.sh", dump], env=env, capture_output=True, text=True)
        assert again.returncode == 1 and "empty database" in again.stderr
    finally:
        in_own_connection(lambda: Melding.objects.filter(bericht=MARK).delete())
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{empty}"')
