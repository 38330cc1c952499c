#!/usr/bin/env bash
# A Trinity cluster on this machine's loopback, on a local PostgreSQL:
#   scripts/cluster.sh start [N]   N nodes (default 3): HTTP 3001.., Akka remoting 4051.., contact points 8551..
#                                  (config discovery: each node is given every node's contact point, no seed list)
#   scripts/cluster.sh start [N] --nginx   the same under /trinity behind nginx (deploy/nginx/trinity.conf)
#                                  on http://127.0.0.1:${TRINITY_NGINX_PORT:-8080}/trinity/
#   scripts/cluster.sh status      each node: process, readiness, cluster members it sees
#   scripts/cluster.sh roll        rolling restart, one node at a time: SIGTERM, wait for exit, start, wait ready
#   scripts/cluster.sh stop        SIGTERM every node (graceful: rooms hand over, clients are told)
# Logs: data/cluster/node-N.log. Admin key: $TRINITY_ADMIN_KEY (default local-admin).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=data/cluster
ADMIN_KEY="${TRINITY_ADMIN_KEY:-local-admin}"

nodes() { ls "$DIR"/node-*.pid 2>/dev/null | sed 's/.*node-\([0-9]*\)\.pid/\1/' | sort -n; }
base() { cat "$DIR/base-path" 2>/dev/null || true; }
ready() { curl -fs "http://127.0.0.1:$((3000 + $1))$(base)/healthz/ready" >/dev/null 2>&1; }

# start_node I N URL: node I of N, on the PostgreSQL at URL.
start_node() {
  local i=$1 count=$2 url=$3 endpoints
  endpoints=$(seq 1 "$count" | awk '{ printf "%s127.0.0.1:%d", (NR > 1 ? "," : ""), 8550 + $1 }')
  Trinity__Cluster__Port=$((4050 + i)) \
  Trinity__Cluster__Discovery__Method=config \
  Trinity__Cluster__Discovery__Endpoints="$endpoints" \
  Trinity__Cluster__Management__Port=$((8550 + i)) \
  Trinity__Persistence__Provider=postgres \
  Trinity__Persistence__ConnectionString="$url" \
  Trinity__Auth__SigningKey="$(cat "$DIR/signing-key")" \
  Trinity__Admin__Key="$ADMIN_KEY" \
  Trinity__DataDir="$DIR/node-$i" \
  Trinity__BasePath="$(base)" \
  Trinity__ForwardedHeaders__KnownProxies="$([ -n "$(base)" ] && echo 127.0.0.1)" \
    nohup dotnet "$DIR/bin/Trinity.Host.dll" --urls "http://127.0.0.1:$((3000 + i))" >> "$DIR/node-$i.log" 2>&1 &
  echo $! > "$DIR/node-$i.pid"
  echo "node $i: pid $(cat "$DIR/node-$i.pid"), http://127.0.0.1:$((3000 + i)), remoting 127.0.0.1:$((4050 + i)), contact point 127.0.0.1:$((8550 + i))"
}

wait_ready() {
  for _ in $(seq 1 300); do ready "$1" && return 0; sleep 0.2; done
  echo "node $1 did not become ready; see $DIR/node-$1.log" >&2; exit 1
}

# stop_node I: SIGTERM (the node drains, tells its clients, hands its rooms over), SIGKILL after 30 s.
stop_node() {
  local pid; pid=$(cat "$DIR/node-$1.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { echo "node $1 did not stop in 30 s; killing it"; kill -KILL "$pid"; }
  fi
  rm -f "$DIR/node-$1.pid"
}

database() { TRINITY_PG_DB=trinity_cluster scripts/postgres.sh start | tail -1; }

start() {
  local count="${1:-3}" nginx="${2:-}"
  mkdir -p "$DIR"
  if [ "$nginx" = --nginx ]; then echo /trinity > "$DIR/base-path"; else rm -f "$DIR/base-path"; fi
  local url
  url=$(database)
  echo "== building"
  dotnet build Trinity.Host -c Release -o "$DIR/bin" -v quiet -nologo >/dev/null
  [ -f "$DIR/signing-key" ] || head -c 48 /dev/urandom | base64 | tr -d '\n' > "$DIR/signing-key"
  for i in $(seq 1 "$count"); do
    if [ -f "$DIR/node-$i.pid" ] && kill -0 "$(cat "$DIR/node-$i.pid")" 2>/dev/null; then
      echo "node $i is already running"; continue
    fi
    start_node "$i" "$count" "$url"
  done
  for i in $(seq 1 "$count"); do wait_ready "$i"; done
  [ "$nginx" = --nginx ] && start_nginx "$count"
  status
}

roll() {
  local url count
  url=$(database)
  count=$(nodes | wc -l)
  for i in $(nodes); do
    echo "== node $i"
    stop_node "$i"
    start_node "$i" "$count" "$url"
    wait_ready "$i"
  done
  status
}

# deploy/nginx/trinity.conf with this cluster's nodes in its upstream, run in the foreground config of standalone.conf.
start_nginx() {
  local count="$1" port="${TRINITY_NGINX_PORT:-8080}" prefix="$DIR/nginx"
  command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx-light)" >&2; exit 1; }
  mkdir -p "$prefix/tmp"
  cp deploy/nginx/standalone.conf "$prefix/"
  awk -v count="$count" -v port="$port" '
    /server 127\.0\.0\.1:[0-9]+/ { if (!done) for (i = 1; i <= count; i++) printf "    server 127.0.0.1:%d max_fails=1 fail_timeout=10s;\n", 3000 + i; done = 1; next }
    /listen 127\.0\.0\.1:[0-9]+;/ { sub(/127\.0\.0\.1:[0-9]+/, "127.0.0.1:" port) }
    { print }' deploy/nginx/trinity.conf > "$prefix/trinity.conf"
  nohup nginx -e stderr -p "$PWD/$prefix/" -c "$PWD/$prefix/standalone.conf" -g 'daemon off;' > "$DIR/nginx.log" 2>&1 &
  echo $! > "$DIR/nginx.pid"
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/trinity/healthz/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fs "http://127.0.0.1:$port/trinity/healthz/ready" >/dev/null || { echo "nginx did not answer; see $DIR/nginx.log" >&2; exit 1; }
  echo "nginx: pid $(cat "$DIR/nginx.pid"), http://127.0.0.1:$port/trinity/"
}

status() {
  printf '%-5s %-8s %-22s %-6s %s\n' node pid http ready members
  for i in $(nodes); do
    local pid; pid=$(cat "$DIR/node-$i.pid")
    kill -0 "$pid" 2>/dev/null || { printf '%-5s %-8s %-22s %-6s %s\n' "$i" "$pid" "-" "down" "-"; continue; }
    local members="?"
    members=$(curl -fs -H "X-Admin-Key: $ADMIN_KEY" "http://127.0.0.1:$((3000 + i))$(base)/api/admin/stats" \
      | grep -o '"nodes":[0-9]*' | cut -d: -f2) || members="?"
    printf '%-5s %-8s %-22s %-6s %s\n' "$i" "$pid" "http://127.0.0.1:$((3000 + i))" "$(ready "$i" && echo yes || echo no)" "$members"
  done
}

stop() {
  if [ -f "$DIR/nginx.pid" ]; then
    kill -TERM "$(cat "$DIR/nginx.pid")" 2>/dev/null || true
    rm -f "$DIR/nginx.pid"
    echo "nginx stopped"
  fi
  for i in $(nodes); do
    stop_node "$i"
    echo "node $i stopped"
  done
}

case "${1:-}" in
  start) start "${2:-3}" "${3:-}" ;;
  status) status ;;
  roll) roll ;;
  stop) stop ;;
  *) echo "usage: $0 start [N] [--nginx] | status | roll | stop" >&2; exit 2 ;;
esac
