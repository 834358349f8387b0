"""When the notice pages of the previous publication may be kept instead of written again
(:class:`procurement.pipeline.pages.KeptPages`).

Creating and then freeing 100,000 small files is most of the cost of publishing an unchanged
pipeline again: measured with ``benchmarks/bench_publish.py`` on two cores, 25-29 s when
every page is written anew, 8.5-9 s when they are kept. A page is kept
when nothing it shows can have changed: its entry's hash is the one last published, and the
previous publication was made from the same publish state with the same options, templates
and labels. The index page of a publication records that in one key (a ``<meta>`` tag);
anything unsure, such as a state that moved on without the folder, a changed option or a
newer version of this program, gives a different key, and then every page is written anew.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from functools import cache
from pathlib import Path

from procurement import __version__
from procurement.pipeline import pages, releases, site, site_labels, snippets
from procurement.pipeline.options import PublishOptions
from procurement.pipeline.state import Published

META_NAME = "procure-pages"
_META = re.compile(rb'<meta name="procure-pages" content="([0-9a-f]{64})">')
_HEAD_BYTES = 4096  # the tag is in the page's <head>


def pages_key(options: PublishOptions, releases_published: int, last_date: str | None) -> str:
    """What the notice pages of a publication depend on beyond their own entries: the
    options, how pages are drawn, and the state (its release count and latest date, which
    tell one state from another of the same pipeline, since a state only grows)."""
    digest = hashlib.sha256(_drawing().encode("ascii"))
    for part in (options.ocid_prefix, options.profile, options.base_url, options.license,
                 options.publisher, options.policy_page, options.indicators_page,
                 str(releases_published), last_date):
        digest.update(repr(part).encode("utf-8") + b"\x00")
    return digest.hexdigest()


@cache
def _drawing() -> str:
    """How this program draws pages: templates, code and wording (read once a process)."""
    digest = hashlib.sha256(__version__.encode("ascii"))
    for path in sorted(site.template_dir().iterdir()):
        digest.update(path.name.encode("utf-8") + b"\x00" + path.read_bytes())
    # How pages are drawn, even between versions:
    for module in (site, site_labels, snippets, releases, pages):
        with contextlib.suppress(OSError):  # no source beside it: its version stands for it
            digest.update(Path(module.__file__ or "").read_bytes())
    for text in site_labels.wording():
        digest.update(text.encode("utf-8") + b"\x00")
    return digest.hexdigest()


def state_key(options: PublishOptions, published: Published) -> str:
    """The key that a publication made from ``published`` (as it is now) recorded."""
    return pages_key(options, published.release_count, published.last_date)


def reusable_pages(out: Path, key: str) -> Path | None:
    """The previous publication's notice folder, if its index records ``key``."""
    try:
        with (out / "index.html").open("rb") as index:
            found = _META.search(index.read(_HEAD_BYTES))
    except OSError:
        return None
    if found is None or found[1].decode("ascii") != key:
        return None
    notices = out / "notices"
    return notices if notices.is_dir() else None
