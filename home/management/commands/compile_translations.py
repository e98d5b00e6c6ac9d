"""Compile the project's .po catalogues to .mo with polib, so no system gettext is needed.

polib reads leniently where GNU msgfmt refuses: a message declared twice (one translation silently wins) or an
entry without its ``msgstr`` (polib drops it). Both fail here, so a catalogue that compiles here also passes
``msgfmt --check``.
"""

from collections import Counter
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
                problems += [f"{po_path}: {problem}" for problem in catalogue_problems(po_path, catalogue)]
                if language != "en":
                    missing = [e.msgid for e in catalogue if not e.obsolete and (not e.translated() or e.fuzzy)]
                    problems += [f"{po_path}: untranslated or fuzzy: {m!r}" for m in missing]
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        if problems:
            raise CommandError("\n".join(problems))
        self.stdout.write(f"compiled {count} catalogue(s)")


def catalogue_problems(po_path, catalogue):
    """What msgfmt would refuse in a catalogue polib has read: messages declared twice, and entries polib dropped
    (a ``msgid`` line with no ``msgstr`` after it)."""
    entries = [entry for entry in catalogue if not entry.obsolete]
    declared = Counter((entry.msgctxt, entry.msgid) for entry in entries)
    problems = [f"declared twice: {msgid!r}" for (_context, msgid), count in declared.items() if count > 1]
    msgid_lines = sum(1 for line in Path(po_path).read_text(encoding="utf-8").splitlines() if line.startswith("msgid "))
    if msgid_lines != len(entries) + 1:  # the header is the one entry polib does not list
        problems.append(f"{msgid_lines - 1} messages declared but {len(entries)} read: an entry lacks its msgstr")
    return problems
