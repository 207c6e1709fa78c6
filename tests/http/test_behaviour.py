"""Limits, load, request ids, logs, metrics, drain and replicas."""

import json
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from conftest import FIXTURES, plan
from test_routes import JSON, problem

CASE_A = (FIXTURES / "plans" / "case-a.json").read_bytes()


def test_body_over_the_limit_is_413(start):
    s = start("--max-body", "1000")
    problem(s.client.post("/v1/validate", content=CASE_A, headers=JSON), 413, "payload_too_large")

    # Without a Content-Length (chunked), the limit holds too.
    def chunks():
        for i in range(0, len(CASE_A), 100):
            yield CASE_A[i : i + 100]

    problem(s.client.post("/v1/validate", content=chunks(), headers=JSON), 413, "payload_too_large")
    # A ZIP that unpacks to more than 8 × the limit.
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("UP1KYO_x.CSV", b"0" * 9000)
    assert len(buf.getvalue()) < 1000
    problem(s.client.post("/v1/csv/import", content=buf.getvalue(), headers={"content-type": "application/zip"}), 413, "payload_too_large")
    assert s.client.post("/v1/validate", content=b"{}", headers=JSON).status_code == 422


def render_many(url, n, body):
    with httpx.Client(base_url=url, timeout=60) as c:
        with ThreadPoolExecutor(n) as ex:
            return list(ex.map(lambda _: c.post("/v1/render", json=body), range(n)))


def test_full_render_queue_is_429_with_retry_after(start):
    s = start("--workers", "1", "--queue", "1")
    body = {"document": plan("long-table2-showa-gannen.json")}
    got = render_many(s.url, 8, body)
    codes = sorted(r.status_code for r in got)
    assert codes.count(200) >= 2, codes
    assert 429 in codes, codes
    assert set(codes) <= {200, 429}, codes
    for r in got:
        if r.status_code == 429:
            assert r.headers["retry-after"] == "1"
            problem(r, 429, "queue_full")
    metrics = s.client.get("/metrics").text
    assert 'careplan_renders_total{outcome="refused"}' in metrics
    assert "careplan_render_capacity 2" in metrics


def test_no_429_while_places_are_free(start):
    s = start("--workers", "1", "--queue", "8")
    got = render_many(s.url, 8, {"document": plan()})
    assert [r.status_code for r in got] == [200] * 8


def test_max_requests_is_429(start):
    s = start("--workers", "1", "--queue", "8", "--max-requests", "1")
    body = {"document": plan("long-table2-showa-gannen.json")}
    got = render_many(s.url, 4, body)
    codes = sorted(r.status_code for r in got)
    assert 200 in codes and 429 in codes, codes


def test_over_the_time_budget_is_503_and_the_slot_is_freed(start):
    s = start("--workers", "1", "--queue", "0", "--timeout-ms", "1")
    r = s.client.post("/v1/render", json={"document": plan()})
    assert problem(r, 503, "timeout")["retry_after"] == 1
    assert r.headers["retry-after"] == "1"
    # The place is free again at once: the next request is admitted (and
    # times out again), not refused with 429.
    time.sleep(0.5)
    r = s.client.post("/v1/render", json={"document": plan()})
    assert r.status_code == 503, r.text
    assert 'careplan_renders_total{outcome="timeout"} 2' in s.client.get("/metrics").text


def test_request_ids_reach_the_response_body_and_logs(server):
    r = server.client.post("/v1/validate", content=b"{", headers={**JSON, "x-request-id": "trace-me-42"})
    assert r.headers["x-request-id"] == "trace-me-42"
    assert problem(r, 400, "malformed_request")["request_id"] == "trace-me-42"
    r = server.client.get("/health")
    generated = r.headers["x-request-id"]
    assert len(generated) == 36
    time.sleep(0.1)
    lines = server.logs()
    mine = [l for l in lines if l.get("span", {}).get("request_id") == "trace-me-42"]
    assert mine and mine[-1]["fields"]["status"] == 400
    assert mine[-1]["fields"]["code"] == "malformed_request"
    assert mine[-1]["span"]["route"] == "/v1/validate"
    assert any(l.get("span", {}).get("request_id") == generated for l in lines)


def test_metrics_count_requests_latencies_renders_and_errors(server):
    server.client.post("/v1/validate", content=b"{}", headers=JSON)
    server.client.post("/v1/render", json={"document": plan()})
    m = server.client.get("/metrics")
    assert m.headers["content-type"].startswith("text/plain; version=0.0.4")
    text = m.text
    assert 'careplan_http_requests_total{route="/v1/validate",method="POST",status="422"}' in text
    assert 'careplan_http_request_duration_seconds_bucket{route="/v1/render",le="+Inf"}' in text
    assert 'careplan_renders_total{outcome="ok"}' in text
    assert 'careplan_errors_total{code="invalid_document"}' in text
    assert "careplan_render_queue_depth 0" in text
    # Every sample line parses as name{labels} value.
    for line in text.splitlines():
        if not line.startswith("#"):
            float(line.rsplit(" ", 1)[1])


def test_sigterm_drains_in_flight_requests_then_exits(start):
    s = start("--workers", "1", "--grace-ms", "1500")
    with ThreadPoolExecutor(1) as ex:
        pending = ex.submit(lambda: httpx.post(s.url + "/v1/render", json={"document": plan("long-table2-showa-gannen.json")}, timeout=60))
        time.sleep(0.2)
        s.proc.send_signal(signal.SIGTERM)
        time.sleep(0.2)
        r = httpx.get(s.url + "/health")
        assert (r.status_code, r.json()) == (503, {"status": "draining"})
        assert pending.result().status_code == 200
    assert s.proc.wait(30) == 0
    messages = [l["fields"]["message"] for l in s.logs()]
    assert "draining" in messages and messages[-1] == "stopped"


def test_ctrl_c_stops_too(start):
    s = start()
    s.proc.send_signal(signal.SIGINT)
    assert s.proc.wait(30) == 0


def test_replicas_answer_alike(start):
    a, b = start(), start()
    docs = {"document": plan("care5-night-consent.json"), "options": {"tables": [1, 3]}}
    ra = a.client.post("/v1/render", json=docs)
    rb = b.client.post("/v1/render", json=docs)
    assert ra.status_code == rb.status_code == 200
    assert ra.content == rb.content
    # And one replica answers the same twice, whatever came between.
    a.client.post("/v1/render", json={"document": plan("long-table2-showa-gannen.json")})
    assert a.client.post("/v1/render", json=docs).content == ra.content


def test_bad_fonts_stop_the_start(tmp_path):
    import subprocess

    from conftest import BINARY

    font = tmp_path / "bad.ttf"
    font.write_bytes(b"not a font")
    got = subprocess.run([str(BINARY), "serve", "--listen", "127.0.0.1:0", "--font", str(font)], capture_output=True, timeout=30)
    assert got.returncode == 2
    assert b"font" in got.stderr.lower()
    got = subprocess.run([str(BINARY), "serve", "--font", str(tmp_path / "missing.ttf")], capture_output=True, timeout=30)
    assert got.returncode == 2
