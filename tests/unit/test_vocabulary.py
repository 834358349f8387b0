"""Each vocabulary is defined once (procurement.vocabulary) and every code has a name
for people in both languages; a rubric naming a code that does not exist is refused."""

from __future__ import annotations

import pytest

from procurement import labels
from procurement.errors import InputError
from procurement.i18n import tr
from procurement.vocabulary import Method, Status
from tests.conftest import rubric_from


@pytest.mark.parametrize(("vocabulary", "names"), list(labels.VOCABULARIES.items()),
                         ids=lambda v: getattr(v, "__name__", str(v)))
def test_every_code_has_a_name_in_both_languages(vocabulary, names):
    mapping = getattr(labels, names)
    for code in vocabulary:
        assert code in mapping, f"{vocabulary.__name__}.{code.name} has no name in labels.{names}"
        english, chinese = tr(mapping[code], "en"), tr(mapping[code], "zh")
        assert english and chinese and english != chinese, (code, english)


def test_a_value_compares_and_serialises_as_its_code():
    assert str(Method.WSM) == "wsm" and f"{Status.MODERATION}" == "moderation"
    assert Method("topsis") is Method.TOPSIS
    assert [s.value for s in Status if s.prices_open] == [
        "price_opening", "moderation", "award_recommended", "standstill", "awarded"]


@pytest.mark.parametrize(("field", "value"), [("method", "topsys"),
                                              ("price_formula", "lowest-ratio")])
def test_a_rubric_with_an_unknown_code_is_refused_naming_the_file_and_field(
        mini_data, field, value):
    mini_data.setdefault("defaults", {})[field] = value
    with pytest.raises(InputError) as caught:
        rubric_from(mini_data)
    (line,) = caught.value.lines("en")
    assert line.startswith(f"test-rubric.yaml, field defaults.{field}: must be one of")
    assert "'wsm'" in line or "'lowest_ratio'" in line
