// The corpus through the consumer's bundle (replay.js), in Node and in headless Chromium (the
// system's, driven by playwright-core; a page under the strict CSP a form with a password
// field has, served from 127.0.0.1). Asserts:
// - the verdict is the crate's on every body, but where the crate refuses only through rules
//   a schema cannot state (the documented exceptions of the Ajv replay);
// - the (pointer, code) lists are the crate's on at least 95% of the bodies both refuse;
// - Node and Chromium give the same figures; the page shows no CSP violation, no console error.
// Prints the figures and the kinds of difference.
//
// usage: node replay.mjs DIR  (DIR holds replay.js, corpus.ndjson and rust-N.ndjson; run from
// the consumer project, whose node_modules has playwright-core)
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = process.argv[2];
const chromiumPath = process.env.CLEENG_CHROMIUM ?? "/usr/bin/chromium";
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
const corpus = readFileSync(join(dir, "corpus.ndjson"), "utf8");
const rust = [0, 1, 2].map((n) => readFileSync(join(dir, `rust-${n}.ndjson`), "utf8"));
// The default policy's bodies worded by the CLI in another language of the catalog.
const worded = { pl: readFileSync(join(dir, "rust-0-pl.ndjson"), "utf8") };

function report(where, r) {
  const percent = ((100 * r.samePairs) / r.bothRefuse).toFixed(2);
  console.log(
    `${where}: ${r.bodies} bodies in ${r.millis} ms: ${r.sameVerdict} same verdict, ${r.serverOnly} refused by the crate ` +
      `only through rules a schema cannot state, ${r.disagreements.length} disagreements; of ${r.bothRefuse} bodies both ` +
      `refuse, ${r.samePairs} (${percent}%) with the crate's (pointer, code) list`,
  );
  return percent;
}

const { replay, languages, messages } = await import(pathToFileURL(join(dir, "replay.js")).href);
// The other policies' validators were built with their English and Polish documents.
assert.deepEqual(languages.slice(1), [["en", "pl"], ["en", "pl"]]);
// The package's English is the catalog's, a customer's: every message names a field by its
// label, never its JSON key (a key in camelCase is no English word; the core's sentences
// begin with the key).
assert.equal(messages.language, "en", "the package's English document is the catalog's");
const keys = messages.fields.map((f) => f.key);
const englishMessages = [...messages.root, ...messages.otherKeys, ...messages.fields.flatMap((f) => [
  ...f.rules.flatMap((r) => [r, ...(r.suggestions ?? [])]),
  ...(f.duplicate ? [f.duplicate] : []),
])].map((r) => r.message);
assert.ok(englishMessages.length > 50, "the English document's messages");
for (const message of englishMessages) {
  for (const key of keys) {
    const named = /[A-Z]/.test(key) ? message.includes(key) : message.startsWith(key);
    assert.ok(!named, `the English message ${JSON.stringify(message)} names the key ${key}`);
  }
}
const inNode = replay(corpus, rust, worded);
const percent = report("node", inNode);
const kinds = Object.entries(inNode.kinds).sort((a, b) => b[1] - a[1]);
console.log(`kinds of difference (bodies): ${kinds.length === 0 ? "none" : ""}`);
// The rules a schema cannot state (as the corpus's `explained` and schema/ajv-check say).
const serverOnlyRule = /^crate only: (\/email invalid_format|\/externalData (too_large|invalid_json|too_deep|not_an_object))$/;
for (const [kind, count] of kinds) {
  console.log(`  ${String(count).padStart(6)}  ${kind}${serverOnlyRule.test(kind) ? " (a rule no schema states: the server's)" : ""}`);
}
for (const d of inNode.differences.slice(0, 1)) console.log(`  for example: ${JSON.stringify(d).slice(0, 300)}…`);
for (const d of inNode.disagreements.slice(0, 5)) console.error(`disagreement: ${JSON.stringify(d).slice(0, 400)}`);
assert.equal(inNode.disagreements.length, 0, "the verdicts agree where the schema can decide");
assert.deepEqual(inNode.notInDocument.slice(0, 5), [], "every message is a sentence of the messages document");
assert.ok(inNode.bodies > 10_000, "the corpus holds bodies");
assert.ok(Number(percent) >= 95, `(pointer, code) agree on ${percent}% of the refused bodies, under 95%`);
for (const [lang, { same, compared, differ }] of Object.entries(inNode.words)) {
  console.log(`words (${lang}): of ${compared} bodies of the default policy with the crate's (pointer, code) list, ${same} with its params and messages too`);
  for (const d of differ) console.error(`  differ: ${JSON.stringify(d).slice(0, 400)}`);
  assert.equal(same, compared, `the params and messages in ${lang} are the crate's`);
}

if (!existsSync(chromiumPath)) {
  console.log(`chromium: skipped, no Chromium at ${chromiumPath} (apt-get install -y chromium)`);
  process.exit(0);
}
const { chromium } = await import("playwright-core");
const files = {
  "/": ["text/html", `<!doctype html><html lang="en"><title>replay</title><script type="module" src="/main.js"></script></html>`],
  "/main.js": ["text/javascript", `import { replay } from "./replay.js"; window.cleengReplay = replay;`],
  "/replay.js": ["text/javascript", readFileSync(join(dir, "replay.js"))],
};
const server = createServer((request, response) => {
  const path = new URL(request.url, "http://x").pathname;
  if (path === "/favicon.ico") return response.writeHead(204).end();
  const file = files[path];
  if (!file) return response.writeHead(404).end();
  response.writeHead(200, { "content-type": file[0], "content-security-policy": CSP }).end(file[1]);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const profile = mkdtempSync(join(tmpdir(), "cleeng-replay-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
});
try {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => typeof window.cleengReplay === "function");
  const inChromium = await page.evaluate(({ corpus, rust, worded }) => window.cleengReplay(corpus, rust, worded), {
    corpus,
    rust,
    worded,
  });
  report("chromium", inChromium);
  const { millis: _a, ...node } = inNode;
  const { millis: _b, ...browser } = inChromium;
  assert.deepEqual(browser, node, "Chromium's figures are Node's");
  assert.deepEqual(problems, [], "no CSP violation and no console error in the page");
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  server.close();
}
