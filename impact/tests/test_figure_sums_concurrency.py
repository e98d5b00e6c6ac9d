"""Two transactions writing figures of the same indicator and period at the same moment, on PostgreSQL: the sums
(``FigureSum``) hold both writers' figures.

Each writer runs in its own thread with its own connection and commits (as in ``test_concurrency``: no
``transaction=True``, whose flush would wipe the session's demo content); what the test made is removed again.
The first writer keeps its transaction open for a moment after recomputing the key's sums; the second writes its
figure meanwhile. Without the lock taken before recomputing, the second writer's recomputation reads the figures as
they were before the first one committed, and its sum leaves out the first writer's figure.
"""

import datetime
import os
import threading
import time

import pytest

from django.db import connections, transaction

from casestudies.factories import case_study, thai_index
from casestudies.models import CaseStudyPage
from impact.figure_sums import differences
from impact.models import FigureSum, ImpactFigure, Indicator

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="needs PostgreSQL (DATABASE_URL)"
    ),
]

PERIOD = (datetime.date(1991, 1, 1), datetime.date(1991, 3, 31))


def in_threads(*functions):
    """Run each of ``functions`` in a thread of its own (its own connection, committed), all at once; re-raise the
    first error."""
    errors = []

    def run(function):
        try:
            function()
        except BaseException as error:  # noqa: BLE001 - re-raised in the caller's thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(function,)) for function in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    if errors:
        raise errors[0]


def set_up(result):
    index = thai_index()
    result["pages"] = [case_study(index, f"sums-race-{n}", title=f"หน่วยแข่ง {n}").pk for n in range(2)]
    result["indicator"] = Indicator.objects.get(code="members_total", locale__language_code="th").pk
    # The rows of the key and of the keys it weights exist already (earlier figures'), so neither writer inserts
    # one (a row being inserted by one writer is waited for by the other's insert anyway).
    FigureSum.objects.bulk_create(
        FigureSum(indicator=indicator, period_start=PERIOD[0], period_end=PERIOD[1])
        for indicator in Indicator.objects.all()
    )


def tear_down(result):
    for page in CaseStudyPage.objects.filter(pk__in=result.get("pages", ())):
        page.delete()
    FigureSum.objects.filter(period_start=PERIOD[0], period_end=PERIOD[1]).delete()


def test_two_writers_of_one_key_both_count():
    made = {}
    in_threads(lambda: set_up(made))
    try:
        summed = threading.Event()

        def write(page_pk, value, first):
            with transaction.atomic():
                if not first:
                    assert summed.wait(10)
                ImpactFigure.objects.create(
                    page_id=page_pk,
                    indicator_id=made["indicator"],
                    period_start=PERIOD[0],
                    period_end=PERIOD[1],
                    value=value,
                )  # its sums recomputed by the signal, in this transaction
                if first:
                    summed.set()
                    time.sleep(1)  # the other writer writes and recomputes meanwhile

        in_threads(lambda: write(made["pages"][0], 10, True), lambda: write(made["pages"][1], 20, False))
        key = (made["indicator"], *PERIOD)
        row = FigureSum.objects.get(indicator_id=key[0], period_start=key[1], period_end=key[2])
        assert (row.figures, row.total) == (2, 30)
        assert key not in differences()
    finally:
        in_threads(lambda: tear_down(made))
