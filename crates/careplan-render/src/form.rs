//! What a form implements to be printed: its sheets, its view (the data
//! its templates read), its templates, the labels that end its sheets, and
//! how many pages its templates predict for each sheet. The renderer does
//! the rest for every form alike: glyph check, compile, the check of the
//! predicted page numbers (and the counted second layout when one is
//! wrong), PDF and PNG.

use careplan_core::{FieldPath, Form, Sheet};
use chrono::NaiveDate;
use typst_layout::PagedDocument;

use crate::{RenderError, RenderOptions};

/// A printed form.
pub(crate) trait PrintedForm {
    /// The document type.
    type Doc;

    /// The form's main template (its virtual path in the world): it reads
    /// `/plan.json` and lays out the sheets the view lists.
    const MAIN: &'static str;

    /// The form printed.
    const FORM: Form;

    /// The sheets this document has, in the paper form's order: what is
    /// printed when no table is asked for (all of the form's, but for a
    /// case file only the parts it holds).
    fn sheets(_doc: &Self::Doc) -> Vec<Sheet> {
        Self::FORM.sheets().to_vec()
    }

    /// Whether Typst counts `sheet`'s page numbers itself (in the one
    /// compilation, from the sheet's end label), so that there is no
    /// prediction to check.
    fn counted(_sheet: Sheet) -> bool {
        false
    }

    /// The view of the document: the data the templates print, as JSON,
    /// for `sheets` in that order, with page numbers predicted by the
    /// templates, or (`counted`) counted by Typst.
    fn view(
        doc: &Self::Doc,
        options: &RenderOptions,
        sheets: &[Sheet],
        counted: bool,
    ) -> Result<Vec<u8>, RenderError>;

    /// The label the templates put at the end of `sheet`.
    fn end_label(sheet: Sheet) -> &'static str;

    /// How many pages the templates printed `sheet` as, by their own
    /// prediction (read from the laid-out document where the template
    /// records it).
    fn predicted_pages(doc: &PagedDocument, sheet: Sheet) -> Option<usize>;

    /// Every printed text of the document, with the path of its field.
    fn texts(doc: &Self::Doc) -> Vec<(FieldPath, &str)>;

    /// The document's date: Typst's `today` and the PDF's timestamp.
    fn date(doc: &Self::Doc) -> NaiveDate;

    /// The PDF's identifier.
    fn ident(doc: &Self::Doc) -> String;
}
