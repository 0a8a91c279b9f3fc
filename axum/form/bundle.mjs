// Builds dist/customer.js and dist/dev.js, the scripts of the gateway's two forms: src/ and
// the cleeng-register package (../../npm, built first: `npm ci && npm run build` there)
// bundled and minified by esbuild (versions pinned in package-lock.json) into one ES module
// each, with no eval. The output is deterministic: `--check` rebuilds both in memory and fails
// unless they are byte for byte the checked-in files, which the gateway serves.
//
// usage: npm ci && node bundle.mjs [--check]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const version = (name) => JSON.parse(readFileSync(here(`node_modules/${name}/package.json`), "utf8")).version;
const check = process.argv.includes("--check");
let stale = false;
mkdirSync(here("dist"), { recursive: true });
for (const name of ["customer", "dev"]) {
  const result = await build({
    entryPoints: [here(`src/${name}.js`)],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    banner: {
      js:
        `/* cleeng-register ${version("cleeng-register")} (its Ajv standalone validator: Ajv and ajv-formats, MIT licence, ` +
        `(c) Evgeny Poberezkin and contributors), bundled by esbuild ${version("esbuild")}: see axum/form/bundle.mjs */`,
    },
    write: false,
  });
  const bundle = Buffer.from(result.outputFiles[0].contents);
  if (/\bnew Function\b|[^.\w$]eval\s*\(/.test(bundle.toString())) throw new Error(`dist/${name}.js evaluates code`);
  const target = here(`dist/${name}.js`);
  if (check) {
    let checkedIn = Buffer.alloc(0);
    try {
      checkedIn = readFileSync(target);
    } catch {}
    if (!checkedIn.equals(bundle)) {
      console.error(
        `axum/form/dist/${name}.js differs from its rebuild (the crate's schema/, the package or the form's sources changed): ` +
          "run `npm run --prefix npm build && node axum/form/bundle.mjs`",
      );
      stale = true;
    } else {
      console.log(`dist/${name}.js: the rebuild is byte for byte the checked-in bundle (${bundle.length} bytes)`);
    }
  } else {
    writeFileSync(target, bundle);
    console.log(`wrote dist/${name}.js (${bundle.length} bytes)`);
  }
}
process.exit(stale ? 1 : 0);
