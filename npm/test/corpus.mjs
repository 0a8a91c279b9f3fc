// Splits the schema's differential corpus (CLEENG_AJV_CORPUS, written by `cargo test`) for
// test/consumer.sh: OUT/bodies-N.ndjson holds policy N's bodies, one a line, for the crate's
// CLI to validate, and OUT/schema-N.json policy N's request schema.
//
// usage: node corpus.mjs CORPUS.ndjson OUT
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [corpus, out] = process.argv.slice(2);
const schemas = JSON.parse(readFileSync(corpus.replace(/\.ndjson$/, ".schemas.json"), "utf8"));
const bodies = schemas.map(() => []);
for (const line of readFileSync(corpus, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const { policy, body } = JSON.parse(line);
  bodies[policy].push(JSON.stringify(body));
}
schemas.forEach((schema, n) => {
  writeFileSync(join(out, `schema-${n}.json`), JSON.stringify(schema));
  writeFileSync(join(out, `bodies-${n}.ndjson`), bodies[n].join("\n") + "\n");
});
console.log(`corpus: ${bodies.map((b, n) => `policy ${n} ${b.length} bodies`).join(", ")}`);
