"""Data generator for the agenda benchmark: many buurten and activities, bulk-inserted.

Creating 100,000 Wagtail pages through the page API (add_child + save_revision + publish) takes hours,
so this writes the rows directly:

1. The `wagtailcore_page` rows are made with ``Page.objects.bulk_create``. Their treebeard materialised
   paths are computed with ``Page._get_path(parent_path, depth, step)`` (the same helper MP_Node uses in
   add_child): the n-th child of a parent gets ``parent.path + base36(n)`` padded to 4 characters,
   ``depth = parent.depth + 1``; ``numchild`` and ``url_path`` are filled in as Wagtail would.
2. The rows of the page-type tables (activiteiten_buurtpage, _voorzieningpage, _activiteitpage) are
   inserted with Django's ``_insert`` on the model's *local* fields (what ``Model.save_base`` does for a
   multi-table child), in batches, so every field gets its normal database conversion.
3. The parent's ``numchild`` is updated. No revisions are written (a live page needs none to be served)
   and the search index is not updated (not needed for the agenda).

Only the Dutch locale is generated. Everything made here has a slug starting with ``bench-``; ``--drop``
removes it again.

The activities get a fixed mix of rules (random with a fixed seed): weekly on one day (45 %), weekly on
two days (10 %), every other week (5 %), nth weekday of the month (15 %), last weekday of the month
(5 %) and one-off dates spread over the coming year (20 %, some already past).
"""

import random
import uuid
from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
from activiteiten.recurrence import AMSTERDAM
from home.models import HomePage

PREFIX = "bench-"
CATEGORIEEN = [c for c, _label in ActiviteitPage.CATEGORIEEN]
DOELGROEPEN = ["iedereen", "ouderen", "mantelzorgers", "55-plussers", "mensen met dementie en hun naasten",
               "nieuwe bewoners", "ouderen en mantelzorgers"]  # fmt: skip
KOSTEN = ["gratis", "gratis", "gratis", "€ 1,00", "€ 2,50 per les", "vrije gift", "€ 7,50"]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
BATCH = 2000


def _rule(rng):
    r = rng.random()
    if r < 0.45:
        return f"FREQ=WEEKLY;BYDAY={rng.choice(DAYS[:6])}"
    if r < 0.55:
        a, b = sorted(rng.sample(range(6), 2))
        return f"FREQ=WEEKLY;BYDAY={DAYS[a]},{DAYS[b]}"
    if r < 0.60:
        return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={rng.choice(DAYS[:5])}"
    if r < 0.75:
        return f"FREQ=MONTHLY;BYDAY={rng.randint(1, 4)}{rng.choice(DAYS)}"
    if r < 0.80:
        return f"FREQ=MONTHLY;BYDAY=-1{rng.choice(DAYS)}"
    return ""


def _first_start(rng, rule, today):
    hour = rng.choice([9, 10, 10, 13, 14, 14, 19])
    minute = rng.choice([0, 0, 30])
    if rule:
        # Recurring activities started in January 2026 (the rule decides the actual days).
        day = datetime(2026, 1, 5).date() + timedelta(days=rng.randint(0, 30))
    else:
        day = today + timedelta(days=rng.randint(-30, 365))
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM)


def _page_rows(parent, specific_objects, ct, locale, now, start_step):
    pages = []
    for i, obj in enumerate(specific_objects):
        path = Page._get_path(parent.path, parent.depth + 1, start_step + i)
        pages.append(
            Page(
                title=obj.title,
                draft_title=obj.title,
                slug=obj.slug,
                path=path,
                depth=parent.depth + 1,
                numchild=getattr(obj, "_numchild", 0),
                url_path=f"{parent.url_path}{obj.slug}/",
                content_type=ct,
                locale=locale,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                translation_key=uuid.uuid4(),
            )
        )
    return pages


def _insert(model, parent, objects, locale, now):
    """Insert `objects` (unsaved instances of a page model) as children of `parent`."""
    ct = ContentType.objects.get_for_model(model)
    last = parent.get_last_child() if parent.numchild else None
    start_step = (Page._str2int(last.path[-Page.steplen :]) + 1) if last else 1
    created = []
    for offset in range(0, len(objects), BATCH):
        chunk = objects[offset : offset + BATCH]
        pages = Page.objects.bulk_create(_page_rows(parent, chunk, ct, locale, now, start_step + offset))
        for page, obj in zip(pages, chunk, strict=True):
            obj.page_ptr_id = obj.id = page.id
            obj.path, obj.depth, obj.url_path, obj.locale_id = page.path, page.depth, page.url_path, locale.id
        model._base_manager._insert(chunk, fields=model._meta.local_concrete_fields, using=connection.alias, raw=True)
        created.extend(chunk)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(objects))
    parent.numchild += len(objects)
    return created


def generate(activities=100_000, buurten=500, big=1_000, seed=20261123, progress=print):
    """Make `buurten` buurten with `activities` activities; the first buurt gets `big` of them."""
    rng = random.Random(seed)
    locale = Locale.objects.get(language_code="nl")
    home = HomePage.objects.get(locale=locale)
    now = timezone.now()
    today = now.astimezone(AMSTERDAM).date()
    with transaction.atomic():
        buurt_objs = [
            BuurtPage(
                title=f"Benchbuurt {i:04d}",
                slug=f"{PREFIX}buurt-{i:04d}",
                gemeente=f"Gemeente {i % 40}",
                soort="wijk",
                intro="Een buurt voor de benchmark.",
            )
            for i in range(buurten)
        ]
        per_buurt = [big] + [0] * (buurten - 1)
        rest = activities - big
        for i in range(1, buurten):
            per_buurt[i] = rest // (buurten - 1) + (1 if i <= rest % (buurten - 1) else 0)
        for obj, n in zip(buurt_objs, per_buurt, strict=True):
            obj._numchild = n + 1  # activities + one voorziening
        created_buurten = _insert(BuurtPage, home, buurt_objs, locale, now)
        progress(f"{len(created_buurten)} buurten")
        total = 0
        for b_index, (buurt, n) in enumerate(zip(created_buurten, per_buurt, strict=True)):
            buurt.numchild = 0
            (voorziening,) = _insert(
                VoorzieningPage,
                buurt,
                [
                    VoorzieningPage(
                        title=f"Buurthuis {b_index:04d}",
                        slug=f"{PREFIX}buurthuis-{b_index:04d}",
                        soort="servicepunt" if b_index % 2 else "buurthuis",
                        omschrijving="<p>Een buurthuis.</p>",
                        adres=f"Dorpsstraat {b_index}",
                        postcode="6800 AB",
                        plaats="Arnhem",
                        telefoon="088-5550000",
                    )
                ],
                locale,
                now,
            )
            acts = []
            for i in range(n):
                rule = _rule(rng)
                start = _first_start(rng, rule, today)
                acts.append(
                    ActiviteitPage(
                        title=f"Activiteit {b_index:04d}-{i:04d}",
                        slug=f"{PREFIX}act-{i:04d}",
                        categorie=rng.choice(CATEGORIEEN),
                        doelgroep=rng.choice(DOELGROEPEN),
                        samenvatting="Een activiteit voor de benchmark.",
                        omschrijving="<p>Kom gezellig langs.</p>",
                        start=start,
                        eind=start + timedelta(minutes=rng.choice([60, 90, 120, 180])),
                        herhaling=rule,
                        voorziening_id=voorziening.pk if rng.random() < 0.5 else None,
                        locatie="Grote zaal",
                        kosten=rng.choice(KOSTEN),
                        aanmelden="niet nodig",
                        status="gepland",
                    )
                )
            _insert(ActiviteitPage, buurt, acts, locale, now)
            total += n
            if (b_index + 1) % 50 == 0:
                progress(f"{b_index + 1} buurten, {total} activiteiten")
    return created_buurten


def drop(progress=print):
    """Remove everything the generator made (and its stored occurrences)."""
    with transaction.atomic():
        roots = Page.objects.filter(slug__startswith=f"{PREFIX}buurt-", depth=3)
        count = 0
        for root in roots:
            count += Page.objects.filter(path__startswith=root.path).count()
        for root in roots:
            root.delete()
        HomePage.objects.all()  # numchild is fixed by treebeard's delete
    progress(f"{count} pagina's verwijderd")
