# ruff: noqa: S106, S603, S607 - a local benchmark: fixed commands, a throwaway key, loopback only
"""`make bench`: how fast each public page type is, as a share of a static file served by the same server.

Starts the site with production settings (gunicorn, 2 sync workers, DEBUG off, WhiteNoise) on a
fresh SQLite database holding the demo content, then for every page type:
- counts its SQL queries and HTML bytes in-process (Django test client, production settings);
- writes a static file of the same size into STATIC_ROOT, served by WhiteNoise in the same server;
- loads the page and its static twin with wrk (loopback only, bounded by time) and records
  requests/s and p50/p99 latency;
uncached (full-page cache off) and cached (on). Results go to bench/results.md.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
BASE = f"http://127.0.0.1:{PORT}"
DURATION = os.environ.get("BENCH_DURATION", "4s")
WORK = ROOT / "bench" / "work"

# (label, path); paths that do not exist yet are reported as missing, not skipped silently.
PAGES = [
    ("home", "/th/"),
    ("standard page", "/th/about/"),
    ("case study index", "/th/case-studies/"),
    ("case study", "/th/case-studies/ban-pho-thong/"),
    ("toolkit", "/th/toolkit/"),
    ("toolkit step", "/th/toolkit/understand-the-model/"),
    ("impact dashboard", "/th/impact/"),
    ("search (Thai query)", "/th/search/?q=%E0%B8%AD%E0%B8%B2%E0%B8%8A%E0%B8%B5%E0%B8%9E"),
    ("figures.csv", "/th/impact/figures.csv"),
    ("news index", "/th/news/"),
]


def env(cached: bool):
    e = dict(os.environ)
    e.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="bench-only-not-secret",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{WORK / 'bench.sqlite3'}",
        MEDIA_ROOT=str(WORK / "media"),
        STATIC_ROOT=str(WORK / "static"),
        PAGE_CACHE_SECONDS="300" if cached else "0",
        FRAGMENT_CACHE_SECONDS="3600",  # local memory: right for one server that nobody edits during the run
        SERVE_MEDIA="1",
    )
    if "BENCH_REDIS_URL" in os.environ:
        e["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
    else:
        e.pop("REDIS_URL", None)
    return e


def manage(*args, cached=False):
    subprocess.run([str(VENV_BIN / "python"), "manage.py", *args], cwd=ROOT, env=env(cached), check=True)


def measure_in_process():
    """SQL queries and bytes per page, from a fresh process per page set (production settings)."""
    script = r"""
import json, sys
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
out = {}
for path in json.loads(sys.argv[1]):
    client.get(path)  # warm process-level caches as a running server would be
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    out[path] = {"status": response.status_code, "queries": len(ctx.captured_queries), "bytes": len(response.content)}
print(json.dumps(out))
"""
    result = subprocess.run(
        [str(VENV_BIN / "python"), "-c", script, json.dumps([p for _, p in PAGES])],
        cwd=ROOT,
        env=env(cached=False),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def start_server(cached):
    log = open(WORK / f"gunicorn-{'cached' if cached else 'uncached'}.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "config.wsgi", "-w", "2", "-b", f"127.0.0.1:{PORT}", "--log-level", "warning"],
        cwd=ROOT,
        env=env(cached),
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(BASE + "/healthz", timeout=1)  # noqa: S310 - loopback only
            return proc
        except Exception:  # noqa: BLE001
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("gunicorn did not start; see " + log.name)


def stop_server(proc):
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=20)


def wrk(url):
    out = subprocess.run(
        ["wrk", "-t2", "-c10", f"-d{DURATION}", "--latency", url], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def pct(name):
        m = re.search(rf"\s{name}%\s+([\d.]+)(us|ms|s)", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {"rps": rps, "p50": pct("50"), "p99": pct("99"), "errors": int(non2xx.group(1)) if non2xx else 0}


def static_twin(size):
    """A static file of ``size`` bytes in STATIC_ROOT (served by WhiteNoise like the real static files)."""
    path = WORK / "static" / "bench" / f"twin-{size}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((b"<!doctype html><p>" + b"x" * size)[:size])
    return f"/static/bench/twin-{size}.html"


def main():
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    load_before = os.getloadavg()
    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    manage("migrate", "--noinput", "-v0")
    manage("load_demo_content", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    measured = measure_in_process()
    twins = {path: static_twin(m["bytes"]) for path, m in measured.items() if m["status"] == 200}

    runs = {}
    for cached in (False, True):
        proc = start_server(cached)
        try:
            for label, path in PAGES:
                if path not in twins:
                    continue
                if cached:
                    urllib.request.urlopen(BASE + path, timeout=10).read()  # noqa: S310 - fill the cache
                page = wrk(BASE + path)
                static = wrk(BASE + twins[path])
                runs[(cached, path)] = (page, static)
                print(
                    f"{'cached' if cached else 'uncached':8} {label:22} {page['rps']:8.0f} req/s  "
                    f"static {static['rps']:8.0f}  ratio {100 * page['rps'] / static['rps']:5.1f} %"
                )
        finally:
            stop_server(proc)
    write_results(measured, runs, load_before)


def write_results(measured, runs, load_before):
    load_after = os.getloadavg()
    lines = [
        "# Benchmark results",
        "",
        f"`make bench` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: gunicorn, 2 sync workers, production",
        f"settings (DEBUG off, WhiteNoise), SQLite, demo content; `wrk -t2 -c10 -d{DURATION}` on loopback.",
        "Each page is compared with a static file of the same size served by the same server in the same run.",
        f"Machine: {os.cpu_count()} cores shared with other work; load average (1/5/15 min) before the run "
        f"{load_before[0]:.2f}/{load_before[1]:.2f}/{load_before[2]:.2f}, after {load_after[0]:.2f}/"
        f"{load_after[1]:.2f}/{load_after[2]:.2f}.",
        "Uncached: full-page cache off (`PAGE_CACHE_SECONDS=0`), fragment caches warm (one view first), as in",
        "production between publishes. Cached: anonymous full-page cache on local memory (per process; see",
        "docs/deployment.md for Redis). Targets: uncached ≥ 4 % and ≤ 12 SQL queries, cached ≥ 50 %.",
        "",
        "| page | mode | req/s | p50 ms | p99 ms | static req/s | ratio to static | target | SQL queries | HTML bytes |",
        "|---|---|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for cached in (False, True):
        for label, path in PAGES:
            m = measured.get(path)
            if m is None or m["status"] != 200:
                if not cached:
                    lines.append(f"| {label} (`{path}`) | — | missing (HTTP {m and m['status']}) | | | | | | | |")
                continue
            page, static = runs[(cached, path)]
            ratio = 100 * page["rps"] / static["rps"]
            queries = 0 if cached else m["queries"]
            met = ratio >= (50 if cached else 4) and queries <= 12 and not page["errors"]
            verdict = ("met" if met else "**missed**") + (f", {page['errors']} errors" if page["errors"] else "")
            lines.append(
                f"| {label} (`{path}`) | {'cached' if cached else 'uncached'} | {page['rps']:.0f} | {page['p50']:.1f} | "
                f"{page['p99']:.1f} | {static['rps']:.0f} | {ratio:.1f} % | {verdict} | {queries} | {m['bytes']} |"
            )
    (ROOT / "bench" / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote bench/results.md")


if __name__ == "__main__":
    sys.exit(main())
