"""Import in the admin (CSV or Excel): the corpus importer, limited to the editor's own buurten, with a preview.

Only new and changed rows are imported, so importing an unchanged export changes nothing (no new revisions).
A welzijnswerker's import is not published: each page goes to the buurt's approval workflow.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from home.corpus import CorpusImporter, Problem
from home.corpus.reader import read_rows
from home.corpus.validate import COLUMNS, KEEP_WHEN_EMPTY
from home.corpus.xlsx import is_workbook, name_sheets, read_workbook

from .export import buurt_rows, glossary_rows

BUURT_FILES = ("voorzieningen.csv", "activiteiten.csv")
GLOSSARY_FILE = "woordenlijst.csv"
WORKBOOK_FIELD = "werkboek"


@dataclass
class Preview:
    problems: list = field(default_factory=list)
    rows: dict = field(default_factory=dict)  # name → [(line, slug, title, status)]
    changed: dict = field(default_factory=dict)  # name → [Row] (new or changed)
    columns: dict = field(default_factory=dict)  # name → the columns the uploaded file has

    @property
    def ok(self):
        return not self.problems

    def count(self, status):
        return sum(1 for rows in self.rows.values() for r in rows if r[3] == status)

    @property
    def n_nieuw(self):
        return self.count("nieuw")

    @property
    def n_gewijzigd(self):
        return self.count("gewijzigd")

    @property
    def n_ongewijzigd(self):
        return self.count("ongewijzigd")

    @property
    def nothing_to_do(self):
        return not any(self.changed.values())


def _current_rows(allowed_buurten):
    """Exported rows of the pages that exist now, keyed by (file, slug), with their buurt slug."""
    from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage

    locale = Locale.get_default()
    current = {}
    for buurt in allowed_buurten:
        for name, rows in buurt_rows(buurt).items():
            for row in rows:
                current[(name, row["slug"])] = row
    owner = {}
    buurten = {b.path: b for b in BuurtPage.objects.filter(locale=locale).only("path", "slug", "title")}
    for name, model in (("voorzieningen.csv", VoorzieningPage), ("activiteiten.csv", ActiviteitPage)):
        for page in model.objects.filter(locale=locale).only("slug", "title", "path"):
            parent = buurten.get(page.path[: -Page.steplen])
            if parent is not None:
                owner[(name, page.slug)] = (page.title, parent.title, parent.slug)
    return current, owner


def read_uploads(uploads):
    """[(form field, file name, bytes)] → ({corpus file name: bytes or Sheet}, problems).

    A field named after a corpus file takes a CSV file or a workbook with that sheet (or one sheet);
    the field ``werkboek`` takes a workbook whose sheets are named after the corpus files.
    """
    files, problems = {}, []
    for field_name, filename, data in uploads:
        expected = None if field_name == WORKBOOK_FIELD else f"{field_name}.csv"
        if expected and not is_workbook(filename, data):
            files[expected] = data
            continue
        sheets, found = read_workbook(filename, data, expected)
        problems.extend(found)
        files.update(sheets)
    return files, problems


def preview(files, allowed_buurten, glossary_allowed, problems=()):
    """Check uploaded files (name → bytes or Sheet). Returns a Preview; nothing is saved."""
    result = Preview()
    allowed_files = set(BUURT_FILES if allowed_buurten else ()) | ({GLOSSARY_FILE} if glossary_allowed else set())
    for name in files:
        if name not in allowed_files:
            result.problems.append(Problem(name, None, None, None, _("dit bestand mag je niet importeren")))
    if result.problems:
        result.problems = name_sheets(result.problems, files)
        return result
    importer = CorpusImporter(files)
    result.problems.extend(problems)  # what reading the files found (a wrong sheet, a cell of the wrong type)
    result.problems.extend(importer.validate())
    allowed_slugs = {b.slug for b in allowed_buurten}
    current, owner = _current_rows(allowed_buurten)
    if GLOSSARY_FILE in files:
        current.update({(GLOSSARY_FILE, row["slug"]): row for row in glossary_rows()})
    for name in files:
        if name in BUURT_FILES:
            for record in importer.records[name]:
                _check_buurt(result.problems, name, record, allowed_slugs, owner)
        header, rows, _problems = read_rows(name, files[name])
        # Compare only the columns the file has: a column left out leaves the page's value alone.
        columns = [column for column in COLUMNS[name] if column in header]
        listing, changed = [], []
        for row in rows:
            slug = row.get("slug")
            old = current.get((name, slug))
            # A column like niet_op_feestdagen counts only when its cell is filled (empty: no change).
            row_columns = [c for c in columns if row.get(c) or c not in KEEP_WHEN_EMPTY.get(name, ())]
            new = {column: row.get(column) for column in row_columns}
            if old is None:
                status = "nieuw"
            elif all((old.get(c) or "").strip() == new[c] for c in row_columns):
                status = "ongewijzigd"
            else:
                status = "gewijzigd"
            title = row.get("titel") or row.get("naam") or row.get("term")
            listing.append((row.line, slug, title, status))
            if status != "ongewijzigd":
                changed.append(new)
        result.rows[name] = listing
        result.changed[name] = changed
        result.columns[name] = columns
    result.problems = name_sheets(result.problems, files)
    result.problems.sort(key=lambda p: (p.file, p.sheet or "", p.line or 0))
    return result


def _check_buurt(problems, name, record, allowed_slugs, owner):
    line, buurt = record["line"], record["buurt"]
    names = ", ".join(sorted(allowed_slugs))
    if buurt and buurt not in allowed_slugs:
        problems.append(
            Problem(
                name,
                line,
                "buurt",
                buurt,
                _("‘%(buurt)s’ is niet jouw buurt; je mag alleen je eigen buurt bijwerken (%(buurten)s)")
                % {"buurt": buurt, "buurten": names},
            )
        )
    existing = owner.get((name, record["slug"]))
    if existing and existing[2] not in allowed_slugs:
        title, buurt_title, _slug = existing
        problems.append(
            Problem(
                name,
                line,
                "slug",
                record["slug"],
                _(
                    "deze slug is al van ‘%(title)s’ in buurt %(buurt)s; die mag je niet veranderen. Kies een andere slug"
                )
                % {"title": title, "buurt": buurt_title},
            )
        )


def changed_files(result):
    """Corpus-format bytes with only the new and changed rows, per file (files without changes left out)."""
    from .export import to_csv

    return {name: to_csv(name, rows, result.columns.get(name)) for name, rows in result.changed.items() if rows}


def apply(result, user=None, moderated=()):
    """Import the new and changed rows. Returns the importer's counts. Raises ImportFailed.

    Pages under the buurten in `moderated` (page ids) go to their buurt's approval workflow.
    """
    files = changed_files(result)
    if not files:
        return {}
    return CorpusImporter(files, user=user, moderated=moderated).run()
