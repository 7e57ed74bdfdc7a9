"""Two-factor sign-in (django-otp, TOTP codes from an authenticator app) for the admin.

Who must use a second step: every account that may read residents' reports (`redactie.view_melding`,
with their contact details): the communitymanagers, the welzijnswerkers (they read their own buurt's
reports), the Beheerder (all permissions) and superusers. The glossary editors are not forced; whoever has set up a device is always asked
for a code. Only when REQUIRE_2FA is on (setting REQUIRE_2FA: on in production, off for `make run`).

Only admin URLs ask for it: the public pages show a signed-in editor nothing a visitor cannot see.
(wagtail-2fa, the Wagtail package for this, does not import on Wagtail 8: wagtail.users.widgets is gone.)
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device
from django_otp.middleware import OTPMiddleware

from .paths import is_admin_path

ENROL_URL_NAME = "tweestaps_instellen"
VERIFY_URL_NAME = "tweestaps_controle"
# Admin URLs that work before the second step: signing in and out, the two-factor pages themselves,
# and what those pages load (the admin's icons and translations).
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "login",
    "logout",
    ENROL_URL_NAME,
    VERIFY_URL_NAME,
}


def must_use_two_factor(user):
    """Whether this account is asked for a code: its role requires it, or it has set up a device."""
    return user.has_perm("redactie.view_melding") or user_has_device(user, confirmed=True)


def _is_open(path):
    try:
        return resolve(path).url_name in OPEN_URL_NAMES
    except Resolver404:
        return True  # answers 404 anyway


class AdminTwoFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (request.user.is_verified()) plus: admin URLs need a verified device."""

    async_capable = False

    def __call__(self, request):
        self._install_lazy_accessors(request)
        user = request.user
        if (
            settings.REQUIRE_2FA
            and user.is_authenticated
            and is_admin_path(request.path_info)
            and not user.is_verified()
            and not _is_open(request.path_info)
            and must_use_two_factor(user)
        ):
            step = VERIFY_URL_NAME if user_has_device(user, confirmed=True) else ENROL_URL_NAME
            return redirect_to_login(request.get_full_path(), login_url=reverse(step))
        return self.get_response(request)
