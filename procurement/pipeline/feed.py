"""``feed.atom``: an Atom 1.0 feed (RFC 4287) with one entry per release, so that a supplier's
feed reader shows every new and changed notice. OCDS defines no feed; this one links each
entry to its notice page and names the release it announces."""

from __future__ import annotations

from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from procurement.i18n import N_
from procurement.pipeline.site import both, word

_CHANGE = {"planning": N_("New notice"), "planningUpdate": N_("Updated notice"),
           "award": N_("Award")}


def feed_id(base_url: str | None, ocid_prefix: str) -> str:
    return f"{base_url}/feed.atom" if base_url else f"urn:ocds:{ocid_prefix}:feed"


def write_head(out: IO[str], *, title: str, publisher: str, updated: str, base_url: str | None,
               ocid_prefix: str, license_url: str | None) -> None:
    base = f" xml:base={quoteattr(base_url + '/')}" if base_url else ""
    out.write(f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'
              f"{base}>\n<id>{escape(feed_id(base_url, ocid_prefix))}</id>\n"
              f"<title>{escape(title)}</title>\n<updated>{updated}</updated>\n"
              f"<author><name>{escape(publisher)}</name></author>\n"
              '<link rel="alternate" type="text/html" href="index.html"/>\n')
    if base_url:
        out.write(f'<link rel="self" type="application/atom+xml" '
                  f'href={quoteattr(base_url + "/feed.atom")}/>\n')
    if license_url:
        out.write(f"<rights>{escape(license_url)}</rights>\n")


def write_entry(out: IO[str], release: dict[str, Any], page: str | None) -> None:
    """One release as one Atom entry; every text is escaped."""
    tender = release.get("tender", {})
    change = both(_CHANGE.get(release["tag"][0], N_("Updated notice")))
    value = tender.get("value") or {}
    facts = [f"{change}: {word(tender['status']) if tender.get('status') in _STATUS else ''}"]
    if value:
        facts.append(f"{value['amount']:,} {value['currency']}")
    if tender.get("tenderPeriod", {}).get("startDate"):
        facts.append(tender["tenderPeriod"]["startDate"][:10])
    entry_id = f"urn:ocds:{release['ocid']}:{release['id']}"
    out.write(f"<entry>\n<id>{escape(entry_id)}</id>\n"
              f"<title>{escape(tender.get('title') or release['ocid'])}</title>\n"
              f"<updated>{release['date']}</updated>\n")
    if page:
        out.write(f'<link rel="alternate" type="text/html" href={quoteattr(page)}/>\n')
    out.write(f"<summary>{escape(' · '.join(facts))}</summary>\n</entry>\n")


def write_tail(out: IO[str]) -> None:
    out.write("</feed>\n")


_STATUS = {"planning", "planned", "withdrawn"}
