//! What the renderer prints: a [`CarePlan`], a [`PreventivePlan`], a
//! 利用者基本情報, a 第4表 [`Meeting`], a 第5表 [`Progress`], a [`CaseFile`], a 第6表 [`Usage`],
//! or a [`Document`] of any form careplan prints (a sealed trait, so that only careplan's documents
//! are printable).

use careplan_core::forms::kyotaku::case_file::CaseFile;
use careplan_core::forms::kyotaku::meeting::Meeting;
use careplan_core::forms::kyotaku::progress::Progress;
use careplan_core::forms::kyotaku::usage::Usage;
use careplan_core::forms::kyotaku::usage::table7::Table7;
use careplan_core::forms::yobo::kihon::Kihon;
use careplan_core::{CarePlan, Document, Form, PreventivePlan};

/// A document the renderer can print: a [`CarePlan`], or a [`Document`]
/// of any form careplan prints.
pub trait Printable: sealed::Sealed {
    /// The document's form.
    fn form(&self) -> Form;
}

pub(crate) mod sealed {
    /// Only careplan's documents are printable.
    pub trait Sealed {
        /// The document as the renderer dispatches on it.
        fn printed(&self) -> super::Printed<'_>;
    }
}

/// A printable document, by form.
#[doc(hidden)]
pub enum Printed<'a> {
    /// 居宅サービス計画書.
    Kyotaku(&'a CarePlan),
    /// 介護予防サービス・支援計画書.
    Yobo(&'a PreventivePlan),
    /// 利用者基本情報.
    Kihon(&'a Kihon),
    /// 第4表 サービス担当者会議の要点.
    Meeting(&'a Meeting),
    /// 第5表 居宅介護支援経過.
    Progress(&'a Progress),
    /// A case file: 第1表–第5表 in one PDF.
    Case(&'a CaseFile),
    /// 第6表 サービス利用票.
    Usage(&'a Usage),
    /// 第6表 with its 第7表 サービス利用票別表.
    UsageMonth(&'a UsageMonth),
    /// A form the renderer has no templates for.
    Other(Form),
}

impl sealed::Sealed for CarePlan {
    fn printed(&self) -> Printed<'_> {
        Printed::Kyotaku(self)
    }
}

impl Printable for CarePlan {
    fn form(&self) -> Form {
        Form::Kyotaku
    }
}

impl sealed::Sealed for PreventivePlan {
    fn printed(&self) -> Printed<'_> {
        Printed::Yobo(self)
    }
}

impl Printable for PreventivePlan {
    fn form(&self) -> Form {
        Form::YoboPlan
    }
}

impl sealed::Sealed for Kihon {
    fn printed(&self) -> Printed<'_> {
        Printed::Kihon(self)
    }
}

impl Printable for Kihon {
    fn form(&self) -> Form {
        Form::YoboKihon
    }
}

macro_rules! printable {
    ($($ty:ty => $variant:ident, $form:ident;)+) => {
        $(
            impl sealed::Sealed for $ty {
                fn printed(&self) -> Printed<'_> {
                    Printed::$variant(self)
                }
            }

            impl Printable for $ty {
                fn form(&self) -> Form {
                    Form::$form
                }
            }
        )+
    };
}

printable! {
    Meeting => Meeting, Meeting;
    Progress => Progress, Progress;
    CaseFile => Case, CaseFile;
    Usage => Usage, Usage;
}

/// A 第6表 with the 第7表 computed from it
/// (`careplan_core::forms::kyotaku::usage::table7::compute`): printed as
/// サービス利用票 and サービス利用票別表 (`tables` 6 and 7; with `provider`,
/// as that office's サービス提供票 and 提供票別表).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageMonth {
    /// The 第6表.
    pub(crate) usage: Usage,
    /// Its 第7表.
    pub(crate) table7: Table7,
}

impl UsageMonth {
    /// The 第6表 and its 第7表; refused when the 第7表 is of another month.
    pub fn new(usage: Usage, table7: Table7) -> Result<UsageMonth, crate::RenderError> {
        if usage.parts().month != table7.month {
            return Err(crate::RenderError::Data(format!(
                "第7表 of {} for a 第6表 of {}",
                table7.month,
                usage.parts().month
            )));
        }
        Ok(UsageMonth { usage, table7 })
    }

    /// The 第6表.
    pub fn usage(&self) -> &Usage {
        &self.usage
    }

    /// The 第7表.
    pub fn table7(&self) -> &Table7 {
        &self.table7
    }
}

impl sealed::Sealed for UsageMonth {
    fn printed(&self) -> Printed<'_> {
        Printed::UsageMonth(self)
    }
}

impl Printable for UsageMonth {
    fn form(&self) -> Form {
        Form::Usage
    }
}

impl sealed::Sealed for Document {
    fn printed(&self) -> Printed<'_> {
        match self {
            Document::Kyotaku(p) => Printed::Kyotaku(p),
            Document::YoboPlan(p) => Printed::Yobo(p),
            Document::YoboKihon(k) => Printed::Kihon(k),
            Document::Meeting(m) => Printed::Meeting(m),
            Document::Progress(p) => Printed::Progress(p),
            Document::CaseFile(c) => Printed::Case(c),
            Document::Usage(u) => Printed::Usage(u),
            // A form core knows and this renderer does not print (yet).
            #[allow(unreachable_patterns)]
            other => Printed::Other(other.form()),
        }
    }
}

impl Printable for Document {
    fn form(&self) -> Form {
        Document::form(self)
    }
}
