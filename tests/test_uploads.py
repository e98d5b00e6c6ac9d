"""Uploads: documents and images limited by type, content and size; documents served safely."""

import io
import struct
import zlib

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape

from wagtail.documents.models import Document
from wagtail.images.models import Image

from home.uploads import document_problem

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("report.pdf", PDF),
        ("Report.PDF", PDF),
        ("table.csv", "ปี,จำนวน\n2566,3\n".encode()),
        ("table.csv", b"\xef\xbb\xbfyear,count\n2023,3\n"),
        ("plan.docx", b"PK\x03\x04rest-of-zip"),
        ("sheet.ods", b"PK\x03\x04rest-of-zip"),
        ("photo.png", b"\x89PNG\r\n\x1a\n...."),
        ("photo.jpg", b"\xff\xd8\xff\xe0...."),
    ],
)
def test_documents_that_match_their_extension_are_accepted(name, head):
    assert document_problem(name, head) is None


@pytest.mark.parametrize(
    ("name", "head", "reason"),
    [
        ("page.html", HTML, "not accepted"),
        ("page.htm", HTML, "not accepted"),
        ("logo.svg", SVG, "not accepted"),
        ("app.js", b"alert(1)", "not accepted"),
        ("setup.exe", b"MZ\x90\x00", "not accepted"),
        ("noextension", PDF, "not accepted"),
        ("report.pdf", HTML, "does not match"),
        ("report.pdf", b"MZ\x90\x00\x03", "Programs and scripts"),
        ("report.pdf", b"#!/bin/sh\nrm -rf /", "Programs and scripts"),
        ("report.pdf", b"\x7fELF\x02\x01", "Programs and scripts"),
        ("plan.docx", PDF, "does not match"),
        ("photo.png", SVG, "does not match"),
        ("table.csv", HTML, "markup or scripts"),
        ("table.csv", b"  <svg onload=alert(1)>", "markup or scripts"),
        ("table.csv", b"a,b\n1,<script>alert(1)</script>", "markup or scripts"),
        ("table.csv", b"a,b\n1,javascript:alert(1)", "markup or scripts"),
        ("table.csv", b"a,b\x00\x01\x02", "does not match"),
    ],
)
def test_unsafe_documents_are_refused(english, name, head, reason):
    problem = document_problem(name, head)
    assert problem is not None and reason in str(problem)


def file_errors(response):
    """The file field's error codes on the re-displayed admin form, checking each message is shown to the editor."""
    assert response.status_code == 200  # the form again, not a redirect
    errors = response.context["form"].errors.as_data()["file"]
    page = response.content.decode()
    for error in errors:
        for message in error.messages:
            assert escape(message) in page
    return {error.code for error in errors}


def upload_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


@pytest.mark.django_db
def test_admin_refuses_html_disguised_as_pdf_with_a_clear_message(admin_client):
    before = Document.objects.count()
    response = upload_document(admin_client, "report.pdf", HTML)
    assert file_errors(response) == {"unsafe_file"}
    assert Document.objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content"), [("page.html", HTML), ("logo.svg", SVG), ("run.exe", b"MZ\x90")])
def test_admin_refuses_active_file_types(admin_client, name, content):
    before = Document.objects.count()
    response = upload_document(admin_client, name, content)
    assert file_errors(response) & {"invalid_extension", "unsafe_file"}
    assert Document.objects.count() == before


@pytest.mark.django_db
def test_admin_refuses_documents_over_10_mb(admin_client, settings):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    response = upload_document(admin_client, "big.pdf", PDF + b"0" * (10 * 1024 * 1024))
    assert file_errors(response) == {"file_too_large"}
    assert not Document.objects.filter(title="big.pdf").exists()


@pytest.mark.django_db
def test_pdf_is_served_inline_and_csv_as_a_download_with_safe_headers(admin_client, client):
    assert upload_document(admin_client, "report.pdf", PDF).status_code == 302
    assert upload_document(admin_client, "table.csv", b"year,count\n2023,3\n").status_code == 302
    pdf = Document.objects.get(title="report.pdf")
    csv = Document.objects.get(title="table.csv")

    response = client.get(pdf.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"

    response = client.get(csv.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def png_bytes(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (11, 92, 59)).save(buffer, "PNG")
    return buffer.getvalue()


def png_header_only(width, height):
    """A PNG that claims ``width`` × ``height`` pixels in a few bytes: a decompression bomb's disguise."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")
    )


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/", {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1}
    )


@pytest.mark.django_db
def test_admin_accepts_a_real_png(admin_client):
    assert upload_image(admin_client, "ok.png", png_bytes(40, 30)).status_code == 302
    assert Image.objects.filter(title="ok.png", width=40, height=30).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("logo.svg", SVG, "invalid_image_extension"),
        ("page.html", HTML, "invalid_image_extension"),
        ("fake.png", HTML, "invalid_image_known_format"),
        ("bomb.png", png_header_only(7000, 7000), "file_too_many_pixels"),
        ("huge.png", png_header_only(100_000, 100_000), "file_too_many_pixels"),
        ("truncated.png", png_header_only(200, 100), "invalid_image"),
    ],
)
def test_admin_refuses_unsafe_images(admin_client, name, content, code):
    response = upload_image(admin_client, name, content)
    assert code in file_errors(response)
    assert not Image.objects.filter(title=name).exists()


@pytest.mark.django_db
def test_admin_refuses_images_over_5_mb(admin_client, settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 5 * 1024 * 1024
    response = upload_image(admin_client, "big.png", png_bytes(10, 10) + b"\x00" * (5 * 1024 * 1024))
    assert "file_too_large" in file_errors(response)
