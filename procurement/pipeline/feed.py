"""``feed.atom``: an Atom 1.0 feed (RFC 4287) with one entry per release, so that a supplier's
feed reader shows every new and changed notice. OCDS defines no feed; this one links each
entry to its notice page and names the release it announces."""

from __future__ import annotations

import uuid
from functools import cache
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from procurement.i18n import N_
from procurement.pipeline.site_labels import both, word

_CHANGE = {"planning": N_("New notice"), "planningUpdate": N_("Updated notice"),
           "award": N_("Award"), "awardUpdate": N_("Award updated"),
           "contract": N_("Contract"), "contractUpdate": N_("Contract updated"),
           "contractAmendment": N_("Contract amended"),
           "contractTermination": N_("Contract ended"),
           "implementation": N_("Contract progress"),
           "implementationUpdate": N_("Contract progress updated")}
_PAYMENTS, _MEASUREMENTS = N_("Payments"), N_("KPI measurements")


TAIL = "</feed>\n"


def feed_id(base_url: str | None, ocid_prefix: str) -> str:
    """The feed's permanent id: its address, or (published without one) a name-based UUID
    URN (RFC 4122; ``urn:ocds:`` is no registered namespace)."""
    return f"{base_url}/feed.atom" if base_url else uuid_urn(f"ocds:{ocid_prefix}:feed")


def entry_id(release: dict[str, Any], base_url: str | None) -> str:
    """A release's permanent entry id: a ``tag:`` URI (RFC 4151) minted under the site's host
    on the release's own date (it never changes), or a name-based UUID URN without a site."""
    host = urlsplit(base_url).hostname if base_url else None
    if host:
        return f"tag:{host},{release['date'][:10]}:{release['id']}"
    return uuid_urn(f"ocds:{release['ocid']}:{release['id']}")


def uuid_urn(name: str) -> str:
    """A name-based (SHA-1) UUID URN, RFC 4122 section 4.3: the same name, the same id."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def head(*, title: str, publisher: str, updated: str, base_url: str | None, ocid_prefix: str,
         license_url: str | None) -> str:
    """The feed up to its first entry."""
    base = f" xml:base={quoteattr(base_url + '/')}" if base_url else ""
    text = (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'
            f"{base}>\n<id>{escape(feed_id(base_url, ocid_prefix))}</id>\n"
            f"<title>{escape(title)}</title>\n<updated>{updated}</updated>\n"
            f"<author><name>{escape(publisher)}</name></author>\n"
            '<link rel="alternate" type="text/html" href="index.html"/>\n')
    if base_url:
        text += (f'<link rel="self" type="application/atom+xml" '
                 f'href={quoteattr(base_url + "/feed.atom")}/>\n')
    if license_url:
        text += f"<rights>{escape(license_url)}</rights>\n"
    return text


def entry(release: dict[str, Any], page: str | None, base_url: str | None = None) -> str:
    """One release as one Atom entry; every text is escaped. RFC 4287 §4.1.1: an entry
    without content has a ``rel="alternate"`` link; an entry with no page of its own (an
    award) carries its facts as text content instead."""
    tender = release.get("tender", {})
    contracts = release.get("contracts")
    facts = " · ".join(_award_facts(release) if release.get("awards") else
                       _contract_facts(release) if contracts else _facts(release))
    body = (f'<link rel="alternate" type="text/html" href={quoteattr(page)}/>\n'
            f"<summary>{escape(facts)}</summary>\n" if page else
            f'<content type="text">{escape(facts)}</content>\n')
    return (f"<entry>\n<id>{escape(entry_id(release, base_url))}</id>\n"
            f"<title>{escape(tender.get('title') or _contract_title(release))}</title>\n"
            f"<updated>{release['date']}</updated>\n{body}</entry>\n")


def _facts(release: dict[str, Any]) -> list[str]:
    tender = release.get("tender", {})
    status, change = tender.get("status"), _change(release["tag"][0])
    facts = [f"{change}: {word(status)}" if status in _STATUS else change]
    value = tender.get("value") or {}
    if value:
        facts.append(f"{value['amount']:,} {value['currency']}")
    if tender.get("tenderPeriod", {}).get("startDate"):
        facts.append(tender["tenderPeriod"]["startDate"][:10])
    return facts


def _award_facts(release: dict[str, Any]) -> list[str]:
    facts = []
    for award in release["awards"]:
        names = ", ".join(s["name"] for s in award.get("suppliers", []))
        value = award.get("value") or {}
        amount = f" · {value['amount']:,} {value['currency']}" if value else ""
        facts.append(f"{_change(release['tag'][0])}: {names}{amount}")
    return facts


def _contract_title(release: dict[str, Any]) -> str:
    contracts = release.get("contracts") or [{}]
    return str(contracts[0].get("title") or release["ocid"])


def _contract_facts(release: dict[str, Any]) -> list[str]:
    """The change, then the contract's value, or what its progress release holds."""
    facts = [_change(release["tag"][0])]
    for contract in release["contracts"]:
        value = contract.get("value") or {}
        if value:
            facts.append(f"{value['amount']:,} {value['currency']}")
        done = contract.get("implementation", {})
        if done.get("transactions"):
            facts.append(f"{both(_PAYMENTS)}: {len(done['transactions'])}")
        if done.get("metrics"):
            count = sum(len(m.get("observations", [])) for m in done["metrics"])
            facts.append(f"{both(_MEASUREMENTS)}: {count}")
    return facts


@cache
def _change(tag: str) -> str:
    return both(_CHANGE.get(tag, N_("Updated notice")))  # once a tag, not once a release


_STATUS = {"planning", "planned", "withdrawn"}
