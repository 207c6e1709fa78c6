//! 介護予防 (要支援１・２ and 事業対象者): the forms of the preventive plan,
//! landing piece by piece (#12). Today the 基本チェックリスト's scoring:
//! which answers count (該当), the domain tallies the plan prints, and the
//! 事業対象者 criteria. The documents (利用者基本情報, 介護予防サービス・支援計画書)
//! and their registration as a [`Form`](crate::document::Form) come next.

pub mod checklist;
