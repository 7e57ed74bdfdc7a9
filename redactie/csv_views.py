"""Admin import (upload → preview with every problem per line → confirm) and export, per buurt, CSV or Excel.

Communitymanagers publish what they import; a welzijnswerker's import goes to the buurt's approval workflow.
"""

import base64

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.corpus import ImportFailed
from home.corpus.xlsx import name_sheets

from . import importing
from .admin_views import editable_buurten
from .export import buurt_rows, glossary_rows, to_csv, to_xlsx
from .forms import ImportForm
from .groups import buurten_for, is_glossary_editor

SESSION_KEY = "redactie_import"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WORKBOOK_NAME = "werkboek.xlsx"  # the export of a whole buurt: one sheet per file


def _rights(user):
    """(buurten this user may edit, ids of those whose imports need approval, may edit the glossary)."""
    buurten = editable_buurten(user)
    glossary = is_glossary_editor(user)
    if not buurten and not glossary:
        raise PermissionDenied
    publishes = {b.pk for b in buurten_for(user)}
    moderated = {b.pk for b in buurten if b.pk not in publishes}
    return buurten, moderated, glossary


def _allowed_fields(buurten, glossary):
    fields = (["voorzieningen", "activiteiten"] if buurten else []) + (["woordenlijst"] if glossary else [])
    return [*fields, importing.WORKBOOK_FIELD]


def _context(buurten, moderated, glossary, **extra):
    return {
        "buurten": buurten,
        "moderated": [b for b in buurten if b.pk in moderated],
        "glossary": glossary,
        **extra,
    }


def import_view(request):
    buurten, moderated, glossary = _rights(request.user)
    allowed = _allowed_fields(buurten, glossary)
    context = _context(buurten, moderated, glossary, page_title=_("Importeren"), header_icon="upload")
    if request.method == "POST" and request.POST.get("stap") == "bevestig":
        return _confirm(request, buurten, moderated, glossary, context)
    form = ImportForm(request.POST or None, request.FILES or None, allowed=allowed)
    if request.method == "POST" and form.is_valid():
        uploads = [(name, upload.name, upload.read()) for name, upload in form.cleaned_data.items() if upload]
        files, problems = importing.read_uploads(uploads)
        result = importing.preview(files, buurten, glossary, problems)
        if result.ok and not result.nothing_to_do:
            request.session[SESSION_KEY] = [(f, n, base64.b64encode(d).decode()) for f, n, d in uploads]
        else:
            request.session.pop(SESSION_KEY, None)
        context.update(form=form, result=result, files=sorted(files))
        return render(request, "redactie/admin/import.html", context, status=200 if result.ok else 422)
    context["form"] = form
    return render(request, "redactie/admin/import.html", context, status=400 if form.errors else 200)


def _confirm(request, buurten, moderated, glossary, context):
    stored = request.session.pop(SESSION_KEY, None)
    if not stored:
        messages.error(request, _("Er is geen bestand om te importeren. Kies het bestand opnieuw."))
        return redirect("redactie_import")
    files, problems = importing.read_uploads([(f, n, base64.b64decode(d)) for f, n, d in stored])
    result = importing.preview(files, buurten, glossary, problems)
    empty_form = ImportForm(allowed=_allowed_fields(buurten, glossary))
    if not result.ok:
        context.update(form=empty_form, result=result, files=sorted(files))
        return render(request, "redactie/admin/import.html", context, status=422)
    try:
        counts = importing.apply(result, user=request.user, moderated=moderated)
    except ImportFailed as failed:
        result.problems = name_sheets(failed.problems, files)
        context.update(form=empty_form, result=result, files=sorted(files))
        return render(request, "redactie/admin/import.html", context, status=422)
    created = sum(c["created"] for c in counts.values())
    updated = sum(c["updated"] for c in counts.values())
    if moderated:
        done = _("Alles is opgeslagen. De communitymanager van je buurt keurt het goed en zet het dan op de website.")
    else:
        done = _("Alles is opgeslagen en gepubliceerd.")
    messages.success(
        request,
        ngettext("%(created)s pagina nieuw", "%(created)s pagina's nieuw", created) % {"created": created}
        + ", "
        + ngettext("%(updated)s bijgewerkt.", "%(updated)s bijgewerkt.", updated) % {"updated": updated}
        + " "
        + done,
    )
    return redirect("redactie_import")


def export_view(request):
    buurten, moderated, glossary = _rights(request.user)
    context = _context(buurten, moderated, glossary, page_title=_("Exporteren"), header_icon="download")
    return render(request, "redactie/admin/export.html", context)


def _download(name, data, prefix=""):
    content_type = XLSX_TYPE if name.endswith(".xlsx") else "text/csv; charset=utf-8"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{prefix}{name}"'
    return response


def export_buurt(request, buurt_id, name):
    buurten, moderated, glossary = _rights(request.user)
    buurt = next((b for b in buurten if b.pk == buurt_id), None)
    if buurt is None:
        return _refused(request, buurten, moderated, glossary, buurt_id)
    rows = buurt_rows(buurt)
    if name == WORKBOOK_NAME:
        return _download(name, to_xlsx(rows), prefix=f"{buurt.slug}-")
    if name not in importing.BUURT_FILES:
        raise Http404
    return _download(name, to_csv(name, rows[name]), prefix=f"{buurt.slug}-")


def _refused(request, buurten, moderated, glossary, buurt_id):
    """A plain 'not your buurt' that names the buurt asked for (403)."""
    from activiteiten.models import BuurtPage

    other = BuurtPage.objects.filter(pk=buurt_id).first()
    if other is None:
        raise Http404
    context = _context(buurten, moderated, glossary, page_title=_("Exporteren"), header_icon="download")
    context["refused"] = _("%(buurt)s is niet jouw buurt. Je kunt alleen je eigen buurt exporteren: %(own)s.") % {
        "buurt": other.title,
        "own": ", ".join(b.title for b in buurten) or "–",
    }
    return render(request, "redactie/admin/export.html", context, status=403)


def export_glossary(request, fmt="csv"):
    _rights(request.user)
    rows = glossary_rows()
    if fmt == "xlsx":
        return _download("woordenlijst.xlsx", to_xlsx({importing.GLOSSARY_FILE: rows}))
    return _download(importing.GLOSSARY_FILE, to_csv(importing.GLOSSARY_FILE, rows))
