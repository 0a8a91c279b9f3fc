// The registration form in a real browser: headless Chromium (the system's, driven by
// playwright-core) against a gateway this test starts on a free port and stops.
//
// - The gateway serves the page, and its messages document is the checked-in one.
// - Invalid values show, under their fields, exactly the messages the server gives for the
//   same body; a valid body shows the server's advisories; errors only the server finds go
//   under their fields (or in [data-result] for the whole body); the console stays clean.
// - The page opened from disk reads the checked-in schema and messages.
// - The schema's differential corpus (CLEENG_AJV_CORPUS, as schema/ajv-check replays it in
//   Node) goes through Ajv inside the page: its verdicts are the crate's but for the same
//   documented exceptions, and for the gateway's policy the errors the page words are the
//   ones the gateway answers, byte for byte.
//
// usage: CLEENG_GATEWAY=target/debug/examples/gateway [CLEENG_AJV_CORPUS=…] node --test test/
// (CLEENG_CHROMIUM names another Chromium than /usr/bin/chromium).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const formDir = fileURLToPath(new URL("..", import.meta.url));
const repo = join(formDir, "..", "..");
const gatewayBinary = process.env.CLEENG_GATEWAY;
const chromiumPath = process.env.CLEENG_CHROMIUM ?? "/usr/bin/chromium";
const corpus = process.env.CLEENG_AJV_CORPUS;
const noBrowser = existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}`;

// The flags that work here as root, and a fresh profile for each run.
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  // Only for the page opened from disk, which reads ../../schema/ with XMLHttpRequest.
  "--allow-file-access-from-files",
];

let gateway;
let base;
let context;
let profile;
const consoleErrors = [];

async function startGateway() {
  assert.ok(gatewayBinary, "CLEENG_GATEWAY names the gateway example's binary");
  const child = spawn(gatewayBinary, ["--listen", "127.0.0.1:0"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, RUST_LOG: "warn" },
  });
  child.stderr.resume();
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const found = out.match(/listening on (http:\/\/\S+)/);
      if (found) resolve(found[1]);
    });
    child.on("exit", (code) => reject(new Error(`the gateway exited with ${code}`)));
    setTimeout(() => reject(new Error("the gateway did not say where it listens")), 20_000);
  });
  return { child, url: url + "/" };
}

before(async () => {
  gateway = await startGateway();
  base = gateway.url;
  if (noBrowser) return;
  profile = mkdtempSync(join(tmpdir(), "cleeng-form-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: FLAGS,
    viewport: { width: 820, height: 900 },
  });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (gateway) {
    const exited = new Promise((resolve) => gateway.child.on("exit", resolve));
    gateway.child.kill("SIGTERM");
    await exited;
  }
});

// Chromium logs every answer of status 4xx as an error of the console: the refusals the
// tests ask the server for are verdicts, not errors of the page.
const refusal = (m) =>
  /^Failed to load resource: the server responded with a status of (400|413|422) /.test(m.text()) &&
  new URL(m.location().url).pathname === "/customers";
const refusals = [];

// A page of the form, with every console error and uncaught exception recorded.
async function openForm(url = base) {
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") (refusal(m) ? refusals : consoleErrors).push(`${url}: ${m.text()}`);
  });
  page.on("pageerror", (e) => consoleErrors.push(`${url}: ${e.message}`));
  await page.goto(url);
  await page.evaluate(() => window.cleengForm.ready);
  return page;
}

// The server's answer to `body`, from outside the page: the oracle.
async function post(body) {
  const response = await fetch(new URL("customers", base), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, answer: await response.json() };
}

// The server's messages for `body`, by the field key their pointer names ("" for the root).
async function serverMessages(body) {
  const { answer } = await post(body);
  const byKey = {};
  for (const e of answer.errors ?? []) (byKey[e.pointer.slice(1)] ??= []).push(e.message);
  return byKey;
}

async function fill(page, body) {
  for (const input of await page.locator("#register [name]").all()) await input.fill("");
  for (const [key, value] of Object.entries(body)) await page.locator(`[name="${key}"]`).fill(value);
}

// The messages the page shows under each field.
async function shownMessages(page) {
  return page.evaluate(() => {
    const byKey = {};
    for (const box of document.querySelectorAll("[data-error-for]")) {
      const lines = [...box.querySelectorAll("p")].map((p) => p.textContent);
      if (lines.length) byKey[box.dataset.errorFor] = lines;
    }
    return byKey;
  });
}

const resultLines = (page) =>
  page.evaluate(() => [...document.querySelectorAll("[data-result] li")].map((li) => li.textContent));

const VALID = {
  email: "jane.doe@example.com",
  password: "s3cret-pass",
  offerId: "S565568989_GB",
  locale: "en_GB",
  country: "GB",
  currency: "GBP",
  firstName: "Jane",
};
const INVALID = { ...VALID, email: "jane@localhost", country: "UK", password: "abc1234" };

test("the gateway serves the page with its scripts, and the checked-in messages", async (t) => {
  const page = await (await fetch(base)).text();
  assert.match(page, /^<!doctype html>/);
  // Scripts and style are files: the page's content security policy allows nothing inline.
  assert.ok(page.includes('<script src="ajv2020.js"></script>'), "the Ajv bundle is a file");
  assert.ok((await (await fetch(new URL("ajv2020.js", base))).text()).startsWith("/* Ajv 8.20.0"));
  assert.ok((await (await fetch(new URL("form.js", base))).text()).includes("window.cleengForm"));
  const served = await (await fetch(new URL("messages.json", base))).json();
  const checkedIn = JSON.parse(readFileSync(join(repo, "schema/messages.json"), "utf8"));
  assert.deepEqual(served, checkedIn);
  const file = (name) => readFileSync(join(formDir, name));
  const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
  const parts = ["index.html", "form.css", "form.js", "ajv2020.js"];
  const raw = parts.reduce((n, name) => n + file(name).length, 0);
  const zipped = parts.reduce((n, name) => n + gz(file(name)), 0);
  t.diagnostic(
    `page weight: ${parts.map((name) => `${name} ${file(name).length} B (${gz(file(name))} B gzip)`).join(", ")}; ` +
      `together ${raw} B, ${zipped} B gzip`,
  );
});

test("invalid values show the server's own messages under their fields", { skip: noBrowser }, async () => {
  const page = await openForm();
  const posted = [];
  page.on("request", (r) => r.method() === "POST" && posted.push(r.url()));
  await fill(page, INVALID);
  await page.locator("button[type=submit]").click();
  await page.locator('[data-error-for="country"] p').waitFor();
  const expected = await serverMessages(INVALID);
  assert.deepEqual(Object.keys(expected).sort(), ["country", "email", "password"]);
  assert.deepEqual(await shownMessages(page), expected);
  assert.equal(
    expected.country[0],
    "country must be an assigned ISO 3166-1 alpha-2 country code (did you mean GB?)",
  );
  assert.equal(await page.locator('[name="email"]').getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("[data-result]").getAttribute("data-verdict"), "invalid");
  assert.deepEqual(posted, [], "the browser's check stops the body");
  // The screenshot for the docs: the form with its errors, nothing focused.
  await page.evaluate(() => document.activeElement?.blur());
  await page.screenshot({ path: join(formDir, "screenshot.png"), fullPage: true });
  await page.close();
});

test("a field's messages show when it loses focus", { skip: noBrowser }, async () => {
  const page = await openForm();
  await page.locator('[name="country"]').fill("UK");
  await page.locator('[name="locale"]').fill("en-GB");
  await page.locator('[name="currency"]').focus();
  const expected = await serverMessages({ ...VALID, country: "UK", locale: "en-GB" });
  assert.deepEqual(await shownMessages(page), { country: expected.country, locale: expected.locale });
  // Put right, the field's message goes.
  await page.locator('[name="country"]').fill("GB");
  await page.locator('[name="locale"]').focus();
  assert.deepEqual(Object.keys(await shownMessages(page)), ["locale"]);
  await page.close();
});

test("a valid body gets the server's verdict and advisories", { skip: noBrowser }, async () => {
  const page = await openForm();
  const body = { ...VALID, offerId: "S565568989_US", customerIP: "10.1.2.3" };
  await fill(page, body);
  await page.locator("button[type=submit]").click();
  await page.locator('[data-result][data-verdict="valid"]').waitFor();
  const { status, answer } = await post(body);
  assert.equal(status, 200);
  const advisories = answer.advisories.map((a) => a.message);
  assert.equal(advisories.length, 2, "customer_ip_not_public and offer_country_mismatch");
  assert.deepEqual(await resultLines(page), advisories);
  assert.deepEqual(await shownMessages(page), {});
  // ajv-formats refuses a quoted local part, the crate does not: the page lets the server judge.
  const quoted = { ...VALID, email: '"jane doe"@example.com' };
  assert.equal((await post(quoted)).status, 200);
  await fill(page, quoted);
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === "/customers"),
    page.locator("button[type=submit]").click(),
  ]);
  assert.equal(response.status(), 200);
  await page.locator('[data-result][data-verdict="valid"]').waitFor();
  assert.deepEqual(await shownMessages(page), {});
  await page.close();
});

test("errors only the server finds go under their field, or in [data-result]", { skip: noBrowser }, async () => {
  const page = await openForm();
  // A JSON array where an object is needed: the schema cannot see inside the string.
  const array = { ...VALID, externalData: "[1]" };
  await fill(page, array);
  await page.locator("button[type=submit]").click();
  await page.locator('[data-result][data-verdict="invalid"]').waitFor();
  const expected = await serverMessages(array);
  assert.deepEqual(Object.keys(expected), ["externalData"]);
  assert.deepEqual(await shownMessages(page), expected);
  // 16384 characters the schema allows, in 4 bytes each: the body is over the server's
  // 65536 bytes, an error about the whole body.
  const large = { ...VALID, externalData: `{"a":"${"\u{1F600}".repeat(16376)}"}` };
  await page.locator('[name="externalData"]').fill(large.externalData);
  await page.locator("button[type=submit]").click();
  await page.locator('[data-result][data-verdict="invalid"] li').waitFor();
  const root = await post(large);
  assert.equal(root.status, 413);
  assert.deepEqual(await resultLines(page), root.answer.errors.map((e) => e.message));
  assert.deepEqual(await shownMessages(page), {});
  await page.close();
});

test("submit to messages, in the browser and through the server", { skip: noBrowser }, async (t) => {
  const page = await openForm();
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const times = async (body, measure, verdict) => {
    await fill(page, body);
    for (let i = 0; i < 15; i++) {
      await page.locator("button[type=submit]").click();
      await page.locator(`[data-result][data-verdict="${verdict}"]`).waitFor();
    }
    return page.evaluate((name) => performance.getEntriesByName(name).map((m) => m.duration), measure);
  };
  const browser = await times(INVALID, "cleeng-register:browser-check", "invalid");
  const server = await times(VALID, "cleeng-register:server-verdict", "valid");
  assert.equal(browser.length, 15);
  assert.equal(server.length, 15);
  t.diagnostic(
    `submit to messages: browser check median ${median(browser).toFixed(2)} ms (max ${Math.max(...browser).toFixed(2)}), ` +
      `with the server's verdict median ${median(server).toFixed(2)} ms (max ${Math.max(...server).toFixed(2)}), 15 submits each`,
  );
  await page.close();
});

test("opened from disk, the page reads the checked-in schema and messages", { skip: noBrowser }, async () => {
  const page = await openForm(pathToFileURL(join(formDir, "index.html")).href);
  await fill(page, INVALID);
  await page.locator("button[type=submit]").click();
  await page.locator('[data-error-for="country"] p').waitFor();
  assert.deepEqual(await shownMessages(page), await serverMessages(INVALID));
  await fill(page, VALID);
  await page.locator("button[type=submit]").click();
  await page.locator('[data-result][data-verdict="unknown"]').waitFor();
  await page.close();
});

// The corpus, through Ajv inside the page. Verdicts as schema/ajv-check/check.mjs compares
// them, for every body and policy. Errors for the gateway's policy (0): the page's against
// the gateway's answer, for a sample of the bodies Ajv refuses that holds every distinct
// list of errors the page gives (pointers, codes, params) and every 16th body besides.
test("the differential corpus replayed in the page", { skip: noBrowser || (!corpus && "CLEENG_AJV_CORPUS is not set") }, async (t) => {
  const schemas = readFileSync(corpus.replace(/\.ndjson$/, ".schemas.json"), "utf8");
  const lines = readFileSync(corpus, "utf8");
  const page = await openForm();
  // The texts go in as strings (quick to pass), and only the counts and the sample come back.
  const replay = await page.evaluate(
    async ({ schemas, lines }) => {
      const { newValidator, crateErrors } = window.cleengForm;
      // The gateway's messages, which are the checked-in ones (the first test says so).
      const { messages } = await window.cleengForm.ready;
      const validators = JSON.parse(schemas).map((schema) => newValidator(schema));
      const counts = { bodies: 0, same: 0, inexpressible: 0, stricterEmail: 0 };
      const disagreements = [];
      const sample = [];
      const signatures = new Set();
      let refused = 0;
      for (const text of lines.split("\n")) {
        if (!text.trim()) continue;
        const { policy, body, crate, explained } = JSON.parse(text);
        const validate = validators[policy];
        const valid = validate(body);
        counts.bodies++;
        if (valid === crate) counts.same++;
        else if (valid && !crate && explained) counts.inexpressible++;
        else if (!valid && crate && validate.errors.every((e) => e.instancePath === "/email" && e.keyword === "format")) {
          counts.stricterEmail++;
        } else disagreements.push({ policy, body, crate, ajv: valid, errors: validate.errors });
        if (policy !== 0 || valid) continue;
        const errors = crateErrors(validate.errors, body, messages);
        const signature = JSON.stringify(errors.map((e) => [e.pointer, e.code, e.params]));
        if (!signatures.has(signature) || refused % 16 === 0) sample.push({ body, errors });
        signatures.add(signature);
        refused++;
      }
      return { counts, disagreements: disagreements.slice(0, 5), sample, refused, signatures: signatures.size };
    },
    { schemas, lines },
  );
  await page.close();
  const { counts, disagreements, sample } = replay;
  for (const d of disagreements) t.diagnostic(JSON.stringify(d));
  t.diagnostic(
    `in-browser replay: ${counts.bodies} bodies, ${counts.same} same verdict, ${counts.inexpressible} refused by the crate only ` +
      `through rules a schema cannot state, ${counts.stricterEmail} refused by ajv-formats' stricter email format, ` +
      `${counts.bodies - counts.same - counts.inexpressible - counts.stricterEmail} disagreements`,
  );
  assert.equal(counts.same + counts.inexpressible + counts.stricterEmail, counts.bodies);
  assert.ok(counts.bodies > 10_000, "the corpus holds bodies");

  // What the schema cannot state may be in the gateway's list only (email's finer rules,
  // externalData's content), and ajv-formats' stricter email format in the page's only.
  const inexpressibleError = (e) =>
    (e.pointer === "/email" && e.code === "invalid_format") ||
    (e.pointer === "/externalData" && ["too_large", "invalid_json", "too_deep", "not_an_object"].includes(e.code));
  const key = (e) => JSON.stringify([e.pointer, e.code, e.params ?? null, e.message]);
  let identical = 0, differ = 0;
  const mismatches = [];
  for (let i = 0; i < sample.length; i += 16) {
    await Promise.all(
      sample.slice(i, i + 16).map(async ({ body, errors: pageErrors }) => {
        const { answer } = await post(body);
        const server = answer.errors ?? [];
        const inServer = new Set(server.map(key));
        const inPage = new Set(pageErrors.map(key));
        const common = (errors, other) => errors.filter((e) => other.has(key(e))).map(key);
        const ok =
          server.every((e) => inPage.has(key(e)) || inexpressibleError(e)) &&
          pageErrors.every((e) => inServer.has(key(e)) || (e.pointer === "/email" && e.code === "invalid_format")) &&
          JSON.stringify(common(server, inPage)) === JSON.stringify(common(pageErrors, inServer));
        if (!ok) mismatches.push({ body, page: pageErrors, server });
        else if (server.length === pageErrors.length) identical++;
        else differ++;
      }),
    );
  }
  for (const m of mismatches.slice(0, 5)) t.diagnostic(JSON.stringify(m));
  t.diagnostic(
    `errors for the gateway's policy: ${replay.refused} bodies refused by Ajv, ${replay.signatures} distinct lists of ` +
      `errors; ${sample.length} posted (each list, and every 16th body): ${identical} with the same errors in the same ` +
      `order (pointer, code, params, message), ${differ} the same but for what the schema cannot state, ` +
      `${mismatches.length} mismatches`,
  );
  assert.equal(mismatches.length, 0);
});

test("the browser console shows no error", { skip: noBrowser }, () => {
  assert.deepEqual(consoleErrors, []);
  // The one 400 and the one 413 asked for above.
  assert.equal(refusals.length, 2);
});
