// Compiles a request schema of cleeng-register (the crate's schema/register-request.schema.json,
// or `cleeng-register schema --policy FILE` for another policy) into an Ajv *standalone*
// validation module: the code Ajv would otherwise generate with `new Function` at run time,
// generated here at build time and bundled by esbuild with the few Ajv runtime helpers and
// ajv-formats' formats it uses into one ES module with no import. Used by the package's own
// build (lib/build.mjs) and by `cleeng-register-build-validator` (bin/).
//
// Needs ajv, ajv-formats and esbuild (optional peer dependencies of the package).
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

function load(name) {
  try {
    return require(name);
  } catch {
    throw new Error(
      `cleeng-register: building a validator needs ${name.split("/")[0]}: npm install --save-dev ajv@8 ajv-formats@3 esbuild`,
    );
  }
}

/** The Ajv standalone source (CommonJS, with `require`s of Ajv's runtime) for `schema`. */
export function standaloneSource(schema) {
  const Ajv2020 = load("ajv/dist/2020").default;
  const addFormats = load("ajv-formats").default;
  const standaloneCode = load("ajv/dist/standalone").default;
  // The schema's own recipe: draft 2020-12, every error, strict but for types (the schema
  // states `type` beside `anyOf` branches that state it again); `password` is an annotation
  // and ajv-formats has no `idn-email` (the crate's rule for it is the server's).
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, code: { source: true } });
  addFormats(ajv);
  ajv.addFormat("password", true);
  ajv.addFormat("idn-email", true);
  return standaloneCode(ajv, ajv.compile(schema));
}

/**
 * An ES module whose default export is the standalone validation function for `schema`, with
 * no import and no dynamic code: Ajv's standalone source bundled by esbuild.
 */
export async function standaloneModule(schema) {
  const { build } = load("esbuild");
  const result = await build({
    stdin: { contents: standaloneSource(schema), resolveDir: dirname(fileURLToPath(import.meta.url)), loader: "js" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2020",
    legalComments: "none",
    write: false,
  });
  const code = result.outputFiles[0].text;
  if (/\bnew Function\b|\beval\s*\(/.test(code)) throw new Error("cleeng-register: the standalone validator evaluates code");
  return code;
}

// ---- Types ---------------------------------------------------------------------------------

const comment = (text, indent = "") =>
  text ? `${indent}/** ${text.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim()} */\n` : "";

/**
 * The TypeScript interface of the request body, as a person would write it: each field a
 * `string` (the crate reads `null` as an absent field, so an optional field is `?: string`),
 * its description as its doc comment, in `order` (the crate's order of the fields).
 */
export function requestInterface(schema, order = [], name = "RegisterRequest") {
  const required = new Set(schema.required ?? []);
  // The crate's order of the fields (the messages document's), then any other.
  const keys = [...order.filter((k) => k in schema.properties), ...Object.keys(schema.properties).filter((k) => !order.includes(k))];
  const lines = keys.map((key) => {
    const property = schema.properties[key];
    const types = [property.type ?? []].flat().filter((t) => t !== "null");
    const type = types.length === 1 && ["string", "number", "boolean"].includes(types[0]) ? types[0] : "unknown";
    const written = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
    return `${comment(property.description, "  ")}  ${written}${required.has(key) ? "" : "?"}: ${type};`;
  });
  const extra = schema.additionalProperties === false ? "" : "  /** The policy allows unknown keys. */\n  [key: string]: unknown;\n";
  return `${comment(schema.description)}export interface ${name} {\n${lines.join("\n")}\n${extra}}\n`;
}

/** The union of the codes the messages document holds, as a TypeScript type. */
export function codeUnion(messages) {
  const codes = new Set();
  for (const field of messages.fields) {
    for (const rule of field.rules) codes.add(rule.code);
    if (field.duplicate) codes.add(field.duplicate.code);
  }
  for (const rule of [...messages.root, ...messages.otherKeys]) codes.add(rule.code);
  return [...codes].sort().map((c) => JSON.stringify(c)).join(" | ");
}
