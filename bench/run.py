# ruff: noqa: S106, S603, S607 - a local benchmark: fixed commands, a throwaway key, loopback only
"""`make bench`: how fast each public page type is, as a share of a static file served by the same server,
in three columns, each the median of RUNS runs:

- **cold**: every cache off (``DISABLE_CACHES=1``: Django's cache is a dummy, no page or fragment cache),
  so each request renders from the database;
- **app cache**: Redis (``REDIS_URL``) with the anonymous page cache and the fragment caches on;
- **HTTP cache**: Varnish with ``deploy/varnish/default.vcl`` in front of the cold server.

The site runs with production settings under gunicorn (2 sync workers) on a fresh SQLite database holding the
demo content; wrk loads each page and a static file from the same server (10 connections, loopback). The SQL
queries per request are counted by the server itself (``bench/count_queries.py``) during each page's run.
Results, the machine and the commit go to bench/results.md.
"""

import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from report import TITLE, merge_section

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
DURATION = os.environ.get("BENCH_DURATION", "1s")
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379")
WORK = ROOT / "bench" / "work"
COLUMNS = ("cold", "app cache", "HTTP cache")
TARGET_SHARE = 4.0  # % of the static rate, cold
TARGET_QUERIES = 12  # per request, cold


@dataclass(frozen=True)
class Site:
    """One site under test: its database, media and static files (in ``work``) and the ports it is served on."""

    work: Path
    database_url: str
    media: Path
    port: int
    varnish_port: int

    @property
    def app(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def varnish(self):
        return f"http://127.0.0.1:{self.varnish_port}"

    @property
    def static(self):
        return self.work / "static"


DEMO = Site(
    work=WORK,
    database_url=f"sqlite:///{WORK / 'bench.sqlite3'}",
    media=WORK / "media",
    port=int(os.environ.get("BENCH_PORT", "8765")),
    varnish_port=int(os.environ.get("BENCH_VARNISH_PORT", "8766")),
)


def env(site, column):
    e = dict(os.environ)
    e.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="bench-only-not-secret",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=site.database_url,
        MEDIA_ROOT=str(site.media),
        STATIC_ROOT=str(site.static),
        SERVE_MEDIA="1",
        BENCH_COUNTS_URL=f"{REDIS}/14",
    )
    e.pop("REDIS_URL", None)
    e.pop("FRONTEND_CACHE_URL", None)
    if column == "app cache":
        e.update(REDIS_URL=f"{REDIS}/15", PAGE_CACHE_SECONDS="300", FRAGMENT_CACHE_SECONDS="3600")
    else:
        e.update(DISABLE_CACHES="1", PAGE_CACHE_SECONDS="0", FRAGMENT_CACHE_SECONDS="0")
    if column == "HTTP cache":
        e.update(HTTP_CACHE_SECONDS="3600", FRONTEND_CACHE_URL=site.varnish)
    else:
        e.update(HTTP_CACHE_SECONDS="0")
    return e


def manage(site, *args, **kwargs):
    return subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", *args], cwd=ROOT, env=env(site, "cold"), check=True, **kwargs
    )


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
        return response.status, response.read()


def discover_pages(app):
    """``[(label, path)]``: every public page type of the demo, found from the site running at ``app`` (slugs and
    query values come from the pages themselves, so nothing is typed out here that the content could change)."""
    html = {
        path: get(app + path)[1].decode()
        for path in ("/th/case-studies/", "/th/toolkit/", "/th/impact/", "/th/toolkit/planner/")
    }

    def first_option(page, name):
        select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html[page], re.S)
        values = re.findall(r'<option value="([^"]+)"', select.group(1)) if select else []
        if not values:
            raise SystemExit(f"no {name} options on {page}")
        return values[0]

    def first_link(page, prefix):
        """The first link on ``page`` to a page below ``prefix``, written whole or relative to ``page`` (the
        case-study index links its cards relative to itself)."""
        for href in re.findall(r'href="([^"?#]+/)"', html[page]):
            path = urllib.parse.urljoin(page, href)
            if path.startswith(prefix) and path != prefix:
                return path
        raise SystemExit(f"no link under {prefix} on {page}")

    indicator_page = first_link("/th/impact/", "/th/impact/")
    html[indicator_page] = get(app + indicator_page)[1].decode()
    units = re.findall(r'<input type="checkbox" name="unit" value="([^"]+)"', html[indicator_page])
    if not units and 'name="region"' in html[indicator_page]:  # more than 12 units: the chooser asks for a region
        region = first_option(indicator_page, "region")
        listed = get(f"{app}{indicator_page}?region={urllib.parse.quote(region)}")[1].decode()
        units = re.findall(r'<input type="checkbox" name="unit" value="([^"]+)"', listed)
    if not units:
        raise SystemExit(f"no unit choices on {indicator_page}")
    first_unit = units[0]
    if len(units) < 2:
        raise SystemExit(f"fewer than two units to compare on {indicator_page}")
    planner_fields = dict(re.findall(r'<input[^>]*name="(\w+)"[^>]*value="([^"]*)"', html["/th/toolkit/planner/"]))
    planner_fields.update(
        re.findall(
            r'<select[^>]*name="(\w+)".*?<option value="([^"]+)"[^>]*selected', html["/th/toolkit/planner/"], re.S
        )
    )
    self_check = get(app + "/th/toolkit/self-check/")[1].decode()
    answers = {}
    for name, value in re.findall(
        r'<input[^>]*type="radio"[^>]*name="(q-[0-9a-f]{8})"[^>]*value="([^"]+)"', self_check
    ):
        answers.setdefault(name, value)

    # Pages from the sitemaps (Wagtail pages only): a step is a page below the toolkit, an article below the news.
    # ``/sitemap.xml`` is an index of one sitemap per section.
    def locs(path):
        return [
            urllib.parse.urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", get(app + path)[1].decode())
        ]

    pages_in_sitemap = [page for section in locs("/sitemap.xml") for page in locs(section)]

    def first_page_below(prefix):
        found = sorted(path for path in pages_in_sitemap if path.startswith(prefix) and path != prefix)
        if not found:
            raise SystemExit(f"no page below {prefix} in the sitemap")
        return found[0]

    return [
        ("home", "/th/"),
        ("standard page", "/th/about/"),
        ("partners", "/th/partners/"),
        ("FAQ", "/th/faq/"),
        ("privacy", "/th/privacy/"),
        ("case-study index", "/th/case-studies/"),
        ("case-study index, filtered", "/th/case-studies/?region=" + first_option("/th/case-studies/", "region")),
        ("case study", first_link("/th/case-studies/", "/th/case-studies/")),
        ("toolkit", "/th/toolkit/"),
        ("toolkit step", first_page_below("/th/toolkit/")),
        ("self-check form", "/th/toolkit/self-check/"),
        ("self-check result", "/th/toolkit/self-check/?" + urllib.parse.urlencode(answers)),
        ("planner example", "/th/toolkit/planner/"),
        ("planner, a plan", "/th/toolkit/planner/?" + urllib.parse.urlencode({**planner_fields, "members": "25"})),
        ("impact, overview", "/th/impact/"),
        ("impact, an indicator", indicator_page),
        ("impact, an indicator, units chosen", indicator_page + "?unit=" + first_unit),
        ("impact, compare two units", "/th/impact/compare/?unit=" + "~".join(units[:2])),
        ("figures.csv", "/th/impact/figures.csv"),
        ("data package", "/th/impact/datapackage.json"),
        ("news index", "/th/news/"),
        ("news article", first_page_below("/th/news/")),
        ("search (Thai)", "/th/search/?q=" + urllib.parse.quote("อาชีพ")),
        ("sitemap", "/sitemap.xml"),
        ("RSS feed", "/th/news/feed/"),
        ("network", "/th/network/"),
        ("network, join form", "/th/network/join/"),
    ]


def start(site, column, log_name=None):
    log = open(site.work / f"gunicorn-{log_name or column.replace(' ', '-')}.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "count_queries:application",
            "--pythonpath",
            f"{ROOT},{ROOT / 'bench'}",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{site.port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env(site, column),
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    processes = [server]
    wait_for(site.app + "/healthz", server, log.name)
    if column == "HTTP cache":
        vcl = site.work / "bench.vcl"
        vcl.write_text(
            (ROOT / "deploy/varnish/default.vcl").read_text().replace('.port = "8000";', f'.port = "{site.port}";')
        )
        varnish = subprocess.Popen(
            ["varnishd", "-F", "-j", "none", "-n", str(site.work / "varnish"), "-a", f"127.0.0.1:{site.varnish_port}"]
            + ["-f", str(vcl), "-s", "malloc,256m"],
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        processes.append(varnish)
        wait_for(site.varnish + "/healthz", varnish, log.name)
    return processes


def wait_for(url, process, log):
    for _ in range(300):
        try:
            get(url)
            return
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer; see {log}")


def stop(processes):
    for process in processes:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def counters():
    import redis

    return redis.Redis.from_url(f"{REDIS}/14")


def wrk(url):
    out = subprocess.run(
        ["wrk", "-t2", "-c10", f"-d{DURATION}", "--timeout", "30s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    m = re.search(r"\s50%\s+([\d.]+)(us|ms|s)", out)
    p50 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", out)
    return {
        "rps": rps,
        "p50": p50,
        "requests": requests,
        "errors": int(non2xx.group(1)) if non2xx else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
    }


def static_twin(site, size):
    """A static file of ``size`` bytes in the site's STATIC_ROOT, served by WhiteNoise like the real static files
    (made before the server starts: WhiteNoise lists the files once)."""
    path = site.static / "bench" / f"twin-{size}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((b"<!doctype html><p>" + b"x" * size)[:size])
    return f"/static/bench/twin-{size}.html"


def measure(site, column, pages, twins):
    """One run of one column: ``{path: {page, static, queries per request, app requests}}``.

    After each page's load the requests still queued at the server (wrk stops without waiting for them) are let
    through before anything is counted or the static file is loaded: a request for a static file from the app
    itself waits behind them. Queries per request are the server's queries over the server's requests, except
    in the HTTP-cache column, where they are over wrk's requests (most of which never reach the app)."""
    base = site.varnish if column == "HTTP cache" else site.app
    results = {}
    redis_counts = counters()
    for _label, path in pages:
        get(base + path)  # fill the column's cache (a cold server just renders it)
        redis_counts.flushdb()
        page = wrk(base + path)
        get(site.app + twins[path])  # waits for the page's requests still queued at the server
        queries, requests = (int(redis_counts.get(name) or 0) for name in ("queries", "requests"))
        static = wrk(base + twins[path])
        results[path] = {
            "page": page,
            "static": static,
            "queries": queries / max(page["requests"] if column == "HTTP cache" else requests, 1),
            "queries_total": queries,
            "app_requests": requests,
        }
    return results


def machine():
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    dirty = subprocess.run(  # the results file itself (from an earlier run) does not count
        ["git", "status", "--porcelain", "--", ".", ":!bench/results.md"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    return model, commit.strip() + (" (with uncommitted changes)" if dirty.strip() else "")


def preflight(programs):
    for program in programs:
        if shutil.which(program) is None:
            raise SystemExit(f"{program} is missing (make bench installs wrk and varnish)")
    try:
        counters().ping()
    except Exception as error:  # noqa: BLE001
        raise SystemExit(f"Redis is needed at {REDIS} (the app-cache column and the query counts): {error}") from None


def fetch_pages(site, pages):
    """``{path: body}`` of every page from the running site; a page that does not answer 200 stops the bench."""
    bodies = {}
    for label, path in pages:
        status, body = get(site.app + path)
        if status != 200:
            raise SystemExit(f"{label} ({path}) answered {status}")
        bodies[path] = body
    return bodies


def main():
    preflight(("wrk", "varnishd"))
    load_before = os.getloadavg()
    if os.environ.get("BENCH_KEEP_DATABASE") and (WORK / "bench.sqlite3").exists():
        shutil.rmtree(WORK / "varnish", ignore_errors=True)  # trying the script again: the site as it was built
    else:
        shutil.rmtree(WORK, ignore_errors=True)
        WORK.mkdir(parents=True)
        manage(DEMO, "migrate", "--noinput", "-v0")
        manage(DEMO, "load_demo_content", "-v0")
        manage(DEMO, "collectstatic", "--noinput", "-v0")

    processes = start(DEMO, "cold")
    try:
        pages = discover_pages(DEMO.app)
        sizes = {path: len(body) for path, body in fetch_pages(DEMO, pages).items()}
    finally:
        stop(processes)
    twins = {path: static_twin(DEMO, size) for path, size in sizes.items()}

    runs = {column: [] for column in COLUMNS}
    started = time.monotonic()
    for run in range(RUNS):
        for column in COLUMNS:
            if column == "app cache":
                import redis

                redis.Redis.from_url(f"{REDIS}/15").flushdb()
            processes = start(DEMO, column)
            try:
                runs[column].append(measure(DEMO, column, pages, twins))
            finally:
                stop(processes)
            print(f"run {run + 1}/{RUNS}: {column} done ({time.monotonic() - started:.0f} s)")
    (WORK / "runs.json").write_text(json.dumps({column: runs[column] for column in COLUMNS}, indent=1))
    write_results(pages, sizes, runs, load_before)


def median_of(runs, path, pick):
    return statistics.median(pick(run[path]) for run in runs)


def summary(runs, path):
    """The medians over ``runs`` (one column's runs) of one page: req/s, share of static, p50, queries, errors."""
    rps = median_of(runs, path, lambda r: r["page"]["rps"])
    static = median_of(runs, path, lambda r: r["static"]["rps"])
    return {
        "rps": rps,
        "share": 100 * rps / static if static else 0.0,
        "p50": median_of(runs, path, lambda r: r["page"]["p50"]),
        "queries": median_of(runs, path, lambda r: r["queries"]),
        "errors": max(run[path]["page"]["errors"] for run in runs),
        "timeouts": max(run[path]["page"].get("timeouts", 0) for run in runs),
    }


def run_line(command, load_before):
    """The first lines of a results section: what ran when on which commit and machine, and the load around it."""
    load_after = os.getloadavg()
    model, commit = machine()
    return [
        f"`{command}` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {commit}.",
        f"Machine: {model}, {os.cpu_count()} cores, Python {platform.python_version()}; load average (1/5/15 min)"
        f" before {load_before[0]:.2f}/{load_before[1]:.2f}/{load_before[2]:.2f},"
        f" after {load_after[0]:.2f}/{load_after[1]:.2f}/{load_after[2]:.2f}.",
    ]


def write_section(lines, heading=None):
    """Put ``lines`` into bench/results.md as its ``heading`` section (None: the demo section at the top), keeping
    the other sections as they are."""
    results = ROOT / "bench" / "results.md"
    existing = results.read_text(encoding="utf-8") if results.exists() else ""
    results.write_text(merge_section(existing, "\n".join(lines) + "\n", heading), encoding="utf-8")
    print("wrote bench/results.md")


def write_results(pages, sizes, runs, load_before):
    lines = [
        TITLE,
        "",
        *run_line("make bench", load_before),
        "",
        "gunicorn with 2 sync workers, production settings (DEBUG off, WhiteNoise), SQLite, demo content;",
        f"`wrk -t2 -c10 -d{DURATION} --timeout 30s` on loopback. Each number is the median of {RUNS} runs. Share =",
        "the page's requests per second as a percentage of a static file of the same size from the same server",
        "(through Varnish in the HTTP-cache column), measured right after the page. Queries = SQL queries per",
        "request, counted by the server during the page's run (bench/count_queries.py); in the HTTP-cache column",
        "most requests never reach the app.",
        "",
        "- **cold**: every cache off (`DISABLE_CACHES=1`, no page or fragment cache): each request renders.",
        "- **app cache**: Redis, anonymous page cache and fragment caches on.",
        "- **HTTP cache**: Varnish (`deploy/varnish/default.vcl`) in front of the cold server.",
        "",
        f"Target (issue 18): cold ≥ {TARGET_SHARE:.0f} % of static and ≤ {TARGET_QUERIES} queries per request.",
        "",
        "| page | bytes | cold req/s | cold share | cold p50 ms | cold queries | app cache share | app cache queries |"
        " HTTP cache share | HTTP cache queries | cold target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    missed = 0
    for label, path in pages:
        cells = {column: summary(runs[column], path) for column in COLUMNS}
        cold = cells["cold"]
        met = cold["share"] >= TARGET_SHARE and cold["queries"] <= TARGET_QUERIES and not cold["errors"]
        missed += not met
        errors = sum(cell["errors"] for cell in cells.values())
        lines.append(
            f"| {label} (`{urllib.parse.unquote(path)}`) | {sizes[path]} | {cold['rps']:.0f} | {cold['share']:.1f} % |"
            f" {cold['p50']:.1f} | {cold['queries']:.1f} | {cells['app cache']['share']:.1f} % |"
            f" {cells['app cache']['queries']:.2f} | {cells['HTTP cache']['share']:.1f} % |"
            f" {cells['HTTP cache']['queries']:.3f} | {'met' if met else '**missed**'}"
            f"{f', {errors} non-2xx' if errors else ''} |"
        )
    lines += ["", f"{len(pages) - missed} of {len(pages)} page types meet the cold target."]
    print("\n".join(lines[-len(pages) - 4 :]))
    write_section(lines)


if __name__ == "__main__":
    sys.exit(main())
