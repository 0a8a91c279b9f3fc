// The customer's registration form (GET /): only what a customer fills. The site's own
// values (the offer or publisher, the locale, the currency) come from the page configuration
// the gateway serves from its flags (GET /config.json); the customer's IP is the gateway's to
// fill; the captcha is the site's widget, through a hook (below). The body is checked in the
// browser by the cleeng-register package, in the page's language, then posted; the server's
// answer is placed the same way, by pointer.
//
// The captcha hook: a script of the site (a file of the page's origin, as its CSP asks)
// renders its widget into [data-captcha] and gives the form a function that returns the
// widget's token (or a promise of it):
//     window.cleengRegister.setCaptcha(() => grecaptcha.getResponse());
// or, before this script has run, `window.cleengRegisterCaptcha = () => …`. The form calls it
// on submit, once the browser's check passes, and sends the token as captchaValue.
import { requestSchema, validate } from "cleeng-register";
import { clearAll, clearField, focusFirstInvalid, pageLanguage, place, post, serverErrors, showResult } from "./page.js";
import { STRINGS } from "./strings.js";

const form = document.querySelector("form");
const result = form.querySelector("[data-result]");
const submit = form.querySelector("button[type=submit]");
const lang = pageLanguage(Object.keys(STRINGS));
const text = STRINGS[lang];
document.documentElement.lang = lang;
for (const element of document.querySelectorAll("[data-text]")) element.textContent = text[element.dataset.text];
document.title = text.title;

// The names a customer may give: the policy's schema decides (a policy without them hides them).
for (const key of ["firstName", "lastName"]) {
  if (!(key in requestSchema.properties)) form.querySelector(`[data-field="${key}"]`).remove();
}

// The countries the schema allows, by their names in the page's language, in its order.
const countries = requestSchema.properties.country.enum;
const names = new Intl.DisplayNames([lang], { type: "region", fallback: "code" });
const collator = new Intl.Collator(lang);
const select = form.elements.country;
select.replaceChildren(
  new Option(text.choose, ""),
  ...countries
    .map((code) => ({ code, name: names.of(code) }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ code, name }) => new Option(name, code)),
);

let captcha = typeof window.cleengRegisterCaptcha === "function" ? window.cleengRegisterCaptcha : null;

const CUSTOMER_FIELDS = ["email", "password", "firstName", "lastName", "country"];
function bodyOf(config) {
  const body = {};
  for (const key of ["offerId", "publisherId", "locale", "currency"]) if (config[key]) body[key] = config[key];
  for (const key of CUSTOMER_FIELDS) {
    const value = form.elements[key]?.value;
    if (value) body[key] = value;
  }
  return body;
}

function check(body) {
  const { errors, lang: messagesLang } = validate(body, { lang });
  return errors.map((e) => ({ ...e, lang: messagesLang }));
}

async function start() {
  const response = await fetch("/config.json");
  if (!response.ok) throw new Error(`GET /config.json: ${response.status}`);
  const config = await response.json();
  const touched = new Set();
  for (const key of CUSTOMER_FIELDS) {
    const input = form.elements[key];
    if (!input) continue;
    input.addEventListener("input", () => {
      touched.add(key);
      clearField(form, key);
    });
    // Leaving a field that was typed in shows its own errors (not the others').
    input.addEventListener("blur", (event) => {
      // Not on the way to the button: a message appearing then would move the button away
      // from under the pointer, and the click would miss it (the submit shows every message).
      if (event.relatedTarget === submit) return;
      if (touched.has(key)) place(form, check(bodyOf(config)).filter((e) => e.pointer === `/${key}`));
    });
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const started = performance.now();
    clearAll(form);
    const body = bodyOf(config);
    const errors = check(body);
    if (errors.length) {
      const { elsewhere } = place(form, errors);
      showResult(result, "invalid", text.invalid, elsewhere);
      if (!focusFirstInvalid(form)) result.focus();
      performance.measure("cleeng-register:browser-check", { start: started });
      return;
    }
    submit.disabled = true;
    showResult(result, "pending", text.pending);
    try {
      if (captcha) {
        try {
          body.captchaValue = await captcha();
        } catch {
          showResult(result, "invalid", text.captchaFailed);
          return;
        }
      }
      const answer = await post(body, lang);
      if (answer === null) {
        showResult(result, "unknown", text.noServer);
      } else if (answer.ok) {
        showResult(result, "valid", text.accepted);
      } else {
        const errors = serverErrors(answer);
        const { elsewhere } = place(form, errors);
        const detail = errors.length ? elsewhere : [{ message: answer.answer.detail ?? String(answer.status), lang: answer.lang }];
        showResult(result, "invalid", text.refused, detail);
        if (!focusFirstInvalid(form)) result.focus();
      }
    } finally {
      submit.disabled = false;
      performance.measure("cleeng-register:server-verdict", { start: started });
    }
  });
  submit.disabled = false;
  return config;
}

const ready = start().catch((error) => {
  console.error("cleeng-register form:", error.message);
  showResult(result, "unknown", text.unavailable);
  throw error;
});
ready.catch(() => {});

// The hooks: the captcha (above), and for the tests and the console, when the form is ready.
window.cleengRegister = {
  ready,
  setCaptcha(provider) {
    captcha = provider;
  },
};
