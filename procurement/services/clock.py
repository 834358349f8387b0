"""The services' clock (procurement.clock), imported by name so that tests can set it."""

from procurement.clock import at, now, publication_time, today

__all__ = ["at", "now", "publication_time", "today"]
