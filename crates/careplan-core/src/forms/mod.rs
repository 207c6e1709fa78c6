//! The forms careplan models, one folder each: the form's typed model, its
//! JSON document types (`wire`), its validator (one module per sheet), its
//! field tables and the walk over its printed texts.
//!
//! A form is added as a folder here and registered in [`crate::document`]
//! (its [`Form`](crate::document::Form) and
//! [`Document`](crate::document::Document) variants).

pub mod kyotaku;
pub mod yobo;
