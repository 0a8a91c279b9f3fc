#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 60) and prints executions, execs/s and coverage.
#   fuzz/run.sh [SECONDS] [TARGET...]      (targets default to every [[bin]] of fuzz/Cargo.toml)
# New inputs go to fuzz/work/<target> (not checked in); the checked-in seeds in
# fuzz/corpus/<target> and fuzz/regressions/<target> are read as well. Crashes land in
# fuzz/artifacts/<target>; the script exits 1 if a target crashed or did not run.
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=fuzz/common.sh
source ./common.sh
seconds=${1:-60}
shift || true

command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal

mapfile -t known < <(fuzz_targets)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${known[@]}")
for target in "${targets[@]}"; do
  if ! printf '%s\n' "${known[@]}" | grep -qxF -- "$target"; then
    echo "unknown target '$target'; fuzz/Cargo.toml declares: ${known[*]}" >&2
    exit 2
  fi
done

# One build for every target, with the flags ClusterFuzzLite's build uses, before any clock runs.
cargo +nightly fuzz build "${FUZZ_BUILD_FLAGS[@]}"

failed=0
summary=()
for target in "${targets[@]}"; do
  mkdir -p "work/$target" "artifacts/$target" "corpus/$target" "regressions/$target"
  log="work/$target.log"
  echo "== $target for ${seconds}s"
  status=ok
  if ! cargo +nightly fuzz run "${FUZZ_BUILD_FLAGS[@]}" "$target" \
      "work/$target" "corpus/$target" "regressions/$target" -- \
      -max_total_time="$seconds" -dict="$FUZZ_DICT" -max_len="$FUZZ_MAX_LEN" \
      -print_final_stats=1 -rss_limit_mb=2048 >"$log" 2>&1; then
    failed=1
    if grep -q 'Test unit written to' "$log"; then
      status=CRASHED
      echo "!! $target crashed: see $log and artifacts/$target"
    else
      status=FAILED
      echo "!! $target did not run: see $log"
    fi
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)
  summary+=("$(printf '%-14s %-7s %12s execs %8s execs/s   %s' "$target" "$status" "$execs" "$rate" "$cov")")
done
printf '%s\n' "${summary[@]}"
exit $failed
