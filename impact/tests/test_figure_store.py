"""Figures have a store of their own: page revisions and publishing never touch them, a unit with thousands of
figures still opens and saves its page, the figures listing filters, searches, acts in bulk and keeps a history."""

import datetime
from decimal import Decimal

import pytest

from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyPage
from home.factories import signed_in, user
from home.page_cache import generation
from impact.factories import figures_for, thai_indicators
from impact.models import ImpactFigure, Indicator
from impact.services import save_figures

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/impact/impactfigure/"


def thai_unit(slug="ban-pho-thong"):
    return CaseStudyPage.objects.get(slug=slug, locale__language_code="th")


def import_row(unit, code, start, end, value):
    return {
        "unit_slug": unit,
        "indicator_code": code,
        "period_start": start,
        "period_end": end,
        "value": Decimal(value),
        "baseline": None,
        "status": "reported",
        "source": "ledger",
    }


@pytest.fixture
def superuser_client(client):
    return signed_in(user("store-admin", superuser=True), client)


def member_client(client, group_name):
    return signed_in(user(f"member-{group_name[:6]}", group_name), client)


# Page revisions never carry figures ------------------------------------------------------------------------------


def test_publishing_a_revision_made_before_an_import_keeps_every_figure():
    page = thai_unit()
    before = set(ImpactFigure.objects.filter(page=page).values_list("pk", flat=True))
    # A draft waits for approval; an old revision even still carries the figures key of the former inline panel.
    page.title = "ฉบับร่างรออนุมัติ"
    draft = page.save_revision()
    draft.content["impact_figures"] = []
    draft.save(update_fields=["content"])

    created, updated = save_figures(
        [import_row("ban-pho-thong", "members_total", datetime.date(2025, 1, 1), datetime.date(2025, 3, 31), "61")]
    )
    assert (created, updated) == (1, 0)

    draft.publish()
    page.refresh_from_db()
    assert page.title == "ฉบับร่างรออนุมัติ"
    after = set(ImpactFigure.objects.filter(page=page).values_list("pk", flat=True))
    assert before < after and len(after) == len(before) + 1


def test_the_figures_are_not_in_the_page_form_or_new_revisions():
    page = thai_unit()
    revision = page.save_revision()
    assert "impact_figures" not in revision.content
    from casestudies.models import CaseStudyPage as Model

    form_class = Model.get_edit_handler().get_form_class()
    assert "impact_figures" not in getattr(form_class, "formsets", {})


def case_study_form_data(page):
    """What the editor posts for ``page`` (an existing Thai case study)."""
    data = nested_form_data(
        {
            "title": page.title + " (แก้ไข)",
            "slug": page.slug,
            "unit_name": page.unit_name,
            "summary": page.summary,
            "organisation_kind": page.organisation_kind,
            "province": page.province_id,
            "district": page.district,
            "subdistrict": page.subdistrict,
            "year_joined": page.year_joined or "",
            "hero_alt": page.hero_alt,
            "fund_capital": page.fund_capital,
            "fund_management": page.fund_management,
            "fund_rules": page.fund_rules,
            "lessons_learned": rich_text("<p>บทเรียน</p>"),
            "local_partners": page.local_partners,
            "body": streamfield([("paragraph", rich_text("<p>เรื่องราว</p>"))]),
            "toolkit_steps": inline_formset([]),
        }
    )
    data["target_groups"] = list(page.target_groups.values_list("pk", flat=True))
    data["occupations"] = list(page.occupations.values_list("pk", flat=True))
    return data


def test_a_unit_with_2000_figures_opens_and_saves_its_edit_page(superuser_client, django_assert_max_num_queries):
    page = thai_unit()
    figures_for(page, 2000)
    url = f"/admin/pages/{page.pk}/edit/"
    superuser_client.get(url)  # warm Wagtail's per-process lookups
    with django_assert_max_num_queries(80):
        response = superuser_client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "หน่วยนี้มีตัวเลข 2000 รายการ" in body  # the tab says how many figures the unit has (the admin is Thai)
    assert "impact_figures-" not in body

    data = case_study_form_data(page)
    assert len(data) < 1000  # Django's DATA_UPLOAD_MAX_NUMBER_FIELDS
    response = superuser_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title.endswith("(แก้ไข)")
    assert ImpactFigure.objects.filter(page=page).count() == 2000


# The listing -----------------------------------------------------------------------------------------------------


def test_listing_filters_by_unit_indicator_and_period_and_searches(superuser_client, django_assert_max_num_queries):
    page = thai_unit()
    figures_for(page, 2000)
    superuser_client.get(LISTING)
    with django_assert_max_num_queries(30):
        response = superuser_client.get(LISTING)
    assert response.status_code == 200

    members = Indicator.objects.get(code="members_total", locale__language_code="th")
    url = f"{LISTING}?unit={page.pk}&indicator={members.pk}&period_from=2006-01-01&period_to=2006-12-31"
    with django_assert_max_num_queries(30):
        response = superuser_client.get(url)
    shown = list(response.context["object_list"])
    assert len(shown) == 12
    assert {(f.page_id, f.indicator_id) for f in shown} == {(page.pk, members.pk)}
    assert all(f.period_start.year == 2006 for f in shown)

    other = thai_unit("chae-son-friends-with-disabilities")
    response = superuser_client.get(f"{LISTING}?q={other.slug}")
    found = list(response.context["object_list"])
    assert found and {f.page_id for f in found} == {other.pk}


def test_bulk_mark_illustrative_reported_and_verified_is_logged(superuser_client, django_capture_on_commit_callbacks):
    page = thai_unit()
    figures = ImpactFigure.objects.filter(page=page, status="illustrative").order_by("pk")[:3]
    ids = [f.pk for f in figures]
    query = "&".join(f"id={pk}" for pk in ids)
    url = f"/admin/bulk/impact/impactfigure/mark_verified/?next={LISTING}&{query}"
    assert superuser_client.get(url).status_code == 200  # the confirmation page
    cache_before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(url)
    assert response.status_code == 302
    assert ImpactFigure.objects.filter(pk__in=ids, status="verified").count() == 3
    entries = ModelLogEntry.objects.filter(action="impact.figure.edit", object_id__in=[str(pk) for pk in ids])
    assert entries.count() == 3
    assert all(e.data["changes"] == {"status": ["illustrative", "verified"]} for e in entries)
    assert {e.user for e in entries} == {superuser_client.user}
    assert generation() > cache_before

    superuser_client.post(f"/admin/bulk/impact/impactfigure/mark_reported/?next={LISTING}&{query}")
    assert ImpactFigure.objects.filter(pk__in=ids, status="reported").count() == 3
    superuser_client.post(f"/admin/bulk/impact/impactfigure/mark_illustrative/?next={LISTING}&{query}")
    assert ImpactFigure.objects.filter(pk__in=ids, status="illustrative").count() == 3


def test_bulk_delete_keeps_the_deleted_values_in_the_history(superuser_client):
    figures = list(ImpactFigure.objects.filter(page=thai_unit()).order_by("pk")[:2])
    query = "&".join(f"id={f.pk}" for f in figures)
    response = superuser_client.post(f"/admin/bulk/impact/impactfigure/delete/?next={LISTING}&{query}")
    assert response.status_code == 302
    assert not ImpactFigure.objects.filter(pk__in=[f.pk for f in figures]).exists()
    for figure in figures:
        entry = ModelLogEntry.objects.get(object_id=str(figure.pk), action="impact.figure.delete")
        assert entry.deleted and entry.user == superuser_client.user
        assert entry.data["changes"]["value"] == [f"{figure.value:.2f}", None]


def test_history_shows_who_changed_what_from_what_to_what(superuser_client):
    row = import_row("ban-pho-thong", "members_total", datetime.date(2025, 1, 1), datetime.date(2025, 3, 31), "61")
    save_figures([row], superuser_client.user, "q1.xlsx")
    row["value"] = Decimal("64.5")
    save_figures([row], superuser_client.user, "q1-fixed.xlsx")
    figure = ImpactFigure.objects.get(
        page=thai_unit(), indicator__code="members_total", period_start=row["period_start"]
    )
    body = superuser_client.get(f"{LISTING}history/{figure.pk}/").content.decode()
    assert "q1-fixed.xlsx" in body and "61.00 → 64.50" in body
    assert "q1.xlsx" in body and "– → 61.00" in body
    assert "store-admin" in body  # who saved: the account's name


def test_the_history_keeps_awkward_text_exactly(superuser_client):
    # On PostgreSQL the entries go in as COPY's text, escaped by the app: tabs, new lines, backslashes, quotes and
    # Thai in a source and a file name must come back as they were typed.
    source = 'บัญชี\tกองทุน\\สาขา\n"ปี 2568"\r\\N'
    name = "ไตรมาส\t1\\ฉบับ\\N.xlsx"
    row = import_row("ban-pho-thong", "members_total", datetime.date(2025, 4, 1), datetime.date(2025, 6, 30), "61")
    row["source"] = source
    save_figures([row], superuser_client.user, name)
    figure = ImpactFigure.objects.get(
        page=thai_unit(), indicator__code="members_total", period_start=row["period_start"]
    )
    entry = ModelLogEntry.objects.get(object_id=str(figure.pk), action="impact.figure.import")
    assert entry.data["changes"]["source"] == [None, source]
    assert entry.data["file"] == name
    assert (
        entry.label.startswith("members_total 2025-04-01–2025-06-30")
        and entry.user == superuser_client.user
        and not entry.deleted
    )


def test_an_import_writes_history_and_purges_caches_once_with_a_fixed_number_of_queries(
    django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    indicators = [i.code for i in thai_indicators()]
    rows = []
    for month in range(180):
        start = datetime.date(2008 + month // 12, month % 12 + 1, 1)
        for code in indicators:
            rows.append(import_row("ban-pho-thong", code, start, start + datetime.timedelta(days=27), "7"))
    assert len(rows) > 2500
    before = generation()
    # No query per row: inserts go in batches (of about 100 rows on SQLite, whose statements take at most 999
    # parameters; of 1,000 on PostgreSQL), and the history is written the same way.
    with django_capture_on_commit_callbacks(execute=True), django_assert_max_num_queries(len(rows) // 25):
        created, updated = save_figures(rows)
    assert (created, updated) == (len(rows), 0)
    assert generation() == before + 1
    assert ModelLogEntry.objects.filter(action="impact.figure.import").count() == len(rows)

    for row in rows[:10]:
        row["value"] = Decimal(8)
    with django_capture_on_commit_callbacks(execute=True):
        created, updated = save_figures(rows)
    assert (created, updated) == (0, len(rows))
    assert generation() == before + 2
    # Only the figures whose values changed get a new history entry.
    assert ModelLogEntry.objects.filter(action="impact.figure.import").count() == len(rows) + 10


# Permissions -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("group", "can_list", "can_delete"),
    [("Data staff", True, True), ("Moderators", True, True), ("Editors", True, False), ("Translators", False, False)],
)
def test_who_may_list_edit_and_delete_figures(client, group, can_list, can_delete):
    member = member_client(client, group)
    figure = ImpactFigure.objects.of_source_pages().first()
    response = member.get(LISTING)
    assert (response.status_code == 200) is can_list
    assert (member.get(f"{LISTING}history/{figure.pk}/").status_code == 200) is can_list
    member.post(f"/admin/bulk/impact/impactfigure/delete/?next={LISTING}&id={figure.pk}")
    assert ImpactFigure.objects.filter(pk=figure.pk).exists() is not can_delete


def _rows(count):
    """``count`` import rows for the Bueng Kan unit, every indicator, month after month."""
    indicators = [i.code for i in thai_indicators()]
    rows = []
    month = 0
    while len(rows) < count:
        start = datetime.date(2008 + month // 12, month % 12 + 1, 1)
        rows += [
            import_row("ban-pho-thong", code, start, start + datetime.timedelta(days=27), "7") for code in indicators
        ]
        month += 1
    return rows[:count]


def test_an_import_takes_as_many_queries_for_500_rows_as_for_50(django_capture_on_commit_callbacks):
    """The number of queries does not grow with the rows: on PostgreSQL one upsert and one history ``COPY`` (which
    the query log does not see) whatever the rows; elsewhere one upsert and one history insert per statement's
    worth of rows (SQLite takes at most 999 parameters per statement, 90 history rows of 11 columns, so there the
    larger file is 90 rows)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    large = min(500, (connection.features.max_query_params or 10**6) // 11)
    assert large >= 90
    counts = {}
    for count in (50, large):
        ImpactFigure.objects.filter(page=thai_unit()).delete()
        rows = _rows(count)
        with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
            created, _ = save_figures(rows)
        assert created == count
        counts[count] = len(queries)
    assert counts[50] == counts[large], counts
    # The same fixed number on both: on PostgreSQL the history's ``COPY`` is not in the query log; elsewhere its insert is.
    assert counts[50] <= (12 if connection.vendor == "postgresql" else 13), counts


def test_the_listing_unit_filter_groups_units_by_region(superuser_client):
    import re

    body = superuser_client.get(LISTING).content.decode()
    select = body.split('name="unit"')[1].split("</select>")[0]
    labels = re.findall(r'<optgroup label="([^"]+)">', select)
    assert labels == ["ภาคเหนือ", "ภาคตะวันออกเฉียงเหนือ", "ภาคตะวันตก"]  # the admin speaks Thai; regions in order
    assert f'value="{thai_unit().pk}"' in select.split("<optgroup")[2]  # Bueng Kan: the Northeast


def test_an_import_does_not_rewrite_figures_whose_values_are_unchanged():
    """On PostgreSQL the upsert skips figures whose values are the same (their row version stays), and logs none."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): row versions")
    rows = _rows(20)
    assert save_figures(rows) == (20, 0)

    def versions():
        return dict(
            ImpactFigure.objects.filter(page=thai_unit()).extra(select={"v": "xmin::text"}).values_list("pk", "v")
        )

    first, logged = versions(), ModelLogEntry.objects.count()
    changed = dict(rows[3], value=rows[3]["value"] + 1)
    assert save_figures(rows[:3] + [changed] + rows[4:]) == (0, 20)
    second = versions()
    assert [pk for pk in first if first[pk] != second[pk]] == [
        ImpactFigure.objects.get(
            page=thai_unit(), period_start=changed["period_start"], indicator__code=changed["indicator_code"]
        ).pk
    ]
    assert ModelLogEntry.objects.count() == logged + 1
