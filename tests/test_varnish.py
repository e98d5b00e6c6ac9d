"""deploy/varnish/default.vcl in front of a live server: pages are kept, a publish purges them, junk query strings
share the page's one copy, and the configuration keeps every parameter the site reads.

Needs Debian's ``varnish`` (``varnishd``): skipped loudly on a developer's machine without it, a failure in CI.
"""

import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from wagtail.models import Site

from home.models import HomePage, StandardPage
from tests.test_fuzz import query_targets
from tests.tools import require_program

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish" / "default.vcl"


def known_parameters_pattern():
    """The alternation of parameter names the VCL keeps, as a Python regex."""
    match = re.search(r"\(\?!\(\?:(?P<names>[^)]*)\)=\)", VCL.read_text())
    assert match, "the KNOWN parameter list was not found in default.vcl"
    return re.compile(rf"^(?:{match['names']})$")


@pytest.mark.django_db
def test_the_vcl_keeps_every_parameter_a_page_reads_and_nothing_else():
    known = known_parameters_pattern()
    declared = {name for _url, names in query_targets() for name in names}
    assert len(declared) > 20
    assert sorted(name for name in declared if not known.match(name)) == []
    for junk in ("junk", "utm_source", "fbclid", "q-zz", "pages", "x"):
        assert not known.match(junk), junk


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def varnish(site_server, tmp_path):
    """Varnish with the shipped configuration, its backend pointed at the live server."""
    varnishd = require_program("varnishd", package="varnish")
    backend_port = site_server.url.rsplit(":", 1)[1]
    vcl = tmp_path / "test.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";'))
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - a fixed program and arguments
        [
            varnishd,
            "-F",
            "-j",
            "none",
            "-n",
            str(tmp_path / "varnish"),
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(vcl),
            "-s",
            "malloc,32m",
        ],
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "varnishd.log").open("w"),
    )
    address = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("varnishd did not start: " + (tmp_path / "varnishd.log").read_text()) from None
            time.sleep(0.1)
    yield address
    process.terminate()
    process.wait(timeout=30)


def fetch(address, path, host):
    request = urllib.request.Request(address + path, headers={"Host": host})  # noqa: S310 - a local address
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.headers.get("X-Cache"), response.read().decode()


def test_a_cached_page_shows_a_publish_at_the_next_request_through_varnish(varnish, settings, django_db_blocker):
    """Committed for real (the live server has its own connection), then removed again."""
    settings.HTTP_CACHE_SECONDS = 3600
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": varnish}
    }
    with django_db_blocker.unblock():
        site = Site.objects.get(is_default_site=True)
        host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
        home = HomePage.objects.get(locale__language_code="th")
        page = home.add_child(instance=StandardPage(title="ทดสอบแคช ก", slug="varnish-test", show_in_menus=False))
        try:
            page.save_revision().publish()
            path = page.url
            assert fetch(varnish, path, host)[0] == "miss"
            state, body = fetch(varnish, path, host)
            assert state == "hit" and "ทดสอบแคช ก" in body
            # Parameters no page reads do not make another copy: the same stored page answers.
            assert fetch(varnish, path + "?junk=1&utm_source=x", host)[0] == "hit"

            page.title = "ทดสอบแคช ข"
            page.save_revision().publish()  # autocommit: the purge is sent now

            state, body = fetch(varnish, path, host)
            assert state == "miss" and "ทดสอบแคช ข" in body and "ทดสอบแคช ก" not in body
            assert fetch(varnish, path, host)[0] == "hit"
        finally:
            page.delete()
