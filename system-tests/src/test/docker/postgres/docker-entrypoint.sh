#!/bin/sh
# What docker-compose.yml relies on of the official postgres entrypoint: on an empty $PGDATA, a cluster whose
# superuser is $POSTGRES_USER with password $POSTGRES_PASSWORD, the database $POSTGRES_DB (default: the user's name)
# and the *.sql of /docker-entrypoint-initdb.d run once; then the server on all interfaces with password auth.
set -eu

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA"
  chown -R postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}"
  user=${POSTGRES_USER:-postgres}
  db=${POSTGRES_DB:-$user}
  printf '%s\n' "$POSTGRES_PASSWORD" > /tmp/pwfile
  initdb -D "$PGDATA" -U "$user" --pwfile=/tmp/pwfile -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256
  rm /tmp/pwfile
  echo 'host all all all scram-sha-256' >> "$PGDATA/pg_hba.conf"
  printf "listen_addresses = '*'\nunix_socket_directories = '/var/run/postgresql'\n" >> "$PGDATA/postgresql.conf"

  # The scripts run against a server on the socket only, so no client sees the database half made.
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  export PGHOST=/var/run/postgresql PGUSER="$user"
  [ "$db" = postgres ] || psql -v ON_ERROR_STOP=1 --no-psqlrc -d postgres -c "CREATE DATABASE \"$db\""
  for f in /docker-entrypoint-initdb.d/*.sql; do
    [ -e "$f" ] || continue
    echo "running $f"
    psql -v ON_ERROR_STOP=1 --no-psqlrc -d "$db" -f "$f"
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
fi

exec "$@"
