// The schema's differential corpus through the package's validate, as a consumer's bundle
// runs it in Node and in Chromium (test/consumer.sh, test/replay.mjs, test/browser.mjs).
//
// Each corpus line is {policy, body, crate, explained}: the crate's verdict, and whether its
// errors are all ones a schema cannot state (the documented exceptions of
// schema/ajv-check/check.mjs). `rust` holds, per policy, the crate's errors of each of that
// policy's bodies in corpus order (the CLI's `validate` lines).
import { messages, validate as defaultPolicy, type MessagesDocument, type Validate } from "cleeng-register";
import { validate as strictPolicy } from "./policy-1.js";
import { validate as regionalPolicy } from "./policy-2.js";

interface Line {
  policy: number;
  body: unknown;
  crate: boolean;
  explained: boolean;
}
interface RustLine {
  valid: boolean;
  errors: { pointer: string; code: string; params?: Record<string, string | number>; message: string }[];
}

export interface Replay {
  bodies: number;
  sameVerdict: number;
  /** Refused by the crate only through rules a schema cannot state. */
  serverOnly: number;
  disagreements: { policy: number; body: unknown; crate: boolean }[];
  /** Bodies both refuse, and those whose (pointer, code) lists are the same. */
  bothRefuse: number;
  samePairs: number;
  /** Kinds of difference: "crate only /email invalid_format" and the like, with counts. */
  kinds: Record<string, number>;
  differences: { policy: number; body: unknown; crate: string[]; package: string[] }[];
  /** Messages of the default policy that are not a sentence of its messages document. */
  notInDocument: string[];
  /**
   * Default policy, bodies whose (pointer, code) lists agree: by language, how many have the
   * crate's params and messages too, of how many compared, and a few that do not.
   */
  words: Record<string, { same: number; compared: number; differ: { crate: string[]; package: string[] }[] }>;
  millis: number;
}

// Every sentence of a messages document: a message is always one of them, so it never holds
// a submitted value, a pattern or a list.
function sentences(document: MessagesDocument): Set<string> {
  const all = new Set<string>();
  for (const rule of [...document.root, ...document.otherKeys]) all.add(rule.message);
  for (const field of document.fields) {
    for (const rule of field.rules) {
      all.add(rule.message);
      for (const suggestion of rule.suggestions ?? []) all.add(suggestion.message);
    }
  }
  return all;
}
const defaultSentences = sentences(messages);

/** The package's English document, for replay.mjs to read its words. */
export { messages };

const validators: Validate[] = [defaultPolicy, strictPolicy, regionalPolicy];
/** The languages of each policy's validator. */
export const languages = validators.map((v) => [...v.languages]);

const full = (errors: { pointer: string; code: string; params?: Record<string, string | number>; message: string }[]) =>
  errors.map((e) => JSON.stringify([e.pointer, e.code, e.params ?? {}, e.message]));

/**
 * `rust[n]`: the CLI's lines for policy n's bodies with `--lang en` (the catalog's English, the
 * server's); `worded[lang]`: its lines for policy 0's bodies with `--lang lang`.
 */
export function replay(corpus: string, rust: string[], worded: Record<string, string> = {}): Replay {
  const started = Date.now();
  const out: Replay = {
    bodies: 0, sameVerdict: 0, serverOnly: 0, disagreements: [], bothRefuse: 0, samePairs: 0,
    kinds: {}, differences: [], notInDocument: [], words: {}, millis: 0,
  };
  const wordedLines = Object.entries({ en: rust[0] ?? "", ...worded }).map(
    ([lang, text]) => [lang, text.split("\n").filter((l) => l.trim() !== "")] as const,
  );
  for (const [lang] of wordedLines) out.words[lang] = { same: 0, compared: 0, differ: [] };
  const crateLines = rust.map((text) => text.split("\n").filter((l) => l.trim() !== ""));
  const seen = validators.map(() => 0);
  for (const text of corpus.split("\n")) {
    if (text.trim() === "") continue;
    const line = JSON.parse(text) as Line;
    const validate = validators[line.policy];
    const rustText = crateLines[line.policy]?.[seen[line.policy]!++];
    if (!validate || rustText === undefined) throw new Error(`no validator or crate answer for policy ${line.policy}`);
    const crate = JSON.parse(rustText) as RustLine;
    if (crate.valid !== line.crate) throw new Error("the CLI's verdict is not the corpus's: the two are out of step");
    const ours = validate(line.body, { lang: "en" });
    out.bodies++;
    if (ours.valid === line.crate) out.sameVerdict++;
    else if (ours.valid && !line.crate && line.explained) out.serverOnly++;
    else out.disagreements.push({ policy: line.policy, body: line.body, crate: line.crate });
    if (line.policy === 0) {
      for (const e of ours.errors) if (!defaultSentences.has(e.message)) out.notInDocument.push(e.message);
    }
    if (ours.valid || line.crate) continue;
    out.bothRefuse++;
    const pairs = (errors: { pointer: string; code: string }[]) => errors.map((e) => `${e.pointer} ${e.code}`);
    const theirs = pairs(crate.errors);
    const mine = pairs(ours.errors);
    if (theirs.join("\n") === mine.join("\n")) {
      out.samePairs++;
      if (line.policy === 0) {
        const index = seen[0]! - 1;
        for (const [lang, lines] of wordedLines) {
          const crateWords = full((JSON.parse(lines[index]!) as RustLine).errors);
          const packageWords = full(validate(line.body, { lang }).errors);
          const words = out.words[lang]!;
          words.compared++;
          if (crateWords.join("\n") === packageWords.join("\n")) words.same++;
          else if (words.differ.length < 3) words.differ.push({ crate: crateWords, package: packageWords });
        }
      }
      continue;
    }
    const kinds = new Set<string>();
    for (const p of theirs) if (!mine.includes(p)) kinds.add(`crate only: ${p}`);
    for (const p of mine) if (!theirs.includes(p)) kinds.add(`package only: ${p}`);
    if (kinds.size === 0) kinds.add("same pairs, another order");
    for (const kind of kinds) out.kinds[kind] = (out.kinds[kind] ?? 0) + 1;
    if (out.differences.length < 5) out.differences.push({ policy: line.policy, body: line.body, crate: theirs, package: mine });
  }
  out.millis = Date.now() - started;
  return out;
}
