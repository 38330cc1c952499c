#!/usr/bin/env bash
# Load test: Trinity against a plain-SignalR baseline, same load, same machine, same run.
#   scripts/loadtest.sh smoke    ≈ 200 connections / 40 rooms of 5, a vote per second each, 20 s (+ a short saturation phase)
#   scripts/loadtest.sh target   5,000 connections / 1,000 rooms of 5, a vote every 5 s each (≈1,000 votes/s), 60 s (+ saturation)
# Each phase starts a fresh server process (Trinity on SQLite in a temp dir with rate limits lifted, or
# Trinity.Baseline) on a free loopback port, runs Trinity.LoadTest against it with --server-pid, and stops it.
# Reports: loadtest-results/<scenario>-<time>/<phase>-{trinity,baseline}/report.{json,md}, summary.md
# (the ratios Trinity ÷ baseline) and latency.svg/.png (fan-out latency by percentile; the PNG needs Chromium).
# Every step is bounded by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."
SCENARIO="${1:-smoke}"
PROTOCOL_FLAG="${LOADTEST_PROTOCOL_FLAG:-}"   # e.g. --messagepack (Trinity only; the baseline speaks JSON)
OUT="${LOADTEST_OUT:-loadtest-results/$SCENARIO-$(date -u +%Y%m%dT%H%M%SZ)}"
BIN="$PWD/loadtest-results/bin"
mkdir -p "$OUT"

case "$SCENARIO" in
  # phase name | rooms | members | mean vote interval (s, 0 = closed loop) | warm-up (s) | measured (s)
  smoke)  PHASES=("fixed 40 5 1 5 20" "saturation 40 5 0 2 8") ;;
  target) PHASES=("fixed 1000 5 5 15 60" "saturation 200 5 0 2 8") ;;
  *) echo "usage: $0 smoke|target" >&2; exit 2 ;;
esac

# 5,000 client sockets in one process (and as many in the server) need more descriptors than the default.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "== open files limit: $(ulimit -n)"

echo "== building Release"
for project in Trinity.Host Trinity.Baseline Trinity.LoadTest; do
  timeout 600 dotnet build "$project" -c Release -o "$BIN/$project" -v quiet -nologo >/dev/null
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

SERVER_PID=""
DATA_DIR=""
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID"
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  if [ -n "$DATA_DIR" ]; then rm -rf "$DATA_DIR"; DATA_DIR=""; fi # the run's SQLite journal
}
trap stop_server EXIT

start_server() { # $1 = trinity|baseline, $2 = port, $3 = log file
  local url="http://127.0.0.1:$2"
  if [ "$1" = trinity ]; then
    local data; data=$(mktemp -d /tmp/trinity-load-XXXXXX)
    DATA_DIR="$data"
    local limits=()
    for c in Votes Rooms Joins Chat Recommendations Other; do for s in Connection User; do
      limits+=("--Trinity:RateLimits:$c:$s:Burst=1000000" "--Trinity:RateLimits:$c:$s:PerSecond=1000000"); done; done
    (cd "$data" && exec dotnet "$BIN/Trinity.Host/Trinity.Host.dll" --urls "$url" --environment=Production \
      --Trinity:DataDir="$data" --Trinity:Auth:SigningKey="$(head -c 48 /dev/urandom | base64 | tr -d '\n')" \
      --Trinity:Auth:AllowQueryUserId=true --Logging:LogLevel:Default=Warning \
      --Logging:LogLevel:Microsoft.Hosting.Lifetime=Information \
      --Trinity:RateLimits:Rest:Burst=1000000 --Trinity:RateLimits:Rest:PerSecond=1000000 "${limits[@]}") > "$3" 2>&1 &
  else
    dotnet "$BIN/Trinity.Baseline/Trinity.Baseline.dll" --urls "$url" --environment=Production > "$3" 2>&1 &
  fi
  SERVER_PID=$!
  for _ in $(seq 1 300); do curl -fs "$url/healthz/ready" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "$1 did not become ready; see $3" >&2; exit 1
}

for phase in "${PHASES[@]}"; do
  read -r name rooms members interval warmup duration <<<"$phase"
  for server in trinity baseline; do
    port=$(free_port)
    dir="$OUT/$name-$server"
    mkdir -p "$dir"
    echo "== $name on $server (port $port)"
    start_server "$server" "$port" "$dir/server.log"
    flag=""; [ "$server" = trinity ] && flag="$PROTOCOL_FLAG"
    # Bounded: connecting and joining (minutes for 5,000) + warm-up + measuring + drain.
    timeout $((warmup + duration + 600)) dotnet "$BIN/Trinity.LoadTest/Trinity.LoadTest.dll" run \
      --nodes "http://127.0.0.1:$port" --rooms "$rooms" --members "$members" --vote-interval "$interval" \
      --warmup "$warmup" --duration "$duration" --server-pid "$SERVER_PID" --label "$name-$server" --out "$dir" $flag \
      > "$dir/generator.log" 2>&1 || { echo "generator failed; see $dir/generator.log" >&2; tail -20 "$dir/generator.log" >&2; }
    grep -E '^\[' "$dir/generator.log" || true
    stop_server
  done
done

dotnet "$BIN/Trinity.LoadTest/Trinity.LoadTest.dll" compare "$OUT" > /dev/null
cat "$OUT/summary.md"

# latency.png, for places that show no SVG. Headless Chromium, where installed, renders it; that keeps native
# drawing libraries (SkiaSharp) out of the build. 960×560 is the size PercentilePlot draws at.
svg="$(realpath "$OUT/latency.svg")"
if command -v chromium >/dev/null; then
  log=$(mktemp)
  timeout 60 chromium --headless --disable-gpu --no-sandbox --screenshot="${svg%.svg}.png" --window-size=960,560 \
    "file://$svg" > "$log" 2>&1 || { echo "latency.png failed:" >&2; tail -5 "$log" >&2; }
  rm -f "$log"
else
  echo "== chromium not installed: latency.png skipped; the plot is $svg"
fi
echo "== reports in $OUT"
