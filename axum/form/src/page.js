// What both pages share: the page's language, errors placed under their fields by pointer
// (with aria-invalid, aria-describedby and the focus on the first invalid field), and the
// server's verdict. Nothing a person typed is ever written into the page: every message is
// set with textContent, and no message repeats a submitted value.
import { keyOfPointer, pointerOfKey, resolveLanguage } from "cleeng-register";

/** The page's language among `available`: `?lang=`, else the browser's languages, else en. */
export function pageLanguage(available) {
  const asked = new URLSearchParams(location.search).get("lang");
  return resolveLanguage([...(asked ? [asked] : []), ...navigator.languages], available);
}

const paragraphs = (lines) =>
  lines.map((line) => {
    const p = document.createElement("p");
    p.textContent = line.message;
    if (line.lang && line.lang !== document.documentElement.lang) p.lang = line.lang;
    return p;
  });

export const errorsBox = (form, key) => form.querySelector(`[data-error-for="${CSS.escape(key)}"]`);

/** Takes a field's messages away. */
export function clearField(form, key) {
  const box = errorsBox(form, key);
  const input = form.elements[key];
  if (!box || !input) return;
  box.replaceChildren();
  input.removeAttribute("aria-invalid");
  const described = (input.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id && id !== box.id);
  if (described.length) input.setAttribute("aria-describedby", described.join(" "));
  else input.removeAttribute("aria-describedby");
}

export function clearAll(form) {
  for (const box of form.querySelectorAll("[data-error-for]")) clearField(form, box.dataset.errorFor);
}

/**
 * Puts each error (`{ pointer, message, lang? }`) under the field its pointer names, marks
 * the field invalid and describes it by its messages. Returns the errors that have no field
 * on this page (the whole body, keys the page does not ask for), and the fields marked.
 */
export function place(form, errors) {
  const elsewhere = [];
  const byKey = new Map();
  for (const error of errors) {
    const key = error.pointer.startsWith("/") ? keyOfPointer(error.pointer) : null;
    const input = key === null ? null : form.elements[key];
    if (key !== null && input && errorsBox(form, key) && error.pointer === pointerOfKey(key) && input.type !== "hidden") {
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key).push(error);
    } else {
      elsewhere.push(error);
    }
  }
  for (const [key, lines] of byKey) {
    const box = errorsBox(form, key);
    const input = form.elements[key];
    box.replaceChildren(...paragraphs(lines));
    input.setAttribute("aria-invalid", "true");
    const described = (input.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id && id !== box.id);
    input.setAttribute("aria-describedby", [...described, box.id].join(" "));
  }
  return { elsewhere, fields: [...byKey.keys()] };
}

/** Moves the focus to the first field, in the page's order, that is marked invalid. */
export function focusFirstInvalid(form) {
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) first.focus();
  return first !== null;
}

/** Shows the outcome in [data-result]: a heading and a list of messages. */
export function showResult(result, verdict, heading, lines = []) {
  result.dataset.verdict = verdict;
  const children = [Object.assign(document.createElement("p"), { textContent: heading })];
  if (lines.length) {
    const list = document.createElement("ul");
    list.replaceChildren(
      ...lines.map((line) => {
        const li = Object.assign(document.createElement("li"), { textContent: line.message });
        if (line.lang && line.lang !== document.documentElement.lang) li.lang = line.lang;
        return li;
      }),
    );
    children.push(list);
  }
  result.replaceChildren(...children);
}

/**
 * Posts the body to the gateway, asking for its messages in `lang`: `{ status, ok, answer,
 * lang }` (`lang` the answer's Content-Language, English without one), or null when no
 * server answered.
 */
export async function post(body, lang) {
  let response;
  try {
    response = await fetch("/customers", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, application/problem+json",
        "accept-language": lang,
      },
      body: JSON.stringify(body),
    });
  } catch {
    return null;
  }
  const answer = await response.json().catch(() => ({}));
  return { status: response.status, ok: response.ok, answer, lang: response.headers.get("content-language") ?? "en" };
}

/** The server's errors, in the answer's language, as the page places them. */
export const serverErrors = ({ answer, lang }) =>
  Array.isArray(answer.errors) ? answer.errors.map((e) => ({ pointer: e.pointer, message: e.message, lang })) : [];
