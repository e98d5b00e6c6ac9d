import pytest

from toolkit.models import ToolkitPage


@pytest.fixture
def thai_toolkit(db):
    return ToolkitPage.objects.get(locale__language_code="th")


@pytest.fixture
def english_toolkit(db):
    return ToolkitPage.objects.get(locale__language_code="en", alias_of__isnull=True)
