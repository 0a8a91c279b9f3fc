// Builds ajv2020.js, the Ajv browser bundle the form loads: Ajv's draft 2020-12 class and
// ajv-formats (versions pinned in package-lock.json), bundled and minified by esbuild into
// one script that sets the global `cleengAjv`. The output is deterministic: `--check`
// rebuilds it in memory and fails unless it is byte for byte the checked-in file.
//
// usage: npm ci && node bundle.mjs [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const version = (name) => JSON.parse(readFileSync(here(`node_modules/${name}/package.json`), "utf8")).version;

const result = await build({
  entryPoints: [here("ajv-entry.mjs")],
  bundle: true,
  format: "iife",
  globalName: "cleengAjv",
  platform: "browser",
  target: "es2020",
  minify: true,
  legalComments: "none",
  banner: {
    js:
      `/* Ajv ${version("ajv")} and ajv-formats ${version("ajv-formats")} (MIT licence, ` +
      `(c) Evgeny Poberezkin and contributors), bundled by esbuild ${version("esbuild")}: ` +
      `see axum/form/bundle.mjs */`,
  },
  write: false,
});
const bundle = result.outputFiles[0].contents;
const target = here("ajv2020.js");
if (process.argv.includes("--check")) {
  const checkedIn = readFileSync(target);
  if (!checkedIn.equals(Buffer.from(bundle))) {
    console.error("axum/form/ajv2020.js differs from its rebuild: run `node axum/form/bundle.mjs`");
    process.exit(1);
  }
  console.log(`ajv2020.js: the rebuild is byte for byte the checked-in bundle (${bundle.length} bytes)`);
} else {
  writeFileSync(target, bundle);
  console.log(`wrote ajv2020.js (${bundle.length} bytes)`);
}
