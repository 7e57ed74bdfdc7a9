#!/bin/sh
# Restore a backup made by scripts/backup.sh into an EMPTY PostgreSQL database and a media directory.
#
#   DATABASE_URL=postgres://user:pass@host:5432/zb_new MEDIA_ROOT=/srv/portal/media \
#       scripts/restore.sh /backups/zb-20261125T030000Z.dump [/backups/zb-20261125T030000Z-media.tar.gz]
#
# Refuses a database that already has tables (nothing is overwritten). Afterwards: point the site's
# DATABASE_URL at it, run `manage.py migrate` (applies nothing when the code matches the backup) and
# `manage.py update_index` when a search cluster is used.
set -eu

dump="${1:?usage: scripts/restore.sh DUMP [MEDIA_ARCHIVE]}"
archive="${2:-}"
: "${DATABASE_URL:?set DATABASE_URL to the (empty) database to restore into}"

tables="$(psql "$DATABASE_URL" -Atc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")"
if [ "$tables" != "0" ]; then
    echo "restore.sh: the database already has $tables tables; restore into an empty database" >&2
    exit 1
fi
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$dump"

if [ -n "$archive" ]; then
    media="${MEDIA_ROOT:?set MEDIA_ROOT to restore the media files}"
    mkdir -p "$media"
    tar -xzf "$archive" -C "$media"
fi
echo "restored $dump${archive:+ and $archive}"
