//! How each column of one 第7表 row was obtained, column by column, in
//! Japanese and English, with the figures put in.

use super::{AllocationFrom, Basis, DetailRow, Group, PriceFrom, RowClass, RowWorth, Table7};
use crate::service_codes::Per;
use crate::units::{GroupMoney, UnitPrice, Units};

/// One column of a row and how its value came about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The column's head on the form.
    pub column_ja: &'static str,
    /// The column in English.
    pub column_en: &'static str,
    /// The value as 第7表 prints it.
    pub value: String,
    /// How it was obtained, in Japanese.
    pub how_ja: String,
    /// How it was obtained, in English.
    pub how_en: String,
}

/// `11.12`: a price in yen with its two decimals.
pub(crate) fn price_text(p: UnitPrice) -> String {
    format!("{}.{:02}", p.sen() / 100, p.sen() % 100)
}

fn step(
    column_ja: &'static str,
    column_en: &'static str,
    value: impl ToString,
    how_ja: String,
    how_en: String,
) -> Step {
    Step {
        column_ja,
        column_en,
        value: value.to_string(),
        how_ja,
        how_en,
    }
}

fn u(x: Units) -> i64 {
    x.get()
}

/// `n / 100` with its two decimals, exactly (`11101632` → `111016.32`).
fn hundredths(n: i128) -> String {
    let sign = if n < 0 { "-" } else { "" };
    let a = n.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

/// `units × price = exact product`.
fn priced(units: Units, price: UnitPrice) -> String {
    let exact = i128::from(units.get()) * i128::from(price.sen());
    format!(
        "{} × {} = {}",
        units.get(),
        price_text(price),
        hundredths(exact)
    )
}

fn money_steps(
    out: &mut Vec<Step>,
    m: &GroupMoney,
    insured: Units,
    full: Units,
    g: &Group,
    fixed: Option<i64>,
) {
    out.push(step(
        "費用総額（保険／事業対象分）",
        "cost (insured)",
        m.cost.get(),
        format!(
            "{} → 1円未満切り捨て（R6、小計で計算）",
            priced(insured, g.price)
        ),
        format!(
            "{} → cut down to the yen (R6, on the subtotal)",
            priced(insured, g.price)
        ),
    ));
    out.push(step(
        "給付率（％）",
        "benefit rate (%)",
        g.rate.percent(),
        "負担割合証の負担割合から（1割 90・2割 80・3割 70）".to_owned(),
        "from the user's 負担割合 (1割 90, 2割 80, 3割 70)".to_owned(),
    ));
    match fixed {
        Some(b) => {
            out.push(step(
                "保険／事業費請求額",
                "claim",
                m.claim.get(),
                format!("費用総額 {} − 定額の利用者負担 {b}（R10）", m.cost.get()),
                format!("cost {} − the 定額 burden {b} (R10)", m.cost.get()),
            ));
            out.push(step(
                "利用者負担（保険／事業対象分）",
                "user's share (insured)",
                m.burden.get(),
                "定額利用者負担単価金額 × 回数（R10）".to_owned(),
                "the 定額 amount a count × 回数 (R10)".to_owned(),
            ));
        }
        None => {
            out.push(step(
                "保険／事業費請求額",
                "claim",
                m.claim.get(),
                format!(
                    "{} × {}% = {} → 1円未満切り捨て（R7）",
                    m.cost.get(),
                    g.rate.percent(),
                    hundredths(i128::from(m.cost.get()) * i128::from(g.rate.percent()))
                ),
                format!(
                    "{} × {} % = {} → cut down to the yen (R7)",
                    m.cost.get(),
                    g.rate.percent(),
                    hundredths(i128::from(m.cost.get()) * i128::from(g.rate.percent()))
                ),
            ));
            out.push(step(
                "利用者負担（保険／事業対象分）",
                "user's share (insured)",
                m.burden.get(),
                format!("費用総額 {} − 請求額 {}（R8）", m.cost.get(), m.claim.get()),
                format!("cost {} − claim {} (R8)", m.cost.get(), m.claim.get()),
            ));
        }
    }
    out.push(step(
        "利用者負担（全額負担分）",
        "user's share (in full)",
        m.full_burden.get(),
        format!("{} → 1円未満切り捨て（R9）", priced(full, g.price)),
        format!("{} → cut down (R9)", priced(full, g.price)),
    ));
}

fn row_steps(out: &mut Vec<Step>, d: &DetailRow, basis: Basis) {
    let rows: Vec<String> = d.from_rows.iter().map(|i| format!("rows[{i}]")).collect();
    let rows = rows.join(", ");
    match d.worth {
        RowWorth::Units { units, discounted } => {
            out.push(step(
                "単位数",
                "units",
                u(units),
                format!(
                    "サービスコードマスタの {} {}（出典: {}）",
                    d.code.as_str(),
                    d.name,
                    d.source.as_deref().unwrap_or("記載なし")
                ),
                format!(
                    "the master's row for {} {} (source: {})",
                    d.code.as_str(),
                    d.name,
                    d.source.as_deref().unwrap_or("none given")
                ),
            ));
            if let Some((pct, after)) = discounted {
                out.push(step(
                    "割引後 率％／単位数",
                    "after discount: % / units",
                    format!("{pct} / {}", u(after)),
                    format!("{} × {pct}% を四捨五入（R3）", u(units)),
                    format!("{} × {pct} %, rounded half up (R3)", u(units)),
                ));
            }
        }
        RowWorth::Rate { permille, .. } => out.push(step(
            "単位数",
            "units",
            format!("{}.{}%", permille / 10, permille % 10),
            format!(
                "率による加算 {} {}（出典: {}）",
                d.code.as_str(),
                d.name,
                d.source.as_deref().unwrap_or("記載なし")
            ),
            format!(
                "a rate-based 加算 {} {} (source: {})",
                d.code.as_str(),
                d.name,
                d.source.as_deref().unwrap_or("none given")
            ),
        )),
    }
    let (per_ja, per_en) = match d.per {
        Per::Time => ("回数の合計", "the counts added up"),
        Per::Day => ("日数", "the days"),
        Per::Month => ("1月につき1", "1 a month"),
    };
    out.push(step(
        "回数",
        "count",
        d.count,
        format!("第6表 {rows} の{}欄の{per_ja}（R4）", basis.label_ja()),
        format!("{per_en} of the {} line of 第6表 {rows} (R4)", basis.code()),
    ));
    match d.worth {
        RowWorth::Units { .. } => {
            let per = d.units_per_count().unwrap_or_default();
            out.push(step(
                "サービス単位／金額",
                "service units",
                u(d.service_units),
                format!("{} × {}（R5）", u(per), d.count),
                format!("{} × {} (R5)", u(per), d.count),
            ));
        }
        RowWorth::Rate {
            permille,
            base,
            base_within,
        } => {
            out.push(step(
                "サービス単位／金額",
                "service units",
                u(d.service_units),
                format!(
                    "同じ事業所・種類の他の行の単位数 {} × {permille}‰ を四捨五入（§6.3）。うち限度内 {} × {permille}‰ → {} が保険対象、残り {} は全額負担（§6.2）",
                    u(base),
                    u(base_within),
                    u(d.within),
                    u(d.over)
                ),
                format!(
                    "the group's other units {} × {permille} ‰, rounded half up (§6.3); of which the units within the limits {} × {permille} ‰ → {} are insured, the other {} paid in full (§6.2)",
                    u(base),
                    u(base_within),
                    u(d.within),
                    u(d.over)
                ),
            ));
        }
    }
}

impl Table7 {
    /// How each column of row `row` of group `group` was obtained, then the
    /// columns of the subtotal it is counted in. `None` when there is no
    /// such row.
    pub fn explain(&self, group: usize, row: usize) -> Option<Vec<Step>> {
        let g = self.groups.get(group)?;
        let d = g.rows.get(row)?;
        let mut out = Vec::new();
        row_steps(&mut out, d, self.basis);
        let p = price_text(g.price);
        let (price_ja, price_en) = match g.price_from {
            PriceFrom::Table(grade, share) => (
                format!(
                    "事業所の地域区分 {} × 人件費割合 {}（告示の単価表）",
                    grade.label_ja(),
                    share.label_ja()
                ),
                format!(
                    "the office's 地域区分 {} × 人件費割合 {} (the 告示's table)",
                    grade.label_ja(),
                    share.label_ja()
                ),
            ),
            PriceFrom::Given => (
                "条件（terms）で指定された単価".to_owned(),
                "the price given in the terms".to_owned(),
            ),
        };
        let price_step = step("単位数単価", "unit price", &p, price_ja, price_en);
        match d.class {
            RowClass::Managed => {
                out.push(step(
                    "（内訳）区分支給限度基準内／超過単位数",
                    "(breakdown) units within / over the limits",
                    format!("{} / {}", u(d.within), u(d.over)),
                    "小計の超過単位数を、下の行から順に各行の単位数まで割り当てた内訳".to_owned(),
                    "the subtotal's excess put on its rows from the last upward, each up to its units".to_owned(),
                ));
                out.push(step(
                    "給付管理単位数",
                    "units under limit management",
                    u(g.managed),
                    format!(
                        "{} {} の限度額管理対象の行のサービス単位の合計",
                        g.office_name,
                        g.kind.as_str()
                    ),
                    format!(
                        "Σ service units of the group's limit-managed rows ({} {})",
                        g.office_name,
                        g.kind.as_str()
                    ),
                ));
                if g.kind_over > Units::ZERO {
                    out.push(step(
                        "種類支給限度基準を超える単位数",
                        "units over the kind limit",
                        u(g.kind_over),
                        "市町村の定める種類支給限度基準額を超える分（同じ種類の下の小計から）"
                            .to_owned(),
                        "over the municipality's kind limit (from the kind's last subtotal upward)"
                            .to_owned(),
                    ));
                }
                let (who_ja, who_en) = match self.allocation {
                    AllocationFrom::NoExcess => (
                        "合計が区分支給限度基準額以内のため0",
                        "0: the total is within the limit",
                    ),
                    AllocationFrom::Chosen => (
                        "ケアマネジャーが利用者と決めた割り当て（条件 allocation）",
                        "as the care manager chose with the user (the terms' allocation)",
                    ),
                    AllocationFrom::Default => (
                        "割り当ての指定がないため、careplan の既定（下の小計から順に）",
                        "no allocation given: careplan's default, from the last subtotal upward",
                    ),
                };
                out.push(step(
                    "区分支給限度基準を超える単位数",
                    "units over the limit",
                    u(g.over),
                    format!(
                        "合計 {} − 限度額 {} の超過のうち、この小計の分。{who_ja}（§6.2）",
                        u(self.managed.checked_sub(self.kind_over).unwrap_or_default()),
                        u(self.limit)
                    ),
                    format!(
                        "this subtotal's part of the total {} less the limit {}: {who_en} (§6.2)",
                        u(self.managed.checked_sub(self.kind_over).unwrap_or_default()),
                        u(self.limit)
                    ),
                ));
                out.push(step(
                    "区分支給限度基準内単位数",
                    "units within the limit",
                    u(g.within),
                    format!(
                        "{} − {} − {}（R11）",
                        u(g.managed),
                        u(g.kind_over),
                        u(g.over)
                    ),
                    format!(
                        "{} − {} − {} (R11)",
                        u(g.managed),
                        u(g.kind_over),
                        u(g.over)
                    ),
                ));
                out.push(price_step);
                if let Some(m) = &g.subtotal {
                    let full = g.kind_over.checked_add(g.over).unwrap_or_default();
                    money_steps(
                        &mut out,
                        m,
                        g.within,
                        full,
                        g,
                        g.fixed_burden.map(|y| y.get()),
                    );
                }
            }
            RowClass::Outside => {
                out.push(price_step);
                if let Some(m) = &d.money {
                    out.push(step(
                        "区分支給限度基準内単位数",
                        "units within the limit",
                        "",
                        "区分支給限度基準額の対象外のため空欄（この行だけで計算）".to_owned(),
                        "blank: outside the limit (priced on its own row)".to_owned(),
                    ));
                    money_steps(
                        &mut out,
                        m,
                        d.within,
                        d.over,
                        g,
                        d.fixed.map(|f| f.burden.get()),
                    );
                }
            }
            RowClass::Over30Days => {
                out.push(price_step);
                if let Some((units, yen)) = g.over_30 {
                    out.push(step(
                        "利用者負担（全額負担分）",
                        "user's share (in full)",
                        yen.get(),
                        format!(
                            "30日超の行の合計 {} → 1円未満切り捨て（R9）",
                            priced(units, g.price)
                        ),
                        format!(
                            "the 30日超 rows together: {} → cut down (R9)",
                            priced(units, g.price)
                        ),
                    ));
                }
            }
        }
        Some(out)
    }
}
