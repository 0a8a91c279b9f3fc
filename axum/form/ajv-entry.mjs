// The entry of the Ajv browser bundle (ajv2020.js): Ajv's draft 2020-12 class and
// ajv-formats, exposed as the global `cleengAjv`. bundle.mjs builds it.
export { default as Ajv2020 } from "ajv/dist/2020.js";
export { default as addFormats } from "ajv-formats";
