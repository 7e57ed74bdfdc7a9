"""Editors hear when an activity's place (voorziening) is not live.

Residents never see a place that is not live (``ActiviteitPage.live_voorziening``), so the activity then
shows no place at all. That must not go unnoticed:

* the editor of the activity gets a warning in the admin when they open or save it;
* whoever unpublishes a place gets a warning naming the live activities that use it;
* the communitymanagers of the buurt and the last editor of each such activity get an e-mail.
"""

from django.contrib import messages
from django.core.mail import send_mail
from django.utils.translation import gettext as _


def place_warning(page):
    """The warning for an activity whose chosen place is not live, or ''."""
    from .models import ActiviteitPage

    page = getattr(page, "specific", page)
    if not isinstance(page, ActiviteitPage) or not page.voorziening_id or page.live_voorziening is not None:
        return ""
    return _(
        "Let op: de plek ‘%(plek)s’ staat niet online. Bewoners zien daarom geen plek bij deze activiteit. "
        "Publiceer de plek, of kies een andere plek."
    ) % {"plek": page.voorziening.title}


def warn_editor(request, page):
    text = place_warning(page)
    if text:
        messages.warning(request, text)


def activities_using(place):
    """Live activities whose place is `place` or one of its translations, now that it is not live."""
    from .models import ActiviteitPage

    return list(
        ActiviteitPage.objects.live()
        .filter(voorziening__translation_key=place.translation_key, voorziening__live=False)
        .select_related("voorziening", "latest_revision__user")
        .order_by("title")
    )


def _titles(activities):
    return ", ".join(f"‘{a.title}’" for a in activities)


def warn_unpublisher(request, place):
    from .models import VoorzieningPage

    place = getattr(place, "specific", place)
    if not isinstance(place, VoorzieningPage):
        return
    activities = activities_using(place)
    if activities:
        messages.warning(
            request,
            _(
                "Deze activiteiten gebruiken ‘%(plek)s’ als plek: %(activiteiten)s. Bewoners zien bij die "
                "activiteiten nu geen plek. Kies daar een andere plek, of publiceer de plek weer."
            )
            % {"plek": place.title, "activiteiten": _titles(activities)},
        )


def _recipients(place, activities):
    """The communitymanagers of the place's buurt and the last editor of each activity (with an e-mail)."""
    from redactie.groups import source_buurt
    from redactie.models import RedactieGroep

    from .models import BuurtPage

    addresses = set()
    buurt = BuurtPage.objects.filter(path=place.path[: -place.steplen]).first()
    if buurt is not None:
        link = (
            RedactieGroep.objects.filter(rol="communitymanager", buurt_id=source_buurt(buurt).pk)
            .select_related("group")
            .first()
        )
        if link is not None:
            addresses.update(u.email for u in link.group.user_set.filter(is_active=True) if u.email)
    for activity in activities:
        user = activity.latest_revision.user if activity.latest_revision_id else None
        if user is not None and user.is_active and user.email:
            addresses.add(user.email)
    return sorted(addresses)


def notify_editors(place):
    """E-mail the editors of the activities that use `place`, which just went offline."""
    activities = activities_using(place)
    if not activities:
        return
    recipients = _recipients(place, activities)
    if not recipients:
        return
    send_mail(
        _("De plek ‘%(plek)s’ staat niet meer online") % {"plek": place.title},
        _(
            "De plek ‘%(plek)s’ is offline gehaald. Deze activiteiten gebruiken die plek: %(activiteiten)s.\n\n"
            "Bewoners zien bij die activiteiten nu geen plek. Kies in het beheer een andere plek, of vraag "
            "of de plek weer online kan."
        )
        % {"plek": place.title, "activiteiten": _titles(activities)},
        None,
        recipients,
        fail_silently=True,
    )
