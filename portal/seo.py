"""What browsers and search engines ask for at the site root: favicon.ico, robots.txt and sitemap.xml."""

from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import RedirectView
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

# Paths no search engine needs: the editors' admin and Django's own admin.
DISALLOW = ["/admin/", "/django-admin/"]
ONE_DAY = 60 * 60 * 24


# Old browsers ask for /favicon.ico whatever the page links to; send them to the static file.
# The address is looked up per request, not at import: with the manifest storage a missing manifest must
# reach the deploy check (portal_security.E001) instead of breaking every command that loads the URLs.
class FaviconRedirect(RedirectView):
    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("img/favicon.ico")


favicon = FaviconRedirect.as_view()


@require_GET
@cache_control(max_age=ONE_DAY, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOW), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class PortalSitemap(Sitemap):
    """Every live page in every language, each listing its translations as <xhtml:link rel="alternate">.

    Wagtail's own sitemap lists only the pages under the site's root page, which is the Dutch tree; the
    English pages (aliases of the Dutch ones until translated) live under the root page's translation.
    """

    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").select_related("locale").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        keys = {item.translation_key for item in self.paginator.page(page).object_list}
        # One query for the translations of this sitemap page's items, wherever those are listed themselves.
        translations = {}
        for other in Page.objects.filter(translation_key__in=keys).live().public().select_related("locale"):
            translations.setdefault(other.translation_key, []).append(other)
        alternates = {}
        for group in translations.values():
            links = [{"lang_code": t.locale.language_code, "location": t.get_full_url(self.request)} for t in group]
            for link in links:
                alternates[link["location"]] = links if len(links) > 1 else []
        for url in urls:
            url["alternates"] = alternates.get(url["location"], [])
        return urls
