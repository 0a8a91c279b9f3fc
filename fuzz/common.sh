# shellcheck shell=bash disable=SC2034 # the sourcing scripts use the settings
# What fuzz/run.sh, fuzz/check-cflite.sh and .clusterfuzzlite/build.sh share: sourced, not run.
# Needs cargo and python3 (both are in OSS-Fuzz's base-builder-rust image).

FUZZ_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The dictionary every target uses, a file in fuzz/.
FUZZ_DICT=cleeng.dict

# The longest input libFuzzer makes. The longest field, a captcha token, may hold 8192 chars
# and a response token 4096, so 16 KiB lets every target cross every field's limit; the 64 KiB
# body limit is left to the tests, as inputs that long would slow every execution.
FUZZ_MAX_LEN=16384

# How the targets are built, here and for ClusterFuzzLite alike (one build serves both):
# optimised as OSS-Fuzz's Rust guide advises, with debug assertions and overflow checks on.
FUZZ_BUILD_FLAGS=(-O --debug-assertions)

# The fuzz targets, one a line: the [[bin]] targets of fuzz/Cargo.toml, so a new target is
# fuzzed everywhere once it is declared there. (`cargo metadata`, not `cargo fuzz list`:
# OSS-Fuzz's cargo wrapper turns every `cargo fuzz` into a build in coverage builds.)
fuzz_targets() {
  cargo metadata --no-deps --format-version 1 --manifest-path "$FUZZ_DIR/Cargo.toml" |
    python3 -c '
import json, sys
for package in json.load(sys.stdin)["packages"]:
    for target in package["targets"]:
        if "bin" in target["kind"]:
            print(target["name"])'
}

# The directory `cargo fuzz build -O` puts the target binaries in.
fuzz_release_dir() {
  local target_dir host
  target_dir=$(cargo metadata --no-deps --format-version 1 --manifest-path "$FUZZ_DIR/Cargo.toml" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
  host=$(rustc -vV | sed -n 's/^host: //p')
  echo "$target_dir/$host/release"
}

# A target's checked-in inputs, one "NAME<tab>PATH" a line: every file but dotfiles (.gitkeep)
# in fuzz/corpus/<target> and fuzz/regressions/<target>, as cli/tests/fuzz_replay.rs reads
# them. NAME is the input's name in a seed corpus zip: its folder, a dash and its file name
# (corpus-seed-…, regressions-…), so the two folders never clash and a crash names its source.
fuzz_inputs() {
  local folder path
  for folder in corpus regressions; do
    [ -d "$FUZZ_DIR/$folder/$1" ] || continue
    find "$FUZZ_DIR/$folder/$1" -maxdepth 1 -type f ! -name '.*' | LC_ALL=C sort |
      while IFS= read -r path; do
        printf '%s-%s\t%s\n' "$folder" "$(basename "$path")" "$path"
      done
  done
}

# Writes a target's seed corpus zip: the inputs of fuzz_inputs, under their names, in order and
# with a fixed date, so the same inputs give the same bytes. (python3's zipfile, not zip: one
# tool fewer on a developer's machine, and python3 reads cargo metadata already.)
fuzz_seed_zip() {
  fuzz_inputs "$1" | python3 -c '
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as archive:
    for line in sys.stdin:
        name, path = line.rstrip("\n").split("\t")
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(path, "rb") as f:
            archive.writestr(info, f.read())' "$2"
}
