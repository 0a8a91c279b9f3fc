#!/usr/bin/env bash
# Times `cleeng-register validate` on generated NDJSON files (90% valid, 10% assorted
# errors) of 100,000 and 1,000,000 lines, and reports lines per second (by wall time, and by
# CPU time, user + system, the figure that compares on a machine shared with other work) and
# peak memory.
#   benches/cli_throughput.sh [DIR]      (files go to DIR, default /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp}
cargo build -q --release -p cleeng-register-cli
cargo build -q --release --example generate_ndjson
bin=${CARGO_TARGET_DIR:-target}/release
for lines in 100000 1000000; do
  file="$dir/cleeng-register-$lines.ndjson"
  [ -f "$file" ] || "$bin/examples/generate_ndjson" "$lines" > "$file"
  log=$(mktemp)
  status=0
  /usr/bin/time -f 'wall %e cpu %U %S rss %M' "$bin/cleeng-register" validate "$file" > /dev/null 2> "$log" || status=$?
  [ "$status" -le 1 ] || { cat "$log"; exit 1; }
  read -r wall user sys rss < <(awk '/^wall / { print $2, $4, $5, $7 }' "$log")
  summary=$(grep '^cleeng-register:' "$log")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  rate=$(awk -v n="$lines" -v s="$wall" 'BEGIN { printf "%.0f", n / s }')
  cpu_rate=$(awk -v n="$lines" -v s="$cpu" 'BEGIN { printf "%.0f", n / (s > 0 ? s : 0.01) }')
  printf '%8d lines  wall %6ss %9s lines/s  cpu %6ss %9s lines/s  peak RSS %6s KiB  (%s)\n' \
    "$lines" "$wall" "$rate" "$cpu" "$cpu_rate" "$rss" "$summary"
  rm -f "$log"
done
