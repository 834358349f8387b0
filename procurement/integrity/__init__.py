"""Integrity screening of one procurement's bids before the approver signs: the red flags of
the Open Contracting Partnership's Cardinal library that apply to one procurement, and the
bid-rigging screens competition authorities use. Pure functions of the bids and settings."""

from procurement.integrity.model import Finding, IntegrityBid, IntegrityFlag, IntegritySettings
from procurement.integrity.screen import screen

__all__ = ["Finding", "IntegrityBid", "IntegrityFlag", "IntegritySettings", "screen"]
