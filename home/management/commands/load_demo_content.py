import importlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from home.app_modules import ContentOrderError, apps_with_module
from home.demo import ensure_demo_staff

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "odf-demo-2566"  # noqa: S105 - demo only; created only with DEBUG on or --admin


class Command(BaseCommand):
    help = "Load the demo content in Thai and English (idempotent: a second run changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Create the demo admin user even when DEBUG is off (never do this in production).",
        )

    def handle(self, *args, **options):
        # Not one transaction: wagtail-localize's locale synchronisation runs on commit, and must see
        # each page as it is created. Every step is idempotent, so an interrupted run is simply re-run.
        for config in demo_apps():
            importlib.import_module(f"{config.name}.demo").load(self.stdout)
        if settings.DEBUG or options["admin"]:
            self._ensure_admin()

    def _ensure_admin(self):
        User = get_user_model()
        if not User.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            User.objects.create_superuser(DEMO_ADMIN_USERNAME, "admin@example.org", DEMO_ADMIN_PASSWORD)
        staff = ensure_demo_staff(DEMO_ADMIN_PASSWORD)
        self.stdout.write(f"demo admin: {DEMO_ADMIN_USERNAME} / {DEMO_ADMIN_PASSWORD}")
        self.stdout.write(f"demo staff (same password): {', '.join(staff)}")


def demo_apps():
    """The installed apps with a ``demo`` module (holding ``load(stdout)``), in the order their demos must run."""
    try:
        return apps_with_module("demo")
    except ContentOrderError as error:
        raise CommandError(str(error)) from error
