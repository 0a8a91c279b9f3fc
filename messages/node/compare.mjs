// Renders every message that Rust's fluent-bundle rendered (the file the catalog test
// `rendered_messages_for_the_browser_check` writes where CLEENG_MESSAGES_RENDERED points)
// with @fluent/bundle, as a browser does, and fails on any difference.
//
//   node messages/node/compare.mjs target/messages-rendered.ndjson
import { readFileSync } from "node:fs";
import { FluentBundle, FluentResource } from "@fluent/bundle";

const [rendered] = process.argv.slice(2);
if (!rendered) {
  console.error("usage: node compare.mjs RENDERED.ndjson");
  process.exit(2);
}

const catalog = new URL("../catalog/", import.meta.url);
const bundles = new Map();
function bundle(lang) {
  if (!bundles.has(lang)) {
    // No isolation marks: the Rust side turns them off too.
    const b = new FluentBundle(lang, { useIsolating: false });
    const text = readFileSync(new URL(`${lang}/register.ftl`, catalog), "utf8");
    const errors = b.addResource(new FluentResource(text));
    if (errors.length) throw new Error(`${lang}: ${errors.join("; ")}`);
    bundles.set(lang, b);
  }
  return bundles.get(lang);
}

function format(b, id, args, errors) {
  const message = b.getMessage(id);
  if (!message || !message.value) {
    errors.push(`no message ${id}`);
    return id;
  }
  return b.formatPattern(message.value, args, errors);
}

let compared = 0;
const differences = [];
for (const line of readFileSync(rendered, "utf8").split("\n")) {
  if (!line) continue;
  const { lang, id, args, text } = JSON.parse(line);
  const b = bundle(lang);
  const errors = [];
  const values = {};
  for (const [name, arg] of Object.entries(args)) {
    if (typeof arg === "number") values[name] = arg;
    else if ("text" in arg) values[name] = arg.text;
    else values[name] = format(b, arg.label, null, errors);
  }
  const js = format(b, id, values, errors);
  compared += 1;
  if (js !== text || errors.length) {
    differences.push({ lang, id, args, rust: text, js, errors: errors.map(String) });
  }
}

if (compared === 0) {
  console.error(`${rendered} holds no messages`);
  process.exit(1);
}
for (const d of differences.slice(0, 20)) console.error(JSON.stringify(d));
if (differences.length) {
  console.error(`${differences.length} of ${compared} messages differ between Rust and @fluent/bundle`);
  process.exit(1);
}
console.log(`@fluent/bundle renders all ${compared} messages as Rust does (${bundles.size} languages)`);
