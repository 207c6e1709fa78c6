//! 要介護認定 and 要支援認定: the levels a person can be certified at, shared
//! by every form. Each form accepts the levels it is for and refuses the
//! others with a rule that names the right form: the 居宅サービス計画書 is for
//! 要介護１–５ ([`crate::CareLevel`]); the 介護予防 plan is for 要支援１・２ and
//! 事業対象者.
//!
//! ```
//! use careplan_core::certification::Level;
//!
//! assert_eq!(Level::from_csv_code("13"), Some(Level::Support2));
//! assert!(Level::Support2.is_preventive());
//! assert_eq!(Level::Care3.label_ja(), "要介護３");
//! ```

crate::code_enum! {
    /// 要介護状態区分 / 要支援状態区分, and 事業対象者 (a person who meets the
    /// 基本チェックリスト's criteria without a certification). Codes as the
    /// CSV standard writes them (要支援１ 12, 要支援２ 13, 要介護１–５ 21–25,
    /// 事業対象者 06).
    #[non_exhaustive]
    pub enum Level {
        /// 事業対象者.
        BusinessTarget = "business_target", "事業対象者", csv "06";
        /// 要支援１
        Support1 = "support_1", "要支援１", csv "12";
        /// 要支援２
        Support2 = "support_2", "要支援２", csv "13";
        /// 要介護１
        Care1 = "care_1", "要介護１", csv "21";
        /// 要介護２
        Care2 = "care_2", "要介護２", csv "22";
        /// 要介護３
        Care3 = "care_3", "要介護３", csv "23";
        /// 要介護４
        Care4 = "care_4", "要介護４", csv "24";
        /// 要介護５
        Care5 = "care_5", "要介護５", csv "25";
    }
}

impl Level {
    /// Whether the level belongs to the 介護予防 forms (要支援, 事業対象者).
    pub fn is_preventive(self) -> bool {
        matches!(
            self,
            Level::BusinessTarget | Level::Support1 | Level::Support2
        )
    }
}

/// Whether `v` names a 介護予防 level (要支援, 事業対象者) in one of the
/// spellings met in practice: the JSON codes, 「要支援1」「要支援２」,
/// `support1`, 「事業対象者」, and the CSV codes 06, 12 and 13.
pub fn is_preventive_spelling(v: &str) -> bool {
    let v = v.trim();
    Level::from_code(v)
        .or_else(|| Level::from_csv_code(v))
        .is_some_and(Level::is_preventive)
        || v.starts_with("support")
        || v.starts_with("要支援")
        || v == "事業対象者"
}

/// Whether `v` names a 要介護 level in one of the spellings met in practice:
/// the JSON codes, 「要介護1」「要介護３」, `care1`, and the CSV codes 21–25.
pub fn is_care_spelling(v: &str) -> bool {
    let v = v.trim();
    Level::from_code(v)
        .or_else(|| Level::from_csv_code(v))
        .is_some_and(|l| !l.is_preventive())
        || v.starts_with("care")
        || v.starts_with("要介護")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preventive_levels_in_every_spelling() {
        for v in [
            "support_1",
            "support2",
            "要支援1",
            "要支援２",
            "business_target",
            "事業対象者",
            "06",
            "12",
            " 13 ",
        ] {
            assert!(is_preventive_spelling(v), "{v}");
        }
        for v in ["care_1", "21", "要介護1", "", "07"] {
            assert!(!is_preventive_spelling(v), "{v}");
        }
        for v in ["care_1", "care3", "21", " 25", "要介護1", "要介護５"] {
            assert!(is_care_spelling(v), "{v}");
        }
        for v in ["support_1", "12", "06", "事業対象者", "", "26"] {
            assert!(!is_care_spelling(v), "{v}");
        }
        let preventive: Vec<Level> = Level::ALL
            .into_iter()
            .filter(|l| l.is_preventive())
            .collect();
        assert_eq!(
            preventive,
            [Level::BusinessTarget, Level::Support1, Level::Support2]
        );
    }
}
