// The developer's form (GET /dev/): every field of the body as a text input, checked by the
// cleeng-register package and then by the server, each message under its field by pointer,
// the server's verdict and advisories in [data-result]. English, as the server's messages.
import { requestSchema } from "cleeng-register";
import { createValidator } from "cleeng-register/create";
import en from "cleeng-register/messages/en";
import standalone from "cleeng-register/standalone";
import { clearAll, clearField, focusFirstInvalid, place, post, serverErrors, showResult } from "./page.js";

const form = document.querySelector("form");
const result = form.querySelector("[data-result]");
const submit = form.querySelector("button[type=submit]");
const keys = Object.keys(requestSchema.properties);

// The body: every filled field, as typed (an empty field is an absent one).
function bodyOf() {
  const body = {};
  for (const key of keys) {
    const value = form.elements[key]?.value;
    if (value) body[key] = value;
  }
  return body;
}

// English only: the package's validator with the one document this page needs.
const validate = createValidator({ standalone, catalogs: { en } });
const check = (body) => validate(body, { lang: "en" }).errors;

const touched = new Set();
for (const key of keys) {
  const input = form.elements[key];
  if (!input) {
    console.error("cleeng-register form: no input for", key);
    continue;
  }
  const example = requestSchema.properties[key].examples?.[0];
  if (typeof example === "string" && key !== "password") input.placeholder = example;
  input.addEventListener("input", () => {
    touched.add(key);
    clearField(form, key);
  });
  input.addEventListener("blur", (event) => {
    // Not on the way to the button: a message appearing then would move the button away
    // from under the pointer, and the click would miss it (the submit shows every message).
    if (event.relatedTarget === submit) return;
    if (touched.has(key)) place(form, check(bodyOf()).filter((e) => e.pointer === `/${key}`));
  });
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const started = performance.now();
  clearAll(form);
  const body = bodyOf();
  const errors = check(body);
  if (errors.length) {
    const { elsewhere } = place(form, errors);
    showResult(result, "invalid", "Please correct the marked fields.", elsewhere);
    focusFirstInvalid(form);
    performance.measure("cleeng-register:browser-check", { start: started });
    return;
  }
  submit.disabled = true;
  showResult(result, "pending", "The browser's check passed; asking the server…");
  try {
    const answer = await post(body, "en");
    if (answer === null) {
      showResult(result, "unknown", "The browser's check passed, but no server answered.");
    } else if (answer.ok) {
      const advisories = (answer.answer.advisories ?? []).map((a) => ({ message: a.message }));
      showResult(result, "valid", "The server accepts this registration.", advisories);
    } else if (Array.isArray(answer.answer.errors)) {
      const { elsewhere } = place(form, serverErrors(answer));
      showResult(result, "invalid", `The server refused the registration (${answer.status}).`, elsewhere);
      focusFirstInvalid(form);
    } else {
      const detail = answer.answer.detail ? [{ message: answer.answer.detail }] : [];
      showResult(result, "invalid", `The server refused the request (${answer.status}).`, detail);
    }
  } finally {
    submit.disabled = false;
    performance.measure("cleeng-register:server-verdict", { start: started });
  }
});
submit.disabled = false;

// For the tests and for people at the console.
window.cleengRegister = { ready: Promise.resolve(), validate };
