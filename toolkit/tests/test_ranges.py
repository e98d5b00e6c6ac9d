"""Downloads resume after a broken connection: one byte range gets 206, a range past the end 416, anything else
the whole file; a resumed download is not counted again."""

import pytest

from toolkit.downloads import Unsatisfiable, parse_range
from toolkit.models import DownloadCount, ToolkitResource


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 999)),
        ("bytes=-100", (900, 999)),
        ("bytes=-5000", (0, 999)),
        ("bytes=990-5000", (990, 999)),
        (None, None),
        ("", None),
        ("bytes=0-1,5-9", None),  # several ranges: the whole file
        ("items=0-9", None),
        ("bytes=9-3", None),
        ("bytes=-", None),
        ("bytes=abc", None),
    ],
)
def test_parse_range(header, expected):
    assert parse_range(header, 1000) == expected


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=5000-6000", "bytes=-0"])
def test_range_past_the_end_is_unsatisfiable(header):
    with pytest.raises(Unsatisfiable):
        parse_range(header, 1000)


def full(client, path, **headers):
    response = client.get(path, **headers)
    return response, b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/th/toolkit/toolkit.pdf", "/en/toolkit/toolkit.zip", "/th/toolkit/manage-money/step.pdf"]
)
def test_bundles_are_served_whole_or_in_a_range(client, path):
    whole, data = full(client, path)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    assert int(whole["Content-Length"]) == len(data) > 1000

    part, body = full(client, path, HTTP_RANGE="bytes=100-1099")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-1099/{len(data)}"
    assert part["Content-Length"] == "1000" and body == data[100:1100]
    assert part["Content-Disposition"] == whole["Content-Disposition"]

    tail, body = full(client, path, HTTP_RANGE=f"bytes={len(data) - 10}-")
    assert tail.status_code == 206 and body == data[-10:]

    refused, _ = full(client, path, HTTP_RANGE=f"bytes={len(data)}-")
    assert refused.status_code == 416
    assert refused["Content-Range"] == f"bytes */{len(data)}"

    # The file changed since the first part was fetched (If-Range names another version): the whole file again.
    stale, body = full(client, path, HTTP_RANGE="bytes=100-", HTTP_IF_RANGE='"another-version"')
    assert stale.status_code == 200 and body == data
    fresh, body = full(client, path, HTTP_RANGE="bytes=100-", HTTP_IF_RANGE=whole["ETag"])
    assert fresh.status_code == 206 and body == data[100:]


@pytest.mark.django_db
def test_a_resumed_download_is_served_in_part_and_not_counted_twice(client):
    resource = ToolkitResource.objects.get(locale__language_code="en", kind="ledger")
    path = f"/en/toolkit/download/{resource.pk}/"
    whole, data = full(client, path)
    part, body = full(client, path, HTTP_RANGE="bytes=10-")
    assert part.status_code == 206 and body == data[10:]
    assert part["Content-Range"] == f"bytes 10-{len(data) - 1}/{len(data)}"
    assert full(client, path, HTTP_RANGE="bytes=99999999-")[0].status_code == 416
    assert DownloadCount.objects.get(resource=resource).count == 1
    full(client, "/th/toolkit/toolkit.pdf", HTTP_RANGE="bytes=0-9")
    assert not DownloadCount.objects.filter(item="pdf").exists()
