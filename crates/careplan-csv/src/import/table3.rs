//! 第3表 from UP3KYO: weekly rows folded back into blocks, then the
//! activities and the 週単位以外のサービス.

use careplan_core::forms::kyotaku::fields::{document, table3 as f3};
use careplan_core::{
    DailyActivity, FieldPath, NonWeeklyService, Service, ServiceId, Table2, Table3, TimeOfDay,
    TimeRange, Weekday, Weekdays, WeeklyEntry, YearMonth,
};
use chrono::{Datelike, NaiveDate};

use super::Origins;
use super::values::{Row, text, text_of, time_pair, ymd};
use crate::records::Up3kyo;
use crate::{ImportError, ImportErrorCode};

/// The 第2表 service a 第3表 text names: the one service whose サービス種別,
/// or else whose サービス内容, is exactly that text.
pub(crate) fn link(table2: &Table2, text: &str) -> Option<ServiceId> {
    let by_type: Vec<&Service> = table2
        .services()
        .filter(|s| s.service_type.as_str() == text)
        .collect();
    if let [one] = by_type.as_slice() {
        return Some(one.id.clone());
    }
    let by_content: Vec<&Service> = table2
        .services()
        .filter(|s| s.content.as_str() == text)
        .collect();
    match by_content.as_slice() {
        [one] => Some(one.id.clone()),
        _ => None,
    }
}

/// A weekly block being folded: its text and times, its days, its first row.
struct Fold<'a> {
    text: String,
    start: TimeOfDay,
    end: TimeOfDay,
    days: Vec<Weekday>,
    row: &'a Row,
}

/// 第3表 from its rows: weekly rows folded back into entries (rows with the
/// same text and times become one entry with all their weekdays), then the
/// activities and the 週単位以外のサービス in order. 「　年　月分より」 is not
/// in the standard: it is taken as the month of 作成（変更）日.
pub(super) fn build<'a>(
    rows: &'a [Row],
    table2: &Table2,
    plan_date: Option<NaiveDate>,
    origins: &mut Origins<'a>,
    errors: &mut Vec<ImportError>,
) -> Option<Table3> {
    let before = errors.len();
    let mut created = None;
    let mut weekly: Vec<Fold> = Vec::new();
    let mut daily = Vec::new();
    let mut non_weekly = Vec::new();
    let p3 = document::TABLE3.of(&FieldPath::root());
    for r in rows {
        if created.is_none() {
            created = ymd(r, Up3kyo::CREATED_ON).map_err(|e| errors.push(e)).ok();
        }
        let group = (
            r.written(Up3kyo::SERVICE) || r.written(Up3kyo::WEEKDAY),
            r.written(Up3kyo::ACTIVITY),
            r.written(Up3kyo::NON_WEEKLY),
        );
        match group {
            (true, false, false) => {
                // 1 (Monday) to 7 (Sunday); written with leading zeros too.
                let day = r
                    .get(Up3kyo::WEEKDAY)
                    .trim()
                    .parse::<u32>()
                    .ok()
                    .and_then(|n| Weekday::from_csv_code(&n.to_string()));
                let Some(day) = day else {
                    errors.push(r.err(
                        Up3kyo::WEEKDAY,
                        ImportErrorCode::Code,
                        format!(
                            "曜日コード 1〜7 ではありません: {:?}",
                            r.get(Up3kyo::WEEKDAY)
                        ),
                        "not a weekday code 1–7",
                    ));
                    continue;
                };
                let Some((s, e)) = time_pair(r, Up3kyo::SERVICE_START, Up3kyo::SERVICE_END, errors)
                else {
                    continue;
                };
                let t = r.get(Up3kyo::SERVICE).to_owned();
                match weekly
                    .iter_mut()
                    .find(|w| w.text == t && w.start == s && w.end == e)
                {
                    Some(w) => w.days.push(day),
                    None => weekly.push(Fold {
                        text: t,
                        start: s,
                        end: e,
                        days: vec![day],
                        row: r,
                    }),
                }
            }
            (false, true, false) => {
                let Some((s, e)) =
                    time_pair(r, Up3kyo::ACTIVITY_START, Up3kyo::ACTIVITY_END, errors)
                else {
                    continue;
                };
                match text(r, Up3kyo::ACTIVITY) {
                    Ok(t) => {
                        origins.add(f3::DAILY_ACTIVITIES.of(&p3).index(daily.len()), r);
                        daily.push(DailyActivity {
                            start: s,
                            end: (e != s).then_some(e),
                            text: t,
                        });
                    }
                    Err(e) => errors.push(e),
                }
            }
            (false, false, true) => match text(r, Up3kyo::NON_WEEKLY) {
                Ok(t) => {
                    origins.add(f3::NON_WEEKLY.of(&p3).index(non_weekly.len()), r);
                    non_weekly.push(NonWeeklyService {
                        text: t,
                        service: None,
                    });
                }
                Err(e) => errors.push(e),
            },
            _ => errors.push(r.err(
                Up3kyo::SERVICE,
                ImportErrorCode::RowGroups,
                "1行に週間サービス・日常生活の活動・週単位以外のサービスのどれか一つを書きます",
                "a row holds exactly one of the three groups",
            )),
        }
    }
    let mut entries = Vec::new();
    for w in weekly {
        let label = match text_of(w.row, Up3kyo::SERVICE, w.text.clone()) {
            Ok(l) => l,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let (s, e) = (w.start, w.end);
        let (Ok(weekdays), Ok(time)) = (Weekdays::new(w.days), TimeRange::new(s, e)) else {
            errors.push(w.row.err(
                Up3kyo::SERVICE_END,
                ImportErrorCode::Time,
                format!("開始 {s} が終了 {e} より前ではありません"),
                "start not before end",
            ));
            continue;
        };
        origins.add(f3::WEEKLY.of(&p3).index(entries.len()), w.row);
        entries.push(WeeklyEntry {
            service: link(table2, &w.text),
            label: Some(label),
            weekdays,
            time,
        });
    }
    if errors.len() > before {
        return None;
    }
    let pd = plan_date?;
    Some(Table3 {
        created_on: created,
        starts_from: YearMonth::new(pd.year(), pd.month()).ok()?,
        weekly: entries,
        daily_activities: daily,
        non_weekly,
    })
}
