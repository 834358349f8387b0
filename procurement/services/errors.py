"""Errors of the workflow, each a :class:`ProcurementError` with a message for the user."""

from procurement.errors import ProcurementError


class PermissionDenied(ProcurementError):
    """The acting user may not do this (role, panel membership, conflict of interest)."""


class NotFound(ProcurementError):
    """No such procurement, bid, user or score."""


class StateError(ProcurementError):
    """Not allowed in the procurement's current status, or a precondition is not met."""


class ConflictError(ProcurementError):
    """Someone changed the record since it was read (optimistic version check)."""
