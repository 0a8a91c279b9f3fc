//! The columns of Cleeng's Users migration template, written once in one table.

use std::fmt;
use std::str::FromStr;

/// One table gives the enum, [`Column::ALL`] (the template's order, which is also the order
/// of a record's errors), the names and the mandatory flags.
macro_rules! columns {
    ($($(#[$doc:meta])* $variant:ident => $name:literal, $mandatory:literal;)*) => {
        /// A column of Cleeng's Users migration template.
        ///
        /// ```
        /// use cleeng_register_migration::Column;
        /// assert_eq!(Column::CountryCode.name(), "Country Code");
        /// assert_eq!(Column::CountryCode.template_name(), "Country Code*");
        /// assert_eq!(" country code * ".parse::<Column>(), Ok(Column::CountryCode));
        /// assert!(!Column::Timezone.is_mandatory());
        /// ```
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Column {
            $($(#[$doc])* $variant,)*
        }

        impl Column {
            /// Every column, in the template's order.
            pub const ALL: [Column; columns!(@count $($variant)*)] = [$(Column::$variant,)*];

            /// The name errors point at: Cleeng's name without the `*` (`Email`).
            pub const fn name(self) -> &'static str {
                match self {
                    $(Column::$variant => $name,)*
                }
            }

            /// The name as Cleeng's template writes it in the header: with `*` when mandatory.
            pub const fn template_name(self) -> &'static str {
                match self {
                    $(Column::$variant => if $mandatory { concat!($name, "*") } else { $name },)*
                }
            }

            /// Whether a record must give a value (Cleeng marks the column with `*`).
            pub const fn is_mandatory(self) -> bool {
                match self {
                    $(Column::$variant => $mandatory,)*
                }
            }
        }
    };
    (@count $($variant:ident)*) => { 0 $(+ columns!(@one $variant))* };
    (@one $variant:ident) => { 1 };
}

columns! {
    /// `First Name`: empty, or a name as `firstName`.
    FirstName => "First Name", false;
    /// `Last Name`: empty, or a name as `lastName`.
    LastName => "Last Name", false;
    /// `Email*`: an address as `email`.
    Email => "Email", true;
    /// `Locale*`: a locale as `locale`.
    Locale => "Locale", true;
    /// `Last login`: empty, or a `YYYY-MM-DD` date not after the day of the check.
    LastLogin => "Last login", false;
    /// `Create date`: empty, or a `YYYY-MM-DD` date not after the day of the check nor the
    /// last login.
    CreateDate => "Create date", false;
    /// `Country Code*`: a code as `country`.
    CountryCode => "Country Code", true;
    /// `Currency*`: a code as `currency`; empty means Cleeng's default, EUR.
    Currency => "Currency", true;
    /// `IP Address`: an address as `customerIP`; required for US and CA.
    IpAddress => "IP Address", false;
    /// `Timezone`: empty, or an IANA time zone name.
    Timezone => "Timezone", false;
    /// `External ID`: empty, or an id as `externalId`, unique in the file.
    ExternalId => "External ID", false;
    /// `Password Hash`: empty, or 1 to 1024 printable ASCII characters without spaces.
    PasswordHash => "Password Hash", false;
}

impl Column {
    /// The number of template columns, hence of fields in every record.
    pub const COUNT: usize = Column::ALL.len();

    /// The column a header cell names: the name with or without the `*`, in any ASCII case,
    /// with white space around the name and around the `*` ignored. `None` for any other
    /// text.
    ///
    /// ```
    /// use cleeng_register_migration::Column;
    /// assert_eq!(Column::from_header("EMAIL*"), Some(Column::Email));
    /// assert_eq!(Column::from_header("  Email *"), Some(Column::Email));
    /// assert_eq!(Column::from_header("ip address"), Some(Column::IpAddress));
    /// assert_eq!(Column::from_header("E-mail"), None);
    /// assert_eq!(Column::from_header("Email**"), None);
    /// ```
    pub fn from_header(cell: &str) -> Option<Column> {
        let cell = cell.trim();
        let name = cell.strip_suffix('*').map_or(cell, str::trim_end);
        Column::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(name))
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A header cell that names no template column.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct UnknownColumn;

impl fmt::Display for UnknownColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a column of Cleeng's Users migration template")
    }
}

impl std::error::Error for UnknownColumn {}

impl FromStr for Column {
    type Err = UnknownColumn;

    /// As [`Column::from_header`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Column::from_header(s).ok_or(UnknownColumn)
    }
}
