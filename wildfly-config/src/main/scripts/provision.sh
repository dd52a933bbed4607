#!/usr/bin/env bash
# Build-time helper for wildfly-config (run by exec-maven-plugin, see ../../../pom.xml).
#
#   provision.sh check     -> deletes the server dir when it is not configured or its
#                             configuration is stale, so that dependency:unpack redoes it
#   provision.sh configure -> runs src/main/cli/*.cli offline (embedded server), adds the
#                             admin user, writes the .configured marker
#
# The marker holds a fingerprint of everything the configuration depends on (WildFly version,
# CLI scripts, this script, admin user/password), so editing a CLI script or changing
# -Dopencpm.admin.password re-provisions the server; an unchanged build skips it.
#
# Environment (set by the pom): SERVER_DIR, CLI_DIR, WILDFLY_VERSION, ADMIN_USER, ADMIN_PASSWORD,
# PROVISION_LOG.
set -euo pipefail

mode="${1:?usage: provision.sh check|configure}"
: "${SERVER_DIR:?}" "${CLI_DIR:?}" "${WILDFLY_VERSION:?}" "${ADMIN_USER:?}" "${ADMIN_PASSWORD:?}"
: "${PROVISION_LOG:=${SERVER_DIR%/*}/provision.log}"
MARKER="$SERVER_DIR/.configured"

fingerprint() {
    {
        echo "wildfly=$WILDFLY_VERSION"
        echo "admin.user=$ADMIN_USER"
        echo "admin.password.sha256=$(printf '%s' "$ADMIN_PASSWORD" | sha256sum | cut -d' ' -f1)"
        # content of the CLI scripts (in execution order) and of this script
        (cd "$CLI_DIR" && LC_ALL=C ls -1 -- *.cli | while read -r f; do echo "$f"; cat -- "$f"; done
         cat -- "${BASH_SOURCE[0]}") | sha256sum | sed 's/ .*//; s/^/inputs.sha256=/'
    }
}

up_to_date() {
    [[ -f "$MARKER" && -x "$SERVER_DIR/bin/standalone.sh" ]] && [[ "$(cat "$MARKER")" == "$(fingerprint)" ]]
}

case "$mode" in
check)
    if up_to_date; then
        echo "[wildfly-config] $SERVER_DIR is configured and up to date: skipping unpack and CLI"
    elif [[ -e "$SERVER_DIR" ]]; then
        echo "[wildfly-config] $SERVER_DIR is missing its .configured marker or is stale: re-provisioning"
        rm -rf -- "$SERVER_DIR"
    fi
    ;;
configure)
    if up_to_date; then
        exit 0
    fi
    [[ -x "$SERVER_DIR/bin/jboss-cli.sh" ]] || { echo "[wildfly-config] $SERVER_DIR/bin/jboss-cli.sh missing (unpack failed?)" >&2; exit 1; }
    rm -f -- "$MARKER"
    : > "$PROVISION_LOG"
    run() {
        echo "+ $*" >> "$PROVISION_LOG"
        if ! "$@" >> "$PROVISION_LOG" 2>&1; then
            echo "[wildfly-config] FAILED: $*" >&2
            echo "[wildfly-config] last lines of $PROVISION_LOG:" >&2
            tail -n 60 "$PROVISION_LOG" >&2
            exit 1
        fi
    }
    for cli in $(cd "$CLI_DIR" && LC_ALL=C ls -1 -- *.cli); do
        echo "[wildfly-config] jboss-cli --file=$cli"
        run "$SERVER_DIR/bin/jboss-cli.sh" --file="$CLI_DIR/$cli"
    done
    echo "[wildfly-config] add-user: application user '$ADMIN_USER' (group admin) and management user '$ADMIN_USER'"
    run "$SERVER_DIR/bin/add-user.sh" -a -u "$ADMIN_USER" -p "$ADMIN_PASSWORD" -g admin \
        -sc "$SERVER_DIR/standalone/configuration" -dc "$SERVER_DIR/domain/configuration"
    run "$SERVER_DIR/bin/add-user.sh" -m -u "$ADMIN_USER" -p "$ADMIN_PASSWORD" \
        -sc "$SERVER_DIR/standalone/configuration" -dc "$SERVER_DIR/domain/configuration"
    # The embedded server leaves its history/boot files behind; a fresh server should not carry them.
    rm -rf -- "$SERVER_DIR/standalone/configuration/standalone_xml_history" \
              "$SERVER_DIR/standalone/data" "$SERVER_DIR/standalone/log"
    fingerprint > "$MARKER"
    echo "[wildfly-config] configured $SERVER_DIR (log: $PROVISION_LOG)"
    ;;
*)
    echo "usage: provision.sh check|configure" >&2; exit 2 ;;
esac
