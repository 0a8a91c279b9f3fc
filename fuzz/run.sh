#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 60) and prints executions, execs/s and coverage.
#   fuzz/run.sh [SECONDS] [TARGET...]      (targets default to all five)
# New inputs go to fuzz/work/<target> (not checked in); the checked-in seeds in
# fuzz/corpus/<target> and fuzz/regressions/<target> are read as well. Crashes land in
# fuzz/artifacts/<target>; the script exits 1 if there is any.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(request_json constructors roundtrip validate_line response_json users_csv)

command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal

crashed=0
summary=()
for target in "${targets[@]}"; do
  mkdir -p "work/$target" "artifacts/$target"
  log="work/$target.log"
  echo "== $target for ${seconds}s"
  if ! cargo +nightly fuzz run "$target" "work/$target" "corpus/$target" "regressions/$target" -- \
      -max_total_time="$seconds" -dict=cleeng.dict -print_final_stats=1 -rss_limit_mb=2048 >"$log" 2>&1; then
    crashed=1
    echo "!! $target crashed: see $log and artifacts/$target"
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)
  summary+=("$(printf '%-14s %12s execs %8s execs/s   %s' "$target" "$execs" "$rate" "$cov")")
done
printf '%s\n' "${summary[@]}"
exit $crashed
