"""All-or-nothing import of translated texts (docs/talen.md) into en, tr or ar, through wagtail-localize.

Each row names a Dutch page by its slug and gives the translation of its texts. The texts are stored where
wagtail-localize's translation editor keeps them (a StringTranslation per segment of the Dutch page's
TranslationSource), and the translated page is made from them by wagtail-localize itself. So an editor sees the
imported texts in the translation editor, and after the Dutch page changes wagtail-localize shows which texts wait
for a new translation.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.fields import RichTextField
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from home.translatable import TRANSLATION_FILES

from .importer import ImportFailed
from .reader import Problem, read_rows

UTF8_BOM = b"\xef\xbb\xbf"
PARAGRAPH_BREAK = "\n\n"  # a blank line between two paragraphs of a rich text


def columns_of(name):
    """The columns of a translation file, in order: slug, then the translated texts."""
    return ["slug", *TRANSLATION_FILES[name][1]]


def model_of(name):
    return apps.get_model(TRANSLATION_FILES[name][0])


def segment_text(text):
    """A translated text as wagtail-localize stores a segment: HTML-escaped, a line break as <br>."""
    return StringValue.from_plaintext(text).data


def utf8_problem(name, data):
    """A Problem when `data` (bytes) is not UTF-8 text, naming the line of the first wrong byte; else None."""
    body = data[len(UTF8_BOM) :] if data.startswith(UTF8_BOM) else data
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        return Problem(
            name, line, None, None, _("het bestand is geen UTF-8; sla het op als ‘CSV UTF-8’ en probeer het opnieuw")
        )
    return None


@dataclass
class Planned:
    """One checked row: the Dutch page and, per translated field, the text of each of its segments."""

    file: str
    line: int
    page: models.Model
    texts: dict = field(default_factory=dict)


class TranslationImporter:
    """Check every row first; then import all of them in one transaction, or nothing.

    `files` maps a file name (a key of TRANSLATION_FILES) to its bytes (CSV) or a Sheet from a workbook.
    """

    def __init__(self, files, locale, user=None, progress=None):
        unknown = set(files) - set(TRANSLATION_FILES)
        if unknown:
            raise ValueError(f"unknown files: {sorted(unknown)}")
        self.files = files
        self.locale = locale
        self.source_locale = Locale.get_default()
        self.user = user
        self.progress = progress or (lambda text: None)
        self.problems = []
        self.planned = []
        self.counts = {}

    # -- checking ---------------------------------------------------------------------------
    def validate(self):
        for name in TRANSLATION_FILES:
            if name in self.files:
                self._validate_file(name)
        return self.problems

    def _dutch_pages(self, name):
        """{slug: [pages]} of the Dutch pages of this file's type (a slug is unique per buurt only)."""
        pages = {}
        for page in model_of(name).objects.filter(locale=self.source_locale, alias_of__isnull=True):
            pages.setdefault(page.slug, []).append(page)
        return pages

    def _header_ok(self, name, header):
        expected = columns_of(name)
        if len(header) == 1 and len(expected) > 1:
            self.problems.append(
                Problem(
                    name,
                    1,
                    None,
                    header[0],
                    _("de kopregel heeft maar één kolom; zet een puntkomma (;) tussen de kolommen"),
                )
            )
            return False
        for column in expected:
            if column not in header:
                self.problems.append(
                    Problem(name, 1, column, None, _("deze kolom ontbreekt in de kopregel (de eerste regel)"))
                )
        for column in header:
            if column not in expected:
                self.problems.append(
                    Problem(
                        name,
                        1,
                        column,
                        None,
                        _("deze kolom hoort niet in %(file)s; de kolommen zijn: %(columns)s")
                        % {"file": name, "columns": ";".join(expected)},
                    )
                )
        return set(expected) == set(header)

    def _validate_file(self, name):
        data = self.files[name]
        if isinstance(data, bytes) and (problem := utf8_problem(name, data)):
            self.problems.append(problem)
            return
        header, rows, problems = read_rows(name, data)
        self.problems.extend(problems)
        if not header or not self._header_ok(name, header):
            return
        dutch = self._dutch_pages(name)
        others = {other: self._dutch_pages(other) for other in TRANSLATION_FILES if other != name}
        seen = {}
        for row in rows:
            slug = row.get("slug")
            if not slug:
                self.problems.append(Problem(name, row.line, "slug", "", _("deze kolom mag niet leeg zijn")))
                continue
            if slug in seen:
                self.problems.append(
                    Problem(
                        name,
                        row.line,
                        "slug",
                        slug,
                        _("deze slug staat al op regel %(line)s; elke slug mag maar één keer voorkomen")
                        % {"line": seen[slug]},
                    )
                )
                continue
            seen[slug] = row.line
            page = self._find_page(name, row, slug, dutch, others)
            if page is not None:
                self._plan_row(name, row, page)

    def _find_page(self, name, row, slug, dutch, others):
        pages = dutch.get(slug, [])
        if len(pages) == 1:
            return pages[0]
        if len(pages) > 1:
            buurten = ", ".join(sorted(page.get_parent().title for page in pages))
            expected = _(
                "deze slug staat in meer dan één buurt (%(buurten)s); vertaal deze pagina’s in de beheeromgeving"
            ) % {"buurten": buurten}
        elif other := next((other for other, pages in others.items() if slug in pages), None):
            expected = _(
                "deze slug hoort bij een pagina uit %(other)s, niet uit %(file)s; zet deze regel in %(other)s"
            ) % {
                "other": other,
                "file": name,
            }
        else:
            expected = _(
                "er is geen Nederlandse pagina met deze slug; gebruik de slug uit het Nederlandse %(file)s"
            ) % {"file": name}
        self.problems.append(Problem(name, row.line, "slug", slug, expected))
        return None

    def _plan_row(self, name, row, page):
        planned = Planned(name, row.line, page)
        segments = [s for s in extract_segments(page) if isinstance(s, StringSegmentValue)]
        for column, field_name in TRANSLATION_FILES[name][1].items():
            text = row.get(column)
            model_field = page._meta.get_field(field_name)
            dutch_value = getattr(page, field_name) or ""
            has_dutch = (
                bool(strip_tags(dutch_value).strip()) if isinstance(model_field, RichTextField) else bool(dutch_value)
            )
            if has_dutch and not text:
                self.problems.append(
                    Problem(
                        name,
                        row.line,
                        column,
                        "",
                        _("deze kolom mag niet leeg zijn: de Nederlandse pagina heeft hier tekst"),
                    )
                )
                continue
            if text and not has_dutch:
                self.problems.append(
                    Problem(
                        name,
                        row.line,
                        column,
                        text,
                        _("de Nederlandse pagina heeft hier geen tekst; laat deze cel leeg"),
                    )
                )
                continue
            if not text:
                continue
            if model_field.max_length and len(text) > model_field.max_length:
                self.problems.append(
                    Problem(
                        name,
                        row.line,
                        column,
                        text,
                        _("te lang: ten hoogste %(n)s tekens") % {"n": model_field.max_length},
                    )
                )
                continue
            dutch_segments = [s for s in segments if s.path == field_name]
            parts = self._parts(name, row.line, column, text, model_field, len(dutch_segments))
            if parts is not None:
                planned.texts[field_name] = parts
        self.planned.append(planned)

    def _parts(self, name, line, column, text, model_field, dutch_count):
        """The texts for the Dutch field's segments in order, or None (and a Problem) if they do not match."""
        if not isinstance(model_field, RichTextField):
            return [segment_text(text.strip())]
        # A rich text has one segment per paragraph (or list item): the CSV's paragraphs map onto them in order.
        paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split(PARAGRAPH_BREAK) if p.strip()]
        if len(paragraphs) == dutch_count:
            return [segment_text(p) for p in paragraphs]
        self.problems.append(
            Problem(
                name,
                line,
                column,
                text,
                ngettext(
                    "de Nederlandse tekst heeft %(dutch)s alinea, de vertaling %(found)s; zet een lege regel "
                    "tussen de alinea’s, zodat elke alinea bij een Nederlandse alinea hoort",
                    "de Nederlandse tekst heeft %(dutch)s alinea’s, de vertaling %(found)s; zet een lege regel "
                    "tussen de alinea’s, zodat elke alinea bij een Nederlandse alinea hoort",
                    dutch_count,
                )
                % {"dutch": dutch_count, "found": len(paragraphs)},
            )
        )
        return None

    # -- writing ----------------------------------------------------------------------------
    def run(self):
        """Check and import. Raises ImportFailed (nothing stored) or returns {file: counts}."""
        if self.validate():
            raise ImportFailed(self.problems)
        self.counts = {name: {"created": 0, "updated": 0, "unchanged": 0} for name in self.files}
        current = None
        try:
            with transaction.atomic():
                for i, planned in enumerate(self.planned, 1):
                    current = planned
                    self.counts[planned.file][self._write(planned)] += 1
                    if i % 25 == 0 or i == len(self.planned):
                        self.progress(f"{self.locale.language_code}: {i}/{len(self.planned)}")
        except ValidationError as exc:
            raise ImportFailed([Problem(current.file, current.line, None, None, "; ".join(exc.messages))]) from exc
        return self.counts

    def _write(self, planned):
        """Store one row's texts and make the translated page from them. Returns created/updated/unchanged."""
        page = planned.page.specific
        before = TranslationSource.objects.get_for_instance_or_none(page)
        before_json = before.content_json if before else None
        source, _created = TranslationSource.update_or_create_from_instance(page)
        changed = source.content_json != before_json
        changed |= self._store_texts(source, planned.texts)
        translation, created = Translation.objects.get_or_create(source=source, target_locale=self.locale)
        if not translation.enabled:  # an editor stopped the sync with the Dutch page; the import restarts it
            translation.enabled = True
            translation.save(update_fields=["enabled"])
            changed = True
        target = page.get_translation_or_none(self.locale)
        is_new = target is None or target.alias_of_id is not None
        if not (changed or created or is_new or not target.live):
            return "unchanged"
        now = timezone.now()
        Translation.objects.filter(pk=translation.pk).update(
            translations_last_updated_at=now, destination_last_updated_at=now
        )
        translated, _created = source.create_or_update_translation(
            self.locale, user=self.user, publish=False, fallback=True, copy_parent_pages=True
        )
        # Published here, inside the transaction (wagtail-localize would publish only after the commit).
        translated.get_latest_revision().publish(user=self.user)
        return "created" if is_new else "updated"

    def _store_texts(self, source, texts):
        """Create or change the StringTranslations of these fields' segments. Returns whether any changed."""
        changed = False
        segments = StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
        for field_name, parts in texts.items():
            for segment, data in zip([s for s in segments if s.context.path == field_name], parts, strict=True):
                existing = StringTranslation.objects.filter(
                    translation_of=segment.string, locale=self.locale, context=segment.context
                ).first()
                if existing is None:
                    StringTranslation.objects.create(
                        translation_of=segment.string,
                        locale=self.locale,
                        context=segment.context,
                        data=data,
                        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                        last_translated_by=self.user,
                    )
                elif existing.data != data or existing.has_error:
                    existing.data, existing.has_error, existing.field_error = data, False, ""
                    existing.last_translated_by = self.user
                    existing.save()
                else:
                    continue
                changed = True
        return changed
