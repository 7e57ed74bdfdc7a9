"""Index changes that could not reach the search engine wait in the database until it is back.

When a write to the engine fails (the cluster is down, too slow, or known to be down), the engine
backend (search/backends.py) calls `remember()`: one PendingIndexChange row per object, the newest
change wins. Publishing, unpublishing, moving and deleting still succeed for the editor.

`replay()` writes the waiting changes. The database is the truth at that moment: an object that
still exists (and is indexable) is indexed as it is now, one that is gone is removed from the engine.
It runs:

- automatically after the next successful write to the engine, and after a search that the engine
  answers again after an outage (`after_engine_answer`; no extra request per search: at most one
  small database query per process per CHECK_EVERY seconds);
- by hand or from cron: `python manage.py replay_search_queue`;
- `update_index` rebuilds everything, so it removes the rows it covers (`forget_rebuilt`).
"""

import logging
import threading
import time
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from modelsearch.backends.base import get_model_root
from modelsearch.index import class_is_indexed, get_indexed_instance, get_indexed_models

from .models import PendingIndexChange

logger = logging.getLogger(__name__)

CHECK_EVERY = 60.0  # seconds between two looks at the queue from the search path, per process
AUTO_BUDGET = {"search": 0.5, "write": 2.0}  # seconds an automatic replay may add to a request
MAX_AUTO_ATTEMPTS = 5  # a change that failed this often for another reason waits for the command

_local = threading.local()
_check_lock = threading.Lock()
_next_check = [0.0]  # monotonic time of the next look at the queue (search path)


class EngineDown(Exception):
    """The engine failed shortly before: the write was not tried (see the warning before this one)."""


def reset():
    """Look at the queue at the next engine answer (tests)."""
    with _check_lock:
        _next_check[0] = 0.0


def describe(exc):
    return f"{type(exc).__name__}: {exc}"[:255]


def _root_content_type(model):
    return ContentType.objects.get_for_model(get_model_root(model))


def remember(obj, action, exc):
    """Keep `action` ("index" or "delete") for `obj` until the engine is back. Never raises."""
    try:
        content_type = _root_content_type(type(obj))
        values = {"action": action, "queued_at": timezone.now(), "attempts": 0, "error": describe(exc)}
        key = {"content_type": content_type, "object_id": str(obj.pk)}
        try:
            with transaction.atomic():
                PendingIndexChange.objects.update_or_create(**key, defaults=values)
        except IntegrityError:  # another process queued the same object at the same moment
            PendingIndexChange.objects.filter(**key).update(**values)
    except DatabaseError:
        logger.exception(
            "Search engine unreachable and the change to %r could not be queued; run update_index later", obj
        )
        return
    logger.warning(
        "Search engine write failed (%s); '%s' of %s %s is queued and will be replayed",
        describe(exc)[:200],
        action,
        type(obj).__name__,
        obj.pk,
    )


def waiting(automatic=False):
    rows = PendingIndexChange.objects.select_related("content_type").order_by("queued_at", "pk")
    return rows.filter(attempts__lt=MAX_AUTO_ATTEMPTS) if automatic else rows


@dataclass
class Replay:
    indexed: list = field(default_factory=list)  # labels of objects written to the engine
    removed: list = field(default_factory=list)  # labels of objects removed from the engine
    failed: list = field(default_factory=list)  # (label, error) of changes that stay in the queue
    unreachable: str = ""  # the error when the engine stopped answering during the replay
    remaining: int = 0  # rows still waiting afterwards
    synonyms: list = field(default_factory=list)  # indexes that got the current glossary synonyms

    @property
    def done(self):
        return len(self.indexed) + len(self.removed)


def _label(model, pk, instance):
    title = getattr(instance, "title", "") if instance is not None else ""
    name = str(model._meta.verbose_name)
    return f"{name} {pk} ({title})" if title else f"{name} {pk}"


def _current(row):
    """(model, indexable instance or None) for a row, as the database has it now."""
    model = row.content_type.model_class()
    if model is None or not class_is_indexed(model):
        return model, None
    obj = model._default_manager.filter(pk=row.object_id).first()
    return model, (get_indexed_instance(obj) if obj is not None else None)


def replay(backends, time_budget=None, automatic=False):
    """Write the waiting changes to `backends` (engine backends). Returns a Replay."""
    result = Replay()
    if getattr(_local, "busy", False):
        return result  # a write made by the replay itself
    _local.busy = True
    started = time.monotonic()
    try:
        for row in list(waiting(automatic)):
            if time_budget is not None and time.monotonic() - started > time_budget:
                break
            if not _replay_row(row, backends, result):
                break
        result.synonyms = _refresh_synonyms(backends) if result.done else []
    finally:
        _local.busy = False
    result.remaining = PendingIndexChange.objects.count()
    return result


def _replay_row(row, backends, result):
    """Replay one row. False when the engine stopped answering (the row stays)."""
    model, instance = _current(row)
    if model is None or not class_is_indexed(model):
        row.delete()  # the model is gone from the code: nothing to index
        return True
    label = _label(model, row.object_id, instance)
    for backend in backends:
        started = time.monotonic()
        try:
            if instance is not None:
                backend.write_to_engine("index", instance)
            else:
                backend.write_to_engine("delete", model(pk=row.object_id))
        except Exception as exc:  # noqa: BLE001 - the replay must never break a search or a publish
            if backend.is_outage(exc):
                backend.mark_down(exc, time.monotonic() - started, doing="replaying the queue")
                result.unreachable = describe(exc)
                return False
            PendingIndexChange.objects.filter(pk=row.pk).update(attempts=F("attempts") + 1, error=describe(exc))
            result.failed.append((label, describe(exc)))
            logger.warning("Queued change for %s could not be written to the engine: %s", label, describe(exc))
            return True
    # Only the version we wrote: a newer change that failed meanwhile keeps its row.
    PendingIndexChange.objects.filter(pk=row.pk, queued_at=row.queued_at).delete()
    (result.indexed if instance is not None else result.removed).append(label)
    return True


def _refresh_synonyms(backends):
    """Glossary terms may have changed during the outage: their synonyms could not be put in then."""
    changed = []
    for backend in backends:
        if not hasattr(backend, "reload_synonyms"):
            continue
        try:
            changed += backend.reload_synonyms()
        except Exception:  # noqa: BLE001
            logger.warning("Glossary synonyms not reloaded after the replay", exc_info=True)
    return changed


def after_engine_answer(backend, recovered=False, wrote=False):
    """Called after the engine answered a search or took a write: replay what waits, if it is time.

    After a write, or when the engine is back after an outage, the queue is checked at once;
    otherwise at most once per CHECK_EVERY seconds per process (one small query, no engine request).
    """
    if getattr(_local, "busy", False):
        return
    now = time.monotonic()
    with _check_lock:
        due = recovered or wrote or now >= _next_check[0]
        if due:
            _next_check[0] = now + CHECK_EVERY
    if not due:
        return
    try:
        if not waiting(automatic=True).exists():
            return
        result = replay([backend], time_budget=AUTO_BUDGET["write" if wrote else "search"], automatic=True)
    except Exception:  # noqa: BLE001 - never break the search or the publish that triggered this
        logger.warning("Replaying the search queue failed", exc_info=True)
        return
    if result.remaining and not result.unreachable:
        reset()  # budget used up: go on at the next answer
    logger.info(
        "Search queue replayed: %d indexed, %d removed, %d failed, %d waiting",
        len(result.indexed),
        len(result.removed),
        len(result.failed),
        result.remaining,
    )


def forget_rebuilt(backend, index_name, started_at):
    """`update_index` rebuilt `index_name` from the database: the rows queued before it began are done."""
    roots = {get_model_root(model) for model in get_indexed_models()}
    models = [m for m in roots if backend.get_index_for_model(m).name == index_name]
    if not models:
        return 0
    try:
        types = ContentType.objects.get_for_models(*models).values()
        deleted, _ = PendingIndexChange.objects.filter(content_type__in=types, queued_at__lte=started_at).delete()
    except DatabaseError:
        logger.warning("Could not clear the search queue after rebuilding %s", index_name, exc_info=True)
        return 0
    if deleted:
        logger.info("Rebuild of %s covers %d queued change(s); removed from the queue", index_name, deleted)
    return deleted
