#!/usr/bin/env bash
# OpenCPM: build (when needed), deploy and run on the WildFly provisioned by wildfly-config, with the message
# store (cpm-cms: Apache James in a JVM of its own) beside it.
# Runs in the foreground; Ctrl-C (or SIGTERM) stops both and removes the EAR from
# wildfly-config/target/server/standalone/deployments again.
#
# Environment overrides (all optional):
#   OPENCPM_SIP_PORT        SIP port, UDP and TCP            (-Dopencpm.sip.port,        default 5060)
#   OPENCPM_SIP_ADDRESS     SIP listening address            (-Dopencpm.sip.address,     default 127.0.0.1)
#   OPENCPM_SIP_TRANSPORTS  SIP transports                   (-Dopencpm.sip.transports,  default UDP,TCP)
#   OPENCPM_MSRP_PORT       MSRP listener port, TCP          (-Dopencpm.msrp.port,       default 2855)
#   OPENCPM_MSRP_ADDRESS    MSRP listening address           (-Dopencpm.msrp.address,    default 127.0.0.1)
#   OPENCPM_DOMAIN          CPM/SIP domain                   (-Dopencpm.domain,          default opencpm.test)
#   OPENCPM_HTTP_PORT       HTTP port before the offset      (-Djboss.http.port,         default 8080)
#   OPENCPM_PORT_OFFSET     offset for all WildFly sockets   (-Djboss.socket.binding.port-offset, default 0;
#                           applies to HTTP/HTTPS/management, not to SIP or MSRP)
#   OPENCPM_START_TIMEOUT   seconds to wait for the deployment (default 300)
#   OPENCPM_CMS_ADDRESS     message store IMAP/SMTP address  (-Dopencpm.cms.address,     default 127.0.0.1)
#   OPENCPM_CMS_IMAP_PORT   message store IMAP port          (-Dopencpm.cms.imap.port,   default 1143)
#   OPENCPM_CMS_SMTP_PORT   message store SMTP port          (-Dopencpm.cms.smtp.port,   default 1025)
#   OPENCPM_CMS_WEBADMIN_PORT  its WebAdmin, 127.0.0.1 only  (-Dopencpm.cms.webadmin.port, default 8000)
#   OPENCPM_CMS_DATA        its data (H2 database, generated conf/, console.log)
#                           (default wildfly-config/target/server/standalone/data/cms, beside OpenCPM's own database)
#   OPENCPM_CMS_ADMIN_PASSWORD  password of the store's administrator, through which WildFly writes into users'
#                           folders (-Dopencpm.cms.admin.password to both JVMs; default: a new random one per run)
#   OPENCPM_CMS_JAVA_OPTS   JVM options of the message store (default -Xmx512m)
#   OPENCPM_CMS_OPTS        more -Dopencpm.cms.* options for it (e.g. the PostgreSQL ones, docs/message-store.md)
# Extra arguments are passed on to standalone.sh (e.g. ./run.sh -Dopencpm.db.url=jdbc:h2:mem:cpm).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SERVER="$ROOT/wildfly-config/target/server"
EAR="$ROOT/cpm-ear/target/opencpm.ear"
DEPLOY_DIR="$SERVER/standalone/deployments"
SERVER_LOG="$SERVER/standalone/log/server.log"
PIDFILE="$SERVER/standalone/tmp/opencpm-run.pid"

SIP_PORT="${OPENCPM_SIP_PORT:-5060}"
SIP_ADDRESS="${OPENCPM_SIP_ADDRESS:-127.0.0.1}"
SIP_TRANSPORTS="${OPENCPM_SIP_TRANSPORTS:-UDP,TCP}"
MSRP_PORT="${OPENCPM_MSRP_PORT:-2855}"
MSRP_ADDRESS="${OPENCPM_MSRP_ADDRESS:-127.0.0.1}"
DOMAIN="${OPENCPM_DOMAIN:-opencpm.test}"
HTTP_PORT="${OPENCPM_HTTP_PORT:-8080}"
PORT_OFFSET="${OPENCPM_PORT_OFFSET:-0}"
START_TIMEOUT="${OPENCPM_START_TIMEOUT:-300}"
CMS_ADDRESS="${OPENCPM_CMS_ADDRESS:-127.0.0.1}"
CMS_IMAP_PORT="${OPENCPM_CMS_IMAP_PORT:-1143}"
CMS_SMTP_PORT="${OPENCPM_CMS_SMTP_PORT:-1025}"
CMS_WEBADMIN_PORT="${OPENCPM_CMS_WEBADMIN_PORT:-8000}"
CMS_DATA="${OPENCPM_CMS_DATA:-$SERVER/standalone/data/cms}"
CMS_ADMIN_PASSWORD="${OPENCPM_CMS_ADMIN_PASSWORD:-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')}"
CMS_IMAP_HOST="$CMS_ADDRESS"
[[ "$CMS_IMAP_HOST" == "0.0.0.0" ]] && CMS_IMAP_HOST=127.0.0.1
CMS_CLASSPATH="$ROOT/cpm-cms/target/cms.classpath"
CMS_CLASSES="$ROOT/cpm-cms/target/classes"
CMS_LOG="$CMS_DATA/console.log"
CMS_PIDFILE="$CMS_DATA/cms.pid"
CMS_PID=""

die() { echo "run.sh: $*" >&2; exit 1; }

for v in SIP_PORT MSRP_PORT HTTP_PORT PORT_OFFSET START_TIMEOUT CMS_IMAP_PORT CMS_SMTP_PORT CMS_WEBADMIN_PORT; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || die "OPENCPM_$v must be a number (got '${!v}')"
done

# ---------------------------------------------------------------- build when needed
needs_build() {
    [[ -f "$EAR" && -f "$SERVER/.configured" && -f "$CMS_CLASSPATH" ]] || return 0
    local newer
    newer="$(find "$ROOT/pom.xml" "$ROOT"/*/pom.xml "$ROOT"/*/src -type f -newer "$EAR" -print -quit 2>/dev/null || true)"
    [[ -n "$newer" ]]
}

if needs_build; then
    echo "run.sh: building OpenCPM (mvn -B -q install -DskipTests) ..."
    (cd "$ROOT" && mvn -B -q install -DskipTests) || die "build failed"
fi
[[ -f "$EAR" ]] || die "$EAR not found after the build"
[[ -f "$CMS_CLASSPATH" && -d "$CMS_CLASSES" ]] || die "$CMS_CLASSPATH not found after the build"
[[ -x "$SERVER/bin/standalone.sh" && -f "$SERVER/.configured" ]] \
    || die "$SERVER is not provisioned (run: mvn -pl wildfly-config package)"

# ---------------------------------------------------------------- refuse to start twice
if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    die "a server started by run.sh is already running (pid $(cat "$PIDFILE"))"
fi
if [[ -f "$CMS_PIDFILE" ]] && kill -0 "$(cat "$CMS_PIDFILE")" 2>/dev/null; then
    die "a message store started by run.sh is already running (pid $(cat "$CMS_PIDFILE"))"
fi
rm -f "$PIDFILE" "$CMS_PIDFILE"

# ---------------------------------------------------------------- deploy
# Remove the scanner's markers of earlier runs first, so that only this run's .deployed/.failed count.
rm -f "$DEPLOY_DIR"/opencpm.ear.*
cp "$EAR" "$DEPLOY_DIR/opencpm.ear"

# ---------------------------------------------------------------- start
JAVA_PROPS=(
    "-Dopencpm.sip.port=$SIP_PORT"
    "-Dopencpm.sip.address=$SIP_ADDRESS"
    "-Dopencpm.sip.transports=$SIP_TRANSPORTS"
    "-Dopencpm.msrp.port=$MSRP_PORT"
    "-Dopencpm.msrp.address=$MSRP_ADDRESS"
    "-Dopencpm.domain=$DOMAIN"
    "-Djboss.http.port=$HTTP_PORT"
    "-Djboss.socket.binding.port-offset=$PORT_OFFSET"
    "-Dopencpm.cms.webadmin.url=http://127.0.0.1:$CMS_WEBADMIN_PORT"
    "-Dopencpm.cms.imap.host=$CMS_IMAP_HOST"
    "-Dopencpm.cms.imap.port=$CMS_IMAP_PORT"
    "-Dopencpm.cms.admin.password=$CMS_ADMIN_PASSWORD"
)

# ---------------------------------------------------------------- the message store (before WildFly, which provisions into it)
mkdir -p "$CMS_DATA"
cms_lines_before=0
[[ -f "$CMS_LOG" ]] && cms_lines_before="$(wc -l < "$CMS_LOG")"
# shellcheck disable=SC2086  # OPENCPM_CMS_JAVA_OPTS and OPENCPM_CMS_OPTS are lists of options
java ${OPENCPM_CMS_JAVA_OPTS:--Xmx512m} \
    "-Dopencpm.cms.data=$CMS_DATA" "-Dopencpm.cms.address=$CMS_ADDRESS" \
    "-Dopencpm.cms.imap.port=$CMS_IMAP_PORT" "-Dopencpm.cms.smtp.port=$CMS_SMTP_PORT" \
    "-Dopencpm.cms.webadmin.port=$CMS_WEBADMIN_PORT" "-Dopencpm.cms.domain=$DOMAIN" \
    "-Dopencpm.cms.admin.password=$CMS_ADMIN_PASSWORD" ${OPENCPM_CMS_OPTS:-} \
    -cp "$CMS_CLASSES:$(cat "$CMS_CLASSPATH")" org.opencpm.cms.CmsServer >> "$CMS_LOG" 2>&1 &
CMS_PID=$!
echo "$CMS_PID" > "$CMS_PIDFILE"

stop_cms() {
    [[ -n "$CMS_PID" ]] || return 0
    if kill -0 "$CMS_PID" 2>/dev/null; then
        echo "run.sh: stopping the message store ..." >&2
        kill -TERM "$CMS_PID" 2>/dev/null || true
        local i
        for ((i = 0; i < 30; i++)); do
            kill -0 "$CMS_PID" 2>/dev/null || break
            sleep 1
        done
        kill -0 "$CMS_PID" 2>/dev/null && { echo "run.sh: the message store did not stop in 30s, killing it" >&2; kill -KILL "$CMS_PID" 2>/dev/null || true; }
    fi
    wait "$CMS_PID" 2>/dev/null || true
    CMS_PID=""
    rm -f "$CMS_PIDFILE"
}
trap 'stop_cms; exit 130' INT
trap 'stop_cms; exit 143' TERM
trap 'stop_cms' EXIT

cms_deadline=$((SECONDS + 120))
until tail -n "+$((cms_lines_before + 1))" "$CMS_LOG" 2>/dev/null | grep -q 'OpenCPM message store ready'; do
    if ! kill -0 "$CMS_PID" 2>/dev/null; then
        echo "---- $CMS_LOG (this run) ----" >&2
        tail -n "+$((cms_lines_before + 1))" "$CMS_LOG" | grep -v '^	at ' | tail -n 40 >&2
        CMS_PID=""
        die "the message store exited before it was ready"
    elif ((SECONDS >= cms_deadline)); then
        die "the message store was not ready after 120s; see $CMS_LOG"
    fi
    sleep 1
done

log_lines_before=0
[[ -f "$SERVER_LOG" ]] && log_lines_before="$(wc -l < "$SERVER_LOG")"

# standalone.sh in "background" mode writes the JVM pid to JBOSS_PIDFILE and relays TERM to the JVM.
export LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$PIDFILE"
"$SERVER/bin/standalone.sh" "${JAVA_PROPS[@]}" "$@" &
WRAPPER_PID=$!

stopping=0
stop_server() {
    [[ $stopping == 1 ]] && return
    stopping=1
    trap '' INT TERM
    local jvm=""
    [[ -f "$PIDFILE" ]] && jvm="$(cat "$PIDFILE" 2>/dev/null || true)"
    if kill -0 "$WRAPPER_PID" 2>/dev/null || { [[ -n "$jvm" ]] && kill -0 "$jvm" 2>/dev/null; }; then
        echo "run.sh: stopping WildFly ..." >&2
    fi
    if [[ -n "$jvm" ]]; then
        kill -TERM "$jvm" 2>/dev/null || true          # graceful shutdown; standalone.sh then exits
    else
        kill -TERM "$WRAPPER_PID" 2>/dev/null || true  # JVM not started yet
    fi
    wait "$WRAPPER_PID" 2>/dev/null || true
    # the JVM may have been started just as the wrapper was killed
    [[ -z "$jvm" && -f "$PIDFILE" ]] && jvm="$(cat "$PIDFILE" 2>/dev/null || true)"
    if [[ -n "$jvm" ]]; then
        local i
        for ((i = 0; i < 60; i++)); do
            kill -0 "$jvm" 2>/dev/null || break
            ((i == 0)) && { kill -TERM "$jvm" 2>/dev/null || true; }
            sleep 1
        done
        kill -0 "$jvm" 2>/dev/null && { echo "run.sh: WildFly did not stop in 60s, killing it" >&2; kill -KILL "$jvm" 2>/dev/null || true; }
    fi
    rm -f "$PIDFILE"
    # leave target/server without our deployment (tests may start this server too)
    rm -f "$DEPLOY_DIR"/opencpm.ear "$DEPLOY_DIR"/opencpm.ear.*
    stop_cms
}
trap 'stop_server; exit 130' INT
trap 'stop_server; exit 143' TERM
trap 'stop_server' EXIT

print_log_errors() {
    [[ -f "$SERVER_LOG" ]] || return 0
    local total start
    total="$(wc -l < "$SERVER_LOG")"
    start=$((log_lines_before + 1)); ((total < log_lines_before)) && start=1   # log rotated
    echo "---- errors in $SERVER_LOG (this run) ----" >&2
    tail -n "+$start" "$SERVER_LOG" | grep -E -A6 ' (ERROR|FATAL) ' | grep -v '^	at ' | tail -n 80 >&2 || true
    echo "------------------------------------------" >&2
}

# ---------------------------------------------------------------- wait for the deployment
deadline=$((SECONDS + START_TIMEOUT))
while :; do
    if [[ -e "$DEPLOY_DIR/opencpm.ear.deployed" ]]; then
        break
    elif [[ -e "$DEPLOY_DIR/opencpm.ear.failed" ]]; then
        echo "run.sh: DEPLOYMENT OF opencpm.ear FAILED:" >&2
        cat "$DEPLOY_DIR/opencpm.ear.failed" >&2; echo >&2
        print_log_errors
        exit 1
    elif ! kill -0 "$WRAPPER_PID" 2>/dev/null; then
        print_log_errors
        die "WildFly exited before opencpm.ear was deployed"
    elif ((SECONDS >= deadline)); then
        print_log_errors
        die "opencpm.ear not deployed after ${START_TIMEOUT}s (OPENCPM_START_TIMEOUT)"
    fi
    sleep 1
done

# ---------------------------------------------------------------- endpoints
http=$((HTTP_PORT + PORT_OFFSET))
mgmt=$((9990 + PORT_OFFSET))
admin_user="$(sed -n 's/^admin.user=//p' "$SERVER/.configured")"
if [[ "$(sed -n 's/^admin.password.sha256=//p' "$SERVER/.configured")" == "$(printf '%s' opencpm-admin | sha256sum | cut -d' ' -f1)" ]]; then
    admin_password="opencpm-admin"
else
    admin_password="(as given by -Dopencpm.admin.password at build time)"
fi
IFS=, read -r -a transports <<< "$SIP_TRANSPORTS"
cat <<EOF

==================================================================================
 OpenCPM is up (domain ${DOMAIN})
   SIP          sip:${SIP_ADDRESS}:${SIP_PORT}  (${transports[*]})
   REST         http://127.0.0.1:${http}/api/
   OpenAPI      http://127.0.0.1:${http}/openapi
   Health       http://127.0.0.1:${http}/api/health
   Admin        ${admin_user} / ${admin_password}  (REST BASIC auth and management console)
   Management   http://127.0.0.1:${mgmt}/console  (port ${mgmt})
   Server log   ${SERVER_LOG}
 Message store (Apache James, users provisioned over REST log in with their SIP password)
   IMAP         ${CMS_ADDRESS}:${CMS_IMAP_PORT}  (IDLE, CONDSTORE, QRESYNC, METADATA, UIDPLUS, MOVE; login user@${DOMAIN})
                CPM folders below the DefaultFolderLocation: GETMETADATA "" /shared/vendor/oma/cpm/DefaultFolderLocation
   SMTP         ${CMS_ADDRESS}:${CMS_SMTP_PORT}  (local delivery only)
   WebAdmin     http://127.0.0.1:${CMS_WEBADMIN_PORT}  (no authentication: loopback only)
   Store log    ${CMS_LOG}
 Ctrl-C stops the server and the message store.
==================================================================================

EOF

# ---------------------------------------------------------------- run until the server stops or we are interrupted
status=0
wait "$WRAPPER_PID" || status=$?
exit "$status"   # the EXIT trap cleans up
