"""The figures as a Frictionless Data Package: ``datapackage.json`` beside ``figures.csv``. Plain functions.

The package describes the one resource ``figures.csv`` (the same file the dashboard links, unfiltered) with a
Table Schema: each column's type, its meaning and unit in the page's language, the missing-value marker, the
primary key, the allowed codes. ``impact/tests/test_datapackage.py`` validates the package and the CSV data
against it with the ``frictionless`` library.

The licence is ``settings.OPEN_DATA_LICENSE`` when set, else ``DEFAULT_LICENSE``.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from .models import UnitOfMeasure
from .queries import EXPORT_COLUMNS, EXPORT_SCHEMA

PACKAGE_NAME = "odf-impact-figures"
RESOURCE_PATH = "figures.csv"  # relative to datapackage.json: both sit beside the dashboard

# To be confirmed by the fund before the site goes public (see docs/open-data.md).
DEFAULT_LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}

UNIT_OF_MEASURE_NOTES = {
    "people": "",
    "percent": "0–100",
    "percent_change": "±",
    "thb": "THB",
    "ratio": "1 : n",
    "count": "",
}


def _unit_list():
    """ "people (people), percent (per cent, 0–100), ..." in the active language."""
    parts = []
    for choice in UnitOfMeasure:
        note = UNIT_OF_MEASURE_NOTES.get(choice.value, "")
        parts.append(f"{choice.value} ({choice.label}{', ' + note if note else ''})")
    return ", ".join(parts)


def _status_values():
    """The figure status codes and labels, once figures have a status (the ``status`` column), else ``[]``."""
    from . import models

    status = getattr(models, "FigureStatus", None)
    return [(choice.value, choice.label) for choice in status] if status is not None else []


def field_descriptors(indicators):
    """``{column: Table Schema field}`` for every column ``figures.csv`` can have; ``indicators`` is the
    catalogue's ``{code: IndicatorInfo}`` (their codes and units are listed in ``indicator_code``)."""
    indicator_list = "; ".join(f"{code}: {info.name} ({info.unit})" for code, info in indicators.items())
    fields = {
        "unit_slug": {
            "type": "string",
            "title": _("Unit"),
            "description": _("The learning unit's stable identifier (its page slug, the same in both languages)."),
            "constraints": {"required": True, "pattern": r"[-\w]+"},
        },
        "unit_name": {
            "type": "string",
            "title": _("Unit name"),
            "description": _("The unit's name in the language of this package."),
            "constraints": {"required": True},
        },
        "province": {
            "type": "string",
            "title": _("Province"),
            "description": _("The unit's province in the language of this package; empty when not known."),
        },
        "indicator_code": {
            "type": "string",
            "title": _("Indicator code"),
            "description": _("The indicator's stable code, with its name and unit of measure: %(list)s.")
            % {"list": indicator_list},
            "constraints": {"required": True, "enum": list(indicators)},
        },
        "indicator_name": {
            "type": "string",
            "title": _("Indicator"),
            "description": _("The indicator's name in the language of this package."),
            "constraints": {"required": True},
        },
        "unit_of_measure": {
            "type": "string",
            "title": _("Unit of measure"),
            "description": _("How to read value and baseline: %(list)s.") % {"list": _unit_list()},
            "constraints": {"required": True, "enum": [choice.value for choice in UnitOfMeasure]},
        },
        "period_start": {
            "type": "date",
            "format": "default",
            "title": _("Period start"),
            "description": _("First day of the period (YYYY-MM-DD, Common Era)."),
            "constraints": {"required": True},
        },
        "period_end": {
            "type": "date",
            "format": "default",
            "title": _("Period end"),
            "description": _("Last day of the period (YYYY-MM-DD, Common Era)."),
            "constraints": {"required": True},
        },
        "value": {
            "type": "number",
            "decimalChar": ".",
            "title": _("Value"),
            "description": _(
                "The figure, in the unit given in unit_of_measure (people, per cent, Thai baht, ratio or count); "
                "“.” as decimal separator, no thousands separator, no currency sign."
            ),
            "constraints": {"required": True},
        },
        "baseline": {
            "type": "number",
            "decimalChar": ".",
            "title": _("Baseline"),
            "description": _("The value before the unit joined the programme, in the same unit; empty when not known."),
        },
        "illustrative": {
            "type": "boolean",
            "trueValues": ["true"],
            "falseValues": ["false"],
            "title": _("Illustrative"),
            "description": _(
                "true: an example number for demonstration, not a measured result (status is illustrative); kept "
                "for older readers."
            ),
            "constraints": {"required": True},
        },
        "source": {
            "type": "string",
            "title": _("Source or evidence"),
            "description": _(
                "Where the number comes from, as entered (not translated). A text starting with =, +, - or @ is "
                "written with a ' in front so that spreadsheets show it as text."
            ),
        },
        "group": {
            "type": "string",
            "title": _("Network group"),
            "description": _(
                "Empty for a learning unit's figure. Otherwise the name of the network group that reported the figure "
                "through its private link, accepted by staff; its unit_slug is then “group-” and the group's number."
            ),
        },
    }
    statuses = _status_values()
    if statuses:
        fields["status"] = {
            "type": "string",
            "title": _("Status"),
            "description": _("Status of the figure: %(list)s.")
            % {"list": ", ".join(f"{value} ({label})" for value, label in statuses)},
            "constraints": {"required": True, "enum": [value for value, _label in statuses]},
        }
    return fields


def table_schema(indicators, columns=EXPORT_COLUMNS):
    """The Table Schema of ``figures.csv``: its columns in order (every column must be described)."""
    descriptors = field_descriptors(indicators)
    return {
        "fields": [{"name": name, **descriptors[name]} for name in columns],
        "missingValues": [""],
        "primaryKey": ["unit_slug", "indicator_code", "period_start", "period_end"],
    }


def data_package(*, title, source_title, homepage, package_url, language, indicators, any_illustrative=True):
    """The ``datapackage.json`` descriptor: the figures resource, licence and sources, texts in ``language``.

    ``homepage`` and ``package_url`` are absolute URLs of the dashboard (``source_title``) and of the package."""
    description = _(
        "Impact figures of the learning units of the programme: one row per unit, indicator and period. "
        "Names and labels are in the language of this package; numbers are the same in both languages."
    )
    if any_illustrative:
        description += " " + _(
            "Rows with the status illustrative are examples for demonstration, not measured results; reported: "
            "as the unit reported it; verified: checked by staff."
        )
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "id": package_url,
        "title": title,
        "description": description,
        "homepage": homepage,
        "version": "1.0.0",
        "keywords": ["impact", "Thailand", "revolving fund", EXPORT_SCHEMA],
        "x-language": language,
        "licenses": [getattr(settings, "OPEN_DATA_LICENSE", DEFAULT_LICENSE)],
        "sources": [
            {"title": source_title, "path": homepage},
            {
                "title": _(
                    "Records of the learning units (ledgers, surveys, meeting minutes), as named in the source column"
                )
            },
        ],
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": "figures",
                "path": RESOURCE_PATH,
                "title": _("Impact figures"),
                "description": _("Every figure of the published learning units; the same file as figures.csv."),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "header": True,
                },
                "schema": table_schema(indicators),
            }
        ],
    }
