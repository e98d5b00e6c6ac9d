"""Every download link shows its type and size before a reader taps it, in both languages, from data already
loaded (a stored bundle's size, a document's file_size): no query per link."""

import re

import pytest

from toolkit.models import ToolkitBundle, ToolkitPage, ToolkitStepPage

pytestmark = pytest.mark.django_db


def labels(body):
    """(link href, size label) for every link that has a size label after it."""
    return re.findall(
        r'<a [^>]*href="([^"]+)"[^>]*download[^>]*>.*?</a>\s*(?:<span class="resource__meta">\s*'
        r'<span class="resource__kind">[^<]*</span> ·\s*)?<span class="download-size">([^<]+)</span>',
        body,
        re.S,
    )


@pytest.mark.parametrize(("language", "pdf_label"), [("en", "PDF, "), ("th", "ไฟล์ PDF ขนาด ")])
def test_toolkit_page_shows_type_and_size_beside_every_download(
    client, django_assert_max_num_queries, language, pdf_label
):
    toolkit = ToolkitPage.objects.get(locale__language_code=language, alias_of__isnull=True)
    with django_assert_max_num_queries(25):
        body = client.get(f"/{language}/toolkit/").content.decode()
    found = dict(labels(body))
    pdf = ToolkitBundle.objects.get(toolkit=toolkit, kind="pdf", step=None)
    assert found[f"/{language}/toolkit/toolkit.pdf"] == f"{pdf_label}{round(pdf.size / 1024)}\xa0KB"
    assert found[f"/{language}/toolkit/toolkit.zip"].startswith(pdf_label.replace("PDF", "ZIP"))
    resource_links = [href for href in found if "/download/" in href]
    assert len(resource_links) == 4
    assert all(re.search(r"(PDF|DOCX|XLSX)\D+[\d.]+\xa0KB$", found[href]) for href in resource_links), found


def test_step_page_sizes_cost_one_query(client, django_assert_num_queries, django_assert_max_num_queries):
    step = ToolkitStepPage.objects.get(locale__language_code="en", slug="manage-money", alias_of__isnull=True)
    with django_assert_max_num_queries(30):
        body = client.get("/en/toolkit/manage-money/").content.decode()
    found = dict(labels(body))
    assert len(found) == 3  # its PDF and its two forms
    assert found["/en/toolkit/manage-money/step.pdf"].startswith("PDF, ")
    # Without its stored PDF the page shows no link to it rather than building one while rendering.
    ToolkitBundle.objects.filter(step=step).delete()
    from django.core.cache import cache

    cache.clear()
    assert "step.pdf" not in client.get("/en/toolkit/manage-money/").content.decode()
