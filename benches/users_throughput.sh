#!/usr/bin/env bash
# Times `cleeng-register users` on generated Users migration files (90% valid, 10% assorted
# errors) of 100,000 and 1,000,000 records, beside `validate` on the same customers as NDJSON,
# and reports records per second and peak memory. The users run also writes the split
# (--valid-out, --rejected-out) and the errors CSV, as a migration would. Then the peak memory
# on two files with one huge record: a 100 MB First Name, and a quote opened and never closed
# before 100 MB more; it stays bounded by the record cap (16 KiB), not by the record.
#
# Rates are given by CPU time (user + system) as well as by wall time: on a machine shared
# with other work, the CPU time is the figure that compares. To compare with another build
# (an earlier commit, say), set BASELINE to its binary: each run is then made with both,
# interleaved, in the same conditions.
#   benches/users_throughput.sh [DIR]      (files go to DIR, default /tmp)
#   BASELINE=/path/to/old/cleeng-register benches/users_throughput.sh
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
  /usr/bin/time -f 'wall %e cpu %U %S rss %M' "$@" > /dev/null 2> "$log" || status=$?
  [ "$status" -le 1 ] || { cat "$log"; exit 1; }
  local wall user sys rss cpu
  read -r wall user sys rss < <(awk '/^wall / { print $2, $4, $5, $7 }' "$log")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf '%-18s %8d records  wall %6ss %9s/s  cpu %6ss %9s/s  peak RSS %7s KiB\n' \
    "$label" "$records" "$wall" "$(awk -v n="$records" -v s="$wall" 'BEGIN { printf "%.0f", n / s }')" \
    "$cpu" "$(awk -v n="$records" -v s="$cpu" 'BEGIN { printf "%.0f", n / (s > 0 ? s : 0.01) }')" "$rss"
  rm -f "$log"
}
builds=("$bin/cleeng-register")
[ -n "${BASELINE:-}" ] && builds=("$BASELINE" "$bin/cleeng-register")
name() { [ "$1" = "${BASELINE:-}" ] && echo "baseline " || echo ""; }
for records in 100000 1000000; do
  csv="$dir/cleeng-users-$records.csv"
  ndjson="$dir/cleeng-users-$records.ndjson"
  [ -f "$csv" ] || "$bin/examples/generate_users_csv" "$records" > "$csv"
  [ -f "$ndjson" ] || "$bin/examples/generate_users_csv" "$records" --ndjson > "$ndjson"
  for b in "${builds[@]}"; do
    measure "$(name "$b")users" "$records" "$b" users --today 2025-06-30 "$csv"
  done
  for b in "${builds[@]}"; do
    measure "$(name "$b")users+out" "$records" "$b" users --today 2025-06-30 \
      --errors-csv "$dir/cleeng-users-errors.csv" --valid-out "$dir/cleeng-users-valid.csv" \
      --rejected-out "$dir/cleeng-users-rejected.csv" "$csv"
  done
  for b in "${builds[@]}"; do
    measure "$(name "$b")validate" "$records" "$b" validate "$ndjson"
  done
done
# One huge record: the header, then a 100 MB First Name (and a valid record after it); the
# header, then a record that opens a quote and never closes it, followed by 100 MB.
field="$dir/cleeng-users-field-100mb.csv"
quote="$dir/cleeng-users-open-quote-100mb.csv"
header=$(head -n 1 examples/users.csv)
if [ ! -f "$field" ]; then
  { printf '%s\n' "$header"
    head -c 104857600 /dev/zero | tr '\0' x
    printf ',Doe,jane@example.com,en_US,,,PL,PLN,,,,\nJoe,Doe,joe@example.com,en_US,,,PL,PLN,,,,\n'
  } > "$field"
fi
if [ ! -f "$quote" ]; then
  { printf '%s\nJane,"' "$header"; head -c 104857600 /dev/zero | tr '\0' y; } > "$quote"
fi
for file in "$field" "$quote"; do
  for b in "${builds[@]}"; do
    measure "$(name "$b")$(basename "$file" .csv | sed 's/cleeng-users-//')" 1 "$b" users \
      --today 2025-06-30 --valid-out "$dir/cleeng-users-valid.csv" \
      --rejected-out "$dir/cleeng-users-rejected.csv" "$file"
  done
done
