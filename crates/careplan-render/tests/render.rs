//! Rendering every fixture, checked with independent tools: poppler's
//! `pdftotext` and `pdffonts`, and `qpdf --check` (installed by `.ci/run`).

// cfg(test) lets clippy.toml's allow-*-in-tests cover the helpers too.
#![cfg(test)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

#[path = "../benches/common/mod.rs"]
mod common;
mod support;
use support::squash;

use careplan_core::CarePlan;
use careplan_core::Sheet;
use careplan_fixtures::{dir, plan as fixture, plans, read};
use careplan_render::{MissingGlyphs, RenderError, RenderOptions, Renderer, Typeface};

static RENDERER: LazyLock<Renderer> = LazyLock::new(|| Renderer::new().unwrap());

/// Every printed text of the plan with its path, owned.
fn plan_texts(plan: &CarePlan) -> Vec<(String, String)> {
    plan.texts()
        .into_iter()
        .map(|(p, t)| (p.to_string(), t.to_owned()))
        .collect()
}

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    support::tmp("render", name, bytes)
}

fn tool(cmd: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(cmd)
        .args(args)
        .arg(file)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("{cmd} is needed for this test (poppler-utils / qpdf): {e}"));
    assert!(
        out.status.success(),
        "{cmd} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text of the PDF as pdftotext reads it, in content order, without white space.
fn pdf_text(pdf: &Path) -> String {
    squash(&tool("pdftotext", &["-raw", "-enc", "UTF-8"], pdf))
}

/// The text of the page bodies only, without page headers and footers and
/// without 第2表's repeated column heads, so that text flowing from one
/// page onto the next reads as one piece. Each page is cropped by the
/// margins of its own table, recognised by its footer 「第N表 i / n」.
fn body_text(pdf: &Path) -> String {
    let full = tool("pdftotext", &["-raw", "-enc", "UTF-8"], pdf);
    let pages: Vec<&str> = full
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let mut out = String::new();
    for (i, page) in pages.iter().enumerate() {
        let n = (i + 1).to_string();
        // (top, height) of the body in points: A4 landscape is 842 × 595.
        let (y, h) = if page.contains("第１表") {
            (0, 560)
        } else if page.contains("第２表") {
            (77, 461)
        } else {
            (71, 489)
        };
        let (y, h) = (y.to_string(), h.to_string());
        let args = [
            "-raw", "-enc", "UTF-8", "-f", &n, "-l", &n, "-x", "0", "-y", &y, "-W", "842", "-H", &h,
        ];
        out.push_str(&tool("pdftotext", &args, pdf));
    }
    squash(&out).replace(
        "生活全般の解決すべき課題（ニーズ）目標援助内容長期目標（期間）短期目標（期間）サービス内容※1サービス種別※2頻度期間",
        "",
    )
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push_str(&format!("… ({} characters)", s.chars().count()));
    }
    out
}

fn assert_all_text_present(name: &str, plan: &CarePlan, pdf: &[u8]) {
    let path = tmp(&format!("{name}.pdf"), pdf);
    let text = pdf_text(&path);
    let body = body_text(&path);
    let mut missing = Vec::new();
    for (field, value) in plan_texts(plan) {
        let v = squash(&value);
        if !text.contains(&v) && !body.contains(&v) {
            missing.push(format!("{field}: {:?}", short(&value)));
        }
    }
    assert!(
        missing.is_empty(),
        "{name}: not found in the PDF:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_fixture_renders_with_every_text_value() {
    for (name, plan) in plans() {
        let out = RENDERER
            .render(&plan, &RenderOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(out.page_count >= 3, "{name}");
        assert_all_text_present(&name, &plan, &out.pdf);
    }
}

#[test]
fn labels_and_dates_are_printed_as_on_the_form() {
    let plan = fixture("case-a.json");
    let out = RENDERER.render(&plan, &RenderOptions::default()).unwrap();
    let text = pdf_text(&tmp("labels.pdf", &out.pdf));
    for label in [
        "第１表",
        "居宅サービス計画書（１）",
        "作成年月日",
        "平成27年12月3日",
        "利用者名",
        "殿",
        "生年月日",
        "昭和15年5月10日",
        "（75歳）",
        "住所",
        "居宅サービス計画作成者氏名",
        "居宅介護支援事業者・事業所名及び所在地",
        "居宅サービス計画作成（変更）日",
        "初回居宅サービス計画作成日",
        "認定日",
        "平成27年9月10日",
        "認定の有効期間",
        "平成28年9月30日",
        "要介護状態区分",
        "要介護１",
        "要介護５",
        "初回",
        "紹介",
        "継続",
        "認定済",
        "申請中",
        "利用者及び家族の生活に対する意向を踏まえた課題分析の結果",
        "介護認定審査会の意見及びサービスの種類の指定",
        "総合的な援助の方針",
        "生活援助中心型の算定理由",
        "１．一人暮らし",
        "２．家族等が障害、疾病等",
        "３．その他",
        "原案",
        "第２表",
        "居宅サービス計画書（２）",
        "生活全般の解決すべき課題（ニーズ）",
        "目標",
        "長期目標",
        "（期間）",
        "短期目標",
        "援助内容",
        "サービス内容",
        "※1",
        "サービス種別",
        "※2",
        "頻度",
        "期間",
        "※1「保険給付の対象となるかどうかの区分」について、保険給付対象内サービスについては○印を付す。",
        "※2「当該サービス提供を行う事業所」について記入する。",
        "第３表",
        "週間サービス計画表",
        "平成27年12月分より",
        "月",
        "火",
        "水",
        "木",
        "金",
        "土",
        "日",
        "主な日常生活上の活動",
        "週単位以外のサービス",
        "深夜",
        "早朝",
        "午前",
        "午後",
        "夜間",
        "0:00",
        "12:00",
        "24:00",
    ] {
        assert!(text.contains(&squash(label)), "label {label:?} missing");
    }
}

#[test]
fn fonts_are_embedded_subsets_and_qpdf_accepts_the_file() {
    let plan = fixture("case-a.json");
    let out = RENDERER.render(&plan, &RenderOptions::default()).unwrap();
    support::assert_fonts_embedded_subsets_and_qpdf_clean(&tmp("fonts.pdf", &out.pdf));
}

/// The embedded font names (without the subset tag) of a PDF.
fn embedded_fonts(name: &str, pdf: &[u8]) -> Vec<String> {
    let path = tmp(name, pdf);
    let listing = Command::new("pdffonts")
        .arg(&path)
        .output()
        .expect("pdffonts");
    let listing = String::from_utf8(listing.stdout).unwrap();
    let mut names: Vec<String> = listing
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .map(|n| n.split_once('+').map_or(n, |(_, f)| f).to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn typeface_chooses_the_font_of_the_plans_text() {
    let plan = fixture("case-a.json");
    let gothic = RENDERER
        .render(&plan, &RenderOptions::default())
        .unwrap()
        .pdf;
    let mincho_opts = RenderOptions {
        typeface: Typeface::Mincho,
        ..RenderOptions::default()
    };
    let mincho = RENDERER.render(&plan, &mincho_opts).unwrap().pdf;
    // Default: labels and text in BIZ UDGothic (bold for titles) only.
    assert_eq!(
        embedded_fonts("typeface-gothic.pdf", &gothic),
        ["BIZUDGothic-Bold", "BIZUDGothic-Regular"]
    );
    // Mincho: the plan's text in BIZ UDMincho beside the Gothic labels.
    assert_eq!(
        embedded_fonts("typeface-mincho.pdf", &mincho),
        [
            "BIZUDGothic-Bold",
            "BIZUDGothic-Regular",
            "BIZUDMincho-Regular"
        ]
    );
    // One typeface makes a smaller file.
    assert!(
        gothic.len() < mincho.len(),
        "{} vs {}",
        gothic.len(),
        mincho.len()
    );
}

#[test]
fn same_plan_gives_the_same_bytes_also_from_two_threads() {
    let plan = &fixture("care5-night-consent.json");
    let opts = RenderOptions::default();
    let a = RENDERER.render(plan, &opts).unwrap().pdf;
    let b = RENDERER.render(plan, &opts).unwrap().pdf;
    assert_eq!(a, b);
    let (c, d) = std::thread::scope(|s| {
        let x = s.spawn(|| RENDERER.render(plan, &opts).unwrap().pdf);
        let y = s.spawn(|| RENDERER.render(plan, &opts).unwrap().pdf);
        (x.join().unwrap(), y.join().unwrap())
    });
    assert_eq!(a, c);
    assert_eq!(a, d);
    // A different plan gives different bytes (the test can fail).
    let other = fixture("case-a.json");
    assert_ne!(a, RENDERER.render(&other, &opts).unwrap().pdf);
}

#[test]
fn pdf_and_pngs_from_one_compile_equal_the_separate_renders() {
    let plan = fixture("care5-night-consent.json");
    let opts = RenderOptions::default();
    let (both, pngs) = RENDERER.render_with_png(&plan, &opts, 0.5).unwrap();
    assert_eq!(both.pdf, RENDERER.render(&plan, &opts).unwrap().pdf);
    assert_eq!(pngs, RENDERER.render_png(&plan, &opts, 0.5).unwrap());
    assert_eq!(pngs.len(), both.page_count);
}

#[test]
fn tables_can_be_chosen_and_ordered() {
    let plan = fixture("case-a.json");
    let only3 = RenderOptions {
        tables: Some(vec![Sheet::KyotakuTable3]),
        ..RenderOptions::default()
    };
    let out = RENDERER.render(&plan, &only3).unwrap();
    let text = pdf_text(&tmp("only3.pdf", &out.pdf));
    assert!(text.contains("週間サービス計画表"));
    assert!(!text.contains("居宅サービス計画書（１）"));
    let reversed = RenderOptions {
        tables: Some(vec![Sheet::KyotakuTable3, Sheet::KyotakuTable1]),
        ..RenderOptions::default()
    };
    let text = pdf_text(&tmp(
        "rev.pdf",
        &RENDERER.render(&plan, &reversed).unwrap().pdf,
    ));
    let p3 = text.find("週間サービス計画表").unwrap();
    let p1 = text.find("居宅サービス計画書（１）").unwrap();
    assert!(p3 < p1);
    let none = RenderOptions {
        tables: Some(vec![]),
        ..RenderOptions::default()
    };
    assert_eq!(
        RENDERER.render(&plan, &none).unwrap_err(),
        RenderError::NoTables
    );
}

#[test]
fn draft_mark_and_consent_block() {
    let final_plan = &fixture("seiho-care4-family-illness.json");
    let text = pdf_text(&tmp(
        "final.pdf",
        &RENDERER
            .render(final_plan, &RenderOptions::default())
            .unwrap()
            .pdf,
    ));
    assert!(!text.contains("原案"));
    // It carries consent: the block is printed filled.
    assert!(text.contains("居宅サービス計画について説明を受け、内容に同意し、交付を受けました。"));
    assert!(text.contains("令和7年2月25日"));
    let forced = RenderOptions {
        draft: true,
        ..RenderOptions::default()
    };
    let text = pdf_text(&tmp(
        "forced.pdf",
        &RENDERER.render(final_plan, &forced).unwrap().pdf,
    ));
    assert!(text.contains("原案"));

    let draft = &fixture("case-a.json");
    let text = pdf_text(&tmp(
        "draft.pdf",
        &RENDERER
            .render(draft, &RenderOptions::default())
            .unwrap()
            .pdf,
    ));
    assert!(text.contains("原案"));
    assert!(!text.contains("利用者同意欄"));
    let empty_block = RenderOptions {
        consent_block: true,
        ..RenderOptions::default()
    };
    let text = pdf_text(&tmp(
        "block.pdf",
        &RENDERER.render(draft, &empty_block).unwrap().pdf,
    ));
    assert!(text.contains("利用者同意欄"));
    assert!(text.contains("説明・同意日"));
}

fn case_a_with(edit: impl FnOnce(&mut serde_json::Value)) -> CarePlan {
    let text = read(&dir("plans").join("case-a.json"));
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    edit(&mut v);
    CarePlan::from_json_value(v).unwrap()
}

#[test]
fn markup_in_the_plan_comes_out_literally() {
    let hostile = [
        "#read(\"/etc/passwd\")",
        "#sys.inputs",
        "$x^2$ の式",
        "*太字* と _斜体_",
        "<ラベル> と @参照",
        "閉じ括弧 ] と [ 開き",
        "バックスラッシュ \\ と \\n",
        "#let x = 1; #x",
        "```raw``` と `code`",
        "= 見出し",
        "// コメント /* ブロック */",
        "#json(\"/plan.json\")",
    ];
    let plan = case_a_with(|v| {
        for (i, h) in hostile.iter().enumerate() {
            v["table1"]["wishes"][0]["text"] = serde_json::Value::from(hostile.join(" ／ "));
            v["table2"]["needs"][0]["text"] = serde_json::Value::from(*h);
            let key = ["analysis", "support_policy", "committee_opinion"][i % 3];
            v["table1"][key] = serde_json::Value::from(format!("{h} 続き"));
        }
        v["table3"]["daily_activities"][0]["text"] = serde_json::Value::from(hostile[0]);
        v["table3"]["non_weekly"][0]["text"] = serde_json::Value::from(hostile[4]);
    });
    let out = RENDERER.render(&plan, &RenderOptions::default()).unwrap();
    assert_all_text_present("hostile", &plan, &out.pdf);
    let text = pdf_text(&tmp("hostile.pdf", &out.pdf));
    assert!(!text.contains("root:x:0"), "a file was read");
}

#[test]
fn long_text_flows_onto_more_pages_and_is_never_cut() {
    let long_wish: String =
        "リハビリをしてもっと動けるようになりたい。孫と遊びにいきたいね。".repeat(70); // ~2,200 characters
    let long_need: String = "自宅の中で安全に移動できるようになり、".repeat(16); // ~300 characters
    let no_space: String = "a".repeat(10_000);
    let plan = case_a_with(|v| {
        v["table1"]["wishes"][0]["text"] = serde_json::Value::from(long_wish.clone());
        v["table2"]["needs"][0]["text"] = serde_json::Value::from(long_need.clone());
        v["table2"]["needs"][1]["text"] = serde_json::Value::from(long_need.clone());
        v["table1"]["analysis"] = serde_json::Value::from(no_space.clone());
    });
    let short = RENDERER
        .render(&case_a_with(|_| {}), &RenderOptions::default())
        .unwrap();
    let out = RENDERER.render(&plan, &RenderOptions::default()).unwrap();
    assert!(
        out.page_count > short.page_count,
        "{} vs {}",
        out.page_count,
        short.page_count
    );
    assert_all_text_present("long", &plan, &out.pdf);
}

/// The page-number line of each page, as (table, here, total): 「第２表 1 / 3」.
fn page_numbers(name: &str, pdf: &[u8]) -> Vec<(char, usize, usize)> {
    let raw = tool("pdftotext", &["-raw", "-enc", "UTF-8"], &tmp(name, pdf));
    let mut out = Vec::new();
    for page in raw.split('\u{c}').filter(|p| !p.trim().is_empty()) {
        let page = squash(page);
        let mut found = None;
        for (digit, table) in [('１', '1'), ('２', '2'), ('３', '3')] {
            let head = format!("第{digit}表");
            for (at, _) in page.match_indices(&head) {
                let rest = &page[at + head.len()..];
                let here: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let Some(after) = rest[here.len()..].strip_prefix('/') else {
                    continue;
                };
                let total: String = after.chars().take_while(char::is_ascii_digit).collect();
                if let (Ok(h), Ok(t)) = (here.parse(), total.parse()) {
                    found = Some((table, h, t));
                }
            }
        }
        out.push(found.unwrap_or_else(|| panic!("{name}: a page without its page number: {page}")));
    }
    out
}

/// Each table's pages numbered 1…n of n, tables in the order given.
fn expected_numbers(tables: &[(char, usize)]) -> Vec<(char, usize, usize)> {
    tables
        .iter()
        .flat_map(|&(t, n)| (1..=n).map(move |i| (t, i, n)))
        .collect()
}

#[test]
fn page_numbers_count_each_table_whether_predicted_or_counted() {
    // Predicted and right: one page each for 第1表 and 第3表, 第2表 as packed.
    let a = RENDERER
        .render(&fixture("case-a.json"), &RenderOptions::default())
        .unwrap();
    assert_eq!(
        page_numbers("numbers-a.pdf", &a.pdf),
        expected_numbers(&[('1', 1), ('2', 1), ('3', 1)])
    );
    let long = fixture("long-table2-showa-gannen.json");
    let reversed = RenderOptions {
        tables: Some(vec![
            Sheet::KyotakuTable3,
            Sheet::KyotakuTable2,
            Sheet::KyotakuTable1,
        ]),
        ..RenderOptions::default()
    };
    let l = RENDERER.render(&long, &reversed).unwrap();
    assert_eq!(
        page_numbers("numbers-long.pdf", &l.pdf),
        expected_numbers(&[('3', 1), ('2', 3), ('1', 1)])
    );
    // Predicted wrong, counted instead: a 第1表 of two pages, and a 第2表
    // need taller than a page (its page share runs over two pages; a service
    // that tall would be cut into page-sized rows and predicted right).
    let wish = "リハビリをしてもっと動けるようになりたい。孫と遊びにいきたいね。".repeat(50);
    let tall = "歩行器を使い、見守りのもとで屋内を歩けるようになりたい。".repeat(30);
    let plan = case_a_with(|v| {
        v["table1"]["wishes"][0]["text"] = serde_json::Value::from(wish);
        v["table2"]["needs"][0]["text"] = serde_json::Value::from(tall);
    });
    let out = RENDERER.render(&plan, &RenderOptions::default()).unwrap();
    let numbers = page_numbers("numbers-counted.pdf", &out.pdf);
    let per_table = |t: char| numbers.iter().filter(|n| n.0 == t).count();
    assert!(per_table('1') >= 2, "{numbers:?}");
    assert!(per_table('2') >= 2, "{numbers:?}");
    assert_eq!(
        numbers,
        expected_numbers(&[('1', per_table('1')), ('2', per_table('2')), ('3', 1)])
    );
    assert_eq!(numbers.len(), out.page_count);
}

/// The words of a PDF with their horizontal extent in points.
fn words_with_x(name: &str, pdf: &[u8]) -> Vec<(String, f64, f64)> {
    let html = tool("pdftotext", &["-bbox", "-enc", "UTF-8"], &tmp(name, pdf));
    let attr = |line: &str, key: &str| -> f64 {
        let at = line.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
        line[at..].split('"').next().unwrap().parse().unwrap()
    };
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word "))
        .map(|l| {
            let word = l.split('>').nth(1).unwrap().split('<').next().unwrap();
            (squash(word), attr(l, "xMin"), attr(l, "xMax"))
        })
        .collect()
}

#[test]
fn long_unbroken_runs_stay_inside_narrow_columns() {
    const PT_PER_MM: f64 = 72.0 / 25.4;
    let plan = case_a_with(|v| {
        let s = &mut v["table2"]["needs"][0]["long_term_goals"][0]["short_term_goals"][0]["services"]
            [0];
        s["frequency"] = serde_json::Value::from("03-1234-5678");
        s["provider"]["name"] = serde_json::Value::from("SakuraHomeCareServiceCenter");
        // Three blocks side by side on Monday morning, with long Latin labels.
        for k in 0..3 {
            v["table3"]["weekly"]
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!({
                    "label": format!("Lane{k}HomeHelpServiceXQZ"),
                    "weekdays": ["mon"],
                    "start": "08:00",
                    "end": "11:00",
                }));
        }
    });
    let out = RENDERER.render(&plan, &RenderOptions::default()).unwrap();
    assert_all_text_present("narrow", &plan, &out.pdf);
    let words = words_with_x("narrow.pdf", &out.pdf);
    // 第2表: 頻度 spans 251–265 mm from the page edge, ※2 (事業所) 227–251 mm.
    let inside = |needle: &str, from_mm: f64, to_mm: f64| {
        let found: Vec<_> = words
            .iter()
            .filter(|w| needle.contains(w.0.as_str()) && w.0.len() > 2)
            .collect();
        assert!(!found.is_empty(), "{needle} not found");
        for (w, x0, x1) in found {
            assert!(
                *x0 >= from_mm * PT_PER_MM - 0.5 && *x1 <= to_mm * PT_PER_MM + 0.5,
                "{w:?} at {x0:.1}–{x1:.1} pt runs out of {from_mm}–{to_mm} mm"
            );
        }
    };
    inside("03-1234-5678", 251.0, 265.0);
    inside("SakuraHomeCareServiceCenter", 227.0, 251.0);
    // 第3表: each of three lanes on a day is 28.7 / 3 mm wide.
    let lane_pt = (273.0 - 16.0 - 56.0) / 7.0 / 3.0 * PT_PER_MM;
    let pieces: Vec<_> = words
        .iter()
        .filter(|w| w.0.contains("Lane") || w.0.contains("XQZ") || w.0.contains("Service"))
        .collect();
    assert!(pieces.len() >= 3, "{words:?}");
    for (w, x0, x1) in pieces {
        assert!(
            x1 - x0 <= lane_pt,
            "{w:?} is {:.1} pt wide, the lane {lane_pt:.1} pt",
            x1 - x0
        );
    }
}

/// Every text field of case A in turn holds some 2,000 numbered characters
/// (the name its 100): every number is in the PDF and every page has its
/// page number. This sweep found the three layouts that lost text.
#[test]
fn every_field_holding_a_long_text_loses_nothing() {
    let base: serde_json::Value =
        serde_json::from_str(&read(&dir("plans").join("case-a.json"))).unwrap();
    let case_a = fixture("case-a.json");
    let fields = plan_texts(&case_a);
    assert!(fields.len() > 70, "{}", fields.len());
    for (path, _) in fields {
        // 8 characters a number: 2,000 in all, or 96 for the name.
        let count = if path == "table1.user.name" { 12 } else { 250 };
        let long: String = (0..count).map(|i| format!("長い記載{i:03}。")).collect();
        let mut v = base.clone();
        *v.pointer_mut(&common::pointer(&path)).unwrap() = serde_json::Value::from(long.clone());
        let plan = CarePlan::from_json_value(v).unwrap_or_else(|e| panic!("{path}: {e}"));
        let out = RENDERER.render(&plan, &RenderOptions::default()).unwrap();
        let text = pdf_text(&tmp("sweep.pdf", &out.pdf));
        let missing: Vec<usize> = (0..count)
            .filter(|i| !text.contains(&format!("{i:03}。")))
            .collect();
        assert!(missing.is_empty(), "{path}: numbers {missing:?} missing");
        let numbered = page_numbers("sweep-numbers.pdf", &out.pdf).len();
        assert_eq!(numbered, out.page_count, "{path}");
    }
}

#[test]
fn a_consent_block_too_long_for_a_page_breaks_instead_of_running_off() {
    let care5 = read(&dir("plans").join("care5-night-consent.json"));
    let mut v: serde_json::Value = serde_json::from_str(&care5).unwrap();
    let long: String = (0..1200).map(|i| format!("代筆{i:04}。")).collect(); // 9,600 characters
    v["table1"]["consent"]["proxy_relation"] = serde_json::Value::from(long.clone());
    let plan = CarePlan::from_json_value(v).unwrap();
    let opts = RenderOptions {
        tables: Some(vec![Sheet::KyotakuTable1]),
        ..RenderOptions::default()
    };
    let out = RENDERER.render(&plan, &opts).unwrap();
    let text = pdf_text(&tmp("consent.pdf", &out.pdf));
    let missing: Vec<usize> = (0..1200)
        .filter(|i| !text.contains(&format!("{i:04}。")))
        .collect();
    // Kept unbreakable, the block ran off its page: 680 of the 1,200 numbers were lost.
    assert!(
        missing.is_empty(),
        "{} missing from {:?}",
        missing.len(),
        missing.first()
    );
    // A short consent block is still kept together: pushed down the page by
    // a longer 総合的な援助の方針 line by line, its sentence and its date line
    // always stand on the same page. (Made breakable, it splits between them
    // at 15 lines of policy.)
    for n in (0..30).step_by(2) {
        let plan = {
            let mut v: serde_json::Value = serde_json::from_str(&care5).unwrap();
            let policy: Vec<String> = (0..=n).map(|i| format!("方針{i}")).collect();
            v["table1"]["support_policy"] = serde_json::Value::from(policy.join("\n"));
            CarePlan::from_json_value(v).unwrap()
        };
        let out = RENDERER.render(&plan, &opts).unwrap();
        let raw = tool(
            "pdftotext",
            &["-raw", "-enc", "UTF-8"],
            &tmp("consent-short.pdf", &out.pdf),
        );
        let page_of = |needle: &str| raw.split('\u{c}').position(|p| p.contains(needle));
        assert_eq!(
            page_of("居宅サービス計画について説明を受け"),
            page_of("説明・同意日"),
            "policy of {} lines",
            n + 1
        );
    }
}

#[test]
fn long_values_on_the_form_lines_of_table1_break_over_pages() {
    let long = |tag: &str| -> String {
        (0..150)
            .map(|i| format!("{tag}の長い記載です{i:03}。"))
            .collect()
    };
    let plan = case_a_with(|v| {
        v["table1"]["user"]["address"] = serde_json::Value::from(long("住所"));
        v["table1"]["office"]["name"] = serde_json::Value::from(long("事業所"));
        v["table1"]["planner_name"] = serde_json::Value::from(long("作成者"));
        // the longest name the form's line (and 第2表/第3表's header) holds
        v["table1"]["user"]["name"] =
            serde_json::Value::from("あ".repeat(careplan_core::MAX_NAME_CHARS));
    });
    let out = RENDERER.render(&plan, &RenderOptions::default()).unwrap();
    // In a box (unbreakable) the start of the address ran off 第1表's page.
    assert_all_text_present("form-lines", &plan, &out.pdf);
    let numbers = page_numbers("form-lines-numbers.pdf", &out.pdf);
    assert!(
        numbers.iter().filter(|n| n.0 == '1').count() >= 2,
        "{numbers:?}"
    );
}

#[test]
fn a_long_relation_wraps_in_its_column_instead_of_squeezing_the_wishes() {
    let relation =
        "長男の妻の母で隣町に住み週に一度様子を見に来てくれる親戚の方（キーパーソンの補佐）"
            .repeat(2);
    let plan = case_a_with(|v| {
        v["table1"]["wishes"][1]["relation"] = serde_json::Value::from(relation.clone());
    });
    let out = RENDERER.render(&plan, &RenderOptions::default()).unwrap();
    // Uncapped, the relation took the whole width and the wishes beside it
    // ran one character a line over five pages.
    let numbers = page_numbers("relation-numbers.pdf", &out.pdf);
    assert_eq!(
        numbers.iter().filter(|n| n.0 == '1').count(),
        1,
        "{numbers:?}"
    );
    assert_all_text_present("relation", &plan, &out.pdf);
}

#[test]
fn long_table2_continues_with_heads_and_page_numbers_on_every_page() {
    let plan = fixture("long-table2-showa-gannen.json");
    let out = table2_only(&plan);
    assert!(out.page_count >= 3, "{}", out.page_count);
    let raw = tool(
        "pdftotext",
        &["-raw", "-enc", "UTF-8"],
        &tmp("t2.pdf", &out.pdf),
    );
    let pages: Vec<&str> = raw
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), out.page_count);
    for (i, p) in pages.iter().enumerate() {
        let p = squash(p);
        assert!(
            p.contains("生活全般の解決すべき課題（ニーズ）"),
            "page {} has no column heads",
            i + 1
        );
        assert!(
            p.contains("居宅サービス計画書（２）"),
            "page {} has no title",
            i + 1
        );
        assert!(
            p.contains(&format!("{}/{}", i + 1, pages.len())),
            "page {} has no page number",
            i + 1
        );
    }
}

/// Checks a 第2表 that runs over pages: the first page has no （続き）; every
/// later page that holds rows marked by `marker` repeats each of `continued`
/// marked （続き）; each of `items` is printed exactly once.
fn assert_continued(
    pdf: &[u8],
    name: &str,
    marker: &str,
    continued: &[&str],
    items: impl Iterator<Item = String>,
) {
    let raw = tool("pdftotext", &["-raw", "-enc", "UTF-8"], &tmp(name, pdf));
    let pages: Vec<String> = raw
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(squash)
        .collect();
    assert!(pages.len() >= 2, "{name}: one page only");
    assert!(!pages[0].contains("（続き）"));
    assert!(
        pages[1..].iter().any(|p| p.contains(marker)),
        "{name}: nothing continued"
    );
    for p in pages[1..].iter().filter(|p| p.contains(marker)) {
        for c in continued {
            assert!(
                p.contains(&format!("（続き）{c}")),
                "{name}: {c} not repeated: {p}"
            );
        }
    }
    let all: String = pages.concat();
    for item in items {
        assert_eq!(all.matches(&item).count(), 1, "{name}: {item}");
    }
}

#[test]
fn a_need_carried_onto_the_next_page_is_repeated_marked_continued() {
    // One need with twelve short-term goals of two services each: more than a page.
    let plan = case_a_with(|v| {
        let goal = v["table2"]["needs"][0]["long_term_goals"][0].clone();
        let mut shorts = Vec::new();
        for i in 0..12 {
            let mut s = goal["short_term_goals"][0].clone();
            s["text"] = serde_json::Value::from(format!(
                "短期目標その{}：家の中を手すりで移動できる",
                i + 1
            ));
            let services = s["services"].as_array_mut().unwrap();
            services.truncate(2);
            for (k, x) in services.iter_mut().enumerate() {
                x["id"] = serde_json::Value::from(format!("g{i}-s{k}"));
            }
            shorts.push(s);
        }
        v["table2"]["needs"][0]["long_term_goals"][0]["short_term_goals"] =
            serde_json::Value::from(shorts);
        v["table2"]["needs"][0]["text"] =
            serde_json::Value::from("移動の身体能力はあるが不安感が強い（最初のニーズ）");
        let t3 = v["table3"].as_object_mut().unwrap();
        t3.insert("weekly".into(), serde_json::Value::Array(vec![]));
        t3.insert("non_weekly".into(), serde_json::Value::Array(vec![]));
    });
    let out = table2_only(&plan);
    assert_continued(
        &out.pdf,
        "cont.pdf",
        "短期目標その",
        &[
            "移動の身体能力はあるが不安感が強い（最初のニーズ）",
            "近所周りは歩行器を使って散歩ができるようになる",
        ],
        (1..=12).map(|i| format!("短期目標その{i}：")),
    );
}

#[test]
fn a_service_taller_than_a_page_is_continued_with_its_need_marked() {
    // One service of 3,000 characters: three pages of サービス内容 under one need.
    let plan = case_a_with(|v| {
        let need = &mut v["table2"]["needs"][0];
        need["text"] = serde_json::Value::from("移動に不安がある（最初のニーズ）");
        let goal = &mut need["long_term_goals"][0];
        goal["text"] = serde_json::Value::from("近所を歩けるようになる");
        goal["short_term_goals"][0]["text"] = serde_json::Value::from("家の中を歩けるようになる");
        goal["short_term_goals"][0]["services"][0]["content"] = serde_json::Value::from(
            (0..375)
                .map(|i| format!("歩行練習{i:03}。"))
                .collect::<String>(),
        );
    });
    let out = table2_only(&plan);
    assert!(out.page_count >= 4, "{}", out.page_count);
    // Every page after the first that carries on the service repeats its need
    // and goals marked （続き）, the service's own text is marked too, and it is
    // cut between clauses: each numbered clause is printed once, whole.
    assert_continued(
        &out.pdf,
        "tall-service.pdf",
        "歩行練習",
        &[
            "移動に不安がある（最初のニーズ）",
            "近所を歩けるようになる",
            "家の中を歩けるようになる",
            "歩行練習",
        ],
        (0..375).map(|i| format!("歩行練習{i:03}。")),
    );
    assert_eq!(
        page_numbers("tall-service-numbers.pdf", &out.pdf),
        expected_numbers(&[('2', out.page_count)])
    );
}

#[test]
fn missing_glyphs_are_an_error_naming_the_field_or_a_warning() {
    let plan = case_a_with(|v| {
        v["table1"]["user"]["name"] = serde_json::Value::from("𠮷田 太郎");
        v["table2"]["needs"][0]["text"] = serde_json::Value::from("散歩したい😀");
    });
    match RENDERER.render(&plan, &RenderOptions::default()) {
        Err(RenderError::MissingGlyphs(list)) => {
            assert!(
                list.iter()
                    .any(|m| m.path == "table1.user.name" && m.character == '𠮷'),
                "{list:?}"
            );
            assert!(
                list.iter()
                    .any(|m| m.path == "table2.needs[0].text" && m.character == '😀'),
                "{list:?}"
            );
            let msg = RenderError::MissingGlyphs(list).to_string();
            assert!(msg.contains("IPAmj明朝"), "{msg}");
        }
        other => panic!("expected MissingGlyphs, got {other:?}"),
    }
    let warn = RenderOptions {
        missing_glyphs: MissingGlyphs::Warn,
        ..RenderOptions::default()
    };
    let out = RENDERER.render(&plan, &warn).unwrap();
    assert_eq!(out.missing_glyphs.len(), 2);
    assert!(out.pdf.starts_with(b"%PDF-"));
    // PDF/A cannot hold text no font displays: refused even when allowed,
    // naming the characters (not a failed export; schemathesis found it).
    let pdfa = RenderOptions { pdfa: true, ..warn };
    assert!(matches!(
        RENDERER.render(&plan, &pdfa),
        Err(RenderError::MissingGlyphs(list)) if list.len() == 2
    ));
}

#[test]
fn combining_marks_and_variation_selectors_render() {
    let plan = case_a_with(|v| {
        // 葛 with an IVS selector, a combining dakuten, a ZWJ.
        v["table1"]["analysis"] =
            serde_json::Value::from("葛\u{E0100}城市 か\u{3099} 見守り\u{200D}");
    });
    let out = RENDERER.render(&plan, &RenderOptions::default()).unwrap();
    assert!(out.missing_glyphs.is_empty());
}

#[test]
fn extra_fonts_are_accepted_and_bad_ones_refused() {
    let bad = Renderer::with_fonts(&[b"definitely not a font".to_vec()]);
    assert!(matches!(bad, Err(RenderError::Font(..))));
    // The shipped Gothic, added again as an "extra" font, loads.
    let extra = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../careplan-fonts/fonts/BIZUDGothic-Regular.ttf"),
    )
    .unwrap();
    let r = Renderer::with_fonts(&[extra]).unwrap();
    assert!(r.font_families().iter().any(|f| f == "BIZ UDGothic"));
}

#[test]
fn pdfa_output_is_written() {
    let plan = fixture("case-a.json");
    let opts = RenderOptions {
        pdfa: true,
        ..RenderOptions::default()
    };
    let out = RENDERER.render(&plan, &opts).unwrap();
    let s = String::from_utf8_lossy(&out.pdf);
    assert!(
        s.contains("pdfaid:part") || s.contains("pdfaid"),
        "no PDF/A identification"
    );
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(tmp("a.pdf", &out.pdf))
        .output()
        .expect("qpdf");
    assert!(check.status.success());
}

/// 第2表 alone, rendered.
fn table2_only(plan: &CarePlan) -> careplan_render::Rendered {
    let opts = RenderOptions {
        tables: Some(vec![Sheet::KyotakuTable2]),
        ..RenderOptions::default()
    };
    RENDERER.render(plan, &opts).unwrap()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Generated plans (random Japanese text with line breaks, overlapping
    /// blocks, open periods) always lay out: never a panic, never a layout
    /// error. Characters BIZ UD lacks are reported, not fatal, here.
    #[test]
    fn generated_plans_always_lay_out(parts in careplan_core::arbitrary::plan_strategy()) {
        let plan = CarePlan::new(parts).unwrap();
        let opts = RenderOptions { missing_glyphs: MissingGlyphs::Warn, ..RenderOptions::default() };
        match RENDERER.render(&plan, &opts) {
            Ok(out) => {
                proptest::prop_assert!(out.pdf.starts_with(b"%PDF-") && out.page_count >= 3);
                proptest::prop_assert_eq!(out.missing_glyphs, RENDERER.missing_glyphs(&plan));
            }
            Err(other) => proptest::prop_assert!(false, "unexpected error: {other}"),
        }
    }
}

#[test]
fn a_block_too_small_for_its_text_gets_a_marker_and_a_legend_on_the_page() {
    let label = "訪問介護（身体介護：起床時の着替えと排泄の介助、朝食の準備と服薬の確認）";
    let plan = case_a_with(|v| {
        let weekly = v["table3"]["weekly"].as_array_mut().unwrap();
        weekly.push(serde_json::json!({"service": "homehelp", "label": label, "weekdays": ["sat"], "start": "07:00", "end": "07:15"}));
    });
    let opts = RenderOptions {
        tables: Some(vec![Sheet::KyotakuTable3]),
        ..RenderOptions::default()
    };
    let out = RENDERER.render(&plan, &opts).unwrap();
    assert_eq!(out.page_count, 1, "the legend stays on the page");
    let text = pdf_text(&tmp("marker.pdf", &out.pdf));
    let (grid, legend) = text
        .split_once("枠に書ききれない内容：")
        .expect("no legend");
    let at = legend
        .find(&squash(label))
        .unwrap_or_else(|| panic!("legend lacks the label: {legend}"));
    let marker = legend[..at].chars().last().unwrap();
    assert!(('①'..='⑳').contains(&marker), "{legend}");
    // The marker stands in the grid; the label itself does not (it did not fit).
    assert!(grid.contains(marker), "{grid}");
    assert!(!grid.contains(&squash(label)));
    // An ordinary 30-minute block keeps its text in the grid.
    assert!(grid.contains("歩く練習（本人）"), "{grid}");
}

#[test]
fn a_short_term_goal_taller_than_a_page_continues_marked_on_the_next() {
    // One need, one long-term goal, one short-term goal with twenty services.
    let plan = case_a_with(|v| {
        let need = &mut v["table2"]["needs"][0];
        need["text"] =
            serde_json::Value::from("移動の身体能力はあるが不安感が強い（ひとつのニーズ）");
        let short = &mut need["long_term_goals"][0]["short_term_goals"][0];
        short["text"] = serde_json::Value::from("家の中を手すりで移動できる（ひとつの短期目標）");
        let template = short["services"][0].clone();
        let services: Vec<serde_json::Value> = (0..20)
            .map(|i| {
                let mut x = template.clone();
                x["id"] = serde_json::Value::from(format!("many-{i}"));
                x["content"] = serde_json::Value::from(format!(
                    "援助その{i}：下肢の筋力訓練と歩行訓練を、本人の体調に合わせて行う。"
                ));
                x
            })
            .collect();
        short["services"] = serde_json::Value::from(services);
        let t3 = v["table3"].as_object_mut().unwrap();
        t3.insert("weekly".into(), serde_json::Value::Array(vec![]));
        t3.insert("non_weekly".into(), serde_json::Value::Array(vec![]));
    });
    let out = table2_only(&plan);
    assert!(out.page_count >= 2, "{}", out.page_count);
    assert_continued(
        &out.pdf,
        "tall.pdf",
        "援助その",
        &[
            "移動の身体能力はあるが不安感が強い（ひとつのニーズ）",
            "家の中を手すりで移動できる（ひとつの短期目標）",
        ],
        (0..20).map(|i| format!("援助その{i}：")),
    );
}
