//! The template's own value types: calendar dates, IANA time zone names, password hashes.

use cleeng_register_migration::MigrationErrorCode as ErrorCode;
use cleeng_register_migration::{CalendarDate, PasswordHash, TimeZoneName};
use proptest::prelude::*;

fn date_code(s: &str) -> Option<ErrorCode> {
    s.parse::<CalendarDate>().err().map(|e| e.code())
}

#[test]
fn february_29_exists_in_leap_years_only() {
    for ok in ["2024-02-29", "2000-02-29", "1996-02-29"] {
        assert_eq!(date_code(ok), None, "{ok}");
    }
    for bad in [
        "2025-02-29",
        "1900-02-29",
        "2100-02-29",
        "2025-02-30",
        "2024-02-30",
    ] {
        assert_eq!(date_code(bad), Some(ErrorCode::InvalidFormat), "{bad}");
    }
}

#[test]
fn month_and_day_ranges_are_real_ones() {
    for ok in [
        "2025-01-31",
        "2025-04-30",
        "2025-12-31",
        "0000-01-01",
        "9999-12-31",
        "2025-01-01",
    ] {
        assert_eq!(date_code(ok), None, "{ok}");
    }
    for bad in [
        "2025-04-31",
        "2025-13-01",
        "2025-00-10",
        "2025-01-00",
        "2025-01-32",
    ] {
        assert_eq!(date_code(bad), Some(ErrorCode::InvalidFormat), "{bad}");
    }
}

#[test]
fn only_the_exact_yyyy_mm_dd_shape_is_a_date() {
    for bad in [
        "30/09/2025",
        "09/30/2025",
        "2025/09/30",
        "2025-9-30",
        "2025-09-3",
        "20250930",
        "+002025-09-30",
        "2025-09-30T10:00",
        "2025-09-30 ",
        " 2025-09-30",
        "2025-09-30Z",
        "２０２５-09-30",
        "",
        "2025-O9-30",
        "-2025-09-30",
    ] {
        assert_eq!(date_code(bad), Some(ErrorCode::InvalidFormat), "{bad:?}");
    }
}

#[test]
fn a_date_displays_as_it_was_written_and_never_echoes_in_errors() {
    let date: CalendarDate = "0987-06-05".parse().unwrap();
    assert_eq!(date.to_string(), "0987-06-05");
    assert_eq!(format!("{date:?}"), "CalendarDate(0987-06-05)");
    assert_eq!(serde_json::to_string(&date).unwrap(), r#""0987-06-05""#);
    let err = "1999-99-99".parse::<CalendarDate>().unwrap_err();
    assert!(!err.to_string().contains("1999") && !format!("{err:?}").contains("1999"));
}

proptest! {
    #[test]
    fn every_jiff_date_in_four_digit_years_round_trips(days in 0i64..3_652_059) {
        let date = jiff::civil::date(0, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
        let text = CalendarDate::from(date).to_string();
        prop_assert_eq!(text.parse::<CalendarDate>().unwrap().date(), date);
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,12}") {
        let _ = s.parse::<CalendarDate>();
        let _ = s.parse::<TimeZoneName>();
        let _ = PasswordHash::parse(&s);
    }
}

#[test]
fn iana_names_from_the_bundled_database_are_time_zones() {
    for ok in [
        "UTC",
        "America/New_York",
        "Europe/Amsterdam",
        "Europe/Warsaw",
        "Asia/Kolkata",
        "Etc/GMT+5",
        "US/Eastern",
    ] {
        let tz: TimeZoneName = ok.parse().unwrap_or_else(|e| panic!("{ok}: {e}"));
        assert_eq!(tz.as_str(), ok);
        assert_eq!(tz.to_string(), ok);
        assert_eq!(format!("{tz:?}"), format!("TimeZoneName({ok})"));
        assert_eq!(tz.time_zone().iana_name(), Some(ok));
    }
    assert!(TimeZoneName::all().count() > 400);
    assert!(TimeZoneName::CLEENG_DEFAULT.parse::<TimeZoneName>().is_ok());
}

#[test]
fn anything_else_is_unknown_code() {
    for bad in [
        "Mars/Olympus_Mons",
        "america/new_york",
        "UTC ",
        " UTC",
        "America/New York",
        "EST5EDT ",
        "+02:00",
        "CET+1",
        "",
        "Europe/",
        "Europe/Amsterdam/",
        "GMT+25",
    ] {
        let err = bad.parse::<TimeZoneName>().unwrap_err();
        assert_eq!(err.code(), ErrorCode::UnknownCode, "{bad:?}");
    }
}

#[test]
fn a_password_hash_is_1_to_1024_printable_ascii_without_spaces() {
    let max = "h".repeat(1024);
    for ok in [
        "x",
        "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
        "!~",
        max.as_str(),
    ] {
        assert_eq!(PasswordHash::parse(ok).unwrap().expose_secret(), ok);
    }
    let over = "h".repeat(1025);
    for bad in [
        "",
        "a b",
        " ab",
        "ab ",
        "a\tb",
        "a\nb",
        "zażółć",
        "a\u{7f}b",
        over.as_str(),
    ] {
        let err = PasswordHash::parse(bad).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidFormat, "{bad:?}");
    }
}

#[test]
fn a_password_hash_never_shows_in_debug_or_errors() {
    let hash = PasswordHash::parse("s3cr3t-hash").unwrap();
    assert_eq!(format!("{hash:?}"), "PasswordHash(***)");
    let err = PasswordHash::parse("s3cr3t hash").unwrap_err();
    assert!(!err.to_string().contains("s3cr3t") && !format!("{err:?}").contains("s3cr3t"));
}
