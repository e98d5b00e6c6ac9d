"""One site's pages timed in one process, one request after another (``make bench-scale``'s steady measure).

Started by bench/scale.py with the site's environment (bench/run.py's ``env``: production settings, every cache
off, the site's database and media). It reads one JSON line per page on stdin, ``[path, warm, repeat]``, makes
``warm`` requests to warm the process (imports, renditions, prepared statements), then ``repeat`` more, each read
to the end of its body as a client would (a streamed export too), and answers one JSON line on stdout:
``{"status": the last status, "ms": [wall milliseconds of each timed request]}``. End of input ends it.

Wall time, not CPU time: a request's database queries run in the PostgreSQL server's process, and their time is
part of what the page costs. Nothing else runs at once (no concurrency, no network, no load generator on the same
cores), so the time per request is the page's own cost; how much it moved between rounds is in bench/results.md.
"""

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def body(response):
    """The whole body, a streamed one read to its end (its rows are read from the database as it is read)."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def main():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")

    def get(path):
        response = client.get(path)
        body(response)
        return response.status_code

    for line in sys.stdin:
        path, warm, repeat = json.loads(line)
        status = None
        for _ in range(warm):
            status = get(path)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            status = get(path)
            times.append((time.perf_counter() - started) * 1000)
        print(json.dumps({"status": status, "ms": times}), flush=True)


if __name__ == "__main__":
    main()
