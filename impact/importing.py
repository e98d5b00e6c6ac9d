"""Reading and checking a spreadsheet of impact figures (CSV or XLSX). Plain functions, tested directly.

Nothing here touches the database: ``read_table`` turns the upload into rows, ``check_rows`` reports every
problem with its spreadsheet row number (the header is row 1), using the model's own validation on unsaved
figures. Saving is ``impact.services.save_figures``.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _

from home import spreadsheet
from home.numbers import normalise_number

from .models import ImpactFigure, Indicator

MAX_BYTES = 5 * 1024 * 1024
COLUMNS = ["unit_slug", "indicator_code", "period_start", "period_end", "value", "baseline", "status", "source"]
REQUIRED = ["unit_slug", "indicator_code", "period_start", "period_end", "value"]
TRUE_WORDS = {"1", "true", "yes", "y", "ใช่", "x"}
FALSE_WORDS = {"", "0", "false", "no", "n", "ไม่ใช่"}
# ``status``: the code or its Thai name; empty means reported by the unit. Older spreadsheets have a yes/no
# ``illustrative`` column instead, still read: yes is "illustrative", no is "reported".
STATUS_WORDS = {
    "illustrative": "illustrative",
    "ตัวอย่าง": "illustrative",
    "ตัวเลขตัวอย่าง": "illustrative",
    "reported": "reported",
    "รายงาน": "reported",
    "รายงานโดยหน่วย": "reported",
    "verified": "verified",
    "ตรวจสอบแล้ว": "verified",
    "ตรวจสอบโดยเจ้าหน้าที่": "verified",
}


class ImportFileError(ValueError):
    """The file as a whole cannot be read: too big, wrong type, no header, missing columns."""


@dataclass
class CheckedRow:
    number: int
    raw: dict
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)

    @property
    def cells(self):
        """The row's text in the template's column order, for the preview table."""
        return [self.raw.get(column, "") for column in COLUMNS]


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(name, data):
    """``[(row number, {column: text})]`` from an uploaded file's ``name`` and bytes; blank rows skipped."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB. Split it into smaller files."))
    lower = (name or "").lower()
    if lower.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFileError(_("The CSV file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")) from error
        table = list(csv.reader(io.StringIO(text)))
    elif lower.endswith(".xlsx"):
        table = _read_xlsx(data)
    else:
        raise ImportFileError(_("Only CSV (.csv) and Excel (.xlsx) files can be imported."))

    if not table or not any(_cell_text(c) for c in table[0]):
        raise ImportFileError(_("The file is empty: the first row must name the columns."))
    header = [_cell_text(c).lower() for c in table[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError(_("Columns missing from the first row: %(columns)s.") % {"columns": ", ".join(missing)})
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        texts = [_cell_text(c) for c in cells]
        if not any(texts):
            continue
        rows.append((number, {name: (texts[i] if i < len(texts) else "") for i, name in enumerate(header) if name}))
    return rows


def _read_xlsx(data):
    from openpyxl import load_workbook

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportFileError(_("This is not an Excel (.xlsx) file."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds of error for a damaged file
        raise ImportFileError(_("The Excel file could not be read.")) from error
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _number(text):
    try:
        number = Decimal(normalise_number(text))  # "฿1,234", "45%", Thai digits
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _date(text):
    try:
        return datetime.date.fromisoformat(text[:10]) if len(text) in (10, 19) else None
    except ValueError:
        return None


class _ModelChecks:
    """The model's own checks (``ImpactFigure`` field validation and ``clean``) for rows' readable values, as
    ``full_clean`` would run them on an unsaved figure per row, without building one per row.

    One figure is reused and given each row's values; each field's ``clean`` (its type, choices, lengths, the
    DecimalField's digits, the period validators) runs once per distinct value of a file and its outcome is
    remembered for the rows that repeat it (a year's file has eight distinct dates). ``ImpactFigure.clean`` runs
    for every row. Nothing touches the database.
    """

    def __init__(self):
        self.figure = ImpactFigure()
        # As ``clean_fields`` visits them; the unit and the indicator are looked up by the caller.
        self.fields = [f for f in ImpactFigure._meta.fields if not f.generated and f.name not in ("page", "indicator")]
        self.outcomes = {}

    def _clean(self, field, raw):
        key = (field.name, repr(raw))  # repr: 1.000 and 1 are equal numbers but not equally many decimals
        outcome = self.outcomes.get(key)
        if outcome is None:
            try:
                outcome = self.outcomes[key] = (field.clean(raw, self.figure), None)
            except ValidationError as error:
                outcome = self.outcomes[key] = (raw, error.error_list)
        return outcome

    def errors(self, indicator, values):
        """The messages for one row's ``values``; values that could not be read (``None``) are left out: the row
        already says why."""
        figure = self.figure
        figure.indicator = indicator
        for name, value in values.items():
            setattr(figure, name, value)
        field_errors = {}
        for model_field in self.fields:
            raw = getattr(figure, model_field.attname)
            if raw is None and model_field.name in values and model_field.name != "baseline":
                continue
            if model_field.blank and raw in model_field.empty_values:
                continue
            cleaned, error_list = self._clean(model_field, raw)
            setattr(figure, model_field.attname, cleaned)
            if error_list:
                field_errors[model_field.name] = error_list
        errors = ValidationError(field_errors).update_error_dict({}) if field_errors else {}
        try:
            figure.clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if not errors:
            return []
        return [
            _("%(column)s: %(message)s") % {"column": name, "message": message} if name != NON_FIELD_ERRORS else message
            for name, messages in ValidationError(errors).message_dict.items()
            for message in messages
        ]


def _status(raw, errors):
    """The row's status from its ``status`` cell, else from an older ``illustrative`` yes/no cell; errors appended."""
    text = raw.get("status", "").strip()
    flag = raw.get("illustrative", "").strip().lower()
    if flag not in TRUE_WORDS | FALSE_WORDS:
        errors.append(_("illustrative: “%(value)s” must be yes or no.") % {"value": raw.get("illustrative", "")})
        flag = ""
    if not text:
        return "illustrative" if flag in TRUE_WORDS else "reported"
    status = STATUS_WORDS.get(text.lower())
    if status is None:
        errors.append(
            _("status: “%(value)s” must be illustrative, reported or verified.") % {"value": raw.get("status", "")}
        )
    elif flag and (flag in TRUE_WORDS) != (status == "illustrative"):
        errors.append(
            _("status “%(status)s” and illustrative “%(flag)s” disagree: keep only the status column.")
            % {"status": text, "flag": raw.get("illustrative", "")}
        )
    return status


def check_rows(rows, units, indicators):
    """Check every row; ``units`` is the set of known unit slugs, ``indicators`` maps codes to units of measure.

    Beyond reading the cells, every row goes through the model's validation (plausible periods and numbers),
    so the import refuses exactly what the admin refuses. Returns ``CheckedRow`` objects: ``values`` holds the
    clean values when ``errors`` is empty.
    """
    indicator_models = {code: Indicator(code=code, unit=unit) for code, unit in indicators.items()}
    model_checks = _ModelChecks()
    checked = []
    seen = {}
    for number, raw in rows:
        row = CheckedRow(number, raw)
        unit = raw.get("unit_slug", "")
        code = raw.get("indicator_code", "")
        if unit not in units:
            row.errors.append(_("Unknown unit “%(value)s”.") % {"value": unit})
        if code not in indicators:
            row.errors.append(_("Unknown indicator code “%(value)s”.") % {"value": code})

        start, end = _date(raw.get("period_start", "")), _date(raw.get("period_end", ""))
        for label, text, day in (
            ("period_start", raw.get("period_start", ""), start),
            ("period_end", raw.get("period_end", ""), end),
        ):
            if day is None:
                row.errors.append(
                    _("%(column)s: “%(value)s” is not a date (use YYYY-MM-DD).") % {"column": label, "value": text}
                )

        value = _number(raw.get("value", ""))
        if value is None:
            row.errors.append(_("value: “%(value)s” is not a number.") % {"value": raw.get("value", "")})
        baseline_text = raw.get("baseline", "")
        baseline = _number(baseline_text) if baseline_text else None
        if baseline_text and baseline is None:
            row.errors.append(_("baseline: “%(value)s” is not a number.") % {"value": baseline_text})

        status = _status(raw, row.errors)

        row.errors += model_checks.errors(
            indicator_models.get(code),
            {
                "period_start": start,
                "period_end": end,
                "value": value,
                "baseline": baseline,
                "source": raw.get("source", ""),
            },
        )

        key = (unit, code, start, end)
        if start and end and key in seen:
            row.errors.append(_("Duplicate of row %(row)s (same unit, indicator and period).") % {"row": seen[key]})
        else:
            seen.setdefault(key, number)

        if not row.errors:
            row.values = {
                "unit_slug": unit,
                "indicator_code": code,
                "period_start": start,
                "period_end": end,
                "value": value,
                "baseline": baseline,
                "status": status,
                "source": raw.get("source", ""),
            }
        checked.append(row)
    return checked


def template_csv():
    """The CSV template staff download: header and one example row (marked illustrative)."""
    example = [
        "ban-pho-thong",
        "members_total",
        "2024-01-01",
        "2024-03-31",
        "42",
        "30",
        "illustrative",
        "ตัวอย่าง / example",
    ]
    return spreadsheet.csv_bytes(COLUMNS, [example])


def template_xlsx():
    """The same template as an Excel workbook."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "figures"
    sheet.append(COLUMNS)
    sheet.append(
        ["ban-pho-thong", "members_total", "2024-01-01", "2024-03-31", 42, 30, "illustrative", "ตัวอย่าง / example"]
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
