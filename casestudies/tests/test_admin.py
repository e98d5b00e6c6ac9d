import pytest

from django.contrib.auth import get_user_model

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, Occupation, Province, TargetGroup
from home.models import HomePage, StandardPage
from toolkit.models import ToolkitStepPage


def thai(model, slug):
    return model.objects.get(slug=slug, locale__language_code="th")


class CaseStudyAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser("cs-editor", "e@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.user)
        self.index = CaseStudyIndexPage.objects.get(locale__language_code="th")

    def test_page_tree_rules(self):
        self.assertAllowedParentPageTypes(CaseStudyPage, {CaseStudyIndexPage})
        self.assertAllowedSubpageTypes(CaseStudyPage, set())
        self.assertAllowedParentPageTypes(CaseStudyIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CaseStudyIndexPage, {CaseStudyPage})
        self.assertCanNotCreateAt(HomePage, CaseStudyPage)
        self.assertCanNotCreateAt(StandardPage, CaseStudyPage)
        # One index per language: the demo already has it.
        self.assertFalse(CaseStudyIndexPage.can_create_at(HomePage.objects.get(locale__language_code="th")))

    def form_data(self, **overrides):
        data = {
            "title": "กลุ่มทดลอง",
            "slug": "trial-group",
            "unit_name": "กลุ่มทดลองอาชีพ",
            "summary": "กลุ่มตัวอย่างสำหรับการทดสอบ",
            "organisation_kind": "club",
            "province": thai(Province, "lampang").pk,
            "district": "",
            "subdistrict": "",
            "year_joined": "2023",
            "hero_alt": "",
            "fund_capital": "เงินออมของสมาชิก",
            "fund_management": "คณะทำงานที่มีเยาวชนร่วมด้วย",
            "fund_rules": "",
            "lessons_learned": rich_text("<p>บทเรียน</p>"),
            "local_partners": "",
            "body": streamfield([("paragraph", rich_text("<p>เรื่องราว</p>"))]),
            "toolkit_steps": inline_formset([{"step": thai(ToolkitStepPage, "assess-the-community").pk}]),
        }
        data.update(overrides)
        data = nested_form_data(data)
        # Many-to-many fields post one value per choice (nested_form_data would number them).
        data["target_groups"] = [thai(TargetGroup, "youth").pk, thai(TargetGroup, "informal-workers").pk]
        data["occupations"] = [thai(Occupation, "mat-weaving").pk]
        return data

    def test_create_case_study_through_the_admin_form(self):
        self.assertCanCreate(self.index, CaseStudyPage, self.form_data())
        page = CaseStudyPage.objects.get(slug="trial-group", locale__language_code="th")
        assert page.province.slug == "lampang" and page.year_joined == 2023
        assert {g.slug for g in page.target_groups.all()} == {"youth", "informal-workers"}
        assert [link.step.slug for link in page.toolkit_steps.all()] == ["assess-the-community"]

    def test_hero_image_needs_alt_text(self):
        from wagtail.images import get_image_model

        image = get_image_model().objects.first()
        response = self.client.post(
            f"/admin/pages/add/casestudies/casestudypage/{self.index.pk}/",
            self.form_data(hero_image=image.pk, hero_alt="  "),
        )
        assert response.status_code == 200
        assert not CaseStudyPage.objects.filter(slug="trial-group").exists()
        assert "โปรดอธิบายภาพหลัก" in response.content.decode()  # the admin speaks Thai by default

    def test_edit_form_offers_only_terms_in_the_pages_language(self):
        page = CaseStudyPage.objects.get(slug="ban-pho-thong", locale__language_code="th")
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200
        body = response.content.decode()
        assert "บึงกาฬ" in body and "คนพิการ" in body
        assert "People with disabilities" not in body and ">Bueng Kan<" not in body

    def test_case_study_listing_shows_province_and_year(self):
        response = self.client.get("/admin/case_study_pages/")
        assert response.status_code == 200
        body = response.content.decode()
        assert "บึงกาฬ" in body and "ลำปาง" in body


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["province", "targetgroup", "occupation"])
def test_taxonomy_snippet_listings_render(admin_client, model):
    response = admin_client.get(f"/admin/snippets/casestudies/{model}/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_demo_content_is_idempotent():
    from django.core.management import call_command

    before = (
        CaseStudyPage.objects.count(),
        Province.objects.count(),
        TargetGroup.objects.count(),
        Page.objects.count(),
    )
    call_command("load_demo_content", verbosity=0)
    after = (CaseStudyPage.objects.count(), Province.objects.count(), TargetGroup.objects.count(), Page.objects.count())
    assert before == after == (6, 6, 6, after[3])
