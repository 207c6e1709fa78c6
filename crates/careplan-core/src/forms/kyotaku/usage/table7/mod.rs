//! 第7表 サービス利用票別表, computed from a 第6表, a サービスコード master
//! and [`Terms`]: every column of FORMS-4-7.md §5.1, the 種類別支給限度管理
//! (§5.2) and the 短期入所利用日数 (§5.3).
//!
//! How each column comes about, in the order [`compute`] takes:
//!
//! 1. The 第6表 rows are grouped by 事業所 then サービス種類 (§5.1), one
//!    detail row per サービスコード (and 30日超 apart), in 第6表's order.
//! 2. Each detail row: 単位数 from the master; 割引後単位数 where the
//!    事業所 filed a 割引 for the kind (R3, 四捨五入); 回数 from the
//!    予定 (R4) or 実績 line — the counts (1回につき), the days (1日につき)
//!    or 1 (1月につき); サービス単位 = 単位数 × 回数 (R5).
//! 3. 給付管理単位数 of a group: Σ サービス単位 of its 限度額管理対象 rows.
//! 4. 種類支給限度: where the 市町村 set one for a kind, its groups' units
//!    over it (from the last group of the kind upward); 種類内 = 給付管理 −
//!    種類超過 (R11).
//! 5. 区分支給限度: the excess Σ 種類内 − 区分支給限度基準額 put on the groups
//!    the care manager chose ([`Terms::allocation`], checked against §6.2),
//!    or by [`crate::units::allocate_excess`]'s default; 区分内 = 種類内 −
//!    区分超過 (R11).
//! 6. Rate-based 加算 (処遇改善 …, §6.3): 四捨五入 of the group's units
//!    (every other row, 限度額対象外 and 30日超 included) × the rate; the
//!    part on the units within the limits is insured, the rest full burden
//!    (§6.2, [`crate::units::rate_addition_split`]).
//! 7. Money: 単位数単価 from the 事業所's 地域区分 and the kind's
//!    人件費割合 (or the price the terms give); on each group's subtotal
//!    費用総額 = ⌊区分内 × 単価⌋ (R6), 請求額 = ⌊費用総額 × 給付率⌋ (R7),
//!    利用者負担 = the difference (R8), 全額負担 = ⌊(種類超過 + 区分超過) ×
//!    単価⌋ (R9); a 定額 service's burden is its 定額 × 回数 and its claim
//!    the rest (R10); each 限度額対象外 row priced on its own; the 30日超
//!    rows priced together, all full burden.
//!
//! [`Table7::explain`] tells for one row how each of its columns was
//! obtained. Every figure is reproducible from the three inputs.
//!
//! ```
//! use careplan_core::forms::kyotaku::usage::Usage;
//! use careplan_core::forms::kyotaku::usage::table7::{compute, Terms};
//! use careplan_core::service_codes::Master;
//! use careplan_core::units::AreaGrade;
//!
//! let usage = Usage::from_json(&std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"), "/../../fixtures/usage/level-change-2025-04.json"))?)?;
//! // Synthetic figures for the example, not the サービスコード表's.
//! let master = Master::from_csv("code,name,units,rate_permille,per,limit_managed,valid_from,valid_to,source
//! 151211,通所介護,900,,time,true,2024-06,,synthetic
//! 111111,身体介護１,244,,time,true,2024-06,,synthetic
//! 211211,短期入所生活介護,800,,day,true,2024-06,,synthetic
//! ").map_err(|e| format!("{e:?}"))?;
//! let offices: Vec<_> = usage.parts().rows.iter()
//!     .map(|r| (r.office_number.clone(), AreaGrade::Grade2)).collect();
//! let t = compute(&usage, &master, &Terms::new(1, &offices)).map_err(|e| format!("{e:?}"))?;
//! assert_eq!(t.groups.len(), 3);
//! // 通所介護: eight Mondays and Thursdays × 900.
//! assert_eq!(t.groups[0].managed.get(), 7_200);
//! // Each column of a row, and how it was obtained.
//! let steps = t.explain(0, 0).ok_or("no such row")?;
//! assert_eq!(steps[0].column_ja, "単位数");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod explain;
mod json;
pub mod terms;

use std::fmt;

pub use explain::Step;
pub use terms::{Discount, Excess, KindLimit, KindPrice, OfficeTerms, Terms};

use super::{DayCount, Usage, UsageRow};
use crate::path::FieldPath;
use crate::service_codes::{Master, Per, ServiceCode, Worth};
use crate::text::{OfficeNumber, ServiceKind};
use crate::time::YearMonth;
use crate::units::{
    AreaGrade, ArithError, BenefitRate, GroupMoney, LaborShare, UnitPrice, Units, Yen,
    allocate_excess, benefit_rate, fixed_burden, fixed_burden_prorated, fixed_claim, group_money,
    labor_share, rate_addition_split, unit_price, yen_of,
};

crate::code_enum! {
    /// Which line of 第6表 the 回数 come from.
    pub enum Basis {
        /// The 予定 lines (R4): the plan.
        Planned = "planned", "予定";
        /// The 実績 lines: the month as served, for the 給付管理 after it.
        Actual = "actual", "実績";
    }
}

/// The サービス種類 of 短期入所 (生活介護 21, 療養介護 22–23 and 2A, and their
/// 介護予防 forms 24–26 and 2B; careplan's reading, `docs/readings.md` \[U\]),
/// whose days 第7表 counts in 「要介護認定期間中の短期入所利用日数」.
pub const SHORT_STAY_KINDS: &[&str] = &["21", "22", "23", "2A", "24", "25", "26", "2B"];

/// Where a detail row stands against the 区分支給限度基準額.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowClass {
    /// 限度額管理対象: in the group's subtotal.
    Managed,
    /// 限度額管理対象外: priced on its own row.
    Outside,
    /// 30日超 (短期入所 past the 30th consecutive day): full burden.
    Over30Days,
}

/// What one count of a detail row is worth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowWorth {
    /// A unit-based code.
    Units {
        /// 単位数 from the master.
        units: Units,
        /// 割引後 率 (%) and 単位数 (R3), where the 事業所 filed a 割引.
        discounted: Option<(u8, Units)>,
    },
    /// A rate-based 加算 (§6.3).
    Rate {
        /// The rate, ‰.
        permille: u16,
        /// The units it applies to: the group's other rows.
        base: Units,
        /// The part of `base` within the limits.
        base_within: Units,
    },
}

/// A 定額 service's burden (R10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fixed {
    /// 定額利用者負担単価金額.
    pub per_count: Yen,
    /// The row's 利用者負担: per_count × 回数, or — where the row carries
    /// units over the limit — per_count × 区分内 ÷ 単位数, cut down (\[U\]).
    pub burden: Yen,
    /// Whether the burden was prorated.
    pub prorated: bool,
}

/// One detail row of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailRow {
    /// サービスコード.
    pub code: ServiceCode,
    /// The master's サービス名称.
    pub name: String,
    /// Where the master's row says its figure comes from.
    pub source: Option<String>,
    /// 限度額管理対象, 対象外 or 30日超.
    pub class: RowClass,
    /// 算定単位.
    pub per: Per,
    /// 単位数 (and 割引後), or the rate.
    pub worth: RowWorth,
    /// 回数.
    pub count: u32,
    /// サービス単位／金額.
    pub service_units: Units,
    /// The row's share of the units within the limits (the form's
    /// parenthesised breakdown); a rate-based row's insured units.
    pub within: Units,
    /// The row's share of the units over the limits; a rate-based row's
    /// units that fall into 全額負担.
    pub over: Units,
    /// A 定額 service's burden.
    pub fixed: Option<Fixed>,
    /// A 限度額対象外 row's money, priced on the row.
    pub money: Option<GroupMoney>,
    /// The 第6表 rows it sums, by index.
    pub from_rows: Vec<usize>,
}

impl DetailRow {
    /// The units of one count after any 割引 (a rate-based row: none).
    pub fn units_per_count(&self) -> Option<Units> {
        match self.worth {
            RowWorth::Units {
                discounted: Some((_, u)),
                ..
            }
            | RowWorth::Units { units: u, .. } => Some(u),
            RowWorth::Rate { .. } => None,
        }
    }
}

/// How a group's 単位数単価 was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceFrom {
    /// The 告示's table: the 事業所's 地域区分 × the kind's 人件費割合.
    Table(AreaGrade, LaborShare),
    /// Given in the terms (the 市町村's price).
    Given,
}

/// The name of an office: the first row of it that has one, else its number.
fn office_name(rows: &[UsageRow], office: &OfficeNumber) -> String {
    rows.iter()
        .filter(|r| &r.office_number == office)
        .find_map(|r| r.office_name.as_ref())
        .map_or_else(|| office.as_str().to_owned(), |n| n.as_str().to_owned())
}

/// One 事業所 × サービス種類 group, with its subtotal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// 事業所番号.
    pub office_number: OfficeNumber,
    /// 事業所名: the first 第6表 row of the office that names it, else the
    /// 事業所番号 (a sheet read from the CSV may carry no names).
    pub office_name: String,
    /// サービス種類コード.
    pub kind: ServiceKind,
    /// 単位数単価.
    pub price: UnitPrice,
    /// How the price was found.
    pub price_from: PriceFrom,
    /// 給付率.
    pub rate: BenefitRate,
    /// The detail rows: 限度額管理対象 first, then 対象外, then 30日超,
    /// each in 第6表's order.
    pub rows: Vec<DetailRow>,
    /// 給付管理単位数: Σ サービス単位 of the 限度額管理対象 rows.
    pub managed: Units,
    /// 種類支給限度基準を超える単位数.
    pub kind_over: Units,
    /// 種類支給限度基準内単位数 = managed − kind_over.
    pub kind_within: Units,
    /// 区分支給限度基準を超える単位数.
    pub over: Units,
    /// 区分支給限度基準内単位数 = kind_within − over.
    pub within: Units,
    /// The subtotal's money (限度額管理対象 part), if the group has such rows.
    pub subtotal: Option<GroupMoney>,
    /// Σ 定額 burden of the subtotal's rows, if they are 定額 (R10).
    pub fixed_burden: Option<Yen>,
    /// The 限度額対象外 rows' money added up (the optional EEEE subtotal).
    pub outside: Option<GroupMoney>,
    /// The 30日超 rows: their units and full burden (the ZZZZ subtotal).
    pub over_30: Option<(Units, Yen)>,
}

/// One line of 「種類別支給限度管理」.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindLine {
    /// サービス種類コード.
    pub kind: ServiceKind,
    /// 種類支給限度基準額, where set.
    pub limit: Option<Units>,
    /// 合計単位数: Σ 給付管理単位数 of the kind.
    pub total: Units,
    /// 種類支給限度基準を超える単位数.
    pub over: Units,
}

/// 「要介護認定期間中の短期入所利用日数」.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShortStayDays {
    /// 前月までの利用日数, as 第6表 gives it.
    pub before: Option<u32>,
    /// 当月の計画利用日数: days with a 短期入所 count on the line.
    pub this_month: u32,
    /// 累積利用日数 = before + this_month, where before is given.
    pub cumulative: Option<u32>,
}

/// Whose choice put the units over the 区分支給限度基準額 where they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllocationFrom {
    /// Nothing is over the limit.
    NoExcess,
    /// The care manager's, in the terms.
    Chosen,
    /// careplan's default: from the last group upward.
    Default,
}

/// 第7表, computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table7 {
    /// 対象年月.
    pub month: YearMonth,
    /// 予定 or 実績.
    pub basis: Basis,
    /// The groups, by 事業所 then サービス種類, in 第6表 order of first appearance.
    pub groups: Vec<Group>,
    /// 区分支給限度基準額.
    pub limit: Units,
    /// Σ 給付管理単位数.
    pub managed: Units,
    /// Σ 種類支給限度基準を超える単位数.
    pub kind_over: Units,
    /// Σ 区分支給限度基準を超える単位数.
    pub over: Units,
    /// Σ 区分支給限度基準内単位数.
    pub within: Units,
    /// Whose choice the allocation is.
    pub allocation: AllocationFrom,
    /// Σ 費用総額.
    pub cost: Yen,
    /// Σ 保険／事業費請求額.
    pub claim: Yen,
    /// Σ 利用者負担（保険／事業対象分）.
    pub burden: Yen,
    /// Σ 利用者負担（全額負担分）.
    pub full_burden: Yen,
    /// 種類別支給限度管理: each kind with 限度額管理対象 units.
    pub kinds: Vec<KindLine>,
    /// 短期入所利用日数.
    pub short_stay: ShortStayDays,
}

/// What kept 第7表 from being computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Table7Problem {
    /// A 第6表 code has no row of the master in force for the month.
    NotInMaster,
    /// An 事業所 of the sheet has no terms (its 地域区分).
    NoTerms,
    /// No 単位数単価: the kind is not in the 人件費割合 table (the
    /// 総合事業's) and the terms give none.
    NoPrice,
    /// A rate-based code marked 限度額管理対象: careplan computes rates on
    /// units outside the limit only.
    RateInsideLimit,
    /// A group mixes 定額 and 給付率 services in its subtotal.
    MixedFixed,
    /// A 定額 burden larger than the 費用総額 it comes out of.
    FixedOverCost,
    /// The terms name a group the sheet does not have.
    UnknownGroup,
    /// The allocation breaks §6.2's invariants.
    Allocation,
    /// The arithmetic refused (an overflow, a table that does not cover the
    /// month).
    Arith,
    /// The terms are not JSON of their shape.
    TermsShape,
    /// A value of the terms out of its range or format.
    TermsValue,
    /// An 事業所 given twice in the terms.
    TermsTwice,
}

impl Table7Problem {
    /// A stable code for the problem.
    pub fn code(self) -> &'static str {
        match self {
            Table7Problem::NotInMaster => "not_in_master",
            Table7Problem::NoTerms => "no_terms",
            Table7Problem::NoPrice => "no_price",
            Table7Problem::RateInsideLimit => "rate_inside_limit",
            Table7Problem::MixedFixed => "mixed_fixed",
            Table7Problem::FixedOverCost => "fixed_over_cost",
            Table7Problem::UnknownGroup => "unknown_group",
            Table7Problem::Allocation => "allocation",
            Table7Problem::Arith => "arithmetic",
            Table7Problem::TermsShape => "terms_shape",
            Table7Problem::TermsValue => "terms_value",
            Table7Problem::TermsTwice => "terms_twice",
        }
    }

    /// The message, in Japanese and English.
    pub fn messages(self) -> (&'static str, &'static str) {
        match self {
            Table7Problem::NotInMaster => (
                "サービスコードが対象年月のマスタにありません",
                "the code is not in the master for the month",
            ),
            Table7Problem::NoTerms => (
                "事業所の地域区分が指定されていません",
                "no 地域区分 is given for the office",
            ),
            Table7Problem::NoPrice => (
                "単位数単価を決められません（人件費割合の表にないサービス種類です。単価を指定してください）",
                "no unit price: the kind is not in the 人件費割合 table; give its price",
            ),
            Table7Problem::RateInsideLimit => (
                "率による加算が区分支給限度基準額の対象とされています",
                "a rate-based code is marked as inside the limit",
            ),
            Table7Problem::MixedFixed => (
                "定額のサービスと給付率によるサービスが同じ小計にあります",
                "a subtotal mixes 定額 and rate-paid services",
            ),
            Table7Problem::FixedOverCost => (
                "定額の利用者負担が費用総額を超えます",
                "the 定額 burden exceeds the cost",
            ),
            Table7Problem::UnknownGroup => (
                "この事業所・サービス種類の組は第6表にありません",
                "the sheet has no such office and kind",
            ),
            Table7Problem::Allocation => (
                "区分支給限度基準を超える単位数の割り当てが条件を満たしません",
                "the allocation of units over the limit breaks its invariants",
            ),
            Table7Problem::Arith => ("計算できません", "the arithmetic refused"),
            Table7Problem::TermsShape => (
                "条件（terms）の形式が正しくありません",
                "the terms are not of their shape",
            ),
            Table7Problem::TermsValue => (
                "条件（terms）の値が範囲外か、形式が違います",
                "a value of the terms is out of range or format",
            ),
            Table7Problem::TermsTwice => (
                "同じ事業所が二度指定されています",
                "an office is given twice",
            ),
        }
    }
}

/// One problem, where it is: a path of 第6表 (`rows[2].code`) or of the
/// terms (`allocation[0].units`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table7Error {
    /// Where.
    pub path: FieldPath,
    /// What.
    pub problem: Table7Problem,
    /// The offending value, or the detail.
    pub value: String,
}

impl Table7Error {
    /// An error.
    pub fn new(path: FieldPath, problem: Table7Problem, value: impl Into<String>) -> Table7Error {
        Table7Error {
            path,
            problem,
            value: value.into(),
        }
    }

    fn arith(path: FieldPath, error: &ArithError) -> Table7Error {
        let problem = match error {
            ArithError::Allocation { .. } => Table7Problem::Allocation,
            _ => Table7Problem::Arith,
        };
        Table7Error::new(path, problem, error.to_string())
    }
}

impl fmt::Display for Table7Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (ja, en) = self.problem.messages();
        write!(f, "{}: {ja} / {en}", self.path)?;
        if !self.value.is_empty() {
            write!(f, " ({})", self.value)?;
        }
        Ok(())
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

fn add_yen(a: Yen, b: Yen) -> Result<Yen, ArithError> {
    a.get()
        .checked_add(b.get())
        .map(Yen::new)
        .ok_or(ArithError::Overflow {
            what: "第7表の合計",
        })
}

fn add_money(a: GroupMoney, b: GroupMoney) -> Result<GroupMoney, ArithError> {
    Ok(GroupMoney {
        cost: add_yen(a.cost, b.cost)?,
        claim: add_yen(a.claim, b.claim)?,
        burden: add_yen(a.burden, b.burden)?,
        full_burden: add_yen(a.full_burden, b.full_burden)?,
    })
}

/// Puts `total` units on `rows` from the last upward, each taking at most
/// its own (positive) units: the rows' shares of a group's excess.
fn spread(total: Units, rows: &[Units]) -> Result<Vec<Units>, ArithError> {
    let mut left = total;
    let mut out = vec![Units::ZERO; rows.len()];
    for (slot, u) in out.iter_mut().zip(rows).rev() {
        let take = left.min((*u).max(Units::ZERO));
        *slot = take;
        left = left.checked_sub(take)?;
    }
    Ok(out)
}

/// An office's 単位数単価 for a kind: the one the terms give, else the
/// 告示's for its 地域区分 and the kind's 人件費割合. `Err(None)`: the kind
/// has no 人件費割合 (the 総合事業's) and the terms give no price.
fn price_for(
    o: &OfficeTerms,
    kind: &ServiceKind,
    month: YearMonth,
) -> Result<(UnitPrice, PriceFrom), Option<ArithError>> {
    if let Some(k) = o.prices.iter().find(|k| k.kind == *kind) {
        return Ok((k.price, PriceFrom::Given));
    }
    let share = labor_share(kind, month).map_err(|_| None)?;
    let price = unit_price(o.area_grade, share, month).map_err(Some)?;
    Ok((price, PriceFrom::Table(o.area_grade, share)))
}

/// The money of a subtotal or of a 限度額対象外 row: `insured` units priced
/// (R6) and the claim by 給付率 (R7, R8) — or, for a 定額 service, the cost
/// less its 定額 burden (R10) — with `full` units paid in full (R9). A 定額
/// burden over the cost is refused at `path`, `what` naming it (or the two
/// figures when `None`).
fn priced(
    insured: Units,
    full: Units,
    price: UnitPrice,
    rate: BenefitRate,
    fixed: Option<Yen>,
    path: &FieldPath,
    what: Option<&str>,
) -> Result<GroupMoney, Vec<Table7Error>> {
    let arith = |e: ArithError| vec![Table7Error::arith(path.clone(), &e)];
    let Some(burden) = fixed else {
        return group_money(insured, full, price, rate).map_err(arith);
    };
    let cost = yen_of(insured, price).map_err(arith)?;
    if burden > cost {
        let value = match what {
            Some(w) => w.to_owned(),
            None => format!("{} > {}", burden.get(), cost.get()),
        };
        return Err(vec![Table7Error::new(
            path.clone(),
            Table7Problem::FixedOverCost,
            value,
        )]);
    }
    Ok(GroupMoney {
        cost,
        claim: fixed_claim(cost, burden).map_err(arith)?,
        burden,
        full_burden: yen_of(full, price).map_err(arith)?,
    })
}

/// A row being gathered, before the group's figures are known.
struct Gathered {
    row: DetailRow,
    fixed_per_count: Option<i64>,
    first_path: FieldPath,
}

/// 第7表 for the month of `usage`, from the master and the terms. Every
/// problem that can be seen before the arithmetic (codes missing from the
/// master, offices without terms, kinds without a price, allocations naming
/// no group) is reported together; then the arithmetic's first refusal.
pub fn compute(usage: &Usage, master: &Master, terms: &Terms) -> Result<Table7, Vec<Table7Error>> {
    let p = usage.parts();
    let month = p.month;
    let mut errors = Vec::new();
    let rows_path = super::fields::document::ROWS.of(&FieldPath::root());
    let rate = benefit_rate(terms.burden_tenths, month).map_err(|e| {
        vec![Table7Error::arith(
            FieldPath::from_text("burden_tenths"),
            &e,
        )]
    })?;

    // 1–2: groups and their detail rows.
    struct Building {
        office_number: OfficeNumber,
        office_name: String,
        kind: ServiceKind,
        price: Option<(UnitPrice, PriceFrom)>,
        discount: Option<u8>,
        rows: Vec<Gathered>,
    }
    let mut groups: Vec<Building> = Vec::new();
    for (i, r) in p.rows.iter().enumerate() {
        let row_path = rows_path.index(i);
        let code_path = super::fields::row::CODE.of(&row_path);
        let Some(m) = master.get(&r.code, month) else {
            errors.push(Table7Error::new(
                code_path,
                Table7Problem::NotInMaster,
                r.code.as_str(),
            ));
            continue;
        };
        let line = match terms.basis {
            Basis::Planned => &r.planned,
            Basis::Actual => &r.actual,
        };
        let n = count(line, m.per);
        if n == 0 {
            continue;
        }
        let Ok(kind) = ServiceKind::new(r.code.kind()) else {
            continue;
        };
        let class = if r.over_30_days {
            RowClass::Over30Days
        } else if m.limit_managed {
            RowClass::Managed
        } else {
            RowClass::Outside
        };
        if m.limit_managed && matches!(m.worth, Worth::RatePermille(_)) {
            errors.push(Table7Error::new(
                code_path.clone(),
                Table7Problem::RateInsideLimit,
                r.code.as_str(),
            ));
        }
        let g = match groups
            .iter()
            .position(|g| g.office_number == r.office_number && g.kind == kind)
        {
            Some(g) => g,
            None => {
                let (price, discount) = match terms.office(&r.office_number) {
                    None => {
                        errors.push(Table7Error::new(
                            super::fields::row::OFFICE_NUMBER.of(&row_path),
                            Table7Problem::NoTerms,
                            r.office_number.as_str(),
                        ));
                        (None, None)
                    }
                    Some(o) => {
                        let price = match price_for(o, &kind, month) {
                            Ok(p) => Some(p),
                            Err(None) => {
                                errors.push(Table7Error::new(
                                    code_path.clone(),
                                    Table7Problem::NoPrice,
                                    kind.as_str(),
                                ));
                                None
                            }
                            Err(Some(e)) => {
                                errors.push(Table7Error::arith(code_path.clone(), &e));
                                None
                            }
                        };
                        let discount = o
                            .discounts
                            .iter()
                            .find(|d| d.kind == kind)
                            .map(|d| d.percent_after);
                        (price, discount)
                    }
                };
                groups.push(Building {
                    office_number: r.office_number.clone(),
                    office_name: office_name(&p.rows, &r.office_number),
                    kind: kind.clone(),
                    price,
                    discount,
                    rows: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let Some(group) = groups.get_mut(g) else {
            continue;
        };
        let arith = |e: ArithError| vec![Table7Error::arith(code_path.clone(), &e)];
        match group
            .rows
            .iter_mut()
            .find(|d| d.row.code == r.code && d.row.class == class)
        {
            Some(d) => {
                d.row.count = d.row.count.saturating_add(n);
                d.row.from_rows.push(i);
            }
            None => {
                let worth = match m.worth {
                    Worth::Units(u) => {
                        let units = Units::new(u);
                        let discounted = match group.discount {
                            Some(pct) => Some((pct, units.discounted(pct).map_err(arith)?)),
                            None => None,
                        };
                        RowWorth::Units { units, discounted }
                    }
                    Worth::RatePermille(permille) => RowWorth::Rate {
                        permille,
                        base: Units::ZERO,
                        base_within: Units::ZERO,
                    },
                };
                group.rows.push(Gathered {
                    row: DetailRow {
                        code: r.code.clone(),
                        name: m.name.as_str().to_owned(),
                        source: m.source.as_ref().map(|s| s.as_str().to_owned()),
                        class,
                        per: m.per,
                        worth,
                        count: n,
                        service_units: Units::ZERO,
                        within: Units::ZERO,
                        over: Units::ZERO,
                        fixed: None,
                        money: None,
                        from_rows: vec![i],
                    },
                    fixed_per_count: m.fixed_burden_yen,
                    first_path: code_path.clone(),
                });
            }
        }
    }
    // The terms' allocation, by group.
    let chosen: Option<Vec<Units>> = terms.allocation.as_ref().map(|list| {
        let mut v = vec![Units::ZERO; groups.len()];
        for (k, e) in list.iter().enumerate() {
            match groups
                .iter()
                .position(|g| g.office_number == e.office_number && g.kind == e.kind)
            {
                Some(g) => {
                    if let Some(slot) = v.get_mut(g) {
                        *slot = e.units;
                    }
                }
                None => errors.push(Table7Error::new(
                    FieldPath::from_text(format!("allocation[{k}]")),
                    Table7Problem::UnknownGroup,
                    format!("{} {}", e.office_number, e.kind),
                )),
            }
        }
        v
    });
    for (k, l) in terms.kind_limits.iter().enumerate() {
        if !groups.iter().any(|g| g.kind == l.kind) {
            errors.push(Table7Error::new(
                FieldPath::from_text(format!("kind_limits[{k}].kind")),
                Table7Problem::UnknownGroup,
                l.kind.as_str(),
            ));
        }
    }
    for (g, b) in groups.iter().enumerate() {
        let mut rows = b.rows.iter().filter(|d| d.row.class == RowClass::Managed);
        let first = rows.next();
        if let Some(first) = first {
            let fixed = first.fixed_per_count.is_some();
            if let Some(other) = rows.find(|d| d.fixed_per_count.is_some() != fixed) {
                errors.push(Table7Error::new(
                    other.first_path.clone(),
                    Table7Problem::MixedFixed,
                    format!("groups[{g}]"),
                ));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let one = |path: &FieldPath| {
        let path = path.clone();
        move |e: ArithError| vec![Table7Error::arith(path.clone(), &e)]
    };

    // Service units per row, and each group's 給付管理単位数.
    let mut managed = Vec::with_capacity(groups.len());
    for b in &mut groups {
        for d in &mut b.rows {
            if let Some(u) = d.row.units_per_count() {
                d.row.service_units = u.times(d.row.count).map_err(one(&d.first_path))?;
            }
        }
        // Managed first, then outside, then 30日超 (stable within each).
        b.rows.sort_by_key(|d| match d.row.class {
            RowClass::Managed => 0,
            RowClass::Outside => 1,
            RowClass::Over30Days => 2,
        });
        let v: Vec<Units> = b
            .rows
            .iter()
            .filter(|d| d.row.class == RowClass::Managed)
            .map(|d| d.row.service_units)
            .collect();
        managed.push(Units::sum(&v).map_err(one(&rows_path))?);
    }

    // 4: 種類支給限度.
    let mut kind_over = vec![Units::ZERO; groups.len()];
    let mut kinds: Vec<KindLine> = Vec::new();
    for b in &groups {
        if !b.rows.iter().any(|d| d.row.class == RowClass::Managed) {
            continue;
        }
        if kinds.iter().any(|k| k.kind == b.kind) {
            continue;
        }
        let members: Vec<usize> = groups
            .iter()
            .enumerate()
            .filter(|(_, x)| x.kind == b.kind)
            .map(|(i, _)| i)
            .collect();
        let units: Vec<Units> = members
            .iter()
            .map(|i| managed.get(*i).copied().unwrap_or_default())
            .collect();
        let total = Units::sum(&units).map_err(one(&rows_path))?;
        let limit = terms
            .kind_limits
            .iter()
            .find(|l| l.kind == b.kind)
            .map(|l| l.units);
        let over = match limit {
            Some(l) => total
                .checked_sub(l)
                .map_err(one(&rows_path))?
                .max(Units::ZERO),
            None => Units::ZERO,
        };
        for (i, share) in members
            .iter()
            .zip(spread(over, &units).map_err(one(&rows_path))?)
        {
            if let Some(slot) = kind_over.get_mut(*i) {
                *slot = share;
            }
        }
        kinds.push(KindLine {
            kind: b.kind.clone(),
            limit,
            total,
            over,
        });
    }
    let mut kind_within = Vec::with_capacity(groups.len());
    for (m, o) in managed.iter().zip(&kind_over) {
        kind_within.push(m.checked_sub(*o).map_err(one(&rows_path))?);
    }

    // 5: 区分支給限度.
    let limit = usage.limit_units();
    let over = allocate_excess(&kind_within, limit, chosen.as_deref()).map_err(|e| {
        let path = match (&e, &terms.allocation) {
            (ArithError::Allocation { group: Some(g), .. }, Some(list)) => {
                let g = *g;
                list.iter()
                    .position(|x| {
                        groups
                            .get(g)
                            .is_some_and(|b| b.office_number == x.office_number && b.kind == x.kind)
                    })
                    .map_or_else(
                        || FieldPath::from_text("allocation"),
                        |k| FieldPath::from_text(format!("allocation[{k}].units")),
                    )
            }
            _ => FieldPath::from_text("allocation"),
        };
        vec![Table7Error::arith(path, &e)]
    })?;
    let excess_total = Units::sum(&over).map_err(one(&rows_path))?;
    let allocation = if excess_total == Units::ZERO {
        AllocationFrom::NoExcess
    } else if chosen.is_some() {
        AllocationFrom::Chosen
    } else {
        AllocationFrom::Default
    };

    // 6–7: each group's rows and money.
    let mut out = Vec::with_capacity(groups.len());
    let (mut cost, mut claim, mut burden, mut full) =
        (Yen::new(0), Yen::new(0), Yen::new(0), Yen::new(0));
    for (g, b) in groups.into_iter().enumerate() {
        let gpath = FieldPath::from_text(format!("groups[{g}]"));
        let err = one(&gpath);
        let Some((price, price_from)) = b.price else {
            continue;
        };
        let m = managed.get(g).copied().unwrap_or_default();
        let ko = kind_over.get(g).copied().unwrap_or_default();
        let kw = kind_within.get(g).copied().unwrap_or_default();
        let o = over.get(g).copied().unwrap_or_default();
        let within = kw.checked_sub(o).map_err(&err)?;
        let mut rows: Vec<DetailRow> = Vec::with_capacity(b.rows.len());
        let mut fixed_per: Vec<Option<i64>> = Vec::with_capacity(b.rows.len());
        for d in b.rows {
            fixed_per.push(d.fixed_per_count);
            rows.push(d.row);
        }
        // The managed rows' shares of the group's excess (the breakdown).
        let managed_units: Vec<Units> = rows
            .iter()
            .filter(|d| d.class == RowClass::Managed)
            .map(|d| d.service_units)
            .collect();
        let excess = ko.checked_add(o).map_err(&err)?;
        let shares = spread(excess, &managed_units).map_err(&err)?;
        let mut shares = shares.into_iter();
        for d in rows.iter_mut().filter(|d| d.class == RowClass::Managed) {
            let share = shares.next().unwrap_or_default();
            d.over = share;
            d.within = d.service_units.checked_sub(share).map_err(&err)?;
        }
        // Rate-based rows, on every other row of the group.
        let non_rate: Vec<Units> = rows
            .iter()
            .filter(|d| matches!(d.worth, RowWorth::Units { .. }))
            .map(|d| d.service_units)
            .collect();
        let base = Units::sum(&non_rate).map_err(&err)?;
        let over_30_units: Vec<Units> = rows
            .iter()
            .filter(|d| {
                d.class == RowClass::Over30Days && matches!(d.worth, RowWorth::Units { .. })
            })
            .map(|d| d.service_units)
            .collect();
        let over_30_sum = Units::sum(&over_30_units).map_err(&err)?;
        let base_within = base
            .checked_sub(excess)
            .and_then(|u| u.checked_sub(over_30_sum))
            .map_err(&err)?;
        for d in &mut rows {
            if let RowWorth::Rate { permille, .. } = d.worth {
                let (covered, rest) =
                    rate_addition_split(base, base_within, permille).map_err(&err)?;
                d.worth = RowWorth::Rate {
                    permille,
                    base,
                    base_within,
                };
                d.within = covered;
                d.over = rest;
                d.service_units = covered.checked_add(rest).map_err(&err)?;
            }
        }
        // Money: the subtotal (R6–R10).
        let has_managed = rows.iter().any(|d| d.class == RowClass::Managed);
        let is_fixed = rows
            .iter()
            .zip(&fixed_per)
            .any(|(d, f)| d.class == RowClass::Managed && f.is_some());
        let mut fixed_sum = Yen::new(0);
        for (d, f) in rows.iter_mut().zip(&fixed_per) {
            let Some(per_count) = f.map(Yen::new) else {
                continue;
            };
            let (fb, prorated) = if d.class == RowClass::Managed && d.over > Units::ZERO {
                let per = d.units_per_count().unwrap_or_default();
                let fb = fixed_burden_prorated(per_count, d.within, per).map_err(&err)?;
                (fb, true)
            } else {
                (fixed_burden(per_count, d.count).map_err(&err)?, false)
            };
            d.fixed = Some(Fixed {
                per_count,
                burden: fb,
                prorated,
            });
            if d.class == RowClass::Managed {
                fixed_sum = add_yen(fixed_sum, fb).map_err(&err)?;
            }
        }
        let subtotal = if has_managed {
            let fixed = is_fixed.then_some(fixed_sum);
            Some(priced(within, excess, price, rate, fixed, &gpath, None)?)
        } else {
            None
        };
        // 限度額対象外 rows, each on its own.
        let mut outside: Option<GroupMoney> = None;
        for d in rows.iter_mut().filter(|d| d.class == RowClass::Outside) {
            // A unit row is insured whole; a rate row as split above.
            if let RowWorth::Units { .. } = d.worth {
                d.within = d.service_units;
            }
            let fixed = d.fixed.map(|f| f.burden);
            let code = d.code.as_str().to_owned();
            let money = priced(d.within, d.over, price, rate, fixed, &gpath, Some(&code))?;
            d.money = Some(money);
            outside = Some(match outside {
                None => money,
                Some(sum) => add_money(sum, money).map_err(&err)?,
            });
        }
        // 30日超: all full burden, priced on their subtotal.
        let over_30 = if rows.iter().any(|d| d.class == RowClass::Over30Days) {
            let v: Vec<Units> = rows
                .iter()
                .filter(|d| d.class == RowClass::Over30Days)
                .map(|d| d.service_units)
                .collect();
            let u = Units::sum(&v).map_err(&err)?;
            for d in rows.iter_mut().filter(|d| d.class == RowClass::Over30Days) {
                d.over = d.service_units;
            }
            Some((u, yen_of(u, price).map_err(&err)?))
        } else {
            None
        };
        for mny in subtotal.iter().chain(outside.iter()) {
            cost = add_yen(cost, mny.cost).map_err(&err)?;
            claim = add_yen(claim, mny.claim).map_err(&err)?;
            burden = add_yen(burden, mny.burden).map_err(&err)?;
            full = add_yen(full, mny.full_burden).map_err(&err)?;
        }
        if let Some((_, y)) = over_30 {
            full = add_yen(full, y).map_err(&err)?;
        }
        out.push(Group {
            office_number: b.office_number,
            office_name: b.office_name,
            kind: b.kind,
            price,
            price_from,
            rate,
            rows,
            managed: m,
            kind_over: ko,
            kind_within: kw,
            over: o,
            within,
            subtotal,
            fixed_burden: is_fixed.then_some(fixed_sum),
            outside,
            over_30,
        });
    }
    let sum = |f: fn(&Group) -> Units| {
        let v: Vec<Units> = out.iter().map(f).collect();
        Units::sum(&v).map_err(one(&rows_path))
    };

    // 短期入所利用日数: the days of the line with any 短期入所 count.
    let mut days = [false; 32];
    for r in &p.rows {
        if !SHORT_STAY_KINDS.contains(&r.code.kind()) {
            continue;
        }
        let line = match terms.basis {
            Basis::Planned => &r.planned,
            Basis::Actual => &r.actual,
        };
        for d in line {
            if let Some(slot) = days.get_mut(usize::from(d.day)) {
                *slot = true;
            }
        }
    }
    let this_month = u32::try_from(days.iter().filter(|d| **d).count()).unwrap_or(u32::MAX);
    let short_stay = ShortStayDays {
        before: p.short_stay_days_before,
        this_month,
        cumulative: p
            .short_stay_days_before
            .map(|b| b.saturating_add(this_month)),
    };
    Ok(Table7 {
        month,
        basis: terms.basis,
        limit,
        managed: sum(|g| g.managed)?,
        kind_over: sum(|g| g.kind_over)?,
        over: sum(|g| g.over)?,
        within: sum(|g| g.within)?,
        allocation,
        cost,
        claim,
        burden,
        full_burden: full,
        kinds,
        short_stay,
        groups: out,
    })
}
