#!/usr/bin/env bash
# The whole test suite, as the README says. On a Debian-like machine it first provides what the
# tests need (Chromium for the browser tests, nginx for the proxy tests, a local PostgreSQL), then runs every test project on
# the embedded SQLite journal, and the actor and end-to-end suites once more on PostgreSQL.
# TRX results land in ./TestResults. Without root or apt-get it runs what it can; tests whose
# service is absent report themselves as skipped. Extra arguments go to every `dotnet test`.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && ! command -v chromium >/dev/null; then
  echo "== installing Chromium for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "== installing nginx for the reverse-proxy tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
fi
if [ -z "${TRINITY_TEST_POSTGRES:-}" ]; then
  echo "== starting PostgreSQL"
  if url=$(TRINITY_PG_DB=trinity_test scripts/postgres.sh reset | tail -1); then
    export TRINITY_TEST_POSTGRES="$url"
  else
    echo "   (no PostgreSQL here: its tests will be skipped)"
  fi
fi

rm -rf TestResults
status=0
dotnet build Trinity.sln -v quiet -nologo || exit 1
dotnet test Trinity.sln --no-build --logger trx --results-directory TestResults "$@" || status=1
if [ -n "${TRINITY_TEST_POSTGRES:-}" ]; then
  for project in Trinity.Actors.Tests Trinity.Host.Tests; do
    echo "== $project on PostgreSQL"
    TRINITY_TEST_PERSISTENCE=postgres dotnet test "$project" --no-build --logger "trx;LogFilePrefix=postgres" \
      --results-directory TestResults/postgres "$@" || status=1
  done
fi
exit $status
