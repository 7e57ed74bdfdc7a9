"""The query log counts every search, also when many processes write it at the same time (PostgreSQL)."""
# ruff: noqa: F811  (pytest fixtures imported from the support modules)

import random
import threading
from collections import Counter
from datetime import date

import pytest
from django.db import connection, connections
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search import querylog
from search.models import ZoekDag

from .redis_support import real_redis  # noqa: F401

WRITERS = 8  # threads, each with its own database connection (as worker processes have)
ROUNDS = 25  # flushes per writer
TERMS = 30  # different searches in every flush: more rows per transaction, more chances to cross
DAY = date(2026, 11, 20)
PREFIX = "zz-gelijktijdig-"


def batch(rng):
    """One flush's worth: every term once found, once not, in this writer's own (shuffled) order."""
    keys = [(f"{PREFIX}{i:02d}", "nl", DAY, found) for i in range(TERMS) for found in (True, False)]
    rng.shuffle(keys)
    return Counter(dict.fromkeys(keys, 1))


def remove_test_rows():
    """In a connection of its own: the test's connection is rolled back, the writers' rows are committed."""

    def remove():
        try:
            ZoekDag.objects.filter(zoekterm__startswith=PREFIX).delete()
            QueryDailyHits.objects.filter(query__query_string__startswith=PREFIX).delete()
            Query.objects.filter(query_string__startswith=PREFIX).delete()
        finally:
            connections.close_all()

    thread = threading.Thread(target=remove)
    thread.start()
    thread.join()


@pytest.mark.postgres
@pytest.mark.django_db
def test_concurrent_writers_lose_no_searches(caplog):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://… (CI: the postgres job)")
    errors = []

    def writer(seed):
        rng = random.Random(seed)
        try:
            for _ in range(ROUNDS):
                querylog.write_counts(batch(rng))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(seed,)) for seed in range(WRITERS)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []  # before: "deadlock detected", and the flush's searches were lost
        expected = WRITERS * ROUNDS * 2  # every term found once and not found once per flush
        rows = {r.zoekterm: (r.aantal, r.zonder_resultaat) for r in ZoekDag.objects.filter(zoekterm__startswith=PREFIX)}
        assert rows == {f"{PREFIX}{i:02d}": (expected, expected // 2) for i in range(TERMS)}
        hits = QueryDailyHits.objects.filter(query__query_string__startswith=PREFIX, date=DAY)
        assert sorted(h.hits for h in hits) == [expected] * TERMS
    finally:
        remove_test_rows()  # the writers committed in their own connections: not rolled back with the test


@pytest.mark.django_db
def test_a_failed_write_keeps_the_searches_for_the_next_flush(monkeypatch):
    from django.db import OperationalError

    querylog.flush()
    real = querylog._write
    monkeypatch.setattr(querylog, "_write", lambda pending: (_ for _ in ()).throw(OperationalError("database weg")))
    querylog.record_query("zz-bewaard-bij-een-fout", "nl", True)  # SEARCH_LOG_SECONDS = 0 in tests: flushes at once
    assert not ZoekDag.objects.filter(zoekterm="zz-bewaard-bij-een-fout").exists()
    monkeypatch.setattr(querylog, "_write", real)
    querylog.flush()
    assert ZoekDag.objects.get(zoekterm="zz-bewaard-bij-een-fout").aantal == 1


def test_with_redis_counts_wait_in_redis_not_in_the_process(real_redis, db, settings):
    """A process that counted searches and then died loses none: any process writes them."""
    from search import shared_counts

    settings.SEARCH_LOG_SECONDS = 3600  # nothing is written while counting
    for found in (True, True, False):
        querylog.record_query("zz-gedeeld-geteld", "nl", found)
    assert not querylog._pending  # nothing waits in this process
    assert sum(shared_counts.take().values()) == 3  # ... all in Redis (taken out here, put back below)
    for found in (True, True, False):
        querylog.record_query("zz-gedeeld-geteld", "nl", found)
    querylog.flush()  # "another process" (the hash is shared; this one holds nothing)
    row = ZoekDag.objects.get(zoekterm="zz-gedeeld-geteld")
    assert (row.aantal, row.zonder_resultaat) == (3, 1)
    assert shared_counts.take() == Counter()
