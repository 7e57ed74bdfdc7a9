#!/usr/bin/env bash
# Usage: stop.sh [node-number]   (same OPENSEARCH_BASE_PATH as start.sh)
# Stop the nodes that start.sh started: all of them, or only node i (`stop.sh i`).
# Graceful SIGTERM first (the node closes itself), SIGKILL after OPENSEARCH_STOP_TIMEOUT s.
# Idempotent: a missing pid file or an already dead process is not an error.
set -uo pipefail

BASE="${OPENSEARCH_BASE_PATH:-/tmp/zb-opensearch}"
GRACE="${OPENSEARCH_STOP_TIMEOUT:-30}"

if [ $# -gt 0 ]; then
    case "$1" in ''|*[!0-9]*) echo "usage: $0 [node-number]" >&2; exit 2 ;; esac
    pidfiles=("$BASE/node-$1.pid")
else
    shopt -s nullglob
    pidfiles=("$BASE"/node-*.pid)
fi

ours() {  # is $1 a live LocalNode JVM (and not a recycled pid)?
    [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q 'LocalNode'
}

stopped=0
for f in "${pidfiles[@]}"; do
    [ -f "$f" ] || continue
    pid="$(cat "$f" 2>/dev/null || true)"
    node="$(basename "$f" .pid)"
    if [ -n "$pid" ] && ours "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        end=$(( $(date +%s) + GRACE ))
        while ours "$pid" && [ "$(date +%s)" -lt "$end" ]; do sleep 0.5; done
        if ours "$pid"; then
            echo "stop.sh: $node (pid $pid) did not stop in ${GRACE}s, killing" >&2
            kill -KILL "$pid" 2>/dev/null || true
            while ours "$pid"; do sleep 0.2; done
        fi
        echo "stop.sh: stopped $node (pid $pid)"
        stopped=$((stopped + 1))
    fi
    rm -f "$f"
done
[ "$stopped" -gt 0 ] || echo "stop.sh: nothing running under $BASE${1:+ for node $1}"
exit 0
