#!/usr/bin/env bash
# OpenCPM MSRP throughput benchmark (issue 5, large message mode, OMA CPM SD 5.2.2.1.5), TCP on 127.0.0.1 only:
#
#   alice's client ─MSRP─► PF A ─MSRP─► CF ─MSRP─► PF B ─MSRP─► bob's device      (four real loopback TCP hops)
#      └─ SIP INVITE sip:bench@opencpm.test (large message, sendonly) ─► OpenCPM ─► INVITE ─► bob's device
#
# One large message of SIZE bytes (plus its CPIM headers) goes to the pre-defined group {alice, bob}; bob's device
# hashes it (SHA-256) as it streams in and checks it against the generated content. Beside it, measured the same
# way by the same Java program (bench/msrp/MsrpChainBench.java): the same bytes over a plain loopback TCP socket
# ("raw") and over one direct MSRP hop between two stacks of the connector, no server ("direct"). Timing: from
# just before the sender hands over its first byte to the moment the receiver has taken in the last one. While the
# chain relays, `jstat -gc <WildFly pid> JSTAT_MS` samples the server's heap, and WildFly's own GC log (GC_LOG=true
# for standalone.sh) gives the heap before and after every collection; `jcmd GC.run` before the first transfer and
# after the last gives the live heap either side.
#
# Steps: build what is missing or stale (mvn -o package, never install); the Java program compiled with javac
# against the connector's and the SIP test kit's jars (test-jars included) and the dependencies Maven lists;
# ./run.sh in the background on its own ports and a fresh H2 database under OUT (stopped by the EXIT trap); users
# alice and bob and the group sip:bench@opencpm.test {alice (owner), bob} over REST; then the program: bob's device
# registers (SIP over TCP), WARMUP rounds, RUNS measured rounds (each: raw, direct, chain); summary.txt.
#
# Environment (all optional):
#   SIZE=100M         payload bytes of the message (suffix K, M, G: KiB, MiB, GiB; under 1 GiB); the CPIM headers
#                     add about 165 bytes. The offer announces the size in a=max-size, and the server is started
#                     with opencpm.pf.large-message.max-size just above it.
#   RUNS=3            measured rounds; the summary gives the median of each mode
#   WARMUP=1          rounds before, not counted (JIT of both JVMs)
#   MODES=raw,direct,chain   which to measure, in this order in each round
#   JSTAT_MS=100      heap sampling interval (ms)
#   TIMEOUT=600       seconds one transfer may take
#   SETTLE=20         seconds of quiet after the server's start (its start-up work would otherwise share the cores)
#   JFR=0             1: record the server with Java Flight Recorder (settings=profile) into OUT/server.jfr;
#                     the profiler costs CPU, so such a run's figures are not comparable
#   SIP_PORT=15360  PORT_OFFSET=800 (HTTP 8880, MSRP 3655, message store 1943/1825/8800)
#   OUT=bench/out/msrp-chain-<date>   summary.txt, runs.csv, bench.log, run.log, the H2 database
#   JBOSS_JAVA_SIZING  WildFly's heap (default "-Xms64m -Xmx512m"), reaches the server through run.sh
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
SIP_PORT="${SIP_PORT:-15360}"
PORT_OFFSET="${PORT_OFFSET:-800}"
SIZE="${SIZE:-100M}"
RUNS="${RUNS:-3}"
WARMUP="${WARMUP:-1}"
MODES="${MODES:-raw,direct,chain}"
JSTAT_MS="${JSTAT_MS:-100}"
TIMEOUT="${TIMEOUT:-600}"
SETTLE="${SETTLE:-20}"
JFR="${JFR:-0}"
OUT="${OUT:-$BENCH/out/msrp-chain-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
# shellcheck source=lib.sh
source "$BENCH/lib.sh"

case "$SIZE" in
    *[kK]) BYTES=$((${SIZE%?} * 1024)) ;;
    *[mM]) BYTES=$((${SIZE%?} * 1024 * 1024)) ;;
    *[gG]) BYTES=$((${SIZE%?} * 1024 * 1024 * 1024)) ;;
    *) BYTES="$SIZE" ;;
esac
for v in BYTES RUNS WARMUP JSTAT_MS TIMEOUT SETTLE SIP_PORT PORT_OFFSET; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a number (got '${!v}')"
done
((BYTES >= 1 && RUNS >= 1)) || die "SIZE and RUNS must be at least 1"
# The connector's opencpm.msrp.max-message-size (1 GiB) bounds what any hop relays; the CPIM headers come on top.
((BYTES <= (1 << 30) - 4096)) || die "SIZE must stay under 1 GiB (the MSRP connector's max-message-size)"
[[ "$MODES" =~ ^(raw|direct|chain)(,(raw|direct|chain))*$ ]] || die "MODES: a list of raw, direct, chain"
command -v javac >/dev/null && command -v jstat >/dev/null || die "javac and jstat (a JDK 17) are needed"

# ---------------------------------------------------------------- build what is missing (package, never install)
JARS=(cpm-msrp-ra/target/cpm-msrp-ra-0.1.0-SNAPSHOT.jar cpm-msrp-ra/target/cpm-msrp-ra-0.1.0-SNAPSHOT-tests.jar
      cpm-sip-ra/target/cpm-sip-ra-0.1.0-SNAPSHOT.jar cpm-sip-ra/target/cpm-sip-ra-0.1.0-SNAPSHOT-tests.jar)
build_java_bench "$BENCH/msrp/MsrpChainBench.java" "$ROOT"/cpm-{msrp,sip}-ra/src

# ---------------------------------------------------------------- the server, the users, the group
trap stop_java_bench EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
JVM_PID=0
GC_LOG_FILE="$ROOT/wildfly-config/target/server/standalone/log/gc.log"
if [[ "$MODES" == *chain* ]]; then
    # standalone.sh's own GC log (-Xlog:gc*, wall-clock times): the heap before and after every collection.
    export GC_LOG=true
    # A fresh database: only this run's users, group and registration. The offer announces the message's size in
    # a=max-size, which the PF refuses (488) above opencpm.pf.large-message.max-size (default 16 MiB): raised.
    start_server "-Dopencpm.db.url=jdbc:h2:file:$OUT/db/opencpm;DB_CLOSE_ON_EXIT=FALSE" \
        "-Dopencpm.pf.large-message.max-size=$((BYTES + 4096))"
    JVM_PID="$(cat "$ROOT/wildfly-config/target/server/standalone/tmp/opencpm-run.pid")"
    provision alice bob
    code="$(admin POST /groups "{\"id\":\"bench\",\"owner\":\"alice\",\"displayName\":\"MSRP benchmark\",\
\"members\":[{\"address\":\"sip:bob@$DOMAIN\"}]}")"
    [[ "$code" == 201 ]] || die "creating the group: HTTP $code ($(cat "$OUT/last-response.json"))"
    log "group sip:bench@$DOMAIN {alice (owner), bob}; WildFly pid $JVM_PID"
    trap stop_java_bench EXIT   # start_server set lib.sh's cleanup alone
    log "letting the server settle for ${SETTLE}s after its start ..."
    sleep "$SETTLE"
fi

live_heap() {   # a full collection (System.gc) in the server, then its heap after it in MiB, from the GC log
    jcmd "$JVM_PID" GC.run >/dev/null 2>&1 || { echo "?"; return 0; }
    sleep 1
    grep -h 'Pause Full' "$GC_LOG_FILE" | tail -1 | sed -E 's/.* [0-9]+M->([0-9]+M)\(([0-9]+M)\).*/\1 (heap \2)/'
}

# ---------------------------------------------------------------- the environment, then the measurement
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "command: SIZE=$SIZE RUNS=$RUNS WARMUP=$WARMUP MODES=$MODES JSTAT_MS=$JSTAT_MS bench/msrp-chain.sh"
    echo "git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (modified)')"
    echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $(java -version 2>&1 | head -1)"
    if ((JVM_PID > 0)); then
        echo "server JVM heap flags: $(tr '\0' '\n' < "/proc/$JVM_PID/cmdline" | grep -E '^-Xm[sx]|^-XX:.*(GC|Heap)' | tr '\n' ' ')"
        echo "server GC: $(jcmd "$JVM_PID" VM.flags 2>/dev/null | grep -o 'Use[A-Za-z0-9]*GC' | head -1 || echo '?')"
    fi
} | tee "$OUT/summary.txt"

if [[ "$JFR" == 1 ]] && ((JVM_PID > 0)); then
    jcmd "$JVM_PID" JFR.start name=bench settings=profile filename="$OUT/server.jfr" >"$OUT/jfr.log" 2>&1 \
        || die "JFR.start failed (see $OUT/jfr.log)"
    log "recording the server with JFR into $OUT/server.jfr"
fi
LIVE_BEFORE=""
((JVM_PID > 0)) && LIVE_BEFORE="$(live_heap)"
log "measuring: $WARMUP warm-up and $RUNS measured rounds of $MODES, $BYTES bytes each ..."
run_java_bench $(((RUNS + WARMUP) * 3 * TIMEOUT + 120)) -Xmx256m -cp "$CLASSES:$CP" MsrpChainBench \
    size="$BYTES" runs="$RUNS" warmup="$WARMUP" modes="$MODES" out="$OUT" domain="$DOMAIN" \
    group="sip:bench@$DOMAIN" sip-port="$SIP_PORT" http-port="$HTTP_PORT" wildfly-pid="$JVM_PID" \
    jstat-ms="$JSTAT_MS" clk-tck="$(getconf CLK_TCK)" timeout="$TIMEOUT" gc-log="$GC_LOG_FILE"
LIVE_AFTER=""
((JVM_PID > 0)) && LIVE_AFTER="$(live_heap)"
[[ "$MODES" == *chain* ]] && { cp "$GC_LOG_FILE"* "$OUT/" 2>/dev/null || true; }
[[ "$JFR" == 1 ]] && ((JVM_PID > 0)) && { jcmd "$JVM_PID" JFR.stop name=bench >>"$OUT/jfr.log" 2>&1 || true; }
((status == 0)) || die "the benchmark program failed ($status), see $OUT/bench.log"
{
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    grep -v '^RESULT' "$OUT/bench.log"
    echo
    grep '^RESULT' "$OUT/bench.log" | sed 's/^RESULT //'
    if [[ -n "$LIVE_BEFORE" ]]; then
        echo "server heap after a full GC (jcmd GC.run): before the first transfer $LIVE_BEFORE, after the last $LIVE_AFTER"
    fi
} >> "$OUT/summary.txt"
log "summary: $OUT/summary.txt"
