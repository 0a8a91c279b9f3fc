//! The contract: every rule of a registration body, every error code and advisory, every
//! policy key, and every choice made where Cleeng's API page is silent.
//!
//! Cleeng's page for `POST /customers` gives the fields and a sentence each; the exact rules
//! are this crate's, and they are the same wherever a body is checked: [`RegisterRequest`]
//! (its `from_json`, its serde seed, its builder's typed parts), the JSON Schema of
//! [`schema`], the command line (`cleeng-register validate`) and the axum extractor
//! (`cleeng-register-axum`). Cleeng's answer and the Users migration file have contracts of
//! their own, in the docs of `cleeng-register-response` and `cleeng-register-migration`.
//!
//! # The body
//!
//! A JSON object. Lengths are Unicode scalar values (Rust `char`s) unless a rule says bytes. A
//! field reports its first failing rule only, except `password`, which reports every rule it
//! breaks. `null` counts as absent; an absent required field is `missing`; a present field that
//! is not a JSON string is `not_a_string` and nothing else.
//!
//! | field | required | rules, in order |
//! |---|---|---|
//! | `email` | yes | `too_long` over 254 chars (with `allowInternationalEmail`: over 254 UTF-8 bytes, a local part over 64, an A-label domain over 253 or an A-label over 63, with that `max`); `invalid_format` unless an RFC 5322 addr-spec (dot-atom or quoted local part, no comments, no display name, no `@` inside quotes) in ASCII (RFC 6531 UTF-8 with `allowInternationalEmail`: the domain must convert under IDNA2008/UTS 46, and the local part, in NFC, holds no character of the properties listed at [`Email`], no noncharacter, private-use or unassigned code point, and no combining mark first), whose local part, quoted or not, holds none of those properties' characters (but a space inside quotes), and whose domain is a globally reachable address literal (`[8.8.8.8]`, `[IPv6:2606:4700::1111]`; not `[127.0.0.1]`, `[169.254.169.254]`, `[0.0.0.0]`, `[255.255.255.255]`, `[IPv6:::1]`, `[192.0.2.1]`) or a host name of at least two labels, in any case, whose last label is not all digits (`a@192.0.2.1` and `a@localhost` fail; `jane@example.c0m` and `A@EXAMPLE.COM` pass) |
//! | `password` | yes | every one of, in this order: `too_short` under 8, `too_long` over 80, `missing_letter` (no Unicode Alphabetic char), `missing_digit_or_special` (none of `0-9 ! @ # $ % ^ &`), `control_character` (any Unicode Cc char: NUL, tab, line breaks) |
//! | `offerId` | this or `publisherId` | `invalid_format` unless `[A-Z][0-9]{9}_[A-Z]{2}`; `unknown_offer_type` unless S (subscription), P (pass), E (live event), R (rental) or A (single purchase); `unknown_code` unless the suffix is an assigned country (`UK` adds `{"suggestion":"GB"}`) |
//! | `publisherId` | this or `offerId` | `invalid_format` unless 9 ASCII digits (leading zeros allowed; a JSON number is `not_a_string`) |
//! | (root `""`) | | `offer_or_publisher_required` when both are absent (not when either is present, even invalid) |
//! | `locale` | yes | `invalid_format` unless `^[a-z]{2,3}(_[A-Z]{2})?$`; `unknown_code` when the region is not an assigned ISO 3166-1 alpha-2 code, as for `country` (`en_UK` adds `{"suggestion":"GB"}`), then when the language is not an ISO 639 code for a language (`qq`, `zz_PL`, `und`, `mis`, `mul`, `zxx`, `qaa`..`qtz` fail; `fil`, `pt`, `zh` pass; a deprecated code adds the language that replaced it, `iw_IL` `{"suggestion":"he"}`, `in_ID` `id`, `ji` `yi`); `not_supported` outside `allowedLocales` |
//! | `country` | yes | `invalid_format` unless two ASCII capitals; `unknown_code` unless an assigned ISO 3166-1 alpha-2 code (`UK` adds `{"suggestion":"GB"}`) |
//! | `currency` | yes | `invalid_format` unless three ASCII capitals; `unknown_code` unless on ISO 4217's current list (List One) and not a fund or special code (`XAU`, `XTS`, `XXX`, …); `not_supported` outside `allowedCurrencies`. Where `iso_currency`'s flags disagree with the current list, [`Currency::SUPERSEDED_VERDICTS`] decides, with a reason per code |
//! | `firstName`, `lastName` | no | `too_short` under 1; `too_long` over 50; `control_character` (Cc, Bidi_Control, the Tags block U+E0000..U+E007F, Zl and Zp: listed at [`PersonName`]); `surrounding_whitespace` (White_Space at either end); `no_visible_character` (only Default_Ignorable, White_Space or Cf characters: U+200B, U+3164, U+FE0F alone) |
//! | `externalId` | no | as names, at most 255. Unique per publisher, which needs storage: out of scope for one request |
//! | `externalData` | no | `too_large` over `maxExternalDataBytes` UTF-8 bytes (16384); `invalid_json` unless RFC 8259 JSON; `too_deep` over `maxExternalDataDepth` (32; `{}` is depth 1, `{"a":[1]}` depth 2); `not_an_object` unless the top value is an object. The text is kept byte for byte |
//! | `customerIP` | no, unless the policy says so | `missing` when absent and the policy's `customerIp` is `"required"` (whatever `country` says) or `{"requiredFor": [...]}` naming the (valid) `country`; `invalid_format` unless [`std::net::IpAddr`] parses it (no zone id, no leading-zero octet) |
//! | `captchaValue` | no | `too_short` under 1; `too_long` over 8192; `invalid_format` unless every char is `!`..`~` |
//! | other keys | | `unknown_field` (ignored with `allowUnknownFields`) |
//! | repeated keys | | `duplicate_field`; the value is not checked further |
//!
//! Whole-body errors replace all others: `too_large` (pointer `""`, `{"max": maxBodyBytes}`),
//! checked before parsing, then `malformed_body` when the body is not UTF-8, not JSON, or not
//! an object.
//!
//! # Errors
//!
//! Each error ([`FieldError`]) has `pointer` (RFC 6901: `/email`, `""` for the body, `/a~1b`
//! for a key `a/b`), `code`, `message` (English) and `params` where a limit or hint applies
//! (`min`, `max`, `suggestion`). Errors come in the table's order, then unknown and repeated
//! keys in input order.
//!
//! **No message or param ever contains a submitted value** (bodies are personal data,
//! passwords secrets), whichever way the value came in: serde included, a domain type refusing
//! a JSON number, bool or object names only the type it expected. A submitted key appears only
//! in the pointer that must name it, and every `Display` of the workspace writes client text
//! through [`report::escape`], so nothing a client sends can start a new line in a log.
//!
//! A report lists at most `maxErrors` errors (default 100); past that, the first `maxErrors`
//! are followed by `too_many_errors` at `""` with `{"max": N}`, so a body of many unknown keys
//! cannot make an answer many times its own size.
//!
//! The codes, with their params: `missing`, `not_a_string`, `too_short` (`min`), `too_long`
//! (`max`), `invalid_format`, `missing_letter`, `missing_digit_or_special`,
//! `unknown_offer_type`, `unknown_code` (`suggestion`), `offer_or_publisher_required`,
//! `not_supported`, `control_character`, `surrounding_whitespace`, `too_large` (`max`, bytes),
//! `invalid_json`, `too_deep` (`max`), `not_an_object`, `unknown_field`, `duplicate_field`,
//! `malformed_body`, `too_many_errors` (`max`), `no_visible_character`. They are API: [`ErrorCode`] lists them with
//! their sentences, `ErrorCode::as_str` never changes for an existing code, and
//! `str::parse::<ErrorCode>` reads it back.
//!
//! A service may add rules of its own ([`service_rule`]): each reports a code of the
//! service's own (`ErrorCode::Service`: snake_case, never one of the codes above, checked when
//! the code is made) at a field, with the same shape as the crate's errors and a fixed
//! sentence of the service's after the field's key. A field's service rules run only when the
//! crate's rules for it passed, and report at most one error; the request's run only when the
//! request is valid. Their errors are in the same report and problem document, in field order
//! with the crate's, count towards `maxErrors`, and never contain a submitted value.
//!
//! A service answers an invalid body with the RFC 9457 [`Problem`] document: `type`
//! (`tag:cleeng-register,2026:invalid-request-body`, a `tag:` URI to compare, not a page to
//! fetch), `title` ("Invalid request body"), `status` (400, or 422), `code` (`REQ0001`,
//! Cleeng's own, so clients written for Cleeng keep working) and `errors` exactly as above.
//! A service that answers in the request's language (`cleeng-register-messages`, as
//! `cleeng-register-axum` does, English included) words the `title`, each `message` (naming a
//! field by its label, never its JSON key) and a `detail`; the other members stay these.
//!
//! # Advisories
//!
//! A valid request may carry [`Advisory`] values: facts its sender should know, not errors.
//!
//! | code | pointer | when |
//! |---|---|---|
//! | `customer_ip_missing` | `/customerIP` | no `customerIP`: Cleeng then prices with the request's source address, and US and Canadian taxes need the customer's |
//! | `customer_ip_not_public` | `/customerIP` | the address is not globally reachable per the IANA IPv4/IPv6 Special-Purpose Address Registries (private, loopback, link-local, CGNAT, documentation, benchmarking, multicast, unspecified, ULA, IPv4-mapped forms of these, …): no geolocation, so no tax country |
//! | `offer_country_mismatch` | `/offerId` | the `offerId`'s country suffix differs from `country` |
//!
//! # Policy
//!
//! A service's choices, as a [`Policy`] (from [`Policy::builder`], [`Policy::from_json`] or
//! serde). The JSON form, every key optional (these are the defaults, but for the lists):
//!
//! ```json
//! {
//!   "allowedCurrencies": ["USD", "EUR"],
//!   "allowedLocales": ["en_US", "pl_PL"],
//!   "allowUnknownFields": false,
//!   "allowInternationalEmail": false,
//!   "customerIp": "optional",
//!   "maxBodyBytes": 65536,
//!   "maxExternalDataBytes": 16384,
//!   "maxExternalDataDepth": 32,
//!   "maxErrors": 100
//! }
//! ```
//!
//! `customerIp` is `"optional"`, `"required"` or `{"requiredFor": ["US", "CA"]}`. Ranges:
//! `maxBodyBytes` and `maxExternalDataBytes` 2 to 64 MiB, `maxExternalDataDepth` 1 to 100,
//! `maxErrors` 1 to 10,000; allow-lists are not empty. Unknown keys, unknown codes and
//! out-of-range limits are refused when the policy is built, with a message such as
//! `allowedCurrencies[1]: "XTS" is not an ISO 4217 currency in circulation`.
//!
//! # Choices where the API page is silent
//!
//! | topic | choice | why |
//! |---|---|---|
//! | email local part | at most 64 bytes; a dot-atom as `email_address` checks it, or a quoted string checked here (RFC 5322 `qcontent` and quoted pairs: `""@x.io` and `"\ "@x.io` are valid); inside quotes, the same refusals as outside (no control, White_Space but the space, Bidi_Control, Default_Ignorable or tag character) and no `@`, quoted or escaped (`invalid_format`) | `email_address` 0.2 refuses the empty quoted string and a quoted space; quotes must not hide a right-to-left override, and `"a@b"@x.io` splits differently in parsers further down the line |
//! | email address literals | globally reachable by the test of the `customer_ip_not_public` advisory, else `invalid_format` | a welcome mail to `a@[127.0.0.1]` or `a@[169.254.169.254]` would make the mail server connect to its own side of the network |
//! | international lengths | bytes, not chars: 254 for the address, 64 for the local part, 253 for the A-label domain, 63 for each A-label (`too_long`, `max` the limit broken; the sentence says "characters", which an ASCII address has as many of) | RFC 5321's limits are octets on the wire |
//! | international local part | refused (`invalid_format`): noncharacters (U+FDEF), private use (U+E000, U+10FDEF), unassigned code points, a combining mark first, text not in NFC (`e\u{301}` fails, `é` passes), quoted or not; decided from ICU4X's data (`icu_properties`, `icu_normalizer`) | RFC 6532 asks for NFC; the others show nothing, or differently on every system |
//! | email domain | a host name: at least two labels of letters, digits and inner hyphens, each 1 to 63 bytes, 253 in all, `--` in third and fourth place only in `xn--` labels (RFC 1123, RFC 5891), the last label not all digits; or an address literal `[IPv4]` or `[IPv6:…]` (the tag in any case) | `email_address` admits any `atext` in labels and any `dtext` in literals |
//! | email A-labels | an `xn--` label must be valid Punycode that IDNA2008 accepts, in any case (`a@xn--zz.ch` is refused; `a@xn--bcher-kva.ch` and `a@XN--MNCHEN-3YA.DE` pass) | a domain's case never matters, and UTS 46 maps it |
//! | international domains | converted with the `idna` crate (UTS 46, non-transitional, STD3 rules, hyphen checks); each label, in lower case, must already be what UTS 46 maps it to, so `a@MÜNCHEN.de` and `a@Sörensen.de` pass while `a@①.com` and fullwidth `a@ｅｘａｍｐｌｅ.com` are refused; lengths apply to the A-labels | case never matters; other mappings would change the address the customer typed |
//! | email display name | `Jane <j@x.io>`, and a blank one (`" <j@x.io>"`), are refused | an address, not a mailbox |
//! | locale languages | ISO 639-1 and ISO 639-3 codes as SIL's ISO 639-3 table lists them (the `isolang` crate), less ISO 639-2's four special-purpose codes (`mis`, `mul`, `und`, `zxx`, named in the code: `isolang` drops the table's Scope column); a deprecated code's suggestion is CLDR's replacement (ICU4X's `icu_locale` alias data), the language alone, as `en_UK`'s is the region alone; the region is checked first | `isolang` is the leanest kept table of assigned codes; `icu_locale` shares the ICU4X core the crate already builds; `language-tags` (IANA registry, last released 2021) has no scope either and brings a parser the crate does not need. A language-only suggestion is what the messages document can list (one entry per deprecated code, not one per code and region) |
//! | `U+FEFF` around names | accepted beside a visible character | it is neither Cc, Bidi_Control, a tag, Zl, Zp nor White_Space; a name of invisible characters alone is `no_visible_character` |
//! | name rule order | `too_short`, `too_long`, `control_character`, `surrounding_whitespace`, `no_visible_character` | white space alone keeps `surrounding_whitespace`; the new rule names only what no earlier one does |
//! | `externalData` JSON | what `serde_json::Value` accepts: numbers must fit `f64` (`1e400` is `invalid_json`), `\ud800` alone is `invalid_json`, repeated keys inside are allowed (RFC 8259 permits them) | the data must be readable by the service that stores it |
//! | `externalData` depth | the whole syntax is checked first (a text both invalid and too deep is `invalid_json`, in rule order); a text that reaches serde_json's own limit (127 levels) is `too_deep` without checking the rest | such a text is deeper than any policy allows (at most 100) |
//! | body syntax | a leading BOM, nesting 128 levels deep or more (127 pass), `1e400` or a lone surrogate anywhere make `malformed_body` | the body must be what `serde_json` reads as a `Value` |
//! | repeated keys | one `duplicate_field` per key, at its second occurrence; keys compare after unescaping (`"em\u0061il"` is `email`); `null` then a value is a repeat | |
//! | repeated unknown keys | `unknown_field` at the first, `duplicate_field` at the second, nothing more | |
//! | `customerIp.requiredFor` with an invalid `country` | no `missing` for `customerIP` | whether it is required cannot be known; the country error says what to fix. `"required"` does not depend on the country and is never silenced |
//! | `customerIP` text | kept as given (`2001:DB8::1` stays upper case) | the body round-trips byte for byte |
//! | reachability | IANA special-purpose registries (False or N/A), plus multicast; IPv4-mapped IPv6 judged by its IPv4 address; `fec0::/10` counts as public (not in the registry); the dummy prefix `100:0:0:1::/64` (RFC 9780) is not | a mapped address from a dual-stack proxy is the customer's real address |
//! | advisories | only on valid requests | an invalid request has errors to fix first |
//! | `not_supported` | no params, and only after the value is otherwise valid | params never list policy contents to clients |
//! | `Debug` | the email, names, `externalId`, `externalData`, `customerIP` and `captchaValue` show their type and length only (`Email(<redacted, 16 bytes>)`), the password `Password(***)`; [`RegisterRequest`]'s `Debug` shows every field so, codes included (a country and a locale say where someone lives), while a code type's own `Debug` (`CountryCode(PL)`) stays readable. `Display` and serde write the values, since that is how they are sent | a `{:?}` in a service's log line is the most common way personal data reaches logs |
//! | secrets in memory | the password and the captcha token are wiped when dropped, and an owned text a personal value's constructor refuses is wiped before it is freed; buffers a service owns (hyper's request body, an axum `Bytes`) are the service's, and the crate cannot wipe them | a freed block is read by whatever is allocated there next |
//! | serde errors | a body's serde error lists its errors as `pointer code` pairs; an unknown key appears in its pointer, escaped | the pointer must name the key; a key is not a value |
//!
//! # What the JSON Schema says, and what it cannot
//!
//! [`schema::request_schema`] states every rule above that JSON Schema can: lengths
//! (`minLength`/`maxLength` count code points, as the crate does), patterns (ECMA-262 with the
//! `u` flag: Unicode properties by name, no `\d`, `\s`, `\w` or `.`), the assigned country and
//! circulating currency `enum`s, `required`, "offerId or publisherId" (`anyOf`, where `null`
//! does not count), nullable optional fields, `additionalProperties: false`, `customerIP` as
//! `ipv4` or `ipv6`, and the policy's allow-lists, required `customerIP` (`required`, or
//! `if`/`then` on `country`) and `externalData` size.
//!
//! It cannot state: that `externalData` holds JSON, how deep, and that it is an object
//! (`contentMediaType`/`contentSchema` are annotations in 2020-12); sizes in bytes
//! (`maxExternalDataBytes` bounds the length in characters, which is never stricter; the body
//! limit); repeated keys (a parsed object has none); a body that is not UTF-8 or not JSON.
//! The locale's pattern states the language's shape only: whether ISO 639 assigns it is the
//! crate's (an allow-list's `enum` states it exactly). Where its `format: email` is looser (display names, comments, control characters in quoted
//! local parts, `[foo]` literals, `--` in host labels), the crate refuses; ajv-formats' `email`
//! is stricter (no quoted local parts, no address literals), so a browser form can only be
//! stricter there, never looser. The test suite replays about 90,000 generated bodies through
//! the `jsonschema` crate and, in CI, through Ajv: the crate never accepts what the schema
//! refuses, and refuses what it accepts only through the rules listed here.
//!
//! [`RegisterRequest`]: crate::RegisterRequest
//! [`schema`]: crate::schema
//! [`schema::request_schema`]: crate::schema::request_schema
//! [`Email`]: crate::Email
//! [`PersonName`]: crate::PersonName
//! [`Currency::SUPERSEDED_VERDICTS`]: crate::Currency::SUPERSEDED_VERDICTS
//! [`FieldError`]: crate::FieldError
//! [`ErrorCode`]: crate::ErrorCode
//! [`Problem`]: crate::Problem
//! [`Advisory`]: crate::Advisory
//! [`Policy`]: crate::Policy
//! [`Policy::builder`]: crate::Policy::builder
//! [`Policy::from_json`]: crate::Policy::from_json
//! [`report::escape`]: crate::report::escape
//! [`service_rule`]: crate::service_rule
