// A validator from an Ajv standalone validation function (generated at build time, so that
// nothing is compiled at run time: no `new Function`, no `eval`) and the crate's messages.
import { crateErrors } from "./errors.js";

// ajv-formats' `email` format refuses quoted local parts and address literals, which the
// crate accepts: alone, such a refusal is left to the server, so that the browser never
// refuses what the server accepts. (The schema's email pattern still refuses.)
const stricterThanServer = (e) => e.instancePath === "/email" && e.keyword === "format";

/**
 * The best of `available` languages for `lang`: a tag or a list of tags in order of
 * preference (`navigator.languages`), matched exactly, then by their language alone
 * (`pt-BR` → `pt`); else `fallback`.
 */
export function resolveLanguage(lang, available, fallback = "en") {
  const wanted = (Array.isArray(lang) ? lang : [lang]).filter((t) => typeof t === "string" && t !== "");
  const lower = new Map(available.map((a) => [a.toLowerCase(), a]));
  for (const tag of wanted) {
    const normal = tag.replace(/_/g, "-").toLowerCase();
    if (lower.has(normal)) return lower.get(normal);
    const language = normal.split("-")[0];
    if (lower.has(language)) return lower.get(language);
  }
  return fallback;
}

/**
 * `validate(body, { lang })` for one policy: `standalone` is Ajv's standalone function for the
 * policy's request schema, compiled with `allErrors: true`; `catalogs` maps a language tag to
 * the messages document in that language (`en` at least).
 */
export function createValidator({ standalone, catalogs }) {
  const languages = Object.keys(catalogs);
  if (!languages.includes("en")) throw new Error("cleeng-register: the catalogs need an `en` document");
  function validate(body, { lang } = {}) {
    const language = resolveLanguage(lang, languages);
    const messages = catalogs[language];
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      const rule = messages.root.find((r) => r.code === "malformed_body");
      return { valid: false, errors: [{ pointer: "", code: rule.code, params: rule.params ?? {}, message: rule.message }], lang: language };
    }
    const ajvErrors = standalone(body) ? [] : standalone.errors.filter((e) => !stricterThanServer(e));
    if (ajvErrors.length === 0) return { valid: true, errors: [], lang: language };
    const { errors } = crateErrors(ajvErrors, body, messages);
    return { valid: false, errors, lang: language };
  }
  return Object.assign(validate, { languages });
}
