"""Every page type previews in both languages, and the preview opens at phone size."""

from django.contrib.auth import get_user_model

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase
from wagtail_localize.models import Translation

from tests.csp import csp_directives


class PreviewTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser("previewer", "p@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.user)

    def _pages(self):
        for model in get_page_models():
            if model is Page:
                continue
            for language in ("th", "en"):
                page = model.objects.filter(locale__language_code=language, alias_of__isnull=True).first()
                if page is not None:
                    yield model, language, page

    def test_every_page_type_with_content_previews_in_both_languages(self):
        seen = set()
        for model, language, page in self._pages():
            with self.subTest(model=model.__name__, language=language):
                for mode, _label in page.preview_modes:
                    response = page.make_preview_request(preview_mode=mode)
                    assert response.status_code == 200
                    html = (
                        response.render().content.decode() if hasattr(response, "render") else response.content.decode()
                    )
                    assert f'lang="{language}"' in html and page.title in html
                seen.add((model.__name__, language))
        assert {("HomePage", "th"), ("HomePage", "en"), ("StandardPage", "th"), ("StandardPage", "en")} <= seen

    def test_admin_preview_of_an_edited_thai_page_shows_the_unsaved_change(self):
        from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

        from home.models import StandardPage

        page = StandardPage.objects.get(locale__language_code="th", slug="about")
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "intro": "ข้อความในตัวอย่างก่อนบันทึก",
                "body": streamfield([("paragraph", rich_text("<p>ย่อหน้า</p>"))]),
                "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
            }
        )
        url = f"/admin/pages/{page.pk}/edit/preview/"
        assert self.client.post(url, data).json()["is_valid"]
        response = self.client.get(url + "?in_preview_panel=true")
        assert response.status_code == 200
        assert "ข้อความในตัวอย่างก่อนบันทึก" in response.content.decode()
        # The preview panel's frame may show it (same origin), with the page's strict script policy.
        policy = csp_directives(response["Content-Security-Policy"])
        assert policy["frame-ancestors"] == ["'self'"] and policy["script-src"] == ["'self'"]
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        page.refresh_from_db()
        assert page.intro != "ข้อความในตัวอย่างก่อนบันทึก"

    def test_admin_preview_panel_may_frame_every_page_type(self):
        """The admin shows previews in a frame: the page's strict policy must allow that frame (same origin only),
        or every preview panel stays blank."""
        for model, language, page in self._pages():
            with self.subTest(model=model.__name__, language=language):
                policy = csp_directives(page.make_preview_request()["Content-Security-Policy"])
                assert policy["frame-ancestors"] == ["'self'"]
                assert policy["script-src"] == ["'self'"]  # the page's own strict policy, not the admin's
        public = self.client.get("/th/about/")
        assert csp_directives(public["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]

    def test_previews_open_at_phone_size(self):
        for model, _language, page in self._pages():
            with self.subTest(model=model.__name__):
                assert page.default_preview_size == "mobile"
                assert page.preview_sizes[0]["device_width"] <= 400

    def test_translation_editor_preview_renders_english(self):
        from home.models import StandardPage

        page = StandardPage.objects.get(locale__language_code="en", slug="about")
        translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
        response = self.client.get(f"/admin/localize/translate/{translation.pk}/preview/")
        assert response.status_code == 200
        assert 'lang="en"' in response.content.decode()
        assert page.title in response.content.decode()
