"""Build the stored toolkit PDFs, ZIPs and step PDFs that are missing or out of date (after a deploy that changed
the templates or ``WAGTAILADMIN_BASE_URL``), so pages show their sizes and no reader waits for a build."""

from django.core.management.base import BaseCommand

from toolkit.bundles import refresh
from toolkit.models import ToolkitPage


class Command(BaseCommand):
    help = "Build the toolkit's downloadable PDFs and ZIPs that are missing or out of date."

    def handle(self, *args, **options):
        for pk in ToolkitPage.objects.values_list("pk", flat=True):
            refresh(pk)
        self.stdout.write("toolkit downloads up to date")
