from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page

from home.roles import grant_unit_coordinator


class Command(BaseCommand):
    help = "Let a user edit one learning unit's page (and its translations) and submit it for review, nothing else."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "page_id", type=int, help="The id of the unit's page (in the admin URL /admin/pages/ID/edit/)."
        )

    def handle(self, username, page_id, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        page = Page.objects.filter(pk=page_id).first()
        if page is None or page.is_root():
            raise CommandError(f"No page with id {page_id}.")
        group = grant_unit_coordinator(user, page)
        self.stdout.write(f"{username} now coordinates {page.title!r} through the group {group.name!r}.")
