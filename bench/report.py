"""The pure parts of the benches' reports (tested in tests/test_bench.py): the sections of bench/results.md and
issue 22's budgets for the programme-scale site.

bench/results.md holds ``make bench``'s demo section at the top (the title and everything up to the first
``## `` heading) and then one ``## `` section per other bench (``make bench-scale``'s "Programme scale"). Each
bench rewrites only its own part.
"""

import statistics

TITLE = "# Benchmark results"

# Issue 22: a page that shows a fixed amount keeps its demo-scale rate and size within 20 %; a listing (paged)
# stays within 1.5×; an export or feed is only reported (a streamed export grows with the data it holds).
FIXED, LISTING, REPORT = "fixed", "listing", "report"
BUDGETS = {FIXED: 1.2, LISTING: 1.5}


def merge_section(existing, section, heading=None):
    """``existing`` (the results file's text) with one part replaced by ``section`` (text, its own heading
    included): ``heading`` None replaces the part before the first ``## `` line (the demo section, which starts
    with the title); otherwise the part from the line ``heading`` to the next ``## `` line, or ``section`` is
    added at the end when there is no such part yet. Every other part is kept word for word."""
    lines = existing.splitlines(keepends=True)
    starts = [index for index, line in enumerate(lines) if line.startswith("## ")]
    preamble = "".join(lines[: starts[0] if starts else len(lines)])
    ends = [*starts[1:], len(lines)] if starts else []
    parts = ["".join(lines[start:end]) for start, end in zip(starts, ends, strict=True)]  # each from its "## " line

    def tidy(text):
        return text.rstrip("\n") + "\n"

    if heading is None:
        preamble = section
    else:
        if not section.startswith(heading):
            raise ValueError(f"the section must start with its heading {heading!r}")
        found = [index for index, part in enumerate(parts) if part.splitlines()[0].rstrip() == heading]
        if found:
            parts[found[0]] = section
        else:
            parts.append(section)
        if not preamble.strip():
            preamble = TITLE + "\n"
    return "\n".join(tidy(part) for part in [preamble, *parts])


def ratio(programme, demo):
    """``programme / demo`` (None when the demo value is 0 and there is nothing to compare with)."""
    return programme / demo if demo else None


def share(one_run):
    """One run's share of one page: its req/s as a fraction of its static twin's, loaded right after it."""
    static = one_run["static"]["rps"]
    return one_run["page"]["rps"] / static if static else 0.0


def slowdowns(demo_runs, programme_runs):
    """Each run's slowdown of one page, demo share ÷ programme share (``inf`` when the programme page never
    answered). Run *i* loaded the page on both sites back to back, so a machine busy with other work during that
    run slows both; the ratio within a run is steadier than the ratio of two medians taken over different runs."""
    return [
        share(demo) / share(programme) if share(programme) else float("inf")
        for demo, programme in zip(demo_runs, programme_runs, strict=True)
    ]


def time_slowdowns(demo_rounds, programme_rounds):
    """Each round's slowdown of one page timed in one process (bench/serial.py): the programme's median time per
    request ÷ the demo's. Each round timed the page on both sites back to back (``inf`` when the demo's median is
    0 ms, which no page reaches)."""
    ratios = []
    for demo, programme in zip(demo_rounds, programme_rounds, strict=True):
        slow, fast = statistics.median(programme), statistics.median(demo)
        ratios.append(slow / fast if fast else float("inf"))
    return ratios


def verdict(kind, slower, bigger):
    """Issue 22's verdict on one page: ``slower`` is how many times lower its rate is at programme scale
    (make bench-scale gives the median of the rounds' ``time_slowdowns``), ``bigger`` how many times larger its body is (None
    when there is nothing to compare with). A fixed-amount page may lose at most 1/1.2 of its rate and grow at
    most 1.2×, a listing 1.5×. Returns the table cell: "within budget", "**over budget** (…)" with what is over,
    or "reported" for exports and feeds."""
    if kind == REPORT:
        return "reported (grows with the data)"
    limit = BUDGETS[kind]
    over = []
    if slower > limit:
        over.append(f"rate ÷{slower:.2f}")
    if bigger is not None and bigger > limit:
        over.append(f"size ×{bigger:.2f}")
    if over:
        return f"**over budget** ({', '.join(over)}; limit {limit}×)"
    return "within budget"
