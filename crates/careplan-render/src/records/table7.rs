//! 第7表 サービス利用票別表 as a printed form, from a computed
//! [`Table7`]: the main table 「区分支給限度管理・利用者負担計算」 (21
//! columns, FORMS-4-7.md §5.1) with a line per detail row, the group's
//! subtotal, its 限度額対象外 rows and its 30日超 subtotal, then the 合計
//! with the 区分支給限度基準額; below it 「種類別支給限度管理」 (§5.2) and
//! 「要介護認定期間中の短期入所利用日数」 (§5.3). As a provider's
//! サービス提供票別表, only that office's groups and their total.
//!
//! Every cell is made here as text (money right-aligned with thousands
//! separators, breakdowns in parentheses); the template only lays them out.

use careplan_core::forms::kyotaku::usage::Usage;
use careplan_core::forms::kyotaku::usage::table7::{DetailRow, Group, RowClass, RowWorth, Table7};
use careplan_core::service_codes::{ServiceCode, kind_name};
use careplan_core::units::{GroupMoney, Units, Yen};
use careplan_core::{FieldPath, Form, OfficeNumber, Sheet};
use chrono::NaiveDate;
use serde::Serialize;
use typst_layout::PagedDocument;

use super::usage::thousands;
use super::view::date;
use crate::form::PrintedForm;
use crate::kyotaku::Kyotaku;
use crate::measure::{breakable, wide as s};
use crate::{RenderError, RenderOptions};

/// The main table's columns.
pub(crate) const COLUMNS: usize = 21;

/// Room for 事業所名 and サービス内容, in em at the table's type size.
const NAME_EM: f64 = 7.0;

/// What a line of the main table is, for its look.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum LineKind {
    /// A detail row.
    Detail,
    /// A subtotal (事業所 × 種類, 限度額対象外, 30日超).
    Subtotal,
    /// The 合計.
    Total,
}

/// One line of the main table: its 21 cells.
#[derive(Debug, Serialize)]
pub(crate) struct Line {
    pub kind: LineKind,
    pub cells: Vec<String>,
}

/// The sheet's data.
#[derive(Debug, Serialize)]
pub(crate) struct Table7View {
    /// A provider's サービス提供票別表.
    pub provider_copy: bool,
    /// 「令和7年6月分」.
    pub month: String,
    pub created_on: String,
    pub insured_number: String,
    pub name: String,
    /// 区分支給限度基準額, 「27,048」.
    pub limit: String,
    pub lines: Vec<Line>,
    /// 種類別支給限度管理: サービス種類, 種類支給限度基準額, 合計単位数,
    /// 種類支給限度基準を超える単位数; the kinds, then blank lines: at least
    /// six, one more than the kinds (the 合計 takes the last), an even
    /// number (two groups side by side).
    pub kinds: Vec<[String; 4]>,
    /// The 合計 of 種類支給限度基準を超える単位数.
    pub kinds_over: String,
    /// 前月までの利用日数, 当月の計画利用日数, 累積利用日数.
    pub short_stay: [String; 3],
}

fn u(x: Units) -> String {
    thousands(x.get())
}

fn y(x: Yen) -> String {
    thousands(x.get())
}

fn paren(s: String) -> String {
    format!("（{s}）")
}

fn price(sen: u32) -> String {
    format!("{}.{:02}", sen / 100, sen % 100)
}

/// Writes cell `i` of a line (a line has [`COLUMNS`] cells; a cell past
/// them is dropped, which no caller asks for).
fn put(cells: &mut [String], i: usize, v: String) {
    if let Some(c) = cells.get_mut(i) {
        *c = v;
    }
}

/// Writes several cells of a line.
fn put_all<const N: usize>(cells: &mut [String], values: [(usize, String); N]) {
    for (i, v) in values {
        put(cells, i, v);
    }
}

/// The money cells (15–21 of the form: 単価 … 全額負担) of a line.
fn money(cells: &mut [String], g: &Group, m: &GroupMoney, fixed: Option<(Yen, Yen)>) {
    let mut set = |i: usize, v: String| put(cells, i, v);
    set(14, price(g.price.sen()));
    set(15, y(m.cost));
    set(16, g.rate.percent().to_string());
    set(17, y(m.claim));
    if let Some((per, _)) = fixed {
        set(18, y(per));
    }
    set(19, y(m.burden));
    set(20, y(m.full_burden));
}

fn detail(g: &Group, d: &DetailRow, first: bool, breakdown: bool) -> Line {
    let mut c = vec![String::new(); COLUMNS];
    let mut set = |i: usize, v: String| put(&mut c, i, v);
    if first {
        set(0, breakable(&s(&g.office_name), NAME_EM));
        set(1, g.office_number.as_str().to_owned());
    }
    let name = match d.class {
        RowClass::Over30Days => format!("{}（30日超）", s(&d.name)),
        _ => s(&d.name),
    };
    set(2, breakable(&name, NAME_EM));
    set(3, d.code.as_str().to_owned());
    match d.worth {
        RowWorth::Units { units, discounted } => {
            set(4, u(units));
            if let Some((pct, after)) = discounted {
                set(5, pct.to_string());
                set(6, u(after));
            }
        }
        RowWorth::Rate { permille, .. } => {
            set(4, format!("{}.{}%", permille / 10, permille % 10));
        }
    }
    set(7, d.count.to_string());
    match d.class {
        RowClass::Managed => {
            set(8, u(d.service_units));
            if breakdown {
                set(12, paren(u(d.over)));
                set(13, paren(u(d.within)));
            }
        }
        RowClass::Outside | RowClass::Over30Days => set(8, paren(u(d.service_units))),
    }
    let fixed = d.fixed.map(|f| (f.per_count, f.burden));
    if d.class == RowClass::Managed
        && let Some((per, burden)) = fixed
    {
        set(18, y(per));
        set(19, paren(y(burden)));
    }
    if let Some(m) = &d.money {
        money(&mut c, g, m, fixed);
    }
    Line {
        kind: LineKind::Detail,
        cells: c,
    }
}

fn kind_label(kind: &str) -> String {
    match kind_name(kind) {
        Some(n) => n.to_owned(),
        None => format!("種類{kind}"),
    }
}

fn group_lines(g: &Group, out: &mut Vec<Line>) {
    let breakdown = g.over > Units::ZERO || g.kind_over > Units::ZERO;
    for (i, d) in g.rows.iter().enumerate() {
        if d.class == RowClass::Managed {
            out.push(detail(g, d, i == 0, breakdown));
        }
    }
    if let Some(m) = &g.subtotal {
        let mut c = vec![String::new(); COLUMNS];
        put(&mut c, 2, format!("{}合計", kind_label(g.kind.as_str())));
        let sum: i64 = g
            .rows
            .iter()
            .filter(|d| d.class == RowClass::Managed)
            .map(|d| d.service_units.get())
            .sum();
        put_all(
            &mut c,
            [
                (8, thousands(sum)),
                (9, u(g.managed)),
                (10, u(g.kind_over)),
                (11, u(g.kind_within)),
                (12, u(g.over)),
                (13, u(g.within)),
            ],
        );
        // A 定額 group's burden is already the rows' 定額 (R10); the
        // per-count price is a row's, not the subtotal's.
        money(&mut c, g, m, None);
        out.push(Line {
            kind: LineKind::Subtotal,
            cells: c,
        });
    }
    let first_outside = !g.rows.iter().any(|d| d.class == RowClass::Managed);
    let mut seen = false;
    for d in g.rows.iter().filter(|d| d.class == RowClass::Outside) {
        out.push(detail(g, d, first_outside && !seen, false));
        seen = true;
    }
    let over_30: Vec<&DetailRow> = g
        .rows
        .iter()
        .filter(|d| d.class == RowClass::Over30Days)
        .collect();
    for d in &over_30 {
        out.push(detail(g, d, false, false));
    }
    if let Some((units, yen)) = g.over_30 {
        let mut c = vec![String::new(); COLUMNS];
        put_all(
            &mut c,
            [
                (2, format!("{}（30日超）合計", kind_label(g.kind.as_str()))),
                (8, paren(u(units))),
                (14, price(g.price.sen())),
                (20, y(yen)),
            ],
        );
        out.push(Line {
            kind: LineKind::Subtotal,
            cells: c,
        });
    }
}

fn add(a: &mut i64, b: i64) {
    *a = a.saturating_add(b);
}

/// The view of a 第7表 (of the whole month, or of one provider's groups).
pub(crate) fn view(
    usage: &Usage,
    t: &Table7,
    provider: Option<&OfficeNumber>,
) -> Result<Table7View, RenderError> {
    let p = usage.parts();
    let groups: Vec<&Group> = t
        .groups
        .iter()
        .filter(|g| provider.is_none_or(|o| &g.office_number == o))
        .collect();
    if let Some(o) = provider
        && groups.is_empty()
    {
        return Err(RenderError::NoSuchProvider(o.as_str().to_owned()));
    }
    let mut lines = Vec::new();
    // The 合計 of the groups shown.
    let (mut service, mut over, mut within) = (0i64, 0i64, 0i64);
    let (mut cost, mut claim, mut burden, mut full) = (0i64, 0i64, 0i64, 0i64);
    for g in &groups {
        group_lines(g, &mut lines);
        for d in g.rows.iter().filter(|d| d.class == RowClass::Managed) {
            add(&mut service, d.service_units.get());
        }
        add(&mut over, g.over.get().saturating_add(g.kind_over.get()));
        add(&mut within, g.within.get());
        for m in g.subtotal.iter().chain(g.outside.iter()) {
            add(&mut cost, m.cost.get());
            add(&mut claim, m.claim.get());
            add(&mut burden, m.burden.get());
            add(&mut full, m.full_burden.get());
        }
        if let Some((_, yen)) = g.over_30 {
            add(&mut full, yen.get());
        }
    }
    let mut c = vec![String::new(); COLUMNS];
    put_all(
        &mut c,
        [
            (0, "区分支給限度基準額（単位）".to_owned()),
            (1, u(t.limit)),
            (2, "合計".to_owned()),
            (8, thousands(service)),
            (12, thousands(over)),
            (13, thousands(within)),
            (15, thousands(cost)),
            (17, thousands(claim)),
            (19, thousands(burden)),
            (20, thousands(full)),
        ],
    );
    lines.push(Line {
        kind: LineKind::Total,
        cells: c,
    });
    let mut kinds: Vec<[String; 4]> = t
        .kinds
        .iter()
        .filter(|k| groups.iter().any(|g| g.kind == k.kind))
        .map(|k| {
            [
                kind_label(k.kind.as_str()),
                k.limit.map(u).unwrap_or_default(),
                u(k.total),
                u(k.over),
            ]
        })
        .collect();
    // Room for every kind and the 合計 (the right group's last line), at
    // least six lines, two groups of equal length.
    let mut slots = (kinds.len() + 1).max(6);
    if !slots.is_multiple_of(2) {
        slots += 1;
    }
    kinds.resize_with(slots, Default::default);
    let kinds_over = thousands(
        t.kinds
            .iter()
            .filter(|k| groups.iter().any(|g| g.kind == k.kind))
            .map(|k| k.over.get())
            .sum(),
    );
    let st = t.short_stay;
    let opt = |v: Option<u32>| v.map(|d| d.to_string()).unwrap_or_default();
    let first = p
        .month
        .first_day()
        .ok_or_else(|| RenderError::Data(format!("no first day of {}", p.month)))?;
    let full_month = date(first)?;
    Ok(Table7View {
        provider_copy: provider.is_some(),
        month: format!(
            "{}分",
            full_month.strip_suffix("1日").unwrap_or(&full_month)
        ),
        created_on: date(p.created_on)?,
        insured_number: p.user.insured_number.as_str().to_owned(),
        name: s(&p.user.name),
        limit: u(t.limit),
        lines,
        kinds,
        kinds_over,
        short_stay: [
            opt(st.before),
            st.this_month.to_string(),
            opt(st.cumulative),
        ],
    })
}

/// A 第6表 with its 第7表, as [`crate::UsageMonth`] prints them.
pub(crate) struct UsageMonthForm;

impl PrintedForm for UsageMonthForm {
    type Doc = crate::UsageMonth;
    const MAIN: &'static str = Kyotaku::MAIN;
    const FORM: Form = Form::Usage;

    fn view(
        m: &crate::UsageMonth,
        options: &RenderOptions,
        sheets: &[Sheet],
        counted: bool,
    ) -> Result<Vec<u8>, RenderError> {
        let u = &m.usage;
        let mut v = super::without_plan(u.parts().user.name.as_str(), options, sheets, counted);
        if sheets.contains(&Sheet::KyotakuTable6) {
            let t7 = &m.table7;
            let names = |code: &ServiceCode| {
                t7.groups
                    .iter()
                    .flat_map(|g| &g.rows)
                    .find(|d| &d.code == code)
                    .map(|d| d.name.clone())
            };
            v.t6 = vec![super::usage::view(u, options.provider.as_ref(), &names)?];
        }
        if sheets.contains(&Sheet::KyotakuTable7) {
            v.t7 = Some(view(u, &m.table7, options.provider.as_ref())?);
        }
        serde_json::to_vec(&v).map_err(|e| RenderError::Data(e.to_string()))
    }

    fn end_label(sheet: Sheet) -> &'static str {
        match sheet {
            Sheet::KyotakuTable7 => "careplan-t7-end",
            _ => "careplan-t6-end",
        }
    }

    fn predicted_pages(_doc: &PagedDocument, _sheet: Sheet) -> Option<usize> {
        None
    }

    fn counted(_sheet: Sheet) -> bool {
        true
    }

    fn texts(m: &crate::UsageMonth) -> Vec<(FieldPath, &str)> {
        let mut out = m.usage.texts();
        for (g, group) in m.table7.groups.iter().enumerate() {
            for (r, row) in group.rows.iter().enumerate() {
                out.push((
                    FieldPath::from_text(format!("table7.groups[{g}].rows[{r}].name")),
                    row.name.as_str(),
                ));
            }
        }
        out
    }

    fn date(m: &crate::UsageMonth) -> NaiveDate {
        m.usage.parts().created_on
    }

    fn ident(m: &crate::UsageMonth) -> String {
        format!("careplan/usage/{}", m.usage.parts().month)
    }
}
