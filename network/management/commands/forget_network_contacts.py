"""Delete the contacts of rejected and long-waiting network registrations (``network.retention``). Run daily
from cron, e.g. ``15 3 * * * cd /srv/odf && .venv/bin/python manage.py forget_network_contacts``."""

from django.core.management.base import BaseCommand

from network.retention import expired, forget_expired


class Command(BaseCommand):
    help = "Delete the contacts of rejected and long-waiting network registrations after the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Retention in days (default: the setting).")
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is not None and days < 0:
            self.stderr.write("--days must be 0 or more")
            return
        if dry_run:
            self.stdout.write(f"{expired(days=days).count()} registration(s) would lose their contact")
            return
        self.stdout.write(f"{forget_expired(days=days)} registration(s) lost their contact")
