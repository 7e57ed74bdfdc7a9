"""The Python side's Dutch stems (search.text.stem): the forms a resident types meet the forms on the pages.
(tests/test_opensearch_analysis.py checks that the engine stems alike.)"""

import pytest

from search import text


@pytest.mark.parametrize(
    "asked, written",
    [
        ("mantelzorgers", "mantelzorger"),
        ("wandelingen", "wandeling"),
        ("klusjes", "klusje"),  # a diminutive plural: text.DIMINUTIVE_PLURAL
        ("huizen", "huis"),  # Snowball leaves "huiz"; data/stamregels.txt says huis
    ],
)
def test_a_plural_meets_its_singular(asked, written):
    assert text.stem(asked) == text.stem(written)


def test_words_from_the_site_are_not_stemmed_into_each_other():
    # "ouders" (parents) and "ouderen" (the elderly) must stay apart: a question about the elderly
    # should not bring up the pages for parents.
    assert text.stem("ouderen") != text.stem("ouders")
