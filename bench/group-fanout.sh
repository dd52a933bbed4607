#!/usr/bin/env bash
# OpenCPM group fan-out benchmark (issue 4, Controlling Function, OMA CPM SD 5.2.2.1.2), UDP on 127.0.0.1 only:
#
#   sender --MESSAGE sip:fanout@opencpm.test--> OpenCPM: 407, MESSAGE with Proxy-Authorization,
#          CF: group policy, then for each member but the sender its terminating PF --MESSAGE--> member's device
#          <--202-- once every copy is handed over;  each device answers its copy with 200
#
# The sender and all MEMBERS devices are one Python 3 process (bench/group-fanout.py, standard library only) on
# one UDP port: each member registers <sip:mK@127.0.0.1:DEVICE_PORT>, so send and arrival times share one clock.
#
# Steps: Python 3 (installed if missing); ./run.sh in the background on its own ports and a fresh H2 database
# under OUT (stopped by a trap); users "sender" and m1..mMEMBERS over REST; the group sip:fanout@opencpm.test
# owned by the sender, its policy's maxMembers raised to MEMBERS+1, every member added; then group-fanout.py:
# REGISTER every member (401 digest), WARMUP messages, LATENCY messages one at a time (each until all copies
# arrived), THROUGHPUT messages with CONCURRENCY in flight; prints and saves summary.txt.
#
# Environment (all optional):
#   MEMBERS=500       members besides the sender (the group has MEMBERS+1)
#   WARMUP=200        warm-up group messages (for the JIT), sent like the throughput run, not counted
#   LATENCY=20        measured group messages, one at a time
#   THROUGHPUT=200    group messages for the throughput run
#   CONCURRENCY=4     group MESSAGE transactions in flight in the throughput run (a slot frees on the 202)
#   SIP_PORT=15260  PORT_OFFSET=700 (HTTP = 8080+offset)  DEVICE_PORT=15270 (devices and sender)
#   COPY_TIMEOUT=120  seconds to wait for the copies of a message (throughput: of all messages)
#   OUT=bench/out/fanout-<date>   messages.csv, copies.csv, results.json, summary.txt, run.log
#   JBOSS_JAVA_SIZING  WildFly's own (default "-Xms64m -Xmx512m"), reaches the server through run.sh
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
SIP_PORT="${SIP_PORT:-15260}"
PORT_OFFSET="${PORT_OFFSET:-700}"
DEVICE_PORT="${DEVICE_PORT:-15270}"
MEMBERS="${MEMBERS:-500}"
WARMUP="${WARMUP:-200}"
LATENCY="${LATENCY:-20}"
THROUGHPUT="${THROUGHPUT:-200}"
CONCURRENCY="${CONCURRENCY:-4}"
COPY_TIMEOUT="${COPY_TIMEOUT:-120}"
OUT="${OUT:-$BENCH/out/fanout-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
# shellcheck source=lib.sh
source "$BENCH/lib.sh"

GROUP_ID=fanout
GROUP="$GROUP_ID@$DOMAIN"   # the REST path names a group without its scheme
for v in MEMBERS WARMUP LATENCY THROUGHPUT CONCURRENCY; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a number (got '${!v}')"
done
((MEMBERS >= 1 && CONCURRENCY >= 1)) || die "MEMBERS and CONCURRENCY must be at least 1"

install_python3
# A fresh database: exactly this run's users, group and registrations, and no deferred messages of older runs.
start_server "-Dopencpm.db.url=jdbc:h2:file:$OUT/db/opencpm;DB_CLOSE_ON_EXIT=FALSE"
JVM_PID="$(cat "$ROOT/wildfly-config/target/server/standalone/tmp/opencpm-run.pid" 2>/dev/null || true)"

log "provisioning the sender and $MEMBERS members ..."
t0=$(date +%s.%N)
members=()
for ((k = 1; k <= MEMBERS; k++)); do members+=("m$k"); done
provision sender "${members[@]}"

code="$(admin POST /groups "{\"id\":\"$GROUP_ID\",\"owner\":\"sender\",\"displayName\":\"Fan-out benchmark\"}")"
[[ "$code" == 201 ]] || die "creating the group: HTTP $code ($(cat "$OUT/last-response.json"))"
# The default policy allows 100 members; GroupRules allows up to 10,000. Defaults otherwise (members may send).
code="$(admin PUT "/groups/$GROUP/policy" "{\"maxMembers\":$((MEMBERS + 1))}")"
[[ "$code" == 200 ]] || die "raising maxMembers to $((MEMBERS + 1)): HTTP $code ($(cat "$OUT/last-response.json"))"
# One request per member: the whole list in one body would pass the API's 16 KiB bound from about 450 members.
for m in "${members[@]}"; do
    code="$(admin POST "/groups/$GROUP/members" "{\"address\":\"sip:$m@$DOMAIN\"}")"
    [[ "$code" == 200 ]] || die "adding $m to the group: HTTP $code ($(cat "$OUT/last-response.json"))"
done
code="$(admin GET "/groups/$GROUP")"
[[ "$code" == 200 ]] || die "reading the group: HTTP $code"
count="$(grep -o '"address":"sip:[^"]*"' "$OUT/last-response.json" | grep -vc "\"sip:$GROUP\"" || true)"
[[ "$count" == $((MEMBERS + 1)) ]] || die "the group has $count members, expected $((MEMBERS + 1))"
log "group sip:$GROUP with $count members (sender included), provisioned in $(seconds_between "$t0" "$(date +%s.%N)")s"

# ---------------------------------------------------------------- the devices and the sender
log "running group-fanout.py: $MEMBERS devices on 127.0.0.1:$DEVICE_PORT ..."
rc=0
rm -f "$OUT/results.json"
python3 "$BENCH/group-fanout.py" --server "127.0.0.1:$SIP_PORT" --port "$DEVICE_PORT" --domain "$DOMAIN" \
    --group "$GROUP_ID" --sender sender --members "$MEMBERS" --warmup "$WARMUP" --latency "$LATENCY" \
    --throughput "$THROUGHPUT" --concurrency "$CONCURRENCY" --copy-timeout "$COPY_TIMEOUT" \
    ${JVM_PID:+--server-pid "$JVM_PID"} --out "$OUT" 2> >(tee "$OUT/group-fanout.log" >&2) &
UAS_PID=$!   # stopped by the EXIT trap if we are interrupted
wait "$UAS_PID" || rc=$?
UAS_PID=""
[[ -f "$OUT/results.json" ]] || die "group-fanout.py wrote no results (exit $rc)"

# ---------------------------------------------------------------- results
python3 - "$OUT/results.json" "$rc" <<'EOF' | tee "$OUT/summary.txt"
import json, os, sys, time
r = json.load(open(sys.argv[1]))
lat, tp = r["latency"], r["throughput"]
f = lambda v, d=1: "n/a" if v is None else f"{v:.{d}f}"
row = lambda name, s: f"   {name:<52} p50={f(s['p50'])}  p99={f(s['p99'])}  max={f(s['max'])}"
def cpu(c):
    other = None if None in (c["machine_busy_s"], c["server_cpu_s"]) else \
        max(0.0, c["machine_busy_s"] - c["server_cpu_s"] - c["bench_cpu_s"] - c["interrupts_s"])
    return (f"{f(c['wall_s'])} s on {c['cpus']} CPUs, CPU seconds: server JVM {f(c['server_cpu_s'])},"
            f" this benchmark {f(c['bench_cpu_s'])}, interrupts {f(c['interrupts_s'])},"
            f" other processes {f(other)}\n"
            f"   server JVM CPU seconds by thread: " + ", ".join(f"{k} {f(v)}" for k, v in
                                                          c["server_cpu_by_thread_s"].items()) + "\n"
            f"   UDP receive-buffer drops: server socket {c['server_socket_drops']},"
            f" devices' socket {c['device_socket_drops']}")
print("================ OpenCPM group fan-out through the Controlling Function (UDP loopback) ================")
print(f" group of {r['members'] + 1}: the sender and {r['members']} registered devices (one Python process)"
      f"  group-fanout.py exit={sys.argv[2]}")
print(f" {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} CPUs, load average now:"
      f" {' '.join(open('/proc/loadavg').read().split()[:3])}")
print(f" registration of {r['members']} members: {f(r['register_s'])} s")
print(f" latency, {lat['complete']} of {lat['messages']} messages complete, one at a time (ms):")
print(row("first MESSAGE -> last copy (incl. 407 round trip)", lat["last_copy_ms"]))
print(row("first MESSAGE -> first copy (incl. 407 round trip)", lat["first_copy_ms"]))
print(row("authenticated MESSAGE -> last copy", lat["last_copy_after_auth_ms"]))
print(row("authenticated MESSAGE -> first copy", lat["first_copy_after_auth_ms"]))
print(row("authenticated MESSAGE -> 202 to the sender", lat["accepted_202_after_auth_ms"]))
print(row("first copy -> last copy", lat["spread_ms"]))
print(f"   {cpu(r['cpu']['latency'])}")
print(f"   sender's MESSAGE retransmissions (no answer after 500 ms, 1 s, ...): {lat['sender_retransmissions']}")
print(f" throughput: {tp['messages']} messages, concurrency {tp['concurrency']}: {tp['accepted']} accepted (202),"
      f" {tp['refused']} refused, {tp['copies_received']} of {tp['copies_expected']} copies")
print(f"   first send -> last copy: {f(tp['duration_s'], 2)} s  =>  {f(tp['group_messages_per_s'], 2)} group"
      f" messages/s, {f(tp['copies_per_s'], 0)} copies/s   (all sent and accepted after {f(tp['sending_s'], 2)} s)")
print(row("authenticated MESSAGE -> 202 under load", tp["accepted_202_after_auth_ms"]))
print(f"   {cpu(r['cpu']['throughput'])}")
print(f"   sender's MESSAGE retransmissions: {tp['sender_retransmissions']}")
print(f" copies received twice (server retransmissions): {r['duplicates']}; other MESSAGEs: {r['unexpected']}")
print(f" kernel receive timestamps: {'yes' if r['kernel_timestamps'] else 'no'}; devices' read lag (ms):"
      f" p50={f(r['reader_lag_ms']['p50'], 2)} p99={f(r['reader_lag_ms']['p99'], 2)}"
      f" max={f(r['reader_lag_ms']['max'], 2)}")
print("========================================================================================================")
EOF
log "files: $OUT"
exit "$rc"
