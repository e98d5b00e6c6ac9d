"""``home.static_storage``: each static URL worked out once per process, the same as WhiteNoise's storage answers."""

from whitenoise.storage import CompressedManifestStaticFilesStorage

from django.test import override_settings

from home.static_storage import StaticStorage


def _storage(tmp_path):
    (tmp_path / "staticfiles.json").write_text(
        '{"version": "1.1", "paths": {"css/site.css": "css/site.abc123.css"}, "hash": "x"}'
    )
    return StaticStorage(location=str(tmp_path), base_url="/static/")


@override_settings(DEBUG=False)
def test_url_is_whitenoise_s_and_worked_out_once(tmp_path, monkeypatch):
    storage = _storage(tmp_path)
    reference = CompressedManifestStaticFilesStorage(location=str(tmp_path), base_url="/static/")
    assert storage.url("css/site.css") == reference.url("css/site.css") == "/static/css/site.abc123.css"
    calls = []
    monkeypatch.setattr(storage, "stored_name", lambda name: calls.append(name) or name)
    assert storage.url("css/site.css") == "/static/css/site.abc123.css"
    assert calls == []  # kept from the first answer


@override_settings(DEBUG=True)
def test_debug_asks_every_time(tmp_path):
    storage = _storage(tmp_path)
    assert storage.url("css/site.css") == "/static/css/site.css"
    assert storage._urls == {}
