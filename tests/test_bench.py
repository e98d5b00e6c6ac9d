"""The pure parts of the benches (bench/report.py): issue 22's budget verdicts and the sections of bench/results.md
that ``make bench`` and ``make bench-scale`` each rewrite without touching the other's."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
spec = importlib.util.spec_from_file_location("bench_report", BENCH / "report.py")
report = importlib.util.module_from_spec(spec)
spec.loader.exec_module(report)

DEMO = "# Benchmark results\n\n`make bench` on day 1.\n\n| page | bytes |\n|---|---|\n| home | 1 |\n"
SCALE = "## Programme scale\n\n`make bench-scale` on day 1.\n\n| page | verdict |\n"


def test_the_demo_section_is_replaced_and_the_programme_section_kept():
    both = report.merge_section(DEMO, SCALE, "## Programme scale")
    assert both == DEMO + "\n" + SCALE
    again = report.merge_section(both, DEMO.replace("day 1", "day 2"))
    assert again == DEMO.replace("day 1", "day 2") + "\n" + SCALE


def test_the_programme_section_is_replaced_and_the_demo_section_kept():
    both = report.merge_section(DEMO, SCALE, "## Programme scale")
    again = report.merge_section(both, SCALE.replace("day 1", "day 2"), "## Programme scale")
    assert again == DEMO + "\n" + SCALE.replace("day 1", "day 2")
    assert again.count("## Programme scale") == 1


def test_a_section_after_the_programme_section_stays_where_it_is():
    other = "## Something else\n\ntext\n"
    text = DEMO + "\n" + SCALE + "\n" + other
    again = report.merge_section(text, SCALE.replace("day 1", "day 2"), "## Programme scale")
    assert again == DEMO + "\n" + SCALE.replace("day 1", "day 2") + "\n" + other


def test_a_programme_section_alone_gets_the_title():
    assert report.merge_section("", SCALE, "## Programme scale") == report.TITLE + "\n\n" + SCALE


def test_a_section_must_start_with_its_heading():
    with pytest.raises(ValueError, match="heading"):
        report.merge_section(DEMO, "no heading\n", "## Programme scale")


@pytest.mark.parametrize(
    ("kind", "programme", "expected"),
    [
        (report.FIXED, {"share": 8.5, "bytes": 11_900}, "within budget"),
        (report.FIXED, {"share": 8.0, "bytes": 10_000}, "**over budget** (rate ÷1.25; limit 1.2×)"),
        (report.FIXED, {"share": 1.0, "bytes": 10_000}, "**over budget** (rate ÷10.00; limit 1.2×)"),
        (report.FIXED, {"share": 10.0, "bytes": 12_500}, "**over budget** (size ×1.25; limit 1.2×)"),
        (report.LISTING, {"share": 7.0, "bytes": 14_000}, "within budget"),
        (report.LISTING, {"share": 5.0, "bytes": 30_000}, "**over budget** (rate ÷2.00, size ×3.00; limit 1.5×)"),
        (report.LISTING, {"share": 0.0, "bytes": 10_000}, "**over budget** (rate ÷inf; limit 1.5×)"),
        (report.REPORT, {"share": 0.1, "bytes": 10_000_000}, "reported (grows with the data)"),
    ],
)
def test_budget_verdicts(kind, programme, expected):
    assert report.verdict(kind, {"share": 10.0, "bytes": 10_000}, programme) == expected


def test_ratio():
    assert report.ratio(3, 2) == 1.5
    assert report.ratio(3, 0) is None
