# Shared steps of the benchmarks (sourced, not run): SIPp or Python 3 install, the server via ./run.sh on
# non-default ports (stopped by the EXIT trap), users over REST, bob's SIPp UAS and its REGISTER.
# Callers set BENCH, ROOT, SIP_PORT, PORT_OFFSET, OUT before sourcing, and for the SIPp steps UAS_PORT, REG_PORT,
# UAC_PORT and MAX_SECONDS. UAS_PID is the device process the EXIT trap stops (SIPp UAS or another).

DOMAIN=opencpm.test
HTTP_PORT=$((8080 + PORT_OFFSET))
RUN_PID=""
UAS_PID=""

log() { echo "$(basename "$0" .sh): $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

install_sipp() {
    if ! command -v sipp >/dev/null; then
        log "installing SIPp (sip-tester) ..."
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y sip-tester >/dev/null 2>&1 \
            || { apt-get update >/dev/null && apt-get install -y sip-tester >/dev/null; } \
            || die "could not install sip-tester"
    fi
    log "$(sipp -v 2>&1 | grep -m1 SIPp | sed 's/^ *//')"
}

install_python3() {
    if ! command -v python3 >/dev/null; then
        log "installing Python 3 (python3) ..."
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y python3 >/dev/null 2>&1 \
            || { apt-get update >/dev/null && apt-get install -y python3 >/dev/null; } \
            || die "could not install python3"
    fi
    log "$(python3 --version 2>&1)"
}

cleanup() {
    set +e
    if [[ -n "$UAS_PID" ]] && kill -0 "$UAS_PID" 2>/dev/null; then kill -TERM "$UAS_PID"; wait "$UAS_PID" 2>/dev/null; fi
    if [[ -n "$RUN_PID" ]] && kill -0 "$RUN_PID" 2>/dev/null; then
        log "stopping the server (run.sh pid $RUN_PID) ..."
        kill -TERM "$RUN_PID"          # run.sh's own trap stops WildFly and removes the deployment
        wait "$RUN_PID" 2>/dev/null
    fi
}

start_server() {   # start_server [extra -D options for WildFly...]
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    log "starting ./run.sh (SIP udp 127.0.0.1:$SIP_PORT, HTTP $HTTP_PORT), log: $OUT/run.log"
    # The MSRP listener and the message store's ports move with the port offset too, so a benchmark never meets
    # a running dev server (nor another benchmark on another offset).
    OPENCPM_SIP_PORT="$SIP_PORT" OPENCPM_PORT_OFFSET="$PORT_OFFSET" OPENCPM_DOMAIN="$DOMAIN" \
        OPENCPM_MSRP_PORT="$((2855 + PORT_OFFSET))" OPENCPM_CMS_IMAP_PORT="$((1143 + PORT_OFFSET))" \
        OPENCPM_CMS_SMTP_PORT="$((1025 + PORT_OFFSET))" OPENCPM_CMS_WEBADMIN_PORT="$((8000 + PORT_OFFSET))" \
        "$ROOT/run.sh" "$@" >"$OUT/run.log" 2>&1 &
    RUN_PID=$!
    for ((i = 0; i < 300; i++)); do
        grep -q "OpenCPM is up" "$OUT/run.log" 2>/dev/null && break
        kill -0 "$RUN_PID" 2>/dev/null || { tail -20 "$OUT/run.log" >&2; die "run.sh exited"; }
        sleep 1
    done
    grep -q "OpenCPM is up" "$OUT/run.log" || die "server not up after 300s"
    log "server is up"
}

admin() {   # admin <method> <path> [json] -> prints the HTTP status, body to $OUT/last-response.json
    local method="$1" path="$2" body="${3:-}"
    curl -s -o "$OUT/last-response.json" -w '%{http_code}' -u admin:opencpm-admin -X "$method" \
        ${body:+-H 'Content-Type: application/json' -d "$body"} "http://127.0.0.1:$HTTP_PORT/api$path"
}

provision() {   # provision <user...>: password <user>-password; one log line each, or one in all for many
    local u code created=0
    for u in "$@"; do
        code="$(admin POST /users "{\"address\":\"sip:$u@$DOMAIN\",\"password\":\"$u-password\"}")"
        [[ "$code" == 201 || "$code" == 409 ]] || die "provisioning $u: HTTP $code"
        [[ "$code" == 201 ]] && created=$((created + 1))
        (($# <= 5)) && log "user $u: HTTP $code"
    done
    (($# > 5)) && log "$# users: $created created, $(($# - created)) existed"
    return 0
}

start_uas() {   # start_uas [extra sipp args...]: bob's device, answering 200
    timeout $((3 * MAX_SECONDS)) sipp -sf "$BENCH/sipp/uas-message.xml" -i 127.0.0.1 -p "$UAS_PORT" \
        -nostdin -trace_err -trace_screen "$@" >/dev/null 2>&1 &
    UAS_PID=$!
    sleep 0.5
    kill -0 "$UAS_PID" 2>/dev/null || die "SIPp UAS did not start (port $UAS_PORT busy?)"
}

register_bob() {   # REGISTER bob -> 127.0.0.1:UAS_PORT
    timeout 30 sipp "127.0.0.1:$SIP_PORT" -sf "$BENCH/sipp/register.xml" -i 127.0.0.1 -p "$REG_PORT" \
        -s bob -au bob -ap bob-password -auth_uri "$DOMAIN" \
        -set domain "$DOMAIN" -set uas_port "$UAS_PORT" -set expires 3600 \
        -m 1 -nostdin -trace_err >/dev/null 2>&1 || die "REGISTER of bob failed (see $OUT/register_*_errors.log)"
    log "bob registered with contact sip:bob@127.0.0.1:$UAS_PORT"
}

uac() {   # uac <messages> <extra args...>: alice sends MESSAGEs to bob (see sipp/uac-message.xml)
    local n="$1"; shift
    local rate="${RATE:-0}"; [[ "$rate" == 0 ]] && rate=100000   # "as fast as possible": -l is the bound
    timeout $((MAX_SECONDS + 30)) sipp "127.0.0.1:$SIP_PORT" -sf "$BENCH/sipp/uac-message.xml" -i 127.0.0.1 \
        -p "$UAC_PORT" -s bob -au alice -ap alice-password -auth_uri "bob@$DOMAIN" -set domain "$DOMAIN" \
        -set from alice -set extra "${EXTRA_CPIM_HEADER:-Subject: benchmark}" \
        -m "$n" -l "${CONCURRENCY:-20}" -r "$rate" -timeout "${MAX_SECONDS}s" -nostdin -trace_err "$@" >/dev/null 2>&1
}

seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.3f", b-a}'; }

# ---------------------------------------------------------------- benchmark programs in Java (bench/*/*.java)

# build_java_bench <Program.java> <source dir...>: builds what the program runs against when missing or stale
# (mvn -o package of the server, the EAR, the store and the test kits; never install, which run.sh would do), then
# compiles the program against JARS (the test kits' jars, relative to ROOT) and cpm-sip-ra's test-scope classpath.
# The kits' jars are stale when a file under one of the source dirs is newer. Sets CP and CLASSES.
build_java_bench() {
    local program="$1"
    shift
    if java_bench_stale "$@"; then
        log "building (mvn -o -q package -DskipTests: the server, the EAR, the store and the test kits) ..."
        (cd "$ROOT" && timeout 1800 mvn -o -q -B package -DskipTests \
            -pl cpm-ear,wildfly-config,cpm-cms,cpm-msrp-ra,cpm-sip-ra -am) >"$OUT/build.log" 2>&1 \
            || { tail -30 "$OUT/build.log" >&2; die "build failed (see $OUT/build.log)"; }
    fi
    # cpm-sip-ra's test scope: JAIN-SIP, the test kits' dependencies, and cpm-msrp-ra's
    local classpath_file="$ROOT/cpm-sip-ra/target/bench.classpath" j
    if [[ ! -f "$classpath_file" || "$ROOT/cpm-sip-ra/pom.xml" -nt "$classpath_file" \
          || "$ROOT/pom.xml" -nt "$classpath_file" ]]; then
        (cd "$ROOT" && timeout 300 mvn -o -q -B dependency:build-classpath -pl cpm-sip-ra \
            -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath) >"$OUT/classpath.log" 2>&1 \
            || { cat "$OUT/classpath.log" >&2; die "mvn dependency:build-classpath failed"; }
    fi
    CP=""
    for j in "${JARS[@]}"; do CP+="$ROOT/$j:"; done
    CP+="$(cat "$classpath_file")"
    CLASSES="$OUT/classes"
    mkdir -p "$CLASSES"
    javac -nowarn -d "$CLASSES" -cp "$CP" "$program"
}

java_bench_stale() {   # java_bench_stale <source dir...>: like run.sh's needs_build, plus the test kits' jars
    local ear="$ROOT/cpm-ear/target/opencpm.ear" j
    [[ -f "$ear" && -f "$ROOT/wildfly-config/target/server/.configured" && -f "$ROOT/cpm-cms/target/cms.classpath" ]] \
        || return 0
    for j in "${JARS[@]}"; do [[ -f "$ROOT/$j" && "$ROOT/$j" -nt "$ROOT/pom.xml" ]] || return 0; done
    [[ -n "$(find "$ROOT/pom.xml" "$ROOT"/*/pom.xml "$ROOT"/*/src -type f -newer "$ear" -print -quit 2>/dev/null)" \
        || -n "$(find "$@" -type f -newer "$ROOT/${JARS[1]}" -print -quit)" ]]
}

BENCH_PID=""
TAIL_PID=""

# run_java_bench <timeout s> <java arguments...>: the program, its output into OUT/bench.log, followed on stderr;
# sets status to its exit status.
run_java_bench() {
    local limit="$1"
    shift
    : >"$OUT/bench.log"
    timeout "$limit" java "$@" >"$OUT/bench.log" 2>&1 &
    BENCH_PID=$!
    tail -f --pid="$BENCH_PID" "$OUT/bench.log" >&2 &
    TAIL_PID=$!
    status=0
    wait "$BENCH_PID" || status=$?
    BENCH_PID=""
    wait "$TAIL_PID" 2>/dev/null || true
    TAIL_PID=""
}

stop_java_bench() {   # the EXIT trap of a Java benchmark: the program and its log's tail, then cleanup stops run.sh
    set +e
    if [[ -n "$BENCH_PID" ]] && kill -0 "$BENCH_PID" 2>/dev/null; then kill -TERM "$BENCH_PID"; wait "$BENCH_PID"; fi
    if [[ -n "$TAIL_PID" ]] && kill -0 "$TAIL_PID" 2>/dev/null; then kill -TERM "$TAIL_PID"; wait "$TAIL_PID"; fi
    cleanup
}
