"""For ``make bench-scale`` only: time the staff task "import a year's file" on the programme-scale database.

Run by bench/scale.py with the site's environment (production settings, every cache off). A CSV of every
indicator × every illustrative unit × the four quarters of the year after the generated ones (so the database
holds none of them) goes through the admin's own import view, driven by Django's test client as
impact/tests/test_import_speed.py does: upload (read, check, preview), then confirm (check again, save). First
as new figures, then the same file again as updates; the new figures are then deleted, so the database is left
as it was built (but for the import's log entries). Prints one line of JSON.
"""

import json
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.test import Client  # noqa: E402

from casestudies.models import CaseStudyPage  # noqa: E402
from home.scale_content import UNIT_PREFIX  # noqa: E402
from impact import figure_sums, scale  # noqa: E402
from impact.models import ImpactFigure, Indicator  # noqa: E402

USER = "bench-import"


def year_file(units, codes, quarters, source):
    """The CSV, in the import template's columns, and its number of rows."""
    lines = ["unit_slug,indicator_code,period_start,period_end,value,baseline,status,source"]
    for slug in units:
        number = int(slug.removeprefix(UNIT_PREFIX))
        for quarter in quarters:
            start, end = scale.quarter_dates(quarter)
            values = scale.values(number, quarter)
            for code in codes:
                value, baseline = values[code]  # every indicator has a formula (impact.demo)
                lines.append(
                    f"{slug},{code},{start},{end},{value},{'' if baseline is None else baseline},illustrative,{source}"
                )
    return ("\n".join(lines) + "\n").encode("utf-8"), len(lines) - 1


def import_file(client, data, name):
    """``(check seconds, save seconds)`` of one file through the admin import."""
    started = time.perf_counter()
    response = client.post("/admin/impact/import/", {"file": SimpleUploadedFile(name, data)})
    checked = time.perf_counter()
    # The token from the preview's form, as the browser sends it (reading it from client.session here would load
    # the whole stored file once more inside the timed save).
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    if response.status_code != 200 or token is None:
        raise SystemExit(f"the preview answered {response.status_code} without a token: rows with errors?")
    confirming = time.perf_counter()
    response = client.post("/admin/impact/import/", {"confirm": "1", "token": token[1]})
    saved = time.perf_counter()
    if response.status_code != 302:
        raise SystemExit(f"the confirmation answered {response.status_code}")
    return checked - started, saved - confirming


def main():
    units = sorted(
        CaseStudyPage.objects.filter(
            locale__language_code="th", alias_of__isnull=True, slug__startswith=UNIT_PREFIX
        ).values_list("slug", flat=True)
    )
    codes = list(Indicator.objects.filter(locale__language_code="th").values_list("code", flat=True))
    last = ImpactFigure.objects.filter(page__slug__startswith=UNIT_PREFIX).dates("period_start", "month").last()
    quarter = (last.year - scale.FIRST_YEAR) * 4 + (last.month - 1) // 3 + 1  # the quarter after the last one
    quarters = range(quarter, quarter + 4)
    periods = [scale.quarter_dates(number) for number in quarters]
    new = ImpactFigure.objects.filter(page__slug__in=units, period_start__in=[start for start, _end in periods])
    indicator_ids = Indicator.objects.filter(locale__language_code="th").values_list("pk", flat=True)
    keys = [(pk, start, end) for pk in indicator_ids for start, end in periods]  # their sums (``FigureSum``)
    # One DELETE, without a log entry and purge per figure (nothing refers to figures): left by an interrupted run;
    # the sums of those periods recomputed after it
    new._raw_delete(new.db)
    figure_sums.refresh(keys)
    figures_before = ImpactFigure.objects.count()

    user = get_user_model().objects.filter(username=USER).first()
    if user is None:
        user = get_user_model().objects.create_superuser(USER, f"{USER}@example.org", None)
    client = Client()
    client.force_login(user)
    steps = []
    for name, source in (("a new year (insert)", "bench import"), ("the same year again (update)", "bench update")):
        data, rows = year_file(units, codes, quarters, source)
        count = ImpactFigure.objects.count()
        check, save = import_file(client, data, "year.csv")
        created = ImpactFigure.objects.count() - count
        steps.append({"name": name, "check": check, "save": save, "created": created, "updated": rows - created})
    new._raw_delete(new.db)
    figure_sums.refresh(keys)
    print(
        json.dumps(
            {
                "rows": rows,
                "bytes": len(data),
                "units": len(units),
                "indicators": len(codes),
                "quarters": len(periods),
                "periods": f"{periods[0][0]} to {periods[-1][1]}",
                "figures_before": figures_before,
                "steps": steps,
            }
        )
    )


if __name__ == "__main__":
    main()
