import pytest

from django.contrib.auth import get_user_model

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage


class StandardPageAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.user)

    def test_page_tree_rules(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertCanCreateAt(HomePage, StandardPage)

    def test_create_standard_page_through_the_admin_form(self):
        home = HomePage.objects.get(locale__language_code="th")
        self.assertCanCreate(
            home,
            StandardPage,
            nested_form_data(
                {
                    "title": "วิธีเข้าร่วม",
                    "slug": "how-to-join",
                    "intro": "คำถามเกี่ยวกับกองทุน",
                    "body": streamfield([("paragraph", rich_text("<p>กองทุนคืออะไร</p>"))]),
                }
            ),
        )
        # Locale synchronisation: the new Thai page gets an English counterpart to translate.
        thai = StandardPage.objects.get(slug="how-to-join", locale__language_code="th")
        english = StandardPage.objects.get(slug="how-to-join", locale__language_code="en")
        assert english.alias_of_id == thai.pk

    def test_admin_dashboard_renders_in_thai(self):
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(self.user)
        profile.preferred_language = "th"
        profile.save()
        response = self.client.get("/admin/")
        assert response.status_code == 200
        assert 'lang="th"' in response.content.decode()


@pytest.mark.django_db
def test_partner_snippet_listing_renders(admin_client):
    response = admin_client.get("/admin/snippets/home/partner/")
    assert response.status_code == 200
    assert "มูลนิธิเอสซีจี" in response.content.decode()
