"""wagtail-localize's "Translate this page" and "Sync translated pages", limited to pages the editor may edit.

wagtail-localize lets anyone with its `submit_translation` permission start or sync the translation of ANY page.
Communitymanagers have that permission (redactie/groups.py) but may only touch their own buurt: these views
add Wagtail's page permissions. portal/urls.py puts them at wagtail-localize's own addresses, so its buttons and
links lead here.
"""

from django.core.exceptions import PermissionDenied
from wagtail.admin.auth import require_admin_access
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


class SubmitOwnPageTranslationView(SubmitPageTranslationView):
    def get_object(self):
        page = super().get_object()
        if not page.permissions_for_user(self.request.user).can_edit():
            raise PermissionDenied
        return page


class UpdateOwnTranslationsView(UpdateTranslationsView):
    def get_object(self):
        source = super().get_object()
        perms = source.get_source_instance().permissions_for_user(self.request.user)  # only pages are translated
        if not perms.can_edit():
            raise PermissionDenied
        if self.request.method == "POST" and self.request.POST.get("publish_translations") and not perms.can_publish():
            raise PermissionDenied
        return source


submit_page_translation = require_admin_access(SubmitOwnPageTranslationView.as_view())
update_translations = require_admin_access(UpdateOwnTranslationsView.as_view())
