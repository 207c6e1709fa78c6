"""Every route of `careplan serve`, from a real HTTP client (httpx)."""

import io
import json
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, cli, plan

JSON = {"content-type": "application/json"}
SENDER = {"from": "1234567890:43", "to": "0987654321:11", "timestamp": "20260401093000"}


def problem(r, status, code):
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["status"] == status and body["code"] == code, body
    assert body["type"] == f"urn:careplan:problem:{code}"
    assert body["message_ja"] and body["message_en"]
    assert body["request_id"] == r.headers["x-request-id"]
    return body


# -- info routes ------------------------------------------------------------


def test_health_get_and_head(server):
    r = server.client.get("/health")
    assert (r.status_code, r.json()) == (200, {"status": "ready"})
    r = server.client.head("/health")
    assert r.status_code == 200 and r.content == b""


def test_version(server):
    v = server.client.get("/version").json()
    assert v["name"] == "careplan" and v["forms"] == ["kyotaku", "yobo_plan", "yobo_kihon", "kyotaku_meeting", "kyotaku_progress", "case_file", "kyotaku_usage"]
    assert "urn:careplan:schema:plan:v1" in v["formats"]
    assert "urn:careplan:schema:yobo-plan:v1" in v["formats"]
    assert "BIZ UDGothic" in v["fonts"]
    version = cli("--version").stdout.decode().split()[-1]
    assert v["version"] == version


def test_openapi_is_the_committed_contract(server):
    r = server.client.get("/openapi.json")
    assert r.status_code == 200
    assert r.json() == json.loads((ROOT / "openapi" / "careplan.openapi.json").read_text())
    assert r.json()["openapi"] == "3.1.0"


SCHEMA_KINDS = sorted(p.name.removesuffix(".schema.json") for p in (ROOT / "schema").glob("*.schema.json"))


@pytest.mark.parametrize("kind", SCHEMA_KINDS)
def test_schema_of_each_kind_is_the_committed_one(server, kind):
    r = server.client.get(f"/v1/schema/{kind}")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/schema+json"
    assert r.text == (ROOT / "schema" / f"{kind}.schema.json").read_text()


def test_unknown_schema_route_and_method(server):
    problem(server.client.get("/v1/schema/nope"), 404, "not_found")
    problem(server.client.get("/v1/nothing-here"), 404, "not_found")
    problem(server.client.get("/v1/validate"), 405, "method_not_allowed")


def test_rules(server):
    rules = server.client.get("/v1/check/rules").json()
    listed = cli("check", "--list").stdout.decode()
    assert len(rules) == len(listed.strip().splitlines())
    assert any(r["id"] == "Y1-007" for r in rules)
    for r in rules:
        assert r["id"] in listed
    one = server.client.get("/v1/check/rules/t2-004").json()
    assert one["id"] == "T2-004" and one["sources"]
    problem(server.client.get("/v1/check/rules/T9-999"), 404, "not_found")


# -- validate and check -----------------------------------------------------


@pytest.mark.parametrize("path", sorted((FIXTURES / "plans").glob("*.json")), ids=lambda p: p.name)
def test_every_plan_fixture_is_valid(server, path):
    r = server.client.post("/v1/validate", content=path.read_bytes(), headers=JSON)
    assert r.status_code == 200, r.text
    assert r.json() == {"status": "valid", "form": "kyotaku", "form_ja": "居宅サービス計画書"}


INVALID = sorted(p for p in (FIXTURES / "invalid").glob("*.json") if p.name != "expected.json")


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_violations_are_the_clis_for_every_invalid_fixture(server, path):
    r = server.client.post("/v1/validate", content=path.read_bytes(), headers=JSON)
    out = cli("validate", "--format", "json", str(path))
    assert out.returncode == 1
    want = json.loads(out.stdout)["files"][0]["violations"]
    body = problem(r, 422, "invalid_document")
    assert body["violations"] == want
    # Checking needs a valid document: the same violations.
    r = server.client.post("/v1/check", content=path.read_bytes(), headers=JSON)
    assert problem(r, 422, "invalid_document")["violations"] == want


def test_not_json_is_400(server):
    path = FIXTURES / "unreadable" / "not-json.json"
    body = problem(server.client.post("/v1/validate", content=path.read_bytes(), headers=JSON), 400, "malformed_request")
    assert body["causes"][0]["code"] == "json_syntax"
    problem(server.client.post("/v1/validate", content=b"\xff\xfe{}", headers=JSON), 400, "malformed_request")


def test_detail_follows_accept_language(server):
    path = FIXTURES / "invalid" / "short-term-outside-long-term.json"
    ja = server.client.post("/v1/validate", content=path.read_bytes(), headers=JSON).json()
    en = server.client.post("/v1/validate", content=path.read_bytes(), headers={**JSON, "accept-language": "en-GB,en;q=0.9"}).json()
    assert ja["detail"] == ja["message_ja"] == en["message_ja"]
    assert en["detail"] == en["message_en"] == "1 violation(s)"


@pytest.mark.parametrize("name", ["case-a.json", "care5-night-consent.json"])
def test_check_report_is_the_clis(server, name):
    path = FIXTURES / "plans" / name
    r = server.client.post("/v1/check", content=path.read_bytes(), headers=JSON)
    assert r.status_code == 200, r.text
    want = json.loads(cli("check", "--format", "json", str(path)).stdout)
    assert r.json() == want


def test_wrong_media_type_is_415(server):
    body = (FIXTURES / "plans" / "case-a.json").read_bytes()
    for route in ["/v1/validate", "/v1/check", "/v1/render", "/v1/csv/export", "/v1/csv/withdraw"]:
        problem(server.client.post(route, content=body, headers={"content-type": "text/plain"}), 415, "unsupported_media_type")
        problem(server.client.post(route, content=body), 415, "unsupported_media_type")
    problem(server.client.post("/v1/csv/import", content=body, headers=JSON), 415, "unsupported_media_type")


# -- render -----------------------------------------------------------------


def pdftotext(pdf):
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


@pytest.mark.parametrize("path", sorted((FIXTURES / "plans").glob("*.json")), ids=lambda p: p.name)
def test_render_is_the_clis_pdf(server, path, tmp_path):
    doc = json.loads(path.read_text())
    r = server.client.post("/v1/render", json={"document": doc})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    out = tmp_path / "cli.pdf"
    assert cli("render", str(path), "-o", str(out)).returncode == 0
    assert r.content == out.read_bytes(), "the service's PDF differs from the command line's"
    (tmp_path / "http.pdf").write_bytes(r.content)
    subprocess.run(["qpdf", "--check", str(tmp_path / "http.pdf")], check=True, capture_output=True)
    text = pdftotext(r.content)
    assert "居宅サービス計画書" in text
    assert int(r.headers["x-careplan-page-count"]) >= 3


def test_render_options(server):
    doc = plan()
    r = server.client.post("/v1/render", json={"document": doc, "options": {"tables": [3], "draft": True}})
    assert r.status_code == 200
    text = pdftotext(r.content)
    assert "週間サービス計画表" in text and "第１表" not in text
    body = problem(server.client.post("/v1/render", json={"document": doc, "options": {"tables": [9]}}), 400, "bad_options")
    assert body["causes"][0]["path"] == "tables"
    problem(server.client.post("/v1/render", json={"document": doc, "options": {"png_scale": 100}}), 400, "bad_options")
    problem(server.client.post("/v1/render", json={"document": doc, "options": {"colour": "red"}}), 400, "malformed_request")
    problem(server.client.post("/v1/render", json={"plan": doc}), 400, "malformed_request")


def test_render_png_pages(server):
    r = server.client.post("/v1/render", json={"document": plan(), "options": {"png_scale": 0.5}})
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    pages = int(r.headers["x-careplan-page-count"])
    z = zipfile.ZipFile(io.BytesIO(r.content))
    assert z.namelist() == [f"page-{i}.png" for i in range(1, pages + 1)]
    assert all(z.read(n).startswith(b"\x89PNG\r\n\x1a\n") for n in z.namelist())


def test_missing_glyphs(server):
    doc = plan()
    doc["table1"]["user"]["name"] = "𠮷田 一"
    body = problem(server.client.post("/v1/render", json={"document": doc}), 422, "missing_glyphs")
    assert body["causes"][0]["path"] == "table1.user.name" and body["causes"][0]["value"] == "𠮷"
    r = server.client.post("/v1/render", json={"document": doc, "options": {"allow_missing_glyphs": True}})
    assert r.status_code == 200
    assert r.headers["x-careplan-missing-glyph-count"] == "1"
    assert json.loads(r.headers["x-careplan-missing-glyphs"]) == [{"path": "table1.user.name", "character": "𠮷"}]


def test_hostile_text_is_printed_as_text(server):
    doc = plan()
    doc["table1"]["support_policy"] = '#read("/etc/passwd") ] ) } $ \\ #import "@preview/x:0.1.0"'
    r = server.client.post("/v1/render", json={"document": doc})
    assert r.status_code == 200
    assert '#read("/etc/passwd")' in pdftotext(r.content).replace("\n", "")


def test_render_violations_are_the_documents(server):
    path = FIXTURES / "invalid" / "short-term-outside-long-term.json"
    r = server.client.post("/v1/render", json={"document": json.loads(path.read_text())})
    want = json.loads(cli("validate", "--format", "json", str(path)).stdout)["files"][0]["violations"]
    assert problem(r, 422, "invalid_document")["violations"] == want


# -- CSV --------------------------------------------------------------------


def cli_export(tmp_path, *paths, verb="export"):
    out = tmp_path / verb
    args = ["csv", verb, *map(str, paths), "--from", SENDER["from"], "--to", SENDER["to"], "--timestamp", SENDER["timestamp"], "-o", str(out)]
    got = cli(*args)
    assert got.returncode == 0, got.stderr
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_export_is_the_clis_send_set_and_imports_back(server, tmp_path):
    paths = sorted((FIXTURES / "plans").glob("*.json"))
    docs = [json.loads(p.read_text()) for p in paths]
    r = server.client.post("/v1/csv/export", json={"documents": docs, "options": SENDER})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/zip"
    assert r.headers["content-disposition"] == 'attachment; filename="careplan-send-set-20260401093000.zip"'
    z = zipfile.ZipFile(io.BytesIO(r.content))
    files = {n: z.read(n) for n in z.namelist()}
    assert files == cli_export(tmp_path, *paths)
    assert all(n.endswith("_20260401093000.CSV") for n in files)
    assert all(i.date_time == (2026, 4, 1, 9, 30, 0) for i in z.infolist())
    # The same request, the same bytes.
    assert server.client.post("/v1/csv/export", json={"documents": docs, "options": SENDER}).content == r.content

    back = server.client.post("/v1/csv/import", content=r.content, headers={"content-type": "application/zip"})
    assert back.status_code == 200, back.text
    got = back.json()
    assert got["errors"] == [] and len(got["documents"]) == len(docs)
    # As the command line imports the same files.
    (tmp_path / "in").mkdir()
    for n, b in files.items():
        (tmp_path / "in" / n).write_bytes(b)
    out = tmp_path / "imported"
    assert cli("csv", "import", *map(str, sorted((tmp_path / "in").iterdir())), "-o", str(out)).returncode == 0
    want = {p.name: json.loads(p.read_text()) for p in out.iterdir()}
    for d in got["documents"]:
        k = d["key"]
        name = f"{k['insured_number']}_{k['plan_date'].replace('-', '')}.json"
        assert d["document"] == want[name]

    # Multipart, one part per file, gives the same.
    parts = [("files", (n, b, "text/csv")) for n, b in files.items()]
    multi = server.client.post("/v1/csv/import", files=parts)
    assert multi.status_code == 200 and multi.json() == got
    # And a multipart part that is the ZIP.
    zipped = server.client.post("/v1/csv/import", files=[("files", ("set.zip", r.content, "application/zip"))])
    assert zipped.json() == got


def test_withdraw(server, tmp_path):
    path = FIXTURES / "plans" / "case-a.json"
    r = server.client.post("/v1/csv/withdraw", json={"documents": [plan()], "options": SENDER})
    assert r.status_code == 200
    z = zipfile.ZipFile(io.BytesIO(r.content))
    files = {n: z.read(n) for n in z.namelist()}
    assert files == cli_export(tmp_path, path, verb="withdraw")
    assert all(n.startswith("DLT1KYO_") for n in files)
    got = server.client.post("/v1/csv/import", content=r.content, headers={"content-type": "application/zip"}).json()
    assert len(got["withdrawn"]) == 1 and got["withdrawn"][0]["insured_number"] == plan()["table1"]["user"]["insured_number"]


def test_export_problems(server):
    bad = json.loads((FIXTURES / "invalid" / "short-term-outside-long-term.json").read_text())
    body = problem(server.client.post("/v1/csv/export", json={"documents": [plan(), bad], "options": SENDER}), 422, "invalid_document")
    assert body["violations"][0]["path"].startswith("documents[1].table2.")
    body = problem(server.client.post("/v1/csv/export", json={"documents": [plan()], "options": {**SENDER, "from": "12:43"}}), 400, "bad_options")
    assert body["causes"][0]["path"] == "from"
    problem(server.client.post("/v1/csv/export", json={"documents": [], "options": SENDER}), 422, "nothing_to_write")
    doc = plan()
    doc["table1"]["support_policy"] = "〜と𠮷"
    body = problem(server.client.post("/v1/csv/export", json={"documents": [doc], "options": SENDER}), 422, "unencodable")
    assert {c["value"] for c in body["causes"]} == {"〜", "𠮷"}
    doc["table1"]["support_policy"] = "〜まで"
    r = server.client.post("/v1/csv/export", json={"documents": [doc], "options": {**SENDER, "jis_substitutions": True}})
    assert r.status_code == 200
    assert json.loads(r.headers["x-careplan-substitutions"]) == [{"path": "plans[0].table1.support_policy", "from": "〜", "to": "～"}]


def test_import_problems(server):
    problem(server.client.post("/v1/csv/import", content=b"PK not a zip", headers={"content-type": "application/zip"}), 400, "malformed_request")
    empty = io.BytesIO()
    zipfile.ZipFile(empty, "w").close()
    problem(server.client.post("/v1/csv/import", content=empty.getvalue(), headers={"content-type": "application/zip"}), 400, "malformed_request")
    # Files that are not the standard's are errors in the report, not HTTP errors.
    r = server.client.post("/v1/csv/import", files=[("files", ("notes.txt", b"hello", "text/plain"))])
    assert r.status_code == 200
    assert [e["code"] for e in r.json()["errors"]] == ["unknown_file_kind"]


def test_committed_send_sets_import_as_the_cli_does(server, tmp_path):
    for folder in sorted((FIXTURES / "csv").iterdir()):
        files = [p for p in sorted(folder.iterdir()) if p.suffix.upper() == ".CSV"]
        parts = [("files", (p.name, p.read_bytes(), "text/csv")) for p in files]
        got = server.client.post("/v1/csv/import", files=parts).json()
        out = tmp_path / folder.name
        cli("csv", "import", *map(str, files), "-o", str(out))
        want = {p.name: json.loads(p.read_text()) for p in out.iterdir()} if out.exists() else {}
        assert len(got["documents"]) + len(got["usage"]) + len(got["table7"]) == len(want), folder.name
        for d in got["documents"]:
            k = d["key"]
            suffix = {"yobo_plan": "_yobo", "yobo_kihon": "_kihon"}.get(d["document"].get("form"), "")
            assert d["document"] == want[f"{k['insured_number']}_{k['plan_date'].replace('-', '')}{suffix}.json"]
        for u in got["usage"]:
            k = u["key"]
            assert u["document"] == want[f"{k['insured_number']}_{k['month'].replace('-', '')}_usage.json"]
        # A 第7表 as sent (UPSIKYU) comes back as its figures, as the CLI writes them.
        for t in got["table7"]:
            k = t["key"]
            assert t == want[f"{k['insured_number']}_{k['month'].replace('-', '')}_table7.json"]


def test_options_that_would_multiply_the_work_are_refused(server):
    body = problem(server.client.post("/v1/render", json={"document": plan(), "options": {"tables": [1] * 1000}}), 400, "bad_options")
    assert body["causes"][0]["path"] == "tables"


def test_deeply_nested_json_is_refused_not_a_crash(server):
    deep = b"[" * 100_000 + b"]" * 100_000
    # As the command line says of it: not the shape of a plan.
    want = json.loads(cli("validate", "--format", "json", "-", stdin=deep).stdout)["files"][0]["violations"]
    assert problem(server.client.post("/v1/validate", content=deep, headers=JSON), 422, "invalid_document")["violations"] == want
    r = server.client.post("/v1/render", content=b'{"document": ' + deep + b"}", headers=JSON)
    assert problem(r, 422, "invalid_document")["violations"] == want
    problem(server.client.post("/v1/render", content=b'{"options": ' + deep + b"}", headers=JSON), 400, "malformed_request")
    assert server.client.get("/health").status_code == 200


def test_a_yobo_plan_on_every_route(server, tmp_path):
    """A 介護予防サービス・支援計画書 is validated, checked, printed as the CLI
    prints it, and exchanged as UPYOBO/UPYOBO_SUB."""
    path = FIXTURES / "yobo" / "plans" / "entrusted-applying.json"
    doc = json.loads(path.read_text())
    r = server.client.post("/v1/validate", json=doc)
    assert r.status_code == 200 and r.json()["form"] == "yobo_plan"
    bad = json.loads((FIXTURES / "yobo" / "invalid" / "level-care-2.json").read_text())
    body = problem(server.client.post("/v1/validate", json=bad), 422, "invalid_document")
    assert body["violations"][0]["rule"] == "care_level_on_preventive_plan"
    r = server.client.post("/v1/check", json=doc)
    assert r.status_code == 200
    assert r.json() == json.loads(cli("check", "--format", "json", str(path)).stdout)
    r = server.client.post("/v1/render", json={"document": doc})
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    out = tmp_path / "yobo.pdf"
    cli("render", str(path), "-o", str(out))
    assert r.content == out.read_bytes()
    r = server.client.post("/v1/csv/export", json={"documents": [doc], "options": {"from": "0300000100:46", "to": "0300000005:15", "timestamp": "20251201093000"}})
    assert r.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(r.content)).namelist()
    assert sorted(n.split("_0300000100")[0] for n in names) == ["UPYOBO", "UPYOBO_SUB"]
    mixed = {"documents": [doc, plan()], "options": {"from": "0300000100:46", "to": "0300000005:15", "timestamp": "20251201093000"}}
    problem(server.client.post("/v1/csv/export", json=mixed), 400, "bad_options")


def test_a_case_file_on_every_route(server, tmp_path):
    """A case file (plan, 第4表, 第5表) is validated, checked and printed as
    the CLI does it, any tables in any order; a 第4表 alone too; the CSV
    export refuses it with the reason."""
    path = FIXTURES / "cases" / "case-a.json"
    doc = json.loads(path.read_text())
    r = server.client.post("/v1/validate", json=doc)
    assert r.status_code == 200 and r.json()["form"] == "case_file"
    bad = json.loads((FIXTURES / "cases-invalid" / "meeting-for-another-user.json").read_text())
    body = problem(server.client.post("/v1/validate", json=bad), 422, "invalid_document")
    assert [(v["path"], v["rule"]) for v in body["violations"]] == [("meetings[0].user_name", "user_mismatch")]
    r = server.client.post("/v1/check", json=doc)
    assert r.status_code == 200
    assert r.json() == json.loads(cli("check", "--format", "json", str(path)).stdout)
    r = server.client.post("/v1/render", json={"document": doc, "options": {"tables": [5, 1]}})
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    out = tmp_path / "case.pdf"
    assert cli("render", str(path), "--tables", "5,1", "-o", str(out)).returncode == 0
    assert r.content == out.read_bytes()
    meeting = FIXTURES / "meetings" / "case-a-first-meeting.json"
    r = server.client.post("/v1/render", json={"document": json.loads(meeting.read_text())})
    out = tmp_path / "meeting.pdf"
    assert cli("render", str(meeting), "-o", str(out)).returncode == 0
    assert r.status_code == 200 and r.content == out.read_bytes()
    # A 第4表 holds no 第1表: refused, not an empty PDF.
    problem(server.client.post("/v1/render", json={"document": json.loads(meeting.read_text()), "options": {"tables": [1]}}), 400, "bad_options")
    export = {"documents": [doc], "options": {"from": "0300000100:46", "to": "0300000005:15", "timestamp": "20251201093000"}}
    body = problem(server.client.post("/v1/csv/export", json=export), 400, "bad_options")
    assert body["causes"][0]["path"] == "documents[0]"


def test_a_usage_sheet_is_validated_and_printed_as_the_cli_does(server, tmp_path):
    """A 第6表 is validated, checked and printed as the CLI does it; an
    invalid one is refused with its path; it has no CSV records yet, and
    says so."""
    path = FIXTURES / "usage" / "level-change-2025-04.json"
    doc = json.loads(path.read_text())
    r = server.client.post("/v1/validate", json=doc)
    assert r.status_code == 200 and r.json()["form"] == "kyotaku_usage"
    bad = json.loads((FIXTURES / "usage-invalid" / "april-31st.json").read_text())
    body = problem(server.client.post("/v1/validate", json=bad), 422, "invalid_document")
    assert [(v["path"], v["rule"]) for v in body["violations"]] == [("rows[0].planned[8].day", "day_not_in_month")]
    r = server.client.post("/v1/render", json={"document": doc})
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    out = tmp_path / "usage.pdf"
    assert cli("render", str(path), "-o", str(out)).returncode == 0
    assert r.content == out.read_bytes()
    # One office's サービス提供票, as `--provider` prints it.
    r = server.client.post("/v1/render", json={"document": doc, "options": {"provider": "1470000201"}})
    out = tmp_path / "provider.pdf"
    assert cli("render", str(path), "--provider", "1470000201", "-o", str(out)).returncode == 0
    assert r.status_code == 200 and r.content == out.read_bytes()
    body = problem(server.client.post("/v1/render", json={"document": doc, "options": {"provider": "1999999999"}}), 400, "bad_options")
    assert "1999999999" in body["message_en"]
    body = problem(server.client.post("/v1/render", json={"document": doc, "options": {"provider": "12"}}), 400, "bad_options")
    assert body["causes"][0]["path"] == "provider"
    problem(server.client.post("/v1/render", json={"document": plan(), "options": {"provider": "1470000201"}}), 400, "bad_options")
    fires = FIXTURES / "usage-check" / "T6-001.json"
    r = server.client.post("/v1/check", json=json.loads(fires.read_text()))
    assert r.status_code == 200
    assert r.json() == json.loads(cli("check", "--format", "json", str(fires)).stdout)
    assert [f["rule"] for f in r.json()["findings"]] == ["T6-001"]
    export = {"documents": [doc], "options": {"from": "0300000100:46", "to": "0300000005:15", "timestamp": "20251201093000"}}
    problem(server.client.post("/v1/csv/export", json=export), 400, "bad_options")


# -- 第7表 --------------------------------------------------------------------


def table7_body(name, master_as="csv", **extra):
    masters = FIXTURES / "masters"
    master = (
        (masters / "service-codes-illustrative.csv").read_text()
        if master_as == "csv"
        else json.loads((masters / "service-codes-illustrative.json").read_text())
    )
    body = {
        "document": json.loads((FIXTURES / "usage" / f"{name}.json").read_text()),
        "master": master,
        "terms": json.loads((FIXTURES / "table7" / f"{name}.terms.json").read_text()),
    }
    body.update(extra)
    return body


@pytest.mark.parametrize("master_as", ["csv", "json"])
def test_table7_gives_the_hand_worked_figures(server, master_as):
    r = server.client.post("/v1/table7", json=table7_body("care3-over-limit-2025-06", master_as, explain={"group": 1, "row": 0}))
    assert r.status_code == 200, r.text
    t = r.json()["table7"]
    expected = json.loads((FIXTURES / "table7" / "care3-over-limit-2025-06.expected.json").read_text())
    for key in ["limit", "managed", "over", "within", "cost", "claim", "burden", "full_burden"]:
        assert t[key] == expected[key], key
    assert [g["subtotal"] for g in t["groups"]] == [g["subtotal"] for g in expected["groups"]]
    steps = {s["column_ja"]: s for s in r.json()["explanation"]}
    assert steps["区分支給限度基準を超える単位数"]["value"] == "1344"
    # The CLI computes the same table.
    out = cli(
        "table7", str(FIXTURES / "usage" / "care3-over-limit-2025-06.json"),
        "--master", str(FIXTURES / "masters" / "service-codes-illustrative.csv"),
        "--terms", str(FIXTURES / "table7" / "care3-over-limit-2025-06.terms.json"),
        "--format", "json",
    )
    assert json.loads(out.stdout)["table7"] == t


def test_table7_names_every_problem(server):
    body = table7_body("care3-over-limit-2025-06")
    body["terms"]["offices"] = body["terms"]["offices"][:1]
    b = problem(server.client.post("/v1/table7", json=body), 422, "cannot_compute")
    assert [c["path"] for c in b["causes"]] == ["rows[1].office_number", "rows[2].office_number", "rows[3].office_number"]
    body = table7_body("care3-over-limit-2025-06")
    body["terms"]["allocation"][0]["units"] = 1000
    b = problem(server.client.post("/v1/table7", json=body), 422, "cannot_compute")
    assert b["causes"][0]["code"] == "allocation" and b["causes"][0]["path"] == "terms.allocation"
    body = table7_body("care3-over-limit-2025-06")
    body["master"] = "code,name\n111111,a\n"
    b = problem(server.client.post("/v1/table7", json=body), 422, "bad_master")
    assert b["causes"][0]["detail"] == "line 1"
    body = table7_body("care3-over-limit-2025-06")
    body["terms"]["burden_tenths"] = 4
    b = problem(server.client.post("/v1/table7", json=body), 400, "bad_options")
    assert b["causes"][0]["path"] == "terms.burden_tenths"
    body = table7_body("care3-over-limit-2025-06")
    body["document"] = plan()
    problem(server.client.post("/v1/table7", json=body), 400, "bad_options")
    body = table7_body("care3-over-limit-2025-06")
    del body["document"]["month"]
    problem(server.client.post("/v1/table7", json=body), 422, "invalid_document")


def test_render_prints_a_usage_sheet_with_its_table7_as_the_cli_does(server, tmp_path):
    body = table7_body("short-stay-30-days-2025-05")
    request = {"document": body["document"], "options": {"table7": {"master": body["master"], "terms": body["terms"]}}}
    r = server.client.post("/v1/render", json=request)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["x-careplan-page-count"] == "2"
    out = tmp_path / "cli.pdf"
    cli(
        "render", str(FIXTURES / "usage" / "short-stay-30-days-2025-05.json"), "-o", str(out),
        "--master", str(FIXTURES / "masters" / "service-codes-illustrative.csv"),
        "--terms", str(FIXTURES / "table7" / "short-stay-30-days-2025-05.terms.json"),
    )
    assert out.read_bytes() == r.content
    # 第7表 alone, without its inputs, or for a plan: refused.
    alone = {"document": body["document"], "options": {"tables": [7]}}
    b = problem(server.client.post("/v1/render", json=alone), 400, "bad_options")
    assert b["causes"][0]["path"] == "tables"
    wrong = {"document": plan(), "options": {"table7": {"master": body["master"], "terms": body["terms"]}}}
    b = problem(server.client.post("/v1/render", json=wrong), 400, "bad_options")
    assert b["causes"][0]["path"] == "table7"


def test_a_month_and_a_providers_actuals_go_out_and_come_back(server, tmp_path):
    name = "level-change-2025-04"
    t7 = table7_body(name)
    sheet = t7["document"]
    plan_opts = {"from": "1470000002:43", "to": "1470000201:11", "timestamp": "20250416120000",
                 "table7": {"master": t7["master"], "terms": t7["terms"]}}
    r = server.client.post("/v1/csv/export", json={"documents": [sheet], "options": plan_opts})
    assert r.status_code == 200, r.text
    files = {n: zipfile.ZipFile(io.BytesIO(r.content)).read(n) for n in zipfile.ZipFile(io.BytesIO(r.content)).namelist()}
    assert sorted(files) == [
        "UPHOSOKU_202504_1470000002_43_1470000201_11_20250416120000.CSV",
        "UPPLAN_202504_1470000002_43_1470000201_11_20250416120000.CSV",
        "UPSIKYU_202504_1470000002_43_1470000201_11_20250416120000.CSV",
    ]
    # The same bytes as the command line writes.
    out = tmp_path / "cli"
    got = cli("csv", "export", str(FIXTURES / "usage" / f"{name}.json"), "--from", plan_opts["from"], "--to", plan_opts["to"],
              "--timestamp", plan_opts["timestamp"], "--master", str(FIXTURES / "masters" / "service-codes-illustrative.csv"),
              "--terms", str(FIXTURES / "table7" / f"{name}.terms.json"), "-o", str(out))
    assert got.returncode == 0, got.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == files
    # The 訪問介護 office's 実績.
    jsk = server.client.post("/v1/csv/export", json={"documents": [sheet], "options": {
        **plan_opts, "from": "1470000201:11", "to": "1470000002:43", "timestamp": "20250501090000", "actuals": True}})
    assert jsk.status_code == 200, jsk.text
    jsk_files = {n: zipfile.ZipFile(io.BytesIO(jsk.content)).read(n) for n in zipfile.ZipFile(io.BytesIO(jsk.content)).namelist()}
    assert list(jsk_files) == ["UPJSK_202504_1470000201_11_1470000002_43_20250501090000.CSV"]
    parts = [("files", (n, b, "text/csv")) for n, b in {**files, **jsk_files}.items()]
    back = server.client.post("/v1/csv/import", files=parts)
    assert back.status_code == 200, back.text
    got = back.json()
    assert got["errors"] == [] and got["documents"] == []
    assert [u["key"] for u in got["usage"]] == [{"insurer_number": "141003", "insured_number": "0000765432", "month": "2025-04"}]
    assert got["usage"][0]["document"]["rows"][1]["planned"] == sheet["rows"][1]["planned"]
    # The 第7表 sent beside it comes back as its figures: the 全合計 line's 費用総額 as careplan computes it.
    [t] = got["table7"]
    assert t["key"] == got["usage"][0]["key"]
    computed = server.client.post("/v1/table7", json=t7).json()["table7"]
    [total] = [l for l in t["table7"]["lines"] if l["line"] == "total"]
    assert total["cost"] == computed["cost"] and total["claim"] == computed["claim"]
    [a] = got["actuals"]
    assert (a["office_number"], a["service_kind"]) == ("1470000201", "11")
    served = [r for r in sheet["rows"] if r["office_number"] == "1470000201" and r.get("actual")]
    # Each row as a 第6表 writes it (a count of 1 left out).
    assert [r["actual"] for r in a["rows"]] == [r["actual"] for r in served]
    # Without the master and terms, nothing is written: 400 naming the option.
    body = problem(server.client.post("/v1/csv/export", json={"documents": [sheet], "options": SENDER}), 400, "bad_options")
    assert body["causes"][0]["path"] == "table7"
    # Withdrawals.
    w = server.client.post("/v1/csv/withdraw", json={"documents": [sheet], "options": {**SENDER, "actuals": True}})
    assert w.status_code == 200, w.text
    got = server.client.post("/v1/csv/import", content=w.content, headers={"content-type": "application/zip"}).json()
    assert got["withdrawn_actuals"] == [{"key": {"insurer_number": "141003", "insured_number": "0000765432", "month": "2025-04"},
                                         "office_number": "1234567890", "service_kind": "43"}]
