//! The arithmetic of 第7表 (サービス利用票別表): units, yen, 単位数単価 and
//! 給付率 as exact integers, the rounding rules as named functions, and the
//! dated tables they read (区分支給限度基準額, 単位数単価 by 地域区分 and
//! 人件費割合, the サービス種類 → 人件費割合 map, 給付率).
//!
//! No floating point anywhere: units and yen are `i64`, a 単位数単価 is held
//! in sen (1/100 yen), a 給付率 in whole percent, and every operation is
//! checked — an overflow is an [`ArithError`], never a wrap.
//!
//! The rules are those of `shared/domain/FORMS-4-7.md` §6.1, each named
//! after its number there and tested so that changing its rounding fails a
//! test:
//!
//! | rule | function | rounding |
//! |---|---|---|
//! | R1 units × a ratio | [`Units::times_ratio`] | 四捨五入 (half away from zero), each time |
//! | R2 units → yen | [`yen_of`] | 1円未満切り捨て |
//! | R3 割引 | [`Units::discounted`] | 四捨五入, as R1 |
//! | R5 サービス単位 | [`Units::times`] | exact |
//! | R6 費用総額 | [`subtotal_cost`] | the subtotal's units × 単価, then 切り捨て (not per row) |
//! | R7 保険給付額 | [`insurance_benefit`] | 切り捨て (a product ending in exactly .5 is cut down) |
//! | R8 利用者負担 | [`user_burden`] | 費用総額 − 保険給付額, no rounding of its own |
//! | R9 全額負担 | [`yen_of`] | 切り捨て, as R2 |
//! | R10 定額 (総合事業) | [`fixed_burden`], [`fixed_claim`] | exact; no 給付率 |
//! | R10 定額 over the limit (\[U\]) | [`fixed_burden_prorated`] | 定額 × 区分内 ÷ 単位数, 切り捨て |
//! | §6.3 率による加算 | [`rate_addition`] | 四捨五入, as R1 |
//! | §6.2 加算 with units over the limit | [`rate_addition_split`] | each part rounded on its own base |
//! | §6.2 which groups carry the excess | [`allocate_excess`] | the care manager's choice, checked; a documented default |
//! | a group's money columns | [`group_money`] | R6, R7, R8, R9 in that order |
//!
//! ```
//! use careplan_core::units::{insurance_benefit, subtotal_cost, unit_price, user_burden, AreaGrade, LaborShare, Units};
//! use careplan_core::YearMonth;
//!
//! let month = YearMonth::new(2025, 4).map_err(|r| format!("{r:?}"))?;
//! // 通所介護 (人件費割合 45 %) in a 3級地: 10.68 yen a unit.
//! let price = unit_price(AreaGrade::Grade3, LaborShare::P45, month)?;
//! assert_eq!(price.sen(), 1068);
//! let cost = subtotal_cost(&[Units::new(6_750), Units::new(1_218)], price)?;
//! assert_eq!(cost.get(), 85_098); // 7,968 units × 10.68 = 85,098.24, cut down
//! let benefit = insurance_benefit(cost, careplan_core::units::BenefitRate::new(90)?)?;
//! assert_eq!(benefit.get(), 76_588); // 76,588.2, cut down
//! assert_eq!(user_burden(cost, benefit)?.get(), 8_510);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use crate::certification::Level;
use crate::time::YearMonth;

/// A number as the forms print it: commas between thousands, a minus
/// sign (U+2212) before a negative one (`19,616`, `−27,048`).
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 3);
    if n < 0 {
        out.push('−');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Why a computation of 第7表 could not give a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ArithError {
    /// A result does not fit the integers careplan computes in.
    Overflow {
        /// What was being computed.
        what: &'static str,
    },
    /// A value outside what its type allows (a 給付率 over 100 %, a ratio
    /// with a zero denominator).
    OutOfRange {
        /// What was out of range.
        what: &'static str,
        /// The value given.
        value: i64,
    },
    /// No dated table covers the month asked for.
    NoTable {
        /// Which table.
        table: &'static str,
        /// The month asked for.
        month: YearMonth,
    },
    /// The figure is the 市町村's to set (the 区分支給限度基準額 of a
    /// 事業対象者): the caller must give it.
    SetByMunicipality {
        /// Which figure.
        what: &'static str,
    },
    /// An allocation of the units over the 区分支給限度基準額 that breaks
    /// FORMS-4-7.md §6.2's invariants.
    Allocation {
        /// The group (from 0) whose excess is wrong, or `None` for the sum.
        group: Option<usize>,
        /// Which invariant.
        what: &'static str,
        /// The offending excess (or sum).
        value: i64,
    },
}

impl fmt::Display for ArithError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArithError::Overflow { what } => {
                write!(
                    f,
                    "{what}: 計算できる範囲を超えました / the result overflows"
                )
            }
            ArithError::OutOfRange { what, value } => {
                write!(f, "{what}: 範囲外の値です: {value} / out of range: {value}")
            }
            ArithError::NoTable { table, month } => write!(
                f,
                "{table}: {month} に適用する表がありません / no table applies to {month}"
            ),
            ArithError::SetByMunicipality { what } => write!(
                f,
                "{what}: 市町村が定める値です。指定してください / set by the municipality: give it"
            ),
            ArithError::Allocation { group, what, value } => {
                match group {
                    Some(g) => write!(f, "groups[{g}].excess: ")?,
                    None => write!(f, "excess: ")?,
                }
                write!(
                    f,
                    "区分支給限度基準を超える単位数の割り当てが条件を満たしません（{what}）: {value} / \
                     the allocation of units over the limit breaks {what}: {value}"
                )
            }
        }
    }
}

impl std::error::Error for ArithError {}

fn overflow(what: &'static str) -> ArithError {
    ArithError::Overflow { what }
}

/// 単位数: a count of units, negative for a 減算 row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Units(i64);

impl Units {
    /// Zero units.
    pub const ZERO: Units = Units(0);

    /// `n` units.
    pub const fn new(n: i64) -> Units {
        Units(n)
    }

    /// The count.
    pub const fn get(self) -> i64 {
        self.0
    }

    /// R1: the units multiplied by `numerator / denominator` and rounded to
    /// an integer, 四捨五入: a fraction of exactly one half goes away from
    /// zero (12.5 → 13, −12.5 → −13). Every ratio (割引, 加算率, 減算率,
    /// 割増) is applied this way, one at a time.
    pub fn times_ratio(self, numerator: i64, denominator: i64) -> Result<Units, ArithError> {
        if denominator <= 0 {
            return Err(ArithError::OutOfRange {
                what: "denominator",
                value: denominator,
            });
        }
        let product = self
            .0
            .checked_mul(numerator)
            .ok_or_else(|| overflow("units × ratio"))?;
        let q = product / denominator;
        let r = product % denominator;
        // At least one half left over (2|r| ≥ d): away from zero.
        let twice = r
            .checked_abs()
            .and_then(|a| a.checked_mul(2))
            .ok_or_else(|| overflow("units × ratio"))?;
        let rounded = match (twice >= denominator, product < 0) {
            (false, _) => q,
            (true, false) => q + 1,
            (true, true) => q - 1,
        };
        Ok(Units(rounded))
    }

    /// R3: 割引後単位数 — the units at `percent_after` percent (95 for a 5 %
    /// 割引), 四捨五入 as R1.
    pub fn discounted(self, percent_after: u8) -> Result<Units, ArithError> {
        if percent_after > 100 {
            return Err(ArithError::OutOfRange {
                what: "割引後率",
                value: i64::from(percent_after),
            });
        }
        self.times_ratio(i64::from(percent_after), 100)
    }

    /// R5: サービス単位数 — the units of one time × 回数, exact.
    pub fn times(self, count: u32) -> Result<Units, ArithError> {
        self.0
            .checked_mul(i64::from(count))
            .map(Units)
            .ok_or_else(|| overflow("units × 回数"))
    }

    /// The sum, checked.
    pub fn checked_add(self, other: Units) -> Result<Units, ArithError> {
        self.0
            .checked_add(other.0)
            .map(Units)
            .ok_or_else(|| overflow("units + units"))
    }

    /// The difference, checked.
    pub fn checked_sub(self, other: Units) -> Result<Units, ArithError> {
        self.0
            .checked_sub(other.0)
            .map(Units)
            .ok_or_else(|| overflow("units − units"))
    }

    /// The sum of some units, checked.
    pub fn sum<'a>(units: impl IntoIterator<Item = &'a Units>) -> Result<Units, ArithError> {
        units
            .into_iter()
            .try_fold(Units::ZERO, |acc, u| acc.checked_add(*u))
    }
}

/// Whether `month` comes before the first month `(year, month)` of a table.
fn before(month: YearMonth, first: (i32, u32)) -> bool {
    (month.year(), month.month()) < first
}

/// An amount in whole yen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Yen(i64);

impl Yen {
    /// `n` yen.
    pub const fn new(n: i64) -> Yen {
        Yen(n)
    }

    /// The amount.
    pub const fn get(self) -> i64 {
        self.0
    }
}

/// 単位数単価: the yen a unit is worth, in sen (1/100 yen: 10.68 yen is
/// 1068), as the 告示 states each price (10円 × 千分の…) to two decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitPrice(u32);

impl UnitPrice {
    /// A price of `sen` sen a unit.
    pub const fn from_sen(sen: u32) -> UnitPrice {
        UnitPrice(sen)
    }

    /// The price in sen.
    pub const fn sen(self) -> u32 {
        self.0
    }
}

/// 給付率: the percent of 費用総額 the insurance pays (90 for 1割負担).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BenefitRate(u8);

impl BenefitRate {
    /// A rate of `percent` (0–100).
    pub fn new(percent: u8) -> Result<BenefitRate, ArithError> {
        if percent > 100 {
            return Err(ArithError::OutOfRange {
                what: "給付率",
                value: i64::from(percent),
            });
        }
        Ok(BenefitRate(percent))
    }

    /// The rate in percent.
    pub const fn percent(self) -> u8 {
        self.0
    }
}

/// R2 and R9: units in yen at `price`, 1円未満切り捨て (towards zero).
pub fn yen_of(units: Units, price: UnitPrice) -> Result<Yen, ArithError> {
    let sen = units
        .0
        .checked_mul(i64::from(price.0))
        .ok_or_else(|| overflow("units × 単価"))?;
    Ok(Yen(sen / 100))
}

/// R6: 費用総額 of a subtotal (one 事業所 × サービス種類): its rows' units
/// added up first, then priced and cut down — not each row priced and the
/// yen added (which can come out a yen or more lower).
pub fn subtotal_cost(rows: &[Units], price: UnitPrice) -> Result<Yen, ArithError> {
    yen_of(Units::sum(rows)?, price)
}

/// R7: 保険給付額 (保険／事業費請求額) = 費用総額 × 給付率, cut down: a
/// product ending in exactly half a yen is cut, not rounded.
pub fn insurance_benefit(cost: Yen, rate: BenefitRate) -> Result<Yen, ArithError> {
    let x = cost
        .0
        .checked_mul(i64::from(rate.0))
        .ok_or_else(|| overflow("費用総額 × 給付率"))?;
    Ok(Yen(x / 100))
}

/// R8: 利用者負担（保険／事業対象分） = 費用総額 − 保険給付額.
pub fn user_burden(cost: Yen, benefit: Yen) -> Result<Yen, ArithError> {
    cost.0
        .checked_sub(benefit.0)
        .map(Yen)
        .ok_or_else(|| overflow("費用総額 − 保険給付額"))
}

/// R10: the 利用者負担 of a 定額 service (総合事業) — its
/// 定額利用者負担単価金額 × 回数, no 給付率.
pub fn fixed_burden(amount_per_time: Yen, times: u32) -> Result<Yen, ArithError> {
    amount_per_time
        .0
        .checked_mul(i64::from(times))
        .map(Yen)
        .ok_or_else(|| overflow("定額 × 回数"))
}

/// R10 for a 定額 row that carries units over the limit (\[U\]: read from
/// KISAI6's figures, FORMS-4-7.md §6.1): 定額利用者負担単価金額 × the row's
/// 区分支給限度基準内単位数 ÷ its units a count, 1円未満切り捨て.
pub fn fixed_burden_prorated(
    amount_per_time: Yen,
    within: Units,
    units_per_count: Units,
) -> Result<Yen, ArithError> {
    if units_per_count.0 <= 0 {
        return Err(ArithError::OutOfRange {
            what: "単位数",
            value: units_per_count.0,
        });
    }
    let x = i128::from(amount_per_time.0) * i128::from(within.0) / i128::from(units_per_count.0);
    i64::try_from(x)
        .map(Yen)
        .map_err(|_| overflow("定額 × 区分内 ÷ 単位数"))
}

/// R10: the 請求額 of a 定額 service — 費用総額 − its 定額 利用者負担.
pub fn fixed_claim(cost: Yen, burden: Yen) -> Result<Yen, ArithError> {
    user_burden(cost, burden)
}

/// §6.3: the units of a rate-based 加算 (処遇改善), 四捨五入 (R1) of the
/// group's units — after every other 加減算, before itself — × the rate.
pub fn rate_addition(base: Units, rate_permille: u16) -> Result<Units, ArithError> {
    base.times_ratio(i64::from(rate_permille), 1000)
}

/// §6.2: a rate-based 加算 on a group that carries units over the
/// 区分支給限度基準額, split into the part the insurance covers — the rate on
/// the group's units within the limit — and the rest, which falls into
/// 全額負担: `(round(within × r), round(all × r) − round(within × r))`.
/// \[C\] (two implementations agree; no MHLW text found).
pub fn rate_addition_split(
    all: Units,
    within: Units,
    rate_permille: u16,
) -> Result<(Units, Units), ArithError> {
    if within > all || within < Units::ZERO {
        return Err(ArithError::OutOfRange {
            what: "区分支給限度基準内単位数",
            value: within.0,
        });
    }
    let covered = rate_addition(within, rate_permille)?;
    let whole = rate_addition(all, rate_permille)?;
    Ok((covered, whole.checked_sub(covered)?))
}

/// The money columns of one 第7表 group (事業所 × サービス種類 subtotal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupMoney {
    /// 費用総額（保険／事業対象分）: R6, on the units within the limit.
    pub cost: Yen,
    /// 保険／事業費請求額: R7.
    pub claim: Yen,
    /// 利用者負担（保険／事業対象分）: R8.
    pub burden: Yen,
    /// 利用者負担（全額負担分）: R9, on the units over the limit.
    pub full_burden: Yen,
}

/// A group's money columns from its units within and over the
/// 区分支給限度基準額, its 単位数単価 and the 給付率 (R6–R9 in order).
pub fn group_money(
    within: Units,
    over: Units,
    price: UnitPrice,
    rate: BenefitRate,
) -> Result<GroupMoney, ArithError> {
    let cost = yen_of(within, price)?;
    let claim = insurance_benefit(cost, rate)?;
    Ok(GroupMoney {
        cost,
        claim,
        burden: user_burden(cost, claim)?,
        full_burden: yen_of(over, price)?,
    })
}

/// §6.2: the units over the 区分支給限度基準額, and which groups (事業所 ×
/// サービス種類 subtotals, in 第7表's order) carry them.
///
/// `managed` holds each group's units within its 種類 limit
/// (種類支給限度基準内単位数, the 給付管理単位数 where no 種類 limit is set).
/// The excess is Σ managed − `limit`, or nothing. Which groups carry it is
/// the care manager's choice, made with the user: pass it as `chosen` (the
/// excess of each group), and it is checked — each group's excess from 0
/// to its units, and the excesses adding up to the excess. Without a
/// choice, the default puts it on the groups from the last upward, each
/// taking as much as it has (\[U\]: a default of careplan's, documented, not
/// a rule of the form). Returns each group's 区分支給限度基準を超える単位数.
pub fn allocate_excess(
    managed: &[Units],
    limit: Units,
    chosen: Option<&[Units]>,
) -> Result<Vec<Units>, ArithError> {
    let excess = Units::sum(managed)?.checked_sub(limit)?.max(Units::ZERO);
    match chosen {
        Some(chosen) => {
            if chosen.len() != managed.len() {
                return Err(ArithError::Allocation {
                    group: None,
                    what: "one excess per group",
                    value: i64::try_from(chosen.len()).unwrap_or(i64::MAX),
                });
            }
            for (g, (c, m)) in chosen.iter().zip(managed).enumerate() {
                if *c < Units::ZERO || c > m {
                    return Err(ArithError::Allocation {
                        group: Some(g),
                        what: "0 ≤ 超過 ≤ 給付管理単位数",
                        value: c.0,
                    });
                }
            }
            let sum = Units::sum(chosen)?;
            if sum != excess {
                return Err(ArithError::Allocation {
                    group: None,
                    what: "Σ 超過 = max(0, Σ 給付管理単位数 − 区分支給限度基準額)",
                    value: sum.0,
                });
            }
            Ok(chosen.to_vec())
        }
        None => {
            let mut left = excess;
            let mut out = vec![Units::ZERO; managed.len()];
            for (slot, m) in out.iter_mut().zip(managed).rev() {
                let take = left.min((*m).max(Units::ZERO));
                *slot = take;
                left = left.checked_sub(take)?;
            }
            Ok(out)
        }
    }
}

/// 区分支給限度基準額 (units a month) of a level, for the month: the table
/// in force since 令和元年10月, or the one before it. A 事業対象者's is
/// the 市町村's to set ([`ArithError::SetByMunicipality`]).
///
/// Sources: 堺市, 春日井市, 市川市 and 下関市's pages on the 令和元年10月
/// revision, which print both tables side by side. The earlier table is
/// applied back to 平成26年4月 (the revision before it); that start is not
/// in those pages (`docs/readings.md`).
pub fn limit_units(level: Level, month: YearMonth) -> Result<Units, ArithError> {
    /// (first month, [要支援１, 要支援２, 要介護１ … ５]), newest first.
    const TABLES: [((i32, u32), [i64; 7]); 2] = [
        (
            (2019, 10),
            [5_032, 10_531, 16_765, 19_705, 27_048, 30_938, 36_217],
        ),
        (
            (2014, 4),
            [5_003, 10_473, 16_692, 19_616, 26_931, 30_806, 36_065],
        ),
    ];
    let index = match level {
        Level::BusinessTarget => {
            return Err(ArithError::SetByMunicipality {
                what: "事業対象者の区分支給限度基準額",
            });
        }
        Level::Support1 => 0,
        Level::Support2 => 1,
        Level::Care1 => 2,
        Level::Care2 => 3,
        Level::Care3 => 4,
        Level::Care4 => 5,
        Level::Care5 => 6,
    };
    TABLES
        .iter()
        .find(|(first, _)| !before(month, *first))
        .and_then(|(_, row)| row.get(index))
        .map(|u| Units(*u))
        .ok_or(ArithError::NoTable {
            table: "区分支給限度基準額",
            month,
        })
}

crate::code_enum! {
    /// 地域区分: the grade of the 事業所's municipality (its address, not
    /// the user's).
    pub enum AreaGrade {
        /// 1級地 (上乗せ 20 %).
        Grade1 = "grade_1", "1級地";
        /// 2級地 (16 %).
        Grade2 = "grade_2", "2級地";
        /// 3級地 (15 %).
        Grade3 = "grade_3", "3級地";
        /// 4級地 (12 %).
        Grade4 = "grade_4", "4級地";
        /// 5級地 (10 %).
        Grade5 = "grade_5", "5級地";
        /// 6級地 (6 %).
        Grade6 = "grade_6", "6級地";
        /// 7級地 (3 %).
        Grade7 = "grade_7", "7級地";
        /// その他 (0 %).
        Other = "other", "その他";
    }
}

crate::code_enum! {
    /// 人件費割合: the share of a service type's cost that is labour, which
    /// decides how much of the 地域区分's 上乗せ its price gets.
    pub enum LaborShare {
        /// 70 % (訪問介護, 訪問入浴介護, 訪問看護, 居宅介護支援 …).
        P70 = "70", "70%";
        /// 55 % (訪問リハビリテーション, 通所リハビリテーション, 短期入所生活介護 …).
        P55 = "55", "55%";
        /// 45 % (通所介護, 短期入所療養介護, the facilities …).
        P45 = "45", "45%";
        /// None: 10円 everywhere (居宅療養管理指導, 福祉用具貸与).
        Flat = "flat", "一律10円";
    }
}

/// 単位数単価 of a service in a 地域区分 for the month, from the table of the
/// 告示 (平成27年厚生労働省告示第93号 as amended; its 令和6年4月 text).
/// Only months from 令和6年4月 are covered: the table is the same back to
/// 平成27年4月 as far as the sources read show, but that was not checked
/// (`docs/readings.md`).
pub fn unit_price(
    grade: AreaGrade,
    share: LaborShare,
    month: YearMonth,
) -> Result<UnitPrice, ArithError> {
    if before(month, (2024, 4)) {
        return Err(ArithError::NoTable {
            table: "単位数単価",
            month,
        });
    }
    // Sen, by grade 1–7 and その他 (FORMS-4-7.md §6.5).
    const P70: [u32; 8] = [1140, 1112, 1105, 1084, 1070, 1042, 1021, 1000];
    const P55: [u32; 8] = [1110, 1088, 1083, 1066, 1055, 1033, 1017, 1000];
    const P45: [u32; 8] = [1090, 1072, 1068, 1054, 1045, 1027, 1014, 1000];
    let row = match share {
        LaborShare::P70 => &P70,
        LaborShare::P55 => &P55,
        LaborShare::P45 => &P45,
        LaborShare::Flat => return Ok(UnitPrice(1000)),
    };
    let i = AreaGrade::ALL.iter().position(|g| *g == grade).unwrap_or(7);
    Ok(UnitPrice(row.get(i).copied().unwrap_or(1000)))
}

/// サービス種類コード → 人件費割合, as FORMS-4-7.md §6.5 groups them for the
/// 令和6年4月 告示 (the confidence of each, `docs/readings.md`): `(code,
/// share, how sure)`, `"C"` where two sources agree, `"U"` where the
/// grouping rests on one source or on the service's name alone.
pub const LABOR_SHARES: &[(&str, LaborShare, &str)] = &[
    ("11", LaborShare::P70, "C"),  // 訪問介護
    ("12", LaborShare::P70, "C"),  // 訪問入浴介護
    ("13", LaborShare::P70, "C"),  // 訪問看護
    ("43", LaborShare::P70, "C"),  // 居宅介護支援
    ("71", LaborShare::P70, "U"),  // 夜間対応型訪問介護
    ("76", LaborShare::P70, "U"),  // 定期巡回・随時対応型訪問介護看護
    ("62", LaborShare::P70, "C"),  // 介護予防訪問入浴介護
    ("63", LaborShare::P70, "C"),  // 介護予防訪問看護
    ("46", LaborShare::P70, "C"),  // 介護予防支援
    ("14", LaborShare::P55, "C"),  // 訪問リハビリテーション
    ("16", LaborShare::P55, "C"),  // 通所リハビリテーション
    ("21", LaborShare::P55, "C"),  // 短期入所生活介護
    ("72", LaborShare::P55, "U"),  // 認知症対応型通所介護
    ("73", LaborShare::P55, "U"),  // 小規模多機能型居宅介護
    ("77", LaborShare::P55, "U"),  // 看護小規模多機能型居宅介護
    ("64", LaborShare::P55, "U"),  // 介護予防訪問リハビリテーション
    ("66", LaborShare::P55, "U"),  // 介護予防通所リハビリテーション
    ("24", LaborShare::P55, "U"),  // 介護予防短期入所生活介護
    ("74", LaborShare::P55, "U"),  // 介護予防認知症対応型通所介護
    ("75", LaborShare::P55, "U"),  // 介護予防小規模多機能型居宅介護
    ("15", LaborShare::P45, "C"),  // 通所介護
    ("78", LaborShare::P45, "C"),  // 地域密着型通所介護
    ("22", LaborShare::P45, "C"),  // 短期入所療養介護（介護老人保健施設）
    ("23", LaborShare::P45, "C"),  // 短期入所療養介護（病院等）
    ("2A", LaborShare::P45, "U"),  // 短期入所療養介護（介護医療院）
    ("25", LaborShare::P45, "U"),  // 介護予防短期入所療養介護（介護老人保健施設）
    ("26", LaborShare::P45, "U"),  // 介護予防短期入所療養介護（病院等）
    ("2B", LaborShare::P45, "U"),  // 介護予防短期入所療養介護（介護医療院）
    ("33", LaborShare::P45, "C"),  // 特定施設入居者生活介護
    ("35", LaborShare::P45, "U"),  // 介護予防特定施設入居者生活介護
    ("36", LaborShare::P45, "C"),  // 地域密着型特定施設入居者生活介護
    ("32", LaborShare::P45, "C"),  // 認知症対応型共同生活介護
    ("37", LaborShare::P45, "U"),  // 介護予防認知症対応型共同生活介護
    ("31", LaborShare::Flat, "C"), // 居宅療養管理指導
    ("34", LaborShare::Flat, "C"), // 介護予防居宅療養管理指導
    ("17", LaborShare::Flat, "C"), // 福祉用具貸与
    ("67", LaborShare::Flat, "C"), // 介護予防福祉用具貸与
];

/// The 人件費割合 of a サービス種類 in the month, from [`LABOR_SHARES`]
/// (months from 令和6年4月, as [`unit_price`]). A kind the table does not
/// hold — the 総合事業's, whose price the 市町村 sets, and the facilities'
/// own — is the caller's to give ([`ArithError::NoTable`]).
pub fn labor_share(
    kind: &crate::text::ServiceKind,
    month: YearMonth,
) -> Result<LaborShare, ArithError> {
    let no_table = ArithError::NoTable {
        table: "人件費割合",
        month,
    };
    if before(month, (2024, 4)) {
        return Err(no_table);
    }
    LABOR_SHARES
        .iter()
        .find(|(code, _, _)| *code == kind.as_str())
        .map(|(_, share, _)| *share)
        .ok_or(no_table)
}

/// 給付率 for a 負担割合 of `tenths` (1, 2 or 3 割) in the month: 90, 80
/// (from 平成27年8月) or 70 (from 平成30年8月), as the user's
/// 介護保険負担割合証 says. Other rates (公費, 給付制限) are given as a
/// [`BenefitRate`] directly.
pub fn benefit_rate(tenths: u8, month: YearMonth) -> Result<BenefitRate, ArithError> {
    let from = match tenths {
        1 => (2000, 4),
        2 => (2015, 8),
        3 => (2018, 8),
        _ => {
            return Err(ArithError::OutOfRange {
                what: "負担割合",
                value: i64::from(tenths),
            });
        }
    };
    if before(month, from) {
        return Err(ArithError::NoTable {
            table: "負担割合",
            month,
        });
    }
    BenefitRate::new(100 - 10 * tenths)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(y: i32, m: u32) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    #[test]
    fn r1_rounds_half_away_from_zero_each_time() {
        // 125 × 1/10 = 12.5 → 13 (truncation would give 12).
        assert_eq!(Units::new(125).times_ratio(1, 10).unwrap(), Units::new(13));
        assert_eq!(Units::new(124).times_ratio(1, 10).unwrap(), Units::new(12));
        assert_eq!(
            Units::new(-125).times_ratio(1, 10).unwrap(),
            Units::new(-13)
        );
        assert_eq!(
            Units::new(-124).times_ratio(1, 10).unwrap(),
            Units::new(-12)
        );
        // 3 × 1/2 = 1.5 → 2; 1 × 1/3 → 0; 2 × 1/3 = 0.67 → 1.
        assert_eq!(Units::new(3).times_ratio(1, 2).unwrap(), Units::new(2));
        assert_eq!(Units::new(1).times_ratio(1, 3).unwrap(), Units::new(0));
        assert_eq!(Units::new(2).times_ratio(1, 3).unwrap(), Units::new(1));
        // Each time: two ratios applied one after the other, not multiplied first.
        let once = Units::new(655).times_ratio(110, 100).unwrap(); // 720.5 → 721
        assert_eq!(once, Units::new(721));
        assert_eq!(once.times_ratio(90, 100).unwrap(), Units::new(649)); // 648.9 → 649
        assert_eq!(
            Units::new(655).times_ratio(99, 100).unwrap(),
            Units::new(648)
        ); // 648.45 → 648
        assert!(Units::new(1).times_ratio(1, 0).is_err());
        assert!(Units::new(i64::MAX).times_ratio(2, 1).is_err());
    }

    #[test]
    fn r3_discount_rounds_as_r1() {
        // 5 % 割引 of 655 units: 622.25 → 622; of 650: 617.5 → 618 (half up).
        assert_eq!(Units::new(655).discounted(95).unwrap(), Units::new(622));
        assert_eq!(Units::new(650).discounted(95).unwrap(), Units::new(618));
        assert!(Units::new(650).discounted(101).is_err());
    }

    #[test]
    fn r2_r9_yen_are_cut_down() {
        // 1,234 × 10.72 = 13,228.48 → 13,228; 15 × 11.05 = 165.75 → 165 (not 166).
        assert_eq!(
            yen_of(Units::new(1_234), UnitPrice::from_sen(1072)).unwrap(),
            Yen::new(13_228)
        );
        assert_eq!(
            yen_of(Units::new(15), UnitPrice::from_sen(1105)).unwrap(),
            Yen::new(165)
        );
    }

    #[test]
    fn r6_cost_is_priced_on_the_subtotal_not_per_row() {
        // Two rows of 15 units at 11.05: per row 165 + 165 = 330; on the subtotal 331.5 → 331.
        let price = UnitPrice::from_sen(1105);
        assert_eq!(
            subtotal_cost(&[Units::new(15), Units::new(15)], price).unwrap(),
            Yen::new(331)
        );
    }

    #[test]
    fn r7_benefit_is_cut_down_even_at_one_half() {
        // 13,225 × 90 % = 11,902.5 → 11,902 (rounding would give 11,903).
        let b = insurance_benefit(Yen::new(13_225), BenefitRate::new(90).unwrap()).unwrap();
        assert_eq!(b, Yen::new(11_902));
        // R8: the burden is what is left, 1,323 — not 10 % of the cost rounded (1,322.5).
        assert_eq!(user_burden(Yen::new(13_225), b).unwrap(), Yen::new(1_323));
    }

    #[test]
    fn r10_fixed_burden_has_no_benefit_rate() {
        // 定額 1,200 yen × 4 times; the claim is what is left of the cost.
        let burden = fixed_burden(Yen::new(1_200), 4).unwrap();
        assert_eq!(burden, Yen::new(4_800));
        assert_eq!(
            fixed_claim(Yen::new(16_384), burden).unwrap(),
            Yen::new(11_584)
        );
    }

    #[test]
    fn a_rate_addition_over_the_limit_is_split_on_the_units_within() {
        // 24.5 % on a 要介護1 group of 17,028 units, 16,765 within the limit:
        // 16,765 × 0.245 = 4,107.425 → 4,107 covered; 17,028 × 0.245 =
        // 4,171.86 → 4,172, so 65 fall into 全額負担.
        let (covered, rest) =
            rate_addition_split(Units::new(17_028), Units::new(16_765), 245).unwrap();
        assert_eq!((covered, rest), (Units::new(4_107), Units::new(65)));
        // Rounded once on each base, not the rate on the 263 units over.
        assert_ne!(rest, rate_addition(Units::new(263), 245).unwrap());
        assert!(rate_addition_split(Units::new(10), Units::new(11), 245).is_err());
    }

    #[test]
    fn excess_is_allocated_as_chosen_or_from_the_last_group() {
        let groups = [Units::new(12_000), Units::new(6_000), Units::new(2_500)];
        let limit = Units::new(19_705); // 要介護2
        // 20,500 − 19,705 = 795 over: by default on the last group.
        let d = allocate_excess(&groups, limit, None).unwrap();
        assert_eq!(d, vec![Units::ZERO, Units::ZERO, Units::new(795)]);
        // More than the last group has: the one before takes the rest.
        let small = [Units::new(19_000), Units::new(500)];
        let d = allocate_excess(&small, limit, None).unwrap();
        assert_eq!(d, vec![Units::new(0), Units::new(0)]);
        let over = [Units::new(19_800), Units::new(500)];
        assert_eq!(
            allocate_excess(&over, limit, None).unwrap(),
            vec![Units::new(95), Units::new(500)]
        );
        // A choice is kept when it keeps the invariants …
        let chosen = [Units::new(795), Units::ZERO, Units::ZERO];
        assert_eq!(
            allocate_excess(&groups, limit, Some(&chosen)).unwrap(),
            chosen.to_vec()
        );
        // … and refused, naming the group or the sum, when it does not.
        let too_much = [Units::ZERO, Units::ZERO, Units::new(2_501)];
        assert!(matches!(
            allocate_excess(&groups, limit, Some(&too_much)),
            Err(ArithError::Allocation { group: Some(2), .. })
        ));
        let message = allocate_excess(&groups, limit, Some(&too_much))
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("groups[2].excess: 区分支給限度基準を超える単位数"),
            "{message}"
        );
        assert!(
            message.contains("the allocation of units over the limit"),
            "{message}"
        );
        let short = [Units::new(700), Units::ZERO, Units::ZERO];
        assert!(matches!(
            allocate_excess(&groups, limit, Some(&short)),
            Err(ArithError::Allocation {
                group: None,
                value: 700,
                ..
            })
        ));
        // Under the limit nothing is over.
        assert_eq!(
            allocate_excess(&groups[..1], limit, None).unwrap(),
            vec![Units::ZERO]
        );
    }

    #[test]
    fn a_group_is_priced_in_the_order_of_the_rules() {
        // 通所介護 in a 3級地 (10.68), 1割: 7,968 units within, 795 over.
        let m = group_money(
            Units::new(7_968),
            Units::new(795),
            UnitPrice::from_sen(1068),
            BenefitRate::new(90).unwrap(),
        )
        .unwrap();
        assert_eq!(
            m,
            GroupMoney {
                cost: Yen::new(85_098),       // 85,098.24 cut down
                claim: Yen::new(76_588),      // 76,588.2 cut down
                burden: Yen::new(8_510),      // the rest
                full_burden: Yen::new(8_490), // 795 × 10.68 = 8,490.6 cut down
            }
        );
    }

    #[test]
    fn limits_are_dated() {
        assert_eq!(
            limit_units(Level::Care1, ym(2025, 4)).unwrap(),
            Units::new(16_765)
        );
        assert_eq!(
            limit_units(Level::Care1, ym(2019, 10)).unwrap(),
            Units::new(16_765)
        );
        assert_eq!(
            limit_units(Level::Care1, ym(2019, 9)).unwrap(),
            Units::new(16_692)
        );
        assert_eq!(
            limit_units(Level::Support1, ym(2024, 6)).unwrap(),
            Units::new(5_032)
        );
        assert_eq!(
            limit_units(Level::Care5, ym(2024, 6)).unwrap(),
            Units::new(36_217)
        );
        assert!(matches!(
            limit_units(Level::Care1, ym(2014, 3)),
            Err(ArithError::NoTable { .. })
        ));
        assert!(matches!(
            limit_units(Level::BusinessTarget, ym(2025, 4)),
            Err(ArithError::SetByMunicipality { .. })
        ));
    }

    /// Every price of the table is 10 × (1 + 上乗せ × 人件費割合), rounded half
    /// up to the sen (FORMS-4-7.md §6.5): the table and the formula agree.
    #[test]
    fn unit_prices_follow_the_formula() {
        let extra = [20, 16, 15, 12, 10, 6, 3, 0]; // percent, grade 1–7, その他
        for (share, pct) in [
            (LaborShare::P70, 70),
            (LaborShare::P55, 55),
            (LaborShare::P45, 45),
        ] {
            for (g, e) in AreaGrade::ALL.iter().zip(extra) {
                // 1000 sen × (1 + e% × pct%) = 1000 + e × pct / 10, half up.
                let exact_tenths = 10_000 + e * pct; // in 1/10 sen
                let sen = (exact_tenths + 5) / 10;
                let got = unit_price(*g, share, ym(2025, 4)).unwrap().sen();
                assert_eq!(i64::from(got), sen, "{g:?} {share:?}");
            }
        }
        assert_eq!(
            unit_price(AreaGrade::Grade1, LaborShare::Flat, ym(2025, 4))
                .unwrap()
                .sen(),
            1000
        );
        assert!(unit_price(AreaGrade::Grade1, LaborShare::P70, ym(2024, 3)).is_err());
    }

    #[test]
    fn labor_shares_group_the_service_kinds() {
        let kind = |c: &str| crate::text::ServiceKind::new(c).unwrap();
        assert_eq!(
            labor_share(&kind("11"), ym(2025, 4)).unwrap(),
            LaborShare::P70
        );
        assert_eq!(
            labor_share(&kind("16"), ym(2025, 4)).unwrap(),
            LaborShare::P55
        );
        assert_eq!(
            labor_share(&kind("78"), ym(2025, 4)).unwrap(),
            LaborShare::P45
        );
        assert_eq!(
            labor_share(&kind("17"), ym(2025, 4)).unwrap(),
            LaborShare::Flat
        );
        assert!(labor_share(&kind("A2"), ym(2025, 4)).is_err());
        assert!(labor_share(&kind("11"), ym(2024, 3)).is_err());
        // One row a kind, and every confidence tag is one the readings use.
        let mut seen = std::collections::HashSet::new();
        for (code, _, how) in LABOR_SHARES {
            assert!(seen.insert(*code), "{code} twice");
            assert!(crate::text::ServiceKind::new(*code).is_ok(), "{code}");
            assert!(matches!(*how, "C" | "U"), "{code}: {how}");
        }
    }

    #[test]
    fn benefit_rates_follow_the_burden_share_and_its_dates() {
        assert_eq!(benefit_rate(1, ym(2025, 4)).unwrap().percent(), 90);
        assert_eq!(benefit_rate(2, ym(2015, 8)).unwrap().percent(), 80);
        assert!(benefit_rate(2, ym(2015, 7)).is_err());
        assert_eq!(benefit_rate(3, ym(2018, 8)).unwrap().percent(), 70);
        assert!(benefit_rate(3, ym(2018, 7)).is_err());
        assert!(benefit_rate(4, ym(2025, 4)).is_err());
        assert!(BenefitRate::new(101).is_err());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// R1 is within one half of the exact product, and exactly
            /// half-way cases go away from zero.
            #[test]
            fn r1_is_the_nearest_integer(u in -1_000_000i64..1_000_000, num in 0i64..2_000, den in 1i64..2_000) {
                let got = Units::new(u).times_ratio(num, den).unwrap().get();
                // |got·den − u·num| ≤ den/2, compared in integers.
                let err = (got * den - u * num).abs() * 2;
                prop_assert!(err <= den, "{u} × {num}/{den} → {got}");
                if err == den {
                    prop_assert!(got.abs() * den > (u * num).abs());
                }
            }

            /// The default allocation keeps §6.2's invariants: each group's
            /// excess within its units, Σ 区分内 ≤ the limit, and the excess
            /// exactly what is over.
            #[test]
            fn default_allocation_keeps_the_invariants(groups in proptest::collection::vec(0i64..40_000, 1..12), limit in 0i64..40_000) {
                let managed: Vec<Units> = groups.iter().map(|u| Units::new(*u)).collect();
                let excess = allocate_excess(&managed, Units::new(limit), None).unwrap();
                let total: i64 = groups.iter().sum();
                let over: i64 = excess.iter().map(|u| u.get()).sum();
                prop_assert_eq!(over, (total - limit).max(0));
                let within: i64 = managed.iter().zip(&excess).map(|(m, e)| m.get() - e.get()).sum();
                prop_assert!(within <= limit);
                for (m, e) in managed.iter().zip(&excess) {
                    prop_assert!(Units::ZERO <= *e && e <= m);
                }
                // And the same allocation, given as a choice, is accepted.
                prop_assert_eq!(allocate_excess(&managed, Units::new(limit), Some(&excess)).unwrap(), excess);
            }

            /// 保険給付額 + 利用者負担 = 費用総額, neither negative nor over it.
            #[test]
            fn benefit_and_burden_add_up(cost in 0i64..100_000_000, rate in 0u8..=100) {
                let cost = Yen::new(cost);
                let b = insurance_benefit(cost, BenefitRate::new(rate).unwrap()).unwrap();
                let burden = user_burden(cost, b).unwrap();
                prop_assert_eq!(b.get() + burden.get(), cost.get());
                prop_assert!(b.get() >= 0 && burden.get() >= 0 && b <= cost);
            }

            /// A subtotal priced at once is never below its rows priced one
            /// by one, and less than a yen per row above.
            #[test]
            fn subtotal_pricing_bounds(rows in proptest::collection::vec(0i64..100_000, 1..20), sen in 1000u32..1200) {
                let price = UnitPrice::from_sen(sen);
                let units: Vec<Units> = rows.iter().map(|u| Units::new(*u)).collect();
                let whole = subtotal_cost(&units, price).unwrap().get();
                let per_row: i64 = units.iter().map(|u| yen_of(*u, price).unwrap().get()).sum();
                prop_assert!(whole >= per_row);
                prop_assert!(whole - per_row < i64::try_from(rows.len()).unwrap());
            }
        }
    }

    /// R10 over the limit: 1,180 × 1,032 ÷ 1,176 = 1,035.51 is cut to
    /// 1,035 (四捨五入 would give 1,036); no units a count is refused.
    #[test]
    fn a_prorated_fixed_burden_is_cut_down() {
        let b = fixed_burden_prorated(Yen(1_180), Units(1_032), Units(1_176)).unwrap();
        assert_eq!(b, Yen(1_035));
        assert_eq!(
            fixed_burden_prorated(Yen(1_180), Units(1_176), Units(1_176)).unwrap(),
            Yen(1_180)
        );
        assert!(fixed_burden_prorated(Yen(1), Units(1), Units(0)).is_err());
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(19_616), "19,616");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(-27_048), "−27,048");
    }
}
