//! Dutch for the texts kennis writes itself (graphic descriptions, captions, counts): lists
//! ("a, b en c"), counts with their noun in singular or plural, and numbers the Dutch way.
//! The one place for these; blocks and pages use them rather than their own.

/// "a", "a en b", "a, b en c".
pub(crate) fn list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} en {}", rest.join(", "), last.as_ref())
        }
    }
}

/// `n` with its noun: "1 groep", "3 groepen".
pub(crate) fn count(n: usize, one: &str, more: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { more })
}

/// Formats a number the Dutch way for labels: `1.234.567`, `12,5`.
pub(crate) fn number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let negative = value < 0.0;
    let rounded = (value.abs() * 10.0).round() / 10.0;
    let int = rounded.trunc() as u64;
    let frac = ((rounded - rounded.trunc()) * 10.0).round() as u64;
    let digits = int.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if negative { "-" } else { "" };
    if frac == 0 {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_counts_and_numbers_read_as_dutch() {
        assert_eq!(list::<&str>(&[]), "");
        assert_eq!(list(&["a"]), "a");
        assert_eq!(list(&["a", "b"]), "a en b");
        assert_eq!(list(&["a", "b", "c"]), "a, b en c");
        assert_eq!(count(1, "groep", "groepen"), "1 groep");
        assert_eq!(count(0, "groep", "groepen"), "0 groepen");
        assert_eq!(number(1234567.0), "1.234.567");
        assert_eq!(number(12.5), "12,5");
        assert_eq!(number(0.0), "0");
        assert_eq!(number(999.0), "999");
    }
}
