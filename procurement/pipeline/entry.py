"""One planned procurement in the city's published pipeline (ISO 37106 6.6.3 c, Table 3 row 5).

The fields are the public columns of a pipeline file (YAML, CSV or XLSX); their names are an
interface users script against, so they are spelt exactly as the README lists them.
"""

from __future__ import annotations

import csv
from datetime import date
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
from procurement.jurisdictions import orgid
from procurement.paths import shipped_dir
from procurement.pipeline import cpv

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
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
# Fields whose value is text even when YAML reads it as a number (cpv: 50232100).
_TEXT_FIELDS = frozenset({"id", "title", "description", "buyer", "buyer_id", "currency", "cpv",
                          "engagement_details", "contact_email"})
_FLAGS = {"是": True, "否": False}


@cache
def currencies() -> frozenset[str]:
    """ISO 4217 codes from the OCDS 1.1.5 currency codelist shipped with the schema."""
    path = shipped_dir("schemas") / "ocds-1.1.5" / "codelists" / "currency.csv"
    with path.open(encoding="utf-8") as handle:
        return frozenset(row["Code"] for row in csv.DictReader(handle))


def _rule(msgid: str, **params: Any) -> PydanticCustomError:
    # The message id travels as the error type so that it is rendered in the reader's language.
    return PydanticCustomError("pipeline_rule", "{msgid}", {"msgid": msgid, **params})


def clean(data: dict[str, Any]) -> dict[str, Any]:
    """The values as people write them, made ready for validation in one pass: text
    stripped, empty values left out (so that defaults apply), codes that YAML read as numbers
    put back to text, and 是/否 read as yes/no. (One pass here, rather than a validator per
    field, is what lets 100,000 rows be validated in a few seconds.)"""
    cleaned = {}
    for key, value in data.items():
        if isinstance(value, str):
            value = value.strip()
            if not value:
                continue
        elif value is None:
            continue
        elif isinstance(value, int) and not isinstance(value, bool) and key in _TEXT_FIELDS:
            value = str(value)
        cleaned[key] = value
    flag = cleaned.get("sme_suitable")
    if isinstance(flag, str):
        cleaned["sme_suitable"] = _FLAGS.get(flag, flag)
    return cleaned


def _amount(value: Any) -> Any:
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
    if (code := cpv.code(value)) is not None:
        return code
    if cpv.well_formed(value):
        raise _rule(N_("is not a code of the CPV 2008 vocabulary (Regulation (EC) No 213/2008)"))
    raise _rule(N_("must be a CPV code: 8 digits, optionally -check digit (45233162-2)"))


def _org_id(value: str) -> str:
    """An org-id identifier (SCHEME-ID) in a registered scheme that passes its check: it is
    published as the buyer's ``identifier``, and a made-up scheme would be published as is."""
    try:
        orgid.split(value)
    except orgid.IdentifierProblem as problem:
        raise _rule(problem.msgid, **problem.params) from None
    return value


class JointBuyer(BaseModel):
    """Another buyer of a joint procurement (the entry's ``buyer`` leads it)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[str, Field(min_length=1, max_length=300)]
    buyer_id: Annotated[str, Field(pattern=r"^[^\s#]+$"), AfterValidator(_org_id)] | None = None


class PipelineEntry(BaseModel):
    """A planned procurement, validated; a misspelt field is refused, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=ID_PATTERN)]
    title: Annotated[str, Field(max_length=500)]
    description: str | None = None
    buyer: Annotated[str, Field(max_length=300)]
    buyer_id: Annotated[str, Field(pattern=r"^[^\s#]+$"), AfterValidator(_org_id)] | None = None
    estimated_value: Annotated[Decimal | None, BeforeValidator(_amount)] = None
    currency: Annotated[str, AfterValidator(_currency)] | None = None
    procurement_method: Method | None = None
    category: Category | None = None
    cpv: Annotated[str, AfterValidator(_cpv)] | None = None
    expected_tender_date: date | None = None
    expected_award_date: date | None = None
    contract_start: date | None = None
    contract_end: date | None = None
    sme_suitable: bool | None = None
    engagement_date: date | None = None
    engagement_details: str | None = None
    contact_email: Annotated[str, Field(pattern=EMAIL_PATTERN)] | None = None
    status: Status = "planning"
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$")] = "en"
    # A joint procurement (procurement.pipeline.joint): the other buyers, published as buyers.
    joint_buyers: tuple[JointBuyer, ...] | None = None

    @model_validator(mode="before")
    @classmethod
    def _clean(cls, data: Any) -> Any:
        return clean(data) if isinstance(data, dict) else data

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
