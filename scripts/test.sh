#!/usr/bin/env bash
# The whole test suite, as the README says: provides what the tests need on a Debian-like
# machine (Chromium for the browser tests), then runs every test project with TRX results
# in ./TestResults. Without root or apt-get it just runs the tests; those whose service is
# absent report themselves as skipped. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && ! command -v chromium >/dev/null; then
  echo "== installing Chromium for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

rm -rf TestResults
dotnet test Trinity.sln --logger trx --results-directory TestResults "$@"
