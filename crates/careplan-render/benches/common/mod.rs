//! Streams of distinct plans, shared by the render benchmark, the profile
//! example and the render tests (included with `#[path]`).

#![allow(dead_code, clippy::unwrap_used)]

use careplan_core::CarePlan;

/// Case A, as the fixture holds it.
pub const CASE_A: &str = include_str!("../../../../fixtures/plans/case-a.json");

/// The JSON pointer of a path as `CarePlan::texts` names it
/// (`table2.needs[0].text` → `/table2/needs/0/text`).
pub fn pointer(path: &str) -> String {
    format!("/{}", path.replace(['.', '['], "/").replace(']', ""))
}

/// A number from the environment (the examples' `N`, `WARM`, `TOP`), or
/// `default` when it is unset or not a number.
pub fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// The examples' stream: with `EVERY` set (to anything) every text changes
/// from one plan to the next, otherwise one text in each table.
pub fn change_from_env() -> Change {
    if std::env::var("EVERY").is_ok() {
        Change::EveryText
    } else {
        Change::OnePerTable
    }
}

/// What changes from one plan of a stream to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// 第1表's analysis text.
    Analysis,
    /// One text in each table: the analysis, a 第2表 need, a 第3表 activity.
    OnePerTable,
    /// Every text of the plan (every field `CarePlan::texts` lists).
    EveryText,
}

/// Case A, parsed once, and its variants.
pub struct Variants {
    base: serde_json::Value,
    fields: Vec<String>,
}

impl Variants {
    /// The variants of case A.
    pub fn case_a() -> Variants {
        let base: serde_json::Value = serde_json::from_str(CASE_A).unwrap();
        let plan = CarePlan::from_json(CASE_A).unwrap();
        let fields = plan
            .texts()
            .into_iter()
            .map(|(path, _)| path.to_string())
            .collect();
        Variants { base, fields }
    }

    /// Variant `i`: the texts that `change` names made unique by `i`.
    pub fn plan(&self, change: Change, i: u64) -> CarePlan {
        let mut v = self.base.clone();
        let set = |v: &mut serde_json::Value, path: &str, text: String| {
            *v.pointer_mut(&pointer(path)).unwrap() = serde_json::Value::from(text);
        };
        let analysis = format!("変種{i}：状態は安定している。");
        match change {
            Change::Analysis => set(&mut v, "table1.analysis", analysis),
            Change::OnePerTable => {
                set(&mut v, "table1.analysis", analysis);
                set(&mut v, "table2.needs[0].text", format!("変種{i}のニーズ"));
                set(
                    &mut v,
                    "table3.daily_activities[0].text",
                    format!("起床{i}"),
                );
            }
            Change::EveryText => {
                for path in &self.fields {
                    let text = v
                        .pointer(&pointer(path))
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_owned();
                    set(&mut v, path, format!("{i}{text}"));
                }
            }
        }
        CarePlan::from_json_value(v).unwrap()
    }
}
