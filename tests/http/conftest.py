"""Starts the real `careplan serve` on 127.0.0.1 (port 0) for the HTTP tests.

The binary is target/debug/careplan unless CAREPLAN names another; the
tests drive it with httpx, as a care product's back end would.
"""

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("CAREPLAN", ROOT / "target" / "debug" / "careplan"))
FIXTURES = ROOT / "fixtures"


class Server:
    """One running `careplan serve`, its base URL and its logs."""

    def __init__(self, *flags):
        self.log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"careplan-serve-{os.getpid()}-{time.monotonic_ns()}.log"
        self.log = open(self.log_path, "w+b")
        self.proc = subprocess.Popen(
            [str(BINARY), "serve", "--listen", "127.0.0.1:0", *flags],
            stdout=subprocess.PIPE,
            stderr=self.log,
            env={**os.environ, "CAREPLAN_LOG": "info"},
        )
        line = self.proc.stdout.readline().decode()
        assert line.startswith("careplan serve: listening on http://"), line
        self.url = line.split("listening on ", 1)[1].strip()
        self.client = httpx.Client(base_url=self.url, timeout=60)
        deadline = time.monotonic() + 30
        while self.client.get("/health").status_code != 200:
            assert time.monotonic() < deadline, "not ready within 30 s"
            time.sleep(0.02)

    def logs(self):
        """Every JSON log line so far."""
        self.log.flush()
        return [json.loads(l) for l in self.log_path.read_text().splitlines() if l.strip()]

    def stop(self, timeout=30):
        """SIGTERM, and the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        finally:
            self.client.close()
            self.log.close()


@pytest.fixture(scope="session")
def server():
    s = Server()
    yield s
    assert s.stop() == 0, "the server did not stop cleanly on SIGTERM"


@pytest.fixture
def start():
    """Starts servers with flags; each is stopped after the test."""
    started = []

    def make(*flags):
        s = Server(*flags)
        started.append(s)
        return s

    yield make
    for s in started:
        s.stop()


def cli(*args, stdin=None):
    """Runs the command line, as the HTTP results are compared with it."""
    return subprocess.run([str(BINARY), *args], input=stdin, capture_output=True)


def plan(name="case-a.json"):
    return json.loads((FIXTURES / "plans" / name).read_text())
