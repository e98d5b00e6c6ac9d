"""Recompute the figures' sums per indicator and period (``impact.models.FigureSum``) from the figures, or with
``--check`` only compare them (exit status 1 when they differ), e.g. after figures were written by raw SQL."""

import sys

from django.core.management.base import BaseCommand

from impact.figure_sums import differences, rebuild


class Command(BaseCommand):
    help = "Recompute the impact figures' sums per indicator and period, or check them (--check)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Only compare; exit 1 when the sums differ.")

    def handle(self, *args, check=False, **options):
        if check:
            wrong = differences()
            for indicator_id, start, end in wrong[:20]:
                self.stdout.write(f"differs: indicator {indicator_id} {start}–{end}")
            self.stdout.write(f"{len(wrong)} sum(s) differ from the figures")
            if wrong:
                sys.exit(1)
            return
        self.stdout.write(f"{rebuild()} sum(s) recomputed")
