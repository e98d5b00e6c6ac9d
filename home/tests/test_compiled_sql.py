"""``home.compiled_sql``: a queryset's SQL compiled once per shape, run with the real ids each time."""

from functools import partial

import pytest

from django.db.models import F, Q

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


def _build_objects(page_ids):
    return (
        Page.objects.filter(pk__in=page_ids)
        .select_related("locale")
        .annotate(parent_depth=F("depth") - 1)
        .order_by("pk")
    )


def test_objects_match_the_queryset_with_related_objects_and_annotations(django_assert_num_queries):
    pages = list(Page.objects.order_by("pk").values_list("pk", flat=True))[:2]
    for page_ids in ([pages[0]], pages):
        with django_assert_num_queries(1):
            found = compiled_sql.objects("test-page-objects", _build_objects, page_ids)
            locales = [page.locale.language_code for page in found]  # read with the pages: no query
        expected = list(_build_objects(page_ids))
        assert [(type(p), p.pk, p.title, p.parent_depth) for p in found] == [
            (type(p), p.pk, p.title, p.parent_depth) for p in expected
        ]
        assert locales == [page.locale.language_code for page in expected]
        assert all(not page._state.adding and page._state.db == "default" for page in found)
        fields = [field.attname for field in Page._meta.concrete_fields]
        assert [[getattr(p, name) for name in fields] for p in found] == [
            [getattr(p, name) for name in fields] for p in expected
        ]


def test_a_class_with_its_own_from_db_or_fewer_columns_is_built_by_from_db():
    from network.models import Registration

    fields = [field.attname for field in Page._meta.concrete_fields]
    registration_fields = [field.attname for field in Registration._meta.concrete_fields]
    assert isinstance(compiled_sql._constructor(Registration, registration_fields, "default"), partial)
    assert isinstance(compiled_sql._constructor(Page, fields[:3], "default"), partial)
    row = list(Page.objects.order_by("pk").values_list(*fields)[:1])[0]
    built = compiled_sql._constructor(Page, fields, "default")(row)
    assert type(built) is Page and built.pk == row[0] and not built._state.adding


def _build_by_url_path(url_path, not_id):
    return Page.objects.filter(url_path=url_path).exclude(pk=not_id).order_by("pk").values_list("pk", "url_path")


def test_a_text_compared_exactly_is_a_parameter_too(django_assert_num_queries):
    pages = list(Page.objects.order_by("pk").values_list("url_path", "pk")[:2])
    assert len(pages) == 2
    for url_path, not_id in [(pages[0][0], pages[1][1]), (pages[1][0], pages[0][1]), ("/no-such-page/", pages[0][1])]:
        with django_assert_num_queries(1):
            found = compiled_sql.rows("test-pages-by-url-path", _build_by_url_path, url_path, not_id)
        assert found == list(_build_by_url_path(url_path, not_id)), url_path
    assert found == []
    assert compiled_sql.rows("test-pages-by-url-path", _build_by_url_path, *pages[1]) == []  # itself left out
    assert len(compiled_sql.rows("test-pages-by-url-path", _build_by_url_path, pages[1][0], pages[0][1])) == 1


def _build_by_slugs(slugs):
    return Page.objects.filter(slug__in=slugs).order_by("pk").values_list("pk", "slug")


def test_a_list_of_texts_compared_exactly_is_a_list_of_parameters(django_assert_num_queries):
    slugs = list(Page.objects.exclude(slug="").order_by("pk").values_list("slug", flat=True).distinct()[:2])
    assert len(slugs) == 2
    for asked in ([slugs[0]], [slugs[1]], [slugs[1], "no-such-slug"], ["no-such-slug", "nor-this-one"]):
        with django_assert_num_queries(1):
            found = compiled_sql.rows("test-pages-by-slugs", _build_by_slugs, asked)
        assert found == list(_build_by_slugs(asked)), asked
    assert found == []
    assert {slug for _pk, slug in compiled_sql.rows("test-pages-by-slugs", _build_by_slugs, slugs)} == set(slugs)


def _build_titled(page_ids):
    pages = Page.objects.filter(pk__in=page_ids, depth__gt=0).exclude(title__contains="100% ")
    return pages.values_list("pk", "title")


def test_on_postgresql_only_the_stand_ins_stay_parameters(django_assert_num_queries):
    """A constant of the shape (a depth, a ``LIKE`` pattern with a ``%`` in it) is written into the SQL as a literal,
    so that PostgreSQL's one plan for every call can use a partial index; the ids stay parameters."""
    from django.db import connection

    pages = list(Page.objects.order_by("pk").values_list("pk", flat=True)[:2])
    Page.objects.filter(pk=pages[1]).update(title="100% illustrative")
    with django_assert_num_queries(1):
        found = compiled_sql.rows("test-titled", _build_titled, pages)
    assert sorted(found) == sorted(_build_titled(pages))
    sql, params = compiled_sql.sql("test-titled", _build_titled, pages)
    if connection.vendor != "postgresql":
        assert len(params) == 4  # two ids, the depth, the pattern: written on PostgreSQL only
        return
    assert params == pages
    assert '"depth" > 0' in sql and r"E'%%100\\%% %%'" in sql, sql


def test_the_pages_below_a_page_are_its_children_only():
    """``below`` reads a range of paths: the parent's children, not the parent, its grandchildren, or the next
    sibling's subtree (whose paths sort after the last child's)."""
    from wagtail.models import Page as WagtailPage

    root = WagtailPage.objects.get(depth=1)
    parent = root.add_child(instance=WagtailPage(title="Parent", slug="below-parent"))
    children = [parent.add_child(instance=WagtailPage(title=f"Child {n}", slug=f"below-child-{n}")) for n in range(3)]
    children[0].add_child(instance=WagtailPage(title="Grandchild", slug="below-grandchild"))
    sibling = root.add_child(instance=WagtailPage(title="Sibling", slug="below-sibling"))
    sibling.add_child(instance=WagtailPage(title="Nephew", slug="below-nephew"))
    found = compiled_sql.below(WagtailPage, parent.pk, parent.depth + 1)
    assert sorted(page.pk for page in found) == sorted(child.pk for child in children)
    assert set(found.values_list("pk", flat=True)) == set(parent.get_children().values_list("pk", flat=True))
