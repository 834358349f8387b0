"""The design review: rate a procurement design against ISO 37106 Table 3 (6.6.3 b)."""

from procurement.design.load import design_from_data, load_design, parse_design
from procurement.design.model import ProcurementDesign
from procurement.design.report import markdown_report
from procurement.design.review import DesignReview, Rating, rate, review, review_view
from procurement.design.table3 import Table3, load_table3

__all__ = [
    "DesignReview",
    "ProcurementDesign",
    "Rating",
    "Table3",
    "design_from_data",
    "load_design",
    "load_table3",
    "markdown_report",
    "parse_design",
    "rate",
    "review",
    "review_view",
]
