//! What the renderer prints: a [`CarePlan`], a [`PreventivePlan`], or a [`Document`] of any
//! form careplan prints (a sealed trait, so that only careplan's documents
//! are printable).

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

impl sealed::Sealed for Document {
    fn printed(&self) -> Printed<'_> {
        match self {
            Document::Kyotaku(p) => Printed::Kyotaku(p),
            Document::YoboPlan(p) => Printed::Yobo(p),
            Document::YoboKihon(k) => Printed::Kihon(k),
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
