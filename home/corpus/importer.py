"""All-or-nothing import of buurten, voorzieningen, activiteiten and woordenlijst, keyed by slug."""

import html
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from activiteiten.models import (
    ActiviteitPage,
    ActiviteitToegankelijkheid,
    BuurtPage,
    Openingstijd,
    PlekToegankelijkheid,
    Uitzondering,
    VoorzieningPage,
)
from home.models import HomePage
from woordenlijst.models import DOMEINEN, BegripPage, BegripZieOok, WoordenlijstPage

from .reader import Problem, read_rows
from .validate import COLUMNS, OPTIONAL, RowChecker

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ROUTE_MAX_LENGTH = VoorzieningPage._meta.get_field("routebeschrijving").max_length
FILES = ["buurten.csv", "voorzieningen.csv", "activiteiten.csv", "woordenlijst.csv"]


class ImportFailed(Exception):
    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def text_to_richtext(text):
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br/>')}</p>" for p in paragraphs)


def aware(value):
    return value.replace(tzinfo=AMSTERDAM) if value else None


class CorpusImporter:
    """Validate first, then write everything in one transaction.

    `files` maps a file name (one of FILES) to its bytes (CSV) or a Sheet read from a workbook (xlsx.py).
    `progress` is called with a line of text. Pages under a buurt in `moderated` (page ids) are not
    published: their new revision goes to the buurt's approval workflow, submitted by `user`.
    """

    def __init__(self, files, locale=None, progress=None, user=None, moderated=()):
        unknown = set(files) - set(FILES)
        if unknown:
            raise ValueError(f"unknown files: {sorted(unknown)}")
        self.files = files
        self.locale = locale or Locale.get_default()
        self.progress = progress or (lambda text: None)
        self.problems = []
        self.records = {name: [] for name in FILES}
        self.counts = {}
        self.user = user
        self.moderated = set(moderated)

    # -- validation -------------------------------------------------------------------------
    def validate(self):
        for name in FILES:
            if name in self.files:
                self._validate_file(name)
        self._check_references()
        return self.problems

    def _validate_file(self, name):
        header, rows, problems = read_rows(name, self.files[name])
        self.problems.extend(problems)
        if not header:
            return
        missing = [c for c in COLUMNS[name] if c not in header and c not in OPTIONAL.get(name, ())]
        for column in missing:
            self.problems.append(
                Problem(name, 1, column, None, _("deze kolom ontbreekt in de kopregel (de eerste regel)"))
            )
        if missing:
            return
        seen = {}
        for row in rows:
            check = RowChecker(name, row, self.problems)
            check.required()
            slug = check.slug()
            if slug in seen:
                check.problem(
                    "slug",
                    slug,
                    _("deze slug staat al op regel %(line)s; elke slug mag maar één keer voorkomen")
                    % {"line": seen[slug]},
                )
            seen[slug] = row.line
            record = getattr(self, "_clean_" + name.split(".")[0])(check)
            record.update(slug=slug, line=row.line)
            self.records[name].append(record)

    def _clean_buurten(self, c):
        return {
            "title": c.text("naam", 255),
            "gemeente": c.text("gemeente", 100),
            "soort": c.choice("soort", BuurtPage.SOORTEN),
            "intro": c.text("intro"),
            "postcodes": c.postcodes("postcodes"),
        }

    def _clean_voorzieningen(self, c):
        record = {}
        toegankelijkheid = c.toegankelijkheid("toegankelijkheid_items")
        if toegankelijkheid is not None:
            record["toegankelijkheid_items"] = toegankelijkheid
        # A file without the column `talen` leaves the spoken languages of a place alone.
        if c.has("talen"):
            record["talen"] = c.talen("talen")
        if c.has("route"):
            record["routebeschrijving"] = c.text("route", ROUTE_MAX_LENGTH)
        return record | {
            "title": c.text("naam", 255),
            "buurt": c.slug("buurt"),
            "soort": c.choice("soort", VoorzieningPage.SOORTEN),
            "omschrijving": text_to_richtext(c.text("omschrijving")),
            "adres": c.text("adres", 200),
            "postcode": c.postcode("postcode"),
            "plaats": c.text("plaats", 100),
            "telefoon": c.text("telefoon", 30),
            "email": c.email("email"),
            "website": c.url("website"),
            "slots": c.openingstijden("openingstijden"),
            "toegankelijkheid": c.text("toegankelijkheid"),
            "latitude": c.decimal("lat", -90, 90),
            "longitude": c.decimal("lon", -180, 180),
        }

    def _clean_activiteiten(self, c):
        start = c.datetime("start")
        eind = c.datetime("eind")
        if start and eind and eind < start:
            c.problem(
                "eind",
                c.row.get("eind"),
                _("het einde moet na het begin (%(start)s) liggen") % {"start": c.row.get("start")},
            )
        if not c.row.get("voorziening") and not c.row.get("locatie"):
            c.problem("locatie", "", _("vul een locatie in als de kolom ‘voorziening’ leeg is"))
        optional = {}
        if c.has("status"):
            optional["status"] = c.choice("status", ActiviteitPage.STATUSSEN) or "gepland"
        if c.has("status_reden"):
            optional["status_reden"] = c.text("status_reden", 200)
        if c.has("uitzonderingen"):
            optional["uitzonderingen"] = c.uitzonderingen("uitzonderingen")
        if c.has("talen"):
            optional["talen"] = c.talen("talen")
        record = optional | {
            "title": c.text("titel", 255),
            "buurt": c.slug("buurt"),
            "voorziening": c.slug("voorziening"),
            "locatie": c.text("locatie", 200),
            "categorie": c.choice("categorie", ActiviteitPage.CATEGORIEEN),
            "doelgroep": c.text("doelgroep", 200),
            "samenvatting": c.text("samenvatting", 300),
            "omschrijving": text_to_richtext(c.text("omschrijving")),
            "start": aware(start),
            "eind": aware(eind),
            "herhaling": c.rrule("herhaling", start),
            "kosten": c.text("kosten", 120),
            "aanmelden": c.text("aanmelden", 200),
            "contact": c.text("contact", 200),
            "organisator": c.text("organisator", 200),
        }
        toegankelijkheid = c.toegankelijkheid("toegankelijkheid_items", old_column="toegankelijk")
        if toegankelijkheid is not None:
            record["toegankelijkheid_items"] = toegankelijkheid
        feestdagen = c.yes_no("niet_op_feestdagen")
        if feestdagen is not None:
            record["niet_op_feestdagen"] = feestdagen
        return record

    def _clean_woordenlijst(self, c):
        return {
            "title": c.text("term", 255),
            "afkorting": c.text("afkorting", 40),
            "domein": c.choice("domein", DOMEINEN),
            "uitleg": c.text("uitleg"),
            "definitie": c.text("definitie"),
            "synoniemen": c.text_list("synoniemen")[:500],
            "zie_ook": c.slug_list("zie_ook"),
        }

    def _existing(self, model):
        return {p.slug: p for p in model.objects.filter(locale=self.locale)}

    def _check_references(self):
        buurt_slugs = {r["slug"] for r in self.records["buurten.csv"]} | set(self._existing(BuurtPage))
        voorziening_buurt = {p.slug: p.get_parent().slug for p in self._existing(VoorzieningPage).values()}
        voorziening_buurt.update({r["slug"]: r["buurt"] for r in self.records["voorzieningen.csv"]})
        for name in ("voorzieningen.csv", "activiteiten.csv"):
            for r in self.records[name]:
                if r["buurt"] and r["buurt"] not in buurt_slugs:
                    self.problems.append(
                        Problem(
                            name,
                            r["line"],
                            "buurt",
                            r["buurt"],
                            _("deze buurt bestaat niet; gebruik een slug uit buurten.csv"),
                        )
                    )
        for r in self.records["activiteiten.csv"]:
            v = r["voorziening"]
            if v and v not in voorziening_buurt:
                self.problems.append(
                    Problem(
                        "activiteiten.csv",
                        r["line"],
                        "voorziening",
                        v,
                        _("deze voorziening bestaat niet; gebruik een slug uit voorzieningen.csv"),
                    )
                )
            elif v and voorziening_buurt[v] != r["buurt"]:
                self.problems.append(
                    Problem(
                        "activiteiten.csv",
                        r["line"],
                        "voorziening",
                        v,
                        _("deze voorziening hoort bij buurt ‘%(other)s’, niet bij ‘%(buurt)s’")
                        % {"other": voorziening_buurt[v], "buurt": r["buurt"]},
                    )
                )
        # Voorzieningen and activiteiten of one buurt share the buurt's URL space.
        voorz_slugs = {(r["buurt"], r["slug"]) for r in self.records["voorzieningen.csv"]}
        for r in self.records["activiteiten.csv"]:
            if (r["buurt"], r["slug"]) in voorz_slugs:
                self.problems.append(
                    Problem(
                        "activiteiten.csv",
                        r["line"],
                        "slug",
                        r["slug"],
                        _("een voorziening in dezelfde buurt heeft al deze slug"),
                    )
                )
        begrip_slugs = {r["slug"] for r in self.records["woordenlijst.csv"]} | set(self._existing(BegripPage))
        for r in self.records["woordenlijst.csv"]:
            for target in r["zie_ook"]:
                if target not in begrip_slugs:
                    self.problems.append(
                        Problem(
                            "woordenlijst.csv",
                            r["line"],
                            "zie_ook",
                            target,
                            _("dit begrip bestaat niet; gebruik een slug uit woordenlijst.csv"),
                        )
                    )

    # -- writing ----------------------------------------------------------------------------
    def run(self):
        """Validate and import. Raises ImportFailed (nothing stored) or returns the counts."""
        if self.validate():
            raise ImportFailed(self.problems)
        try:
            with transaction.atomic():
                self._apply()
        except ValidationError as exc:
            raise ImportFailed(
                self.problems
                + [Problem(getattr(exc, "file", "?"), getattr(exc, "line", None), None, None, "; ".join(exc.messages))]
            ) from exc
        return self.counts

    def _home(self):
        home = HomePage.objects.filter(locale=self.locale).first()
        if home is None:
            raise ValidationError(
                _("Er is nog geen startpagina. Maak die eerst aan, bijvoorbeeld met ‘manage.py load_demo’.")
            )
        return home

    def _apply(self):
        home = self._home()
        buurten = self._existing(BuurtPage)
        self._write("buurten.csv", BuurtPage, buurten, lambda r: home)
        voorzieningen = self._existing(VoorzieningPage)
        self._write("voorzieningen.csv", VoorzieningPage, voorzieningen, lambda r: buurten[r["buurt"]])
        activiteiten = self._existing(ActiviteitPage)
        self._write("activiteiten.csv", ActiviteitPage, activiteiten, lambda r: buurten[r["buurt"]], voorzieningen)
        if self.records["woordenlijst.csv"]:
            lijst = WoordenlijstPage.objects.filter(locale=self.locale).first()
            if lijst is None:
                lijst = home.add_child(
                    instance=WoordenlijstPage(title=_("Woordenlijst"), slug="woordenlijst", locale=self.locale)
                )
                lijst.save_revision().publish()
            begrippen = self._existing(BegripPage)
            self._write("woordenlijst.csv", BegripPage, begrippen, lambda r: lijst, begrippen)

    def _write(self, name, model, existing, parent_for, lookup=None):
        records = self.records[name]
        created = updated = 0
        new_slugs = set()
        # First make sure every page exists, so that references within the file resolve.
        for r in records:
            page = existing.get(r["slug"])
            parent = parent_for(r)
            if page is None:
                page = model(slug=r["slug"], locale=self.locale, live=False)
                self._set_fields(page, r, lookup)
                parent.add_child(instance=page)
                existing[r["slug"]] = page
                new_slugs.add(r["slug"])
                created += 1
            else:
                updated += 1
                if page.get_parent().pk != parent.pk:
                    page.move(parent, pos="last-child")
                    page.refresh_from_db()
        for i, r in enumerate(records, 1):
            page = existing[r["slug"]]
            is_new = r["slug"] in new_slugs
            self._set_fields(page, r, lookup)
            try:
                page.full_clean()
            except ValidationError as exc:
                exc.file, exc.line = name, r["line"]
                raise
            if parent_for(r).pk in self.moderated:
                self._submit(page)
            else:
                page.save_revision(user=self.user, log_action=True).publish()
            if is_new:
                page.refresh_from_db()  # publish() saved a copy; the alias must start from the saved page
                create_aliases_for_new_page(page)
            if i % 25 == 0 or i == len(records):
                self.progress(f"{name}: {i}/{len(records)}")
        self.counts[name] = {"created": created, "updated": updated}

    def _submit(self, page):
        """Save a draft revision and offer it to the buurt's approval workflow (not published)."""
        page.save_revision(user=self.user, log_action=True)
        workflow = page.get_workflow()
        if workflow is not None and not page.workflow_in_progress:
            workflow.start(page, self.user)

    def _set_fields(self, page, r, lookup):
        skip = {"slug", "line", "buurt", "slots", "voorziening", "zie_ook", "uitzonderingen", "toegankelijkheid_items"}
        for field, value in r.items():
            if field not in skip:
                setattr(page, field, value if value is not None else None)
        if "toegankelijkheid_items" in r:
            model = PlekToegankelijkheid if isinstance(page, VoorzieningPage) else ActiviteitToegankelijkheid
            page.toegankelijkheid_items = [
                model(item=i, antwoord=a, toelichting=t, sort_order=n)
                for n, (i, a, t) in enumerate(r["toegankelijkheid_items"])
            ]
        if isinstance(page, VoorzieningPage):
            page.openingstijden = [Openingstijd(dag=s.dag, open=s.open, dicht=s.dicht) for s in r["slots"]]
        elif isinstance(page, ActiviteitPage):
            page.voorziening = lookup.get(r["voorziening"]) if r["voorziening"] else None
            if "uitzonderingen" in r:
                page.uitzonderingen = [Uitzondering(datum=d, soort=s, reden=why) for d, s, why in r["uitzonderingen"]]
        elif isinstance(page, BegripPage):
            page.zie_ook_links = [
                BegripZieOok(doel=lookup[slug])
                for slug in r["zie_ook"]
                if slug != page.slug and slug in lookup and lookup[slug].pk
            ]
