//! Writes N request bodies as NDJSON to standard output, for throughput measurements:
//! about 90% valid, 10% with assorted errors, deterministic.
//!
//!     cargo run --release --example generate_ndjson -- 1000000 > /tmp/requests.ndjson

use std::io::{BufWriter, Write};

fn main() -> std::io::Result<()> {
    let count: u64 = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let countries = ["US", "PL", "DE", "GB", "FR", "CA", "JP", "BR"];
    let currencies = ["USD", "PLN", "EUR", "GBP", "JPY", "CAD"];
    let locales = ["en_US", "pl_PL", "de_DE", "fr_FR", "ja_JP"];
    let broken = [
        r#""email":"jane@localhost""#,
        r#""password":"short""#,
        r#""country":"UK""#,
        r#""currency":"HRK""#,
        r#""locale":"en-US""#,
        r#""firstName":" Jane""#,
        r#""customerIP":"01.2.3.4""#,
        r#""externalData":"[1]""#,
        r#""nickname":"jd""#,
        r#""offerId":"X565568989_US""#,
    ];
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for i in 0..count {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let pick = |n: usize, shift: u32| (state >> shift) as usize % n;
        let country = countries[pick(countries.len(), 3)];
        write!(
            out,
            r#"{{"email":"customer{i}@example.com","password":"s3cret-{i}","offerId":"S{:09}_{country}","locale":"{}","country":"{country}","currency":"{}","customerIP":"{}.{}.{}.{}""#,
            state % 1_000_000_000,
            locales[pick(locales.len(), 11)],
            currencies[pick(currencies.len(), 17)],
            1 + pick(222, 23),
            pick(256, 31),
            pick(256, 39),
            pick(256, 47),
        )?;
        if i % 3 == 0 {
            write!(out, r#","firstName":"Jane","lastName":"Doe {i}""#)?;
        }
        if i % 10 == 7 {
            write!(out, ",{}", broken[pick(broken.len(), 53)])?;
        }
        writeln!(out, "}}")?;
    }
    out.flush()
}
