"""Two-factor sign-in for communitymanagers and the Beheerder; sign-in attempts limited."""

import pytest
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from redactie.groups import WOORDENLIJST_REDACTIE, cm_name, ww_name

from .redactie_support import BUURT_A, buurt, make_user

PASSWORD = "geheim-wachtwoord-123"
ENROL = "/admin/tweestaps/instellen/"
VERIFY = "/admin/tweestaps/controle/"


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def wrong_code(device):
    return "000000" if current_code(device) != "000000" else "111111"


def password_login(username, password=PASSWORD):
    client = Client()
    response = client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})
    return client, response


@pytest.fixture
def cm(db, django_user_model):
    return make_user(django_user_model, "cm-2fa", cm_name(buurt(BUURT_A).title))


@pytest.fixture
def ww(db, django_user_model):
    return make_user(django_user_model, "ww-2fa", ww_name(buurt(BUURT_A).title))


@override_settings(REQUIRE_2FA=True)
def test_communitymanager_must_enrol_before_reaching_the_admin(cm):
    client, response = password_login("cm-2fa")
    assert response.status_code == 302
    for url in ("/admin/", "/admin/pages/", "/admin/redactie/meldingen/"):
        blocked = client.get(url)
        assert blocked.status_code == 302
        assert blocked["Location"].startswith(ENROL)

    page = client.get(ENROL + "?next=/admin/pages/")
    assert "scan deze QR-code" in page.content.decode()
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=cm, confirmed=False)

    wrong = client.post(ENROL, {"code": wrong_code(device), "next": "/admin/"})
    assert "Deze code klopt niet" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # the editor waited the second that a wrong code costs

    done = client.post(ENROL, {"code": current_code(device), "next": "/admin/pages/"})
    assert done.status_code == 302 and done["Location"] == "/admin/pages/"
    assert TOTPDevice.objects.get(user=cm).confirmed
    assert client.get("/admin/").status_code == 200


@override_settings(REQUIRE_2FA=True)
def test_communitymanager_with_a_device_types_its_code(cm):
    device = TOTPDevice.objects.create(user=cm, name="app", confirmed=True)
    client, _ = password_login("cm-2fa")
    blocked = client.get("/admin/")
    assert blocked.status_code == 302 and blocked["Location"].startswith(VERIFY)
    # Knowing the password is not enough to set up another app.
    assert client.get(ENROL)["Location"].startswith(VERIFY)

    wrong = client.post(VERIFY, {"code": wrong_code(device)})
    assert "Deze code klopt niet" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    too_soon = client.post(VERIFY, {"code": current_code(device)})
    assert "Je hebt te vaak een verkeerde code ingevuld" in too_soon.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # the editor waited the second that a wrong code costs

    ok = client.post(VERIFY, {"code": current_code(device), "next": "/admin/"})
    assert ok["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@override_settings(REQUIRE_2FA=True)
def test_welzijnswerker_reads_reports_so_is_forced(ww):
    """Welzijnswerkers read their buurt's meldingen (with residents' contact details) since issue 16."""
    client, _ = password_login("ww-2fa")
    assert client.get("/admin/")["Location"].startswith(ENROL)


@override_settings(REQUIRE_2FA=True)
def test_glossary_editor_is_not_forced(db, django_user_model):
    make_user(django_user_model, "redacteur-2fa", WOORDENLIJST_REDACTIE)
    client, _ = password_login("redacteur-2fa")
    assert client.get("/admin/").status_code == 200


@override_settings(REQUIRE_2FA=True)
def test_superuser_is_forced(db, django_user_model):
    django_user_model.objects.create_superuser("baas", "baas@example.nl", PASSWORD)
    client, _ = password_login("baas")
    assert client.get("/admin/")["Location"].startswith(ENROL)


@override_settings(REQUIRE_2FA=False)
def test_without_require_2fa_the_demo_admin_signs_in_with_a_password(cm):
    client, _ = password_login("cm-2fa")
    assert client.get("/admin/").status_code == 200


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
@pytest.mark.usefixtures("ww")
def test_after_five_wrong_passwords_sign_in_is_refused_with_a_plain_message(cm):
    client = Client()
    for _attempt in range(4):
        response = client.post("/admin/login/", {"username": "cm-2fa", "password": "fout"})
        assert response.status_code == 200  # the login form again, with its own error
    fifth = client.post("/admin/login/", {"username": "cm-2fa", "password": "fout"})
    # Even the right password is refused now.
    sixth = client.post("/admin/login/", {"username": "cm-2fa", "password": PASSWORD})
    for refused in (fifth, sixth):
        assert refused.status_code == 429
        text = refused.content.decode()
        assert "Je hebt te vaak een verkeerde naam of een verkeerd wachtwoord ingevuld" in text
        assert "Probeer het over 15 minuten opnieuw" in text
    assert "_auth_user_id" not in client.session
    # Another editor from the same address can still sign in.
    assert password_login("ww-2fa")[1].status_code == 302


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_right_password_resets_the_count(cm):
    client = Client()
    for _attempt in range(4):
        client.post("/admin/login/", {"username": "cm-2fa", "password": "fout"})
    assert client.post("/admin/login/", {"username": "cm-2fa", "password": PASSWORD}).status_code == 302
    client.logout()
    for _attempt in range(4):
        assert client.post("/admin/login/", {"username": "cm-2fa", "password": "fout"}).status_code == 200
