#!/bin/sh
# Back up Mentoring: the database (pg_dump's custom format) and the uploaded documents
# (MEDIA_ROOT), as two files in BACKUP_DIR named by the time (UTC):
#   mentoring-20270115T020000Z.dump   media-20270115T020000Z.tar.gz
# It reads the application's own environment (DATABASE_URL, MEDIA_ROOT), e.g.
#   set -a; . /etc/mentoring/env; set +a; BACKUP_DIR=/var/backups/mentoring deploy/backup.sh
# README, "Backups and restore", says how to restore them, and tests/operations/
# test_backup_restore.py restores one. Keeping copies elsewhere and for how long is yours.
set -eu

: "${DATABASE_URL:?DATABASE_URL is not set (postgres://user:password@host:5432/name)}"
: "${BACKUP_DIR:?BACKUP_DIR is not set (the folder the backups go to)}"
case "$DATABASE_URL" in
    postgres://* | postgresql://*) ;;
    *) echo "backup.sh backs up PostgreSQL; DATABASE_URL is not postgres://" >&2; exit 2 ;;
esac
MEDIA_ROOT="${MEDIA_ROOT:-var/media}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
umask 077  # the backups hold everyone's messages: readable by their owner only
mkdir -p "$BACKUP_DIR"
dump="$BACKUP_DIR/mentoring-$stamp.dump"
media="$BACKUP_DIR/media-$stamp.tar.gz"

# The database first: documents are deleted only after their rows are, so every document
# the dump names is still on disk when the folder is read just after.
pg_dump --format=custom --no-owner --no-privileges --file="$dump.part" "$DATABASE_URL"
mv "$dump.part" "$dump"
mkdir -p "$MEDIA_ROOT"
tar -czf "$media.part" -C "$MEDIA_ROOT" .
mv "$media.part" "$media"
echo "$dump"
echo "$media"
