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
#   PREFS=0         1: bob has a preference document (200-entry blacklist, profiles) read on every message
#   IMDN=0          1: every message asks for positive and negative delivery notifications
#   OUT=bench/out/pager-<date>   where SIPp's files (stats csv, rtt csv, screen, errors) go
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
SIP_PORT="${SIP_PORT:-15060}"
PORT_OFFSET="${PORT_OFFSET:-500}"
UAS_PORT="${UAS_PORT:-15070}"
REG_PORT="${REG_PORT:-15071}"
UAC_PORT="${UAC_PORT:-15072}"
MESSAGES="${MESSAGES:-5000}"
WARMUP="${WARMUP:-1000}"
CONCURRENCY="${CONCURRENCY:-20}"
RATE="${RATE:-0}"
MAX_SECONDS="${MAX_SECONDS:-300}"
PREFS="${PREFS:-0}"
IMDN="${IMDN:-0}"
OUT="${OUT:-$BENCH/out/pager-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
# shellcheck source=lib.sh
source "$BENCH/lib.sh"

install_sipp
start_server
provision alice bob
cd "$OUT"
start_uas
register_bob

if [[ "$PREFS" == 1 ]]; then
    # A realistic document: 200 blacklisted senders (not alice), three profiles, the active one for bob's device
    # accepting text up to 4 KiB: every message pays for the preference read and the profile check.
    blacklist="$(for i in $(seq 1 200); do printf '"sip:spammer%d@example.net",' "$i"; done)"
    doc="{\"blacklist\":[${blacklist%,}],\"profiles\":[
        {\"id\":\"work\",\"displayName\":\"Work\",\"standaloneMessages\":true,\"maxMessageSize\":4096,\"contentTypes\":[\"text/*\",\"message/cpim\"]},
        {\"id\":\"night\",\"displayName\":\"Night\",\"standaloneMessages\":false},
        {\"id\":\"home\",\"displayName\":\"Home\",\"standaloneMessages\":true}],
        \"activeProfiles\":{\"sip:bob@127.0.0.1:$UAS_PORT\":\"work\"}}"
    code="$(admin PUT "/users/bob@$DOMAIN/preferences" "$doc")"
    [[ "$code" == 200 ]] || die "preferences of bob: HTTP $code ($(cat "$OUT/last-response.json"))"
    log "bob's preferences set (200 blacklist entries, 3 profiles)"
fi
if [[ "$IMDN" == 1 ]]; then
    # Every message asks for delivery notifications: the PF parses and checks the request.
    export EXTRA_CPIM_HEADER="imdn.Disposition-Notification: positive-delivery, negative-delivery"
fi

# ---------------------------------------------------------------- alice: SIPp UAC sending MESSAGE
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
wall="$(seconds_between "$t0" "$t1")"
pct() {   # pct <rtd_no> <p>
    awk -F';' -v r="$1" 'NR>1 && $3==r {print $2}' "$rtt" | sort -n \
        | awk -v p="$2" '{v[NR]=$1} END{ if (NR==0) {print "n/a"; exit} i=int(NR*p/100); if (i<1) i=1; if (i>NR) i=NR; print v[i] }'
}
{
echo "================ OpenCPM pager MESSAGE through the server (SIPp, UDP loopback) ================"
echo " messages=$MESSAGES (after $WARMUP warm-up)  preferences=$([[ $PREFS == 1 ]] && echo on || echo off)  imdn=$([[ $IMDN == 1 ]] && echo on || echo off)  concurrency=$CONCURRENCY  rate=$([[ $RATE == 0 ]] && echo max || echo "$RATE/s")  sipp exit=$rc"
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
