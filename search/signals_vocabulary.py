"""Publish, unpublish and delete of a page the search shows → the words of that page in the vocabulary
for typo correction (vocabulary.py). In the editor's transaction: the vocabulary never disagrees with
the pages. An activity's words include the name and street of its place (page_texts.activiteit_texts), so
a place published (perhaps renamed, at another address) or unpublished renews the words of the activities
held there too. A view restriction set or lifted renews the words of the pages under it: a word only a
page behind a password has is no correction to offer anyone."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from . import vocabulary


def _searched_models():
    from activiteiten.models import ActiviteitPage, BuurtPage, VoorzieningPage
    from woordenlijst.models import BegripPage

    return (ActiviteitPage, BuurtPage, VoorzieningPage, BegripPage)


def _renew_held_at(place):
    """The words of the live activities held at `place` (or at a translation of it, as their copies in other
    languages point at the Dutch place): a few pages per place, so always, without comparing old and new."""
    from activiteiten.models import ActiviteitPage, VoorzieningPage

    if not isinstance(place, VoorzieningPage):
        return
    for activity in ActiviteitPage.objects.live().filter(voorziening__translation_key=place.translation_key):
        vocabulary.update_page(activity)


@receiver(page_published, dispatch_uid="zb_vocabulary_published")
def page_published_(sender, instance, **kwargs):
    if issubclass(sender, _searched_models()):
        vocabulary.update_page(instance)
        _renew_held_at(instance)


@receiver(page_unpublished, dispatch_uid="zb_vocabulary_unpublished")
def page_unpublished_(sender, instance, **kwargs):
    """By the signal, not by the instance: when Wagtail unpublishes a page it deletes, the instance it
    sends is read again from the database, where the page is still live."""
    if issubclass(sender, _searched_models()):
        vocabulary.forget_page(instance.pk)
        _renew_held_at(instance)


@receiver(pre_delete, dispatch_uid="zb_vocabulary_deleted")
def page_deleted(sender, instance, **kwargs):
    """Before the page goes. For any sender: deleting a specific page (a BegripPage) signals that model,
    not Page, and does not reach the rows that point at its Page part."""
    if isinstance(instance, Page):
        vocabulary.forget_page(instance.pk)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="zb_vocabulary_restriction_saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="zb_vocabulary_restriction_gone")
def restriction_changed(sender, instance, **kwargs):
    """The pages the search shows under the page that got or lost a restriction (words_of leaves out a page
    that is not public). A restriction deleted with its page: the page's own delete forgets its words."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    for under in Page.objects.descendant_of(page, inclusive=True).live().type(*_searched_models()).specific():
        vocabulary.update_page(under)
