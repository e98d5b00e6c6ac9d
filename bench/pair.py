# ruff: noqa: T201 - a developer's command-line tool: it prints what it measured
"""One or a few pages timed on both scale sites, as ``make bench-scale``'s one-process measure times them: the quick
way to see whether a change moves a page's programme ÷ demo slowdown while working on it (the bench is the
measurement that counts; nothing here is written to ``bench/results.md``).

    .venv/bin/python bench/pair.py /th/impact/members_total/
    BENCH_SERIAL_ROUNDS=5 .venv/bin/python bench/pair.py /th/news/ /th/case-studies/

It needs the two databases ``make bench-scale`` builds (kept with ``BENCH_KEEP_DATABASE=1``; ``bench/scale.py``'s
``build`` makes them) and their static files collected (``make bench-scale`` does that too). Each path is asked of
both sites (a path that differs between them, such as a case study's, is not for this tool). Rounds, warm-up and
timed requests are the bench's own (``BENCH_SERIAL_ROUNDS``, ``BENCH_SERIAL_REPEAT``; fewer with ``--export``); the slowdown is
``report.time_slowdowns`` per round and their median, as the bench's verdict takes it.
"""

import argparse
import statistics

import scale
from report import time_slowdowns


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--export", action="store_true", help="time as an export: 2 warm-up and 10 timed requests")
    args = parser.parse_args()
    pages = {name: [(path, path) for path in args.paths] for name in scale.SITES}  # each labelled by its path
    kind = scale.REPORT if args.export else scale.LISTING  # how many requests are timed
    rounds = scale.serial_rounds(pages, kinds=dict.fromkeys(args.paths, kind))
    for path in args.paths:
        found = {name: [one[path] for one in rounds[name]] for name in scale.SITES}
        statuses = {one["status"] for name in found for one in found[name]}
        if statuses != {200}:
            print(f"{path}: HTTP {sorted(statuses)}")
            continue
        medians = {name: [statistics.median(one["ms"]) for one in found[name]] for name in found}
        ratios = time_slowdowns(*([one["ms"] for one in found[name]] for name in scale.SITES))
        each = ", ".join(
            f"{demo:.1f} → {programme:.1f} ms (÷{ratio:.2f})"
            for demo, programme, ratio in zip(medians["demo"], medians["programme"], ratios, strict=True)
        )
        print(f"{path}: ÷{statistics.median(ratios):.2f} (rounds: {each})")


if __name__ == "__main__":
    main()
