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
    ("kind", "slower", "bigger", "expected"),
    [
        (report.FIXED, 1.18, 1.19, "within budget"),
        (report.FIXED, 1.25, 1.0, "**over budget** (rate ÷1.25; limit 1.2×)"),
        (report.FIXED, 10.0, 1.0, "**over budget** (rate ÷10.00; limit 1.2×)"),
        (report.FIXED, 1.0, 1.25, "**over budget** (size ×1.25; limit 1.2×)"),
        (report.FIXED, 1.0, None, "within budget"),
        (report.LISTING, 1.43, 1.4, "within budget"),
        (report.LISTING, 2.0, 3.0, "**over budget** (rate ÷2.00, size ×3.00; limit 1.5×)"),
        (report.LISTING, float("inf"), 1.0, "**over budget** (rate ÷inf; limit 1.5×)"),
        (report.REPORT, 100.0, 1000.0, "reported (grows with the data)"),
    ],
)
def test_budget_verdicts(kind, slower, bigger, expected):
    assert report.verdict(kind, slower, bigger) == expected


def one_run(page, static):
    return {"page": {"rps": page}, "static": {"rps": static}}


def test_slowdowns_pair_each_run():
    # Run 2 was slow on both sites (a busy machine); its ratio is as good as the others'.
    demo = [one_run(100, 1000), one_run(50, 1000), one_run(100, 2000)]
    programme = [one_run(80, 1000), one_run(40, 1000), one_run(50, 1000)]
    assert report.slowdowns(demo, programme) == pytest.approx([1.25, 1.25, 1.0])


def test_a_page_that_never_answered_is_infinitely_slower():
    assert report.slowdowns([one_run(100, 1000)], [one_run(0, 1000)]) == [float("inf")]
    assert report.slowdowns([one_run(100, 1000)], [one_run(10, 0)]) == [float("inf")]


def test_ratio():
    assert report.ratio(3, 2) == 1.5
    assert report.ratio(3, 0) is None


def test_time_slowdowns_pair_each_round_by_its_medians():
    # Round 2 was slow on both sites; each round's ratio is of its own medians (an outlier request moves none).
    demo = [[10, 10, 11], [20, 20, 21], [10, 10, 500]]
    programme = [[12, 12, 13], [24, 24, 25], [15, 15, 15]]
    assert report.time_slowdowns(demo, programme) == pytest.approx([1.2, 1.2, 1.5])


def test_time_slowdowns_want_the_same_rounds_on_both_sites():
    with pytest.raises(ValueError):
        report.time_slowdowns([[10]], [[12], [13]])
