"""Codes in the occurrence table's text columns (activiteiten/codetags.py): written, read and filtered one way."""

from activiteiten.codetags import format_tags, read_tags, tag_lookup
from activiteiten.models_occurrence import Occurrence


def test_codes_are_written_with_a_comma_on_both_sides():
    assert format_tags(["tr", "ar"]) == ",tr,ar,"
    assert format_tags(code for code in ["lift"]) == ",lift,"
    assert format_tags([]) == ""


def test_written_codes_read_back():
    assert read_tags(format_tags(["drempelvrij", "lift"])) == ["drempelvrij", "lift"]
    assert read_tags("") == []
    assert read_tags(None) == []


def test_the_filter_finds_a_code_and_never_a_code_inside_another(db):
    occurrence = Occurrence.objects.filter(talen="").first()
    assert occurrence is not None
    Occurrence.objects.filter(pk=occurrence.pk).update(talen=format_tags(["tr", "srn"]))
    found = set(Occurrence.objects.filter(tag_lookup("talen", "tr")).values_list("pk", flat=True))
    assert occurrence.pk in found
    assert occurrence.pk in set(Occurrence.objects.filter(tag_lookup("talen", "srn")).values_list("pk", flat=True))
    # "r" and "sr" are part of the stored text, but no code of it.
    for part in ("r", "sr", "n"):
        assert not Occurrence.objects.filter(pk=occurrence.pk).filter(tag_lookup("talen", part)).exists()
    # Every row found holds the code, and every row that holds it is found.
    holding = {pk for pk, talen in Occurrence.objects.values_list("pk", "talen") if "tr" in read_tags(talen)}
    assert found == holding
