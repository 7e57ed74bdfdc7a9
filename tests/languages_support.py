"""Helpers for the language tests."""


def translate(page, **fields):
    """Turn an untranslated copy (a wagtail-localize alias of the Dutch page) into a translation with these
    fields, and publish it: what happens when a translation is made in the admin or imported."""
    page = page.specific
    page.alias_of = None
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page
