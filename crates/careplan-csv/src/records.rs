//! The record layouts of ケアプランデータ連携 第4.1版 (CSVバージョン 202407),
//! as `RECORDS.md` rebuilds them from the official layout: field names by
//! position, for error messages.

/// A record kind, one per file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
}

impl Kind {
    /// The file-name prefix.
    pub fn prefix(self) -> &'static str {
        match self {
            Kind::Hosoku => "UPHOSOKU",
            Kind::T1 => "UP1KYO",
            Kind::T2 => "UP2KYO",
            Kind::T3 => "UP3KYO",
            Kind::Delete => "DLT1KYO",
        }
    }

    /// The kind of a file name (`UP1KYO_…`), case-insensitively.
    pub fn of_file_name(name: &str) -> Option<Kind> {
        let base = name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(name)
            .to_ascii_uppercase();
        [Kind::Hosoku, Kind::T1, Kind::T2, Kind::T3, Kind::Delete]
            .into_iter()
            .find(|k| base.starts_with(&format!("{}_", k.prefix())))
    }

    /// The names of the fields, by position (No. 1 first).
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Kind::Hosoku => HOSOKU,
            Kind::T1 => T1,
            Kind::T2 => T2,
            Kind::T3 => T3,
            Kind::Delete => DELETE,
        }
    }

    /// The name of field `no` (1-based).
    pub fn field_name(self, no: usize) -> &'static str {
        no.checked_sub(1)
            .and_then(|i| self.fields().get(i))
            .copied()
            .unwrap_or("?")
    }
}

/// UPHOSOKU, 63 fields.
pub const HOSOKU: &[&str] = &[
    "CSVバージョン",
    "保険者番号",
    "被保険者番号",
    "居宅サービス計画作成（変更）日",
    "利用者氏名フリガナ",
    "利用者氏名",
    "利用者性別",
    "利用者生年月日",
    "利用者郵便番号",
    "利用者住所１",
    "利用者住所２",
    "利用者電話番号",
    "認定日",
    "限度額適用開始年月日",
    "限度額適用終了年月日",
    "認定状況区分",
    "要介護状態変更日",
    "要介護状態区分",
    "区分支給限度基準額",
    "１サービス種類コード",
    "１支給限度基準額",
    "１合計単位数",
    "１限度超単位数",
    "２サービス種類コード",
    "２支給限度基準額",
    "２合計単位数",
    "２限度超単位数",
    "３サービス種類コード",
    "３支給限度基準額",
    "３合計単位数",
    "３限度超単位数",
    "４サービス種類コード",
    "４支給限度基準額",
    "４合計単位数",
    "４限度超単位数",
    "５サービス種類コード",
    "５支給限度基準額",
    "５合計単位数",
    "５限度超単位数",
    "６サービス種類コード",
    "６支給限度基準額",
    "６合計単位数",
    "６限度超単位数",
    "７サービス種類コード",
    "７支給限度基準額",
    "７合計単位数",
    "７限度超単位数",
    "８サービス種類コード",
    "８支給限度基準額",
    "８合計単位数",
    "８限度超単位数",
    "９サービス種類コード",
    "９支給限度基準額",
    "９合計単位数",
    "９限度超単位数",
    "合計限度超単位数",
    "入所前月迄利用日数",
    "入所累積利用日数",
    "前回要介護状態区分",
    "同意書受付業者",
    "更新業者コード",
    "識別子",
    "対象年月",
];

/// UP1KYO, 28 fields.
pub const T1: &[&str] = &[
    "CSVバージョン",
    "保険者番号",
    "被保険者番号",
    "作成年月日",
    "利用者郵便番号",
    "利用者住所１",
    "利用者住所２",
    "居宅サービス計画作成者",
    "介護支援事業者名",
    "介護支援事業者郵便番号",
    "介護支援事業者住所１",
    "介護支援事業者住所２",
    "介護支援事業者コード",
    "居宅サービス計画作成（変更）日",
    "初回居宅サービス計画作成日",
    "計画書区分",
    "認定状況区分",
    "認定日",
    "認定有効期間開始日",
    "認定有効期間終了日",
    "要介護状態区分",
    "利用者及び家族の生活に対する意向を踏まえた課題分析の結果",
    "介護認定審査会の意見及びサービスの種類の指定",
    "総合的な援助の方針",
    "生活援助中心型の算定理由",
    "その他理由",
    "更新業者コード",
    "識別子",
];

/// UP2KYO, 22 fields.
pub const T2: &[&str] = &[
    "CSVバージョン",
    "保険者番号",
    "被保険者番号",
    "居宅計画書作成年月日",
    "居宅サービス計画作成（変更）日",
    "課題ＮＯ",
    "課題",
    "援助目標ＮＯ",
    "長期目標",
    "短期目標",
    "長期期間",
    "短期期間",
    "援助内容ＮＯ",
    "サービス内容",
    "保険対象区分",
    "サービス種別",
    "サービス事業者コード",
    "サービス事業所名",
    "頻度",
    "実施期間",
    "更新業者コード",
    "識別子",
];

/// UP3KYO, 13 fields.
pub const T3: &[&str] = &[
    "CSVバージョン",
    "保険者番号",
    "被保険者番号",
    "週間サービス計画表作成年月日",
    "居宅サービス計画作成（変更）日",
    "介護サービス内容",
    "曜日",
    "開始時間",
    "終了時間",
    "主な日常生活上の活動",
    "開始時間",
    "終了時間",
    "週単位以外のサービス",
];

/// DLT1KYO, 4 fields.
pub const DELETE: &[&str] = &[
    "CSVバージョン",
    "保険者番号",
    "被保険者番号",
    "居宅サービス計画作成（変更）日",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_counts_match_the_standard() {
        assert_eq!(HOSOKU.len(), 63);
        assert_eq!(T1.len(), 28);
        assert_eq!(T2.len(), 22);
        assert_eq!(T3.len(), 13);
        assert_eq!(DELETE.len(), 4);
        assert_eq!(Kind::T2.field_name(7), "課題");
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
    }
}
