from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    menu_order = 300
    add_to_admin_menu = True
    sort_order_field = "sort_order"
    list_display = ["name", "short_name", "website"]
    search_fields = ["name", "short_name"]


register_snippet(PartnerViewSet)
