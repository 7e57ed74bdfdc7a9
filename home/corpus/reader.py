"""Reading Excel-style CSV files: encoding and delimiter detection, rows with their line numbers."""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass
class Problem:
    file: str
    line: int | None
    column: str | None
    value: str | None
    expected: str
    sheet: str | None = None  # the sheet of an Excel workbook (then `file` is the workbook, `line` its row)

    def __str__(self):
        where = [self.file]
        if self.sheet:
            where.append(_("werkblad ‘%(sheet)s’") % {"sheet": self.sheet})
        if self.line and self.sheet:
            where.append(_("rij %(line)s") % {"line": self.line})
        elif self.line:
            where.append(_("regel %(line)s") % {"line": self.line})
        if self.column:
            where.append(_("kolom ‘%(column)s’") % {"column": self.column})
        text = ", ".join(where) + ": "
        if self.value is not None:
            value = self.value if len(self.value) <= 80 else self.value[:77] + "…"
            text += _("waarde ‘%(value)s’ – ") % {"value": value}
        return text + self.expected


@dataclass
class Row:
    line: int
    values: dict

    def get(self, column):
        return (self.values.get(column) or "").strip()


class UnreadableFile(Exception):
    pass


def decode(data):
    """Bytes → text. UTF-8 with or without BOM, else Windows-1252. Raises UnreadableFile."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff") or b"\x00" in data:
        raise UnreadableFile(
            _("het bestand is geen tekst in UTF-8 of Windows-1252 (misschien UTF-16 of een Excel-bestand)")
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            _("het bestand is niet te lezen als UTF-8 of Windows-1252 (byte %(pos)s)") % {"pos": exc.start + 1}
        ) from exc
    return text, "windows-1252"


def sniff_delimiter(header_line):
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


def read_rows(name, data):
    """Parse CSV bytes, or take a sheet already read from a workbook. Returns (header, rows, problems)."""
    from .xlsx import Sheet

    if isinstance(data, Sheet):
        return data.header, data.rows, data.problems
    try:
        text, _encoding = decode(data)
    except UnreadableFile as exc:
        return [], [], [Problem(name, None, None, None, str(exc))]
    if any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text):
        return (
            [],
            [],
            [Problem(name, None, None, None, _("het bestand bevat onleesbare tekens; is het wel een CSV-bestand?"))],
        )
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return (
            [],
            [],
            [Problem(name, 1, None, None, _("het bestand is leeg; de eerste regel moet de kolomnamen hebben"))],
        )
    except csv.Error as exc:
        return [], [], [Problem(name, 1, None, None, _("de kopregel is geen geldige CSV: %(error)s") % {"error": exc})]
    rows, problems = [], []
    line = reader.line_num + 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                if len(record) > len(header):
                    problems.append(
                        Problem(
                            name,
                            line,
                            None,
                            None,
                            _("deze regel heeft %(found)s kolommen, de kopregel %(expected)s")
                            % {"found": len(record), "expected": len(header)},
                        )
                    )
                rows.append(Row(line, dict(zip(header, record, strict=False))))
            line = reader.line_num + 1
    except csv.Error as exc:
        problems.append(Problem(name, line, None, None, _("geen geldige CSV: %(error)s") % {"error": exc}))
    return header, rows, problems
