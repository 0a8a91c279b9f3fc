#!/bin/sh
# A frontend can use schema/openapi.json: Redocly lints it (recommended rules, zero errors
# and zero warnings), openapi-typescript generates types from it, and `tsc --strict`
# compiles register.ts against them. Run after `npm ci` in this folder.
set -eu
cd "$(dirname "$0")"
bin=node_modules/.bin
"$bin/redocly" lint ../openapi.json --config redocly.yaml --max-problems 50
"$bin/openapi-typescript" ../openapi.json --output generated/api.d.ts --redocly redocly-typegen.yaml
"$bin/tsc" --strict --noEmit -p tsconfig.json
echo "frontend check: lint clean, types generated, register.ts compiles"
