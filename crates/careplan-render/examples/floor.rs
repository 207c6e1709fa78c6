//! The least a render of these texts can cost in Typst: sets every text of
//! a case-A variant (the same strings the renderer prints, from
//! `CarePlan::texts`) as plain blocks on an A4-landscape page, in the shipped
//! body font as the renderer embeds it, and writes the PDF — no form, no
//! tables, no measuring, no lines. What the real templates add on top is
//! the form's own cost.
//!
//! ```sh
//! taskset -c 0 cargo run --release -p careplan-render --example floor            # ms per render
//! EVERY=1 taskset -c 0 cargo run --release -p careplan-render --example floor    # every text new each time
//! WARM=3 EVERY=1 N=13 valgrind --tool=callgrind target/release/examples/floor   # instructions (minus N=3)
//! ```
//!
//! Same environment as the `profile` example: `N` timed renders after `WARM`
//! untimed ones; `EVERY=1` changes every text each time, otherwise one text
//! per table; `MODE=blocks|paragraphs` (default `blocks`: each text in an
//! unbreakable 60 mm block, as a table cell holds it; `paragraphs`: each text
//! a paragraph in eight columns).

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

#[path = "../benches/common/mod.rs"]
mod common;

use common::{Variants, change_from_env, env_number};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

/// The shipped body font as the renderer embeds it.
fn gothic() -> &'static [u8] {
    careplan_fonts::bundled()
        .iter()
        .find(|f| f.family == "BIZ UDGothic" && !f.bold)
        .map(|f| f.data)
        .unwrap()
}

const BLOCKS: &str = r#"
#let texts = json("/texts.json")
#set document(title: "floor", author: ())
#set page(paper: "a4", flipped: true, margin: 12mm)
#set text(font: "BIZ UDGothic", size: 8pt, lang: "ja", region: "jp", script: "hani", hyphenate: false)
#set par(justify: false, leading: 0.5em, spacing: 0.8em)
#for t in texts { block(breakable: false, width: 60mm, inset: 3pt, stroke: 0.5pt, text(t)) }
"#;

const PARAGRAPHS: &str = r#"
#let texts = json("/texts.json")
#set document(title: "floor", author: ())
#set page(paper: "a4", flipped: true, margin: 12mm, columns: 8)
#set text(font: "BIZ UDGothic", size: 8pt, lang: "ja", region: "jp", script: "hani", hyphenate: false)
#set par(justify: false, leading: 0.5em, spacing: 0.8em)
#for t in texts { par(t) }
"#;

struct Floor {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    data_id: FileId,
    data: Bytes,
}

fn id(path: &str) -> FileId {
    RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).unwrap()).intern()
}

impl World for Floor {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }
    fn today(&self, _: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Datetime::from_ymd(2015, 12, 3)
    }
}

/// One render as the renderer does it (compile, evict, export, evict):
/// the time compiling took and the PDF's length.
fn render(world: &Floor, options: &PdfOptions) -> (std::time::Duration, usize) {
    let start = std::time::Instant::now();
    let doc = typst::compile::<PagedDocument>(world).output.unwrap();
    comemo::evict(4);
    let compile = start.elapsed();
    let pdf = typst_pdf::pdf(&doc, options).unwrap();
    comemo::evict(4);
    (compile, pdf.len())
}

fn main() {
    let fonts: Vec<Font> = Font::iter(Bytes::new(gothic())).collect();
    let book = FontBook::from_infos(fonts.iter().map(|f| f.info().clone()));
    let template = if std::env::var("MODE").as_deref() == Ok("paragraphs") {
        PARAGRAPHS
    } else {
        BLOCKS
    };
    let mut world = Floor {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(book),
        fonts,
        main: Source::new(id("/main.typ"), template.to_string()),
        data_id: id("/texts.json"),
        data: Bytes::new(Vec::new()),
    };
    let variants = Variants::case_a();
    let change = change_from_env();
    let texts = |i: u64| -> Vec<u8> {
        let plan = variants.plan(change, i);
        let texts: Vec<&str> = plan.texts().into_iter().map(|(_, text)| text).collect();
        serde_json::to_vec(&texts).unwrap()
    };
    let options = PdfOptions {
        ident: Smart::Custom("floor".into()),
        timestamp: Some(Timestamp::new_utc(Datetime::from_ymd(2015, 12, 3).unwrap())),
        ..PdfOptions::default()
    };
    for i in 0..env_number("WARM", 50) {
        world.data = Bytes::new(texts(i));
        render(&world, &options);
    }
    let n = env_number("N", 200).max(1);
    let data: Vec<Vec<u8>> = (1_000_000..1_000_000 + n).map(texts).collect();
    let start = std::time::Instant::now();
    let mut bytes = 0;
    let mut in_compile = std::time::Duration::ZERO;
    for d in data {
        world.data = Bytes::new(d);
        let (compile, len) = render(&world, &options);
        in_compile += compile;
        bytes = len;
    }
    let elapsed = start.elapsed();
    let per = |d: std::time::Duration| d.as_secs_f64() * 1000.0 / n as f64;
    println!(
        "per render: {:.2} ms, of which compile and layout {:.2} ms (last PDF {bytes} bytes)",
        per(elapsed),
        per(in_compile)
    );
}
