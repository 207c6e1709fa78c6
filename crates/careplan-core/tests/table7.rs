//! 第7表 from a 第6表, a master and terms, against figures worked out by
//! hand (`fixtures/usage/level-change-2025-04.json`, April 2025: the 1st a
//! Tuesday). The masters here are synthetic, made for the arithmetic, not
//! the サービスコード表's figures. The realistic months with their
//! hand-worked 第7表 are in `tests/table7_fixtures.rs`.

#![cfg(test)]

use careplan_core::OfficeNumber;
use careplan_core::forms::kyotaku::usage::Usage;
use careplan_core::forms::kyotaku::usage::table7::{
    Basis, Discount, Excess, KindLimit, KindPrice, RowClass, Table7, Table7Error, Table7Problem,
    Terms, compute,
};
use careplan_core::service_codes::Master;
use careplan_core::text::ServiceKind;
use careplan_core::units::{AreaGrade, UnitPrice, Units};
use careplan_fixtures::{dir, read};
use proptest::prelude::*;

fn usage() -> Usage {
    Usage::from_json(&read(&dir("usage").join("level-change-2025-04.json"))).unwrap()
}

const HEADER: &str =
    "code,name,units,rate_permille,per,limit_managed,fixed_burden_yen,valid_from,valid_to,source\n";

/// A synthetic master: 通所介護, 身体介護１ and 短期入所 at the given units.
fn master(day_service: i64, help: i64, short_stay: i64) -> Master {
    Master::from_csv(&format!(
        "{HEADER}\
         151211,通所介護,{day_service},,time,true,,2024-06,,synthetic\n\
         111111,身体介護１,{help},,time,true,,2024-06,,synthetic\n\
         211211,短期入所生活介護,{short_stay},,day,true,,2024-06,,synthetic\n\
         116275,訪問介護処遇改善加算Ⅰ,,245,month,false,,2024-06,,synthetic\n"
    ))
    .unwrap()
}

const OFFICES: [&str; 3] = ["1470000101", "1470000201", "1470000301"];

fn office(o: &str) -> OfficeNumber {
    OfficeNumber::new(o).unwrap()
}

fn kind(k: &str) -> ServiceKind {
    ServiceKind::new(k).unwrap()
}

/// The sheet's three offices, all in a 2級地 (横浜市), `tenths` 割.
fn terms(tenths: u8) -> Terms {
    let g: Vec<_> = OFFICES
        .iter()
        .map(|o| (office(o), AreaGrade::Grade2))
        .collect();
    Terms::new(tenths, &g)
}

fn run(m: &Master, t: &Terms) -> Table7 {
    compute(&usage(), m, t).unwrap()
}

fn one_error(e: &[Table7Error]) -> (&str, Table7Problem) {
    assert_eq!(e.len(), 1, "{e:?}");
    (e[0].path.as_str(), e[0].problem)
}

#[test]
fn under_the_limit_every_unit_is_within_it() {
    let t = run(&master(900, 244, 800), &terms(1));
    let figures: Vec<(&str, u32, i64)> = t
        .groups
        .iter()
        .flat_map(|g| {
            g.rows
                .iter()
                .map(|r| (r.code.as_str(), r.count, r.service_units.get()))
        })
        .collect();
    assert_eq!(
        figures,
        [
            // Mondays and Thursdays: 3, 7, 10, 14, 17, 21, 24, 28.
            ("151211", 8, 7_200),
            // Twice on each of 22 weekdays.
            ("111111", 44, 10_736),
            // The 24th to the 27th, per day.
            ("211211", 4, 3_200),
        ]
    );
    assert_eq!(t.limit.get(), 27_048); // 要介護３, the heavier level
    assert_eq!(t.managed.get(), 21_136);
    assert_eq!((t.over.get(), t.within.get()), (0, 21_136));
    // 短期入所: 6 days before, 4 this month.
    assert_eq!(
        (
            t.short_stay.before,
            t.short_stay.this_month,
            t.short_stay.cumulative
        ),
        (Some(6), 4, Some(10))
    );
}

#[test]
fn over_the_limit_the_excess_goes_where_the_care_manager_puts_it() {
    let m = master(2_000, 244, 800);
    // 16,000 + 10,736 + 3,200 = 29,936: 2,888 over 27,048.
    let default = run(&m, &terms(1));
    assert_eq!((default.managed.get(), default.over.get()), (29_936, 2_888));
    // The documented default: from the last group upward.
    let over: Vec<i64> = default.groups.iter().map(|g| g.over.get()).collect();
    assert_eq!(over, [0, 0, 2_888]);
    assert_eq!(default.groups[2].within.get(), 312);
    // The care manager's choice: all on 通所介護.
    let mut chosen = terms(1);
    chosen.allocation = Some(vec![Excess {
        office_number: office(OFFICES[0]),
        kind: kind("15"),
        units: Units::new(2_888),
    }]);
    let t = run(&m, &chosen);
    let within: Vec<i64> = t.groups.iter().map(|g| g.within.get()).collect();
    assert_eq!(within, [13_112, 10_736, 3_200]);
    assert_eq!(t.within.get(), 27_048);
    // A choice that does not add up.
    let mut short = chosen.clone();
    short.allocation.as_mut().unwrap()[0].units = Units::new(1_000);
    let e = compute(&usage(), &m, &short).unwrap_err();
    assert_eq!(one_error(&e), ("allocation", Table7Problem::Allocation));
    // A group given more than it has.
    let mut too_much = chosen.clone();
    too_much.allocation.as_mut().unwrap()[0].units = Units::new(20_000);
    let e = compute(&usage(), &m, &too_much).unwrap_err();
    assert_eq!(
        one_error(&e),
        ("allocation[0].units", Table7Problem::Allocation)
    );
    // A group the sheet does not have.
    let mut unknown = chosen.clone();
    unknown.allocation.as_mut().unwrap()[0].kind = kind("13");
    let e = compute(&usage(), &m, &unknown).unwrap_err();
    assert_eq!(
        one_error(&e),
        ("allocation[0]", Table7Problem::UnknownGroup)
    );
}

#[test]
fn the_actual_lines_give_the_month_as_served() {
    let mut t = terms(1);
    t.basis = Basis::Actual;
    let t = run(&master(900, 244, 800), &t);
    let counts: Vec<u32> = t.groups.iter().map(|g| g.rows[0].count).collect();
    // 訪問介護: twice on 10 weekdays to the 14th, once on 12 after; 短期入所
    // not yet reported, so it has no row.
    assert_eq!(counts, [8, 32]);
    assert_eq!(t.groups[1].managed.get(), 32 * 244);
    assert_eq!(t.short_stay.this_month, 0);
}

#[test]
fn every_problem_seen_before_the_arithmetic_is_reported() {
    let m = master(900, 244, 800);
    // Case A's month (2016) is before every row of the master: each code.
    let a = Usage::from_json(&read(&dir("usage").join("case-a-2016-01.json"))).unwrap();
    let e = compute(&a, &m, &terms(1)).unwrap_err();
    assert!(e.len() >= 2, "{e:?}");
    assert!(e.iter().all(|e| e.problem == Table7Problem::NotInMaster));
    assert_eq!(
        (e[0].path.as_str(), e[0].value.as_str()),
        ("rows[0].code", "162211")
    );
    // Two offices without terms, named at their first rows.
    let g = vec![(office(OFFICES[0]), AreaGrade::Grade2)];
    let e = compute(&usage(), &m, &Terms::new(1, &g)).unwrap_err();
    let paths: Vec<_> = e.iter().map(|e| (e.path.as_str(), e.problem)).collect();
    assert_eq!(
        paths,
        [
            ("rows[1].office_number", Table7Problem::NoTerms),
            ("rows[2].office_number", Table7Problem::NoTerms)
        ]
    );
    // A 負担割合 of 4割.
    let e = compute(&usage(), &m, &terms(4)).unwrap_err();
    assert_eq!(one_error(&e), ("burden_tenths", Table7Problem::Arith));
}

/// R3: 割引後単位数 = 四捨五入(単位数 × 割引後率), then × 回数. 917 × 95 %
/// = 871.15 → 871; × 8 = 6,968. Rounding each count's units, not the
/// row's: 917 × 8 × 95 % = 6,969.2 would give 6,969.
#[test]
fn a_discount_rounds_each_counts_units_half_up() {
    let mut t = terms(1);
    t.offices[0].discounts.push(Discount {
        kind: kind("15"),
        percent_after: 95,
    });
    let r = run(&master(917, 244, 800), &t);
    let row = &r.groups[0].rows[0];
    assert_eq!(row.units_per_count(), Some(Units::new(871)));
    assert_eq!(row.service_units.get(), 6_968);
    // 910 × 95 % = 864.5: exactly one half, rounded up to 865 (切り捨て would give 864).
    let r = run(&master(910, 244, 800), &t);
    assert_eq!(r.groups[0].rows[0].units_per_count(), Some(Units::new(865)));
}

/// §6.3: 処遇改善 on the group's units, 四捨五入; with the group over the
/// limit, the insured part on its units within it and the rest full burden
/// (§6.2).
#[test]
fn a_rate_based_addition_is_split_at_the_limit() {
    let mut doc: serde_json::Value =
        serde_json::from_str(&read(&dir("usage").join("level-change-2025-04.json"))).unwrap();
    let mut rate_row = doc["rows"][1].clone();
    rate_row["code"] = "116275".into();
    rate_row["service"] = "処遇改善加算".into();
    rate_row["planned"] = serde_json::json!([{"day": 30}]);
    rate_row.as_object_mut().unwrap().remove("actual");
    rate_row.as_object_mut().unwrap().remove("start");
    rate_row.as_object_mut().unwrap().remove("end");
    doc["rows"].as_array_mut().unwrap().push(rate_row);
    let u = Usage::from_json(&doc.to_string()).unwrap();
    // Under the limit: 10,736 × 24.5 % = 2,630.32 → 2,630, all insured.
    let t = compute(&u, &master(900, 244, 800), &terms(1)).unwrap();
    let g = &t.groups[1];
    let r = &g.rows[1];
    assert_eq!(r.class, RowClass::Outside);
    assert_eq!(
        (r.service_units.get(), r.within.get(), r.over.get()),
        (2_630, 2_630, 0)
    );
    // 2,630 × 11.12 = 29,245.6 → 29,245; × 90 % = 26,320.5 → 26,320 (R7 cuts the half).
    let m = r.money.unwrap();
    assert_eq!(
        (m.cost.get(), m.claim.get(), m.burden.get()),
        (29_245, 26_320, 2_925)
    );
    // Over the limit with the excess on 訪問介護: 2,000 × 8 = 16,000 +
    // 10,736 + 3,200 = 29,936, 2,888 over; 訪問介護 within 7,848.
    let mut chosen = terms(1);
    chosen.allocation = Some(vec![Excess {
        office_number: office(OFFICES[1]),
        kind: kind("11"),
        units: Units::new(2_888),
    }]);
    let t = compute(&u, &master(2_000, 244, 800), &chosen).unwrap();
    let r = &t.groups[1].rows[1];
    // round(7,848 × 0.245) = round(1,922.76) = 1,923 insured;
    // round(10,736 × 0.245) − 1,923 = 2,630 − 1,923 = 707 full burden.
    assert_eq!(
        (r.within.get(), r.over.get(), r.service_units.get()),
        (1_923, 707, 2_630)
    );
    let m = r.money.unwrap();
    // 707 × 11.12 = 7,861.84 → 7,861.
    assert_eq!(m.full_burden.get(), 7_861);
    // The rate row is not counted against the limit.
    assert_eq!(t.managed.get(), 29_936);
    // A rate-based code marked as inside the limit is refused.
    let bad = Master::from_csv(&format!(
        "{HEADER}151211,通所介護,900,,time,true,,2024-06,,s\n111111,身体介護１,244,,time,true,,2024-06,,s\n\
         211211,短期入所生活介護,800,,day,true,,2024-06,,s\n116275,処遇改善,,245,month,true,,2024-06,,s\n"
    ))
    .unwrap();
    let e = compute(&u, &bad, &terms(1)).unwrap_err();
    assert_eq!(
        one_error(&e),
        ("rows[3].code", Table7Problem::RateInsideLimit)
    );
}

/// 種類支給限度: the kind's units over the 市町村's limit come off before the
/// 区分 limit, and fall into 全額負担.
#[test]
fn a_kind_limit_comes_before_the_overall_limit() {
    let mut t = terms(1);
    t.kind_limits.push(KindLimit {
        kind: kind("11"),
        units: Units::new(10_000),
    });
    let r = run(&master(900, 244, 800), &t);
    let g = &r.groups[1];
    assert_eq!(
        (g.managed.get(), g.kind_over.get(), g.kind_within.get()),
        (10_736, 736, 10_000)
    );
    assert_eq!((g.over.get(), g.within.get()), (0, 10_000));
    // 10,000 × 11.12 = 111,200; 736 × 11.12 = 8,184.32 → 8,184 full.
    let s = g.subtotal.unwrap();
    assert_eq!((s.cost.get(), s.full_burden.get()), (111_200, 8_184));
    assert_eq!(
        r.kinds
            .iter()
            .find(|k| k.kind.as_str() == "11")
            .unwrap()
            .over
            .get(),
        736
    );
    // A kind limit for a kind the sheet lacks is named.
    let mut t2 = t.clone();
    t2.kind_limits[0].kind = kind("13");
    let e = compute(&usage(), &master(900, 244, 800), &t2).unwrap_err();
    assert_eq!(
        one_error(&e),
        ("kind_limits[0].kind", Table7Problem::UnknownGroup)
    );
}

/// R10: a 定額 service's burden is its amount × 回数, and the claim the
/// rest of the cost; prorated ([U]) where the row carries units over the limit.
#[test]
fn a_fixed_burden_service_pays_its_amount() {
    let b = Usage::from_json(&read(&dir("usage").join("business-target-2025-02.json"))).unwrap();
    let row = &b.parts().rows[0];
    let m = Master::from_csv(&format!(
        "{HEADER}{},通所型サービス,1798,,month,true,1800,2024-06,,synthetic\n",
        row.code.as_str()
    ))
    .unwrap();
    let mut t = Terms::new(1, &[(row.office_number.clone(), AreaGrade::Grade2)]);
    // The 総合事業's price is the 市町村's: without it, none.
    let e = compute(&b, &m, &t).unwrap_err();
    assert_eq!(one_error(&e).1, Table7Problem::NoPrice);
    t.offices[0].prices.push(KindPrice {
        kind: kind(row.code.kind()),
        price: UnitPrice::from_sen(1072),
    });
    let r = compute(&b, &m, &t).unwrap();
    let g = &r.groups[0];
    let s = g.subtotal.unwrap();
    // 1,798 × 10.72 = 19,274.56 → 19,274; burden 1,800 × 1; claim 17,474.
    assert_eq!(
        (s.cost.get(), s.burden.get(), s.claim.get()),
        (19_274, 1_800, 17_474)
    );
    assert_eq!(g.fixed_burden.map(|y| y.get()), Some(1_800));
    assert!(!g.rows[0].fixed.unwrap().prorated);
}

/// R10 with units over the limit ([U], read from KISAI6's figures): the
/// 定額 burden is prorated by the row's units within the limit.
#[test]
fn a_fixed_burden_row_over_the_limit_is_prorated() {
    let u = Usage::from_json(&read(&dir("usage").join("yobo-fixed-2025-06.json"))).unwrap();
    let m = Master::from_csv(&format!(
        "{HEADER}A61111,通所型,4000,,month,true,2000,2024-06,,synthetic\n\
         A21111,訪問型,1176,,month,true,1180,2024-06,,synthetic\n"
    ))
    .unwrap();
    let t = Terms::from_json(&read(&dir("table7").join("yobo-fixed-2025-06.terms.json"))).unwrap();
    let r = compute(&u, &m, &t).unwrap();
    // 4,000 + 1,176 = 5,176: 144 over 要支援１'s 5,032, by default on the last group.
    let g = &r.groups[1];
    assert_eq!((g.over.get(), g.within.get()), (144, 1_032));
    let f = g.rows[0].fixed.unwrap();
    // ⌊1,180 × 1,032 ÷ 1,176⌋ = ⌊1,035.51⌋ = 1,035.
    assert!(f.prorated);
    assert_eq!(f.burden.get(), 1_035);
    let s = g.subtotal.unwrap();
    // 1,032 × 11.12 = 11,475.84 → 11,475; claim 11,475 − 1,035; 144 × 11.12 = 1,601.28 → 1,601.
    assert_eq!(
        (
            s.cost.get(),
            s.burden.get(),
            s.claim.get(),
            s.full_burden.get()
        ),
        (11_475, 1_035, 10_440, 1_601)
    );
    // The other group is whole: 2,000 × 1.
    assert_eq!(r.groups[0].subtotal.unwrap().burden.get(), 2_000);
}

#[test]
fn each_row_is_explained_column_by_column() {
    let r = run(&master(2_000, 244, 800), &terms(1));
    let steps = r.explain(2, 0).unwrap();
    let cols: Vec<&str> = steps.iter().map(|s| s.column_ja).collect();
    assert_eq!(
        cols,
        [
            "単位数",
            "回数",
            "サービス単位／金額",
            "（内訳）区分支給限度基準内／超過単位数",
            "給付管理単位数",
            "区分支給限度基準を超える単位数",
            "区分支給限度基準内単位数",
            "単位数単価",
            "費用総額（保険／事業対象分）",
            "給付率（％）",
            "保険／事業費請求額",
            "利用者負担（保険／事業対象分）",
            "利用者負担（全額負担分）",
        ]
    );
    let value = |c: &str| {
        steps
            .iter()
            .find(|s| s.column_ja == c)
            .unwrap()
            .value
            .as_str()
    };
    assert_eq!(value("単位数単価"), "10.88");
    assert_eq!(value("区分支給限度基準を超える単位数"), "2888");
    assert_eq!(value("利用者負担（全額負担分）"), "31421");
    assert!(steps[5].how_en.contains("default"), "{}", steps[5].how_en);
    assert!(r.explain(9, 0).is_none());
    assert!(r.explain_json(2, 0).is_array());
}

proptest! {
    /// For any units: Σ 区分内 ≤ limit, 区分内 + 区分超過 = 給付管理単位数 in
    /// each group, Σ 区分超過 = max(0, Σ 給付管理 − limit), 請求額 +
    /// 利用者負担 = 費用総額, nothing negative the form prints positive.
    #[test]
    fn the_columns_keep_their_invariants(
        a in 0i64..20_000, b in 0i64..2_000, c in 0i64..5_000, planned in any::<bool>(),
        tenths in 1u8..=3, pct in prop::option::of(50u8..=99),
    ) {
        let mut t = terms(tenths);
        t.basis = if planned { Basis::Planned } else { Basis::Actual };
        if let Some(pct) = pct {
            t.offices[1].discounts.push(Discount { kind: kind("11"), percent_after: pct });
        }
        let t = run(&master(a, b, c), &t);
        prop_assert!(t.within <= t.limit);
        for g in &t.groups {
            prop_assert_eq!(g.within.checked_add(g.over).unwrap(), g.kind_within);
            prop_assert_eq!(g.kind_within.checked_add(g.kind_over).unwrap(), g.managed);
            prop_assert!(g.over >= Units::ZERO && g.within >= Units::ZERO);
            let s = g.subtotal.unwrap();
            prop_assert_eq!(s.claim.get() + s.burden.get(), s.cost.get());
            prop_assert!(s.cost.get() >= 0 && s.claim.get() >= 0 && s.burden.get() >= 0 && s.full_burden.get() >= 0);
            let rows: i64 = g.rows.iter().map(|r| r.within.get() + r.over.get()).sum();
            prop_assert_eq!(rows, g.managed.get());
        }
        let excess = (t.managed.get() - t.limit.get()).max(0);
        prop_assert_eq!(t.over.get(), excess);
        prop_assert_eq!(t.within.get() + t.over.get(), t.managed.get());
        prop_assert_eq!(t.claim.get() + t.burden.get(), t.cost.get());
    }
}

mod money {
    use super::*;

    fn columns(t: &Table7) -> Vec<[i64; 5]> {
        t.groups
            .iter()
            .map(|g| {
                let s = g.subtotal.unwrap();
                [
                    i64::from(g.price.sen()),
                    s.cost.get(),
                    s.claim.get(),
                    s.burden.get(),
                    s.full_burden.get(),
                ]
            })
            .collect()
    }

    /// Worked by hand: 2級地 prices 10.72 (通所介護, 45 %), 11.12 (訪問介護,
    /// 70 %), 10.88 (短期入所生活介護, 55 %); 1割, 給付率 90 %; R6 cut down on
    /// the subtotal, R7 cut down, R8 the difference.
    #[test]
    fn under_the_limit_1_wari() {
        let m = run(&master(900, 244, 800), &terms(1));
        assert_eq!(
            columns(&m),
            [
                // 7,200 × 10.72 = 77,184; × 0.9 = 69,465.6 → 69,465.
                [1072, 77_184, 69_465, 7_719, 0],
                // 10,736 × 11.12 = 119,384.32 → 119,384; × 0.9 = 107,445.6 → 107,445.
                [1112, 119_384, 107_445, 11_939, 0],
                // 3,200 × 10.88 = 34,816; × 0.9 = 31,334.4 → 31,334.
                [1088, 34_816, 31_334, 3_482, 0],
            ]
        );
        assert_eq!(
            (
                m.cost.get(),
                m.claim.get(),
                m.burden.get(),
                m.full_burden.get()
            ),
            (231_384, 208_244, 23_140, 0)
        );
    }

    /// Over the limit, the default allocation (the excess, 2,888, on
    /// 短期入所): its 区分内 312 units priced, the 2,888 全額負担 (R9).
    #[test]
    fn over_the_limit_the_excess_is_paid_in_full() {
        let m = run(&master(2_000, 244, 800), &terms(1));
        assert_eq!(
            columns(&m),
            [
                // 16,000 × 10.72 = 171,520; × 0.9 = 154,368.
                [1072, 171_520, 154_368, 17_152, 0],
                [1112, 119_384, 107_445, 11_939, 0],
                // 312 × 10.88 = 3,394.56 → 3,394; × 0.9 = 3,054.6 → 3,054;
                // 2,888 × 10.88 = 31,421.44 → 31,421 全額負担.
                [1088, 3_394, 3_054, 340, 31_421],
            ]
        );
        assert_eq!(
            (
                m.cost.get(),
                m.claim.get(),
                m.burden.get(),
                m.full_burden.get()
            ),
            (294_298, 264_867, 29_431, 31_421)
        );
    }

    /// 2割: 給付率 80 %. 77,184 × 0.8 = 61,747.2 → 61,747.
    #[test]
    fn a_2_wari_user_gets_80_percent() {
        let m = run(&master(900, 244, 800), &terms(2));
        assert_eq!(columns(&m)[0], [1072, 77_184, 61_747, 15_437, 0]);
    }
}
