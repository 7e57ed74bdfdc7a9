"""Which URLs belong to an admin (Wagtail's and Django's): one place for the CSP and the two-factor rule."""

from django.urls import reverse


def admin_prefixes():
    return (reverse("wagtailadmin_home"), reverse("admin:index"))


def is_admin_path(path):
    return path.startswith(admin_prefixes())
