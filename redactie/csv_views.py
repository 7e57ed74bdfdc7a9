"""Admin CSV import (upload → preview with every problem per line → confirm) and export, per buurt."""

import base64

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.corpus import ImportFailed

from . import importing
from .export import buurt_rows, glossary_rows, to_csv
from .forms import ImportForm
from .groups import buurten_for, is_glossary_editor

SESSION_KEY = "redactie_import"


def _rights(user):
    buurten = list(buurten_for(user))
    glossary = is_glossary_editor(user)
    if not buurten and not glossary:
        raise PermissionDenied
    return buurten, glossary


def _allowed_fields(buurten, glossary):
    return (["voorzieningen", "activiteiten"] if buurten else []) + (["woordenlijst"] if glossary else [])


def import_view(request):
    buurten, glossary = _rights(request.user)
    allowed = _allowed_fields(buurten, glossary)
    context = {"buurten": buurten, "glossary": glossary, "page_title": _("CSV importeren"), "header_icon": "upload"}
    if request.method == "POST" and request.POST.get("stap") == "bevestig":
        return _confirm(request, buurten, glossary, context)
    form = ImportForm(request.POST or None, request.FILES or None, allowed=allowed)
    if request.method == "POST" and form.is_valid():
        files = {f"{name}.csv": upload.read() for name, upload in form.cleaned_data.items() if upload}
        result = importing.preview(files, buurten, glossary)
        if result.ok and not result.nothing_to_do:
            request.session[SESSION_KEY] = {name: base64.b64encode(data).decode() for name, data in files.items()}
        else:
            request.session.pop(SESSION_KEY, None)
        context.update(form=form, result=result, files=sorted(files))
        return render(request, "redactie/admin/import.html", context, status=200 if result.ok else 422)
    context["form"] = form
    return render(request, "redactie/admin/import.html", context, status=400 if form.errors else 200)


def _confirm(request, buurten, glossary, context):
    stored = request.session.pop(SESSION_KEY, None)
    if not stored:
        messages.error(request, _("Er is geen bestand om te importeren. Kies het bestand opnieuw."))
        return redirect("redactie_import")
    files = {name: base64.b64decode(data) for name, data in stored.items()}
    result = importing.preview(files, buurten, glossary)
    if not result.ok:
        context.update(form=ImportForm(allowed=_allowed_fields(buurten, glossary)), result=result, files=sorted(files))
        return render(request, "redactie/admin/import.html", context, status=422)
    try:
        counts = importing.apply(result)
    except ImportFailed as failed:
        result.problems = failed.problems
        context.update(form=ImportForm(allowed=_allowed_fields(buurten, glossary)), result=result, files=sorted(files))
        return render(request, "redactie/admin/import.html", context, status=422)
    created = sum(c["created"] for c in counts.values())
    updated = sum(c["updated"] for c in counts.values())
    messages.success(
        request,
        ngettext("%(created)s pagina nieuw", "%(created)s pagina's nieuw", created) % {"created": created}
        + ", "
        + ngettext("%(updated)s bijgewerkt.", "%(updated)s bijgewerkt.", updated) % {"updated": updated}
        + " "
        + _("Alles is opgeslagen en gepubliceerd."),
    )
    return redirect("redactie_import")


def export_view(request):
    buurten, glossary = _rights(request.user)
    context = {"buurten": buurten, "glossary": glossary, "page_title": _("CSV exporteren"), "header_icon": "download"}
    return render(request, "redactie/admin/export.html", context)


def _csv_response(name, data, prefix=""):
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{prefix}{name}"'
    return response


def export_buurt(request, buurt_id, name):
    buurten, _glossary = _rights(request.user)
    buurt = next((b for b in buurten if b.pk == buurt_id), None)
    if buurt is None:
        raise PermissionDenied
    if name not in importing.BUURT_FILES:
        raise Http404
    return _csv_response(name, to_csv(name, buurt_rows(buurt)[name]), prefix=f"{buurt.slug}-")


def export_glossary(request):
    _rights(request.user)
    return _csv_response(importing.GLOSSARY_FILE, to_csv(importing.GLOSSARY_FILE, glossary_rows()))
