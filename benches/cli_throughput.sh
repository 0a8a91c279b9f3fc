#!/usr/bin/env bash
# Times `cleeng-register validate` on generated NDJSON files (90% valid, 10% assorted
# errors) of 100,000 and 1,000,000 lines, and reports lines per second and peak memory.
#   benches/cli_throughput.sh [DIR]      (files go to DIR, default /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp}
cargo build -q --release -p cleeng-register-cli
cargo build -q --release --example generate_ndjson
for lines in 100000 1000000; do
  file="$dir/cleeng-register-$lines.ndjson"
  [ -f "$file" ] || target/release/examples/generate_ndjson "$lines" > "$file"
  log=$(mktemp)
  status=0
  /usr/bin/time -v target/release/cleeng-register validate "$file" > /dev/null 2> "$log" || status=$?
  [ "$status" -le 1 ] || { cat "$log"; exit 1; }
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  summary=$(grep '^cleeng-register:' "$log")
  seconds=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rate=$(awk -v n="$lines" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
  printf '%8d lines  %6ss  %9s lines/s  peak RSS %6s KiB  (%s)\n' "$lines" "$seconds" "$rate" "$rss" "$summary"
  rm -f "$log"
done
