"""Organisation identifiers as the org-id register defines them, with their checks."""

from __future__ import annotations

import pytest

from procurement.jurisdictions import orgid


@pytest.mark.parametrize("identifier", [
    "CN-USCI-91350100M000100Y43", "CN-USCI-91110000600037341L",  # GB 32100-2015 check char
    "GB-COH-01234567", "GB-COH-SC123456", "GB-CHC-1123456", "GB-LAE-BIR", "GB-LANI-BFS",
    "XI-LEI-5493001KJTIIGC8Y1R12", "BE-BCE_KBO-0403170701", "DK-CVR-10403782",
    "FR-RCS-552100554", "NL-KVK-33302047"])
def test_valid_identifiers(identifier):
    scheme, value = orgid.split(identifier)
    assert f"{scheme.code}-{value}" == identifier


@pytest.mark.parametrize(("identifier", "message"), [
    ("CN-USCI-91350100M000100Y44", "is not a valid CN-USCI identifier"),  # wrong check char
    ("CN-USCI-9135010OM000100Y4", "is not a valid CN-USCI identifier"),  # 17 chars, an O
    ("CN-USCC-11440300MB2C12345X", "CN-USCC is not a scheme of the org-id register"),
    ("GB-LAC-E09000003", "GB-LAC is not a scheme of the org-id register"),
    ("GB-COH-1", "is not a valid GB-COH identifier"),
    ("XI-LEI-5493001KJTIIGC8Y1R13", "is not a valid XI-LEI identifier"),
    ("ACME", "ACME is not a scheme"),
])
def test_invalid_identifiers_name_the_rule(identifier, message):
    with pytest.raises(orgid.IdentifierProblem) as caught:
        orgid.split(identifier)
    assert message in str(caught.value)


def test_a_jurisdiction_can_limit_the_schemes_of_its_buyers():
    with pytest.raises(orgid.IdentifierProblem, match="one of the schemes CN-USCI, not GB-COH"):
        orgid.check("GB-COH-01234567", ("CN-USCI",))


def test_the_check_character_of_the_unified_social_credit_code():
    # GB 32100-2015: C18 = 31 − (Σ Ci·Wi mod 31), 31 written as 0.
    assert orgid.usci_check_character("91350100M000100Y4") == "3"
