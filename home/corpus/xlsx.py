"""Excel workbooks (.xlsx) as well as CSV: reading sheets into the rows the importer checks, and writing them.

A workbook holds one sheet per corpus file, named after it without ``.csv``: ``buurten``, ``voorzieningen``,
``activiteiten``, ``woordenlijst`` (upper or lower case). A workbook with a single sheet may also be given
for one file, whatever its sheet is called. The first row holds the column names, as in the CSV files.
A sheet goes through the same checks as a CSV file (validate.py); problems name workbook, sheet, row and column.
"""

import io
import zipfile
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from django.utils.translation import gettext as _

from .reader import Problem, Row

ZIP_MAGIC = b"PK\x03\x04"  # an .xlsx file is a zip archive
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary Excel format (.xls)
CORPUS_NAMES = ("buurten.csv", "voorzieningen.csv", "activiteiten.csv", "woordenlijst.csv")
# Columns that hold a date and time; Excel may keep them as real date cells.
DATETIME_COLUMNS = {"start", "eind"}
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
EXCEL_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
COLUMN_WIDTH = 24  # characters; wide enough to read a slug or a date without dragging
HEADER_ROW = 1


@dataclass
class Sheet:
    """One sheet read from a workbook: what read_rows() returns for a CSV file, with its origin."""

    workbook: str
    title: str
    header: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    def refuse(self, row_number, column, shown, message):
        """Note a problem with one cell (named by sheet, row and column); the cell then reads as empty."""
        self.problems.append(Problem(self.workbook, row_number, column, shown, message, sheet=self.title))
        return ""


def _openpyxl():
    """openpyxl, imported when a workbook is read or written, not when the site starts.

    Importing it takes 130 ms, and the admin's URLs import this module in every process (a new web worker
    and every management command paid it at start-up); only an editor's import or export uses it.
    """
    import openpyxl
    import openpyxl.styles
    import openpyxl.utils.exceptions

    return openpyxl


def sheet_name(corpus_name):
    return corpus_name.removesuffix(".csv")


def is_workbook(filename, data):
    return data.startswith(ZIP_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm"))


def _cell_text(sheet, row_number, column, value):
    """The text the CSV file would have held for this cell, or a Problem for a cell of the wrong type."""
    if value is None:
        return ""
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, time())
    if isinstance(value, datetime):
        if column in DATETIME_COLUMNS:
            return value.strftime(DATETIME_FORMAT)
        return sheet.refuse(
            row_number,
            column,
            value.strftime("%Y-%m-%d %H:%M"),
            _("deze cel is een datum, maar hier hoort tekst; maak de cel in Excel ‘Tekst’"),
        )
    if isinstance(value, time):
        return sheet.refuse(
            row_number,
            column,
            value.strftime("%H:%M"),
            _("deze cel is alleen een tijd; schrijf datum en tijd, zoals 2026-01-05 09:30"),
        )
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, int | float):
        if column in DATETIME_COLUMNS:
            return sheet.refuse(
                row_number,
                column,
                str(value),
                _("deze cel is een getal; verwacht een datum en tijd, zoals 2026-01-05 09:30"),
            )
        return str(int(value)) if float(value).is_integer() else repr(value)
    return str(value)


def _read_sheet(workbook_name, worksheet):
    sheet = Sheet(workbook_name, worksheet.title)
    rows = worksheet.iter_rows(values_only=True)
    first = next(rows, None)
    if first is None or not any(cell not in (None, "") for cell in first):
        sheet.problems.append(
            Problem(
                workbook_name,
                HEADER_ROW,
                None,
                None,
                _("het werkblad is leeg; de eerste rij moet de kolomnamen hebben"),
                sheet=worksheet.title,
            )
        )
        return sheet
    sheet.header = [str(cell or "").strip().lower() for cell in first]
    for number, values in enumerate(rows, HEADER_ROW + 1):
        if not any(value not in (None, "") for value in values):
            continue
        cells = {}
        for column, value in zip(sheet.header, values, strict=False):
            if column:
                cells[column] = _cell_text(sheet, number, column, value)
        sheet.rows.append(Row(number, cells))
    return sheet


def read_workbook(filename, data, expected=None):
    """Read an .xlsx upload. Returns ({corpus file name: Sheet}, problems).

    `expected` (a corpus file name) is the one file this upload stands for: its sheet is taken, or the
    only sheet. Without it every sheet must carry the name of a corpus file.
    """
    if data.startswith(OLE_MAGIC):
        return {}, [
            Problem(filename, None, None, None, _("dit is het oude Excel-formaat (.xls); sla het op als .xlsx"))
        ]
    openpyxl = _openpyxl()
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, openpyxl.utils.exceptions.InvalidFileException, KeyError, OSError, ValueError):
        return {}, [
            Problem(
                filename,
                None,
                None,
                None,
                _("dit is geen Excel-bestand (.xlsx) dat we kunnen lezen; sla het in Excel opnieuw op als .xlsx"),
            )
        ]
    try:
        worksheets = {ws.title.strip().lower(): ws for ws in book.worksheets}
        if expected:
            wanted = worksheets.get(sheet_name(expected))
            if wanted is None and len(worksheets) == 1:
                wanted = next(iter(worksheets.values()))
            if wanted is None:
                return {}, [_missing_sheet(filename, [sheet_name(expected)], worksheets)]
            return {expected: _read_sheet(filename, wanted)}, []
        files, problems = {}, []
        for title, worksheet in worksheets.items():
            corpus_name = f"{title}.csv"
            if corpus_name in CORPUS_NAMES:
                files[corpus_name] = _read_sheet(filename, worksheet)
            else:
                problems.append(
                    Problem(
                        filename,
                        None,
                        None,
                        None,
                        _("onbekend werkblad; noem de werkbladen %(names)s")
                        % {"names": ", ".join(sheet_name(n) for n in CORPUS_NAMES)},
                        sheet=worksheet.title,
                    )
                )
        return files, problems
    finally:
        book.close()


def _missing_sheet(filename, names, worksheets):
    return Problem(
        filename,
        None,
        None,
        None,
        _("het werkblad ‘%(wanted)s’ ontbreekt; dit bestand heeft: %(found)s")
        % {"wanted": ", ".join(names), "found": ", ".join(ws.title for ws in worksheets.values())},
    )


def name_sheets(problems, files):
    """Problems the importer reported by corpus file name, told by workbook, sheet and row where they came from."""
    named = []
    for problem in problems:
        source = files.get(problem.file)
        if isinstance(source, Sheet):
            problem = replace(problem, file=source.workbook, sheet=source.title)
        named.append(problem)
    return named


def write_workbook(sheets):
    """Bytes of an .xlsx file. `sheets` maps a sheet name to (columns, rows); rows are dicts of text.

    Date-and-time columns become real Excel dates, so that Excel shows and sorts them as dates.
    Everything else stays text, so that Excel does not turn a postcode or phone number into a number.
    """
    openpyxl = _openpyxl()
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, (columns, rows) in sheets.items():
        ws = book.create_sheet(title)
        ws.append(columns)
        for cell in ws[HEADER_ROW]:
            cell.font = openpyxl.styles.Font(bold=True)
        for row in rows:
            ws.append([_excel_value(column, row.get(column) or "") for column in columns])
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text that starts with '=' stays text, not a formula
        for index, column in enumerate(columns, 1):
            ws.column_dimensions[ws.cell(HEADER_ROW, index).column_letter].width = COLUMN_WIDTH
            if column in DATETIME_COLUMNS:
                for (cell,) in ws.iter_rows(min_row=HEADER_ROW + 1, min_col=index, max_col=index):
                    cell.number_format = EXCEL_DATETIME_FORMAT
        ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _excel_value(column, text):
    if column in DATETIME_COLUMNS and text:
        return datetime.strptime(text, DATETIME_FORMAT)
    return text
