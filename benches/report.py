#!/usr/bin/env python3
"""Prints the ratios of the last `cargo bench` run from target/criterion (mean times).

ratio = cleeng_register / baseline: below 1.0 the crate is faster than the baseline."""
import json, pathlib, sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")

def mean(group, name):
    p = root / group / name / "new" / "estimates.json"
    return json.loads(p.read_text())["mean"]["point_estimate"] if p.exists() else None

def fmt(ns):
    return f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.0f} ns"

BASES = ["serde_plain_strings", "serde_plain_strings_then_ignored_any", "serde_borrowed", "value_jsonschema"]
print("| request | cleeng_register | serde, String fields | ratio | String fields, then IgnoredAny over externalData | ratio | serde, borrowed | ratio | Value + jsonschema | ratio |")
print("|---|---|---|---|---|---|---|---|---|---|")
for group in ["typical_valid", "maximal_valid", "invalid_every_field", "allow_lists", "external_4k"]:
    ours = mean(group, "cleeng_register")
    if ours is None:
        continue
    cells = [group, fmt(ours)]
    for base in BASES:
        b = mean(group, base)
        cells += [fmt(b), f"{ours / b:.2f}"] if b else ["-", "-"]
    print("| " + " | ".join(cells) + " |")
ours, base = mean("response_typical", "cleeng_register"), mean("response_typical", "serde_strings_base64_value")
if ours and base:
    print(f"\n| answer | cleeng_register | serde Strings + base64 + Value | ratio |\n|---|---|---|---|\n| response/typical | {fmt(ours)} | {fmt(base)} | {ours / base:.2f} |")
typical, invalid = mean("typical_valid", "cleeng_register"), mean("invalid_every_field", "cleeng_register")
if typical and invalid:
    print(f"\ninvalid (error in every field) / typical valid: {invalid / typical:.2f}")

print("\n| type | valid | invalid | String::from | valid / String::from |")
print("|---|---|---|---|---|")
for group in ["email", "password", "offer_id", "publisher_id", "locale", "country", "currency",
              "person_name", "external_id", "custom_data", "customer_ip", "captcha_token"]:
    v, i, s = mean(group, "valid"), mean(group, "invalid"), mean(group, "string_from")
    if v and i and s:
        print(f"| {group} | {fmt(v)} | {fmt(i)} | {fmt(s)} | {v / s:.2f} |")
ours, base = mean("problem_invalid_every_field", "cleeng_register"), mean("problem_invalid_every_field", "serde_json_problem")
if ours and base:
    print(f"\n| problem document | to_problem_json | serde_json over Problem | ratio |\n|---|---|---|---|\n| invalid_every_field | {fmt(ours)} | {fmt(base)} | {ours / base:.2f} |")
