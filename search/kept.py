"""A small store of recent results, one per process: least recently used goes first, and an entry is
used for at most `seconds` (a number, or a function that returns one, read at every use; 0 or less:
nothing is kept). The engine keeps query analyses and rankings in one, search.answers whole answers."""

import threading
import time
from collections import OrderedDict


class Kept:
    def __init__(self, size, seconds):
        self.size = size
        self._seconds = seconds if callable(seconds) else (lambda: seconds)
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key, compute):
        """The kept value for `key`, or `compute()` (kept for next time). Values must not be None."""
        seconds = self._seconds()
        if seconds <= 0:
            return compute()
        now = time.monotonic()
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None and now - hit[0] < seconds:
                self._entries.move_to_end(key)
                return hit[1]
        value = compute()
        with self._lock:
            self._entries[key] = (now, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value

    def clear(self, **kwargs):
        with self._lock:
            self._entries.clear()
