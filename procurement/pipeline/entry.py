"""One planned procurement in the city's published pipeline (ISO 37106 6.6.3 c, Table 3 row 5).

The fields are the public columns of a pipeline file (YAML, CSV or XLSX); their names are an
interface users script against, so they are spelt exactly as the README lists them.
"""

from __future__ import annotations

import csv
import re
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

from procurement.i18n import N_
from procurement.paths import shipped_dir

Method = Literal["open", "selective", "limited", "direct"]
Category = Literal["goods", "works", "services"]
Status = Literal["planning", "planned", "withdrawn"]

# The public columns, in the order a pipeline file and pipeline.csv show them.
COLUMNS = ("id", "title", "description", "buyer", "buyer_id", "estimated_value", "currency",
           "procurement_method", "category", "cpv", "expected_tender_date",
           "expected_award_date", "contract_start", "contract_end", "sme_suitable",
           "engagement_date", "engagement_details", "contact_email", "status", "language")
REQUIRED = ("id", "title", "buyer")

# An id becomes part of an ocid, a release id and a web page's file name: no '#', no '/'.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$"
_CPV = re.compile(r"^\d{8}(-\d)?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_YES = {"true", "yes", "y", "1", "是", "t"}
_NO = {"false", "no", "n", "0", "否", "f"}


@cache
def currencies() -> frozenset[str]:
    """ISO 4217 codes from the OCDS 1.1.5 currency codelist shipped with the schema."""
    path = shipped_dir("schemas") / "ocds-1.1.5" / "codelists" / "currency.csv"
    with path.open(encoding="utf-8") as handle:
        return frozenset(row["Code"] for row in csv.DictReader(handle))


def _rule(msgid: str, **params: Any) -> PydanticCustomError:
    # The message id travels as the error type so that it is rendered in the reader's language.
    return PydanticCustomError("pipeline_rule", "{msgid}", {"msgid": msgid, **params})


def _text(value: Any) -> Any:
    # YAML reads an unquoted code such as cpv: 50232100 as a number; the user meant text.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _day(value: Any) -> Any:
    value = _text(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        # A spreadsheet's date cell read as text: "2026-05-01 00:00:00".
        head = value[:10]
        if len(value) == 10 or value[10:].strip() in {"", "00:00:00", "T00:00:00"}:
            try:
                return date.fromisoformat(head)
            except ValueError:
                pass
        raise _rule(N_("must be a date written YYYY-MM-DD"))
    return value


def _flag(value: Any) -> Any:
    value = _text(value)
    if isinstance(value, str):
        if value.lower() in _YES:
            return True
        if value.lower() in _NO:
            return False
        raise _rule(N_("must be yes or no"))
    return value


def _amount(value: Any) -> Any:
    value = _text(value)
    if isinstance(value, bool):
        raise _rule(N_("must be a number"))
    if isinstance(value, str):
        try:
            value = Decimal(value.replace(",", "").replace("_", ""))
        except ArithmeticError:
            raise _rule(N_("must be a number")) from None
    if isinstance(value, int | float | Decimal):
        if not Decimal(value).is_finite():
            raise _rule(N_("must be a number"))
        if value < 0:
            raise _rule(N_("must not be negative"))
    return value


def _currency(value: str) -> str:
    if value not in currencies():
        raise _rule(N_("must be an ISO 4217 currency code such as CNY, GBP or EUR"))
    return value


def _cpv(value: str) -> str:
    if not _CPV.match(value):
        raise _rule(N_("must be a CPV code: 8 digits, optionally -check digit (45233162-2)"))
    return value


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise _rule(N_("must be an email address"))
    return value


Text = Annotated[str | None, BeforeValidator(_text)]
Day = Annotated[date | None, BeforeValidator(_day)]


class PipelineEntry(BaseModel):
    """A planned procurement, validated; a misspelt field is refused, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, BeforeValidator(_text), Field(pattern=ID_PATTERN)]
    title: Annotated[str, BeforeValidator(_text), Field(max_length=500)]
    description: Text = None
    buyer: Annotated[str, BeforeValidator(_text), Field(max_length=300)]
    buyer_id: Annotated[Annotated[str, Field(pattern=r"^[^\s#]+$")] | None,
                        BeforeValidator(_text)] = None
    estimated_value: Annotated[Decimal | None, BeforeValidator(_amount)] = None
    currency: Annotated[str | None, BeforeValidator(_text),
                        AfterValidator(lambda v: v if v is None else _currency(v))] = None
    procurement_method: Annotated[Method | None, BeforeValidator(_text)] = None
    category: Annotated[Category | None, BeforeValidator(_text)] = None
    cpv: Annotated[str | None, BeforeValidator(_text),
                   AfterValidator(lambda v: v if v is None else _cpv(v))] = None
    expected_tender_date: Day = None
    expected_award_date: Day = None
    contract_start: Day = None
    contract_end: Day = None
    sme_suitable: Annotated[bool | None, BeforeValidator(_flag)] = None
    engagement_date: Day = None
    engagement_details: Text = None
    contact_email: Annotated[str | None, BeforeValidator(_text),
                             AfterValidator(lambda v: v if v is None else _email(v))] = None
    status: Annotated[Status, BeforeValidator(lambda v: _text(v) or "planning")] = "planning"
    language: Annotated[str, BeforeValidator(lambda v: _text(v) or "en"),
                        Field(pattern=r"^[a-z]{2}$")] = "en"

    @model_validator(mode="after")
    def _consistent(self) -> PipelineEntry:
        if self.estimated_value is not None and self.currency is None:
            raise _rule(N_("an estimated value needs a currency"), column="currency")
        for first, then in (("contract_start", "contract_end"),
                            ("expected_tender_date", "expected_award_date"),
                            ("expected_award_date", "contract_start")):
            before, after = getattr(self, first), getattr(self, then)
            if before is not None and after is not None and after < before:
                raise _rule(N_("must not be before {other}"), column=then, other=first)
        return self
