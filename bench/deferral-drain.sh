#!/usr/bin/env bash
# OpenCPM deferral drain benchmark (OMA CPM SD 5.2.5.2), UDP on 127.0.0.1 only:
#
#   1. bob is offline; alice (SIPp UAC) sends MESSAGES pager-mode messages to him: each is deferred (202) and
#      written to the database before the answer.
#   2. bob's device (SIPp UAS, answering 200) registers: the PF pushes the whole queue to it.
#   3. Measured: from the REGISTER until the UAS has received all MESSAGES (SIPp -m), and the queue is empty.
#
# Environment (all optional):
#   MESSAGES=10000  deferred messages to drain
#   PUSH_WINDOW=16  deferred messages in flight at once during the push (-Dopencpm.pf.push-window)
#   SIP_PORT=15060  PORT_OFFSET=500 (HTTP = 8080+offset)  UAS_PORT=15070  REG_PORT=15071  UAC_PORT=15072
#   CONCURRENCY=20  MESSAGE transactions in flight while filling the queue
#   MAX_SECONDS=600 hard bound for each SIPp run
#   OUT=bench/out/drain-<date>
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
SIP_PORT="${SIP_PORT:-15060}"
PORT_OFFSET="${PORT_OFFSET:-500}"
UAS_PORT="${UAS_PORT:-15070}"
REG_PORT="${REG_PORT:-15071}"
UAC_PORT="${UAC_PORT:-15072}"
MESSAGES="${MESSAGES:-10000}"
PUSH_WINDOW="${PUSH_WINDOW:-16}"
CONCURRENCY="${CONCURRENCY:-20}"
MAX_SECONDS="${MAX_SECONDS:-600}"
OUT="${OUT:-$BENCH/out/drain-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
# shellcheck source=lib.sh
source "$BENCH/lib.sh"

queued() {   # how many messages bob has in his deferred queue
    [[ "$(admin GET "/users/bob@$DOMAIN/deferred?limit=1")" == 200 ]] || die "queue listing failed"
    sed -n 's/.*"total":\([0-9]*\).*/\1/p' "$OUT/last-response.json"
}

install_sipp
# A fresh database, so that the queue holds exactly this run's messages.
start_server "-Dopencpm.db.url=jdbc:h2:file:$OUT/db/opencpm;DB_CLOSE_ON_EXIT=FALSE" \
    "-Dopencpm.pf.push-window=$PUSH_WINDOW" "-Dopencpm.deferral.max-per-user=$((MESSAGES + 1000))"
provision alice bob
cd "$OUT"

log "filling bob's queue: $MESSAGES MESSAGEs while he is offline ..."
t0=$(date +%s.%N)
mkdir -p fill && (cd fill && uac "$MESSAGES" -trace_stat -fd 5) || die "filling failed (see $OUT/fill)"
t1=$(date +%s.%N)
n="$(queued)"
[[ "$n" == "$MESSAGES" ]] || die "expected $MESSAGES queued, found $n"
log "queued: $n in $(seconds_between "$t0" "$t1")s"

start_uas -m "$MESSAGES" -trace_stat -fd 1
t2=$(date +%s.%N)
register_bob
wait "$UAS_PID" || die "the UAS did not get $MESSAGES MESSAGEs within its bound"
t3=$(date +%s.%N)
UAS_PID=""
left=""
for ((i = 0; i < 50; i++)); do   # the last deletions may trail the last 200 OK by a moment
    left="$(queued)"; [[ "$left" == 0 ]] && break; sleep 0.2
done
drain="$(seconds_between "$t2" "$t3")"
{
echo "================ OpenCPM deferral drain (SIPp, UDP loopback) ================"
echo " deferred messages=$MESSAGES  push window=$PUSH_WINDOW"
echo " filling the queue: $(seconds_between "$t0" "$t1")s ($(awk -v n="$MESSAGES" -v w="$(seconds_between "$t0" "$t1")" 'BEGIN{printf "%.0f", n/w}') deferrals/s)"
echo " drain: REGISTER -> last MESSAGE received by the device: ${drain}s ($(awk -v n="$MESSAGES" -v w="$drain" 'BEGIN{printf "%.0f", n/w}') messages/s)"
echo " left in the queue afterwards: $left"
echo " files: $OUT"
echo "=============================================================================="
} | tee "$OUT/summary.txt"
[[ "$left" == 0 ]]
