//! Helpers shared by the command-line tests.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

pub use careplan_fixtures::root;

/// Runs `careplan` with `args` from the repository root.
pub fn careplan<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_careplan"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// A fresh, empty scratch folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("careplan-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Asserts that the command exited 0, showing its standard error if not.
pub fn assert_succeeded(o: &Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Every way `doc` breaks the committed schema `schema/<name>.schema.json`
/// (checked by the jsonschema crate, not by careplan's own code).
pub fn schema_errors(name: &str, doc: &serde_json::Value) -> Vec<String> {
    let path = root().join(format!("schema/{name}.schema.json"));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    validator.iter_errors(doc).map(|e| e.to_string()).collect()
}
