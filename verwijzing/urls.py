"""Inside i18n_patterns: /verwijskaart/... (the professional's interface language; the card picks its own)."""

from django.urls import path

from . import views

urlpatterns = [
    path("verwijskaart/", views.lijst, name="verwijskaart"),
    path("verwijskaart/toevoegen/<int:page_id>/", views.toevoegen, name="verwijskaart_toevoegen"),
    path("verwijskaart/weghalen/<int:page_id>/", views.verwijderen, name="verwijskaart_weghalen"),
    path("verwijskaart/kaart/", views.kaart_html, name="verwijskaart_kaart"),
    path("verwijskaart/kaart.pdf", views.kaart_pdf, name="verwijskaart_pdf"),
]
