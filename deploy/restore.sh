#!/bin/sh
# Restore a backup made by backup.sh into a new, empty database and an empty documents
# folder, named by the environment as for the application (DATABASE_URL, MEDIA_ROOT):
#   createdb -O mentoring mentoring_restored
#   DATABASE_URL=postgres://mentoring@127.0.0.1:5432/mentoring_restored \
#   MEDIA_ROOT=/srv/mentoring/media-restored deploy/restore.sh mentoring-….dump media-….tar.gz
# Then run `manage.py migrate` (it has nothing to do unless the code is newer than the
# backup) and point the application at the restored database.
set -eu

[ $# -eq 2 ] || { echo "usage: restore.sh DUMP MEDIA_TARBALL" >&2; exit 2; }
: "${DATABASE_URL:?DATABASE_URL is not set (the new, empty database)}"
MEDIA_ROOT="${MEDIA_ROOT:-var/media}"
if [ -d "$MEDIA_ROOT" ] && [ -n "$(ls -A "$MEDIA_ROOT")" ]; then
    echo "MEDIA_ROOT ($MEDIA_ROOT) is not empty: restore into an empty folder" >&2
    exit 2
fi

# --exit-on-error: a database that is not empty stops the restore instead of mixing rows.
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$1"
mkdir -p "$MEDIA_ROOT"
tar -xzf "$2" -C "$MEDIA_ROOT"
echo "restored $1 and $2"
