#!/usr/bin/env bash
# Hook latency as an agent runtime sees it: one fresh process per tool call, timed from fork to
# exit, for an allowed and a held Bash call, side by side (interleaved, round-robin) with
# cc-safety-net's hook and bare `java -version` as the floor. Prints median and p95 in ms.
#
# usage: airlock-bench/compare/hook-latency.sh CCSN_PREFIX [RUNS] [WARMUP]
#   CCSN_PREFIX  where `npm install --prefix DIR cc-safety-net` put it
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ccsn="$1/node_modules/.bin/cc-safety-net"
runs="${2:-60}"
warm="${3:-5}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$ccsn" ] || { echo "no cc-safety-net at $ccsn" >&2; exit 2; }
[ -f "$here/airlock-app/target/airlock.aot" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
payload() { # a Claude Code PreToolUse payload for a Bash command
  printf '{"session_id":"bench","transcript_path":"/tmp/t.jsonl","cwd":"%s","permission_mode":"default","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"%s"},"tool_use_id":"toolu_bench"}' "$tmp" "$1"
}
payload 'ls -la' > "$tmp/allow.json"
payload 'rm -rf /' > "$tmp/held.json"
flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=warning:stderr)

names=(java-version airlock-allow airlock-held airlock-noaot-allow ccsn-allow ccsn-held)
run() { # runs case $1 once, output discarded
  case "$1" in
    java-version) "$java" -version 2>/dev/null ;;
    airlock-allow) "$here/airlock" hook claude-code < "$tmp/allow.json" > /dev/null ;;
    airlock-held) "$here/airlock" hook claude-code < "$tmp/held.json" > /dev/null ;;
    airlock-noaot-allow) "$java" "${flags[@]}" -jar "$here/airlock-app/target/airlock.jar" hook claude-code < "$tmp/allow.json" > /dev/null ;;
    ccsn-allow) "$ccsn" hook --coding-cli < "$tmp/allow.json" > /dev/null ;;
    ccsn-held) "$ccsn" hook --coding-cli < "$tmp/held.json" > /dev/null ;;
  esac
}

# The held answers must really be holds, and the allowed ones silent, or the timing means nothing.
[ -z "$("$here/airlock" hook claude-code < "$tmp/allow.json")" ] || { echo "airlock did not pass ls" >&2; exit 1; }
"$here/airlock" hook claude-code < "$tmp/held.json" | grep -q '"permissionDecision":"deny"' || { echo "airlock did not deny" >&2; exit 1; }
"$ccsn" hook --coding-cli < "$tmp/held.json" | grep -q '"permissionDecision":"deny"' || { echo "cc-safety-net did not deny" >&2; exit 1; }

for ((i = 0; i < warm; i++)); do for n in "${names[@]}"; do run "$n"; done; done
for ((i = 0; i < runs; i++)); do
  for n in "${names[@]}"; do
    s=$(date +%s%N); run "$n"; e=$(date +%s%N)
    echo $(( (e - s) / 1000 )) >> "$tmp/$n.us"
  done
done

printf '%-22s %6s %9s %9s %9s\n' case runs median_ms p95_ms min_ms
for n in "${names[@]}"; do
  sort -n "$tmp/$n.us" | awk -v name="$n" '{v[NR]=$1} END {
    m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
    p = v[int(0.95 * NR + 0.999999)]
    printf "%-22s %6d %9.1f %9.1f %9.1f\n", name, NR, m/1000, p/1000, v[1]/1000 }'
done
echo "machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
