//! 第7表 as the standard carries it (UPSIKYU, and UPHOSOKU's
//! 種類別支給限度管理 R20–R56): [`SentTable7`], the lines of the form with
//! their figures. careplan computes 第7表 ([`Table7`]) from a 第6表, the
//! master and the terms; what travels is the figures, and what is read back
//! is the figures. [`SentTable7::of`] gives the figures of a computed
//! 第7表 (what export writes); [`SentTable7::differences`] compares a
//! 第7表 received with the one careplan computes from the 第6表 beside it.

use careplan_core::forms::kyotaku::usage::Usage;
use careplan_core::forms::kyotaku::usage::table7::{DetailRow, Group, RowClass, RowWorth, Table7};
use careplan_core::units::Units;
use chrono::NaiveDate;
use serde::Serialize;

use crate::MonthKey;
use crate::records::{
    FIXED_OFFICE, KIND_SUBTOTAL, OUTSIDE_SUBTOTAL, OVER_30_SUBTOTAL, TOTAL_CODE, TOTAL_OFFICE,
    Upsikyu,
};

/// What a line of 第7表 is (UPSIKYU No.9 tells).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// A service row (a サービスコード of the master).
    Service,
    /// 区分支給対象種類別小計 (`CD`+`AAAA`): a 事業所 × 種類's subtotal.
    KindSubtotal,
    /// 区分支給対象外種類別小計 (`CD`+`EEEE`): its 限度額対象外 rows.
    OutsideSubtotal,
    /// 30日超過分種類別小計 (`CD`+`ZZZZ`): its rows past the 30th day.
    Over30Subtotal,
    /// 全合計 (事業所 ALL9, code `999999`).
    Total,
}

impl LineKind {
    /// The last four characters of No.9 on a subtotal of this kind.
    fn suffix(self) -> Option<&'static str> {
        match self {
            LineKind::KindSubtotal => Some(KIND_SUBTOTAL),
            LineKind::OutsideSubtotal => Some(OUTSIDE_SUBTOTAL),
            LineKind::Over30Subtotal => Some(OVER_30_SUBTOTAL),
            LineKind::Service | LineKind::Total => None,
        }
    }

    /// The subtotal whose No.9 ends in `suffix`.
    pub(crate) fn of_suffix(suffix: &str) -> Option<LineKind> {
        [
            LineKind::KindSubtotal,
            LineKind::OutsideSubtotal,
            LineKind::Over30Subtotal,
        ]
        .into_iter()
        .find(|k| k.suffix() == Some(suffix))
    }
}

/// One line of 第7表 as UPSIKYU carries it: units and yen as integers,
/// 単位数単価 in sen; a blank field is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentLine {
    /// What the line is.
    pub line: LineKind,
    /// No.7 サービス事業所コード (`9999999999` on the 全合計).
    pub office_number: String,
    /// No.6 サービス事業所名.
    pub office_name: Option<String>,
    /// No.9 サービスコード (a subtotal's `CD`+`AAAA`…, the total's `999999`).
    pub code: String,
    /// No.10 TAISコード.
    pub tais_code: Option<String>,
    /// No.11 福祉用具届出コード.
    pub notified_code: Option<String>,
    /// No.12 用具名称（機種名）.
    pub equipment_name: Option<String>,
    /// No.13 単位数 (0 on subtotals, the total and a rate-based 加算).
    pub units: i64,
    /// No.14 割引後率 (%).
    pub discount_percent: Option<u8>,
    /// No.15 割引後単位数.
    pub discounted_units: Option<i64>,
    /// No.16 回数／日数 (0 on subtotals and the total).
    pub count: u32,
    /// No.17 サービス単位／金額.
    pub service_units: Option<i64>,
    /// No.18 給付管理単位数 (blank on 限度額対象外 and 30日超 rows).
    pub managed: Option<i64>,
    /// No.19 種類支給限度基準超単位数.
    pub kind_over: Option<i64>,
    /// No.20 種類支給限度基準内単位数.
    pub kind_within: Option<i64>,
    /// No.21 区分支給限度基準超単位数.
    pub over: Option<i64>,
    /// No.22 区分支給限度基準内単位数.
    pub within: Option<i64>,
    /// No.23 単位数単価, in sen (`11.40` is 1140).
    pub price_sen: Option<u32>,
    /// No.24 費用総額保険／事業対象分.
    pub cost: Option<i64>,
    /// No.25 給付率 (%).
    pub rate: Option<u8>,
    /// No.26 保険／事業費請求額.
    pub claim: Option<i64>,
    /// No.27 定額利用者負担単価金額.
    pub fixed_per_count: Option<i64>,
    /// No.28 利用者負担保険／事業対象分.
    pub burden: Option<i64>,
    /// No.29 利用者負担（全額負担分）.
    pub full_burden: Option<i64>,
    /// No.33 ３０日超区分.
    pub over_30_days: bool,
}

impl SentLine {
    /// A line with every figure blank.
    fn blank(line: LineKind, office_number: String, code: String) -> SentLine {
        SentLine {
            line,
            office_number,
            office_name: None,
            code,
            tais_code: None,
            notified_code: None,
            equipment_name: None,
            units: 0,
            discount_percent: None,
            discounted_units: None,
            count: 0,
            service_units: None,
            managed: None,
            kind_over: None,
            kind_within: None,
            over: None,
            within: None,
            price_sen: None,
            cost: None,
            rate: None,
            claim: None,
            fixed_per_count: None,
            burden: None,
            full_burden: None,
            over_30_days: false,
        }
    }
}

/// 「要介護認定期間中の短期入所利用日数」 (UPSIKYU No.30–32, on the 全合計
/// line).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ShortStayCounts {
    /// No.30 前月までの利用日数.
    pub before: Option<u32>,
    /// No.31 当月の計画利用日数.
    pub this_month: Option<u32>,
    /// No.32 累積利用日数.
    pub cumulative: Option<u32>,
}

/// One slot of 種類別支給限度管理 (UPHOSOKU R20–R55, four fields a slot).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindSlot {
    /// サービス種類コード.
    pub kind: String,
    /// 支給限度基準額 (単位).
    pub limit: Option<i64>,
    /// 合計単位数.
    pub total: Option<i64>,
    /// 限度超単位数.
    pub over: Option<i64>,
}

/// The number of 種類別支給限度管理 slots UPHOSOKU has (R20–R55).
pub const KIND_SLOTS: usize = 9;

/// 第7表 as the standard carries it: the UPSIKYU lines of one user and
/// month, and the 種類別支給限度管理 of its UPHOSOKU.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentTable7 {
    /// 保険者番号, 被保険者番号, 対象年月.
    #[serde(skip)]
    pub key: MonthKey,
    /// No.4 作成年月日 (serialised as an ISO date).
    #[serde(serialize_with = "iso_date")]
    pub created_on: NaiveDate,
    /// No.36 更新業者コード: the 居宅介護支援事業者 (\[U\], FORMS-4-7.md
    /// §7.3 note d).
    pub planner_office: Option<String>,
    /// No.35 入力者コード: careplan writes the 居宅介護支援事業者 here too
    /// (\[U\], note d).
    pub entered_by: Option<String>,
    /// The lines, in the order of the form.
    pub lines: Vec<SentLine>,
    /// The 短期入所 days of the 全合計 line.
    pub short_stay: ShortStayCounts,
    /// 種類別支給限度管理 (UPHOSOKU R20–R55), the kinds with a 種類支給限度.
    pub kinds: Vec<KindSlot>,
    /// 合計限度超単位数 (UPHOSOKU R56).
    pub kinds_over: Option<i64>,
}

/// One figure where a 第7表 received and the one careplan computes differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineDifference {
    /// No.7 of the line.
    pub office_number: String,
    /// No.9 of the line.
    pub code: String,
    /// The UPSIKYU field number (0 for a line only one side has).
    pub field: u16,
    /// Its name in the standard (「区分支給限度基準内単位数」), or 「行」.
    pub field_name: &'static str,
    /// The value received (blank when absent).
    pub sent: String,
    /// The value careplan computes (blank when absent).
    pub computed: String,
}

fn iso_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&d.format("%Y-%m-%d"))
}

fn some(u: Units) -> Option<i64> {
    Some(u.get())
}

/// A text all of `values` share, if any.
fn shared<'a>(mut values: impl Iterator<Item = Option<&'a str>>) -> Option<String> {
    let first = values.next()??;
    values.all(|v| v == Some(first)).then(|| first.to_owned())
}

/// The figures of a service row.
fn service_line(usage: &Usage, g: &Group, d: &DetailRow) -> (SentLine, Option<usize>) {
    let rows = &usage.parts().rows;
    let from = || d.from_rows.iter().filter_map(|i| rows.get(*i));
    let mut l = SentLine::blank(
        LineKind::Service,
        g.office_number.as_str().to_owned(),
        d.code.as_str().to_owned(),
    );
    l.office_name = office_name(usage, g);
    l.tais_code = shared(from().map(|r| r.tais_code.as_ref().map(|t| t.as_str())));
    l.notified_code = shared(from().map(|r| r.notified_code.as_ref().map(|t| t.as_str())));
    l.equipment_name = shared(from().map(|r| r.equipment_name.as_ref().map(|t| t.as_str())));
    if let RowWorth::Units { units, discounted } = d.worth {
        l.units = units.get();
        if let Some((pct, after)) = discounted {
            l.discount_percent = Some(pct);
            l.discounted_units = some(after);
        }
    }
    l.count = d.count;
    l.service_units = some(d.service_units);
    match d.class {
        RowClass::Managed => {
            l.managed = some(d.service_units);
            l.over = some(d.over);
            l.within = some(d.within);
        }
        RowClass::Outside => {}
        RowClass::Over30Days => l.over_30_days = true,
    }
    if let Some(f) = d.fixed {
        l.fixed_per_count = Some(f.per_count.get());
        if d.class == RowClass::Managed {
            l.burden = Some(f.burden.get());
        }
    }
    if let Some(m) = &d.money {
        l.price_sen = Some(g.price.sen());
        l.cost = Some(m.cost.get());
        l.rate = Some(g.rate.percent());
        l.claim = Some(m.claim.get());
        l.burden = Some(m.burden.get());
        l.full_burden = Some(m.full_burden.get());
    }
    (l, d.from_rows.first().copied())
}

/// The name of a group's office: the first 第6表 row of it that names it.
fn office_name(usage: &Usage, g: &Group) -> Option<String> {
    usage
        .parts()
        .rows
        .iter()
        .filter(|r| r.office_number == g.office_number)
        .find_map(|r| r.office_name.as_ref())
        .map(|n| n.as_str().to_owned())
}

/// The first 第6表 row of a group's office that names it.
pub(crate) fn office_name_row(usage: &Usage, g: &Group) -> Option<usize> {
    usage
        .parts()
        .rows
        .iter()
        .position(|r| r.office_number == g.office_number && r.office_name.is_some())
}

fn sum(a: Option<i64>, b: i64) -> Option<i64> {
    Some(a.unwrap_or(0).saturating_add(b))
}

impl SentTable7 {
    /// The figures of `table7`, computed from `usage`: a line per service
    /// row, then the group's `AAAA` subtotal, its 限度額対象外 rows and
    /// `EEEE` subtotal, its 30日超 rows and `ZZZZ` subtotal; last the
    /// 全合計, with the 短期入所 days. The cells are those the printed
    /// 第7表 fills, and each 限度額管理対象 row's share of the units within
    /// and over the limits (the form prints it in parentheses only where
    /// the group has units over a limit). 種類別支給限度管理 holds the kinds
    /// given a 種類支給限度.
    pub fn of(usage: &Usage, table7: &Table7) -> SentTable7 {
        SentTable7::with_rows(usage, table7).0
    }

    /// [`SentTable7::of`], with the 第6表 row each line's text came from.
    pub(crate) fn with_rows(usage: &Usage, t: &Table7) -> (SentTable7, Vec<Option<usize>>) {
        let p = usage.parts();
        let mut lines = Vec::new();
        let mut from = Vec::new();
        let mut total = SentLine::blank(
            LineKind::Total,
            TOTAL_OFFICE.to_owned(),
            TOTAL_CODE.to_owned(),
        );
        for g in &t.groups {
            let office = g.office_number.as_str().to_owned();
            let kind = g.kind.as_str();
            let name = office_name(usage, g);
            let mut push = |l: SentLine, row: Option<usize>| {
                lines.push(l);
                from.push(row);
            };
            let name_row = office_name_row(usage, g);
            let mut managed_units = 0i64;
            for d in g.rows.iter().filter(|d| d.class == RowClass::Managed) {
                managed_units = managed_units.saturating_add(d.service_units.get());
                let (l, r) = service_line(usage, g, d);
                push(l, r);
            }
            if let Some(m) = &g.subtotal {
                let mut l = SentLine::blank(
                    LineKind::KindSubtotal,
                    office.clone(),
                    format!("{kind}{KIND_SUBTOTAL}"),
                );
                l.office_name = name.clone();
                l.service_units = Some(managed_units);
                l.managed = some(g.managed);
                l.kind_over = some(g.kind_over);
                l.kind_within = some(g.kind_within);
                l.over = some(g.over);
                l.within = some(g.within);
                l.price_sen = Some(g.price.sen());
                l.cost = Some(m.cost.get());
                l.rate = Some(g.rate.percent());
                l.claim = Some(m.claim.get());
                l.burden = Some(m.burden.get());
                l.full_burden = Some(m.full_burden.get());
                push(l, name_row);
                total.service_units = sum(total.service_units, managed_units);
            }
            let mut outside_units = 0i64;
            for d in g.rows.iter().filter(|d| d.class == RowClass::Outside) {
                outside_units = outside_units.saturating_add(d.service_units.get());
                let (l, r) = service_line(usage, g, d);
                push(l, r);
            }
            if let Some(m) = &g.outside {
                let mut l = SentLine::blank(
                    LineKind::OutsideSubtotal,
                    office.clone(),
                    format!("{kind}{OUTSIDE_SUBTOTAL}"),
                );
                l.office_name = name.clone();
                l.service_units = Some(outside_units);
                l.price_sen = Some(g.price.sen());
                l.cost = Some(m.cost.get());
                l.rate = Some(g.rate.percent());
                l.claim = Some(m.claim.get());
                l.burden = Some(m.burden.get());
                l.full_burden = Some(m.full_burden.get());
                push(l, name_row);
            }
            for d in g.rows.iter().filter(|d| d.class == RowClass::Over30Days) {
                let (l, r) = service_line(usage, g, d);
                push(l, r);
            }
            if let Some((units, yen)) = g.over_30 {
                let mut l = SentLine::blank(
                    LineKind::Over30Subtotal,
                    office,
                    format!("{kind}{OVER_30_SUBTOTAL}"),
                );
                l.office_name = name;
                l.service_units = some(units);
                l.price_sen = Some(g.price.sen());
                l.full_burden = Some(yen.get());
                l.over_30_days = true;
                push(l, name_row);
            }
            total.kind_within = sum(total.kind_within, g.kind_within.get());
        }
        // The 全合計 as the printed form's 合計 line: 区分支給限度基準を超える
        // 単位数 holds every unit over a limit, 種類 and 区分 alike.
        total.managed = some(t.managed);
        total.kind_over = some(t.kind_over);
        total.over = Some(t.over.get().saturating_add(t.kind_over.get()));
        total.within = some(t.within);
        total.cost = Some(t.cost.get());
        total.claim = Some(t.claim.get());
        total.burden = Some(t.burden.get());
        total.full_burden = Some(t.full_burden.get());
        lines.push(total);
        from.push(None);
        let s = t.short_stay;
        let has_short_stay = s.this_month > 0 || s.before.is_some();
        let short_stay = if has_short_stay {
            ShortStayCounts {
                before: s.before,
                this_month: Some(s.this_month),
                cumulative: s.cumulative,
            }
        } else {
            ShortStayCounts::default()
        };
        let kinds: Vec<KindSlot> = t
            .kinds
            .iter()
            .filter_map(|k| {
                Some(KindSlot {
                    kind: k.kind.as_str().to_owned(),
                    limit: Some(k.limit?.get()),
                    total: some(k.total),
                    over: some(k.over),
                })
            })
            .collect();
        let kinds_over = (!kinds.is_empty()).then(|| {
            kinds
                .iter()
                .filter_map(|k| k.over)
                .fold(0i64, i64::saturating_add)
        });
        (
            SentTable7 {
                key: MonthKey::of(usage),
                created_on: p.created_on,
                planner_office: Some(p.planner.office_number.as_str().to_owned()),
                entered_by: Some(p.planner.office_number.as_str().to_owned()),
                lines,
                short_stay,
                kinds,
                kinds_over,
            },
            from,
        )
    }

    /// The UPSIKYU records of the lines, their free text as given (export
    /// passes it through its MS932 check first).
    pub fn records(&self) -> Vec<Upsikyu> {
        self.lines
            .iter()
            .map(|l| self.record(l, |_, s| s.to_owned()))
            .collect()
    }

    /// The record of one line; `text` writes a free-text field (its number
    /// and value).
    pub(crate) fn record(
        &self,
        l: &SentLine,
        mut text: impl FnMut(u16, &str) -> String,
    ) -> Upsikyu {
        let n = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        let mut opt =
            |no: u16, v: &Option<String>| v.as_deref().map(|s| text(no, s)).unwrap_or_default();
        let is_total = l.line == LineKind::Total;
        let days = |v: Option<u32>| {
            if is_total {
                v.map(|v| v.to_string()).unwrap_or_default()
            } else {
                String::new()
            }
        };
        let planner = self.planner_office.clone().unwrap_or_default();
        let entered_by = self.entered_by.clone().unwrap_or_default();
        Upsikyu {
            csv_version: crate::CSV_VERSION.to_owned(),
            insurer_number: self.key.insurer.as_str().to_owned(),
            insured_number: self.key.insured.as_str().to_owned(),
            created_on: self.created_on.format("%Y%m%d").to_string(),
            target_month: crate::export::yyyymm(self.key.month),
            office_name: opt(Upsikyu::OFFICE_NAME, &l.office_name),
            office_number: l.office_number.clone(),
            satellite: String::new(),
            service_code: l.code.clone(),
            tais_code: opt(Upsikyu::TAIS_CODE, &l.tais_code),
            notified_code: opt(Upsikyu::NOTIFIED_CODE, &l.notified_code),
            equipment_name: opt(Upsikyu::EQUIPMENT_NAME, &l.equipment_name),
            units: l.units.to_string(),
            discount_percent: l
                .discount_percent
                .map(|p| p.to_string())
                .unwrap_or_default(),
            discounted_units: n(l.discounted_units),
            count: l.count.to_string(),
            service_units: n(l.service_units),
            managed: n(l.managed),
            kind_over: n(l.kind_over),
            kind_within: n(l.kind_within),
            over: n(l.over),
            within: n(l.within),
            price: l
                .price_sen
                .map(|s| format!("{}.{:02}", s / 100, s % 100))
                .unwrap_or_default(),
            cost: n(l.cost),
            rate: l.rate.map(|r| r.to_string()).unwrap_or_default(),
            claim: n(l.claim),
            fixed_per_count: n(l.fixed_per_count),
            burden: n(l.burden),
            full_burden: n(l.full_burden),
            short_stay_before: days(self.short_stay.before),
            short_stay_this_month: days(self.short_stay.this_month),
            short_stay_cumulative: days(self.short_stay.cumulative),
            over_30_days: if l.over_30_days { "1" } else { "0" }.to_owned(),
            fixed_office: FIXED_OFFICE.to_owned(),
            entered_by,
            vendor_code: planner,
            identifier: String::new(),
        }
    }

    /// Every figure where this 第7表 (received) and `computed` (careplan's,
    /// from the 第6表 beside it: [`SentTable7::of`]) differ: the lines
    /// matched by 事業所, サービスコード and ３０日超区分, the figures
    /// compared field by field (No.13–No.33; names and equipment are not
    /// figures), and a line that only one side has, and the
    /// 種類別支給限度管理 slots. Empty when the two agree.
    pub fn differences(&self, computed: &SentTable7) -> Vec<LineDifference> {
        let id = |l: &SentLine| (l.office_number.clone(), l.code.clone(), l.over_30_days);
        let mut out = Vec::new();
        let line_only = |l: &SentLine, sent: bool| LineDifference {
            office_number: l.office_number.clone(),
            code: l.code.clone(),
            field: 0,
            field_name: "行",
            sent: if sent {
                "あり".to_owned()
            } else {
                String::new()
            },
            computed: if sent {
                String::new()
            } else {
                "あり".to_owned()
            },
        };
        for a in &self.lines {
            let Some(b) = computed.lines.iter().find(|b| id(b) == id(a)) else {
                out.push(line_only(a, true));
                continue;
            };
            let (ra, rb) = (
                self.record(a, |_, s| s.to_owned()),
                computed.record(b, |_, s| s.to_owned()),
            );
            let (fa, fb) = (ra.values(), rb.values());
            for no in Upsikyu::UNITS..=Upsikyu::OVER_30_DAYS {
                let i = usize::from(no - 1);
                let (x, y) = (fa.get(i), fb.get(i));
                if x != y {
                    out.push(LineDifference {
                        office_number: a.office_number.clone(),
                        code: a.code.clone(),
                        field: no,
                        field_name: crate::records::Kind::Sikyu.field_name(usize::from(no)),
                        sent: x.map(|v| (*v).to_owned()).unwrap_or_default(),
                        computed: y.map(|v| (*v).to_owned()).unwrap_or_default(),
                    });
                }
            }
        }
        for b in &computed.lines {
            if !self.lines.iter().any(|a| id(a) == id(b)) {
                out.push(line_only(b, false));
            }
        }
        let slot = |k: Option<&KindSlot>| {
            k.map(|k| {
                format!(
                    "{} {} {} {}",
                    k.kind,
                    k.limit.map(|v| v.to_string()).unwrap_or_default(),
                    k.total.map(|v| v.to_string()).unwrap_or_default(),
                    k.over.map(|v| v.to_string()).unwrap_or_default()
                )
            })
            .unwrap_or_default()
        };
        for i in 0..self.kinds.len().max(computed.kinds.len()) {
            let (x, y) = (slot(self.kinds.get(i)), slot(computed.kinds.get(i)));
            if x != y {
                out.push(LineDifference {
                    office_number: String::new(),
                    code: String::new(),
                    field: 0,
                    field_name: "種類別支給限度管理",
                    sent: x,
                    computed: y,
                });
            }
        }
        out
    }
}
