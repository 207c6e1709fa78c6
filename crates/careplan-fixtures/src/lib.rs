//! The committed fixtures, for the workspace's own tests, benches and
//! examples: where `fixtures/` is, its files in a stable order, the plans
//! parsed, and each folder's `expected.json`.
//!
//! Test support only (`publish = false`): a fixture that cannot be read or
//! parsed is a broken checkout, so these functions panic naming the file
//! instead of returning errors.
//!
//! ```
//! let plans = careplan_fixtures::plans();
//! assert!(plans.iter().any(|(name, _)| name == "case-a.json"));
//! let case_a = careplan_fixtures::plan("case-a.json");
//! assert_eq!(case_a, plans.iter().find(|(n, _)| n == "case-a.json").unwrap().1);
//! ```

#![allow(clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use careplan_core::CarePlan;
use serde::de::DeserializeOwned;

/// The workspace root (the folder that holds `fixtures/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `fixtures/<folder>`, e.g. `dir("plans")`.
pub fn dir(folder: &str) -> PathBuf {
    root().join("fixtures").join(folder)
}

/// A file's text; panics naming the file when it cannot be read.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The JSON documents of `fixtures/<folder>` (not its `expected.json`),
/// sorted by name.
pub fn files(folder: &str) -> Vec<PathBuf> {
    let dir = dir(folder);
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|e| {
            e.unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .path()
        })
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| p.file_name().is_some_and(|n| n != "expected.json"))
        .collect();
    files.sort();
    files
}

/// A file's name (`case-a.json`).
pub fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| panic!("{} has no file name", path.display()))
}

/// A plan document, parsed and validated; panics with the file and the
/// violations when it is not a valid plan.
pub fn load(path: &Path) -> CarePlan {
    CarePlan::from_json(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `fixtures/plans/<file>`, parsed.
pub fn plan(file: &str) -> CarePlan {
    load(&dir("plans").join(file))
}

/// Every plan of `fixtures/plans`, with its file name, sorted by name.
pub fn plans() -> Vec<(String, CarePlan)> {
    files("plans").iter().map(|p| (name(p), load(p))).collect()
}

/// `fixtures/<folder>/expected.json`: what each fixture of the folder is
/// expected to give, by file name.
pub fn expected<T: DeserializeOwned>(folder: &str) -> BTreeMap<String, T> {
    let path = dir(folder).join("expected.json");
    serde_json::from_str(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What an invalid plan of `fixtures/invalid` breaks: the one violation
/// careplan-core reports for it (its entry in `expected.json`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invalid {
    /// The JSON path of the violation (`table1.user.name`).
    pub path: String,
    /// The rule's code (`too_long`).
    pub rule: String,
}

/// `fixtures/invalid/expected.json`, by file name.
pub fn invalid() -> BTreeMap<String, Invalid> {
    expected("invalid")
}
