"""The SQL that computes every indicator's inputs from OCDS releases in JSON lines (DuckDB).

The file is read once, as a stream, only the fields the indicators need (typed columns), into
a compact table of releases; memory is capped (``SET memory_limit``, two threads) and DuckDB
spills to disk past it. A procedure is an ``ocid``: its tender is the latest release's that has
one; an award (``ocid``, ``awards[].id``) is its latest version, counted when its status is
active (or not given); a supplier's scale is the latest its procedure's parties give.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import duckdb

GroupBy = Literal["buyer", "cpv", "year"]
MEMORY_LIMIT = "1GB"
THREADS = 2

_COLUMNS = {
    "ocid": "VARCHAR", "date": "VARCHAR",
    "buyer": "STRUCT(id VARCHAR, name VARCHAR)",
    "tender": "STRUCT(procurementMethod VARCHAR, numberOfTenderers DOUBLE, awardCriteria VARCHAR,"
              " items STRUCT(classification STRUCT(scheme VARCHAR, id VARCHAR))[],"
              " lots STRUCT(awardCriteria STRUCT(criteria STRUCT(type VARCHAR)[]))[])",
    "bids": "STRUCT(statistics STRUCT(measure VARCHAR, value DOUBLE, relatedLot VARCHAR)[],"
            " details STRUCT(id VARCHAR)[])",
    "awards": "STRUCT(id VARCHAR, status VARCHAR, date VARCHAR,"
              " value STRUCT(amount DOUBLE, currency VARCHAR),"
              " suppliers STRUCT(id VARCHAR, name VARCHAR)[])[]",
    "parties": "STRUCT(id VARCHAR, name VARCHAR, details STRUCT(scale VARCHAR))[]",
}

_LOAD = """
CREATE TEMP TABLE rel AS
SELECT ocid, date, buyer, awards, parties,
       tender.procurementMethod AS method,
       coalesce(tender.numberOfTenderers,
                list_sum(list_transform(list_filter(bids.statistics, lambda s: s.measure = 'bids'
                         AND s.relatedLot IS NULL), lambda s: s.value)),
                list_sum(list_transform(list_filter(bids.statistics, lambda s: s.measure = 'bids'),
                         lambda s: s.value)),
                nullif(len(bids.details), 0)) AS bidders,
       CASE WHEN tender.awardCriteria = 'priceOnly' THEN true
            WHEN len(list_filter(tender.lots, lambda l: len(l.awardCriteria.criteria) > 0)) > 0
              THEN list_bool_and(list_transform(flatten(list_transform(tender.lots,
                   lambda l: coalesce(l.awardCriteria.criteria, []))), lambda c: c.type = 'price'))
            WHEN tender.awardCriteria IS NOT NULL THEN false END AS price_only,
       substr(list_filter(tender.items, lambda i: upper(i.classification.scheme) = 'CPV')[1]
              .classification.id, 1, 2) AS cpv
FROM read_json(?, format = 'newline_delimited', columns = {columns})
"""

_PROCEDURES = """
CREATE TEMP TABLE proc AS
WITH latest AS (
  SELECT ocid,
         arg_max(method, date) FILTER (WHERE method IS NOT NULL) AS method,
         arg_max(bidders, date) FILTER (WHERE bidders IS NOT NULL) AS bidders,
         arg_max(price_only, date) FILTER (WHERE price_only IS NOT NULL) AS price_only,
         arg_max(coalesce(buyer.name, buyer.id), date)
           FILTER (WHERE coalesce(buyer.name, buyer.id) IS NOT NULL) AS buyer,
         arg_max(cpv, date) FILTER (WHERE cpv IS NOT NULL) AS cpv,
         max(date) AS dated
  FROM rel GROUP BY ocid)
SELECT *, method IN ('open', 'selective') AS competitive FROM latest;
CREATE TEMP TABLE award AS
WITH versions AS (
  SELECT r.ocid, r.date, unnest(r.awards) AS a FROM rel r),
latest AS (
  SELECT ocid, a.id AS award_id, arg_max(a, date) AS a, max(date) AS date
  FROM versions GROUP BY ocid, a.id),
kept AS (
  SELECT ocid, a, date FROM latest WHERE coalesce(a.status, 'active') = 'active'),
shared AS (
  SELECT ocid, coalesce(a.date, date) AS date, a.value.amount / len(a.suppliers) AS amount,
         a.value.currency AS currency, unnest(a.suppliers) AS s
  FROM kept WHERE len(a.suppliers) > 0),
scale AS (
  SELECT ocid, p.id AS id, arg_max(p.details.scale, date) AS scale
  FROM (SELECT ocid, date, unnest(parties) AS p FROM rel)
  WHERE p.details.scale IS NOT NULL GROUP BY ocid, p.id)
SELECT shared.ocid, TRY_CAST(substr(shared.date, 1, 4) AS INTEGER) AS year, amount, currency,
       coalesce(s.id, s.name) AS supplier, scale.scale
FROM shared LEFT JOIN scale ON scale.ocid = shared.ocid AND scale.id = s.id;
UPDATE proc SET dated = coalesce(
  (SELECT min(year)::VARCHAR FROM award WHERE award.ocid = proc.ocid), dated);
"""

_KEYS = {"buyer": "p.buyer", "cpv": "p.cpv",
         "year": "TRY_CAST(substr(p.dated, 1, 4) AS INTEGER)::VARCHAR"}


@dataclass
class Inputs:
    """What one group's indicators are computed from."""

    procedures: int = 0
    competitive: int = 0
    competitive_counted: int = 0  # competitive procedures whose number of bids is known
    single_bid: int = 0
    bidders_total: float = 0.0
    bidders_counted: int = 0
    criteria_known: int = 0
    price_only: int = 0
    awards_scaled: int = 0  # awards to a supplier whose scale is known
    awards_sme: int = 0
    value_scaled: float = 0.0
    value_sme: float = 0.0
    suppliers: int = 0  # suppliers awarded, with a value or not
    supplier_values: list[float] = field(default_factory=list)
    first_years: list[int] = field(default_factory=list)


def connect(spill: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB capped at :data:`MEMORY_LIMIT`, spilling to the folder ``spill``."""
    con = duckdb.connect(":memory:")
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute(f"SET temp_directory = '{str(spill).replace(chr(39), chr(39) * 2)}'")
    con.execute(f"SET threads = {THREADS}")
    con.execute("SET preserve_insertion_order = false")
    return con


def load(con: duckdb.DuckDBPyConnection, lines: Path) -> None:
    """Read the releases in ``lines`` and build the procedures and awards tables."""
    columns = "{" + ", ".join(f"'{k}': '{v}'" for k, v in _COLUMNS.items()) + "}"
    con.execute(_LOAD.format(columns=columns), [str(lines)])
    con.execute(_PROCEDURES)


def missing_ocid(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT count(*) FROM rel WHERE ocid IS NULL OR ocid = ''").fetchone()
    return int(row[0]) if row else 0


def inputs(con: duckdb.DuckDBPyConnection, by: GroupBy | None) -> dict[str | None, Inputs]:
    """Each group's inputs (one group, keyed ``None``, without ``by``)."""
    key = _KEYS[by] if by else "NULL::VARCHAR"
    out: dict[str | None, Inputs] = {}

    def group(k: str | None) -> Inputs:
        return out.setdefault(k, Inputs())

    for k, *n in con.execute(f"""
        SELECT {key} AS k, count(*), count(*) FILTER (WHERE competitive),
          count(*) FILTER (WHERE competitive AND bidders > 0),
          count(*) FILTER (WHERE competitive AND bidders = 1),
          coalesce(sum(bidders) FILTER (WHERE bidders > 0), 0),
          count(*) FILTER (WHERE bidders > 0),
          count(price_only), count(*) FILTER (WHERE price_only)
        FROM proc p GROUP BY k""").fetchall():
        g = group(k)
        (g.procedures, g.competitive, g.competitive_counted, g.single_bid, g.bidders_total,
         g.bidders_counted, g.criteria_known, g.price_only) = n
    award_key = key.replace("p.dated", "a.year::VARCHAR")
    value = "a.currency IS NOT DISTINCT FROM (SELECT mode(currency) FROM award)"
    for k, scaled, sme, v_scaled, v_sme in con.execute(f"""
        SELECT {award_key} AS k, count(scale), count(*) FILTER (WHERE scale = 'sme'),
          coalesce(sum(amount) FILTER (WHERE scale IS NOT NULL AND {value}), 0),
          coalesce(sum(amount) FILTER (WHERE scale = 'sme' AND {value}), 0)
        FROM award a JOIN proc p USING (ocid) GROUP BY k""").fetchall():
        g = group(k)
        g.awards_scaled, g.awards_sme, g.value_scaled, g.value_sme = scaled, sme, v_scaled, v_sme
    for k, values, years in con.execute(f"""
        SELECT k, list(total), list(first) FILTER (WHERE first IS NOT NULL) FROM (
          SELECT {award_key} AS k, supplier,
                 sum(amount) FILTER (WHERE {value}) AS total, min(a.year) AS first
          FROM award a JOIN proc p USING (ocid) WHERE supplier IS NOT NULL
          GROUP BY k, supplier) GROUP BY k""").fetchall():
        g = group(k)
        g.suppliers = len(values)
        g.supplier_values = [v for v in values if v is not None]
        g.first_years = list(years or [])
    return out
