//! 第1表's document types.

use super::{DateRangeDoc, date, s};
use crate::forms::kyotaku::{HouseworkReason, Speaker, Table1, Who};

crate::document_type! {
    /// 第1表 居宅サービス計画書（１）.
    pub struct Table1Doc {
        created_on: String,
        plan_kinds: Vec<String>,
        certification_status: String,
        user: UserDoc,
        planner_name: String,
        office: OfficeDoc,
        plan_date: String,
        first_plan_date: String,
        certification_date: String,
        certification_period: DateRangeDoc,
        care_level: String,
        wishes: Vec<WishDoc>,
        analysis: String,
        committee_opinion: String,
        support_policy: String,
        housework_reason: HouseworkReasonDoc,
        consent: ConsentDoc,
        updater_code: String,
        consent_receiver_code: String,
        supplementary: SupplementaryDoc,
    }
}

crate::document_type! {
    /// 利用者補足情報's 区分支給限度 figures.
    pub struct SupplementaryDoc {
        limit_period: DateRangeDoc,
        care_level_changed_on: String,
        limit_units: i64,
        kind_limits: Vec<KindLimitDoc>,
        total_over_units: i64,
        days_before_admission: i64,
        days_admitted: i64,
        previous_level: String,
    }
}

crate::document_type! {
    /// One サービス種類別支給限度.
    pub struct KindLimitDoc {
        kind: String,
        limit_units: i64,
        total_units: i64,
        over_units: i64,
    }
}

crate::document_type! {
    /// 利用者.
    pub struct UserDoc {
        name: String,
        name_kana: String,
        sex: String,
        birth_date: String,
        postal_code: String,
        address: String,
        address2: String,
        phone: String,
        insurer_number: String,
        insured_number: String,
    }
}

crate::document_type! {
    /// 居宅介護支援事業者・事業所.
    pub struct OfficeDoc {
        name: String,
        postal_code: String,
        address: String,
        address2: String,
        office_number: String,
    }
}

crate::document_type! {
    /// One person's wishes: `who` is `user` (本人) or `family` (with `relation`).
    pub struct WishDoc {
        who: String,
        relation: String,
        text: String,
    }
}

crate::document_type! {
    /// 生活援助中心型の算定理由: `code` is `living_alone`, `family_illness` or
    /// `other` (with `text`).
    pub struct HouseworkReasonDoc {
        code: String,
        text: String,
    }
}

crate::document_type! {
    /// 説明・同意.
    pub struct ConsentDoc {
        date: String,
        signer: String,
        proxy_relation: String,
    }
}

/// The document form of a checked 第1表.
pub(super) fn doc(t1: &Table1) -> Table1Doc {
    Table1Doc {
        created_on: date(t1.created_on),
        plan_kinds: Some(t1.plan_kinds.iter().map(|k| k.code().to_owned()).collect()),
        certification_status: s(&t1.certification_status.code()),
        user: Some(UserDoc {
            name: s(&t1.user.name),
            name_kana: t1.user.name_kana.as_ref().and_then(s),
            sex: t1.user.sex.map(|x| x.code().to_owned()),
            birth_date: date(t1.user.birth_date),
            postal_code: t1.user.postal_code.as_ref().and_then(s),
            address: t1.user.address.as_ref().and_then(s),
            address2: t1.user.address2.as_ref().and_then(s),
            phone: t1.user.phone.as_ref().and_then(s),
            insurer_number: s(&t1.user.insurer_number),
            insured_number: s(&t1.user.insured_number),
        }),
        planner_name: s(&t1.planner_name),
        office: Some(OfficeDoc {
            name: s(&t1.office.name),
            postal_code: t1.office.postal_code.as_ref().and_then(s),
            address: t1.office.address.as_ref().and_then(s),
            address2: t1.office.address2.as_ref().and_then(s),
            office_number: s(&t1.office.office_number),
        }),
        plan_date: date(t1.plan_date),
        first_plan_date: date(t1.first_plan_date),
        certification_date: date(t1.certification_date),
        certification_period: t1.certification_period.map(|r| DateRangeDoc {
            start: date(r.start()),
            end: date(r.end()),
        }),
        care_level: t1.care_level.map(|l| l.code().to_owned()),
        wishes: Some(
            t1.wishes
                .iter()
                .map(|w| match &w.speaker {
                    Speaker::User => WishDoc {
                        who: s(&Who::User.code()),
                        relation: None,
                        text: s(&w.text),
                    },
                    Speaker::Family { relation } => WishDoc {
                        who: s(&Who::Family.code()),
                        relation: s(relation),
                        text: s(&w.text),
                    },
                })
                .collect(),
        ),
        analysis: t1.analysis.as_ref().and_then(s),
        committee_opinion: t1.committee_opinion.as_ref().and_then(s),
        support_policy: t1.support_policy.as_ref().and_then(s),
        housework_reason: t1.housework_reason.as_ref().map(|r| HouseworkReasonDoc {
            code: s(&r.code().code()),
            text: match r {
                HouseworkReason::Other(t) => s(t),
                HouseworkReason::LivingAlone | HouseworkReason::FamilyIllness => None,
            },
        }),
        consent: t1.consent.as_ref().map(|c| ConsentDoc {
            date: date(c.date),
            signer: s(&c.signer),
            proxy_relation: c.proxy_relation.as_ref().and_then(s),
        }),
        updater_code: t1.updater_code.as_ref().and_then(s),
        consent_receiver_code: t1.consent_receiver_code.as_ref().and_then(s),
        supplementary: t1.supplementary.as_ref().map(|x| SupplementaryDoc {
            limit_period: x.limit_period.map(|r| DateRangeDoc {
                start: date(r.start()),
                end: date(r.end()),
            }),
            care_level_changed_on: x.care_level_changed_on.and_then(date),
            limit_units: x.limit_units.map(i64::from),
            kind_limits: (!x.kind_limits.is_empty()).then(|| {
                x.kind_limits
                    .iter()
                    .map(|k| KindLimitDoc {
                        kind: s(&k.kind),
                        limit_units: k.limit_units.map(i64::from),
                        total_units: k.total_units.map(i64::from),
                        over_units: k.over_units.map(i64::from),
                    })
                    .collect()
            }),
            total_over_units: x.total_over_units.map(i64::from),
            days_before_admission: x.days_before_admission.map(i64::from),
            days_admitted: x.days_admitted.map(i64::from),
            previous_level: x.previous_level.map(|l| l.code().to_owned()),
        }),
    }
}
