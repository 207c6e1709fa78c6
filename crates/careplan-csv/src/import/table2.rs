//! 第2表 from UP2KYO, one row per service.

use careplan_core::forms::kyotaku::fields::{document, table2 as f2};
use careplan_core::{
    FieldPath, LongTermGoal, Need, NonEmpty, OfficeNumber, Period, Provider, Service, ServiceId,
    ShortTermGoal, Table2, Text,
};
use chrono::NaiveDate;

use super::Origins;
use super::values::{Row, number, opt, opt_text, period, text, ymd};
use crate::records::{INSURED_CODES, Up1kyo, Up2kyo};
use crate::{ImportError, ImportErrorCode};

/// 第2表 being read, before its lists are known to be non-empty.
struct NeedIn {
    text: Text,
    longs: Vec<LongIn>,
}
struct LongIn {
    text: Text,
    period: Period,
    shorts: Vec<ShortIn>,
}
struct ShortIn {
    text: Text,
    period: Period,
    services: Vec<Service>,
}

/// The service of a row, numbered `n{課題}-g{援助目標}-s{援助内容}`.
fn row_service(r: &Row, a: u32, b: u32, c: u32) -> Result<Service, ImportError> {
    let id = ServiceId::new(format!("n{a}-g{b}-s{c}")).map_err(|_| {
        r.err(
            Up2kyo::SERVICE_NO,
            ImportErrorCode::Number,
            "サービスIDを作れません",
            "cannot number the service",
        )
    })?;
    let content = text(r, Up2kyo::CONTENT)?;
    let insured = match r.get(Up2kyo::INSURED).trim() {
        "" => false,
        code => match INSURED_CODES.iter().find(|(c, _)| *c == code) {
            Some((_, v)) => *v,
            None => {
                return Err(r.err(
                    Up2kyo::INSURED,
                    ImportErrorCode::Code,
                    format!("Y か N ではありません: {code:?}"),
                    "not Y or N",
                ));
            }
        },
    };
    let service_type = text(r, Up2kyo::SERVICE_TYPE)?;
    let office_number = opt(r, Up2kyo::PROVIDER_NUMBER, OfficeNumber::new)?;
    let provider = opt_text(r, Up2kyo::PROVIDER_NAME)?.map(|name| Provider {
        name,
        office_number,
    });
    let frequency = opt_text(r, Up2kyo::FREQUENCY)?;
    let period = period(r, Up2kyo::PERIOD)?;
    Ok(Service {
        id,
        content,
        insured,
        service_type,
        provider,
        frequency,
        period,
    })
}

/// The element the row adds to: `start`, pushed, when the row starts a new
/// one, else the last one; with its index. An error at field `no` when
/// there is none (a row that continues what no row began).
fn current<'a, T>(
    list: &'a mut Vec<T>,
    start: Option<T>,
    r: &Row,
    no: u16,
    [ja, en]: [&str; 2],
) -> Result<(usize, &'a mut T), ImportError> {
    list.extend(start);
    let i = list.len().saturating_sub(1);
    list.last_mut()
        .map(|x| (i, x))
        .ok_or_else(|| r.err(no, ImportErrorCode::MissingRecord, ja, en))
}

/// 第2表 from its rows, sorted by 課題ＮＯ, 援助目標ＮＯ and 援助内容ＮＯ. A
/// blank need, goal or period repeats the row above (the standard's
/// 「印刷上は…項目値は出力しない」); rows that repeat every value are read
/// the same way. A written 長期目標 or 長期期間 that differs from the row
/// above starts a new long-term goal; a new 援助目標ＮＯ starts a new
/// short-term goal. Each element's row is recorded in `origins`.
pub(super) fn build<'a>(
    r1: &Row,
    rows: &'a [Row],
    origins: &mut Origins<'a>,
    errors: &mut Vec<ImportError>,
) -> Option<(Table2, Option<NaiveDate>)> {
    let before = errors.len();
    let mut keyed = Vec::new();
    for r in rows {
        if let (Some(a), Some(b), Some(c)) = (
            number(r, Up2kyo::NEED_NO, errors),
            number(r, Up2kyo::GOAL_NO, errors),
            number(r, Up2kyo::SERVICE_NO, errors),
        ) {
            keyed.push(((a, b, c), r));
        }
    }
    keyed.sort_by_key(|(k, _)| *k);
    let Some((_, first)) = keyed.first() else {
        if errors.len() == before {
            errors.push(r1.err(
                Up1kyo::PLAN_DATE,
                ImportErrorCode::MissingRecord,
                "この計画の2表（UP2KYO）の行がありません",
                "no 2表 rows for this plan",
            ));
        }
        return None;
    };
    let created = match ymd(first, Up2kyo::CREATED_ON) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let needs_path = f2::NEEDS.of(&document::TABLE2.of(&FieldPath::root()));
    let mut needs: Vec<NeedIn> = Vec::new();
    let (mut cur_need, mut cur_goal) = (0u32, 0u32);
    let (mut long_text, mut long_period) = (String::new(), String::new());
    for ((a, b, c), r) in keyed {
        let new_need = a != cur_need;
        let new_long = new_need
            || (r.written(Up2kyo::LONG_TERM_GOAL) && r.get(Up2kyo::LONG_TERM_GOAL) != long_text)
            || (r.written(Up2kyo::LONG_TERM_PERIOD)
                && r.get(Up2kyo::LONG_TERM_PERIOD) != long_period);
        let new_short = new_long || b != cur_goal;
        let step = (|| -> Result<(), ImportError> {
            let start = match new_need {
                true => Some(NeedIn {
                    text: text(r, Up2kyo::NEED)?,
                    longs: Vec::new(),
                }),
                false => None,
            };
            let (ni, need) = current(
                &mut needs,
                start,
                r,
                Up2kyo::NEED,
                ["課題がありません", "no need"],
            )?;
            let pn = needs_path.index(ni);
            let start = match new_long {
                true => Some(LongIn {
                    text: text(r, Up2kyo::LONG_TERM_GOAL)?,
                    period: period(r, Up2kyo::LONG_TERM_PERIOD)?,
                    shorts: Vec::new(),
                }),
                false => None,
            };
            let missing = ["長期目標がありません", "no long-term goal"];
            let (li, long) = current(&mut need.longs, start, r, Up2kyo::LONG_TERM_GOAL, missing)?;
            let pl = f2::need::LONG_TERM_GOALS.of(&pn).index(li);
            let start = match new_short {
                true => Some(ShortIn {
                    text: text(r, Up2kyo::SHORT_TERM_GOAL)?,
                    period: period(r, Up2kyo::SHORT_TERM_PERIOD)?,
                    services: Vec::new(),
                }),
                false => None,
            };
            let missing = ["短期目標がありません", "no short-term goal"];
            let (si, short) =
                current(&mut long.shorts, start, r, Up2kyo::SHORT_TERM_GOAL, missing)?;
            let ps = f2::long_term_goal::SHORT_TERM_GOALS.of(&pl).index(si);
            for (new, path) in [(new_need, pn), (new_long, pl), (new_short, ps.clone())] {
                if new {
                    origins.add(path, r);
                }
            }
            let xi = short.services.len();
            short.services.push(row_service(r, a, b, c)?);
            origins.add(f2::short_term_goal::SERVICES.of(&ps).index(xi), r);
            Ok(())
        })();
        if let Err(e) = step {
            errors.push(e);
            return None;
        }
        if r.written(Up2kyo::LONG_TERM_GOAL) {
            long_text = r.get(Up2kyo::LONG_TERM_GOAL).to_owned();
        }
        if r.written(Up2kyo::LONG_TERM_PERIOD) {
            long_period = r.get(Up2kyo::LONG_TERM_PERIOD).to_owned();
        }
        cur_need = a;
        cur_goal = b;
    }
    let needs = needs
        .into_iter()
        .map(|n| {
            let longs = n.longs.into_iter().map(|l| {
                let shorts = l.shorts.into_iter().map(|s| {
                    Some(ShortTermGoal {
                        text: s.text,
                        period: s.period,
                        services: NonEmpty::new(s.services)?,
                    })
                });
                Some(LongTermGoal {
                    text: l.text,
                    period: l.period,
                    short_term_goals: NonEmpty::new(shorts.collect::<Option<Vec<_>>>()?)?,
                })
            });
            Some(Need {
                text: n.text,
                long_term_goals: NonEmpty::new(longs.collect::<Option<Vec<_>>>()?)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some((
        Table2 {
            created_on: None,
            needs: NonEmpty::new(needs)?,
        },
        created,
    ))
}
