//! Printing 第7表 サービス利用票別表 for each hand-worked month of
//! `fixtures/table7/`, checked with independent tools (poppler's
//! `pdftotext`, `pdffonts`, `qpdf --check`): every figure of the computed
//! table and every text of the 第6表 in the PDF, fonts embedded and subset,
//! same bytes twice, the heads repeated when rows flow onto more pages, the
//! provider's 提供票別表, and hostile text from the master printed literally.

#![cfg(test)]

use std::path::PathBuf;
use std::sync::LazyLock;

use careplan_core::Sheet;
use careplan_core::forms::kyotaku::usage::Usage;
use careplan_core::forms::kyotaku::usage::table7::{Table7, Terms, compute};
use careplan_core::service_codes::Master;
use careplan_fixtures::{dir, read};
use careplan_render::{RenderOptions, Renderer, UsageMonth};

mod support;
use support::squash;

static RENDERER: LazyLock<Renderer> = LazyLock::new(|| Renderer::new().unwrap());

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    support::tmp("table7", name, bytes)
}

fn pages(name: &str, pdf: &[u8]) -> Vec<String> {
    support::raw_pages(&tmp(name, pdf))
}

fn master_csv() -> String {
    read(&dir("masters").join("service-codes-illustrative.csv"))
}

fn month_of(name: &str, master: &str) -> (Usage, Table7) {
    let usage = Usage::from_json(&read(&dir("usage").join(format!("{name}.json")))).unwrap();
    let master = Master::from_csv(master).unwrap();
    let terms = Terms::from_json(&read(&dir("table7").join(format!("{name}.terms.json")))).unwrap();
    let t = compute(&usage, &master, &terms).unwrap();
    (usage, t)
}

fn names() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir("table7"))
        .unwrap()
        .filter_map(|e| {
            let n = e.unwrap().file_name().into_string().unwrap();
            n.strip_suffix(".terms.json").map(str::to_owned)
        })
        .collect();
    v.sort();
    v
}

fn sep(n: i64) -> String {
    let d = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in d.chars().enumerate() {
        if i > 0 && (d.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Every figure 第7表 prints: per row its units and サービス単位, per
/// subtotal and 限度額対象外 row its money, and the 合計.
fn figures(t: &Table7) -> Vec<String> {
    let mut out = vec![
        sep(t.limit.get()),
        sep(t.cost.get()),
        sep(t.claim.get()),
        sep(t.burden.get()),
        sep(t.full_burden.get()),
    ];
    for g in &t.groups {
        out.push(g.office_number.as_str().to_owned());
        out.push(format!(
            "{}.{:02}",
            g.price.sen() / 100,
            g.price.sen() % 100
        ));
        for r in &g.rows {
            out.push(r.code.as_str().to_owned());
            out.push(sep(r.service_units.get()));
            if let Some(m) = &r.money {
                out.extend([sep(m.cost.get()), sep(m.claim.get()), sep(m.burden.get())]);
            }
        }
        if let Some(s) = &g.subtotal {
            out.extend([
                sep(g.managed.get()),
                sep(g.within.get()),
                sep(s.cost.get()),
                sep(s.claim.get()),
                sep(s.burden.get()),
                sep(s.full_burden.get()),
            ]);
        }
        if let Some((u, y)) = g.over_30 {
            out.extend([sep(u.get()), sep(y.get())]);
        }
    }
    out
}

#[test]
fn every_month_prints_every_figure_the_same_bytes_and_fonts_embedded() {
    let csv = master_csv();
    let names = names();
    assert_eq!(names.len(), 6);
    for name in names {
        let (usage, t) = month_of(&name, &csv);
        let texts: Vec<String> = usage
            .texts()
            .into_iter()
            .map(|(_, v)| v.to_owned())
            .collect();
        let wanted = figures(&t);
        let m = UsageMonth::new(usage, t).unwrap();
        let out = RENDERER
            .render(&m, &RenderOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let p = pages(&name, &out.pdf);
        let all = p.concat();
        assert!(all.contains("サービス利用票別表"), "{name}");
        assert!(
            all.contains(&squash("サービス利用票（兼居宅（介護予防）サービス計画）")),
            "{name}"
        );
        let missing: Vec<&String> = texts
            .iter()
            .chain(&wanted)
            .filter(|v| !all.contains(&squash(v)))
            .collect();
        assert!(missing.is_empty(), "{name}: not in the PDF: {missing:?}");
        let again = Renderer::new()
            .unwrap()
            .render(&m, &RenderOptions::default())
            .unwrap();
        assert_eq!(again.pdf, out.pdf, "{name}: not the same bytes");
        support::assert_fonts_embedded_subsets_and_qpdf_clean(&tmp(&name, &out.pdf));
    }
}

#[test]
fn the_table_has_the_forms_heads_and_lower_boxes() {
    let (usage, t) = month_of("short-stay-30-days-2025-05", &master_csv());
    let m = UsageMonth::new(usage, t).unwrap();
    let options = RenderOptions {
        tables: Some(vec![Sheet::KyotakuTable7]),
        ..RenderOptions::default()
    };
    let out = RENDERER.render(&m, &options).unwrap();
    let p = pages("heads.pdf", &out.pdf);
    assert_eq!(p.len(), 1, "{p:?}");
    let text = &p[0];
    for label in [
        "第７表",
        "令和7年5月分",
        "区分支給限度管理・利用者負担計算",
        "事業所名",
        "サービスコード",
        "割引後",
        "給付管理単位数",
        "区分支給限度基準内単位数",
        "単位数単価",
        "定額利用者負担単価金額",
        "種類別支給限度管理",
        "要介護認定期間中の短期入所利用日数",
        "前月までの利用日数",
        "累積利用日数",
        "区分支給限度基準額（単位）",
        "短期入所生活介護合計",
        "短期入所生活介護（30日超）合計",
        // 30日超: 20,284 units, ¥213,996, in parentheses and in full.
        "（20,284）",
        "213,996",
        "第７表1/1",
    ] {
        assert!(
            text.contains(&squash(label)),
            "{label} not in the PDF:\n{text}"
        );
    }
    // Only 第7表 was asked for.
    assert!(!text.contains("月間サービス計画及び実績の記録"));
}

#[test]
fn many_rows_flow_onto_more_pages_with_the_heads_repeated_and_hostile_names_literal() {
    let mut doc: serde_json::Value =
        serde_json::from_str(&read(&dir("usage").join("care2-under-limit-2025-06.json"))).unwrap();
    let template = doc["rows"][0].clone();
    let mut rows = Vec::new();
    let mut csv = String::from(
        "code,name,units,rate_permille,per,limit_managed,fixed_burden_yen,valid_from,valid_to,source\n",
    );
    for i in 0..60 {
        let mut r = template.clone();
        let code = format!("11{:04}", 2000 + i);
        r["code"] = code.clone().into();
        r["planned"] = serde_json::json!([{"day": 2}]);
        rows.push(r);
        let name = if i == 7 {
            "\"#panic(\"\"x\"\") *太字* $x^2$ <label>\"".to_owned()
        } else {
            format!("サービスその{i}")
        };
        csv.push_str(&format!(
            "{code},{name},{},,time,true,,2024-06,,synthetic\n",
            100 + i
        ));
    }
    doc["rows"] = rows.into();
    let usage = Usage::from_json(&doc.to_string()).unwrap();
    let terms = Terms::from_json(r#"{"burden_tenths": 1, "offices": [{"office_number": "1170000201", "area_grade": "grade_3"}]}"#).unwrap();
    let t = compute(&usage, &Master::from_csv(&csv).unwrap(), &terms).unwrap();
    let m = UsageMonth::new(usage, t).unwrap();
    let options = RenderOptions {
        tables: Some(vec![Sheet::KyotakuTable7]),
        ..RenderOptions::default()
    };
    let out = RENDERER.render(&m, &options).unwrap();
    let p = pages("many.pdf", &out.pdf);
    let n = p.len();
    assert!(n >= 2, "{n} pages");
    for (i, page) in p.iter().enumerate() {
        assert!(page.contains("給付管理単位数"), "page {}", i + 1);
        assert!(page.contains("被保険者番号0000234567"), "page {}", i + 1);
        assert!(
            page.contains(&format!("第７表{}/{n}", i + 1)),
            "page {}: {page}",
            i + 1
        );
    }
    assert!(p[1].contains(&squash("サービス利用票別表（続き）")));
    assert!(!p[0].contains(&squash("（続き）")));
    let all = p.concat();
    for i in (0..60).filter(|i| *i != 7) {
        assert!(all.contains(&format!("サービスその{i}")), "row {i}");
    }
    assert!(
        all.contains(&squash("#panic(\"x\") *太字* $x^2$ <label>")),
        "{all}"
    );
}

#[test]
fn a_providers_copy_is_the_teikyohyo_beppyo_with_its_groups_only() {
    let (usage, t) = month_of("care3-over-limit-2025-06", &master_csv());
    let m = UsageMonth::new(usage, t).unwrap();
    let options = RenderOptions {
        provider: Some(careplan_core::OfficeNumber::new("1470000101").unwrap()),
        tables: Some(vec![Sheet::KyotakuTable7]),
        ..RenderOptions::default()
    };
    let out = RENDERER.render(&m, &options).unwrap();
    let text = pages("provider.pdf", &out.pdf).concat();
    assert!(text.contains("サービス提供票別表"), "{text}");
    assert!(!text.contains("サービス利用票別表"), "{text}");
    assert!(text.contains("デイサービスこもれび"), "{text}");
    assert!(!text.contains("ヘルパーステーションみなと"), "{text}");
    // Its own total: 通所介護's 111,016 and 14,407, not the month's 296,630.
    assert!(
        text.contains("111,016") && text.contains("14,407"),
        "{text}"
    );
    assert!(!text.contains("296,630"), "{text}");
}

#[test]
fn a_table7_of_another_month_or_a_plain_sheets_table_7_is_refused() {
    let (usage, t) = month_of("care3-over-limit-2025-06", &master_csv());
    let (other, _) = month_of("level-change-2025-04", &master_csv());
    assert!(UsageMonth::new(other, t.clone()).is_err());
    // A 第6表 alone has no 第7表 to print.
    let options = RenderOptions {
        tables: Some(vec![Sheet::KyotakuTable7]),
        ..RenderOptions::default()
    };
    assert_eq!(
        RENDERER.render(&usage, &options).unwrap_err(),
        careplan_render::RenderError::NotInDocument { sheet: "第７表" }
    );
}
