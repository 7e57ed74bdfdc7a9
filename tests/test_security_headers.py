"""Security headers on public pages and the admin; image uploads within limits, with a plain message."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Collection

PUBLIC_PAGES = ["/", "/presikhaaf/", "/agenda/", "/woordenlijst/", "/zoeken/?q=koffie", "/en/presikhaaf/"]


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_have_a_strict_csp_and_permissions_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_admin_gets_the_relaxed_csp_only_under_admin(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["object-src"] == ["'none'"]
    assert "gravatar" not in response.content.decode()  # no editor's e-mail hash sent elsewhere
    public = admin_client.get("/presikhaaf/")
    assert "unsafe-inline" not in public["Content-Security-Policy"]


def upload(client, title, file):
    root = Collection.get_first_root_node()
    return client.post("/admin/images/add/", {"title": title, "file": file, "collection": root.pk})


def png(width, height):
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, format="PNG")
    return SimpleUploadedFile("groot.png", buffer.getvalue(), content_type="image/png")


@pytest.mark.django_db
def test_image_with_too_many_pixels_is_refused_with_a_plain_message(admin_client):
    # 8000 × 5001 = 40,008,000 pixels, just over the limit; a black-and-white PNG of a few hundred KB.
    before = WagtailImage.objects.count()
    response = upload(admin_client, "Te groot", png(8000, 5001))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Deze foto is te groot: 40008000 pixels. Het maximum is 40000000 pixels." in text
    assert WagtailImage.objects.count() == before


@pytest.mark.django_db
def test_image_file_too_large_is_refused_with_a_plain_message(admin_client):
    # Noise does not compress: 3300 × 3300 grey pixels make a PNG just over the 10 MB limit.
    noise = Image.frombytes("L", (3300, 3300), os.urandom(3300 * 3300))
    buffer = io.BytesIO()
    noise.save(buffer, format="PNG", compress_level=0)
    before = WagtailImage.objects.count()
    response = upload(admin_client, "Te zwaar", SimpleUploadedFile("zwaar.png", buffer.getvalue()))
    assert "Dit bestand is te groot: 10,4\xa0MB. Het maximum is 10,0\xa0MB." in response.content.decode()
    assert WagtailImage.objects.count() == before


@pytest.mark.django_db
def test_image_within_limits_is_stored(admin_client):
    before = WagtailImage.objects.count()
    response = upload(admin_client, "Goed", png(400, 300))
    assert response.status_code == 302
    assert WagtailImage.objects.count() == before + 1
