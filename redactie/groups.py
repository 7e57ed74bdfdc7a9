"""Groups, page and collection permissions and the approval workflow per buurt.

Everything here is idempotent: running it again repairs and renames, it never duplicates.
"""

import functools

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import RedactieGroep

BEHEERDER = "Beheerder"
WOORDENLIJST_REDACTIE = "Woordenlijst-redactie"
PAGE_EDIT = ["add", "change", "lock", "unlock"]
PAGE_PUBLISH = [*PAGE_EDIT, "publish"]
MEDIA_EDIT = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MEDIA_CHOOSE = [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")]


def cm_name(title):
    return f"Communitymanager – {title}"


def ww_name(title):
    return f"Welzijnswerker – {title}"


# Wagtail's own groups from its first migration may edit the whole site; here rights go per buurt.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def in_site_language(func):
    """Group, collection and workflow names are always in the site's language (Dutch), whoever triggers this."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return func(*args, **kwargs)

    return wrapper


def retire_default_groups():
    """Take the site-wide page rights from Wagtail's default groups; delete them when nobody is in them."""
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        GroupPagePermission.objects.filter(group=group).delete()
        if not group.user_set.exists():
            group.delete()


def _perm(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _group(rol, name, buurt=None):
    """The group of this role (and buurt); created or renamed as needed."""
    link = RedactieGroep.objects.select_related("group").filter(rol=rol, buurt=buurt).first()
    if link is None:
        group, _created = Group.objects.get_or_create(name=name)
        RedactieGroep.objects.update_or_create(group=group, defaults={"rol": rol, "buurt": buurt})
        return group
    group = link.group
    if group.name != name and not Group.objects.filter(name=name).exists():
        group.name = name
        group.save(update_fields=["name"])
    return group


def _page_perms(group, page, types):
    for kind in types:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_perm("wagtailcore", f"{kind}_page")
        )


def _collection_perms(group, collection, perms):
    for app_label, codename in perms:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_perm(app_label, codename)
        )


def _collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def _admin_access(group):
    group.permissions.add(_perm("wagtailadmin", "access_admin"))


def _translations(page):
    """The page itself and its copies in the other languages: translations, and the aliases that wagtail-localize
    keeps of untranslated pages (an editor turns those into translations, so the rights must be there already)."""
    return Page.objects.filter(translation_key=page.translation_key)


@in_site_language
def ensure_global_groups():
    retire_default_groups()
    beheer = _group("beheerder", BEHEERDER)
    beheer.permissions.set(Permission.objects.all())
    _page_perms(beheer, Page.get_first_root_node(), [*PAGE_PUBLISH, "bulk_delete"])
    _collection_perms(beheer, Collection.get_first_root_node(), MEDIA_EDIT)
    return beheer, ensure_glossary_group()


@in_site_language
@transaction.atomic
def ensure_glossary_group():
    """The Woordenlijst-redactie: the glossary (index and begrippen) in every language, as a buurt's groups have
    their buurt in every language (_translations), and its media collection."""
    from woordenlijst.models import WoordenlijstPage

    redactie = _group("woordenlijst", WOORDENLIJST_REDACTIE)
    _admin_access(redactie)
    # They start and sync translations of glossary pages only (redactie/translation_views.py checks the page).
    redactie.permissions.add(_perm("wagtail_localize", "submit_translation"))
    for lijst in WoordenlijstPage.objects.filter(alias_of__isnull=True, locale=Locale.get_default()):
        for page in _translations(lijst):
            _page_perms(redactie, page, PAGE_PUBLISH)
    _collection_perms(redactie, _collection(_("Woordenlijst")), MEDIA_EDIT)
    _collection_perms(redactie, Collection.get_first_root_node(), MEDIA_CHOOSE)
    return redactie


def source_buurt(buurt):
    """The buurt in the default language that names the groups (the page itself if there is none)."""
    from activiteiten.models import BuurtPage

    default = Locale.get_default()
    return BuurtPage.objects.filter(translation_key=buurt.translation_key, locale=default).first() or buurt


@in_site_language
@transaction.atomic
def ensure_buurt_groups(buurt):
    """Communitymanager and Welzijnswerker groups, media collection and approval workflow for one buurt."""
    if buurt.alias_of_id:
        buurt = buurt.alias_of.specific
    buurt = source_buurt(buurt)
    anchor = Page.objects.get(pk=buurt.pk)
    cm = _group("communitymanager", cm_name(buurt.title), anchor)
    ww = _group("welzijnswerker", ww_name(buurt.title), anchor)
    for group in (cm, ww):
        _admin_access(group)
    for group in (cm, ww):  # both see and close the reports (meldingen) of their own buurt
        group.permissions.add(_perm("redactie", "view_melding"), _perm("redactie", "change_melding"))
    # A communitymanager starts and syncs translations of their own buurt's pages (redactie/translation_views.py).
    cm.permissions.add(_perm("wagtail_localize", "submit_translation"))
    for page in _translations(buurt):
        _page_perms(cm, page, PAGE_PUBLISH)
        _page_perms(ww, page, PAGE_EDIT)
    collection = _collection(_("Buurt – %(buurt)s") % {"buurt": buurt.title})
    for group in (cm, ww):
        _collection_perms(group, collection, MEDIA_EDIT)
        _collection_perms(group, Collection.get_first_root_node(), MEDIA_CHOOSE)
    workflow = _workflow(buurt, cm)
    for page in _translations(buurt):
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return cm, ww


def _workflow(buurt, cm):
    existing = WorkflowPage.objects.filter(page_id=buurt.pk).select_related("workflow").first()
    name = _("Goedkeuring – %(buurt)s") % {"buurt": buurt.title}
    if existing and existing.workflow.name.startswith(_("Goedkeuring – ")):
        workflow = existing.workflow
        if workflow.name != name:
            workflow.name = name
            workflow.save(update_fields=["name"])
    else:
        workflow = Workflow.objects.create(name=name, active=True)
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.create(name=_("Goedkeuring door %(group)s") % {"group": cm.name})
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for workflow_task in WorkflowTask.objects.filter(workflow=workflow).select_related("task"):
        task = workflow_task.task.specific
        if isinstance(task, GroupApprovalTask):
            task.groups.set([cm])
    return workflow


def setup_all():
    """(Re)create all groups for all buurten. Returns the number of buurten."""
    from activiteiten.models import BuurtPage

    ensure_global_groups()
    buurten = BuurtPage.objects.filter(alias_of__isnull=True, locale=Locale.get_default())
    for buurt in buurten:
        ensure_buurt_groups(buurt)
    return buurten.count()


# -- who may do what ------------------------------------------------------------------------------
def is_beheerder(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=BEHEERDER).exists())


def buurten_for(user):
    """The buurten (default language) in which this user may publish: their own buurten as communitymanager."""
    from activiteiten.models import BuurtPage

    buurten = BuurtPage.objects.filter(alias_of__isnull=True, locale=Locale.get_default()).order_by("title")
    if is_beheerder(user):
        return buurten
    return [b for b in buurten if b.permissions_for_user(user).can_publish_subpage()]


def is_glossary_editor(user):
    from woordenlijst.models import WoordenlijstPage

    if is_beheerder(user):
        return True
    lijst = WoordenlijstPage.objects.filter(alias_of__isnull=True, locale=Locale.get_default()).first()
    return bool(lijst and lijst.permissions_for_user(user).can_publish_subpage())
