# ruff: noqa: T201 - a developer's command-line tool: it prints what it measured
"""CPU time and SQL queries per request of a few pages with every cache off, in one process: the quick way to
find and check a page's cold cost while working (``make bench`` is the measurement that counts).

    .venv/bin/python bench/profile_page.py /th/ /th/case-studies/            # ms of CPU and queries per request
    .venv/bin/python bench/profile_page.py --profile 25 /th/news/           # and cProfile's top 25 functions
    .venv/bin/python bench/profile_page.py --sql /th/news/                  # and the SQL of one request

A streamed response (the big exports, the API) is read to its end in every request, as a client would; the size
printed is the body's, and gzipped (the level the site's gzip uses) for what a browser receives.

It uses the current database (``DATABASE_URL`` or the development SQLite with the demo content) and the
production settings with ``DISABLE_CACHES=1``. Each page is requested once to warm the process (imports,
renditions), then ``--repeat`` times (default 30); CPU time is the process's, so other load on the machine
changes it less than wall time. As a rule of thumb from ``make bench`` on 2 cores, a page needs about
10 ms of CPU or less here to reach 4 % of the static-file rate.
"""

import argparse
import cProfile
import gzip
import os
import pstats
import sys
import time
from pathlib import Path

from serial import body  # bench/serial.py: no settings read at import

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
os.environ.setdefault("SECRET_KEY", "profile-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'db.sqlite3'}")
os.environ.update(DISABLE_CACHES="1", PAGE_CACHE_SECONDS="0", FRAGMENT_CACHE_SECONDS="0", HTTP_CACHE_SECONDS="0")
os.environ.pop("REDIS_URL", None)
os.environ.pop("FRONTEND_CACHE_URL", None)


class Recorder:
    """A ``connection.execute_wrapper`` that keeps the SQL of each query."""

    def __init__(self, queries):
        self.queries = queries

    def __call__(self, execute, sql, params, many, context):
        self.queries.append(sql)
        return execute(sql, params, many, context)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print cProfile's top N functions (--sort)")
    parser.add_argument("--sort", default="cumulative", help="cProfile's order: cumulative (default), tottime, ...")
    parser.add_argument("--sql", action="store_true", help="print the SQL of one request")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("collectstatic", interactive=False, verbosity=0)  # production's storage needs a current manifest
    client = Client(HTTP_HOST="127.0.0.1")

    def get(path):
        response = client.get(path)
        return response, body(response)

    for path in args.paths:
        first, _content = get(path)
        if first.status_code != 200:
            print(f"{path}: HTTP {first.status_code}")
            continue
        queries = []  # (Django's CaptureQueriesContext loses them: each request resets the query log)
        with connection.execute_wrapper(Recorder(queries)):
            _response, content = get(path)
        size, packed = len(content), len(gzip.compress(content, compresslevel=6))
        start = time.process_time()
        for _ in range(args.repeat):
            get(path)
        cpu_ms = (time.process_time() - start) * 1000 / args.repeat
        print(f"{path}: {cpu_ms:.1f} ms CPU, {len(queries)} queries, {size} bytes ({packed} gzip)")
        if args.sql:
            for sql in queries:
                print("   ", sql[:300])
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.repeat):
                get(path)
            profiler.disable()
            pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.profile)


if __name__ == "__main__":
    main()
