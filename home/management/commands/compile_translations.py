"""Compile the project's .po catalogues to .mo with polib, so no system gettext is needed."""

from pathlib import Path

import polib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po to .mo (pure Python; fails on fuzzy or untranslated Thai)."

    def handle(self, *args, **options):
        problems = []
        count = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                language = po_path.parent.parent.name
                if language != "en":
                    missing = [e.msgid for e in catalogue if not e.obsolete and (not e.translated() or e.fuzzy)]
                    problems += [f"{po_path}: untranslated or fuzzy: {m!r}" for m in missing]
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        if problems:
            raise CommandError("\n".join(problems))
        self.stdout.write(f"compiled {count} catalogue(s)")
