//! `flow`: process diagrams in stages, e.g. Figuur 1 of Al doende leren (Dataverzameling →
//! Analyse → Rapporteren).
//!
//! Drawn top to bottom so that it reads on a phone: per stage a numbered header bar, its steps
//! as cards below it (a count as an "n = 12" badge), and a downward arrow to the next stage.

use serde::Deserialize;

use super::Problem;
use super::values::{Count, Text};
use crate::font;
use crate::markup::{Element, fmt_num};
use crate::messages;
use crate::palette::Paint;
use crate::svg::{self, Anchor, Drawing, PAD, SMALL, TEXT, TextStyle, WIDTH};

/// Most stages in one diagram.
const MAX_STAGES: usize = 8;
/// Most steps in one stage.
const MAX_STEPS: usize = 12;

/// One step of a stage.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Step {
    /// What happens.
    pub(crate) title: Text,
    /// More words.
    pub(crate) text: Option<Text>,
    /// A count (e.g. number of interviews).
    pub(crate) n: Option<Count>,
}

/// One stage.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Stage {
    /// Name of the stage.
    pub(crate) name: Text,
    /// Its steps.
    pub(crate) steps: Vec<Step>,
}

/// What the editor writes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Spec {
    /// Heading of the graphic.
    pub(crate) title: Text,
    /// The source's label (`Figuur 1`).
    pub(crate) label: Option<Text>,
    /// Caption.
    pub(crate) caption: Option<String>,
    /// The stages in order.
    pub(crate) stages: Vec<Stage>,
}

/// 1 to 8 stages, each with 1 to 12 steps.
pub(crate) fn validate(spec: &Spec) -> Vec<Problem> {
    let mut problems = Vec::new();
    let count = spec.stages.len();
    if count == 0 {
        problems.push(Problem::new(
            messages::flow_no_stages(),
            messages::flow_no_stages_hint(),
        ));
    } else if count > MAX_STAGES {
        problems.push(Problem::new(
            messages::flow_too_many_stages(count, MAX_STAGES),
            messages::flow_too_many_stages_hint(),
        ));
    }
    for (i, stage) in spec.stages.iter().enumerate() {
        let steps = stage.steps.len();
        let which = messages::flow_stage(i + 1, &stage.name);
        if steps == 0 {
            problems.push(Problem::new(
                messages::flow_stage_no_steps(&which),
                messages::flow_stage_no_steps_hint(),
            ));
        } else if steps > MAX_STEPS {
            problems.push(Problem::new(
                messages::flow_stage_too_many_steps(&which, steps, MAX_STEPS),
                messages::flow_stage_too_many_steps_hint(),
            ));
        }
    }
    problems
}

/// Inner padding of bars and cards.
const INSET: f64 = 10.0;
/// Vertical space between cards.
const GAP: f64 = 6.0;
/// Height of the arrow between stages.
const ARROW: f64 = 14.0;

/// The stages stacked top to bottom, with an arrow between each two.
pub(crate) fn layout(spec: &Spec) -> Drawing {
    let inner = WIDTH - 2.0 * PAD;
    let (heading, mut y) = svg::heading(spec.title.as_str());
    let mut body = vec![heading];
    y += 10.0;
    let header_style = TextStyle::new(TEXT, Paint::Paper).bold();
    let title_style = TextStyle::new(TEXT, Paint::Ink).bold();
    let text_style = TextStyle::new(TEXT, Paint::Ink);
    let badge_style = TextStyle::new(SMALL, Paint::Paper)
        .bold()
        .anchor(Anchor::Middle);
    for (i, stage) in spec.stages.iter().enumerate() {
        if i > 0 {
            body.push(arrow(WIDTH / 2.0, y, Paint::Primary));
            y += ARROW + GAP;
        }
        let name = svg::wrap(
            &format!("{}. {}", i + 1, stage.name),
            inner - 2.0 * INSET,
            &header_style,
        );
        let bar = name.height + 12.0;
        body.push(svg::rect(PAD, y, inner, bar, Paint::Primary).num("rx", 4.0));
        body.push(svg::text(PAD + INSET, y + 6.0, &name.lines, &header_style));
        y += bar + GAP;
        for step in &stage.steps {
            let badge = step
                .n
                .map(|n| format!("n = {}", crate::prose::number(n.get())));
            let badge_width = badge
                .as_deref()
                .map_or(0.0, |b| font::measure(b, SMALL, font::Weight::Bold) + 14.0);
            let badge_height = svg::line_height(SMALL) + 4.0;
            let title_width = if badge.is_some() {
                inner - 2.0 * INSET - badge_width - 8.0
            } else {
                inner - 2.0 * INSET
            };
            let title = svg::wrap(step.title.as_str(), title_width, &title_style);
            let text = step
                .text
                .as_ref()
                .map(|t| svg::wrap(t.as_str(), inner - 2.0 * INSET, &text_style));
            let head = if badge.is_some() {
                title.height.max(badge_height)
            } else {
                title.height
            };
            let card = INSET + head + text.as_ref().map_or(0.0, |t| t.height + 2.0) + INSET;
            body.push(svg::rect(PAD, y, inner, card, Paint::Tint).num("rx", 4.0));
            let title_top = y + INSET + (head - title.height) / 2.0;
            body.push(svg::text(
                PAD + INSET,
                title_top,
                &title.lines,
                &title_style,
            ));
            if let Some(badge) = &badge {
                let left = PAD + inner - INSET - badge_width;
                let top = y + INSET + (head - badge_height) / 2.0;
                body.push(
                    svg::rect(left, top, badge_width, badge_height, Paint::Primary)
                        .num("rx", badge_height / 2.0),
                );
                body.push(svg::text(
                    left + badge_width / 2.0,
                    top + 2.0,
                    std::slice::from_ref(badge),
                    &badge_style,
                ));
            }
            if let Some(text) = &text {
                body.push(svg::text(
                    PAD + INSET,
                    y + INSET + head + 2.0,
                    &text.lines,
                    &text_style,
                ));
            }
            y += card + GAP;
        }
    }
    Drawing {
        width: WIDTH,
        height: y - GAP + PAD,
        title: spec.title.to_string(),
        desc: describe(spec),
        body,
    }
}

/// "Processchema in 3 fasen: Dataverzameling (2 stappen), Analyse (1 stap), ...".
fn describe(spec: &Spec) -> String {
    let stages: Vec<String> = spec
        .stages
        .iter()
        .map(|s| {
            format!(
                "{} ({})",
                s.name,
                crate::prose::count(s.steps.len(), "stap", "stappen")
            )
        })
        .collect();
    format!(
        "Processchema in {}: {}.",
        crate::prose::count(spec.stages.len(), "fase", "fasen"),
        stages.join(", ")
    )
}

/// A downward triangle whose top edge is centred on `cx` at `top`.
fn arrow(cx: f64, top: f64, fill: Paint) -> Element {
    let half = 13.0;
    let points = [(cx - half, top), (cx + half, top), (cx, top + ARROW)]
        .iter()
        .map(|(x, y)| format!("{},{}", fmt_num(*x), fmt_num(*y)))
        .collect::<Vec<_>>()
        .join(" ");
    Element::new("polygon")
        .attr("points", points)
        .paint("fill", fill)
}

/// The process on the page: the stages as an ordered list, side by side where the column is
/// wide enough and under each other where not (the theme's CSS decides), each with its steps;
/// an arrow between stages is drawn, and hidden from screen readers (the list says the order).
pub(crate) fn html(spec: &Spec) -> Element {
    let count = spec.stages.len();
    Element::new("ol")
        .attr("class", "flow")
        .children(spec.stages.iter().enumerate().map(|(i, stage)| {
            let steps =
                Element::new("ol")
                    .attr("class", "flow-steps")
                    .children(stage.steps.iter().map(|step| {
                        let mut item = Element::new("li").attr("class", "flow-step").child(
                            Element::new("strong")
                                .attr("class", "flow-step-title")
                                .text(step.title.to_string()),
                        );
                        if let Some(n) = step.n {
                            item = item.text(" ").child(
                                Element::new("span")
                                    .attr("class", "flow-step-n")
                                    .text(format!("(n = {})", crate::prose::number(n.get()))),
                            );
                        }
                        if let Some(text) = &step.text {
                            item = item.child(
                                Element::new("span")
                                    .attr("class", "flow-step-text")
                                    .text(text.to_string()),
                            );
                        }
                        item
                    }));
            let mut li = Element::new("li")
                .attr("class", "flow-stage")
                .child(
                    Element::new("p")
                        .attr("class", "flow-stage-name")
                        .text(stage.name.to_string()),
                )
                .child(steps);
            if i + 1 < count {
                li.push(stage_arrow());
            }
            li
        }))
}

/// The arrow from one stage to the next: a shape only, pointing down or (when the stages stand
/// side by side) right, as the CSS turns it.
fn stage_arrow() -> Element {
    Element::new("svg")
        .attr("class", "flow-arrow")
        .attr("viewBox", "0 0 24 24")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .child(Element::new("path").attr("d", "M12 3v14m-6-5 6 6 6-6"))
}

/// `flow`: see the module doc.
pub(crate) struct Flow;

impl super::BlockType for Flow {
    type Raw = Spec;
    type Spec = Spec;
    const NUMBERING: super::Numbering = super::Numbering::Figure;

    fn check(raw: Spec, _: &super::Resolve<'_>) -> Result<Spec, Vec<Problem>> {
        super::problems_or(validate(&raw), raw)
    }

    fn title(spec: &Spec) -> String {
        spec.title.to_string()
    }

    fn label(spec: &Spec) -> Option<&str> {
        spec.label.as_ref().map(Text::as_str)
    }

    fn caption(spec: &Spec) -> Option<&str> {
        spec.caption.as_deref()
    }

    fn layout(spec: &Spec) -> Drawing {
        layout(spec)
    }

    fn html(spec: &Spec, _: &super::PageContext<'_>) -> Element {
        html(spec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::tests::parse_yaml_block;
    use crate::blocks::{Block, Kind};
    use crate::palette::test_palette as palette;

    fn spec(stages: &[(&str, usize)]) -> Spec {
        Spec {
            title: Text("Onderzoeksproces".into()),
            label: None,
            caption: None,
            stages: stages
                .iter()
                .map(|(name, steps)| Stage {
                    name: Text((*name).into()),
                    steps: (0..*steps)
                        .map(|i| Step {
                            title: Text(format!("Stap {i}")),
                            text: None,
                            n: None,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_flow_without_stages_is_a_problem() {
        let problems = validate(&spec(&[]));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message.as_str(), "het schema heeft geen fasen");
        assert!(problems[0].hint.as_str().contains("`stages`"));
    }

    #[test]
    fn more_than_eight_stages_is_a_problem() {
        let stages: Vec<(&str, usize)> = (0..9).map(|_| ("Fase", 1)).collect();
        let problems = validate(&spec(&stages));
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.as_str().contains("9 fasen"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_stage_needs_one_to_twelve_steps() {
        let problems = validate(&spec(&[("Analyse", 0), ("Rapporteren", 13), ("Klaar", 12)]));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(
            problems[0].message.as_str(),
            "fase 1 (`Analyse`) heeft geen stappen"
        );
        assert!(
            problems[1]
                .message
                .as_str()
                .starts_with("fase 2 (`Rapporteren`) heeft 13 stappen")
        );
    }

    #[test]
    fn problems_reach_the_editor_through_the_block_parser() {
        let e = parse_yaml_block(Kind::Flow, "title: X\nstages: []\n").unwrap_err();
        assert_eq!(e[0].message, "blok `flow`: het schema heeft geen fasen");
        let e = crate::messages::speaking(crate::messages::Language::English, || {
            parse_yaml_block(Kind::Flow, "title: X\nstages: []\n").unwrap_err()
        });
        assert_eq!(e[0].message, "`flow` block: the flow has no stages");
    }

    #[test]
    fn the_description_counts_stages_and_steps() {
        let s = spec(&[("Dataverzameling", 2), ("Analyse", 1), ("Rapporteren", 1)]);
        assert_eq!(
            describe(&s),
            "Processchema in 3 fasen: Dataverzameling (2 stappen), Analyse (1 stap), Rapporteren (1 stap)."
        );
        assert_eq!(
            describe(&spec(&[("Alles", 1)])),
            "Processchema in 1 fase: Alles (1 stap)."
        );
    }

    #[test]
    fn there_is_one_arrow_fewer_than_stages() {
        for count in 1..=4 {
            let stages: Vec<(&str, usize)> = (0..count).map(|_| ("Fase", 2)).collect();
            let drawing = layout(&spec(&stages));
            let arrows = drawing
                .body
                .iter()
                .filter(|e| e.name() == "polygon")
                .count();
            assert_eq!(arrows, count - 1);
        }
    }

    #[test]
    fn counts_are_shown_as_a_badge_and_in_the_list() {
        let yaml = "title: Proces\nstages:\n  - name: Dataverzameling\n    steps:\n      - {title: Diepte-interviews, n: 12, text: Met professionals}\n";
        let Ok(Block::Flow(s)) = parse_yaml_block(Kind::Flow, yaml) else {
            panic!("does not parse")
        };
        let svg = layout(&s).to_svg("f", &palette());
        assert!(svg.contains(">n = 12</text>"), "{svg}");
        assert_eq!(
            html(&s).to_markup(),
            "<ol class=\"flow\"><li class=\"flow-stage\"><p class=\"flow-stage-name\">Dataverzameling</p><ol class=\"flow-steps\"><li class=\"flow-step\"><strong class=\"flow-step-title\">Diepte-interviews</strong> <span class=\"flow-step-n\">(n = 12)</span><span class=\"flow-step-text\">Met professionals</span></li></ol></li></ol>"
        );
    }

    #[test]
    fn cards_grow_with_wrapped_text() {
        let mut s = spec(&[("Fase", 1)]);
        let short = layout(&s).height;
        s.stages[0].steps[0].text = Some(Text("woord ".repeat(60)));
        assert!(layout(&s).height > short + 50.0);
    }
}
