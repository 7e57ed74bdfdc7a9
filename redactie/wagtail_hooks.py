"""Admin wiring: the Redactie menu, its views, the "Alles klopt nog" button and the audit log action."""

from django.db.models import Case, F, Q, Value, When
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import admin_views, csv_views
from .groups import buurten_for, is_beheerder, is_glossary_editor


@hooks.register("register_admin_urls")
def urls():
    return [
        path("redactie/meldingen/", admin_views.MeldingenView.as_view(), name="redactie_meldingen"),
        path("redactie/niet-gecontroleerd/", admin_views.RapportView.as_view(), name="redactie_rapport"),
        path(
            "redactie/gecontroleerd/<int:page_id>/",
            admin_views.GecontroleerdView.as_view(),
            name="redactie_gecontroleerd",
        ),
        path("redactie/import/", csv_views.import_view, name="redactie_import"),
        path("redactie/export/", csv_views.export_view, name="redactie_export"),
        path("redactie/export/woordenlijst.csv", csv_views.export_glossary, name="redactie_export_woordenlijst"),
        path(
            "redactie/export/woordenlijst.xlsx",
            csv_views.export_glossary,
            {"fmt": "xlsx"},
            name="redactie_export_woordenlijst_xlsx",
        ),
        path("redactie/export/<int:buurt_id>/<str:name>", csv_views.export_buurt, name="redactie_export_buurt"),
    ]


class CheckedMenuItem(MenuItem):
    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return self.check(request.user)


def _manages_buurt(user):
    return is_beheerder(user) or bool(buurten_for(user))


def _edits_buurt(user):
    return bool(admin_views.editable_buurten(user))


def _imports(user):
    """Communitymanagers and welzijnswerkers (their own buurt) and the glossary editors."""
    return _manages_buurt(user) or _edits_buurt(user) or is_glossary_editor(user)


@hooks.register("construct_page_chooser_queryset")
def chooser_shows_only_what_the_editor_may_see(pages, request):
    """Live pages, and the drafts this editor may edit; never another buurt's unpublished pages.

    A live page of another buurt may have unpublished changes; the chooser shows its title as
    residents see it (``chooser_title``, read by ``BasePage.get_admin_display_title``), not the draft title.
    """
    if is_beheerder(request.user):
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(request.user, ["add", "change", "publish"])
    editable_pks = editable.values("pk")
    return pages.filter(Q(live=True) | Q(pk__in=editable_pks)).annotate(
        chooser_title=Case(When(pk__in=editable_pks, then=Value(None)), default=F("title"))
    )


@hooks.register("register_admin_menu_item")
def redactie_menu():
    menu = Menu(
        items=[
            CheckedMenuItem(
                _("Meldingen"), reverse("redactie_meldingen"), icon_name="mail", order=100, check=_edits_buurt
            ),
            CheckedMenuItem(
                _("Niet gecontroleerd"), reverse("redactie_rapport"), icon_name="date", order=200, check=_edits_buurt
            ),
            CheckedMenuItem(
                _("Importeren (CSV, Excel)"), reverse("redactie_import"), icon_name="upload", order=300, check=_imports
            ),
            CheckedMenuItem(
                _("Exporteren (CSV, Excel)"),
                reverse("redactie_export"),
                icon_name="download",
                order=400,
                check=_imports,
            ),
        ]
    )
    return SubmenuMenuItem(_("Redactie"), menu, icon_name="edit", name="redactie", order=250)


@hooks.register("register_page_header_buttons")
def gecontroleerd_button(page, user, view_name, next_url=None):
    if view_name == "edit" and admin_views.can_confirm(user, page.specific_deferred):
        url = reverse("redactie_gecontroleerd", args=[page.pk])
        yield Button(_("Alles klopt nog"), url, icon_name="tick", priority=5)


@hooks.register("register_log_actions")
def log_actions(actions):
    actions.register_action("redactie.gecontroleerd", _("Gecontroleerd"), _("Gecontroleerd: alles klopt nog"))
