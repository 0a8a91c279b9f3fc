//! Writes a Users migration file of N records (CSV, the template's header) to standard
//! output, for throughput measurements: about 90% valid, 10% with assorted errors, every
//! email and external id distinct, deterministic. With `--ndjson`, writes the same customers
//! as registration request bodies instead, for `cleeng-register validate` beside it.
//!
//!     cargo run --release --example generate_users_csv -- 1000000 > /tmp/users.csv
//!     cargo run --release --example generate_users_csv -- 1000000 --ndjson > /tmp/users.ndjson

use std::io::{BufWriter, Write};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count: u64 = args
        .iter()
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let ndjson = args.iter().any(|a| a == "--ndjson");
    let countries = ["US", "PL", "DE", "GB", "FR", "CA", "JP", "BR"];
    let currencies = ["USD", "PLN", "EUR", "GBP", "JPY", "CAD", ""];
    let locales = ["en_US", "pl_PL", "de_DE", "fr_FR", "ja_JP"];
    let zones = ["Europe/Warsaw", "America/New_York", "UTC", "Asia/Tokyo", ""];
    // (column index, broken value) pairs: one column of the record replaced.
    let broken: [(usize, &str); 10] = [
        (2, "jane@localhost"),
        (3, "en-US"),
        (6, "UK"),
        (7, "HRK"),
        (0, " Jane"),
        (8, "01.2.3.4"),
        (4, "2025-02-30"),
        (5, "30/09/2019"),
        (9, "Mars/Base"),
        (11, "has space"),
    ];
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    if !ndjson {
        writeln!(out, "First Name,Last Name,Email*,Locale*,Last login,Create date,Country Code*,Currency*,IP Address,Timezone,External ID,Password Hash")?;
    }
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for i in 0..count {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let pick = |n: usize, shift: u32| (state >> shift) as usize % n;
        let country = countries[pick(countries.len(), 3)];
        let ip = format!(
            "{}.{}.{}.{}",
            1 + pick(222, 23),
            pick(256, 31),
            pick(256, 39),
            pick(256, 47)
        );
        let mut fields: [String; 12] = [
            "Jane".into(),
            format!("Doe {i}"),
            format!("customer{i}@example.com"),
            locales[pick(locales.len(), 11)].into(),
            format!("2024-{:02}-{:02}", 1 + pick(12, 5), 1 + pick(28, 9)),
            format!(
                "20{:02}-{:02}-{:02}",
                10 + pick(14, 13),
                1 + pick(12, 15),
                1 + pick(28, 19)
            ),
            country.into(),
            currencies[pick(currencies.len(), 17)].into(),
            ip,
            zones[pick(zones.len(), 51)].into(),
            if i % 2 == 0 {
                format!("crm-{i}")
            } else {
                String::new()
            },
            if i % 4 == 0 {
                format!("$2b$12${:053x}", state)
            } else {
                String::new()
            },
        ];
        if i % 10 == 7 {
            let (column, value) = broken[pick(broken.len(), 53)];
            fields[column] = value.into();
        }
        if ndjson {
            let currency = if fields[7].is_empty() {
                "EUR"
            } else {
                &fields[7]
            };
            write!(
                out,
                r#"{{"email":"{}","password":"s3cret-{i}","publisherId":"123456789","locale":"{}","country":"{}","currency":"{currency}","customerIP":"{}","firstName":"{}","lastName":"{}""#,
                fields[2], fields[3], fields[6], fields[8], fields[0], fields[1]
            )?;
            if !fields[10].is_empty() {
                write!(out, r#","externalId":"{}""#, fields[10])?;
            }
            writeln!(out, "}}")?;
        } else {
            writeln!(out, "{}", fields.join(","))?;
        }
    }
    out.flush()
}
