"""Agenda, calendars, weekoverzicht and the list of places. Included inside i18n_patterns: /agenda/... (nl), /en/agenda/... (en)."""

from django.urls import path

from . import agenda, ical, plekken, weekoverzicht

urlpatterns = [
    path("agenda/", agenda.site_agenda, name="agenda"),
    path("voorzieningen/", plekken.plekken_overzicht, name="voorzieningen"),
    path("agenda/ical/alles.ics", ical.ical_site, name="agenda_ical_site"),
    path("agenda/ical/activiteit/<int:page_id>.ics", ical.ical_activiteit, name="agenda_ical_activiteit"),
    path("agenda/ical/buurt/<slug:slug>.ics", ical.ical_buurt, name="agenda_ical_buurt"),
    path("agenda/ical/categorie/<slug:categorie>.ics", ical.ical_categorie, name="agenda_ical_categorie"),
    path("agenda/<slug:slug>/weekoverzicht/", weekoverzicht.weekoverzicht, name="weekoverzicht"),
    path("agenda/<slug:slug>/weekoverzicht.pdf", weekoverzicht.weekoverzicht_pdf, name="weekoverzicht_pdf"),
]
