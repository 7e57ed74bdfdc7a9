"""Language-prefixed (/open-data/, /en/open-data/ …): the page that lists the open-data files."""

from django.urls import path

from . import views

urlpatterns = [path("open-data/", views.open_data, name="open_data")]
