//! 第2表: UP2KYO, one row per service; repeated need and goal values blank
//! unless asked for (the standard's 「印刷上は…項目値は出力しない」).

use careplan_core::CarePlan;
use careplan_core::FieldPath;
use careplan_core::forms::kyotaku::fields::{document, table2 as f2};

use super::{Writer, key, period_text, raw, ymd};
use crate::ExportError;
use crate::records::{INSURED_CODES, Up2kyo};

/// A number the standard writes 1–99 (課題ＮＯ, 援助目標ＮＯ, 援助内容ＮＯ).
fn no(n: usize, path: &FieldPath, what: &str) -> Result<String, ExportError> {
    if (1..=99).contains(&n) {
        Ok(n.to_string())
    } else {
        Err(ExportError::TooMany {
            path: path.to_string(),
            what: what.to_owned(),
        })
    }
}

/// `value` on the first row of its group (or every row when repeating), blank otherwise.
fn shown(show: bool, value: impl FnOnce() -> String) -> String {
    if show { value() } else { String::new() }
}

pub(super) fn up2kyo(
    w: &mut Writer,
    plan: &CarePlan,
    p: &FieldPath,
    repeat: bool,
) -> Result<Vec<Up2kyo>, ExportError> {
    use f2::{long_term_goal, need, service, short_term_goal};
    let mut rows = Vec::new();
    let created = ymd(plan.table2_created_on());
    let plan_date = ymd(plan.table1().plan_date);
    let needs = f2::NEEDS.of(&document::TABLE2.of(p));
    for (ni, n) in plan.table2().needs.iter().enumerate() {
        let pn = needs.index(ni);
        let mut goal_no = 0usize;
        let mut first_in_need = true;
        for (li, l) in n.long_term_goals.iter().enumerate() {
            let pl = need::LONG_TERM_GOALS.of(&pn).index(li);
            let mut first_in_long = true;
            for (si, g) in l.short_term_goals.iter().enumerate() {
                let ps = long_term_goal::SHORT_TERM_GOALS.of(&pl).index(si);
                goal_no += 1;
                let mut first_in_short = true;
                for (xi, x) in g.services.iter().enumerate() {
                    let px = short_term_goal::SERVICES.of(&ps).index(xi);
                    let key = key(plan);
                    let show_need = repeat || first_in_need;
                    let show_long = repeat || first_in_long;
                    let show_short = repeat || first_in_short;
                    rows.push(Up2kyo {
                        csv_version: key.csv_version,
                        insurer_number: key.insurer_number,
                        insured_number: key.insured_number,
                        created_on: created.clone(),
                        plan_date: plan_date.clone(),
                        need_no: no(ni + 1, &pn, "課題")?,
                        need: shown(show_need, || w.text(&need::TEXT.of(&pn), n.text.as_str())),
                        goal_no: no(goal_no, &ps, "援助目標")?,
                        long_term_goal: shown(show_long, || {
                            w.text(&long_term_goal::TEXT.of(&pl), l.text.as_str())
                        }),
                        short_term_goal: shown(show_short, || {
                            w.text(&short_term_goal::TEXT.of(&ps), g.text.as_str())
                        }),
                        long_term_period: shown(show_long, || period_text(l.period)),
                        short_term_period: shown(show_short, || period_text(g.period)),
                        service_no: no(xi + 1, &px, "援助内容")?,
                        content: w.text(&service::CONTENT.of(&px), x.content.as_str()),
                        insured: INSURED_CODES
                            .iter()
                            .find(|(_, v)| *v == x.insured)
                            .map_or("N", |(code, _)| code)
                            .to_owned(),
                        service_type: w
                            .text(&service::SERVICE_TYPE.of(&px), x.service_type.as_str()),
                        provider_number: raw(&x
                            .provider
                            .as_ref()
                            .and_then(|pr| pr.office_number.as_ref())),
                        provider_name: w.opt_text(
                            &f2::provider::NAME.of(&service::PROVIDER.of(&px)),
                            x.provider.as_ref().map(|pr| pr.name.as_str()),
                        ),
                        frequency: w.opt_text(
                            &service::FREQUENCY.of(&px),
                            x.frequency.as_ref().map(|f| f.as_str()),
                        ),
                        period: period_text(x.period),
                        vendor_code: raw(&plan.table1().updater_code),
                        ..Up2kyo::default()
                    });
                    first_in_need = false;
                    first_in_long = false;
                    first_in_short = false;
                }
            }
        }
    }
    Ok(rows)
}
