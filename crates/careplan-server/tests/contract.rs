#![cfg(test)]
//! The committed contract, and what only the in-process router can show.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use careplan_server::{Config, Service};
use tower::ServiceExt;

const CONTRACT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../openapi/careplan.openapi.json"
);

/// `openapi/careplan.openapi.json` is what the code serves;
/// `UPDATE_OPENAPI=1 cargo test -p careplan-server --test contract` rewrites it.
#[test]
fn the_committed_contract_is_the_served_one() {
    let made = careplan_server::openapi::text();
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(CONTRACT, &made).unwrap();
    }
    let committed = std::fs::read_to_string(CONTRACT)
        .expect("openapi/careplan.openapi.json is missing: run UPDATE_OPENAPI=1 cargo test -p careplan-server --test contract");
    assert!(
        committed == made,
        "openapi/careplan.openapi.json differs from the generated contract: run UPDATE_OPENAPI=1 cargo test -p careplan-server --test contract"
    );
}

/// Every document schema of the contract is the committed JSON Schema's.
#[test]
fn the_contract_carries_the_committed_schemas() {
    let doc = careplan_server::openapi::document();
    let plan: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../schema/plan.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let lifted = &doc["components"]["schemas"];
    for (name, def) in plan["$defs"].as_object().unwrap() {
        let mine = &lifted[format!("Plan.{name}")];
        assert_eq!(
            mine["properties"]
                .as_object()
                .map(|m| m.keys().collect::<Vec<_>>()),
            def["properties"]
                .as_object()
                .map(|m| m.keys().collect::<Vec<_>>()),
            "{name}"
        );
    }
    assert_eq!(lifted["Plan"]["required"], plan["required"]);
}

async fn get(service: &Service, path: &str) -> (StatusCode, String) {
    let response = service
        .router()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

/// Before its fonts are loaded the service says so: /health 503
/// `starting`, a render 503 `not_ready`; then ready; draining 503 again.
#[tokio::test]
async fn health_follows_start_and_drain() {
    let service = Service::new(Config::default()).unwrap();
    assert_eq!(
        get(&service, "/health").await,
        (
            StatusCode::SERVICE_UNAVAILABLE,
            r#"{"status":"starting"}"#.to_owned()
        )
    );
    let plan = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/plans/case-a.json"
    ))
    .unwrap();
    let response = service
        .router()
        .oneshot(
            Request::post("/v1/render")
                .header("content-type", "application/json")
                .body(Body::from(format!(r#"{{"document": {plan}}}"#)))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()["retry-after"], "1");
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let problem: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(problem["code"], "not_ready");
    service.start_blocking().unwrap();
    assert!(service.ready());
    assert_eq!(get(&service, "/health").await.0, StatusCode::OK);
    service.drain();
    assert_eq!(
        get(&service, "/health").await,
        (
            StatusCode::SERVICE_UNAVAILABLE,
            r#"{"status":"draining"}"#.to_owned()
        )
    );
}

/// The contract's `Document` (what validate, check and render take) accepts
/// every valid fixture of every form through exactly one of its branches,
/// and the case file's plan parts are the plan's own components, not copies.
#[test]
fn every_form_is_a_document_through_exactly_one_branch() {
    let doc = careplan_server::openapi::document();
    let components = doc["components"].clone();
    let branches = doc["components"]["schemas"]["Document"]["oneOf"]
        .as_array()
        .unwrap()
        .clone();
    let validator = |target: &serde_json::Value| {
        jsonschema::draft202012::new(&serde_json::json!({
            "$ref": target["$ref"],
            "components": components,
        }))
        .unwrap()
    };
    let all = validator(&serde_json::json!({"$ref": "#/components/schemas/Document"}));
    let each: Vec<_> = branches.iter().map(validator).collect();
    for folder in [
        "plans",
        "yobo/plans",
        "yobo/kihon",
        "meetings",
        "progress",
        "cases",
        "usage",
    ] {
        for path in careplan_fixtures::files(folder) {
            let v: serde_json::Value =
                serde_json::from_str(&careplan_fixtures::read(&path)).unwrap();
            let errors: Vec<String> = all.iter_errors(&v).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            let matching = each.iter().filter(|b| b.is_valid(&v)).count();
            assert_eq!(matching, 1, "{}", path.display());
        }
    }
    let case_file = &doc["components"]["schemas"]["CaseFile.PlanDocument"];
    assert_eq!(
        case_file["properties"]["table1"]["$ref"],
        "#/components/schemas/Plan.Table1Doc"
    );
    assert!(doc["components"]["schemas"]["CaseFile.Table1Doc"].is_null());
}
