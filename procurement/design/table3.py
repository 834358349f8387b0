"""ISO 37106 Table 3 and the 6.6.3 recommendations, as shipped data (``table3.yaml``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from procurement.design.load import validate
from procurement.design.model import design_error
from procurement.i18n import N_
from procurement.rubric.model import Text
from procurement.yamlfile import read_mapping

TABLE3_FILE = Path(__file__).resolve().parent / "table3.yaml"
ROWS = 16


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Recommendation(_Strict):
    """One recommendation of 6.6.3: where it is (``ref``) and what it says."""

    ref: Text
    text: Text


class Table3Row(_Strict):
    row: int = Field(ge=1, le=ROWS)
    name: Text
    traditional: Text
    smart: Text
    recommendation: str


class Table3(_Strict):
    format_version: Literal[1]
    recommendations: dict[str, Recommendation] = Field(min_length=1)
    rows: list[Table3Row]

    @model_validator(mode="after")
    def _sixteen_rows_in_order(self) -> Table3:
        if [r.row for r in self.rows] != list(range(1, ROWS + 1)):
            raise design_error(N_("Table 3 must list rows 1 to {count} in order"), count=ROWS)
        unknown = sorted({r.recommendation for r in self.rows} - set(self.recommendations))
        if unknown:
            raise design_error(N_("rows refer to undefined recommendations: {ids}"),
                               ids=", ".join(unknown))
        return self

    def row(self, number: int) -> Table3Row:
        return self.rows[number - 1]

    def recommendation(self, number: int) -> Recommendation:
        return self.recommendations[self.row(number).recommendation]


def parse_table3(raw: bytes, file: str) -> Table3:
    return validate(Table3, read_mapping(raw, file), file)


@cache
def load_table3() -> Table3:
    """The shipped Table 3 (read once per process)."""
    return parse_table3(TABLE3_FILE.read_bytes(), str(TABLE3_FILE))
