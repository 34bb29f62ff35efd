#!/usr/bin/env bash
# Measures the local stack as a newcomer meets it: ./run on a fresh data directory (first start), then
# again on the same data (second start), each service's time from launch to its first answered request,
# and the resident memory of every part after a minute at rest. Stops everything it started.
# Usage: bench/stack-startup.sh   (ports: the PORTAIL_*_PORT defaults, or set them as for ./run)
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d /tmp/portail-bench-XXXXXX)
export PORTAIL_DATA="$data" PORTAIL_NO_BUILD=1
trap 'pkill -TERM -f "fr.academie.stack.Launcher" 2>/dev/null || true; sleep 5; rm -rf "$data"' EXIT

./mvnw -q package -Dmaven.test.skip=true -pl deploy/local-stack,mail-service,iprof-service,colibris-service,auth-gateway -am

start_stack() {
  local log="$data/$1.log" begin
  begin=$(date +%s)
  ./run > "$log" 2>&1 &
  until grep -q "Portail agents is ready" "$log"; do
    sleep 1
    if ! kill -0 $! 2>/dev/null; then cat "$log"; exit 1; fi
  done
  echo "$1 start: $(( $(date +%s) - begin )) s (./run to \"ready\")"
  grep -E "ready (on port|after)" "$log" | sed 's/^/  /'
}

stop_stack() {
  pkill -TERM -f "fr.academie.stack.Launcher"
  while pgrep -f "fr.academie.stack.Launcher" > /dev/null; do sleep 1; done
}

start_stack first
stop_stack
start_stack second
echo "Resident memory after 60 s at rest:"
sleep 60
for pattern in "kc.home.dir" "mail-service/target" "iprof-service/target" "colibris-service/target" "auth-gateway/target" "bin/postgres -D"; do
  pids=$(pgrep -f "$pattern" || true)
  [[ -z "$pids" ]] && continue
  rss=0
  for pid in $pids; do rss=$(( rss + $(ps -o rss= -p "$pid" 2>/dev/null || echo 0) )); done
  # PostgreSQL: the postmaster only (its backends share most of their pages with it)
  printf "  %-26s %5d MB\n" "$pattern" $(( rss / 1024 ))
done
stop_stack
