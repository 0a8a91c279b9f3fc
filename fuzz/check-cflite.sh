#!/usr/bin/env bash
# Runs .clusterfuzzlite/build.sh outside Docker, into a temporary $OUT, and checks what it left
# for every [[bin]] target of fuzz/Cargo.toml: the binary is executable and has a name the
# engines accept; <target>_seed_corpus.zip holds exactly the target's checked-in inputs (none
# longer than max_len); <target>.options names the dictionary, which is in $OUT and equal to
# fuzz/cleeng.dict; and the binary, with those options, runs every seed once without a crash.
#   fuzz/check-cflite.sh
# Needs nightly Rust and cargo-fuzz (installed if missing) and takes minutes: run it by hand
# after changing the fuzz targets, their inputs or .clusterfuzzlite/, not in .ci/run.
# Exits 1 if anything is missing or wrong; the temporary directory is then kept for a look.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/fuzz/common.sh"

# build.sh calls plain `cargo fuzz`, as in the OSS-Fuzz image, where nightly is the default.
export RUSTUP_TOOLCHAIN=${RUSTUP_TOOLCHAIN:-nightly}
rustup toolchain list | grep -q "^$RUSTUP_TOOLCHAIN" ||
  rustup toolchain install "$RUSTUP_TOOLCHAIN" --profile minimal
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked

tmp=$(mktemp -d -t cflite-check.XXXXXX)
export SRC=$tmp/src OUT=$tmp/out WORK=$tmp/work
mkdir -p "$SRC" "$OUT" "$WORK" "$tmp/seeds" "$tmp/logs"
ln -s "$repo" "$SRC/cleeng-register"

echo "== .clusterfuzzlite/build.sh into $OUT"
if ! bash "$repo/.clusterfuzzlite/build.sh" >"$tmp/logs/build.log" 2>&1; then
  tail -n 30 "$tmp/logs/build.log"
  echo "FAIL: build.sh failed; its log is $tmp/logs/build.log"
  exit 1
fi

mapfile -t targets < <(fuzz_targets)
[ ${#targets[@]} -gt 0 ] || { echo "FAIL: fuzz/Cargo.toml declares no [[bin]] target"; exit 1; }

problems=()
summary=()
for target in "${targets[@]}"; do
  bad=()
  [[ $target =~ ^[A-Za-z0-9_-]+$ ]] || bad+=("name has characters the engines refuse")
  [ -f "$OUT/$target" ] && [ -x "$OUT/$target" ] || bad+=("no executable \$OUT/$target")

  # The zip against the checked-in inputs; the .options file read as ClusterFuzz reads it,
  # printed as the libFuzzer flags it stands for (its dict relative to $OUT).
  zip=$OUT/${target}_seed_corpus.zip
  # shellcheck disable=SC2016 # Python, not shell, in single quotes
  report=$(fuzz_inputs "$target" | python3 -c '
import configparser, filecmp, os, sys, zipfile
target, zip_path, out, dict_name, seeds, fuzz_dir = sys.argv[1:]
bad, flags = [], []
expected = {}
for line in sys.stdin:
    name, path = line.rstrip("\n").split("\t")
    with open(path, "rb") as f:
        expected[name] = f.read()
max_len = None
options = configparser.ConfigParser()
if not options.read(os.path.join(out, target + ".options")) or not options.has_section("libfuzzer"):
    bad.append("no [libfuzzer] section in $OUT/%s.options" % target)
else:
    for key, value in options.items("libfuzzer"):
        if key == "dict":
            if value != dict_name:
                bad.append("options name dict %s, not %s" % (value, dict_name))
            value = os.path.join(out, value)
            if not os.path.isfile(value):
                bad.append("dictionary %s is not in $OUT" % os.path.basename(value))
        if key == "max_len":
            max_len = int(value)
        flags.append("-%s=%s" % (key, value))
    if max_len is None:
        bad.append("options set no max_len")
dict_path = os.path.join(out, dict_name)
if os.path.isfile(dict_path) and not filecmp.cmp(dict_path, os.path.join(fuzz_dir, dict_name), shallow=False):
    bad.append("$OUT/%s differs from fuzz/%s" % (dict_name, dict_name))
if not expected:
    bad.append("no checked-in inputs in fuzz/corpus/%s or fuzz/regressions/%s" % (target, target))
if not os.path.isfile(zip_path) or os.path.getsize(zip_path) == 0:
    bad.append("no (or an empty) %s" % os.path.basename(zip_path))
else:
    with zipfile.ZipFile(zip_path) as archive:
        found = {info.filename: archive.read(info) for info in archive.infolist()}
        archive.extractall(seeds)
    for name in sorted(expected.keys() - found.keys()):
        bad.append("zip lacks " + name)
    for name in sorted(found.keys() - expected.keys()):
        bad.append("zip has an unknown " + name)
    for name in sorted(expected.keys() & found.keys()):
        if expected[name] != found[name]:
            bad.append("zip holds other bytes for " + name)
    if max_len is not None:
        for name, data in sorted(found.items()):
            if len(data) > max_len:
                bad.append("%s is longer than max_len (%d > %d bytes)" % (name, len(data), max_len))
print("inputs %d %d %d" % (
    len(expected),
    sum(n.startswith("regressions-") for n in expected),
    sum(len(data) > 0 for data in expected.values())))
for flag in flags:
    print("flag " + flag)
for problem in bad:
    print("bad " + problem)
' "$target" "$zip" "$OUT" "$FUZZ_DICT" "$tmp/seeds/$target" "$FUZZ_DIR" 2>&1 || echo "bad the zip and options check failed")
  read -r _ inputs regressions nonempty <<<"$(grep '^inputs ' <<<"$report" || echo "inputs 0 0 0")"
  mapfile -t flags < <(sed -n 's/^flag //p' <<<"$report")
  mapfile -t -O ${#bad[@]} bad < <(sed -n 's/^bad //p' <<<"$report")

  # Each seed once, as the engines start: -runs=0 executes the corpus and stops. libFuzzer
  # counts only the non-empty files (it runs the empty input first, whatever the corpus holds).
  ran="did not run"
  if [ -x "$OUT/$target" ] && [ -d "$tmp/seeds/$target" ]; then
    log=$tmp/logs/$target.log
    if (cd "$OUT" && timeout 600 "./$target" "${flags[@]}" -runs=0 "$tmp/seeds/$target") >"$log" 2>&1; then
      files=$(sed -n 's/^INFO: seed corpus: files: \([0-9]*\).*/\1/p' "$log" | tail -n 1)
      entries=$(sed -n 's/^Dictionary: \([0-9]*\) entries.*/\1/p' "$log" | tail -n 1)
      ran="ran ${files:-?} non-empty inputs once, dictionary of ${entries:-?} entries"
      [ "${files:-}" = "$nonempty" ] || bad+=("libFuzzer read ${files:-no} seed files, not $nonempty (see $log)")
      [ -n "$entries" ] || bad+=("libFuzzer loaded no dictionary (see $log)")
      grep -Eq '^#[0-9]+[[:space:]]+DONE' "$log" || bad+=("libFuzzer did not finish the corpus (see $log)")
    else
      bad+=("$target failed on its seeds: see $log")
      ran="FAILED on its seeds"
    fi
  fi

  size=$(du -h "$OUT/$target" 2>/dev/null | cut -f1 || echo "-")
  if [ ${#bad[@]} -eq 0 ]; then
    verdict=ok
  else
    verdict=FAIL
    for problem in "${bad[@]}"; do problems+=("$target: $problem"); done
  fi
  summary+=("$(printf '%-14s %-4s  binary %5s  %3s seeds (%s regressions)  %s' \
    "$target" "$verdict" "$size" "$inputs" "$regressions" "$ran")")
done

echo "== $OUT"
printf '%s\n' "${summary[@]}"
if [ ${#problems[@]} -gt 0 ]; then
  printf 'FAIL: %s\n' "${problems[@]}"
  echo "${#problems[@]} problem(s); the build and logs stay in $tmp"
  exit 1
fi
echo "all ${#targets[@]} targets ok: binaries, seed corpora, options and dictionary in place, every seed runs"
rm -rf "$tmp"
