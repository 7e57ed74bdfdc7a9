"""Work that follows a change once per transaction, after it commits, for every object the transaction touched.

An import that publishes 90 linked glossary terms, or moves 40 activities to another place, should index each
term or place once after the commit, not once for every change. `once_after_commit(name, ids, run)` gathers the
ids of every call with the same `name` in the open transaction and calls `run(ids)` once when it commits.

- Outside a transaction (autocommit) `run` is called at once.
- A rolled-back transaction drops its callbacks, and so the batch: the next call starts a new one (a batch
  is only added to while it is still among the connection's callbacks).
- A batch that has run takes no more ids: Django's test helper `captureOnCommitCallbacks(execute=True)`
  runs the callbacks but leaves them in the connection's list, so "still among the callbacks" alone would
  add the ids of a later change to a batch that will never run again.

The batch lives on the database connection (one per thread): it is work of this process for its own
transaction, not state that other processes read.
"""

from django.db import transaction


class _Batch:
    def __init__(self, run):
        self.ids = set()
        self.run = run
        self.done = False

    def __call__(self):
        self.done = True
        self.run(frozenset(self.ids))


def _open(connection, batch):
    return not batch.done and any(callback is batch for _sids, callback, *_rest in connection.run_on_commit)


def once_after_commit(name, ids, run):
    """Call run(ids) once after the open transaction commits, with the ids of every call named `name` in it."""
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return
    connection = transaction.get_connection()
    batches = connection.__dict__.setdefault("zb_after_commit", {})
    batch = batches.get(name)
    if batch is not None and _open(connection, batch):
        batch.ids.update(ids)
        return
    batch = batches[name] = _Batch(run)
    batch.ids.update(ids)
    transaction.on_commit(batch)  # outside a transaction: at once
