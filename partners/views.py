"""The open-data files at stable URLs, and the page that explains them to residents and partners."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from . import exports


@require_safe
def download(request, name, lang=None):
    language = lang or exports.languages()[0]
    if language not in exports.languages() or name not in exports.FILES:
        raise Http404
    response = HttpResponse(exports.text(name, language), content_type=exports.FILES[name])
    response["Content-Disposition"] = f'inline; filename="{language}-{name}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: a partner's web page may read it directly
    return response


# Template names of the files (a template cannot read "hsds.json" from a dict).
KEYS = {"hsds": "hsds.json", "ttl": "woordenlijst.ttl", "jsonld": "woordenlijst.jsonld"}


def open_data(request):
    files = [
        {"code": code, "name": name, **{key: _file_url(file, code) for key, file in KEYS.items()}}
        for code, name in settings.LANGUAGES
    ]
    return render(request, "partners/open_data.html", {"files": files})


def _file_url(name, language):
    return reverse("open_data_file", kwargs={"lang": language, "name": name})
