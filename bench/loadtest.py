"""A bounded load test: gunicorn serving the app on loopback, N connections for T seconds.

    python bench/loadtest.py [--seconds 60] [--connections 32] [--workers 3] [--url URL]

Without --url it starts gunicorn itself (production settings, whitenoise, loopback only) against
the configured database (DATABASE_URL, or the embedded server with the sample data loaded by
`make run`/`make samples`), and stops it afterwards. Prints requests/s, p50/p95/p99 latency and
the number of errors; the last line is one JSON object. Exits non-zero if any request failed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def mix(base_paths: dict[str, list[str]]) -> list[str]:
    """A search/browse mix: mostly searches, then transcripts, permalinks and lists."""
    searches = [
        '/search/?q="Minsk agreements"',
        "/search/?q=Turkiye",
        "/search/?q=sanctions",
        "/search/?q=NATO&sort=newest",
        "/search/?q=Taiwan&role=answer",
        "/search/?q=security+-Europe",
        "/search/?q=Ukraine&speaker=sergey-lavrov",
        "/search/?q=economy&date_from=2020-01-01",
        "/search/?role=question",
    ]
    pages = ["/", "/events/", "/speakers/", "/entities/", "/static/css/verbatim.css"]
    weighted = searches * 4 + pages * 2 + base_paths["events"] + base_paths["permalinks"] + base_paths["entities"]
    return [urllib.parse.quote(p, safe='/?=&+-"') for p in weighted]


def discover(base: str) -> dict[str, list[str]]:
    """Real event, permalink and entity paths, read from the running site's own pages."""
    import re

    found = {"events": [], "permalinks": [], "entities": []}
    with urllib_get(base + "/events/") as body:
        found["events"] = sorted(set(re.findall(r'href="(/events/[a-z0-9-]+/)"', body)))[:10]
    for event in found["events"][:3]:
        with urllib_get(base + event) as body:
            found["permalinks"] += re.findall(r'href="(/u/[a-z0-9-]+/\d+/)"', body)[:5]
    with urllib_get(base + "/entities/") as body:
        found["entities"] = re.findall(r'href="(/entities/[a-z0-9-]+/)"', body)[:10]
    return found


class urllib_get:
    def __init__(self, url: str):
        import urllib.request

        self.response = urllib.request.urlopen(url, timeout=30)

    def __enter__(self) -> str:
        return self.response.read().decode()

    def __exit__(self, *exc):
        self.response.close()


def worker(host, port, paths, deadline, latencies, errors, lock, seed):
    rng = random.Random(seed)
    connection = http.client.HTTPConnection(host, port, timeout=30)
    mine, failed = [], []
    while time.monotonic() < deadline:
        path = rng.choice(paths)
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            if response.status >= 400:
                failed.append(f"{response.status} {path}")
            mine.append(time.perf_counter() - started)
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=30)
        except (OSError, http.client.HTTPException) as err:
            failed.append(f"{type(err).__name__} {path}")
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.close()
    with lock:
        latencies.extend(mine)
        errors.extend(failed)


def run(base: str, seconds: float, connections: int) -> dict:
    parsed = urllib.parse.urlparse(base)
    if parsed.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("loadtest only runs against loopback")
    paths = mix(discover(base))
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    started = time.perf_counter()
    threads = [
        threading.Thread(
            target=worker, args=(parsed.hostname, parsed.port, paths, deadline, latencies, errors, lock, i)
        )
        for i in range(connections)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p: float) -> float:
        return round(1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))], 1) if latencies else 0.0

    return {
        "seconds": round(elapsed, 1),
        "connections": connections,
        "requests": len(latencies) + len([e for e in errors if not e[0].isdigit()]),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "mean_ms": round(1000 * statistics.fmean(latencies), 1) if latencies else 0.0,
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "archive.production",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback
    }
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "archive.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--timeout", "30", "--keep-alive", "5", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib_get(base + "/"):
                return server, base
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--url", help="An already running server on loopback.")
    args = parser.parse_args()
    server = None
    base = args.url
    if not base:
        server, base = serve(args.workers)
    try:
        result = run(base, args.seconds, args.connections)
    finally:
        if server:
            server.terminate()
            server.wait(15)
    print(f"{result['requests']} requests in {result['seconds']} s at {result['connections']} connections")
    print(f"{result['requests_per_second']} requests/s; p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
          f"p99 {result['p99_ms']} ms; {result['errors']} errors")  # fmt: skip
    print(json.dumps(result))
    sys.exit(1 if result["errors"] else 0)


if __name__ == "__main__":
    main()
