//! The data the 居宅 templates print: the plan turned into display values
//! (dates in 和暦, choices as flags, 第3表 blocks with their lanes).
//!
//! This is the only thing that reaches Typst, as a JSON file in the
//! in-memory world. The templates read it with `json(…)`; no value is ever
//! spliced into markup.

use careplan_core::wareki::{format_date, format_year_month};
use careplan_core::{
    CarePlan, CertificationStatus, HouseworkReason, Period, PlanKind, PlanStatus, Sheet, Speaker,
    TimeOfDay,
};
use chrono::NaiveDate;
use serde::Serialize;

use super::lanes::{BlockView, assign_lanes};
use super::layout::{T2_FREQUENCY, T2_KIND, T2_PROVIDER, layout};
use crate::measure::{breakable, lines_in, text_em, wide as s};
use crate::{RenderError, RenderOptions};

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
    /// The plan's sheets: absent for a case file without a plan.
    pub t1: Option<T1>,
    pub t2: Option<T2>,
    pub t3: Option<T3>,
    /// 第4表, one per meeting (Typst counts their pages).
    pub t4: Vec<crate::records::view::MeetingView>,
    /// 第5表 (Typst counts its pages).
    pub t5: Option<crate::records::view::ProgressView>,
    /// 第6表, one sheet a month (Typst counts their pages).
    pub t6: Vec<crate::records::usage::UsageView>,
    /// 第7表 (Typst counts its pages).
    pub t7: Option<crate::records::table7::Table7View>,
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
    /// the layout's `who_max_em`: its column is then that wide and the label wraps in
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

/// The consent block's text is at least this wide, in em.
const CONSENT_EM: f64 = 40.0;

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

/// Builds the view of a plan: the sheets to print, in order, with page
/// numbers predicted (`counted`: counted by Typst instead).
pub(crate) fn build(
    plan: &CarePlan,
    options: &RenderOptions,
    sheets: &[Sheet],
    counted: bool,
) -> Result<View, RenderError> {
    let t1 = plan.table1();
    let t3 = plan.table3();
    Ok(View {
        draft: options.draft || plan.status() == PlanStatus::Draft,
        tables: sheets.iter().map(|s| s.number()).collect(),
        user_name: s(&t1.user.name),
        consent_block: options.consent_block || t1.consent.is_some(),
        body_font: options.typeface.family(),
        static_footers: !counted,
        t1: Some(table1(plan)?),
        t2: Some(T2 {
            created_on: date(plan.table2_created_on())?,
            needs: needs(plan)?,
        }),
        t3: Some(T3 {
            created_on: date(plan.table3_created_on())?,
            starts_from: format_year_month(t3.starts_from.year(), t3.starts_from.month())
                .map_err(|e| RenderError::Data(e.to_string()))?,
            blocks: blocks(plan)?,
            activities: activities(plan),
            non_weekly: t3.non_weekly.iter().map(|n| s(&n.text)).collect(),
        }),
        t4: Vec::new(),
        t5: None,
        t6: Vec::new(),
        t7: None,
    })
}

/// 第1表.
fn table1(plan: &CarePlan) -> Result<T1, RenderError> {
    let t1 = plan.table1();
    let who_max_em = layout()?.tables.table1.who_max_em;
    Ok(T1 {
        created_on: date(t1.created_on)?,
        kinds: [
            t1.plan_kinds.contains(PlanKind::Initial),
            t1.plan_kinds.contains(PlanKind::Referral),
            t1.plan_kinds.contains(PlanKind::Continuation),
        ],
        certified: t1.certification_status == CertificationStatus::Certified,
        birth: date(t1.user.birth_date)?,
        age: plan.user_age(),
        address: address_lines(t1.user.address.as_ref(), t1.user.address2.as_ref()),
        planner: s(&t1.planner_name),
        office: s(&t1.office.name),
        office_address: address_lines(t1.office.address.as_ref(), t1.office.address2.as_ref()),
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
            Speaker::Family { relation } => text_em(relation.as_str()) > who_max_em,
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
                breakable: lines_in(c.signer.as_str(), CONSENT_EM)
                    + c.proxy_relation
                        .as_ref()
                        .map_or(0, |r| lines_in(r.as_str(), CONSENT_EM))
                    > CONSENT_KEEP_LINES,
            }),
            None => None,
        },
    })
}

/// 第2表's needs, goals and services, narrow columns made breakable at
/// their own widths.
fn needs(plan: &CarePlan) -> Result<Vec<NeedView>, RenderError> {
    let lay = layout()?;
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
                        kind: breakable(x.service_type.as_str(), lay.t2_em(T2_KIND)),
                        provider: x
                            .provider
                            .as_ref()
                            .map(|p| breakable(p.name.as_str(), lay.t2_em(T2_PROVIDER))),
                        frequency: x
                            .frequency
                            .as_ref()
                            .map(|f| breakable(f.as_str(), lay.t2_em(T2_FREQUENCY))),
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
    Ok(needs)
}

/// 第3表's blocks, one per weekday of each entry, in lanes where they
/// overlap, each text breakable for the narrowest lane it stands in.
fn blocks(plan: &CarePlan) -> Result<Vec<BlockView>, RenderError> {
    let lay = layout()?;
    let mut raw_blocks = Vec::new();
    for e in &plan.table3().weekly {
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
        b.text = breakable(&b.text, lay.t3_block_em(lanes));
    }
    Ok(blocks)
}

/// 主な日常生活上の活動, by time.
fn activities(plan: &CarePlan) -> Vec<ActivityView> {
    let mut activities: Vec<ActivityView> = plan
        .table3()
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
    activities
}

/// An address as printed: its first line, then its second (住所２: building,
/// room) after a full-width space; either alone when the other is absent.
fn address_lines(
    first: Option<&careplan_core::Text>,
    second: Option<&careplan_core::Text>,
) -> Option<String> {
    match (first, second) {
        (Some(a), Some(b)) => Some(format!("{}　{}", s(a), s(b))),
        (a, b) => a.or(b).map(s),
    }
}
