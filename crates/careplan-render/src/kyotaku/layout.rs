//! The 居宅 tables' measures, in one place: `templates/kyotaku/layout.json`
//! (and the shared `templates/layout.json`), which the templates read too.
//! The view uses them to place break opportunities at each narrow column's
//! own width.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::RenderError;
use crate::layout::{Shared, shared};
use crate::measure::MM_PER_PT;

/// The layout file, as the templates read it.
pub(crate) const LAYOUT_JSON: &str = include_str!("../../templates/kyotaku/layout.json");

/// The measures of the three tables.
#[derive(Debug, Deserialize)]
pub(crate) struct Tables {
    /// 第1表.
    pub table1: Table1Layout,
    /// 第2表.
    pub table2: Table2Layout,
    /// 第3表.
    pub table3: Table3Layout,
}

/// 第1表's measures.
#[derive(Debug, Deserialize)]
pub(crate) struct Table1Layout {
    /// The widest a speaker's label column on 第1表 grows, in em of small text.
    pub who_max_em: f64,
}

/// 第2表's measures.
#[derive(Debug, Deserialize)]
pub(crate) struct Table2Layout {
    /// The columns' widths (mm): 課題, 長期目標, （期間）, 短期目標, （期間）,
    /// サービス内容, ※1, サービス種別, ※2, 頻度, 期間.
    pub widths_mm: Vec<f64>,
}

/// 第3表's measures.
#[derive(Debug, Deserialize)]
pub(crate) struct Table3Layout {
    /// The page's left and right margins together (mm).
    pub side_margins_mm: f64,
    /// The time column (mm).
    pub time_mm: f64,
    /// 主な日常生活上の活動 (mm).
    pub activities_mm: f64,
    /// A block's inner padding (pt).
    pub block_pad_pt: f64,
}

/// 第2表's column of サービス種別.
pub(crate) const T2_KIND: usize = 7;
/// 第2表's column of ※2 (the provider).
pub(crate) const T2_PROVIDER: usize = 8;
/// 第2表's column of 頻度.
pub(crate) const T2_FREQUENCY: usize = 9;

static TABLES: LazyLock<Result<Tables, String>> =
    LazyLock::new(|| serde_json::from_str(LAYOUT_JSON).map_err(|e| e.to_string()));

/// The shared measures and the three tables'.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    /// What every sheet shares.
    pub shared: &'static Shared,
    /// The tables' own.
    pub tables: &'static Tables,
}

/// The measures (an error, never a panic, if a shipped file were broken).
pub(crate) fn layout() -> Result<Layout, RenderError> {
    let tables = TABLES
        .as_ref()
        .map_err(|e| RenderError::Layout(vec![format!("templates/kyotaku/layout.json: {e}")]))?;
    Ok(Layout {
        shared: shared()?,
        tables,
    })
}

impl Layout {
    /// The room for text in 第2表's column `column`, in em.
    pub fn t2_em(&self, column: usize) -> f64 {
        let mm = self
            .tables
            .table2
            .widths_mm
            .get(column)
            .copied()
            .unwrap_or_else(|| {
                debug_assert!(false, "第2表 has no column {column}");
                0.0
            });
        (mm - 2.0 * self.shared.cell_inset_pt * MM_PER_PT) / (self.shared.small_pt * MM_PER_PT)
    }

    /// The room for text in a 第3表 block sharing its day with `lanes - 1`
    /// others, in em.
    pub fn t3_block_em(&self, lanes: usize) -> f64 {
        let t3 = &self.tables.table3;
        let width = self.shared.page_width_mm - t3.side_margins_mm;
        let day = (width - t3.time_mm - t3.activities_mm) / 7.0;
        (day / lanes.max(1) as f64 - 2.0 * t3.block_pad_pt * MM_PER_PT)
            / (self.shared.tiny_pt * MM_PER_PT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::tests::widest_run;
    use crate::measure::{WIDE_EM, breakable};

    #[test]
    fn the_layout_file_reads() {
        let l = layout().unwrap();
        assert_eq!(l.tables.table2.widths_mm.len(), 11);
        assert_eq!(l.shared.page_width_mm, 297.0);
    }

    /// 第2表's columns fill the page between the side margins, and the
    /// templates take every measure from the layout files rather than
    /// spelling one again (which the old test compared by text).
    #[test]
    fn the_templates_measure_by_the_layout_files() {
        let l = layout().unwrap();
        let sum: f64 = l.tables.table2.widths_mm.iter().sum();
        assert_eq!(
            sum,
            l.shared.page_width_mm - l.tables.table3.side_margins_mm
        );
        let common = include_str!("../../templates/common.typ");
        let t1 = include_str!("../../templates/kyotaku/table1.typ");
        let t2 = include_str!("../../templates/kyotaku/table2.typ");
        let t3 = include_str!("../../templates/kyotaku/table3.typ");
        assert!(common.contains(r#"json("/layout.json")"#));
        for t in [t1, t2, t3] {
            assert!(t.contains(r#"json("/kyotaku/layout.json")"#));
        }
        for (template, spelt) in [
            (common, "= 3pt"),
            (common, "= 8pt"),
            (common, "= 297mm"),
            (t1, "= 8 * small"),
            (t2, "(36mm, 32mm"),
            (t3, "= 16mm"),
            (t3, "= 56mm"),
            (t3, "= 0.6pt"),
        ] {
            assert!(
                !template.contains(spelt),
                "a template spells {spelt:?} itself"
            );
        }
    }

    #[test]
    fn narrow_columns_get_runs_that_fit_them() {
        let l = layout().unwrap();
        let phone = "03-1234-5678";
        // 第2表's 頻度 column holds 4.2 em: a telephone number (6 em) must break.
        let room = l.t2_em(T2_FREQUENCY);
        assert!((4.1..4.3).contains(&room), "{room}");
        let out = breakable(phone, room);
        assert!(widest_run(&out) <= room, "{out:?}");
        assert_eq!(out.replace('\u{200B}', ""), phone);
        // サービス種別 / 事業所 hold 7.75 em; the wide columns at least 10.
        assert!((7.7..7.8).contains(&l.t2_em(T2_KIND)));
        assert_eq!(l.t2_em(T2_KIND), l.t2_em(T2_PROVIDER));
        assert_eq!(breakable(phone, l.t2_em(T2_KIND)), phone);
        // 第3表 blocks: the more lanes, the narrower.
        assert!(l.t3_block_em(1) > WIDE_EM);
        let (two, four) = (l.t3_block_em(2), l.t3_block_em(4));
        assert!(
            (5.6..5.7).contains(&two) && (2.7..2.8).contains(&four),
            "{two} {four}"
        );
        for lanes in 1..=6 {
            let room = l.t3_block_em(lanes);
            let out = breakable("HomeHelpService-ABCDEFG", room);
            assert!(widest_run(&out) <= room.max(0.5), "{lanes}: {out:?}");
        }
    }
}
