//! The records of ケアプランデータ連携 第4.1版 (CSVバージョン 202407), one
//! module per record, as `RECORDS.md` rebuilds them from the official
//! layout. Each record is a struct with one named field per field of the
//! layout, holding the text the CSV carries; the same definition gives its
//! field numbers and names (for error locations), which fields are free
//! text (quoted), how a row is written and how it is read. Export fills a
//! record from a plan and writes it; import reads it and builds the plan.
//!
//! The code tables that both directions use are here too, or in the code
//! lists of careplan-core (`Sex`, `CertificationStatus`, `CareLevel`,
//! `HouseworkReasonCode`, `Weekday`: their `csv_code`).

mod dlt1kyo;
mod dltyobo;
mod hosoku;
mod up1kyo;
mod up2kyo;
mod up3kyo;
mod upkihon;
mod upkihon_sub;
mod upplan;
mod upsikyu;
mod upyobo;
mod upyobo_sub;

pub use dlt1kyo::Dlt1kyo;
pub use dltyobo::Dltyobo;
pub use hosoku::Hosoku;
pub use up1kyo::Up1kyo;
pub use up2kyo::Up2kyo;
pub use up3kyo::Up3kyo;
pub use upkihon::Upkihon;
pub use upkihon_sub::{Dltkihon, UpkihonSub1, UpkihonSub2};
pub use upplan::{Dltjsk, Dltplan, Upjsk, Upplan};
pub use upsikyu::{
    FIXED_OFFICE, KIND_SUBTOTAL, OUTSIDE_SUBTOTAL, OVER_30_SUBTOTAL, TOTAL_CODE, TOTAL_OFFICE,
    Upsikyu,
};
pub use upyobo::Upyobo;
pub use upyobo_sub::UpyoboSub;

/// How a field is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// Codes, dates, numbers: written as they are, never quoted.
    Raw,
    /// Free text: always in `""`, with `"` doubled; line breaks kept.
    Text,
}

/// One field of a record's layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldDef {
    /// The field number (No.), 1-based.
    pub no: u16,
    /// The field's name in the standard.
    pub name: &'static str,
    /// How it is written.
    pub cell: Cell,
}

/// Appends field `no` to a row being written.
fn push_cell(out: &mut String, no: u16, cell: Cell, value: &str) {
    if no > 1 {
        out.push(',');
    }
    match cell {
        Cell::Raw => out.push_str(value),
        Cell::Text => {
            out.push('"');
            out.push_str(&value.replace('"', "\"\""));
            out.push('"');
        }
    }
}

/// Declares a record: a struct of its fields in the layout's order (field
/// number, constant for the number, field, name in the standard, cell
/// kind), with `PREFIX`, `FIELDS`, one constant per field number,
/// `from_fields` (reading a row) and `to_line` (writing one, CRLF).
macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident = $prefix:literal {
            $($no:literal $konst:ident $field:ident $label:literal $cell:ident,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct $name {
            $(
                #[doc = concat!("No.", stringify!($no), " ", $label)]
                pub $field: String,
            )+
        }

        impl $name {
            /// The file-name prefix.
            pub const PREFIX: &'static str = $prefix;

            /// The layout, No. 1 first.
            pub const FIELDS: &'static [super::FieldDef] = &[
                $(super::FieldDef { no: $no, name: $label, cell: super::Cell::$cell },)+
            ];

            $(
                #[doc = concat!("The field number of 「", $label, "」.")]
                pub const $konst: u16 = $no;
            )+

            /// The record of a row's fields (missing ones read as blank).
            pub fn from_fields(fields: &[String]) -> $name {
                let mut it = fields.iter();
                $name {
                    $($field: it.next().cloned().unwrap_or_default(),)+
                }
            }

            /// Field `no`, to write into (`None` for a number the layout
            /// does not have).
            pub fn field_mut(&mut self, no: u16) -> Option<&mut String> {
                match no {
                    $($no => Some(&mut self.$field),)+
                    _ => None,
                }
            }

            /// The fields' values, No. 1 first.
            pub fn values(&self) -> Vec<&str> {
                vec![$(self.$field.as_str(),)+]
            }

            /// The row as the standard writes it, ending in CRLF.
            pub fn to_line(&self) -> String {
                let mut out = String::new();
                $(super::push_cell(&mut out, $no, super::Cell::$cell, &self.$field);)+
                out.push_str("\r\n");
                out
            }
        }
    };
}
use record;

/// A record kind, one per file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// 利用者補足情報.
    Hosoku,
    /// 居宅サービス計画1表.
    T1,
    /// 居宅サービス計画2表.
    T2,
    /// 居宅サービス計画3表.
    T3,
    /// 居宅サービス計画1表_削除.
    Delete,
    /// 介護予防サービス・支援計画書.
    Yobo,
    /// 介護予防サービス・支援計画書（別表）支援計画.
    YoboSub,
    /// 介護予防サービス・支援計画書_削除.
    YoboDelete,
    /// 利用者基本情報.
    Kihon,
    /// 利用者基本情報（別表1）.
    KihonSub1,
    /// 利用者基本情報（別表2）.
    KihonSub2,
    /// 利用者基本情報_削除.
    KihonDelete,
    /// サービス利用票（予定）.
    Plan,
    /// サービス提供票（実績）.
    Actual,
    /// サービス利用票_削除.
    PlanDelete,
    /// サービス提供票（実績）_削除.
    ActualDelete,
    /// サービス利用票別表 (第7表).
    Sikyu,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 17] = [
        Kind::Hosoku,
        Kind::T1,
        Kind::T2,
        Kind::T3,
        Kind::Delete,
        Kind::Yobo,
        Kind::YoboSub,
        Kind::YoboDelete,
        Kind::Kihon,
        Kind::KihonSub1,
        Kind::KihonSub2,
        Kind::KihonDelete,
        Kind::Plan,
        Kind::Actual,
        Kind::PlanDelete,
        Kind::ActualDelete,
        Kind::Sikyu,
    ];

    /// Whether the kind's records are keyed by 対象年月 (第6表 and its
    /// withdrawals) rather than by a plan's date.
    pub fn is_monthly(self) -> bool {
        matches!(
            self,
            Kind::Plan | Kind::Actual | Kind::PlanDelete | Kind::ActualDelete | Kind::Sikyu
        )
    }

    /// The file-name prefix.
    pub fn prefix(self) -> &'static str {
        match self {
            Kind::Hosoku => Hosoku::PREFIX,
            Kind::T1 => Up1kyo::PREFIX,
            Kind::T2 => Up2kyo::PREFIX,
            Kind::T3 => Up3kyo::PREFIX,
            Kind::Delete => Dlt1kyo::PREFIX,
            Kind::Yobo => Upyobo::PREFIX,
            Kind::YoboSub => UpyoboSub::PREFIX,
            Kind::YoboDelete => Dltyobo::PREFIX,
            Kind::Kihon => Upkihon::PREFIX,
            Kind::KihonSub1 => UpkihonSub1::PREFIX,
            Kind::KihonSub2 => UpkihonSub2::PREFIX,
            Kind::KihonDelete => Dltkihon::PREFIX,
            Kind::Plan => Upplan::PREFIX,
            Kind::Actual => Upjsk::PREFIX,
            Kind::PlanDelete => Dltplan::PREFIX,
            Kind::ActualDelete => Dltjsk::PREFIX,
            Kind::Sikyu => Upsikyu::PREFIX,
        }
    }

    /// The kind of a file name (`UP1KYO_…`), case-insensitively.
    pub fn of_file_name(name: &str) -> Option<Kind> {
        let base = name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(name)
            .to_ascii_uppercase();
        // The 家族構成 image travels with UPKIHON but is not a record.
        if is_kihon_image(&base) {
            return None;
        }
        // Longest prefix first: UPYOBO_SUB_… starts with UPYOBO_ too.
        let mut kinds = Kind::ALL;
        kinds.sort_by_key(|k| std::cmp::Reverse(k.prefix().len()));
        kinds
            .into_iter()
            .find(|k| base.starts_with(&format!("{}_", k.prefix())))
    }

    /// The kind whose prefix is `prefix` (`UP2KYO`).
    pub fn of_prefix(prefix: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.prefix() == prefix)
    }

    /// The layout, No. 1 first.
    pub fn fields(self) -> &'static [FieldDef] {
        match self {
            Kind::Hosoku => Hosoku::FIELDS,
            Kind::T1 => Up1kyo::FIELDS,
            Kind::T2 => Up2kyo::FIELDS,
            Kind::T3 => Up3kyo::FIELDS,
            Kind::Delete => Dlt1kyo::FIELDS,
            Kind::Yobo => Upyobo::FIELDS,
            Kind::YoboSub => UpyoboSub::FIELDS,
            Kind::YoboDelete => Dltyobo::FIELDS,
            Kind::Kihon => Upkihon::FIELDS,
            Kind::KihonSub1 => UpkihonSub1::FIELDS,
            Kind::KihonSub2 => UpkihonSub2::FIELDS,
            Kind::KihonDelete => Dltkihon::FIELDS,
            Kind::Plan => Upplan::FIELDS,
            Kind::Actual => Upjsk::FIELDS,
            Kind::PlanDelete => Dltplan::FIELDS,
            Kind::ActualDelete => Dltjsk::FIELDS,
            Kind::Sikyu => Upsikyu::FIELDS,
        }
    }

    /// The name of field `no` (1-based).
    pub fn field_name(self, no: usize) -> &'static str {
        no.checked_sub(1)
            .and_then(|i| self.fields().get(i))
            .map_or("?", |f| f.name)
    }
}

/// Whether a file is a 利用者基本情報's 家族構成 image
/// (`UPKIHON_IMAGE_<送信単位>_<枝番>.jpg`, any case): it travels with the
/// records, is not one, and import leaves it to the caller.
pub fn is_kihon_image(name: &str) -> bool {
    name.rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_ascii_uppercase()
        .starts_with("UPKIHON_IMAGE_")
}

/// 計画書区分 (UP1KYO No.16): the code of each combination of 初回・紹介・継続
/// circled, as `[初回, 紹介, 継続]`.
pub const PLAN_KIND_CODES: &[(&str, [bool; 3])] = &[
    ("11", [true, false, false]),
    ("12", [false, true, false]),
    ("21", [false, false, true]),
    ("51", [true, true, false]),
    ("52", [true, false, true]),
    ("53", [false, true, true]),
    ("54", [true, true, true]),
];

/// 保険対象区分 (UP2KYO No.15): `Y` insured (※1 ○), `N` not.
pub const INSURED_CODES: [(&str, bool); 2] = [("Y", true), ("N", false)];

/// UPHOSOKU No.63 対象年月 of the record that goes with a plan (the other
/// values carry a month's 給付管理 figures).
pub const HOSOKU_PLAN_MONTH: &str = "000000";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_are_numbered_in_order_and_match_the_standard() {
        let counts = [
            (Kind::Hosoku, 63),
            (Kind::T1, 28),
            (Kind::T2, 22),
            (Kind::T3, 13),
            (Kind::Delete, 4),
            (Kind::Yobo, 57),
            (Kind::YoboSub, 17),
            (Kind::YoboDelete, 4),
            (Kind::Kihon, 71),
            (Kind::KihonSub1, 7),
            (Kind::KihonSub2, 11),
            (Kind::KihonDelete, 4),
            (Kind::Plan, 25),
            (Kind::Actual, 25),
            (Kind::PlanDelete, 4),
            (Kind::ActualDelete, 6),
            (Kind::Sikyu, 37),
        ];
        for (kind, n) in counts {
            let fields = kind.fields();
            assert_eq!(fields.len(), n, "{kind:?}");
            for (i, f) in fields.iter().enumerate() {
                assert_eq!(usize::from(f.no), i + 1, "{kind:?}");
            }
            assert_eq!(Kind::of_prefix(kind.prefix()), Some(kind));
        }
        assert_eq!(Kind::T2.field_name(7), "課題");
        assert_eq!(Kind::T2.field_name(usize::from(Up2kyo::NEED)), "課題");
        assert_eq!(Kind::T2.field_name(99), "?");
        assert_eq!(
            Kind::of_file_name("dir/UP2KYO_1_43_2_11_20250101000000.CSV"),
            Some(Kind::T2)
        );
        assert_eq!(
            Kind::of_file_name("UPHOSOKU_000000_x.csv"),
            Some(Kind::Hosoku)
        );
        assert_eq!(Kind::of_file_name("README.txt"), None);
        assert_eq!(
            Kind::of_file_name("UPYOBO_SUB_1_43_2_11_20250101000000.CSV"),
            Some(Kind::YoboSub)
        );
        assert_eq!(
            Kind::of_file_name("upyobo_1_43_2_11_20250101000000.csv"),
            Some(Kind::Yobo)
        );
        assert_eq!(
            Kind::of_file_name("UPKIHON_SUB2_1_43_2_11_20250101000000.CSV"),
            Some(Kind::KihonSub2)
        );
        assert_eq!(
            Kind::of_file_name("UPPLAN_202506_1_43_2_11_20250101000000.CSV"),
            Some(Kind::Plan)
        );
        assert_eq!(
            Kind::of_file_name("DLTJSK_202506_1_11_2_43_20250101000000.CSV"),
            Some(Kind::ActualDelete)
        );
        assert_eq!(
            Kind::Plan.field_name(usize::from(Upplan::COUNT)),
            "サービス回数"
        );
        // Export writes UPJSK's lines as UPPLAN records: one layout.
        assert_eq!(Upplan::FIELDS, Upjsk::FIELDS);
        // The 家族構成 image travels beside the records; it is not a record.
        assert_eq!(
            Kind::of_file_name("UPKIHON_IMAGE_1_43_2_11_20250101000000_0001.jpg"),
            None
        );
    }

    #[test]
    fn a_record_reads_back_what_it_writes() {
        let r = Up3kyo {
            csv_version: "202407".into(),
            service: "訪問\"介護\"".into(),
            weekday: "3".into(),
            ..Up3kyo::default()
        };
        let line = r.to_line();
        assert_eq!(line, "202407,,,,,\"訪問\"\"介護\"\"\",3,,,\"\",,,\"\"\r\n");
        let fields: Vec<String> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes())
            .records()
            .next()
            .unwrap()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(Up3kyo::from_fields(&fields), r);
    }

    #[test]
    fn the_shared_codes_cover_every_combination_once() {
        let mut seen = Vec::new();
        for (_, flags) in PLAN_KIND_CODES {
            assert!(flags.iter().any(|f| *f));
            assert!(!seen.contains(flags));
            seen.push(*flags);
        }
        assert_eq!(seen.len(), 7);
    }
}
