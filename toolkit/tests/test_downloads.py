import datetime
import re

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from toolkit.models import DownloadCount, ToolkitResource, month_start

pytestmark = pytest.mark.django_db


def test_resource_download_serves_the_file_and_counts(client):
    resource = ToolkitResource.objects.get(locale__language_code="en", kind="ledger")
    response = client.get(f"/en/toolkit/download/{resource.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="odf-member-ledger-loan-register-en.xlsx"'
    data = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(data) and data.startswith(b"PK")
    client.get(f"/en/toolkit/download/{resource.pk}/")
    assert DownloadCount.objects.get(resource=resource, month=month_start()).count == 2


def test_bundle_downloads_are_counted_per_language(client):
    client.get("/th/toolkit/toolkit.pdf")
    client.get("/th/toolkit/toolkit.pdf")
    client.get("/en/toolkit/toolkit.zip")
    client.head("/th/toolkit/toolkit.pdf")  # a HEAD request is not a download
    assert DownloadCount.objects.get(item="pdf", language="th", resource=None).count == 2
    assert DownloadCount.objects.get(item="zip", language="en", resource=None).count == 1
    assert not DownloadCount.objects.filter(item="pdf", language="en").exists()


def test_resource_of_another_language_or_unknown_is_404(client):
    thai = ToolkitResource.objects.filter(locale__language_code="th").first()
    assert client.get(f"/en/toolkit/download/{thai.pk}/").status_code == 404
    assert client.get("/en/toolkit/download/999999/").status_code == 404
    assert client.get("/en/toolkit/download/abc/").status_code == 404
    assert not DownloadCount.objects.exists()


def test_counts_hold_no_personal_data(client):
    field_names = {field.name for field in DownloadCount._meta.get_fields()}
    assert field_names == {"id", "item", "resource", "language", "month", "count"}
    client.get("/th/toolkit/toolkit.pdf", HTTP_USER_AGENT="Secret-Agent/1.0", REMOTE_ADDR="203.0.113.9")
    assert "set-cookie" not in {h.lower() for h in client.get("/th/toolkit/toolkit.pdf").headers}
    row = DownloadCount.objects.values().get(item="pdf", language="th")
    assert "203.0.113.9" not in str(row) and "Secret-Agent" not in str(row)


def test_months_are_counted_separately_and_ranked():
    resource = ToolkitResource.objects.filter(locale__language_code="th").first()
    june, july = (
        datetime.datetime(2026, 6, 15, 12, tzinfo=datetime.UTC),
        datetime.datetime(2026, 7, 1, 12, tzinfo=datetime.UTC),
    )
    for _ in range(3):
        DownloadCount.objects.record("resource", "th", resource=resource, when=june)
    DownloadCount.objects.record("zip", "th", when=june)
    DownloadCount.objects.record("zip", "th", when=july)
    ranked = list(DownloadCount.objects.top_of_month(datetime.date(2026, 6, 30)))
    assert [(c.item, c.count) for c in ranked] == [("resource", 3), ("zip", 1)]
    assert [c.count for c in DownloadCount.objects.top_of_month(datetime.date(2026, 7, 2))] == [1]


def test_staff_report_lists_top_downloads(admin_client, client):
    client.get("/th/toolkit/toolkit.pdf")
    response = admin_client.get("/admin/reports/toolkit-downloads/")
    assert response.status_code == 200
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
    # One row: this month, the Thai toolkit PDF, the Thai edition, downloaded once.
    month = timezone.localdate().strftime("%Y-%m")
    assert re.search(rf"{month} PDF ชุดเครื่องมือ — th 1 ", text), text[-600:]
    assert admin_client.get("/admin/reports/toolkit-downloads/?month=not-a-month&item=zzz").status_code == 200
    assert client.get("/admin/reports/toolkit-downloads/").status_code == 302  # anonymous: to the login page


@pytest.mark.parametrize("name", ["tool.exe", "page.html", "script.js", "archive.zip", "vector.svg"])
def test_document_upload_refuses_other_types(admin_client, name):
    upload = SimpleUploadedFile(name, b"not allowed", content_type="application/octet-stream")
    response = admin_client.post("/admin/documents/add/", {"title": "x", "file": upload, "collection": 1})
    assert response.status_code == 200
    body = response.content.decode()
    assert "pdf, docx, xlsx, odt, ods, csv, png, jpg" in body


def test_document_upload_accepts_a_csv(admin_client):
    upload = SimpleUploadedFile("members.csv", b"no,name\n1,A\n", content_type="text/csv")
    response = admin_client.post("/admin/documents/add/", {"title": "members", "file": upload, "collection": 1})
    assert response.status_code == 302
