"""``feed.atom``: an Atom 1.0 feed (RFC 4287) with one entry per release, so that a supplier's
feed reader shows every new and changed notice. OCDS defines no feed; this one links each
entry to its notice page and names the release it announces."""

from __future__ import annotations

from functools import cache
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from procurement.i18n import N_
from procurement.pipeline.site import both, word

_CHANGE = {"planning": N_("New notice"), "planningUpdate": N_("Updated notice"),
           "award": N_("Award")}


TAIL = "</feed>\n"


def feed_id(base_url: str | None, ocid_prefix: str) -> str:
    return f"{base_url}/feed.atom" if base_url else f"urn:ocds:{ocid_prefix}:feed"


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


def entry(release: dict[str, Any], page: str | None) -> str:
    """One release as one Atom entry; every text is escaped."""
    tender = release.get("tender", {})
    change = _change(release["tag"][0])
    value = tender.get("value") or {}
    facts = [f"{change}: {word(tender['status']) if tender.get('status') in _STATUS else ''}"]
    if value:
        facts.append(f"{value['amount']:,} {value['currency']}")
    if tender.get("tenderPeriod", {}).get("startDate"):
        facts.append(tender["tenderPeriod"]["startDate"][:10])
    link = (f'<link rel="alternate" type="text/html" href={quoteattr(page)}/>\n'
            if page else "")
    entry_id = f"urn:ocds:{release['ocid']}:{release['id']}"
    return (f"<entry>\n<id>{escape(entry_id)}</id>\n"
            f"<title>{escape(tender.get('title') or release['ocid'])}</title>\n"
            f"<updated>{release['date']}</updated>\n{link}"
            f"<summary>{escape(' · '.join(facts))}</summary>\n</entry>\n")


@cache
def _change(tag: str) -> str:
    return both(_CHANGE.get(tag, N_("Updated notice")))  # once a tag, not once a release


_STATUS = {"planning", "planned", "withdrawn"}
