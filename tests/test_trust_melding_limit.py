"""The feedback form's limit: per resident behind trusted proxies, shared by all processes, with a ceiling."""
# ruff: noqa: F811  (pytest fixtures imported from the support modules)

import threading

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation

from redactie import melding_limit
from redactie.models import Melding

from .redactie_support import activiteit_a, buurt_a  # noqa: F401
from .redis_support import real_redis  # noqa: F401

PROXY = "10.9.9.9"  # the reverse proxy's own address: every request arrives from it


@pytest.fixture(autouse=True)
def empty_cache(db):
    cache.clear()
    yield
    cache.clear()


def send(page, text, remote=PROXY, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return Client(REMOTE_ADDR=remote).post(reverse("melding", args=[page.pk]), {"bericht": text}, **extra)


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_two_residents_behind_one_proxy_are_counted_separately(activiteit_a):
    for i in range(5):
        assert send(activiteit_a, f"Bewoner een, melding {i}.", forwarded="203.0.113.1").status_code == 302
    assert send(activiteit_a, "Bewoner een, nog een.", forwarded="203.0.113.1").status_code == 429
    # Before: every resident shared the proxy's address, so this one was refused too.
    assert send(activiteit_a, "Bewoner twee meldt iets.", forwarded="203.0.113.2").status_code == 302
    assert Melding.objects.count() == 6


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_made_up_forwarded_entry_does_not_get_round_the_limit(activiteit_a):
    # The resident sends their own X-Forwarded-For; the proxy appends the real address on the right.
    for i in range(5):
        forged = f"198.51.100.{i}, 203.0.113.7"
        assert send(activiteit_a, f"Melding {i} met een verzonnen adres.", forwarded=forged).status_code == 302
    response = send(activiteit_a, "Melding met weer een ander verzonnen adres.", forwarded="192.0.2.55, 203.0.113.7")
    assert response.status_code == 429
    assert Melding.objects.count() == 5


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_without_trusted_proxies_the_forwarded_header_is_ignored(activiteit_a):
    for i in range(5):
        assert send(activiteit_a, f"Melding {i}.", remote="203.0.113.9", forwarded=f"198.51.100.{i}").status_code == 302
    assert (
        send(activiteit_a, "Nog een melding over de tijd.", remote="203.0.113.9", forwarded="198.51.100.99").status_code
        == 429
    )


@override_settings(TRUSTED_PROXY_COUNT=1, REDACTIE_MELDING_CEILING=(3, 3600))
def test_the_site_wide_ceiling_refuses_politely_and_keeps_the_text(activiteit_a):
    for i in range(3):
        assert send(activiteit_a, f"Bewoner {i} meldt iets.", forwarded=f"203.0.113.{10 + i}").status_code == 302
    response = send(activiteit_a, "De vierde bewoner meldt iets.", forwarded="203.0.113.20")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Er komen nu heel veel meldingen binnen" in html
    assert "De vierde bewoner meldt iets." in html
    assert Melding.objects.count() == 3


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_the_refusal_is_in_the_readers_language(activiteit_a):
    for i in range(5):
        send(activiteit_a, f"Melding {i}.", forwarded="203.0.113.30")
    extra = {"HTTP_X_FORWARDED_FOR": "203.0.113.30"}
    client = Client(REMOTE_ADDR=PROXY)
    with translation.override("en"):
        url = reverse("melding", args=[activiteit_a.pk])
    response = client.post(url, {"bericht": "One more report in English."}, **extra)
    assert response.status_code == 429
    assert "You have already sent a lot of reports" in response.content.decode()
    assert "One more report in English." in response.content.decode()


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_the_count_is_shared_by_all_processes(real_redis):
    """Two threads, each with its own Redis client and connection pool (as two worker processes have)."""
    outcomes = []

    def worker():
        for _ in range(3):
            request = RequestFactory().post("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.40")
            outcomes.append(melding_limit.take(request))

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes, key=str) == [None] * 5 + [melding_limit.PER_CLIENT]
