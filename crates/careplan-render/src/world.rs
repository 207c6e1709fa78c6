//! The Typst world: in memory only. It holds our templates (every form's,
//! under `templates/`), the document as a JSON data file and our fonts.
//! Any other file is denied; there are no packages and no network. File
//! ids are fixed (typst's file-id interner is global and finite), so
//! rendering many documents creates no new ids.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::fonts::Fonts;

/// A template file shipped in the crate.
struct Template {
    path: &'static str,
    text: &'static str,
}

/// A template of `templates/`, at the same path in the world.
macro_rules! template {
    ($path:literal) => {
        Template {
            path: concat!("/", $path),
            text: include_str!(concat!("../templates/", $path)),
        }
    };
}

/// Every template file, by its path in the world: the shared helpers at
/// the top, each form's templates in its folder. The layout files are the
/// ones the measuring code reads (`layout.rs` includes the same files).
const TEMPLATES: &[Template] = &[
    template!("common.typ"),
    template!("layout.json"),
    template!("pack.typ"),
    template!("kyotaku/main.typ"),
    template!("kyotaku/table1.typ"),
    template!("kyotaku/table2.typ"),
    template!("kyotaku/table2-pages.typ"),
    template!("kyotaku/table3.typ"),
    template!("kyotaku/table4.typ"),
    template!("kyotaku/table5.typ"),
    template!("kyotaku/table6.typ"),
    template!("kyotaku/table7.typ"),
    template!("kyotaku/layout.json"),
    template!("yobo/main.typ"),
    template!("yobo/kihon.typ"),
];

/// The path of the plan's data file in the virtual file system.
pub(crate) const DATA_PATH: &str = "/plan.json";

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The fixed ids of the templates and of the data file, interned once per process.
struct Ids {
    templates: Vec<(FileId, Source)>,
    data: Option<FileId>,
}

static IDS: LazyLock<Ids> = LazyLock::new(|| Ids {
    templates: TEMPLATES
        .iter()
        .filter_map(|t| file_id(t.path).map(|id| (id, Source::new(id, t.text.to_owned()))))
        .collect(),
    data: file_id(DATA_PATH),
});

/// What every render shares: the standard library, fonts, templates.
pub(crate) struct Base {
    library: LazyHash<Library>,
    fonts: Fonts,
}

impl Base {
    pub fn new(fonts: Fonts) -> Base {
        Base {
            library: LazyHash::new(Library::default()),
            fonts,
        }
    }

    pub fn fonts(&self) -> &Fonts {
        &self.fonts
    }

    /// Whether the templates could be interned (they always can; checked
    /// so that a failure is an error, never a panic).
    pub fn ready(&self) -> bool {
        IDS.templates.len() == TEMPLATES.len() && IDS.data.is_some()
    }
}

/// The world of one render: the shared base plus this document's data.
pub(crate) struct PlanWorld<'a> {
    base: &'a Base,
    main: FileId,
    data: Bytes,
    today: Datetime,
}

impl<'a> PlanWorld<'a> {
    /// The world that compiles the template `main` with `data` as `/plan.json`.
    pub fn new(
        base: &'a Base,
        main: &str,
        data: Vec<u8>,
        today: Datetime,
    ) -> Option<PlanWorld<'a>> {
        let main = TEMPLATES
            .iter()
            .zip(IDS.templates.iter())
            .find(|(t, _)| t.path == main)
            .map(|(_, (id, _))| *id)?;
        Some(PlanWorld {
            base,
            main,
            data: Bytes::new(data),
            today,
        })
    }
}

impl World for PlanWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.base.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.base.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        IDS.templates
            .iter()
            .find(|(tid, _)| *tid == id)
            .map(|(_, s)| s.clone())
            .ok_or(FileError::AccessDenied)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if Some(id) == IDS.data {
            return Ok(self.data.clone());
        }
        IDS.templates
            .iter()
            .find(|(tid, _)| *tid == id)
            .map(|(_, s)| Bytes::from_string(s.clone()))
            .ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.base.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
