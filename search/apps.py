from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = _("Zoeken")

    def ready(self):
        from django.db.models.signals import post_migrate

        from portal.cache import create_cache_table

        # checks: ELASTICSEARCH_URL → a clear error; signals: glossary change → search synonyms;
        # signals_vocabulary: publish/unpublish/delete → the typo vocabulary
        from . import checks, signals, signals_vocabulary  # noqa: F401

        # The shared cache's table (when there is no REDIS_URL) comes with `migrate`: no extra deploy step.
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="portal_create_cache_table")
