// A frontend's use of the generated types: build a registration body, read Cleeng's answer,
// show a validating service's problem document. `check.sh` compiles it with
// `tsc --strict --noEmit` against the types openapi-typescript generates from
// ../openapi.json, so a change there that breaks this code fails CI.
import type { components, operations } from "./generated/api";

type RegisterRequest = components["schemas"]["RegisterRequest"];
type Problem = components["schemas"]["Problem"];
type FieldError = components["schemas"]["FieldError"];
type Responses = operations["registerCustomer"]["responses"];
type Registered = Responses[200]["content"]["application/json"];
type CleengError = Responses[422]["content"]["application/json"];

/** A request body; the compiler checks names, required fields and enum codes. */
export function buildRequest(email: string, password: string): RegisterRequest {
  return {
    email,
    password,
    publisherId: "123456789",
    locale: "en_US",
    country: "US",
    currency: "USD",
    customerIP: "203.0.113.7",
  };
}

// @ts-expect-error a body without `email` does not compile
export const noEmail: RegisterRequest = {
  password: "s3cret-pass",
  publisherId: "123456789",
  locale: "en_US",
  country: "US",
  currency: "USD",
};

// @ts-expect-error `UK` is not an ISO 3166-1 code: the country is an enum
export const badCountry: RegisterRequest = { ...buildRequest("a@example.com", "s3cret-pass"), country: "UK" };

/** What the app keeps from a 200 answer: the id (a number or digit string) and the JWT. */
export function readRegistered(answer: Registered): { customerId: string; jwt: string } {
  const { customerId, jwt } = answer.responseData;
  return { customerId: String(customerId), jwt };
}

/** Messages per field, keyed by the JSON Pointer's field name ("" is the whole form). */
export function messagesByField(problem: Problem): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  problem.errors.forEach((error: FieldError) => {
    const field = error.pointer.slice(1).replace(/~1/g, "/").replace(/~0/g, "~");
    const text = error.code === "too_short" && error.params?.min !== undefined
      ? `${error.message} (${error.params.min} or more)`
      : error.message;
    byField.set(field, [...(byField.get(field) ?? []), text]);
  });
  return byField;
}

/** Cleeng's code from an error body: top-level `code`, else the first of `errors`. */
export function cleengCode(body: CleengError): string | undefined {
  const first = body.errors?.[0];
  return body.code ?? (typeof first === "string" ? first : first?.code);
}

/** One call, every documented answer handled. */
export async function register(baseUrl: string, body: RegisterRequest): Promise<string> {
  const response = await fetch(`${baseUrl}/customers`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const contentType = response.headers.get("Content-Type") ?? "";
  if (response.ok) {
    return readRegistered((await response.json()) as Registered).customerId;
  }
  if (contentType.startsWith("application/problem+json")) {
    const problem = (await response.json()) as Problem;
    return [...messagesByField(problem).entries()].map(([f, m]) => `${f}: ${m.join("; ")}`).join("\n");
  }
  const error = (await response.json()) as CleengError;
  return cleengCode(error) ?? `HTTP ${response.status}`;
}
