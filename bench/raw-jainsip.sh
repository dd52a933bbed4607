#!/usr/bin/env bash
# Raw JAIN-SIP stack-to-stack MESSAGE -> 200 rate on 127.0.0.1/UDP (no server, no auth), for comparison with
# bench/pager-sipp.sh. Compiles bench/raw/RawJainSipBench.java with javac against the jars in ~/.m2 (no Maven).
#
#   bench/raw-jainsip.sh [concurrency=20] [messages=20000] [warmup=2000] [uacPort=15170] [uasPort=15171]
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
M2="${M2_REPO:-$HOME/.m2/repository}"
CP="$M2/javax/sip/jain-sip-ri/1.3.0-91/jain-sip-ri-1.3.0-91.jar:$M2/org/opencpm/cpm-sip-ra/0.1.0-SNAPSHOT/cpm-sip-ra-0.1.0-SNAPSHOT.jar"
for j in ${CP//:/ }; do [[ -f "$j" ]] || { echo "raw-jainsip: missing $j (build cpm-sip-ra first)" >&2; exit 1; }; done
CLASSES="$BENCH/out/raw-classes"
mkdir -p "$CLASSES"
javac -nowarn -d "$CLASSES" -cp "$CP" "$BENCH/raw/RawJainSipBench.java"
exec timeout 360 java -cp "$CLASSES:$CP" RawJainSipBench "$@"
