"""The load generator behind `make loadtest`, run small against the test server."""

from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT, seed_path

pytestmark = pytest.mark.django_db(transaction=True)


def loadtest():
    spec = importlib.util.spec_from_file_location("loadtest", ROOT / "bench" / "loadtest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_short_load_run_has_no_errors(live_server):
    from transcripts.ingest import ingest_bytes

    assert ingest_bytes(seed_path().read_bytes(), seed_path().name).status == "created"
    result = loadtest().run(live_server.url, seconds=2, connections=4)
    assert result["requests"] >= 10 and result["errors"] == 0, result["error_examples"]
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["p99_ms"]


def test_the_load_generator_refuses_anything_but_loopback():
    with pytest.raises(SystemExit):
        loadtest().run("http://example.org:80", seconds=1, connections=1)
