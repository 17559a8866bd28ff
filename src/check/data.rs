//! Rule `data`: advice on the data of `bars` and `matrix` blocks (those that do not parse are
//! already errors of the model): duplicate row or column labels, and `bars` groups that add up
//! to less than their `total`. A finding is placed at the label in the block's YAML.

use std::collections::{BTreeMap, BTreeSet};

use crate::blocks::Block;
use crate::diag::{Diagnostic, Rule};
use crate::messages;

use super::Page;

/// The advice for the blocks of `page`.
pub(super) fn check(page: &Page<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for figure in &page.common.body.figures {
        let yaml = page.file.text.get(figure.yaml.clone()).unwrap_or("");
        // The `nth` place of `needle` in the block's YAML, or the fence.
        let at = |needle: &str, nth: usize| -> usize {
            yaml.match_indices(needle)
                .nth(nth)
                .map_or(figure.fence, |(i, _)| figure.yaml.start + i)
        };
        match &figure.block {
            Block::Bars(spec) => {
                let Some(total) = spec.total else { continue };
                for group in &spec.groups {
                    let sum: f64 = group.items.iter().map(|i| i.value.get()).sum();
                    if sum + 1e-9 < total.get() {
                        let label = group.label.as_str();
                        out.push(
                            page.file
                                .error_at(
                                    at(label, 0),
                                    messages::bars_group_below_total_advice(
                                        label,
                                        crate::markup::fmt_num(sum),
                                        crate::markup::fmt_num(total.get()),
                                    ),
                                )
                                .with_hint(messages::bars_group_below_total_advice_hint())
                                .with_rule(Rule::Data)
                                .into_warning(),
                        );
                    }
                }
            }
            Block::Matrix(spec) => {
                let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
                for row in &spec.rows {
                    let label = row.label.as_str();
                    let n = seen.entry(label).or_insert(0);
                    *n += 1;
                    if *n == 2 {
                        out.push(
                            page.file
                                .error_at(
                                    at(label, 1),
                                    messages::matrix_row_label_twice_advice(label),
                                )
                                .with_hint(messages::matrix_row_label_twice_advice_hint())
                                .with_rule(Rule::Data)
                                .into_warning(),
                        );
                    }
                }
                let mut columns = BTreeSet::new();
                for column in &spec.columns {
                    if !columns.insert(column.as_str()) {
                        out.push(
                            page.file
                                .error_at(
                                    at("columns", 0),
                                    messages::matrix_column_label_twice_advice(column.as_str()),
                                )
                                .with_hint(messages::matrix_column_label_twice_advice_hint())
                                .with_rule(Rule::Data)
                                .into_warning(),
                        );
                    }
                }
            }
            _ => {}
        }
    }
    out
}
