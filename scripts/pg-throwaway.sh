#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 (Debian's postgresql package) and print its URL.
# Usage: scripts/pg-throwaway.sh [port]   — stop it with: su postgres -c "pg_ctl -D $DATA stop"
set -euo pipefail
PORT="${1:-55432}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
DATA="$(mktemp -d /tmp/wirewatch-pg.XXXXXX)"
chown postgres "$DATA"
su postgres -c "$BIN/initdb -D $DATA -A trust -U postgres" >/dev/null
su postgres -c "$BIN/pg_ctl -D $DATA -l $DATA/log -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' -w start" >/dev/null
echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
echo "$DATA" > "${WIREWATCH_PG_DATA_FILE:-/dev/null}"
