"""Demo content for impact: the indicator catalogue (Thai and English), the dashboard page, and
**illustrative** figures for the three pilot units over four quarters of 2024 (2567 BE).

The text and each unit's profile live in impact/demo/impact.yaml. The source article gives no figures
(docs/source/FACTS.md), so every figure here is made up for demonstration, saved with status ``illustrative``
and labelled “ตัวเลขตัวอย่าง” / “Illustrative” wherever shown. The numbers follow simple formulas from the
profiles (no randomness), so a second run changes nothing.
"""

from decimal import Decimal
from pathlib import Path

from wagtail.models import Locale

from casestudies.models import CaseStudyPage
from home.demo import ensure_page
from home.demo_data import pick, pilot_slugs, read
from home.demo_translation import translate
from home.models import HomePage

from . import group_demo
from .models import Direction, FigureStatus, ImpactDashboardPage, ImpactFigure, Indicator, Theme, UnitOfMeasure

DATA = read(
    Path(__file__).parent / "demo" / "impact.yaml",
    required={
        "indicators": ("code", "unit", "direction", "weight", "theme", "on_home", "name", "definition", "how_measured"),
        "dashboard": ("title", "slug"),
        "figures": ("source_note", "quarters", "year", "profiles"),
    },
)
INDICATORS = DATA["indicators"]
DASHBOARD = DATA["dashboard"]
SOURCE_NOTE = DATA["figures"]["source_note"]
QUARTERS = [tuple(quarter) for quarter in DATA["figures"]["quarters"]]
YEAR = tuple(DATA["figures"]["year"])
# Per unit (by page slug): starting members, growth per quarter, shares (women, youth, disability), savings per member.
PROFILES = {pilot_slugs()[pilot]: profile for pilot, profile in DATA["figures"]["profiles"].items()}


def illustrative_values(profile, quarter):
    """Made-up but plausible values of each indicator for one unit in quarter 0–3 (illustrative only)."""
    members = profile["members"] + profile["growth"] * quarter
    savings = members * profile["saving"] * (quarter + 2)
    loans = savings * Decimal("0.7")
    social = members * 50 * (quarter + 1)
    return {
        "members_total": (Decimal(members), Decimal(profile["members"] - 10)),
        "share_women": (Decimal(profile["women"] + quarter), None),
        "share_youth": (Decimal(profile["youth"] + 2 * quarter), Decimal(max(profile["youth"] - 10, 0))),
        "share_disability": (Decimal(profile["disability"]), None),
        "attendance_rate": (Decimal(72 + 4 * quarter), None),
        "savings_total_thb": (Decimal(savings), Decimal(0)),
        "loans_outstanding_thb": (loans.quantize(Decimal(1)), None),
        "repayment_rate": (Decimal(90 + 2 * quarter) - Decimal(profile["growth"]), None),
        "portfolio_at_risk_pct": (Decimal(8 - quarter) + Decimal(profile["growth"]) / 2, None),
        "fund_assets_thb": ((Decimal(savings) * Decimal("1.15") + 20000).quantize(Decimal(1)), Decimal(20000)),
        "social_fund_thb": (Decimal(social), Decimal(0)),
        "income_change_pct": (Decimal(3 * quarter + profile["growth"]), None),
        "learners_completed": (Decimal(5 + profile["growth"] + quarter * 2), None),
    }


def _ensure_indicators():
    thai = Locale.objects.get(language_code="th")
    found = {}
    for order, row in enumerate(INDICATORS):
        code = row["code"]
        texts = {key: row[key] for key in ("name", "definition", "how_measured")}
        fixed = {
            "code": code,
            "unit": UnitOfMeasure(row["unit"]),
            "direction": Direction(row["direction"]),
            "weight_code": row["weight"],
            "theme": Theme(row["theme"]),
            "show_on_home": row["on_home"],
            "sort_order": order,
        }
        indicator = Indicator.objects.filter(locale=thai, code=code).first()
        if indicator is None:
            indicator = Indicator.objects.create(locale=thai, **fixed, **pick(texts, "th"))
        elif indicator.theme == Theme.MEMBERS != fixed["theme"]:  # loaded before indicators had themes
            Indicator.objects.filter(code=code).update(theme=fixed["theme"])
            indicator.theme = fixed["theme"]
        translate(indicator, Indicator(**fixed, **pick(texts, "en")))
        found[code] = indicator
    return found


def _ensure_figures(indicators):
    created = 0
    pages = CaseStudyPage.objects.filter(locale__language_code="th", alias_of__isnull=True, slug__in=PROFILES)
    for page in pages:
        existing = set(
            ImpactFigure.objects.filter(page=page).values_list("indicator__code", "period_start", "period_end")
        )
        new = []
        for quarter, (start, end) in enumerate(QUARTERS):
            for code, (value, baseline) in illustrative_values(PROFILES[page.slug], quarter).items():
                if (code, start, end) not in existing:
                    new.append((code, start, end, value, baseline))
        sroi = Decimal("2.4") + Decimal(PROFILES[page.slug]["growth"]) / 5
        if ("sroi_ratio", *YEAR) not in existing:
            new.append(("sroi_ratio", *YEAR, sroi, None))
        ImpactFigure.objects.bulk_create(
            ImpactFigure(
                page=page,
                indicator=indicators[code],
                period_start=start,
                period_end=end,
                value=value,
                baseline=baseline,
                source=SOURCE_NOTE,
                status=FigureStatus.ILLUSTRATIVE,
            )
            for code, start, end, value, baseline in new
        )
        created += len(new)
    return created


def load(stdout=None):
    indicators = _ensure_indicators()
    home = HomePage.objects.get(locale__language_code="th")
    ensure_page(home, ImpactDashboardPage, DASHBOARD)
    created = _ensure_figures(indicators)
    if stdout:
        stdout.write(f"impact: {len(indicators)} indicators, dashboard page, {created} new illustrative figures")
    group_demo.load(stdout)
