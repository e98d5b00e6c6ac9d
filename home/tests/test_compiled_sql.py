"""``home.compiled_sql``: a queryset's SQL compiled once per shape, run with the real ids each time."""

import pytest

from django.db.models import Q

from wagtail.models import Page

from home import compiled_sql

pytestmark = pytest.mark.django_db


def _build(root_id, page_ids):
    return Page.objects.filter(Q(pk=root_id) | Q(pk__in=page_ids)).order_by("pk").values_list("pk", "title", "live")


def test_rows_match_the_queryset_for_each_set_of_ids(django_assert_num_queries):
    pages = list(Page.objects.order_by("pk").values_list("pk", flat=True))
    assert len(pages) >= 2  # Wagtail's root and first page
    for root_id, page_ids in ((pages[0], [pages[1]]), (pages[1], [pages[0]]), (None, [pages[0], pages[1]])):
        with django_assert_num_queries(1):
            found = compiled_sql.rows("test-pages", _build, root_id, page_ids)
        assert found == list(_build(root_id, page_ids)), (root_id, page_ids)
    assert compiled_sql.rows("test-pages", _build, pages[0], []) == list(_build(pages[0], []))
    assert all(isinstance(live, bool) for _pk, _title, live in found)  # Django's converters are applied
