"""Smart procurement evaluation toolkit (ISO 37106 clause 6.6).

The public Python API is :mod:`procurement.api`; rubrics are in :mod:`procurement.rubric`.
Importing this package imports nothing heavy, so that the ``procure`` command starts fast.
"""

__version__ = "0.1.0"
