"""schema.org JSON-LD for a place page: address, opening hours, holidays and closing periods, accessibility."""

from django.utils.html import strip_tags

from .jsonld import SCHEMA_DAYS, languages_spoken, script_tag
from .open_nu import komende_sluitingen
from .talen import codes
from .toegankelijkheid import amenity_features, items_van

# schema.org types for the kinds of place; the rest are a CivicStructure (a public building).
SCHEMA_TYPES = {
    "huisarts": "MedicalClinic",
    "apotheek": "Pharmacy",
    "bibliotheek": "Library",
    "kerk": "Church",
    "sportaccommodatie": "SportsActivityLocation",
    "winkel": "Store",
}
DAY_URLS = ["https://schema.org/" + SCHEMA_DAYS[code] for code in ("MO", "TU", "WE", "TH", "FR", "SA", "SU")]


def opening_hours(place):
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": DAY_URLS[o.dag],
            "opens": o.open.strftime("%H:%M"),
            "closes": o.dicht.strftime("%H:%M"),
        }
        for o in sorted(place.openingstijden.all(), key=lambda o: (o.dag, o.open))
    ]


def special_opening_hours(place, now=None):
    """Closed all day (opens = closes = 00:00, as schema.org advises) on holidays and closing periods."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "name": reden,
            "validFrom": van.isoformat(),
            "validThrough": tot_en_met.isoformat(),
            "opens": "00:00",
            "closes": "00:00",
        }
        for van, tot_en_met, reden in komende_sluitingen(place, now)
    ]


def place_json_ld(place, request=None, now=None):
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(place.soort, "CivicStructure"),
        "name": place.title,
        "description": strip_tags(place.get_summary()),
    }
    if request is not None:
        data["url"] = request.build_absolute_uri(place.get_url(request) or "")
    if place.adres:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": place.adres,
            "postalCode": place.postcode,
            "addressLocality": place.plaats,
            "addressCountry": "NL",
        }
    if place.telefoon:
        data["telephone"] = place.telefoon
    hours = opening_hours(place)
    if hours:
        data["openingHoursSpecification"] = hours
        data["specialOpeningHoursSpecification"] = special_opening_hours(place, now)
    features = amenity_features(items_van(place))
    if features:
        data["amenityFeature"] = features
    if codes(place.talen):
        data["availableLanguage"] = languages_spoken(place)
    return script_tag(data)
