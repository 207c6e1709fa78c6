//! 利用者基本情報（別表1）１日の生活・すごし方 (UPKIHON_SUB1), 別表2 現病歴・既往歴
//! (UPKIHON_SUB2) and 利用者基本情報_削除 (DLTKIHON) (YOBO.md §4.2–§4.4).

super::record! {
    /// 利用者基本情報（別表1）１日の生活・すごし方(タイムスケジュール) (UPKIHON_SUB1), 7 fields.
    pub struct UpkihonSub1 = "UPKIHON_SUB1" {
        1 CSV_VERSION csv_version "CSVバージョン" Raw,
        2 INSURER_NUMBER insurer_number "保険者番号" Raw,
        3 INSURED_NUMBER insured_number "被保険者番号" Raw,
        4 CONSULTATION_DATE consultation_date "相談日" Raw,
        5 TIME time "時間" Text,
        6 USER user "本人の生活状況" Text,
        7 FAMILY family "介護者・家族の生活状況" Text,
    }
}

super::record! {
    /// 利用者基本情報（別表2）現病歴・既往歴 (UPKIHON_SUB2), 11 fields.
    pub struct UpkihonSub2 = "UPKIHON_SUB2" {
        1  CSV_VERSION csv_version "CSVバージョン" Raw,
        2  INSURER_NUMBER insurer_number "保険者番号" Raw,
        3  INSURED_NUMBER insured_number "被保険者番号" Raw,
        4  CONSULTATION_DATE consultation_date "相談日" Raw,
        5  DATE date "年月日" Text,
        6  DISEASE disease "病名" Text,
        7  INSTITUTION institution "医療機関・医師名" Text,
        8  ATTENDING attending "主治医・意見作成者フラグ" Raw,
        9  PHONE phone "医療機関・医師電話番号" Raw,
        10 COURSE course "経過" Raw,
        11 TREATMENT treatment "治療中の内容" Text,
    }
}

super::record! {
    /// 利用者基本情報_削除 (DLTKIHON), 4 fields.
    pub struct Dltkihon = "DLTKIHON" {
        1 CSV_VERSION csv_version "CSVバージョン" Raw,
        2 INSURER_NUMBER insurer_number "保険者番号" Raw,
        3 INSURED_NUMBER insured_number "被保険者番号" Raw,
        4 CONSULTATION_DATE consultation_date "相談日" Raw,
    }
}
