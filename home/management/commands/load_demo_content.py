import importlib
import importlib.util

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

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
    """The installed apps with a ``demo`` module (holding ``load(stdout)``), in the order their demos must run.

    An app's demo runs after the demos of the apps its AppConfig names in ``demo_after`` (later content refers to
    earlier content: figures to case studies, news to units and partners; every section to the home page);
    otherwise apps keep their INSTALLED_APPS order, which is also the order of the sections in the page tree.
    """
    configs = [config for config in apps.get_app_configs() if importlib.util.find_spec(f"{config.name}.demo")]
    labels = {config.label for config in configs}
    waiting = {config.label: set(getattr(config, "demo_after", ())) & labels for config in configs}
    ordered = []
    while configs:
        ready = next((c for c in configs if not waiting[c.label] - {o.label for o in ordered}), None)
        if ready is None:
            raise CommandError(f"demo_after makes a circle between {', '.join(c.label for c in configs)}")
        ordered.append(ready)
        configs.remove(ready)
    return ordered
