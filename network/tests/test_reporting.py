"""A network group reports its quarterly figures through its private link: staff issue and renew the link, the
figures wait for review, and once accepted they appear on the impact pages and exports apart from the pilots',
marked "reported by the group"."""

import datetime
import re

import pytest

from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Locale, ModelLogEntry

from home.factories import signed_in, user
from impact import group_reports
from impact.group_figures import group_figure_counts
from impact.models import FigureReview, FigureStatus, ImpactFigure
from impact.queries import indicators_in
from network.models import Registration, token_hash
from tests.sitemaps import every_sitemap

from .helpers import make_registration

pytestmark = pytest.mark.django_db

GROUP = "กลุ่มรายงานตัวเลขทดสอบ"
VALUE = "98765"


def report_url(token, language="th"):
    with translation.override(language):
        return reverse("impact_group_report", args=[token])


def issue_link(moderator, registration):
    """The link as staff get it: from the admin's report-link page (shown once)."""
    response = moderator.post(reverse("network_report_link", args=[registration.pk]))
    assert response.status_code == 200
    url = re.search(r'value="(http[^"]+/network/report/[^"]+/)"', response.content.decode()).group(1)
    return url.split("testserver", 1)[1]


def this_quarter():
    return group_reports.recent_quarters()[0][0]


def csv_text(client, language="th"):
    answer = client.get(f"/{language}/impact/figures.csv")
    content = b"".join(answer.streaming_content) if answer.streaming else answer.content
    return content.decode("utf-8-sig")


def test_a_reported_figure_reaches_the_impact_page_and_csv_only_after_review(
    client, django_capture_on_commit_callbacks
):
    group = make_registration(name=GROUP)
    moderator = signed_in(user("figmod", "Moderators"))
    path = issue_link(moderator, group)
    assert path.startswith("/th/network/report/")

    form = client.get(path)
    assert form.status_code == 200
    assert "<script" not in form.content.decode().split("<main", 1)[-1].split("</main>", 1)[0]
    response = client.post(path, {"quarter": this_quarter(), "value_members_total": VALUE})
    assert response.status_code == 200
    figure = ImpactFigure.objects.get(group=group)
    assert (figure.status, figure.review, figure.page_id) == (FigureStatus.REPORTED, FigureReview.PENDING, None)

    indicator_page = "/th/impact/members_total/"
    assert GROUP not in client.get(indicator_page).content.decode()
    assert GROUP not in csv_text(client)
    assert not ImpactFigure.objects.published().filter(pk=figure.pk).exists()

    queue = moderator.get(reverse("impact_group_figures_review"))
    assert queue.status_code == 200 and GROUP in queue.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        accepted = moderator.post(reverse("impact_group_figures_review"), {"figure": [figure.pk], "decision": "accept"})
    assert accepted.status_code == 302

    body = client.get(indicator_page).content.decode()
    section = body.split('id="im-groups-heading"', 1)[1]
    assert GROUP in section and "98,765" in section and "รายงานโดยกลุ่ม" in section
    english = client.get("/en/impact/members_total/").content.decode()
    assert "Reported by network groups" in english and "Reported by the group" in english
    assert "98,765 people" in english.split('id="im-groups-heading"', 1)[1]
    overview = client.get("/en/impact/").content.decode()
    figures, groups = group_figure_counts()
    assert figures >= 1 and groups >= 1
    assert f"Network groups: {figures} figures reported by {groups} group" in overview

    rows = [line for line in csv_text(client).splitlines() if GROUP in line]
    assert len(rows) == 1
    header = csv_text(client).splitlines()[0].split(",")
    cells = dict(zip(header, rows[0].split(","), strict=True))
    assert cells["status"] == "reported" and cells["group"] == GROUP and cells["value"] == "98765.00"
    assert cells["unit_slug"] == f"group-{group.pk}" and cells["illustrative"] == "false"

    actions = list(
        ModelLogEntry.objects.filter(object_id=str(figure.pk), content_type__model="impactfigure").values_list(
            "action", "data"
        )
    )
    assert "impact.figure.create" in [action for action, _data in actions]
    assert any(data.get("changes", {}).get("review") == ["pending", "accepted"] for _, data in actions)


def test_group_figures_are_not_mixed_into_the_pilots_totals():
    from impact.queries import overview_records

    group = make_registration(name=GROUP)
    before = len(overview_records())
    start, end = group_reports.quarter_bounds(2024, 3)
    group_reports.save_report(group, start, end, {"members_total": 5})
    group_reports.review(list(ImpactFigure.objects.filter(group=group)), accept=True)
    assert ImpactFigure.objects.published().of_groups().filter(group=group).count() == 1
    assert len(overview_records()) == before


def test_the_public_rule_needs_an_accepted_figure_of_an_approved_group():
    group = make_registration(name=GROUP)
    start, end = group_reports.quarter_bounds(2024, 3)
    group_reports.save_report(group, start, end, {"members_total": 5})
    figure = ImpactFigure.objects.get(group=group)
    published = ImpactFigure.objects.published()
    assert not published.filter(pk=figure.pk).exists()
    group_reports.review([figure], accept=False)
    assert not published.filter(pk=figure.pk).exists()
    group_reports.review([figure], accept=True)
    assert published.filter(pk=figure.pk).exists()
    Registration.objects.filter(pk=group.pk).update(status="withdrawn")
    assert not ImpactFigure.objects.published().filter(pk=figure.pk).exists()


def test_reporting_again_sends_an_accepted_figure_back_to_review():
    group = make_registration(name=GROUP)
    start, end = group_reports.quarter_bounds(2024, 3)
    group_reports.save_report(group, start, end, {"members_total": 5})
    group_reports.review(list(ImpactFigure.objects.filter(group=group)), accept=True)
    group_reports.save_report(group, start, end, {"members_total": 7})
    figure = ImpactFigure.objects.get(group=group)
    assert (figure.value, figure.review) == (7, FigureReview.PENDING)
    assert not ImpactFigure.objects.published().filter(pk=figure.pk).exists()


@pytest.mark.parametrize("language", ["th", "en"])
def test_an_expired_link_answers_404_in_both_languages(client, language):
    group = make_registration(name=GROUP)
    token = group.new_report_token()
    group.report_link_expires = timezone.now() - datetime.timedelta(minutes=1)
    group.save()
    response = client.get(report_url(token, language))
    assert response.status_code == 404
    body = response.content.decode()
    assert "ลิงก์รายงานนี้ใช้ไม่ได้" in body and "This report link does not work" in body
    assert (
        client.post(report_url(token, language), {"quarter": this_quarter(), "value_members_total": "1"}).status_code
        == 404
    )
    assert not ImpactFigure.objects.filter(group=group).exists()


@pytest.mark.parametrize("token", ["nonsense", "x" * 300, "../../admin"])
def test_unknown_links_answer_404_never_500(client, token):
    assert client.get(f"/th/network/report/{token}/").status_code == 404


def test_only_a_hash_of_the_token_is_kept_and_renewing_invalidates_the_old_link(client):
    group = make_registration(name=GROUP)
    moderator = signed_in(user("renewmod", "Moderators"))
    old = issue_link(moderator, group)
    old_token = old.rstrip("/").rsplit("/", 1)[1]
    group.refresh_from_db()
    assert group.report_token_hash == token_hash(old_token) and old_token not in str(vars(group))
    assert client.get(old).status_code == 200
    new = issue_link(moderator, group)
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert client.post(old, {"quarter": this_quarter(), "value_members_total": "3"}).status_code == 404


def test_links_only_for_approved_groups_and_not_after_withdrawal(client):
    waiting = make_registration(status="submitted")
    moderator = signed_in(user("onlymod", "Moderators"))
    moderator.post(reverse("network_report_link", args=[waiting.pk]))
    waiting.refresh_from_db()
    assert waiting.report_token_hash == ""
    group = make_registration(name=GROUP)
    path = issue_link(moderator, group)
    Registration.objects.filter(pk=group.pk).update(status="withdrawn")
    assert client.get(path).status_code == 404


def test_staff_without_the_permission_cannot_issue_links_or_review(client):
    group = make_registration(name=GROUP)
    editor = signed_in(user("plaineditor", "Editors"))
    assert editor.post(reverse("network_report_link", args=[group.pk])).status_code in (302, 403)
    assert editor.get(reverse("impact_group_figures_review")).status_code in (302, 403)
    group.refresh_from_db()
    assert group.report_token_hash == ""


def test_a_groups_link_writes_only_that_groups_figures(client):
    first = make_registration(name="First group")
    second = make_registration(name="Second group")
    token = second.new_report_token()
    second.save()
    response = client.post(
        report_url(token), {"quarter": this_quarter(), "value_members_total": "12", "group": first.pk}
    )
    assert response.status_code == 200
    assert not ImpactFigure.objects.filter(group=first).exists()
    assert ImpactFigure.objects.filter(group=second).count() == 1


@pytest.mark.parametrize("language", ["th", "en"])
def test_bad_numbers_reshow_the_form_with_messages(client, language):
    group = make_registration(name=GROUP)
    token = group.new_report_token()
    group.save()
    data = {
        "quarter": this_quarter(),
        "value_members_total": "many",
        "value_share_women": "150",
        "value_savings_total_thb": "-5",
        "value_fund_assets_thb": "1" * 20,
    }
    response = client.post(report_url(token, language), data)
    assert response.status_code == 400
    body = response.content.decode()
    messages = {
        "th": ["ร้อยละต้องอยู่ระหว่าง 0 ถึง 100"],
        "en": [
            "Type a number, e.g. 1250 or 12.5.",
            "A percentage must be between 0 and 100.",
            "People, counts and money cannot be negative.",
            "This number is too large",
        ],
    }[language]
    for message in messages:
        assert message in body, message
    assert 'value="many"' in body and 'aria-invalid="true"' in body
    assert not ImpactFigure.objects.filter(group=group).exists()
    empty = client.post(report_url(token, language), {"quarter": this_quarter()})
    assert empty.status_code == 400
    unknown_quarter = client.post(report_url(token, language), {"quarter": "1999-Q1", "value_members_total": "1"})
    assert unknown_quarter.status_code == 400
    assert not ImpactFigure.objects.filter(group=group).exists()


def test_thai_digits_and_separators_are_read():
    form = group_reports.GroupReportForm(
        {"quarter": this_quarter(), "value_members_total": "๑,๒๕๐"},
        indicators=indicators_in(Locale.get_default()),
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["values"] == {"members_total": 1250}


def test_the_report_form_is_private_and_bounded_in_queries(client, django_assert_max_num_queries):
    group = make_registration(name=GROUP)
    token = group.new_report_token()
    group.save()
    every = {f"value_{code}": "1" for code in ("members_total", "savings_total_thb", "loans_outstanding_thb")}
    every["value_share_women"] = "40"
    assert client.get(report_url(token)).status_code == 200  # the group opens its form first (and warms the process)
    with django_assert_max_num_queries(20):
        response = client.post(report_url(token), {"quarter": this_quarter(), **every})
    assert response.status_code == 200
    with django_assert_max_num_queries(20):
        client.post(report_url(token), {"quarter": this_quarter(), **{k: "2" for k in every}})
    assert ImpactFigure.objects.filter(group=group).count() == 4
    response = client.get(report_url(token, "en"))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_the_network_pages_are_in_the_sitemap_with_alternates_and_the_report_form_is_not(client):
    group = make_registration(name=GROUP)
    group.new_report_token()
    group.save()
    body = every_sitemap(client)
    assert client.get("/sitemap-pages.xml").content.decode().count("/th/network/join/</loc>") == 1  # in one section
    for language in ("th", "en"):
        for path in (f"/{language}/network/", f"/{language}/network/join/"):
            assert f"<loc>http://testserver{path}</loc>" in body
            assert f'hreflang="{language}" href="http://testserver{path}"' in body
    assert 'hreflang="x-default" href="http://testserver/th/network/join/"' in body
    assert "/network/report/" not in body and "/network/withdraw/" not in body


def test_demo_group_figures_are_illustrative_and_accepted():
    from impact import group_demo

    group_demo.load()
    figures = ImpactFigure.objects.published().of_groups()
    assert figures.exists()
    assert set(figures.values_list("status", flat=True)) == {FigureStatus.ILLUSTRATIVE}
    assert all(figures.values_list("group__is_illustrative", flat=True))
