//! Commands: glue between the command line and the pipeline. No build logic lives here.

pub mod build;
pub mod check;
pub mod init;
pub mod new;
pub mod serve;

use std::time::{SystemTime, UNIX_EPOCH};

use crate::messages::{self, Text};

/// Checks `--lang`: `nl` or `en`.
pub fn parse_language(code: &str) -> Result<messages::Language, String> {
    messages::Language::from_code(code).ok_or_else(|| messages::lang_choices().to_string())
}

/// Prints `error: message` on stderr, and `  = help: hint` under it when there is a hint
/// (the labels in the run's language), as a diagnostic without a place.
pub(crate) fn print_error(message: Text, hint: Option<Text>) {
    eprintln!("{}: {message}", messages::error_label());
    if let Some(hint) = hint {
        eprintln!("  = {}: {hint}", messages::hint_label());
    }
}

/// Prints a value of the command line that kennis refused, with `reason`, and where to read
/// how the command is used (for `main`, before a command runs).
pub fn print_invalid_value(value: &str, argument: &str, reason: &str) {
    print_error(
        messages::usage_invalid_value(value, argument, reason),
        Some(messages::usage_see_help()),
    );
}

/// Prints `warning: message` on stderr.
pub(crate) fn print_warning(message: Text) {
    eprintln!("{}: {message}", messages::warning_label());
}

/// The current UTC date and time as (year, month, day, hour, minute).
pub(crate) fn now_utc() -> (i64, u32, u32, u32, u32) {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    (y, m, d, (rest / 3600) as u32, (rest % 3600 / 60) as u32)
}

/// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_148), (2025, 3, 1));
    }
}
