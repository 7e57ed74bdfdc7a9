"""Residents' reports: contact details go after the retention period; one person's reports can be exported and deleted."""
# ruff: noqa: F811  (pytest fixtures imported from redactie_support)

import csv
import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from redactie.models import Melding

from .redactie_support import activiteit_a, buurt_a, cm_a, login  # noqa: F401

RETENTION_DAYS = 365


def report(page, contact, handled_days_ago=None, bericht="De tijd klopt niet."):
    item = Melding.objects.create(
        page=page, buurt=page.get_parent(), pagina_titel=page.title, bericht=bericht, contact=contact
    )
    if handled_days_ago is not None:
        Melding.objects.filter(pk=item.pk).update(
            afgehandeld=True, afgehandeld_op=timezone.now() - timedelta(days=handled_days_ago)
        )
    return item


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@override_settings(MELDING_RETENTION_DAYS=RETENTION_DAYS)
def test_contact_details_go_after_the_retention_period(activiteit_a):
    old = report(activiteit_a, "oud@example.nl", handled_days_ago=RETENTION_DAYS + 1)
    recent = report(activiteit_a, "06-11111111", handled_days_ago=RETENTION_DAYS - 1)
    still_open = report(activiteit_a, "open@example.nl")
    Melding.objects.filter(pk=still_open.pk).update(ontvangen_op=timezone.now() - timedelta(days=3 * RETENTION_DAYS))
    out, _err = run("opschonen_meldingen", "--proef")
    assert out.startswith("1 meldingen")
    assert Melding.objects.get(pk=old.pk).contact == "oud@example.nl"  # a trial run changes nothing
    out, _err = run("opschonen_meldingen")
    assert "1 meldingen" in out
    stored = {m.pk: m for m in Melding.objects.all()}
    assert stored[old.pk].contact == "" and stored[old.pk].bericht == "De tijd klopt niet."
    assert stored[recent.pk].contact == "06-11111111"
    assert stored[still_open.pk].contact == "open@example.nl"


def test_handling_in_the_admin_records_when(activiteit_a, cm_a):
    item = report(activiteit_a, "bewoner@example.nl")
    client = login(cm_a)
    client.post(reverse("redactie_meldingen"), {"melding": item.pk, "afgehandeld": "1"})
    item.refresh_from_db()
    assert item.afgehandeld and item.afgehandeld_op is not None
    client.post(reverse("redactie_meldingen"), {"melding": item.pk, "afgehandeld": "0"})
    item.refresh_from_db()
    assert not item.afgehandeld and item.afgehandeld_op is None


def test_one_persons_reports_exported_as_json_and_csv_then_deleted(activiteit_a, tmp_path):
    mine = [
        report(activiteit_a, "Jan.Jansen@example.nl", bericht="De tijd klopt niet."),
        report(activiteit_a, "", bericht="Mail mij: jan.jansen@example.nl, het adres is fout."),
    ]
    other = report(activiteit_a, "piet@example.nl")
    out, _err = run("meldingen_van_persoon", "jan.jansen@example.nl")
    exported = json.loads(out)
    assert sorted(r["id"] for r in exported) == sorted(m.pk for m in mine)
    assert {r["bericht"] for r in exported} == {m.bericht for m in mine}
    target = tmp_path / "jan.csv"
    run("meldingen_van_persoon", "jan.jansen@example.nl", "--formaat", "csv", "--uitvoer", str(target))
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert sorted(int(r["id"]) for r in rows) == sorted(m.pk for m in mine)
    _out, err = run("meldingen_van_persoon", "jan.jansen@example.nl", "--verwijder")
    assert "--zeker" in err and Melding.objects.filter(pk__in=[m.pk for m in mine]).count() == 2
    _out, err = run("meldingen_van_persoon", "jan.jansen@example.nl", "--verwijder", "--zeker")
    assert "2 meldingen" in err
    assert not Melding.objects.filter(pk__in=[m.pk for m in mine]).exists()
    assert Melding.objects.filter(pk=other.pk).exists()


def test_a_request_without_a_valid_address_is_refused(db):
    with pytest.raises(CommandError, match="geen e-mailadres"):
        run("meldingen_van_persoon", "jan")
