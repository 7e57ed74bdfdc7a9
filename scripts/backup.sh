#!/bin/sh
# Back up the portal: the PostgreSQL database (pg_dump, custom format) and the uploaded media files.
#
#   DATABASE_URL=postgres://user:pass@host:5432/zb MEDIA_ROOT=/srv/portal/media scripts/backup.sh /backups
#
# Writes <dir>/zb-<timestamp>.dump and <dir>/zb-<timestamp>-media.tar.gz and prints their names.
# Restore with scripts/restore.sh. Run it daily from cron and copy the files off the machine
# (docs/trust.md). Needs pg_dump of the server's major version or newer (Debian: postgresql-client).
set -eu

target="${1:?usage: scripts/backup.sh DIRECTORY}"
: "${DATABASE_URL:?set DATABASE_URL to the portal database}"
media="${MEDIA_ROOT:-$(dirname "$0")/../media}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"

dump="$target/zb-$stamp.dump"
pg_dump --format=custom --no-owner --no-privileges --file="$dump.partial" "$DATABASE_URL"
mv "$dump.partial" "$dump"   # a half-written dump never looks like a backup

archive="$target/zb-$stamp-media.tar.gz"
if [ -d "$media" ]; then
    tar -czf "$archive.partial" -C "$media" .
else
    tar -czf "$archive.partial" --files-from /dev/null   # no uploads yet: an empty archive
fi
mv "$archive.partial" "$archive"

echo "$dump"
echo "$archive"
