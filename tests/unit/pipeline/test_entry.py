"""Pipeline entries: the columns users script against, and every bad value refused with
its column named."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from procurement.errors import InputError
from procurement.pipeline.entry import COLUMNS, PipelineEntry
from procurement.pipeline.sources import problem_from

GOOD = {"id": "HC-1", "title": "Street lighting", "buyer": "Harbourside City"}


def problems(**fields: object) -> list[str]:
    try:
        PipelineEntry.model_validate({**GOOD, **fields})
    except ValidationError as exc:
        return [problem_from("p.csv", 2, e).render("en") for e in exc.errors()]
    return []


def test_columns_are_the_public_interface():
    assert COLUMNS == (
        "id", "title", "description", "buyer", "buyer_id", "estimated_value", "currency",
        "procurement_method", "category", "cpv", "expected_tender_date", "expected_award_date",
        "contract_start", "contract_end", "sme_suitable", "engagement_date",
        "engagement_details", "contact_email", "status", "language")


def test_text_from_a_spreadsheet_is_read_as_values():
    entry = PipelineEntry.model_validate({
        **GOOD, "estimated_value": "2,500,000.50", "currency": "GBP", "cpv": 45233162,
        "expected_tender_date": "2027-01-05 00:00:00", "sme_suitable": "是", "status": " planned ",
        "description": "  "})
    assert entry.estimated_value == Decimal("2500000.50")
    assert entry.cpv == "45233162"
    assert entry.expected_tender_date == date(2027, 1, 5)
    assert entry.sme_suitable is True and entry.status == "planned"
    assert entry.description is None and entry.language == "en"


@pytest.mark.parametrize(("fields", "message"), [
    ({"id": None}, "p.csv, row 2, column id: required field is missing"),
    ({"title": ""}, "p.csv, row 2, column title: required field is missing"),
    ({"id": "A#1"}, "p.csv, row 2, column id: must use letters, digits, '.', '_' and '-' only"),
    ({"expected_tender_date": "1/5/2027"},
     "p.csv, row 2, column expected_tender_date: must be a date written YYYY-MM-DD"),
    ({"contract_start": "2027-02-30"},
     "p.csv, row 2, column contract_start: must be a date written YYYY-MM-DD"),
    ({"contract_start": "2028-01-01", "contract_end": "2027-12-31"},
     "p.csv, row 2, column contract_end: must not be before contract_start"),
    ({"estimated_value": "-5", "currency": "EUR"},
     "p.csv, row 2, column estimated_value: must not be negative"),
    ({"estimated_value": "lots", "currency": "EUR"},
     "p.csv, row 2, column estimated_value: must be a number"),
    ({"estimated_value": "NaN", "currency": "EUR"},
     "p.csv, row 2, column estimated_value: must be a number"),
    ({"estimated_value": "100"}, "p.csv, row 2, column currency: an estimated value needs a currency"),
    ({"procurement_method": "negotiated"},
     "p.csv, row 2, column procurement_method: must be one of 'open', 'selective', 'limited' "
     "or 'direct'"),
    ({"category": "consultancy"},
     "p.csv, row 2, column category: must be one of 'goods', 'works' or 'services'"),
    ({"status": "pipeline"},
     "p.csv, row 2, column status: must be one of 'planning', 'planned' or 'withdrawn'"),
    ({"currency": "XXY"},
     "p.csv, row 2, column currency: must be an ISO 4217 currency code such as CNY, GBP or EUR"),
    ({"cpv": "4523316"},
     "p.csv, row 2, column cpv: must be a CPV code: 8 digits, optionally -check digit "
     "(45233162-2)"),
    # A well-formed code that the vocabulary does not have (Regulation (EC) No 213/2008).
    ({"cpv": "45233163"},
     "p.csv, row 2, column cpv: is not a code of the CPV 2008 vocabulary (Regulation (EC) "
     "No 213/2008)"),
    ({"contact_email": "procurement at city"},
     "p.csv, row 2, column contact_email: must be an email address"),
    ({"sme_suitable": "maybe"}, "p.csv, row 2, column sme_suitable: must be yes or no"),
    ({"language": "english"},
     "p.csv, row 2, column language: must be a two-letter language code such as en or zh"),
    ({"buyer_id": "GB COH 1"}, "p.csv, row 2, column buyer_id: must not contain spaces or '#'"),
    # The org-id register's schemes only (issue 11): 统一社会信用代码 is CN-USCI, not CN-USCC.
    ({"buyer_id": "CN-USCC-11440300MB2C12345X"},
     "p.csv, row 2, column buyer_id: CN-USCC is not a scheme of the org-id register: write "
     "SCHEME-ID with a scheme such as CN-USCI, GB-COH, GB-LAE, XI-LEI"),
    ({"buyer_id": "CN-USCI-11440300MB2C123453"},
     "p.csv, row 2, column buyer_id: 11440300MB2C123453 is not a valid CN-USCI identifier "
     "(Unified Social Credit Code (统一社会信用代码); for example CN-USCI-11440300MB2C123452)"),
    ({"colour": "blue"}, "p.csv, row 2, column colour: unknown field (not a pipeline column)"),
])
def test_bad_values_are_named_with_row_and_column(fields, message):
    assert problems(**fields) == [message]


@pytest.mark.parametrize(("written", "published"), [
    ("45310000-3", "45310000"),  # the check digit is accepted and not published
    ("45310000", "45310000"),
    ("03111000", "03111000"),  # a leading zero is kept: the code is text
    ("09310000-5", "09310000"),
    (3111000, "03111000"),  # 03111000 typed into a spreadsheet cell, stored as a number
    ("3111000", "03111000"),  # …and written out to CSV by that spreadsheet
])
def test_a_cpv_code_has_one_form(written, published):
    assert PipelineEntry.model_validate({**GOOD, "cpv": written}).cpv == published


def test_the_tender_comes_before_the_award_and_the_award_before_the_contract():
    assert problems(expected_tender_date="2027-05-01", expected_award_date="2027-04-01") == [
        "p.csv, row 2, column expected_award_date: must not be before expected_tender_date"]
    assert problems(expected_award_date="2027-05-01", contract_start="2027-04-01") == [
        "p.csv, row 2, column contract_start: must not be before expected_award_date"]


def test_messages_are_bilingual():
    with pytest.raises(ValidationError) as caught:
        PipelineEntry.model_validate({**GOOD, "cpv": "x"})
    rendered = problem_from("p.csv", 3, caught.value.errors()[0]).render("zh")
    assert rendered.startswith("p.csv，") and rendered.endswith(
        "须为 CPV 编码：8 位数字，可带 -校验位（45233162-2）")


def test_input_error_lists_every_problem():
    error = InputError([problem_from("p.csv", 2, e) for e in
                        _errors({"id": None, "cpv": "1", "status": "x"})])
    assert len(error.lines("en")) == 3


def _errors(fields: dict[str, object]) -> list[Any]:
    try:
        PipelineEntry.model_validate({**GOOD, **fields})
    except ValidationError as exc:
        return list(exc.errors())
    return []


def test_empty_yaml_values_are_left_out():
    entry = PipelineEntry.model_validate({**GOOD, "buyer_id": None, "cpv": None, "status": None,
                                          "language": None, "estimated_value": None})
    assert entry.buyer_id is None and entry.status == "planning" and entry.language == "en"
