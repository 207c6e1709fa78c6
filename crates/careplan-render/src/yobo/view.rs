//! The data the 介護予防 templates print: the plan turned into display
//! values (dates in 和暦, choices as flags, the 支援計画 as rows). This is
//! the only thing that reaches Typst, as a JSON file; no value is ever
//! spliced into markup.

use careplan_core::forms::kyotaku::PlanStatus;
use careplan_core::forms::yobo::checklist::Domain;
use careplan_core::forms::yobo::{Area, PLAN_DOMAINS, PreventivePlan, SupportLevel};
use careplan_core::wareki::format_date;
use careplan_core::{CertificationStatus, Period, PlanKind};
use chrono::NaiveDate;
use serde::Serialize;

use crate::measure::wide as s;
use crate::{RenderError, RenderOptions};

#[derive(Debug, Serialize)]
pub(crate) struct View {
    pub draft: bool,
    /// Page numbers as the template counts its own packing (otherwise
    /// counted by Typst, a second layout pass).
    pub static_footers: bool,
    pub body_font: &'static str,
    pub record_number: Option<String>,
    pub user_name: String,
    pub cert_date: Option<String>,
    pub cert_period: Option<[String; 2]>,
    pub kinds: [bool; 3],
    /// 認定済, 申請中.
    pub status: [bool; 2],
    /// 要支援１, 要支援２, 事業対象者.
    pub level: [bool; 3],
    pub planner: String,
    /// The 地域包括支援センター担当者, when a 介護支援専門員 of another name
    /// is the one printed (nothing typed is left off the sheet).
    pub center_staff: Option<String>,
    pub entrusted: bool,
    pub office: Option<OfficeView>,
    pub plan_date: String,
    pub first_plan_date: Option<String>,
    pub center: Option<String>,
    pub day_goal: Option<String>,
    pub year_goal: Option<String>,
    pub areas: Vec<AreaView>,
    pub issues: Vec<IssueView>,
    pub rows: Vec<RowView>,
    pub health_notes: Option<String>,
    pub fallback_policy: Option<String>,
    pub policy: Option<String>,
    pub checklist: Vec<CountView>,
    pub opinion: Option<String>,
    pub confirmed_on: Option<String>,
    pub consent: Option<ConsentView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct OfficeView {
    pub name: String,
    pub address: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct AreaView {
    pub label: &'static str,
    pub situation: Option<String>,
    pub wishes: Option<String>,
    /// 有 `Some(true)`, 無 `Some(false)`.
    pub has_issue: Option<bool>,
    pub background: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct IssueView {
    pub number: usize,
    pub text: String,
    pub proposal: Option<String>,
    pub wishes: Option<String>,
}

/// One row of the 支援計画 table: one 利用サービス (or a 支援計画 without
/// services, or a 課題 without 支援計画). The texts of a 課題 and of a
/// 支援計画 stand in their first row only; `issue` says which 課題 a row
/// belongs to, and the two flags whether it opens its 課題 or 支援計画, so
/// the template marks a group carried onto a new page.
#[derive(Debug, Serialize)]
pub(crate) struct RowView {
    pub issue: usize,
    pub issue_first: bool,
    pub support_first: bool,
    pub goal: Option<String>,
    pub point: Option<String>,
    pub self_care: Option<String>,
    pub insured_service: Option<String>,
    pub kind: Option<String>,
    pub provider: Option<String>,
    pub period: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct CountView {
    pub label: &'static str,
    pub count: u8,
    pub size: u8,
    /// 事業プログラム 要: the number circled.
    pub needed: bool,
}

#[derive(Debug, Serialize)]
pub(crate) struct ConsentView {
    pub date: String,
    pub signer: String,
}

fn date(d: NaiveDate) -> Result<String, RenderError> {
    format_date(d).map_err(|e| RenderError::Data(e.to_string()))
}

fn opt(t: Option<&careplan_core::Text>) -> Option<String> {
    t.map(s)
}

fn period(p: Period) -> Result<String, RenderError> {
    Ok(match p.end() {
        Some(e) => format!("{}\n～{}", date(p.start())?, date(e)?),
        None => format!("{}～", date(p.start())?),
    })
}

fn area(label: &'static str, a: &Area) -> AreaView {
    AreaView {
        label,
        situation: opt(a.situation.as_ref()),
        wishes: opt(a.wishes.as_ref()),
        has_issue: a.has_issue,
        background: opt(a.background.as_ref()),
    }
}

/// The label of a domain's box on the plan.
fn domain_label(d: Domain) -> &'static str {
    d.label_ja()
}

/// The view of `plan`; `counted`: page numbers counted by Typst rather
/// than by the template's packing.
pub(crate) fn build(
    plan: &PreventivePlan,
    options: &RenderOptions,
    counted: bool,
) -> Result<View, RenderError> {
    let p = plan.parts();
    let mut rows = Vec::new();
    for (i, issue) in p.issues.iter().enumerate() {
        let goal = opt(issue.goal.as_ref());
        if issue.supports.is_empty() {
            rows.push(RowView {
                issue: i,
                issue_first: true,
                support_first: true,
                goal: goal.clone(),
                point: None,
                self_care: None,
                insured_service: None,
                kind: None,
                provider: None,
                period: None,
            });
        }
        for (j, support) in issue.supports.iter().enumerate() {
            let services: Vec<Option<&careplan_core::forms::yobo::UsedService>> =
                if support.services.is_empty() {
                    vec![None]
                } else {
                    support.services.iter().map(Some).collect()
                };
            for (k, service) in services.into_iter().enumerate() {
                let first = k == 0;
                let period = match service.and_then(|x| x.period.as_ref()) {
                    None => None,
                    Some(pp) => {
                        let mut parts = Vec::new();
                        if let Some(d) = pp.dates {
                            parts.push(period(d)?);
                        }
                        if let Some(n) = &pp.note {
                            parts.push(s(n));
                        }
                        Some(parts.join("\n"))
                    }
                };
                rows.push(RowView {
                    issue: i,
                    issue_first: first && j == 0,
                    support_first: first,
                    goal: if first && j == 0 { goal.clone() } else { None },
                    point: if first {
                        opt(support.point.as_ref())
                    } else {
                        None
                    },
                    self_care: if first {
                        opt(support.self_care.as_ref())
                    } else {
                        None
                    },
                    insured_service: if first {
                        opt(support.insured_service.as_ref())
                    } else {
                        None
                    },
                    kind: service.and_then(|x| opt(x.kind.as_ref())),
                    provider: service.and_then(|x| opt(x.provider.as_ref())),
                    period,
                });
            }
        }
    }
    let checklist = match &p.checklist {
        None => Vec::new(),
        Some(c) => PLAN_DOMAINS
            .iter()
            .zip(c.programmes)
            .map(|(d, needed)| CountView {
                label: domain_label(*d),
                count: c.counts.get(*d).unwrap_or(0),
                size: d.size(),
                needed: needed == Some(true),
            })
            .collect(),
    };
    let cert = p.certification;
    Ok(View {
        draft: options.draft || p.status == PlanStatus::Draft,
        static_footers: !counted,
        body_font: options.typeface.family(),
        record_number: opt(p.record_number.as_ref()),
        user_name: s(&p.user.name),
        cert_date: cert.date.map(date).transpose()?,
        cert_period: match cert.period {
            Some(r) => Some([date(r.start())?, date(r.end())?]),
            None => None,
        },
        kinds: [
            p.plan_kinds.contains(PlanKind::Initial),
            p.plan_kinds.contains(PlanKind::Referral),
            p.plan_kinds.contains(PlanKind::Continuation),
        ],
        status: [
            p.certification_status == Some(CertificationStatus::Certified),
            p.certification_status == Some(CertificationStatus::Applying),
        ],
        level: [
            p.level == SupportLevel::Support1,
            p.level == SupportLevel::Support2,
            p.level == SupportLevel::BusinessTarget,
        ],
        planner: s(p.planner.printed()),
        center_staff: p
            .planner
            .center_staff()
            .filter(|staff| *staff != p.planner.printed())
            .map(s),
        entrusted: p.entrusted,
        office: p.planner_office.as_ref().map(|o| OfficeView {
            name: s(&o.name),
            address: opt(o.address.as_ref()),
            phone: o.phone.as_ref().map(|x| x.as_str().to_owned()),
        }),
        plan_date: date(p.plan_date)?,
        first_plan_date: p.first_plan_date.map(date).transpose()?,
        center: opt(p.center.name.as_ref()),
        day_goal: opt(p.life_goals.day.as_ref()),
        year_goal: opt(p.life_goals.year.as_ref()),
        areas: vec![
            area("運動・移動について", &p.assessment.motor),
            area("日常生活（家庭生活）について", &p.assessment.daily_life),
            area(
                "社会参加、対人関係・コミュニケーションについて",
                &p.assessment.social,
            ),
            area("健康管理について", &p.assessment.health),
        ],
        issues: p
            .issues
            .iter()
            .enumerate()
            .map(|(i, x)| IssueView {
                number: i + 1,
                text: s(&x.text),
                proposal: opt(x.proposal.as_ref()),
                wishes: opt(x.wishes.as_ref()),
            })
            .collect(),
        rows,
        health_notes: opt(p.health_notes.as_ref()),
        fallback_policy: opt(p.fallback_policy.as_ref()),
        policy: opt(p.policy.as_ref()),
        checklist,
        opinion: opt(p.center.opinion.as_ref()),
        confirmed_on: p.center.confirmed_on.map(date).transpose()?,
        consent: match &p.consent {
            Some(c) => Some(ConsentView {
                date: date(c.date)?,
                signer: s(&c.signer),
            }),
            None => None,
        },
    })
}
