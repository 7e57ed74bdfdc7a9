"""Signals: a new buurt gets its groups, a new copy of the glossary its editors; publishing the glossary refreshes
the cached glossary markup."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished


def buurt_saved(sender, instance, created, raw=False, **kwargs):
    """A new buurt, or its copy in another language (a translation or wagtail-localize's alias): the buurt's
    groups get their rights on it too."""
    if raw:
        return
    from .groups import ensure_buurt_groups

    ensure_buurt_groups(instance)


def glossary_index_saved(sender, instance, created, raw=False, **kwargs):
    """A new glossary index, or its copy in another language: the Woordenlijst-redactie gets its rights on it."""
    if raw:
        return
    from .groups import ensure_glossary_group

    ensure_glossary_group()


def buurt_published(sender, instance, **kwargs):
    """A published buurt renames its groups after its (Dutch) title. A published translation changes nothing:
    its rights came when it was created (buurt_saved), and its title does not name the groups."""
    if instance.alias_of_id:
        return
    from .groups import ensure_buurt_groups, source_buurt

    if source_buurt(instance).pk != instance.pk:
        return
    ensure_buurt_groups(instance)


def glossary_changed(sender, instance, **kwargs):
    from woordenlijst.markup import invalidate

    invalidate()


def connect():
    from activiteiten.models import BuurtPage
    from woordenlijst.models import BegripPage, WoordenlijstPage

    post_save.connect(_only_created(buurt_saved), sender=BuurtPage, weak=False, dispatch_uid="redactie_buurt_created")
    post_save.connect(
        _only_created(glossary_index_saved),
        sender=WoordenlijstPage,
        weak=False,
        dispatch_uid="redactie_glossary_index_created",
    )
    page_published.connect(buurt_published, sender=BuurtPage, dispatch_uid="redactie_buurt_published")
    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(glossary_changed, sender=BegripPage, dispatch_uid=f"redactie_glossary_{id(signal)}")


def _only_created(handler):
    def wrapper(sender, instance, created, **kwargs):
        if created:
            handler(sender, instance, created, **kwargs)

    return wrapper
