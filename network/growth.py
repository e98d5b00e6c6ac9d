"""How the network grows: the number of approved groups at the end of each year, from their approval dates."""

from collections import Counter


def cumulative_by_year(dates):
    """``[(year, groups approved by the end of that year), ...]`` for every year from the first to the last,
    from the approval dates (``None`` is skipped)."""
    per_year = Counter(date.year for date in dates if date is not None)
    if not per_year:
        return []
    total, result = 0, []
    for year in range(min(per_year), max(per_year) + 1):
        total += per_year[year]
        result.append((year, total))
    return result
