"""Editorial roles and the Review workflow, exercised through real requests to the Wagtail admin."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import GroupPagePermission, Page, Workflow
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.factories import SAVED, signed_in, standard_page, user
from home.models import StandardPage
from home.roles import ROLE_NAMES, grant_unit_coordinator, unit_group_name

pytestmark = pytest.mark.django_db


def standard_page_form(title, slug, intro, action):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": intro,
            "body": streamfield([("paragraph", rich_text(f"<p>{intro}</p>"))]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
        }
    )
    data[action] = "1"
    return data


@pytest.fixture
def about(thai_home):
    return StandardPage.objects.child_of(thai_home).get(slug="about")


@pytest.fixture
def english_about(english_home):
    return StandardPage.objects.child_of(english_home).get(slug="about")


def test_every_role_group_exists_with_admin_access():
    for name in ROLE_NAMES:
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists(), name


def test_review_workflow_with_moderators_approval_covers_the_whole_site(about, english_about):
    workflow = Workflow.objects.get(name="Review", active=True)
    tasks = [task.specific for task in workflow.tasks]
    assert [list(task.groups.values_list("name", flat=True)) for task in tasks] == [["Moderators"]]
    assert about.get_workflow() == workflow
    assert english_about.get_workflow() == workflow


def test_comments_are_enabled_on_the_page_editor(about):
    from django.conf import settings

    assert settings.WAGTAILADMIN_COMMENTS_ENABLED is True
    response = signed_in(user("ed", "Editors")).get(f"/admin/pages/{about.pk}/edit/")
    assert response.status_code == 200
    assert 'id="comments-data"' in response.content.decode()


def test_editor_creates_a_page_but_cannot_publish_it(thai_home):
    client = signed_in(user("ed", "Editors"))
    url = f"/admin/pages/add/home/standardpage/{thai_home.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, standard_page_form("วิธีสมัครเข้าร่วม", "how-to-join", "ขั้นตอน", "action-publish"))
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="how-to-join", locale__language_code="th")
    assert not page.live
    assert Client().get("/th/how-to-join/").status_code == 404


def test_editor_submission_goes_to_moderation_and_is_public_only_after_approval(about):
    editor, moderator = user("ed", "Editors"), user("mod", "Moderators")
    response = signed_in(editor).post(
        f"/admin/pages/{about.pk}/edit/",
        standard_page_form(about.title, about.slug, "ข้อความใหม่รอการตรวจทาน", "action-submit"),
    )
    assert response.status_code == 302
    about.refresh_from_db()
    state = about.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert "ข้อความใหม่รอการตรวจทาน" not in Client().get("/th/about/").content.decode()

    # The editor cannot approve their own change; a moderator can.
    task_state = state.current_task_state
    approve = f"/admin/pages/workflow/action/{about.pk}/approve/{task_state.pk}/"
    signed_in(editor).post(approve, {"comment": ""})
    assert "ข้อความใหม่รอการตรวจทาน" not in Client().get("/th/about/").content.decode()
    response = signed_in(moderator).post(approve, {"comment": "ดีแล้ว"})
    assert response.status_code in (200, 302)
    about.refresh_from_db()
    assert about.current_workflow_state is None
    assert "ข้อความใหม่รอการตรวจทาน" in Client().get("/th/about/").content.decode()


def test_moderator_publishes_directly(about):
    client = signed_in(user("mod", "Moderators"))
    response = client.post(
        f"/admin/pages/{about.pk}/edit/",
        standard_page_form(about.title, about.slug, "ผู้ตรวจเผยแพร่เอง", "action-publish"),
    )
    assert response.status_code == 302
    assert "ผู้ตรวจเผยแพร่เอง" in Client().get("/th/about/").content.decode()


def test_editor_cannot_delete_a_live_page_moderator_can(about):
    editor, moderator = user("ed", "Editors"), user("mod", "Moderators")
    assert signed_in(editor).post(f"/admin/pages/{about.pk}/delete/").status_code in (302, 403)
    assert Page.objects.filter(pk=about.pk).exists()
    assert signed_in(moderator).get(f"/admin/pages/{about.pk}/delete/").status_code == 200


def test_translator_edits_english_only_through_the_translation_editor(about, english_about, thai_home):
    client = signed_in(user("tr", "Translators"))
    response = client.get(f"/admin/pages/{english_about.pk}/edit/")
    assert response.status_code == 200
    assert "wagtail-localize" in response.content.decode()  # the translation editor, not the page form
    # The Thai source and new Thai pages are out of reach.
    assert client.get(f"/admin/pages/{about.pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/add/home/standardpage/{thai_home.pk}/").status_code in (302, 403)
    assert not about.permissions_for_user(get_user_model().objects.get(username="tr")).can_edit()


def test_translator_cannot_publish_an_english_page(english_about):
    translator = user("tr", "Translators")
    assert not english_about.permissions_for_user(translator).can_publish()
    assert english_about.permissions_for_user(translator).can_edit()


def test_unit_coordinator_edits_their_own_page_only(thai_home, about):
    unit = standard_page(thai_home, "หน่วยบ้านโพธิ์ทอง", "unit-test")
    coordinator = user("coord")
    group = grant_unit_coordinator(coordinator, unit)
    assert group.name == unit_group_name(unit)
    assert set(coordinator.groups.values_list("name", flat=True)) == {group.name, "Unit coordinators"}
    assert GroupPagePermission.objects.filter(group=group, page=unit).count() == 2

    client = signed_in(coordinator)
    assert client.get(f"/admin/pages/{unit.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{about.pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/add/home/standardpage/{thai_home.pk}/").status_code in (302, 403)
    # Their changes go to review too.
    response = client.post(
        f"/admin/pages/{unit.pk}/edit/",
        standard_page_form(unit.title, unit.slug, "อัปเดตจากผู้ประสานงาน", "action-publish"),
    )
    assert response.status_code == 302
    assert "อัปเดตจากผู้ประสานงาน" not in Client().get("/th/unit-test/").content.decode()
    # Granting twice changes nothing; a second coordinator shares the group.
    assert grant_unit_coordinator(user("coord2"), unit) == group
    assert GroupPagePermission.objects.filter(group=group).count() == 2


def test_unit_coordinator_command(thai_home):
    from django.core.management import CommandError, call_command

    unit = standard_page(thai_home, "หน่วยลำปาง", "unit-cmd", state=SAVED)
    user("coord")
    call_command("grant_unit_coordinator", "coord", str(unit.pk), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert unit.permissions_for_user(get_user_model().objects.get(username="coord")).can_edit()
    with pytest.raises(CommandError):
        call_command("grant_unit_coordinator", "nobody", str(unit.pk))
    with pytest.raises(CommandError):
        call_command("grant_unit_coordinator", "coord", "999999")


def test_data_staff_reach_the_admin_but_no_page(about):
    client = signed_in(user("data", "Data staff"))
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{about.pk}/edit/").status_code in (302, 403)
    response = client.get("/admin/translation-status/")
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "permission denied"


def test_user_without_role_is_kept_out_of_the_admin():
    response = signed_in(user("nobody")).get("/admin/")
    assert response.status_code == 302


def test_snippet_permissions_per_role():
    from home.models import Partner

    partner = Partner.objects.filter(locale__language_code="th").first()
    edit = f"/admin/snippets/home/partner/edit/{partner.pk}/"
    assert signed_in(user("ed", "Editors")).get(edit).status_code == 200
    assert signed_in(user("data", "Data staff")).get(edit).status_code in (302, 403)
    assert signed_in(user("ed2", "Editors")).get(f"/admin/snippets/home/partner/delete/{partner.pk}/").status_code in (
        302,
        403,
    )
    assert (
        signed_in(user("mod", "Moderators")).get(f"/admin/snippets/home/partner/delete/{partner.pk}/").status_code
        == 200
    )


def test_roles_migration_can_run_again_without_changing_anything():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("home.migrations.0003_editorial_roles")

    def snapshot():
        return (
            sorted(Group.objects.values_list("name", "permissions__codename")),
            sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")),
            sorted(Workflow.objects.values_list("name", "active")),
        )

    impact_grants = importlib.import_module("impact.migrations.0002_data_staff_permissions")
    network_grants = importlib.import_module("network.migrations.0002_moderator_permissions")
    review_grants = importlib.import_module("impact.migrations.0007_figures_of_network_groups")
    before = snapshot()
    migration.create_roles(apps, None)
    impact_grants.grant(apps, None)  # the impact app adds its models' permissions after the roles exist
    network_grants.grant(apps, None)  # and so does the network app (the Moderators review registrations)
    review_grants.grant(apps, None)  # and the review of the figures network groups report
    assert snapshot() == before


def test_every_demo_pilot_unit_has_its_coordinator_group():
    from casestudies.models import CaseStudyPage

    units = CaseStudyPage.objects.filter(locale__language_code="th")
    assert units.count() == 3
    for unit in units:
        group = Group.objects.get(name=unit_group_name(unit))
        granted = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True))
        assert granted == {page.pk for page in unit.get_translations(inclusive=True)}, unit.slug


def test_demo_coordinator_edits_their_units_case_study_and_figures_only():
    from casestudies.models import CaseStudyPage
    from home.demo import ensure_demo_staff

    assert ensure_demo_staff("pw") == ["editor", "moderator", "translator", "data", "coordinator"]
    assert ensure_demo_staff("pw")  # a second run changes nothing
    User = get_user_model()
    coordinator = User.objects.get(username="coordinator")
    own = CaseStudyPage.objects.get(slug="ban-pho-thong", locale__language_code="th")
    other = CaseStudyPage.objects.get(slug="chae-son-friends-with-disabilities", locale__language_code="th")
    client = signed_in(coordinator)
    editor_page = client.get(f"/admin/pages/{own.pk}/edit/")
    assert editor_page.status_code == 200
    body = editor_page.content.decode()
    # Figures are no longer part of the page: the tab says so; coordinators have no figure permissions, so no link.
    assert 'name="impact_figures-TOTAL_FORMS"' not in body
    assert "/admin/snippets/impact/impactfigure/" not in body
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403)
    assert not own.permissions_for_user(coordinator).can_publish()
    assert not own.permissions_for_user(User.objects.get(username="editor")).can_publish()
    assert own.permissions_for_user(User.objects.get(username="moderator")).can_publish()
