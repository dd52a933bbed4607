#!/usr/bin/env bash
# OpenCPM pager-mode MESSAGE benchmark with SIPp, through the server (UDP, 127.0.0.1 only).
#
#   alice (SIPp UAC)  --MESSAGE-->  OpenCPM (WildFly, ./run.sh)  --MESSAGE-->  bob (SIPp UAS, answers 200)
#                     <--407--        (digest challenge)
#                     --MESSAGE+Proxy-Authorization-->
#                     <--200--        (after bob's device answered 200)
#
# Steps: install SIPp if missing; start ./run.sh in the background on non-default ports (stopped by a trap);
# provision alice and bob over REST; REGISTER bob's contact (the UAS port) with SIPp; start the SIPp UAS;
# run a warm-up UAC batch, then the measured UAC batch; print throughput and latency p50/p99.
#
# Environment (all optional):
#   SIP_PORT=15060  PORT_OFFSET=500 (HTTP = 8080+offset)  UAS_PORT=15070  REG_PORT=15071  UAC_PORT=15072
#   MESSAGES=5000   measured messages (one SIPp "call" = one MESSAGE incl. its 407 round trip)
#   WARMUP=1000     warm-up messages sent first and not counted (JIT)
#   CONCURRENCY=20  max MESSAGE transactions in flight (SIPp -l)
#   RATE=0          new MESSAGEs per second (SIPp -r); 0 = as fast as CONCURRENCY allows
#   MAX_SECONDS=300 hard bound for each SIPp run (SIPp -timeout)
#   OUT=bench/out/pager-<date>   where SIPp's files (stats csv, rtt csv, screen, errors) go
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
SIP_PORT="${SIP_PORT:-15060}"
PORT_OFFSET="${PORT_OFFSET:-500}"
HTTP_PORT=$((8080 + PORT_OFFSET))
UAS_PORT="${UAS_PORT:-15070}"
REG_PORT="${REG_PORT:-15071}"
UAC_PORT="${UAC_PORT:-15072}"
MESSAGES="${MESSAGES:-5000}"
WARMUP="${WARMUP:-1000}"
CONCURRENCY="${CONCURRENCY:-20}"
RATE="${RATE:-0}"
MAX_SECONDS="${MAX_SECONDS:-300}"
DOMAIN=opencpm.test
OUT="${OUT:-$BENCH/out/pager-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

log() { echo "pager-sipp: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- SIPp
if ! command -v sipp >/dev/null; then
    log "installing SIPp (sip-tester) ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y sip-tester >/dev/null 2>&1 \
        || { apt-get update >/dev/null && apt-get install -y sip-tester >/dev/null; } \
        || die "could not install sip-tester"
fi
log "$(sipp -v 2>&1 | grep -m1 SIPp | sed 's/^ *//')"

# ---------------------------------------------------------------- server (ours only; stopped by the trap)
RUN_PID=""
UAS_PID=""
cleanup() {
    set +e
    if [[ -n "$UAS_PID" ]] && kill -0 "$UAS_PID" 2>/dev/null; then kill -TERM "$UAS_PID"; wait "$UAS_PID" 2>/dev/null; fi
    if [[ -n "$RUN_PID" ]] && kill -0 "$RUN_PID" 2>/dev/null; then
        log "stopping the server (run.sh pid $RUN_PID) ..."
        kill -TERM "$RUN_PID"          # run.sh's own trap stops WildFly and removes the deployment
        wait "$RUN_PID" 2>/dev/null
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "starting ./run.sh (SIP udp 127.0.0.1:$SIP_PORT, HTTP $HTTP_PORT), log: $OUT/run.log"
OPENCPM_SIP_PORT="$SIP_PORT" OPENCPM_PORT_OFFSET="$PORT_OFFSET" OPENCPM_DOMAIN="$DOMAIN" \
    "$ROOT/run.sh" >"$OUT/run.log" 2>&1 &
RUN_PID=$!
for ((i = 0; i < 300; i++)); do
    grep -q "OpenCPM is up" "$OUT/run.log" 2>/dev/null && break
    kill -0 "$RUN_PID" 2>/dev/null || { tail -20 "$OUT/run.log" >&2; die "run.sh exited"; }
    sleep 1
done
grep -q "OpenCPM is up" "$OUT/run.log" || die "server not up after 300s"
log "server is up"

# ---------------------------------------------------------------- users
for u in alice bob; do
    code="$(curl -s -o /dev/null -w '%{http_code}' -u admin:opencpm-admin -H 'Content-Type: application/json' \
        -d "{\"address\":\"sip:$u@$DOMAIN\",\"password\":\"$u-password\"}" "http://127.0.0.1:$HTTP_PORT/api/users")"
    [[ "$code" == 201 || "$code" == 409 ]] || die "provisioning $u: HTTP $code"
    log "user $u: HTTP $code"
done

cd "$OUT"
# ---------------------------------------------------------------- bob's device: SIPp UAS answering 200
timeout $((3 * MAX_SECONDS)) sipp -sf "$BENCH/sipp/uas-message.xml" -i 127.0.0.1 -p "$UAS_PORT" \
    -nostdin -trace_err -trace_screen >/dev/null 2>&1 &
UAS_PID=$!
sleep 0.5
kill -0 "$UAS_PID" 2>/dev/null || die "SIPp UAS did not start (port $UAS_PORT busy?)"

# ---------------------------------------------------------------- REGISTER bob -> 127.0.0.1:UAS_PORT
timeout 30 sipp "127.0.0.1:$SIP_PORT" -sf "$BENCH/sipp/register.xml" -i 127.0.0.1 -p "$REG_PORT" \
    -s bob -au bob -ap bob-password -auth_uri "$DOMAIN" \
    -set domain "$DOMAIN" -set uas_port "$UAS_PORT" -set expires 3600 \
    -m 1 -nostdin -trace_err >/dev/null 2>&1 || die "REGISTER of bob failed (see $OUT/register_*_errors.log)"
log "bob registered with contact sip:bob@127.0.0.1:$UAS_PORT"

# ---------------------------------------------------------------- alice: SIPp UAC sending MESSAGE
rate="$RATE"; [[ "$rate" == 0 ]] && rate=100000   # "as fast as possible": the -l limit is the bound
uac() {   # uac <messages> <extra args...>
    local n="$1"; shift
    timeout $((MAX_SECONDS + 30)) sipp "127.0.0.1:$SIP_PORT" -sf "$BENCH/sipp/uac-message.xml" -i 127.0.0.1 -p "$UAC_PORT" \
        -s bob -au alice -ap alice-password -auth_uri "bob@$DOMAIN" -set domain "$DOMAIN" -set from alice \
        -m "$n" -l "$CONCURRENCY" -r "$rate" -timeout "${MAX_SECONDS}s" -nostdin -trace_err "$@" >/dev/null 2>&1
}
if ((WARMUP > 0)); then
    log "warm-up: $WARMUP MESSAGEs ..."
    mkdir -p warmup && (cd warmup && uac "$WARMUP") || log "warm-up had failures (see $OUT/warmup)"
fi
log "measured run: $MESSAGES MESSAGEs, concurrency $CONCURRENCY, rate $([[ $RATE == 0 ]] && echo max || echo "$RATE/s") ..."
t0=$(date +%s.%N)
rc=0
uac "$MESSAGES" -trace_stat -fd 1 -trace_rtt -rtt_freq 1 -trace_screen || rc=$?
t1=$(date +%s.%N)

# ---------------------------------------------------------------- results
stat="$(ls -t uac-message_*_.csv | head -1)"
rtt="$(ls -t uac-message_*_rtt.csv | head -1)"
last="$(tail -1 "$stat")"
col() { awk -F';' -v c="$1" '{print $c}' <<<"$last"; }
ok="$(col 16)"; failed="$(col 18)"; sipp_rate="$(col 8)"; retrans="$(col 58)"
wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')"
pct() {   # pct <rtd_no> <p>
    awk -F';' -v r="$1" 'NR>1 && $3==r {print $2}' "$rtt" | sort -n \
        | awk -v p="$2" '{v[NR]=$1} END{ if (NR==0) {print "n/a"; exit} i=int(NR*p/100); if (i<1) i=1; if (i>NR) i=NR; print v[i] }'
}
{
echo "================ OpenCPM pager MESSAGE through the server (SIPp, UDP loopback) ================"
echo " messages=$MESSAGES (after $WARMUP warm-up)  concurrency=$CONCURRENCY  rate=$([[ $RATE == 0 ]] && echo max || echo "$RATE/s")  sipp exit=$rc"
echo " successful=$ok  failed=$failed  retransmissions=$retrans"
echo " wall time=${wall}s  throughput=$(awk -v n="$ok" -v w="$wall" 'BEGIN{printf "%.0f", n/w}') MESSAGE/s completed (SIPp cumulative call rate: $sipp_rate/s)"
echo " latency ms (SIPp rtt, 1 ms resolution):"
echo "   RTD1 first MESSAGE -> final 200 (incl. 407 round trip): p50=$(pct 1 50)  p99=$(pct 1 99)  max=$(pct 1 100)"
echo "   RTD2 authenticated MESSAGE -> 200 (server + bob):      p50=$(pct 2 50)  p99=$(pct 2 99)  max=$(pct 2 100)"
echo " SIPp repartition (RTD1), from $stat:"
head -1 "$stat" | tr ';' '\n' | paste - <(tr ';' '\n' <<<"$last") | grep -E '^ResponseTimeRepartition1_' | sed 's/^ResponseTimeRepartition1_/   /'
echo " files: $OUT"
echo "================================================================================================"
} | tee "$OUT/summary.txt"
exit "$rc"
