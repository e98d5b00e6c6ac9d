"""Bad input never breaks the site: every public URL pattern, and one live page of every page type in both
languages, fed malicious paths, query strings and methods. No 500, and no input reflected unescaped.

The URL patterns are read from the URL configuration, and the pages from the database, so new views and page
types are fuzzed as soon as they exist.
"""

import re
from urllib.parse import quote

import pytest

from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import LocalePrefixPattern, URLResolver, get_resolver, resolve
from django.utils import translation

from wagtail.models import Page

from home.query_parameters import declared_parameters
from tests.query_recording import recording_query_reads

pytestmark = pytest.mark.django_db

EXCLUDED_PREFIXES = ("admin/",)  # the admin sits behind a login; it is Wagtail's, not ours to fuzz

PAYLOADS = [
    "",
    "a",
    "0",
    "-1",
    "1.5",
    "99999999999999999999999999",
    "-99999999999999999999999999",
    "1e309",
    "NaN",
    "null",
    "true",
    "[]",
    "{}",
    "%00",
    "\x00",
    "a\x00b",
    "../../../../etc/passwd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%2e%2e/%2e%2e/",
    "..\\..\\windows\\win.ini",
    "..;/",
    "//evil.example/",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "<script>alert('fuzz')</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</title><script>alert(1)</script>",
    "' OR '1'='1",
    '" OR "1"="1',
    "1; DROP TABLE wagtailcore_page;--",
    "1 UNION SELECT username, password FROM auth_user--",
    "{{7*7}}",
    "{% debug %}",
    "${7*7}",
    "%s%s%s%n",
    "%",
    "%%",
    "%zz",
    "%ff%fe%fd",
    "%c0%af",
    "%ed%a0%80",
    "\r\nSet-Cookie: fuzz=1",
    "\t \n",
    "กองทุนเพื่อพัฒนาอาชีพ",
    "ทอเสื่อ" * 50,
    "😀🇹🇭",
    "\u202eevil",
    "a\u200bb",
    "İıſK",
    "a" * 300,
    "x" * 5000,
    "a/" * 100,
    ".env",
    ".git/config",
    "wp-login.php",
    "index.php?x=1",
    "~root",
    "*",
    "?",
    "#",
    ";",
]

# Parameters no page reads: each page gets a few of them, and must ignore them.
UNREAD_KEYS = ["p", "tag", "sort", "type", "lang", "next", "id", "utm_source", "fbclid"]

# Shapes of query string that are malformed whatever the parameter.
MALFORMED_QUERIES = [
    "%zz=%zz",
    "=",
    "&&&",
    "a=1;b=2",
    "%00=%00",
    "[]=1",
    "x[]=1&x[]=2",
]


PAYLOAD_SHARE = 6  # each parameter of each page gets every sixth payload, rotating: all payloads are used


def declared_query_cases(names, offset):
    """A rotating sixth of the payloads in every declared parameter, then all parameters at once, repeated,
    empty and as arrays."""
    names = sorted(names)
    cases = [
        f"{name}={quote(payload, safe='')}"
        for i, name in enumerate(names)
        for payload in PAYLOADS[(offset + i) % PAYLOAD_SHARE :: PAYLOAD_SHARE]
    ]
    if names:
        every = "&".join(
            f"{name}={quote(PAYLOADS[(offset + i) % len(PAYLOADS)], safe='')}" for i, name in enumerate(names)
        )
        cases += [every, every + "&" + every, "&".join(f"{name}[]=1" for name in names)]
        cases += ["&".join(f"{name}=" for name in names), "&".join(f"{name}=1&{name}=2" for name in names)]
    return cases


def other_query_cases(index):
    """A rotating share of parameters the page does not read, and the malformed shapes."""
    unread = [f"{key}={quote(PAYLOADS[(index + i) % len(PAYLOADS)], safe='')}" for i, key in enumerate(UNREAD_KEYS)]
    return unread + MALFORMED_QUERIES


METHODS = ["post", "put", "patch", "delete", "options", "head"]

REFLECTION_MARKERS = ("<", ">", '"', "'")

_CONVERTER = re.compile(r"<(?:(?P<kind>[^>:]+):)?(?P<name>[^>]+)>")


def _regex_template(regex):
    """``^(\\d+)/(.*)$`` → ``{}/{}``: each top-level capturing group becomes a slot."""
    body = regex.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    out, depth, index = [], 0, 0
    while index < len(body):
        char = body[index]
        if char == "\\" and depth == 0:
            out.append(body[index + 1])
            index += 2
            continue
        if char == "(":
            if depth == 0:
                out.append("{}")
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            out.append(char)
        index += 1
    return "".join(out)


def public_url_templates():
    """``[(template, slot_kinds)]`` for every non-admin URL pattern, e.g. ``("th/_util/login/", [])``."""
    templates = []

    def walk(patterns, prefix, kinds):
        for pattern in patterns:
            part = pattern.pattern
            if isinstance(part, LocalePrefixPattern):
                for code, _name in settings.LANGUAGES:
                    walk(pattern.url_patterns, prefix + f"{code}/", kinds)
                continue
            route = str(part)
            if hasattr(part, "_route"):
                new_kinds = [m.group("kind") or "str" for m in _CONVERTER.finditer(route)]
                text = _CONVERTER.sub("{}", route)
            else:
                text = _regex_template(route)
                new_kinds = ["regex"] * text.count("{}")
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + text, kinds + new_kinds)
            elif not (prefix + text).startswith(EXCLUDED_PREFIXES):
                templates.append((prefix + text, kinds + new_kinds))

    walk(get_resolver().url_patterns, "", [])
    return templates


SAMPLE_VALUES = {"int": "1", "slug": "about", "str": "about", "path": "about/", "regex": "about/"}


def path_cases(templates):
    """URLs with each slot filled by every payload in turn (the other slots hold a plausible value)."""
    cases = []
    for template, kinds in templates:
        if not kinds:
            cases += [f"/{template}", f"/{template}{quote(PAYLOADS[25])}"]
            continue
        for slot in range(len(kinds)):
            for payload in PAYLOADS:
                values = [SAMPLE_VALUES.get(kind, "1") for kind in kinds]
                values[slot] = quote(payload, safe="/")
                cases.append("/" + template.format(*values))
    return cases


def page_suffix_cases(pages):
    """Malformed children of real pages (routed through the page tree) and junk at the site root."""
    cases = [f"/{quote(payload, safe='/')}" for payload in PAYLOADS]
    for page in pages[:2]:
        cases += [f"{page}{quote(payload, safe='/')}/" for payload in PAYLOADS]
    return cases


def sample_pages():
    """``{url: page}``: one live page of every page type in every language (the URLs of Wagtail's catch-all)."""
    pages = {}
    seen = set()
    for page in Page.objects.live().exclude(depth=1).specific().order_by("path"):
        key = (type(page), page.locale_id)
        if key not in seen and page.url:
            seen.add(key)
            pages[page.url] = page
    return dict(sorted(pages.items()))


def public_seeds(templates):
    seeds = list(sample_pages())
    seeds += [f"/{template}" for template, kinds in templates if not kinds and "_util" not in template]
    seeds += [url + name for url, page in sample_pages().items() for name in getattr(page, "exports", ())]
    return sorted(set(seeds))


def declared_for(url, pages):
    """The query parameters that the page or view behind ``url`` declares (``home.query_parameters``)."""
    language = url.split("/")[1] if url.split("/")[1] in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with translation.override(language):
        if url in pages:
            return declared_parameters(pages[url])
        return declared_parameters(resolve(url).func, RequestFactory().get(url))


def query_targets():
    """``[(url, declared parameters)]`` for every seed URL."""
    pages = sample_pages()
    return [(url, declared_for(url, pages)) for url in public_seeds(public_url_templates())]


def reflected(payload, response):
    """True when a payload with markup characters comes back verbatim in an HTML body."""
    if not any(marker in payload for marker in REFLECTION_MARKERS) or len(payload) < 3:
        return False
    if "html" not in response.get("Content-Type", ""):
        return False
    return payload in response.content.decode("utf-8", "replace")


class FakeResponse(dict):
    def __init__(self, body, content_type="text/html; charset=utf-8"):
        super().__init__({"Content-Type": content_type})
        self.content = body.encode()


def test_reflection_check_catches_unescaped_input_only():
    payload = '"><img src=x onerror=alert(1)>'
    assert reflected(payload, FakeResponse(f"<p>You searched for {payload}</p>"))
    assert not reflected(payload, FakeResponse("<p>You searched for &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>"))
    assert not reflected(payload, FakeResponse(payload, "application/json"))
    assert not reflected("about", FakeResponse("about"))


def test_url_templates_cover_every_public_pattern():
    templates = dict(public_url_templates())
    assert {"healthz", "sitemap.xml", "robots.txt", "th/{}", "en/{}", "documents/{}/{}"} <= set(templates)
    assert not any(template.startswith("admin/") for template in templates)


def test_every_page_reads_exactly_the_query_parameters_it_declares():
    """What each page and view reads from ``request.GET`` (recorded) is what it declares: the fuzz below and the
    page cache rely on the declarations, so an undeclared parameter would be neither fuzzed nor in a cache key."""
    client = Client(raise_request_exception=False)
    wrong = []
    for url, declared in query_targets():
        with recording_query_reads() as read:
            client.get(url)
            client.get(url + "?" + "&".join(f"{name}=1" for name in sorted(declared)))
        if read != declared:
            wrong.append(f"{url}: reads {sorted(read)}, declares {sorted(declared)}")
    assert not wrong, "\n".join(wrong)


# The fuzz is split into shards, each sending every n-th request, so that with pytest-xdist both workers share it
# instead of one worker running it alone at the end; together the shards send every case.
SHARDS = 4

# Each payload as it appears in a query string and in a path: worked out once, not once per request.
QUOTED_PAYLOADS = [(payload, quote(payload, safe=""), quote(payload, safe="/")) for payload in PAYLOADS]


def fuzz_cases():
    """``(cases, per_page)``: every ``(strict, method, url)`` to send, and the query strings sent to each page."""
    templates = public_url_templates()
    targets = query_targets()
    seeds = [url for url, _declared in targets]
    urls = path_cases(templates) + page_suffix_cases(list(sample_pages()))
    per_page = {}
    for index, (seed, declared) in enumerate(targets):
        queries = declared_query_cases(declared, index) + other_query_cases(index)
        per_page[seed] = len(queries)
        urls += [f"{seed}?{query}" for query in queries]
    cases = [(False, "get", url) for url in urls]
    cases += [(True, method, seed) for seed in seeds for method in METHODS]
    return cases, per_page, {url: declared for url, declared in targets if declared}


def test_fuzz_reaches_every_parameter_of_every_page_that_reads_one():
    cases, per_page, readers = fuzz_cases()
    assert len(sample_pages()) >= 2 * 2  # home and standard pages, in both languages
    # The pages that read their query string are found, not listed by hand.
    assert {"q", "kind", "page"} <= readers.get("/th/search/", set())
    assert {"region", "province", "group", "occupation", "page"} <= readers.get("/th/case-studies/", set())
    assert len(cases) >= 1000
    sent = {url for _strict, _method, url in cases}
    for url, declared in readers.items():
        for name in declared:
            assert any(case.startswith(f"{url}?{name}=") for case in sent), f"{url} never gets {name}"


@pytest.mark.heavy
@pytest.mark.parametrize("shard", range(SHARDS))
def test_fuzz_public_urls_never_fail_or_reflect_input(record_property, shard):
    client = Client(raise_request_exception=False)
    strict_client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    cases, per_page, readers = fuzz_cases()
    mine = cases[shard::SHARDS]
    measured = f"shard {shard + 1} of {SHARDS}: {len(mine)} of {len(cases)} requests"
    if shard == 0:
        summary = ", ".join(f"{url} {count}" for url, count in per_page.items() if url in readers)
        measured += f"; query strings per page that reads them: {summary}"
    record_property("fuzz_cases", measured)

    failures = []
    for strict, method, url in mine:
        response = getattr(strict_client if strict else client, method)(url)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {method.upper()} {url[:200]}")
            continue
        payload_text = url.split("?", 1)[-1]
        for payload, in_query, in_path in QUOTED_PAYLOADS:
            if in_query in payload_text or in_path in url:
                if reflected(payload, response):
                    failures.append(f"reflected {payload!r} in {method.upper()} {url[:200]}")
    assert not failures, f"{len(failures)} of {len(mine)} requests failed:\n" + "\n".join(failures[:50])
