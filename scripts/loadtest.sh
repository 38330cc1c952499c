#!/usr/bin/env bash
# Load test: Trinity against a plain-SignalR baseline, same load, same machine, same run.
#   scripts/loadtest.sh smoke    300 connections / 60 rooms of 5, a vote per second each (≈300 votes/s), 20 s (+ the saturation phase below)
#   scripts/loadtest.sh target   5,000 connections / 1,000 rooms of 5, a vote every 5 s each (≈1,000 votes/s), 60 s (+ saturation)
#   scripts/loadtest.sh cluster  the target load on a three-node Trinity cluster (one Akka cluster on loopback, PostgreSQL
#                                database trinity_load emptied each phase); members go to the nodes in turn, so a room's
#                                members sit on different nodes; CPU and RSS are the three nodes' sum; the baseline is one process
# Each phase starts fresh server processes (Trinity on SQLite in a temp dir with rate limits lifted, or three such
# nodes on PostgreSQL, or Trinity.Baseline) on free loopback ports, runs Trinity.LoadTest against them with
# --server-pid, and stops them.
# Reports: loadtest-results/<scenario>-<time>/<phase>-{trinity,baseline}/report.{json,md}, summary.md
# (the ratios Trinity ÷ baseline, and the machine's uptime before each phase) and latency.png (fan-out latency by percentile).
# LOADTEST_TRINITY_ENV="DOTNET_gcServer=0 ..." starts the Trinity nodes with these variables (to try runtime settings).
# LOADTEST_PROFILE=1 adds, for each Trinity phase, what explains its figures (see profile_trinity below).
# On a shared machine, serialise runs with flock (here: `flock /tmp/trinity-loadtest.lock scripts/loadtest.sh target`).
# Every step is bounded by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."
SCENARIO="${1:-smoke}"
PROTOCOL_FLAG="${LOADTEST_PROTOCOL_FLAG:-}"   # e.g. --messagepack (Trinity only; the baseline speaks JSON)
OUT="${LOADTEST_OUT:-loadtest-results/$SCENARIO-$(date -u +%Y%m%dT%H%M%SZ)}"
BIN="$PWD/loadtest-results/bin"
mkdir -p "$OUT"

NODES=1 # Trinity nodes; more than one form a cluster on PostgreSQL
case "$SCENARIO" in
  # phase name | rooms | members | mean vote interval (s, 0 = closed loop) | warm-up (s) | measured (s)
  # Saturation: a member has 100 titles (the protocol's largest queue) and the baseline's closed loop votes
  # ≈ 11 times a second per member, so 1,000 members and warm-up + measured under 9 s, or members run out.
  smoke)  PHASES=("fixed 60 5 1 5 20" "saturation 200 5 0 2 6") ;;
  target|cluster) PHASES=("fixed 1000 5 5 15 60" "saturation 200 5 0 2 6") ;;
  *) echo "usage: $0 smoke|target|cluster" >&2; exit 2 ;;
esac
if [ "$SCENARIO" = cluster ]; then NODES=3; fi
# LOADTEST_PHASES="fixed 1000 5 10 15 60" replaces the scenario's phases (one per line; same fields as above).
if [ -n "${LOADTEST_PHASES:-}" ]; then mapfile -t PHASES <<<"$LOADTEST_PHASES"; fi

# 5,000 client sockets in one process (and as many in the server) need more descriptors than the default.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "== open files limit: $(ulimit -n)"

echo "== building Release"
for project in Trinity.Host Trinity.Baseline Trinity.LoadTest; do
  timeout 600 dotnet build "$project" -c Release -o "$BIN/$project" -v quiet -nologo >/dev/null
done

# N distinct free loopback ports (the sockets stay open until all are picked, so none comes twice).
free_ports() {
  python3 -c 'import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))' "$1"
}
random_key() { head -c 48 /dev/urandom | base64 | tr -d '\n'; }
any_alive() { local pid; for pid in "$@"; do kill -0 "$pid" 2>/dev/null && return 0; done; return 1; }

SERVER_PIDS=() # the phase's server processes
URLS=()        # where they listen
DATA_DIRS=()   # their temp dirs (a node's SQLite journal and other files)
ADMIN_KEY=$(random_key)

stop_servers() { # SIGTERM (graceful: a node hands its rooms over), SIGKILL whatever still runs after 30 s
  local pid
  if [ ${#SERVER_PIDS[@]} -gt 0 ]; then
    kill -TERM "${SERVER_PIDS[@]}" 2>/dev/null || true
    for _ in $(seq 1 150); do any_alive "${SERVER_PIDS[@]}" || break; sleep 0.2; done
    kill -KILL "${SERVER_PIDS[@]}" 2>/dev/null || true
    for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  fi
  if [ ${#DATA_DIRS[@]} -gt 0 ]; then rm -rf "${DATA_DIRS[@]}"; fi
  SERVER_PIDS=(); URLS=(); DATA_DIRS=()
}
trap stop_servers EXIT

# One Trinity node with rate limits lifted, ?userId= identities and quiet logs, in a fresh temp dir.
# $1 = port, $2 = signing key, $3 = log file; cluster and persistence settings come in the environment (Trinity__...).
start_trinity_node() {
  local url="http://127.0.0.1:$1" data limits=()
  data=$(mktemp -d /tmp/trinity-load-XXXXXX)
  for c in Votes Rooms Joins Chat Recommendations Other; do for s in Connection User; do
    limits+=("--Trinity:RateLimits:$c:$s:Burst=1000000" "--Trinity:RateLimits:$c:$s:PerSecond=1000000"); done; done
  # shellcheck disable=SC2086 # LOADTEST_TRINITY_ENV is a list of NAME=value words
  (cd "$data" && exec env ${LOADTEST_TRINITY_ENV:-} dotnet "$BIN/Trinity.Host/Trinity.Host.dll" --urls "$url" --environment=Production \
    --Trinity:DataDir="$data" --Trinity:Auth:SigningKey="$2" \
    --Trinity:Auth:AllowQueryUserId=true --Logging:LogLevel:Default=Warning \
    --Logging:LogLevel:Microsoft.Hosting.Lifetime=Information \
    --Trinity:RateLimits:Rest:Burst=1000000 --Trinity:RateLimits:Rest:PerSecond=1000000 "${limits[@]}" \
    --Trinity:RateLimits:Connections:PerAddress=1000000 --Trinity:RateLimits:Connections:PerNode=1000000) > "$3" 2>&1 &
  SERVER_PIDS+=($!); URLS+=("$url"); DATA_DIRS+=("$data")
}

# $NODES Trinity nodes forming one Akka cluster on loopback (node 1 is the seed) on a freshly emptied PostgreSQL
# database, all with the same signing key. $1 = folder for the logs node-N.log.
start_trinity_cluster() {
  local connection key ports i
  connection=$(TRINITY_PG_DB=trinity_load timeout 300 scripts/postgres.sh reset | tail -1)
  # On loopback, TLS (Npgsql's default when the server offers it) would only add crypto to the shared cores.
  connection="$connection;SSL Mode=Disable"
  key=$(random_key)
  read -r -a ports <<<"$(free_ports $((2 * NODES)))" # HTTP ports, then remoting ports
  for i in $(seq 1 "$NODES"); do
    Trinity__Cluster__Port="${ports[NODES + i - 1]}" \
    Trinity__Cluster__Seeds="akka.tcp://trinity@127.0.0.1:${ports[NODES]}" \
    Trinity__Persistence__Provider=postgres \
    Trinity__Persistence__ConnectionString="$connection" \
    Trinity__Admin__Key="$ADMIN_KEY" \
      start_trinity_node "${ports[i - 1]}" "$key" "$1/node-$i.log"
  done
}

cluster_members() { # the Up members node $1 sees, from GET /api/admin/stats
  curl -fs --max-time 5 -H "X-Admin-Key: $ADMIN_KEY" "$1/api/admin/stats" | grep -o '"nodes":[0-9]*' | cut -d: -f2
}
cluster_formed() { # every node sees them all
  local url
  for url in "${URLS[@]}"; do [ "$(cluster_members "$url")" = ${#URLS[@]} ] || return 1; done
}

# Starts the phase's server ($1 = trinity|baseline, logs in folder $2) and waits until every process is ready
# and, for a cluster, every node sees all $NODES members.
start_server() {
  if [ "$1" = baseline ]; then
    local port; port=$(free_ports 1)
    dotnet "$BIN/Trinity.Baseline/Trinity.Baseline.dll" --urls "http://127.0.0.1:$port" --environment=Production > "$2/server.log" 2>&1 &
    SERVER_PIDS+=($!); URLS+=("http://127.0.0.1:$port")
  elif [ "$NODES" = 1 ]; then
    start_trinity_node "$(free_ports 1)" "$(random_key)" "$2/server.log"
  else
    start_trinity_cluster "$2"
  fi
  local i
  for i in "${!URLS[@]}"; do
    for _ in $(seq 1 300); do
      curl -fs --max-time 5 "${URLS[i]}/healthz/ready" >/dev/null 2>&1 && continue 2
      kill -0 "${SERVER_PIDS[i]}" 2>/dev/null || break
      sleep 0.2
    done
    echo "$1 at ${URLS[i]} did not become ready; see the logs in $2" >&2; exit 1
  done
  [ ${#URLS[@]} -gt 1 ] || return 0
  for _ in $(seq 1 60); do cluster_formed && return 0; sleep 1; done
  echo "the cluster did not reach ${#URLS[@]} members in 60 s; see the logs in $2" >&2; exit 1
}

join() { local IFS=,; echo "$*"; }

# While Trinity is measured: every node's runtime counters (dotnet-counters: CPU, GC pauses, thread-pool queue, lock
# contention) and node 1's sampled thread stacks (dotnet-trace); after the phase, every node's /metrics (journal write and
# fan-out latency histograms). Needs dotnet-counters and dotnet-trace 10.0.750501 (dotnet tool install -g).
# $1 = phase dir, $2 = warm-up (s), $3 = measured (s).
profile_trinity() {
  local i span
  for _ in $(seq 1 3000); do grep -q '] voting:' "$1/generator.log" 2>/dev/null && break; sleep 0.2; done
  sleep "$2"
  span=$(printf '00:00:%02d:%02d' $(($3 / 60)) $(($3 % 60)))
  for i in "${!SERVER_PIDS[@]}"; do
    timeout $(($3 + 60)) dotnet-counters collect -p "${SERVER_PIDS[i]}" --counters System.Runtime --format csv \
      -o "$1/counters-node-$((i + 1)).csv" --duration "$span" > /dev/null 2>&1 &
  done
  timeout 120 dotnet-trace collect -p "${SERVER_PIDS[0]}" --profile dotnet-sampled-thread-time \
    --duration "$(printf '00:00:00:%02d' $(($3 < 20 ? $3 : 20)))" \
    -o "$1/node-1.nettrace" > /dev/null 2>&1 || true
  wait
}
save_metrics() { # $1 = phase dir
  local i
  for i in "${!URLS[@]}"; do curl -fs --max-time 10 "${URLS[i]}/metrics" > "$1/metrics-node-$((i + 1)).txt" || true; done
}

for phase in "${PHASES[@]}"; do
  read -r name rooms members interval warmup duration <<<"$phase"
  for server in trinity baseline; do
    dir="$OUT/$name-$server"
    mkdir -p "$dir"
    label="$name-$server"; flag=""
    if [ "$server" = trinity ]; then
      flag="$PROTOCOL_FLAG"
      if [ "$NODES" -gt 1 ]; then label="$label-$NODES-nodes"; fi
    fi
    echo "== $name on $server"
    # The machine is shared: its load beside each figure.
    settings=""; [ "$server" = trinity ] && settings="${LOADTEST_TRINITY_ENV:+ (with $LOADTEST_TRINITY_ENV)}"
    echo "- $name on $server$settings, before: $(uptime)" >> "$OUT/uptime.md"
    start_server "$server" "$dir"
    profiler=""
    if [ "${LOADTEST_PROFILE:-}" = 1 ] && [ "$server" = trinity ]; then
      profile_trinity "$dir" "$warmup" "$duration" & profiler=$!
    fi
    # Bounded: connecting and joining (minutes for 5,000) + warm-up + measuring + drain.
    timeout $((warmup + duration + 600)) dotnet "$BIN/Trinity.LoadTest/Trinity.LoadTest.dll" run \
      --nodes "$(join "${URLS[@]}")" --rooms "$rooms" --members "$members" --vote-interval "$interval" \
      --warmup "$warmup" --duration "$duration" --server-pid "$(join "${SERVER_PIDS[@]}")" --label "$label" --out "$dir" $flag \
      > "$dir/generator.log" 2>&1 || { echo "generator failed; see $dir/generator.log" >&2; tail -20 "$dir/generator.log" >&2; }
    grep -E '^\[' "$dir/generator.log" || true
    if [ -n "$profiler" ]; then wait "$profiler" || true; save_metrics "$dir"; fi
    stop_servers
  done
done

dotnet "$BIN/Trinity.LoadTest/Trinity.LoadTest.dll" compare "$OUT" > /dev/null
{ echo; echo "Machine load (uptime) before each phase:"; echo; cat "$OUT/uptime.md"; } >> "$OUT/summary.md"
cat "$OUT/summary.md"

echo "== reports in $OUT"
