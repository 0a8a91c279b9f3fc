#!/usr/bin/env bash
# Instructions per request under callgrind, for every body and way of reading it that the
# criterion benches compare. Each pair runs twice (N and 100 requests) and the difference is
# divided by N - 100, which leaves out start-up and setup. Counts do not depend on the load
# of the machine, unlike times.
#
#   benches/callgrind.sh [N]          (default 3000; the maximal body runs N/10)
#
# Needs valgrind. Builds the two harnesses in release mode first.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-3000}"
target="${CARGO_TARGET_DIR:-target}"
cargo build -q --release --example bench_counts -p cleeng-register
cargo build -q --release --example response_counts -p cleeng-register-response
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# Total instructions of one run: the `summary:` line of the callgrind output.
count() {
  valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$@" >/dev/null 2>&1
  awk '/^summary:/ { print $2 }' "$out/cg"
}

per_request() {
  local runs="$1"; shift
  local low high
  low="$(count "$@" 100)"
  high="$(count "$@" "$runs")"
  echo $(( (high - low) / (runs - 100) ))
}

echo "| body | way | Ir per request |"
echo "|---|---|---|"
for body in typical_valid maximal_valid invalid_every_field allow_lists external_4k; do
  runs="$n"
  [ "$body" = maximal_valid ] && runs=$(( n / 10 > 200 ? n / 10 : 200 ))
  for mode in cleeng_register serde_plain_strings serde_plain_strings_then_ignored_any serde_borrowed value_jsonschema; do
    case "$mode/$body" in
      serde_plain_strings_then_ignored_any/maximal_valid | serde_plain_strings_then_ignored_any/external_4k) ;;
      serde_plain_strings_then_ignored_any/*) continue ;;
    esac
    echo "| $body | $mode | $(per_request "$runs" "$target/release/examples/bench_counts" "$body" "$mode") |"
  done
done
for mode in to_problem_json serde_json_problem refused_request; do
  echo "| invalid_every_field's problem document | $mode | $(per_request "$n" "$target/release/examples/bench_counts" problem "$mode") |"
done
for mode in cleeng_register serde_strings_base64_value; do
  echo "| response typical | $mode | $(per_request "$n" "$target/release/examples/response_counts" "$mode") |"
done
