"""Security headers on public pages, the admin, documents and error pages; production's ``check --deploy``."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from config.security import permissions_policy_header
from tests.csp import csp_directives

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def directives(response):
    """The response's Content-Security-Policy as ``{directive: [values]}``."""
    return csp_directives(response["Content-Security-Policy"])


@pytest.mark.parametrize("path", ["/th/", "/en/", "/th/about/", "/en/privacy/", "/th/no-such-page/"])
def test_public_pages_have_a_strict_csp(client, path):
    response = client.get(path)
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "*" not in policy and "http:" not in policy and "https:" not in policy


@pytest.mark.parametrize("path", ["/th/", "/en/about/", "/th/no-such-page/", "/healthz", "/robots.txt"])
def test_public_responses_carry_the_other_security_headers(client, path):
    response = client.get(path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "browsing-topics=()"):
        assert feature in permissions


def test_public_pages_set_no_cookies(client):
    """The privacy page promises this."""
    for path in ("/th/", "/en/", "/th/privacy/", "/en/about/"):
        assert not client.get(path).cookies, path


def test_admin_gets_its_own_relaxed_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    csp = directives(response)
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == ["'self'"]  # page previews are framed by the admin itself
    assert csp["object-src"] == ["'none'"]
    assert "www.gravatar.com" not in response.content.decode()


def test_permissions_policy_header_format():
    assert permissions_policy_header({"camera": [], "fullscreen": ["self"]}) == "camera=(), fullscreen=(self)"


def production_env(**overrides):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL="postgres://odf:unused@127.0.0.1:5432/odf",
        ALLOWED_HOSTS="odf.example.org",
        CSRF_TRUSTED_ORIGINS="https://odf.example.org",
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def manage(*args, env):
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args, "--settings=config.settings.production"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_environment():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr and "?:" not in result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_required_settings(missing):
    result = manage("check", env=production_env(**{missing: None}))
    assert result.returncode != 0
    assert f"{missing} must be set in the environment for production." in result.stderr


PRODUCTION_PROBE = """
import django
django.setup()
from django.conf import settings as s
from django.test import Client
print(s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT)
print(s.DATABASES["default"]["ENGINE"], s.CACHES["default"]["BACKEND"], s.STORAGES["default"]["BACKEND"])
print(s.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"])
response = Client().get("/healthz", secure=True, HTTP_HOST="odf.example.org")
print(response["Strict-Transport-Security"])
print(response["Content-Security-Policy"])
print(Client().get("/healthz", HTTP_HOST="odf.example.org").status_code)
print(Client().get("/th/", HTTP_HOST="odf.example.org").status_code)
"""


def test_production_reads_the_environment_and_sends_hsts():
    env = production_env(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL="sqlite:///:memory:",
        REDIS_URL="redis://127.0.0.1:9/1",  # nothing listens there: the site must keep serving
        AWS_STORAGE_BUCKET_NAME="odf-media",
        AWS_S3_CUSTOM_DOMAIN="media.odf.example.org",
    )
    result = subprocess.run(  # noqa: S603 - the running interpreter with a fixed script
        [sys.executable, "-c", PRODUCTION_PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    hosts, backends, img_src, hsts, csp, health_status, http_status = result.stdout.strip().splitlines()
    assert hosts == "['odf.example.org'] ['https://odf.example.org'] True True True"
    assert backends == ("django.db.backends.sqlite3 django_redis.cache.RedisCache storages.backends.s3.S3Storage")
    assert img_src == "[\"'self'\", 'data:', 'https://media.odf.example.org']"
    assert hsts == "max-age=31536000; includeSubDomains; preload"
    policy = csp_directives(csp)
    assert "upgrade-insecure-requests" in policy and policy["script-src"] == ["'self'"]
    assert health_status != "301"  # load balancers probe /healthz over plain HTTP
    assert http_status == "301"  # everything else goes to HTTPS
