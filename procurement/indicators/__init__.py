"""Indicators of a city's procurement and its supplier ecosystem, from OCDS data (issue 16).

:mod:`.formulas` holds one small pure function per indicator, :mod:`.queries` the DuckDB SQL
that computes their inputs from OCDS releases in JSON lines, :mod:`.source` turns whatever
OCDS file a user gives into such lines, and :mod:`.report` puts the two together.
"""
