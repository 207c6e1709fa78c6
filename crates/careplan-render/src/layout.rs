//! The measures every sheet shares (page size, cell inset, text sizes), in
//! one place: `templates/layout.json`, which `common.typ` reads too.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::RenderError;

/// The shared layout file, as the templates read it.
pub(crate) const LAYOUT_JSON: &str = include_str!("../templates/layout.json");

/// The measures every sheet shares.
#[derive(Debug, Deserialize)]
pub(crate) struct Shared {
    /// A4 landscape: the page's width (mm). (The file has the height too,
    /// for the templates.)
    pub page_width_mm: f64,
    /// A table cell's inset on each side (pt).
    pub cell_inset_pt: f64,
    /// The small text size (pt): 第2表's cells, labels.
    pub small_pt: f64,
    /// The tiny text size (pt): 第3表's blocks, page numbers.
    pub tiny_pt: f64,
}

static SHARED: LazyLock<Result<Shared, String>> =
    LazyLock::new(|| serde_json::from_str(LAYOUT_JSON).map_err(|e| e.to_string()));

/// The shared measures (an error, never a panic, if the shipped file were broken).
pub(crate) fn shared() -> Result<&'static Shared, RenderError> {
    SHARED
        .as_ref()
        .map_err(|e| RenderError::Layout(vec![format!("templates/layout.json: {e}")]))
}
