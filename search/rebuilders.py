"""`update_index` for the OpenSearch backend: queued writes it made obsolete are forgotten, the alias
moves in one request, and the glossary's terms in other words (concepts.py) are rebuilt with it."""

from django.utils import timezone
from modelsearch.backends.elasticsearchbase import ElasticsearchAtomicIndexRebuilder, ElasticsearchIndexRebuilder
from wagtail.models import Page

from . import concepts, pending


class QueueClearingRebuilderMixin:
    """`update_index` reads everything from the database: queued changes from before it began are done."""

    def start(self):
        self.started_at = timezone.now()
        return super().start()

    def finish(self):
        super().finish()
        target = getattr(self, "alias", self.index)  # the name searches use
        pending.forget_rebuilt(target.backend, target.name, self.started_at)
        rebuild_concepts(target)


class QueueClearingIndexRebuilder(QueueClearingRebuilderMixin, ElasticsearchIndexRebuilder):
    pass


class AtomicAliasRebuilder(QueueClearingRebuilderMixin, ElasticsearchAtomicIndexRebuilder):
    """Moves the alias to the new index in one request. Wagtail's rebuilder adds the new index to the
    alias first and removes the old one after: searches in between find every page twice."""

    def finish(self):
        self.index.refresh()
        if not self.alias.is_alias():
            return super().finish()  # first build: nothing answers under this name yet
        old = [index.name for index in self.alias.aliased_indices() if index.name != self.index.name]
        actions = [{"remove": {"index": name, "alias": self.alias.name}} for name in old]
        actions.append({"add": {"index": self.index.name, "alias": self.alias.name}})
        self.index.backend.update_aliases(actions)
        for name in old:
            self.index.backend.index_class(self.index.backend, name).delete()
        pending.forget_rebuilt(self.alias.backend, self.alias.name, self.started_at)
        rebuild_concepts(self.alias)


def rebuild_concepts(index):
    """After `update_index` rebuilt the page index: the glossary terms in other words (concepts.py),
    with the same analysis."""
    backend = index.backend
    if index.name == backend.get_index_for_model(Page).name:
        concepts.rebuild(backend)
