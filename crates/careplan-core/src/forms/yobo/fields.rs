//! The field tables of the 介護予防サービス・支援計画書: what the form says of
//! each field of its JSON document, and where UPYOBO and UPYOBO_SUB carry it.
//! Labels that rest on a reading of fewer than two sources are listed in
//! `docs/readings.md`.

use crate::codes::CertificationStatus;
use crate::fields::{Format, Tables, csv, field_table};
use crate::forms::kyotaku::{PlanKind, PlanStatus};

use super::{PlanType, SupportLevel};

/// The form key's one value for this form.
pub const FORM_CODE: &str = "yobo_plan";

/// The document: `YoboPlanDocument`.
pub mod document {
    use super::*;

    field_table! {
        /// `YoboPlanDocument`.
        OBJECT = "YoboPlanDocument", "介護予防サービス・支援計画書";
        FORM: "form", "様式", R, Format::Code(&[FORM_CODE]), "Which form the document is: `yobo_plan`." => unlabelled();
        SCHEMA: "$schema", "スキーマ", O, Format::Any, "A schema reference for editors; ignored." => unlabelled();
        STATUS: "status", "原案・確定の別", R, Format::Code(PlanStatus::CODES), "`draft` (原案, printed 「原案」) or `final`. A draft carries no consent.";
        RECORD_NUMBER: "record_number", "No.（整理番号）", O, Format::Text, "整理番号: the writer's own number for the user." => csv(&[csv("UPYOBO", 7)]);
        PLAN_TYPE: "plan_type", "計画種類", R, Format::Code(PlanType::CODES), "`prevention_support` (介護予防支援, 予防給付) or `care_management` (介護予防ケアマネジメント, 総合事業). A 事業対象者 gets the latter." => csv(&[csv("UPYOBO", 5)]);
        ENTRUSTED: "entrusted", "委託の有無", R, Format::Bool, "Whether the 地域包括支援センター entrusted the plan to a 居宅介護支援事業所 (委託); the office is then named in `planner_office`." => csv(&[csv("UPYOBO", 6)]);
        PLAN_KINDS: "plan_kinds", "初回・紹介・継続", R, Format::CodeSet(PlanKind::CODES), "The circled kinds, one or more." => csv(&[csv("UPYOBO", 12)]);
        CERTIFICATION_STATUS: "certification_status", "認定済・申請中", O, Format::Code(CertificationStatus::CODES), "`certified` or `applying`; required for 要支援, optional for a 事業対象者 (who has no 認定, but may have applied)." => csv(&[csv("UPYOBO", 13)]);
        LEVEL: "level", "要支援１・要支援２・事業対象者", R, Format::Code(SupportLevel::CODES), "`support_1`, `support_2` or `business_target`; 要介護 levels take the 居宅サービス計画書." => at("要支援区分"), csv(&[csv("UPYOBO", 14)]);
        CERTIFICATION_DATE: "certification_date", "認定年月日", O, Format::Date, "Required when certified; none for a 事業対象者." => csv(&[csv("UPYOBO", 9)]);
        CERTIFICATION_PERIOD: "certification_period", "認定の有効期間", O, Format::Structure, "Both ends; required when certified, none for a 事業対象者." => holds("DateRangeDoc"), csv(&[csv("UPYOBO", 10), csv("UPYOBO", 11)]);
        USER: "user", "利用者", R, Format::Structure, "The user." => holds("YoboUserDoc");
        PLANNER: "planner", "計画作成者氏名", R, Format::Structure, "The 地域包括支援センター担当者, the 担当介護支援専門員, or both; at least one." => holds("YoboPlannerDoc");
        PLANNER_OFFICE: "planner_office", "委託の場合：計画作成者事業者・事業所名及び所在地（連絡先）", O, Format::Structure, "The office that writes the plan; required when entrusted, printed only then." => at("計画作成者事業者・事業所"), holds("YoboPlannerOfficeDoc");
        CENTER: "center", "担当地域包括支援センター", O, Format::Structure, "The 地域包括支援センター: its name, 意見 and 確認." => holds("YoboCenterDoc");
        PLAN_DATE: "plan_date", "計画作成（変更）日", R, Format::Date, "The date the plan was made or changed: the plan's key in the CSV standard." => csv(&[csv("UPYOBO", 4)]);
        FIRST_PLAN_DATE: "first_plan_date", "初回作成日", O, Format::Date, "The first plan's date, not after `plan_date`." => csv(&[csv("UPYOBO", 20)]);
        LIFE_GOALS: "life_goals", "目標とする生活", O, Format::Structure, "The life the user aims at, in a day and in a year." => holds("YoboLifeGoalsDoc");
        ASSESSMENT: "assessment", "アセスメント領域", O, Format::Structure, "The four アセスメント領域." => holds("YoboAssessmentDoc");
        ISSUES: "issues", "総合的課題", R, Format::Structure, "At least one 総合的課題, each with its 目標 and 支援計画." => holds("YoboIssueDoc"), csv(&[csv("UPYOBO_SUB", 5), csv("UPYOBO_SUB", 6)]);
        HEALTH_NOTES: "health_notes", "健康状態について（主治医意見書、健診結果、観察結果等を踏まえた留意点）", O, Format::Text, "What the 主治医意見書, check-ups and observation say to heed." => at("健康状態について"), csv(&[csv("UPYOBO", 40)]);
        FALLBACK_POLICY: "fallback_policy", "【本来行うべき支援ができない場合】妥当な支援の実施に向けた方針", O, Format::Text, "When the support the plan should give cannot be given: the policy towards it." => at("【本来行うべき支援ができない場合】"), csv(&[csv("UPYOBO", 41)]);
        POLICY: "policy", "総合的な方針：生活不活発病の改善・予防のポイント", O, Format::Text, "The overall policy." => at("総合的な方針"), csv(&[csv("UPYOBO", 42)]);
        CHECKLIST: "checklist", "基本チェックリスト", O, Format::Structure, "The 基本チェックリスト box: counts per domain (computed from the answers when they are given) and 事業プログラムの要否." => holds("YoboChecklistDoc");
        CONSENT: "consent", "計画に関する同意", O, Format::Structure, "上記計画について、同意いたします: date and name. Never on a draft." => holds("YoboConsentDoc");
    }
}

/// 利用者: `YoboUserDoc`.
pub mod user {
    use super::*;

    field_table! {
        /// `YoboUserDoc`.
        OBJECT = "YoboUserDoc", "利用者";
        NAME: "name", "利用者名", R, Format::Name, "The user's name, printed 「様」 after." => csv(&[csv("UPYOBO", 8)]);
        INSURER_NUMBER: "insurer_number", "保険者番号", R, Format::InsurerNumber, "Six digits." => csv(&[csv("UPYOBO", 2)]);
        INSURED_NUMBER: "insured_number", "被保険者番号", R, Format::InsuredNumber, "Ten digits, or H and nine digits (生保単独)." => csv(&[csv("UPYOBO", 3)]);
    }
}

/// 計画作成者氏名: `YoboPlannerDoc`.
pub mod planner {
    use super::*;

    field_table! {
        /// `YoboPlannerDoc`.
        OBJECT = "YoboPlannerDoc", "計画作成者氏名";
        CENTER_STAFF: "center_staff", "地域包括支援センター担当者名", O, Format::Text, "The 地域包括支援センター's 担当者." => csv(&[csv("UPYOBO", 15)]);
        CARE_MANAGER: "care_manager", "担当介護支援専門員名", O, Format::Text, "The 介護支援専門員 who writes the plan (printed when given)." => csv(&[csv("UPYOBO", 16)]);
    }
}

/// 計画作成者事業者・事業所: `YoboPlannerOfficeDoc`.
pub mod planner_office {
    use super::*;

    field_table! {
        /// `YoboPlannerOfficeDoc`.
        OBJECT = "YoboPlannerOfficeDoc", "計画作成者事業者・事業所";
        NAME: "name", "事業者・事業所名", R, Format::Text, "The office's name." => csv(&[csv("UPYOBO", 17)]);
        ADDRESS: "address", "所在地", O, Format::Text, "Its address." => csv(&[csv("UPYOBO", 18)]);
        PHONE: "phone", "電話番号", O, Format::Phone, "Its telephone number (連絡先)." => csv(&[csv("UPYOBO", 19)]);
    }
}

/// 担当地域包括支援センター: `YoboCenterDoc`.
pub mod center {
    use super::*;

    field_table! {
        /// `YoboCenterDoc`.
        OBJECT = "YoboCenterDoc", "地域包括支援センター";
        NAME: "name", "担当地域包括支援センター", O, Format::Text, "The centre in charge." => csv(&[csv("UPYOBO", 21)]);
        OPINION: "opinion", "【意見】", O, Format::Text, "The centre's 意見." => csv(&[csv("UPYOBO", 55)]);
        CONFIRMED_ON: "confirmed_on", "【確認印】", O, Format::Date, "The date the centre confirmed an entrusted plan (the paper form's 確認印; the CSV standard does not carry it).";
    }
}

/// 目標とする生活: `YoboLifeGoalsDoc`.
pub mod life_goals {
    use super::*;

    field_table! {
        /// `YoboLifeGoalsDoc`.
        OBJECT = "YoboLifeGoalsDoc", "目標とする生活";
        DAY: "day", "１日", O, Format::Text, "In a day." => at("目標とする生活（１日）"), csv(&[csv("UPYOBO", 22)]);
        YEAR: "year", "１年", O, Format::Text, "In a year." => at("目標とする生活（１年）"), csv(&[csv("UPYOBO", 23)]);
    }
}

/// The four アセスメント領域: `YoboAssessmentDoc`.
pub mod assessment {
    use super::*;

    field_table! {
        /// `YoboAssessmentDoc`.
        OBJECT = "YoboAssessmentDoc", "アセスメント領域";
        MOTOR: "motor", "運動・移動について", O, Format::Structure, "Motor function and moving about (運動・移動)." => holds("YoboAreaDoc"), csv(&[csv("UPYOBO", 24), csv("UPYOBO", 25), csv("UPYOBO", 26), csv("UPYOBO", 27)]);
        DAILY_LIFE: "daily_life", "日常生活（家庭生活）について", O, Format::Structure, "Daily life at home (日常生活・家庭生活)." => holds("YoboAreaDoc"), csv(&[csv("UPYOBO", 28), csv("UPYOBO", 29), csv("UPYOBO", 30), csv("UPYOBO", 31)]);
        SOCIAL: "social", "社会参加、対人関係・コミュニケーションについて", O, Format::Structure, "Social participation, relationships and communication." => holds("YoboAreaDoc"), csv(&[csv("UPYOBO", 32), csv("UPYOBO", 33), csv("UPYOBO", 34), csv("UPYOBO", 35)]);
        HEALTH: "health", "健康管理について", O, Format::Structure, "Health management (健康管理)." => holds("YoboAreaDoc"), csv(&[csv("UPYOBO", 36), csv("UPYOBO", 37), csv("UPYOBO", 38), csv("UPYOBO", 39)]);
    }
}

/// One アセスメント領域: `YoboAreaDoc`.
pub mod area {
    use super::*;

    field_table! {
        /// `YoboAreaDoc`.
        OBJECT = "YoboAreaDoc", "アセスメント領域";
        SITUATION: "situation", "アセスメント領域と現在の状況", O, Format::Text, "The present situation." => at("現在の状況");
        WISHES: "wishes", "本人・家族の意欲・意向", O, Format::Text, "What the user and family want.";
        HAS_ISSUE: "has_issue", "領域における課題の有無", O, Format::Bool, "□有 (`true`) □無 (`false`).";
        BACKGROUND: "background", "領域における課題（背景・原因）", O, Format::Text, "The area's issue, its background and causes." => at("課題（背景・原因）");
    }
}

/// 総合的課題: `YoboIssueDoc`.
pub mod issue {
    use super::*;

    field_table! {
        /// `YoboIssueDoc`.
        OBJECT = "YoboIssueDoc", "総合的課題";
        TEXT: "text", "総合的課題", R, Format::Text, "The issue as written." => at("記載内容"), csv(&[csv("UPYOBO_SUB", 6)]);
        PROPOSAL: "proposal", "課題に対する目標と具体策の提案", O, Format::Text, "The planner's proposal of a goal and measures." => csv(&[csv("UPYOBO_SUB", 7)]);
        WISHES: "wishes", "具体策についての意向 本人・家族", O, Format::Text, "What the user and family say of the measures." => at("具体策についての意向"), csv(&[csv("UPYOBO_SUB", 8)]);
        GOAL: "goal", "目標", O, Format::Text, "The goal agreed." => csv(&[csv("UPYOBO_SUB", 9)]);
        SUPPORTS: "supports", "支援計画", O, Format::Structure, "The 支援計画 for the goal, in order." => holds("YoboSupportDoc"), csv(&[csv("UPYOBO_SUB", 10)]);
    }
}

/// 支援計画: `YoboSupportDoc`.
pub mod support {
    use super::*;

    field_table! {
        /// `YoboSupportDoc`.
        OBJECT = "YoboSupportDoc", "支援計画";
        POINT: "point", "目標についての支援のポイント", O, Format::Text, "What the support aims at." => at("支援のポイント"), csv(&[csv("UPYOBO_SUB", 11)]);
        SELF_CARE: "self_care", "本人等のセルフケアや家族の支援、インフォーマルサービス（民間サービス）", O, Format::Text, "Self-care, family and informal support." => at("セルフケア・家族・インフォーマル"), csv(&[csv("UPYOBO_SUB", 12)]);
        INSURED_SERVICE: "insured_service", "介護保険サービス又は地域支援事業（総合事業のサービス）", O, Format::Text, "The insured or 総合事業 service." => at("介護保険サービス又は地域支援事業"), csv(&[csv("UPYOBO_SUB", 13)]);
        SERVICES: "services", "利用サービス", O, Format::Structure, "The services used: kind, office, period." => holds("YoboServiceDoc"), csv(&[csv("UPYOBO_SUB", 14)]);
    }
}

/// 利用サービス: `YoboServiceDoc`.
pub mod service {
    use super::*;

    field_table! {
        /// `YoboServiceDoc`.
        OBJECT = "YoboServiceDoc", "利用サービス";
        KIND: "kind", "サービス種別", O, Format::Text, "The kind of service: 介護予防通所リハビリテーション, 通所型サービス, サロン …" => csv(&[csv("UPYOBO_SUB", 15)]);
        PROVIDER: "provider", "事業所（利用先）", O, Format::Text, "The office or place used." => csv(&[csv("UPYOBO_SUB", 16)]);
        PERIOD: "period", "期間", O, Format::Structure, "The period as dates (start, and end when known)." => holds("DateRangeDoc"), csv(&[csv("UPYOBO_SUB", 17)]);
        PERIOD_NOTE: "period_note", "期間（記載）", O, Format::Text, "The period in words as written (「6カ月間」), with or instead of the dates." => csv(&[csv("UPYOBO_SUB", 17)]);
    }
}

/// 基本チェックリスト: `YoboChecklistDoc`.
pub mod checklist {
    use super::*;

    field_table! {
        /// `YoboChecklistDoc`.
        OBJECT = "YoboChecklistDoc", "基本チェックリスト";
        DATE: "date", "記入日", O, Format::Date, "The date the checklist was filled in.";
        ANSWERS: "answers", "回答", O, Format::Structure, "The 24 answers `yes` (はい) / `no` (いいえ) to questions 1–11 and 13–25 in order; question 12 is `height_cm` and `weight_kg`. The counts are then computed.";
        HEIGHT_CM: "height_cm", "身長（cm）", O, Format::Pattern("^[0-9]{2,3}(\\.[0-9])?$"), "Question 12: height in cm, one decimal at most (50.0–250.0); with `answers`.";
        WEIGHT_KG: "weight_kg", "体重（kg）", O, Format::Pattern("^[0-9]{2,3}(\\.[0-9])?$"), "Question 12: weight in kg, one decimal at most (10.0–300.0); with `answers`.";
        COUNTS: "counts", "該当数", O, Format::Structure, "The count per domain: computed from `answers` (given counts must agree), or, without answers, as given (UPYOBO carries counts alone)." => holds("YoboCountsDoc");
        PROGRAMMES: "programmes", "事業プログラムの要否", O, Format::Structure, "Per domain, whether the 事業プログラム is needed (要 `true`, 否 `false`)." => holds("YoboProgrammesDoc");
    }
}

/// The count per domain: `YoboCountsDoc`.
pub mod counts {
    use super::*;

    field_table! {
        /// `YoboCountsDoc`.
        OBJECT = "YoboCountsDoc", "基本チェックリストの該当数";
        MOTOR: "motor", "運動不足", R, Format::Integer(0, 5), "No.6–10 counted (／5)." => csv(&[csv("UPYOBO", 43)]);
        NUTRITION: "nutrition", "栄養改善", R, Format::Integer(0, 2), "No.11–12 counted (／2)." => csv(&[csv("UPYOBO", 44)]);
        ORAL: "oral", "口腔内ケア", R, Format::Integer(0, 3), "No.13–15 counted (／3)." => csv(&[csv("UPYOBO", 45)]);
        HOUSEBOUND: "housebound", "閉じこもり予防", R, Format::Integer(0, 2), "No.16–17 counted (／2)." => csv(&[csv("UPYOBO", 46)]);
        MEMORY: "memory", "物忘れ予防", R, Format::Integer(0, 3), "No.18–20 counted (／3)." => csv(&[csv("UPYOBO", 47)]);
        MOOD: "mood", "うつ予防", R, Format::Integer(0, 5), "No.21–25 counted (／5)." => csv(&[csv("UPYOBO", 48)]);
    }
}

/// 事業プログラムの要否: `YoboProgrammesDoc`.
pub mod programmes {
    use super::*;

    field_table! {
        /// `YoboProgrammesDoc`.
        OBJECT = "YoboProgrammesDoc", "事業プログラムの要否";
        MOTOR: "motor", "運動不足", O, Format::Bool, "要 `true`, 否 `false`." => csv(&[csv("UPYOBO", 49)]);
        NUTRITION: "nutrition", "栄養改善", O, Format::Bool, "要 `true`, 否 `false`." => csv(&[csv("UPYOBO", 50)]);
        ORAL: "oral", "口腔内ケア", O, Format::Bool, "要 `true`, 否 `false`." => csv(&[csv("UPYOBO", 51)]);
        HOUSEBOUND: "housebound", "閉じこもり予防", O, Format::Bool, "要 `true`, 否 `false`." => csv(&[csv("UPYOBO", 52)]);
        MEMORY: "memory", "物忘れ予防", O, Format::Bool, "要 `true`, 否 `false`." => csv(&[csv("UPYOBO", 53)]);
        MOOD: "mood", "うつ予防", O, Format::Bool, "要 `true`, 否 `false`." => csv(&[csv("UPYOBO", 54)]);
    }
}

/// 計画に関する同意: `YoboConsentDoc`.
pub mod consent {
    use super::*;

    field_table! {
        /// `YoboConsentDoc`.
        OBJECT = "YoboConsentDoc", "計画に関する同意";
        DATE: "date", "同意日", R, Format::Date, "The date of consent." => csv(&[csv("UPYOBO", 56)]);
        SIGNER: "signer", "氏名", R, Format::Text, "Who consented." => at("同意者氏名"), csv(&[csv("UPYOBO", 57)]);
    }
}

/// Every object of the document, the root first.
pub const TABLES: Tables = Tables {
    root: "YoboPlanDocument",
    objects: &[
        &document::OBJECT,
        &crate::forms::kyotaku::fields::date_range::OBJECT,
        &user::OBJECT,
        &planner::OBJECT,
        &planner_office::OBJECT,
        &center::OBJECT,
        &life_goals::OBJECT,
        &assessment::OBJECT,
        &area::OBJECT,
        &issue::OBJECT,
        &support::OBJECT,
        &service::OBJECT,
        &checklist::OBJECT,
        &counts::OBJECT,
        &programmes::OBJECT,
        &consent::OBJECT,
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::FieldPath;

    #[test]
    fn the_tables_are_one_tree() {
        crate::fields::checks::one_tree(&TABLES);
        let p = FieldPath::from_text("issues[0].supports[1].services[0].period.end");
        let (owner, field) = TABLES.resolve(&p).unwrap();
        assert_eq!((owner.name, field.key), ("DateRangeDoc", "end"));
    }
}
