//! 第7表 as JSON, for the CLI, the HTTP service and the npm packages: every
//! column of every row, units and yen as integers, 単位数単価 in sen.

use serde_json::{Value, json};

use super::{
    AllocationFrom, DetailRow, Group, KindLine, PriceFrom, RowClass, RowWorth, Step, Table7,
};
use crate::units::GroupMoney;

fn money(m: &GroupMoney) -> Value {
    json!({
        "cost": m.cost.get(),
        "claim": m.claim.get(),
        "burden": m.burden.get(),
        "full_burden": m.full_burden.get(),
    })
}

fn row(d: &DetailRow) -> Value {
    let (units, discount, rate) = match d.worth {
        RowWorth::Units { units, discounted } => (
            Some(units.get()),
            discounted.map(|(pct, u)| json!({"percent_after": pct, "units": u.get()})),
            None,
        ),
        RowWorth::Rate {
            permille,
            base,
            base_within,
        } => (
            None,
            None,
            Some(
                json!({"permille": permille, "base": base.get(), "base_within": base_within.get()}),
            ),
        ),
    };
    json!({
        "code": d.code.as_str(),
        "name": d.name,
        "class": match d.class {
            RowClass::Managed => "managed",
            RowClass::Outside => "outside",
            RowClass::Over30Days => "over_30_days",
        },
        "per": d.per.code(),
        "units": units,
        "discounted": discount,
        "rate": rate,
        "count": d.count,
        "service_units": d.service_units.get(),
        "within": d.within.get(),
        "over": d.over.get(),
        "fixed": d.fixed.map(|f| json!({
            "per_count": f.per_count.get(),
            "burden": f.burden.get(),
            "prorated": f.prorated,
        })),
        "money": d.money.as_ref().map(money),
        "from_rows": d.from_rows,
    })
}

fn group(g: &Group) -> Value {
    json!({
        "office_number": g.office_number.as_str(),
        "office_name": g.office_name,
        "kind": g.kind.as_str(),
        "price_sen": g.price.sen(),
        "price_from": match g.price_from {
            PriceFrom::Table(grade, share) => json!({"area_grade": grade.code(), "labor_share": share.code()}),
            PriceFrom::Given => json!("given"),
        },
        "benefit_rate": g.rate.percent(),
        "rows": g.rows.iter().map(row).collect::<Vec<_>>(),
        "managed": g.managed.get(),
        "kind_over": g.kind_over.get(),
        "kind_within": g.kind_within.get(),
        "over": g.over.get(),
        "within": g.within.get(),
        "subtotal": g.subtotal.as_ref().map(money),
        "fixed_burden": g.fixed_burden.map(|y| y.get()),
        "outside": g.outside.as_ref().map(money),
        "over_30": g.over_30.map(|(u, y)| json!({"units": u.get(), "full_burden": y.get()})),
    })
}

fn kind(k: &KindLine) -> Value {
    json!({
        "kind": k.kind.as_str(),
        "limit": k.limit.map(|u| u.get()),
        "total": k.total.get(),
        "over": k.over.get(),
    })
}

/// A step of [`Table7::explain`] as JSON.
pub(crate) fn step(s: &Step) -> Value {
    json!({
        "column_ja": s.column_ja,
        "column_en": s.column_en,
        "value": s.value,
        "how_ja": s.how_ja,
        "how_en": s.how_en,
    })
}

impl Table7 {
    /// 第7表 as JSON: `month`, `basis`, `limit`, the unit totals
    /// (`managed`, `kind_over`, `over`, `within`), `allocation` (`none`,
    /// `chosen`, `default`), the money totals (`cost`, `claim`, `burden`,
    /// `full_burden`), `groups` with their `rows`, `kinds` and
    /// `short_stay`. Units and yen are integers; prices are in sen.
    pub fn to_json(&self) -> Value {
        json!({
            "form": "kyotaku_table7",
            "month": self.month.to_string(),
            "basis": self.basis.code(),
            "limit": self.limit.get(),
            "managed": self.managed.get(),
            "kind_over": self.kind_over.get(),
            "over": self.over.get(),
            "within": self.within.get(),
            "allocation": match self.allocation {
                AllocationFrom::NoExcess => "none",
                AllocationFrom::Chosen => "chosen",
                AllocationFrom::Default => "default",
            },
            "cost": self.cost.get(),
            "claim": self.claim.get(),
            "burden": self.burden.get(),
            "full_burden": self.full_burden.get(),
            "groups": self.groups.iter().map(group).collect::<Vec<_>>(),
            "kinds": self.kinds.iter().map(kind).collect::<Vec<_>>(),
            "short_stay": {
                "before": self.short_stay.before,
                "this_month": self.short_stay.this_month,
                "cumulative": self.short_stay.cumulative,
            },
        })
    }

    /// [`Table7::explain`] as JSON (`null` when there is no such row).
    pub fn explain_json(&self, group: usize, row: usize) -> Value {
        match self.explain(group, row) {
            Some(steps) => Value::Array(steps.iter().map(step).collect()),
            None => Value::Null,
        }
    }
}
