"""Choosing learning units from a list that stays short however many units the programme has (issue 22).

While there are at most ``UNIT_OPTIONS_MAX`` units, a chooser lists them all, grouped by region (``<optgroup>`` or a
fieldset per region). With more, the reader chooses a region first (``?region=``, a plain GET form) and the chooser
lists that region's units, plus the units already chosen so that they stay chosen. The news index reads units from
its news items' links and does this in its own queries (``news.context``); the impact pages, which hold every unit
in memory already, call ``unit_chooser``.
"""

from dataclasses import dataclass, field

from home.query_parameters import parse_choice

from .models import Region

# The most units a chooser lists without a region chosen first.
UNIT_OPTIONS_MAX = 12


@dataclass
class UnitChooser:
    """What a unit chooser shows: ``regions`` to choose from first (``[(value, label)]``, empty when every unit is
    listed), the ``region`` chosen (or None), and the units listed as ``[(region label, [unit])]``."""

    regions: list = field(default_factory=list)
    region: str | None = None
    region_label: str = ""
    groups: list = field(default_factory=list)
    ignored_region: bool = False  # ``?region=`` asked for a region that is not one of ``regions``

    @property
    def count(self):
        """How many units are listed."""
        return sum(len(units) for _label, units in self.groups)


def unit_chooser(units, region_of, slug_of, asked_region="", chosen=(), limit=None, regions=None):
    """The ``UnitChooser`` of ``units`` (in the order they are listed in), each in region ``region_of(unit)`` and
    named ``slug_of(unit)`` in the address; ``asked_region`` is the ``?region=`` value, ``chosen`` the slugs chosen.
    A region that is not one of the units' is ignored (and reported), never an error. With ``regions`` (the regions
    of every unit), ``units`` may hold only those the chooser could list, the chosen ones and those of
    ``asked_region``, and more than ``limit`` others when there are (all of them while there are at most ``limit``).
    """
    units = list(units)
    limit = UNIT_OPTIONS_MAX if limit is None else limit
    asked_region = (asked_region or "").strip()
    if len(units) <= limit:
        return UnitChooser(groups=Region.grouped(units, region_of), ignored_region=False)
    present = {region_of(unit) for unit in units} if regions is None else set(regions)
    labels = dict(Region.choices)
    regions = [(value, labels[value]) for value in Region.values if value in present]
    region = parse_choice(asked_region, {value for value, _label in regions})
    chosen = set(chosen)
    listed = [unit for unit in units if slug_of(unit) in chosen or (region and region_of(unit) == region)]
    return UnitChooser(
        regions,
        region,
        labels.get(region, ""),
        Region.grouped(listed, region_of),
        ignored_region=bool(asked_region) and region is None,
    )
