"""The image upload form with the size limits explained in plain Dutch.

The limits themselves are WAGTAILIMAGES_MAX_IMAGE_PIXELS and WAGTAILIMAGES_MAX_UPLOAD_SIZE
(portal/settings/base.py); Wagtail checks the pixels from the file's header, before decoding it.
Wagtail's own messages are English-only in Dutch ("This file has too many pixels").
"""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].error_messages.update(
                file_too_many_pixels=_(
                    "Deze foto is te groot: %(num_pixels)s pixels. Het maximum is %(max_pixels_count)s pixels. "
                    "Maak de foto kleiner, bijvoorbeeld 2000 pixels breed, en probeer het opnieuw."
                ),
                file_too_large=_(
                    "Dit bestand is te groot: %(file_size)s. Het maximum is %(max_filesize)s. "
                    "Maak de foto kleiner, bijvoorbeeld 2000 pixels breed, en probeer het opnieuw."
                ),
            )
