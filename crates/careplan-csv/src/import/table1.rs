//! 第1表 from UP1KYO, and its user from UPHOSOKU.

use careplan_core::forms::kyotaku::fields::document;
use careplan_core::forms::kyotaku::{MAX_SUPPLEMENTARY_DAYS, MAX_SUPPLEMENTARY_UNITS};
use careplan_core::{
    CareLevel, CertificationStatus, DateRange, FieldPath, HouseworkReason, HouseworkReasonCode,
    Kana, KindLimit, Level, Office, OfficeNumber, PhoneNumber, PlanKind, PlanKinds, PostalCode,
    ServiceKind, Sex, Speaker, Supplementary, Table1, Text, User, Wish,
};

use super::Origins;
use super::values::{
    Row, checked, code, opt, opt_code, opt_count, opt_text, opt_ymd, text, text_of, ymd,
};
use crate::export::{ANALYSIS_MARK, USER_MARK, marked_field};
use crate::records::{Hosoku, PLAN_KIND_CODES, Up1kyo};
use crate::{ImportError, ImportErrorCode, PlanKey};

/// Splits 第1表's wishes-and-analysis text (UP1KYO No.22) back into
/// people's wishes and the analysis, where the text follows careplan's
/// convention exactly (see `export::wishes_field`): at least one person's
/// wishes, every line inside a part opened by a marker, every part's text
/// not blank, and the text written again from its parts the same text.
/// Any other text — a plain analysis as other products write it, a text
/// with a marker of its own, or one that only looks like the convention —
/// is the analysis as it came, markers and all, so that it goes out again
/// unchanged.
pub(crate) fn split_wishes(text: &str) -> WishesAndAnalysis {
    marked_parts(text).unwrap_or_else(|| (Vec::new(), Some(text.to_owned())))
}

/// People's wishes (speaker, text) and the analysis, as UP1KYO No.22 holds them.
pub(crate) type WishesAndAnalysis = (Vec<(Speaker, String)>, Option<String>);

/// The parts of a text in careplan's convention, or `None`.
fn marked_parts(text: &str) -> Option<WishesAndAnalysis> {
    let mut parts: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in text.split('\n') {
        match line.strip_prefix('【').and_then(|r| r.split_once('】')) {
            Some((who, rest)) => parts.push((who, vec![rest])),
            None => parts.last_mut()?.1.push(line),
        }
    }
    let mut wishes = Vec::new();
    let mut analysis = None;
    for (who, lines) in parts {
        let body = lines.join("\n");
        if analysis.is_some() || body.chars().all(char::is_whitespace) {
            return None;
        }
        if who == ANALYSIS_MARK {
            analysis = Some(body);
        } else if who == USER_MARK {
            wishes.push((Speaker::User, body));
        } else {
            let relation = Text::new(who).ok()?;
            wishes.push((Speaker::Family { relation }, body));
        }
    }
    if wishes.is_empty() {
        return None;
    }
    let written: Vec<(&Speaker, &str)> = wishes.iter().map(|(s, b)| (s, b.as_str())).collect();
    (marked_field(&written, analysis.as_deref()) == text).then_some((wishes, analysis))
}

/// A field two records carry (UP1KYO and UPHOSOKU), read by `read`: the
/// first record's, or the second's where the first is blank (export
/// writes the one value into both).
fn either<T>(
    (first, a): (&Row, u16),
    (second, b): (&Row, u16),
    read: impl Fn(&Row, u16) -> Result<Option<T>, ImportError>,
) -> Result<Option<T>, ImportError> {
    if first.written(a) {
        read(first, a)
    } else {
        read(second, b)
    }
}

/// 要介護状態区分: 21–25, or blank; the 介護予防 levels are refused.
fn care_level(row: &Row, no: u16) -> Result<Option<CareLevel>, ImportError> {
    let s = row.get(no).trim();
    if s.is_empty() {
        return Ok(None);
    }
    if Level::from_csv_code(s).is_some_and(Level::is_preventive) {
        return Err(row.err(
            no,
            ImportErrorCode::Code,
            format!("要支援・事業対象者（{s}）は介護予防サービス・支援計画書の対象です"),
            "preventive care level",
        ));
    }
    let codes: Vec<&str> = CareLevel::ALL.iter().filter_map(|l| l.csv_code()).collect();
    code(row, no, &codes, CareLevel::from_csv_code).map(Some)
}

/// 第1表, its user from UPHOSOKU and the rest from UP1KYO; every error in
/// the order of the fields.
pub(super) fn build<'a>(
    key: &PlanKey,
    rh: &'a Row,
    r1: &'a Row,
    origins: &mut Origins<'a>,
    errors: &mut Vec<ImportError>,
) -> Option<Table1> {
    let p1 = document::TABLE1.of(&FieldPath::root());
    origins.add(p1, r1);
    origins.add(FieldPath::root(), rh);
    macro_rules! take {
        ($e:expr) => {
            match $e {
                Ok(v) => Some(v),
                Err(e) => {
                    errors.push(e);
                    None
                }
            }
        };
    }
    // 利用者 from UPHOSOKU, the rest of 第1表 from UP1KYO.
    let name = take!(text(rh, Hosoku::NAME));
    let name_kana = take!(opt(rh, Hosoku::NAME_KANA, Kana::new));
    let sex = take!(opt_code(
        rh,
        Hosoku::SEX,
        Sex::CSV_CODES,
        Sex::from_csv_code
    ));
    let birth = take!(ymd(rh, Hosoku::BIRTH_DATE));
    // The user's address: UP1KYO's, or UPHOSOKU's where UP1KYO left it
    // blank (export writes it into both).
    let address = take!(either(
        (r1, Up1kyo::USER_ADDRESS1),
        (rh, Hosoku::ADDRESS1),
        opt_text
    ));
    let address2 = take!(either(
        (r1, Up1kyo::USER_ADDRESS2),
        (rh, Hosoku::ADDRESS2),
        opt_text
    ));
    let phone = take!(opt(rh, Hosoku::PHONE, PhoneNumber::new));
    let created_on = take!(ymd(r1, Up1kyo::CREATED_ON));
    let postal = take!(opt(r1, Up1kyo::USER_POSTAL_CODE, PostalCode::new));
    let planner = take!(text(r1, Up1kyo::PLANNER));
    let office_name = take!(text(r1, Up1kyo::OFFICE_NAME));
    let office_postal = take!(opt(r1, Up1kyo::OFFICE_POSTAL_CODE, PostalCode::new));
    let office_address = take!(opt_text(r1, Up1kyo::OFFICE_ADDRESS1));
    let office_address2 = take!(opt_text(r1, Up1kyo::OFFICE_ADDRESS2));
    // 更新業者コード: one value for the plan (export writes it into UP2KYO too).
    let updater_code = take!(either(
        (r1, Up1kyo::VENDOR_CODE),
        (rh, Hosoku::VENDOR_CODE),
        |r, n| opt(r, n, OfficeNumber::new)
    ));
    let consent_receiver_code = take!(opt(rh, Hosoku::CONSENT_VENDOR, OfficeNumber::new));
    let supplementary = self::supplementary(rh, errors);
    let office_number = take!(checked(r1, Up1kyo::OFFICE_NUMBER, OfficeNumber::new));
    let plan_date = take!(ymd(r1, Up1kyo::PLAN_DATE));
    let first_plan_date = take!(ymd(r1, Up1kyo::FIRST_PLAN_DATE));
    let kind_codes: Vec<&str> = PLAN_KIND_CODES.iter().map(|(c, _)| *c).collect();
    let kinds = take!(code(r1, Up1kyo::PLAN_KIND, &kind_codes, |s| {
        PLAN_KIND_CODES
            .iter()
            .find(|(c, _)| *c == s)
            .map(|(_, f)| *f)
    }));
    let cert_status = take!(code(
        r1,
        Up1kyo::CERTIFICATION_STATUS,
        CertificationStatus::CSV_CODES,
        CertificationStatus::from_csv_code
    ));
    let cert_date = take!(ymd(r1, Up1kyo::CERTIFICATION_DATE));
    let cert_period = match (
        take!(opt_ymd(r1, Up1kyo::CERTIFICATION_START)),
        take!(opt_ymd(r1, Up1kyo::CERTIFICATION_END)),
    ) {
        (Some(Some(s)), Some(Some(e))) => take!(DateRange::new(s, e).map(Some).map_err(|_| {
            r1.err(
                Up1kyo::CERTIFICATION_END,
                ImportErrorCode::Date,
                "終了日が開始日より前です",
                "end before start",
            )
        })),
        (Some(None), Some(None)) => Some(None),
        (Some(_), Some(_)) => {
            errors.push(r1.err(
                Up1kyo::CERTIFICATION_END,
                ImportErrorCode::Date,
                "認定有効期間の開始日と終了日の片方だけがあります",
                "only one end of the certification period",
            ));
            None
        }
        _ => None,
    };
    let level = take!(care_level(r1, Up1kyo::CARE_LEVEL));
    let (wishes_raw, analysis_raw) = split_wishes(r1.get(Up1kyo::WISHES_AND_ANALYSIS));
    let mut wishes = Vec::new();
    for (speaker, body) in wishes_raw {
        if let Some(t) = take!(text_of(r1, Up1kyo::WISHES_AND_ANALYSIS, body)) {
            wishes.push(Wish { speaker, text: t });
        }
    }
    let analysis = match analysis_raw {
        Some(a) if !a.chars().all(char::is_whitespace) => {
            take!(text_of(r1, Up1kyo::WISHES_AND_ANALYSIS, a).map(Some))
        }
        _ => Some(None),
    };
    let committee = take!(opt_text(r1, Up1kyo::COMMITTEE_OPINION));
    let policy = take!(opt_text(r1, Up1kyo::SUPPORT_POLICY));
    let reason_codes = HouseworkReasonCode::CSV_CODES;
    let reason = match take!(opt_code(
        r1,
        Up1kyo::HOUSEWORK_REASON,
        reason_codes,
        HouseworkReasonCode::from_csv_code
    )) {
        Some(code)
            if code != Some(HouseworkReasonCode::Other) && r1.written(Up1kyo::OTHER_REASON) =>
        {
            errors.push(r1.err(
                Up1kyo::OTHER_REASON,
                ImportErrorCode::StrayValue,
                format!(
                    "その他理由がありますが、生活援助中心型の算定理由が「その他」（3）ではありません: {:?}",
                    r1.get(Up1kyo::OTHER_REASON)
                ),
                "その他理由 is given but 生活援助中心型の算定理由 is not その他 (3)",
            ));
            None
        }
        Some(None) => Some(None),
        Some(Some(HouseworkReasonCode::LivingAlone)) => Some(Some(HouseworkReason::LivingAlone)),
        Some(Some(HouseworkReasonCode::FamilyIllness)) => {
            Some(Some(HouseworkReason::FamilyIllness))
        }
        Some(Some(HouseworkReasonCode::Other)) => {
            take!(text(r1, Up1kyo::OTHER_REASON).map(|t| Some(HouseworkReason::Other(t))))
        }
        None => None,
    };

    let [i, r, c] = kinds?;
    Some(Table1 {
        created_on: created_on?,
        plan_kinds: PlanKinds::new(
            [
                (i, PlanKind::Initial),
                (r, PlanKind::Referral),
                (c, PlanKind::Continuation),
            ]
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, k)| k),
        )?,
        certification_status: cert_status?,
        user: User {
            name: name?,
            name_kana: name_kana?,
            sex: sex?,
            birth_date: birth?,
            postal_code: postal?,
            address: address?,
            address2: address2?,
            phone: phone?,
            insurer_number: key.insurer.clone(),
            insured_number: key.insured.clone(),
        },
        planner_name: planner?,
        office: Office {
            name: office_name?,
            postal_code: office_postal?,
            address: office_address?,
            address2: office_address2?,
            office_number: office_number?,
        },
        plan_date: plan_date?,
        first_plan_date: first_plan_date?,
        certification_date: cert_date?,
        certification_period: cert_period?,
        care_level: level?,
        wishes,
        analysis: analysis?,
        committee_opinion: committee?,
        support_policy: policy?,
        housework_reason: reason?,
        consent: None,
        updater_code: updater_code?,
        consent_receiver_code: consent_receiver_code?,
        supplementary: {
            let x = supplementary?;
            // A 限度額適用期間 equal to 認定の有効期間 is written from it.
            let x = if x.limit_period.is_some() && x.limit_period == cert_period.flatten() {
                Supplementary {
                    limit_period: None,
                    ..x
                }
            } else {
                x
            };
            (x != Supplementary::default()).then_some(x)
        },
    })
}

/// A value that read, or `None` with its error kept.
fn keep<T>(r: Result<Option<T>, ImportError>, errs: &mut Vec<ImportError>) -> Option<T> {
    r.unwrap_or_else(|e| {
        errs.push(e);
        None
    })
}

/// The 区分支給限度 figures of UPHOSOKU No.14–59, or `None` when a field
/// did not read (its errors pushed).
fn supplementary(rh: &Row, errors: &mut Vec<ImportError>) -> Option<Supplementary> {
    let mut errs = Vec::new();
    let units = MAX_SUPPLEMENTARY_UNITS;
    let days = MAX_SUPPLEMENTARY_DAYS;
    let limit_units = keep(opt_count(rh, Hosoku::LIMIT_UNITS, units), &mut errs);
    let total_over_units = keep(opt_count(rh, Hosoku::TOTAL_OVER, units), &mut errs);
    let days_before_admission = keep(
        opt_count(rh, Hosoku::DAYS_BEFORE_ADMISSION, days),
        &mut errs,
    );
    let days_admitted = keep(opt_count(rh, Hosoku::DAYS_ADMITTED, days), &mut errs);
    let mut kind_limits = Vec::new();
    for slot in 0..9u16 {
        let no = Hosoku::KIND1_CODE + 4 * slot;
        let limit = keep(opt_count(rh, no + 1, units), &mut errs);
        let total = keep(opt_count(rh, no + 2, units), &mut errs);
        let over = keep(opt_count(rh, no + 3, units), &mut errs);
        if !rh.written(no) {
            if rh.written(no + 1) || rh.written(no + 2) || rh.written(no + 3) {
                errs.push(rh.err(
                    no,
                    ImportErrorCode::Value,
                    "サービス種類コードのない支給限度です",
                    "a service-kind limit without its サービス種類コード",
                ));
            }
            continue;
        }
        match ServiceKind::new(rh.get(no).trim()) {
            Ok(kind) => kind_limits.push(KindLimit {
                kind,
                limit_units: limit,
                total_units: total,
                over_units: over,
            }),
            Err(r) => errs.push(rh.rule_err(no, r)),
        }
    }
    let start = keep(opt_ymd(rh, Hosoku::LIMIT_START), &mut errs);
    let end = keep(opt_ymd(rh, Hosoku::LIMIT_END), &mut errs);
    let care_level_changed_on = keep(opt_ymd(rh, Hosoku::CARE_LEVEL_CHANGED_ON), &mut errs);
    let limit_period = match (start, end) {
        (Some(s), Some(e)) => DateRange::new(s, e)
            .map_err(|_| {
                errs.push(rh.err(
                    Hosoku::LIMIT_END,
                    ImportErrorCode::Date,
                    "限度額適用終了年月日が開始年月日より前です",
                    "限度額適用終了年月日 is before its start",
                ))
            })
            .ok(),
        _ if rh.written(Hosoku::LIMIT_START) != rh.written(Hosoku::LIMIT_END) => {
            errs.push(rh.err(
                if rh.written(Hosoku::LIMIT_START) {
                    Hosoku::LIMIT_END
                } else {
                    Hosoku::LIMIT_START
                },
                ImportErrorCode::Date,
                "限度額適用開始・終了年月日は両方書きます",
                "限度額適用開始・終了年月日 go together",
            ));
            None
        }
        _ => None,
    };
    let previous_level = keep(
        opt_code(
            rh,
            Hosoku::PREVIOUS_CARE_LEVEL,
            Level::CSV_CODES,
            Level::from_csv_code,
        ),
        &mut errs,
    );
    let ok = errs.is_empty();
    errors.extend(errs);
    ok.then_some(Supplementary {
        limit_period,
        care_level_changed_on,
        limit_units,
        kind_limits,
        total_over_units,
        days_before_admission,
        days_admitted,
        previous_level,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family(relation: &str) -> Speaker {
        Speaker::Family {
            relation: Text::new(relation).unwrap(),
        }
    }

    #[test]
    fn the_convention_reads_back_into_its_parts() {
        let (wishes, analysis) = split_wishes(
            "【本人】家に居たい。\n二行目。\n【長女】見守る。\n【課題分析の結果】転倒の危険。",
        );
        assert_eq!(
            wishes,
            vec![
                (Speaker::User, "家に居たい。\n二行目。".to_owned()),
                (family("長女"), "見守る。".to_owned()),
            ]
        );
        assert_eq!(analysis.as_deref(), Some("転倒の危険。"));
        let (wishes, analysis) = split_wishes("【本人】家に居たい。");
        assert_eq!(wishes.len(), 1);
        assert_eq!(analysis, None);
    }

    /// Texts that do not follow the convention exactly are the analysis as
    /// they came: nothing added, nothing removed, nothing dropped.
    #[test]
    fn other_texts_are_the_analysis_unchanged() {
        for text in [
            "転倒の危険がある。",
            "【課題分析の結果】転倒の危険。",
            "【課題分析の結果】転倒の危険。\n【本人】家に居たい。",
            "【本人】\n【課題分析の結果】転倒の危険。",
            "【注意\n転倒の危険。",
            "【】転倒の危険。",
            "【本人】家に居たい。\n【課題分析の結果】一。\n【課題分析の結果】二。",
            " 【本人】家に居たい。",
        ] {
            let (wishes, analysis) = split_wishes(text);
            assert!(wishes.is_empty(), "{text}");
            assert_eq!(analysis.as_deref(), Some(text));
        }
    }
}
