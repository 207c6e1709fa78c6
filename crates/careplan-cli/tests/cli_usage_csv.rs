//! `careplan csv` with 第6表: a month's plan out as UPHOSOKU + UPPLAN (its
//! 第7表 from --master and --terms), back in as a sheet; a provider's 実績
//! out as UPJSK and back in onto the care manager's sheet with --onto; the
//! withdrawals; and a sheet without --master refused before anything is
//! written. A 第7表 received (UPSIKYU) is checked against careplan's own
//! with --master and --terms.

// cfg(test) lets clippy.toml's allow-*-in-tests cover the helpers too.
#![cfg(test)]

mod common;
use common::{assert_succeeded, careplan, scratch, stdout};

const MASTER: &str = "fixtures/masters/service-codes-illustrative.csv";
const SHEET: &str = "fixtures/usage/level-change-2025-04.json";
const TERMS: &str = "fixtures/table7/level-change-2025-04.terms.json";

fn files(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_month_goes_out_and_its_actuals_come_back_onto_the_sheet() {
    let out = scratch("usage-out");
    let o = careplan(&[
        "csv",
        "export",
        SHEET,
        "--from",
        "1470000002:43",
        "--to",
        "1470000201:11",
        "--timestamp",
        "20250416120000",
        "--master",
        MASTER,
        "--terms",
        TERMS,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_succeeded(&o);
    assert_eq!(
        files(&out),
        [
            "UPHOSOKU_202504_1470000002_43_1470000201_11_20250416120000.CSV",
            "UPPLAN_202504_1470000002_43_1470000201_11_20250416120000.CSV",
            "UPSIKYU_202504_1470000002_43_1470000201_11_20250416120000.CSV"
        ]
    );
    // The provider's 実績: the 訪問介護 office's rows only.
    let jsk = scratch("usage-jsk");
    let o = careplan(&[
        "csv",
        "export",
        SHEET,
        "--from",
        "1470000201:11",
        "--to",
        "1470000002:43",
        "--timestamp",
        "20250501090000",
        "--master",
        MASTER,
        "--terms",
        TERMS,
        "--actuals",
        "-o",
        jsk.to_str().unwrap(),
    ]);
    assert_succeeded(&o);
    let name = "UPJSK_202504_1470000201_11_1470000002_43_20250501090000.CSV";
    assert_eq!(files(&jsk), [name]);
    let text = encoding_rs::SHIFT_JIS
        .decode(&std::fs::read(jsk.join(name)).unwrap())
        .0
        .into_owned();
    assert!(text.lines().all(|l| l.contains(",111111,")), "{text}");
    // Both read back: the sheet from the plan, and the sheet given with
    // --onto, with the 実績 put on it.
    let back = scratch("usage-back");
    let mut args: Vec<String> = ["csv", "import"].map(String::from).to_vec();
    for d in [&out, &jsk] {
        for f in files(d) {
            args.push(d.join(f).to_string_lossy().into_owned());
        }
    }
    args.extend(["--onto", SHEET, "-o", back.to_str().unwrap()].map(String::from));
    let o = careplan(&args);
    assert_succeeded(&o);
    let said = stdout(&o);
    assert!(
        said.contains("実績 / actuals: 141003/0000765432/202504 1470000201 種類11"),
        "{said}"
    );
    assert!(
        said.contains(
            "0 件の計画、1 件の第6表、1 件の第7表、1 件の実績を読み込みました（誤り 0 件）"
        ),
        "{said}"
    );
    assert_eq!(
        files(&back),
        [
            "0000765432_202504_table7.json",
            "0000765432_202504_usage.json",
            "0000765432_202504_usage_with_actuals.json"
        ]
    );
    let sheet: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::root().join(SHEET)).unwrap())
            .unwrap();
    let imported: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(back.join("0000765432_202504_usage.json")).unwrap(),
    )
    .unwrap();
    // The plan: no 実績, no サービス内容, the same days.
    assert_eq!(imported["rows"][1]["planned"], sheet["rows"][1]["planned"]);
    assert!(imported["rows"][1].get("actual").is_none());
    assert!(imported["rows"][1].get("service").is_none());
    let with: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(back.join("0000765432_202504_usage_with_actuals.json")).unwrap(),
    )
    .unwrap();
    // --onto keeps the sheet as the care manager wrote it, 実績 replaced by the provider's.
    assert_eq!(with["rows"][1]["service"], sheet["rows"][1]["service"]);
    assert_eq!(with["rows"][1]["actual"], sheet["rows"][1]["actual"]);
}

#[test]
fn withdrawals_and_a_sheet_without_its_master() {
    let out = scratch("usage-dlt");
    for (flags, prefix) in [
        (vec![], "DLTPLAN_202504_"),
        (vec!["--actuals"], "DLTJSK_202504_"),
    ] {
        let mut args = vec![
            "csv",
            "withdraw",
            SHEET,
            "--from",
            "1470000201:11",
            "--to",
            "1470000002:43",
            "--timestamp",
            "20250501090000",
            "-o",
        ];
        let dir = out.join(prefix);
        let d = dir.to_string_lossy().into_owned();
        args.push(&d);
        args.extend(flags);
        let o = careplan(&args);
        assert_succeeded(&o);
        assert!(files(&dir)[0].starts_with(prefix), "{:?}", files(&dir));
    }
    let empty = scratch("usage-nomaster");
    let o = careplan(&[
        "csv",
        "export",
        SHEET,
        "--from",
        "1470000002:43",
        "--to",
        "1470000201:11",
        "--timestamp",
        "20250416120000",
        "-o",
        empty.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.starts_with("--master, --terms: "), "{e}");
    assert!(e.contains("サービスコードマスタ"), "{e}");
    assert!(files(&empty).is_empty());
}

#[test]
fn a_received_table7_is_checked_against_careplans_own() {
    let d = common::root().join("fixtures/csv/usage-month-example");
    let inputs: Vec<String> = files(&d)
        .into_iter()
        .filter(|f| f.ends_with(".CSV"))
        .map(|f| d.join(f).to_string_lossy().into_owned())
        .collect();
    let terms = d.join("terms.json").to_string_lossy().into_owned();
    let run = |terms: &str, out: &str| {
        let out = scratch(out);
        let mut args: Vec<String> = ["csv", "import"].map(String::from).to_vec();
        args.extend(inputs.iter().cloned());
        args.extend(
            [
                "--master",
                MASTER,
                "--terms",
                terms,
                "-o",
                out.to_str().unwrap(),
            ]
            .map(String::from),
        );
        (careplan(&args), out)
    };
    let (o, out) = run(&terms, "sikyu-agrees");
    assert_succeeded(&o);
    let said = stdout(&o);
    assert_eq!(
        said.matches("careplan の計算と一致します").count(),
        2,
        "{said}"
    );
    let sent: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("0000123456_202507_table7.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(sent["table7"]["lines"][6]["line"], "total");
    assert_eq!(sent["table7"]["lines"][6]["cost"], 57_946);
    // With the 通所介護 office in 2級地, careplan prices it at 10.72, not 10.90.
    let mut t: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&terms).unwrap()).unwrap();
    t["offices"][1]["area_grade"] = "grade_2".into();
    let other = scratch("sikyu-terms").join("terms.json");
    std::fs::write(&other, t.to_string()).unwrap();
    let (o, _) = run(other.to_str().unwrap(), "sikyu-differs");
    assert_eq!(o.status.code(), Some(1));
    let said = stdout(&o);
    assert!(
        said.contains("1310000022 15AAAA No.23 単位数単価: 送信 \"10.90\" ／ careplan \"10.72\""),
        "{said}"
    );
    assert!(said.contains("第7表の相違 7 件"), "{said}");
}
