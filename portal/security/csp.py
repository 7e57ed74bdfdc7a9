"""Content-Security-Policy: strict on public pages, relaxed for the admin only.

The public pages have no inline scripts or styles (tests/browser/test_csp.py checks that), so their
policy, CONTENT_SECURITY_POLICY in portal/settings/base.py, allows scripts and styles from our own
origin only. Wagtail's admin (and Django's) write inline <script> and style="..." themselves; under
those URL prefixes the directives of ADMIN_CSP_RELAXED replace the strict ones.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

from activiteiten.kaart import tile_origin

from .paths import is_admin_path

ADMIN_CSP_RELAXED = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    # Wagtail shows previews of chosen and uploaded images as data: and blob: URLs.
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    # The page editor shows the preview of a page in an iframe of the admin itself.
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}


class PortalCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        # Chromium's PDF viewer runs as a plugin that object-src 'none' would block; a PDF runs no script.
        if response.get("Content-Type", "").startswith("application/pdf"):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_admin_path(request.path_info):
            return PolicyParts(parts.config, parts.update, {**ADMIN_CSP_RELAXED, **(parts.replace or {})}, parts.nonce)
        # The map tiles (activiteiten/kaart.py): images from the one tile host in MAP_TILES_URL, when set.
        origin = tile_origin()
        if origin:
            update = dict(parts.update or {})
            update["img-src"] = [*update.get("img-src", []), origin]
            return PolicyParts(parts.config, update, parts.replace, parts.nonce)
        return parts
