"""Languages on the public pages: the switch, hreflang links and which texts are still Dutch.

{% language_versions as versions %}   the page in every language it exists in (home/language_versions.py)
<p{% text_lang page %}>{{ page.title }}</p>   lang="nl" (dir="ltr" on an Arabic page) on a page's texts
                                                while they are untranslated Dutch (home/translation_state.py)
<p{% lang_attrs doc.lang %}>…</p>   the same for a text whose language is already known (search results)
{% outdated_source page as source %}   the Dutch page when this translation is older than it
{% home_url %}   the start page in the reader's language
{{ postcode|ltr }}   <bdi dir="ltr">6826 HK</bdi>: Latin letters and digits that must read left to right,
                     also inside an Arabic sentence (else "6826 HK" shows as "HK 6826")
"""

from django import template
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Page

from home import language_versions as versions
from home import translation_state as state

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    request = context.get("request")
    page = context.get("page")
    found = versions.language_versions(request, page if isinstance(page, Page) else None)
    if request is None:
        return [(v, v.url) for v in found]
    return [(v, request.build_absolute_uri(v.url)) for v in found]


@register.simple_tag
def text_lang(page):
    return state.page_lang_attrs(page)


@register.simple_tag
def lang_attrs(language):
    return state.lang_attrs(language)


@register.simple_tag
def outdated_source(page):
    return state.outdated_source(page) if isinstance(page, Page) else None


@register.simple_tag
def home_url():
    return versions.home_url(translation.get_language() or state.SOURCE_LANGUAGE)


@register.simple_tag
def page_title(page):
    """The page's title for use inside a translated sentence, marked lang="nl" while it is untranslated."""
    return marked(page.title, state.text_language(page))


@register.simple_tag
def marked(text, language):
    """`text` in a <span lang> when it is in another language than the page (for use inside a sentence)."""
    attrs = state.lang_attrs(language)
    return format_html("<span{}>{}</span>", attrs, text) if attrs else text


@register.filter
def ltr(value):
    return format_html('<bdi dir="ltr">{}</bdi>', value)
