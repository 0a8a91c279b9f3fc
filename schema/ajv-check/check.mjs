// Replays the corpus the Rust differential tests wrote (CLEENG_AJV_CORPUS) through Ajv, the
// validator browsers use, and checks that Ajv's verdict is the crate's.
//
// usage: node check.mjs CORPUS.ndjson   (CORPUS.schemas.json must sit beside it)
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const corpus = process.argv[2];
const schemas = JSON.parse(readFileSync(corpus.replace(/\.ndjson$/, ".schemas.json"), "utf8"));
const validators = schemas.map((schema) => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  // The README's recipe: `password` is an annotation, and ajv-formats has no `idn-email`.
  ajv.addFormat("password", true);
  ajv.addFormat("idn-email", true);
  return ajv.compile(schema);
});

// ajv-formats' email format has no quoted local parts and no address literals, which the
// crate accepts: there Ajv may refuse what the crate accepts. Every other difference is a
// failure.
const onlyEmailFormat = (errors) =>
  errors.every((e) => e.instancePath === "/email" && e.keyword === "format");

let compared = 0;
let stricterEmail = 0;
let inexpressible = 0;
const failures = [];
for (const line of readFileSync(corpus, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const { policy, body, crate, explained } = JSON.parse(line);
  const validate = validators[policy];
  const ajv = validate(body);
  compared++;
  if (ajv === crate) continue;
  if (ajv && !crate && explained) {
    inexpressible++;
  } else if (!ajv && crate && onlyEmailFormat(validate.errors)) {
    stricterEmail++;
  } else {
    failures.push({ policy, body, crate, ajv, errors: validate.errors });
  }
}
for (const f of failures.slice(0, 10)) console.error(JSON.stringify(f));
console.log(
  `ajv-check: ${compared} bodies, ${compared - failures.length - stricterEmail - inexpressible} same verdict, ` +
    `${inexpressible} refused by the crate only through rules a schema cannot state, ` +
    `${stricterEmail} refused by ajv-formats' stricter email format, ${failures.length} disagreements`,
);
process.exit(failures.length === 0 && compared > 0 ? 0 : 1);
