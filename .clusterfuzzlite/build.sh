#!/bin/bash -eu
# Builds every fuzz target of fuzz/Cargo.toml into $OUT, as ClusterFuzzLite and OSS-Fuzz expect:
#   $OUT/<target>                  the libFuzzer binary (AddressSanitizer, debug assertions)
#   $OUT/<target>_seed_corpus.zip  fuzz/corpus/<target> and fuzz/regressions/<target>
#   $OUT/<target>.options          [libfuzzer] dict and max_len
#   $OUT/cleeng.dict               the dictionary all targets share
# Runs in the image of .clusterfuzzlite/Dockerfile, or outside Docker given $SRC (holding the
# repository as $SRC/cleeng-register), $OUT and a nightly cargo-fuzz (RUSTUP_TOOLCHAIN=nightly
# when nightly is not the default): fuzz/check-cflite.sh does that and checks the result.
set -euo pipefail # `compile` runs this file with `bash -eux`, which ignores the #! line
cd "$SRC/cleeng-register"
# shellcheck source=fuzz/common.sh
source fuzz/common.sh
targets=$(fuzz_targets)
[ -n "$targets" ] || { echo "fuzz/Cargo.toml declares no [[bin]] target" >&2; exit 1; }

# Inside the image this is OSS-Fuzz's cargo wrapper: in coverage builds it builds the same
# binaries with coverage instrumentation instead.
cargo fuzz build "${FUZZ_BUILD_FLAGS[@]}"

release=$(fuzz_release_dir)
# One dictionary for all targets, named in each target's .options: OSS-Fuzz documents this for a
# dictionary shared by several targets, and ClusterFuzz reads `dict` relative to the .options
# file. A .options file is written anyway for max_len, so no per-target copies are needed.
cp "fuzz/$FUZZ_DICT" "$OUT/$FUZZ_DICT"
for target in $targets; do
  cp "$release/$target" "$OUT/$target"
  fuzz_seed_zip "$target" "$OUT/${target}_seed_corpus.zip"
  printf '[libfuzzer]\ndict = %s\nmax_len = %s\n' "$FUZZ_DICT" "$FUZZ_MAX_LEN" >"$OUT/$target.options"
done
