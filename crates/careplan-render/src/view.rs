//! The data the templates print: the plan turned into display values
//! (dates in 和暦, choices as flags, 第3表 blocks with their lanes).
//!
//! This is the only thing that reaches Typst, as a JSON file in the
//! in-memory world. The templates read it with `json(…)`; no value is ever
//! spliced into markup.

use careplan_core::wareki::{format_date, format_year_month};
use careplan_core::{CarePlan, HouseworkReason, Period, PlanKind, Speaker, TimeOfDay};
use chrono::NaiveDate;
use serde::Serialize;

use crate::{RenderError, RenderOptions, Table};

/// The whole document's data.
#[derive(Debug, Serialize)]
pub(crate) struct View {
    pub draft: bool,
    pub tables: Vec<u8>,
    pub user_name: String,
    pub consent_block: bool,
    /// The font family of the plan's own text.
    pub body_font: &'static str,
    /// Print page numbers as the templates predict them (one page for
    /// 第1表 and 第3表, one per page share for 第2表), with no second layout
    /// pass; the renderer checks them and renders again without if wrong.
    pub static_footers: bool,
    pub t1: T1,
    pub t2: T2,
    pub t3: T3,
}

#[derive(Debug, Serialize)]
pub(crate) struct T1 {
    pub created_on: String,
    pub kinds: [bool; 3],
    pub certified: bool,
    pub birth: String,
    pub age: Option<u32>,
    pub address: Option<String>,
    pub planner: String,
    pub office: String,
    pub office_address: Option<String>,
    pub plan_date: String,
    pub first_plan_date: String,
    pub cert_date: String,
    pub cert_period: Option<[String; 2]>,
    pub care_level: Option<u8>,
    pub wishes: Vec<WishView>,
    /// Whether some speaker's label (本人, a 続柄) is wider than
    /// [`WHO_MAX_EM`]: its column is then that wide and the label wraps in
    /// it, instead of the column growing and squeezing the wishes.
    pub who_capped: bool,
    pub analysis: Option<String>,
    pub committee: Option<String>,
    pub policy: Option<String>,
    pub reason: u8,
    pub reason_text: Option<String>,
    pub consent: Option<ConsentView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct WishView {
    pub who: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct ConsentView {
    pub date: String,
    pub signer: String,
    pub proxy_relation: Option<String>,
    /// Whether the block may break over pages: only when its text is too
    /// long to be sure it fits on one (more than [`CONSENT_KEEP_LINES`]);
    /// otherwise it is kept together, moving to the next page if need be.
    pub breakable: bool,
}

/// How many lines of consent text (signer and 代筆 relation) the consent
/// block holds and still surely fits on one page.
pub(crate) const CONSENT_KEEP_LINES: usize = 12;

/// At least how many lines `text` takes in a column 40 em wide (the
/// consent block's is wider): each line of it, wrapped.
fn lines_at_40_em(text: &str) -> usize {
    text.lines()
        .map(|line| ((text_em(line) / 40.0).ceil() as usize).max(1))
        .sum::<usize>()
        .max(1)
}

#[derive(Debug, Serialize)]
pub(crate) struct T2 {
    pub created_on: String,
    pub needs: Vec<NeedView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct NeedView {
    pub text: String,
    pub goals: Vec<LongView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct LongView {
    pub text: String,
    pub period: String,
    pub goals: Vec<ShortView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ShortView {
    pub text: String,
    pub period: String,
    pub services: Vec<ServiceView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ServiceView {
    pub content: String,
    pub insured: bool,
    pub kind: String,
    pub provider: Option<String>,
    pub frequency: Option<String>,
    pub period: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct T3 {
    pub created_on: String,
    pub starts_from: String,
    pub blocks: Vec<BlockView>,
    pub activities: Vec<ActivityView>,
    pub non_weekly: Vec<String>,
}

/// A block of the weekly grid on one day, with its lane among overlapping blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct BlockView {
    pub day: usize,
    pub start: u16,
    pub end: u16,
    pub lane: usize,
    pub lanes: usize,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct ActivityView {
    pub start: u16,
    pub end: Option<u16>,
    pub time: String,
    pub text: String,
}

fn date(d: NaiveDate) -> Result<String, RenderError> {
    format_date(d).map_err(|e| RenderError::Data(e.to_string()))
}

fn period(p: Period) -> Result<String, RenderError> {
    Ok(match p.end() {
        Some(e) => format!("{}\n～{}", date(p.start())?, date(e)?),
        None => format!("{}～", date(p.start())?),
    })
}

fn time(t: TimeOfDay) -> String {
    format!("{}:{:02}", t.hour(), t.minute())
}

/// The text as printed: unchanged, except that a run of characters with no
/// break opportunity (a long URL, a telephone number, a word with no
/// spaces) wider than [`WIDE_EM`] gets an invisible break opportunity
/// (U+200B), so that it wraps instead of running out of its cell. Japanese
/// text breaks between characters anyway and is left alone.
fn s(t: &impl AsRef<str>) -> String {
    breakable(t.as_ref(), WIDE_EM)
}

/// The widest run without a break opportunity in the wide columns: 10 em,
/// twenty half-width characters (the narrowest such column, 第2表's goals,
/// holds 10.6 em).
pub(crate) const WIDE_EM: f64 = 10.0;

/// The templates' measures that decide how wide a run may be in the narrow
/// columns, in millimetres and points (a test checks them against the
/// templates).
mod measure {
    /// Millimetres per point.
    pub const MM_PER_PT: f64 = 25.4 / 72.0;
    /// 第2表: a cell's inset on each side (pt) and the text size (pt).
    pub const T2_INSET_PT: f64 = 3.0;
    pub const T2_SIZE_PT: f64 = 8.0;
    /// 第2表: the columns サービス種別 and ※2 (事業所), and 頻度 (mm).
    pub const T2_KIND_MM: f64 = 24.0;
    pub const T2_FREQUENCY_MM: f64 = 14.0;
    /// 第3表: the grid's width, the time and activity columns (mm), a
    /// block's inner padding (pt) and its text size (pt).
    pub const T3_WIDTH_MM: f64 = 297.0 - 24.0;
    pub const T3_TIME_MM: f64 = 16.0;
    pub const T3_ACTIVITIES_MM: f64 = 56.0;
    pub const T3_BLOCK_PAD_PT: f64 = 0.6;
    pub const T3_SIZE_PT: f64 = 7.0;
}

/// The room for text in a 第2表 column `mm` wide, in em.
fn t2_em(mm: f64) -> f64 {
    use measure::*;
    (mm - 2.0 * T2_INSET_PT * MM_PER_PT) / (T2_SIZE_PT * MM_PER_PT)
}

/// The room for text in a 第3表 block sharing its day with `lanes - 1`
/// others, in em.
fn t3_block_em(lanes: usize) -> f64 {
    use measure::*;
    let day = (T3_WIDTH_MM - T3_TIME_MM - T3_ACTIVITIES_MM) / 7.0;
    (day / lanes.max(1) as f64 - 2.0 * T3_BLOCK_PAD_PT * MM_PER_PT) / (T3_SIZE_PT * MM_PER_PT)
}

/// The widest a speaker's label column on 第1表 grows, in em of its 8 pt
/// text (the template's `who-max`).
pub(crate) const WHO_MAX_EM: f64 = 8.0;

/// The widest a character is in em: ASCII half an em in BIZ UD, others at
/// most one; the invisible break opportunity (U+200B) nothing.
fn char_em(c: char) -> f64 {
    match c {
        '\u{200B}' => 0.0,
        c if c.is_ascii() => 0.5,
        _ => 1.0,
    }
}

/// The width of the text's widest line in em (see [`char_em`]).
fn text_em(text: &str) -> f64 {
    text.lines()
        .map(|line| line.chars().map(char_em).sum::<f64>())
        .fold(0.0, f64::max)
}

/// Whether a line may break beside `c` whatever its neighbours: white space,
/// CJK, and the break opportunities already inserted (U+200B).
fn breaks_by_itself(c: char) -> bool {
    c == '\u{200B}'
        || c.is_whitespace()
        || matches!(c as u32,
            0x2E80..=0x9FFF     // CJK radicals, kana, CJK punctuation, ideographs
            | 0xAC00..=0xD7AF   // Hangul
            | 0xF900..=0xFAFF   // CJK compatibility ideographs
            | 0xFF00..=0xFFEF   // full-width forms
            | 0x20000..=0x3FFFF) // CJK extensions
}

/// `text` with a break opportunity wherever a run without one would grow
/// wider than `room_em` (at most `WIDE_EM`; widths by [`char_em`]).
pub(crate) fn breakable(text: &str, room_em: f64) -> String {
    let limit = room_em.min(WIDE_EM);
    let mut out = String::with_capacity(text.len());
    let mut run = 0.0;
    for c in text.chars() {
        if breaks_by_itself(c) {
            run = 0.0;
        } else {
            let width = char_em(c);
            if run > 0.0 && run + width > limit {
                out.push('\u{200B}');
                run = 0.0;
            }
            run += width;
        }
        out.push(c);
    }
    out
}

/// Builds the view of a plan.
pub(crate) fn build(plan: &CarePlan, options: &RenderOptions) -> Result<View, RenderError> {
    let t1 = plan.table1();
    let user_name = s(&t1.user.name);
    let view_t1 = T1 {
        created_on: date(t1.created_on)?,
        kinds: [
            t1.plan_kinds.contains(PlanKind::Initial),
            t1.plan_kinds.contains(PlanKind::Referral),
            t1.plan_kinds.contains(PlanKind::Continuation),
        ],
        certified: t1.certification_status == careplan_core::CertificationStatus::Certified,
        birth: date(t1.user.birth_date)?,
        age: plan.user_age(),
        address: t1.user.address.as_ref().map(s),
        planner: s(&t1.planner_name),
        office: s(&t1.office.name),
        office_address: t1.office.address.as_ref().map(s),
        plan_date: date(t1.plan_date)?,
        first_plan_date: date(t1.first_plan_date)?,
        cert_date: date(t1.certification_date)?,
        cert_period: match t1.certification_period {
            Some(r) => Some([date(r.start())?, date(r.end())?]),
            None => None,
        },
        care_level: t1.care_level.map(|l| l.number()),
        wishes: t1
            .wishes
            .iter()
            .map(|w| WishView {
                who: match &w.speaker {
                    Speaker::User => "本人".to_owned(),
                    Speaker::Family { relation } => s(relation),
                },
                text: s(&w.text),
            })
            .collect(),
        who_capped: t1.wishes.iter().any(|w| match &w.speaker {
            Speaker::User => false,
            Speaker::Family { relation } => text_em(relation.as_str()) > WHO_MAX_EM,
        }),
        analysis: t1.analysis.as_ref().map(s),
        committee: t1.committee_opinion.as_ref().map(s),
        policy: t1.support_policy.as_ref().map(s),
        reason: t1
            .housework_reason
            .as_ref()
            .map_or(0, HouseworkReason::number),
        reason_text: match &t1.housework_reason {
            Some(HouseworkReason::Other(t)) => Some(s(t)),
            _ => None,
        },
        consent: match &t1.consent {
            Some(c) => Some(ConsentView {
                date: date(c.date)?,
                signer: s(&c.signer),
                proxy_relation: c.proxy_relation.as_ref().map(s),
                breakable: lines_at_40_em(c.signer.as_str())
                    + c.proxy_relation
                        .as_ref()
                        .map_or(0, |r| lines_at_40_em(r.as_str()))
                    > CONSENT_KEEP_LINES,
            }),
            None => None,
        },
    };

    let mut needs = Vec::new();
    for n in &plan.table2().needs {
        let mut goals = Vec::new();
        for l in &n.long_term_goals {
            let mut shorts = Vec::new();
            for g in &l.short_term_goals {
                let mut services = Vec::new();
                for x in &g.services {
                    services.push(ServiceView {
                        content: s(&x.content),
                        insured: x.insured,
                        kind: breakable(x.service_type.as_str(), t2_em(measure::T2_KIND_MM)),
                        provider: x
                            .provider
                            .as_ref()
                            .map(|p| breakable(p.name.as_str(), t2_em(measure::T2_KIND_MM))),
                        frequency: x
                            .frequency
                            .as_ref()
                            .map(|f| breakable(f.as_str(), t2_em(measure::T2_FREQUENCY_MM))),
                        period: period(x.period)?,
                    });
                }
                shorts.push(ShortView {
                    text: s(&g.text),
                    period: period(g.period)?,
                    services,
                });
            }
            goals.push(LongView {
                text: s(&l.text),
                period: period(l.period)?,
                goals: shorts,
            });
        }
        needs.push(NeedView {
            text: s(&n.text),
            goals,
        });
    }

    let t3 = plan.table3();
    let mut raw_blocks = Vec::new();
    for e in &t3.weekly {
        let text = match (&e.label, &e.service) {
            (Some(label), _) => label.as_str().to_owned(),
            (None, Some(id)) => plan
                .table2()
                .service(id)
                .map(|x| x.service_type.as_str().to_owned())
                .ok_or_else(|| RenderError::Data(format!("service {id} not in 第2表")))?,
            (None, None) => return Err(RenderError::Data("weekly entry without text".to_owned())),
        };
        for day in e.weekdays.iter() {
            raw_blocks.push(BlockView {
                day: day.index(),
                start: e.time.start().minutes(),
                end: e.time.end().minutes(),
                lane: 0,
                lanes: 1,
                text: text.clone(),
            });
        }
    }
    let mut blocks = assign_lanes(raw_blocks);
    // Breakable for the narrowest lane its text stands in (one text, one
    // spelling, so that the legend lists it once).
    let most_lanes: Vec<usize> = blocks
        .iter()
        .map(|b| {
            blocks
                .iter()
                .filter(|o| o.text == b.text)
                .map(|o| o.lanes)
                .fold(b.lanes, usize::max)
        })
        .collect();
    for (b, lanes) in blocks.iter_mut().zip(most_lanes) {
        b.text = breakable(&b.text, t3_block_em(lanes));
    }
    let mut activities: Vec<ActivityView> = t3
        .daily_activities
        .iter()
        .map(|a| ActivityView {
            start: a.start.minutes(),
            end: a.end.map(TimeOfDay::minutes),
            time: match a.end {
                Some(e) => format!("{}～{}", time(a.start), time(e)),
                None => time(a.start),
            },
            text: s(&a.text),
        })
        .collect();
    activities.sort_by_key(|a| a.start);

    let tables = options.tables.iter().map(|t| t.number()).collect();
    Ok(View {
        draft: options.draft || plan.status() == careplan_core::PlanStatus::Draft,
        tables,
        user_name,
        consent_block: options.consent_block || t1.consent.is_some(),
        body_font: options.typeface.family(),
        static_footers: true,
        t1: view_t1,
        t2: T2 {
            created_on: date(plan.table2_created_on())?,
            needs,
        },
        t3: T3 {
            created_on: date(plan.table3_created_on())?,
            starts_from: format_year_month(t3.starts_from.year(), t3.starts_from.month())
                .map_err(|e| RenderError::Data(e.to_string()))?,
            blocks,
            activities,
            non_weekly: t3.non_weekly.iter().map(|n| s(&n.text)).collect(),
        },
    })
}

/// Places overlapping blocks of each day side by side: each block gets a
/// lane, and every block of a cluster of overlapping blocks learns how many
/// lanes the cluster needs. Blocks come out sorted by day, start and input
/// order.
pub(crate) fn assign_lanes(mut blocks: Vec<BlockView>) -> Vec<BlockView> {
    blocks.sort_by_key(|b| (b.day, b.start));
    let mut out: Vec<BlockView> = Vec::with_capacity(blocks.len());
    let mut cluster_start = 0usize;
    let mut cluster_end = 0u16;
    let mut cluster_day = usize::MAX;
    let mut lane_ends: Vec<u16> = Vec::new();
    for mut b in blocks {
        if b.day != cluster_day || b.start >= cluster_end {
            finish_cluster(&mut out, cluster_start, lane_ends.len());
            cluster_start = out.len();
            cluster_day = b.day;
            cluster_end = 0;
            lane_ends.clear();
        }
        let lane = match lane_ends.iter().position(|&end| end <= b.start) {
            Some(i) => i,
            None => {
                lane_ends.push(0);
                lane_ends.len() - 1
            }
        };
        if let Some(end) = lane_ends.get_mut(lane) {
            *end = b.end;
        }
        b.lane = lane;
        cluster_end = cluster_end.max(b.end);
        out.push(b);
    }
    finish_cluster(&mut out, cluster_start, lane_ends.len());
    out
}

fn finish_cluster(out: &mut [BlockView], start: usize, lanes: usize) {
    if let Some(cluster) = out.get_mut(start..) {
        for b in cluster {
            b.lanes = lanes.max(1);
        }
    }
}

/// Every text value of the plan with the path it came from, in document
/// order: what the glyph check looks at and what must appear in the PDF.
pub fn plan_texts(plan: &CarePlan) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |path: String, text: &str| out.push((path, text.to_owned()));
    let t1 = plan.table1();
    push("table1.user.name".into(), t1.user.name.as_str());
    if let Some(a) = &t1.user.address {
        push("table1.user.address".into(), a.as_str());
    }
    push("table1.planner_name".into(), t1.planner_name.as_str());
    push("table1.office.name".into(), t1.office.name.as_str());
    if let Some(a) = &t1.office.address {
        push("table1.office.address".into(), a.as_str());
    }
    for (i, w) in t1.wishes.iter().enumerate() {
        if let Speaker::Family { relation } = &w.speaker {
            push(format!("table1.wishes[{i}].relation"), relation.as_str());
        }
        push(format!("table1.wishes[{i}].text"), w.text.as_str());
    }
    for (key, v) in [
        ("analysis", &t1.analysis),
        ("committee_opinion", &t1.committee_opinion),
        ("support_policy", &t1.support_policy),
    ] {
        if let Some(v) = v {
            push(format!("table1.{key}"), v.as_str());
        }
    }
    if let Some(HouseworkReason::Other(t)) = &t1.housework_reason {
        push("table1.housework_reason.text".into(), t.as_str());
    }
    if let Some(c) = &t1.consent {
        push("table1.consent.signer".into(), c.signer.as_str());
        if let Some(r) = &c.proxy_relation {
            push("table1.consent.proxy_relation".into(), r.as_str());
        }
    }
    for (i, n) in plan.table2().needs.iter().enumerate() {
        let pn = format!("table2.needs[{i}]");
        push(format!("{pn}.text"), n.text.as_str());
        for (j, l) in n.long_term_goals.iter().enumerate() {
            let pl = format!("{pn}.long_term_goals[{j}]");
            push(format!("{pl}.text"), l.text.as_str());
            for (k, g) in l.short_term_goals.iter().enumerate() {
                let ps = format!("{pl}.short_term_goals[{k}]");
                push(format!("{ps}.text"), g.text.as_str());
                for (m, x) in g.services.iter().enumerate() {
                    let px = format!("{ps}.services[{m}]");
                    push(format!("{px}.content"), x.content.as_str());
                    push(format!("{px}.service_type"), x.service_type.as_str());
                    if let Some(p) = &x.provider {
                        push(format!("{px}.provider.name"), p.name.as_str());
                    }
                    if let Some(f) = &x.frequency {
                        push(format!("{px}.frequency"), f.as_str());
                    }
                }
            }
        }
    }
    let t3 = plan.table3();
    for (i, e) in t3.weekly.iter().enumerate() {
        if let Some(l) = &e.label {
            push(format!("table3.weekly[{i}].label"), l.as_str());
        }
    }
    for (i, a) in t3.daily_activities.iter().enumerate() {
        push(
            format!("table3.daily_activities[{i}].text"),
            a.text.as_str(),
        );
    }
    for (i, n) in t3.non_weekly.iter().enumerate() {
        push(format!("table3.non_weekly[{i}].text"), n.text.as_str());
    }
    out
}

impl Table {
    fn number(self) -> u8 {
        match self {
            Table::T1 => 1,
            Table::T2 => 2,
            Table::T3 => 3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_runs_get_break_opportunities() {
        let a = "a".repeat(45);
        let out = breakable(&a, WIDE_EM);
        assert_eq!(out.matches('\u{200B}').count(), 2);
        assert_eq!(out.replace('\u{200B}', ""), a);
        // Japanese and ordinary words are left alone.
        let jp = "リハビリをしてもっと動けるようになりたい。".repeat(5);
        assert_eq!(breakable(&jp, WIDE_EM), jp);
        assert_eq!(
            breakable("a short English sentence", WIDE_EM),
            "a short English sentence"
        );
    }

    /// The longest run between break opportunities, in em.
    fn widest_run(text: &str) -> f64 {
        let mut widest: f64 = 0.0;
        let mut run = 0.0;
        for c in text.chars() {
            if breaks_by_itself(c) {
                run = 0.0;
            } else {
                run += char_em(c);
                widest = widest.max(run);
            }
        }
        widest
    }

    #[test]
    fn narrow_columns_get_runs_that_fit_them() {
        let phone = "03-1234-5678";
        // 第2表's 頻度 column holds 4.2 em: a telephone number (6 em) must break.
        let room = t2_em(measure::T2_FREQUENCY_MM);
        assert!((4.1..4.3).contains(&room), "{room}");
        let out = breakable(phone, room);
        assert!(widest_run(&out) <= room, "{out:?}");
        assert_eq!(out.replace('\u{200B}', ""), phone);
        // サービス種別 / 事業所 hold 7.75 em; the wide columns at least 10.
        assert!((7.7..7.8).contains(&t2_em(measure::T2_KIND_MM)));
        assert_eq!(breakable(phone, t2_em(measure::T2_KIND_MM)), phone);
        // 第3表 blocks: the more lanes, the narrower.
        assert!(t3_block_em(1) > WIDE_EM);
        let (two, four) = (t3_block_em(2), t3_block_em(4));
        assert!(
            (5.6..5.7).contains(&two) && (2.7..2.8).contains(&four),
            "{two} {four}"
        );
        for lanes in 1..=6 {
            let room = t3_block_em(lanes);
            let out = breakable("HomeHelpService-ABCDEFG", room);
            assert!(widest_run(&out) <= room.max(0.5), "{lanes}: {out:?}");
        }
    }

    #[test]
    fn label_widths_in_em() {
        assert_eq!(text_em("妻"), 1.0);
        assert_eq!(text_em("長男の妻の母"), 6.0);
        assert_eq!(text_em("Mother\n長男の妻"), 4.0);
        assert_eq!(text_em("ab\u{200B}cd"), 2.0);
        assert!(text_em("長男の妻の母で隣町に住む親戚") > WHO_MAX_EM);
    }

    #[test]
    fn consent_lines_count_breaks_and_wrapping() {
        assert_eq!(lines_at_40_em("高橋 洋子"), 1);
        assert_eq!(lines_at_40_em(&"あ".repeat(81)), 3);
        assert_eq!(lines_at_40_em("一\n二\n三"), 3);
        assert_eq!(lines_at_40_em(&"名\n".repeat(13)), 13);
    }

    /// The measures above are the templates' own.
    #[test]
    fn measures_match_the_templates() {
        let t2 = include_str!("../templates/table2.typ");
        let t3 = include_str!("../templates/table3.typ");
        let common = include_str!("../templates/common.typ");
        assert!(t2.contains(
            "#let widths = (36mm, 32mm, 20mm, 32mm, 20mm, 44mm, 7mm, 24mm, 24mm, 14mm, 20mm)"
        ));
        assert!(common.contains("#let cell-inset = 3pt"));
        assert!(common.contains("#let small = 8pt"));
        assert!(common.contains("#let tiny = 7pt"));
        assert!(t2.contains("set text(size: small)"));
        assert!(t3.contains("#let W = page-w - 24mm"));
        assert!(common.contains("#let page-w = 297mm"));
        assert!(t3.contains("#let time-w = 16mm"));
        assert!(t3.contains("#let act-w = 56mm"));
        assert!(t3.contains("#let block-pad = 0.6pt"));
        assert!(t3.contains("text(size: tiny, top-edge"));
        assert!(include_str!("../templates/table1.typ").contains("#let who-max = 8 * small"));
    }

    fn b(day: usize, start: u16, end: u16) -> BlockView {
        BlockView {
            day,
            start,
            end,
            lane: 9,
            lanes: 9,
            text: String::new(),
        }
    }

    fn lanes(v: &[BlockView]) -> Vec<(usize, u16, usize, usize)> {
        v.iter()
            .map(|x| (x.day, x.start, x.lane, x.lanes))
            .collect()
    }

    #[test]
    fn separate_blocks_get_one_lane() {
        let out = assign_lanes(vec![b(0, 600, 660), b(0, 660, 720), b(1, 600, 660)]);
        assert_eq!(
            lanes(&out),
            vec![(0, 600, 0, 1), (0, 660, 0, 1), (1, 600, 0, 1)]
        );
    }

    #[test]
    fn overlapping_blocks_sit_side_by_side() {
        let out = assign_lanes(vec![
            b(2, 600, 720),
            b(2, 630, 660),
            b(2, 690, 750),
            b(2, 800, 900),
        ]);
        // 600–720 and 630–660 overlap; 690–750 reuses lane 1 after 660.
        assert_eq!(
            lanes(&out),
            vec![
                (2, 600, 0, 2),
                (2, 630, 1, 2),
                (2, 690, 1, 2),
                (2, 800, 0, 1)
            ]
        );
    }

    #[test]
    fn three_way_overlap_needs_three_lanes() {
        let out = assign_lanes(vec![b(0, 0, 100), b(0, 10, 100), b(0, 20, 100)]);
        assert_eq!(
            lanes(&out),
            vec![(0, 0, 0, 3), (0, 10, 1, 3), (0, 20, 2, 3)]
        );
    }
}
