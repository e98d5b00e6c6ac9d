"""Privacy is one rule (``home.visibility``), applied on every public surface, in both languages.

For each page type (toolkit step, case study, news item) × restriction (password, login, groups) a new Thai page
with its own English translation is restricted in Thai, through the real model; every surface in /th/ and /en/
must then leave out both language versions, while an unrestricted control page of the same type still shows.
Removing the restriction brings the page back everywhere.
"""

import io
import zipfile

import pytest

from django.contrib.auth.models import Group

from wagtail.models import Locale, Page, PageViewRestriction

from casestudies.models import CaseStudyPage
from home.factories import signed_in, standard_page, user
from home.visibility import is_public
from news.models import NewsPage
from tests.sitemaps import every_sitemap
from toolkit.models import ToolkitStepPage
from toolkit.tests.pdf_text import normalise, page_texts

pytestmark = pytest.mark.django_db

LANGUAGES = ("th", "en")


def _copy(source, slug, marker):
    """A live copy of ``source`` (a new translation group) titled with ``marker``, and its English translation."""
    attrs = {"title": f"หน้าทดสอบ {marker}th", "slug": slug, "seo_title": "", "search_description": ""}
    if isinstance(source, CaseStudyPage):
        attrs["unit_name"] = attrs["title"]
    skip = ["impact_figures"]  # the figures CSV needs one figure per unit (added below), not all of them
    thai = source.copy(
        update_attrs=attrs, keep_live=True, copy_revisions=False, reset_translation_key=True, exclude_fields=skip
    ).specific
    thai.save_revision().publish()
    english = thai.copy_for_translation(Locale.objects.get(language_code="en"), exclude_fields=skip).specific
    english.title = f"Test page {marker}en"
    if isinstance(english, CaseStudyPage):
        english.unit_name = english.title
    english.save_revision().publish()
    return thai, english


def _figures_of(page, source):
    """Give a copied case study one figure of its own (copies leave the figures out)."""
    from impact.models import ImpactFigure

    if not ImpactFigure.objects.filter(page=page).exists():
        figure = ImpactFigure.objects.filter(page=source).first()
        figure.pk = None
        figure.page = page
        figure.save()


def _indicator_of(unit):
    """The code of an indicator with a figure of ``unit`` (its page's table lists the unit)."""
    from impact.models import ImpactFigure

    return ImpactFigure.objects.filter(page__translation_key=unit.translation_key).first().indicator.code


def _step_source():
    """A Thai step with resources (so the ZIP's README names the steps that use them)."""
    return (
        ToolkitStepPage.objects.filter(locale__language_code="th", resource_links__isnull=False)
        .distinct()
        .order_by("path")
        .first()
    )


def _case_source():
    return CaseStudyPage.objects.filter(locale__language_code="th", alias_of__isnull=True).order_by("path").first()


def _news_source():
    return (
        NewsPage.objects.filter(locale__language_code="th", alias_of__isnull=True, related_case_studies__isnull=False)
        .order_by("path")
        .first()
    )


SOURCES = {"step": _step_source, "case": _case_source, "news": _news_source}


def _text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


SEARCH_WORD = "zubrowkaprobe"


def _surfaces(client, kind, language, control, downloads=True):
    """``[(surface, text, lists the pages)]`` for every public surface where a page of ``kind`` could show (without
    ``downloads``, the toolkit's PDF and ZIP are left out: they take seconds to build).

    "lists the pages": the control page must be there (and the restricted one once public again); elsewhere
    the restricted page must only be absent while restricted.
    """
    get = lambda url: _text(client, url).decode("utf-8-sig")  # noqa: E731
    surfaces = [
        ("home", get(f"/{language}/"), kind == "case"),
        ("sitemap", every_sitemap(client), True),
        ("search", get(f"/{language}/search/?q={SEARCH_WORD}"), True),
    ]
    if kind == "step":
        surfaces += [
            ("toolkit index", get(f"/{language}/toolkit/"), True),
            ("other step's navigation", get(f"/{language}/toolkit/{control.slug}/"), True),
            ("service worker", get("/sw.js"), True),
        ]
        if downloads:
            pdf = _text(client, f"/{language}/toolkit/toolkit.pdf")
            archive = zipfile.ZipFile(io.BytesIO(_text(client, f"/{language}/toolkit/toolkit.zip")))
            surfaces += [
                ("toolkit pdf", normalise(" ".join(page_texts(pdf))), True),
                # Copied steps link the Thai resources, so only the Thai README names them.
                ("zip readme", archive.read("README.txt").decode("utf-8-sig"), language == "th"),
            ]
    elif kind == "case":
        surfaces += [
            ("case study index and map", get(f"/{language}/case-studies/"), True),
            ("related cards", get(f"/{language}/case-studies/{control.slug}/"), False),
            ("impact indicator table", get(f"/{language}/impact/{_indicator_of(control)}/?tab=table"), True),
            ("figures csv", get(f"/{language}/impact/figures.csv"), True),
            ("figures json", get(f"/{language}/impact/figures.json"), True),
            ("figures api", get(f"/api/v1/impact/figures/?lang={language}"), True),
        ]
    else:
        unit = control.related_case_studies.first()
        surfaces += [
            ("news index", get(f"/{language}/news/"), True),
            ("rss", get(f"/{language}/news/feed/"), True),
            ("atom", get(f"/{language}/news/feed/atom/"), True),
            ("unit's related news", get(f"/{language}/case-studies/{unit.slug}/"), True),
        ]
    return surfaces


def _marks(thai, english, language):
    """What would show the page in ``language``: its title there, and its slug (links, URL lists, unit_slug)."""
    title = (thai if language == "th" else english).title
    return [title, normalise(title), f"/{thai.slug}/", f'"{thai.slug}"', f"{thai.slug},"]


@pytest.fixture
def pages(request):
    kind = request.param
    source = SOURCES[kind]()
    hidden = _copy(source, f"private-{kind}-probe", f"privateprobe{kind}")
    shown = _copy(source, f"public-{kind}-probe", f"publicprobe{kind}")
    for thai, english in (hidden, shown):
        for page in (thai, english):
            # A word to search for in both, in a field each page type indexes.
            field = {"step": "purpose", "case": "summary", "news": "summary"}[kind]
            setattr(page, field, f"{getattr(page, field)} {SEARCH_WORD}")
            page.save_revision().publish()
            page.refresh_from_db()  # publish() works on a copy made from the revision
        if kind == "case":
            _figures_of(thai, source)
    return kind, hidden, shown


def _restrict(page, restriction_type):
    restriction = PageViewRestriction(page=page, restriction_type=restriction_type, password="secret-1")
    restriction.save()
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.get_or_create(name="Board")[0]])
    return restriction


def _assert_surfaces(client, kind, hidden, shown, visible, context, downloads=True):
    for language in LANGUAGES:
        for surface, text, lists in _surfaces(client, kind, language, shown[0], downloads):
            found = [mark for mark in _marks(*hidden, language) if mark in text]
            where = f"{context}: {language} {surface}"
            if lists:
                assert any(mark in text for mark in _marks(*shown, language)), f"control missing: {where}"
            if not visible:
                assert not found, f"{where} shows the private page: {found}"
            elif lists:
                assert found, f"{where} lacks the page once public again"


RESTRICTION_TYPES = [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS]


@pytest.mark.heavy
@pytest.mark.parametrize("pages", ["step", "case", "news"], indirect=True)
def test_a_page_restricted_in_thai_is_on_no_surface_in_either_language(
    client, pages, django_capture_on_commit_callbacks, monkeypatch
):
    """Each restriction type in turn on the same pages (made once per page type: they are costly to copy): hidden
    on every surface while restricted, back on every surface once the restriction is lifted. The toolkit's PDF and
    ZIP are checked with the first restriction type only: the rule does not depend on the type, and each takes
    seconds to build. So with the other types, a privacy change does not rebuild them either (every step's PDF in
    both languages, at each change): nothing looks at them."""
    import toolkit.signals

    kind, hidden, shown = pages
    thai, english = hidden
    rebuild_downloads = toolkit.signals.schedule_refresh

    for restriction_type in RESTRICTION_TYPES:
        context = f"{kind}, {restriction_type}"
        downloads = restriction_type == RESTRICTION_TYPES[0]
        monkeypatch.setattr(toolkit.signals, "schedule_refresh", rebuild_downloads if downloads else lambda pk: None)
        with django_capture_on_commit_callbacks(execute=True):
            restriction = _restrict(thai, restriction_type)
        assert not is_public(thai) and not is_public(english), context
        for page in hidden:  # neither language version can be read without the password / sign-in / group
            response = client.get(page.url)
            assert response.status_code in (200, 302), context
            assert page.title not in response.content.decode(), context
        _assert_surfaces(client, kind, hidden, shown, visible=False, context=context, downloads=downloads)

        # Public again: back everywhere (this also shows each surface would show it, so its absence above is the
        # rule's), and ready for the next restriction type.
        with django_capture_on_commit_callbacks(execute=True):
            restriction.delete()
        assert is_public(thai) and is_public(english), context
        assert not PageViewRestriction.objects.filter(page__in=[thai, english]).exists(), context
        _assert_surfaces(client, kind, hidden, shown, visible=True, context=context, downloads=downloads)


@pytest.fixture
def translated_page(thai_home):
    """A live Thai standard page with a live English translation and an English-locale alias elsewhere."""

    thai = standard_page(thai_home, "หน้าสมาชิก", "members-probe", intro="-")
    english = thai.copy_for_translation(Locale.objects.get(language_code="en")).specific
    english.title = "Members"
    english.save_revision().publish()
    english.refresh_from_db()
    alias = thai.create_alias(parent=thai_home, update_slug="members-probe-alias")
    return thai, english, alias


def _restrictions(*pages):
    return [
        (r.restriction_type, r.password, sorted(r.groups.values_list("name", flat=True)))
        for page in pages
        for r in PageViewRestriction.objects.filter(page=page)
    ]


def test_a_restriction_is_mirrored_to_translations_and_aliases_when_added_changed_and_removed(
    translated_page, django_capture_on_commit_callbacks
):
    thai, english, alias = translated_page
    board, staff = Group.objects.create(name="Board"), Group.objects.create(name="Field staff")

    restriction = PageViewRestriction(page=thai, restriction_type=PageViewRestriction.GROUPS)
    restriction.save()
    restriction.groups.set([board])  # as the admin's privacy form does: groups after the save
    assert _restrictions(english, alias) == [("groups", "", ["Board"])] * 2

    restriction.groups.add(staff)
    restriction.restriction_type, restriction.password = PageViewRestriction.PASSWORD, "s3cret"
    restriction.save()
    assert _restrictions(english, alias) == [("password", "s3cret", ["Board", "Field staff"])] * 2
    assert PageViewRestriction.objects.count() == 3  # one per page, never duplicated

    # A change made on the English page goes back to the Thai one.
    mirror = PageViewRestriction.objects.get(page=english)
    mirror.restriction_type = PageViewRestriction.LOGIN
    mirror.save()
    assert _restrictions(thai, alias) == [("login", "s3cret", ["Board", "Field staff"])] * 2

    with django_capture_on_commit_callbacks(execute=True):  # removal is mirrored once committed
        restriction.delete()
    assert _restrictions(thai, english, alias) == []


def test_deleting_a_translation_keeps_the_restriction_of_the_others(
    translated_page, django_capture_on_commit_callbacks
):
    thai, english, alias = translated_page
    PageViewRestriction(page=thai, restriction_type=PageViewRestriction.LOGIN).save()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        english.delete()
        alias.delete()
    assert callbacks  # the restrictions' removal was looked at, and left the Thai page's alone
    assert _restrictions(thai) == [("login", "", [])]


@pytest.mark.parametrize("restricted", [0, 1, 2], ids=["thai", "english", "alias"])
def test_the_rule_covers_the_whole_group_even_without_mirrored_restrictions(translated_page, thai_home, restricted):
    from home.privacy_mirror import _mirroring
    from home.visibility import public_page_ids

    group = translated_page
    with _mirroring():  # as before the mirroring migration: only one page of the group carries the restriction
        PageViewRestriction(page=group[restricted], restriction_type=PageViewRestriction.LOGIN).save()
    assert PageViewRestriction.objects.count() == 1
    about = thai_home.get_children().get(slug="about")
    assert public_page_ids([page.pk for page in group] + [about.pk]) == {about.pk}
    assert not any(is_public(page) for page in group) and is_public(about)


def test_a_restricted_ancestor_hides_the_descendants_translations(translated_page, thai_home):
    from home.models import StandardPage
    from home.privacy_mirror import _mirroring
    from home.visibility import public_pages

    thai, english, _alias = translated_page
    child = standard_page(thai, "ลูก", "child-probe", intro="-")
    english_child = child.copy_for_translation(Locale.objects.get(language_code="en")).specific
    english_child.save_revision().publish()
    with _mirroring():
        PageViewRestriction(page=thai, restriction_type=PageViewRestriction.LOGIN).save()
    hidden = {thai.pk, english.pk, child.pk, english_child.pk}
    assert not hidden & set(public_pages(StandardPage.objects.all()).values_list("pk", flat=True))


def test_a_request_works_the_hidden_pages_out_once_and_again_after_a_privacy_change(
    translated_page, django_assert_num_queries
):
    from home import request_memo
    from home.visibility import public_pages

    thai, english, alias = translated_page
    PageViewRestriction(page=thai, restriction_type=PageViewRestriction.LOGIN).save()
    request_memo.request_started()
    try:
        with django_assert_num_queries(2 + 3):  # restricted paths and hidden ids once, then the callers' queries
            for _ in range(3):
                shown = set(public_pages(Page.objects.all()).values_list("pk", flat=True))
        assert thai.pk not in shown and english.pk not in shown
        PageViewRestriction.objects.filter(page__in=translated_page).delete()  # mid-request: forgotten
        assert {thai.pk, english.pk, alias.pk} <= set(public_pages(Page.objects.all()).values_list("pk", flat=True))
    finally:
        request_memo.request_finished()


def test_the_mirroring_migration_restricts_existing_translations(translated_page):
    import importlib

    from django.apps import apps

    from home.privacy_mirror import _mirroring

    migration = importlib.import_module("home.migrations.0006_mirror_page_privacy_across_translations")
    thai, english, alias = translated_page
    with _mirroring():
        PageViewRestriction(page=thai, restriction_type=PageViewRestriction.PASSWORD, password="x").save()
    migration.mirror_existing_restrictions(apps, None)
    assert _restrictions(english, alias) == [("password", "x", [])] * 2


@pytest.mark.parametrize("change", ["add", "groups", "remove"])
def test_a_privacy_change_purges_the_cached_pages(thai_home, change):
    from home.page_cache import generation

    about = thai_home.get_children().get(slug="about")
    restriction = PageViewRestriction(page=about, restriction_type=PageViewRestriction.GROUPS)
    if change != "add":
        restriction.save()
    before = generation()
    if change == "add":
        restriction.save()
    elif change == "groups":
        restriction.groups.add(Group.objects.create(name="Board"))
    else:
        restriction.delete()
    assert generation() != before


def test_privacy_set_in_the_admin_on_the_thai_page_shows_on_the_english_page(
    client, translated_page, django_capture_on_commit_callbacks
):
    import re

    from django.urls import reverse

    thai, english, _alias = translated_page
    signed_in(user("privacy-admin", superuser=True), client)
    response = client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[thai.pk]),
        {"restriction_type": "password", "password": "open-sesame"},
    )
    assert response.status_code == 200 and response.json()["step"] == "set_privacy_done"
    modal = client.get(reverse("wagtailadmin_pages:set_privacy", args=[english.pk])).json()["html"]
    assert re.search(r'<input[^>]*value="password"[^>]*checked|<input[^>]*checked[^>]*value="password"', modal)
    assert 'value="open-sesame"' in modal
    assert english.view_restrictions.get().password == "open-sesame"
    explorer = client.get(reverse("wagtailadmin_explore", args=[english.get_parent().pk])).content.decode()
    assert "ส่วนตัว" in explorer  # "Private": the admin speaks Thai

    with django_capture_on_commit_callbacks(execute=True):  # made public again from the English page
        client.post(reverse("wagtailadmin_pages:set_privacy", args=[english.pk]), {"restriction_type": "none"})
    assert not PageViewRestriction.objects.filter(page__in=[thai, english]).exists()


def test_a_tip_names_its_page_only_while_the_page_is_public(client):
    from toolkit import bundles
    from toolkit.models import StepTip

    tip = StepTip.objects.filter(linked_page__isnull=False, page__locale__language_code="th", page__live=True).first()
    step, linked = tip.page, tip.linked_page
    toolkit = step.get_parent().specific
    link = f'href="{linked.url}"'
    before = bundles.fingerprint(toolkit)
    assert link in client.get(step.url).content.decode()

    _restrict(linked, PageViewRestriction.LOGIN)
    assert link not in client.get(step.url).content.decode()
    assert bundles.fingerprint(toolkit) != before  # the stored PDF and ZIP are rebuilt without it


def test_a_private_toolkit_has_no_downloads_and_its_stored_files_are_deleted(
    client, django_capture_on_commit_callbacks
):
    from toolkit.models import ToolkitBundle, ToolkitPage

    thai = ToolkitPage.objects.get(locale__language_code="th")
    english = ToolkitPage.objects.get(locale__language_code="en", alias_of__isnull=True)
    # Made (or remade) first: an earlier test on this worker may have deleted a file whose row its rollback restored.
    for language in LANGUAGES:
        for name in ("toolkit.pdf", "toolkit.zip"):
            assert client.get(f"/{language}/toolkit/{name}").status_code == 200
    stored = [
        b for b in ToolkitBundle.objects.filter(toolkit__in=[thai, english]) if b.file.storage.exists(b.file.name)
    ]
    assert {(b.toolkit_id, b.kind) for b in stored if b.step_id is None} == {
        (page.pk, kind) for page in (thai, english) for kind in ("pdf", "zip")
    }

    with django_capture_on_commit_callbacks(execute=True):
        _restrict(thai, PageViewRestriction.PASSWORD)
    for language in LANGUAGES:
        assert client.get(f"/{language}/toolkit/toolkit.pdf").status_code == 404
        assert client.get(f"/{language}/toolkit/toolkit.zip").status_code == 404
    assert not ToolkitBundle.objects.filter(toolkit__in=[thai, english]).exists()
    assert not any(b.file.storage.exists(b.file.name) for b in stored)
    assert "/th/toolkit/" not in client.get("/sw.js").content.decode()
