// From Ajv's errors to the crate's: the one place that maps the schema's keywords to the
// crate's codes, params and messages. It reads the messages document the crate generates
// (`cleeng_register::messages::document`): every rule of every field in the order the
// crate checks them, with its code, params, sentence, and for rules a single keyword states
// together (an enum is a code's shape and its list) a pattern a value keeping the rule matches.
//
// Nothing here writes a submitted value, a pattern or a list into a message: every message
// is a sentence of the document.

// The schema keywords that decide one rule alone, and the codes of those rules.
const BY_KEYWORD = {
  required: ["missing"],
  type: ["not_a_string"],
  minLength: ["too_short"],
  maxLength: ["too_long", "too_large"],
};
const KEYWORD_CODES = new Set(Object.values(BY_KEYWORD).flat());

const patterns = new Map();
const matches = (pattern, value) => {
  if (!patterns.has(pattern)) patterns.set(pattern, new RegExp(pattern, "u"));
  return typeof value === "string" && patterns.get(pattern).test(value);
};

/** The body key a JSON pointer's first token names (RFC 6901 unescaped). */
export const keyOfPointer = (pointer) => pointer.split("/")[1].replace(/~1/g, "/").replace(/~0/g, "~");
/** The JSON pointer of a body key. */
export const pointerOfKey = (key) => "/" + key.replace(/~/g, "~0").replace(/\//g, "~1");

// Which of a field's rules the schema refused, when the keyword states several rules: the
// document gives each rule but the last a pattern that a value keeping it matches. "first"
// fields break the first rule whose pattern fails (or the first without one); "every"
// fields (the password) each rule whose pattern fails.
function brokenByShape(field, value) {
  const shape = field.rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => !KEYWORD_CODES.has(rule.code));
  const keeps = ({ rule }) => rule.pattern !== undefined && matches(rule.pattern, value);
  if (field.reports === "every") {
    return shape.filter((r) => r.rule.pattern !== undefined && !keeps(r)).map((r) => r.index);
  }
  const first = shape.find((r) => !keeps(r));
  return first ? [first.index] : [];
}

// The indexes of `field`'s rules one Ajv error stands for.
function rulesOf(error, field, value) {
  let codes = BY_KEYWORD[error.keyword];
  // A null is an absent field to the crate, so a null where a string is required is missing.
  if (error.keyword === "type" && value === null) codes = BY_KEYWORD.required;
  if (!codes) return brokenByShape(field, value);
  const index = field.rules.findIndex((rule) => codes.includes(rule.code));
  return index < 0 ? [] : [index];
}

// The error of a rule: where, the code, its params (always an object) and the sentence.
const entry = (pointer, rule) => ({ pointer, code: rule.code, params: rule.params ?? {}, message: rule.message });

// A rule's error for `value`; an unknown code the crate has a suggestion for gets it.
function worded(field, rule, value) {
  const suggestion = (rule.suggestions || []).find((s) => matches(s.pattern, value));
  return entry(field.pointer, suggestion ? { ...suggestion, code: rule.code } : rule);
}

/**
 * The crate's errors for `body`, from Ajv's `errors` (compiled with `allErrors`) and the
 * messages document: the pointers, codes, params and sentences the crate reports, in its
 * order. Returns `{ errors, unmapped }`, `unmapped` holding the Ajv errors no rule stands for
 * (none, for a schema and a document of the same crate version and policy).
 */
export function crateErrors(ajvErrors, body, messages) {
  const fieldIndex = new Map(messages.fields.map((field, i) => [field.key, i]));
  const found = messages.fields.map(() => new Set());
  const rootAfter = messages.fields.map(() => []);
  const otherKeys = [];
  const unmapped = [];
  const rootRule = (code) => messages.root.find((rule) => rule.code === code);
  const otherKeyRule = (code) => messages.otherKeys.find((rule) => rule.code === code);
  // The branches of an anyOf are details of the anyOf's own error.
  const anyOfs = ajvErrors.filter((e) => e.keyword === "anyOf").map((e) => e.schemaPath + "/");
  const inBranch = (e) => anyOfs.some((path) => e.schemaPath.startsWith(path));
  const keyOf = (e) => (e.keyword === "required" ? e.params.missingProperty : keyOfPointer(e.instancePath));
  for (const error of ajvErrors) {
    if (inBranch(error) || error.keyword === "if") continue;
    if (error.instancePath === "" && error.keyword !== "required") {
      if (error.keyword === "anyOf") {
        // One of several keys must be given (as a string): the crate says so only when
        // every one is absent, since a present one has its own error.
        const keys = ajvErrors.filter((e) => e.schemaPath.startsWith(error.schemaPath + "/")).map(keyOf);
        if (keys.every((key) => body[key] === undefined || body[key] === null)) {
          const last = Math.max(...keys.map((key) => fieldIndex.get(key)));
          rootAfter[last].push(entry("", rootRule("offer_or_publisher_required")));
        }
      } else if (error.keyword === "additionalProperties") {
        otherKeys.push(entry(pointerOfKey(error.params.additionalProperty), otherKeyRule("unknown_field")));
      } else if (error.keyword === "type") {
        return { errors: [entry("", rootRule("malformed_body"))], unmapped };
      } else {
        unmapped.push(error);
      }
      continue;
    }
    const key = keyOf(error);
    const index = fieldIndex.get(key);
    const broken = index === undefined ? [] : rulesOf(error, messages.fields[index], body[key]);
    if (broken.length === 0) unmapped.push(error);
    for (const rule of broken) found[index].add(rule);
  }
  const out = [];
  messages.fields.forEach((field, i) => {
    let broken = [...found[i]].sort((a, b) => a - b);
    // A field that is missing, or not a string, has that error alone (those rules come
    // first); else its first broken rule, or every one.
    const alone = broken.length > 0 && ["missing", "not_a_string"].includes(field.rules[broken[0]].code);
    if (field.reports === "first" || alone) broken = broken.slice(0, 1);
    for (const index of broken) out.push(worded(field, field.rules[index], body[field.key]));
    out.push(...rootAfter[i]);
  });
  out.push(...otherKeys);
  const tooMany = rootRule("too_many_errors");
  if (tooMany && out.length > tooMany.params.max) {
    return { errors: [...out.slice(0, tooMany.params.max), entry("", tooMany)], unmapped };
  }
  return { errors: out, unmapped };
}
