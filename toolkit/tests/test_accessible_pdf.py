"""The toolkit PDFs are tagged (PDF/UA-1) with their language, title, bookmarks per step and links on the site's
public address; each public step has its own small PDF. The stored PDFs built with the demo content are read back,
so only the test of a changed address builds one."""

import io
import re
import zipfile

import pytest
from pypdf import PdfReader

from django.test import override_settings

from toolkit.bundles import fingerprint
from toolkit.models import ToolkitBundle, ToolkitStepPage
from toolkit.pdf import html_to_pdf

pytestmark = pytest.mark.django_db


def pdf_of(response):
    assert response.status_code == 200, response.status_code
    return PdfReader(io.BytesIO(b"".join(response.streaming_content)))


def outline_titles(reader):
    """The top-level bookmarks."""
    return [item.title for item in reader.outline if not isinstance(item, list)]


def link_uris(reader):
    return [
        annot.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if annot.get_object().get("/A", {}).get("/URI")
    ]


def structure_types(reader):
    """Every structure element's type (/H1, /Link, /Figure ...), with each /Figure's /Alt."""
    types, alts = [], []

    def walk(node):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif hasattr(node, "get"):
            kind = node.get("/S")
            if kind:
                types.append(str(kind))
                if kind == "/Figure":
                    alts.append(node.get("/Alt"))
            if node.get("/K") is not None:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return types, alts


def assert_tagged(reader, language, title):
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/Lang"] == language
    assert "/StructTreeRoot" in root
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.metadata.title == title


@pytest.mark.parametrize("language", ["th", "en"])
def test_toolkit_pdf_is_tagged_with_its_language_title_and_a_bookmark_per_step(client, language):
    from toolkit.models import ToolkitPage

    toolkit = ToolkitPage.objects.get(locale__language_code=language, alias_of__isnull=True)
    steps = list(toolkit.live_steps())
    reader = pdf_of(client.get(f"/{language}/toolkit/toolkit.pdf"))
    assert_tagged(reader, language, toolkit.title)
    bookmarks = outline_titles(reader)
    assert [title for title in bookmarks if title in {s.title for s in steps}] == [s.title for s in steps]
    types, _ = structure_types(reader)
    assert {"/H1", "/H2", "/L", "/LI", "/Link", "/P"} <= set(types)
    uris = link_uris(reader)
    # Every step's page, the two online tools and the resources are real links on the public address.
    for step in steps:
        assert f"http://testserver/{language}/toolkit/{step.slug}/" in uris
    assert f"http://testserver/{language}/toolkit/self-check/" in uris
    assert any(re.fullmatch(rf"http://testserver/{language}/toolkit/download/\d+/", uri) for uri in uris)
    assert all(uri.startswith("http://testserver/") for uri in uris), uris


def test_images_get_their_alt_text_and_tables_their_headers_in_the_tags():
    html = (
        '<!doctype html><html lang="en"><head><title>t</title></head><body><h1>Title</h1>'
        '<img alt="A committee meeting" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADU'
        'lEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==">'
        "<table><thead><tr><th>Name</th><th>Amount</th></tr></thead><tbody><tr><td>A</td><td>1</td></tr></tbody>"
        "</table></body></html>"
    )
    types, alts = structure_types(PdfReader(io.BytesIO(html_to_pdf(html))))
    assert alts == ["A committee meeting"]
    assert {"/Table", "/TH", "/TD"} <= set(types)


def test_links_follow_the_public_address_and_the_bundles_are_rebuilt_when_it_changes(client, thai_toolkit):
    before = fingerprint(thai_toolkit)
    with override_settings(WAGTAILADMIN_BASE_URL="https://odf.example.org"):
        assert fingerprint(thai_toolkit) != before
        response = client.get("/th/toolkit/toolkit.zip")
        archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
        readme = archive.read("README.txt").decode("utf-8-sig")
        pdf = PdfReader(io.BytesIO(archive.read("odf-toolkit-th.pdf")))
    assert "https://odf.example.org/th/toolkit/" in readme and "testserver" not in readme
    uris = link_uris(pdf)
    assert "https://odf.example.org/th/toolkit/" in uris
    assert all(uri.startswith("https://odf.example.org/th/") for uri in uris), uris
    assert ToolkitBundle.objects.filter(toolkit=thai_toolkit, kind="pdf", step=None).count() == 1  # old one gone


@pytest.mark.parametrize("language", ["th", "en"])
def test_each_step_has_its_own_tagged_pdf_linked_from_its_page_with_its_size(client, language):
    step = ToolkitStepPage.objects.get(locale__language_code=language, slug="manage-money", alias_of__isnull=True)
    page = client.get(f"/{language}/toolkit/manage-money/").content.decode()
    stored = ToolkitBundle.objects.get(step=step)
    label = "PDF, " if language == "en" else "ไฟล์ PDF ขนาด "
    link = re.search(r'href="([^"]+step\.pdf)".*?<span class="download-size">([^<]+)</span>', page, re.S)
    assert link.group(1) == f"/{language}/toolkit/manage-money/step.pdf"
    assert link.group(2) == label + f"{round(stored.size / 1024)}\xa0KB"

    response = client.get(link.group(1))
    assert response["Content-Disposition"] == f'attachment; filename="odf-toolkit-{language}-manage-money.pdf"'
    reader = pdf_of(response)
    assert_tagged(reader, language, reader.metadata.title)
    assert step.title in reader.metadata.title
    assert outline_titles(reader) == [step.title]  # the step alone, its sections under it
    uris = link_uris(reader)
    assert f"http://testserver/{language}/toolkit/manage-money/" in uris
    resources = [link.resource for link in step.resource_links.all()]
    assert len(resources) == 2
    for resource in resources:
        assert f"http://testserver/{language}/toolkit/download/{resource.pk}/" in uris
    text = "".join(page.extract_text() for page in reader.pages)
    if language == "en":
        assert "Step 6 of 8" in text and resources[0].description[:40] in text.replace("\n", " ")


def test_step_pdf_of_a_draft_or_unknown_step_is_404(client, thai_toolkit):
    step = ToolkitStepPage.objects.child_of(thai_toolkit).get(slug="share-and-scale")
    assert client.get("/th/toolkit/share-and-scale/step.pdf").status_code == 200  # the control
    step.unpublish()
    assert client.get("/th/toolkit/share-and-scale/step.pdf").status_code == 404
    assert client.get("/th/toolkit/no-such-step/step.pdf").status_code == 404
    assert client.get("/en/toolkit/share-and-scale/step.pdf?x=<script>").status_code == 200
    assert client.post("/en/toolkit/share-and-scale/step.pdf").status_code == 405


def test_publishing_one_step_rebuilds_only_its_own_pdf(thai_toolkit, django_capture_on_commit_callbacks):
    steps = ToolkitStepPage.objects.child_of(thai_toolkit)
    before = dict(ToolkitBundle.objects.filter(toolkit=thai_toolkit, step__isnull=False).values_list("step", "pk"))
    assert len(before) == 8
    step = steps.get(slug="monitor-results")
    step.title = "ติดตามผลลัพธ์ ฉบับปรับปรุงใหม่"
    with django_capture_on_commit_callbacks(execute=True):
        step.save_revision().publish()
    after = dict(ToolkitBundle.objects.filter(toolkit=thai_toolkit, step__isnull=False).values_list("step", "pk"))
    assert {pk for pk in before if before[pk] != after[pk]} == {step.pk}
