import io
import zipfile

import pytest

from django.utils.http import content_disposition_header

from toolkit import bundles
from toolkit.demo import STEPS
from toolkit.factories import step_resource
from toolkit.models import ToolkitBundle, ToolkitResource, ToolkitStepPage

from .pdf_text import normalise, page_texts, table_of_contents

pytestmark = pytest.mark.django_db


def body_of(response):
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("language", ["th", "en"])
def test_zip_holds_every_resource_of_its_language_the_pdf_and_a_readme(client, language):
    response = client.get(f"/{language}/toolkit/toolkit.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == content_disposition_header(True, f"odf-toolkit-{language}.zip")
    data = body_of(response)
    assert int(response["Content-Length"]) == len(data)
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    expected_files = {
        r.document.file.name.rsplit("/", 1)[1]
        for r in ToolkitResource.objects.filter(locale__language_code=language, step_links__page__live=True)
    }
    assert len(expected_files) == 4
    assert {n.removeprefix("resources/") for n in names if n.startswith("resources/")} == expected_files
    assert all(f"-{language}." in name for name in expected_files)
    assert f"odf-toolkit-{language}.pdf" in names
    readme = archive.read("README.txt").decode("utf-8-sig")
    for name in names - {"README.txt"}:
        assert name in readme
    assert archive.read(f"odf-toolkit-{language}.pdf").startswith(b"%PDF")


def test_zip_leaves_out_resources_of_draft_steps(client, thai_toolkit):
    step = ToolkitStepPage.objects.child_of(thai_toolkit).get(slug="share-and-scale")
    resource = step_resource(step, "draft-only-form.csv", "ร่างเท่านั้น")
    live_names = zipfile.ZipFile(io.BytesIO(body_of(client.get("/th/toolkit/toolkit.zip")))).namelist()
    assert "resources/draft-only-form.csv" in live_names  # the control: listed while its step is live
    step.unpublish()
    names = zipfile.ZipFile(io.BytesIO(body_of(client.get("/th/toolkit/toolkit.zip")))).namelist()
    assert "resources/draft-only-form.csv" not in names
    assert client.get(f"/th/toolkit/download/{resource.pk}/").status_code == 404


@pytest.mark.parametrize("language", ["th", "en"])
def test_pdf_is_a4_with_contents_matching_its_pages(client, language):
    response = client.get(f"/{language}/toolkit/toolkit.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == content_disposition_header(True, f"odf-toolkit-{language}.pdf")
    assert "max-age" in response["Cache-Control"] and response["ETag"]
    data = body_of(response)
    assert data.startswith(b"%PDF") and int(response["Content-Length"]) == len(data)
    pages = page_texts(data)
    toc = table_of_contents(pages[1])
    assert len(toc) == 1 + len(STEPS) + 1  # overview, every step, resources
    numbers = [n for _title, n in toc]
    assert numbers == sorted(numbers) and numbers[-1] <= len(pages)
    for step, (entry, page_number) in zip(STEPS, toc[1:-1], strict=True):
        title = getattr(step["title"], language)
        assert normalise(title) in normalise(entry)
        assert normalise(title) in normalise(pages[page_number - 1]), (title, page_number)
    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_thai_pdf_uses_the_sarabun_font(client):
    from pypdf import PdfReader

    data = body_of(client.get("/th/toolkit/toolkit.pdf"))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(io.BytesIO(data)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("Sarabun" in name for name in fonts), fonts
    text = normalise("".join(page_texts(data)))
    assert normalise("ตั้งคณะทำงานที่มีเยาวชนและแรงงานนอกระบบ") in text


def test_bundle_is_reused_while_unchanged(client, thai_toolkit, monkeypatch):
    # Both bundles made once first (whether an earlier request or publish already made the ZIP depends on what ran
    # before on the same worker), then neither is built again while nothing changed.
    client.get("/th/toolkit/toolkit.pdf")
    client.get("/th/toolkit/toolkit.zip")
    calls = []
    monkeypatch.setattr(bundles, "build_pdf", lambda *a: calls.append(a) or b"%PDF-fake")
    monkeypatch.setattr(bundles, "build_zip", lambda *a: calls.append(a) or b"PK-fake")
    for _ in range(2):
        assert client.get("/th/toolkit/toolkit.pdf").status_code == 200
        assert client.get("/th/toolkit/toolkit.zip").status_code == 200
    assert calls == []


def test_bundle_is_regenerated_after_publishing_a_changed_step(
    client, thai_toolkit, django_capture_on_commit_callbacks
):
    before = ToolkitBundle.objects.get(toolkit=thai_toolkit, kind="pdf", step=None)
    step = ToolkitStepPage.objects.child_of(thai_toolkit).get(slug="monitor-results")
    step.title = "ติดตามผลลัพธ์ ฉบับปรับปรุงใหม่"
    with django_capture_on_commit_callbacks(execute=True):
        step.save_revision().publish()
    after = ToolkitBundle.objects.get(toolkit=thai_toolkit, kind="pdf", step=None)
    assert after.pk != before.pk and after.fingerprint != before.fingerprint
    assert not ToolkitBundle.objects.filter(pk=before.pk).exists()
    assert ToolkitBundle.objects.filter(toolkit=thai_toolkit, kind="zip", fingerprint=after.fingerprint).exists()
    text = normalise("".join(page_texts(body_of(client.get("/th/toolkit/toolkit.pdf")))))
    assert normalise("ฉบับปรับปรุงใหม่") in text


def test_saving_a_resource_regenerates_the_bundles(thai_toolkit, django_capture_on_commit_callbacks):
    before = ToolkitBundle.objects.get(toolkit=thai_toolkit, kind="zip").fingerprint
    resource = ToolkitResource.objects.filter(locale=thai_toolkit.locale).first()
    resource.description = "คำอธิบายใหม่"
    with django_capture_on_commit_callbacks(execute=True):
        resource.save()
    assert ToolkitBundle.objects.get(toolkit=thai_toolkit, kind="zip").fingerprint != before


def test_conditional_request_gets_not_modified(client):
    etag = client.get("/en/toolkit/toolkit.pdf")["ETag"]
    response = client.get("/en/toolkit/toolkit.pdf", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


@pytest.mark.parametrize(
    "path",
    ["/th/toolkit/toolkit.exe", "/th/no-such-page/toolkit.pdf", "/th/about/toolkit.zip", "/fr/toolkit/toolkit.pdf"],
)
def test_bad_bundle_paths_are_404(client, path):
    assert client.get(path).status_code == 404


def test_bundle_refuses_post(client):
    assert client.post("/th/toolkit/toolkit.pdf").status_code == 405
