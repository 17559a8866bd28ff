//! Typed values for block YAML, with the safety limits of hostile or mistaken input.
//!
//! Each limit rejects the value while it is deserialized, so serde_yaml reports it at the exact
//! line and column of the value in the Markdown file.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

use crate::messages;
use crate::source::HINT_MARK;

/// Largest value a chart accepts: beyond it a value is surely a mistake, and geometry derived
/// from it would lose precision.
pub(crate) const MAX_VALUE: f64 = 1e12;
/// Most items in one list of a block (bars in a group, tiles, rows, recommendations).
pub(crate) const MAX_ITEMS: usize = 30;
/// Longest text of one label or cell, in characters.
pub(crate) const MAX_TEXT: usize = 2000;

/// A deserialize error with a hint (see `source::HINT_MARK`).
fn invalid<E: de::Error>(message: messages::Text, hint: messages::Text) -> E {
    E::custom(format!("{message}{HINT_MARK}{hint}"))
}

/// A number as an editor would write it: `1e300` rather than 301 digits.
fn shown(v: f64) -> String {
    if v.is_finite() && (v.abs() >= 1e15 || (v != 0.0 && v.abs() < 1e-6)) {
        format!("{v:e}")
    } else {
        v.to_string()
    }
}

/// A non-negative, finite number no larger than `MAX_VALUE`.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub(crate) struct Count(pub(crate) f64);

impl Count {
    /// The number.
    pub(crate) fn get(self) -> f64 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CountVisitor;
        impl Visitor<'_> for CountVisitor {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(messages::value_expected_count().as_str())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
                self.visit_f64(v as f64)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
                self.visit_f64(v as f64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
                if !v.is_finite() {
                    return Err(invalid(
                        messages::value_not_finite(v),
                        messages::value_not_finite_hint(),
                    ));
                }
                if v < 0.0 {
                    return Err(invalid(
                        messages::value_negative(shown(v)),
                        messages::value_negative_hint(),
                    ));
                }
                if v > MAX_VALUE {
                    return Err(invalid(
                        messages::value_too_large(shown(v)),
                        messages::value_too_large_hint(),
                    ));
                }
                Ok(Count(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Count, E> {
                let v: String = v.chars().take(40).collect();
                Err(invalid(
                    messages::value_is_text(format_args!("{v:?}")),
                    messages::value_is_text_hint(),
                ))
            }
        }
        deserializer.deserialize_any(CountVisitor)
    }
}

/// A piece of text that is not empty and at most `MAX_TEXT` characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Text(pub(crate) String);

impl Text {
    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(messages::value_expected_text().as_str())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                let trimmed = v.trim();
                if trimmed.is_empty() {
                    return Err(invalid(messages::text_empty(), messages::text_empty_hint()));
                }
                if trimmed.chars().count() > MAX_TEXT {
                    return Err(invalid(
                        messages::text_too_long(MAX_TEXT),
                        messages::text_too_long_hint(),
                    ));
                }
                Ok(Text(trimmed.to_string()))
            }
            // Numbers and booleans written where text is expected are taken as their text
            // (`label: 2024`), which is what an editor means.
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Text, E> {
                Ok(Text(if v { "ja" } else { "nee" }.to_string()))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

/// Checks a list's length against `MAX_ITEMS` and emptiness; `what` names the list (`` `rows` ``,
/// or a message such as `bars_group_items`).
pub(crate) fn check_len(what: impl fmt::Display, len: usize) -> Option<super::Problem> {
    if len == 0 {
        Some(super::Problem::new(
            messages::list_empty(&what),
            messages::list_empty_hint(&what),
        ))
    } else if len > MAX_ITEMS {
        Some(super::Problem::new(
            messages::list_too_long(&what, len, MAX_ITEMS),
            messages::list_too_long_hint(),
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_reject_negative_non_finite_huge_and_text() {
        assert_eq!(serde_yaml::from_str::<Count>("12").unwrap().get(), 12.0);
        assert_eq!(serde_yaml::from_str::<Count>("0.5").unwrap().get(), 0.5);
        for bad in ["-3", ".nan", ".inf", "1e300", "twaalf"] {
            assert!(serde_yaml::from_str::<Count>(bad).is_err(), "{bad}");
        }
        let e = serde_yaml::from_str::<Count>("-3").unwrap_err().to_string();
        assert!(e.starts_with("de waarde -3 is negatief"), "{e}");
        let e = serde_yaml::from_str::<Count>("1e300")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("de waarde 1e300 is groter"), "{e}");
        let e = messages::speaking(messages::Language::English, || {
            serde_yaml::from_str::<Count>("1e300")
                .unwrap_err()
                .to_string()
        });
        assert!(e.starts_with("the value 1e300 is larger"), "{e}");
        let e = serde_yaml::from_str::<Count>("twaalf")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("\"twaalf\" is tekst, geen getal"), "{e}");
    }

    #[test]
    fn texts_are_trimmed_and_must_not_be_empty() {
        assert_eq!(serde_yaml::from_str::<Text>("' a '").unwrap().as_str(), "a");
        assert_eq!(
            serde_yaml::from_str::<Text>("2024").unwrap().as_str(),
            "2024"
        );
        assert!(serde_yaml::from_str::<Text>("''").is_err());
        let long = format!("'{}'", "x".repeat(MAX_TEXT + 1));
        assert!(serde_yaml::from_str::<Text>(&long).is_err());
    }
}
