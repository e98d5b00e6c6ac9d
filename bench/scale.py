# ruff: noqa: S603, S607 - a local benchmark: fixed commands, loopback only
"""`make bench-scale`: the public pages at demo scale and at programme scale side by side (issue 22).

Two PostgreSQL databases are built from nothing: the demo site (``migrate`` + ``load_demo_content``) and the
programme-scale site (the same + ``generate_scale_content --units 200 --news 500 --quarters 12``).
``BENCH_DEMO_DATABASE_URL`` and ``BENCH_PROGRAMME_DATABASE_URL`` name them (default ``odf_bench_scale_demo`` and
``odf_bench_scale_programme`` on the local server); they are dropped and created again, unless
``BENCH_KEEP_DATABASE=1`` and the database exists, which reuses it as it is (a quick rerun).

The page types are found once on the demo site (bench/run.py's ``discover_pages``) and the same paths are loaded
on both, in bench/run.py's cold column only (every cache off, production settings, gunicorn with 2 workers, wrk,
a static file of the same size as the yardstick, queries counted by the server, median of ``BENCH_RUNS`` runs;
both sites served at once, each page loaded on one and then at once on the other). Issue 22's budgets are applied to each page (bench/report.py). Then
the staff task "import a year's file" is timed on the programme-scale database (bench/import_year.py). The
"Programme scale" section of bench/results.md is rewritten; make bench's demo section is kept.

Ports ``BENCH_PORT`` (default 8781, and 8783 for the programme's site; ``BENCH_VARNISH_PORT`` 8782 and 8784 are
reserved but unused) and the working
directory bench/work-scale/ are its own, so it can run beside ``make bench``.
"""

import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse

import psycopg
import run as demo_bench
from psycopg import sql
from report import BUDGETS, FIXED, LISTING, REPORT, ratio, slowdowns, time_slowdowns, verdict
from run import (
    ROOT,
    RUNS,
    VENV_BIN,
    Site,
    discover_pages,
    env,
    fetch_pages,
    manage,
    measure,
    preflight,
    run_line,
    start,
    static_twin,
    stop,
    summary,
    write_section,
)

WORK = ROOT / "bench" / "work-scale"
PORT = int(os.environ.get("BENCH_PORT", "8781"))
VARNISH_PORT = int(os.environ.get("BENCH_VARNISH_PORT", "8782"))
POSTGRES = "postgres://postgres@127.0.0.1:5432/"
SCALE = ("--units", "200", "--news", "500", "--quarters", "12")
HEADING = "## Programme scale"
SCREENSHOTS = ROOT / "docs" / "scale"
# Longer loads than make bench's 1 s: the slowest programme-scale pages answer a few times a second.
demo_bench.DURATION = os.environ.get("BENCH_DURATION", "2s")

# Both sites are served at once, each on its own port (the programme's two above the demo's), so that each page is
# loaded on one right after the other: a machine that gets busier or quieter during the bench moves both alike.
SITES = {
    name: Site(
        work=WORK,
        database_url=os.environ.get(f"BENCH_{name.upper()}_DATABASE_URL", f"{POSTGRES}odf_bench_scale_{name}"),
        media=WORK / f"media-{name}",
        port=PORT + 2 * number,
        varnish_port=VARNISH_PORT + 2 * number,
    )
    for number, name in enumerate(("demo", "programme"))
}

# The steady measure (bench/serial.py): each page timed in one process per site, one request after another, in
# ``SERIAL_ROUNDS`` rounds; in each, ``SERIAL_WARM`` requests, then ``SERIAL_REPEAT`` timed (fewer for an export).
# Five: with three, one disturbed round decided a verdict (f7da610 on an AMD EPYC: the filtered case-study index's
# rounds ÷1.36, ÷1.81, ÷1.54: over its budget; on 332563b, with the same code for that page, ÷1.33, ÷1.39, ÷1.40).
SERIAL_ROUNDS = int(os.environ.get("BENCH_SERIAL_ROUNDS", "5"))
SERIAL_WARM, SERIAL_REPEAT = 10, int(os.environ.get("BENCH_SERIAL_REPEAT", "100"))
SERIAL_REPORT_WARM, SERIAL_REPORT_REPEAT = 2, 10

# Pages whose path each site finds for itself: the answers are named after the questions' ids, which differ.
OWN_PATHS = {"self-check result"}

# Issue 22's budget of each page type found by discover_pages (its label): a fixed amount of content, a
# listing, or an export/feed that is only reported.
KINDS = {
    "home": FIXED,
    "standard page": FIXED,
    "partners": FIXED,
    "FAQ": FIXED,
    "privacy": FIXED,
    "case-study index": LISTING,
    "case-study index, filtered": LISTING,
    "case study": FIXED,
    "toolkit": FIXED,
    "toolkit step": FIXED,
    "self-check form": FIXED,
    "self-check result": FIXED,
    "planner example": FIXED,
    "planner, a plan": FIXED,
    "impact, overview": LISTING,
    "impact, an indicator": LISTING,
    "impact, an indicator, units chosen": FIXED,
    "impact, compare two units": FIXED,
    "figures.csv": REPORT,
    "data package": REPORT,
    "news index": LISTING,
    "news article": FIXED,
    "search (Thai)": LISTING,
    "sitemap": REPORT,
    "RSS feed": REPORT,
    "network": LISTING,
    "network, join form": FIXED,
}

COUNTS = """
import json
from casestudies.models import CaseStudyPage
from impact.models import ImpactFigure
from news.models import NewsPage
from wagtail.models import Page

def count(model):
    return model.objects.live().filter(locale__language_code="th", alias_of__isnull=True).count()

print(json.dumps({
    "units": count(CaseStudyPage),
    "news": count(NewsPage),
    "figures": ImpactFigure.objects.count(),
    "pages": Page.objects.live().count(),
}))
"""


def maintenance(site):
    """A connection to the server's ``postgres`` database and the name of the site's database."""
    parts = urllib.parse.urlsplit(site.database_url)
    name = parts.path.lstrip("/")
    server = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    return psycopg.connect(server, autocommit=True), name


def database_exists(site):
    connection, name = maintenance(site)
    with connection:
        return connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def recreate_database(site):
    connection, name = maintenance(site)
    with connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def build(name, site):
    """Build the site's database from nothing (or keep it, with BENCH_KEEP_DATABASE=1: then only this commit's new
    migrations are applied); returns what it did. Either way the tables' statistics are brought up to date."""
    if os.environ.get("BENCH_KEEP_DATABASE") and database_exists(site):
        manage(site, "migrate", "--noinput", "-v0")
        analyse(site)
        return "kept"
    started = time.monotonic()
    recreate_database(site)
    shutil.rmtree(site.media, ignore_errors=True)
    manage(site, "migrate", "--noinput", "-v0")
    manage(site, "load_demo_content", "-v0")
    if name == "programme":
        manage(site, "generate_scale_content", *SCALE, "-v0")
    analyse(site)
    minutes = (time.monotonic() - started) / 60
    print(f"{name}: built in {minutes:.1f} min")
    return f"built in {minutes:.0f} min"


def analyse(site):
    """``VACUUM ANALYZE`` the site's database, as PostgreSQL's autovacuum does in production soon after a bulk
    load. Without it (autovacuum off, or not yet run) the planner knows nothing of the 33,600 figures and picks
    plans meant for empty tables: the home page's headline query took 0.9 s instead of a few ms."""
    with psycopg.connect(site.database_url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def content_counts(site):
    out = manage(site, "shell", "-c", COUNTS, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def time_import(site):
    out = subprocess.run(
        [str(VENV_BIN / "python"), str(ROOT / "bench" / "import_year.py")],
        cwd=ROOT,
        env=env(site, "cold"),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    preflight(("wrk",))
    load_before = os.getloadavg()
    WORK.mkdir(parents=True, exist_ok=True)
    built = {name: build(name, site) for name, site in SITES.items()}
    manage(SITES["demo"], "collectstatic", "--noinput", "-v0")  # one STATIC_ROOT for both sites
    counts = {name: content_counts(site) for name, site in SITES.items()}

    bodies, pages = {}, {}
    for name, site in SITES.items():
        processes = start(site, "cold", log_name=f"{name}-cold")
        try:
            found = discover_pages(site.app)
            pages[name] = [
                (label, path if label in OWN_PATHS else dict(pages.get("demo", found))[label]) for label, path in found
            ]
            bodies[name] = fetch_pages(site, pages[name])
        finally:
            stop(processes)
    sizes = {
        name: {path: {"bytes": len(body), "gzip": len(gzip.compress(body, 6))} for path, body in found.items()}
        for name, found in bodies.items()
    }
    twins = {
        name: {path: static_twin(SITES[name], size["bytes"]) for path, size in found.items()}
        for name, found in sizes.items()
    }

    runs = interleaved_runs(pages, twins)
    serial = serial_rounds(pages)
    (WORK / "runs.json").write_text(
        json.dumps(
            {"pages": pages, "sizes": sizes, "runs": runs, "serial": serial, "counts": counts, "built": built},
            indent=1,
        )
    )
    print("timing the year's import on the programme-scale database")
    imported = time_import(SITES["programme"])
    (WORK / "import.json").write_text(json.dumps(imported, indent=1))
    write_section(section(pages, sizes, runs, serial, counts, built, imported, load_before), HEADING)


def interleaved_runs(pages, twins):
    """``{site name: [one run's results per page]}``: both sites served at once, and in each run every page loaded
    on one site and then at once on the other (the demo first in odd runs, the programme first in even ones), each
    followed by its static twin, as bench/run.py's ``measure`` does."""
    runs = {name: [] for name in SITES}
    started = time.monotonic()
    processes = []
    try:
        for name, site in SITES.items():
            processes += start(site, "cold", log_name=f"{name}-cold")
        for number in range(RUNS):
            order = list(SITES) if number % 2 == 0 else list(reversed(SITES))
            found = {name: {} for name in SITES}
            for label, _path in pages["demo"]:
                for name in order:
                    path = dict(pages[name])[label]
                    found[name].update(measure(SITES[name], "cold", [(label, path)], twins[name]))
            for name in SITES:
                runs[name].append(found[name])
            print(f"run {number + 1}/{RUNS} done ({time.monotonic() - started:.0f} s)")
    finally:
        stop(processes)
    return runs


def serial_rounds(pages, kinds=KINDS):
    """``{site name: [one round's {path: {"status", "ms": [each request's wall ms]}}]}``: each page timed in one
    process per site (bench/serial.py), one request after another, on one site and then at once on the other
    (the demo first in odd rounds), ``SERIAL_ROUNDS`` rounds; fewer requests for a label ``kinds`` calls a report
    (or does not name)."""
    workers = {
        name: subprocess.Popen(
            [str(VENV_BIN / "python"), str(ROOT / "bench" / "serial.py")],
            cwd=ROOT,
            env=env(site, "cold"),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        for name, site in SITES.items()
    }
    rounds = {name: [] for name in SITES}
    try:
        for number in range(SERIAL_ROUNDS):
            order = list(SITES) if number % 2 == 0 else list(reversed(SITES))
            found = {name: {} for name in SITES}
            for label, _path in pages["demo"]:
                report = kinds.get(label, REPORT) == REPORT
                warm, repeat = (SERIAL_REPORT_WARM, SERIAL_REPORT_REPEAT) if report else (SERIAL_WARM, SERIAL_REPEAT)
                for name in order:
                    path = dict(pages[name])[label]
                    worker = workers[name]
                    worker.stdin.write(json.dumps([path, warm, repeat]) + "\n")
                    worker.stdin.flush()
                    found[name][path] = json.loads(worker.stdout.readline())
            for name in SITES:
                rounds[name].append(found[name])
            print(f"one-process round {number + 1}/{SERIAL_ROUNDS} done")
    finally:
        for worker in workers.values():
            worker.stdin.close()
            worker.wait(timeout=60)
    return rounds


def paired(pages, runs, serial, label):
    """``(one-process slowdowns per round, slowdowns under load per run)`` of the page ``label``."""
    own = {name: dict(pages[name])[label] for name in SITES}
    rounds = time_slowdowns(*([one[own[name]]["ms"] for one in serial[name]] for name in SITES))
    loaded = slowdowns(*([run[own[name]] for run in runs[name]] for name in SITES))
    return rounds, loaded


def spans_line(pages, runs, serial):
    """One line: how far apart a budgeted page's rounds (one process) and runs (under load) were, at most and for
    most pages (the median page)."""
    spans = {"one process": [], "under load": []}
    for label, _path in pages["demo"]:
        if KINDS.get(label, REPORT) == REPORT:
            continue
        for key, values in zip(spans, paired(pages, runs, serial, label), strict=True):
            spans[key].append(max(values) - min(values))
    return (
        "; ".join(
            f"{key}: {statistics.median(found):.2f} for the median page, at most {max(found):.2f}"
            for key, found in spans.items()
        )
        + f" ({len(spans['one process'])} page types with a budget; {SERIAL_ROUNDS} rounds, {RUNS} runs: more runs"
        " span more)."
    )


def times(value):
    return "–" if value is None else f"×{value:.2f}"


def section(pages, sizes, runs, serial, counts, built, imported, load_before):
    demo, programme = counts["demo"], counts["programme"]
    lines = [
        HEADING,
        "",
        *run_line("make bench-scale", load_before),
        "",
        "The same page types as above, on PostgreSQL, at demo scale and at programme scale (issue 22), counted in",
        f"each database: demo scale {demo['units']} case-study units, {demo['news']} news pages,"
        f" {demo['figures']:,} figures, {demo['pages']} live pages; programme scale",
        f"(`generate_scale_content {' '.join(SCALE)}`) {programme['units']} units, {programme['news']} news pages,"
        f" {programme['figures']:,} figures, {programme['pages']:,} live pages.",
        f"Databases: demo {built['demo']}, programme {built['programme']} (`BENCH_KEEP_DATABASE=1` keeps them).",
        "",
        "Cold only: every cache off (`DISABLE_CACHES=1`), production settings, gunicorn with 2 sync workers,",
        f"`wrk -t2 -c10 -d{demo_bench.DURATION} --timeout 30s` on loopback, median of {RUNS} runs; both sites"
        " served at once (4 workers on the machine, 2 of them idle at a time), each page loaded on one and then at once"
        " on the other, the demo first in odd runs and the programme first in even ones;",
        "the paths are found once on the demo site and loaded on both (but the self-check result's, whose answers",
        "are named after the questions' ids, made anew in each database). Share = req/s as a percentage of a static",
        "file of the same size from the same server, loaded right after the page (so a machine busy with other work",
        "moves both);",
        "queries = SQL queries per request counted by the server. Gzip = the body compressed with gzip level 6 here",
        "(what the page weighs behind a compressing proxy; the app itself does not compress). Each cell is",
        "demo → programme (programme ÷ demo).",
        "",
        "Budgets (issue 22): a page that shows a fixed amount (`fixed`) keeps its rate and size within 20 % of demo",
        "scale; a listing within 1.5×; exports, the sitemap and the feed are reported only (a streamed export grows",
        "with the data it holds, as it should). The impact overview and an indicator's page show every unit, so they",
        "count as listings; an indicator with units chosen and the comparison of two units show a fixed number of",
        "units.",
        "",
        "Two measures of each page's rate, both pairing the two sites back to back:",
        "",
        "- **One process** (the verdict's): each page timed in one process per site with the same settings"
        " (bench/serial.py),",
        f"  one request after another, each read to its end: {SERIAL_WARM} requests to warm it, then the median"
        f" wall time of {SERIAL_REPEAT} more",
        f"  ({SERIAL_REPORT_REPEAT} for an export or feed), its queries' time in PostgreSQL included; {SERIAL_ROUNDS}"
        " rounds, the page timed on one site and then at once on the other",
        "  in each (the demo first in odd rounds). Slowdown = programme ms ÷ demo ms within each round, then the"
        " median of the rounds.",
        "  It leaves out the HTTP server, the network and concurrency, which the measure under load includes.",
        "- **Under load** (wrk, above): slowdown = demo share ÷ programme share within each run, then the median of"
        " the runs. The server,",
        "  PostgreSQL and wrk share the machine's cores, so a run's ratio moves with whatever else the machine does."
        " It is shown beside",
        "  the verdict, not used for it.",
        "",
        "How much each measure moved in this run (the span, largest minus smallest, of a page's rounds or runs):",
        spans_line(pages, runs, serial),
        "",
        "| page | budget | bytes | gzip bytes | ms per request, one process | slowdown, one process (each round) |"
        " req/s under load | share of static | slowdown under load (each run) | queries | verdict |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    over = 0
    judged = 0
    disagree = []
    own = dict(pages["programme"])
    for label, path in pages["demo"]:
        kind = KINDS.get(label, REPORT)
        paths = {"demo": path, "programme": own[label]}
        cells = {name: summary(runs[name], paths[name]) for name in runs}
        a, b = cells["demo"], cells["programme"]
        size_a, size_b = sizes["demo"][path], sizes["programme"][own[label]]
        rounds, under_load = paired(pages, runs, serial, label)
        slower, loaded = statistics.median(rounds), statistics.median(under_load)
        timed = {name: [one[paths[name]] for one in serial[name]] for name in serial}
        ms = {name: statistics.median(statistics.median(one["ms"]) for one in timed[name]) for name in timed}
        result = verdict(kind, slower, ratio(size_b["bytes"], size_a["bytes"]))
        judged += kind != REPORT
        over += result.startswith("**over")
        if kind != REPORT and (loaded > BUDGETS[kind]) != (slower > BUDGETS[kind]):
            disagree.append(f"{label} (÷{slower:.2f} in one process, ÷{loaded:.2f} under load)")
        problems = [
            f"{name}: {cells[name]['errors']} non-2xx, {cells[name]['timeouts']} timeouts"
            for name in cells
            if cells[name]["errors"] or cells[name]["timeouts"]
        ] + [
            f"{name}: HTTP {status} in one process"
            for name in timed
            for status in sorted({one["status"] for one in timed[name]} - {200})
        ]
        lines.append(
            f"| {label} (`{urllib.parse.unquote(path)}`) | {kind} |"
            f" {size_a['bytes']:,} → {size_b['bytes']:,} ({times(ratio(size_b['bytes'], size_a['bytes']))}) |"
            f" {size_a['gzip']:,} → {size_b['gzip']:,} ({times(ratio(size_b['gzip'], size_a['gzip']))}) |"
            f" {ms['demo']:.1f} → {ms['programme']:.1f} |"
            f" ÷{slower:.2f} ({', '.join(f'{one:.2f}' for one in rounds)}) |"
            f" {a['rps']:.0f} → {b['rps']:.0f} |"
            f" {a['share']:.1f} % → {b['share']:.2f} % |"
            f" ÷{loaded:.2f} ({', '.join(f'{one:.2f}' for one in under_load)}) |"
            f" {a['queries']:.1f} → {b['queries']:.1f} |"
            f" {result}{'; ' + '; '.join(problems) if problems else ''} |"
        )
    agreement = (
        "Under load the verdict would differ for: " + "; ".join(disagree) + "."
        if disagree
        else "Under load (the median of the wrk runs) every verdict would be the same."
    )
    lines += [
        "",
        f"{judged - over} of {judged} page types with a budget are within it; {len(pages['demo']) - judged} are"
        " reported only. " + agreement,
        "",
        "### A year's import at programme scale",
        "",
        f"The staff task \u201cimport a year's file\u201d: {imported['rows']:,} rows ({imported['indicators']}"
        f" indicators × {imported['units']} units × {imported['quarters']} quarters,",
        f"{imported['bytes']:,} bytes of CSV), through the admin's own import (`/admin/impact/import/`: upload →"
        " check and preview →",
        "confirm → saved), driven in one process by Django's test client with production settings and every cache",
        f"off, on the programme-scale database ({imported['figures_before']:,} figures before). First as new figures"
        f" ({imported['periods']},",
        "quarters the database does not hold: every row inserted), then the same file again (every row updated);",
        "the new figures are deleted afterwards, so a rerun finds the database as it was built.",
        "",
        "| import | check (upload, read, check, preview) | save (check again, save, purge) | total | result |",
        "|---|---:|---:|---:|---|",
    ]
    for step in imported["steps"]:
        lines.append(
            f"| {step['name']} | {step['check']:.1f} s | {step['save']:.1f} s |"
            f" {step['check'] + step['save']:.1f} s | {step['created']:,} created, {step['updated']:,} updated |"
        )
    shots = sorted(SCREENSHOTS.glob("*.png")) if SCREENSHOTS.exists() else []
    if shots:
        lines += [
            "",
            "### Screenshots at programme scale",
            "",
            "The case-study index's map section at programme scale, phone (390 px) and desktop (1280 px) width,"
            " taken by hand",
            "(see [docs/scale/README.md](../docs/scale/README.md) for how, the page heights and what looks wrong): "
            + ", ".join(f"[{shot.stem}](../docs/scale/{shot.name})" for shot in shots)
            + ".",
        ]
    return lines


if __name__ == "__main__":
    sys.exit(main())
