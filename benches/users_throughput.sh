#!/usr/bin/env bash
# Times `cleeng-register users` on generated Users migration files (90% valid, 10% assorted
# errors) of 100,000 and 1,000,000 records, beside `validate` on the same customers as NDJSON,
# and reports records per second and peak memory. The users run also writes the split
# (--valid-out, --rejected-out) and the errors CSV, as a migration would.
#   benches/users_throughput.sh [DIR]      (files go to DIR, default /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp}
cargo build -q --release -p cleeng-register-cli
cargo build -q --release -p cleeng-register-migration --example generate_users_csv
bin=${CARGO_TARGET_DIR:-target}/release
measure() { # label records command...
  local label=$1 records=$2
  shift 2
  local log status=0
  log=$(mktemp)
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || status=$?
  [ "$status" -le 1 ] || { cat "$log"; exit 1; }
  local wall rss seconds rate
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  seconds=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rate=$(awk -v n="$records" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
  printf '%-9s %8d records  %6ss  %9s records/s  peak RSS %7s KiB\n' "$label" "$records" "$seconds" "$rate" "$rss"
  rm -f "$log"
}
for records in 100000 1000000; do
  csv="$dir/cleeng-users-$records.csv"
  ndjson="$dir/cleeng-users-$records.ndjson"
  [ -f "$csv" ] || "$bin/examples/generate_users_csv" "$records" > "$csv"
  [ -f "$ndjson" ] || "$bin/examples/generate_users_csv" "$records" --ndjson > "$ndjson"
  measure users "$records" "$bin/cleeng-register" users --today 2025-06-30 "$csv"
  measure users+out "$records" "$bin/cleeng-register" users --today 2025-06-30 \
    --errors-csv "$dir/cleeng-users-errors.csv" --valid-out "$dir/cleeng-users-valid.csv" \
    --rejected-out "$dir/cleeng-users-rejected.csv" "$csv"
  measure validate "$records" "$bin/cleeng-register" validate "$ndjson"
done
