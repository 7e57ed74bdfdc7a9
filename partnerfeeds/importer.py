"""Import a partner's feed into activity pages of its buurt: all or nothing per feed.

Keyed by feed and UID (PartnerEvent). Each run:
* a new event becomes an ActiviteitPage ("bron: <partner>"): published when the feed is trusted, otherwise a
  draft submitted to the buurt's approval workflow (redactie/groups.py);
* an event that looks like an activity the buurt already has is not added: the editor sees it (dedup.py);
* a changed event rewrites its page, unless an editor saved the page after the import: then the page is theirs,
  left alone and flagged (door_redactie_gewijzigd);
* an event that left the feed unpublishes its page (again: unless an editor made it theirs).
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .dedup import find_duplicate
from .fetch import SUMMARY_MAX, FeedError, download, parse
from .models import PartnerEvent

logger = logging.getLogger(__name__)

# A partner's event has no categorie of the portal; this one fits most buurt activities, and editors change it.
DEFAULT_CATEGORIE = "ontmoeten"


@dataclass
class Result:
    nieuw: int = 0
    bijgewerkt: int = 0
    verwijderd: int = 0
    dubbel: int = 0
    overgeslagen: int = 0  # pages an editor made their own

    def __str__(self):
        return _(
            "%(nieuw)s nieuw, %(bijgewerkt)s bijgewerkt, %(verwijderd)s van de site gehaald, "
            "%(dubbel)s dubbel, %(overgeslagen)s door de redactie gewijzigd"
        ) % vars(self)


def _categorie(event):
    from activiteiten.models import ActiviteitPage

    keys = {key for key, _label in ActiviteitPage.CATEGORIEEN}
    return next((name for name in event.categorieen if name in keys), DEFAULT_CATEGORIE)


def _fields(feed, event):
    summary = event.omschrijving.split("\n")[0].strip() or event.titel
    paragraphs = [p.strip() for p in event.omschrijving.split("\n\n") if p.strip()] or [event.titel]
    return {
        "title": event.titel,
        "samenvatting": summary[:SUMMARY_MAX],
        "omschrijving": "".join(f"<p>{escape(p)}</p>" for p in paragraphs),
        "start": event.start,
        "eind": event.eind,
        "herhaling": event.herhaling,
        "locatie": event.locatie or feed.naam,
        "organisator": feed.naam,
        "categorie": _categorie(event),
        "status": "afgelast" if event.afgelast else "gepland",
    }


def _uitzonderingen(event):
    from activiteiten.models import Uitzondering

    return [Uitzondering(datum=day, soort="vrij") for day in event.uitzonderingen]


def _slug(buurt, title):
    from wagtail.models import Page

    base = slugify(title)[:60] or "activiteit"
    slug, number = base, 1
    while Page.objects.child_of(buurt).filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _release(feed, page, revision):
    """Publish (trusted feed, or a page residents already see) or send to the buurt's approval workflow."""
    if feed.vertrouwd or page.live:
        revision.publish()
        return
    workflow = page.get_workflow()
    if workflow is not None and page.current_workflow_state is None:
        workflow.start(page, user=None)


def _create(feed, event):
    from activiteiten.models import ActiviteitPage

    page = ActiviteitPage(live=False, locale_id=feed.buurt.locale_id, **_fields(feed, event))
    page.slug = _slug(feed.buurt, event.titel)
    page.uitzonderingen = _uitzonderingen(event)
    feed.buurt.add_child(instance=page)
    revision = page.save_revision()
    _release(feed, page, revision)
    return page, revision


def _update(feed, link, event):
    page = link.page.get_latest_revision_as_object()
    for name, value in _fields(feed, event).items():
        setattr(page, name, value)
    page.uitzonderingen = _uitzonderingen(event)
    revision = page.save_revision()
    _release(feed, link.page, revision)
    return revision


def _edited_by_editor(link):
    """An editor saved the page after the import made its last revision."""
    if link.door_redactie_gewijzigd:
        return True
    if link.page.latest_revision_id != link.revisie_id:
        link.door_redactie_gewijzigd = True
        return True
    return False


def _apply(feed, events):
    result = Result()
    known = {link.uid: link for link in feed.events.select_related("page")}
    for event in events:
        link = known.pop(event.uid, None)
        fingerprint = event.fingerprint()
        if link is None:
            link = PartnerEvent(feed=feed, uid=event.uid, bron=feed.naam, titel=event.titel, start=event.start)
            link.dubbel_van = find_duplicate(feed, event)
            if link.dubbel_van is not None:
                result.dubbel += 1
            else:
                link.page, revision = _create(feed, event)
                link.revisie_id, link.inhoud = revision.pk, fingerprint
                result.nieuw += 1
            link.save()
            continue
        was_removed, link.verwijderd = link.verwijderd, False
        link.bron, link.titel, link.start = feed.naam, event.titel, event.start
        if link.page is not None and _edited_by_editor(link):
            result.overgeslagen += 1
        elif link.page is not None and (link.inhoud != fingerprint or was_removed):
            link.revisie_id, link.inhoud = _update(feed, link, event).pk, fingerprint
            result.bijgewerkt += 1
        link.save()
    for link in known.values():  # what the feed no longer has
        if link.verwijderd:
            continue
        link.verwijderd = True
        if link.page is not None and not _edited_by_editor(link) and link.page.live:
            link.page.unpublish()
            result.verwijderd += 1
        link.save()
    return result


def import_feed(feed, now=None):
    """Fetch and import one feed. Returns a Result, or None when the feed was refused (feed.fout says why)."""
    now = now or timezone.now()
    feed.laatst_geprobeerd = now
    # The stored messages are read by all editors: in the site's language, whoever started the import.
    with translation.override(settings.LANGUAGE_CODE):
        try:
            events = parse(download(feed.url))
            with transaction.atomic():
                result = _apply(feed, events)
        except FeedError as exc:
            feed.fout = str(exc)
            feed.save(update_fields=["laatst_geprobeerd", "fout"])
            return None
        except Exception:
            logger.exception("Importing partner feed %s failed", feed.pk)
            feed.fout = _(
                "Er ging iets mis bij het verwerken. Er is niets veranderd; de beheerder kan in het logboek zien wat."
            )
            feed.save(update_fields=["laatst_geprobeerd", "fout"])
            return None
    feed.fout = ""
    feed.laatst_gelukt = now
    fields = ["laatst_geprobeerd", "laatst_gelukt", "fout"]
    if result.nieuw:  # only then: the stored moment of the last new event is never overwritten with an old copy
        feed.laatst_nieuw = now
        fields.append("laatst_nieuw")
    feed.save(update_fields=fields)
    return result
