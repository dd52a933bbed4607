#!/usr/bin/env bash
# OpenCPM recording benchmark (issue 6: recording by the Participating Function, docs/message-store.md), on
# 127.0.0.1 only, SIP over TCP:
#
#   alice ─MESSAGE─► OpenCPM (PF) ─MESSAGE─► bob's device ─200─► OpenCPM ─200─► alice
#                      └─ both copies into the recording outbox (database), then uploaded over IMAP ─► James
#   alice's watcher (IMAP IDLE, as alice) on Default.sip:bob@opencpm=2Etest     <- "sent" copies
#   bob's watcher   (IMAP IDLE, as bob)   on Default.sip:alice@opencpm=2Etest   <- "received" copies
#
# Measures (bench/recording/RecordingBench.java, one JVM, one clock):
#   latency     LATENCY_MESSAGES at each of the LATENCY_RATE offered rates (msg/s, in turn): delay from the SIP
#               200 of each message to its object being visible over IMAP to its owner (IDLE EXISTS push),
#               p50/p90/p99/max, sender's and recipient's copy; and the backlog, as below
#   throughput  MESSAGES as fast as CONCURRENCY closed-loop senders get their 200s (or at RATE msg/s): recorded
#               objects per second into the store (first 200 to last object visible; steady rate 10-90 %), and the
#               backlog (objects recorded, not yet visible) every 500 ms: does the outbox drain while sending?
#   components  the protocol steps of one upload pass timed alone against the store: WebAdmin HEAD, an IMAP
#               connection as the uploader opens one, a LIST, an APPEND
#
# Steps: build what is missing or stale (mvn -o package, never install); javac the program against the SIP and
# store test kits; ./run.sh in the background on its own ports with a fresh H2 database and a fresh message store
# under OUT (stopped by the EXIT trap, also on failure); alice and bob over REST with recordConversations on; the
# program; summary.txt.
#
# Environment (all optional):
#   MESSAGES=2000 CONCURRENCY=8 RATE=0 (0: as fast as the 200s come back)   throughput phase
#   LATENCY_MESSAGES=300 LATENCY_RATE=2,20 (a comma-separated list)        latency phase(s)
#   WARMUP=300        messages before, not counted (JIT; creates the folders)
#   PHASES=latency,throughput,components
#   COMPONENT_ROUNDS=200
#   SETTLE=15         seconds of quiet after the server's start
#   WAIT=600          seconds the program waits for the last object of a phase
#   JFR=0             1: Java Flight Recorder (jcmd JFR.start settings=profile) in both JVMs for the measurement, into
#                     OUT/wildfly.jfr and OUT/cms.jfr; it costs CPU, so such a run's figures are not comparable
#   SIP_PORT=15460  PORT_OFFSET=900 (HTTP 8980, MSRP 3755, message store IMAP 2043, SMTP 1925, WebAdmin 8900)
#   OUT=bench/out/recording-<date>   summary.txt, objects.csv, backlog.csv, bench.log, run.log, db/, cms/
#   JBOSS_JAVA_SIZING  WildFly's heap (default "-Xms64m -Xmx512m"); OPENCPM_CMS_JAVA_OPTS the store's (-Xmx512m)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
SIP_PORT="${SIP_PORT:-15460}"
PORT_OFFSET="${PORT_OFFSET:-900}"
MESSAGES="${MESSAGES:-2000}"
CONCURRENCY="${CONCURRENCY:-8}"
RATE="${RATE:-0}"
LATENCY_MESSAGES="${LATENCY_MESSAGES:-300}"
LATENCY_RATE="${LATENCY_RATE:-2,20}"
WARMUP="${WARMUP:-300}"
PHASES="${PHASES:-latency,throughput,components}"
COMPONENT_ROUNDS="${COMPONENT_ROUNDS:-200}"
SETTLE="${SETTLE:-15}"
WAIT="${WAIT:-600}"
JFR="${JFR:-0}"
OUT="${OUT:-$BENCH/out/recording-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
# shellcheck source=lib.sh
source "$BENCH/lib.sh"

for v in MESSAGES CONCURRENCY LATENCY_MESSAGES WARMUP COMPONENT_ROUNDS SETTLE WAIT SIP_PORT PORT_OFFSET; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a number (got '${!v}')"
done
NUM='[0-9]+(\.[0-9]+)?'
[[ "$RATE" =~ ^$NUM$ && "$LATENCY_RATE" =~ ^$NUM(,$NUM)*$ ]] || die "RATE: a number, LATENCY_RATE: numbers, comma-separated"
((MESSAGES >= 10 && CONCURRENCY >= 1)) || die "MESSAGES must be at least 10, CONCURRENCY at least 1"
command -v javac >/dev/null && command -v curl >/dev/null || die "javac (a JDK 17) and curl are needed"

# ---------------------------------------------------------------- build what is missing (package, never install)
JARS=(cpm-sip-ra/target/cpm-sip-ra-0.1.0-SNAPSHOT.jar cpm-sip-ra/target/cpm-sip-ra-0.1.0-SNAPSHOT-tests.jar
      cpm-cms/target/cpm-cms-0.1.0-SNAPSHOT-tests.jar)
build_java_bench "$BENCH/recording/RecordingBench.java" "$ROOT"/cpm-sip-ra/src "$ROOT"/cpm-cms/src

# ---------------------------------------------------------------- the server and the store, the users
IMAP_PORT=$((1143 + PORT_OFFSET))
WEBADMIN_PORT=$((8000 + PORT_OFFSET))
# The store's administrator password: known to this script, so that the component timings can act as the uploader.
export OPENCPM_CMS_ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# A fresh message store (H2 and James' conf under OUT) and a fresh OpenCPM database: only this run's users.
export OPENCPM_CMS_DATA="$OUT/cms"
start_server "-Dopencpm.db.url=jdbc:h2:file:$OUT/db/opencpm;DB_CLOSE_ON_EXIT=FALSE"
trap stop_java_bench EXIT   # start_server set lib.sh's cleanup alone
JVM_PID="$(cat "$ROOT/wildfly-config/target/server/standalone/tmp/opencpm-run.pid")"
CMS_PID="$(cat "$OUT/cms/cms.pid")"
provision alice bob
for u in alice bob; do
    code="$(admin PUT "/users/sip%3A$u%40$DOMAIN/preferences" '{"recordConversations":true}')"
    [[ "$code" == 200 ]] || die "recordConversations for $u: HTTP $code ($(cat "$OUT/last-response.json"))"
    for ((i = 0; i < 120; i++)); do   # the account reaches the store asynchronously (StoreAccountSync)
        [[ "$(curl -s -o /dev/null -w '%{http_code}' -I "http://127.0.0.1:$WEBADMIN_PORT/users/$u@$DOMAIN")" == 200 ]] \
            && break
        sleep 0.5
    done
    ((i < 120)) || die "the account $u@$DOMAIN did not reach the message store within 60 s"
done
log "alice and bob: recordConversations on, both in the store; WildFly pid $JVM_PID, store pid $CMS_PID"
log "letting the server settle for ${SETTLE}s after its start ..."
sleep "$SETTLE"

# ---------------------------------------------------------------- the environment, then the measurement
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "command: MESSAGES=$MESSAGES CONCURRENCY=$CONCURRENCY RATE=$RATE LATENCY_MESSAGES=$LATENCY_MESSAGES" \
        "LATENCY_RATE=$LATENCY_RATE WARMUP=$WARMUP PHASES=$PHASES bench/recording.sh"
    echo "git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (modified)')"
    echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "server JVM heap flags: $(tr '\0' '\n' < "/proc/$JVM_PID/cmdline" | grep -E '^-Xm[sx]' | tr '\n' ' ')"
    echo "store JVM heap flags: $(tr '\0' '\n' < "/proc/$CMS_PID/cmdline" | grep -E '^-Xm[sx]' | tr '\n' ' ')"
    echo "other processes using CPU at the start (top 5 by %CPU, excluding this run's JVMs):"
    ps -eo pid,pcpu,etime,args --sort=-pcpu | awk -v a="$JVM_PID" -v b="$CMS_PID" \
        'NR > 1 && $1 != a && $1 != b && $2 > 5 {print "  " substr($0, 1, 150)}' | head -5
} | tee "$OUT/summary.txt"

if [[ "$JFR" == 1 ]]; then
    for p in "wildfly:$JVM_PID" "cms:$CMS_PID"; do
        jcmd "${p#*:}" JFR.start name=bench settings=profile filename="$OUT/${p%%:*}.jfr" >>"$OUT/jfr.log" 2>&1 \
            || die "JFR.start in ${p%%:*} failed (see $OUT/jfr.log)"
    done
    log "recording both JVMs with JFR into $OUT/wildfly.jfr and $OUT/cms.jfr"
fi
log "measuring: $WARMUP warm-up, then $PHASES ..."
run_java_bench $((3 * WAIT + 1800)) -Xmx512m -cp "$CLASSES:$CP" \
    -Djava.util.logging.config.file=/dev/null RecordingBench \
    domain="$DOMAIN" sip-port="$SIP_PORT" imap-port="$IMAP_PORT" webadmin-port="$WEBADMIN_PORT" out="$OUT" \
    warmup="$WARMUP" messages="$MESSAGES" concurrency="$CONCURRENCY" rate="$RATE" \
    latency-messages="$LATENCY_MESSAGES" latency-rate="$LATENCY_RATE" phases="$PHASES" wait="$WAIT" \
    component-rounds="$COMPONENT_ROUNDS" admin-password="$OPENCPM_CMS_ADMIN_PASSWORD" \
    wildfly-pid="$JVM_PID" cms-pid="$CMS_PID" clk-tck="$(getconf CLK_TCK)"
if [[ "$JFR" == 1 ]]; then
    jcmd "$JVM_PID" JFR.stop name=bench >>"$OUT/jfr.log" 2>&1 || true
    jcmd "$CMS_PID" JFR.stop name=bench >>"$OUT/jfr.log" 2>&1 || true
fi
((status == 0)) || die "the benchmark program failed ($status), see $OUT/bench.log"
{
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    grep -v '^RESULT' "$OUT/bench.log" | grep -v '^\s*$' || true
    echo
    grep '^RESULT' "$OUT/bench.log" | sed 's/^RESULT //'
    echo
    echo "recording warnings/errors in the server log (this run): $(grep -c -E 'Recording: .*(failed|cannot|given up|did not)' \
        "$OUT/run.log" 2>/dev/null || true)"
} >> "$OUT/summary.txt"
log "summary: $OUT/summary.txt"
