"""Who may make a referral card: a signed-in professional.

That is everyone with access to the Wagtail admin (communitymanagers, welzijnswerkers, beheerders, the
glossary editors) and partner users who only have the permission ``verwijzing.maak_verwijskaart`` (give it
to a group "Partners" in the admin: Instellingen → Groepen)."""

PERMISSIONS = ("wagtailadmin.access_admin", "verwijzing.maak_verwijskaart")


def may_make_card(user):
    return bool(user and user.is_authenticated and user.is_active and any(user.has_perm(p) for p in PERMISSIONS))
