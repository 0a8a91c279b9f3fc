// What a frontend team writes with the package: a typed body, validate in the page's
// language, and each message put under its field by its pointer. test/consumer.sh compiles
// it with `tsc --strict`, bundles it with esbuild, and weighs the bundle.
import { keyOfPointer, validate, type ErrorCode, type RegisterRequest, type ValidationError } from "cleeng-register";

// The types read as a person would write them: a required string, an optional one (tsc
// refuses this file when they are anything else, `string & (unknown & unknown)` included).
type Exactly<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export const typesAsWritten: [
  Exactly<RegisterRequest["password"], string>,
  Exactly<RegisterRequest["customerIP"], string | undefined>,
  Exactly<Pick<RegisterRequest, "customerIP">, { customerIP?: string }>,
] = [true, true, true];
const password: RegisterRequest["password"] = "s3cret-pass";
const customerIP: RegisterRequest["customerIP"] = undefined;

export const example: RegisterRequest = {
  email: "jane.doe@example.com",
  password,
  offerId: "S565568989_GB",
  locale: "en_GB",
  country: "GB",
  currency: "GBP",
  ...(customerIP === undefined ? {} : { customerIP }),
};

/** The messages of `body` by the body key they are about ("" for the whole body). */
export function messagesByField(body: unknown, lang: readonly string[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  const { errors } = validate(body, { lang });
  for (const error of errors) {
    const key = error.pointer === "" ? "" : keyOfPointer(error.pointer);
    byField.set(key, [...(byField.get(key) ?? []), error.message]);
  }
  return byField;
}

/** Whether an error is one a form shows beside a field (not one about the whole body). */
export const isFieldError = (error: ValidationError): boolean => error.pointer !== "";

const tooShort: ErrorCode = "too_short";
export const passwordTooShort = (body: RegisterRequest): boolean =>
  validate(body).errors.some((e) => e.pointer === "/password" && e.code === tooShort);
