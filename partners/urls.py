"""Not language-prefixed: the read API (/api/v2/) and the open-data files (/open-data/<lang>/<file>)."""

from django.urls import path

from . import views
from .api import api_router

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("open-data/<slug:lang>/<str:name>", views.download, name="open_data_file"),
    path("open-data/<str:name>", views.download, name="open_data_file_default"),
]
