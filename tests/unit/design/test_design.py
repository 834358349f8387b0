"""Reading a design: YAML files and form data, and every malformed one."""

from typing import Any, get_args

import pytest

from procurement.design import ProcurementDesign, design_from_data, load_design, parse_design
from procurement.design.fields import FIELDS, form_data
from procurement.design.model import SmeMeasure
from procurement.errors import InputError


def _error(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_design(text.encode(), "d.yaml")
    return caught.value.lines("en")


def test_a_minimal_design_and_yes_no_answers():
    design = parse_design("title: 智慧停车\nbreak_clause: yes\nopen_standards: []\n".encode(),
                          "d.yaml")
    assert design.title == "智慧停车" and design.break_clause is True
    assert design.open_standards == [] and design.lots is None
    assert design.stated() == {"title": "智慧停车", "break_clause": True, "open_standards": []}


@pytest.mark.parametrize(("text", "line"), [
    ("title: x\ncomissioning: city_wide\n",
     "d.yaml, field comissioning: unknown field (not part of the design format)"),
    ("title: x\nlots: 1.5\n", "d.yaml, field lots: must be a whole number"),
    ("title: x\nlots: 0\n", "d.yaml, field lots: must be at least 1"),
    ("title: x\nbreak_clause: perhaps\n", "d.yaml, field break_clause: must be yes or no"),
    ("title: x\nestimated_exit_cost: -1\n", "d.yaml, field estimated_exit_cost: must be at least 0"),
    ("title: x\ninitial_term_years: 4\nmax_term_years: 2.5\n",
     "d.yaml, field max_term_years: must not be shorter than the initial term (4 years)"),
    ("title: x\ninitial_term_years: 0\n", "d.yaml, field initial_term_years: must be greater than 0"),
    ("title: x\ncurrency: cny\n",
     "d.yaml, field currency: must be a three-letter currency code such as CNY"),
    ("title: x\nopen_standards: [APDS, ' ']\n",
     "d.yaml, field open_standards: every open standard needs a name"),
    ("title: x\nsme_measures: [prompt_payment, set_asides]\n",
     "d.yaml, field sme_measures[1]: must be one of 'sme_reserved_lots', 'sme_price_deduction', "
     "'subcontracting_to_smes', 'simplified_qualification' or 'prompt_payment'"),
    ("title: ''\n", "d.yaml, field title: must not be empty"),
    ("buyer: x\n", "d.yaml, field title: required field is missing"),
    ("title: x\n  lots: 2\n", "d.yaml: line 2: not valid YAML (mapping values are not allowed here)"),
    ("7\n", "d.yaml: the file must be a mapping of fields (key: value)"),
    ("\n", "d.yaml: the file is empty"),
])
def test_each_bad_design_names_the_field_and_the_rule(text, line):
    assert _error(text) == [line]


def test_binary_and_non_utf8_files():
    with pytest.raises(InputError, match="binary file"):
        parse_design(b"title: \x00", "d.yaml")
    with pytest.raises(InputError, match="not UTF-8"):
        parse_design("title: 停车".encode("gbk"), "d.yaml")


def test_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_design(tmp_path / "nope.yaml")


def test_the_form_covers_every_field_once_with_a_name_for_every_choice():
    assert [spec.name for spec in FIELDS] == list(ProcurementDesign.model_fields)
    measures = next(spec for spec in FIELDS if spec.name == "sme_measures")
    assert set(measures.choices) == set(get_args(SmeMeasure))
    assert all(spec.choices for spec in FIELDS if spec.kind in ("choice", "multi"))


def test_form_values_become_design_data():
    values: dict[str, Any] = {spec.name: None for spec in FIELDS} | {
        "title": "  Parking ", "reference": "", "open_standards": "APDS，DATEX II; ",
        "lots": 2, "sme_measures": [], "interoperability_required": None}
    assert form_data(values) == {"title": "Parking", "open_standards": ["APDS", "DATEX II"],
                                 "lots": 2, "sme_measures": []}
    # An empty list is "not stated" until the row's other field is answered.
    blank = values | {"open_standards": "", "lots": None}
    assert "open_standards" not in form_data(blank) and "sme_measures" not in form_data(blank)
    assert form_data(blank | {"interoperability_required": False})["open_standards"] == []
    with pytest.raises(InputError, match="the form, field max_term_years"):
        design_from_data(form_data(values | {"initial_term_years": 5.0, "max_term_years": 3.0}),
                         "the form")
