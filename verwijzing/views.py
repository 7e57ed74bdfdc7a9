"""The referral card: add and remove items (POST, session only), the shortlist with the card form, and
the card itself as a printable page and as a PDF.

The note, the language and the paper size come with the form (POST) and go straight into the card: they are
never stored, not in the session and not in the database. Nothing here is cached (signed-in users only).
"""

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from activiteiten.weekoverzicht import PDF_VARIANT

from . import kaart, shortlist
from .access import may_make_card

LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("tr", "Türkçe"), ("ar", "العربية")]
SIZES = [("A4", gettext_lazy("A4 (groot)")), ("A5", gettext_lazy("A5 (half A4)"))]
# A short note for the resident: a few lines fit under the title of the card in large print.
NOTE_MAX = 300


class KaartForm(forms.Form):
    taal = forms.ChoiceField(label=gettext_lazy("Taal van de bewoner"), choices=LANGUAGES, initial="nl")
    formaat = forms.ChoiceField(label=gettext_lazy("Papier"), choices=SIZES, initial="A4")
    notitie = forms.CharField(
        label=gettext_lazy("Korte notitie voor de bewoner (mag leeg blijven)"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Schrijf geen naam of gegevens van de bewoner op. Dit wordt nergens bewaard."),
    )


def professional_only(view):
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        if not may_make_card(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(wrapped)


def _back(request):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return None


@require_POST
@professional_only
def toevoegen(request, page_id):
    from django.contrib import messages

    page = shortlist.card_page(page_id)
    if page is None:
        messages.error(request, _("Deze pagina kan niet op de verwijskaart."))
    elif shortlist.add(request, page_id):
        messages.success(request, _("‘%(titel)s’ staat op de verwijskaart.") % {"titel": page.title})
    else:
        messages.error(
            request, _("De verwijskaart is vol (%(max)s). Haal eerst iets weg.") % {"max": shortlist.MAX_ITEMS}
        )
    return redirect(_back(request) or "verwijskaart")


@require_POST
@professional_only
def verwijderen(request, page_id):
    shortlist.remove(request, page_id)
    return redirect("verwijskaart")


@professional_only
def lijst(request):
    return render(
        request,
        "verwijzing/lijst.html",
        {"items": shortlist.pages(request), "form": KaartForm(), "max": shortlist.MAX_ITEMS},
    )


def _card_context(request, form):
    language = form.cleaned_data["taal"]
    with translation.override(language):
        return {
            "items": kaart.items(shortlist.pages(request), language, request),
            "notitie": form.cleaned_data["notitie"],
            "formaat": form.cleaned_data["formaat"],
            "taal": language,
        }


def _render_card(request, template, context):
    with translation.override(context["taal"]):
        return render_to_string(template, context, request=request)


@require_POST
@professional_only
def kaart_html(request):
    form = KaartForm(request.POST)
    if not form.is_valid() or not shortlist.ids(request):
        return render(request, "verwijzing/lijst.html", {"items": shortlist.pages(request), "form": form}, status=400)
    context = _card_context(request, form)
    return HttpResponse(_render_card(request, "verwijzing/kaart.html", context))


@require_POST
@professional_only
def kaart_pdf(request):
    from weasyprint import HTML

    form = KaartForm(request.POST)
    if not form.is_valid() or not shortlist.ids(request):
        return render(request, "verwijzing/lijst.html", {"items": shortlist.pages(request), "form": form}, status=400)
    context = _card_context(request, form)
    html = _render_card(request, "verwijzing/kaart_pdf.html", context)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(pdf_variant=PDF_VARIANT)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="verwijskaart-{context["taal"]}.pdf"'
    return response
