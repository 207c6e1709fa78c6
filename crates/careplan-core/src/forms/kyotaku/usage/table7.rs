//! 第7表's units, from a 第6表 and a サービスコード master: the rows grouped
//! by 事業所 then サービス種類 (FORMS-4-7.md §5.1), a detail row per code
//! with its 単位数, 回数 and サービス単位 (R5), each group's 給付管理単位数
//! (the 限度額管理対象 rows'), the units over the 区分支給限度基準額 as the
//! care manager allocates them (§6.2, [`allocate_excess`]) and those within
//! it (R11), and the 限度額対象外 and 30日超 rows apart.
//!
//! [`money`] then prices each group: 単位数単価 from the 事業所's 地域区分
//! and the サービス種類's 人件費割合, and R6–R9 on its subtotal (費用総額 on
//! 区分内, 請求額, 利用者負担, 全額負担 on 区分超過 + 30日超), with the
//! 限度額対象外 rows priced on their own. Still to come (#13): 割引, rate-based
//! 加算 (処遇改善, refused here with [`Table7Error::RateBased`]), 種類支給限度,
//! 定額 services and the explanation of a row.
//!
//! ```
//! use careplan_core::forms::kyotaku::usage::Usage;
//! use careplan_core::forms::kyotaku::usage::table7::{Basis, units};
//! use careplan_core::service_codes::Master;
//!
//! let usage = Usage::from_json(&std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"), "/../../fixtures/usage/level-change-2025-04.json"))?)?;
//! // Synthetic figures for the example, not the サービスコード表's.
//! let master = Master::from_csv("code,name,units,rate_permille,per,limit_managed,valid_from,valid_to,source
//! 151211,通所介護,900,,time,true,2024-06,,synthetic
//! 111111,身体介護１,244,,time,true,2024-06,,synthetic
//! 211211,短期入所生活介護,800,,day,true,2024-06,,synthetic
//! ").map_err(|e| format!("{e:?}"))?;
//! let t = units(&usage, &master, Basis::Planned, None)?;
//! assert_eq!(t.groups.len(), 3);
//! // 通所介護: eight Mondays and Thursdays × 900.
//! assert_eq!(t.groups[0].managed.get(), 7_200);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use super::{DayCount, Usage};
use crate::path::FieldPath;
use crate::service_codes::{Master, Per, ServiceCode, Worth};
use crate::text::{OfficeNumber, ServiceKind};
use crate::time::YearMonth;
use crate::units::{
    AreaGrade, ArithError, BenefitRate, GroupMoney, UnitPrice, Units, Yen, allocate_excess,
    benefit_rate, group_money, labor_share, unit_price,
};

/// Which line of 第6表 the 回数 come from: 予定 (R4, the plan), or 実績
/// (the month as served, for the 給付管理 after the fact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The 予定 lines.
    Planned,
    /// The 実績 lines.
    Actual,
}

/// One detail row: one サービスコード of one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailRow {
    /// サービスコード.
    pub code: ServiceCode,
    /// The master's サービス名称.
    pub name: String,
    /// 単位数 per count (negative for a 減算).
    pub units: Units,
    /// 回数: the line's counts (1回につき), its days (1日につき), or 1
    /// (1月につき, when the line has any day).
    pub count: u32,
    /// サービス単位／金額 = 単位数 × 回数 (R5).
    pub service_units: Units,
    /// Whether the row counts against the 区分支給限度基準額.
    pub limit_managed: bool,
    /// 30日超 (全額負担).
    pub over_30_days: bool,
    /// The 第6表 rows it sums, by index.
    pub from_rows: Vec<usize>,
}

/// One 事業所 × サービス種類 group with its subtotal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// 事業所番号.
    pub office_number: OfficeNumber,
    /// 事業所名 (the first 第6表 row's).
    pub office_name: String,
    /// サービス種類コード (the codes' first two characters).
    pub kind: String,
    /// The detail rows, in 第6表 order of first appearance.
    pub rows: Vec<DetailRow>,
    /// 給付管理単位数: Σ サービス単位 of the 限度額管理対象 rows (not 30日超).
    pub managed: Units,
    /// 区分支給限度基準を超える単位数.
    pub over: Units,
    /// 区分支給限度基準内単位数 = managed − over (R11).
    pub within: Units,
}

/// 第7表's units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table7Units {
    /// The groups, by 事業所 then サービス種類, in 第6表 order of first appearance.
    pub groups: Vec<Group>,
    /// 区分支給限度基準額.
    pub limit: Units,
    /// Σ 給付管理単位数.
    pub managed: Units,
    /// Σ 区分支給限度基準を超える単位数 = max(0, managed − limit).
    pub over: Units,
    /// Σ 区分支給限度基準内単位数.
    pub within: Units,
}

/// Why 第7表's units could not be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Table7Error {
    /// A 第6表 row's code has no row in the master for the month.
    NotInMaster {
        /// The 第6表 row's path (`rows[2].code`).
        path: FieldPath,
        /// The code.
        code: String,
    },
    /// A rate-based 加算 (処遇改善 …): not computed yet.
    RateBased {
        /// The 第6表 row's path.
        path: FieldPath,
        /// The code.
        code: String,
    },
    /// A group's 事業所 has no 地域区分 in the options.
    NoAreaGrade {
        /// The group's path (`groups[1]`).
        path: FieldPath,
        /// The 事業所番号.
        office: String,
    },
    /// The arithmetic refused (an overflow, or an allocation that breaks
    /// §6.2's invariants: `allocation[g]` for a group's).
    Arith {
        /// Where: `allocation`, `allocation[g]`, or the row's path.
        path: FieldPath,
        /// The arithmetic's error.
        error: ArithError,
    },
}

impl fmt::Display for Table7Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Table7Error::NotInMaster { path, code } => write!(
                f,
                "{path}: サービスコード {code} が対象年月のマスタにありません / code {code} is not in the master for the month"
            ),
            Table7Error::RateBased { path, code } => write!(
                f,
                "{path}: 率による加算 {code} はまだ計算できません / the rate-based code {code} is not computed yet"
            ),
            Table7Error::NoAreaGrade { path, office } => write!(
                f,
                "{path}: 事業所 {office} の地域区分がありません / no 地域区分 for office {office}"
            ),
            Table7Error::Arith { path, error } => write!(f, "{path}: {error}"),
        }
    }
}

impl std::error::Error for Table7Error {}

/// 回数 of a line for a code counted `per`.
fn count(days: &[DayCount], per: Per) -> u32 {
    match per {
        Per::Time => days.iter().map(|d| u32::from(d.count)).sum(),
        Per::Day => u32::try_from(days.len()).unwrap_or(u32::MAX),
        Per::Month => u32::from(!days.is_empty()),
    }
}

/// 第7表's units for the month: `allocation`, when given, is each group's
/// 区分支給限度基準を超える単位数 as the care manager chose it (checked);
/// without it, [`allocate_excess`]'s documented default.
pub fn units(
    usage: &Usage,
    master: &Master,
    basis: Basis,
    allocation: Option<&[Units]>,
) -> Result<Table7Units, Table7Error> {
    let p = usage.parts();
    let root = FieldPath::root();
    let rows_path = super::fields::document::ROWS.of(&root);
    let mut groups: Vec<Group> = Vec::new();
    for (i, r) in p.rows.iter().enumerate() {
        let path = super::fields::row::CODE.of(&rows_path.index(i));
        let Some(m) = master.get(&r.code, p.month) else {
            return Err(Table7Error::NotInMaster {
                path,
                code: r.code.as_str().to_owned(),
            });
        };
        let Worth::Units(per_count) = m.worth else {
            return Err(Table7Error::RateBased {
                path,
                code: r.code.as_str().to_owned(),
            });
        };
        let line = match basis {
            Basis::Planned => &r.planned,
            Basis::Actual => &r.actual,
        };
        let n = count(line, m.per);
        let arith = |error| Table7Error::Arith {
            path: path.clone(),
            error,
        };
        let kind = r.code.kind().to_owned();
        let g = match groups
            .iter()
            .position(|g| g.office_number == r.office_number && g.kind == kind)
        {
            Some(g) => g,
            None => {
                groups.push(Group {
                    office_number: r.office_number.clone(),
                    office_name: r.office_name.as_str().to_owned(),
                    kind,
                    rows: Vec::new(),
                    managed: Units::ZERO,
                    over: Units::ZERO,
                    within: Units::ZERO,
                });
                groups.len() - 1
            }
        };
        let Some(group) = groups.get_mut(g) else {
            continue;
        };
        let units = Units::new(per_count);
        match group
            .rows
            .iter_mut()
            .find(|d| d.code == r.code && d.over_30_days == r.over_30_days)
        {
            Some(d) => {
                d.count = d.count.saturating_add(n);
                d.service_units = units.times(d.count).map_err(arith)?;
                d.from_rows.push(i);
            }
            None => group.rows.push(DetailRow {
                code: r.code.clone(),
                name: m.name.as_str().to_owned(),
                units,
                count: n,
                service_units: units.times(n).map_err(arith)?,
                limit_managed: m.limit_managed,
                over_30_days: r.over_30_days,
                from_rows: vec![i],
            }),
        }
    }
    let arith_at = |path: &str| {
        let path = FieldPath::from_text(path);
        move |error| Table7Error::Arith { path, error }
    };
    for g in &mut groups {
        let managed: Vec<Units> = g
            .rows
            .iter()
            .filter(|d| d.limit_managed && !d.over_30_days)
            .map(|d| d.service_units)
            .collect();
        g.managed = Units::sum(&managed).map_err(arith_at("rows"))?;
    }
    let managed: Vec<Units> = groups.iter().map(|g| g.managed).collect();
    let limit = usage.limit_units();
    let over = allocate_excess(&managed, limit, allocation).map_err(|error| {
        let path = match error {
            ArithError::Allocation { group: Some(g), .. } => format!("allocation[{g}]"),
            _ => "allocation".to_owned(),
        };
        Table7Error::Arith {
            path: FieldPath::from_text(path),
            error,
        }
    })?;
    for (g, o) in groups.iter_mut().zip(over) {
        g.over = o;
        g.within = g.managed.checked_sub(o).map_err(arith_at("allocation"))?;
    }
    let sum = |f: fn(&Group) -> Units| {
        let v: Vec<Units> = groups.iter().map(f).collect();
        Units::sum(&v).map_err(arith_at("rows"))
    };
    Ok(Table7Units {
        limit,
        managed: sum(|g| g.managed)?,
        over: sum(|g| g.over)?,
        within: sum(|g| g.within)?,
        groups,
    })
}

/// What the money columns need beyond the units: each 事業所's 地域区分
/// and the user's 負担割合 (1, 2 or 3 割).
#[derive(Debug, Clone, Copy)]
pub struct MoneyOptions<'a> {
    /// The 地域区分 of each 事業所 of the sheet (its address, not the user's).
    pub grades: &'a [(OfficeNumber, AreaGrade)],
    /// 負担割合 in tenths (1: 1割 → 給付率 90 %).
    pub burden_tenths: u8,
}

/// One group's money: its 単位数単価, 給付率 and the columns of its
/// subtotal (the 限度額管理対象 part, R6–R9, with 30日超 units in the
/// 全額負担) and of its 限度額対象外 rows, priced alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupMoneyLine {
    /// 単位数単価 (地域区分 × the サービス種類's 人件費割合).
    pub price: UnitPrice,
    /// 給付率.
    pub rate: BenefitRate,
    /// The subtotal: 費用総額 on 区分内 (R6), 請求額 (R7), 利用者負担 (R8),
    /// 全額負担 on 区分超過 + 30日超 (R9).
    pub subtotal: GroupMoney,
    /// The 限度額対象外 rows together (their own 費用総額 … ), if any.
    pub outside: Option<GroupMoney>,
}

/// 第7表's money, group by group, and the 合計.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table7Money {
    /// One line per group, in the groups' order.
    pub groups: Vec<GroupMoneyLine>,
    /// Σ 費用総額.
    pub cost: Yen,
    /// Σ 保険／事業費請求額.
    pub claim: Yen,
    /// Σ 利用者負担（保険／事業対象分）.
    pub burden: Yen,
    /// Σ 利用者負担（全額負担分）.
    pub full_burden: Yen,
}

fn add(a: Yen, b: Yen) -> Result<Yen, ArithError> {
    a.get()
        .checked_add(b.get())
        .map(Yen::new)
        .ok_or(ArithError::Overflow {
            what: "第7表の合計",
        })
}

/// 第7表's money from its units: R6–R9 on each group's subtotal in order,
/// the 限度額対象外 rows priced on their own, and the 合計. A group whose
/// 事業所 has no 地域区分 in `options`, or whose サービス種類 has no
/// 人件費割合 in the table, is refused with the group's path (`groups[g]`).
pub fn money(
    t: &Table7Units,
    month: YearMonth,
    options: &MoneyOptions<'_>,
) -> Result<Table7Money, Table7Error> {
    let at = |g: usize| {
        let path = FieldPath::from_text(format!("groups[{g}]"));
        move |error| Table7Error::Arith { path, error }
    };
    let rate = benefit_rate(options.burden_tenths, month).map_err(|error| Table7Error::Arith {
        path: FieldPath::from_text("burden_tenths"),
        error,
    })?;
    let mut lines = Vec::new();
    let (mut cost, mut claim, mut burden, mut full) =
        (Yen::new(0), Yen::new(0), Yen::new(0), Yen::new(0));
    for (g, group) in t.groups.iter().enumerate() {
        let Some((_, grade)) = options
            .grades
            .iter()
            .find(|(o, _)| *o == group.office_number)
        else {
            return Err(Table7Error::NoAreaGrade {
                path: FieldPath::from_text(format!("groups[{g}]")),
                office: group.office_number.as_str().to_owned(),
            });
        };
        let kind = ServiceKind::new(group.kind.as_str()).map_err(|_| Table7Error::Arith {
            path: FieldPath::from_text(format!("groups[{g}]")),
            error: ArithError::NoTable {
                table: "人件費割合",
                month,
            },
        })?;
        let share = labor_share(&kind, month).map_err(at(g))?;
        let price = unit_price(*grade, share, month).map_err(at(g))?;
        let sum_of = |pick: fn(&DetailRow) -> bool| {
            let v: Vec<Units> = group
                .rows
                .iter()
                .filter(|d| pick(d))
                .map(|d| d.service_units)
                .collect();
            Units::sum(&v)
        };
        let over_30 = sum_of(|d| d.over_30_days).map_err(at(g))?;
        let outside_units = sum_of(|d| !d.limit_managed && !d.over_30_days).map_err(at(g))?;
        let full_units = group.over.checked_add(over_30).map_err(at(g))?;
        let subtotal = group_money(group.within, full_units, price, rate).map_err(at(g))?;
        let outside = if group
            .rows
            .iter()
            .any(|d| !d.limit_managed && !d.over_30_days)
        {
            Some(group_money(outside_units, Units::ZERO, price, rate).map_err(at(g))?)
        } else {
            None
        };
        for m in std::iter::once(subtotal).chain(outside) {
            cost = add(cost, m.cost).map_err(at(g))?;
            claim = add(claim, m.claim).map_err(at(g))?;
            burden = add(burden, m.burden).map_err(at(g))?;
            full = add(full, m.full_burden).map_err(at(g))?;
        }
        lines.push(GroupMoneyLine {
            price,
            rate,
            subtotal,
            outside,
        });
    }
    Ok(Table7Money {
        groups: lines,
        cost,
        claim,
        burden,
        full_burden: full,
    })
}
