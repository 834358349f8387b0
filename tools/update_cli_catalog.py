"""Bring the ``cli`` catalog (the help of the ``procure`` commands) up to date with the
commands: new help texts are added untranslated, texts no command shows any more are
dropped, translations are kept. Run by ``./dev i18n``; tests/unit/test_i18n.py fails until
every text has its translation."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from procurement.cli import cli  # noqa: E402
from procurement.cli.bilingual import help_texts  # noqa: E402
from procurement.i18n import LOCALE_DIR  # noqa: E402


def main() -> None:
    path = LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "cli.po"
    old = Catalog(locale="zh_CN", domain="cli")
    if path.exists():
        with path.open("rb") as handle:
            old = read_po(handle, locale="zh_CN", domain="cli")
    new = Catalog(locale="zh_CN", domain="cli", project="smart-procurement", fuzzy=False,
                  header_comment="# Help of the procure commands, in 简体中文.",
                  creation_date=old.creation_date, revision_date=old.revision_date)
    for text in dict.fromkeys(help_texts(cli)):
        kept = old.get(text)
        new.add(text, kept.string if kept is not None else "")
    with path.open("wb") as handle:
        write_po(handle, new, sort_output=True, no_location=True, width=100, omit_header=False)
    missing = [message.id for message in new if message.id and not message.string]
    print(f"{path.relative_to(ROOT)}: {len(new)} texts, {len(missing)} to translate")


if __name__ == "__main__":
    main()
