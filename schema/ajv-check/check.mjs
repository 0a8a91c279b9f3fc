// Replays the corpus the Rust differential tests wrote (CLEENG_AJV_CORPUS) through Ajv, the
// validator browsers use, and checks that Ajv's verdict is the crate's. Then asks Ajv about
// every code point where the character rules decide (names, external ids, the local part of
// an international address): the schema names Unicode properties (\p{Bidi_Control}, ...),
// which the browser's engine reads from its own Unicode data, and its verdict on each code
// point must be the crate's.
//
// usage: node check.mjs CORPUS.ndjson
//   (CORPUS.schemas.json and CORPUS.codepoints.json, written by the same run, beside it)
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

// Each probe is one character between fixed text (`a` and `b` in a name), with the ranges of
// code points the crate refuses there; the property's own pattern decides in Ajv. The only
// exceptions are the `unstated` ranges, refused by the crate through rules no pattern states
// (an unassigned code point, a local part not in NFC): Ajv may say either there.
const probes = JSON.parse(readFileSync(corpus.replace(/\.ndjson$/, ".codepoints.json"), "utf8"));
let codePoints = 0;
const codePointFailures = [];
for (const { policy, key, before, after, refused, unstated = [] } of probes) {
  const ajv = new Ajv2020({ strict: true });
  const validate = ajv.compile({ type: "string", pattern: schemas[policy].properties[key].pattern });
  let range = 0;
  let skip = 0;
  for (let c = 0; c <= 0x10ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates are not characters
    while (range < refused.length && refused[range][1] < c) range++;
    const crate = !(range < refused.length && refused[range][0] <= c);
    while (skip < unstated.length && unstated[skip][1] < c) skip++;
    if (skip < unstated.length && unstated[skip][0] <= c) continue;
    codePoints++;
    if (validate(before + String.fromCodePoint(c) + after) !== crate) {
      codePointFailures.push({ policy, key, codePoint: `U+${c.toString(16).toUpperCase().padStart(4, "0")}`, crate });
    }
  }
}
for (const f of codePointFailures.slice(0, 10)) console.error(JSON.stringify(f));
console.log(
  `ajv-check: ${probes.length} character probes over every code point (${codePoints} checks), ` +
    `${codePointFailures.length} disagreements`,
);
const ok = failures.length === 0 && compared > 0 && codePointFailures.length === 0 && probes.length > 0;
process.exit(ok ? 0 : 1);
