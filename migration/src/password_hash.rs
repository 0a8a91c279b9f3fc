//! `Password Hash`: a secret, redacted and wiped.

use std::fmt;

use zeroize::Zeroizing;

use cleeng_register::error::{Violation, Wording};
use cleeng_register::ValueError;

use crate::MigrationErrorCode;

// The sentence names MAX_CHARS; a test of the message keeps the two together.
static PASSWORD_HASH_WORDING: Wording = Wording::new(
    "password hash",
    "must be 1 to 1024 printable ASCII characters without spaces",
);

/// A customer's password hash from the system being left: 1 to 1024 printable ASCII
/// characters (`!`..`~`, so no space, tab or line break). Its algorithm is not checked:
/// Cleeng's template leaves it open.
///
/// It is a secret: `Debug` prints `PasswordHash(***)`, there is no `Display`, the text is read
/// only through [`PasswordHash::expose_secret`], and the memory is wiped on drop.
///
/// ```
/// use cleeng_register_migration::PasswordHash;
/// use cleeng_register_migration::MigrationErrorCode;
/// let hash = PasswordHash::parse("$2b$12$abcdefghijklmnopqrstuv")?;
/// assert_eq!(format!("{hash:?}"), "PasswordHash(***)");
/// assert_eq!(hash.expose_secret(), "$2b$12$abcdefghijklmnopqrstuv");
/// assert_eq!(PasswordHash::parse("a b").unwrap_err().code(), MigrationErrorCode::InvalidFormat);
/// # Ok::<(), cleeng_register::ValueError<cleeng_register_migration::MigrationErrorCode>>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(Zeroizing<String>);

impl PasswordHash {
    /// The most characters allowed.
    pub const MAX_CHARS: usize = 1024;

    /// Checks the rules and copies the secret.
    pub fn parse(s: &str) -> Result<Self, ValueError<MigrationErrorCode>> {
        let printable = s.bytes().all(|b| (b'!'..=b'~').contains(&b));
        if s.is_empty() || s.len() > PasswordHash::MAX_CHARS || !printable {
            // One code for every way to fail, as the template states one rule.
            return Err(ValueError::new(
                &PASSWORD_HASH_WORDING,
                Violation::new(MigrationErrorCode::InvalidFormat),
            ));
        }
        Ok(PasswordHash(Zeroizing::new(s.to_owned())))
    }

    /// The secret text. Named so that every read of it is visible in review.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(***)")
    }
}
