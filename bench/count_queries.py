"""The site's WSGI application with a count of SQL queries and requests per path, for ``make bench`` only.

Each request's queries are counted with ``connection.execute_wrapper`` and added to two Redis counters
(``BENCH_COUNTS_URL``, one database the bench owns, reset before each page's run), so the bench reads what the running server really did in
each column: all caches off, the app cache, and Varnish in front (where most requests never reach the app).
Static files are not counted: they are the yardstick.
"""

import os

import redis

from django.db import connection

from config.wsgi import application as site

counts = redis.Redis.from_url(os.environ["BENCH_COUNTS_URL"])


def application(environ, start_response):
    path = environ.get("PATH_INFO", "")
    if path.startswith("/static/"):
        return site(environ, start_response)
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        body = site(environ, start_response)
        content = b"".join(body)  # render inside the wrapper (streamed bodies too)
        if hasattr(body, "close"):
            body.close()
    pipe = counts.pipeline()
    pipe.incrby("queries", queries)
    pipe.incrby("requests", 1)
    pipe.execute()
    return [content]
