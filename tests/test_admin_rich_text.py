"""What an editor can put in a text field (omschrijving, intro) of the admin's rich-text editor."""

import html

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from activiteiten.models import ActiviteitPage


class RichTextFeatureTests(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def editor_options(self):
        page = ActiviteitPage.objects.filter(locale__language_code="nl").first()
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.id]))
        self.assertEqual(response.status_code, 200)
        return html.unescape(response.content.decode())

    def test_the_editor_offers_links_and_no_embedded_video(self):
        # An embed (YouTube, Vimeo) is a frame from another site: the public pages' Content-Security-Policy
        # allows frames from this site only, so residents would see an empty box, and the video site would
        # learn who reads the page. The editor therefore has no embed button (wagtail.embeds is not installed).
        options = self.editor_options()
        self.assertIn('"type": "LINK"', options)
        self.assertNotIn('"type": "EMBED"', options)
