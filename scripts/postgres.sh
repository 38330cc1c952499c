#!/usr/bin/env bash
# A local PostgreSQL for tests and the local cluster, on a Debian-like machine:
#   scripts/postgres.sh start   installs it if missing (as root), starts it, creates the trinity role and database
#   scripts/postgres.sh url     prints the connection string Trinity uses
#   scripts/postgres.sh reset   starts it, then empties the database (test runs begin from nothing)
# Settings: TRINITY_PG_PORT (5432), TRINITY_PG_DB (trinity).
set -euo pipefail
PORT="${TRINITY_PG_PORT:-5432}"
DB="${TRINITY_PG_DB:-trinity}"
URL="Host=127.0.0.1;Port=$PORT;Username=trinity;Password=trinity;Database=$DB"

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  url) echo "$URL" ;;
  reset)
    "$0" start >/dev/null
    PGPASSWORD=trinity dropdb -h 127.0.0.1 -p "$PORT" -U trinity --if-exists "$DB"
    PGPASSWORD=trinity createdb -h 127.0.0.1 -p "$PORT" -U trinity "$DB"
    echo "$URL"
    ;;
  start)
    if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
      [ "$(id -u)" = 0 ] || { echo "PostgreSQL is not installed (needs root to apt-get install it)" >&2; exit 1; }
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
      pg_createcluster "$version" main -p "$PORT" >/dev/null
    fi
    pg_ctlcluster "$version" main start 2>/dev/null || true
    for _ in $(seq 1 50); do as_postgres pg_isready -q -h 127.0.0.1 -p "$PORT" && break; sleep 0.2; done
    # The role is made over the local socket, where the postgres user is trusted by peer authentication.
    as_postgres psql -q -p "$PORT" -d postgres -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'trinity') THEN CREATE ROLE trinity LOGIN PASSWORD 'trinity' CREATEDB; END IF;
END \$\$;
SQL
    if ! PGPASSWORD=trinity psql -h 127.0.0.1 -p "$PORT" -U trinity -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
      PGPASSWORD=trinity createdb -h 127.0.0.1 -p "$PORT" -U trinity "$DB"
    fi
    echo "$URL"
    ;;
  *) echo "usage: $0 start|reset|url" >&2; exit 2 ;;
esac
