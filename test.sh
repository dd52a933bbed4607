#!/usr/bin/env bash
# The whole test suite: unit tests of every module, then the Arquillian tests on a managed WildFly that the build
# provisions from Maven Central (ports are reserved per run, so nothing needs 5060 or 8080 free).
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B -ntp verify "$@"
