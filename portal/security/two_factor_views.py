"""The two admin pages of the second sign-in step: set up an authenticator app, and type its code."""

from base64 import b32encode

import segno
from django import forms
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from .two_factor import ENROL_URL_NAME, VERIFY_URL_NAME

DEVICE_NAME = "Authenticator-app"
QR_SCALE = 6  # pixels per QR module: about 200 px wide, easy for a phone camera


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code uit je app (6 cijfers)"),
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())  # "123 456" as the app shows it


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def _code_problem(device, code):
    """None when the code is right; otherwise what to tell the editor. After each wrong code django-otp
    makes the next try wait (1, 2, 4, ... seconds), which stops guessing the 6 digits."""
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        return _("Je hebt te vaak een verkeerde code ingevuld. Wacht een minuut en probeer het dan opnieuw.")
    if device.verify_token(code):
        return None
    return _("Deze code klopt niet. Typ de 6 cijfers die je app nu laat zien.")


def enrol(request):
    """Scan the QR code (or type the key) in an authenticator app, then confirm with its first code."""
    user = request.user
    if user_has_device(user, confirmed=True):
        return redirect(f"{reverse(VERIFY_URL_NAME)}?next={_next_url(request)}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        problem = _code_problem(device, form.cleaned_data["code"])
        if problem is None:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", problem)
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=QR_SCALE, title=_("QR-code voor je app"))
    return render(
        request,
        "security/tweestaps_instellen.html",
        {
            "form": form,
            "qr_svg": mark_safe(qr_svg),  # noqa: S308 - made by segno from our own URL
            "secret": b32encode(device.bin_key).decode(),
            "next": _next_url(request),
        },
    )


def verify(request):
    """Type the code from the app that was set up before."""
    user = request.user
    if not user_has_device(user, confirmed=True):
        return redirect(f"{reverse(ENROL_URL_NAME)}?next={_next_url(request)}")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        problems = {}
        for device in TOTPDevice.objects.devices_for_user(user, confirmed=True):
            problems[device] = _code_problem(device, form.cleaned_data["code"])
            if problems[device] is None:
                otp_login(request, device)
                return redirect(_next_url(request))
        form.add_error("code", next(iter(problems.values())))
    return render(request, "security/tweestaps_controle.html", {"form": form, "next": _next_url(request)})
