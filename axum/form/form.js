// The registration form's script. It checks the body in the browser with Ajv (draft 2020-12
// and ajv-formats, from ajv2020.js) against the request schema the gateway serves, words
// each error with the crate's own sentences (the messages document the crate generates),
// then posts the body and shows the server's verdict the same way: each error under its
// field by its pointer, errors about the whole body in [data-result].
//
// Nothing a person typed is ever written into the page: messages are set with textContent,
// and the crate's messages never repeat a submitted value.
"use strict";

(() => {
  // ---- From Ajv's errors to the crate's ------------------------------------------------

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

  const keyOfPointer = (pointer) => pointer.split("/")[1].replace(/~1/g, "/").replace(/~0/g, "~");
  const pointerOfKey = (key) => "/" + key.replace(/~/g, "~0").replace(/\//g, "~1");

  // Which of a field's rules the schema refused, when the keyword states several rules (an
  // enum is a code's shape and its list; a name's pattern is its controls and its white
  // space): the messages document gives each rule but the last a pattern that a value
  // keeping it matches. "first" fields break the first rule whose pattern fails (or the
  // first without one); "every" fields (the password) each rule whose pattern fails.
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

  const entry = (pointer, rule) => {
    const error = { pointer, code: rule.code, message: rule.message };
    if (rule.params) error.params = rule.params;
    return error;
  };

  // The crate's errors for `body`, from Ajv's `errors` (compiled with allErrors) and the
  // messages document: the pointers, codes, params and sentences the crate reports, in its
  // order. Errors it cannot map are logged and left out.
  function crateErrors(errors, body, messages) {
    const fieldIndex = new Map(messages.fields.map((field, i) => [field.key, i]));
    const found = messages.fields.map(() => new Set());
    const rootAfter = messages.fields.map(() => []);
    const otherKeys = [];
    const rootRule = (code) => messages.root.find((rule) => rule.code === code);
    const otherKeyRule = (code) => messages.otherKeys.find((rule) => rule.code === code);
    // The branches of an anyOf are details of the anyOf's own error.
    const anyOfs = errors.filter((e) => e.keyword === "anyOf").map((e) => e.schemaPath + "/");
    const inBranch = (e) => anyOfs.some((path) => e.schemaPath.startsWith(path));
    const keyOf = (e) => (e.keyword === "required" ? e.params.missingProperty : keyOfPointer(e.instancePath));
    for (const error of errors) {
      if (inBranch(error) || error.keyword === "if") continue;
      if (error.instancePath === "" && error.keyword !== "required") {
        if (error.keyword === "anyOf") {
          // One of several keys must be given (as a string): the crate says so only when
          // every one is absent, since a present one has its own error.
          const keys = errors.filter((e) => e.schemaPath.startsWith(error.schemaPath + "/")).map(keyOf);
          if (keys.every((key) => body[key] === undefined || body[key] === null)) {
            const last = Math.max(...keys.map((key) => fieldIndex.get(key)));
            rootAfter[last].push(entry("", rootRule("offer_or_publisher_required")));
          }
        } else if (error.keyword === "additionalProperties") {
          const key = error.params.additionalProperty;
          otherKeys.push(entry(pointerOfKey(key), otherKeyRule("unknown_field")));
        } else if (error.keyword === "type") {
          return [entry("", rootRule("malformed_body"))];
        } else {
          console.error("cleeng-register form: no crate rule for", error.schemaPath);
        }
        continue;
      }
      const key = keyOf(error);
      const index = fieldIndex.get(key);
      const broken = index === undefined ? [] : rulesOf(error, messages.fields[index], body[key]);
      if (broken.length === 0) console.error("cleeng-register form: no crate rule for", error.schemaPath);
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
      return [...out.slice(0, tooMany.params.max), entry("", tooMany)];
    }
    return out;
  }

  // A rule's error for `value`; an unknown code the crate has a suggestion for gets it.
  function worded(field, rule, value) {
    const suggestion = (rule.suggestions || []).find((s) => matches(s.pattern, value));
    return entry(field.pointer, suggestion ? { ...suggestion, code: rule.code } : rule);
  }

  // Ajv as the schema's own recipe says: draft 2020-12, every error, strict; `password` is an
  // annotation and ajv-formats has no `idn-email`.
  function newValidator(schema) {
    const ajv = new cleengAjv.Ajv2020({ allErrors: true, strict: true, strictTypes: false });
    cleengAjv.addFormats(ajv);
    ajv.addFormat("password", true);
    ajv.addFormat("idn-email", true);
    return ajv.compile(schema);
  }

  // ---- The page -------------------------------------------------------------------------

  const form = document.getElementById("register");
  const result = form.querySelector("[data-result]");
  const submit = form.querySelector("button[type=submit]");

  // The schema and the messages: the gateway's, or the checked-in files when the page is
  // opened from the repository (a static server, or a file: URL where the browser allows it).
  const fromServer = ["schema.json", "messages.json"];
  const fromRepository = ["../../schema/register-request.schema.json", "../../schema/messages.json"];

  function getJson(path) {
    const url = new URL(path, location.href);
    if (url.protocol === "file:") {
      // fetch() has no file: scheme; XMLHttpRequest reads files where the browser allows it.
      return new Promise((resolve, reject) => {
        const request = new XMLHttpRequest();
        request.open("GET", url);
        request.onload = () => (request.responseText ? resolve(JSON.parse(request.responseText)) : reject(new Error(path)));
        request.onerror = () => reject(new Error(`cannot read ${path}`));
        request.send();
      });
    }
    return fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${path}: ${r.status}`))));
  }

  async function load() {
    const sources = location.protocol === "file:" ? [fromRepository] : [fromServer, fromRepository];
    let failure;
    for (const [schemaPath, messagesPath] of sources) {
      try {
        const [schema, messages] = await Promise.all([getJson(schemaPath), getJson(messagesPath)]);
        return { schema, messages, served: schemaPath === fromServer[0] };
      } catch (e) {
        failure = e;
      }
    }
    throw failure;
  }

  const show = (element, lines) => {
    element.replaceChildren(...lines.map((line) => Object.assign(document.createElement("p"), { textContent: line })));
  };

  function fieldErrorsBox(key) {
    return form.querySelector(`[data-error-for="${CSS.escape(key)}"]`);
  }

  function clearField(key) {
    show(fieldErrorsBox(key), []);
    form.elements[key].removeAttribute("aria-invalid");
  }

  // Puts each error under its field by its pointer; the others (the whole body, keys that
  // are not fields) are returned.
  function place(errors) {
    const elsewhere = [];
    const byKey = new Map();
    for (const error of errors) {
      const key = error.pointer.startsWith("/") ? keyOfPointer(error.pointer) : null;
      if (key !== null && fieldErrorsBox(key) && error.pointer === pointerOfKey(key)) {
        if (!byKey.has(key)) byKey.set(key, []);
        byKey.get(key).push(error.message);
      } else {
        elsewhere.push(error.message);
      }
    }
    for (const [key, lines] of byKey) {
      show(fieldErrorsBox(key), lines);
      form.elements[key].setAttribute("aria-invalid", "true");
    }
    return elsewhere;
  }

  function showResult(verdict, heading, lines) {
    result.dataset.verdict = verdict;
    const list = document.createElement("ul");
    list.replaceChildren(...lines.map((line) => Object.assign(document.createElement("li"), { textContent: line })));
    result.replaceChildren(Object.assign(document.createElement("p"), { textContent: heading }), ...(lines.length ? [list] : []));
  }

  // The body: every filled field, as typed (an empty field is an absent one).
  function bodyOf() {
    const body = {};
    for (const element of form.elements) {
      if (element.name && element.value !== "") body[element.name] = element.value;
    }
    return body;
  }

  async function serverVerdict(body) {
    let response;
    try {
      response = await fetch(new URL("customers", location.href), {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, application/problem+json" },
        body: JSON.stringify(body),
      });
    } catch {
      showResult("unknown", "The browser's check passed, but no server answered.", []);
      return;
    }
    const answer = await response.json().catch(() => ({}));
    if (response.ok) {
      const advisories = (answer.advisories || []).map((a) => a.message);
      showResult("valid", "The server accepts this registration.", advisories);
    } else if (Array.isArray(answer.errors)) {
      showResult("invalid", `The server refused the registration (${response.status}).`, place(answer.errors));
    } else {
      showResult("invalid", `The server refused the request (${response.status}).`, answer.detail ? [answer.detail] : []);
    }
  }

  function start({ schema, messages, served }) {
    const validate = newValidator(schema);
    // ajv-formats' email format refuses quoted local parts and address literals, which the
    // crate accepts: alone, it is left for the server to judge, so that the page never
    // refuses what the server accepts. (The schema's email pattern still refuses here.)
    const stricterThanServer = (e) => e.instancePath === "/email" && e.keyword === "format";
    const check = (body) => {
      const errors = validate(body) ? [] : validate.errors.filter((e) => !stricterThanServer(e));
      return errors.length ? crateErrors(errors, body, messages) : [];
    };
    const touched = new Set();
    for (const key of Object.keys(schema.properties)) {
      const input = form.elements[key];
      if (!input || !fieldErrorsBox(key)) {
        console.error("cleeng-register form: no input for", key);
        continue;
      }
      input.setAttribute("aria-describedby", fieldErrorsBox(key).id);
      const example = schema.properties[key].examples?.[0];
      if (typeof example === "string" && key !== "password") input.placeholder = example;
      // Typing puts away the field's messages; leaving a field that was typed in shows its
      // own errors again. (Messages that went away on blur would move the button under a
      // pointer on its way to it.)
      input.addEventListener("input", () => {
        touched.add(key);
        clearField(key);
      });
      input.addEventListener("blur", () => {
        if (touched.has(key)) place(check(bodyOf()).filter((e) => e.pointer === pointerOfKey(key)));
      });
    }
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const started = performance.now();
      for (const key of Object.keys(schema.properties)) if (form.elements[key]) clearField(key);
      const body = bodyOf();
      const errors = check(body);
      if (errors.length) {
        showResult("invalid", "Please correct the marked fields.", place(errors));
        performance.measure("cleeng-register:browser-check", { start: started });
        return;
      }
      if (!served) {
        showResult("unknown", "The browser's check passed. Open the form from the gateway for the server's verdict.", []);
        return;
      }
      submit.disabled = true;
      showResult("pending", "The browser's check passed; asking the server…", []);
      try {
        await serverVerdict(body);
      } finally {
        submit.disabled = false;
        performance.measure("cleeng-register:server-verdict", { start: started });
      }
    });
    submit.disabled = false;
  }

  const ready = load().then(
    (documents) => {
      start(documents);
      return documents;
    },
    (error) => {
      console.error("cleeng-register form:", error);
      showResult("unknown", "The form cannot load its schema and messages: open it from the gateway " +
        "(or serve the repository and open axum/form/index.html).", []);
      throw error;
    },
  );
  ready.catch(() => {}); // said above; the promise still tells a caller that loading failed

  // For the browser test and for people at the console.
  window.cleengForm = { ready, newValidator, crateErrors };
})();
