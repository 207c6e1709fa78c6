//! 第7表's units from a 第6表 and a master, against figures worked out by
//! hand (`fixtures/usage/level-change-2025-04.json`, April 2025: the 1st a
//! Tuesday). The masters here are synthetic, made for the arithmetic, not
//! the サービスコード表's figures.

#![cfg(test)]

use careplan_core::forms::kyotaku::usage::Usage;
use careplan_core::forms::kyotaku::usage::table7::{Basis, Table7Error, units};
use careplan_core::service_codes::Master;
use careplan_core::units::{ArithError, Units};
use careplan_fixtures::{dir, read};
use proptest::prelude::*;

fn usage() -> Usage {
    Usage::from_json(&read(&dir("usage").join("level-change-2025-04.json"))).unwrap()
}

/// A synthetic master: 通所介護, 身体介護１ and 短期入所 at the given units.
fn master(day_service: i64, help: i64, short_stay: i64) -> Master {
    Master::from_csv(&format!(
        "code,name,units,rate_permille,per,limit_managed,valid_from,valid_to,source\n\
         151211,通所介護,{day_service},,time,true,2024-06,,synthetic\n\
         111111,身体介護１,{help},,time,true,2024-06,,synthetic\n\
         211211,短期入所生活介護,{short_stay},,day,true,2024-06,,synthetic\n\
         116275,訪問介護処遇改善加算Ⅰ,,245,month,false,2024-06,,synthetic\n"
    ))
    .unwrap()
}

#[test]
fn under_the_limit_every_unit_is_within_it() {
    let t = units(&usage(), &master(900, 244, 800), Basis::Planned, None).unwrap();
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
}

#[test]
fn over_the_limit_the_excess_goes_where_the_care_manager_puts_it() {
    let m = master(2_000, 244, 800);
    // 16,000 + 10,736 + 3,200 = 29,936: 2,888 over 27,048.
    let default = units(&usage(), &m, Basis::Planned, None).unwrap();
    assert_eq!((default.managed.get(), default.over.get()), (29_936, 2_888));
    // The documented default: from the last group upward.
    let over: Vec<i64> = default.groups.iter().map(|g| g.over.get()).collect();
    assert_eq!(over, [0, 0, 2_888]);
    assert_eq!(default.groups[2].within.get(), 312);
    // The care manager's choice: all on 通所介護.
    let chosen = [Units::new(2_888), Units::ZERO, Units::ZERO];
    let t = units(&usage(), &m, Basis::Planned, Some(&chosen)).unwrap();
    let within: Vec<i64> = t.groups.iter().map(|g| g.within.get()).collect();
    assert_eq!(within, [13_112, 10_736, 3_200]);
    assert_eq!(t.within.get(), 27_048);
    // A choice that does not add up, or gives a group more than it has.
    let short = [Units::new(1_000), Units::ZERO, Units::ZERO];
    let e = units(&usage(), &m, Basis::Planned, Some(&short)).unwrap_err();
    assert!(
        matches!(&e, Table7Error::Arith { path, error: ArithError::Allocation { group: None, .. } } if path.as_str() == "allocation"),
        "{e}"
    );
    let too_much = [Units::new(20_000), Units::ZERO, Units::new(-17_112)];
    let e = units(&usage(), &m, Basis::Planned, Some(&too_much)).unwrap_err();
    assert!(
        matches!(&e, Table7Error::Arith { path, .. } if path.as_str() == "allocation[0]"),
        "{e}"
    );
}

#[test]
fn the_actual_lines_give_the_month_as_served() {
    let t = units(&usage(), &master(900, 244, 800), Basis::Actual, None).unwrap();
    let counts: Vec<u32> = t.groups.iter().map(|g| g.rows[0].count).collect();
    // 訪問介護: twice on 10 weekdays to the 14th, once on 12 after; 短期入所 not yet reported.
    assert_eq!(counts, [8, 32, 0]);
    assert_eq!(t.groups[1].managed.get(), 32 * 244);
}

#[test]
fn codes_the_master_lacks_or_cannot_compute_yet_are_named() {
    let m = master(900, 244, 800);
    // Case A's month (2016) is before every row of the master.
    let a = Usage::from_json(&read(&dir("usage").join("case-a-2016-01.json"))).unwrap();
    let e = units(&a, &m, Basis::Planned, None).unwrap_err();
    assert!(
        matches!(&e, Table7Error::NotInMaster { path, code } if path.as_str() == "rows[0].code" && code == "162211"),
        "{e}"
    );
    // A rate-based 加算.
    let mut doc: serde_json::Value =
        serde_json::from_str(&read(&dir("usage").join("level-change-2025-04.json"))).unwrap();
    doc["rows"][1]["code"] = "116275".into();
    let u = Usage::from_json(&doc.to_string()).unwrap();
    let e = units(&u, &m, Basis::Planned, None).unwrap_err();
    assert!(
        matches!(&e, Table7Error::RateBased { path, .. } if path.as_str() == "rows[1].code"),
        "{e}"
    );
}

proptest! {
    /// For any units: Σ 区分内 ≤ limit, 区分内 + 区分超過 = 給付管理単位数 in
    /// each group, Σ 区分超過 = max(0, Σ 給付管理 − limit), nothing negative.
    #[test]
    fn the_units_columns_keep_their_invariants(
        a in 0i64..20_000, b in 0i64..2_000, c in 0i64..5_000, planned in any::<bool>(),
    ) {
        let basis = if planned { Basis::Planned } else { Basis::Actual };
        let t = units(&usage(), &master(a, b, c), basis, None).unwrap();
        prop_assert!(t.within <= t.limit);
        for g in &t.groups {
            prop_assert_eq!(g.within.checked_add(g.over).unwrap(), g.managed);
            prop_assert!(g.over >= Units::ZERO && g.within >= Units::ZERO);
        }
        let excess = (t.managed.get() - t.limit.get()).max(0);
        prop_assert_eq!(t.over.get(), excess);
        prop_assert_eq!(t.within.get() + t.over.get(), t.managed.get());
    }
}

mod money {
    use super::*;
    use careplan_core::OfficeNumber;
    use careplan_core::forms::kyotaku::usage::table7::{MoneyOptions, money};
    use careplan_core::units::AreaGrade;

    /// The sheet's three offices, all in a 2級地 (横浜市).
    fn grades() -> Vec<(OfficeNumber, AreaGrade)> {
        ["1470000101", "1470000201", "1470000301"]
            .into_iter()
            .map(|o| (OfficeNumber::new(o).unwrap(), AreaGrade::Grade2))
            .collect()
    }

    /// The level-change month priced by [`master`]'s figures, 2級地, `tenths` 割.
    fn priced(
        day_service: i64,
        help: i64,
        short_stay: i64,
        tenths: u8,
    ) -> careplan_core::forms::kyotaku::usage::table7::Table7Money {
        let u = usage();
        let t = units(
            &u,
            &master(day_service, help, short_stay),
            Basis::Planned,
            None,
        )
        .unwrap();
        let g = grades();
        money(
            &t,
            u.parts().month,
            &MoneyOptions {
                grades: &g,
                burden_tenths: tenths,
            },
        )
        .unwrap()
    }

    fn columns(m: &careplan_core::forms::kyotaku::usage::table7::Table7Money) -> Vec<[i64; 5]> {
        m.groups
            .iter()
            .map(|g| {
                let s = g.subtotal;
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
        let m = priced(900, 244, 800, 1);
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
        let m = priced(2_000, 244, 800, 1);
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
        let m = priced(900, 244, 800, 2);
        assert_eq!(columns(&m)[0], [1072, 77_184, 61_747, 15_437, 0]);
    }

    #[test]
    fn an_office_without_its_area_grade_is_named() {
        let u = usage();
        let t = units(&u, &master(900, 244, 800), Basis::Planned, None).unwrap();
        let g = &grades()[..2];
        let e = money(
            &t,
            u.parts().month,
            &MoneyOptions {
                grades: g,
                burden_tenths: 1,
            },
        )
        .unwrap_err();
        assert!(
            matches!(&e, Table7Error::NoAreaGrade { path, office } if path.as_str() == "groups[2]" && office == "1470000301"),
            "{e}"
        );
        let e = money(
            &t,
            u.parts().month,
            &MoneyOptions {
                grades: &grades(),
                burden_tenths: 4,
            },
        )
        .unwrap_err();
        assert!(
            matches!(&e, Table7Error::Arith { path, .. } if path.as_str() == "burden_tenths"),
            "{e}"
        );
    }

    proptest! {
        /// 請求額 + 利用者負担 = 費用総額 in every group, nothing negative.
        #[test]
        fn claim_and_burden_make_the_cost(
            a in 0i64..20_000, b in 0i64..2_000, c in 0i64..5_000, tenths in 1u8..=3,
        ) {
            let u = usage();
            let t = units(&u, &master(a, b, c), Basis::Planned, None).unwrap();
            let g = grades();
            let m = money(&t, u.parts().month, &MoneyOptions { grades: &g, burden_tenths: tenths }).unwrap();
            for line in &m.groups {
                let s = line.subtotal;
                prop_assert_eq!(s.claim.get() + s.burden.get(), s.cost.get());
                prop_assert!(s.claim.get() >= 0 && s.burden.get() >= 0 && s.full_burden.get() >= 0);
            }
            prop_assert_eq!(m.claim.get() + m.burden.get(), m.cost.get());
        }
    }
}
