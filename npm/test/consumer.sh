#!/bin/sh
# The package as a consumer meets it: `npm pack`, the tarball installed into a fresh project
# (test/consumer/, its tools pinned by its lockfile), `tsc --strict` over a consumer using the
# types, esbuild bundles, and the schema's differential corpus through `validate` in Node and
# in Chromium (test/replay.mjs). Prints the tarball's size and the bundle's, gzipped.
#
# usage: CLEENG_AJV_CORPUS=target/ajv-corpus.ndjson [CLEENG_CLI=target/debug/cleeng-register] sh npm/test/consumer.sh
# (after `npm ci` in npm/; the corpus is written by `cargo test`, see .ci/run)
set -eu
test_dir=$(cd "$(dirname "$0")" && pwd)
package=$(dirname "$test_dir")
repo=$(dirname "$package")
corpus=${CLEENG_AJV_CORPUS:?CLEENG_AJV_CORPUS names the corpus cargo test writes}
cli=${CLEENG_CLI:-$repo/target/debug/cleeng-register}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The tarball (prepack builds dist/ from the crate's schema/).
(cd "$package" && npm pack --pack-destination "$tmp" --silent >/dev/null)
tarball=$(ls "$tmp"/cleeng-register-*.tgz)
echo "packed: $(basename "$tarball"), $(wc -c < "$tarball") bytes"

# A fresh project: its tools from its lockfile, then the tarball alone.
mkdir "$tmp/app"
cp "$test_dir"/consumer/* "$tmp/app/"
cd "$tmp/app"
npm ci --no-audit --no-fund --silent
npm install --no-save --no-audit --no-fund --silent "$tarball"
bin=node_modules/.bin

# The corpus's policies: its schemas are what the CLI writes for the policies in test/policies/.
node "$test_dir/corpus.mjs" "$corpus" "$tmp/app"
for n in 1 2; do
  "$cli" schema --policy "$test_dir/policies/$n.json" | node -e '
    const fs = require("node:fs");
    const [a, b] = [fs.readFileSync(0, "utf8"), fs.readFileSync(process.argv[1], "utf8")].map(JSON.parse);
    if (JSON.stringify(a) !== JSON.stringify(b)) { console.error("test/policies/" + process.argv[2] + ".json is not the corpus policy " + process.argv[2]); process.exit(1); }
  ' "schema-$n.json" "$n"
  # The package's validator for another policy, built by its own script from the CLI's
  # schema and messages documents for the policy (the catalog's English and Polish).
  "$cli" messages --policy "$test_dir/policies/$n.json" --lang en > "messages-$n.json"
  "$cli" messages --policy "$test_dir/policies/$n.json" --lang pl > "messages-$n-pl.json"
  "$bin/cleeng-register-build-validator" "schema-$n.json" "policy-$n.js" \
    --messages "messages-$n.json" --messages "messages-$n-pl.json" >/dev/null
done

# The types read as a person writes them, in the installed declaration file itself.
for line in '  email: string;' '  password: string;' '  customerIP?: string;' '  country: string;'; do
  grep -qxF "$line" node_modules/cleeng-register/dist/index.d.ts || { echo "index.d.ts lacks '$line'" >&2; exit 1; }
done
"$bin/tsc" -p tsconfig.json
echo "tsc --strict: app.ts and replay.ts compile against the package's types"

"$bin/esbuild" app.ts --bundle --format=esm --platform=browser --minify --log-level=warning --outfile=app.js
"$bin/esbuild" replay.ts --bundle --format=esm --platform=neutral --log-level=warning --outfile=replay.js
if grep -n -E 'new Function|[^.A-Za-z_$]eval[[:space:]]*\(' app.js replay.js >/dev/null; then
  echo "a bundle evaluates code (new Function or eval):" >&2
  grep -o -E '.{40}(new Function|eval[[:space:]]*\().{40}' app.js replay.js >&2
  exit 1
fi
echo "bundle: app.js $(wc -c < app.js) bytes, $(gzip -9 -c app.js | wc -c) gzipped; no new Function, no eval"

# The crate's answers for each policy's bodies (exit 1: some are invalid) in the catalog's
# English, the server's words in English, and for the default policy's in Polish too.
cp "$corpus" corpus.ndjson
"$cli" validate --lang en bodies-0.ndjson > rust-0.ndjson 2>/dev/null || test $? -eq 1
"$cli" validate --lang pl bodies-0.ndjson > rust-0-pl.ndjson 2>/dev/null || test $? -eq 1
for n in 1 2; do
  "$cli" validate --lang en --policy "$test_dir/policies/$n.json" "bodies-$n.ndjson" > "rust-$n.ndjson" 2>/dev/null || test $? -eq 1
done
node "$test_dir/replay.mjs" "$tmp/app"
