//! What 第7表 needs beyond 第6表 and the master: the 地域区分 of each
//! 事業所, any 割引 it has filed and any 単位数単価 the 市町村 sets (the
//! 総合事業's), the user's 負担割合, the 市町村's 種類支給限度基準額, and the
//! care manager's allocation of the units over the 区分支給限度基準額.
//!
//! As JSON (`Terms::from_json`), every field but `burden_tenths` and
//! `offices` may be left out:
//!
//! ```json
//! {
//!   "basis": "planned",
//!   "burden_tenths": 1,
//!   "offices": [
//!     {"office_number": "1312345678", "area_grade": "grade_2",
//!      "discounts": [{"kind": "15", "percent_after": 95}],
//!      "prices": [{"kind": "A6", "sen": 1072}]}
//!   ],
//!   "kind_limits": [{"kind": "15", "units": 8000}],
//!   "allocation": [{"office_number": "1312345678", "kind": "15", "units": 1200}]
//! }
//! ```

use serde::Deserialize;

use super::{Basis, Table7Error, Table7Problem};
use crate::path::FieldPath;
use crate::text::{OfficeNumber, ServiceKind};
use crate::units::{AreaGrade, UnitPrice, Units};

/// A 割引 an 事業所 has filed for a サービス種類 (R3): the units are taken at
/// `percent_after` percent (95 for a 5 % 割引).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discount {
    /// サービス種類コード.
    pub kind: ServiceKind,
    /// 割引後率 (%), 1–99.
    pub percent_after: u8,
}

/// A 単位数単価 given for a サービス種類 of an 事業所: the 総合事業's, which
/// the 市町村 sets, or any kind the built-in table does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindPrice {
    /// サービス種類コード.
    pub kind: ServiceKind,
    /// The price.
    pub price: UnitPrice,
}

/// One 事業所's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeTerms {
    /// 事業所番号.
    pub office_number: OfficeNumber,
    /// 地域区分 of the 事業所's address.
    pub area_grade: AreaGrade,
    /// 割引, by サービス種類.
    pub discounts: Vec<Discount>,
    /// 単位数単価 given, by サービス種類 (before the built-in table).
    pub prices: Vec<KindPrice>,
}

/// A 種類支給限度基準額 the 市町村 has set for a サービス種類.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindLimit {
    /// サービス種類コード.
    pub kind: ServiceKind,
    /// Units a month.
    pub units: Units,
}

/// The care manager's choice for one group: its 区分支給限度基準を超える単位数.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excess {
    /// The group's 事業所番号.
    pub office_number: OfficeNumber,
    /// The group's サービス種類コード.
    pub kind: ServiceKind,
    /// Its units over the limit.
    pub units: Units,
}

/// Everything 第7表 takes beside 第6表 and the master.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terms {
    /// 予定 (the plan, the default) or 実績.
    pub basis: Basis,
    /// 負担割合 in tenths: 1, 2 or 3 (給付率 90, 80, 70 %).
    pub burden_tenths: u8,
    /// Each 事業所 of the sheet.
    pub offices: Vec<OfficeTerms>,
    /// 種類支給限度基準額, where the 市町村 sets any.
    pub kind_limits: Vec<KindLimit>,
    /// The care manager's allocation of the excess, group by group (a group
    /// not named carries none); `None` for the documented default.
    pub allocation: Option<Vec<Excess>>,
}

impl Terms {
    /// Terms for 予定 at a 負担割合, the 事業所 each in `grades`, with no
    /// 割引, 種類 limit or chosen allocation.
    pub fn new(burden_tenths: u8, grades: &[(OfficeNumber, AreaGrade)]) -> Terms {
        Terms {
            basis: Basis::Planned,
            burden_tenths,
            offices: grades
                .iter()
                .map(|(o, g)| OfficeTerms {
                    office_number: o.clone(),
                    area_grade: *g,
                    discounts: Vec::new(),
                    prices: Vec::new(),
                })
                .collect(),
            kind_limits: Vec::new(),
            allocation: None,
        }
    }

    /// The terms of an 事業所.
    pub fn office(&self, office: &OfficeNumber) -> Option<&OfficeTerms> {
        self.offices.iter().find(|o| o.office_number == *office)
    }

    /// Reads the JSON form (the module's docs); every problem is reported
    /// with its path.
    pub fn from_json(json: &str) -> Result<Terms, Vec<Table7Error>> {
        let de = &mut serde_json::Deserializer::from_str(json);
        let wire: TermsDoc = serde_path_to_error::deserialize(de).map_err(|e| {
            vec![Table7Error::new(
                FieldPath::from_text(e.path().to_string()),
                Table7Problem::TermsShape,
                e.inner().to_string(),
            )]
        })?;
        wire.build()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TermsDoc {
    #[serde(default)]
    basis: Option<String>,
    burden_tenths: i64,
    offices: Vec<OfficeDoc>,
    #[serde(default)]
    kind_limits: Vec<KindLimitDoc>,
    #[serde(default)]
    allocation: Option<Vec<ExcessDoc>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OfficeDoc {
    office_number: String,
    area_grade: String,
    #[serde(default)]
    discounts: Vec<DiscountDoc>,
    #[serde(default)]
    prices: Vec<PriceDoc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DiscountDoc {
    kind: String,
    percent_after: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PriceDoc {
    kind: String,
    sen: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KindLimitDoc {
    kind: String,
    units: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExcessDoc {
    office_number: String,
    kind: String,
    units: i64,
}

struct Collect(Vec<Table7Error>);

impl Collect {
    fn bad(&mut self, path: &FieldPath, problem: Table7Problem, value: impl ToString) {
        self.0
            .push(Table7Error::new(path.clone(), problem, value.to_string()));
    }

    fn office(&mut self, path: &FieldPath, s: &str) -> Option<OfficeNumber> {
        OfficeNumber::new(s)
            .map_err(|_| self.bad(path, Table7Problem::TermsValue, s))
            .ok()
    }

    fn kind(&mut self, path: &FieldPath, s: &str) -> Option<ServiceKind> {
        ServiceKind::new(s)
            .map_err(|_| self.bad(path, Table7Problem::TermsValue, s))
            .ok()
    }

    fn int<T: TryFrom<i64>>(
        &mut self,
        path: &FieldPath,
        v: i64,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<T> {
        if !range.contains(&v) {
            self.bad(path, Table7Problem::TermsValue, v);
            return None;
        }
        T::try_from(v).ok()
    }
}

impl TermsDoc {
    fn build(self) -> Result<Terms, Vec<Table7Error>> {
        let mut c = Collect(Vec::new());
        let root = FieldPath::root();
        let basis = match self.basis.as_deref() {
            None => Some(Basis::Planned),
            Some(s) => Basis::from_code(s).or_else(|| {
                c.bad(&root.key("basis"), Table7Problem::TermsValue, s);
                None
            }),
        };
        let burden_tenths = c.int::<u8>(&root.key("burden_tenths"), self.burden_tenths, 1..=3);
        let mut offices = Vec::new();
        let at = root.key("offices");
        for (i, o) in self.offices.iter().enumerate() {
            let p = at.index(i);
            let number = c.office(&p.key("office_number"), &o.office_number);
            if let Some(n) = &number
                && offices.iter().any(|x: &OfficeTerms| x.office_number == *n)
            {
                c.bad(
                    &p.key("office_number"),
                    Table7Problem::TermsTwice,
                    n.as_str(),
                );
            }
            let grade = AreaGrade::from_code(&o.area_grade).or_else(|| {
                c.bad(
                    &p.key("area_grade"),
                    Table7Problem::TermsValue,
                    &o.area_grade,
                );
                None
            });
            let mut discounts = Vec::new();
            for (j, d) in o.discounts.iter().enumerate() {
                let q = p.key("discounts").index(j);
                let kind = c.kind(&q.key("kind"), &d.kind);
                let pct = c.int::<u8>(&q.key("percent_after"), d.percent_after, 1..=99);
                if let (Some(kind), Some(percent_after)) = (kind, pct) {
                    discounts.push(Discount {
                        kind,
                        percent_after,
                    });
                }
            }
            let mut prices = Vec::new();
            for (j, d) in o.prices.iter().enumerate() {
                let q = p.key("prices").index(j);
                let kind = c.kind(&q.key("kind"), &d.kind);
                let sen = c.int::<u32>(&q.key("sen"), d.sen, 1..=100_000);
                if let (Some(kind), Some(sen)) = (kind, sen) {
                    prices.push(KindPrice {
                        kind,
                        price: UnitPrice::from_sen(sen),
                    });
                }
            }
            if let (Some(office_number), Some(area_grade)) = (number, grade) {
                offices.push(OfficeTerms {
                    office_number,
                    area_grade,
                    discounts,
                    prices,
                });
            }
        }
        let mut kind_limits = Vec::new();
        for (i, k) in self.kind_limits.iter().enumerate() {
            let p = root.key("kind_limits").index(i);
            let kind = c.kind(&p.key("kind"), &k.kind);
            let units = c.int::<i64>(&p.key("units"), k.units, 0..=9_999_999);
            if let (Some(kind), Some(units)) = (kind, units) {
                kind_limits.push(KindLimit {
                    kind,
                    units: Units::new(units),
                });
            }
        }
        let allocation = self.allocation.map(|list| {
            let mut out = Vec::new();
            for (i, e) in list.iter().enumerate() {
                let p = root.key("allocation").index(i);
                let office = c.office(&p.key("office_number"), &e.office_number);
                let kind = c.kind(&p.key("kind"), &e.kind);
                let units = c.int::<i64>(&p.key("units"), e.units, 0..=9_999_999);
                if let (Some(office_number), Some(kind), Some(units)) = (office, kind, units) {
                    out.push(Excess {
                        office_number,
                        kind,
                        units: Units::new(units),
                    });
                }
            }
            out
        });
        match (basis, burden_tenths) {
            (Some(basis), Some(burden_tenths)) if c.0.is_empty() => Ok(Terms {
                basis,
                burden_tenths,
                offices,
                kind_limits,
                allocation,
            }),
            _ => Err(c.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_of_the_terms_is_named_by_path() {
        let errs = Terms::from_json(
            r#"{"basis": "later", "burden_tenths": 4,
                "offices": [{"office_number": "123", "area_grade": "grade_9",
                             "discounts": [{"kind": "15", "percent_after": 100}]}],
                "allocation": [{"office_number": "1312345678", "kind": "x", "units": -1}]}"#,
        )
        .unwrap_err();
        let paths: Vec<&str> = errs.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "basis",
                "burden_tenths",
                "offices[0].office_number",
                "offices[0].area_grade",
                "offices[0].discounts[0].percent_after",
                "allocation[0].kind",
                "allocation[0].units",
            ]
        );
        let shape =
            Terms::from_json(r#"{"burden_tenths": 1, "offices": [], "extra": 1}"#).unwrap_err();
        assert_eq!(shape[0].problem, Table7Problem::TermsShape);
    }

    #[test]
    fn the_smallest_terms_read() {
        let t = Terms::from_json(
            r#"{"burden_tenths": 2, "offices": [{"office_number": "1312345678", "area_grade": "grade_1"}]}"#,
        )
        .unwrap();
        assert_eq!(t.basis, Basis::Planned);
        assert_eq!(t.burden_tenths, 2);
        assert_eq!(t.offices[0].area_grade, AreaGrade::Grade1);
        assert_eq!(t.allocation, None);
        let twice = Terms::from_json(
            r#"{"burden_tenths": 1, "offices": [
                {"office_number": "1312345678", "area_grade": "grade_1"},
                {"office_number": "1312345678", "area_grade": "grade_2"}]}"#,
        )
        .unwrap_err();
        assert_eq!(twice[0].path.as_str(), "offices[1].office_number");
        assert_eq!(twice[0].problem, Table7Problem::TermsTwice);
    }
}
