from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "portal.security"
    label = "portal_security"
    verbose_name = "Beveiliging"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deploy checks
