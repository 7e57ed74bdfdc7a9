"""Which accessibility answers a page has (toegankelijkheid.answers_for): one rule for the page, the referral
card, the read API and the HSDS export."""

import pytest

from activiteiten.models import ActiviteitPage, ActiviteitToegankelijkheid, VoorzieningPage
from activiteiten.toegankelijkheid import JA, NEE, answers_for

pytestmark = pytest.mark.django_db


def pairs(answers):
    return [(a.item.code, a.antwoord) for a in answers]


def activity_at_a_place_with_answers():
    for activity in ActiviteitPage.objects.live().filter(locale__language_code="nl", voorziening__isnull=False):
        place = activity.live_voorziening
        if place is not None and place.toegankelijkheid_items.exists() and not activity.toegankelijkheid_items.exists():
            return activity, place
    pytest.fail("the demo has no activity without answers at a place with answers")


def test_a_place_has_its_own_answers():
    place = VoorzieningPage.objects.filter(locale__language_code="nl", toegankelijkheid_items__isnull=False).first()
    own = [(row.item, row.antwoord) for row in place.toegankelijkheid_items.all()]
    assert sorted(pairs(answers_for(place))) == sorted(own)


def test_an_activity_has_its_places_answers_with_its_own_over_them():
    activity, place = activity_at_a_place_with_answers()
    of_place = pairs(answers_for(place))
    assert pairs(answers_for(activity)) == of_place  # nothing of its own: the place's answers

    code, antwoord = of_place[0]
    different = NEE if antwoord == JA else JA
    ActiviteitToegankelijkheid.objects.create(page=activity, item=code, antwoord=different)
    answers = dict(pairs(answers_for(activity)))
    assert answers[code] == different  # its own answer wins
    assert len(answers) == len(of_place)  # the place's other answers stay
