from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        from .translatable import decide_translatable_fields

        decide_translatable_fields()
