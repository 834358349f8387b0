"""The workflow's errors (defined with the others in procurement.errors, where the domain
raises them too)."""

from procurement.errors import ConflictError, NotFound, PermissionDenied, StateError

__all__ = ["ConflictError", "NotFound", "PermissionDenied", "StateError"]
