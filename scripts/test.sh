#!/usr/bin/env bash
# The whole test suite, as the README says. On a Debian-like machine it first provides what the
# tests need (Chromium for the browser tests, nginx for the proxy tests, a local PostgreSQL), then
# runs every test project on the embedded SQLite journal, and the actor and end-to-end suites once more on PostgreSQL.
# TRX results land in ./TestResults. Without root or apt-get it runs what it can; tests whose
# service is absent report themselves as skipped. Extra arguments go to every `dotnet test`.
#
#   scripts/test.sh --repeat N   runs the fast suite (actors, domain and property tests) N times, each
#                                with fresh CsCheck seeds, and lists every failure with the seed that
#                                reproduces it (CsCheck_Seed=...). Use it to find a flake before CI does.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--repeat" ]; then
  runs="${2:?usage: scripts/test.sh --repeat N}"
  shift 2
  dotnet build Trinity.Actors.Tests -v quiet -nologo || exit 1
  failures=0
  log=$(mktemp)
  for i in $(seq 1 "$runs"); do
    if dotnet test Trinity.Actors.Tests --no-build "$@" >"$log" 2>&1; then
      echo "run $i/$runs: passed"
    else
      failures=$((failures + 1))
      echo "run $i/$runs: FAILED"
      grep -E '^\s+Failed |CsCheck_Seed=' "$log" | sed 's/^/    /'
    fi
  done
  rm -f "$log"
  echo "$((runs - failures)) of $runs runs passed"
  [ "$failures" -eq 0 ]
  exit
fi

# What the tests need from Debian, each checked by a file it installs.
missing=()
command -v chromium >/dev/null || missing+=(chromium)                      # the browser tests
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)   # text in the load-test plot
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)                           # the reverse-proxy tests
if [ "${#missing[@]}" -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "== installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
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
    # Tests that choose their own storage ran once already (Trait Storage=own, see OwnStorage.cs).
    TRINITY_TEST_PERSISTENCE=postgres dotnet test "$project" --no-build --logger "trx;LogFilePrefix=postgres" \
      --results-directory TestResults/postgres --filter "Storage!=own" "$@" || status=1
  done
fi
exit $status
